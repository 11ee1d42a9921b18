"""The administrators' dialogs' base: texts worded in ``retranslate``, again at each switch
of language, standard buttons included."""

from __future__ import annotations

from meetingroom.ui.qt import QDialog, QEvent, QTimer


class WordedDialog(QDialog):
    """A dialog that words its texts in ``retranslate``: at the end of its ``__init__`` and
    again on every language change."""

    worded = False

    def retranslate(self) -> None:
        self.worded = True

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and self.worded:
            self.retranslate()
            # The button box gets the event after this and puts Qt's own (English) words
            # back on its standard buttons: word them again once it has.
            QTimer.singleShot(0, self, self.retranslate)
        super().changeEvent(event)
