"""The desktop client: application set-up, login, the meeting list, and each role's windows.

``main(argv)`` is what ``meetingroom client`` runs. The windows of a meeting are
made by ``WindowOpeners`` (delegates and guests: the delegate meeting window;
chair and secretary: the chair console; and the hall's big screen), imported
only when first opened so this module works on its own; tests pass their own
openers to check that the right window opens for a role.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from meetingroom.laptop.credentials import TokenVault
from meetingroom.laptop.profiles import Profile
from meetingroom.sync.client.connection import ConnectionState, ConnectionStatus
from meetingroom.ui.bridge import ServerBridge
from meetingroom.ui.confirm import confirm_quit
from meetingroom.ui.desktop import ClientLog, SingleInstance, data_folder, log_folder
from meetingroom.ui.i18n import (
    LANGUAGE_NAMES,
    LANGUAGES,
    Translations,
    choose_vietnamese_font,
    normalise_language,
)
from meetingroom.ui.login_dialog import (
    BridgeFactory,
    ClientSettings,
    LoginDialog,
    LoginResult,
    default_bridge_factory,
)
from meetingroom.ui.meeting_list import MeetingListPage
from meetingroom.ui.qt import (
    QAction,
    QActionGroup,
    QApplication,
    QCloseEvent,
    QCoreApplication,
    QDesktopServices,
    QDialog,
    QEvent,
    QFont,
    QGuiApplication,
    QInputDialog,
    QKeySequence,
    QLabel,
    QMainWindow,
    QMessageBox,
    QObject,
    QScreen,
    Qt,
    QTimer,
    QUrl,
    QWidget,
    Signal,
)
from meetingroom.ui.secretary.requests import Requests
from meetingroom.ui.session import LiveMeeting

log = logging.getLogger("meetingroom.ui.app")

#: Roles that run the meeting from the chair console; everyone else gets the delegate window.
CHAIR_ROLES = frozenset({"chair", "secretary", "admin"})
#: The demo accounts ``meetingroom demo`` opens windows for.
DEMO_ACCOUNTS = ("daibieu01", "chutoa")


# --- the windows of a meeting (imported when first needed) ---------------------------

def open_delegate_window(session: LiveMeeting, profile: Profile) -> QWidget:
    from meetingroom.ui.delegate.meeting_window import MeetingWindow

    return MeetingWindow(session, profile, document_source=session.bridge.document_bytes,
                         parent=None)


def open_chair_console(session: LiveMeeting, profile: Profile) -> QWidget:
    from meetingroom.ui.chair.console import ChairConsole

    return ChairConsole(session, profile, document_source=session.bridge.document_bytes,
                        parent=None)


def open_secretary_workspace(session: LiveMeeting, profile: Profile) -> QWidget:
    from meetingroom.ui.secretary.workspace import SecretaryWorkspace

    return SecretaryWorkspace(session.bridge, profile, session=session)


def open_big_screen(session: LiveMeeting) -> QWidget:
    from meetingroom.ui.chair.big_screen import BigScreen

    return BigScreen(session)


@dataclass
class WindowOpeners:
    """Makes (does not show) the window for a role; replace them in tests."""

    delegate: Callable[[LiveMeeting, Profile], QWidget] = open_delegate_window
    chair: Callable[[LiveMeeting, Profile], QWidget] = open_chair_console
    big_screen: Callable[[LiveMeeting], QWidget] = open_big_screen
    secretary: Callable[[LiveMeeting, Profile], QWidget] = open_secretary_workspace

    def for_role(self, role: str | None) -> Callable[[LiveMeeting, Profile], QWidget]:
        if role == "secretary":
            return self.secretary  # the workspace; the chair console is in its menu
        return self.chair if role in CHAIR_ROLES else self.delegate


# --- one logged-in user --------------------------------------------------------------

class SignedInUser(QObject):
    """A logged-in user: the connection, the profile, the open meeting and its windows."""

    meeting_opened = Signal(object)  # the meeting dict

    def __init__(self, result: LoginResult, openers: WindowOpeners,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bridge = result.bridge
        self.user = result.user
        self.server = result.server
        self.username = result.username
        self.openers = openers
        self.session: LiveMeeting | None = None
        self.meeting: dict[str, Any] | None = None
        self.windows: list[QWidget] = []

    @property
    def profile(self) -> Profile:
        return self.bridge.profile

    def open_meeting(self, meeting: dict[str, Any]) -> QWidget:
        """Follow the meeting and show the window of the user's role in it."""
        if self.session is None or self.session.meeting_id != meeting["id"]:
            self.close_meeting()
            self.session = LiveMeeting(self.bridge, int(meeting["id"]), self)
        self.meeting = meeting
        role = meeting.get("role")
        window = self.openers.for_role(role)(self.session, self.profile)
        self._show(window)
        log.info("opened the %s window of %s for meeting %s",
                 "chair" if role in CHAIR_ROLES else "delegate", self.username, meeting["id"])
        self.meeting_opened.emit(meeting)
        return window

    def open_big_screen(self, screen: QScreen | None = None, *,
                        full_screen: bool = True) -> QWidget | None:
        if self.session is None:
            return None
        window = self.openers.big_screen(self.session)
        self._track(window)
        show_on = getattr(window, "show_on", None)
        if full_screen and callable(show_on):
            show_on(screen)  # the big screen fills the chosen monitor itself
        elif full_screen:
            if screen is not None:
                window.setScreen(screen)
                window.setGeometry(screen.geometry())
            window.showFullScreen()
        else:
            window.resize(1280, 720)
            window.show()
        log.info("opened the big screen of meeting %s", self.session.meeting_id)
        return window

    def _track(self, window: QWidget) -> None:
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.windows.append(window)
        window.destroyed.connect(lambda *_a, w=window: self._forget_window(w))

    def _forget_window(self, window: QWidget) -> None:
        if window in self.windows:
            self.windows.remove(window)

    def _show(self, window: QWidget) -> None:
        self._track(window)
        window.show()
        if QGuiApplication.platformName() not in ("offscreen", "minimal"):  # no window manager
            window.raise_()
            window.activateWindow()

    def close_meeting(self) -> None:
        for window in list(self.windows):
            self.windows.remove(window)
            window.close()
        session, self.session, self.meeting = self.session, None, None
        if session is not None:
            # Signals already queued by the connection must not reach a closed meeting.
            self.bridge.disconnect(session)
            session.deleteLater()
            self.bridge.follow(None)

    def shutdown(self) -> None:
        self.close_meeting()
        self.bridge.shutdown()


# --- the main window: the meeting list and the menus ---------------------------------

def status_text(status: ConnectionStatus) -> str:
    words = {
        ConnectionState.CONNECTING: QCoreApplication.translate("ClientWindow", "Đang kết nối…"),
        ConnectionState.ONLINE: QCoreApplication.translate("ClientWindow", "Đã kết nối"),
        ConnectionState.OFFLINE: QCoreApplication.translate(
            "ClientWindow", "Mất kết nối, đang thử lại"),
        ConnectionState.AUTH_REQUIRED: QCoreApplication.translate(
            "ClientWindow", "Cần đăng nhập lại"),
        ConnectionState.STOPPED: QCoreApplication.translate("ClientWindow", "Đã ngắt kết nối"),
    }
    return words.get(status.state, str(status.state))


class ClientWindow(QMainWindow):
    """The meeting list of one user, with the application's menus."""

    language_requested = Signal(str)
    logout_requested = Signal()
    big_screen_requested = Signal()

    def __init__(self, user: SignedInUser, language: str, parent: QWidget | None = None, *,
                 logs: Path | None = None) -> None:
        super().__init__(parent)
        self.user = user
        self.log_folder = logs or log_folder(None)
        self.page = MeetingListPage(user.bridge, self)
        self.setCentralWidget(self.page)
        self.connection_label = QLabel()
        self.statusBar().addPermanentWidget(self.connection_label)
        # The connection may be up already: start from its real state, then follow it.
        self._status = user.bridge.connection.status
        user.bridge.status_changed.connect(self._status_changed)

        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.logout_action = QAction(self)
        self.quit_action = QAction(self)
        self.relogin_action = QAction(self)
        self.relogin_action.setObjectName("relogin")
        self.relogin_action.setVisible(False)  # only while the server wants the password
        self.file_menu.addAction(self.relogin_action)
        self.file_menu.addAction(self.logout_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.meeting_menu = bar.addMenu("")
        self.open_action = QAction(self)
        self.refresh_action = QAction(self)
        self.big_screen_action = QAction(self)
        self.meeting_menu.addAction(self.open_action)
        self.meeting_menu.addAction(self.refresh_action)
        self.prepare_action = QAction(self)
        self.prepare_action.setObjectName("prepare_meetings")
        self.prepare_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.meeting_menu.addAction(self.prepare_action)
        self.secretary_window: QWidget | None = None
        self.meeting_menu.addSeparator()
        self.meeting_menu.addAction(self.big_screen_action)
        self.admin_menu = bar.addMenu("")
        self.admin_action = QAction(self)
        self.admin_action.setShortcut(QKeySequence("Ctrl+Shift+Q"))
        self.admin_menu.addAction(self.admin_action)
        self.admin_menu.menuAction().setVisible(False)
        self.admin_scope: dict[str, Any] = {}
        self.admin_window: QWidget | None = None
        self.language_menu = bar.addMenu("")
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for lang in LANGUAGES:
            action = QAction(LANGUAGE_NAMES[lang], self)
            action.setCheckable(True)
            action.setChecked(lang == language)
            action.setData(lang)
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[lang] = action
        self.help_menu = bar.addMenu("")
        self.open_logs_action = QAction(self)
        self.open_logs_action.setObjectName("open_log_folder")
        self.open_logs_action.setData(str(self.log_folder))
        self.open_logs_action.triggered.connect(lambda _checked=False: self.open_log_folder())
        self.help_menu.addAction(self.open_logs_action)

        self.logout_action.triggered.connect(self.logout_requested)
        self.relogin_action.triggered.connect(lambda _checked=False: self.ask_password())
        self.quit_action.triggered.connect(lambda _checked=False: self.quit_program())
        self.open_action.triggered.connect(self.page.open_selected)
        self.refresh_action.triggered.connect(self.page.refresh)
        self.big_screen_action.triggered.connect(self.big_screen_requested)
        self.admin_action.triggered.connect(self.open_admin)
        self.prepare_action.triggered.connect(self.open_secretary)
        self.page.prepare_requested.connect(self.open_secretary)
        self._show_prepare(False)  # until the server says this user prepares meetings
        self._admin_requests = Requests(user.bridge, self)
        self._ask_admin_scope()
        self.language_group.triggered.connect(
            lambda action: self.language_requested.emit(str(action.data())))
        user.meeting_opened.connect(lambda _m: self._update_actions())
        user.meeting_opened.connect(self._follow_session)
        self.retranslate()
        self._update_actions()
        self.resize(760, 560)

    def retranslate(self) -> None:
        name = self.user.user.get("full_name") or self.user.username
        # Ends with the application's name, as the platform would add it otherwise (twice).
        self.setWindowTitle(self.tr("%1 — Phòng họp không giấy").replace("%1", name))
        self.file_menu.setTitle(self.tr("&Tệp"))
        self.logout_action.setText(self.tr("Đăng &xuất"))
        self.relogin_action.setText(self.tr("Đăng nhập &lại…"))
        self.quit_action.setText(self.tr("&Thoát"))
        self.meeting_menu.setTitle(self.tr("&Cuộc họp"))
        self.open_action.setText(self.tr("&Mở cuộc họp"))
        self.refresh_action.setText(self.tr("&Làm mới danh sách"))
        self.prepare_action.setText(self.tr("&Chuẩn bị cuộc họp…"))
        self.big_screen_action.setText(self.tr("Màn hình &chung"))
        self.big_screen_action.setToolTip(self.tr(
            "Mở màn hình chung của hội trường (toàn màn hình, trên màn hình bạn chọn)"))
        self.admin_menu.setTitle(self.tr("&Quản trị"))
        self.admin_action.setText(self.tr("&Cơ quan và người dùng…"))
        self.language_menu.setTitle(self.tr("&Ngôn ngữ"))
        self.help_menu.setTitle(self.tr("Trợ &giúp"))
        self.open_logs_action.setText(self.tr("Mở thư mục &nhật ký"))
        self.open_logs_action.setToolTip(self.tr(
            "Các tệp nhật ký của chương trình, để gửi cho người hỗ trợ kỹ thuật"))
        self.connection_label.setText(status_text(self._status))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def open_log_folder(self) -> None:
        """Show the log files in the file manager (for the person helping on the phone)."""
        self.log_folder.mkdir(parents=True, exist_ok=True)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_folder))):
            QMessageBox.information(self, self.tr("Thư mục nhật ký"),
                                    self.tr("Các tệp nhật ký nằm ở: %1").replace(
                                        "%1", str(self.log_folder)))

    def _ask_admin_scope(self) -> None:
        """Show the administration menu to system and unit administrators only."""
        def answered(result: dict[str, Any] | None, error: str) -> None:
            if result is None:
                return
            self.admin_scope = result
            self.admin_menu.menuAction().setVisible(
                bool(result.get("system_admin") or result.get("body_ids")))
            self._show_prepare(result.get("prepares") is True)
        self._admin_requests.ask("admin", answered, action="admin.scope", args={})

    def _show_prepare(self, prepares: bool) -> None:
        """Meeting preparation only for those who prepare: a delegate never sees it."""
        self.prepare_action.setVisible(prepares)
        self.prepare_action.setEnabled(prepares)
        self.page.prepare_button.setVisible(prepares)

    def quit_program(self) -> bool:
        """Tệp → Thoát: every window closes, so ask first (Quay lại is the default)."""
        if not confirm_quit(self):
            return False
        QApplication.closeAllWindows()
        return True

    def open_admin(self) -> QWidget:
        """The administrators' workspace (bodies, members, rules, users), one per user."""
        from meetingroom.ui.admin.workspace import AdminWorkspace

        if self.admin_window is None:
            self.admin_window = AdminWorkspace(self.user.bridge, self.admin_scope)
            self.admin_window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.admin_window.destroyed.connect(self._admin_closed)
        self.admin_window.show()
        self.admin_window.raise_()
        self.admin_window.activateWindow()
        return self.admin_window

    def open_secretary(self) -> QWidget:
        """The secretary's workspace (prepare meetings, minutes, reports), one per user."""
        from meetingroom.ui.secretary.workspace import SecretaryWorkspace

        if self.secretary_window is None:
            self.secretary_window = SecretaryWorkspace(self.user.bridge, self.user.profile)
            self.secretary_window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.secretary_window.destroyed.connect(self._secretary_closed)
        self.secretary_window.show()
        self.secretary_window.raise_()
        self.secretary_window.activateWindow()
        return self.secretary_window

    def _secretary_closed(self) -> None:
        self.secretary_window = None

    def _admin_closed(self) -> None:
        self.admin_window = None

    def _status_changed(self, status: ConnectionStatus) -> None:
        if status.state == ConnectionState.ONLINE and not self.admin_scope:
            self._ask_admin_scope()
        self._status = status
        self.connection_label.setText(status_text(status))
        wanted = status.state is ConnectionState.AUTH_REQUIRED
        self.relogin_action.setVisible(wanted)
        if wanted:
            self.ask_password()

    def ask_password(self) -> QDialog:
        """The session ended on the server (expired, revoked, password reset): ask for the
        password over the open windows, once, and log the same account in again."""
        from meetingroom.ui.relogin_dialog import ask_password

        name = str(self.user.user.get("full_name") or self.user.username)
        return ask_password(self.user.bridge, name, self)

    @property
    def relogin_dialog(self) -> QObject | None:
        return self.user.bridge.relogin_dialog

    def _follow_session(self, _meeting: object) -> None:
        """The open meeting's own events keep its row of the list current (its status),
        and the list's packet line says when the download waits for a vote."""
        session = self.user.session
        if session is not None:
            session.changed.connect(self._session_changed, Qt.ConnectionType.UniqueConnection)
            self._session_changed({"meeting", "votes"})

    def _session_changed(self, parts: object) -> None:
        session = self.user.session
        if session is None or not isinstance(parts, set):
            return
        if "meeting" in parts and session.state.meeting:
            self.page.update_meeting(session.state.meeting)
        if "votes" in parts:
            self.page.packet_progress.set_held(session.state.open_vote() is not None)

    def _update_actions(self) -> None:
        self.big_screen_action.setEnabled(self.user.session is not None)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.user.bridge.status_changed.disconnect(self._status_changed)
        super().closeEvent(event)


# --- the application -----------------------------------------------------------------

class ClientApp(QObject):
    """Login → meeting list → the meeting's windows, for one or more users of this computer."""

    logged_in = Signal(object)  # SignedInUser

    def __init__(self, settings: ClientSettings, translations: Translations, *,
                 vault: TokenVault | None = None, data_root: Path | None = None,
                 openers: WindowOpeners | None = None,
                 bridge_factory: BridgeFactory | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.translations = translations
        self.vault = vault or TokenVault()
        self.openers = openers or WindowOpeners()
        self.bridge_factory = bridge_factory or default_bridge_factory(data_root)
        self.data_root = data_root
        self.users: list[SignedInUser] = []
        self.main_windows: dict[SignedInUser, ClientWindow] = {}
        self.login_dialog: LoginDialog | None = None
        self.first_run_dialog: QDialog | None = None
        #: Set by :func:`launch`: this run's log file and the profile folder's lock.
        self.client_log: ClientLog | None = None
        self.instance: SingleInstance | None = None

    # --- first run: which server? ------------------------------------------------------

    def start(self, server: str | None = None, username: str | None = None) -> QDialog:
        """The first window: the login, or the server chooser while no server is known."""
        if server or self.settings.server.strip():
            return self.show_login(server, username)
        return self.show_first_run(username)

    def show_first_run(self, username: str | None = None) -> QDialog:
        """Find the hall's server on the LAN or ask for its address; then the login."""
        from meetingroom.ui.first_run import FirstRunDialog

        dialog = FirstRunDialog(self.settings, data_root=self.data_root)
        dialog.set_ends_program(not self.users)  # then Thoát, Esc and X ask first
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.accepted.connect(lambda: self._server_chosen(dialog.server, username))
        dialog.rejected.connect(self._first_run_cancelled)
        self.first_run_dialog = dialog
        dialog.show()
        return dialog

    def _server_chosen(self, server: str | None, username: str | None) -> None:
        self.first_run_dialog = None
        self.show_login(server, username, use_remembered=False)

    def _first_run_cancelled(self) -> None:
        self.first_run_dialog = None
        if not self.users:
            QCoreApplication.quit()

    # --- login ---------------------------------------------------------------------

    def show_login(self, server: str | None = None, username: str | None = None, *,
                   use_remembered: bool = True) -> LoginDialog:
        if server:
            self.settings.server = server
        if username:
            self.settings.username = username
        if self.login_dialog is not None:
            self.login_dialog.rejected.disconnect(self._login_cancelled)
            self.login_dialog.close()
        dialog = LoginDialog(self.settings, vault=self.vault,
                             bridge_factory=self.bridge_factory)
        dialog.set_ends_program(not self.users)  # then Thoát, Esc and X ask first
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.logged_in.connect(self._logged_in)
        dialog.rejected.connect(self._login_cancelled)
        dialog.data_root = self.data_root
        self.login_dialog = dialog
        dialog.show()
        if use_remembered:
            dialog.try_remembered()
        return dialog

    def _login_cancelled(self) -> None:
        self.login_dialog = None
        if not self.users:
            QCoreApplication.quit()

    def _logged_in(self, result: LoginResult) -> None:
        self.login_dialog = None
        user = self.add_user(result)
        window = ClientWindow(user, self.translations.language, logs=log_folder(self.data_root))
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        window.language_requested.connect(self.set_language)
        window.logout_requested.connect(lambda u=user: self.logout(u))
        window.big_screen_requested.connect(lambda u=user: self.choose_and_open_big_screen(u))
        window.page.open_requested.connect(lambda meeting, u=user: self.open_meeting(u, meeting))
        window.destroyed.connect(lambda *_a, u=user: self._main_window_gone(u))
        self.main_windows[user] = window
        window.show()

    def add_user(self, result: LoginResult) -> SignedInUser:
        user = SignedInUser(result, self.openers, self)
        self.users.append(user)
        log.info("logged in as %s on %s", result.username, result.server)
        self.logged_in.emit(user)
        return user

    def _main_window_gone(self, user: SignedInUser) -> None:
        if self.main_windows.pop(user, None) is not None and user in self.users:
            self.users.remove(user)
            user.shutdown()
            user.deleteLater()

    def logout(self, user: SignedInUser) -> None:
        """Revoke the session (the keyring entry goes too) and show the login window."""
        user.bridge.logout()  # the token keeper forgets the remembered token
        self.vault.forget(user.server, user.username)
        window = self.main_windows.pop(user, None)
        if user in self.users:
            self.users.remove(user)
        user.shutdown()
        user.deleteLater()
        if window is not None:
            window.close()
        self.show_login(use_remembered=False)

    # --- meetings --------------------------------------------------------------------

    def open_meeting(self, user: SignedInUser, meeting: dict[str, Any]) -> QWidget | None:
        try:
            return user.open_meeting(meeting)
        except ImportError as exc:  # a window of this role is not part of this build
            log.error("cannot open the window for role %s: %s", meeting.get("role"), exc)
            QMessageBox.warning(self.main_windows.get(user), self.tr("Không mở được cuộc họp"),
                                self.tr("Chương trình này chưa có cửa sổ cho vai trò của bạn "
                                        "trong cuộc họp."))
            return None

    def choose_and_open_big_screen(self, user: SignedInUser) -> QWidget | None:
        parent = self.main_windows.get(user)
        if user.session is None:
            QMessageBox.information(parent, self.tr("Màn hình chung"),
                                    self.tr("Hãy mở một cuộc họp trước."))
            return None
        screen = self.choose_screen(parent)
        if screen is None:
            return None
        self.settings.big_screen = screen.name()
        self.settings.save()
        return user.open_big_screen(screen)

    def choose_screen(self, parent: QWidget | None) -> QScreen | None:
        """The screen for the big-screen view: asked when there is more than one."""
        screens = QGuiApplication.screens()
        if len(screens) <= 1:
            return screens[0] if screens else None
        primary = QGuiApplication.primaryScreen()
        labels = [f"{s.name()} ({s.geometry().width()}×{s.geometry().height()})"
                  for s in screens]
        names = [s.name() for s in screens]
        if self.settings.big_screen in names:
            current = names.index(self.settings.big_screen)
        else:  # the hall display is usually the one that is not the laptop's own
            current = next((i for i, s in enumerate(screens) if s is not primary), 0)
        label, ok = QInputDialog.getItem(parent, self.tr("Màn hình chung"),
                                         self.tr("Hiển thị màn hình chung trên:"), labels,
                                         current, False)
        return screens[labels.index(label)] if ok and label in labels else None

    # --- language --------------------------------------------------------------------

    def set_language(self, language: str) -> None:
        language = normalise_language(language)
        self.translations.install(language)
        self.settings.language = language
        self.settings.save()
        for window in self.main_windows.values():
            window.language_actions[language].setChecked(True)

    # --- demo ------------------------------------------------------------------------

    def start_demo(self, server: str, password: str,
                   accounts: Sequence[str] = DEMO_ACCOUNTS) -> None:
        """Log the demo accounts in and open each one's window (and the big screen)."""
        for username in accounts:
            self.login_directly(server, username, password)

    def login_directly(self, server: str, username: str, password: str) -> ServerBridge:
        """Log in without the dialog (the demo), then open the meeting in progress."""
        bridge = self.bridge_factory(server, username)
        state: dict[str, Any] = {}

        def finished(user: dict[str, Any] | None, error: str) -> None:
            if "user" in state:
                return  # a later login on this connection (Đăng nhập lại…)
            if user is None:
                log.error("demo login of %s failed: %s", username, error)
                return
            state["user"] = self.add_user(LoginResult(bridge, user, server, username, False))
            if bridge.connection.status.state is ConnectionState.ONLINE:
                bridge.list_meetings()

        def status(s: ConnectionStatus) -> None:
            if s.state is ConnectionState.ONLINE and "user" in state and "listed" not in state:
                bridge.list_meetings()

        def listed(meetings: list[dict[str, Any]] | None, error: str) -> None:
            if meetings is None or "listed" in state or "user" not in state:
                if error:
                    log.error("listing the meetings of %s failed: %s", username, error)
                return
            state["listed"] = True
            if not meetings:
                return
            order = {"in_progress": 0, "published": 1, "draft": 2}
            meeting = min(meetings, key=lambda m: order.get(m.get("status", ""), 3))
            user: SignedInUser = state["user"]
            self.open_meeting(user, meeting)
            if meeting.get("role") == "chair" and user.session is not None:
                try:
                    user.open_big_screen(None, full_screen=False)
                except ImportError as exc:
                    log.error("cannot open the big screen: %s", exc)

        bridge.login_finished.connect(finished)
        bridge.status_changed.connect(status)
        bridge.meetings_listed.connect(listed)
        bridge.start(None)
        bridge.login(password)
        return bridge

    # --- the end ---------------------------------------------------------------------

    def bring_forward(self) -> None:
        """A second start of the program: show this copy's windows instead."""
        app = QApplication.instance()
        windows = [w for w in (app.topLevelWidgets() if isinstance(app, QApplication) else [])
                   if w.isWindow() and w.isVisible()]
        for window in windows:
            if window.isMinimized():
                window.showNormal()
            window.raise_()
            window.activateWindow()
        log.info("brought %d window(s) forward", len(windows))

    def shutdown(self) -> None:
        if self.login_dialog is not None:
            self.login_dialog.discard_bridge()
        for user in list(self.users):
            user.shutdown()
        self.users.clear()
        if self.instance is not None:
            self.instance.release()
            self.instance = None
        if self.client_log is not None:
            self.client_log.close()
            self.client_log = None


# --- set-up and entry point ----------------------------------------------------------

def setup_application(app: QApplication, language: str) -> Translations:
    """Name, a font that draws Vietnamese, and the translations of ``language``."""
    app.setApplicationName("meetingroom")
    app.setOrganizationName("meetingroom")
    family = choose_vietnamese_font([app.font().family()])
    if family and family != app.font().family():
        font = QFont(app.font())
        font.setFamily(family)
        app.setFont(font)
    translations = Translations()
    translations.install(language)  # names the application in that language too
    return translations


def display_problem() -> str | None:
    """Why windows cannot open here (a Linux machine without a display), or None."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return ("Không có màn hình (no display: DISPLAY and WAYLAND_DISPLAY are not set). "
            "Run the client on a desktop session, or headless with "
            "QT_QPA_PLATFORM=offscreen, or under xvfb-run.")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="meetingroom client",
                                     description="the meetingroom desktop client")
    add_client_arguments(parser)
    return parser


def add_client_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--server", help="chair server address, ws://host:port or wss://…")
    parser.add_argument("--user", help="username to fill in")
    parser.add_argument("--lang", choices=LANGUAGES,
                        help="language of the windows (default: the last chosen, else vi)")
    parser.add_argument("--data-dir", type=Path,
                        help="where the per-user profiles live (default: the user data dir)")
    parser.add_argument("--settings", type=Path, help="the client settings file")
    parser.add_argument("--demo", action="store_true",
                        help="log in the demo accounts (daibieu01, chutoa) and open their "
                             "windows and the big screen")
    add_smoke_arguments(parser)


def add_smoke_arguments(parser: argparse.ArgumentParser) -> None:
    """Hidden options for the installers' smoke test (see ``run_smoke``)."""
    parser.add_argument("--smoke", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--password-stdin", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--smoke-timeout", type=float, default=90.0, help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    launched = launch(args)
    if isinstance(launched, int):
        return launched
    app, _client = launched
    return int(app.exec())


def launch(args: argparse.Namespace) -> tuple[QApplication, ClientApp] | int:
    """Everything ``meetingroom client`` does before Qt's event loop: the journey tests'
    entry point too, so they start where a person starts (the first window shown).

    Returns an exit code instead when the program ends before the event loop (a smoke run
    or a usage error).
    """
    if getattr(args, "smoke", False) and args.settings is None:
        # A smoke test leaves the user's own settings alone.
        import tempfile

        args.settings = Path(tempfile.mkdtemp(prefix="meetingroom-smoke-")) / "client.json"
    settings = ClientSettings.load(args.settings)
    language = normalise_language(args.lang or settings.language)
    if args.lang:
        settings.language = language
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(["meetingroom"])
    translations = setup_application(app, language)
    smoke = bool(getattr(args, "smoke", False))
    instance: SingleInstance | None = None
    if not smoke:  # an installer's smoke test may run beside the user's own copy
        instance = SingleInstance(data_folder(args.data_dir))
        if not instance.acquire():
            return _already_running(instance)
    client_log = ClientLog(log_folder(args.data_dir))
    if instance is not None:
        log.info("holding %s; a second start brings these windows forward",
                 instance.lock.fileName())
    client = ClientApp(settings, translations, data_root=args.data_dir)
    client.client_log, client.instance = client_log, instance
    if instance is not None:
        instance.show_requested.connect(client.bring_forward)
    app.aboutToQuit.connect(client.shutdown)
    # Ctrl+C in the terminal and `kill` (the demo stopping) close the windows cleanly;
    # the timer lets Python look at signals while Qt's event loop runs.
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_args: QCoreApplication.quit())
    heartbeat = QTimer(app)
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start(250)
    if args.demo:
        from meetingroom.core.demo_documents import DEMO_PASSWORD

        if not args.server:
            print("--demo needs --server", file=sys.stderr)
            return 2
        app.setQuitOnLastWindowClosed(True)
        client.start_demo(args.server, DEMO_PASSWORD)
    elif getattr(args, "smoke", False):
        return run_smoke(app, client, args)
    else:
        client.start(args.server, args.user)
    return app, client


def _already_running(instance: SingleInstance) -> int:
    """A second start over the same profiles: wake the first copy, say so in one line."""
    pid = instance.holder()
    if instance.ask_to_show():
        print(QCoreApplication.translate(
            "ClientApp", "Phòng họp không giấy đã mở (tiến trình %1); cửa sổ của nó được "
                         "đưa lên trước.").replace("%1", str(pid or "?")), flush=True)
        return 0
    print(QCoreApplication.translate(
        "ClientApp", "Phòng họp không giấy đang chạy (tiến trình %1) nhưng không trả lời; "
                     "hãy đóng nó hoặc khởi động lại máy. Khóa: %2").replace(
        "%1", str(pid or "?")).replace("%2", instance.lock.fileName()), file=sys.stderr,
        flush=True)
    return 1


def run_smoke(app: QApplication, client: ClientApp, args: argparse.Namespace) -> int:
    """Log in through the login window and exit 0 once the meeting list arrives.

    ``meetingroom client --server URL --user NAME --password-stdin --smoke`` (with
    QT_QPA_PLATFORM=offscreen): the installers' check that a bundle starts, shows the
    login window, reaches the server and logs in. Exits 1 with the reason otherwise.
    """
    if not (args.server and args.user):
        print("smoke: --smoke needs --server and --user", file=sys.stderr)
        return 2
    password = (sys.stdin.readline().rstrip("\n") if args.password_stdin
                else os.environ.get("MEETINGROOM_SMOKE_PASSWORD", ""))
    outcome: dict[str, Any] = {"code": 1}

    def finish(code: int, message: str) -> None:
        if "message" in outcome:
            return
        outcome.update(code=code, message=message)
        print(f"smoke: {message}", file=sys.stdout if code == 0 else sys.stderr, flush=True)
        QCoreApplication.exit(code)

    def listed(meetings: list[dict[str, Any]] | None, error: str) -> None:
        if meetings is None:
            finish(1, f"the meeting list did not arrive: {error}")
        else:
            finish(0, f"ok: logged in as {args.user}, {len(meetings)} meeting(s) listed")

    def logged_in(user: SignedInUser) -> None:
        print(f"smoke: logged in as {user.username}", flush=True)
        user.bridge.meetings_listed.connect(listed)

    def login_finished(user: dict[str, Any] | None, error: str) -> None:
        if user is None:
            finish(1, f"login refused: {error}")

    def status(state: ConnectionStatus) -> None:
        if state.state is ConnectionState.STOPPED and state.reason != "closed":
            finish(1, f"connection stopped: {state.reason}")

    client.logged_in.connect(logged_in)
    dialog = client.show_login(args.server, args.user, use_remembered=False)
    print(f"smoke: login window shown ({dialog.windowTitle()})", flush=True)
    dialog.password_edit.setText(password)
    dialog.submit()
    if dialog.bridge is None:
        print(f"smoke: the login window refused the input: {dialog.message.text()}",
              file=sys.stderr)
        return 1
    dialog.bridge.login_finished.connect(login_finished)
    dialog.bridge.status_changed.connect(status)
    QTimer.singleShot(int(args.smoke_timeout * 1000), lambda: finish(
        1, f"timed out after {args.smoke_timeout:.0f} s; the login window says: "
           f"{dialog.message.text() if client.login_dialog else '-'}"))
    code = int(app.exec())
    return int(outcome["code"]) if "message" in outcome else code or 1


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return run(args)
