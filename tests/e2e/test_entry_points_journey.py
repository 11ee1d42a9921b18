"""The two ordinary ways a person starts the client, run in this process: the program's
own ``meetingroom.ui.app.main`` and ``meetingroom client`` through the command line's
``main``. Each shows the login window; the password is typed and Enter pressed in it;
the meeting list arrives; Enter there does not quit; the event loop ends with 0 only
when the application is asked to quit.

A program's ``main`` leaves process-wide Qt state behind (its translations, font,
signal handlers, an application that was told to quit): the two journeys run in a pytest
process of their own, started by ``test_the_entry_points_in_a_process_of_their_own``,
so the rest of the suite does not inherit it.
"""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtTest import QTest

from meetingroom import cli
from meetingroom.core.demo_documents import DEMO_PASSWORD
from meetingroom.ui import app as client_app
from meetingroom.ui.login_dialog import LoginDialog
from meetingroom.ui.meeting_list import MeetingListPage
from meetingroom.ui.qt import QApplication, QCoreApplication, Qt, QTimer, QWidget
from tests.helpers.processes import ServerProcess

IN_PROCESS = "MEETINGROOM_ENTRY_POINTS_HERE"
here = pytest.mark.skipif(not os.environ.get(IN_PROCESS),
                          reason="run inside test_the_entry_points_in_a_process_of_their_own")


@pytest.mark.timeout(300)
def test_the_entry_points_in_a_process_of_their_own(tmp_path: Path) -> None:
    if os.environ.get(IN_PROCESS):
        pytest.skip("already inside")
    root = Path(__file__).resolve().parents[2]
    ran = subprocess.run(
        [sys.executable, "-m", "pytest", str(Path(__file__).resolve()), "-q",
         "-p", "no:cacheprovider", "-k", "not process_of_their_own"],
        env={**os.environ, IN_PROCESS: "1"}, cwd=root, capture_output=True, text=True,
        timeout=280, check=False)
    assert ran.returncode == 0, ran.stdout[-4000:] + ran.stderr[-2000:]
    assert "2 passed" in ran.stdout, ran.stdout[-2000:]


@pytest.fixture
def own_signals() -> Iterator[None]:
    """The client installs SIGINT/SIGTERM handlers that quit Qt; give pytest its own back."""
    kept = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    yield
    for sig, handler in kept.items():
        signal.signal(sig, handler)


class Person:
    """Acts on the windows while the client's own event loop runs, polling for each
    window as a person waits for it to appear (no timing is asserted)."""

    def __init__(self) -> None:
        self.steps: list[str] = []
        self.failure = ""

    def start(self) -> None:
        self._wait(self._login_window, self._log_in, "the login window")

    def _wait(self, find: Callable[[], QWidget | None], then: Callable[[QWidget], None],
              what: str, left: int = 1200) -> None:
        found = find()
        if found is not None:
            then(found)
        elif left <= 0:  # 60 s of polls: give the test a reason instead of hanging
            self.failure = f"never appeared: {what} (after {self.steps})"
            QCoreApplication.exit(3)
        else:
            QTimer.singleShot(50, lambda: self._wait(find, then, what, left - 1))

    @staticmethod
    def _login_window() -> QWidget | None:
        return next((w for w in QApplication.topLevelWidgets()
                     if isinstance(w, LoginDialog) and w.isVisible()), None)

    @staticmethod
    def _meeting_list() -> QWidget | None:
        for window in QApplication.topLevelWidgets():
            page = window.findChild(MeetingListPage)
            if window.isVisible() and page is not None and page.proxy.rowCount() > 0:
                return page
        return None

    def _log_in(self, window: QWidget) -> None:
        assert isinstance(window, LoginDialog)
        self.steps.append("login window")
        window.activateWindow()
        window.password_edit.setFocus()
        QTest.keyClicks(window.password_edit, DEMO_PASSWORD)
        QTest.keyClick(window.password_edit, Qt.Key.Key_Return)
        self._wait(self._meeting_list, self._in_the_list, "the meeting list")

    def _in_the_list(self, page: QWidget) -> None:
        self.steps.append("meeting list")
        QTest.keyClick(page.window(), Qt.Key.Key_Return)  # Enter never quits
        QTimer.singleShot(200, lambda: self._still_there(page))

    def _still_there(self, page: QWidget) -> None:
        if page.window().isVisible():
            self.steps.append("still open after Enter")
        QCoreApplication.quit()


def _arguments(server: ServerProcess, folder: Path) -> list[str]:
    return ["--server", server.url, "--user", "daibieu01",
            "--settings", str(folder / "client.json"), "--data-dir", str(folder / "data")]


@here
def test_the_programs_main_logs_in_and_ends_when_asked(
        qapp: QApplication, server: ServerProcess, tmp_path: Path, own_signals: None) -> None:
    person = Person()
    QTimer.singleShot(0, person.start)
    code = client_app.main(_arguments(server, tmp_path))
    assert person.failure == ""
    assert person.steps == ["login window", "meeting list", "still open after Enter"]
    assert code == 0


@here
def test_meetingroom_client_on_the_command_line_logs_in(
        qapp: QApplication, server: ServerProcess, tmp_path: Path, own_signals: None) -> None:
    person = Person()
    QTimer.singleShot(0, person.start)
    code = cli.main(["client", *_arguments(server, tmp_path)])
    assert person.failure == ""
    assert person.steps == ["login window", "meeting list", "still open after Enter"]
    assert code == 0
