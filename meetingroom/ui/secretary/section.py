"""What every tab of the secretary's workspace shares: the followed meeting and messages."""

from __future__ import annotations

from typing import Any

from meetingroom.laptop.meeting_store import PARTS, MeetingState, Part
from meetingroom.ui.qt import QEvent, QWidget, Signal
from meetingroom.ui.secretary.requests import Requests
from meetingroom.ui.session import LiveMeeting


class Section(QWidget):
    """A tab; ``refresh`` runs with the parts of the state that changed.

    Each tab words its texts in ``retranslate``, called at the end of its ``__init__`` and
    again on every language change (after it, ``worded`` is True)."""

    message = Signal(str)  # a sentence for the status bar

    def __init__(self, requests: Requests, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.requests = requests
        self.session: LiveMeeting | None = None
        self._empty = MeetingState(0)
        self.worded = False

    @property
    def state(self) -> MeetingState:
        return self.session.state if self.session is not None else self._empty

    @property
    def meeting_id(self) -> int | None:
        return self.session.meeting_id if self.session is not None else None

    def set_session(self, session: LiveMeeting | None) -> None:
        if self.session is not None:
            self.session.changed.disconnect(self.refresh)
        self.session = session
        if session is not None:
            session.changed.connect(self.refresh)
        self.refresh(set(PARTS))

    def submit(self, name: str, args: dict[str, Any] | None = None) -> bool:
        if self.session is None:
            self.say(self.tr_no_meeting())
            return False
        self.session.submit(name, args or {})
        return True

    def read(self, command: str, args: dict[str, Any], answer: Any) -> bool:
        if self.session is None:
            self.say(self.tr_no_meeting())
            return False
        self.requests.read(self.session.meeting_id, command, args, answer)
        return True

    def say(self, text: str) -> None:
        self.message.emit(text)

    @staticmethod
    def tr_no_meeting() -> str:
        from meetingroom.ui.secretary.texts import tr

        return tr("Chọn hoặc tạo một cuộc họp trước")

    def refresh(self, parts: set[Part]) -> None:
        raise NotImplementedError

    # --- language -----------------------------------------------------------------------

    def retranslate(self) -> None:
        """Word the tab's texts: the fixed ones, then those worded from the state."""
        self.worded = True

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and self.worded:
            self.retranslate()
        super().changeEvent(event)
