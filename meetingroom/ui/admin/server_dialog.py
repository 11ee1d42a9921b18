"""A dialog that saves through the server and closes only when the server agrees.

A refusal is shown inside the dialog, in words, with the cursor on the field it is about;
what the person typed stays, so nothing is lost to a typo. The dialog is window-modal
(``open()``, never ``exec()``), so the GUI thread keeps turning while the server answers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from meetingroom.ui.admin.worded import WordedDialog
from meetingroom.ui.admin.wording import refusal_text, refused_field
from meetingroom.ui.qt import (
    QCoreApplication,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QWidget,
)
from meetingroom.ui.secretary.requests import Requests


def tr(text: str) -> str:
    return QCoreApplication.translate("ServerDialog", text)


Done = Callable[[dict[str, Any]], None]
Words = Callable[[], str]


class ServerDialog(WordedDialog):
    """Subclasses word their texts in ``retranslate`` (calling this class's), called at the
    end of their ``__init__`` and again on every language change."""

    def __init__(self, requests: Requests, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.requests = requests
        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setVisible(False)
        #: Where the cursor goes when the server refuses a field (field name → widget).
        self.field_widgets: dict[str, QWidget] = {}
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        #: What the server answered when it agreed; None until then.
        self.answer: dict[str, Any] | None = None
        #: How the refusal shown is worded (again on a language change).
        self._error: Words = str

    def retranslate(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Hủy"))
        self.error_label.setText(self._error())
        super().retranslate()

    @property
    def save_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def save(self) -> None:
        """Subclasses send their request through ``send``."""
        raise NotImplementedError

    def send(self, action: str, args: dict[str, Any], then: Done | None = None) -> None:
        self.save_button.setEnabled(False)
        self.error_label.setVisible(False)

        def answered(result: dict[str, Any] | None, error: str) -> None:
            self.save_button.setEnabled(True)
            if error or result is None:
                self.show_error(lambda: refusal_text(error), refused_field(error))
                return
            if then is not None:
                then(result)
            else:
                self.finish(result)
        self.requests.ask("admin", answered, action=action, args=args)

    def finish(self, result: dict[str, Any]) -> None:
        self.answer = result
        self.accept()

    def show_error(self, text: str | Words, field: str | None = None) -> None:
        """``text``: the words, or a function wording them (again on a language change)."""
        self._error = text if callable(text) else (lambda: text)
        self.error_label.setText(self._error())
        self.error_label.setVisible(True)
        # Grow to fit the message rather than squeeze the form it is about.
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))
        widget = self.field_widgets.get(field or "")
        if widget is not None:
            widget.setFocus()
