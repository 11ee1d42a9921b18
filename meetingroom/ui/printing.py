"""Printing a PDF (the minutes, a record) on a printer the user chose.

Qt prints by painting on a :class:`QPrinter`; a PDF must first become pixels. Rendering
a page at printer resolution takes tens of milliseconds, so the pages are rendered off
the GUI thread (a task, meetingroom/ui/tasks.py; in a child process within limits,
:class:`RenderProcess`, as the reader does: a hostile page cannot hang or exhaust the
app) and painted on the GUI thread as
each arrives: a long document never freezes the window, and a page that fails
to render is reported instead of aborting the whole job halfway.
"""

from __future__ import annotations

import threading

from meetingroom.core.pdf.errors import PageRenderError, PdfOpenError
from meetingroom.core.pdf.render_process import PageTooComplex, RenderProcess
from meetingroom.ui.qt import (
    QCoreApplication,
    QImage,
    QObject,
    QPainter,
    QPrinter,
    QRectF,
    Signal,
)
from meetingroom.ui.reader.document_worker import to_qimage
from meetingroom.ui.refusals import pdf_failure_text
from meetingroom.ui.tasks import Task

# Pages are rendered at the printer's resolution, but never finer than this: office
# printers print 300-600 dpi and text at 300 dpi is already sharper than the toner.
MAX_PRINT_DPI = 300


def tr(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


class _Render:
    """The pages at printer resolution, one after another, two ahead of the painter."""

    def __init__(self, job: PdfPrintJob, data: bytes, dpi: int) -> None:
        self.job, self.data, self.dpi = job, data, dpi

    def run(self) -> None:
        process = RenderProcess()
        try:
            self._print(process)
        finally:
            process.shutdown()

    def _print(self, process: RenderProcess) -> None:
        try:
            count = process.open(self.data).page_count
        except PdfOpenError as exc:
            self.job.render_failed.emit(pdf_failure_text(exc.kind))
            return
        for index in range(count):
            # A page at 300 dpi is ~35 MB: render ahead of the painter by two at most.
            while not self.job.slots.acquire(timeout=0.5):
                if self.job.cancelled.is_set():
                    return
            if self.job.cancelled.is_set():
                return
            try:
                page, pixels = process.render(index, self.dpi / 72.0)
            except (PageRenderError, PageTooComplex):
                self.job.render_failed.emit(tr("Không in được trang {page}").format(
                    page=index + 1))
                return
            image = to_qimage(pixels, page.width, page.height, page.stride)
            pixels.release()
            self.job.page_rendered.emit(index, count, image)


class PdfPrintJob(QObject):
    """Print ``data`` (a PDF) on ``printer``; ``finished(pages)`` or ``failed(message)``."""

    finished = Signal(int)
    failed = Signal(str)
    progress = Signal(int, int)  # pages printed, pages in all
    page_rendered = Signal(int, int, object)  # index, page count, QImage (from the pool thread)
    render_failed = Signal(str)

    def __init__(self, data: bytes, printer: QPrinter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.printer = printer
        self.cancelled = threading.Event()
        self.slots = threading.Semaphore(2)
        self.painter: QPainter | None = None
        self.done = False
        self.page_rendered.connect(self._paint)
        self.render_failed.connect(self._fail)

    def start(self) -> None:
        dpi = max(72, min(self.printer.resolution(), MAX_PRINT_DPI))
        # Pages stream back as ``page_rendered``; an unexpected end is the job's failure.
        Task(_Render(self, self.data, dpi).run) \
            .failure(lambda exc: self._fail(tr("Không in được: {error}").format(error=exc))) \
            .run(self)

    def cancel(self) -> None:
        self.cancelled.set()
        self._end()

    def _paint(self, index: int, count: int, image: QImage) -> None:
        if self.done or self.cancelled.is_set():
            return
        if self.painter is None:
            self.painter = QPainter()
            if not self.painter.begin(self.printer):
                self.painter = None
                self._fail(tr("Không mở được máy in"))
                return
        elif not self.printer.newPage():
            self._fail(tr("Máy in không nhận thêm trang"))
            return
        area = self.printer.pageRect(QPrinter.Unit.DevicePixel)
        scale = min(area.width() / image.width(), area.height() / image.height())
        width, height = image.width() * scale, image.height() * scale
        # Page rect coordinates are relative to the printable area the painter starts at.
        target = QRectF((area.width() - width) / 2, (area.height() - height) / 2, width, height)
        self.painter.drawImage(target, image)
        self.slots.release()
        self.progress.emit(index + 1, count)
        if index + 1 == count:
            self._end()
            self.done = True
            self.finished.emit(count)

    def _fail(self, message: str) -> None:
        if self.done:
            return
        self.cancelled.set()
        self._end()
        self.done = True
        self.failed.emit(message)

    def _end(self) -> None:
        if self.painter is not None:
            self.painter.end()
            self.painter = None
