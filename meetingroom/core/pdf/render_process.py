"""A document opened in a child process, so no page can take the window down (issue 20).

MuPDF holds the GIL while it draws and a hostile page may never finish, a form that
draws another form ten times, nine levels deep, or may eat memory without end. Here
the document lives in a spawned child with a memory cap (``RLIMIT_AS``); every call
waits at most its time limit, and a child over a limit (or dead) is killed and
replaced on the next call, which opens the document again: the page reports
:class:`PageTooComplex`, the rest of the document stays usable.

Pixels come back through shared memory owned by the parent: MuPDF draws the page
straight into it, in Qt's RGB32 layout, and the parent reads it in place, with no
pickling or pipe copy of the image — the worker's calls: one block, reused and grown
when a page needs more; the render pipe: a slab per page, see :mod:`.slabs`.

The calls block, so they are made from the reader's worker thread, never the GUI
thread; :meth:`RenderProcess.shutdown` may be called from any thread and makes a
waiting call return at once. Pages have a second pipe to the same child, which the
GUI thread writes to and reads from itself when the pipe is readable — a socket
notifier, :meth:`RenderProcess.page_pipe`, with a block of shared memory of its
own: a page then costs no thread hand-off, which on a busy 2-core laptop was most
of the time between asking for a page and painting it.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing import resource_tracker
from multiprocessing.connection import Connection, wait
from multiprocessing.shared_memory import SharedMemory
from typing import Any

from meetingroom.core.pdf.check import cap_memory, is_memory_error
from meetingroom.core.pdf.document import DocumentInfo, PdfDocument, SearchHit
from meetingroom.core.pdf.errors import OpenFailure, PageRenderError, PdfOpenError
from meetingroom.core.pdf.slabs import Slab, SlabPool
from meetingroom.core.pdf.text_selection import Word


@dataclass(frozen=True)
class RenderLimits:
    """What one call may cost the reader's child; a busy 2-core laptop is allowed for."""

    page_seconds: float = 10.0
    open_seconds: float = 30.0
    memory_bytes: int = 1536 << 20


class PageTooComplex(Exception):  # noqa: N818 (a verdict on the page, not an error)
    """A page went over its time or memory limit; its child was killed."""

    def __init__(self, page: int) -> None:
        super().__init__(f"page {page + 1} is over its limits")
        self.page = page


@dataclass(frozen=True)
class SharedPage:
    """Where the pixels of a render are: the first ``stride * height`` bytes of the
    block it was drawn into (BGRX, Qt's ``Format_RGB32``)."""

    page: int
    width: int
    height: int
    stride: int
    scale: float


_INITIAL_BUFFER = 16 << 20


#: Shared-memory blocks a child keeps attached (the worker's one, the render pipe's
#: slabs, least recently used dropped first): mapped, they count against its memory cap.
_ATTACHED = 16
#: How long the child keeps looking for the next request after answering one, before it
#: sleeps: a reader paging through a document asks again within a few milliseconds, and
#: a process woken from sleep starts late and draws with cold caches (a 2.3 ms page took
#: 4.4 ms through the child).
_AWAKE_S = 0.02


def _serve(conn: Connection, pages: Connection, memory_bytes: int) -> None:
    """The child: one document, requests answered in order until a pipe closes.

    ``conn`` carries the worker thread's calls (open, words, search, renders);
    ``pages`` the GUI thread's page renders, read there by a socket notifier, so a
    page reaches the screen without a thread hand-off. Each answer goes back on the
    pipe its request came on.
    """
    cap_memory(memory_bytes)
    document: PdfDocument | None = None
    buffers: dict[str, SharedMemory] = {}

    def attach(name: str) -> memoryview:
        block = buffers.pop(name, None)
        if block is None:
            if len(buffers) >= _ATTACHED:
                buffers.pop(next(iter(buffers))).close()
            # Attaching registers the block again with the parent's resource tracker
            # (shared, see _ensure_child; a set, so once): the parent unlinks it.
            block = SharedMemory(name)
        buffers[name] = block  # most recently used last
        view = block.buf
        assert view is not None
        return view

    answered = 0.0
    while True:
        try:
            ready: list[Any] = []
            while not ready and time.monotonic() - answered < _AWAKE_S:
                ready = wait([conn, pages], timeout=0)  # awake: the next page comes soon
            ready = ready or wait([conn, pages])
            pipe = ready[0]
            assert isinstance(pipe, Connection)
            request = pipe.recv()
        except (EOFError, OSError):
            return
        op = request[0]
        try:
            if op == "open":
                if document is not None:
                    document.close()
                    document = None
                document = PdfDocument.open(request[1], request[2])
                pipe.send(("ok", document.info()))
            elif document is None:
                pipe.send(("error", "no document"))
            elif op == "render":
                _op, index, scale, rotation, name, size, forget = request
                for gone in forget:  # blocks the parent has unlinked: let their memory go
                    block = buffers.pop(gone, None)
                    if block is not None:
                        block.close()
                drawn = document.draw_into(index, scale, rotation, attach(name)[:size])
                if isinstance(drawn, int):  # the block is too small: nothing was drawn
                    pipe.send(("need", drawn))
                else:
                    width, height, stride, shown = drawn
                    pipe.send(("page", SharedPage(index, width, height, stride, shown)))
            elif op == "words":
                pipe.send(("ok", document.words(request[1])))
            elif op == "search":
                pipe.send(("ok", document.search(request[1], pages=request[2])))
        except PdfOpenError as exc:
            pipe.send(("open_failed", exc.kind, exc.detail))
        except PageRenderError as exc:
            cause = exc.__cause__ or exc
            pipe.send(("too_complex" if is_memory_error(cause) else "error", exc.detail))
        except MemoryError:
            with contextlib.suppress(Exception):
                pipe.send(("too_complex", "memory"))
        answered = time.monotonic()


class RenderProcess:
    """The reader's one document, in a child process; see the module docstring."""

    def __init__(self, limits: RenderLimits | None = None) -> None:
        self.limits = limits or RenderLimits()
        self._lock = threading.Lock()
        self._process: Any = None
        self._conn: Connection | None = None
        #: The parent's end of the current child's render pipe (see :meth:`page_pipe`).
        self._pages: Connection | None = None
        #: True once the current child has the document open: the render pipe is usable.
        self._ready = False
        self._dead: list[Any] = []  # children killed by abandon(), joined off the GUI thread
        self._shm: SharedMemory | None = None
        #: The render pipe's slabs: each page is drawn into one and painted from it.
        self.slabs = SlabPool()
        #: The page asked on the render pipe and its slab (one at a time).
        self._asked: tuple[int, float, int, Slab] | None = None
        self._opened: tuple[bytes, str | None] | None = None
        self._closed = False
        #: Children started so far (the first and every replacement), for tests and logs.
        self.started = 0
        #: Shared-memory blocks made so far: a few, reused, however many pages are drawn.
        self.blocks_made = 0

    # --- the child's life ---------------------------------------------------------

    def _ensure_child(self) -> Connection:
        with self._lock:
            if self._closed:
                raise PageTooComplex(-1)
            if self._conn is not None:
                return self._conn
            # The child must share this process's resource tracker, or it would start its
            # own, which reports the parent's buffer as leaked when the child is killed.
            resource_tracker.ensure_running()
            ctx = multiprocessing.get_context("spawn")
            for dead in self._dead:
                dead.join(5)
            self._dead.clear()
            parent_end, child_end = ctx.Pipe()
            pages_end, child_pages = ctx.Pipe()
            process = ctx.Process(target=_serve,
                                  args=(child_end, child_pages, self.limits.memory_bytes),
                                  daemon=True, name="meetingroom-pdf-render")
            process.start()
            child_end.close()
            child_pages.close()
            self._process, self._conn, self._pages = process, parent_end, pages_end
            self.started += 1
            reopen = self._opened
        if reopen is not None:
            answer = self._call(("open", *reopen), self.limits.open_seconds, -1)
            if answer[0] != "ok":
                self._kill()
                raise PageTooComplex(-1)
            with self._lock:
                self._ready = self._conn is parent_end
        return parent_end

    def _kill(self) -> None:
        with self._lock:
            process, conn = self._process, self._conn
            self._process = self._conn = None
            # The render pipe's end stays open for its reader on the GUI thread, which
            # hears the child's death as the end of that pipe and closes it.
            self._pages, self._ready = None, False
        if conn is not None:
            conn.close()
        if process is not None:
            if process.is_alive():
                process.kill()
            process.join(5)
            with contextlib.suppress(ValueError):
                process.close()

    def _call(self, request: tuple[Any, ...], timeout: float, page: int) -> tuple[Any, ...]:
        conn = self._conn if request[0] == "open" and self._conn is not None \
            else self._ensure_child()
        try:
            conn.send(request)
            if not conn.poll(timeout):
                raise TimeoutError
            answer: tuple[Any, ...] = conn.recv()
        except (TimeoutError, EOFError, OSError, ValueError):
            self._kill()
            raise PageTooComplex(page) from None
        return answer

    def shutdown(self) -> None:
        """Kill the child and free the buffer; any call still waiting returns at once."""
        with self._lock:
            self._closed = True
        self._kill()
        for dead in self._dead:
            dead.join(5)
        self._dead.clear()
        if self._shm is not None:
            self._shm.close()
            with contextlib.suppress(FileNotFoundError):
                self._shm.unlink()
        self._shm = None
        self._asked = None
        self.slabs.close()

    # --- the document -------------------------------------------------------------

    def open(self, data: bytes, password: str | None = None) -> DocumentInfo:
        """Open in the child; raises :class:`PdfOpenError`, a file that cannot even be
        opened within the limits is DAMAGED."""
        self._opened = None
        self._ensure_child()
        try:
            answer = self._call(("open", data, password), self.limits.open_seconds, -1)
        except PageTooComplex:
            raise PdfOpenError(OpenFailure.DAMAGED, "over the limits while opening") from None
        if answer[0] == "open_failed":
            raise PdfOpenError(answer[1], answer[2])
        if answer[0] != "ok":
            raise PdfOpenError(OpenFailure.DAMAGED, str(answer[1:]))
        self._opened = (data, password)
        with self._lock:
            self._ready = self._conn is not None
        info: DocumentInfo = answer[1]
        return info

    def close_document(self) -> None:
        self._opened = None
        self._kill()

    # --- pages over the render pipe, for the GUI thread ------------------------------

    def page_pipe(self) -> Connection | None:
        """The parent's end of the render pipe of a child that has the document open,
        or None — no child, or one still starting or opening: render through
        :meth:`render` on the worker thread instead, which starts one.

        The caller owns every pipe this returns: it watches it for answers — a socket
        notifier on the GUI thread, and closes it once it has read its end or a
        newer child's pipe has replaced it.
        """
        with self._lock:
            return self._pages if self._ready else None

    def send_page_request(self, pipe: Connection, index: int, scale: float,
                          rotation: int = 0, size_hint: int = _INITIAL_BUFFER) -> bool:
        """Ask for a page on the render pipe without waiting — a message of a few dozen
        bytes into an empty pipe; the answer is read by :meth:`read_page_answer`
        when the pipe is readable. The page is drawn into a free slab of about
        ``size_hint`` bytes — the page's estimated size; a larger one is taken if the
        page needs it. False when the pipe is already gone."""
        if self._asked is not None:  # asked on a pipe that died unanswered: free its slab
            self._asked[3].asked = False
        slab = self.slabs.take(size_hint)
        self._asked = (index, scale, rotation, slab)
        return self._send_render(pipe)

    def _send_render(self, pipe: Connection) -> bool:
        assert self._asked is not None
        index, scale, rotation, slab = self._asked
        try:
            pipe.send(("render", index, scale, rotation, slab.name, slab.size,
                       self.slabs.forget()))
        except (OSError, ValueError):
            slab.asked = False
            self._asked = None
            return False
        return True

    def read_page_answer(self, pipe: Connection) -> tuple[Any, ...]:
        """Read the answer waiting on the render pipe (call only when it is readable).

        Returns ``("page", SharedPage, memoryview)`` — the pixels (Qt's RGB32 layout)
        in a slab of their own, lent to the caller: the slab is not reused while
        that view (or an image made over it) lives, ``("pending",)`` — the page
        needed a larger slab: asked again, answer still to come, ``("too_complex",)``,
        ``("error", detail)``, or ``("lost",)``: the child died (killed over some
        call's limits, or by :meth:`abandon`); the caller closes the pipe.
        """
        asked, self._asked = self._asked, None
        if asked is not None:
            asked[3].asked = False
        try:
            answer: tuple[Any, ...] = pipe.recv()
        except (EOFError, OSError, ValueError):
            return ("lost",)
        if asked is None:  # nothing asked: not a page (cannot happen on a live pipe)
            return ("error", str(answer[:1]))
        index, scale, rotation, slab = asked
        if answer[0] == "need":
            self._asked = (index, scale, rotation, self.slabs.take(int(answer[1])))
            return ("pending",) if self._send_render(pipe) else ("lost",)
        if answer[0] == "page":
            page: SharedPage = answer[1]
            return ("page", page, slab.lend(page.stride * page.height))
        if answer[0] == "too_complex":
            return ("too_complex",)
        return ("error", str(answer[1:]))

    def abandon(self, pipe: Connection) -> bool:
        """A page asked on ``pipe`` went over its time limit: kill its child now, without
        waiting for it — the next call on the worker thread starts another. False when
        that child had already been replaced — the page was not to blame."""
        with self._lock:
            if self._pages is not pipe:
                return False
            process, conn = self._process, self._conn
            self._process = self._conn = self._pages = None
            self._ready = False
            if process is not None:
                self._dead.append(process)
            if self._asked is not None:  # its slab is free again once the child is dead
                self._asked[3].asked = False
                self._asked = None
        if process is not None:
            process.kill()
        if conn is not None:
            conn.close()
        return True

    def render(self, index: int, scale: float, rotation: int = 0) -> tuple[SharedPage,
                                                                           memoryview]:
        """The page's pixels (Qt's RGB32 layout) in the worker's shared buffer, valid
        until the next call.

        Raises :class:`PageTooComplex` or :class:`PageRenderError`.
        """
        shm = self._buffer(_INITIAL_BUFFER)
        answer = self._call(("render", index, scale, rotation, shm.name, shm.size, ()),
                            self.limits.page_seconds, index)
        if answer[0] == "need":
            shm = self._buffer(int(answer[1]))
            answer = self._call(("render", index, scale, rotation, shm.name, shm.size, ()),
                                self.limits.page_seconds, index)
        if answer[0] == "too_complex":
            raise PageTooComplex(index)
        if answer[0] != "page":
            raise PageRenderError(index, str(answer[1:]))
        page: SharedPage = answer[1]
        view = shm.buf
        assert view is not None
        return page, view[: page.stride * page.height]

    def _buffer(self, size: int) -> SharedMemory:
        if self._shm is None or self._shm.size < size:
            if self._shm is not None:
                self._shm.close()
                self._shm.unlink()
            self._shm = SharedMemory(create=True, size=max(size, _INITIAL_BUFFER))
            self.blocks_made += 1
        return self._shm

    def words(self, index: int) -> list[Word]:
        """The page's words; a page over its limits has none."""
        try:
            answer = self._call(("words", index), self.limits.page_seconds, index)
        except PageTooComplex:
            return []
        words: list[Word] = answer[1] if answer[0] == "ok" else []
        return words

    def search(self, query: str, pages: Sequence[int]) -> list[SearchHit]:
        """Hits in ``pages``; a slice over its limits gives none (and the child is replaced)."""
        try:
            answer = self._call(("search", query, pages),
                                self.limits.page_seconds * max(1, len(pages)),
                                pages[0] if pages else -1)
        except PageTooComplex:
            return []
        hits: list[SearchHit] = answer[1] if answer[0] == "ok" else []
        return hits
