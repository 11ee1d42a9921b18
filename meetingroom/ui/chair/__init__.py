"""The chair's console and the hall's big screen, over one :class:`LiveMeeting`."""

from meetingroom.ui.chair.big_screen import BigScreen
from meetingroom.ui.chair.console import ChairConsole

__all__ = ["BigScreen", "ChairConsole"]
