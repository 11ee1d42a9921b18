"""The chair console and the big screen against a real server, with three delegates.

The chair works through the console's buttons and keys; the delegates are
plain sessions. The screens are rendered to PNG under ``test-output/`` so a
person can look at them.
"""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from meetingroom.core.demo_documents import DEMO_PASSWORD
from meetingroom.laptop.profiles import Profile, profile_for
from meetingroom.server.blobs import BlobStore
from meetingroom.sync.client.chair_client import ChairClient
from meetingroom.sync.client.connection import ConnectionState, ReconnectPolicy
from meetingroom.ui.bridge import ServerBridge
from meetingroom.ui.chair import BigScreen, ChairConsole
from meetingroom.ui.chair.models import ReadinessModel
from meetingroom.ui.qt import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QListView,
    QPushButton,
    Qt,
    QWidget,
)
from meetingroom.ui.relogin_dialog import ReloginDialog
from meetingroom.ui.session import LiveMeeting
from tests.helpers.modals import CANCEL_CLICK, PROCEED_CLICK, Modals, press
from tests.helpers.processes import ServerProcess

#: What the offscreen platform says when a window is resized or raised.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                                       "This plugin does not support raise")

FAST = ReconnectPolicy(base_delay=0.1, max_delay=0.5)
WAIT = 20_000
OUTPUT = Path(__file__).resolve().parent.parent / "test-output"
CLOCK = re.compile(r"^\+?\d\d:\d\d$")
TIME_OF_DAY = re.compile(r"^\d\d:\d\d$")


@pytest.fixture
def demo_server(tmp_path: Path) -> Iterator[ServerProcess]:
    server = ServerProcess(tmp_path / "server")
    server.start()
    yield server
    server.stop()


class Opened:
    def __init__(self) -> None:
        self.bridges: list[ServerBridge] = []

    def open(self, qtbot: QtBot, server: ServerProcess, username: str,
             root: Path) -> tuple[LiveMeeting, Profile]:
        profile = profile_for(server.url, username, root=root)
        bridge = ServerBridge(server.url, profile, policy=FAST)
        self.bridges.append(bridge)
        session = LiveMeeting(bridge, server.meeting_id)
        bridge.start(None)
        with qtbot.waitSignal(bridge.login_finished, timeout=WAIT) as login:
            bridge.login(DEMO_PASSWORD)
        assert login.args is not None
        assert login.args[1] == "", login.args[1]
        qtbot.waitUntil(lambda: session.loaded, timeout=WAIT)
        return session, profile

    def console(self, qtbot: QtBot, server: ServerProcess, username: str,
                root: Path) -> tuple[LiveMeeting, ChairConsole]:
        """The user's session and their console on screen."""
        session, profile = self.open(qtbot, server, username, root)
        console = ChairConsole(session, profile)
        qtbot.addWidget(console)
        console.show()
        return session, console

    def close(self) -> None:
        for bridge in self.bridges:
            # The "closed" status emitted while shutting down would reach the session
            # after the loop is gone (session._status → bridge.prefetch on a closed loop).
            bridge.blockSignals(True)
            bridge.shutdown()


def texts_of(widget: QWidget) -> list[str]:
    """Everything a person can read in a window: labels, buttons and list rows."""
    found = [label.text() for label in widget.findChildren(QLabel) if label.isVisible()]
    found += [b.text() for b in widget.findChildren(QPushButton) if b.isVisible()]
    for view in widget.findChildren(QAbstractItemView):
        model = view.model()
        if model is None or not view.isVisible():
            continue
        for row in range(model.rowCount()):
            found.append(str(model.index(row, 0).data()))
    return found


def button(window: QWidget, name: str) -> QPushButton:
    found = window.findChild(QPushButton, name)
    assert found is not None, name
    return found


def sees_open(session: LiveMeeting, vote_id: int) -> bool:
    return session.state.votes.get(vote_id, {}).get("status") == "open"


def listed_as_voted(readiness: ReadinessModel, name: str) -> bool:
    return name in readiness.voted_names()


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Give the window the keyboard again (offscreen has no window manager to do it after
    a modal question closes), so its shortcuts work as they would on a desktop."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)


SIZES = ((1366, 768), (1920, 1080))


def has_size(widget: QWidget, width: int, height: int) -> bool:
    return (widget.width(), widget.height()) == (width, height)


def snap_sizes(qtbot: QtBot, widget: QWidget, name: str) -> list[Path]:
    """``name_1366x768.png`` and ``name_1920x1080.png``: a laptop and a hall projector."""
    shots = []
    for width, height in SIZES:
        widget.resize(width, height)
        qtbot.waitUntil(partial(has_size, widget, width, height), timeout=WAIT)
        QApplication.processEvents()
        shots.append(snap(widget, f"{name}_{width}x{height}.png"))
    return shots


def snap(widget: QWidget, name: str) -> Path:
    OUTPUT.mkdir(exist_ok=True)
    path = OUTPUT / name
    assert widget.grab().save(str(path), "PNG")
    return path


def test_chair_runs_a_speech_and_a_secret_vote(qtbot: QtBot, qtmodeltester: ModelTester,
                                               demo_server: ServerProcess,
                                               tmp_path: Path) -> None:
    opened = Opened()
    modals = Modals()
    root = tmp_path / "profiles"
    blobs = BlobStore(demo_server.blobs)

    def source(doc: dict[str, Any]) -> bytes | None:
        return blobs.read(str(doc["sha256"]))

    try:
        chair, chair_profile = opened.open(qtbot, demo_server, "chutoa", root)
        delegates = [opened.open(qtbot, demo_server, f"daibieu0{n}", root)[0]
                     for n in (1, 2, 3)]
        console = ChairConsole(chair, chair_profile, document_source=source)
        qtbot.addWidget(console)
        big = BigScreen(chair)
        qtbot.addWidget(big)
        big.resize(1920, 1080)
        big.show()
        console.show()
        console.activateWindow()
        qtbot.waitUntil(console.isActiveWindow, timeout=WAIT)
        snap(big, "big_screen_before.png")

        # --- the chair opens the session and moves to an item, by button and by key ----
        modals.confirm(PROCEED_CLICK)  # no one has checked in yet: "Vẫn khai mạc?"
        qtbot.mouseClick(button(console, "start_meeting"), Qt.MouseButton.LeftButton)
        assert modals.done()
        activate(qtbot, console)
        qtbot.waitUntil(lambda: chair.state.meeting["status"] == "in_progress", timeout=WAIT)
        assert not button(console, "start_meeting").isVisible()
        qtbot.keyClick(console, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        first = console.agenda.state.children(None)[0]["id"]
        qtbot.waitUntil(lambda: chair.state.current_item_id == first, timeout=WAIT)
        qtbot.waitUntil(console.agenda.next_action.isEnabled, timeout=WAIT)
        qtbot.keyClick(console, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        second = console.agenda.state.children(None)[1]["id"]
        qtbot.waitUntil(lambda: chair.state.current_item_id == second, timeout=WAIT)
        assert "2. Báo cáo tình hình kinh tế" in big.item_label.text()
        qtbot.waitUntil(lambda: all(d.state.current_item_id == second for d in delegates),
                        timeout=WAIT)

        # --- delegates check in and register; the quorum board follows -----------------
        for n, delegate in enumerate(delegates):
            delegate.check_in()
            delegate.register("speech", f"Ý kiến số {n + 1} về phát triển kinh tế")
        qtbot.waitUntil(lambda: chair.speech_queue.rowCount() == 3, timeout=WAIT)
        qtbot.waitUntil(lambda: chair.state.attendance_summary["counts"]["present"] == 3,
                        timeout=WAIT)
        assert "Có mặt 3/51" in console.attendance.quorum_label.text()
        assert "Chưa đủ điều kiện" in console.attendance.quorum_label.text()
        assert "cần ít nhất 2/3" in console.attendance.quorum_label.text()
        assert "Có mặt 3/51 (cần 34)" in big.quorum_label.text()

        # --- reorder: the third goes up one place ---------------------------------------
        queue_view = console.speakers.speech_panel.list
        third = chair.speech_queue.row(2)["id"]
        queue_view.setCurrentIndex(chair.speech_queue.index(2, 0))
        qtbot.mouseClick(button(console, "speech_up"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: chair.speech_queue.row(1)["id"] == third, timeout=WAIT)

        # --- F5 calls the first; the start button gives the floor; the clock runs -------
        head = chair.speech_queue.row(0)
        qtbot.keyClick(console, Qt.Key.Key_F5)
        qtbot.waitUntil(lambda: chair.state.speeches[head["id"]]["status"] == "called",
                        timeout=WAIT)
        assert big.next_label.text().startswith("Mời")
        start = console.speakers.start_pause_action
        assert start.toolTip() == "Bắt đầu / tạm dừng / tiếp tục (Space)"
        qtbot.waitUntil(start.isEnabled, timeout=WAIT)
        qtbot.mouseClick(button(console, "start_pause_button"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: chair.state.on_the_floor() is not None, timeout=WAIT)
        assert big.mode() == "speaker"
        assert big.speaker_label.text() == head["full_name"]
        assert head["full_name"] in console.speakers.speaker_label.text()
        first_reading = big.countdown_text()
        assert CLOCK.match(first_reading), first_reading
        assert first_reading.startswith(("07:", "06:"))
        qtbot.waitUntil(lambda: big.countdown_text() != first_reading, timeout=5000)
        assert CLOCK.match(big.countdown_text())
        assert big.next_label.text().startswith("Tiếp theo")
        snap(big, "big_screen_speaker.png")

        # Space pauses, Space resumes, F8 ends
        qtbot.keyClick(console, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: chair.state.on_the_floor()["status"] == "paused",  # type: ignore[index]
                        timeout=WAIT)
        qtbot.waitUntil(lambda: big.clock_note.text() == "TẠM DỪNG", timeout=WAIT)
        qtbot.keyClick(console, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: chair.state.on_the_floor()["status"] == "speaking",  # type: ignore[index]
                        timeout=WAIT)
        snap(console, "chair_console_speech.png")
        qtbot.keyClick(console, Qt.Key.Key_F8)
        qtbot.waitUntil(lambda: chair.state.on_the_floor() is None, timeout=WAIT)
        qtbot.waitUntil(lambda: big.mode() == "idle", timeout=WAIT)

        # --- grant the floor to a guest -----------------------------------------------
        guest = next(p for p in chair.state.participants.values() if p["role"] == "guest")
        grant = console.speakers.grant_person
        grant.setCurrentIndex(grant.findData(guest["user_id"]))
        qtbot.mouseClick(button(console, "grant"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: any(s["user_id"] == guest["user_id"]
                                    for s in chair.state.speeches.values()), timeout=WAIT)

        # --- share my page from the embedded reader -------------------------------------
        docs = console.documents
        console.tabs.setCurrentWidget(docs)
        doc_id = docs.choice.itemData(0)
        docs.choice.setCurrentIndex(0)
        qtbot.mouseClick(button(console, "document_open"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: docs.current_page() is not None, timeout=WAIT)
        assert docs.share_action.toolTip() == "Chia sẻ trang của tôi (Ctrl+Shift+S)"
        docs.share_action.trigger()
        qtbot.waitUntil(lambda: (delegates[0].state.shared_page or {}).get("document_id")
                        == doc_id, timeout=WAIT)

        # --- the chair's conclusion is the meeting's record: the secretary sees it ------
        console.tabs.setCurrentWidget(console.conclusions)
        editor = console.conclusions.editor
        editor.setFocus()
        editor.insertPlainText("Thống nhất báo cáo; ")  # typed, with a pause between
        editor.insertPlainText("bổ sung số liệu đầu tư.")
        secretary = opened.open(qtbot, demo_server, "thuky", root)[0]
        qtbot.waitUntil(lambda: secretary.state.conclusions.get(second, {}).get("text")
                        == "Thống nhất báo cáo; bổ sung số liệu đầu tư.", timeout=WAIT)
        qtbot.waitUntil(lambda: console.conclusions.status_label.text()
                        == "Đã lưu trên máy chủ", timeout=WAIT)
        assert not (chair_profile.folder / "chair_conclusions.json").exists()
        # The secretary corrects it; the chair's console shows the server's text.
        secretary.submit("conclusion.set", {"item_id": second, "text": "Thống nhất báo cáo."})
        qtbot.waitUntil(lambda: editor.toPlainText() == "Thống nhất báo cáo.", timeout=WAIT)
        assert console.conclusions.status_label.text() == "Đã cập nhật từ máy chủ"

        # --- a secret vote: the readiness board fills in, never with a choice ----------
        votes = console.votes
        console.tabs.setCurrentIndex(0)
        votes.choose_template("removal")
        votes.ballot.setCurrentIndex(votes.ballot.findData("secret"))
        votes.title_edit.setText("Bãi nhiệm đại biểu Nguyễn Văn Thử")
        qtbot.mouseClick(button(console, "vote_create"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(chair.state.votes) == 1, timeout=WAIT)
        vote_id = next(iter(chair.state.votes))
        qtbot.waitUntil(lambda: votes.selected_id == vote_id, timeout=WAIT)
        assert chair.state.votes[vote_id]["secret"] is True
        assert votes.open_action.toolTip() == "Mở biểu quyết (Ctrl+O)"
        qtbot.keyClick(console, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: chair.state.votes[vote_id]["status"] == "open", timeout=WAIT)
        qtbot.waitUntil(lambda: big.mode() == "vote", timeout=WAIT)
        assert len(votes.readiness.waiting_names()) == 3
        assert votes.readiness.voted_names() == []
        assert big.vote_count_label.text() == "0/3"
        qtmodeltester.check(votes.votes)
        qtmodeltester.check(votes.readiness)
        choices = (0, 1, 0)
        for delegate, choice in zip(delegates, choices, strict=True):
            qtbot.waitUntil(partial(sees_open, delegate, vote_id), timeout=WAIT)
            delegate.cast(vote_id, choice=choice)
            name = chair.state.name_of(delegate.state.my_id)
            qtbot.waitUntil(partial(listed_as_voted, votes.readiness, name), timeout=WAIT)
        qtbot.waitUntil(lambda: big.vote_count_label.text() == "3/3", timeout=WAIT)
        assert votes.readiness.waiting_names() == []
        voted_view = console.findChild(QListView, "voted_list")
        assert voted_view is not None
        rows = [str(voted_view.model().index(r, 0).data())
                for r in range(voted_view.model().rowCount())]
        assert len(rows) == 3
        assert all(row.startswith("✓ ") for row in rows)
        option_labels = chair.state.votes[vote_id]["options"]
        for window in (console, big):
            seen = "\n".join(texts_of(window))
            for label in option_labels:
                assert label not in seen, (label, window)
        snap(big, "big_screen_vote.png")
        snap(console, "chair_console_vote.png")

        # --- Ctrl+Enter closes and announces; the big screen shows the result ----------
        assert votes.close_action.toolTip() == "Kết thúc và công bố kết quả (Ctrl+Return)"
        modals.confirm(PROCEED_CLICK)
        qtbot.keyClick(console, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert modals.done()
        assert modals.seen[-1].startswith("Tất cả 3/3 đại biểu có mặt đã biểu quyết. "
                                          "Kết thúc và công bố kết quả?")
        qtbot.waitUntil(lambda: chair.state.votes[vote_id]["status"] == "closed", timeout=WAIT)
        qtbot.waitUntil(lambda: big.mode() == "result", timeout=WAIT)
        assert big.verdict_label.text() == "KHÔNG ĐƯỢC THÔNG QUA"
        assert "2/51" in "\n".join(texts_of(big))
        assert "3,92%" in "\n".join(texts_of(big))  # 2 of the 51 members: a share of all
        assert "chiếm 3,92% tổng số đại biểu" in big.announcement_label.text()
        assert votes.result.verdict_label.text() == "KHÔNG ĐƯỢC THÔNG QUA"
        rows_after = [str(voted_view.model().index(r, 0).data())
                      for r in range(voted_view.model().rowCount())]
        assert all(not any(label in row for label in option_labels) for row in rows_after)
        snap(big, "big_screen_result.png")
        snap(console, "chair_console_result.png")

        # --- annul with a reason, then hold it again ------------------------------------
        votes.reason_edit.setText("Sai sót trong danh sách đại biểu có mặt")
        modals.confirm(PROCEED_CLICK)
        qtbot.mouseClick(button(console, "vote_annul"), Qt.MouseButton.LeftButton)
        assert modals.done()
        qtbot.waitUntil(lambda: chair.state.votes[vote_id]["status"] == "annulled",
                        timeout=WAIT)
        qtbot.waitUntil(button(console, "vote_repeat").isEnabled, timeout=WAIT)
        qtbot.mouseClick(button(console, "vote_repeat"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: any(v.get("repeat_of_id") == vote_id
                                    for v in chair.state.votes.values()), timeout=WAIT)

        # --- an election needs candidate names; the template asks for them ------------
        votes.choose_template("election")
        assert votes.candidates.isVisibleTo(console)
        assert not votes.ballot.isEnabled()  # elections are always secret
        votes.candidates.setPlainText("Đỗ Minh Khoa\nVõ Thị Thanh Hằng\n\nĐỗ Minh Khoa")
        votes.seats.setValue(1)
        qtbot.mouseClick(button(console, "vote_create"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: any(v["kind"] == "election"
                                    for v in chair.state.votes.values()), timeout=WAIT)
        election = next(v for v in chair.state.votes.values() if v["kind"] == "election")
        assert election["candidates"] == ["Đỗ Minh Khoa", "Võ Thị Thanh Hằng"]
        assert election["secret"] is True
        qtbot.waitUntil(lambda: votes.selected_id == election["id"], timeout=WAIT)
        assert console.last_message == ""
        console.close()
        big.close()
    finally:
        modals.stop()
        opened.close()


def test_the_secretary_gets_the_console_without_vote_control(
        qtbot: QtBot, demo_server: ServerProcess, tmp_path: Path) -> None:
    opened = Opened()
    try:
        _session, console = opened.console(qtbot, demo_server, "thuky", tmp_path / "profiles")
        qtbot.waitUntil(lambda: console.role == "secretary", timeout=WAIT)
        assert "Thư ký" in console.windowTitle()
        assert not console.votes.create_box.isVisible()
        assert not console.votes.open_action.isEnabled()
        assert not console.votes.controls_box.isEnabled()
        assert not button(console, "start_meeting").isEnabled()
        assert not console.agenda.next_action.isEnabled()
        # the secretary records attendance for others and runs the floor
        assert console.attendance.check_in_button.isEnabled()
        big = console.show_big_screen_windowed()
        qtbot.waitUntil(big.isVisible, timeout=WAIT)
        assert big.mode() == "idle"
        assert big.idle_label.text() == "Kỳ họp sắp bắt đầu"
        assert console.screen_actions(), "one entry per screen in the Màn hình chung menu"
        console.close()
    finally:
        opened.close()


def test_irreversible_steps_ask_first_and_cancel_sends_nothing(
        qtbot: QtBot, demo_server: ServerProcess, tmp_path: Path) -> None:
    """Opening below the quorum, a second vote of the same title, closing a vote (button
    and Ctrl+Return), annulling, closing the session: each asks with the real numbers,
    Enter in the question is "Quay lại", and going back leaves the server as it was."""
    opened = Opened()
    modals = Modals()
    root = tmp_path / "profiles"
    try:
        chair, chair_profile = opened.open(qtbot, demo_server, "chutoa", root)
        delegates = [opened.open(qtbot, demo_server, f"daibieu0{n}", root)[0]
                     for n in (1, 2, 3)]
        console = ChairConsole(chair, chair_profile)
        qtbot.addWidget(console)
        console.show()
        console.activateWindow()
        qtbot.waitUntil(console.isActiveWindow, timeout=WAIT)
        votes = console.votes

        def counts(key: str) -> int:
            return int((chair.state.attendance_summary.get("counts") or {}).get(key, 0))

        for delegate in delegates:
            delegate.check_in()
        qtbot.waitUntil(lambda: counts("present") == 3, timeout=WAIT)

        # --- khai mạc below the quorum: asked; Enter goes back -------------------------
        modals.confirm(press(Qt.Key.Key_Return))
        qtbot.mouseClick(button(console, "start_meeting"), Qt.MouseButton.LeftButton)
        assert modals.done()
        assert modals.seen[-1].startswith(
            "Mới có 3/51 đại biểu có mặt, chưa đủ 2/3 (34). Vẫn khai mạc?")
        # A later command of the chair is answered after any earlier one: nothing was sent.
        fourth = next(uid for uid, p in chair.state.participants.items()
                      if p["role"] == "delegate" and chair.state.attendance.get(
                          uid, {}).get("attendance") != "present")
        chair.submit("attendance.check_in", {"user_id": fourth})
        qtbot.waitUntil(lambda: counts("present") == 4, timeout=WAIT)
        assert chair.state.meeting["status"] == "published"
        modals.confirm(PROCEED_CLICK)
        qtbot.mouseClick(button(console, "start_meeting"), Qt.MouseButton.LeftButton)
        assert modals.seen[-1].startswith("Mới có 4/51")
        qtbot.waitUntil(lambda: chair.state.meeting["status"] == "in_progress", timeout=WAIT)
        activate(qtbot, console)
        qtbot.keyClick(console, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: chair.state.current_item_id is not None, timeout=WAIT)

        # --- a vote, then the same title again: warned; going back creates nothing ------
        votes.choose_template("resolution")
        votes.title_edit.setText("Thông qua nghị quyết về kế hoạch đầu tư công")
        qtbot.waitUntil(button(console, "vote_create").isEnabled, timeout=WAIT)
        qtbot.mouseClick(button(console, "vote_create"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(chair.state.votes) == 1, timeout=WAIT)
        vote_id = next(iter(chair.state.votes))
        qtbot.waitUntil(lambda: votes.selected_id == vote_id, timeout=WAIT)
        modals.confirm(press(Qt.Key.Key_Return))
        qtbot.mouseClick(button(console, "vote_create"), Qt.MouseButton.LeftButton)
        assert modals.done()
        assert modals.seen[-1].startswith(
            "Mục này đã có biểu quyết “Thông qua nghị quyết về kế hoạch đầu tư công”")
        activate(qtbot, console)
        qtbot.keyClick(console, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: chair.state.votes[vote_id]["status"] == "open", timeout=WAIT)
        assert len(chair.state.votes) == 1

        def cast_and_see(delegate: LiveMeeting, voted: int) -> None:
            qtbot.waitUntil(partial(sees_open, delegate, vote_id), timeout=WAIT)
            delegate.cast(vote_id, choice=0)
            qtbot.waitUntil(lambda: len(chair.state.votes[vote_id]["voted"]) == voted,
                            timeout=WAIT)

        # --- "Kết thúc, công bố" at 1/4: asked; going back leaves the vote open ----------
        cast_and_see(delegates[0], 1)
        modals.confirm(press(Qt.Key.Key_Return))
        qtbot.mouseClick(button(console, "close_vote_button"), Qt.MouseButton.LeftButton)
        assert modals.done()
        assert modals.seen[-1].startswith(
            "Mới 1/4 đại biểu có mặt đã biểu quyết. Kết thúc và công bố kết quả?")
        assert "tổng số 51 đại biểu" in modals.seen[-1]
        cast_and_see(delegates[1], 2)  # the server still takes ballots: the vote is open
        assert chair.state.votes[vote_id]["status"] == "open"

        # --- Ctrl+Return leads to the same question ---------------------------------------
        modals.confirm(CANCEL_CLICK)
        activate(qtbot, console)
        qtbot.keyClick(console, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert modals.done()
        assert modals.seen[-1].startswith("Mới 2/4 đại biểu có mặt đã biểu quyết.")
        cast_and_see(delegates[2], 3)
        assert chair.state.votes[vote_id]["status"] == "open"
        modals.confirm(PROCEED_CLICK)
        activate(qtbot, console)
        qtbot.keyClick(console, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert modals.seen[-1].startswith("Mới 3/4 đại biểu có mặt đã biểu quyết.")
        qtbot.waitUntil(lambda: chair.state.votes[vote_id]["status"] == "closed",
                        timeout=WAIT)

        # --- annulling the announced result: asked, with the reason and the ballots -------
        reason = "Sai sót trong danh sách đại biểu có mặt"
        votes.reason_edit.setText(reason)
        modals.confirm(press(Qt.Key.Key_Escape))
        qtbot.mouseClick(button(console, "vote_annul"), Qt.MouseButton.LeftButton)
        assert modals.done()
        assert f"với lý do “{reason}”" in modals.seen[-1]
        assert "(3/51 phiếu)" in modals.seen[-1]
        assert votes.reason_edit.text() == reason  # kept for a second try
        modals.confirm(PROCEED_CLICK)
        qtbot.mouseClick(button(console, "vote_annul"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: chair.state.votes[vote_id]["status"] == "annulled",
                        timeout=WAIT)

        # --- bế mạc: asked, with where the agenda stands ----------------------------------
        modals.confirm(press(Qt.Key.Key_Return))
        qtbot.mouseClick(button(console, "close_meeting"), Qt.MouseButton.LeftButton)
        assert modals.done()
        assert modals.seen[-1].startswith("Bế mạc kỳ họp “")
        assert "Đang ở mục 1/" in modals.seen[-1]
        activate(qtbot, console)
        qtbot.keyClick(console, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: chair.state.current_item_id
                        == chair.state.children(None)[1]["id"], timeout=WAIT)
        assert chair.state.meeting["status"] == "in_progress"
        modals.confirm(PROCEED_CLICK)
        qtbot.mouseClick(button(console, "close_meeting"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: chair.state.meeting["status"] == "closed", timeout=WAIT)
        assert modals.done()
        console.close()
    finally:
        modals.stop()
        opened.close()


def test_the_hall_sees_the_session_between_events_and_never_a_running_count(
        qtbot: QtBot, demo_server: ServerProcess, tmp_path: Path) -> None:
    """Before the session no one is absent yet; between events the big screen shows the
    session, the item, the time and the attendance in type read from the back; during
    an open vote the chair's console shows the running counts (the body allows them)
    and the hall only who has voted and who has not."""
    opened = Opened()
    modals = Modals()
    root = tmp_path / "profiles"
    try:
        chair, chair_profile = opened.open(qtbot, demo_server, "chutoa", root)
        delegates = [opened.open(qtbot, demo_server, f"daibieu0{n}", root)[0]
                     for n in (1, 2, 3)]
        console = ChairConsole(chair, chair_profile)
        qtbot.addWidget(console)
        big = BigScreen(chair)
        qtbot.addWidget(big)
        big.resize(1920, 1080)
        big.show()
        console.resize(1366, 768)
        console.show()
        activate(qtbot, console)
        counts_label = console.attendance.counts_label

        def counts(key: str) -> int:
            return int((chair.state.attendance_summary.get("counts") or {}).get(key, 0))

        # --- before the session: not arrived is not absent ------------------------------
        assert counts_label.text().startswith("Có mặt 0 · Chưa điểm danh 51 · Vắng 0 ")
        assert not any("Vắng 51" in text for text in texts_of(console))
        assert big.mode() == "idle"
        assert big.title_label.text() == chair.state.meeting["title"]
        assert big.idle_label.text() == "Kỳ họp sắp bắt đầu"
        assert big.idle_detail_label.text().startswith("Khai mạc lúc ")
        assert TIME_OF_DAY.match(big.clock_label.text()), big.clock_label.text()
        assert re.match(r"^(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ Nhật), \d\d/\d\d/\d{4}$",
                        big.date_label.text()), big.date_label.text()
        assert big.idle_attendance_label.text() == "Có mặt 0/51 đại biểu"
        assert big.idle_quorum_label.text() == "Chưa đủ điều kiện tiến hành (cần 34)"
        snap_sizes(qtbot, big, "big_screen_before")
        snap_sizes(qtbot, console, "chair_console_before")

        for delegate in delegates:
            delegate.check_in()
        qtbot.waitUntil(lambda: counts("present") == 3, timeout=WAIT)
        qtbot.waitUntil(lambda: big.idle_attendance_label.text() == "Có mặt 3/51 đại biểu",
                        timeout=WAIT)
        away = next(uid for uid, p in chair.state.participants.items()
                    if p["role"] == "delegate" and chair.state.attendance.get(
                        uid, {}).get("attendance") != "present")
        chair.submit("attendance.mark_absent",
                     {"user_id": away, "reason": "Đi công tác", "excused": True})
        qtbot.waitUntil(lambda: counts("absent_excused") == 1, timeout=WAIT)
        assert counts_label.text().startswith(
            "Có mặt 3 · Chưa điểm danh 47 · Vắng 1 (có lý do 1) ·"), counts_label.text()

        # --- in session, between events: once open, whoever is not here is absent ------
        modals.confirm(PROCEED_CLICK)
        qtbot.mouseClick(button(console, "start_meeting"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: chair.state.meeting["status"] == "in_progress", timeout=WAIT)
        assert counts_label.text().startswith(
            "Có mặt 3 · Vắng 48 (có lý do 1, chưa điểm danh 47) ·"), counts_label.text()
        second = chair.state.children(None)[1]["id"]
        chair.submit("agenda.set_current", {"item_id": second})
        qtbot.waitUntil(lambda: big.item_label.text().startswith("2. "), timeout=WAIT)
        assert big.mode() == "idle"
        assert big.idle_label.text() == "Kính chào quý đại biểu"
        assert TIME_OF_DAY.match(big.clock_label.text())
        assert big.idle_attendance_label.text() == "Có mặt 3/51 đại biểu"
        assert not big.quorum_label.isVisible()  # the page says it, larger
        snap_sizes(qtbot, big, "big_screen_idle")

        # --- an open vote: running counts on the console only; both say who is left -----
        votes = console.votes
        votes.choose_template("resolution")
        votes.title_edit.setText("Thông qua nghị quyết về kế hoạch đầu tư công năm 2027")
        qtbot.waitUntil(button(console, "vote_create").isEnabled, timeout=WAIT)
        qtbot.mouseClick(button(console, "vote_create"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(chair.state.votes) == 1, timeout=WAIT)
        vote_id = next(iter(chair.state.votes))
        qtbot.waitUntil(lambda: votes.selected_id == vote_id, timeout=WAIT)
        activate(qtbot, console)
        qtbot.keyClick(console, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: big.mode() == "vote", timeout=WAIT)
        for delegate, choice in zip(delegates[:2], (0, 1), strict=True):
            qtbot.waitUntil(partial(sees_open, delegate, vote_id), timeout=WAIT)
            delegate.cast(vote_id, choice=choice)
        qtbot.waitUntil(lambda: big.vote_count_label.text() == "2/3", timeout=WAIT)
        qtbot.waitUntil(lambda: "Tán thành: 1" in votes.tally_label.text(), timeout=WAIT)
        assert votes.tally_label.isVisible()
        assert votes.voted_label.text() == "Đã biểu quyết (2)"
        assert votes.waiting_label.text() == "Chưa biểu quyết (1)"
        hall = "\n".join(texts_of(big))
        for label in chair.state.votes[vote_id]["options"]:
            assert label not in hall, label
        assert big.vote_note_label.text() == "đại biểu đã biểu quyết · còn 1 chưa biểu quyết"

        # --- the footer reads from the back: as large as the header, never grey ---------
        big.resize(1920, 1080)
        qtbot.waitUntil(lambda: big.height() == 1080, timeout=WAIT)
        assert big.quorum_label.isVisible()
        for footer in (big.quorum_label, big.next_label):
            assert footer.font().pixelSize() >= 40, footer.objectName()
            assert "#b0bec5" not in footer.styleSheet(), footer.objectName()
        snap_sizes(qtbot, big, "big_screen_open_vote")
        snap_sizes(qtbot, console, "chair_console_open_vote")
        console.close()
        big.close()
    finally:
        modals.stop()
        opened.close()


async def _reset_password(url: str, user_id: int) -> str:
    """An administrator resets the user's password, which ends every session of theirs."""
    async with ChairClient(url, timeout=60) as admin:
        await admin.login("admin", DEMO_PASSWORD)
        reset = await admin.request("admin", action="user.reset_password",
                                    args={"user_id": user_id})
    return str(reset["password"])


def test_a_session_the_server_ended_is_logged_in_again_from_the_console(
        qtbot: QtBot, demo_server: ServerProcess, tmp_path: Path) -> None:
    """The chair's password was reset while the console was open and the server restarted:
    the console says the server wants the password (not that it is out of reach), its
    status bar has Đăng nhập lại…, and the new password brings the same console back."""
    opened = Opened()
    try:
        session, console = opened.console(qtbot, demo_server, "chutoa", tmp_path / "profiles")
        relogin = button(console, "relogin_button")
        assert not relogin.isVisible()
        password = asyncio.run(_reset_password(demo_server.url, int(session.state.you["id"])))
        demo_server.stop()
        demo_server.start()
        qtbot.waitUntil(lambda: session.status.state is ConnectionState.AUTH_REQUIRED,
                        timeout=WAIT)
        qtbot.waitUntil(relogin.isVisible, timeout=WAIT)
        assert console.connection_label.text() == "Cần đăng nhập lại"
        assert console.offline_banner.text().startswith("⚠ Máy chủ cần bạn đăng nhập lại")
        qtbot.mouseClick(relogin, Qt.MouseButton.LeftButton)
        dialog = session.bridge.relogin_dialog
        assert isinstance(dialog, ReloginDialog)
        assert dialog.isVisible()
        qtbot.keyClicks(dialog.password_edit, password)
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: session.status.state is ConnectionState.ONLINE, timeout=WAIT)
        qtbot.waitUntil(lambda: not relogin.isVisible(), timeout=WAIT)
        assert not console.offline_banner.isVisible()
        assert session.bridge.relogin_dialog is None
        console.close()
    finally:
        opened.close()


def test_the_console_counts_a_vote_as_the_big_screen_does(
        qtbot: QtBot, demo_server: ServerProcess, tmp_path: Path) -> None:
    """A vote opened with nobody checked in: the console's bar said "0/1" while the hall's
    screen said "0/0" (found walking the app); both now count the seats alike."""
    opened = Opened()
    try:
        chair, console = opened.console(qtbot, demo_server, "chutoa", tmp_path / "profiles")
        chair.submit("meeting.start")
        qtbot.waitUntil(lambda: chair.state.meeting["status"] == "in_progress", timeout=WAIT)
        item = int(chair.state.children(None)[0]["id"])
        chair.submit("agenda.set_current", {"item_id": item})
        qtbot.waitUntil(lambda: chair.state.current_item_id == item, timeout=WAIT)
        chair.submit("vote.create", {"matter": "resolution", "title": "Thông qua chương trình"})
        qtbot.waitUntil(lambda: len(chair.state.votes) == 1, timeout=WAIT)
        vote_id = next(iter(chair.state.votes))
        chair.submit("vote.open", {"vote_id": vote_id})
        qtbot.waitUntil(lambda: chair.state.votes[vote_id]["status"] == "open", timeout=WAIT)
        console.votes.select_vote(vote_id)
        qtbot.waitUntil(lambda: console.votes.progress.text() == "Đã biểu quyết 0/0",
                        timeout=WAIT)
        big = console.show_big_screen_windowed()
        qtbot.waitUntil(lambda: big.vote_count_label.text() == "0/0", timeout=WAIT)
        console.close()
    finally:
        opened.close()
