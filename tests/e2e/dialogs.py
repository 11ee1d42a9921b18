"""Answering the modal dialogs a journey meets, as a person would.

A modal dialog runs its own event loop, so the test cannot act after the click that
opens it; these helpers schedule the answer first. Each waits for the dialog to come
up (a bounded number of tries), then types and presses keys in it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtTest import QTest  # the app's gateway (ui/qt.py) has no test names

from meetingroom.ui.qt import QApplication, QDialog, QFileDialog, QLineEdit, Qt, QTimer, QWidget

TRIES = 400  # × 50 ms: a busy 2-core machine can take seconds to show a dialog
SETTLE_MS = 300


def when_modal(kind: type[QDialog], act: Callable[[QDialog], None]) -> list[QDialog]:
    """Run ``act`` on the next modal dialog of ``kind``; the list gets the dialog.

    A dialog that has only just come up may still be setting itself up (a file dialog
    fills its name field after it shows), so the answer waits a moment and is given
    again while the same dialog stays open.
    """
    seen: list[QDialog] = []

    def attempt(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            if not seen:
                seen.append(dialog)
                QTimer.singleShot(SETTLE_MS, lambda: attempt(left - 1))
                return
            if dialog is seen[0]:
                act(dialog)
        elif seen:
            return  # answered: the dialog has gone
        if left > 0:
            QTimer.singleShot(SETTLE_MS if seen else 50, lambda: attempt(left - 1))

    QTimer.singleShot(0, lambda: attempt(TRIES))
    return seen


def answer_file_dialog(path: Path) -> list[QDialog]:
    """Type ``path`` in the next file dialog's name field and press Enter."""
    def act(dialog: QDialog) -> None:
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        assert edit is not None, "the file dialog has a file name field"
        edit.setFocus()
        edit.selectAll()
        QTest.keyClicks(edit, str(path))
        QTest.keyClick(edit, Qt.Key.Key_Return)

    return when_modal(QFileDialog, act)


def press_enter_in(kind: type[QDialog]) -> list[QDialog]:
    """Press Enter in the next modal dialog of ``kind`` (its default button answers)."""
    def act(dialog: QDialog) -> None:
        target: QWidget = dialog.focusWidget() or dialog
        QTest.keyClick(target, Qt.Key.Key_Return)

    return when_modal(kind, act)
