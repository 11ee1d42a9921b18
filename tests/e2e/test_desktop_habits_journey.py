"""Journey: the habits of a desktop program, from ``meetingroom client`` itself.

- A second start over the same profile folder brings the first copy's windows
  forward and exits 0 with one line; a copy that crashed leaves a lock the next
  start takes over. Both are real ``meetingroom client`` processes.
- The run leaves a log file in the log folder, which "Trợ giúp → Mở thư mục nhật
  ký" opens.
- Every control of the meeting list, the chair console, the big screen and the
  delegate's window has a name a screen reader can say.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from meetingroom.laptop.profiles import profile_for
from meetingroom.ui.app import open_delegate_window
from meetingroom.ui.chair import BigScreen, ChairConsole
from meetingroom.ui.qt import QDesktopServices, QObject, QUrl, QWidget, Slot
from tests.e2e.steps import start_and_log_in
from tests.helpers.a11y import unnamed
from tests.helpers.processes import ServerProcess
from tests.helpers.qt_sessions import Bridges

WAIT = 30_000
CLI = [sys.executable, "-m", "meetingroom", "client"]

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise\(\)|propagateSizeHints)")


def _env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1",
            "MEETINGROOM_DISCOVERY_PORT": "0"}


def _wait_for(condition: Callable[[], bool], what: str, seconds: float = 60) -> None:
    """Wait for a process to say something (a condition, not a timing)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"never happened: {what}")
        time.sleep(0.05)


def _log_says(path: Path, text: str) -> Callable[[], bool]:
    return lambda: path.exists() and text in path.read_text(encoding="utf-8")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=30)


def test_a_second_start_brings_the_first_forward_and_a_crashed_lock_is_taken_over(
        tmp_path: Path) -> None:
    args = ["--data-dir", str(tmp_path / "data"), "--settings", str(tmp_path / "client.json")]
    log = tmp_path / "data" / "logs" / "client.log"
    first = subprocess.Popen([*CLI, *args], env=_env(), stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    try:
        _wait_for(_log_says(log, "a second start brings these windows forward"),
                  "the first copy holds the lock")
        assert f"starting (pid {first.pid}," in log.read_text(encoding="utf-8")

        second = subprocess.run([*CLI, *args], env=_env(), capture_output=True, text=True,
                                timeout=120, check=False)
        assert second.returncode == 0, second.stderr
        lines = second.stdout.strip().splitlines()
        assert lines == [f"Phòng họp không giấy đã mở (tiến trình {first.pid}); cửa sổ của "
                         f"nó được đưa lên trước."]
        _wait_for(_log_says(log, "a second start asked for the windows"),
                  "the first copy is told")
        _wait_for(_log_says(log, "brought 1 window(s) forward"), "its window comes forward")
        assert first.poll() is None, "the first copy keeps running"

        # A crash leaves the lock file behind; the next start takes it over.
        first.kill()
        first.wait(timeout=30)
        assert (tmp_path / "data" / "client.lock").exists()
        third = subprocess.Popen([*CLI, *args], env=_env(), stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
        try:
            _wait_for(_log_says(log, f"starting (pid {third.pid},"), "the next start runs")
            _wait_for(lambda: log.read_text(encoding="utf-8").count(
                "a second start brings these windows forward") == 2, "it holds the lock")
            assert third.poll() is None
        finally:
            _stop(third)
    finally:
        _stop(first)


class Opened(QObject):
    """Stands in for the file manager: what QDesktopServices was asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_the_run_leaves_a_log_that_the_help_menu_opens(
        qtbot: QtBot, server: ServerProcess, tmp_path: Path) -> None:
    client, user = start_and_log_in(qtbot, server, tmp_path, "daibieu01")
    opened = Opened()
    try:
        # PySide6 takes the slot's name as a str, whatever its stubs say.
        QDesktopServices.setUrlHandler("file", opened, "open")  # type: ignore[arg-type]
        logs = tmp_path / "data" / "logs"
        text = (logs / "client.log").read_text(encoding="utf-8")
        assert f"meetingroom client 0.1.0 starting (pid {os.getpid()}," in text
        main = client.main_windows[user]
        assert main.help_menu.title() == "Trợ &giúp"
        assert main.open_logs_action in main.help_menu.actions()
        assert main.open_logs_action.text() == "Mở thư mục &nhật ký"
        assert main.open_logs_action.data() == str(logs)
        main.open_logs_action.trigger()
        assert [u.toLocalFile() for u in opened.urls] == [str(logs)]
        qtbot.waitUntil(_log_says(logs / "client.log", "logged in as daibieu01"),
                        timeout=WAIT)
    finally:
        QDesktopServices.unsetUrlHandler("file")
        client.shutdown()


def test_every_control_has_a_name_a_screen_reader_can_say(
        qtbot: QtBot, server: ServerProcess, tmp_path: Path) -> None:
    client, user = start_and_log_in(qtbot, server, tmp_path, "chutoa")
    bridges = Bridges(qtbot, server, tmp_path / "others")
    windows: list[QWidget] = []
    try:
        main = client.main_windows[user]
        qtbot.waitUntil(lambda: main.page.model.rowCount() > 0, timeout=WAIT)
        windows.append(main)
        console = ChairConsole(bridges.session("chutoa", server.meeting_id),
                               profile_for(server.url, "chutoa", root=tmp_path / "others"))
        big = BigScreen(console.session)
        delegate = bridges.session("daibieu02", server.meeting_id)
        reader = open_delegate_window(delegate, profile_for(server.url, "daibieu02",
                                                            root=tmp_path / "others"))
        for window in (console, big, reader):
            qtbot.addWidget(window)
            window.show()
            windows.append(window)
        missing = [f"{type(w).__name__}: {line}" for w in windows for line in unnamed(w)]
        assert not missing, "\n".join(missing)
    finally:
        for window in windows[1:]:
            window.close()
        bridges.close()
        client.shutdown()
