"""Journey: a new user presses Enter (and Esc) in the first windows; nothing surprises them.

Starts where ``meetingroom client`` starts (``launch`` with the same arguments) against a
real ``meetingroom serve``. Enter after the address checks it and goes on to the login;
Enter after a wrong password, then the right one, logs in; an address typed without
``ws://`` is completed. Neither window ever ends the program on Enter: leaving asks
"Thoát chương trình?" with "Quay lại" the default.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from meetingroom.core.demo_documents import DEMO_PASSWORD
from meetingroom.sync.client.discovery import Announcement
from meetingroom.ui.app import ClientApp, build_parser, launch
from meetingroom.ui.first_run import FirstRunDialog
from meetingroom.ui.login_dialog import LoginDialog, complete_server_address
from meetingroom.ui.qt import QApplication, QCloseEvent, Qt
from tests.helpers.modals import CANCEL_CLICK, PROCEED_CLICK, Modals, press
from tests.helpers.processes import ServerProcess

WAIT = 30_000
QUIT_QUESTION = "Thoát chương trình?"

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise\(\)|propagateSizeHints)")


def _launch(tmp_path: Path, *extra: str) -> ClientApp:
    args = build_parser().parse_args(["--settings", str(tmp_path / "client.json"),
                                      "--data-dir", str(tmp_path / "data"), *extra])
    launched = launch(args)
    assert not isinstance(launched, int)
    return launched[1]


def _bare(url: str) -> str:
    """"127.0.0.1:40123": the address as a technician would say it."""
    return url.removeprefix("ws://")


def test_enter_after_the_address_checks_it_and_shows_the_login(
        qtbot: QtBot, server: ServerProcess, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEETINGROOM_DISCOVERY_PORT", "0")  # hear no real hall's server
    client = _launch(tmp_path)
    try:
        first = client.first_run_dialog
        assert isinstance(first, FirstRunDialog)
        quits: list[str] = []
        first.rejected.connect(lambda: quits.append("first run"))
        checked: list[str] = []
        first.checked.connect(lambda result: checked.append(result.url))
        qtbot.waitUntil(first.isActiveWindow, timeout=WAIT)
        assert first.continue_button.isDefault()
        first.address_edit.clear()
        qtbot.keyClicks(first.address_edit, _bare(server.url))
        qtbot.keyClick(first.address_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: client.login_dialog is not None or bool(quits), timeout=WAIT)
        assert quits == []
        assert checked == [server.url]  # completed before dialling
        login = client.login_dialog
        assert isinstance(login, LoginDialog)
        assert login.server_edit.text() == server.url
        login.rejected.connect(lambda: quits.append("login"))
        qtbot.waitUntil(login.isActiveWindow, timeout=WAIT)
        # The login's server field completes a bare address too.
        login.server_edit.clear()
        qtbot.keyClicks(login.server_edit, _bare(server.url))
        qtbot.keyClicks(login.user_edit, "daibieu01")
        qtbot.keyClicks(login.password_edit, DEMO_PASSWORD)
        with qtbot.waitSignal(client.logged_in, timeout=WAIT):
            qtbot.keyClick(login.password_edit, Qt.Key.Key_Return)
        assert quits == []
        assert client.settings.server == server.url
    finally:
        client.shutdown()


def test_enter_after_a_wrong_password_tries_again_and_logs_in(
        qtbot: QtBot, server: ServerProcess, tmp_path: Path) -> None:
    client = _launch(tmp_path, "--server", server.url, "--user", "daibieu02")
    try:
        login = client.login_dialog
        assert isinstance(login, LoginDialog)
        quits: list[str] = []
        login.rejected.connect(lambda: quits.append("login"))
        qtbot.waitUntil(login.isActiveWindow, timeout=WAIT)
        qtbot.keyClicks(login.password_edit, "wrong-password")
        qtbot.keyClick(login.password_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: (login.password_edit.isEnabled() and login.message.text()
                                 != "Đang kết nối tới máy chủ…") or bool(quits), timeout=WAIT)
        assert quits == []
        assert login.isVisible()
        assert login.login_button.isDefault()
        assert not login.quit_button.isDefault()
        assert not login.quit_button.autoDefault()
        qtbot.keyClicks(login.password_edit, DEMO_PASSWORD)
        with qtbot.waitSignal(client.logged_in, timeout=WAIT) as signal:
            qtbot.keyClick(login.password_edit, Qt.Key.Key_Return)
        assert quits == []

        # Tệp → Thoát in the meeting list asks too; Enter there goes back.
        assert signal.args is not None
        main = client.main_windows[signal.args[0]]
        modals = Modals()
        try:
            modals.confirm(press(Qt.Key.Key_Return))
            assert main.quit_action in main.file_menu.actions()
            main.quit_action.trigger()
            assert modals.done()
            assert modals.seen[-1].startswith(QUIT_QUESTION)
            assert main.isVisible()
            gone: list[bool] = []
            main.destroyed.connect(lambda *_args: gone.append(True))
            modals.confirm(PROCEED_CLICK)
            main.quit_action.trigger()
            assert modals.done()
            qtbot.waitUntil(lambda: bool(gone), timeout=WAIT)  # closed (and deleted)
        finally:
            modals.stop()
    finally:
        client.shutdown()


def test_leaving_the_first_window_asks_first_and_enter_there_goes_back(
        qtbot: QtBot, server: ServerProcess, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEETINGROOM_DISCOVERY_PORT", "0")
    client = _launch(tmp_path, "--server", server.url, "--user", "daibieu03")
    modals = Modals()
    try:
        login = client.login_dialog
        assert isinstance(login, LoginDialog)
        quits: list[str] = []
        login.rejected.connect(lambda: quits.append("login"))
        qtbot.waitUntil(login.isActiveWindow, timeout=WAIT)
        assert login.quit_button.text() == "Thoát"

        def asked_and_stayed() -> None:
            assert modals.done()
            assert modals.seen[-1].startswith(QUIT_QUESTION)
            assert quits == []
            assert login.isVisible()

        # Thoát asks; Enter in the question picks "Quay lại": still here.
        modals.confirm(press(Qt.Key.Key_Return))
        qtbot.mouseClick(login.quit_button, Qt.MouseButton.LeftButton)
        asked_and_stayed()

        # Esc asks the same; "Quay lại" again.
        modals.confirm(CANCEL_CLICK)
        qtbot.keyClick(login.password_edit, Qt.Key.Key_Escape)
        asked_and_stayed()

        # The window's X (a close from the window system) asks the same.
        modals.confirm(press(Qt.Key.Key_Escape))
        handle = login.windowHandle()
        assert handle is not None
        # what the window system delivers for X: a close event to the window, not from code
        QApplication.sendEvent(handle, QCloseEvent())
        asked_and_stayed()

        # The server finder opened from the login is not a way out: Esc there goes back.
        modals.expect(FirstRunDialog, press(Qt.Key.Key_Escape))
        assert login.find_server() is None
        assert modals.done()
        assert quits == []
        assert login.isVisible()
        assert not isinstance(client.first_run_dialog, FirstRunDialog)

        # Only a deliberate "Thoát" in the question ends the program.
        modals.confirm(PROCEED_CLICK)
        qtbot.mouseClick(login.quit_button, Qt.MouseButton.LeftButton)
        assert modals.done()
        assert quits == ["login"]
    finally:
        modals.stop()
        client.shutdown()


def test_an_address_without_a_scheme_is_completed() -> None:
    hall = Announcement("Hội trường tầng 2", "wss://10.0.0.5:8765", 1, "0.1", "10.0.0.5")
    assert complete_server_address("192.168.1.10") == "ws://192.168.1.10:8765"
    assert complete_server_address(" hall.local:9000 ") == "ws://hall.local:9000"
    assert complete_server_address("[fe80::1]") == "ws://[fe80::1]:8765"
    assert complete_server_address("http://hall.local:9000") == "ws://hall.local:9000"
    assert complete_server_address("https://hall.local") == "wss://hall.local"
    assert complete_server_address("wss://hall.local:8765") == "wss://hall.local:8765"
    assert complete_server_address("hội trường tầng 2", [hall]) == hall.url
    assert complete_server_address("10.0.0.5", [hall]) == hall.url
    assert complete_server_address("10.0.0.5:9000", [hall]) == "ws://10.0.0.5:9000"
    assert complete_server_address("") == ""
    assert complete_server_address("ftp://x") == "ftp://x"  # check_server_address explains
    assert complete_server_address("not an address") == "not an address"
