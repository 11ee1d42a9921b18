"""An open PDF: classification of open failures, rendering, words, search.

Every MuPDF call goes through :data:`MUPDF_LOCK`. PyMuPDF is not safe to use
from several threads at once, even on different documents, and each reader
renders on its own worker thread; the lock makes those workers take turns.
The GUI thread never calls into this module while a reader is showing.
"""

# PyMuPDF leaves most signatures unannotated; only untyped *calls* are tolerated.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import hashlib
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pymupdf
from pymupdf import mupdf

from meetingroom.core.pdf.errors import OpenFailure, PageRenderError, PdfOpenError
from meetingroom.core.pdf.geometry import PageGeometry, PdfRect
from meetingroom.core.pdf.outline import OutlineEntry, read_outline
from meetingroom.core.pdf.sniff import HEADER_WINDOW, sniff
from meetingroom.core.pdf.text_search import find_in_words
from meetingroom.core.pdf.text_selection import Word

MUPDF_LOCK = threading.RLock()

#: A4 portrait, shown for a page whose size cannot be read (it renders as an error).
FALLBACK_GEOMETRY = PageGeometry(595.0, 842.0, 0)

#: MuPDF's blue-green-red colorspace: with alpha, a pixel is laid out as Qt's RGB32.
_BGR = mupdf.fz_device_bgr()

#: Cap on one rendered image; huge posters and extreme zoom render at lower scale.
DEFAULT_MAX_PIXELS = 40_000_000

# MuPDF prints recoverable syntax errors to stderr; we report failures ourselves.
pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_pdf_file(path: Path) -> bytes:
    """Read a file, turning OS errors into the reader's own message."""
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise PdfOpenError(OpenFailure.NOT_FOUND, str(exc)) from exc


@dataclass(frozen=True)
class RenderedPage:
    """Raw RGB pixels; the UI wraps them in a QImage without another copy of the logic."""

    page: int
    width: int
    height: int
    stride: int
    samples: bytes
    scale: float


@dataclass(frozen=True)
class DocumentInfo:
    """What a view needs to lay pages out, copied so it can cross to the GUI thread."""

    sha256: str
    page_count: int
    pages: tuple[PageGeometry, ...]
    outline: tuple[OutlineEntry, ...]
    encrypted: bool


@dataclass(frozen=True)
class SearchHit:
    """``rect`` is the first line of the match; ``rects`` every line it spans."""

    page: int
    rect: PdfRect
    context: str
    rects: tuple[PdfRect, ...] = ()


class PdfDocument:
    """One opened document; use it from one thread at a time — the reader's worker."""

    def __init__(self, doc: Any, data: bytes, password: str | None) -> None:
        self._doc = doc
        self.data = data
        self.password = password
        self.sha256 = sha256_hex(data)
        self.page_count: int = doc.page_count
        self.pages: list[PageGeometry] = [self._geometry(i) for i in range(self.page_count)]
        self.outline: list[OutlineEntry] = read_outline(doc)
        self._words: dict[int, list[Word]] = {}

    @classmethod
    def open(cls, data: bytes, password: str | None = None) -> PdfDocument:
        """Open from bytes or raise :class:`PdfOpenError` saying why not."""
        # MuPDF would "repair" any bytes into a blank page; viewers require the header.
        refused = sniff(data[:HEADER_WINDOW])
        if refused is not None:
            raise PdfOpenError(refused)
        with MUPDF_LOCK:
            try:
                doc = pymupdf.open(stream=data, filetype="pdf")
            except pymupdf.EmptyFileError as exc:
                raise PdfOpenError(OpenFailure.EMPTY, str(exc)) from exc
            except Exception as exc:
                raise PdfOpenError(OpenFailure.DAMAGED, str(exc)) from exc
            try:
                if doc.needs_pass:
                    if password is None:
                        raise PdfOpenError(OpenFailure.NEEDS_PASSWORD)
                    if not doc.authenticate(password):
                        raise PdfOpenError(OpenFailure.WRONG_PASSWORD)
                if doc.page_count < 1:
                    raise PdfOpenError(OpenFailure.NO_PAGES)
                return cls(doc, data, password if doc.is_encrypted or password else None)
            except PdfOpenError:
                doc.close()
                raise
            except Exception as exc:
                doc.close()
                raise PdfOpenError(OpenFailure.DAMAGED, str(exc)) from exc

    @classmethod
    def open_file(cls, path: Path, password: str | None = None) -> PdfDocument:
        return cls.open(read_pdf_file(path), password)

    def info(self) -> DocumentInfo:
        return DocumentInfo(
            self.sha256, self.page_count, tuple(self.pages), tuple(self.outline),
            self.password is not None,
        )

    def _geometry(self, index: int) -> PageGeometry:
        try:
            page = self._doc.load_page(index)
            box = page.rect * page.derotation_matrix
            width, height = abs(box.width), abs(box.height)
            if width < 1 or height < 1:
                return FALLBACK_GEOMETRY
            return PageGeometry(width, height, int(page.rotation) % 360)
        except Exception:
            return FALLBACK_GEOMETRY

    def close(self) -> None:
        with MUPDF_LOCK:
            self._doc.close()

    def render(
        self,
        index: int,
        scale: float,
        user_rotation: int = 0,
        *,
        max_pixels: int = DEFAULT_MAX_PIXELS,
    ) -> RenderedPage:
        """Render a page at ``scale`` pixels per point, rotated on top of its own rotation.

        The scale is lowered when the image would exceed ``max_pixels``, so a
        poster-sized page cannot exhaust memory; the view scales it back up.
        """
        pix, scale = self.pixmap(index, scale, user_rotation, max_pixels=max_pixels)
        return RenderedPage(index, pix.width, pix.height, pix.stride, pix.samples, scale)

    def pixmap(
        self,
        index: int,
        scale: float,
        user_rotation: int = 0,
        *,
        max_pixels: int = DEFAULT_MAX_PIXELS,
    ) -> tuple[pymupdf.Pixmap, float]:
        """The page's RGB pixmap and the scale it was drawn at (see :meth:`render`).

        For the render child, which copies ``samples_mv`` straight into shared
        memory: a ``bytes`` copy of every page first cost a millisecond or two.
        """
        scale = self._bounded_scale(index, scale, user_rotation, max_pixels)
        with MUPDF_LOCK:
            try:
                page = self._doc.load_page(index)
                matrix = pymupdf.Matrix(scale, scale).prerotate(user_rotation)
                pix = page.get_pixmap(matrix=matrix, alpha=False, colorspace=pymupdf.csRGB)
            except Exception as exc:
                raise PageRenderError(index, str(exc)) from exc
        return pix, scale

    def _bounded_scale(self, index: int, scale: float, user_rotation: int,
                       max_pixels: int) -> float:
        """``scale``, lowered so the page stays within ``max_pixels``: a huge page box
        must not ask for gigabytes of pixels."""
        w, h = self.pages[index].display_size(user_rotation)
        if w * h * scale * scale > max_pixels:
            return float((max_pixels / (w * h)) ** 0.5)
        return scale

    def draw_into(
        self,
        index: int,
        scale: float,
        user_rotation: int,
        target: memoryview,
        *,
        max_pixels: int = DEFAULT_MAX_PIXELS,
    ) -> tuple[int, int, int, float] | int:
        """Draw the page straight into ``target`` as 32-bit BGRX, Qt's ``Format_RGB32``
        in memory; returns ``(width, height, stride, scale)``, or, when ``target`` is too
        small, the bytes the page needs — nothing drawn.

        For the render child, whose target is shared memory the reader paints from:
        MuPDF's own pixmap — a fresh allocation, its pages faulted in on every render —
        then a copy into shared memory, then an RGB888 to RGB32 conversion in the
        window had made a page cost twice what MuPDF takes to draw it. The page is
        run directly, without the display list ``get_pixmap`` records first.
        """
        scale = self._bounded_scale(index, scale, user_rotation, max_pixels)
        with MUPDF_LOCK:
            try:
                page = self._doc.load_page(index)
                matrix = mupdf.FzMatrix(*tuple(pymupdf.Matrix(scale, scale)
                                               .prerotate(user_rotation)))
                box = mupdf.fz_round_rect(
                    mupdf.fz_transform_rect(mupdf.fz_bound_page(page.this), matrix))
                width, height = int(box.x1 - box.x0), int(box.y1 - box.y0)
                if not (width > 0 and height > 0 and width * height <= 2 * max_pixels):
                    raise ValueError(f"page box {width}x{height}")
                stride = 4 * width
                need = stride * height
                if need > len(target):
                    return need
                pix = mupdf.fz_new_pixmap_with_data(
                    _BGR, width, height, mupdf.FzSeparations(), 1, stride,
                    mupdf.python_mutable_buffer_data(target))
                pix.m_internal.x, pix.m_internal.y = box.x0, box.y0
                mupdf.fz_clear_pixmap_with_value(pix, 0xFF)  # white, alpha 255: RGB32
                device = mupdf.fz_new_draw_device(matrix, pix)
                try:
                    mupdf.fz_run_page(page.this, device, mupdf.FzMatrix(), mupdf.FzCookie())
                finally:
                    mupdf.fz_close_device(device)
            except Exception as exc:
                raise PageRenderError(index, str(exc)) from exc
        return width, height, stride, scale

    def words(self, index: int) -> list[Word]:
        """Words of a page in reading order; a page that fails has no text."""
        cached = self._words.get(index)
        if cached is not None:
            return cached
        with MUPDF_LOCK:
            try:
                raw = self._doc.load_page(index).get_text("words")
            except Exception:
                raw = []
        words = [
            Word(PdfRect(float(x0), float(y0), float(x1), float(y1)), str(t), int(b), int(ln))
            for x0, y0, x1, y1, t, b, ln, _ in raw
        ]
        self._words[index] = words
        return words

    def search(
        self, query: str, *, pages: Sequence[int] | None = None, max_hits: int = 5000
    ) -> list[SearchHit]:
        """All hits in page order, case-insensitive for every script (see text_search).

        ``pages`` lets a caller search in slices, so renders can run in between.
        """
        query = query.strip()
        hits: list[SearchHit] = []
        if not query:
            return hits
        for index in pages if pages is not None else range(self.page_count):
            for rects in find_in_words(self.words(index), query):
                hits.append(SearchHit(index, rects[0], self._context(index, rects[0]), rects))
                if len(hits) >= max_hits:
                    return hits
        return hits

    def _context(self, index: int, rect: PdfRect) -> str:
        """The text line around a hit, so the hit list can be read without the page."""
        middle = (rect.y0 + rect.y1) / 2
        line = [w for w in self.words(index) if w.rect.y0 <= middle <= w.rect.y1]
        text = " ".join(w.text for w in line)
        return text if len(text) <= 120 else text[:117] + "…"
