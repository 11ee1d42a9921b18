"""Finding a hall server on the LAN (UDP announcements; loopback only here), checking an address."""

from __future__ import annotations

import asyncio
import json
import os
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from threading import Thread
from typing import Any

import pytest
from websockets.asyncio.server import ServerConnection, serve

from meetingroom.core.protocol import PROTOCOL_VERSION
from meetingroom.server.service import MeetingService
from meetingroom.server.storage.database import Database
from meetingroom.server.tls_cert import make_self_signed
from meetingroom.sync.client.discovery import (
    Announcer,
    DiscoveryListener,
    Problem,
    announce_targets,
    announcement_payload,
    check_server,
    discover,
    parse_announcement,
)
from meetingroom.sync.client.pinning import PinStore
from meetingroom.sync.serving.endpoint import ChairServer, ServerConfig, tls_context
from tests.helpers import processes


def free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def free_tcp_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


# --- servers that are not (quite) a meetingroom server --------------------------------

@asynccontextmanager
async def fake_ws_server(greeting: dict[str, Any] | None) -> AsyncIterator[str]:
    """A WebSocket server that greets with ``greeting`` (None: says nothing, then closes)."""
    async def handler(connection: ServerConnection) -> None:
        if greeting is not None:
            await connection.send(json.dumps(greeting))
            await connection.wait_closed()

    async with serve(handler, "127.0.0.1", 0) as server:
        port = next(iter(server.sockets)).getsockname()[1]
        yield f"ws://127.0.0.1:{port}"


class _NotFound(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_error(404, "nothing here")

    def log_message(self, *_args: object) -> None:
        pass


@asynccontextmanager
async def plain_http_server() -> AsyncIterator[str]:
    """An ordinary web server (a printer's page, a router) on the address given."""
    httpd = HTTPServer(("127.0.0.1", 0), _NotFound)
    thread = Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"ws://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@asynccontextmanager
async def chair_server(folder: Path, *, tls: bool = False) -> AsyncIterator[ChairServer]:
    """A real chair server on an empty SQLite database."""
    await asyncio.to_thread(folder.mkdir, parents=True, exist_ok=True)
    database = Database(f"sqlite:///{folder / 'hall.db'}")
    context = None
    if tls:
        cert, key, _print = make_self_signed(folder / "tls", ["127.0.0.1"])
        context = tls_context(str(cert), str(key))
    server = ChairServer(MeetingService(database), ServerConfig(port=0, tls=context))
    await server.start()
    try:
        yield server
    finally:
        await server.stop()
        database.dispose()


# --- the announcement ---------------------------------------------------------------

def test_an_announcement_names_the_server_and_a_wildcard_host_means_the_sender() -> None:
    payload = announcement_payload(name="Hội trường A", scheme="wss", port=9443, host="0.0.0.0")
    found = parse_announcement(payload, "192.0.2.7")
    assert found is not None
    assert found.url == "wss://192.0.2.7:9443"
    assert found.name == "Hội trường A"
    assert found.protocol == PROTOCOL_VERSION
    assert found.compatible
    named = parse_announcement(announcement_payload(name="x", scheme="ws", port=1,
                                                    host="hall.local"), "192.0.2.7")
    assert named is not None
    assert named.url == "ws://hall.local:1"


@pytest.mark.parametrize("data", [
    b"", b"not json", b"[1, 2]", b'{"service": "other", "scheme": "ws", "port": 1}',
    json.dumps({"service": "meetingroom", "scheme": "http", "port": 80, "name": "x",
                "protocol": 1}).encode(),
    json.dumps({"service": "meetingroom", "scheme": "ws", "port": 70000, "name": "x",
                "protocol": 1}).encode(),
    json.dumps({"service": "meetingroom", "scheme": "ws", "port": 1, "name": "x",
                "protocol": 1, "host": "evil/path"}).encode(),
    b"\xff\xfe", b"{" + b" " * 2000 + b"}",
])
def test_anything_else_on_the_port_is_ignored(data: bytes) -> None:
    assert parse_announcement(data, "127.0.0.1") is None


def test_a_loopback_server_announces_on_this_machine_only() -> None:
    assert announce_targets("127.0.0.1", 5000) == [("127.0.0.1", 5000)]
    assert announce_targets("localhost", 5000) == [("127.0.0.1", 5000)]
    assert announce_targets("0.0.0.0", 5000) == [("255.255.255.255", 5000)]


async def test_a_listener_hears_an_announcer() -> None:
    port = free_udp_port()
    announcer = Announcer(name="Hội trường tầng 2", scheme="ws", port=8765, host="",
                          interval=0.1, targets=[("127.0.0.1", port)])
    with DiscoveryListener(port) as listener:
        task = asyncio.create_task(announcer.run())
        try:
            for _ in range(100):
                await asyncio.sleep(0.05)
                if listener.poll() or listener.found:
                    break
        finally:
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
    assert list(listener.found) == ["ws://127.0.0.1:8765"]
    assert listener.found["ws://127.0.0.1:8765"].name == "Hội trường tầng 2"
    assert not listener.poll()  # closed: nothing more, no error


def test_serve_announces_itself_unless_told_not_to(tmp_path: Path) -> None:
    port = free_udp_port()
    env = {**os.environ, "MEETINGROOM_DISCOVERY_PORT": str(port), "PYTHONUNBUFFERED": "1",
           "MEETINGROOM_LOG": "warning"}
    for flag, expected in (("--announce", True), ("--no-announce", False)):
        with processes.serve(str(tmp_path / f"{flag}.db"), clean_env=env,
                             args=(flag, "--hall-name", "Phòng họp số 1")) as server:
            assert server.ready.host == "127.0.0.1"
            heard = asyncio.run(discover(4.0 if expected else 3.5, port))
        if expected:
            assert [(a.name, a.url) for a in heard] == [("Phòng họp số 1", server.url)]
        else:
            assert heard == []


# --- checking an address --------------------------------------------------------------

async def test_a_meetingroom_server_passes_the_check(tmp_path: Path) -> None:
    async with chair_server(tmp_path) as server:
        result = await check_server(server.url, PinStore(tmp_path / "pins.json"), wait=5)
    assert result.ok, result
    assert result.server_protocol == PROTOCOL_VERSION
    assert result.server_version


async def test_a_tls_server_is_pinned_by_the_check_and_a_changed_pin_is_refused(
        tmp_path: Path) -> None:
    pins = PinStore(tmp_path / "pins.json")
    async with chair_server(tmp_path, tls=True) as server:
        first = await check_server(server.url, pins, wait=5)
        assert first.ok, first
        assert first.fingerprint
        assert pins.pinned(server.url) == first.fingerprint
        (tmp_path / "pins.json").write_text(json.dumps({PinStore.key(server.url): "AA:BB"}))
        changed = await check_server(server.url, pins, wait=5)
    assert changed.problem is Problem.PIN_CHANGED
    assert "AA:BB" in changed.detail


async def test_each_failure_is_named(tmp_path: Path) -> None:
    pins = PinStore(tmp_path / "pins.json")
    closed = f"ws://127.0.0.1:{free_tcp_port()}"
    assert (await check_server(closed, pins, wait=3)).problem is Problem.UNREACHABLE
    async with plain_http_server() as url:
        result = await check_server(url, pins, wait=3)
        assert result.problem is Problem.NOT_MEETINGROOM
    async with fake_ws_server({"type": "welcome", "protocol": PROTOCOL_VERSION + 98,
                               "server": "9.0"}) as url:
        result = await check_server(url, pins, wait=3)
        assert result.problem is Problem.PROTOCOL
        assert result.server_version == "9.0"
    async with fake_ws_server({"type": "hello"}) as url:
        assert (await check_server(url, pins, wait=3)).problem is Problem.NOT_MEETINGROOM
    async with fake_ws_server(None) as url:
        assert (await check_server(url, pins, wait=3)).problem is Problem.NOT_MEETINGROOM
    async with chair_server(tmp_path / "plain") as server:
        wss = server.url.replace("ws://", "wss://")
        assert (await check_server(wss, pins, wait=3)).problem is Problem.TLS
    async with chair_server(tmp_path / "tls", tls=True) as server:
        ws = server.url.replace("wss://", "ws://")
        assert (await check_server(ws, pins, wait=3)).problem is Problem.NEEDS_TLS
