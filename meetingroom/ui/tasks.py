"""The client's one way to do work off the GUI thread, and to hear how it went.

Modelled on Anki's ``qt/aqt/taskman.py`` and ``CollectionOp`` and Picard's
``util/thread.py``. An operation is a value: the work, and the caller's own
answers to it::

    Task(read_file).success(show).failure(complain).run(self)
    Task.on_loop(bridge.loop, lambda: client.request("list_bodies")).success(...).run(self)

* The work runs on a pool thread (``Task(work)``), on a :class:`Lane` (one job at
  a time, in order, by priority: a document's renders, a notes file's writes), or
  as a coroutine on the connection's asyncio loop (``Task.on_loop``).
* Its result or its exception always comes back on the GUI thread, to the
  callbacks the caller gave: errors travel the same road as results and are never
  swallowed in a worker. An exception with no ``failure`` callback to take it is
  unexpected, and logged at ERROR with its traceback (tests fail on those).
* The callbacks belong to ``parent``: if that widget (any QObject) is gone by the
  time the answer arrives, the answer is dropped, never delivered to a dead window.
* A task cancelled (the loop shut down, a lane cleared at closing) answers nobody.

There is no shared "request finished, with this tag" signal: each caller hears
only its own answer, through the callbacks it built the task with.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine
from concurrent.futures import CancelledError, Future
from typing import Any, Generic, TypeVar

from meetingroom.ui.qt import (
    QCoreApplication,
    QObject,
    QSocketNotifier,
    Qt,
    QThreadPool,
    Signal,
    isValid,
)

__all__ = ["Future", "Lane", "Task", "on_gui_thread", "wait_on_loop", "when_readable"]

log = logging.getLogger("meetingroom.ui.tasks")

T = TypeVar("T")

#: Priorities on a lane (higher runs first); a plain task needs none.
PRIORITY_NORMAL = 0


class _Mainline(QObject):
    """Lives on the GUI thread; a closure posted from any thread runs there (Anki's
    ``run_on_main``, Picard's ``to_main``): a queued signal is Qt's thread-safe post."""

    posted = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.posted.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def _run(self, closure: Callable[[], None]) -> None:
        closure()


_mainline: _Mainline | None = None


def _the_mainline() -> _Mainline:
    global _mainline
    if _mainline is None or not isValid(_mainline):
        _mainline = _Mainline()
        app = QCoreApplication.instance()
        if app is not None:
            _mainline.moveToThread(app.thread())
    return _mainline


def on_gui_thread(closure: Callable[[], None]) -> None:
    """Run ``closure`` on the GUI thread, soon (from any thread, the GUI thread included)."""
    _the_mainline().posted.emit(closure)


#: Threads for plain tasks: most wait on a disk, a child process or a socket, so more
#: than the cores (a 2-core laptop must still check a server while a page is signed).
SHARED_THREADS = 8

_shared: QThreadPool | None = None


def _shared_pool() -> QThreadPool:
    global _shared
    if _shared is None:
        _shared = QThreadPool()
        _shared.setObjectName("meetingroom-tasks")
        _shared.setMaxThreadCount(
            max(SHARED_THREADS, QThreadPool.globalInstance().maxThreadCount()))
    return _shared


class Lane:
    """One job at a time, in order of priority and then of arrival.

    For work that must not overlap or reorder: one document's child process, one
    notes file, one window's fetches. ``wait_idle`` is for closing and tests;
    ``clear`` drops jobs not started yet (a window closing does not want them).
    """

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        self._pool = QThreadPool(parent)
        self._pool.setObjectName(name)
        self._pool.setMaxThreadCount(1)

    def start(self, job: Callable[[], None], priority: int = PRIORITY_NORMAL) -> None:
        self._pool.start(job, priority)

    def wait_idle(self, msecs: int = -1) -> bool:
        """Block until every queued job has run; True when it did within ``msecs``."""
        return bool(self._pool.waitForDone(msecs))

    def clear(self) -> None:
        """Drop the jobs not started yet; their tasks answer nobody."""
        self._pool.clear()


class Task(Generic[T]):
    """Work to do off the GUI thread, and the caller's answers to its outcome.

    Build it, chain ``success`` and ``failure``, then ``run`` it (on the GUI thread).
    ``run`` returns a :class:`concurrent.futures.Future` for cancelling (a newer
    request replaces an older) or, in tests, for waiting; the GUI never blocks on it.
    """

    def __init__(self, work: Callable[[], T]) -> None:
        self._work: Callable[[], T] | None = work
        self._make: Callable[[], Awaitable[T]] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._on_success: Callable[[T], object] | None = None
        self._on_failure: Callable[[Exception], object] | None = None

    @classmethod
    def on_loop(cls, loop: asyncio.AbstractEventLoop,
                make: Callable[[], Awaitable[T]]) -> Task[T]:
        """A coroutine (made by ``make``, on the loop) awaited on the connection's loop."""
        task: Task[T] = cls(_not_called)
        task._work = None
        task._make, task._loop = make, loop
        return task

    def success(self, callback: Callable[[T], object]) -> Task[T]:
        """Called on the GUI thread with the work's result."""
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[Exception], object]) -> Task[T]:
        """Called on the GUI thread with the exception the work raised."""
        self._on_failure = callback
        return self

    def run(self, parent: QObject | None, *, lane: Lane | None = None,
            priority: int = PRIORITY_NORMAL) -> Future[T]:
        """Start the work; the callbacks are dropped if ``parent`` is deleted first.

        ``parent`` None is for owners that are not QObjects and outlive the task.
        """
        _the_mainline()  # made here, on the GUI thread, before any worker posts to it
        if self._loop is not None:
            future = self._start_on_loop(self._loop)
        else:
            future = self._start_on_thread(lane, priority)
        future.add_done_callback(lambda done: self._settled(done, parent))
        return future

    # --- where the work runs ---------------------------------------------------------

    def _start_on_thread(self, lane: Lane | None, priority: int) -> Future[T]:
        future: Future[T] = Future()
        work = self._work
        assert work is not None

        def job() -> None:
            if not future.set_running_or_notify_cancel():
                return
            try:
                result = work()
            except BaseException as exc:  # handed to the GUI thread, never lost here
                future.set_exception(exc)
            else:
                future.set_result(result)

        if lane is not None:
            lane.start(job, priority)
        else:
            _shared_pool().start(job, priority)
        return future

    def _start_on_loop(self, loop: asyncio.AbstractEventLoop) -> Future[T]:
        make = self._make
        assert make is not None
        if loop.is_closed():
            # After the connection shut down a late click may still ask: nobody answers.
            cancelled: Future[T] = Future()
            cancelled.cancel()
            return cancelled

        async def awaited() -> T:
            return await make()

        return asyncio.run_coroutine_threadsafe(awaited(), loop)

    # --- the answer, on the GUI thread ------------------------------------------------

    def _settled(self, future: Future[T], parent: QObject | None) -> None:
        """On whichever thread finished the work: hand the outcome to the GUI thread."""
        if future.cancelled():
            return
        error = future.exception()
        if error is None and self._on_success is None:
            return  # nothing to say and nobody asked
        if isinstance(error, CancelledError | asyncio.CancelledError):
            return
        on_gui_thread(lambda: self._answer(future, error, parent))

    def _answer(self, future: Future[T], error: BaseException | None,
                parent: QObject | None) -> None:
        if parent is not None and not isValid(parent):
            if error is not None and self._on_failure is None:
                self._unexpected(error)
            else:
                log.debug("answer dropped: its window is gone")
            return
        try:
            if error is None:
                if self._on_success is not None:
                    self._on_success(future.result())
            elif isinstance(error, Exception) and self._on_failure is not None:
                self._on_failure(error)
            else:
                self._unexpected(error)
        except Exception:
            log.exception("a task's callback failed")

    @staticmethod
    def _unexpected(error: BaseException) -> None:
        log.error("background work failed and nobody handles it",
                  exc_info=(type(error), error, error.__traceback__))


def when_readable(fd: int, parent: QObject, callback: Callable[[], None]) -> QSocketNotifier:
    """Call ``callback`` on the GUI thread whenever ``fd`` has something to read.

    For answers that another process computes (a document's render child): the
    GUI thread reads them itself when they are there, and waits for nothing, so
    no thread of ours sits between the two processes. The callback must read
    without blocking; disable or delete the notifier before closing ``fd``.
    """
    notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, parent)
    notifier.activated.connect(lambda *_: callback())
    return notifier


def wait_on_loop(loop: asyncio.AbstractEventLoop, coro: Coroutine[Any, Any, T],
                 timeout: float) -> T:
    """Run ``coro`` on the loop and wait for it here: only for making and closing the
    connection (the bridge's start-up and shutdown), where waiting is the point."""
    return asyncio.run_coroutine_threadsafe(coro, loop).result(timeout)


def _not_called() -> Any:
    raise AssertionError("a loop task has no thread work")
