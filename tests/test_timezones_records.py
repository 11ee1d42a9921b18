"""Minutes, reports, invitations and the hub's API read times on the body's own clock.

A real server and real clients, on a laptop set to UTC, for a body in Asia/Tokyo (+09:00)
and one in Vietnam (+07:00). The meeting starts at 16:30 UTC, so even the date differs
from UTC's: 02/12 01:30 in Tokyo, 01/12 23:30 in Hà Nội. Expected texts are computed here
with ``zoneinfo`` from the stored instants, not with the code under test.
"""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import asyncio
import base64
import csv
import io
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pymupdf
import pytest
from sqlalchemy import select

from meetingroom.core.invitations import render_invitation_list, render_invitations
from meetingroom.laptop.doc_cache import DocumentCache
from meetingroom.server.storage.database import Database
from meetingroom.server.storage.models import Meeting, Participant, SpeechRequest, User, Vote
from meetingroom.sync.client.transfer import download
from meetingroom.sync.serving.endpoint import ChairServer
from tests.conftest import Login
from tests.helpers.factories import Hall, make_hall
from tests.helpers.session_helpers import start_session
from tests.test_integration_api import _get, _login_token
from tests.test_timezones import laptop_in_utc  # noqa: F401  (the fixture, used by name)

STARTS = datetime(2026, 12, 1, 16, 30, tzinfo=UTC)
#: zone -> (start as the minutes word it, start as the API sends it)
EXPECTED = {
    "Asia/Tokyo": ("01 giờ 30, ngày 02 tháng 12 năm 2026", "2026-12-02T01:30:00+09:00"),
    "Asia/Ho_Chi_Minh": ("23 giờ 30, ngày 01 tháng 12 năm 2026",
                         "2026-12-01T23:30:00+07:00"),
}

pytestmark = pytest.mark.usefixtures("laptop_in_utc")


@pytest.fixture(params=sorted(EXPECTED))
def hall(request: pytest.FixtureRequest, database: Database) -> Hall:
    made = make_hall(database, time_zone=request.param)
    with database.transaction() as session:
        meeting = session.get(Meeting, made.meeting_id)
        assert meeting is not None
        meeting.starts_at = STARTS
    return made


def _zone(database: Database, hall: Hall) -> ZoneInfo:
    with database.reading() as session:
        meeting = session.get(Meeting, hall.meeting_id)
        assert meeting is not None
        return ZoneInfo(meeting.body.time_zone)


def _clock(value: datetime | None, zone: ZoneInfo, fmt: str) -> str:
    assert value is not None
    return value.replace(tzinfo=value.tzinfo or UTC).astimezone(zone).strftime(fmt)


def _iso(value: datetime | None, zone: ZoneInfo) -> str:
    assert value is not None
    return value.replace(tzinfo=value.tzinfo or UTC).astimezone(zone).isoformat(
        timespec="seconds")


async def _short_session(hall: Hall, login: Login) -> None:
    """Check-in, one speech, one closed vote, closed meeting."""
    m = hall.meeting_id
    chair, d1 = await login("chair"), await login("delegate1")
    await start_session(chair, m, hall.item_ids[1])
    for client in (chair, d1):
        await client.command(m, "attendance.check_in")
    speech = (await d1.command(m, "speech.register", {"topic": "Thu ngân sách"}))["speech"]
    await chair.command(m, "speech.start", {"speech_id": speech["id"]})
    await chair.command(m, "speech.end", {"speech_id": speech["id"]})
    vote = (await chair.command(m, "vote.create", {"matter": "resolution",
                                                   "title": "Nghị quyết về phí"}))["vote"]
    await chair.command(m, "vote.open", {"vote_id": vote["id"]})
    for client in (chair, d1):
        await client.command(m, "vote.cast", {"vote_id": vote["id"], "choice": 0})
    await chair.command(m, "vote.close", {"vote_id": vote["id"]})
    await chair.command(m, "meeting.close")


async def test_minutes_show_the_bodys_dates_and_times(
        server: ChairServer, hall: Hall, login: Login, database: Database,
        tmp_path: Path) -> None:
    await _short_session(hall, login)
    secretary = await login("secretary")
    made = (await secretary.command(hall.meeting_id, "minutes.generate"))["document"]
    data = await download(secretary, made["sha256"], made["size_bytes"],
                          DocumentCache(tmp_path / "cache", bytes(32)))
    with pymupdf.open(stream=data, filetype="pdf") as pdf:
        text = " ".join(" ".join(page.get_text().split()) for page in pdf)

    zone = _zone(database, hall)
    with database.reading() as session:
        meeting = session.get(Meeting, hall.meeting_id)
        assert meeting is not None
        speech = session.scalars(select(SpeechRequest)).one()
        vote = session.scalars(select(Vote)).one()
        ended = meeting.ends_at
        spoke, opened = speech.started_at, vote.opened_at
    assert f"Thời gian bắt đầu: {EXPECTED[zone.key][0]}." in text
    when = "%H giờ %M, ngày %d tháng %m năm %Y"
    assert f"Cuộc họp kết thúc vào {_clock(ended, zone, when)}./." in text
    assert f"Người dùng delegate1 phát biểu lúc {_clock(spoke, zone, '%H:%M')}" in text
    assert f"Biểu quyết lúc {_clock(opened, zone, '%H:%M')} (biểu quyết công khai" in text


async def test_reports_show_check_in_and_vote_times_on_the_bodys_clock(
        server: ChairServer, hall: Hall, login: Login, database: Database) -> None:
    await _short_session(hall, login)
    secretary = await login("secretary")
    zone = _zone(database, hall)
    with database.reading() as session:
        checked_in = session.scalar(
            select(Participant.checked_in_at).join(User, User.id == Participant.user_id)
            .where(User.username == "delegate1", Participant.meeting_id == hall.meeting_id))
        vote = session.scalars(select(Vote)).one()
        opened, closed = vote.opened_at, vote.closed_at
    stamp = "%d/%m/%Y %H:%M"

    reply = await secretary.command(hall.meeting_id, "report.export",
                                    {"kind": "attendance", "format": "csv"})
    rows = list(csv.reader(io.StringIO(base64.b64decode(reply["data"]).decode("utf-8-sig"))))
    at = rows[0].index("Giờ điểm danh")
    assert next(r for r in rows if r[0] == "Người dùng delegate1")[at] == \
        _clock(checked_in, zone, stamp)

    reply = await secretary.command(hall.meeting_id, "report.export", {"kind": "all"})
    book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(reply["data"])))
    attendance = list(book["Điểm danh"].values)
    assert next(r for r in attendance if r[0] == "Người dùng delegate1")[at] == \
        _clock(checked_in, zone, stamp)
    votes = list(book["Kết quả biểu quyết"].values)
    assert votes[0][-2:] == ("Mở biểu quyết lúc", "Kết thúc lúc")
    assert votes[1][-2:] == (_clock(opened, zone, stamp), _clock(closed, zone, stamp))


async def test_the_hub_gets_iso_8601_with_the_bodys_offset(
        server: ChairServer, hall: Hall, login: Login, database: Database) -> None:
    await _short_session(hall, login)
    base = server.url.replace("ws://", "http://") + "/api/v1"
    token = await _login_token(server, "chair")
    zone = _zone(database, hall)
    with database.reading() as session:
        vote = session.scalars(select(Vote)).one()
        closed = vote.closed_at
        meeting = session.get(Meeting, hall.meeting_id)
        assert meeting is not None
        ended = meeting.ends_at

    status, listing = await asyncio.to_thread(_get, f"{base}/meetings", token)
    assert status == 200
    past = next(m for m in listing["past"] if m["id"] == hall.meeting_id)
    assert past["starts_at"] == EXPECTED[zone.key][1]
    assert past["ends_at"] == _iso(ended, zone)
    assert past["body"]["time_zone"] == zone.key

    status, detail = await asyncio.to_thread(_get, f"{base}/meetings/{hall.meeting_id}",
                                             token)
    assert status == 200
    assert detail["meeting"]["starts_at"] == EXPECTED[zone.key][1]
    assert detail["body"]["time_zone"] == zone.key
    assert detail["votes"][0]["closed_at"] == _iso(closed, zone)
    # The offset keeps the instant exact.
    assert datetime.fromisoformat(detail["meeting"]["starts_at"]) == STARTS


@pytest.mark.parametrize(("time_zone", "expected"), [
    ("Asia/Tokyo", "01 giờ 30, thứ Tư, ngày 02 tháng 12 năm 2026"),
    ("Asia/Ho_Chi_Minh", "23 giờ 30, thứ Ba, ngày 01 tháng 12 năm 2026"),
])
def test_invitations_show_the_bodys_day_and_time(time_zone: str, expected: str) -> None:
    meeting = {"id": 1, "title": "Kỳ họp thứ nhất", "location": "Hội trường",
               "starts_at": STARTS.isoformat(),
               "body": {"id": 1, "name": "HĐND xã Hòa Bình", "time_zone": time_zone}}
    person = {"full_name": "Nguyễn Văn An", "role": "delegate", "seat": "A1"}
    for data in (render_invitations(meeting, [person]),
                 render_invitation_list(meeting, [person])):
        with pymupdf.open(stream=data, filetype="pdf") as pdf:
            text = " ".join(" ".join(page.get_text().split()) for page in pdf)
        assert f"Thời gian: {expected}." in text
