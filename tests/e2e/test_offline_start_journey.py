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
from meetingroom.ui.qt import QColor, Qt
from tests.e2e.steps import SECOND, WAIT, publish_second_meeting
from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.processes import ServerProcess

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


def test_a_laptop_started_offline_opens_what_it_holds(
        qtbot: QtBot, hall: ServerProcess, memory_keyring: MemoryKeyring,
        tmp_path: Path) -> None:
    asyncio.run(publish_second_meeting(hall.url))

    # Yesterday: the password, "remember me", the session opened and its packet fetched.
    client = _launch(hall, tmp_path)
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
    finally:
        client.shutdown()

    # This morning: the server is not up yet.
    hall.stop()
    client = _launch(hall, tmp_path)
    try:
        dialog = client.login_dialog
        assert dialog is not None
        qtbot.waitUntil(lambda: bool(client.users), timeout=WAIT)  # with no key pressed
        user = client.users[0]
        assert user.user.get("username") == "daibieu07"
        assert user.bridge.connection.status.state is not ConnectionState.ONLINE
        main = client.main_windows[user]
        page = main.page
        qtbot.waitUntil(lambda: page.proxy.rowCount() == 2, timeout=WAIT)
        assert page.message.text().startswith(
            "Không kết nối được tới máy chủ. Danh sách lưu lúc ")
        assert main.windowTitle().startswith(str(user.user["full_name"]))

        # The meeting never opened here is greyed, and Enter on it says why, opening nothing.
        second = page.proxy.index(_row(page, SECOND), 0)
        assert page.proxy.data(second, Qt.ItemDataRole.ForegroundRole) == \
            QColor(Qt.GlobalColor.gray)
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
        qtbot.waitUntil(lambda: not window.offline_banner.isVisible(), timeout=WAIT)
    finally:
        client.shutdown()
