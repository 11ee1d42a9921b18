"""The one way the client asks before a step that cannot be taken back, or before it ends.

``confirm`` shows a question whose text states the consequence with the real numbers
("Mới 1/36 đại biểu có mặt đã biểu quyết. Kết thúc và công bố kết quả?"). Its buttons
are named for what they do, in the program's language (Qt has no Vietnamese catalogue
for its standard "Yes"/"Cancel"), and the safe one is both the default and the escape
button: Enter, Esc and the window's X all change nothing; only a deliberate click (or
Tab to the action, then Space/Enter) goes ahead.

``confirm_quit`` is the question every way out of the program asks ("Thoát chương
trình?"): the quit buttons of the first windows, their Esc key and their X.

The buttons carry object names (``confirm_proceed``, ``confirm_cancel``) so a test can
answer the modal box the way a person does, by clicking one of them.
"""

from __future__ import annotations

from meetingroom.ui.qt import (
    QCloseEvent,
    QCoreApplication,
    QDialog,
    QKeyEvent,
    QMessageBox,
    Qt,
    QWidget,
)

PROCEED = "confirm_proceed"
CANCEL = "confirm_cancel"


def tr(text: str) -> str:
    return QCoreApplication.translate("Confirm", text)


def confirm(parent: QWidget | None, title: str, text: str, proceed: str,
            *, warning: bool = False) -> bool:
    """Ask ``text``; True only when the user chose ``proceed`` (the default is to go back)."""
    box = QMessageBox(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Question,
                      title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("confirm_box")
    go = box.addButton(proceed, QMessageBox.ButtonRole.AcceptRole)
    go.setObjectName(PROCEED)
    go.setAutoDefault(False)
    back = box.addButton(tr("Quay lại"), QMessageBox.ButtonRole.RejectRole)
    back.setObjectName(CANCEL)
    box.setDefaultButton(back)
    box.setEscapeButton(back)
    try:
        box.exec()
        return box.clickedButton() is go
    finally:
        box.deleteLater()


def confirm_quit(parent: QWidget | None) -> bool:
    """"Thoát chương trình?": asked by every way out of the program's first windows."""
    return confirm(parent, tr("Thoát chương trình"),
                   tr("Thoát chương trình? Bạn sẽ cần mở lại chương trình để vào phòng họp."),
                   tr("Thoát"))


class LeavingDialog(QDialog):
    """A first window (server chooser, login) whose way out may end the whole program.

    With ``ends_program`` set (no one is logged in yet), the quit button, Esc and the
    window's X all ask ``confirm_quit`` first, and go back to the dialog on "Quay lại".
    Otherwise (the dialog was opened from another window) every way out simply cancels
    back to that window. Closing from code (``close()``, ``reject()``) never asks.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ends_program = False

    def set_ends_program(self, ends: bool) -> None:
        self.ends_program = ends
        self.retranslate()

    def retranslate(self) -> None:
        """Subclasses word their quit button by ``ends_program`` ("Thoát" or "Quay lại")."""

    def leave(self) -> bool:
        """The user's way out: True when the dialog was closed."""
        if self.ends_program and not confirm_quit(self):
            return False
        self.reject()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if (event.key() == Qt.Key.Key_Escape
                and event.modifiers() == Qt.KeyboardModifier.NoModifier):
            event.accept()
            self.leave()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        # A spontaneous close is the window's X (or the window manager); close() from code
        # is the program's own decision and is not questioned.
        if (event.spontaneous() and self.ends_program and self.isVisible()
                and not confirm_quit(self)):
            event.ignore()
            return
        super().closeEvent(event)
