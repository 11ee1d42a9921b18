"""The frozen bundles work: a server from the server bundle, a client from the client bundle.

Skipped unless ``MEETINGROOM_BUNDLE_DIR`` names the folder holding
``meetingroom-server/`` and ``meetingroom-client/`` (``scripts/build-bundles``
makes them in ``dist/``; ``scripts/test`` builds them and runs this last).
Run by hand: ``MEETINGROOM_BUNDLE_DIR=dist .venv/bin/python -m pytest -m bundle``.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from meetingroom import __version__
from meetingroom.core.demo_documents import DEMO_PASSWORD
from meetingroom.sync.client.discovery import discover
from tests.helpers.processes import Process, serve

BUNDLE_ENV = "MEETINGROOM_BUNDLE_DIR"
BUNDLES = Path(os.environ.get(BUNDLE_ENV, "")) if os.environ.get(BUNDLE_ENV) else None
EXE = ".exe" if os.name == "nt" else ""

pytestmark = [
    pytest.mark.bundle,
    pytest.mark.skipif(BUNDLES is None, reason=f"{BUNDLE_ENV} not set (scripts/build-bundles)"),
    pytest.mark.timeout(300),
]


def _exe(kind: str) -> Path:
    assert BUNDLES is not None
    path = BUNDLES / f"meetingroom-{kind}" / f"meetingroom-{kind}{EXE}"
    assert path.is_file(), f"{path} is missing: build it with scripts/build-bundles"
    return path


def _free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """No venv on the path: the bundles must not lean on the source tree or site-packages."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    return {**env, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path / "data"),
            "XDG_CONFIG_HOME": str(tmp_path / "config"), "MEETINGROOM_LOG": "info",
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", **extra}


class FrozenServer:
    def __init__(self, tmp_path: Path, discovery_port: int) -> None:
        self.db = f"sqlite:///{tmp_path / 'hall.db'}"
        self.env = _env(tmp_path, MEETINGROOM_DISCOVERY_PORT=str(discovery_port),
                        MEETINGROOM_HALL_NAME="Hội trường thử")
        self.log = tmp_path / "server.err"
        self.process: Process | None = None
        self.url = ""

    def seed(self) -> str:
        seeded = subprocess.run([str(_exe("server")), "seed-demo", "--db", self.db],
                                capture_output=True, text=True, timeout=180, env=self.env,
                                check=False)
        assert seeded.returncode == 0, seeded.stderr
        return seeded.stdout

    def start(self) -> str:
        self.process = serve(self.db, command=[str(_exe("server")), "serve"], log=self.log,
                             clean_env=self.env)
        self.url = self.process.url
        return self.url

    def stop(self) -> None:
        if self.process is not None:
            self.process.stop(timeout=30)


@pytest.fixture(scope="module")
def frozen_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FrozenServer]:
    server = FrozenServer(tmp_path_factory.mktemp("frozen"), _free_udp_port())
    started = time.monotonic()
    assert "daibieu01" in server.seed()
    server.start()
    print(f"frozen server seeded and serving in {time.monotonic() - started:.1f} s")
    yield server
    server.stop()


def test_the_bundles_carry_their_version() -> None:
    assert BUNDLES is not None
    for kind in ("client", "server"):
        stamp = BUNDLES / f"meetingroom-{kind}" / "_internal" / "VERSION"
        assert stamp.read_text(encoding="utf-8").strip() == __version__
    shown = subprocess.run([str(_exe("server")), "--version"], capture_output=True, text=True,
                           timeout=60, check=False)
    assert shown.stdout.strip() == f"meetingroom {__version__}"


def test_the_server_bundle_has_what_it_needs_and_no_qt() -> None:
    assert BUNDLES is not None
    internal = BUNDLES / "meetingroom-server" / "_internal"
    versions = internal / "meetingroom" / "server" / "storage" / "migrations" / "versions"
    assert sorted(p.name for p in versions.glob("0001_*.py"))
    assert not (internal / "PySide6").exists()
    client = BUNDLES / "meetingroom-client" / "_internal"
    # The desktop carries none of the server's brain, database or password hashing.
    assert not (client / "meetingroom" / "server").exists()
    assert not {"sqlalchemy", "alembic", "argon2"} & {p.name for p in client.iterdir()}
    assert (client / "meetingroom" / "resources" / "translations" / "meetingroom_en.qm").is_file()
    platforms = client / "PySide6" / "Qt" / "plugins" / "platforms"
    assert {"libqoffscreen.so", "libqxcb.so"} <= {p.name for p in platforms.iterdir()} \
        or os.name == "nt"


def test_the_frozen_server_answers_health_and_announces_itself(
        frozen_server: FrozenServer) -> None:
    health = frozen_server.url.replace("ws://", "http://") + "/healthz"
    with urllib.request.urlopen(health, timeout=10) as answer:
        body = json.loads(answer.read())
    assert body["status"] == "ok"
    assert body["version"] == __version__
    port = int(frozen_server.env["MEETINGROOM_DISCOVERY_PORT"])
    heard = asyncio.run(discover(4.0, port))
    assert [(a.name, a.url) for a in heard] == [("Hội trường thử", frozen_server.url)]


def _smoke(frozen_server: FrozenServer, tmp_path: Path, username: str,
           password: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(_exe("client")), "--server", frozen_server.url, "--user", username,
         "--password-stdin", "--smoke", "--smoke-timeout", "90",
         "--settings", str(tmp_path / "client.json")],
        input=password + "\n", capture_output=True, text=True, timeout=180,
        env=_env(tmp_path), check=False)


def test_the_frozen_client_reaches_the_login_window_and_logs_in(
        frozen_server: FrozenServer, tmp_path: Path) -> None:
    started = time.monotonic()
    ran = _smoke(frozen_server, tmp_path, "daibieu01", DEMO_PASSWORD)
    print(f"frozen client smoke test: {time.monotonic() - started:.1f} s")
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert "login window shown" in ran.stdout
    assert re.search(r"ok: logged in as daibieu01, [1-9]\d* meeting", ran.stdout), ran.stdout
    assert "Traceback" not in ran.stderr


def test_the_frozen_client_says_why_a_login_fails(frozen_server: FrozenServer,
                                                   tmp_path: Path) -> None:
    ran = _smoke(frozen_server, tmp_path, "daibieu02", "not-the-password")
    assert ran.returncode == 1, ran.stdout + ran.stderr
    assert "smoke: login refused" in ran.stderr
