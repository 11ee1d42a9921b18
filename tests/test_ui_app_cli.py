"""``meetingroom client`` and ``meetingroom demo`` with and without windows, as real processes."""

from __future__ import annotations

import os
import queue
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

CLI = [sys.executable, "-m", "meetingroom"]


def _lines(stream: IO[str], into: queue.Queue[str]) -> None:
    for line in stream:
        into.put(line)


class Demo:
    """A running ``meetingroom demo``; reads its stdout and stderr lines as they come."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.proc = subprocess.Popen([*CLI, "demo", "--port", "0", *args], text=True,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        self.out: queue.Queue[str] = queue.Queue()
        self.err: queue.Queue[str] = queue.Queue()
        self.seen_out: list[str] = []
        self.seen_err: list[str] = []
        assert self.proc.stdout is not None
        assert self.proc.stderr is not None
        self._readers = [threading.Thread(target=_lines, args=(stream, into), daemon=True)
                         for stream, into in ((self.proc.stdout, self.out),
                                              (self.proc.stderr, self.err))]
        for reader in self._readers:
            reader.start()

    def finish(self) -> list[str]:
        """Stop the demo and return every line it wrote to stdout, to its end."""
        self.stop()
        for reader in self._readers:
            reader.join(30)
        while not self.out.empty():
            self.seen_out.append(self.out.get())
        return self.seen_out

    def wait_for(self, pattern: str, *, stream: str = "out", timeout: float = 90) -> str:
        source, seen = (self.out, self.seen_out) if stream == "out" else \
            (self.err, self.seen_err)
        deadline = time.monotonic() + timeout
        for line in seen:
            if re.search(pattern, line):
                return line
        while time.monotonic() < deadline:
            try:
                line = source.get(timeout=0.2)
            except queue.Empty:
                if self.proc.poll() is not None and source.empty():
                    break
                continue
            seen.append(line)
            if re.search(pattern, line):
                return line
        raise AssertionError(f"{pattern!r} not in {stream}:\n{''.join(seen)}"
                             f"\nstderr:\n{''.join(self.seen_err)}")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


@pytest.fixture
def client_env(tmp_path: Path) -> dict[str, str]:
    """A private home for the client: settings, profiles; no keyring; offscreen windows."""
    return {**os.environ, "PYTHONUNBUFFERED": "1", "MEETINGROOM_LOG": "info",
            "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path / "data"),
            "XDG_CONFIG_HOME": str(tmp_path / "config"),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


@pytest.fixture
def demo_runs() -> Iterator[list[Demo]]:
    runs: list[Demo] = []
    yield runs
    for demo in runs:
        demo.stop()


def test_the_client_command_is_there() -> None:
    shown = subprocess.run([*CLI, "client", "--help"], capture_output=True, text=True,
                           timeout=60, check=False)
    assert shown.returncode == 0, shown.stderr
    for option in ("--server", "--user", "--lang"):
        assert option in shown.stdout


def test_without_a_display_the_client_says_how_to_run_headless(client_env: dict[str, str],
                                                               tmp_path: Path) -> None:
    env = {k: v for k, v in client_env.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    ran = subprocess.run([*CLI, "client", "--server", "ws://127.0.0.1:1"], env=env,
                         capture_output=True, text=True, timeout=60, check=False)
    if not sys.platform.startswith("linux"):
        pytest.skip("the display check is for Linux")
    assert ran.returncode == 2
    assert "QT_QPA_PLATFORM=offscreen" in ran.stderr
    assert "Traceback" not in ran.stderr


def test_demo_no_client_only_serves(client_env: dict[str, str], tmp_path: Path,
                                    demo_runs: list[Demo]) -> None:
    demo = Demo(["--no-client", "--dir", str(tmp_path / "demo")], client_env)
    demo_runs.append(demo)
    assert "daibieu01" in demo.wait_for("daibieu01")
    demo.wait_for(r"chair server at ws://")
    # The windows would be opened as the server comes up; everything it ever said shows
    # they were not.
    assert not any("client windows" in line for line in demo.finish())


def test_demo_headless_without_a_display_serves_only(client_env: dict[str, str],
                                                     tmp_path: Path,
                                                     demo_runs: list[Demo]) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("the display check is for Linux")
    env = {k: v for k, v in client_env.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    demo = Demo(["--dir", str(tmp_path / "demo")], env)
    demo_runs.append(demo)
    demo.wait_for(r"--no-client", stream="err")
    demo.wait_for(r"chair server at ws://")


def test_demo_opens_the_delegate_the_chair_console_and_the_big_screen(
        client_env: dict[str, str], tmp_path: Path, demo_runs: list[Demo]) -> None:
    demo = Demo(["--dir", str(tmp_path / "demo")], client_env)
    demo_runs.append(demo)
    demo.wait_for(r"chair server at ws://")
    demo.wait_for(r"client windows")
    demo.wait_for(r"logged in as daibieu01", stream="err")
    demo.wait_for(r"logged in as chutoa", stream="err")
    demo.wait_for(r"opened the delegate window of daibieu01", stream="err")
    demo.wait_for(r"opened the chair window of chutoa", stream="err")
    demo.wait_for(r"opened the big screen", stream="err")
    assert not any("Traceback" in line for line in demo.seen_err), "".join(demo.seen_err)
