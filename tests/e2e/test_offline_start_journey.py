"""Journey: a delegate's laptop starts while the hall's server is down.

Yesterday the delegate logged in with "Ghi nhớ đăng nhập", opened the session and let its
packet come down. This morning the server is not up yet when the laptop starts. The
login window does not hold them at "Không kết nối được tới máy chủ": the remembered
session opens the meeting list the laptop remembers, which says so and since when; the
meeting with its packet on the laptop opens and its documents read; the meeting never
opened here is greyed and says why it does not open. When the server comes up, the
same window goes online and the list is the server's again, with no new login.

Everything starts where ``meetingroom client`` starts, against a real server process
that the test stops and brings back on the same port.
"""

from __future__ import annotations

import asyncio
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from pytestqt.qtbot import QtBot

from meetingroom.core.demo_documents import DEMO_PASSWORD
from meetingroom.server.seed import MEETING_TITLE
from meetingroom.sync.client.connection import ConnectionState
from meetingroom.ui.app import SignedInUser, build_parser, launch
from meetingroom.ui.delegate.meeting_window import MeetingWindow
from meetingroom.ui.meeting_list import MeetingListPage
from meetingroom.ui.qt import QColor, QLabel, QLineEdit, QPushButton, Qt
from meetingroom.ui.relogin_dialog import ReloginDialog
from tests.e2e.steps import SECOND, WAIT, publish_second_meeting
from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.processes import CLI, ServerProcess

NEW_PASSWORD = "doi-mat-khau-2026"

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise\(\)|propagateSizeHints)")


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """A laptop with a working OS keyring, kept across the two starts of the client."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def hall(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    process = ServerProcess(tmp_path_factory.mktemp("offline-start"))
    process.start()
    yield process
    process.stop()


def _launch(server: ServerProcess, folder: Path) -> Any:
    args = build_parser().parse_args(["--server", server.url, "--user", "daibieu07",
                                      "--settings", str(folder / "client.json"),
                                      "--data-dir", str(folder / "data")])
    launched = launch(args)
    assert not isinstance(launched, int)
    return launched[1]


def _row(page: MeetingListPage, title: str) -> int:
    rows = [page.proxy.data(page.proxy.index(r, 0), Qt.ItemDataRole.ToolTipRole)
            for r in range(page.proxy.rowCount())]
    return next(r for r, tip in enumerate(rows) if str(tip).startswith(title))


def _press_enter_on(qtbot: QtBot, page: MeetingListPage, title: str) -> None:
    page.view.setCurrentIndex(page.proxy.index(_row(page, title), 0))
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)


def _meeting_window(user: SignedInUser) -> MeetingWindow | None:
    return next((w for w in user.windows if isinstance(w, MeetingWindow)), None)


def _opened(qtbot: QtBot, user: SignedInUser) -> MeetingWindow:
    """The meeting window, once it shows its meeting."""
    qtbot.waitUntil(lambda: _meeting_window(user) is not None, timeout=WAIT)
    window = _meeting_window(user)
    assert window is not None
    qtbot.waitUntil(lambda: window.session.loaded, timeout=WAIT)
    return window


def _yesterday(qtbot: QtBot, hall: ServerProcess, folder: Path) -> int:
    """The password, "remember me", the session opened and its packet fetched; the
    client closed. The number of documents in the packet."""
    client = _launch(hall, folder)
    try:
        dialog = client.login_dialog
        assert dialog is not None
        assert dialog.remember_box.isEnabled()
        dialog.remember_box.setFocus()
        qtbot.keyClick(dialog.remember_box, Qt.Key.Key_Space)
        assert dialog.remember_box.isChecked()
        qtbot.keyClicks(dialog.password_edit, DEMO_PASSWORD)
        with qtbot.waitSignal(client.logged_in, timeout=WAIT) as signal:
            qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
        assert signal.args is not None
        user: SignedInUser = signal.args[0]
        page = client.main_windows[user].page
        qtbot.waitUntil(lambda: page.proxy.rowCount() == 2, timeout=WAIT)
        _press_enter_on(qtbot, page, MEETING_TITLE)
        window = _opened(qtbot, user)
        count = len(window.session.state.documents)
        assert count > 0
        qtbot.waitUntil(lambda: window.packet_progress.summary.text().startswith(
            f"Đã tải đủ {count} tài liệu"), timeout=WAIT)
        return count
    finally:
        client.shutdown()


def _started_offline(qtbot: QtBot, hall: ServerProcess, folder: Path) -> tuple[Any, SignedInUser]:
    """The client started with the server down: in with the remembered session, no key
    pressed, the remembered list shown."""
    client = _launch(hall, folder)
    assert client.login_dialog is not None
    qtbot.waitUntil(lambda: bool(client.users), timeout=WAIT)
    user: SignedInUser = client.users[0]
    assert user.user.get("username") == "daibieu07"
    assert user.bridge.connection.status.state is not ConnectionState.ONLINE
    page = client.main_windows[user].page
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 2, timeout=WAIT)
    return client, user


def test_a_laptop_started_offline_opens_what_it_holds(
        qtbot: QtBot, hall: ServerProcess, memory_keyring: MemoryKeyring,
        tmp_path: Path) -> None:
    asyncio.run(publish_second_meeting(hall.url))
    count = _yesterday(qtbot, hall, tmp_path)

    # This morning: the server is not up yet.
    hall.stop()
    client, user = _started_offline(qtbot, hall, tmp_path)
    try:
        main = client.main_windows[user]
        page = main.page
        assert page.message.text().startswith(
            "Không kết nối được tới máy chủ. Danh sách lưu lúc ")
        assert main.windowTitle().startswith(str(user.user["full_name"]))

        # The meeting never opened here is greyed, and Enter on it says why, opening nothing.
        second = page.proxy.index(_row(page, SECOND), 0)
        assert page.proxy.data(second, Qt.ItemDataRole.ForegroundRole) == \
            QColor(Qt.GlobalColor.gray)
        assert str(page.proxy.data(second)).endswith("  ·  chưa có trên máy này")
        _press_enter_on(qtbot, page, SECOND)
        assert page.message.text() == (f"Cuộc họp “{SECOND}” chưa có trên máy này: cần kết "
                                       "nối tới máy chủ để mở lần đầu.")
        assert _meeting_window(user) is None

        # The session opens from the laptop, with every document readable.
        _press_enter_on(qtbot, page, MEETING_TITLE)
        window = _opened(qtbot, user)
        documents = list(window.session.state.documents.values())
        assert len(documents) == count
        assert all(user.bridge.document_bytes(d) is not None for d in documents)
        qtbot.waitUntil(lambda: window.packet_progress.summary.text().startswith(
            f"Đã tải đủ {count} tài liệu"), timeout=WAIT)
        assert window.offline_banner.isVisible()

        # The server comes up: the same windows go online, and the list is the server's.
        hall.start()
        qtbot.waitUntil(lambda: user.bridge.connection.status.state is ConnectionState.ONLINE,
                        timeout=WAIT)
        qtbot.waitUntil(lambda: page.message.text() == "2 cuộc họp", timeout=WAIT)
        assert page.proxy.data(page.proxy.index(_row(page, SECOND), 0),
                               Qt.ItemDataRole.ForegroundRole) is None
        chosen = page.selected()
        assert chosen is not None
        assert chosen["title"] == MEETING_TITLE, "the server's list keeps the choice"
        qtbot.waitUntil(lambda: not window.offline_banner.isVisible(), timeout=WAIT)
    finally:
        client.shutdown()


def test_a_session_ended_while_offline_asks_the_password_over_the_open_windows(
        qtbot: QtBot, hall: ServerProcess, memory_keyring: MemoryKeyring,
        tmp_path: Path) -> None:
    """Overnight an administrator reset the delegate's password, which ends every session.
    The laptop starts offline with the meeting open; when the server comes up it refuses
    the remembered session, and the password is asked over the open windows: a wrong one
    says so, the new one brings the same windows online and is remembered again."""
    asyncio.run(publish_second_meeting(hall.url))
    _yesterday(qtbot, hall, tmp_path)
    hall.stop()
    reset = subprocess.run([*CLI, "user", "reset-password", "daibieu07", "--password-stdin",
                            "--db", hall.db], input=f"{NEW_PASSWORD}\n", capture_output=True,
                           text=True, timeout=120, check=False)
    assert reset.returncode == 0, reset.stderr
    old_tokens = dict(memory_keyring.tokens())
    assert len(old_tokens) == 1

    client, user = _started_offline(qtbot, hall, tmp_path)
    try:
        main = client.main_windows[user]
        _press_enter_on(qtbot, main.page, MEETING_TITLE)
        window = _opened(qtbot, user)
        assert main.relogin_dialog is None
        assert not main.relogin_action.isVisible()

        hall.start()
        qtbot.waitUntil(lambda: main.relogin_dialog is not None, timeout=WAIT)
        dialog = main.relogin_dialog
        assert isinstance(dialog, ReloginDialog)
        assert dialog.isVisible()
        assert main.relogin_action.isVisible()
        assert str(user.user["full_name"]) in dialog.heading.text()
        assert window.isVisible(), "the meeting stays open"

        # Put off: the list says what the server wants, not that it is out of reach, and
        # the meeting window's status bar is the way back to the question.
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: main.relogin_dialog is None, timeout=WAIT)
        assert main.page.message.text().startswith("Máy chủ cần bạn đăng nhập lại")
        bar = window.statusBar()
        button = bar.findChild(QPushButton, "relogin_button")
        assert button is not None
        assert button.isVisible()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: main.relogin_dialog is not None, timeout=WAIT)
        dialog = main.relogin_dialog
        assert isinstance(dialog, ReloginDialog)
        assert dialog.isVisible()

        edit = dialog.findChild(QLineEdit)
        qtbot.keyClicks(edit, DEMO_PASSWORD)  # yesterday's
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        message = dialog.findChild(QLabel, "relogin_message")
        qtbot.waitUntil(lambda: edit.isEnabled() and message.text() != "", timeout=WAIT)
        assert "mật khẩu" in message.text().lower()
        assert dialog.isVisible()

        qtbot.keyClicks(edit, NEW_PASSWORD)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: user.bridge.connection.status.state is ConnectionState.ONLINE,
                        timeout=WAIT)
        qtbot.waitUntil(lambda: main.relogin_dialog is None, timeout=WAIT)
        assert not main.relogin_action.isVisible()
        qtbot.waitUntil(lambda: main.page.message.text() == "2 cuộc họp", timeout=WAIT)
        qtbot.waitUntil(lambda: not window.offline_banner.isVisible(), timeout=WAIT)
        qtbot.waitUntil(lambda: len(memory_keyring.tokens()) == 1
                        and memory_keyring.tokens() != old_tokens, timeout=WAIT)
    finally:
        client.shutdown()
