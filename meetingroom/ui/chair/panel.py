"""What every part of the console shares: the session, the user's role, a title."""

from __future__ import annotations

from typing import Any

from meetingroom.laptop.meeting_store import MeetingState, Part
from meetingroom.sync.client.connection import ConnectionState
from meetingroom.ui.confirm import confirm
from meetingroom.ui.qt import QEvent, QFont, QGroupBox, QLabel, QWidget
from meetingroom.ui.session import LiveMeeting


class Panel(QGroupBox):
    """A titled box of the console; ``refresh`` is called with the parts that changed.

    ``retranslate`` words the panel in the current language: subclasses set their fixed
    texts there (called at the end of their ``__init__``) and re-render what ``refresh``
    words from the meeting, since Qt sends every widget a LanguageChange when the
    language is switched."""

    def __init__(self, title: str, session: LiveMeeting,
                 parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.session = session

    def retranslate(self) -> None:
        """Set every text of the panel in the current language (subclasses)."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def state(self) -> MeetingState:
        return self.session.state

    @property
    def role(self) -> str:
        return str(self.state.you.get("role") or self.state.meeting.get("role") or "")

    @property
    def is_chair(self) -> bool:
        return self.role == "chair"

    @property
    def may_run_floor(self) -> bool:
        """Chair and secretary call, start and end speeches (protocol §6)."""
        return self.role in ("chair", "secretary") or bool(self.state.you.get("is_admin"))

    @property
    def online(self) -> bool:
        """Whether the server is reachable now: irreversible steps wait until it is, so
        nothing final sits in a queue the chair may have forgotten (issue 17)."""
        return self.session.status.state is ConnectionState.ONLINE

    @property
    def in_progress(self) -> bool:
        return self.state.meeting.get("status") == "in_progress"

    def submit(self, name: str, args: dict[str, Any] | None = None) -> None:
        self.session.submit(name, args or {})

    def confirm(self, title: str, text: str, proceed: str, *, warning: bool = False) -> bool:
        """Ask before an irreversible step (the button and its key both come here);
        "Quay lại" is the default, so Enter or Esc sends nothing."""
        return confirm(self.window(), title, text, proceed, warning=warning)

    def refresh(self, parts: set[Part]) -> None:
        raise NotImplementedError


def big_label(text: str = "", points: float = 1.0, bold: bool = False,
              parent: QWidget | None = None) -> QLabel:
    """A label ``points`` times the normal font size."""
    label = QLabel(text, parent)
    font = QFont(label.font())
    size = font.pointSizeF()
    if size > 0:
        font.setPointSizeF(size * points)
    font.setBold(bold)
    label.setFont(font)
    label.setWordWrap(True)
    return label
