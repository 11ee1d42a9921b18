"""The delegate's meeting window and the panels it is built from."""

from meetingroom.ui.delegate.fonts import ensure_vietnamese_font
from meetingroom.ui.delegate.meeting_window import DocumentSource, MeetingWindow

__all__ = ["DocumentSource", "MeetingWindow", "ensure_vietnamese_font"]
