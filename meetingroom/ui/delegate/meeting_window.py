"""The delegate's window for one meeting: agenda, documents, speaking, voting, notes.

Everything on screen is read from the :class:`LiveMeeting`; every button
press goes out through it (queued on disk, sent when online). Document bytes
come from a pluggable ``document_source`` called off the GUI thread, until the
protocol can download documents.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from meetingroom.core.pdf.annotation_store import AnnotationStore
from meetingroom.core.pdf.versions import carry_annotations
from meetingroom.core.timezones import in_zone, meeting_zone, now_in_zone
from meetingroom.laptop.profiles import Profile
from meetingroom.sync.client.connection import ConnectionState
from meetingroom.ui.annotation_link import annotation_sync
from meetingroom.ui.delegate.agenda_view import AgendaView
from meetingroom.ui.delegate.fonts import (
    apply_text_scale,
    ensure_vietnamese_font,
    load_text_scale,
    next_scale,
    relative_font,
    save_text_scale,
)
from meetingroom.ui.delegate.notes_panel import NotesPanel
from meetingroom.ui.delegate.reminder_bar import ReminderBar
from meetingroom.ui.delegate.shortcuts import KeysDialog, key_action, with_key, word_key_action
from meetingroom.ui.delegate.speaking_panel import SpeakingPanel
from meetingroom.ui.delegate.status_bar import MeetingStatusBar, queued_words
from meetingroom.ui.delegate.vote_panel import VotePanel
from meetingroom.ui.i18n import date_text
from meetingroom.ui.meeting_list import status_word
from meetingroom.ui.models.agenda_model import ITEM_ID_ROLE
from meetingroom.ui.models.list_models import RowsModel
from meetingroom.ui.qt import (
    QAbstractItemView,
    QAction,
    QCloseEvent,
    QCoreApplication,
    QEvent,
    QFont,
    QFrame,
    QGuiApplication,
    QHBoxLayout,
    QLabel,
    QLayout,
    QListView,
    QMainWindow,
    QModelIndex,
    QPushButton,
    QResizeEvent,
    QSplitter,
    QStackedWidget,
    Qt,
    QTabWidget,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from meetingroom.ui.reader import DocumentReader
from meetingroom.ui.screen_fit import fit_to_screen
from meetingroom.ui.session import LiveMeeting
from meetingroom.ui.tasks import Lane, Task

#: Given a document row of the snapshot, its PDF bytes, or None when not on this laptop.
DocumentSource = Callable[[dict[str, Any]], bytes | None]

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
CHECK_IN_ROLES = frozenset({"chair", "secretary", "delegate", "guest"})
OPEN_MEETING = frozenset({"published", "in_progress"})
_UNSET = object()
#: Platforms without a window manager: raising a window there only prints a warning.
NO_WINDOW_MANAGER = frozenset({"offscreen", "minimal"})


def _tr(text: str) -> str:
    return QCoreApplication.translate("MeetingWindow", text)


def document_line(doc: dict[str, Any]) -> str:
    secret = QCoreApplication.translate("MeetingWindow", "[Mật] ") \
        if doc.get("confidential") else ""
    pages = QCoreApplication.translate("MeetingWindow", "{n} trang").format(
        n=doc.get("pages", 0))
    return f"{secret}{doc['title']} ({pages})"


def meeting_time(starts_at: str, time_zone: str | None = None) -> str:
    when = in_zone(starts_at, time_zone)
    return f"{when:%H:%M}, {_tr(WEEKDAYS[when.weekday()])}, {date_text(when.date())}"

log = logging.getLogger("meetingroom.ui.delegate")


class MeetingWindow(QMainWindow):
    def __init__(self, session: LiveMeeting, profile: Profile, *,
                 document_source: DocumentSource | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        ensure_vietnamese_font()
        self.session = session
        self.profile = profile
        self.document_source = document_source
        self.reader: DocumentReader | None = None
        self._annotations: AnnotationStore | None = None
        #: Reading documents from the cache and carrying notes to a new version, in order.
        self._documents_lane = Lane("meetingroom-documents", self)
        self._selected_item: int | None = None
        self._seen_current: object = _UNSET
        self._open_document: dict[str, Any] | None = None
        #: The open document's id while the page says it is not on this laptop yet: it is
        #: shown by itself once the packet has it.
        self._awaiting_download: int | None = None
        self._closed = False
        self._document_message: Callable[[], str] | None = None
        self._annotation_sync_timer = QTimer(self)
        self._annotation_sync_timer.setSingleShot(True)
        self._annotation_sync_timer.setInterval(2000)
        self._annotation_sync_timer.timeout.connect(self._sync_open_document)
        session.document_replaced.connect(self._carry_annotations)

        self.setWindowTitle(self.tr("Phòng họp không giấy"))
        fit_to_screen(self, 1366, 800)
        self._auto_opened = False
        self._agenda_chosen = False
        self._keys_dialog: KeysDialog | None = None
        self._build()
        self._connect()
        self._build_menus()
        self._build_packet_progress()
        self.retranslate()
        # The text size is the user's own: kept in their profile, applied to every text
        # of the window (the reader's bars included) before anything is shown.
        self._base_font = QFont(self.font())
        self.text_scale = load_text_scale(profile.settings)
        self._apply_text_scale()
        self._show_connection()
        self._on_changed({"meeting", "agenda", "documents", "attendance", "votes",
                          "presenter", "reminders"})

    # --- language ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every text of the window in the language now installed: at construction, and at
        each switch of language while the window is open (Qt's LanguageChange)."""
        self.agenda_view.setAccessibleName(self.tr("Chương trình nghị sự"))
        self.agenda_view.setToolTip(self.tr("Chương trình nghị sự; mục đang thảo luận có "
                                            "dấu ▶"))
        self.agenda_heading.setText(self.tr("<b>Chương trình nghị sự</b>"))
        self.documents_view.setAccessibleName(self.tr("Tài liệu"))
        self.documents_view.setToolTip(self.tr("Bấm vào tài liệu để mở"))
        self.show_agenda_button.setText(self.tr("☰ Chương trình và tài liệu"))
        self.show_agenda_button.setToolTip(self.tr(
            "Hiện lại chương trình nghị sự và danh sách tài liệu bên trái"))
        for index, (name, tip) in enumerate((
                (self.tr("Phát biểu"), self.tr("Đăng ký phát biểu, chất vấn (Alt+1)")),
                (self.tr("Biểu quyết"), self.tr("Biểu quyết đang mở và kết quả (Alt+2)")),
                (self.tr("Ghi chú"), self.tr("Ghi chú cá nhân theo từng nội dung (Alt+3)")))):
            self.tabs.setTabText(index, name)
            self.tabs.setTabToolTip(index, tip)
        self.check_in_button.setToolTip(self.tr("Báo có mặt tại phiên họp (Ctrl+D)"))
        self.vote_banner.setToolTip(self.tr("Mở phiếu biểu quyết (Alt+2)"))
        self.text_smaller_button.setToolTip(with_key(self.tr("Chữ nhỏ hơn"), "text_smaller"))
        self.text_bigger_button.setToolTip(with_key(self.tr("Chữ to hơn"), "text_bigger"))
        self.offer_button.setText(self.tr("Mở tài liệu của mục này"))
        self.offer_button.setToolTip(with_key(self.tr("Mở tài liệu của mục đang thảo luận"),
                                              "item_document"))
        self.offer_close.setText(self.tr("Để sau"))
        self.offer_close.setToolTip(self.tr("Tiếp tục đọc tài liệu đang mở"))
        self.view_menu.setTitle(self.tr("Xem"))
        self.session_menu.setTitle(self.tr("Phiên họp"))
        self.help_menu.setTitle(self.tr("Trợ giúp"))
        for action in self.key_actions.values():
            word_key_action(action)
        self.keys_action.setText(self.tr("Phím tắt"))
        self.packet_dock.setWindowTitle(self.tr("Tải tài liệu"))
        if self._document_message is not None:
            self.document_message.setText(self._document_message())
        # What the meeting's state words: the header, the lists, the buttons, the banners.
        self._show_header()
        self._show_check_in()
        self._show_vote_banner()
        self._show_connection()
        if self._selected_item is not None or self.documents.rowCount() > 0:
            self._word_documents()
            if self.documents.rowCount():  # the rows say their state in words too
                self.documents.dataChanged.emit(
                    self.documents.index(0, 0),
                    self.documents.index(self.documents.rowCount() - 1, 0))
        self._follow_presenter_label()
        self.reminder_bar.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "packet_dock"):
            self.retranslate()
        super().changeEvent(event)

    def _say_document(self, source: Callable[[], str]) -> None:
        """The message in the reading area, worded again when the language changes."""
        self._document_message = source
        self.document_message.setText(source())

    # --- construction ---------------------------------------------------------------------

    def _build(self) -> None:
        self.header = self._build_header()
        self.agenda_view = AgendaView(self)
        self.agenda_view.setModel(self.session.agenda_model)
        self.documents = RowsModel(document_line, self)
        self.documents_view = QListView(self)
        self.documents_view.setModel(self.documents)
        self.documents_view.setWordWrap(True)
        self.documents_view.setSpacing(2)
        self.documents_title = QLabel(self)
        left = QWidget(self)
        self.left_panel = left
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(4, 4, 4, 4)
        self.agenda_heading = QLabel(left)
        left_layout.addWidget(self.agenda_heading)
        left_layout.addWidget(self.agenda_view, 3)
        left_layout.addWidget(self.documents_title)
        left_layout.addWidget(self.documents_view, 2)

        self.document_stack = QStackedWidget(self)
        self.document_message = QLabel(self)
        self.document_message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.document_message.setWordWrap(True)
        self.document_message.setStyleSheet("color: #555; padding: 24px")
        relative_font(self.document_message, 1.4)
        self._say_document(lambda: self.tr("Chọn một tài liệu ở bên trái để đọc."))
        self.document_stack.addWidget(self.document_message)
        self.presenter_label = QLabel(self)
        self.presenter_label.setWordWrap(True)
        self.presenter_label.setStyleSheet("background: #e3f2fd; padding: 4px")
        self.presenter_label.hide()
        middle = QWidget(self)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        self.show_agenda_button = QPushButton(middle)
        self.show_agenda_button.hide()
        middle_layout.addWidget(self.show_agenda_button, 0, Qt.AlignmentFlag.AlignLeft)
        middle_layout.addWidget(self.presenter_label)
        middle_layout.addWidget(self._build_offer_bar())
        middle_layout.addWidget(self.document_stack, 1)

        self.speaking_panel = SpeakingPanel(self.session, self)
        self.vote_panel = VotePanel(self.session, self)
        self.notes_panel = NotesPanel(self.profile.notes, self.session.meeting_id, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.speaking_panel, "")
        self.tabs.addTab(self.vote_panel, "")
        self.tabs.addTab(self.notes_panel, "")

        self.splitter = QSplitter(self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([280, 700, 380])
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.header)
        layout.addWidget(self._build_offline_banner())
        self.reminder_bar = ReminderBar(self.session, self)
        layout.addWidget(self.reminder_bar)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.status = MeetingStatusBar(self.session, self)
        self.setStatusBar(self.status)
        # The window manager decides the size; a minimum pushed up from the panels
        # makes platforms without size hints (offscreen, some Wayland) print warnings.
        window_layout = self.layout()
        if window_layout is not None:
            window_layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)

    def _build_header(self) -> QFrame:
        header = QFrame(self)
        header.setObjectName("header")
        header.setStyleSheet("#header { background: #f3f6fa; border-bottom: 2px solid #c62828; }")
        self.title_label = QLabel(header)
        self.title_label.setWordWrap(True)
        relative_font(self.title_label, 1.35, bold=True)
        self.details_label = QLabel(header)
        self.details_label.setWordWrap(True)
        self.current_label = QLabel(header)
        self.current_label.setWordWrap(True)
        self.current_label.setStyleSheet("color: #8a4b00; font-weight: bold")
        self.user_label = QLabel(header)
        self.user_label.setAlignment(Qt.AlignmentFlag.AlignRight
                                     | Qt.AlignmentFlag.AlignVCenter)
        self.check_in_button = QPushButton(header)
        self.check_in_button.setMinimumSize(180, 48)
        self.vote_banner = QPushButton(header)
        self.vote_banner.setMinimumHeight(48)
        self.vote_banner.setStyleSheet(
            "QPushButton { background: #c62828; color: white; font-weight: bold; "
            "padding: 4px 12px; }")
        self.vote_banner.hide()
        text = QVBoxLayout()
        text.addWidget(self.title_label)
        text.addWidget(self.details_label)
        text.addWidget(self.current_label)
        self.text_smaller_button = QPushButton(self.tr("A−"), header)
        self.text_bigger_button = QPushButton(self.tr("A+"), header)
        for button, name in ((self.text_smaller_button, "text_smaller"),
                             (self.text_bigger_button, "text_bigger")):
            button.setObjectName(name + "_button")
            button.setMinimumSize(48, 40)
            relative_font(button, 1.2, bold=True)
        user_row = QHBoxLayout()
        user_row.addWidget(self.user_label, 1)
        user_row.addWidget(self.text_smaller_button)
        user_row.addWidget(self.text_bigger_button)
        right = QVBoxLayout()
        right.addLayout(user_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.vote_banner)
        buttons.addWidget(self.check_in_button)
        right.addLayout(buttons)
        layout = QHBoxLayout(header)
        layout.addLayout(text, 1)
        layout.addLayout(right)
        return header

    def _on_pending(self, _pending: object) -> None:
        self._show_check_in()
        self._show_connection()

    def _on_status(self, _status: object) -> None:
        self._show_connection()

    def _connect(self) -> None:
        s = self.session
        s.changed.connect(self._on_changed)
        # Bound methods, not lambdas, on the session's signals: Qt drops a connection
        # whose receiver is gone, and the session outlives this window.
        s.pending_changed.connect(self._on_pending)
        selection = self.agenda_view.selectionModel()
        selection.currentChanged.connect(self._on_item_selected)
        self.documents_view.clicked.connect(self._on_document_clicked)
        self.documents_view.activated.connect(self._on_document_clicked)
        self.check_in_button.clicked.connect(self.check_in)
        self.vote_panel.vote_opened.connect(self.bring_vote_forward)
        self.vote_banner.clicked.connect(lambda: self.tabs.setCurrentWidget(self.vote_panel))
        s.status_changed.connect(self._on_status)
        self.offer_button.clicked.connect(self.open_item_document)
        self.show_agenda_button.clicked.connect(self.show_agenda_panel)
        self.offer_close.clicked.connect(self.offer_bar.hide)
        self.text_bigger_button.clicked.connect(lambda: self.change_text_size(1))
        self.text_smaller_button.clicked.connect(lambda: self.change_text_size(-1))

    def _build_offline_banner(self) -> QLabel:
        self.offline_banner = QLabel(self)
        self.offline_banner.setObjectName("offline_banner")
        self.offline_banner.setWordWrap(True)
        self.offline_banner.setStyleSheet(
            "#offline_banner { background: #b00020; color: white; font-weight: bold; "
            "padding: 8px; }")
        relative_font(self.offline_banner, 1.1, bold=True)
        self.offline_banner.hide()
        return self.offline_banner

    def _build_offer_bar(self) -> QFrame:
        """When the chair moves on while the delegate reads something else: an offer,
        not a dialog and not a jump, to open the new item's document."""
        self.offer_bar = QFrame(self)
        self.offer_bar.setObjectName("offer_bar")
        self.offer_bar.setStyleSheet("#offer_bar { background: #fff8e1; }")
        self.offer_label = QLabel(self.offer_bar)
        self.offer_label.setWordWrap(True)
        self.offer_button = QPushButton(self.offer_bar)
        self.offer_button.setMinimumHeight(40)
        self.offer_close = QPushButton(self.offer_bar)
        self.offer_close.setMinimumHeight(40)
        row = QHBoxLayout(self.offer_bar)
        row.setContentsMargins(6, 4, 6, 4)
        row.addWidget(self.offer_label, 1)
        row.addWidget(self.offer_button)
        row.addWidget(self.offer_close)
        self.offer_bar.hide()
        return self.offer_bar

    def _build_menus(self) -> None:
        """Menus and keys; every key comes from the table the help lists."""
        self.key_actions: dict[str, QAction] = {}

        def add(name: str, slot: Callable[[], object]) -> QAction:
            action = key_action(self, name, slot)
            self.key_actions[name] = action
            return action

        view = self.view_menu = self.menuBar().addMenu("")
        view.addAction(add("text_bigger", lambda: self.change_text_size(1)))
        view.addAction(add("text_smaller", lambda: self.change_text_size(-1)))
        view.addSeparator()
        wide = add("wide_reader", lambda: self.set_wide_reader(self.wide_action.isChecked()))
        wide.setCheckable(True)
        self.wide_action = wide
        view.addAction(wide)
        view.addAction(add("item_document", self.open_item_document))
        view.addAction(add("previous_page", lambda: self._turn_page(-1)))
        view.addAction(add("next_page", lambda: self._turn_page(1)))
        view.addSeparator()
        for number, name in enumerate(("tab_speaking", "tab_vote", "tab_notes")):
            view.addAction(add(name, partial(self.tabs.setCurrentIndex, number)))
        session_menu = self.session_menu = self.menuBar().addMenu("")
        session_menu.addAction(add("check_in", self._check_in_key))
        session_menu.addAction(add("request_speech", lambda: self._register_key("speech")))
        session_menu.addAction(add("request_question", lambda: self._register_key("question")))
        session_menu.addSeparator()
        for number in (1, 2, 3):
            session_menu.addAction(add(f"vote_{number}", partial(self.vote_key, number)))
        help_menu = self.help_menu = self.menuBar().addMenu("")
        self.keys_action = add("keys_help", self.show_keys)
        help_menu.addAction(self.keys_action)

    def show_keys(self) -> KeysDialog:
        """Trợ giúp → Phím tắt: the keys, listed from the table they are built from."""
        if self._keys_dialog is None:
            self._keys_dialog = KeysDialog(self)
        self._keys_dialog.show()
        self._keys_dialog.raise_()
        return self._keys_dialog

    def _check_in_key(self) -> None:
        if self.check_in_button.isEnabled():
            self.check_in()

    def _register_key(self, queue: str) -> None:
        panel = self.speaking_panel
        button = (panel.register_speech_button if queue == "speech"
                  else panel.register_question_button)
        self.tabs.setCurrentWidget(panel)
        if button.isEnabled():
            button.click()

    def vote_key(self, number: int) -> None:
        """Key 1/2/3: the same as pressing that option's button (the confirmation follows)."""
        self.tabs.setCurrentWidget(self.vote_panel)
        self.vote_panel.choose_by_key(number)

    def _turn_page(self, step: int) -> None:
        reader = self.reader
        if reader is None or self.document_stack.currentWidget() is not reader:
            return
        if step > 0:
            reader.canvas.next_page()
        else:
            reader.canvas.previous_page()

    # --- text size and the reading area ---------------------------------------------

    def change_text_size(self, step: int) -> None:
        """A− / A+: one step smaller or larger, kept in this user's profile."""
        scale = next_scale(self.text_scale, step)
        if scale == self.text_scale:
            return
        self.text_scale = scale
        save_text_scale(self.profile.settings, scale)
        self._apply_text_scale()

    def _apply_text_scale(self) -> None:
        apply_text_scale(self, self._base_font, self.text_scale)
        self.text_smaller_button.setEnabled(next_scale(self.text_scale, -1) != self.text_scale)
        self.text_bigger_button.setEnabled(next_scale(self.text_scale, 1) != self.text_scale)
        if self.reader is not None:
            self.reader.set_chrome_scale(self.text_scale)
        QTimer.singleShot(0, self._fit_reader)

    def set_wide_reader(self, wide: bool) -> None:
        """The document takes the window's width; the side panels fold away (F11 again,
        or a vote opening, brings them back)."""
        self.wide_action.setChecked(wide)
        self.left_panel.setVisible(not wide)
        self.show_agenda_button.setVisible(wide)
        self.tabs.setVisible(not wide)
        if self.reader is not None:
            self.reader.set_sidebar_visible(not wide and
                                            self.reader.width() >= 1000, chosen=wide)

    def show_agenda_panel(self) -> None:
        """The delegate wants the agenda back: it stays, even if the page gets narrower."""
        self._agenda_chosen = True
        self.set_wide_reader(False)
        self.left_panel.show()
        self.show_agenda_button.hide()

    def _fit_reader(self) -> None:
        """Give the reader the width its marking tools need: on a narrow screen (or with
        large text) the agenda folds to a button above the page, never the tools."""
        reader = self.reader
        if (reader is None or self._closed or self._agenda_chosen or self.is_wide_reader()
                or self.document_stack.currentWidget() is not reader):
            return
        if not self.left_panel.isVisible():
            return
        needed = reader.annotate_bar.sizeHint().width() + 8
        if reader.width() < needed:
            self.left_panel.hide()
            self.show_agenda_button.show()
            self.splitter.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        QTimer.singleShot(0, self._fit_reader)

    def is_wide_reader(self) -> bool:
        return self.wide_action.isChecked()

    # --- connection ------------------------------------------------------------------

    def _show_connection(self) -> None:
        """A banner nobody can miss while the hall's server is out of reach."""
        if self._closed:
            return
        state = self.session.status.state
        offline = state is not ConnectionState.ONLINE and self.session.loaded
        if not offline:
            self.offline_banner.hide()
            return
        if state is ConnectionState.AUTH_REQUIRED:
            text = self.tr("⚠ Cần đăng nhập lại để tiếp tục gửi thao tác.")
        else:
            text = self.tr("⚠ Mất kết nối với máy chủ — vẫn đọc được tài liệu và ghi chú; "
                           "thao tác của bạn được giữ lại và tự gửi khi có kết nối.")
        queued = queued_words(self.session.pending)
        self.offline_banner.setText(text + (f"\n{queued}…" if queued else ""))
        self.offline_banner.show()

    def _build_packet_progress(self) -> None:
        """A dock with the download progress of the meeting's packet (the prefetcher's)."""
        from meetingroom.ui.packet_progress import PacketProgressPanel
        from meetingroom.ui.qt import QDockWidget

        self.packet_progress = PacketProgressPanel(self)
        self.packet_progress.collapse_when_done = True
        self.packet_dock = QDockWidget(self.tr("Tải tài liệu"), self)
        self.packet_dock.setObjectName("packet_progress_dock")
        self.packet_dock.setWidget(self.packet_progress)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.packet_dock)
        self.resizeDocks([self.packet_dock], [self.packet_dock.sizeHint().height()],
                         Qt.Orientation.Vertical)
        self.session.bridge.packet_progress.connect(self._packet_progress)

    def _packet_progress(self, packet: object) -> None:
        if not self._closed:
            # While documents download the dock shows them; before and after, one line
            # says where things stand and the page gets the height.
            self.packet_progress.show_progress(packet)  # type: ignore[arg-type]
            compact = bool(getattr(packet, "complete", False)) and not getattr(packet, "failed",
                                                                                 {})
            if compact != self.packet_progress.compact:
                self.packet_progress.set_compact(compact)
                layout = self.packet_progress.layout()
                if layout is not None:
                    layout.activate()
                height = self.packet_dock.sizeHint().height() if compact else 200
                self.resizeDocks([self.packet_dock], [height], Qt.Orientation.Vertical)
            self._open_when_downloaded(packet)

    def _open_when_downloaded(self, packet: object) -> None:
        """The page said the open document was not on this laptop yet; now it is: show it
        (before, the delegate had to click it again to see it, the packet done)."""
        doc = self._open_document
        if doc is None or self._awaiting_download != int(doc["id"]):
            return
        documents = getattr(packet, "documents", {})
        done, total = documents.get(str(doc.get("sha256")), (0, 1))
        if done >= total:
            self._awaiting_download = None
            self.open_document(doc, automatic=self._auto_opened)

    # --- session changes -------------------------------------------------------------------

    def _on_changed(self, parts: set[str]) -> None:
        if self._closed:
            return
        state = self.session.state
        if state.meeting:
            self._ensure_reader()
        if parts & {"meeting", "agenda"}:
            self._show_header()
            self._follow_agenda()
        if "documents" in parts:
            self._show_documents()
            self.packet_progress.set_documents(list(state.documents.values()))
        if parts & {"attendance", "meeting"}:
            self._show_check_in()
        if "votes" in parts:
            self._show_vote_banner()
            self.packet_progress.set_held(state.open_vote() is not None)
        if "presenter" in parts:
            self._follow_presenter()
        if "reminders" in parts:
            self.reminder_bar.refresh()

    def _show_header(self) -> None:
        state = self.session.state
        meeting = state.meeting
        if not meeting:
            self.title_label.setText(self.tr("Đang tải cuộc họp…"))
            return
        self.setWindowTitle(self.tr("{title} — Phòng họp không giấy").format(
            title=meeting["title"]))
        self.title_label.setText(str(meeting["title"]))
        status = status_word(str(meeting.get("status", "")))
        starts = meeting.get("starts_at")
        parts = [meeting_time(starts, meeting_zone(meeting)) if starts else "",
                 str(meeting.get("location") or ""), status]
        self.details_label.setText("  ·  ".join(p for p in parts if p))
        current = state.agenda.get(state.current_item_id or 0)
        self.current_label.setText(
            self.tr("Đang thảo luận: {title}").format(title=current["title"]) if current
            else self.tr("Chưa bắt đầu nội dung nào"))
        you = state.you
        role_words = {"chair": self.tr("Chủ tọa"), "secretary": self.tr("Thư ký"),
                      "delegate": self.tr("Đại biểu"), "guest": self.tr("Khách mời")}
        role = str(meeting.get("role") or you.get("role") or "")
        self.user_label.setText(f"<b>{you.get('full_name', '')}</b> · "
                                f"{role_words.get(role, role)}")

    def _follow_agenda(self) -> None:
        """After the model was rebuilt: expand, follow the chair, or keep the user's choice."""
        view = self.agenda_view
        model = self.session.agenda_model
        view.expandAll()
        current = self.session.state.current_item_id
        if current != self._seen_current:
            self._seen_current = current
            if current is not None:
                self.select_item(current)
                self._current_item_changed(current)
                return
        if self._selected_item is not None:
            index = model.index_of(self._selected_item)
            if index.isValid() and view.currentIndex() != index:
                view.setCurrentIndex(index)
                return
        if self._selected_item is None and model.rowCount() > 0:
            view.setCurrentIndex(model.index(0, 0))

    def _item_documents(self, item_id: int | None) -> list[dict[str, Any]]:
        docs = self.session.state.documents_of(item_id)
        return sorted(docs, key=lambda d: (str(d["title"]), int(d["id"])))

    def _current_item_changed(self, item_id: int) -> None:
        """Open the new item's first document, unless the delegate is reading another one
        they chose themselves: then offer it (a bar, never a jump or a dialog)."""
        docs = self._item_documents(item_id)
        self.offer_bar.hide()
        if not docs or self._closed:
            return
        reading = self._open_document
        if reading is not None and any(int(d["id"]) == int(reading["id"]) for d in docs):
            return
        if reading is None or self._auto_opened:
            self.open_document(docs[0], automatic=True)
            return
        item = self.session.state.agenda.get(item_id, {})
        self.offer_label.setText(self.tr(
            "Chủ tọa đã chuyển sang mục: {title}. Bạn đang đọc tài liệu khác.").format(
                title=item.get("title", "")))
        self.offer_bar.show()

    def open_item_document(self) -> None:
        """Mở tài liệu của mục này: the current item's first document."""
        self.offer_bar.hide()
        current = self.session.state.current_item_id
        docs = self._item_documents(current)
        if current is not None:
            self.select_item(current)
        if docs:
            self.open_document(docs[0], automatic=True)

    def select_item(self, item_id: int) -> None:
        index = self.session.agenda_model.index_of(item_id)
        if index.isValid():
            self.agenda_view.setCurrentIndex(index)
            self.agenda_view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def selected_item(self) -> int | None:
        return self._selected_item

    def _on_item_selected(self, index: QModelIndex, _previous: QModelIndex) -> None:
        if not index.isValid():
            return
        self._selected_item = int(index.data(ITEM_ID_ROLE))
        self._show_documents()
        item = self.session.state.agenda.get(self._selected_item, {})
        self.notes_panel.set_item(self._selected_item, str(item.get("title", "")))

    def _show_documents(self) -> None:
        docs = self.session.state.documents_of(self._selected_item)
        current = self.documents_view.currentIndex()
        chosen = (self.documents.row(current.row()).get("id") if current.isValid()
                  else self.open_document_id())
        self.documents.set_rows(sorted(docs, key=lambda d: (str(d["title"]), int(d["id"]))))
        # The rows come again with each change of the meeting (a reconnection's snapshot):
        # the document the delegate chose stays chosen.
        for row, doc in enumerate(self.documents.rows()):
            if chosen is not None and doc.get("id") == chosen:
                self.documents_view.setCurrentIndex(self.documents.index(row, 0))
                break
        self._word_documents()

    def _word_documents(self) -> None:
        count = self.documents.rowCount()
        self.documents_title.setText(
            self.tr("<b>Tài liệu</b> ({n})").format(n=count) if count
            else self.tr("<b>Tài liệu</b>: không có tài liệu cho nội dung này"))

    def _show_check_in(self) -> None:
        state = self.session.state
        button = self.check_in_button
        me = state.attendance.get(state.my_id or 0, {})
        pending = any(p.name == "attendance.check_in" for p in self.session.pending)
        role = str(state.meeting.get("role") or state.you.get("role") or "")
        if me.get("attendance") == "present":
            button.setText(self.tr("✔ Đã điểm danh"))
            button.setEnabled(False)
            button.setStyleSheet("QPushButton:disabled { color: #1b5e20; font-weight: bold; }")
        elif pending:
            button.setText(self.tr("Đang gửi điểm danh…"))
            button.setEnabled(False)
            button.setStyleSheet("QPushButton:disabled { color: #8a6d00; }")
        else:
            button.setText(self.tr("Điểm danh"))
            button.setStyleSheet("QPushButton { font-weight: bold; }")
            button.setEnabled(bool(state.meeting) and role in CHECK_IN_ROLES
                              and state.meeting.get("status") in OPEN_MEETING)

    def check_in(self) -> None:
        self.session.check_in()
        self._show_check_in()

    def _show_vote_banner(self) -> None:
        vote = self.session.state.open_vote()
        if vote is None or self.session.state.have_voted(int(vote["id"])):
            self.vote_banner.hide()
            return
        self.vote_banner.setText(self.tr("Đang biểu quyết — bấm để bỏ phiếu"))
        self.vote_banner.show()

    def bring_vote_forward(self, _vote_id: int) -> None:
        """A vote opened: show the ballot whatever the user was doing."""
        if self.is_wide_reader():
            self.set_wide_reader(False)
        self.tabs.setCurrentWidget(self.vote_panel)
        self._show_vote_banner()
        if self.isVisible() and QGuiApplication.platformName() not in NO_WINDOW_MANAGER:
            self.raise_()
            self.activateWindow()

    # --- documents -----------------------------------------------------------------------

    def _ensure_reader(self) -> None:
        if self.reader is not None or self._closed:
            return
        you = self.session.state.you
        name = str(you.get("full_name") or self.profile.username)
        self._annotations = AnnotationStore(self.profile.annotations, self.profile.username)
        # The watermark's time is the body's clock, like every other time of the meeting.
        self.reader = DocumentReader(
            self._annotations, reader_name=name, parent=self,
            clock=lambda: now_in_zone(meeting_zone(self.session.state.meeting)))
        self.document_stack.addWidget(self.reader)
        self.reader.set_chrome_scale(getattr(self, "text_scale", 1.0))
        # Personal annotations follow the delegate to another laptop through the server.
        self.reader.document_opened.connect(self._sync_annotations)
        self.reader.annotations_changed.connect(self._annotation_sync_timer.start)

    def _on_document_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_document(self.documents.row(index.row()))

    def open_document(self, doc: dict[str, Any], *, automatic: bool = False) -> None:
        """Fetch the bytes off the GUI thread, then hand them to the reader.

        ``automatic``: opened for the delegate (the item changed, the presenter moved),
        so the next item change may replace it; a document they chose stays open."""
        if self._closed:
            return
        same = (self._open_document is not None
                and int(self._open_document["id"]) == int(doc["id"]))
        if (same and self.reader is not None and self.reader.document_info() is not None
                and self.document_stack.currentWidget() is self.reader):
            self._auto_opened = self._auto_opened and automatic  # now their own choice
            self.offer_bar.hide()
            return
        self._open_document = doc
        self._awaiting_download = None
        self._auto_opened = automatic
        if not automatic:
            self.offer_bar.hide()
        source = self.document_source
        if source is None:
            self._on_document_fetched(int(doc["id"]), None)
            return
        self._say_document(lambda: self.tr("Đang mở {title}…").format(title=doc["title"]))
        self.document_stack.setCurrentWidget(self.document_message)
        arrived = partial(self._on_document_fetched, int(doc["id"]))
        Task(partial(source, doc)).success(arrived).failure(arrived) \
            .run(self, lane=self._documents_lane)

    def _on_document_fetched(self, doc_id: int, outcome: object) -> None:
        doc = self._open_document
        if self._closed or doc is None or int(doc["id"]) != doc_id:
            return  # the user opened something else meanwhile
        if outcome is None:
            self._say_document(lambda: self.tr(
                "Tài liệu chưa được tải về máy này") + f"\n{doc['title']}")
            self.document_stack.setCurrentWidget(self.document_message)
            self._awaiting_download = doc_id
            return
        if isinstance(outcome, BaseException) or not isinstance(outcome, bytes):
            self._say_document(lambda: self.tr("Không đọc được tài liệu: {error}").format(
                error=outcome))
            self.document_stack.setCurrentWidget(self.document_message)
            return
        self._ensure_reader()
        assert self.reader is not None
        self.reader.open_document(outcome, title=str(doc["title"]),
                                  confidential=bool(doc.get("confidential")),
                                  document_id=str(doc_id))
        self.document_stack.setCurrentWidget(self.reader)
        QTimer.singleShot(0, self._fit_reader)
        shared = self.session.state.shared_page
        if shared and int(shared["document_id"]) == doc_id:
            self.reader.follow_page(str(doc_id), int(shared["page"]))

    def open_document_id(self) -> int | None:
        return int(self._open_document["id"]) if self._open_document else None

    def _follow_presenter_label(self) -> None:
        shared = self.session.state.shared_page
        if not shared:
            return
        doc = self.session.state.documents.get(int(shared["document_id"]))
        self.presenter_label.setText(self.tr(
            "Người trình bày đang chiếu: {title}, trang {page}").format(
                title=doc["title"] if doc else "", page=int(shared["page"]) + 1))
        self.presenter_label.show()

    def _follow_presenter(self) -> None:
        shared = self.session.state.shared_page
        if not shared:
            self.presenter_label.hide()
            return
        doc_id, page = int(shared["document_id"]), int(shared["page"])
        doc = self.session.state.documents.get(doc_id)
        self._follow_presenter_label()
        if self.reader is None:
            return
        if self.open_document_id() == doc_id:
            self.reader.follow_page(str(doc_id), page)
        elif self.reader.is_following() and doc is not None:
            self.open_document(doc, automatic=True)

    # --- personal annotations through the server ---------------------------------------

    def _sync_open_document(self) -> None:
        if self.reader is not None and self.reader.document_sha256():
            self._sync_annotations(self.reader.document_sha256())

    def _sync_annotations(self, sha256: str) -> None:
        store = self._annotations
        if store is None or self._closed or not sha256:
            return

        def skipped(exc: Exception) -> None:
            # Offline or refused: the next change or open retries.
            log.info("annotation sync skipped: %s", type(exc).__name__)

        annotation_sync(self.session.bridge, self.session.meeting_id, store, sha256) \
            .success(lambda _merged: self._on_annotations_synced(sha256)) \
            .failure(skipped).run(self)

    def _on_annotations_synced(self, sha256: str) -> None:
        if self._closed:
            return
        if self.reader is not None and self.reader.document_sha256() == sha256:
            self.reader.reload_annotations()

    def _carry_annotations(self, old_sha: str, new_sha: str, old_pages: int,
                           new_pages: int) -> None:
        """A new version with the same pages keeps the delegate's notes (on the copy)."""
        store = self._annotations or AnnotationStore(self.profile.annotations,
                                                     self.profile.username)
        Task(partial(carry_annotations, store, old_sha, new_sha, old_pages=old_pages,
                     new_pages=new_pages)).run(self, lane=self._documents_lane)

    # --- closing --------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Stop the reader and the background threads, save notes; safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self.notes_panel.shutdown()
        self._annotation_sync_timer.stop()
        if self.reader is not None:
            self.reader.shutdown()
        self._documents_lane.clear()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.shutdown()
        super().closeEvent(event)
