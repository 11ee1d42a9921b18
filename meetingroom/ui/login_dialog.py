"""The login window: server address, username, password, and "remember me" through the OS keyring.

A remembered session token is tried first; when the server no longer accepts
it the window asks for the password and says why. When the server cannot be
reached, a remembered session on a laptop that has logged this account in before
opens at once with what the laptop holds (the user the server last confirmed, the
meeting list and the cached meetings) while the connection keeps trying; a typed
password is never checked offline. "Ghi nhớ đăng nhập" keeps
the token (never the password) in the keyring; without a keyring backend the
box is disabled and the window says so. The last server address and username
are kept in a small settings file (nothing secret). Every network step goes
through the bridge's signals: the window never waits on the network.

Enter logs in: "Đăng nhập" is the only default button, also after a failed attempt
(the other QPushButtons are not auto-default, so the focus passing over "Thoát" while
the window is busy can no longer make Enter quit). The server address may be typed
without ``ws://`` (``complete_server_address``). When no one is logged in yet, every way
out (Thoát, Esc, the window's X) asks "Thoát chương trình?" first, Cancel the default.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import platformdirs

from meetingroom.laptop.credentials import TokenVault
from meetingroom.laptop.profiles import profile_for
from meetingroom.sync.client.connection import ConnectionState, ConnectionStatus
from meetingroom.sync.client.discovery import Announcement
from meetingroom.ui.bridge import ServerBridge
from meetingroom.ui.confirm import LeavingDialog
from meetingroom.ui.qt import (
    QCheckBox,
    QCloseEvent,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QObject,
    QPushButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from meetingroom.ui.refusals import failure_text

log = logging.getLogger("meetingroom.ui.login")

SETTINGS_ENV = "MEETINGROOM_CLIENT_SETTINGS"


def default_settings_path() -> Path:
    override = os.environ.get(SETTINGS_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir("meetingroom", appauthor=False)) / "client.json"


@dataclass
class ClientSettings:
    """What the client remembers between runs; never a password or a token."""

    server: str = ""
    username: str = ""
    remember: bool = False
    language: str = ""
    big_screen: str = ""  # name of the screen the big-screen view last opened on
    path: Path | None = field(default=None, repr=False, compare=False)

    @classmethod
    def load(cls, path: Path | None = None) -> ClientSettings:
        path = path or default_settings_path()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raw = {}
        if not isinstance(raw, dict):
            raw = {}
        known = {k: raw[k] for k in ("server", "username", "language", "big_screen")
                 if isinstance(raw.get(k), str)}
        return cls(**known, remember=raw.get("remember") is True, path=path)

    def save(self) -> None:
        path = self.path or default_settings_path()
        data = {k: v for k, v in asdict(self).items() if k != "path"}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
            tmp.replace(path)
        except OSError as exc:  # a read-only profile must not stop anyone from logging in
            log.warning("cannot save the client settings to %s: %s", path, exc)


#: The port ``meetingroom serve`` listens on unless told otherwise (cli.py, ServerConfig).
DEFAULT_SERVER_PORT = 8765


def complete_server_address(text: str, found: Iterable[Announcement] = ()) -> str:
    """The ws:// URL meant by what a person typed: a host, host:port, or a server's name.

    "192.168.1.10" → "ws://192.168.1.10:8765", "hall.local:9000" → "ws://hall.local:9000",
    "http://h:1" → "ws://h:1"; the name (or host) of a server found on the LAN gives that
    server's own address, with its scheme. A bare host gets ``ws://`` because that is what
    a server without a certificate speaks (the demo's, a fresh install's); the first-run
    check moves to ``wss://`` when the host answers only with TLS. Anything that already
    has a ws:// or wss:// scheme, or that cannot be read as a host, is returned as typed
    (``check_server_address`` then says what is wrong).
    """
    typed = text.strip()
    if not typed:
        return typed
    servers = list(found)
    for server in servers:
        if server.name.strip().casefold() == typed.casefold():
            return server.url
    scheme, sep, rest = typed.partition("://")
    if sep:
        replacement = {"http": "ws", "https": "wss"}.get(scheme.lower())
        return f"{replacement}://{rest}" if replacement else typed
    if any(ch.isspace() for ch in typed):
        return typed
    parts = urlsplit("//" + typed)
    try:
        host, port = parts.hostname, parts.port
    except ValueError:
        return typed
    if not host or parts.query or parts.fragment or parts.username:
        return typed
    for server in servers:
        theirs = urlsplit(server.url)
        if theirs.hostname == host and port in (None, theirs.port):
            return server.url
    netloc = f"[{host}]" if ":" in host else host
    return f"ws://{netloc}:{port or DEFAULT_SERVER_PORT}{parts.path}"


def check_server_address(address: str) -> str | None:
    """None when ``address`` is a usable ws:// or wss:// URL, else what is wrong with it."""
    text = address.strip()
    if not text:
        return QCoreApplication.translate("LoginDialog", "Hãy nhập địa chỉ máy chủ, "
                                          "ví dụ 192.168.1.10")
    parts = urlsplit(text)
    if parts.scheme not in ("ws", "wss"):
        return QCoreApplication.translate(
            "LoginDialog", "Địa chỉ máy chủ không hợp lệ: phải bắt đầu bằng ws:// hoặc wss://, "
            "ví dụ wss://phonghop.tinh.gov.vn:8765")
    try:
        port = parts.port
    except ValueError:
        port = -1
    if not parts.hostname or port == -1 or " " in text or parts.query or parts.fragment:
        return QCoreApplication.translate(
            "LoginDialog", "Địa chỉ máy chủ không hợp lệ: cần dạng ws://máy-chủ:cổng, "
            "ví dụ ws://192.168.1.10:8765")
    return None


BridgeFactory = Callable[[str, str], ServerBridge]


def default_bridge_factory(data_root: Path | None = None) -> BridgeFactory:
    def make(server: str, username: str) -> ServerBridge:
        return ServerBridge(server, profile_for(server, username, root=data_root))
    return make


@dataclass
class LoginResult:
    bridge: ServerBridge
    user: dict[str, Any]
    server: str
    username: str
    remembered: bool


class TokenKeeper(QObject):
    """Keeps the session token of one bridge in the keyring while "remember me" is on."""

    def __init__(self, bridge: ServerBridge, vault: TokenVault, server: str, username: str,
                 remember: bool) -> None:
        super().__init__(bridge)
        self.vault = vault
        self.server = server
        self.username = username
        self.remember = remember
        #: True once a token of this session is in the keyring.
        self.stored = False
        bridge.token_changed.connect(self._token)

    def _token(self, token: str | None) -> None:
        if token and self.remember:
            self.stored = self.vault.save(self.server, self.username, token)
        else:
            # Logged out, revoked, or not to be remembered: nothing may stay behind.
            self.vault.forget(self.server, self.username)
            self.stored = False


class LoginDialog(LeavingDialog):
    """Ask who the user is; ``logged_in`` (and ``accept``) when the server agrees."""

    logged_in = Signal(object)  # LoginResult

    def __init__(self, settings: ClientSettings, *, vault: TokenVault | None = None,
                 bridge_factory: BridgeFactory | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.vault = vault or TokenVault()
        self.bridge_factory = bridge_factory or default_bridge_factory()
        self.bridge: ServerBridge | None = None
        self.keeper: TokenKeeper | None = None
        self.result_: LoginResult | None = None
        self._target: tuple[str, str] | None = None
        self._resuming = False
        #: A remembered login found the server out of reach and asked the disk who it is.
        self._offline_asked = False
        self._busy = False
        self._message_source: Callable[[], str] | None = None
        #: Where the profiles live (pinned certificates), for the server finder.
        self.data_root: Path | None = None

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.server_edit = QLineEdit(settings.server)
        self.server_edit.setPlaceholderText("192.168.1.10")
        self.user_edit = QLineEdit(settings.username)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_box = QCheckBox()
        self.keyring_note = QLabel()
        self.keyring_note.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("loginMessage")
        self.buttons = QDialogButtonBox()
        self.login_button = QPushButton()
        self.quit_button = QPushButton()
        self.quit_button.setAutoDefault(False)  # Enter never leaves
        self.buttons.addButton(self.login_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.login_button.clicked.connect(self.submit)
        self.quit_button.clicked.connect(lambda _checked=False: self.leave())
        self.password_edit.returnPressed.connect(self.submit)

        self.form = QFormLayout()
        self.server_label = QLabel()
        self.user_label = QLabel()
        self.password_label = QLabel()
        self.find_button = QPushButton()  # the first-run server finder, again
        self.find_button.setAutoDefault(False)
        self.find_button.clicked.connect(self.find_server)
        server_row = QHBoxLayout()
        server_row.addWidget(self.server_edit, 1)
        server_row.addWidget(self.find_button)
        self.form.addRow(self.server_label, server_row)
        self.form.addRow(self.user_label, self.user_edit)
        self.form.addRow(self.password_label, self.password_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.remember_box)
        layout.addWidget(self.keyring_note)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        # Only once the button is inside the dialog does Qt keep it as the dialog's main
        # default, which focus moving over other buttons then cannot take away.
        self.login_button.setDefault(True)

        self.keyring_available = self.vault.available()
        self.remember_box.setEnabled(self.keyring_available)
        self.remember_box.setChecked(self.keyring_available and settings.remember)
        self.keyring_note.setVisible(not self.keyring_available)
        self.retranslate()
        self.setMinimumWidth(460)
        (self.password_edit if settings.server and settings.username
         else self.server_edit if not settings.server else self.user_edit).setFocus()

    # --- language --------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Đăng nhập — Phòng họp không giấy"))
        self.heading.setText(self.tr("Đăng nhập vào máy chủ phòng họp"))
        self.server_label.setText(self.tr("Máy chủ:"))
        self.find_button.setText(self.tr("Tìm máy chủ…"))
        self.find_button.setToolTip(self.tr(
            "Tìm máy chủ của hội trường trong mạng nội bộ và kiểm tra kết nối"))
        self.user_label.setText(self.tr("Tên đăng nhập:"))
        self.password_label.setText(self.tr("Mật khẩu:"))
        self.remember_box.setText(self.tr("Ghi nhớ đăng nhập"))
        self.remember_box.setToolTip(self.tr(
            "Giữ phiên đăng nhập (không phải mật khẩu) trong kho khóa của hệ điều hành"))
        self.keyring_note.setText(self.tr(
            "Máy này không có kho khóa bảo mật (keyring), nên không thể ghi nhớ đăng nhập; "
            "bạn sẽ nhập mật khẩu mỗi lần."))
        self.login_button.setText(self.tr("Đăng nhập"))
        self.quit_button.setText(self.tr("Thoát") if self.ends_program else self.tr("Đóng"))
        if self._message_source is not None:
            self.message.setText(self._message_source())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _say(self, source: Callable[[], str]) -> None:
        """Show a message that is re-worded when the language changes."""
        self._message_source = source
        self.message.setText(source())

    # --- flow --------------------------------------------------------------------------

    def try_remembered(self) -> bool:
        """Log in with the remembered token of the last user, if there is one."""
        server = complete_server_address(self.settings.server)
        username = self.settings.username.strip()
        if not (server and username and self.keyring_available) or check_server_address(server):
            return False
        token = self.vault.load(server, username)
        if not token:
            return False
        self._resuming = True
        self._offline_asked = False
        self.remember_box.setChecked(True)
        bridge = self._bridge_for(server, username)
        self._set_busy(True)
        self._say(lambda: self.tr("Đang đăng nhập lại bằng phiên đã ghi nhớ…"))
        bridge.start(token)
        return True

    def submit(self) -> None:
        if self._busy:
            return
        typed = self.server_edit.text().strip()
        server = complete_server_address(typed)
        if server != typed:
            self.server_edit.setText(server)  # the user sees what is dialled
        username = self.user_edit.text().strip()
        password = self.password_edit.text()
        problem = check_server_address(server)
        if problem is not None:
            self._say(lambda: check_server_address(server) or "")
            self.server_edit.setFocus()
            return
        if not username:
            self._say(lambda: self.tr("Hãy nhập tên đăng nhập"))
            self.user_edit.setFocus()
            return
        if not password:
            self._say(lambda: self.tr("Hãy nhập mật khẩu"))
            self.password_edit.setFocus()
            return
        fresh = self._target != (server, username) or self.bridge is None
        bridge = self._bridge_for(server, username)
        self._resuming = False
        self._set_busy(True)
        self._say(lambda: self.tr("Đang kết nối tới máy chủ…"))
        if fresh:
            bridge.start(None)
        bridge.login(password)

    def find_server(self) -> str | None:
        """Open the server finder (as on the first start); fill in the server it checked."""
        from meetingroom.ui.first_run import FirstRunDialog

        finder = FirstRunDialog(self.settings, data_root=self.data_root, parent=self)
        finder.address_edit.setText(self.server_edit.text().strip())
        chosen = finder.server if finder.exec() == QDialog.DialogCode.Accepted else None
        finder.deleteLater()
        if chosen:
            self.server_edit.setText(chosen)
            self.user_edit.setFocus()
        return chosen

    def _bridge_for(self, server: str, username: str) -> ServerBridge:
        if self.bridge is not None and self._target == (server, username):
            assert self.keeper is not None
            self.keeper.remember = self.remember_box.isChecked()
            return self.bridge
        self.discard_bridge()
        bridge = self.bridge_factory(server, username)
        self.bridge = bridge
        self._target = (server, username)
        self.keeper = TokenKeeper(bridge, self.vault, server, username,
                                  self.remember_box.isChecked())
        bridge.login_finished.connect(self._login_finished)
        bridge.status_changed.connect(self._status_changed)
        return bridge

    def discard_bridge(self) -> None:
        """Close the connection of an abandoned attempt (a different server or user)."""
        bridge, self.bridge, self.keeper, self._target = self.bridge, None, None, None
        if bridge is not None:
            bridge.login_finished.disconnect(self._login_finished)
            bridge.status_changed.disconnect(self._status_changed)
            bridge.shutdown()
            bridge.deleteLater()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.server_edit, self.user_edit, self.password_edit, self.login_button,
                       self.find_button):
            widget.setEnabled(not busy)
        self.remember_box.setEnabled(not busy and self.keyring_available)

    def _login_finished(self, user: dict[str, Any] | None, error: str) -> None:
        if self._resuming:
            return
        self._set_busy(False)
        if user is None:
            self._say(lambda: error)
            self.password_edit.clear()
            self.password_edit.setFocus()
            return
        self._succeed(user)

    def _status_changed(self, status: ConnectionStatus) -> None:
        if not self._resuming:
            return
        if status.state is ConnectionState.ONLINE:
            assert self.bridge is not None
            self._succeed(dict(self.bridge.connection.user or {}))
        elif status.state is ConnectionState.AUTH_REQUIRED:
            # The remembered session was revoked or has expired: the password is needed.
            self._resuming = False
            self._set_busy(False)
            if self._target is not None:
                self.vault.forget(*self._target)
            self._say(lambda: self.tr(
                "Phiên đăng nhập đã ghi nhớ không còn hiệu lực (đã hết hạn hoặc bị thu hồi). "
                "Vui lòng nhập mật khẩu."))
            self.password_edit.setFocus()
        elif status.state is ConnectionState.OFFLINE:
            if not self._offline_asked:
                # A remembered session and a laptop that knows this account: open what it
                # holds; the connection goes on trying and resumes the token when it can.
                self._offline_asked = True
                assert self.bridge is not None
                self.bridge.remembered_user().success(self._remembered_user).failure(
                    lambda _exc: self._unreachable()).run(self)
                return
            self._unreachable()
        elif status.state is ConnectionState.STOPPED and status.reason != "closed":
            self._resuming = False
            self._set_busy(False)
            self._say(lambda: failure_text(status.error) if status.error is not None
                      else self.tr("Không kết nối được tới máy chủ."))

    def _remembered_user(self, user: dict[str, Any] | None) -> None:
        if not self._resuming or self.bridge is None:
            return  # the person typed a password meanwhile, or gave up
        if user is None:
            self._unreachable()  # never logged in on this laptop while online
            return
        log.info("the server is out of reach; opening what this laptop holds for %s",
                 user.get("username"))
        self._succeed(user)

    def _unreachable(self) -> None:
        self._set_busy(False)
        self._say(lambda: self.tr(
            "Không kết nối được tới máy chủ; đang thử lại. Kiểm tra địa chỉ và mạng, "
            "hoặc nhập mật khẩu để thử ngay."))

    def _succeed(self, user: dict[str, Any]) -> None:
        assert self.bridge is not None
        assert self._target is not None
        server, username = self._target
        remember = self.remember_box.isChecked() and self.keyring_available
        if self.keeper is not None:
            self.keeper.remember = remember
            if not remember:
                self.vault.forget(server, username)
        self.settings.server, self.settings.username = server, username
        self.settings.remember = remember
        self.settings.save()
        self.password_edit.clear()
        self._resuming = False
        self._set_busy(False)
        self._say(lambda: self.tr("Đã đăng nhập"))
        self.result_ = LoginResult(self.bridge, user, server, username, remember)
        self.bridge.login_finished.disconnect(self._login_finished)
        self.bridge.status_changed.disconnect(self._status_changed)
        # The bridge now belongs to whoever takes the result; the dialog lets go of it.
        self.bridge, self._target = None, None
        self.logged_in.emit(self.result_)
        self.accept()

    def reject(self) -> None:
        self.discard_bridge()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        super().closeEvent(event)  # may ask "Thoát chương trình?" and stay open
        if event.isAccepted():
            self.discard_bridge()
