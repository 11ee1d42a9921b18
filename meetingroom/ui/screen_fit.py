"""Windows sized for the screen they open on, not for the developer's monitor.

Commune halls run 1366×768 laptops: a window asking for 1366×800 there put its
status line and download line below the screen's edge (seen under Xvfb with a
window manager). A window that fits takes its preferred size; one that does not
opens maximized, with the screen's working area (less the taskbar) as the size it
returns to, so nothing is ever out of reach.
"""

from __future__ import annotations

from meetingroom.ui.qt import QGuiApplication, QSize, Qt, QWidget

#: Room left for the window's frame and title bar, which are not known before it shows.
FRAME_ALLOWANCE = QSize(16, 40)


def fit_to_screen(window: QWidget, width: int, height: int) -> bool:
    """Give ``window`` its preferred size, or maximize it where that does not fit.

    Returns True when the window was set to open maximized.
    """
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:  # no screen at all (a test platform without one)
        window.resize(width, height)
        return False
    room = screen.availableGeometry().size() - FRAME_ALLOWANCE
    if width <= room.width() and height <= room.height():
        window.resize(width, height)
        return False
    window.resize(min(width, room.width()), min(height, room.height()))
    window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    return True
