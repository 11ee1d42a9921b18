"""Meeting times show in the body's zone, whatever zone the laptop is set to."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from typing import Any

import pytest

from meetingroom.timezones import in_zone, meeting_start
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
