"""One way to do background work in the windows: meetingroom/ui/tasks.py.

Anki has one task manager and Picard one runnable that hands results and errors
to the main thread; so do we. A ui module that starts a thread, a thread pool, a
runnable or a coroutine on another thread's loop itself would bring back the
idioms the runner replaced (a signal per widget to carry results back, errors
lost in a worker, a shared "request finished, with tag" signal). The few threads
that are genuinely something else are listed below, each with its reason.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[1] / "meetingroom" / "ui"
RUNNER = UI / "tasks.py"

#: Names that start or reach a thread of their own.
THREADING_NAMES = frozenset({
    "QThreadPool", "QRunnable", "QThread", "Thread", "ThreadPoolExecutor",
    "ProcessPoolExecutor", "run_coroutine_threadsafe", "to_thread", "start_new_thread",
})
#: Modules whose import means running work by hand on other threads.
THREADING_MODULES = frozenset({"concurrent.futures", "_thread"})

#: (module under meetingroom/ui, name) -> why it is not background work of a window.
ALLOWED: dict[tuple[str, str], str] = {
    ("bridge.py", "Thread"):
        "the connection's own thread: it runs the asyncio loop forever; work reaches the "
        "loop only as tasks (Task.on_loop) or, at start-up and shutdown, wait_on_loop",
    ("qt.py", "QThreadPool"):
        "the binding's one door re-exports it, for tasks.py alone",
}


def threading_uses(source: str) -> set[str]:
    """The thread-starting names and modules a module's source uses or imports."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Name) and node.id in THREADING_NAMES:
            found.add(node.id)
        elif isinstance(node, ast.Attribute) and node.attr in THREADING_NAMES:
            found.add(node.attr)
        elif isinstance(node, ast.ImportFrom):
            if node.module in THREADING_MODULES:
                found.add(node.module)
            found.update(a.name for a in node.names if a.name in THREADING_NAMES)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in THREADING_MODULES)
    return found


def rule_breaks(path: Path, source: str | None = None) -> list[str]:
    """What ``path`` uses directly that only the runner may, less its allowances."""
    if path == RUNNER:
        return []
    name = path.relative_to(UI).as_posix()
    text = path.read_text(encoding="utf-8") if source is None else source
    return sorted(use for use in threading_uses(text) if (name, use) not in ALLOWED)


UI_MODULES = sorted(p for p in UI.rglob("*.py") if "__pycache__" not in p.parts)


@pytest.mark.parametrize("path", UI_MODULES, ids=lambda p: p.relative_to(UI).as_posix())
def test_background_work_goes_through_the_runner(path: Path) -> None:
    assert not rule_breaks(path), (
        f"{path.relative_to(UI)} starts background work itself: use meetingroom.ui.tasks "
        f"(Task(work).success(...).failure(...).run(parent)), or add it to ALLOWED with "
        f"the reason it is not a window's background work")


def test_every_allowance_is_still_needed() -> None:
    """An allowance whose use is gone is dropped, so the list only says what is true."""
    for (name, use), reason in ALLOWED.items():
        assert reason
        assert use in threading_uses((UI / name).read_text(encoding="utf-8")), (name, use)


@pytest.mark.parametrize(("source", "expected"), [
    ("from meetingroom.ui.qt import QThreadPool\nQThreadPool.globalInstance().start(f)\n",
     ["QThreadPool"]),
    ("import threading\nthreading.Thread(target=f).start()\n", ["Thread"]),
    ("from concurrent.futures import ThreadPoolExecutor\n",
     ["ThreadPoolExecutor", "concurrent.futures"]),
    ("import asyncio\nasyncio.run_coroutine_threadsafe(c, loop)\n",
     ["run_coroutine_threadsafe"]),
    ("class Job(QRunnable):\n    pass\n", ["QRunnable"]),
    ("import asyncio\nawait_me = asyncio.to_thread(f)\n", ["to_thread"]),
])
def test_the_check_sees_a_planted_violation(source: str, expected: list[str]) -> None:
    """The check can fail: each idiom the runner replaced, planted in a window module."""
    planted = UI / "delegate" / "planted.py"
    assert rule_breaks(planted, source) == expected


def test_the_runner_and_plain_windows_pass() -> None:
    assert rule_breaks(RUNNER) == []
    uses_tasks = ("from meetingroom.ui.tasks import Task\n"
                  "Task(work).success(show).failure(complain).run(self)\n")
    assert rule_breaks(UI / "delegate" / "planted.py", uses_tasks) == []
    # The loop thread is allowed in the bridge, and nowhere else.
    loop_thread = "import threading\nthreading.Thread(target=loop.run_forever).start()\n"
    assert rule_breaks(UI / "bridge.py", loop_thread) == []
    assert rule_breaks(UI / "first_run.py", loop_thread) == ["Thread"]
