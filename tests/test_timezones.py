"""Meeting times show in the body's zone, whatever zone the laptop is set to."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from meetingroom.core.timezones import from_zone, in_zone, iso_in_zone, meeting_start
from meetingroom.ui.delegate.meeting_window import meeting_time
from meetingroom.ui.meeting_list import meeting_date
from meetingroom.ui.models.list_models import meeting_line


@pytest.fixture
def laptop_in_utc() -> Iterator[None]:
    previous = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if previous is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = previous
    time.tzset()


MEETING: dict[str, Any] = {"id": 1, "title": "Kỳ họp thứ nhất", "status": "published",
           "starts_at": "2026-12-03T01:00:00+00:00",
           "body": {"id": 1, "name": "HĐND", "time_zone": "Asia/Ho_Chi_Minh"}}


@pytest.mark.usefixtures("laptop_in_utc")
def test_a_meeting_at_01z_shows_at_08_in_hanoi_on_a_utc_laptop() -> None:
    assert meeting_start(MEETING).strftime("%H:%M") == "08:00"
    assert meeting_line(MEETING).startswith("03/12/2026 08:00")
    assert meeting_time(MEETING["starts_at"], "Asia/Ho_Chi_Minh").startswith("08:00")
    late = {**MEETING, "starts_at": "2026-12-02T18:30:00Z"}
    assert str(meeting_date(late)) == "2026-12-03", "the date is the body's, not UTC's"


def test_another_zone_and_an_unknown_one() -> None:
    assert in_zone("2026-12-03T01:00:00Z", "Asia/Tokyo").hour == 10
    assert in_zone("2026-12-03T01:00:00Z", "Mars/Olympus").hour == 8, "falls back to Vietnam"
    assert meeting_start({"starts_at": "2026-12-03T01:00:00Z"}).hour == 8


@pytest.mark.usefixtures("laptop_in_utc")
def test_the_helper_crosses_both_ways_and_follows_summer_time() -> None:
    tokyo = from_zone(datetime(2026, 12, 3, 8, 0), "Asia/Tokyo")
    assert tokyo == datetime(2026, 12, 2, 23, 0, tzinfo=UTC)
    assert tokyo.tzinfo is UTC, "stored times stay aware UTC"
    assert iso_in_zone(tokyo, "Asia/Tokyo") == "2026-12-03T08:00:00+09:00"
    assert iso_in_zone("2026-12-03T01:00:00Z", "Asia/Ho_Chi_Minh") == \
        "2026-12-03T08:00:00+07:00"
    assert iso_in_zone(None, "Asia/Tokyo") is None
    # What a person typed is the body's wall time, whatever zone the value carried.
    assert from_zone(datetime(2026, 12, 3, 8, 0, tzinfo=UTC), "Asia/Ho_Chi_Minh") == \
        datetime(2026, 12, 3, 1, 0, tzinfo=UTC)
    # A naive stored value is UTC, not the laptop's time.
    assert in_zone(datetime(2026, 12, 3, 1, 0), "Asia/Ho_Chi_Minh").hour == 8
    # Berlin: 09:00 is 07:00Z in summer (CEST, +02:00) and 08:00Z in winter (CET, +01:00).
    summer = from_zone(datetime(2026, 7, 1, 9, 0), "Europe/Berlin")
    winter = from_zone(datetime(2026, 12, 1, 9, 0), "Europe/Berlin")
    assert (summer.hour, winter.hour) == (7, 8)
    assert iso_in_zone(summer, "Europe/Berlin") == "2026-07-01T09:00:00+02:00"
    assert iso_in_zone(winter, "Europe/Berlin") == "2026-12-01T09:00:00+01:00"
    assert in_zone(summer, "Europe/Berlin").strftime("%H:%M") == "09:00"
    # The night clocks go back (25/10/2026), 02:30 happens twice: the first one is meant.
    assert from_zone(datetime(2026, 10, 25, 2, 30), "Europe/Berlin") == \
        datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    # The night clocks go forward (29/03/2026), 02:30 never happens: 03:30 summer time.
    skipped = from_zone(datetime(2026, 3, 29, 2, 30), "Europe/Berlin")
    assert iso_in_zone(skipped, "Europe/Berlin") == "2026-03-29T03:30:00+02:00"
