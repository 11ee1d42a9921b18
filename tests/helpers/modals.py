"""Answering modal windows (confirmations, the server finder) the way a person does.

A modal window runs its own event loop (``exec``), so a test cannot click in it after
the call that opened it returns. ``Modals`` polls ``QApplication.activeModalWidget()``
on a timer and answers each expected window in turn with a key or a click; the
questions it saw are kept for the test to read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from meetingroom.ui.confirm import CANCEL, PROCEED
from meetingroom.ui.qt import QApplication, QMessageBox, QPushButton, Qt, QTimer, QWidget

Answer = Callable[[QWidget], None]
W = TypeVar("W", bound=QWidget)


def press(key: Qt.Key) -> Answer:
    """Answer with a key, e.g. Enter (which must pick the safe default)."""
    from pytestqt.qtbot import QtBot

    def act(modal: QWidget) -> None:
        QtBot.keyClick(modal, key)
    return act


def click(name: str) -> Answer:
    """Answer by clicking the button with this object name."""
    def act(modal: QWidget) -> None:
        button = modal.findChild(QPushButton, name)
        assert button is not None, f"no button {name} in {modal}"
        button.click()
    return act


#: Go ahead / go back in a ``meetingroom.ui.confirm.confirm`` box.
PROCEED_CLICK = click(PROCEED)
CANCEL_CLICK = click(CANCEL)


class Modals:
    """Answers modal windows as they appear, in order: (expected class, answer)."""

    def __init__(self) -> None:
        self.queue: list[tuple[type[QWidget], Callable[[Any], None]]] = []
        #: The text of every message box answered, in order.
        self.seen: list[str] = []
        self.timer = QTimer()
        self.timer.timeout.connect(self._poll)
        self.timer.start(20)

    def expect(self, kind: type[W], act: Callable[[W], None]) -> Modals:
        self.queue.append((kind, act))
        return self

    def confirm(self, act: Answer) -> Modals:
        return self.expect(QMessageBox, act)

    def _poll(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is None or not self.queue:
            return
        kind, act = self.queue[0]
        if isinstance(modal, kind):
            self.queue.pop(0)
            if isinstance(modal, QMessageBox):
                self.seen.append(modal.text())
            act(modal)

    def done(self) -> bool:
        return not self.queue

    def stop(self) -> None:
        self.timer.stop()
