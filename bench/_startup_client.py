"""Runs ``meetingroom client`` as the command does; exits once the login window is painted.

The client has no "exit when shown" switch, so this helper (used by
``bench.startup``) calls the real entry point, ``meetingroom.cli.main(["client",
…])``, after wrapping ``LoginDialog.paintEvent`` in this process only: the end
of the dialog's first paint prints ``painted <time.time()>`` on stdout and
quits the event loop (``cpu <seconds>`` follows: this process's CPU time so far,
which a loaded machine inflates far less than wall time). ``started <time>`` is
printed first, so interpreter start-up can be told apart from the client's work.
"""

from __future__ import annotations

import time

STARTED = time.time()

import sys  # noqa: E402

from PySide6.QtCore import QCoreApplication, QTimer  # noqa: E402
from PySide6.QtGui import QPaintEvent  # noqa: E402
from PySide6.QtWidgets import QDialog  # noqa: E402

from meetingroom import cli  # noqa: E402
from meetingroom.ui.login_dialog import LoginDialog  # noqa: E402


def _hook() -> None:
    done: list[float] = []

    def paint_event(dialog: LoginDialog, event: QPaintEvent) -> None:
        QDialog.paintEvent(dialog, event)
        if not done and dialog.isVisible():
            done.append(time.time())
            print(f"painted {done[0]:.6f}", flush=True)
            print(f"cpu {time.process_time():.6f}", flush=True)
            QTimer.singleShot(0, QCoreApplication.quit)

    LoginDialog.paintEvent = paint_event  # type: ignore[method-assign,assignment]


def main(argv: list[str]) -> int:
    print(f"started {STARTED:.6f}", flush=True)
    _hook()
    print(f"imported {time.time():.6f}", flush=True)
    return cli.main(["client", *argv])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
