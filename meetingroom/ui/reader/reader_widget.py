"""The document reader a delegate uses during a session.

Composes the page canvas, the side panels and the toolbar, and owns the
per-document state the rest of the client talks to: annotations (through
the local store), the presenter's page (follow / catch up), search and export.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path

from meetingroom.core.pdf.annotation_store import AnnotationStore
from meetingroom.core.pdf.annotations import Annotation, AnnotationKind, visible
from meetingroom.core.pdf.document import DocumentInfo, SearchHit, read_pdf_file
from meetingroom.core.pdf.errors import OpenFailure, PdfOpenError
from meetingroom.core.pdf.signatures import (
    SignatureStatus,
    Verdict,
    has_signatures,
    signature_statuses,
    trust_roots_in,
    trusted_signers_folder,
)
from meetingroom.core.pdf.watermark import watermark_text
from meetingroom.ui.qt import (
    QT_TRANSLATE_NOOP,
    QAction,
    QActionGroup,
    QCloseEvent,
    QColor,
    QCoreApplication,
    QEvent,
    QFileDialog,
    QGuiApplication,
    QHBoxLayout,
    QIcon,
    QImage,
    QInputDialog,
    QKeyEvent,
    QLabel,
    QLayout,
    QLineEdit,
    QListView,
    QModelIndex,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QResizeEvent,
    QSize,
    QSpinBox,
    QSplitter,
    Qt,
    QTabWidget,
    QTimer,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
    Signal,
    Slot,
)
from meetingroom.ui.reader.document_worker import (
    PRIORITY_TASK,
    PRIORITY_THUMBNAIL,
    DocumentWorker,
    RenderKey,
)
from meetingroom.ui.reader.models import PAGE_ROLE, OutlineModel, SearchHitModel, ThumbnailModel
from meetingroom.ui.reader.page_canvas import PageCanvas, Tool, ViewMode
from meetingroom.ui.reader.password_dialog import PasswordDialog
from meetingroom.ui.refusals import pdf_failure_text
from meetingroom.ui.tasks import Task

#: (parent, document title, last password was wrong) -> password, or None to give up.
PasswordPrompt = Callable[[QWidget, str, bool], str | None]
#: (parent) -> note text, or None when cancelled.
NotePrompt = Callable[[QWidget], str | None]

COPY_FORBIDDEN = (
    "Tài liệu mật: không được sao chép nội dung (confidential document: copying is disabled)"
)


log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReaderSettings:
    """Tunables; the cache cap is in megabytes of decoded page images."""

    cache_megabytes: int = 256
    prefetch_pages: int = 1
    thumbnail_width: int = 110
    watermark_refresh_ms: int = 60_000


#: Below this width the page thumbnails make way for the page, unless the reader chose.
SIDEBAR_MIN_WIDTH = 1000
_ICON_COLOURS = {"select": "#455a64", "highlight": "#f9a825", "underline": "#1565c0",
                 "note": "#ef6c00", "ink": "#c62828", "copy": "#455a64", "export": "#2e7d32"}


def tool_icon(kind: str, size: int = 32) -> QIcon:
    """A plain drawn icon for an annotation tool: no image files to ship or lose."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(_ICON_COLOURS.get(kind, "#455a64"))
    s = size
    painter.setPen(QPen(colour, max(2, s // 10)))
    if kind == "select":
        painter.drawLine(int(s * .3), int(s * .15), int(s * .3), int(s * .85))
        painter.drawLine(int(s * .2), int(s * .15), int(s * .4), int(s * .15))
        painter.drawLine(int(s * .2), int(s * .85), int(s * .4), int(s * .85))
        painter.drawLine(int(s * .5), int(s * .5), int(s * .85), int(s * .5))
    elif kind == "highlight":
        painter.fillRect(int(s * .1), int(s * .35), int(s * .8), int(s * .35), colour)
    elif kind == "underline":
        painter.drawLine(int(s * .15), int(s * .8), int(s * .85), int(s * .8))
        painter.drawLine(int(s * .3), int(s * .2), int(s * .3), int(s * .6))
        painter.drawLine(int(s * .7), int(s * .2), int(s * .7), int(s * .6))
    elif kind == "note":
        painter.fillRect(int(s * .15), int(s * .15), int(s * .7), int(s * .7), QColor("#ffe082"))
        painter.drawRect(int(s * .15), int(s * .15), int(s * .7), int(s * .7))
        painter.drawLine(int(s * .3), int(s * .4), int(s * .7), int(s * .4))
        painter.drawLine(int(s * .3), int(s * .6), int(s * .6), int(s * .6))
    elif kind == "ink":
        path = QPainterPath()
        path.moveTo(s * .1, s * .7)
        path.cubicTo(s * .3, s * .1, s * .5, s * .9, s * .9, s * .3)
        painter.drawPath(path)
    elif kind == "copy":
        painter.drawRect(int(s * .15), int(s * .1), int(s * .5), int(s * .6))
        painter.drawRect(int(s * .35), int(s * .3), int(s * .5), int(s * .6))
    else:  # export: an arrow out of a tray
        painter.drawLine(int(s * .5), int(s * .1), int(s * .5), int(s * .6))
        painter.drawLine(int(s * .3), int(s * .3), int(s * .5), int(s * .1))
        painter.drawLine(int(s * .7), int(s * .3), int(s * .5), int(s * .1))
        painter.drawLine(int(s * .15), int(s * .6), int(s * .15), int(s * .85))
        painter.drawLine(int(s * .15), int(s * .85), int(s * .85), int(s * .85))
        painter.drawLine(int(s * .85), int(s * .85), int(s * .85), int(s * .6))
    painter.end()
    return QIcon(pixmap)


#: The texts of the reader's actions, untranslated: marked here for the catalogue, in
#: the reader's context, so an action can be worded again at each switch of language.
_ACTION_TEXTS = frozenset({
    QT_TRANSLATE_NOOP("DocumentReader", "Bắt kịp"),
    QT_TRANSLATE_NOOP("DocumentReader", "Chọn chữ"),
    QT_TRANSLATE_NOOP("DocumentReader", "Cuộn liên tục"),
    QT_TRANSLATE_NOOP("DocumentReader", "Ghi chú"),
    QT_TRANSLATE_NOOP("DocumentReader", "Gạch chân"),
    QT_TRANSLATE_NOOP("DocumentReader", "Hiện trang thu nhỏ và mục lục"),
    QT_TRANSLATE_NOOP("DocumentReader", "Kết quả sau"),
    QT_TRANSLATE_NOOP("DocumentReader", "Kết quả trước"),
    QT_TRANSLATE_NOOP("DocumentReader", "Phóng to"),
    QT_TRANSLATE_NOOP("DocumentReader", "Sao chép"),
    QT_TRANSLATE_NOOP("DocumentReader", "Theo người trình bày"),
    QT_TRANSLATE_NOOP("DocumentReader", "Thu nhỏ"),
    QT_TRANSLATE_NOOP("DocumentReader", "Trang sau"),
    QT_TRANSLATE_NOOP("DocumentReader", "Trang trước"),
    QT_TRANSLATE_NOOP("DocumentReader", "Tô sáng"),
    QT_TRANSLATE_NOOP("DocumentReader", "Vẽ tay"),
    QT_TRANSLATE_NOOP("DocumentReader", "Vừa chiều rộng"),
    QT_TRANSLATE_NOOP("DocumentReader", "Vừa trang"),
    QT_TRANSLATE_NOOP("DocumentReader", "Xoay phải"),
    QT_TRANSLATE_NOOP("DocumentReader", "Xoay trái"),
    QT_TRANSLATE_NOOP("DocumentReader", "Xuất bản có ghi chú…"),
})


def _noop(source: str) -> str:
    """An action's untranslated text; ``_ACTION_TEXTS`` must hold it (else no catalogue
    would ever translate it)."""
    if source not in _ACTION_TEXTS:
        raise ValueError(f"{source!r} is not in _ACTION_TEXTS")
    return source


def _word(action: QAction, source: str, glyph: bool) -> None:
    """An action's text in the language now installed; a glyph button shows it as a tip."""
    text = QCoreApplication.translate("DocumentReader", source)
    action.setText(text)
    if glyph:
        action.setToolTip(text)


def _tool_button(action: QAction, parent: QWidget) -> QToolButton:
    button = QToolButton(parent)
    button.setDefaultAction(action)
    return button


def _ask_note(parent: QWidget) -> str | None:
    text, ok = QInputDialog.getMultiLineText(
        parent, QCoreApplication.translate("DocumentReader", "Ghi chú"),
        QCoreApplication.translate("DocumentReader", "Nội dung ghi chú:")
    )
    return text if ok and text.strip() else None


class DocumentReader(QWidget):
    document_opened = Signal(str)  # sha256
    open_failed = Signal(str)  # message shown to the user
    current_page_changed = Signal(int)
    search_finished = Signal(int)  # number of hits
    annotations_changed = Signal()
    export_finished = Signal(str)
    export_failed = Signal(str)
    following_changed = Signal(bool)
    # The signatures of the open document, checked on a pool thread (list[SignatureStatus]).
    signatures_checked = Signal(object)

    def __init__(
        self,
        store: AnnotationStore | None = None,
        *,
        reader_name: str = "",
        settings: ReaderSettings | None = None,
        password_prompt: PasswordPrompt | None = None,
        note_prompt: NotePrompt | None = None,
        clock: Callable[[], datetime] = datetime.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings or ReaderSettings()
        self._store = store
        self._reader_name = reader_name
        self._password_prompt = password_prompt or PasswordDialog.ask
        self._note_prompt = note_prompt or _ask_note
        self._clock = clock
        self._data = b""
        self._title = ""
        self._document_id: str | None = None
        self._confidential = False
        self._info: DocumentInfo | None = None
        self._annotations: dict[str, Annotation] = {}
        self._search_generation = 0
        self._hit_index = -1
        self._following = True
        self._last_shared: int | None = None
        self._closed = False
        self._sidebar_chosen = False
        self._signature_generation = 0
        self.signatures: list[SignatureStatus] = []
        #: Every action with its untranslated text, to word it again at a switch of language.
        self._worded: list[tuple[QAction, str, bool]] = []

        self.worker = DocumentWorker(self)
        self.canvas = PageCanvas(
            self.worker,
            cache_bytes=self.settings.cache_megabytes * 1024 * 1024,
            prefetch=self.settings.prefetch_pages,
            parent=self,
        )
        self.thumbnails = ThumbnailModel(self._request_thumbnail, self)
        self.outline = OutlineModel(self)
        self.search_hits = SearchHitModel(self)
        self._watermark_timer = QTimer(self)
        self._watermark_timer.setInterval(self.settings.watermark_refresh_ms)
        self._watermark_timer.timeout.connect(self._refresh_watermark)
        self._build()
        self._connect()
        self._update_actions()
        self.retranslate()

    def retranslate(self) -> None:
        """The reader's words in the language now installed (Qt's LanguageChange)."""
        for action, source, glyph in self._worded:
            _word(action, source, glyph)
        self.page_spin.setAccessibleName(self.tr("Trang số"))
        self.search_edit.setPlaceholderText(self.tr("Tìm trong tài liệu (Ctrl+F)"))
        for index, (view, name) in enumerate(((self.thumbnail_view, self.tr("Trang")),
                                              (self.outline_view, self.tr("Mục lục")),
                                              (self.hits_view, self.tr("Kết quả tìm")))):
            view.setAccessibleName(name)
            self.sidebar.setTabText(index, name)
        if self.signatures:
            self.signature_label.setText("\n".join(self.signature_line(s)
                                                   for s in self.signatures))
        if self.search_count.text():
            count = self.search_hits.rowCount()
            self.search_count.setText(self.tr("%1 kết quả").replace("%1", str(count))
                                      if count else self.tr("Không tìm thấy"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "_worded"):
            self.retranslate()
        super().changeEvent(event)

    # -- construction -------------------------------------------------------------

    def _action(self, source: str, slot: Callable[[], object], *, checkable: bool = False,
                glyph: str = "", bar: QToolBar | None = None) -> QAction:
        """An action on a toolbar; ``glyph`` is the short face it shows on the navigation bar
        (the full text stays in its tooltip and menus), so the bar fits a 1366 px screen.

        ``source`` is the untranslated text (``QT_TRANSLATE_NOOP``): the action is worded
        in the language installed now, and again at each switch (``retranslate``)."""
        action = QAction(self)
        action.setCheckable(checkable)
        if glyph:
            action.setIconText(glyph)
        self._worded.append((action, source, bool(glyph)))
        _word(action, source, bool(glyph))
        action.triggered.connect(lambda _checked=False: slot())
        (bar or self.toolbar).addAction(action)
        return action

    def _build(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("reader_navigation")
        self.sidebar_action = self._action(_noop("Hiện trang thu nhỏ và mục lục"),
                                           self._sidebar_toggled, checkable=True, glyph="☰")
        self.previous_action = self._action(_noop("Trang trước"), self.canvas.previous_page,
                                            glyph="◀")
        self.page_spin = QSpinBox(self)
        self.page_spin.setMinimum(1)
        self.page_spin.setKeyboardTracking(False)
        self.toolbar.addWidget(self.page_spin)
        self.page_total = QLabel("/ 0", self)
        self.toolbar.addWidget(self.page_total)
        self.next_action = self._action(_noop("Trang sau"), self.canvas.next_page, glyph="▶")
        self.toolbar.addSeparator()
        self._action(_noop("Thu nhỏ"), self.canvas.zoom_out, glyph="−")
        self._action(_noop("Phóng to"), self.canvas.zoom_in, glyph="+")
        self._action(_noop("Vừa chiều rộng"), self.canvas.fit_width, glyph="↔")
        self._action(_noop("Vừa trang"), self.canvas.fit_page, glyph="▯")
        self._action(_noop("Xoay trái"), self.canvas.rotate_counterclockwise, glyph="↺")
        self._action(_noop("Xoay phải"), self.canvas.rotate_clockwise, glyph="↻")
        self.continuous_action = self._action(_noop("Cuộn liên tục"), self._toggle_continuous,
                                              checkable=True, glyph="⇕")
        self.continuous_action.setChecked(True)
        self.toolbar.addSeparator()
        self.follow_action = self._action(
            _noop("Theo người trình bày"),
            lambda: self.set_following(self.follow_action.isChecked()), checkable=True)
        self.follow_action.setChecked(True)
        self.catch_up_action = self._action(_noop("Bắt kịp"), self.catch_up)

        # The delegate's own marks: a bar of their own, icon and word on every button,
        # never pushed behind the overflow "»" (issue 17).
        self.annotate_bar = QToolBar(self)
        self.annotate_bar.setObjectName("reader_annotate")
        self.annotate_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        self.tool_group = QActionGroup(self)
        self.tool_actions: dict[Tool, QAction] = {}
        for tool, label in (
            (Tool.SELECT, _noop("Chọn chữ")),
            (Tool.HIGHLIGHT, _noop("Tô sáng")),
            (Tool.UNDERLINE, _noop("Gạch chân")),
            (Tool.NOTE, _noop("Ghi chú")),
            (Tool.INK, _noop("Vẽ tay")),
        ):
            action = self._action(label, partial(self.canvas.set_tool, tool), checkable=True,
                                  bar=self.annotate_bar)
            action.setIcon(tool_icon(tool.value))
            self.tool_group.addAction(action)
            self.tool_actions[tool] = action
        self.tool_actions[Tool.SELECT].setChecked(True)
        self.copy_action = self._action(_noop("Sao chép"), self.copy_selection,
                                        bar=self.annotate_bar)
        self.copy_action.setIcon(tool_icon("copy"))
        self.export_action = self._action(_noop("Xuất bản có ghi chú…"), self._choose_export,
                                          bar=self.annotate_bar)
        self.export_action.setIcon(tool_icon("export"))

        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        self.search_count = QLabel(self)
        search_bar = QHBoxLayout()
        search_bar.addWidget(self.search_edit, 1)
        search_bar.addWidget(self.search_count)
        self.search_previous = QAction(self)
        self.search_next = QAction(self)
        for action, source, glyph in ((self.search_previous, _noop("Kết quả trước"), "⇧"),
                                      (self.search_next, _noop("Kết quả sau"), "⇩")):
            action.setIconText(glyph)
            self._worded.append((action, source, True))
            _word(action, source, True)
            search_bar.addWidget(_tool_button(action, self))

        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(
            "background: #fdecea; color: #b00020; padding: 6px; border-radius: 3px"
        )
        self.message_label.hide()
        # Who signed the open PDF, when, and whether it still says what they signed.
        self.signature_label = QLabel(self)
        self.signature_label.setObjectName("signature_status")
        self.signature_label.setWordWrap(True)
        self.signature_label.hide()

        self.thumbnail_view = QListView(self)
        self.thumbnail_view.setModel(self.thumbnails)
        self.thumbnail_view.setUniformItemSizes(True)
        width = self.settings.thumbnail_width
        self.thumbnail_view.setIconSize(QSize(width, int(width * 1.42)))
        self.outline_view = QTreeView(self)
        self.outline_view.setHeaderHidden(True)
        self.outline_view.setModel(self.outline)
        self.hits_view = QListView(self)
        self.hits_view.setModel(self.search_hits)
        self.sidebar = QTabWidget(self)
        self.sidebar.addTab(self.thumbnail_view, "")
        self.sidebar.addTab(self.outline_view, "")
        self.sidebar.addTab(self.hits_view, "")

        splitter = QSplitter(self)
        self.splitter = splitter
        splitter.addWidget(self.sidebar)
        splitter.addWidget(self.canvas)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([160, 640])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The host window decides the size; a minimum pushed up from here makes
        # platforms without size hints (offscreen, some Wayland) print warnings.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.annotate_bar)
        layout.addLayout(search_bar)
        layout.addWidget(self.message_label)
        layout.addWidget(self.signature_label)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        w = self.worker
        w.opened.connect(self._on_opened)
        w.open_failed.connect(self._on_open_failed)
        w.page_rendered.connect(self._on_thumbnail)
        w.hits_found.connect(self._on_search_hits)
        w.exported.connect(self.export_finished)
        w.export_failed.connect(self._on_export_failed)
        w.task_failed.connect(self._show_message)
        c = self.canvas
        c.current_page_changed.connect(self._on_page_changed)
        c.find_requested.connect(self.focus_search)
        c.copy_requested.connect(self.copy_selection)
        c.annotation_drawn.connect(self.add_annotation)
        c.note_requested.connect(self._on_note_requested)
        self.page_spin.valueChanged.connect(lambda value: self.go_to_page(value - 1))
        self.search_edit.returnPressed.connect(self._on_search_return)
        self.search_next.triggered.connect(self.next_hit)
        self.search_previous.triggered.connect(self.previous_hit)
        self.thumbnail_view.clicked.connect(self._go_to_index)
        self.outline_view.clicked.connect(self._go_to_index)
        self.hits_view.clicked.connect(lambda index: self.select_hit(index.row()))
        app = QGuiApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # -- opening ------------------------------------------------------------------

    def open_file(
        self, path: Path, *, confidential: bool = False, document_id: str | None = None
    ) -> None:
        try:
            data = read_pdf_file(path)
        except PdfOpenError as exc:
            self._fail(pdf_failure_text(exc.kind))
            return
        self.open_document(
            data, title=Path(path).name, confidential=confidential, document_id=document_id
        )

    def open_document(
        self,
        data: bytes,
        *,
        title: str = "",
        confidential: bool = False,
        document_id: str | None = None,
    ) -> None:
        """Start opening; ``document_opened`` or ``open_failed`` follows.

        ``document_id`` is the server's id, so :meth:`follow_page` can match it
        as well as the SHA-256. The presenter's page heard for the last document is
        forgotten: it is a page of that document, and opening this one on it (while
        following) showed a page nobody had shown of it. A page of this document
        heard before it is open (:meth:`follow_page` right after this call) still
        leads it once it opens.
        """
        self._data = data
        self._title = title
        self._confidential = confidential
        self._document_id = document_id
        self._last_shared = None
        self._info = None
        self._annotations.clear()
        self._clear_search()
        self._show_message("")
        self.worker.open(data)
        self._check_signatures(data)

    # -- digital signatures ------------------------------------------------------------

    def _check_signatures(self, data: bytes) -> None:
        """Verify the PDF's signatures on a pool thread (pyHanko takes a second)."""
        self._signature_generation += 1
        generation = self._signature_generation
        self.signatures = []
        self.signature_label.hide()
        if not has_signatures(data):
            return
        self.signature_label.setText(self.tr("Đang kiểm tra chữ ký số…"))
        self.signature_label.setStyleSheet("padding: 6px")
        self.signature_label.show()

        def check() -> list[SignatureStatus]:
            return signature_statuses(data, trust_roots_in(trusted_signers_folder()))

        def broken(exc: Exception) -> None:  # a broken file must not take the reader down
            log.error("checking the signatures failed", exc_info=exc)
            self._on_signatures(generation,
                                [SignatureStatus("", "", None, Verdict.INVALID, False)])

        Task(check).success(partial(self._on_signatures, generation)).failure(broken).run(self)

    def _on_signatures(self, generation: int, statuses: list[SignatureStatus]) -> None:
        if generation != self._signature_generation or self._closed:
            return
        self.signatures = statuses
        if not statuses:
            self.signature_label.hide()
        else:
            self.signature_label.setText("\n".join(self.signature_line(s) for s in statuses))
            worst = {s.verdict for s in statuses}
            colour = ("#fdecea; color: #b00020" if worst & {Verdict.CHANGED, Verdict.INVALID}
                      else "#fff4e5; color: #8a4b00" if Verdict.UNTRUSTED in worst
                      else "#e8f5e9; color: #1b5e20")
            self.signature_label.setStyleSheet(
                f"background: {colour}; padding: 6px; border-radius: 3px")
            self.signature_label.show()
        self.signatures_checked.emit(statuses)

    def signature_line(self, status: SignatureStatus) -> str:
        when = (status.signed_at.astimezone().strftime("%H:%M %d/%m/%Y")
                if status.signed_at else self.tr("không rõ thời điểm"))
        verdict = {
            Verdict.VALID: self.tr("chữ ký hợp lệ"),
            Verdict.CHANGED: self.tr("tài liệu đã bị thay đổi sau khi ký"),
            Verdict.UNTRUSTED: self.tr("chưa tin cậy người ký (chứng thư không do nơi cấp "
                                       "được tin cậy trên máy này cấp)"),
            Verdict.INVALID: self.tr("chữ ký không hợp lệ"),
        }[status.verdict]
        return self.tr("Ký số bởi {signer} lúc {when}: {verdict}").format(
            signer=status.signer or self.tr("(không rõ)"), when=when, verdict=verdict)

    def _on_opened(self, info: DocumentInfo) -> None:
        self._info = info
        self.canvas.set_document(info)
        self.thumbnails.reset(info.page_count)
        self.outline.set_entries(info.outline)
        self.outline_view.expandToDepth(0)
        self.page_spin.setMaximum(info.page_count)
        self.page_total.setText(f"/ {info.page_count}")
        self._refresh_watermark()
        if self._confidential:
            self._watermark_timer.start()
        else:
            self._watermark_timer.stop()
        self._load_annotations(info.sha256)
        self._update_actions()
        if self._following and self._last_shared is not None:
            self.go_to_page(self._last_shared)
        self.document_opened.emit(info.sha256)

    def _on_open_failed(self, error: PdfOpenError) -> None:
        if error.kind in (OpenFailure.NEEDS_PASSWORD, OpenFailure.WRONG_PASSWORD):
            wrong = error.kind is OpenFailure.WRONG_PASSWORD
            password = self._password_prompt(self, self._title, wrong)
            if password is not None:
                self.worker.open(self._data, password)
                return
        self._fail(pdf_failure_text(error.kind))

    def _fail(self, message: str) -> None:
        self._info = None
        self.canvas.clear_document()
        self.thumbnails.reset(0)
        self.outline.clear()
        self._update_actions()
        self._show_message(message)
        self.open_failed.emit(message)

    def _show_message(self, message: str) -> None:
        self.message_label.setText(message)
        self.message_label.setVisible(bool(message))

    def message(self) -> str:
        """The banner text (empty when all is well)."""
        return self.message_label.text() if self.message_label.isVisibleTo(self) else ""

    def document_info(self) -> DocumentInfo | None:
        return self._info

    def is_confidential(self) -> bool:
        return self._confidential

    # -- navigation ---------------------------------------------------------------

    def go_to_page(self, page: int) -> None:
        self.canvas.go_to_page(page)

    def current_page(self) -> int:
        return self.canvas.current_page()

    def page_count(self) -> int:
        return self.canvas.page_count()

    def set_view_mode(self, mode: ViewMode) -> None:
        self.canvas.set_view_mode(mode)
        self.continuous_action.setChecked(mode is ViewMode.CONTINUOUS)

    def _toggle_continuous(self) -> None:
        checked = self.continuous_action.isChecked()
        self.canvas.set_view_mode(ViewMode.CONTINUOUS if checked else ViewMode.SINGLE)

    def _on_page_changed(self, page: int) -> None:
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(page + 1)
        self.page_spin.blockSignals(False)
        self._update_actions()
        self.current_page_changed.emit(page)

    def _go_to_index(self, index: QModelIndex) -> None:
        page = index.data(PAGE_ROLE)
        if isinstance(page, int) and page >= 0:
            self.go_to_page(page)

    # -- the side panel ---------------------------------------------------------

    def set_chrome_scale(self, scale: float) -> None:
        """The bars follow the host's text size (A−/A+): icons grow with the words."""
        size = round(22 * scale)
        self.annotate_bar.setIconSize(QSize(size, size))
        self.toolbar.setIconSize(QSize(size, size))

    def _sidebar_toggled(self) -> None:
        self._sidebar_chosen = True
        self.sidebar.setVisible(self.sidebar_action.isChecked())

    def set_sidebar_visible(self, visible: bool, *, chosen: bool = True) -> None:
        """Show or hide the thumbnails and outline; a reader's own choice sticks."""
        if chosen:
            self._sidebar_chosen = True
        self.sidebar_action.setChecked(visible)
        self.sidebar.setVisible(visible)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """On a narrow screen the page takes the width; the ☰ button brings the panel back."""
        super().resizeEvent(event)
        if not self._sidebar_chosen:
            self.set_sidebar_visible(self.width() >= SIDEBAR_MIN_WIDTH, chosen=False)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_F and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.focus_search()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- thumbnails ---------------------------------------------------------------

    def _request_thumbnail(self, page: int) -> None:
        if not self._info or not 0 <= page < self._info.page_count:
            return
        width = self._info.pages[page].display_size(0)[0]
        scale = self.settings.thumbnail_width * self.devicePixelRatioF() / max(width, 1.0)
        self.worker.request(RenderKey(page, round(scale, 4), 0, True), PRIORITY_THUMBNAIL)

    def _on_thumbnail(self, key: RenderKey, image: QImage) -> None:
        if key.thumbnail:
            image.setDevicePixelRatio(self.devicePixelRatioF())
            self.thumbnails.set_thumbnail(key.page, image)

    # -- search -------------------------------------------------------------------

    @Slot()
    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _on_search_return(self) -> None:
        query = self.search_edit.text()
        if self._last_query == query and self.search_hits.rowCount():
            self.next_hit()
        else:
            self.search(query)

    _last_query = ""

    def search(self, query: str) -> None:
        """Find every hit; ``search_finished`` carries the count when all pages are done."""
        self._clear_search()
        self._last_query = query
        if not query.strip() or not self._info:
            self.search_count.setText("")
            self.search_finished.emit(0)
            return
        self.search_count.setText(self.tr("Đang tìm…"))
        self._search_generation = self.worker.search(query)

    def _clear_search(self) -> None:
        self._search_generation = -1
        self._hit_index = -1
        self.search_hits.clear()
        self.canvas.set_search_hits([])

    def _on_search_hits(self, generation: int, hits: list[SearchHit], finished: bool) -> None:
        if generation != self._search_generation:
            return
        self.search_hits.append(hits)
        if self._hit_index < 0 and self.search_hits.rowCount():
            self.select_hit(0)
        else:
            self.canvas.set_search_hits(self.search_hits.hits(), self._hit_index)
        if finished:
            count = self.search_hits.rowCount()
            self.search_count.setText(
                self.tr("%1 kết quả").replace("%1", str(count))
                if count
                else self.tr("Không tìm thấy")
            )
            self.search_finished.emit(count)

    def hits(self) -> list[SearchHit]:
        return self.search_hits.hits()

    def current_hit(self) -> int:
        return self._hit_index

    def select_hit(self, index: int) -> None:
        hits = self.search_hits.hits()
        if not hits:
            return
        self._hit_index = index % len(hits)
        self.canvas.set_search_hits(hits, self._hit_index)
        self.hits_view.setCurrentIndex(self.search_hits.index(self._hit_index, 0))
        self.go_to_page(hits[self._hit_index].page)

    def next_hit(self) -> None:
        self.select_hit(self._hit_index + 1)

    def previous_hit(self) -> None:
        self.select_hit(self._hit_index - 1)

    # -- selection and copy -------------------------------------------------------

    def copy_selection(self) -> bool:
        """Copy the selected text; refused (with a message) for confidential documents."""
        if self._confidential:
            self._show_message(COPY_FORBIDDEN)
            return False
        text = self.canvas.selected_text()
        if not text:
            return False
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(text)
        return True

    # -- annotations --------------------------------------------------------------

    def _load_annotations(self, sha256: str) -> None:
        store = self._store
        if store is None:
            return
        Task(partial(store.annotations, sha256)) \
            .success(partial(self._on_annotations_loaded, sha256)) \
            .failure(lambda exc: self._show_message(str(exc))) \
            .run(self, lane=self.worker.lane, priority=PRIORITY_TASK)

    def _on_annotations_loaded(self, sha256: str, annotations: list[Annotation]) -> None:
        if self._info is None or self._info.sha256 != sha256:
            return
        for annotation in annotations:
            mine = self._annotations.get(annotation.id)
            if mine is None or mine.modified < annotation.modified:
                self._annotations[annotation.id] = annotation
        self._publish_annotations()

    def document_sha256(self) -> str:
        """The SHA-256 of the open document ("" when none is open)."""
        return self._info.sha256 if self._info is not None else ""

    def reload_annotations(self) -> None:
        """Re-read the store, e.g. after the sync layer merged the account's versions."""
        if self._info is not None:
            self._load_annotations(self._info.sha256)

    def annotations(self) -> list[Annotation]:
        return visible(sorted(self._annotations.values(), key=lambda a: (a.page, a.created)))

    @Slot(object)
    def add_annotation(self, annotation: Annotation) -> None:
        """Show and persist (a new or edited) annotation; storage runs off the GUI thread."""
        if self._info is None or annotation.document_sha256 != self._info.sha256:
            return
        self._annotations[annotation.id] = annotation
        store = self._store
        if store is not None:
            self.worker.submit(lambda: store.put(annotation))
        self._publish_annotations()

    def add_note(self, page: int, x: float, y: float, text: str) -> Annotation | None:
        if self._info is None:
            return None
        note = Annotation(self._info.sha256, page, AnnotationKind.NOTE, anchor=(x, y), text=text)
        self.add_annotation(note)
        return note

    def delete_annotation(self, annotation_id: str) -> None:
        annotation = self._annotations.get(annotation_id)
        if annotation is not None and not annotation.deleted:
            self.add_annotation(annotation.tombstone())

    def _on_note_requested(self, page: int, x: float, y: float) -> None:
        text = self._note_prompt(self)
        if text:
            self.add_note(page, x, y, text)

    def _publish_annotations(self) -> None:
        self.canvas.set_annotations(self.annotations())
        self.annotations_changed.emit()

    # -- watermark and export -----------------------------------------------------

    def watermark(self) -> str | None:
        """Name and time for confidential documents, else ``None``."""
        if not self._confidential:
            return None
        return watermark_text(self._reader_name or self.tr("Đại biểu"), self._clock())

    def _refresh_watermark(self) -> None:
        self.canvas.set_watermark(self.watermark())

    def export_annotated_copy(self, target: Path) -> None:
        """Write "my annotated copy"; ``export_finished``/``export_failed`` report back."""
        self.worker.export(self.annotations(), Path(target), self.watermark())

    def _choose_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu bản có ghi chú"), "", self.tr("Tệp PDF (*.pdf)")
        )
        if name:
            self.export_annotated_copy(Path(name))

    def _on_export_failed(self, message: str) -> None:
        self._show_message(message)
        self.export_failed.emit(message)

    # -- following the presenter ----------------------------------------------------

    def _is_current(self, document: str) -> bool:
        return document in {self._document_id, self._info.sha256 if self._info else None}

    @Slot(str, int)
    def follow_page(self, document: str, page: int) -> None:
        """The presenter shows ``page`` of ``document`` (server id or SHA-256).

        Remembered even when not following, so :meth:`catch_up` can jump there.
        """
        if not self._is_current(document):
            return
        self._last_shared = page
        if self._following and self._info is not None:
            self.go_to_page(page)
        self._update_actions()

    def is_following(self) -> bool:
        return self._following

    def set_following(self, following: bool) -> None:
        if following == self._following:
            return
        self._following = following
        self.follow_action.setChecked(following)
        if following and self._last_shared is not None and self._info is not None:
            self.go_to_page(self._last_shared)
        self._update_actions()
        self.following_changed.emit(following)

    def last_shared_page(self) -> int | None:
        return self._last_shared

    def catch_up(self) -> None:
        """Jump to the presenter's page and follow again."""
        if self._last_shared is not None and self._info is not None:
            self.go_to_page(self._last_shared)
        self.set_following(True)

    # -- state and shutdown -------------------------------------------------------

    def _update_actions(self) -> None:
        has_doc = self._info is not None
        page, count = self.canvas.current_page(), self.canvas.page_count()
        self.previous_action.setEnabled(has_doc and page > 0)
        self.next_action.setEnabled(has_doc and page < count - 1)
        self.copy_action.setEnabled(has_doc and not self._confidential)
        self.export_action.setEnabled(has_doc)
        self.catch_up_action.setEnabled(
            has_doc and not self._following and self._last_shared is not None
        )

    def shutdown(self) -> None:
        """Stop the worker and wait for its current job; safe to call twice."""
        if not self._closed:
            self._closed = True
            self._watermark_timer.stop()
            self.worker.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.shutdown()
        super().closeEvent(event)
