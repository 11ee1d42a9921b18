"""Preparing a meeting through the real server: create, clone, import participants."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from meetingroom.core.participants_file import ListFileError, read_participants
from meetingroom.server.reports import Table, to_xlsx
from meetingroom.sync.client.chair_client import ServerError
from meetingroom.sync.serving.endpoint import ChairServer
from tests.conftest import Login
from tests.helpers.factories import Hall

CSV = """Tên đăng nhập;Họ và tên;Vai trò;Chỗ ngồi
delegate1;Người dùng delegate1;Đại biểu;A-01
delegate2;Người dùng delegate2;đại biểu;A-02
nobody;Không có tài khoản;Đại biểu;A-03
delegate1;Lặp lại;Đại biểu;A-04
guest;Khách;Khách mời;K-01
delegate3;Sai vai trò;Chủ tịch nước;A-05
;Thiếu tên đăng nhập;Đại biểu;A-06
""".encode()


async def test_create_clone_and_import(server: ChairServer, hall: Hall, login: Login) -> None:
    secretary, delegate = await login("secretary"), await login("delegate1")
    bodies = (await secretary.request("list_bodies"))["bodies"]
    assert [b["name"] for b in bodies] == ["HĐND xã Hòa Bình"]
    assert (await delegate.request("list_bodies"))["bodies"] == []
    with pytest.raises(ServerError) as refused:
        await delegate.request("create_meeting", body_id=bodies[0]["id"], title="X",
                               starts_at="2026-12-20T01:00:00+00:00")
    assert refused.value.code == "forbidden"

    created = (await secretary.request(
        "create_meeting", body_id=bodies[0]["id"], title="Kỳ họp thứ hai",
        starts_at=datetime(2026, 12, 20, 1, 0, tzinfo=UTC).isoformat(),
        location="Hội trường xã"))["meeting"]
    assert created["status"] == "draft"
    assert created["role"] == "secretary"
    snapshot = (await secretary.subscribe(created["id"]))["snapshot"]
    assert [p["role"] for p in snapshot["participants"]] == ["secretary"]
    assert snapshot["agenda"] == []

    # Import: the file's own problems first, then the server's, then the good rows.
    rows = read_participants(CSV, "dai-bieu.csv")
    local = {r.line: r.errors for r in rows if r.errors}
    assert set(local) == {5, 7, 8}
    sendable = [r.as_args() for r in rows if not r.errors]
    preview = await secretary.command(created["id"], "participant.import", {"rows": sendable})
    assert preview["added"] == 0
    bad = {r["line"]: r["errors"][0] for r in preview["rows"] if not r["ok"]}
    assert list(bad) == [4]
    assert bad[4] == {"reason": "no_account", "username": bad[4]["username"]}
    assert "nobody" in bad[4]["username"]
    applied = await secretary.command(created["id"], "participant.import",
                                      {"rows": sendable, "apply": True})
    assert applied["added"] == 3
    again = (await secretary.subscribe(created["id"], last_seq=0))["snapshot"]
    seats = {p["full_name"]: (p["role"], p["seat"]) for p in again["participants"]}
    assert seats["Người dùng delegate2"] == ("delegate", "A-02")
    assert seats["Người dùng guest"] == ("guest", "K-01")

    # Clone the first meeting: agenda tree, people and documents come along, as a draft.
    clone = (await secretary.request(
        "create_meeting", body_id=bodies[0]["id"], title="Kỳ họp (bản sao)",
        starts_at="2027-01-10T01:00:00+00:00", clone_of=hall.meeting_id))["meeting"]
    copied = (await secretary.subscribe(clone["id"]))["snapshot"]
    assert [i["title"] for i in copied["agenda"]] == ["Khai mạc", "Báo cáo ngân sách", "Bế mạc"]
    assert len(copied["participants"]) == 6
    assert all(p["role"] != "delegate" or p["seat"] == "" for p in copied["participants"])


def test_participant_lists_from_xlsx_and_unreadable_files() -> None:
    xlsx = to_xlsx([Table("Danh sách", ["Username", "Full name", "Role", "Seat"],
                          [["delegate1", "A", "delegate", "1"], ["", "B", "guest", "2"]])])
    rows = read_participants(xlsx, "list.xlsx")
    assert [(r.username, r.role, r.errors == []) for r in rows] == [
        ("delegate1", "delegate", True), ("", "guest", False)]
    with pytest.raises(ListFileError, match="username"):
        read_participants(b"a,b\n1,2\n", "x.csv")
    with pytest.raises(ListFileError, match="UTF-8"):
        read_participants("Tên đăng nhập\nđại\n".encode("cp1258", errors="replace") + b"\xff",
                          "x.csv")
    with pytest.raises(ListFileError, match="XLSX"):
        read_participants(b"not a zip", "x.xlsx")
