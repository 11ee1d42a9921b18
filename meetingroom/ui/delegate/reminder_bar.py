"""The bar that tells a delegate a written opinion is awaited from them.

The secretary's "remind" (``opinion.remind``) reaches the members who have not
answered as an ``opinion.reminded`` event; ``MeetingState.reminders`` keeps the ones
still awaited from this user. The bar shows the newest, with its deadline, until the
delegate presses "Đã biết" (that reminder stays dismissed; a new one shows again)
or the answer is sent or the request closes.
"""

from __future__ import annotations

from typing import Any

from meetingroom.core.timezones import in_zone, meeting_zone
from meetingroom.ui.i18n import datetime_text
from meetingroom.ui.qt import QEvent, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget
from meetingroom.ui.session import LiveMeeting


class ReminderBar(QFrame):
    def __init__(self, session: LiveMeeting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        # Reminders dismissed, as (opinion id, how many times it was reminded then).
        self._dismissed: set[tuple[int, int]] = set()
        self._shown: tuple[int, int] | None = None
        self.setObjectName("reminder_bar")
        self.setStyleSheet("#reminder_bar { background: #fff3cd; border: 1px solid #e0a800; }")
        self.label = QLabel(self)
        self.label.setObjectName("reminder_text")
        self.label.setWordWrap(True)
        self.dismiss_button = QPushButton(self)
        self.dismiss_button.setObjectName("reminder_dismiss")
        self.dismiss_button.setMinimumHeight(40)
        self._word_static()
        self.dismiss_button.clicked.connect(self.dismiss)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.dismiss_button)
        self.hide()

    def _word_static(self) -> None:
        self.dismiss_button.setText(self.tr("Đã biết"))
        self.dismiss_button.setToolTip(self.tr("Ẩn lời nhắc này"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "dismiss_button"):
            self._word_static()
            self.refresh()
        super().changeEvent(event)

    def refresh(self) -> None:
        """Show the newest reminder still awaited and not dismissed; hide otherwise."""
        state = self.session.state
        waiting = [(oid, r) for oid, r in state.reminders.items()
                   if (oid, self._key(r)) not in self._dismissed]
        if not waiting:
            self._shown = None
            self.hide()
            return
        opinion_id, reminder = waiting[-1]  # the newest
        self._shown = (opinion_id, self._key(reminder))
        deadline = in_zone(str(reminder["deadline"]), meeting_zone(state.meeting))
        self.label.setText(self.tr("Đang chờ ý kiến bằng văn bản của đồng chí về «%1», "
                                   "hạn trả lời %2.")
                           .replace("%1", str(reminder.get("title", "")))
                           .replace("%2", datetime_text(deadline)))
        self.show()

    def dismiss(self) -> None:
        if self._shown is not None:
            self._dismissed.add(self._shown)
        self.refresh()

    @staticmethod
    def _key(reminder: dict[str, Any]) -> int:
        return int(reminder.get("times", 1))
