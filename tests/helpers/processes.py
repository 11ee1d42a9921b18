"""Real ``meetingroom`` server processes for end-to-end tests: seed, serve, kill, restart."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

CLI = [sys.executable, "-m", "meetingroom"]


class ServerProcess:
    """The demo chair server as a separate process that a test can stop and bring back."""

    def __init__(self, folder: Path) -> None:
        self.db = f"sqlite:///{folder / 'hall.db'}"
        self.blobs = folder / "blobs"
        self.log = folder / "server.log"
        self.port = 0
        self.url = ""
        self._proc: subprocess.Popen[str] | None = None
        seeded = subprocess.run([*CLI, "seed-demo", "--db", self.db, "--blobs",
                                 str(self.blobs)], capture_output=True, text=True, timeout=180,
                                check=False)
        if seeded.returncode != 0:
            raise RuntimeError(seeded.stderr)
        self.meeting_id = int(re.search(r"meeting id: (\d+)", seeded.stdout)[1])  # type: ignore[index]

    def start(self, env: dict[str, str] | None = None) -> str:
        """Serve on the same port as before (a fresh one the first time); ``env`` adds
        variables for this run only (e.g. a fault to inject)."""
        with self.log.open("a", encoding="utf-8") as log:
            self._proc = subprocess.Popen(
                [*CLI, "serve", "--db", self.db, "--port", str(self.port)],
                stdout=subprocess.PIPE, stderr=log, text=True,
                env={**os.environ, "PYTHONUNBUFFERED": "1", "MEETINGROOM_LOG": "warning",
                     **(env or {})})
        assert self._proc.stdout is not None
        line = self._proc.stdout.readline()
        match = re.search(r"(ws://\S+):(\d+) \(health", line)
        if match is None:
            self.stop()
            raise RuntimeError(f"the server did not start: {line!r}\n{self.log.read_text()}")
        self.port = int(match[2])
        self.url = f"{match[1]}:{match[2]}"
        return self.url

    def wait_dead(self, timeout: float = 60) -> int:
        """Wait for the server to end by itself (an injected fault); its exit status."""
        proc, self._proc = self._proc, None
        assert proc is not None, "not running"
        code = proc.wait(timeout=timeout)
        if proc.stdout is not None:
            proc.stdout.close()
        return code

    def stop(self, *, kill: bool = False) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        proc.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
        proc.wait(timeout=20)
        if proc.stdout is not None:
            proc.stdout.close()
