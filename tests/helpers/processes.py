"""Real ``meetingroom`` processes for tests: one way to start a command, read the line that
says where it listens, and stop it; and the demo server that a test can kill and restart.

Every subprocess test goes through :class:`Process`, so the server's ready line
("… at ws://host:port (health: http://…/healthz)") is parsed in one place
(:func:`parse_ready`) and a process that dies before it is ready fails the test with its log.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO

CLI = [sys.executable, "-m", "meetingroom"]

_READY = re.compile(r"(?P<url>wss?://(?P<host>[^\s:]+):(?P<port>\d+))\S* "
                    r"\(health: (?P<health>https?://\S+)\)")


@dataclass(frozen=True)
class Ready:
    """Where a started server or relay listens, from its first line on stdout."""

    url: str
    host: str
    port: int
    health: str


def parse_ready(line: str) -> Ready | None:
    """The address in a ``serve``/``relay`` ready line, or None for any other line."""
    match = _READY.search(line)
    if match is None:
        return None
    return Ready(match["url"], match["host"], int(match["port"]), match["health"])


class Process:
    """One real command that prints its ready line first (``serve``, ``relay``, a bundle).

    ``stderr`` goes to ``log`` (appended, so a restart keeps the earlier run's lines) or is
    discarded; ``env`` adds variables to this environment (or replaces it with ``clean_env``).
    """

    def __init__(self, args: Sequence[str], *, log: Path | None = None,
                 env: dict[str, str] | None = None, clean_env: dict[str, str] | None = None,
                 preexec_fn: Callable[[], None] | None = None) -> None:
        self.args = list(args)
        self.log = log
        base = clean_env if clean_env is not None else dict(os.environ)
        environment = {**base, "PYTHONUNBUFFERED": "1", **(env or {})}
        err: IO[str] | int
        err = log.open("a", encoding="utf-8") if log is not None else subprocess.DEVNULL
        try:
            self.proc: subprocess.Popen[str] = subprocess.Popen(
                self.args, stdout=subprocess.PIPE, stderr=err, text=True, env=environment,
                preexec_fn=preexec_fn)
        finally:
            if not isinstance(err, int):
                err.close()
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        ready = parse_ready(line)
        if ready is None:
            self.stop(kill=True)
            log_text = log.read_text(encoding="utf-8") if log is not None else ""
            raise RuntimeError(f"{self.args[:4]} did not start: {line!r}\n{log_text}")
        self.ready = ready

    @property
    def url(self) -> str:
        return self.ready.url

    def running(self) -> bool:
        return self.proc.poll() is None

    def wait(self, timeout: float = 60) -> int:
        """Wait for the process to end by itself; its exit status."""
        code = self.proc.wait(timeout=timeout)
        self._close()
        return code

    def stop(self, *, kill: bool = False, timeout: float = 20) -> int:
        """SIGTERM (SIGKILL with ``kill``, or when SIGTERM is not obeyed in ``timeout``)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=timeout)
        self._close()
        return self.proc.returncode

    def _close(self) -> None:
        if self.proc.stdout is not None:
            self.proc.stdout.close()

    def __enter__(self) -> Process:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.stop()


def serve(db: str, *, port: int = 0, args: Sequence[str] = (), log: Path | None = None,
          env: dict[str, str] | None = None, command: Sequence[str] = (*CLI, "serve"),
          clean_env: dict[str, str] | None = None,
          preexec_fn: Callable[[], None] | None = None) -> Process:
    """``meetingroom serve --db DB --port PORT ARGS`` (or a bundle's ``command``)."""
    return Process([*command, "--db", db, "--port", str(port), *args], log=log, env=env,
                   clean_env=clean_env, preexec_fn=preexec_fn)


class ServerProcess:
    """The demo chair server as a separate process that a test can stop and bring back."""

    def __init__(self, folder: Path) -> None:
        self.db = f"sqlite:///{folder / 'hall.db'}"
        self.blobs = folder / "blobs"
        self.log = folder / "server.log"
        self.port = 0
        self.url = ""
        self._proc: Process | None = None
        seeded = subprocess.run([*CLI, "seed-demo", "--db", self.db, "--blobs",
                                 str(self.blobs)], capture_output=True, text=True, timeout=180,
                                check=False)
        if seeded.returncode != 0:
            raise RuntimeError(seeded.stderr)
        self.meeting_id = int(re.search(r"meeting id: (\d+)", seeded.stdout)[1])  # type: ignore[index]

    def start(self, env: dict[str, str] | None = None) -> str:
        """Serve on the same port as before (a fresh one the first time); ``env`` adds
        variables for this run only (e.g. a fault to inject)."""
        self._proc = serve(self.db, port=self.port, log=self.log,
                           env={"MEETINGROOM_LOG": "warning", **(env or {})})
        self.port = self._proc.ready.port
        self.url = self._proc.url
        return self.url

    def wait_dead(self, timeout: float = 60) -> int:
        """Wait for the server to end by itself (an injected fault); its exit status."""
        proc, self._proc = self._proc, None
        assert proc is not None, "not running"
        return proc.wait(timeout)

    def stop(self, *, kill: bool = False) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            proc.stop(kill=kill)
