"""The reader's background worker: the only place the UI reaches MuPDF.

Each reader owns a private :class:`~meetingroom.ui.tasks.Lane` (one job at a
time, by priority), so its jobs run in order and never on the GUI thread;
results come back through signals of this QObject, which lives on the GUI
thread, so Qt queues them across threads (a stream of pages and search hits,
not one answer), and a job's unexpected exception comes back as any task's does.
The document itself lives in a child process (:class:`RenderProcess`): pages,
thumbnails, words and search are drawn there within a time and memory limit, so
a hostile page costs its own place ("too complex"), never the window; pixels
come back through shared memory.

Pages skip the lane: the GUI thread writes the request on the child's render pipe
and reads the answer when a socket notifier says it is there (one page asked at a
time, the most urgent first). The child draws the page straight into a slab of
shared memory, in the layout the screen paints (RGB32), and the image painted and
cached is made over that slab, without a copy. It never waits: the time limit is a timer, and a
page still drawing when it fires gets its child killed and its place marked "too
complex". Until the child has the document open (or after it died), pages go by
the lane, which starts a new child. A thread hand-off each way had cost more than
most pages take to draw.
Render jobs carry a key; a job whose key is no longer wanted (the user has
zoomed or scrolled on) is dropped before it renders.
"""

from __future__ import annotations

import heapq
import itertools
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import NamedTuple

from meetingroom.core.pdf.annotations import Annotation
from meetingroom.core.pdf.document import DEFAULT_MAX_PIXELS, DocumentInfo
from meetingroom.core.pdf.errors import OpenFailure, PageRenderError, PdfOpenError
from meetingroom.core.pdf.export import export_annotated_copy
from meetingroom.core.pdf.render_process import PageTooComplex, RenderLimits, RenderProcess
from meetingroom.ui.qt import (
    QCoreApplication,
    QElapsedTimer,
    QEventLoop,
    QImage,
    QObject,
    QSocketNotifier,
    QTimer,
    Signal,
)
from meetingroom.ui.refusals import page_failure_text
from meetingroom.ui.tasks import Lane, Task, when_readable

#: Pages searched per job, so visible pages still render during a long search.
SEARCH_SLICE = 8

PRIORITY_VISIBLE = 30
PRIORITY_TASK = 20
PRIORITY_PREFETCH = 10
PRIORITY_THUMBNAIL = 5


class RenderKey(NamedTuple):
    """Identifies one rendered image; the scale already includes devicePixelRatio."""

    page: int
    scale: float
    rotation: int
    thumbnail: bool = False


def too_complex_text() -> str:
    return QCoreApplication.translate("DocumentWorker",
                                      "Trang này quá phức tạp, không hiển thị được")


@dataclass
class _Open:
    """The open document as the worker thread knows it."""

    info: DocumentInfo
    data: bytes
    password: str | None

    @property
    def page_count(self) -> int:
        return self.info.page_count


def to_qimage(samples: bytes | memoryview, width: int, height: int, stride: int) -> QImage:
    """A deep copy of pixels the child drew in the format the screen paints without
    converting (RGB32): for renders by the lane, whose shared buffer is reused."""
    return over_pixels(samples, width, height, stride).copy()


def over_pixels(samples: bytes | memoryview, width: int, height: int, stride: int) -> QImage:
    """An image made over ``samples`` without copying them: PySide keeps ``samples``
    alive as long as the image (or any copy of it) lives, which is what frees a
    render pipe's slab for the next page (see :mod:`meetingroom.core.pdf.slabs`)."""
    return QImage(samples, width, height, stride, QImage.Format.Format_RGB32)


class DocumentWorker(QObject):
    opened = Signal(object)  # DocumentInfo
    open_failed = Signal(object)  # PdfOpenError
    page_rendered = Signal(object, object)  # RenderKey, QImage
    page_failed = Signal(object, str)  # RenderKey, message
    words_ready = Signal(int, object)  # page, list[Word]
    hits_found = Signal(int, object, bool)  # generation, list[SearchHit], finished
    exported = Signal(str)
    export_failed = Signal(str)
    task_failed = Signal(str)

    def __init__(self, parent: QObject | None = None,
                 limits: RenderLimits | None = None) -> None:
        super().__init__(parent)
        #: The document's child process; killed and replaced when a page is over its limits.
        self.process = RenderProcess(limits)
        #: Every job of this document, one at a time: the child process serves one request.
        self.lane = Lane("meetingroom-document", self)
        self._lock = threading.Lock()
        self._wanted: set[RenderKey] = set()
        self._queued: set[RenderKey] = set()
        self._document: _Open | None = None  # touched only inside jobs
        self._generation = 0  # bumps on every open, so late results are recognisable
        self._search_generation = 0
        #: Pages of the open document that went over their limits: never asked again.
        self._over_limits: set[int] = set()
        self._closing = False
        # The render pipe, all on the GUI thread (see the module docstring).
        self._pipe: Connection | None = None
        self._notifier: QSocketNotifier | None = None
        self._asked: tuple[RenderKey, int] | None = None  # on the pipe, not answered yet
        self._waiting: list[tuple[int, int, RenderKey]] = []  # (-priority, order, key)
        self._order = itertools.count()
        self._limit = QTimer(self)
        self._limit.setSingleShot(True)
        self._limit.timeout.connect(self._over_time)
        #: Pages answered on the render pipe and by the lane, for tests and the benchmark.
        self.pages_by_pipe = 0
        self.pages_by_lane = 0

    # -- plumbing -----------------------------------------------------------------

    def _submit(self, work: Callable[[], None], priority: int = PRIORITY_TASK) -> None:
        if not self._closing:
            Task(work).run(self, lane=self.lane, priority=priority)

    def submit(self, work: Callable[[], None]) -> None:
        """Run a small task (e.g. an annotation store write) off the GUI thread, in order;
        its failure is shown as ``task_failed``."""
        if not self._closing:
            Task(work).failure(lambda exc: self.task_failed.emit(str(exc))) \
                .run(self, lane=self.lane, priority=PRIORITY_TASK)

    def wait_idle(self, msecs: int = -1) -> bool:
        """For tests and the benchmark; the GUI never calls this while a reader is in use.

        Pages on the render pipe are answered on this (the GUI) thread, so waiting for
        them runs its events.
        """
        timer = QElapsedTimer()
        timer.start()

        def left() -> int:
            return -1 if msecs < 0 else max(0, msecs - timer.elapsed())

        while True:
            if not self.lane.wait_idle(left()):
                return False
            if self._asked is None and not self._waiting:
                return True
            if msecs >= 0 and timer.elapsed() >= msecs:
                return False
            if self._asked is None:
                self._ask_next()
                continue
            # Sleeps until an event comes: the answer, or at worst the page's time limit.
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)

    def shutdown(self) -> None:
        """Finish queued writes and exports, skip queued renders, close the document.

        Nothing is cleared from the queue: an annotation write still waiting
        must reach the store, and render jobs return at once when closing.
        """
        self._closing = True
        self._waiting.clear()
        self._unwatch()
        self.process.shutdown()  # a render still waiting on the child returns at once
        self.lane.wait_idle()
        self._document = None

    # -- document -----------------------------------------------------------------

    def open(self, data: bytes, password: str | None = None) -> None:
        with self._lock:
            self._generation += 1
            generation = self._generation
            self._wanted.clear()

        def job() -> None:
            self._close_current()
            try:
                info = self.process.open(data, password)
            except PdfOpenError as exc:
                self.open_failed.emit(exc)
                return
            except Exception as exc:  # MuPDF surprises must not kill the app
                self.open_failed.emit(PdfOpenError(OpenFailure.DAMAGED, str(exc)))
                return
            if generation != self._generation:
                return
            self._document = _Open(info, data, password)
            self._over_limits = set()
            self.opened.emit(info)

        self._submit(job, PRIORITY_VISIBLE + 10)

    def close_document(self) -> None:
        with self._lock:
            self._generation += 1
            self._wanted.clear()
        self._submit(self._close_current, PRIORITY_VISIBLE + 10)

    def _close_current(self) -> None:
        if self._document is not None:
            self._document = None
            self.process.close_document()

    # -- rendering ----------------------------------------------------------------

    def set_wanted(self, keys: Iterable[RenderKey]) -> None:
        """Page keys still useful; queued page renders for anything else are skipped.

        Thumbnails are left alone: their list view asks for them separately.
        """
        with self._lock:
            self._wanted = {k for k in self._wanted if k.thumbnail} | set(keys)

    def request(self, key: RenderKey, priority: int = PRIORITY_VISIBLE) -> None:
        """Ask for a page (on the GUI thread): by the render pipe when the child is up."""
        with self._lock:
            self._wanted.add(key)
            if key in self._queued:
                return
            self._queued.add(key)
        if self._closing:
            return
        if self.process.page_pipe() is None:
            self._submit(lambda: self._render(key), priority)
            return
        heapq.heappush(self._waiting, (-priority, next(self._order), key))
        self._ask_next()

    def _by_lane(self, key: RenderKey, priority: int) -> None:
        with self._lock:
            self._wanted.add(key)
            self._queued.add(key)
        self._submit(lambda: self._render(key), priority)

    # -- the render pipe (GUI thread) -------------------------------------------------

    def _watch(self) -> Connection | None:
        """The current child's render pipe, watched by a notifier; None if there is none."""
        pipe = self.process.page_pipe()
        if pipe is not self._pipe:
            self._unwatch()
            if pipe is not None:
                self._pipe = pipe
                self._notifier = when_readable(pipe.fileno(), self, self._on_answer)
        return self._pipe

    def _unwatch(self) -> None:
        """Stop watching the pipe and close it; a page still asked on it goes by the lane."""
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._pipe is not None:
            self._pipe.close()
            self._pipe = None
        if self._asked is not None:
            key, priority = self._asked
            self._asked = None
            self._limit.stop()
            self._by_lane(key, priority)

    def _ask_next(self) -> None:
        """Ask the child for the most urgent page still wanted, if none is being drawn."""
        while self._asked is None and self._waiting and not self._closing:
            minus_priority, _order, key = heapq.heappop(self._waiting)
            with self._lock:
                self._queued.discard(key)
                if key not in self._wanted:
                    continue
                if key.thumbnail:
                    self._wanted.discard(key)
            document = self._document
            if document is None or not 0 <= key.page < document.page_count:
                continue
            if key.page in self._over_limits:
                self.page_failed.emit(key, too_complex_text())
                continue
            pipe = self._watch()
            if pipe is None or not self.process.send_page_request(
                    pipe, key.page, key.scale, key.rotation, self._size_hint(key)):
                self._by_lane(key, -minus_priority)
                continue
            self._asked = (key, -minus_priority)
            self._limit.start(int(self.process.limits.page_seconds * 1000))

    def _size_hint(self, key: RenderKey) -> int:
        """Bytes the page's render is about to need, so its slab is the right size."""
        assert self._document is not None
        w, h = self._document.info.pages[key.page].display_size(key.rotation)
        pixels = min((w * key.scale + 2) * (h * key.scale + 2), DEFAULT_MAX_PIXELS)
        return 4 * int(pixels)

    def _on_answer(self) -> None:
        """The render pipe is readable: the page asked is drawn (or the child is gone)."""
        pipe, asked = self._pipe, self._asked
        if pipe is None:
            return
        if asked is None:  # nothing asked, so this is the end of the pipe: a child died
            self._unwatch()
            self._ask_next()
            return
        answer = self.process.read_page_answer(pipe)
        if answer[0] == "pending":
            return
        key, priority = asked
        self._limit.stop()
        self._asked = None
        if answer[0] == "page":
            page, pixels = answer[1], answer[2]
            # The page is painted from its slab, no copy; a thumbnail is copied out of
            # it, so its slab is free again at once.
            image = over_pixels(pixels, page.width, page.height, page.stride)
            if key.thumbnail:
                image = image.copy()
            del answer, pixels
            self.pages_by_pipe += 1
            self.page_rendered.emit(key, image)
        elif answer[0] == "too_complex":
            self._over_limits.add(key.page)
            self.page_failed.emit(key, too_complex_text())
        elif answer[0] == "error":
            self.page_failed.emit(key, page_failure_text(key.page))
        else:  # the child died under some call: this page was not to blame, ask again
            self._unwatch()
            self._by_lane(key, priority)
        self._ask_next()

    def _over_time(self) -> None:
        """The page asked is still drawing at its time limit: kill its child (no wait)."""
        pipe, asked = self._pipe, self._asked
        if pipe is None or asked is None:
            return
        key, priority = asked
        self._asked = None
        if self.process.abandon(pipe):
            self._over_limits.add(key.page)
            self.page_failed.emit(key, too_complex_text())
        else:  # its child had already been replaced: not this page's fault
            self._by_lane(key, priority)
        self._unwatch()
        self._ask_next()

    def _render(self, key: RenderKey) -> None:
        with self._lock:
            self._queued.discard(key)
            if key not in self._wanted or self._closing:
                return
            if key.thumbnail:
                self._wanted.discard(key)
        document = self._document
        if document is None or not 0 <= key.page < document.page_count:
            return
        if key.page in self._over_limits:
            self.page_failed.emit(key, too_complex_text())
            return
        try:
            page, pixels = self.process.render(key.page, key.scale, key.rotation)
        except PageTooComplex:
            self._over_limits.add(key.page)
            self.page_failed.emit(key, too_complex_text())
            return
        except PageRenderError as exc:
            self.page_failed.emit(key, page_failure_text(exc.page))
            return
        # The one copy on this side: into the format the screen paints, off the GUI thread.
        image = to_qimage(pixels, page.width, page.height, page.stride)
        pixels.release()
        self.pages_by_lane += 1
        self.page_rendered.emit(key, image)

    # -- text -----------------------------------------------------------------------

    def request_words(self, page: int) -> None:
        def job() -> None:
            if self._document is not None and 0 <= page < self._document.page_count:
                over = page in self._over_limits
                self.words_ready.emit(page, [] if over else self.process.words(page))

        # After the visible pages' renders: the page matters more than its selectable text.
        self._submit(job, PRIORITY_VISIBLE - 1)

    def search(self, query: str) -> int:
        """Start a search in slices; returns the generation its results carry."""
        with self._lock:
            self._search_generation += 1
            generation = self._search_generation

        def job(start: int) -> None:
            document = self._document
            if generation != self._search_generation or document is None or self._closing:
                return
            stop = min(start + SEARCH_SLICE, document.page_count)
            hits = self.process.search(
                query, [p for p in range(start, stop) if p not in self._over_limits])
            finished = stop >= document.page_count
            self.hits_found.emit(generation, hits, finished)
            if not finished:
                self._submit(lambda: job(stop), PRIORITY_TASK)

        self._submit(lambda: job(0), PRIORITY_TASK)
        return generation

    # -- export ---------------------------------------------------------------------

    def export(
        self, annotations: Sequence[Annotation], target: Path, watermark: str | None
    ) -> None:
        def job() -> None:
            document = self._document
            if document is None:
                self.export_failed.emit("Chưa mở tài liệu nào (no document is open)")
                return
            try:
                export_annotated_copy(
                    document.data, annotations, target,
                    watermark=watermark, password=document.password,
                )
            except Exception as exc:
                self.export_failed.emit(
                    f"Không xuất được bản có ghi chú (the annotated copy could not be saved): "
                    f"{exc}"
                )
                return
            self.exported.emit(str(target))

        self._submit(job, PRIORITY_TASK)
