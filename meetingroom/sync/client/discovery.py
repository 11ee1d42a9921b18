"""Finding a hall server on the LAN, and checking that an address is a usable meetingroom server.

A chair server (``meetingroom serve``, unless ``--no-announce``) sends a small
JSON datagram every few seconds by UDP broadcast to port 8765 — the same number
as the WebSocket port, but UDP::

    {"service": "meetingroom", "v": 1, "name": "Hội trường tầng 2",
     "scheme": "wss", "host": "", "port": 8765, "protocol": 1, "version": "0.1.0"}

``host`` is empty when the server listens on every address: the client then
dials the address the datagram came from. A server bound to a loopback address
announces to 127.0.0.1 only, for a client on the same machine; never to the LAN.
No new dependency and no multicast group: plain broadcast works on the flat
networks of a council hall; where it is filtered, the user types the address.

``DiscoveryListener`` is the client's side: a non-blocking socket polled from
the UI's timer. ``check_server`` connects once and names what is wrong, for
the first-run window's messages.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
import logging
import os
import socket
import ssl
import time
from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

from websockets.exceptions import InvalidHandshake, InvalidStatus, InvalidURI

from meetingroom import __version__
from meetingroom.core.protocol import PROTOCOL_VERSION
from meetingroom.sync.client.chair_client import ChairClient, ConnectionLostError, ServerError
from meetingroom.sync.client.pinning import CertificateChangedError, PinStore, tofu_context

log = logging.getLogger("meetingroom.discovery")

SERVICE = "meetingroom"
#: Version of the announcement format (not of the wire protocol).
FORMAT_VERSION = 1
DISCOVERY_PORT = 8765
#: Overrides the UDP port on both sides (tests, or a hall where 8765/udp is taken).
PORT_ENV = "MEETINGROOM_DISCOVERY_PORT"
ANNOUNCE_INTERVAL = 3.0
MAX_DATAGRAM = 1024


def discovery_port(port: int | None = None) -> int:
    if port is not None:
        return port
    try:
        return int(os.environ.get(PORT_ENV, "") or DISCOVERY_PORT)
    except ValueError:
        return DISCOVERY_PORT


@dataclass(frozen=True)
class Announcement:
    """One server heard on the network."""

    name: str
    url: str
    protocol: int
    version: str
    #: The address the datagram came from.
    address: str

    @property
    def compatible(self) -> bool:
        return self.protocol == PROTOCOL_VERSION


def announcement_payload(*, name: str, scheme: str, port: int, host: str = "") -> bytes:
    """The datagram a server sends; ``host`` empty means "the address I send from"."""
    body = {"service": SERVICE, "v": FORMAT_VERSION, "name": name[:100], "scheme": scheme,
            "host": "" if _is_wildcard(host) else host, "port": port,
            "protocol": PROTOCOL_VERSION, "version": __version__}
    return json.dumps(body, ensure_ascii=False).encode("utf-8")


def parse_announcement(data: bytes, sender: str) -> Announcement | None:
    """The announcement in a datagram from ``sender``, or None for anything else."""
    if len(data) > MAX_DATAGRAM:
        return None
    try:
        body = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(body, dict) or body.get("service") != SERVICE:
        return None
    scheme, port, host = body.get("scheme"), body.get("port"), body.get("host") or ""
    protocol, name = body.get("protocol"), body.get("name")
    if scheme not in ("ws", "wss") or not isinstance(port, int) or not 0 < port < 65536:
        return None
    if not isinstance(host, str) or not isinstance(protocol, int) or not isinstance(name, str):
        return None
    host = host.strip() or sender
    if not host or any(ch in host for ch in "/?#@ ") or len(host) > 253:
        return None
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"  # an IPv6 literal
    version = body.get("version")
    return Announcement(name=name.strip() or host, url=f"{scheme}://{host}:{port}",
                        protocol=protocol, version=version if isinstance(version, str) else "",
                        address=sender)


def _is_wildcard(host: str) -> bool:
    return host in ("", "0.0.0.0", "::", "*")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def announce_targets(host: str, port: int | None = None) -> list[tuple[str, int]]:
    """Where a server bound to ``host`` announces itself: loopback stays on this machine."""
    dport = discovery_port(port)
    if _is_loopback(host):
        return [("127.0.0.1", dport)]
    return [("255.255.255.255", dport)]


# --- the server's side ---------------------------------------------------------------

class Announcer:
    """Sends the announcement every ``interval`` seconds until cancelled."""

    def __init__(self, *, name: str, scheme: str, port: int, host: str = "",
                 interval: float = ANNOUNCE_INTERVAL,
                 targets: list[tuple[str, int]] | None = None) -> None:
        self.payload = announcement_payload(name=name, scheme=scheme, port=port, host=host)
        self.interval = interval
        self.targets = targets if targets is not None else announce_targets(host)
        self.sent = 0
        self._warned: set[str] = set()

    def send_once(self, sock: socket.socket) -> None:
        for target in self.targets:
            try:
                sock.sendto(self.payload, target)
                self.sent += 1
            except OSError as exc:  # no network yet, broadcast filtered: try again later
                key = f"{target[0]}:{exc.errno}"
                if key not in self._warned:
                    self._warned.add(key)
                    log.warning("cannot announce to %s:%d: %s", target[0], target[1], exc)

    async def run(self) -> None:
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
            sock.setblocking(False)
            log.info("announcing on udp %s every %.0f s",
                     ", ".join(f"{h}:{p}" for h, p in self.targets), self.interval)
            while True:
                self.send_once(sock)
                await asyncio.sleep(self.interval)
        finally:
            sock.close()


def start_announcer(*, name: str, scheme: str, port: int, host: str,
                    interval: float = ANNOUNCE_INTERVAL) -> asyncio.Task[None]:
    """Run an ``Announcer`` in the current event loop — the server's."""
    announcer = Announcer(name=name, scheme=scheme, port=port, host=host, interval=interval)
    return asyncio.get_running_loop().create_task(announcer.run(), name="meetingroom-announce")


def default_hall_name() -> str:
    return os.environ.get("MEETINGROOM_HALL_NAME") or socket.gethostname() or "meetingroom"


# --- the client's side ---------------------------------------------------------------

class DiscoveryListener:
    """Collects announcements on the discovery port; call ``poll`` from a timer."""

    def __init__(self, port: int | None = None, bind: str = "") -> None:
        self.port = discovery_port(port)
        self.bind = bind
        #: Every server heard so far, by URL (the newest announcement of each).
        self.found: dict[str, Announcement] = {}
        self._sock: socket.socket | None = None

    def open(self) -> None:
        """Start listening; OSError when the port cannot be had."""
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if hasattr(socket, "SO_REUSEPORT"):  # several clients on one machine
                with contextlib.suppress(OSError):
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
            sock.bind((self.bind, self.port))
            sock.setblocking(False)
        except OSError:
            sock.close()
            raise
        self._sock = sock

    @property
    def is_open(self) -> bool:
        return self._sock is not None

    def poll(self) -> list[Announcement]:
        """Read what has arrived; returns the servers not heard before."""
        if self._sock is None:
            return []
        new: list[Announcement] = []
        for _ in range(256):
            try:
                data, sender = self._sock.recvfrom(MAX_DATAGRAM + 1)
            except (BlockingIOError, InterruptedError):
                break
            except OSError as exc:  # e.g. ICMP errors surfacing on Windows
                log.debug("discovery socket: %s", exc)
                break
            found = parse_announcement(data, str(sender[0]))
            if found is None:
                continue
            if found.url not in self.found:
                new.append(found)
            self.found[found.url] = found
        return new

    def close(self) -> None:
        if self._sock is not None:
            self._sock.close()
            self._sock = None

    def __enter__(self) -> DiscoveryListener:
        self.open()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


async def discover(seconds: float = 3.0, port: int | None = None) -> list[Announcement]:
    """Listen for ``seconds`` and return every server heard (for scripts and tests)."""
    with DiscoveryListener(port) as listener:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            listener.poll()
            await asyncio.sleep(0.05)
        listener.poll()
        return sorted(listener.found.values(), key=lambda a: (a.name, a.url))


# --- checking an address -------------------------------------------------------------

class Problem(StrEnum):
    UNREACHABLE = "unreachable"
    TLS = "tls"
    NEEDS_TLS = "needs_tls"
    PIN_CHANGED = "pin_changed"
    PROTOCOL = "protocol"
    NOT_MEETINGROOM = "not_meetingroom"


@dataclass(frozen=True)
class CheckResult:
    url: str
    problem: Problem | None = None
    #: Technical detail for the message (never a secret).
    detail: str = ""
    server_version: str = ""
    server_protocol: int | None = None
    #: SHA-256 fingerprint pinned for a wss:// server.
    fingerprint: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__


async def _speaks_tls(url: str, wait: float) -> bool:
    """True when ``url``'s host:port completes a TLS handshake — a wss:// server dialled as ws://."""
    parts = urlsplit(url)
    if not parts.hostname:
        return False
    try:
        _reader, writer = await asyncio.wait_for(
            asyncio.open_connection(parts.hostname, parts.port or 80, ssl=tofu_context(),
                                    server_hostname=""), wait)
    except (OSError, ssl.SSLError, TimeoutError):
        return False
    writer.close()
    with contextlib.suppress(OSError, ssl.SSLError):
        await writer.wait_closed()
    return True


async def check_server(url: str, pins: PinStore | None = None,
                       wait: float = 5.0) -> CheckResult:
    """Connect once to ``url`` and say whether it is a meetingroom server this client can use.

    A wss:// server's certificate is pinned on first use in ``pins`` (as the real
    connection would), so a changed certificate is reported as such.
    """
    client = ChairClient(url, pins=pins, timeout=wait, close_timeout=1.0,
                         ssl_context=None if pins else
                         (tofu_context() if url.startswith("wss:") else None))
    try:
        await client.connect()
    except CertificateChangedError as exc:
        return CheckResult(url, Problem.PIN_CHANGED, f"pinned {exc.pinned}, presented "
                           f"{exc.presented}")
    except ssl.SSLError as exc:
        return CheckResult(url, Problem.TLS, _first_line(exc))
    except InvalidStatus as exc:
        return CheckResult(url, Problem.NOT_MEETINGROOM,
                           f"HTTP {exc.response.status_code} instead of a WebSocket")
    except InvalidURI as exc:
        return CheckResult(url, Problem.UNREACHABLE, _first_line(exc))
    except (InvalidHandshake, ConnectionLostError, ServerError, EOFError) as exc:
        if url.startswith("ws:") and await _speaks_tls(url, wait):
            return CheckResult(url, Problem.NEEDS_TLS, "the server answers with TLS")
        return CheckResult(url, Problem.NOT_MEETINGROOM, _first_line(exc))
    except (ConnectionResetError, ConnectionAbortedError, BrokenPipeError) as exc:
        if url.startswith("wss:"):  # the port answers, but not with TLS: a ws:// server
            return CheckResult(url, Problem.TLS, f"no TLS handshake ({type(exc).__name__})")
        return CheckResult(url, Problem.UNREACHABLE, _first_line(exc))
    except (OSError, TimeoutError) as exc:
        return CheckResult(url, Problem.UNREACHABLE, _first_line(exc) or "timed out")
    try:
        welcome: dict[str, Any] = client.welcome
        protocol = welcome.get("protocol")
        version = str(welcome.get("server") or "")
        fingerprint = pins.pinned(url) if pins is not None and url.startswith("wss:") else None
        if protocol != PROTOCOL_VERSION:
            return CheckResult(url, Problem.PROTOCOL, f"server protocol {protocol!r}, "
                               f"client protocol {PROTOCOL_VERSION}", server_version=version,
                               server_protocol=protocol if isinstance(protocol, int) else None)
        return CheckResult(url, None, "", server_version=version, server_protocol=protocol,
                           fingerprint=fingerprint)
    finally:
        with contextlib.suppress(Exception):
            await client.close()
