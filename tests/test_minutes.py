"""The minutes of a short real session: written from the record, readable, in Vietnamese."""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import base64
import csv
import io
from pathlib import Path

import openpyxl
import pymupdf
import pytest
from pytestqt.qtbot import QtBot

from meetingroom.laptop.doc_cache import DocumentCache
from meetingroom.server.announcements import announce
from meetingroom.sync.client.chair_client import ServerError
from meetingroom.sync.client.transfer import download
from meetingroom.sync.serving.endpoint import ChairServer
from tests.conftest import Login
from tests.helpers.factories import Hall
from tests.helpers.session_helpers import start_session
from tests.test_reader_support import new_reader, open_in


async def test_minutes_hold_attendance_speakers_votes_and_conclusions(
        qtbot: QtBot, server: ChairServer, hall: Hall, login: Login, tmp_path: Path) -> None:
    m = hall.meeting_id
    chair, secretary = await login("chair"), await login("secretary")
    d1, d2, d3 = [await login(name) for name in hall.delegates]
    await start_session(chair, m, hall.item_ids[1])
    for client in (chair, d1, d2):
        await client.command(m, "attendance.check_in")
    await d3.command(m, "attendance.mark_absent", {"reason": "Đi công tác tại Hà Nội"})
    speech = (await d1.command(m, "speech.register", {"topic": "Nguồn thu từ đất"}))["speech"]
    await chair.command(m, "speech.start", {"speech_id": speech["id"]})
    await chair.command(m, "speech.end", {"speech_id": speech["id"]})
    vote = (await chair.command(m, "vote.create", {
        "matter": "resolution", "title": "Thông qua dự toán ngân sách năm 2027"}))["vote"]
    await chair.command(m, "vote.open", {"vote_id": vote["id"]})
    for client in (chair, d1, d2):
        await client.command(m, "vote.cast", {"vote_id": vote["id"], "choice": 0})
    closed = (await chair.command(m, "vote.close", {"vote_id": vote["id"]}))["vote"]
    assert "announcement" not in closed["result"]  # the screens word it; the minutes print it
    await secretary.command(m, "conclusion.set", {
        "item_id": hall.item_ids[1], "text": "Giao Ủy ban nhân dân hoàn thiện báo cáo."})
    await chair.command(m, "meeting.close")
    await secretary.command(m, "conclusion.set", {"text": "Kỳ họp thành công tốt đẹp."})

    generated = (await secretary.command(m, "minutes.generate"))["document"]
    assert generated["title"].startswith("Biên bản")
    data = await download(d2, generated["sha256"], generated["size_bytes"],
                          DocumentCache(tmp_path / "cache", bytes(32)))
    with pymupdf.open(stream=data, filetype="pdf") as pdf:
        text = " ".join(" ".join(page.get_text().split()) for page in pdf)
    for expected in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "BIÊN BẢN Kỳ họp thứ nhất", "Hội trường xã", "Có mặt: 3 đại biểu",
                     "Người dùng delegate3 (Đi công tác tại Hà Nội)",
                     "Người dùng delegate1 phát biểu", "Nguồn thu từ đất",
                     "Thông qua dự toán ngân sách năm 2027",
                     "đại biểu tán thành, chiếm", "Kết quả: được thông qua",
                     announce(closed["result"]),
                     "Giao Ủy ban nhân dân hoàn thiện báo cáo.",
                     "Kỳ họp thành công tốt đẹp.", "THƯ KÝ", "CHỦ TỌA",
                     "Người dùng secretary", "Người dùng chair"]:
        assert expected in text, expected

    # Generating again after a change makes a new version; the app's own reader opens it.
    await secretary.command(m, "conclusion.set", {"text": "Kỳ họp đã hoàn thành."})
    again = (await secretary.command(m, "minutes.generate"))["document"]
    assert again["version"] == 2
    assert again["previous_id"] == generated["id"]
    reader = open_in(qtbot, new_reader(qtbot, profile=tmp_path / "profile"), data)
    assert reader.page_count() >= 1
    reader.shutdown()


async def test_reports_as_csv_and_xlsx_with_a_chart(server: ChairServer, hall: Hall,
                                                    login: Login) -> None:
    m = hall.meeting_id
    chair, secretary = await login("chair"), await login("secretary")
    d1, d2 = await login("delegate1"), await login("delegate2")
    await start_session(chair, m, hall.item_ids[1])
    for client in (chair, d1):
        await client.command(m, "attendance.check_in")
    await d2.command(m, "attendance.mark_absent", {"reason": "Ốm"})
    speech = (await d1.command(m, "speech.register", {"queue": "question"}))["speech"]
    await chair.command(m, "speech.start", {"speech_id": speech["id"]})
    await chair.command(m, "speech.end", {"speech_id": speech["id"]})
    vote = (await chair.command(m, "vote.create", {"matter": "resolution",
                                                   "title": "Nghị quyết"}))["vote"]
    await chair.command(m, "vote.open", {"vote_id": vote["id"]})
    await d1.command(m, "vote.cast", {"vote_id": vote["id"], "choice": 0})
    await chair.command(m, "vote.close", {"vote_id": vote["id"]})

    csv_reply = await secretary.command(m, "report.export", {"kind": "attendance",
                                                             "format": "csv"})
    rows = list(csv.reader(io.StringIO(base64.b64decode(csv_reply["data"]).decode("utf-8-sig"))))
    assert rows[0][:4] == ["Họ và tên", "Vai trò", "Chỗ ngồi", "Tình trạng"]
    absent = next(r for r in rows if r[0] == "Người dùng delegate2")
    assert absent[3:5] == ["Vắng", "Ốm"]
    xlsx = await secretary.command(m, "report.export", {"kind": "all"})
    book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(xlsx["data"])))
    assert book.sheetnames == ["Điểm danh", "Kết quả biểu quyết", "Thống kê đại biểu"]
    votes = list(book["Kết quả biểu quyết"].values)
    assert votes[1][0] == "Nghị quyết"
    assert votes[1][5] == "Không thông qua"
    stats = {row[0]: row for row in book["Thống kê đại biểu"].values}
    assert stats["Người dùng delegate1"][1:8] == (1, 1, "100,00%", 0, 1, 0.0, 1)
    assert stats["Người dùng delegate2"][2:4] == (0, "0,00%")
    assert len(book["Thống kê đại biểu"]._charts) == 1
    with pytest.raises(ServerError) as delegate_reads:
        await d1.command(m, "report.export", {})
    assert delegate_reads.value.code == "forbidden"
