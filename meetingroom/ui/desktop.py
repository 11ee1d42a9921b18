"""What a desktop program owes its user beyond its windows: one copy, and a log to read.

**One client per profile folder.** Two copies over the same profiles would share
one SQLite cache, one queue of unsent commands and one set of downloaded papers;
and an older delegate who double-clicks the icon again because "nothing
happened" should get the window they already have, not a second login. The
first copy holds a :class:`QLockFile` in the data folder and listens on a
:class:`QLocalServer` named after that folder; a second start finds the lock,
sends ``show`` to the first and exits 0 with one line. A lock left by a copy that
crashed (its process is gone) is taken over: QLockFile checks the process id;
age alone never makes a live copy's lock stale.

**A log file.** A frozen Windows bundle has no console: a rotating ``client.log``
in the user's log folder (under ``--data-dir`` when one is given) keeps what the
program said, and :mod:`faulthandler` writes a hard crash's stacks to
``client-crash.log``, a separate file kept open for the whole run (a crash cannot
open files). "Trợ giúp → Mở thư mục nhật ký" opens the folder.
"""

from __future__ import annotations

import faulthandler
import hashlib
import logging
import logging.handlers
import os
import sys
from pathlib import Path
from typing import IO

import platformdirs

from meetingroom import __version__
from meetingroom.ui.qt import QLocalServer, QLocalSocket, QLockFile, QObject, Signal

APP = "meetingroom"
LOG_NAME = "client.log"
CRASH_NAME = "client-crash.log"
LOCK_NAME = "client.lock"
SHOW = b"show\n"
log = logging.getLogger("meetingroom.ui.desktop")


def data_folder(data_dir: Path | None) -> Path:
    """The folder of this user's profiles: ``--data-dir`` or the platform's data dir."""
    return Path(data_dir) if data_dir else Path(platformdirs.user_data_dir(APP, appauthor=False))


def log_folder(data_dir: Path | None) -> Path:
    """Where the client's log files go: ``<data dir>/logs``, else the user log dir."""
    if data_dir:
        return Path(data_dir) / "logs"
    return Path(platformdirs.user_log_dir(APP, appauthor=False))


class ClientLog:
    """The rotating log file and the crash file of one client run; :meth:`close` undoes both."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / LOG_NAME
        self.handler = logging.handlers.RotatingFileHandler(
            self.path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
        self.handler.setLevel(logging.INFO)
        self.handler.setFormatter(logging.Formatter(
            "%(asctime)s %(levelname)s %(name)s %(message)s"))
        self._logger = logging.getLogger(APP)
        self._old_level = self._logger.level
        if self._logger.getEffectiveLevel() > logging.INFO:
            self._logger.setLevel(logging.INFO)
        self._logger.addHandler(self.handler)
        self.crash_file: IO[str] | None = None
        if not faulthandler.is_enabled():
            # Not when someone (a test runner) already collects crashes elsewhere.
            self.crash_file = (folder / CRASH_NAME).open("a", encoding="utf-8")
            faulthandler.enable(self.crash_file, all_threads=True)
        log.info("meetingroom client %s starting (pid %d, Python %s, %s)", __version__,
                 os.getpid(), sys.version.split()[0], sys.platform)

    def close(self) -> None:
        self._logger.removeHandler(self.handler)
        self._logger.setLevel(self._old_level)
        self.handler.close()
        if self.crash_file is not None:
            faulthandler.disable()
            self.crash_file.close()
            self.crash_file = None


def _server_name(folder: Path) -> str:
    digest = hashlib.sha256(str(folder.resolve()).encode("utf-8")).hexdigest()[:20]
    return f"{APP}-{digest}"


class SingleInstance(QObject):
    """The lock of one profile folder, and the line to the copy that holds it."""

    #: A second start asked this copy to bring its windows forward.
    show_requested = Signal()

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.lock = QLockFile(str(folder / LOCK_NAME))
        self.lock.setStaleLockTime(0)  # stale only when its process is gone
        self.name = _server_name(folder)
        self.server: QLocalServer | None = None

    def acquire(self) -> bool:
        """Take the lock (also a crashed copy's) and listen; False if a live copy has it."""
        if not self.lock.tryLock(0):
            return False
        QLocalServer.removeServer(self.name)  # a crashed copy's socket file
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(self.name):
            log.warning("cannot listen for a second start on %s: %s", self.name,
                        self.server.errorString())
        self.server.newConnection.connect(self._connected)
        return True

    def holder(self) -> int | None:
        """The process id in the lock file, for the message of a second start."""
        info = self.lock.getLockInfo()
        pid = info[0] if isinstance(info, tuple) and info else 0
        return int(pid) or None

    def ask_to_show(self, timeout_ms: int = 5000) -> bool:
        """From a second start: tell the running copy to come forward (blocks briefly,
        before any window exists)."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(SHOW)
        sent = socket.waitForBytesWritten(timeout_ms)
        socket.disconnectFromServer()
        return sent

    def _connected(self) -> None:
        assert self.server is not None
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        data = bytes(socket.readAll().data())
        if SHOW.strip() in data:
            log.info("a second start asked for the windows; bringing them forward")
            self.show_requested.emit()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        self.lock.unlock()
