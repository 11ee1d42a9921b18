"""Journey: the delegate's window and the chair console fit the screen they open on.

Commune halls run 1366×768 laptops. Under a window manager on such a screen, the
delegate's window asked for 1366×800 and its status line and download line sat below
the screen's edge. Each window here is opened as a person opens it (the client's own
start, the password, Enter on the meeting in the list) and must lie wholly inside the
screen's working area, its status line included. The suite's screen is a desktop
monitor; the same journeys run again on a laptop screen in a process of their own.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from meetingroom.ui.chair.console import ChairConsole
from meetingroom.ui.delegate.meeting_window import MeetingWindow
from meetingroom.ui.qt import QMainWindow, QPoint, Qt, QWidget
from tests.e2e.steps import WAIT, start_and_log_in
from tests.helpers.processes import ServerProcess

LAPTOP = Path(__file__).resolve().parents[1] / "helpers" / "screens" / "laptop.json"
ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise\(\)|propagateSizeHints)")


def _open_from_the_list(qtbot: QtBot, server: ServerProcess, tmp_path: Path, username: str,
                        kind: type[QWidget]) -> tuple[object, QMainWindow]:
    client, user = start_and_log_in(qtbot, server, tmp_path, username)
    page = client.main_windows[user].page
    qtbot.waitUntil(lambda: page.proxy.rowCount() > 0, timeout=WAIT)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(isinstance(w, kind) for w in user.windows), timeout=WAIT)
    window = next(w for w in user.windows if isinstance(w, kind))
    assert isinstance(window, QMainWindow)
    qtbot.waitExposed(window, timeout=WAIT)
    return client, window


def _assert_on_screen(window: QMainWindow) -> None:
    screen = window.screen()
    assert screen is not None
    area = screen.availableGeometry()
    frame = window.frameGeometry()
    assert area.contains(frame), (frame, area)
    bar = window.statusBar()
    corner = bar.mapToGlobal(QPoint(bar.width() - 1, bar.height() - 1))
    assert bar.isVisible()
    assert area.contains(corner), (corner, area)


def test_the_delegate_window_fits_the_screen(qtbot: QtBot, server: ServerProcess,
                                             tmp_path: Path) -> None:
    client, window = _open_from_the_list(qtbot, server, tmp_path, "daibieu06", MeetingWindow)
    try:
        assert isinstance(window, MeetingWindow)
        qtbot.waitUntil(lambda: window.session.loaded, timeout=WAIT)
        _assert_on_screen(window)
        dock = window.packet_dock
        bottom = dock.mapToGlobal(QPoint(0, dock.height() - 1))
        screen = window.screen()
        assert screen is not None
        assert screen.availableGeometry().contains(bottom)
    finally:
        client.shutdown()  # type: ignore[attr-defined]


def test_the_chair_console_fits_the_screen(qtbot: QtBot, server: ServerProcess,
                                           tmp_path: Path) -> None:
    client, window = _open_from_the_list(qtbot, server, tmp_path, "chutoa", ChairConsole)
    try:
        _assert_on_screen(window)
    finally:
        client.shutdown()  # type: ignore[attr-defined]


@pytest.mark.skipif("laptop.json" in os.environ.get("QT_QPA_PLATFORM", ""),
                    reason="this is the laptop run itself")
def test_the_same_on_a_1366_by_768_laptop_screen(tmp_path: Path) -> None:
    """The journeys above, in a process whose only screen is a 1366×768 laptop's."""
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={LAPTOP}"}
    ran = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "--basetemp", str(tmp_path / "run"), f"{Path(__file__)}::"
         "test_the_delegate_window_fits_the_screen", f"{Path(__file__)}::"
         "test_the_chair_console_fits_the_screen"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert ran.returncode == 0, ran.stdout[-4000:] + ran.stderr[-2000:]
    assert "2 passed" in ran.stdout
