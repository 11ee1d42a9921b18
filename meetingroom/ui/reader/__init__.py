"""The delegate's PDF reader: widgets, models and the background renderer.

Wire it into a window with :class:`DocumentReader`; everything MuPDF-related
happens in :mod:`meetingroom.core.pdf`, driven from :class:`DocumentWorker`.
"""

from meetingroom.ui.reader.document_worker import DocumentWorker, RenderKey
from meetingroom.ui.reader.page_canvas import PageCanvas, Tool, ViewMode
from meetingroom.ui.reader.password_dialog import PasswordDialog
from meetingroom.ui.reader.reader_widget import DocumentReader, ReaderSettings

__all__ = [
    "DocumentReader",
    "DocumentWorker",
    "PageCanvas",
    "PasswordDialog",
    "ReaderSettings",
    "RenderKey",
    "Tool",
    "ViewMode",
]
