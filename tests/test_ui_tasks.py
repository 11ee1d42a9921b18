"""The one background-work runner (meetingroom/ui/tasks.py), with real threads and a real loop.

Answers come back on the GUI thread, to the caller's own callbacks; a gone window
hears nothing; an exception reaches the failure callback, or is logged when
nobody takes it.
"""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Iterator
from functools import partial

import pytest
from pytestqt.qtbot import QtBot

from meetingroom.ui.qt import QWidget, isValid
from meetingroom.ui.tasks import Lane, Task

WAIT = 5_000


@pytest.fixture
def loop() -> Iterator[asyncio.AbstractEventLoop]:
    """An asyncio loop on its own thread, as the bridge keeps one for the connection."""
    running = asyncio.new_event_loop()
    thread = threading.Thread(target=running.run_forever, name="test-loop", daemon=True)
    thread.start()
    yield running
    running.call_soon_threadsafe(running.stop)
    thread.join(5)
    running.close()


def test_success_comes_back_on_the_gui_thread(qtbot: QtBot) -> None:
    owner = QWidget()
    worked_on: list[threading.Thread] = []
    answers: list[tuple[int, threading.Thread]] = []

    def work() -> int:
        worked_on.append(threading.current_thread())
        return 42

    Task(work).success(lambda value: answers.append((value, threading.current_thread()))) \
        .run(owner)
    qtbot.waitUntil(lambda: bool(answers), timeout=WAIT)
    assert worked_on[0] is not threading.main_thread()
    assert answers == [(42, threading.main_thread())]


def test_failure_comes_back_on_the_gui_thread_with_the_exception(qtbot: QtBot) -> None:
    owner = QWidget()
    failures: list[tuple[Exception, threading.Thread]] = []
    successes: list[object] = []

    def work() -> None:
        raise OSError("disk gone")

    Task(work).success(successes.append) \
        .failure(lambda exc: failures.append((exc, threading.current_thread()))).run(owner)
    qtbot.waitUntil(lambda: bool(failures), timeout=WAIT)
    exc, thread = failures[0]
    assert isinstance(exc, OSError)
    assert str(exc) == "disk gone"
    assert thread is threading.main_thread()
    assert successes == []


def test_a_coroutine_on_the_loop_answers_on_the_gui_thread(
        qtbot: QtBot, loop: asyncio.AbstractEventLoop) -> None:
    owner = QWidget()
    ran_on: list[asyncio.AbstractEventLoop] = []
    answers: list[tuple[str, threading.Thread]] = []
    failures: list[Exception] = []

    async def ask() -> str:
        ran_on.append(asyncio.get_running_loop())
        await asyncio.sleep(0.01)
        return "answer"

    async def refuse() -> str:
        raise PermissionError("not_allowed")

    Task.on_loop(loop, ask).success(
        lambda value: answers.append((value, threading.current_thread()))).run(owner)
    Task.on_loop(loop, refuse).failure(failures.append).run(owner)
    qtbot.waitUntil(lambda: bool(answers) and bool(failures), timeout=WAIT)
    assert ran_on == [loop]
    assert answers == [("answer", threading.main_thread())]
    assert isinstance(failures[0], PermissionError)


def test_a_gone_parent_drops_the_answer(qtbot: QtBot) -> None:
    owner = QWidget()
    release = threading.Event()
    answers: list[object] = []
    failures: list[Exception] = []

    def slow() -> str:
        release.wait(WAIT / 1000)
        return "late"

    def slow_failure() -> str:
        release.wait(WAIT / 1000)
        raise OSError("late")

    done = Task(slow).success(answers.append).run(owner)
    failed = Task(slow_failure).failure(failures.append).run(owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not isValid(owner), timeout=WAIT)
    release.set()
    assert done.result(WAIT / 1000) == "late"
    with pytest.raises(OSError, match="late"):
        failed.result(WAIT / 1000)
    # A live witness started after them, on the same road, answers: the dead one's
    # answers had their turn before it.
    witness = QWidget()
    heard: list[object] = []
    Task(lambda: "ok").success(heard.append).run(witness)
    qtbot.waitUntil(lambda: bool(heard), timeout=WAIT)
    qtbot.wait(50)
    assert answers == []
    assert failures == []


@pytest.mark.logs_errors("an exception nobody handles must be logged at ERROR")
def test_an_unhandled_exception_is_logged(qtbot: QtBot,
                                          caplog: pytest.LogCaptureFixture) -> None:
    owner = QWidget()

    def work() -> None:
        raise ValueError("a bug in the worker")

    with caplog.at_level(logging.ERROR, logger="meetingroom.ui.tasks"):
        Task(work).success(lambda _value: None).run(owner)
        qtbot.waitUntil(lambda: any(r.levelno == logging.ERROR for r in caplog.records),
                        timeout=WAIT)
    record = next(r for r in caplog.records if r.levelno == logging.ERROR)
    assert record.exc_info is not None
    assert isinstance(record.exc_info[1], ValueError)


@pytest.mark.logs_errors("a callback that raises is a bug, logged at ERROR")
def test_a_callback_that_raises_is_logged(qtbot: QtBot,
                                          caplog: pytest.LogCaptureFixture) -> None:
    owner = QWidget()

    def broken(_value: object) -> None:
        raise KeyError("missing")

    with caplog.at_level(logging.ERROR, logger="meetingroom.ui.tasks"):
        Task(lambda: 1).success(broken).run(owner)
        qtbot.waitUntil(lambda: any(r.levelno == logging.ERROR for r in caplog.records),
                        timeout=WAIT)


def test_a_handled_exception_is_not_logged(qtbot: QtBot,
                                           caplog: pytest.LogCaptureFixture) -> None:
    owner = QWidget()
    failures: list[Exception] = []

    def work() -> None:
        raise ConnectionError("offline")

    with caplog.at_level(logging.INFO, logger="meetingroom.ui.tasks"):
        Task(work).failure(failures.append).run(owner)
        qtbot.waitUntil(lambda: bool(failures), timeout=WAIT)
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_a_lane_runs_its_jobs_one_at_a_time_in_order(qtbot: QtBot) -> None:
    owner = QWidget()
    lane = Lane("test-lane", owner)
    gate = threading.Event()
    seen: list[int] = []
    answered: list[int] = []

    def job(n: int) -> int:
        if n == 0:
            gate.wait(WAIT / 1000)
        seen.append(n)
        return n

    for n in range(5):
        Task(partial(job, n)).success(answered.append).run(owner, lane=lane)
    gate.set()
    assert lane.wait_idle(WAIT)
    qtbot.waitUntil(lambda: len(answered) == 5, timeout=WAIT)
    assert seen == [0, 1, 2, 3, 4]
    assert answered == [0, 1, 2, 3, 4]


def test_a_lane_runs_higher_priority_first(qtbot: QtBot) -> None:
    lane = Lane("test-priority")
    gate = threading.Event()
    seen: list[str] = []
    Task(lambda: gate.wait(WAIT / 1000)).run(None, lane=lane)
    Task(lambda: seen.append("prefetch")).run(None, lane=lane, priority=1)
    Task(lambda: seen.append("visible")).run(None, lane=lane, priority=9)
    gate.set()
    assert lane.wait_idle(WAIT)
    assert seen == ["visible", "prefetch"]


def test_a_task_on_a_closed_loop_answers_nobody(qtbot: QtBot) -> None:
    """After the connection shut down, a late click asks for nothing and hears nothing."""
    closed = asyncio.new_event_loop()
    closed.close()
    answers: list[object] = []
    made: list[bool] = []

    async def never() -> None:
        made.append(True)

    future = Task.on_loop(closed, never).success(answers.append) \
        .failure(answers.append).run(None)
    assert future.cancelled()
    qtbot.wait(50)
    assert answers == []
    assert made == []
