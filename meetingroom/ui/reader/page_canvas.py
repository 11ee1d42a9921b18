"""The page area: lays pages out, paints cached renders and overlays, takes input.

It never renders: it asks :class:`DocumentWorker` for the keys it needs
(visible pages first, then ``prefetch`` pages either side) and repaints when
images arrive. Until then a page shows an older render scaled, or a
placeholder, so scrolling and zooming never wait.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

from meetingroom.core.pdf.annotations import Annotation, AnnotationKind
from meetingroom.core.pdf.document import DocumentInfo, SearchHit
from meetingroom.core.pdf.geometry import PdfRect, Point
from meetingroom.core.pdf.page_cache import ByteBoundedLru
from meetingroom.core.pdf.text_selection import Word, line_rects, select_range, selected_text
from meetingroom.ui.qt import (
    QAbstractScrollArea,
    QColor,
    QFont,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPointF,
    QRectF,
    QRegion,
    QResizeEvent,
    Qt,
    QTimer,
    QWheelEvent,
    QWidget,
    Signal,
)
from meetingroom.ui.reader.document_worker import (
    PRIORITY_PREFETCH,
    PRIORITY_VISIBLE,
    DocumentWorker,
    RenderKey,
)
from meetingroom.ui.reader.page_layout import MARGIN, PageLayout, PlacedPage, layout_pages

ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0)
MIN_ZOOM, MAX_ZOOM = ZOOM_STEPS[0], ZOOM_STEPS[-1]
SCROLL_STEP = 40
#: Pages whose words (for selecting text) are kept: the ones on screen and the last read.
WORDS_KEPT = 12
#: How long a page being drawn keeps the previous picture on screen instead of the
#: "loading" page: most pages arrive well within it, and painting "loading" first
#: took a millisecond or two of the cores the page was being drawn on.
LOADING_HOLD_MS = 100


class ViewMode(Enum):
    CONTINUOUS = "continuous"
    SINGLE = "single"


class FitMode(Enum):
    NONE = "none"
    WIDTH = "width"
    PAGE = "page"


class Tool(Enum):
    SELECT = "select"
    HIGHLIGHT = "highlight"
    UNDERLINE = "underline"
    NOTE = "note"
    INK = "ink"


_BACKGROUND = QColor("#5f6368")
_SELECTION = QColor(40, 110, 230, 70)
_HIT = QColor(255, 200, 0, 90)
_CURRENT_HIT = QColor(255, 120, 0, 150)
_WATERMARK = QColor(120, 120, 120, 70)


class PageCanvas(QAbstractScrollArea):
    current_page_changed = Signal(int)
    zoom_changed = Signal(float)
    selection_changed = Signal(str)
    annotation_drawn = Signal(object)  # Annotation, not yet stored
    note_requested = Signal(int, float, float)  # page, x, y in page space
    find_requested = Signal()
    copy_requested = Signal()

    def __init__(
        self,
        worker: DocumentWorker,
        *,
        cache_bytes: int = 256 * 1024 * 1024,
        prefetch: int = 1,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._cache: ByteBoundedLru[RenderKey, QImage] = ByteBoundedLru(
            cache_bytes, lambda image: int(image.sizeInBytes())
        )
        self._prefetch = prefetch
        self._info: DocumentInfo | None = None
        self._layout = PageLayout((), 0.0, 0.0)
        self._mode = ViewMode.CONTINUOUS
        self._fit = FitMode.WIDTH
        self._zoom = 1.0
        self._rotation = 0
        self._current = 0
        self._programmatic = False
        self._failed: dict[int, str] = {}
        self._words: dict[int, list[Word]] = {}
        self._words_requested: set[int] = set()
        self._hits: list[SearchHit] = []
        self._current_hit = -1
        self._annotations: list[Annotation] = []
        self._watermark: str | None = None
        self._tool = Tool.SELECT
        self._press: tuple[int, Point] | None = None
        self._selection: tuple[int, list[Word]] | None = None
        self._stroke: list[Point] = []
        self._schedule_timer = QTimer(self)
        self._schedule_timer.setSingleShot(True)
        self._schedule_timer.setInterval(0)
        self._schedule_timer.timeout.connect(self._schedule_renders)
        self._hold_timer = QTimer(self)
        self._hold_timer.setSingleShot(True)
        self._hold_timer.setInterval(LOADING_HOLD_MS)
        self._hold_timer.timeout.connect(self._release_hold)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # paintEvent covers every pixel of the viewport (the background around the
        # pages, each page's picture or white), so Qt need not fill it first: that fill
        # went over the whole viewport before every paint, ~0.15 ms of a page's arrival.
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.viewport().setMouseTracking(False)
        self.verticalScrollBar().setSingleStep(SCROLL_STEP)
        self.horizontalScrollBar().setSingleStep(SCROLL_STEP)
        worker.page_rendered.connect(self._on_page_rendered)
        worker.page_failed.connect(self._on_page_failed)
        worker.words_ready.connect(self._on_words_ready)

    # -- document -----------------------------------------------------------------

    def set_document(self, info: DocumentInfo) -> None:
        """Show ``info`` from the top of its first page.

        The scroll bars belong to the canvas, not to a document: a relayout only
        clamps them to the new range (and a zoom change re-anchors them on the old
        document's page), so they are put back at the start here; otherwise the new
        document showed where the last one was read while the page box said 1.
        """
        self._release_hold()
        self._info = info
        self._cache.clear()
        self._failed.clear()
        self._words.clear()
        self._words_requested.clear()
        self._hits, self._current_hit = [], -1
        self._annotations = []
        self._selection = None
        self._current = 0
        self._rotation = 0
        self._apply_fit()
        self._relayout(anchor=False)
        self._programmatic = True
        try:
            self.horizontalScrollBar().setValue(0)
            self.verticalScrollBar().setValue(0)
        finally:
            self._programmatic = False
        self._set_current(0, force=True)

    def clear_document(self) -> None:
        self._release_hold()
        self._info = None
        self._cache.clear()
        self._worker.set_wanted(())
        self._relayout(anchor=False)

    @property
    def info(self) -> DocumentInfo | None:
        return self._info

    def page_count(self) -> int:
        return self._info.page_count if self._info else 0

    def current_page(self) -> int:
        return self._current

    def cache(self) -> ByteBoundedLru[RenderKey, QImage]:
        return self._cache

    def scale_key(self) -> float:
        """Render scale for the current zoom on this screen (HiDPI aware)."""
        return round(self._zoom * self.devicePixelRatioF(), 3)

    def render_key(self, page: int) -> RenderKey:
        return RenderKey(page, self.scale_key(), self._rotation)

    def is_rendered(self, page: int) -> bool:
        return self.render_key(page) in self._cache

    def page_error(self, page: int) -> str | None:
        return self._failed.get(page)

    # -- navigation ---------------------------------------------------------------

    def go_to_page(self, page: int) -> None:
        if not self._info:
            return
        page = max(0, min(page, self._info.page_count - 1))
        if self._mode is ViewMode.SINGLE and self._fit is FitMode.PAGE:
            self._current = page
            self._apply_fit()  # the page's own zoom, which its render key carries
        # Ask for the page first, before scrolling and the page-changed listeners (a
        # millisecond or so on the GUI thread the child can already spend drawing);
        # not from the next turn of the event loop either: that turn first painted
        # the "loading" page, ~9 ms before the child even heard of the page. The
        # neighbours and the words wait for that turn: words asked now were unpickled
        # beside the paint of a page already cached, holding the GIL it needed.
        self._need(page, PRIORITY_VISIBLE)
        if not self.is_rendered(page) and page not in self._failed:
            self._hold()
        if self._mode is ViewMode.SINGLE:
            self._current = page
            self._relayout(anchor=False)
            self._scroll_to(0)
        else:
            placed = self._layout.placed(page)
            if placed is not None:
                self._scroll_to(int(placed.y - MARGIN))
        self._set_current(page)
        self._request_schedule()

    def _hold(self) -> None:
        """Keep what is on screen until the page asked arrives (or LOADING_HOLD_MS)."""
        self.viewport().setUpdatesEnabled(False)
        self._hold_timer.start()

    def _release_hold(self) -> None:
        self._hold_timer.stop()
        if not self.viewport().updatesEnabled():
            self.viewport().setUpdatesEnabled(True)  # and the whole viewport is repainted

    def is_holding(self) -> bool:
        """The previous picture is kept while the current page is drawn (for tests)."""
        return not self.viewport().updatesEnabled()

    def next_page(self) -> None:
        self.go_to_page(self._current + 1)

    def previous_page(self) -> None:
        self.go_to_page(self._current - 1)

    def view_mode(self) -> ViewMode:
        return self._mode

    def set_view_mode(self, mode: ViewMode) -> None:
        if mode is self._mode:
            return
        self._mode = mode
        page = self._current
        self._relayout(anchor=False)
        self.go_to_page(page)

    def _set_current(self, page: int, *, force: bool = False) -> None:
        if page != self._current or force:
            self._current = page
            self.current_page_changed.emit(page)

    def _scroll_to(self, value: int) -> None:
        self._programmatic = True
        try:
            self.verticalScrollBar().setValue(value)
        finally:
            self._programmatic = False
        self.viewport().update()

    # -- zoom and rotation --------------------------------------------------------

    def zoom(self) -> float:
        return self._zoom

    def fit_mode(self) -> FitMode:
        return self._fit

    def set_zoom(self, zoom: float) -> None:
        self._fit = FitMode.NONE
        self._change_zoom(zoom)

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self._zoom * 1.01), MAX_ZOOM))

    def zoom_out(self) -> None:
        smaller = [z for z in ZOOM_STEPS if z < self._zoom / 1.01]
        self.set_zoom(smaller[-1] if smaller else MIN_ZOOM)

    def fit_width(self) -> None:
        self._fit = FitMode.WIDTH
        self._apply_fit()

    def fit_page(self) -> None:
        self._fit = FitMode.PAGE
        self._apply_fit()

    def _fit_zoom(self, fit: FitMode) -> float:
        if not self._info or not self._info.pages:
            return self._zoom
        vp = self.viewport()
        avail_w = max(50.0, vp.width() - 2 * MARGIN)
        avail_h = max(50.0, vp.height() - 2 * MARGIN)
        current = self._info.pages[min(self._current, self._info.page_count - 1)]
        if fit is FitMode.WIDTH:
            shown = (
                [current] if self._mode is ViewMode.SINGLE else list(self._info.pages)
            )
            widest = max(g.display_size(self._rotation)[0] for g in shown)
            return avail_w / widest
        w, h = current.display_size(self._rotation)
        return min(avail_w / w, avail_h / h)

    def _apply_fit(self) -> None:
        if self._fit is not FitMode.NONE:
            self._change_zoom(self._fit_zoom(self._fit))

    def _change_zoom(self, zoom: float) -> None:
        zoom = max(MIN_ZOOM / 2, min(MAX_ZOOM, zoom))
        if abs(zoom - self._zoom) < 1e-6:
            return
        self._zoom = zoom
        self._relayout(anchor=True)
        self.zoom_changed.emit(zoom)

    def rotation(self) -> int:
        return self._rotation

    def set_rotation(self, degrees: int) -> None:
        self._rotation = degrees % 360
        self._apply_fit()
        self._relayout(anchor=False)
        self.go_to_page(self._current)

    def rotate_clockwise(self) -> None:
        self.set_rotation(self._rotation + 90)

    def rotate_counterclockwise(self) -> None:
        self.set_rotation(self._rotation - 90)

    # -- overlays -----------------------------------------------------------------

    def set_search_hits(self, hits: Sequence[SearchHit], current: int = -1) -> None:
        self._hits = list(hits)
        self._current_hit = current
        self.viewport().update()

    def set_annotations(self, annotations: Sequence[Annotation]) -> None:
        self._annotations = [a for a in annotations if not a.deleted]
        self.viewport().update()

    def set_watermark(self, text: str | None) -> None:
        self._watermark = text
        self.viewport().update()

    def tool(self) -> Tool:
        return self._tool

    def set_tool(self, tool: Tool) -> None:
        self._tool = tool
        self._selection = None
        self.viewport().setCursor(
            Qt.CursorShape.IBeamCursor
            if tool in (Tool.SELECT, Tool.HIGHLIGHT, Tool.UNDERLINE)
            else Qt.CursorShape.CrossCursor
        )
        self.viewport().update()

    def selected_text(self) -> str:
        return selected_text(self._selection[1]) if self._selection else ""

    def select_words(self, page: int, start: Point, end: Point) -> str:
        """Select like a mouse drag would; returns the text (empty until words are loaded)."""
        words = self._words.get(page)
        if words is None:
            self._request_words(page)
            return ""
        chosen = select_range(words, start, end)
        self._selection = (page, chosen) if chosen else None
        self.viewport().update()
        text = self.selected_text()
        self.selection_changed.emit(text)
        return text

    def words(self, page: int) -> list[Word] | None:
        return self._words.get(page)

    # -- layout and scheduling ----------------------------------------------------

    def _relayout(self, *, anchor: bool) -> None:
        saved: tuple[int, float] | None = None
        if anchor and self._mode is ViewMode.CONTINUOUS and self._layout.pages:
            top = self.verticalScrollBar().value()
            page = self._layout.page_at(top)
            placed = self._layout.placed(page)
            if placed is not None and placed.height > 0:
                saved = (page, (top - placed.y) / placed.height)
        pages = self._info.pages if self._info else ()
        single = self._current if self._mode is ViewMode.SINGLE else None
        self._layout = layout_pages(
            pages, self._zoom, self._rotation, self.viewport().width(), single_page=single
        )
        vp = self.viewport()
        vbar, hbar = self.verticalScrollBar(), self.horizontalScrollBar()
        self._programmatic = True
        try:
            vbar.setRange(0, max(0, int(self._layout.height) - vp.height()))
            vbar.setPageStep(vp.height())
            hbar.setRange(0, max(0, int(self._layout.width) - vp.width()))
            hbar.setPageStep(vp.width())
            if saved is not None:
                placed = self._layout.placed(saved[0])
                if placed is not None:
                    vbar.setValue(int(placed.y + saved[1] * placed.height))
        finally:
            self._programmatic = False
        self.viewport().update()
        self._request_schedule()

    def _request_schedule(self) -> None:
        if not self._schedule_timer.isActive():
            self._schedule_timer.start()

    def _visible(self) -> list[PlacedPage]:
        top = self.verticalScrollBar().value()
        return self._layout.visible(top, top + self.viewport().height())

    def _schedule_renders(self) -> None:
        """Ask for what is on screen, then the neighbours; forget everything else."""
        if not self._info:
            return
        visible = [p.page for p in self._visible()] or [self._current]
        first, last = min(visible), max(visible)
        ahead = [
            p
            for p in range(first - self._prefetch, last + self._prefetch + 1)
            if 0 <= p < self._info.page_count and p not in visible
        ]
        wanted = [self.render_key(p) for p in visible + ahead]
        self._worker.set_wanted(wanted)
        for page in visible:
            self._need(page, PRIORITY_VISIBLE)
        for page in visible:
            # Words once the page is shown (the paint that shows it schedules again):
            # asked with the render, their extraction and unpickling ran beside the
            # page's delivery and paint, on the same two cores and the same GIL.
            if self.render_key(page) in self._cache or page in self._failed:
                self._request_words(page)
        for page in ahead:
            # Prefetch only into spare room: evicting a visible page would loop.
            w, h = self._info.pages[page].display_size(self._rotation)
            if self._cache.make_room(int(w * h * self.scale_key() ** 2 * 4), keep=wanted):
                self._need(page, PRIORITY_PREFETCH)

    def _need(self, page: int, priority: int) -> None:
        key = self.render_key(page)
        if key not in self._cache and page not in self._failed:
            self._worker.request(key, priority)

    def _request_words(self, page: int) -> None:
        if page not in self._words_requested:
            self._words_requested.add(page)
            self._worker.request_words(page)

    # -- worker results -----------------------------------------------------------

    def _on_page_rendered(self, key: RenderKey, image: QImage) -> None:
        if key.thumbnail or not self._info or key.page >= self._info.page_count:
            return
        shown = {p.page for p in self._visible()}
        pinned = {self.render_key(page) for page in shown}
        self._cache.put(key, image, pinned)
        if key == self.render_key(self._current):
            self._release_hold()
        if key in pinned:
            # Painted now, not on the next turn of the event loop: on a busy laptop
            # that turn came 1-7 ms later, behind whatever else was queued.
            self.viewport().repaint()
        elif key.page in shown:
            self.viewport().update()

    def _on_page_failed(self, key: RenderKey, message: str) -> None:
        if not key.thumbnail:
            self._failed[key.page] = message
            if key.page == self._current:
                self._release_hold()
            self.viewport().update()

    def _on_words_ready(self, page: int, words: list[Word]) -> None:
        self._words.pop(page, None)
        self._words[page] = words  # newest last
        if len(self._words) > WORDS_KEPT:
            # A page's words are ~300 KB of Python objects: kept for every page read,
            # paging through 300 pages grew the window by 90 MB. The oldest not on
            # screen go; they are asked again if the reader comes back to select text.
            shown = {p.page for p in self._visible()}
            for old in [p for p in self._words if p not in shown]:
                if len(self._words) <= WORDS_KEPT:
                    break
                del self._words[old]
                self._words_requested.discard(old)

    # -- geometry helpers ---------------------------------------------------------

    def _offset(self) -> QPointF:
        return QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())

    def _to_view(self, placed: PlacedPage, point: Point) -> QPointF:
        assert self._info is not None
        x, y = self._info.pages[placed.page].to_display(point, self._rotation)
        off = self._offset()
        return QPointF(placed.x - off.x() + x * self._zoom, placed.y - off.y() + y * self._zoom)

    def _rect_to_view(self, placed: PlacedPage, rect: PdfRect) -> QRectF:
        a = self._to_view(placed, (rect.x0, rect.y0))
        b = self._to_view(placed, (rect.x1, rect.y1))
        return QRectF(a, b).normalized()

    def page_point_at(self, pos: QPointF) -> tuple[int, Point] | None:
        """Viewport position -> (page, unrotated page point), for mouse input."""
        if not self._info:
            return None
        off = self._offset()
        cx, cy = pos.x() + off.x(), pos.y() + off.y()
        for placed in self._layout.pages:
            if placed.x <= cx <= placed.x + placed.width and placed.y <= cy <= placed.bottom:
                shown = ((cx - placed.x) / self._zoom, (cy - placed.y) / self._zoom)
                geometry = self._info.pages[placed.page]
                return placed.page, geometry.from_display(shown, self._rotation)
        return None

    def view_point_of(self, page: int, point: Point) -> QPointF | None:
        """Inverse of :meth:`page_point_at` (for tests and tooltips)."""
        placed = self._layout.placed(page)
        return self._to_view(placed, point) if placed is not None else None

    # -- painting -----------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self.viewport())
        if not self._info:
            painter.fillRect(self.viewport().rect(), _BACKGROUND)
            painter.end()
            return
        off = self._offset()
        pages: list[tuple[PlacedPage, QRectF, QImage | None, QRectF | None]] = []
        background = QRegion(self.viewport().rect())
        for placed in self._visible():
            target = QRectF(placed.x - off.x(), placed.y - off.y(), placed.width, placed.height)
            image = self._cache.get(self.render_key(placed.page)) or self._fallback(placed.page)
            at = self._image_rect(target, image) if image is not None else None
            if at is not None and at is not target:
                # Drawn at its own size on whole pixels, opaque: nothing under it is seen,
                # so neither the background nor the page's white is painted there (two
                # passes over the screen's pixels, ~1 ms a paint on a slow laptop).
                # A pixel in from its edges, so a fractional screen scale leaves no seam.
                background -= QRegion(at.adjusted(1, 1, -1, -1).toRect())
            pages.append((placed, target, image, at))
        painter.setClipRegion(background)
        painter.fillRect(self.viewport().rect(), _BACKGROUND)
        for _placed, target, _image, at in pages:
            if at is None or at is target:
                painter.fillRect(target, Qt.GlobalColor.white)
        painter.setClipping(False)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for placed, target, image, at in pages:
            if image is not None and at is not None:
                painter.drawImage(at, image)
            else:
                error = self._failed.get(placed.page)
                painter.setPen(QColor("#b00020") if error else QColor("#777777"))
                text = error or self.tr("Đang tải trang %1…").replace(
                    "%1", str(placed.page + 1)
                )
                painter.drawText(target, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                                 text)
            painter.save()
            painter.setClipRect(target)
            self._paint_overlays(painter, placed, target)
            painter.restore()
        painter.end()
        self._request_schedule()

    def _image_rect(self, target: QRectF, image: QImage) -> QRectF:
        """Where to draw ``image`` for a page placed at ``target``.

        A render at the current zoom is within a pixel of the target (MuPDF rounds
        the page's size up to whole pixels): it is drawn at its own size, on whole
        pixels, so Qt copies it instead of resampling it, which cost 3-8 ms a paint
        with smooth scaling. Any other image (an earlier zoom's) is scaled to fit:
        ``target`` itself is returned.
        """
        ratio = self.devicePixelRatioF() or 1.0
        width, height = image.width() / ratio, image.height() / ratio
        if abs(width - target.width()) <= 1.5 and abs(height - target.height()) <= 1.5:
            return QRectF(round(target.x() * ratio) / ratio, round(target.y() * ratio) / ratio,
                          width, height)
        return target

    def _fallback(self, page: int) -> QImage | None:
        """Any earlier render of the page (another zoom), shown scaled until the new one lands."""
        for key in reversed(self._cache.keys()):
            if key.page == page and key.rotation == self._rotation:
                return self._cache.get(key)
        return None

    def _paint_overlays(self, painter: QPainter, placed: PlacedPage, target: QRectF) -> None:
        page = placed.page
        for annotation in self._annotations:
            if annotation.page == page:
                self._paint_annotation(painter, placed, annotation)
        for index, hit in enumerate(self._hits):
            if hit.page == page:
                colour = _CURRENT_HIT if index == self._current_hit else _HIT
                for rect in hit.rects or (hit.rect,):
                    painter.fillRect(self._rect_to_view(placed, rect), colour)
        if self._selection and self._selection[0] == page:
            for rect in line_rects(self._selection[1]):
                painter.fillRect(self._rect_to_view(placed, rect), _SELECTION)
        if self._stroke and self._press and self._press[0] == page:
            self._paint_stroke(painter, placed, self._stroke, QColor("#1f5fd6"))
        if self._watermark:
            self._paint_watermark(painter, target)

    def _paint_annotation(self, painter: QPainter, placed: PlacedPage, a: Annotation) -> None:
        colour = QColor(a.color)
        if a.kind is AnnotationKind.HIGHLIGHT:
            colour.setAlpha(100)
            for rect in a.rects:
                painter.fillRect(self._rect_to_view(placed, rect), colour)
        elif a.kind is AnnotationKind.UNDERLINE:
            painter.setPen(QPen(colour, max(1.0, 1.2 * self._zoom)))
            for rect in a.rects:
                painter.drawLine(
                    self._to_view(placed, (rect.x0, rect.y1)),
                    self._to_view(placed, (rect.x1, rect.y1)),
                )
        elif a.kind is AnnotationKind.INK:
            for stroke in a.strokes:
                self._paint_stroke(painter, placed, list(stroke), colour)
        elif a.kind is AnnotationKind.NOTE and a.anchor is not None:
            x, y = a.anchor
            icon = self._rect_to_view(placed, PdfRect(x, y, x + 14, y + 14))
            painter.setPen(QPen(QColor("#6b4f00"), 1))
            painter.setBrush(colour)
            painter.drawRect(icon)
            painter.setBrush(Qt.BrushStyle.NoBrush)

    def _paint_stroke(
        self, painter: QPainter, placed: PlacedPage, points: list[Point], colour: QColor
    ) -> None:
        if len(points) < 2:
            return
        path = QPainterPath(self._to_view(placed, points[0]))
        for point in points[1:]:
            path.lineTo(self._to_view(placed, point))
        painter.setPen(QPen(colour, max(1.0, 1.5 * self._zoom)))
        painter.drawPath(path)

    def _paint_watermark(self, painter: QPainter, target: QRectF) -> None:
        assert self._watermark is not None
        font = QFont(self.font())
        font.setPixelSize(max(8, int(target.width() / 22)))
        painter.setFont(font)
        painter.setPen(_WATERMARK)
        for fraction in (0.25, 0.5, 0.75):
            painter.save()
            painter.translate(target.center().x(), target.top() + target.height() * fraction)
            painter.rotate(-30)
            box = QRectF(-target.width(), -font.pixelSize(), 2 * target.width(),
                         2 * font.pixelSize())
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self._watermark)
            painter.restore()

    # -- events -------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._apply_fit()
        self._relayout(anchor=True)

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802
        self.viewport().update()
        if not self._programmatic and self._mode is ViewMode.CONTINUOUS and self._layout.pages:
            top = self.verticalScrollBar().value()
            self._set_current(self._layout.page_at(top + self.viewport().height() / 3))
        self._request_schedule()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        k = Qt.Key
        single = self._mode is ViewMode.SINGLE
        if ctrl and key == k.Key_F:
            self.find_requested.emit()
        elif ctrl and key == k.Key_C:
            self.copy_requested.emit()
        elif ctrl and key in (k.Key_Plus, k.Key_Equal):
            self.zoom_in()
        elif ctrl and key == k.Key_Minus:
            self.zoom_out()
        elif ctrl and key == k.Key_0:
            self.set_zoom(1.0)
        elif key == k.Key_PageDown or (key == k.Key_Space and single):
            self.next_page()
        elif key == k.Key_PageUp:
            self.previous_page()
        elif key == k.Key_Home:
            self.go_to_page(0)
        elif key == k.Key_End:
            self.go_to_page(self.page_count() - 1)
        elif key in (k.Key_Down, k.Key_Up) and not single:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + (SCROLL_STEP if key == k.Key_Down else -SCROLL_STEP))
        elif key in (k.Key_Down, k.Key_Right):
            self.next_page()
        elif key in (k.Key_Up, k.Key_Left):
            self.previous_page()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        delta = event.angleDelta().y()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if delta > 0:
                self.zoom_in()
            elif delta < 0:
                self.zoom_out()
            event.accept()
            return
        bar = self.verticalScrollBar()
        if self._mode is ViewMode.SINGLE:
            if delta < 0 and bar.value() >= bar.maximum():
                self.next_page()
                event.accept()
                return
            if delta > 0 and bar.value() <= bar.minimum() and self._current > 0:
                self.previous_page()
                bar.setValue(bar.maximum())
                event.accept()
                return
        super().wheelEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.setFocus()
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        hit = self.page_point_at(event.position())
        self._press = hit
        self._selection = None
        self._stroke = [hit[1]] if hit and self._tool is Tool.INK else []
        if hit:
            self._request_words(hit[0])
        self.viewport().update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._press is None:
            return
        hit = self.page_point_at(event.position())
        if hit is None or hit[0] != self._press[0]:
            return
        if self._tool is Tool.INK:
            self._stroke.append(hit[1])
        elif self._tool in (Tool.SELECT, Tool.HIGHLIGHT, Tool.UNDERLINE):
            words = self._words.get(hit[0]) or []
            chosen = select_range(words, self._press[1], hit[1])
            self._selection = (hit[0], chosen) if chosen else None
        self.viewport().update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        press, self._press = self._press, None
        if press is None or self._info is None or event.button() != Qt.MouseButton.LeftButton:
            return
        page, start = press
        sha = self._info.sha256
        if self._tool is Tool.INK:
            stroke, self._stroke = self._stroke, []
            if len(stroke) > 1:
                self.annotation_drawn.emit(
                    Annotation(sha, page, AnnotationKind.INK, strokes=(tuple(stroke),))
                )
        elif self._tool is Tool.NOTE:
            self.note_requested.emit(page, start[0], start[1])
        elif self._tool in (Tool.HIGHLIGHT, Tool.UNDERLINE) and self._selection:
            words = self._selection[1]
            kind = (
                AnnotationKind.HIGHLIGHT if self._tool is Tool.HIGHLIGHT
                else AnnotationKind.UNDERLINE
            )
            self.annotation_drawn.emit(
                Annotation(sha, page, kind, rects=tuple(line_rects(words)),
                           text=selected_text(words))
            )
            self._selection = None
        elif self._tool is Tool.SELECT:
            self.selection_changed.emit(self.selected_text())
        self.viewport().update()
