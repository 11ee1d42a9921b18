"""The Qt binding must not leak or over-release Python's singletons.

PySide6 6.12.0 drops a reference to ``True`` on each signal emission from
Python; a delegate paging through documents for an hour would crash the
client. pyproject pins the binding below it; this test fails on a bad version.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from meetingroom.ui.qt import QObject, Signal


class _Emitter(QObject):
    number = Signal(object)
    text = Signal(str)


def test_emitting_signals_keeps_the_refcount_of_true_and_none(qapp: object) -> None:
    emitter = _Emitter()
    seen: list[object] = []
    emitter.number.connect(seen.append)
    emitter.text.connect(seen.append)
    before = (sys.getrefcount(True), sys.getrefcount(None))
    for n in range(2000):
        emitter.number.emit(n)
        emitter.text.emit("x")
    after = (sys.getrefcount(True), sys.getrefcount(None))
    assert len(seen) == 4000
    assert abs(after[0] - before[0]) < 50, f"True lost {before[0] - after[0]} references"
    assert abs(after[1] - before[1]) < 200, f"None lost {before[1] - after[1]} references"


ROOT = Path(__file__).resolve().parents[1]
_PAINT_AND_COUNT_THREADS = """
import os, sys
import meetingroom.ui.qt as qt
if sys.argv[1] == "pool":  # the control: Qt's raster pool as it is by default
    os.environ.pop("QT_NO_GUI_THREADPOOL")
app = qt.QApplication(["fills"])
before = len(os.listdir("/proc/self/task"))
area = qt.QScrollArea()  # its scroll bar: fills 900 rows tall, as the reader's
area.resize(200, 900)
inner = qt.QWidget()
inner.resize(100, 20_000)
area.setWidget(inner)
image = qt.QImage(area.size(), qt.QImage.Format.Format_RGB32)
for _ in range(5):
    area.render(image)
print(len(os.listdir("/proc/self/task")) - before)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="counts /proc/self/task")
def test_fills_stay_on_the_thread_that_paints() -> None:
    """Importing the gateway turns Qt's raster thread pool off (issue 20.4): a tall fill
    handed to pool threads and waited for cost a reader scroll bar 0.7-1.0 ms a paint on
    a 2-core laptop, against 0.08 ms on the painting thread."""
    env = {k: v for k, v in os.environ.items() if k != "QT_NO_GUI_THREADPOOL"}
    env["QT_QPA_PLATFORM"] = "offscreen"

    def threads_started(mode: str) -> int:
        done = subprocess.run([sys.executable, "-c", _PAINT_AND_COUNT_THREADS, mode],
                              capture_output=True, text=True, env=env, cwd=ROOT,
                              timeout=60, check=True)
        return int(done.stdout.split()[-1])

    assert threads_started("gateway") == 0
    assert threads_started("pool") > 0  # the check sees Qt's pool when it is on
