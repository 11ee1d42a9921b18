"""Everyone sees a hall's link: laptops get the relay's state, the chair sees every room.

The connection layer is driven against a real province and a real relay; the
windows are then fed the same notices the bridge forwards.
"""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from meetingroom.laptop.profiles import profile_for
from meetingroom.sync.client.connection import ConnectionState, MeetingConnection, SessionListener
from meetingroom.sync.client.local_store import LocalStore
from meetingroom.ui.bridge import ServerBridge
from meetingroom.ui.chair.rooms_panel import RoomsPanel
from meetingroom.ui.delegate.status_bar import MeetingStatusBar
from meetingroom.ui.session import LiveMeeting
from tests.helpers.factories import PASSWORD
from tests.test_relay import Province, Proxy, _relay, province

__all__ = ["province"]


class Notices(SessionListener):
    def __init__(self) -> None:
        self.seen: list[dict[str, Any]] = []
        self.online = asyncio.Event()

    def on_notice(self, notice: dict[str, Any]) -> None:
        self.seen.append(notice)

    def on_status(self, status: Any) -> None:
        if status.state is ConnectionState.ONLINE:
            self.online.set()

    async def wait_for(self, check: Any, within: float = 20) -> dict[str, Any]:
        async with asyncio.timeout(within):
            while True:
                for notice in self.seen:
                    if check(notice):
                        return notice
                await asyncio.sleep(0.1)


async def _connected(url: str, username: str, meeting_id: int, folder: Path,
                     listener: Notices) -> MeetingConnection:
    connection = MeetingConnection(url, LocalStore.open(folder), username, meeting_id,
                                   listener=listener)
    await connection.start(None)
    await connection.login(PASSWORD)
    async with asyncio.timeout(20):
        await listener.online.wait()
    return connection


async def test_the_hall_and_the_chair_see_a_cut_uplink(province: Province,
                                                       tmp_path: Path) -> None:
    meeting = province.hall.meeting_id
    proxy = Proxy(province.server.port)
    relay = await _relay(await proxy.start(), meeting, "relay-a", "Xã An Bình", tmp_path / "r")
    laptop_news, chair_news = Notices(), Notices()
    laptop = await _connected(relay.url, "delegate1", meeting, tmp_path / "laptop",
                              laptop_news)
    chair = await _connected(province.server.url, "chair", meeting, tmp_path / "chair",
                             chair_news)
    try:
        up = await laptop_news.wait_for(lambda n: n["notice"] == "relay.link")
        assert up["payload"]["state"] == "up"
        await chair_news.wait_for(lambda n: n["notice"] in ("rooms", "room.changed") and any(
            r.get("hall") == "Xã An Bình" for r in
            (n["payload"].get("rooms") or [n["payload"]])))
        proxy.cut()
        down = await laptop_news.wait_for(lambda n: n["notice"] == "relay.link"
                                          and n["payload"]["state"] == "down")
        assert down["payload"]["hall"] == "Xã An Bình"
        lost = await chair_news.wait_for(lambda n: n["notice"] == "room.changed"
                                         and n["payload"].get("link") == "down", within=120)
        assert lost["payload"]["hall"] == "Xã An Bình"
        proxy.restore()
        await laptop_news.wait_for(lambda n: n["notice"] == "relay.link"
                                   and n["payload"]["state"] == "up"
                                   and n is not up)
    finally:
        await laptop.close()
        await chair.close()
        await relay.stop()
        await proxy.stop()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_windows_show_the_link_and_the_rooms(qtbot: QtBot, tmp_path: Path) -> None:
    url = "ws://127.0.0.1:9"
    bridge = ServerBridge(url, profile_for(url, "daibieu01", root=tmp_path))
    try:
        session = LiveMeeting(bridge, 1)
        bar = MeetingStatusBar(session)
        rooms = RoomsPanel(session)
        qtbot.addWidget(bar)
        qtbot.addWidget(rooms)
        assert bar.link_label.text() == ""
        assert rooms.isHidden()
        with qtbot.waitSignal(session.changed):
            bridge.notice_received.emit({"notice": "relay.link", "payload": {
                "hall": "Xã An Bình", "state": "down", "pending": 2}})
        assert "mất kết nối với máy chủ tỉnh" in bar.link_label.text()
        assert "2 thao tác" in bar.link_label.text()
        with qtbot.waitSignal(session.changed):
            bridge.notice_received.emit({"notice": "rooms", "payload": {"rooms": [
                {"hall": "Xã An Bình", "link": "down", "present": 7, "laptops": 9,
                 "pending": 2},
                {"hall": "Xã Bình Minh", "link": "up", "present": 10, "laptops": 10,
                 "pending": 0}]}})
        lines = [rooms.model.data(rooms.model.index(n)) for n in range(rooms.model.rowCount())]
        assert lines[0].startswith("⚠ Xã An Bình: MẤT KẾT NỐI, có mặt 7")
        assert lines[1].startswith("● Xã Bình Minh: kết nối tốt")
        with qtbot.waitSignal(session.changed):
            bridge.notice_received.emit({"notice": "relay.link", "payload": {
                "hall": "Xã An Bình", "state": "up", "pending": 0}})
        assert bar.link_label.text() == ""
    finally:
        bridge.blockSignals(True)
        bridge.shutdown()
