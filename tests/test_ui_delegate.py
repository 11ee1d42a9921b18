"""The delegate's meeting window against a real chair server process.

Delegates act only through the window's buttons; the chair is driven through
its own session (a third bridge), as the chair console would.
"""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import keyring
import pytest
from keyring.backends import fail
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from meetingroom.core.demo_documents import DEMO_PASSWORD
from meetingroom.laptop.notes import NotesStore
from meetingroom.laptop.profiles import Profile, profile_for
from meetingroom.server.blobs import BlobStore
from meetingroom.server.storage.database import Database
from meetingroom.server.storage.models import Body
from meetingroom.sync.client.connection import ConnectionState, ReconnectPolicy
from meetingroom.sync.client.prefetch import PacketProgress
from meetingroom.ui.bridge import ServerBridge
from meetingroom.ui.delegate import MeetingWindow
from meetingroom.ui.i18n import Translations
from meetingroom.ui.qt import QApplication, QPoint, QScrollArea, Qt, QWidget
from meetingroom.ui.session import LiveMeeting
from tests.helpers.processes import ServerProcess
from tests.test_timezones import laptop_in_utc  # noqa: F401  (the fixture, used by name)

FAST = ReconnectPolicy(base_delay=0.1, max_delay=0.5)
WAIT = 20_000
OUTPUT = Path(__file__).resolve().parent.parent / "test-output"


@pytest.fixture
def demo_server(tmp_path: Path) -> Iterator[ServerProcess]:
    server = ServerProcess(tmp_path / "server")
    server.start()
    yield server
    server.stop()


class Hall:
    """Bridges, sessions and windows of one test; everything is closed at the end."""

    def __init__(self, qtbot: QtBot, server: ServerProcess, root: Path,
                 stack: ExitStack) -> None:
        self.qtbot = qtbot
        self.server = server
        self.root = root
        self.stack = stack
        self.blobs = BlobStore(server.blobs)

    def profile(self, username: str) -> Profile:
        return profile_for(self.server.url, username, root=self.root)

    def session(self, username: str) -> LiveMeeting:
        bridge = ServerBridge(self.server.url, self.profile(username), policy=FAST)
        self.stack.callback(bridge.shutdown)
        session = LiveMeeting(bridge, self.server.meeting_id)
        bridge.start(None)
        with self.qtbot.waitSignal(bridge.login_finished, timeout=WAIT) as login:
            bridge.login(DEMO_PASSWORD)
        assert login.args is not None
        assert login.args[1] == ""
        self.qtbot.waitUntil(lambda: session.loaded, timeout=WAIT)
        return session

    def read_blob(self, doc: dict[str, Any]) -> bytes | None:
        sha = str(doc["sha256"])
        return self.blobs.read(sha) if self.blobs.has(sha) else None

    def window(self, session: LiveMeeting, username: str, *,
               source: Callable[[dict[str, Any]], bytes | None] | None = None,
               show: bool = True) -> MeetingWindow:
        window = MeetingWindow(session, self.profile(username),
                               document_source=source or self.read_blob)
        self.qtbot.addWidget(window)
        self.stack.callback(window.shutdown)
        if show:
            window.show()
        return window

    def chair(self) -> LiveMeeting:
        return self.session("chutoa")


@pytest.fixture
def hall(qtbot: QtBot, demo_server: ServerProcess, tmp_path: Path) -> Iterator[Hall]:
    with ExitStack() as stack:
        yield Hall(qtbot, demo_server, tmp_path / "profiles", stack)


def of(window: MeetingWindow, check: Callable[[MeetingWindow], bool]) -> Callable[[], bool]:
    """``check`` bound to one window, for waiting on each window in a loop."""
    return lambda: check(window)


def click(qtbot: QtBot, widget: QWidget) -> None:
    assert widget.isEnabled(), f"{widget} is disabled"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def top_items(session: LiveMeeting) -> list[dict[str, Any]]:
    return session.state.children(None)


def start_meeting(qtbot: QtBot, chair: LiveMeeting, item_id: int) -> None:
    chair.submit("meeting.start")
    qtbot.waitUntil(lambda: chair.state.meeting["status"] == "in_progress", timeout=WAIT)
    chair.submit("agenda.set_current", {"item_id": item_id})
    qtbot.waitUntil(lambda: chair.state.current_item_id == item_id, timeout=WAIT)


def open_vote(qtbot: QtBot, chair: LiveMeeting, title: str, **extra: Any) -> int:
    chair.submit("vote.create", {"matter": "resolution", "title": title, **extra})
    qtbot.waitUntil(lambda: any(v["title"] == title for v in chair.state.votes.values()),
                    timeout=WAIT)
    vote_id = next(int(v["id"]) for v in chair.state.votes.values() if v["title"] == title)
    chair.submit("vote.open", {"vote_id": vote_id})
    return vote_id


def save(widget: QWidget, name: str) -> Path:
    OUTPUT.mkdir(exist_ok=True)
    QApplication.processEvents()
    path = OUTPUT / name
    assert widget.grab().save(str(path))
    return path


# --- 1. two delegates through a whole item ---------------------------------------------------


def test_two_delegates_check_in_speak_and_vote(qtbot: QtBot, hall: Hall) -> None:
    chair = hall.chair()
    one = hall.session("daibieu01")
    two = hall.session("daibieu02")
    w1, w2 = hall.window(one, "daibieu01"), hall.window(two, "daibieu02")
    assert w1.profile.folder != w2.profile.folder
    assert w1.check_in_button.text() == "Điểm danh"

    # The chair starts and moves to the second item: both agendas follow.
    item = top_items(chair)[1]
    start_meeting(qtbot, chair, int(item["id"]))
    for window in (w1, w2):
        qtbot.waitUntil(of(window, lambda w: w.selected_item() == item["id"]), timeout=WAIT)
        assert item["title"] in window.current_label.text()
        assert window.agenda_view.currentIndex().data().endswith(item["title"])

    # Check in through the button.
    for window in (w1, w2):
        click(qtbot, window.check_in_button)
    for window in (w1, w2):
        qtbot.waitUntil(of(window, lambda w: w.check_in_button.text().endswith(
            "Đã điểm danh")), timeout=WAIT)
        assert not window.check_in_button.isEnabled()

    # Register to speak: first daibieu01, then daibieu02.
    w1.speaking_panel.topic_edit.setText("Vốn đầu tư công cho các xã miền núi")
    click(qtbot, w1.speaking_panel.register_speech_button)
    qtbot.waitUntil(lambda: w1.speaking_panel.place_text("speech")
                    == "Bạn đang ở vị trí 1 trong danh sách phát biểu", timeout=WAIT)
    click(qtbot, w2.speaking_panel.register_speech_button)
    qtbot.waitUntil(lambda: w2.speaking_panel.place_text("speech")
                    == "Bạn đang ở vị trí 2 trong danh sách phát biểu", timeout=WAIT)
    qtbot.waitUntil(lambda: one.speech_queue.rowCount() == 2, timeout=WAIT)
    assert "Vốn đầu tư công" in one.speech_queue.data(one.speech_queue.index(0))
    assert not w1.speaking_panel.register_speech_button.isEnabled()
    assert w1.speaking_panel.speech_box.withdraw_button.isEnabled()
    assert w1.speaking_panel.question_box.register_button.isEnabled()

    # The chair opens a vote: the ballot comes forward in both windows.
    title = "Thông qua Nghị quyết về dự toán ngân sách nhà nước năm 2027"
    vote_id = open_vote(qtbot, chair, title)
    for window in (w1, w2):
        qtbot.waitUntil(of(window, lambda w: w.tabs.currentWidget() is w.vote_panel
                        and len(w.vote_panel.option_buttons) == 3), timeout=WAIT)
        panel = window.vote_panel
        assert panel.title_label.text() == title
        assert [b.text() for b in panel.option_buttons] == [
            "Tán thành", "Không tán thành", "Không biểu quyết"]
        assert panel.option_buttons[0].isVisible()
        assert not panel.secret_label.isVisible()
        assert window.vote_banner.isVisible()

    # Each casts through the buttons and the confirmation step.
    for window, option in ((w1, 0), (w2, 1)):
        panel = window.vote_panel
        click(qtbot, panel.option_buttons[option])
        label = panel.option_buttons[option].text()
        assert panel.confirm_label.text() == f"Xác nhận biểu quyết: {label}?"
        assert panel.confirm_box.isVisible()
        assert not panel.ballot.isEnabled()
        click(qtbot, panel.confirm_button)
    for window in (w1, w2):
        qtbot.waitUntil(of(window, lambda w: w.vote_panel.status_label.text()
                        .startswith("Đã biểu quyết")), timeout=WAIT)
        assert not window.vote_panel.ballot.isVisible()
        assert window.session.state.have_voted(vote_id)
        assert not window.vote_banner.isVisible()

    # The chair closes: both windows show the announced result.
    chair.submit("vote.close", {"vote_id": vote_id})
    for window in (w1, w2):
        qtbot.waitUntil(of(window, lambda w: w.vote_panel.result_label.isVisible()),
                        timeout=WAIT)
        announcement = window.vote_panel.announcement()
        assert announcement.startswith("1/51 đại biểu tán thành, chiếm 1,96%")
        assert "không được thông qua" in announcement
        text = window.vote_panel.result_label.text()
        assert "KHÔNG ĐƯỢC THÔNG QUA" in text
        assert "1,96%" in text
        assert window.vote_panel.status_label.text() == (
            "Đã kết thúc biểu quyết — bạn đã biểu quyết")
    save(w1, "delegate_vote_result.png")


# --- 2. offline: queued, shown as pending, delivered once ------------------------------------


def test_actions_made_offline_are_sent_once_when_back(qtbot: QtBot, hall: Hall) -> None:
    chair = hall.chair()
    one = hall.session("daibieu01")
    window = hall.window(one, "daibieu01")
    item = top_items(chair)[0]
    start_meeting(qtbot, chair, int(item["id"]))
    qtbot.waitUntil(lambda: one.state.current_item_id == item["id"], timeout=WAIT)
    status = window.status
    assert status.summary()["connection"] == "● Trực tuyến"

    hall.server.stop()
    qtbot.waitUntil(lambda: "Mất kết nối" in status.summary()["connection"], timeout=WAIT)
    assert status.retry_button.isVisibleTo(window)
    click(qtbot, window.check_in_button)
    click(qtbot, window.speaking_panel.register_speech_button)
    qtbot.waitUntil(lambda: status.summary()["pending"]
                    == "2 thao tác đang chờ gửi: Điểm danh, Đăng ký phát biểu", timeout=WAIT)
    assert window.check_in_button.text() == "Đang gửi điểm danh…"
    assert window.speaking_panel.place_text("speech").startswith("Đang gửi đăng ký")
    assert not window.speaking_panel.register_speech_button.isEnabled()
    assert one.status.state is not ConnectionState.ONLINE
    save(window, "delegate_offline.png")

    hall.server.start()
    qtbot.waitUntil(lambda: status.summary()["connection"] == "● Trực tuyến", timeout=WAIT)
    qtbot.waitUntil(lambda: status.summary()["pending"] == "", timeout=WAIT)
    qtbot.waitUntil(lambda: window.check_in_button.text().endswith("Đã điểm danh"),
                    timeout=WAIT)
    qtbot.waitUntil(lambda: window.speaking_panel.place_text("speech")
                    == "Bạn đang ở vị trí 1 trong danh sách phát biểu",
                    timeout=WAIT)
    me = one.state.my_id

    def mine() -> list[dict[str, Any]]:
        return [s for s in chair.state.speeches.values() if s["user_id"] == me]

    qtbot.waitUntil(lambda: len(mine()) == 1 and chair.status.state is ConnectionState.ONLINE,
                    timeout=WAIT)
    qtbot.waitUntil(lambda: one.state.last_seq == chair.state.last_seq, timeout=WAIT)
    assert len(mine()) == 1
    assert chair.state.attendance[me or 0]["attendance"] == "present"
    assert status.summary()["refusal"] == ""


def test_without_a_keyring_a_waiting_secret_ballot_is_said_to_be_in_memory_only(
        qtbot: QtBot, hall: Hall) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # a laptop with no keyring: nothing can be sealed
    try:
        chair = hall.chair()
        one = hall.session("daibieu01")
        window = hall.window(one, "daibieu01")
    finally:
        keyring.set_keyring(previous)
    start_meeting(qtbot, chair, int(top_items(chair)[0]["id"]))
    click(qtbot, window.check_in_button)
    qtbot.waitUntil(lambda: window.check_in_button.text().endswith("Đã điểm danh"),
                    timeout=WAIT)
    open_vote(qtbot, chair, "Bãi nhiệm đại biểu X", matter="removal", ballot="secret")
    panel = window.vote_panel
    qtbot.waitUntil(lambda: len(panel.option_buttons) == 3 and panel.ballot.isEnabled(),
                    timeout=WAIT)
    assert panel.secret_label.isVisible()
    assert not panel.volatile_label.isVisible()

    hall.server.stop()
    qtbot.waitUntil(lambda: "Mất kết nối" in window.status.summary()["connection"],
                    timeout=WAIT)
    click(qtbot, panel.option_buttons[1])
    click(qtbot, panel.confirm_button)
    qtbot.waitUntil(lambda: panel.volatile_label.isVisible(), timeout=WAIT)
    assert "chỉ được giữ trong bộ nhớ" in panel.volatile_label.text()
    assert panel.status_label.text() == "Phiếu đang chờ gửi: sẽ tự gửi khi có kết nối"

    hall.server.start()
    qtbot.waitUntil(lambda: panel.status_label.text().startswith("Đã biểu quyết"),
                    timeout=WAIT)
    assert not panel.volatile_label.isVisible()


# --- 3. what a person sees -------------------------------------------------------------------


def test_the_window_renders_for_a_person_to_look_at(qtbot: QtBot, hall: Hall,
                                                    qtmodeltester: ModelTester) -> None:
    chair = hall.chair()
    one = hall.session("daibieu01")
    window = hall.window(one, "daibieu01")
    window.resize(1440, 900)
    item = next(i for i in top_items(chair) if chair.state.documents_of(int(i["id"])))
    start_meeting(qtbot, chair, int(item["id"]))
    qtbot.waitUntil(lambda: window.selected_item() == item["id"], timeout=WAIT)
    qtmodeltester.check(window.documents)
    assert window.documents.rowCount() >= 1

    # The chair takes the floor; the delegate registers and opens a document.
    chair.submit("speech.register", {"queue": "speech", "topic": "Phát biểu khai mạc"})
    qtbot.waitUntil(lambda: len(chair.state.queue(int(item["id"]), "speech")) == 1,
                    timeout=WAIT)
    speech_id = int(chair.state.queue(int(item["id"]), "speech")[0]["id"])
    chair.submit("speech.start", {"speech_id": speech_id})
    click(qtbot, window.check_in_button)
    qtbot.waitUntil(lambda: window.speaking_panel.register_question_button.isEnabled(),
                    timeout=WAIT)
    click(qtbot, window.speaking_panel.register_question_button)
    qtbot.waitUntil(lambda: window.speaking_panel.countdown() != "", timeout=WAIT)
    assert window.speaking_panel.countdown()[0:2] in ("06", "07", "05")
    qtbot.waitUntil(lambda: "vị trí 1 trong danh sách chất vấn"
                    in window.speaking_panel.place_text("question"), timeout=WAIT)

    first = window.documents.index(0, 0)
    window.documents_view.clicked.emit(first)
    assert window.reader is not None
    qtbot.waitUntil(lambda: window.reader is not None
                    and window.reader.document_info() is not None, timeout=WAIT)
    assert window.document_stack.currentWidget() is window.reader
    chair.submit("presenter.share_page", {"document_id": window.open_document_id(), "page": 1})
    qtbot.waitUntil(lambda: window.reader is not None and window.reader.current_page() == 1,
                    timeout=WAIT)
    assert "trang 2" in window.presenter_label.text()
    window.notes_panel.editor.setPlainText("Hỏi về tiến độ giải ngân vốn đầu tư công.")
    window.tabs.setCurrentWidget(window.speaking_panel)
    speaking = save(window, "delegate_window_speaking.png")

    vote_id = open_vote(qtbot, chair, "Thông qua Nghị quyết về kế hoạch đầu tư công năm 2027")
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.vote_panel, timeout=WAIT)
    click(qtbot, window.vote_panel.option_buttons[0])
    voting = save(window, "delegate_window_vote.png")
    for path in (speaking, voting):
        assert path.stat().st_size > 20_000

    # A secret election: checkboxes limited to the seats.
    click(qtbot, window.vote_panel.back_button)
    chair.submit("vote.close", {"vote_id": vote_id})
    qtbot.waitUntil(lambda: window.vote_panel.result_label.isVisible(), timeout=WAIT)
    chair.submit("vote.create", {"matter": "election", "title": "Bầu bổ sung Ủy viên UBND tỉnh",
                                 "candidates": ["Đỗ Minh Khoa", "Võ Thị Thanh Hằng",
                                                "Lý Văn Tâm"], "seats": 2})
    qtbot.waitUntil(lambda: len(chair.state.votes) == 2, timeout=WAIT)
    election = max(int(v) for v in chair.state.votes)
    chair.submit("vote.open", {"vote_id": election})
    panel = window.vote_panel
    qtbot.waitUntil(lambda: len(panel.candidate_boxes) == 3, timeout=WAIT)
    assert panel.secret_label.isVisible()
    assert "Bỏ phiếu kín" in panel.info_label.text()
    for box in (panel.candidate_boxes[0], panel.candidate_boxes[2]):
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(12, box.height() // 2))
    assert not panel.candidate_boxes[1].isEnabled()
    click(qtbot, panel.submit_button)
    assert panel.confirm_label.text() == "Xác nhận phiếu bầu: Đỗ Minh Khoa, Lý Văn Tâm?"
    save(window, "delegate_window_election.png")
    click(qtbot, panel.confirm_button)
    qtbot.waitUntil(lambda: panel.status_label.text().startswith("Đã biểu quyết"),
                    timeout=WAIT)


def test_a_closed_meeting_window_hears_nothing_of_the_session_it_leaves(
        qtbot: QtBot, hall: Hall) -> None:
    """The app keeps a meeting's session when its window is closed. Its panels heard the
    session through lambdas, which Qt cannot drop with them: when the server went away
    afterwards, each retry raised "Internal C++ object already deleted" from the vote
    panel (found walking the app under Xvfb). Bound methods go with their widget."""
    one = hall.session("daibieu01")
    window = MeetingWindow(one, hall.profile("daibieu01"), document_source=hall.read_blob)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)  # as the app's windows
    window.show()
    with qtbot.waitSignal(window.destroyed, timeout=WAIT):
        window.close()
    hall.server.stop(kill=True)
    qtbot.waitUntil(lambda: one.status.state is not ConnectionState.ONLINE, timeout=WAIT)
    one.check_in()  # a command waits: the session tells of it, and of each retry
    qtbot.waitUntil(lambda: bool(one.pending), timeout=WAIT)
    qtbot.wait(1500)  # retries come every second: none may reach the closed window


def test_a_refused_ballot_is_shown_plainly(qtbot: QtBot, hall: Hall) -> None:
    """A ballot that reaches the server after the close is not counted, and the panel says so."""
    chair = hall.chair()
    one = hall.session("daibieu01")
    window = hall.window(one, "daibieu01")
    start_meeting(qtbot, chair, int(top_items(chair)[0]["id"]))
    vote_id = open_vote(qtbot, chair, "Thông qua chương trình kỳ họp")
    panel = window.vote_panel
    qtbot.waitUntil(lambda: panel.vote() is not None, timeout=WAIT)
    assert panel.status_label.text() == "Bạn cần điểm danh trước khi biểu quyết."
    assert not panel.ballot.isVisible()
    click(qtbot, window.check_in_button)
    qtbot.waitUntil(lambda: panel.ballot.isVisible(), timeout=WAIT)
    chair.submit("vote.close", {"vote_id": vote_id})
    qtbot.waitUntil(lambda: one.state.votes[vote_id]["status"] == "closed", timeout=WAIT)
    # A ballot from a laptop that had not yet heard of the close.
    one.cast(vote_id, choice=0)
    qtbot.waitUntil(lambda: panel.refusal_label.isVisible(), timeout=WAIT)
    assert panel.refusal_label.text().startswith("Phiếu của bạn chưa được ghi nhận")
    assert "biểu quyết đã kết thúc" in panel.refusal_label.text()
    assert window.status.summary()["refusal"] == panel.refusal_label.text()
    assert not one.state.have_voted(vote_id)


def test_the_packet_line_says_the_download_waits_for_the_vote(qtbot: QtBot,
                                                             hall: Hall) -> None:
    """The prefetch asks for nothing while a vote is open, so the hall's ballots have
    the link. The line under the page said "Đang tải tài liệu: 3/10" the whole vote,
    the count standing still; now it says why, and goes back once the vote ends."""
    chair = hall.chair()
    one = hall.session("daibieu02")
    window = hall.window(one, "daibieu02")
    summary = window.packet_progress.summary
    qtbot.waitUntil(lambda: summary.text().startswith("Đã tải đủ"), timeout=WAIT)
    docs = list(one.state.documents.values())
    # A packet still coming, as on a weak link: the first three documents are in.
    one.bridge.packet_progress.emit(PacketProgress(one.meeting_id, {
        str(d["sha256"]): (int(d["size_bytes"]) if n < 3 else 0, int(d["size_bytes"]))
        for n, d in enumerate(docs)}))
    waiting = f"Đang tải tài liệu: 3/{len(docs)}"
    qtbot.waitUntil(lambda: summary.text() == waiting, timeout=WAIT)
    # Small documents, a few tens of kB each: the bar still moves with each one.
    bar = window.packet_progress.bar
    done = sum(int(d["size_bytes"]) for d in docs[:3])
    total = sum(int(d["size_bytes"]) for d in docs)
    assert total < 2_000_000
    assert bar.value() / bar.maximum() == pytest.approx(done / total, abs=0.01)
    start_meeting(qtbot, chair, int(top_items(chair)[0]["id"]))
    vote_id = open_vote(qtbot, chair, "Thông qua chương trình kỳ họp")
    qtbot.waitUntil(lambda: summary.text() == f"Đã tải 3/{len(docs)} tài liệu; tạm dừng tải "
                    "trong khi biểu quyết", timeout=WAIT)
    chair.submit("vote.close", {"vote_id": vote_id})
    qtbot.waitUntil(lambda: summary.text() == waiting, timeout=WAIT)


# --- 4. notes are personal and kept ----------------------------------------------------------


def test_notes_survive_a_restart_and_stay_personal(qtbot: QtBot, hall: Hall) -> None:
    one = hall.session("daibieu01")
    window = hall.window(one, "daibieu01", show=False)
    item = top_items(one)[2]
    qtbot.waitUntil(window.notes_panel.is_loaded, timeout=WAIT)
    window.select_item(int(item["id"]))
    assert window.notes_panel.item_id() == item["id"]
    assert window.notes_panel.editor.isEnabled()
    text = "Q1: Đề nghị làm rõ nguồn vốn đối ứng của các huyện cũ."
    with qtbot.waitSignal(window.notes_panel.saved, timeout=WAIT):
        qtbot.keyClicks(window.notes_panel.editor, "Q1: ")  # QTest types ASCII keys only
        window.notes_panel.editor.insertPlainText(text[4:])  # as an input method would
    assert window.notes_panel.hint.text() == "Đã lưu"
    window.close()

    again = hall.window(one, "daibieu01", show=False)
    qtbot.waitUntil(again.notes_panel.is_loaded, timeout=WAIT)
    again.select_item(int(item["id"]))
    assert again.notes_panel.text() == text
    assert NotesStore(hall.profile("daibieu01").notes).get(one.meeting_id,
                                                           int(item["id"])) == text

    two = hall.session("daibieu02")
    other = hall.window(two, "daibieu02", source=lambda _doc: None, show=False)
    qtbot.waitUntil(other.notes_panel.is_loaded, timeout=WAIT)
    other.select_item(int(item["id"]))
    assert other.notes_panel.text() == ""
    assert NotesStore(hall.profile("daibieu02").notes).meeting_notes(one.meeting_id) == {}

    # A document the laptop does not have yet says so instead of showing nothing.
    other.open_document(next(iter(two.state.documents.values())))
    qtbot.waitUntil(lambda: "chưa được tải về máy" in other.document_message.text(),
                    timeout=WAIT)
    assert other.document_stack.currentWidget() is other.document_message


def test_a_document_shown_as_not_downloaded_opens_once_the_packet_has_it(
        qtbot: QtBot, hall: Hall) -> None:
    """The page said the open document was not on this laptop yet; when the packet's
    download of it ends, the reader shows it by itself. Before, the delegate saw the
    packet complete and the page still saying the document was missing until they
    clicked it again (found walking the window under Xvfb)."""
    session = hall.session("daibieu04")
    arrived: set[str] = set()

    def source(doc: dict[str, Any]) -> bytes | None:
        return hall.read_blob(doc) if str(doc["sha256"]) in arrived else None

    window = hall.window(session, "daibieu04", source=source)
    doc = next(iter(session.state.documents.values()))
    window.open_document(doc)
    qtbot.waitUntil(lambda: "chưa được tải về máy" in window.document_message.text(),
                    timeout=WAIT)
    sha, size = str(doc["sha256"]), int(doc.get("size") or 1)
    # Another document finishing does not reopen it; this one's last byte does.
    session.bridge.packet_progress.emit(PacketProgress(session.meeting_id, {
        sha: (size // 2, size), "0" * 64: (10, 10)}))
    assert window.document_stack.currentWidget() is window.document_message
    arrived.add(sha)
    session.bridge.packet_progress.emit(PacketProgress(session.meeting_id, {sha: (size, size)}))
    qtbot.waitUntil(lambda: window.reader is not None
                    and window.document_stack.currentWidget() is window.reader
                    and window.reader.document_info() is not None, timeout=WAIT)


def test_notes_store_is_per_file(tmp_path: Path) -> None:
    mine, theirs = NotesStore(tmp_path / "a" / "notes.sqlite3"), NotesStore(
        tmp_path / "b" / "notes.sqlite3")
    mine.put(1, 7, "ghi chú")
    assert mine.get(1, 7) == "ghi chú"
    assert theirs.get(1, 7) == ""
    mine.put(1, 7, "  ")
    assert mine.meeting_notes(1) == {}


def test_annotations_follow_the_delegate_to_another_laptop(qtbot: QtBot, hall: Hall,
                                                            tmp_path: Path) -> None:
    """Two laptops (two profile folders) of the same delegate, through the real server."""
    laptop = hall.session("daibieu05")
    window_a = hall.window(laptop, "daibieu05")
    doc = sorted(laptop.state.documents.values(), key=lambda d: d["id"])[0]
    window_a.open_document(doc)
    qtbot.waitUntil(lambda: window_a.reader is not None
                    and window_a.reader.document_sha256() == doc["sha256"], timeout=WAIT)
    assert window_a.reader is not None
    note = window_a.reader.add_note(0, 100.0, 120.0, "Hỏi lại về nguồn vốn")
    assert note is not None
    # Laptop A pushes after its short quiet period; laptop B pulls when it opens the file.
    asked = _Polite(lambda: _server_has(laptop, doc["sha256"], note.id))
    qtbot.waitUntil(asked, timeout=3 * WAIT)

    other_root = tmp_path / "second-laptop"
    second = Hall(qtbot, hall.server, other_root, hall.stack)
    tablet = second.session("daibieu05")
    window_b = second.window(tablet, "daibieu05")
    window_b.open_document(doc)
    qtbot.waitUntil(lambda: window_b.reader is not None and any(
        a.id == note.id for a in window_b.reader.annotations()), timeout=3 * WAIT)


class _Polite:
    """Asks the server at most twice a second: waitUntil polls every few milliseconds,
    and a request that often trips the server's per-connection rate limit."""

    def __init__(self, ask: Callable[[], bool]) -> None:
        self.ask, self.last, self.answer = ask, 0.0, False

    def __call__(self) -> bool:
        if time.monotonic() - self.last >= 0.5:
            self.last = time.monotonic()
            self.answer = self.ask()
        return self.answer


def _server_has(session: LiveMeeting, sha: str, annotation_id: str) -> bool:
    found: list[bool] = []
    bridge = session.bridge
    client = bridge.connection.client
    if client is None:
        return False

    future = asyncio.run_coroutine_threadsafe(
        client.command(session.meeting_id, "annotations.pull", {"sha256": sha}), bridge.loop)
    found = [a["id"] == annotation_id for a in future.result(10)["annotations"]]
    return any(found)


@pytest.fixture
def tokyo_hall(qtbot: QtBot, tmp_path: Path) -> Iterator[Hall]:
    """The demo council with its body in Asia/Tokyo (+09:00), set before the server starts."""
    server = ServerProcess(tmp_path / "server")
    database = Database(server.db)
    with database.transaction() as session:
        for body in session.scalars(select(Body)):
            body.time_zone = "Asia/Tokyo"
    database.dispose()
    server.start()
    try:
        with ExitStack() as stack:
            yield Hall(qtbot, server, tmp_path / "profiles", stack)
    finally:
        server.stop()


@pytest.mark.usefixtures("laptop_in_utc")
def test_the_watermark_of_a_confidential_document_reads_the_bodys_clock(
        qtbot: QtBot, tokyo_hall: Hall) -> None:
    session = tokyo_hall.session("daibieu01")
    window = tokyo_hall.window(session, "daibieu01")
    doc = next(d for d in session.state.documents.values() if d.get("confidential"))
    window.open_document(doc)
    qtbot.waitUntil(lambda: window.reader is not None
                    and window.reader.document_sha256() == doc["sha256"], timeout=WAIT)
    assert window.reader is not None
    mark = window.reader.watermark()
    assert mark is not None
    stamp = datetime.strptime(mark.rsplit(" · ", 1)[1], "%d/%m/%Y %H:%M").replace(
        tzinfo=ZoneInfo("Asia/Tokyo"))
    assert abs(stamp - datetime.now(UTC)) < timedelta(minutes=2), mark


def test_the_chosen_document_stays_chosen_when_the_documents_change(
        qtbot: QtBot, hall: Hall) -> None:
    """The secretary withdraws a document while a delegate has another one chosen in the
    list: the list comes again, and the delegate's choice stays where it was. Before, it
    was dropped with every change of the documents (found walking the app)."""
    secretary = hall.session("thuky")
    session = hall.session("daibieu04")
    window = hall.window(session, "daibieu04")
    documents = list(session.state.documents.values())
    by_item: dict[int, list[dict[str, Any]]] = {}
    for doc in documents:
        if doc["agenda_item_id"] is not None:
            by_item.setdefault(int(doc["agenda_item_id"]), []).append(doc)
    item = max(by_item, key=lambda i: len(by_item[i]))
    window.select_item(item)
    view = window.documents_view
    qtbot.waitUntil(lambda: view.model().rowCount() == len(by_item[item]), timeout=WAIT)
    last = view.model().index(view.model().rowCount() - 1, 0)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(last).center())
    chosen = window.documents.row(view.currentIndex().row())["id"]
    other = next(d for d in documents if d["id"] != chosen)
    secretary.submit("document.withdraw", {"document_id": int(other["id"])})
    qtbot.waitUntil(lambda: int(other["id"]) not in session.state.documents, timeout=WAIT)
    qtbot.wait(100)
    assert view.currentIndex().isValid()
    assert window.documents.row(view.currentIndex().row())["id"] == chosen


def test_a_ballot_waiting_for_its_confirmation_follows_a_switch_of_language(
        qtbot: QtBot, hall: Hall) -> None:
    """The delegate pressed an option and the question "Xác nhận biểu quyết: …?" waits
    above its buttons; the language is switched: the question is asked in English with
    them, and back (before, it stayed in the language it was asked in; found walking)."""
    chair = hall.chair()
    one = hall.session("daibieu02")
    window = hall.window(one, "daibieu02")
    start_meeting(qtbot, chair, int(top_items(chair)[0]["id"]))
    open_vote(qtbot, chair, "Thông qua chương trình kỳ họp")
    panel = window.vote_panel
    qtbot.waitUntil(lambda: panel.vote() is not None, timeout=WAIT)
    click(qtbot, window.check_in_button)
    qtbot.waitUntil(lambda: panel.ballot.isVisible() and panel.ballot.isEnabled(),
                    timeout=WAIT)
    window.resize(1024, 480)  # a low screen: the panel scrolls
    scroll = panel.findChild(QScrollArea)
    assert scroll is not None
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() > 0, timeout=WAIT)
    click(qtbot, panel.option_buttons[0])
    vote = panel.vote()
    assert vote is not None
    label = str(vote["options"][0])  # the council's own words, in no catalogue
    assert panel.confirm_label.text() == f"Xác nhận biểu quyết: {label}?"
    # Scrolled into sight, wherever the panel's fold is on this screen.
    qtbot.waitUntil(lambda: not panel.confirm_button.visibleRegion().isEmpty(), timeout=WAIT)
    translations = Translations()
    try:
        translations.install("en")
        qtbot.waitUntil(lambda: panel.confirm_button.text() == "Confirm", timeout=WAIT)
        assert panel.confirm_label.text() == f"Confirm your vote: {label}?"
    finally:
        translations.install("vi")
    qtbot.waitUntil(lambda: panel.confirm_label.text() == f"Xác nhận biểu quyết: {label}?",
                    timeout=WAIT)
    assert panel.confirm_box.isVisible(), "the choice still waits for its confirmation"
