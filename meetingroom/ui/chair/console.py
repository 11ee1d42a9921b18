"""The chair's console: agenda, roll call, the floor, votes, documents and notes in one window.

The secretary opens the same console; what the protocol lets only the chair
do (the agenda, votes) is disabled or hidden for them, and the server refuses
it anyway. The hall display (:class:`BigScreen`) is opened from the
"Màn hình chung" menu on any monitor.
"""

from __future__ import annotations

from collections.abc import Sequence

from meetingroom.laptop.meeting_store import Part
from meetingroom.laptop.profiles import Profile
from meetingroom.sync.client.connection import ConnectionState, ConnectionStatus, Refusal
from meetingroom.ui.chair.agenda_control import AgendaControl
from meetingroom.ui.chair.attendance_board import AttendanceBoard
from meetingroom.ui.chair.big_screen import BigScreen
from meetingroom.ui.chair.conclusions import ConclusionEditor
from meetingroom.ui.chair.documents_panel import DocumentSource, DocumentsPanel
from meetingroom.ui.chair.panel import Panel
from meetingroom.ui.chair.rooms_panel import RoomsPanel
from meetingroom.ui.chair.shortcuts import SHORTCUTS, label_action, make_action, native
from meetingroom.ui.chair.speaker_control import SpeakerControl
from meetingroom.ui.chair.texts import ROLE_NAMES
from meetingroom.ui.chair.texts import tr as chair_tr
from meetingroom.ui.chair.vote_control import VoteControl
from meetingroom.ui.delegate.status_bar import queued_words
from meetingroom.ui.qt import (
    QAction,
    QCloseEvent,
    QEvent,
    QFrame,
    QGuiApplication,
    QLabel,
    QLayout,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QScreen,
    QScrollArea,
    QSplitter,
    Qt,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from meetingroom.ui.refusals import command_refusal_text
from meetingroom.ui.screen_fit import fit_to_screen
from meetingroom.ui.session import LiveMeeting

STATE_WORDS = {ConnectionState.ONLINE: "Đã kết nối",
               ConnectionState.CONNECTING: "Đang kết nối…"}


class ChairConsole(QMainWindow):
    def __init__(self, session: LiveMeeting, profile: Profile, *,
                 document_source: DocumentSource | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.profile = profile
        self.setObjectName("chair_console")
        fit_to_screen(self, 1600, 980)
        self.big_screen: BigScreen | None = None
        self._big_screen_target: QScreen | None = None

        self.agenda = AgendaControl(session, self)
        self.attendance = AttendanceBoard(session, self)
        self.speakers = SpeakerControl(session, self)
        self.votes = VoteControl(session, self)
        self.documents = DocumentsPanel(session, document_source, profile.username, self)
        self.conclusions = ConclusionEditor(session, self)
        self.panels: list[Panel] = [self.agenda, self.attendance, self.speakers, self.votes,
                                    self.documents, self.conclusions]

        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.agenda)
        left.addWidget(self.attendance)
        self.rooms = RoomsPanel(session, self)
        left.addWidget(self.rooms)
        left.setSizes([520, 460])
        vote_scroll = QScrollArea(self)
        vote_scroll.setWidgetResizable(True)
        vote_scroll.setFrameShape(QFrame.Shape.NoFrame)
        vote_scroll.setWidget(self.votes)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("console_tabs")
        self.tabs.addTab(vote_scroll, "")
        self.tabs.addTab(self.documents, "")
        self.tabs.addTab(self.conclusions, "")
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.speakers)
        splitter.addWidget(self.tabs)
        splitter.setSizes([430, 560, 610])
        splitter.setChildrenCollapsible(False)
        self.offline_banner = QLabel(self)
        self.offline_banner.setObjectName("offline_banner")
        self.offline_banner.setWordWrap(True)
        self.offline_banner.setStyleSheet(
            "#offline_banner { background: #b00020; color: white; font-weight: bold; "
            "padding: 8px; }")
        self.offline_banner.hide()
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.addWidget(self.offline_banner)
        central_layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self.connection_label = QLabel(self)
        self.pending_label = QLabel(self)
        # The server wants the password again: the way back to it from the console.
        self.relogin_button = QPushButton(self)
        self.relogin_button.setObjectName("relogin_button")
        self.relogin_button.clicked.connect(self.ask_password)
        self.relogin_button.hide()
        self.statusBar().addPermanentWidget(self.pending_label)
        self.statusBar().addPermanentWidget(self.connection_label)
        self.statusBar().addPermanentWidget(self.relogin_button)
        self.last_message = ""
        self._build_menus()
        # The window manager decides the size; a minimum pushed up from the panels
        # makes platforms without size hints (offscreen, some Wayland) print warnings.
        window_layout = self.layout()
        if window_layout is not None:
            window_layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)

        session.changed.connect(self.refresh)
        session.refused.connect(self._refused)
        session.status_changed.connect(self._status)
        session.pending_changed.connect(self._pending)
        self._status(session.status)
        self.refresh(set() if not session.loaded else {
            "meeting", "agenda", "documents", "attendance", "speeches", "votes", "presenter"})
        self.retranslate()

    def retranslate(self) -> None:
        """The window's own words in the current language (each panel words itself)."""
        for n, text in enumerate((self.tr("Biểu quyết"), self.tr("Tài liệu"),
                                  self.tr("Kết luận"))):
            self.tabs.setTabText(n, text)
        self.control_menu.setTitle(self.tr("Điều hành"))
        self.screen_menu.setTitle(self.tr("Màn hình chung"))
        label_action(self.toggle_big_screen_action)
        self._fill_screen_menu()
        self.help_menu.setTitle(self.tr("Trợ giúp"))
        self.keys_action.setText(self.tr("Phím tắt"))
        self.relogin_button.setText(self.tr("Đăng nhập lại…"))
        self._show_connection()
        self._pending(self.session.pending)
        self._show_title()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- menus -------------------------------------------------------------------------

    def _build_menus(self) -> None:
        # Every panel's shortcut belongs to the window, so keys work whatever tab is shown.
        for panel in self.panels:
            for action in panel.actions():
                self.addAction(action)
        self.control_menu = self.menuBar().addMenu("")
        for panel in (self.agenda, self.speakers, self.votes, self.documents):
            for action in panel.actions():
                self.control_menu.addAction(action)
            self.control_menu.addSeparator()
        self.screen_menu = QMenu(self)
        self.screen_menu.setObjectName("big_screen_menu")
        self.screen_menu.aboutToShow.connect(self._fill_screen_menu)
        self.menuBar().addMenu(self.screen_menu)
        self.toggle_big_screen_action = make_action(self, "big_screen", self.toggle_big_screen)
        self._fill_screen_menu()
        self.help_menu = self.menuBar().addMenu("")
        self.keys_action = QAction(self)
        self.keys_action.triggered.connect(lambda _checked=False: self._show_keys())
        self.help_menu.addAction(self.keys_action)

    def screen_actions(self) -> list[QAction]:
        return [a for a in self.screen_menu.actions() if a.data() is not None]

    def _fill_screen_menu(self) -> None:
        self.screen_menu.clear()
        for n, screen in enumerate(QGuiApplication.screens()):
            size = screen.geometry()
            name = screen.name() or str(n + 1)
            action = QAction(self.tr("Toàn màn hình trên {name} ({w}×{h})").format(
                name=name, w=size.width(), h=size.height()), self.screen_menu)
            action.setData(n)
            action.triggered.connect(lambda _checked=False, s=screen: self.show_big_screen(s))
            self.screen_menu.addAction(action)
        self.screen_menu.addSeparator()
        windowed = QAction(self.tr("Hiện trong cửa sổ"), self.screen_menu)
        windowed.triggered.connect(lambda _checked=False: self.show_big_screen_windowed())
        self.screen_menu.addAction(windowed)
        self.screen_menu.addAction(self.toggle_big_screen_action)

    def _ensure_big_screen(self) -> BigScreen:
        if self.big_screen is None:
            self.big_screen = BigScreen(self.session, self)
            self.big_screen.setWindowFlag(Qt.WindowType.Window, True)
        return self.big_screen

    def show_big_screen(self, screen: QScreen | None) -> BigScreen:
        big = self._ensure_big_screen()
        self._big_screen_target = screen
        big.show_on(screen)
        return big

    def show_big_screen_windowed(self) -> BigScreen:
        big = self._ensure_big_screen()
        if big.isFullScreen():
            big.showNormal()
        big.resize(1280, 720)
        big.show()
        return big

    def toggle_big_screen(self) -> None:
        if self.big_screen is not None and self.big_screen.isVisible():
            self.big_screen.hide()
            return
        screens = QGuiApplication.screens()
        primary = QGuiApplication.primaryScreen()
        others = [s for s in screens if s is not primary]
        self.show_big_screen(self._big_screen_target or (others[0] if others else primary))

    def _show_keys(self) -> None:
        lines = [f"{native(s.keys[0])}\t{chair_tr(s.label)}" for s in SHORTCUTS.values()]
        QMessageBox.information(self, self.tr("Phím tắt"), "\n".join(lines))

    # --- state -------------------------------------------------------------------------

    @property
    def role(self) -> str:
        state = self.session.state
        return str(state.you.get("role") or state.meeting.get("role") or "")

    def refresh(self, parts: set[Part]) -> None:
        if not self.session.state.meeting:
            return
        self._show_title()
        for panel in self.panels:
            panel.refresh(parts)

    def _show_title(self) -> None:
        state = self.session.state
        if not state.meeting:
            return
        role = self.role
        who = chair_tr(ROLE_NAMES.get(role, role)) if role else ""
        name = state.you.get("full_name", "")
        self.setWindowTitle(f"{who} {name} — {state.meeting.get('title', '')}".strip())
        # Votes are the chair's alone: the secretary sees the board, not the controls.
        self.tabs.setTabToolTip(0, "" if role == "chair" else
                                self.tr("Chỉ chủ tọa điều hành biểu quyết"))

    def _refused(self, refusal: Refusal) -> None:
        self.last_message = command_refusal_text(refusal)
        self.statusBar().showMessage(self.last_message, 15000)

    def _status(self, status: ConnectionStatus) -> None:
        self._show_connection(status)
        # Closing a vote, annulling, opening or closing the session wait for the server.
        self.votes.connection_changed()
        if self.session.state.meeting:
            self.agenda.refresh(set())
        self._show_banner()

    def _show_connection(self, status: ConnectionStatus | None = None) -> None:
        state = (status or self.session.status).state
        auth_required = state is ConnectionState.AUTH_REQUIRED
        self.relogin_button.setVisible(auth_required)
        if auth_required:
            self.connection_label.setText(self.tr("Cần đăng nhập lại"))
            return
        words = STATE_WORDS.get(state, "Mất kết nối, đang thử lại…")
        self.connection_label.setText(self.tr(words))

    def ask_password(self) -> QWidget:
        """Đăng nhập lại…: the password again, over this window (``relogin_dialog``)."""
        from meetingroom.ui.relogin_dialog import ask_session_password

        return ask_session_password(self.session, self)

    def _pending(self, pending: Sequence[object]) -> None:
        self.pending_label.setText(self.tr("Đang gửi {n} lệnh").format(n=len(pending))
                                   if pending else "")
        self._show_banner()

    def _show_banner(self) -> None:
        """A banner while the server is out of reach, with what waits to be sent."""
        if self.session.status.state is ConnectionState.ONLINE or not self.session.loaded:
            self.offline_banner.hide()
            return
        if self.session.status.state is ConnectionState.AUTH_REQUIRED:
            text = self.tr("⚠ Máy chủ cần bạn đăng nhập lại (nút Đăng nhập lại… ở thanh "
                           "trạng thái). Các lệnh được giữ lại và gửi sau khi đăng nhập.")
        else:
            text = self.tr("⚠ Mất kết nối với máy chủ. Kết thúc và công bố biểu quyết, hủy "
                           "kết quả, khai mạc và bế mạc phiên họp tạm khóa đến khi có kết nối.")
        queued = queued_words(self.session.pending)
        self.offline_banner.setText(text + (f"\n{queued}…" if queued else ""))
        self.offline_banner.show()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.conclusions.save_now()
        self.documents.shutdown()
        if self.big_screen is not None:
            self.big_screen.close()
        super().closeEvent(event)
