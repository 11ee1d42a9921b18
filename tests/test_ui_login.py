"""The login window against a real server process: passwords, remembered tokens, no keyring."""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import pytest
from keyring.backends import fail
from pytestqt.qtbot import QtBot

from meetingroom.core.demo_documents import DEMO_PASSWORD
from meetingroom.laptop.credentials import SERVICE, TokenVault
from meetingroom.laptop.profiles import profile_for
from meetingroom.sync.client.connection import ReconnectPolicy
from meetingroom.ui.bridge import ServerBridge
from meetingroom.ui.login_dialog import (
    BridgeFactory,
    ClientSettings,
    LoginDialog,
    LoginResult,
    check_server_address,
    complete_server_address,
)
from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.processes import ServerProcess

#: The offscreen platform says this when a shown window's size constraints change.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

FAST = ReconnectPolicy(base_delay=0.1, max_delay=0.5)
WAIT = 20_000


@pytest.fixture(autouse=True)
def restore_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture
def no_keyring() -> None:
    keyring.set_keyring(fail.Keyring())


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    server = ServerProcess(tmp_path_factory.mktemp("login-server"))
    server.start()
    yield server
    server.stop()


class Bridges:
    """Makes bridges with fast reconnects and profiles under the test's folder; closes them."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.made: list[ServerBridge] = []

    def __call__(self, server: str, username: str) -> ServerBridge:
        bridge = ServerBridge(server, profile_for(server, username, root=self.root),
                               policy=FAST)
        self.made.append(bridge)
        return bridge

    def close(self) -> None:
        for bridge in self.made:
            bridge.shutdown()


@pytest.fixture
def bridges(tmp_path: Path) -> Iterator[Bridges]:
    made = Bridges(tmp_path / "profiles")
    yield made
    made.close()


def _dialog(qtbot: QtBot, settings: ClientSettings, factory: BridgeFactory) -> LoginDialog:
    dialog = LoginDialog(settings, bridge_factory=factory)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _fill(dialog: LoginDialog, server: str, username: str, password: str) -> None:
    dialog.server_edit.setText(server)
    dialog.user_edit.setText(username)
    dialog.password_edit.setText(password)


def _log_in(qtbot: QtBot, dialog: LoginDialog) -> LoginResult:
    with qtbot.waitSignal(dialog.logged_in, timeout=WAIT) as signal:
        dialog.login_button.click()
    assert signal.args is not None
    result: LoginResult = signal.args[0]
    return result


def test_a_wrong_then_the_right_password(qtbot: QtBot, demo_server: ServerProcess,
                                         bridges: Bridges, no_keyring: None,
                                         tmp_path: Path) -> None:
    settings = ClientSettings(path=tmp_path / "client.json")
    dialog = _dialog(qtbot, settings, bridges)
    _fill(dialog, demo_server.url, "daibieu03", "không phải mật khẩu")
    dialog.login_button.click()
    assert not dialog.login_button.isEnabled(), "the button waits while the server answers"
    qtbot.waitUntil(lambda: dialog.login_button.isEnabled(), timeout=WAIT)
    assert "Sai tên đăng nhập hoặc mật khẩu" in dialog.message.text()
    assert dialog.password_edit.text() == "", "a refused password is cleared"
    assert dialog.result_ is None

    dialog.password_edit.setText(DEMO_PASSWORD)
    result = _log_in(qtbot, dialog)
    assert result.user["username"] == "daibieu03"
    assert result.bridge is bridges.made[0], "the same connection is reused for the retry"
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    saved = json.loads((tmp_path / "client.json").read_text(encoding="utf-8"))
    assert saved["server"] == demo_server.url
    assert saved["username"] == "daibieu03"
    assert DEMO_PASSWORD not in (tmp_path / "client.json").read_text(encoding="utf-8")


def test_bad_addresses_and_an_unreachable_server_are_explained(
        qtbot: QtBot, bridges: Bridges, no_keyring: None, tmp_path: Path) -> None:
    assert check_server_address("ws://192.168.1.10:8765") is None
    assert check_server_address("wss://phonghop.tinh.gov.vn") is None
    for bad in ("", "192.168.1.10:8765", "http://host:8765", "ws://", "ws://host:port",
                "ws://host:99999"):
        assert check_server_address(bad), bad
    # ... but what a person types without the scheme is completed before it is checked
    assert complete_server_address("192.168.1.10:8765") == "ws://192.168.1.10:8765"

    dialog = _dialog(qtbot, ClientSettings(path=tmp_path / "client.json"), bridges)
    _fill(dialog, "ftp://phonghop:8765", "daibieu01", DEMO_PASSWORD)
    dialog.login_button.click()
    assert "ws://" in dialog.message.text()
    assert "không hợp lệ" in dialog.message.text()
    assert bridges.made == [], "nothing is attempted with a bad address"

    _fill(dialog, "ws://127.0.0.1:1", "daibieu01", DEMO_PASSWORD)
    dialog.login_button.click()
    qtbot.waitUntil(lambda: dialog.login_button.isEnabled(), timeout=WAIT)
    assert "Không kết nối được tới máy chủ" in dialog.message.text()
    assert dialog.result_ is None

    _fill(dialog, "ws://127.0.0.1:1", "", DEMO_PASSWORD)
    dialog.login_button.click()
    assert dialog.message.text() == "Hãy nhập tên đăng nhập"


def test_remember_me_keeps_the_token_and_logs_in_without_the_password(
        qtbot: QtBot, demo_server: ServerProcess, bridges: Bridges,
        memory_keyring: MemoryKeyring, tmp_path: Path) -> None:
    settings_path = tmp_path / "client.json"
    dialog = _dialog(qtbot, ClientSettings.load(settings_path), bridges)
    assert dialog.remember_box.isEnabled()
    assert dialog.keyring_note.isHidden()
    _fill(dialog, demo_server.url, "daibieu04", DEMO_PASSWORD)
    dialog.remember_box.setChecked(True)
    first = _log_in(qtbot, dialog)
    assert first.remembered
    account = f"daibieu04@{demo_server.url}"
    token = memory_keyring.secrets[(SERVICE, account)]
    assert token
    assert token != DEMO_PASSWORD
    assert memory_keyring.tokens() == {(SERVICE, account): token}, "only the token is kept"
    assert DEMO_PASSWORD not in memory_keyring.secrets.values()
    stored = settings_path.read_text(encoding="utf-8")
    assert token not in stored
    assert DEMO_PASSWORD not in stored
    assert json.loads(stored)["remember"] is True

    # The next start: the remembered session logs in at once, no password typed.
    again = _dialog(qtbot, ClientSettings.load(settings_path), bridges)
    assert again.remember_box.isChecked()
    with qtbot.waitSignal(again.logged_in, timeout=WAIT) as signal:
        assert again.try_remembered()
    assert signal.args is not None
    second: LoginResult = signal.args[0]
    assert second.user["username"] == "daibieu04"
    assert second.bridge is not first.bridge

    # Logging out revokes the token on the server and forgets it here.
    second.bridge.logout()
    qtbot.waitUntil(lambda: (SERVICE, account) not in memory_keyring.secrets, timeout=WAIT)

    # A revoked token still in the keyring (the laptop was off): the password is asked for.
    memory_keyring.secrets[(SERVICE, account)] = token
    third = _dialog(qtbot, ClientSettings.load(settings_path), bridges)
    assert third.try_remembered()
    qtbot.waitUntil(lambda: "không còn hiệu lực" in third.message.text(), timeout=WAIT)
    assert third.password_edit.isEnabled()
    assert third.result_ is None
    assert (SERVICE, account) not in memory_keyring.secrets, "the dead token is forgotten"
    third.password_edit.setText(DEMO_PASSWORD)
    fourth = _log_in(qtbot, third)
    assert fourth.user["username"] == "daibieu04"
    assert memory_keyring.secrets[(SERVICE, account)] not in (token, DEMO_PASSWORD)


def test_unticking_remember_me_forgets_the_token(
        qtbot: QtBot, demo_server: ServerProcess, bridges: Bridges,
        memory_keyring: MemoryKeyring, tmp_path: Path) -> None:
    account = (SERVICE, f"daibieu05@{demo_server.url}")
    memory_keyring.secrets[account] = "an old token"
    dialog = _dialog(qtbot, ClientSettings(path=tmp_path / "client.json"), bridges)
    _fill(dialog, demo_server.url, "daibieu05", DEMO_PASSWORD)
    dialog.remember_box.setChecked(False)
    result = _log_in(qtbot, dialog)
    assert not result.remembered
    assert memory_keyring.tokens() == {}


def test_without_a_keyring_nothing_is_remembered(
        qtbot: QtBot, demo_server: ServerProcess, bridges: Bridges, no_keyring: None,
        tmp_path: Path) -> None:
    settings_path = tmp_path / "client.json"
    dialog = _dialog(qtbot, ClientSettings(path=settings_path, remember=True), bridges)
    assert not TokenVault().available()
    assert not dialog.remember_box.isEnabled()
    assert not dialog.remember_box.isChecked()
    assert not dialog.keyring_note.isHidden()
    assert dialog.keyring_note.text().startswith("Máy này không có kho khóa bảo mật")
    _fill(dialog, demo_server.url, "daibieu06", DEMO_PASSWORD)
    result = _log_in(qtbot, dialog)
    assert not result.remembered
    assert not dialog.remember_box.isEnabled(), "still disabled after the login"
    token = result.bridge.connection._token  # the secret that must not leak
    assert token
    assert TokenVault().load(demo_server.url, "daibieu06") is None
    for path in tmp_path.rglob("*"):
        if path.is_file() and path.suffix in (".json", ".tmp", ".txt", ".ini"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert token not in text, path
            assert DEMO_PASSWORD not in text, path
    assert json.loads(settings_path.read_text(encoding="utf-8"))["remember"] is False

    # The next start asks for the password again.
    again = _dialog(qtbot, ClientSettings.load(settings_path), bridges)
    assert not again.try_remembered()
    assert again.password_edit.isEnabled()
