"""The Qt binding must not leak or over-release Python's singletons.

PySide6 6.12.0 drops a reference to ``True`` on each signal emission from
Python; a delegate paging through documents for an hour would crash the
client. pyproject pins the binding below it; this test fails on a bad version.
"""

from __future__ import annotations

import sys

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
