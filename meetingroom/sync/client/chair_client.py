"""The client side of the protocol as plain asyncio: requests matched to replies, events queued.

This is the connection the Qt bridge, the benchmarks and the tests all use; it
knows nothing about windows. Reconnecting and the offline queue build on it.

Liveness is judged from the connection, never from one request: a request waits
for its answer as long as the connection lives (a 500 KB piece over 64 kbit/s
Wi-Fi takes a minute, and that is slow, not lost). The connection is lost when
websockets says so, or when nothing at all, not a byte: no frame, no part of a
frame, no pong to the keepalive pings sent every ``keepalive`` seconds, has
arrived for ``silence_limit`` seconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import ssl
import time
import uuid
from collections.abc import Callable
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed
from websockets.frames import Frame, Opcode

from meetingroom.core.protocol import (
    FEATURE_LEAN_FILES,
    MAX_BINARY_FETCH_BYTES,
    REQUESTS,
    RUN_MESSAGE,
    WELCOME_KNOWN_HEADER,
    ErrorCode,
    RequestType,
    parse_binary_reply,
    welcome_digest,
)
from meetingroom.sync.client.pinning import PinStore, tofu_context
from meetingroom.sync.plain_frames import send_plain
from meetingroom.sync.wire_log import wire_logger

#: Requests whose bulk does not deflate (a PDF's bytes in base64): sent plain even on a
#: deflated connection. Deflating them cost the laptop a second of its network thread
#: for every 5 MB uploaded and gained nothing.
PLAIN_REQUESTS = frozenset({RequestType.UPLOAD_CHUNK})

log = logging.getLogger("meetingroom.client")


class ServerError(Exception):
    """The server answered a request with an error code."""

    def __init__(self, code: str, message: str, details: Any = None) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.details = details


class ConnectionLostError(Exception):
    """The connection closed before the answer arrived; the request may or may not have run."""


class _UnreadableFrameError(Exception):
    """A frame this client cannot make sense of; the stream can no longer be trusted."""

    def __init__(self, reason: str, close_code: int) -> None:
        super().__init__(reason)
        self.close_code = close_code


class _WatchedConnection(ClientConnection):
    """A websocket connection that notes when its last bytes arrived (any bytes at all)."""

    last_bytes: float = 0.0
    #: Bytes arrived so far (a cut download piece's measure of the link).
    bytes_in: int = 0

    #: Takes each whole binary frame as it is parsed (file data), once the greeting is in.
    on_binary: Callable[[bytes | bytearray | memoryview], None] | None = None
    #: Takes each fragment of a binary message sent in fragments: (data, first, last).
    on_binary_part: Callable[[bytes | bytearray | memoryview, bool, bool], None] | None = None
    #: A binary message's fragments are arriving (a continuation frame is one of them).
    _in_binary: bool = False

    def data_received(self, data: bytes) -> None:
        self.last_bytes = time.monotonic()
        self.bytes_in += len(data)
        super().data_received(data)

    def process_event(self, event: object) -> None:
        """A whole binary frame goes straight to ``on_binary``, past websockets' message
        queue: the queue joins every message into a fresh ``bytes``, one more copy of
        each piece into a new allocation, page faults and all. Parsing 4 MiB frames in a
        loop took 1.2 s of CPU per GB with that copy, 0.1 s without. Only file data comes
        as binary frames, each the whole answer to its own request, so it needs no place
        in the order of the text frames."""
        handler, part = self.on_binary, self.on_binary_part
        if handler is not None and isinstance(event, Frame):
            if event.fin and event.opcode is Opcode.BINARY:
                handler(event.data)
                return
            # A small piece comes in fragments (``serving.pieces.fragmented``): each is
            # kept as it comes, so a cut piece leaves what had arrived of it.
            if part is not None and (event.opcode is Opcode.BINARY
                                     or (event.opcode is Opcode.CONT and self._in_binary)):
                self._in_binary = not event.fin
                part(event.data, event.opcode is Opcode.BINARY, event.fin)
                return
        super().process_event(event)  # type: ignore[arg-type]


class ChairClient:
    def __init__(self, url: str, *, ssl_context: ssl.SSLContext | None = None,
                 timeout: float = 30.0, close_timeout: float = 10.0,
                 pins: PinStore | None = None, local_address: str | None = None,
                 keepalive: float = 5.0, silence_limit: float = 20.0,
                 compress: bool = True) -> None:
        """``timeout`` bounds opening the connection (and ``next_event``); a request waits
        while the connection lives, unless its caller gives a ``wait``. ``compress``:
        offer per-message deflate (JSON shrinks to about a third on a weak hall link; a
        connection for file data, which does not compress, offers none)."""
        self.url = url
        #: The source address to connect from (a multi-homed relay; tests on 127.0.0.x).
        self.local_address = local_address
        #: With pins and no context, TLS is checked by the pinned fingerprint instead of a CA.
        self.pins = pins
        self.ssl_context = ssl_context or (tofu_context() if pins and url.startswith("wss:")
                                           else None)
        self.timeout = timeout
        #: Seconds between keepalive pings (their pongs are bytes that prove the link).
        self.keepalive = keepalive
        #: Nothing at all from the server for this long: the connection is lost.
        self.silence_limit = silence_limit
        #: How long a close may wait for the server's answer; short on flaky networks.
        self.close_timeout = close_timeout
        self.compress = compress
        #: Why the connection ended, once it has (for status lines; never holds secrets).
        self.close_reason: str | None = None
        self.events: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        #: Errors the server sent without a request id that answer no request of ours.
        self.unsolicited: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.welcome: dict[str, Any] = {}
        #: Called with each notice message; notices carry no ``seq`` and are not kept.
        self.notice_handler: Callable[[dict[str, Any]], None] | None = None
        self.token: str | None = None
        self.user: dict[str, Any] | None = None
        self.last_seq: dict[int, int] = {}
        self._ws: ClientConnection | None = None
        self._reader: asyncio.Task[None] | None = None
        self._watchdog: asyncio.Task[None] | None = None
        #: Requests sent and not yet answered, oldest first (the order they were sent in);
        #: one that timed out stays until its answer comes, so the order stays exact.
        self._pending: dict[str, asyncio.Future[dict[str, Any]]] = {}
        self._ids = itertools.count(1)
        #: Bytes that arrived on connections of this client already closed.
        self._bytes_before = 0
        #: The binary message arriving in fragments, as far as it came (``take_partial``).
        self._partial = bytearray()

    # --- connection ----------------------------------------------------------------

    async def connect(self, *, welcome: dict[str, Any] | None = None) -> None:
        """Open the connection and take the server's ``welcome``. ``welcome``: one this
        laptop had from the same server; where it lists ``FEATURE_LEAN_FILES`` the
        handshake names it, and a server whose welcome is the same says so in 30 bytes:
        a laptop's file connection is opened again after every vote, and every connection
        after an outage, over a slow hall link."""
        known = welcome if FEATURE_LEAN_FILES in ((welcome or {}).get("features") or []) \
            else None
        # Keepalive pings go out, but their answer may queue behind a large frame on a
        # slow link: the watchdog judges by any bytes arriving, not by the pong alone.
        ws = await connect(self.url, ssl=self.ssl_context, open_timeout=self.timeout,
                           additional_headers={WELCOME_KNOWN_HEADER: welcome_digest(known)}
                           if known else None,
                           close_timeout=self.close_timeout,
                           max_size=MAX_BINARY_FETCH_BYTES + 64 * 1024,  # a piece, its header
                           logger=wire_logger("client"),
                           compression="deflate" if self.compress else None,
                           ping_interval=self.keepalive, ping_timeout=None,
                           create_connection=_WatchedConnection,
                           **self._socket_options())
        if self.pins is not None and self.url.startswith("wss:"):
            ssl_object = ws.transport.get_extra_info("ssl_object")
            der = ssl_object.getpeercert(binary_form=True) if ssl_object else None
            try:
                if not der:
                    raise ConnectionLostError("the server sent no certificate")
                self.pins.check(self.url, der)
            except BaseException:
                await ws.close()
                raise
        try:
            frame = await asyncio.wait_for(ws.recv(), self.timeout)
            first = json.loads(frame) if isinstance(frame, str) else None
        except (ConnectionClosed, ValueError) as exc:
            await ws.close()
            raise ConnectionLostError(f"no greeting from the server ({exc})") from exc
        except BaseException:
            await ws.close()
            raise
        if known and isinstance(first, dict) and first.get("same") is True:
            first = dict(known)
        if not isinstance(first, dict) or first.get("type") != "welcome":
            await ws.close()
            raise ServerError(ErrorCode.BAD_MESSAGE, "unexpected greeting from the server")
        self._ws = ws
        self.welcome = first
        self._reader = asyncio.create_task(self._read(ws))
        if isinstance(ws, _WatchedConnection):
            ws.on_binary = self._binary_frame
            ws.on_binary_part = self._binary_part
            self._watchdog = asyncio.create_task(self._watch_silence(ws))

    @property
    def received_bytes(self) -> int:
        """Bytes arrived on this client's connections so far, closed ones included."""
        ws = self._ws
        return self._bytes_before + (ws.bytes_in if isinstance(ws, _WatchedConnection) else 0)

    @property
    def deflated(self) -> bool:
        """Whether the server took up per-message deflate on this connection."""
        return self._ws is not None and bool(self._ws.protocol.extensions)

    @property
    def alive(self) -> bool:
        """Connected, and the connection has not ended."""
        return self._reader is not None and not self._reader.done()

    @property
    def silent_for(self) -> float:
        """Seconds since the last bytes arrived from the server (0 when not connected)."""
        ws = self._ws
        if not isinstance(ws, _WatchedConnection) or not ws.last_bytes:
            return 0.0
        return time.monotonic() - ws.last_bytes

    async def _watch_silence(self, ws: _WatchedConnection) -> None:
        """End the connection once nothing at all has arrived for ``silence_limit``."""
        if not ws.last_bytes:
            ws.last_bytes = time.monotonic()
        while True:
            quiet = time.monotonic() - ws.last_bytes
            if quiet >= self.silence_limit:
                break
            await asyncio.sleep(min(self.silence_limit - quiet, self.keepalive) + 0.05)
        self.close_reason = (f"no data from the server for {self.silence_limit:.0f} s; "
                             "the link is down")
        log.info("connection silent: %s", self.close_reason)
        # The link carries nothing: a closing handshake could not get through either.
        ws.transport.abort()

    def _socket_options(self) -> dict[str, Any]:
        """Passed on to ``loop.create_connection``."""
        return {"local_addr": (self.local_address, 0)} if self.local_address else {}

    async def close(self) -> None:
        if self._watchdog is not None:
            # Not awaited: a cancellation of the caller must not be swallowed with it.
            self._watchdog.cancel()
            self._watchdog = None
        if self._ws is not None:
            await self._ws.close()
        if self._reader is not None:
            try:
                await self._reader
            except asyncio.CancelledError:
                # The reader's own cancellation is expected; ours must go on up.
                current = asyncio.current_task()
                if current is not None and current.cancelling():
                    raise
        self._bytes_before = self.received_bytes
        self._ws = self._reader = None

    async def abort(self) -> None:
        """End the connection at once, with no closing handshake: what the server still
        has on its way here is dropped with the connection instead of being carried to
        the end first (bulk data that a weak link must stop carrying now)."""
        if self._ws is not None and self._ws.transport is not None:
            self._ws.transport.abort()
        await self.close()

    @property
    def waiting(self) -> int:
        """Requests sent on this connection and not yet answered."""
        return len(self._pending)

    async def __aenter__(self) -> ChairClient:
        await self.connect()
        return self

    async def __aexit__(self, *_exc: object) -> None:
        await self.close()

    @property
    def connection(self) -> ClientConnection:
        if self._ws is None:
            raise ConnectionLostError("not connected")
        return self._ws

    async def wait_closed(self) -> None:
        """Return once the connection has ended, for whatever reason (see ``close_reason``)."""
        if self._reader is not None:
            await asyncio.shield(self._reader)

    async def _read(self, ws: ClientConnection) -> None:
        # Whatever ends this loop ends the connection: a reader that stopped quietly would
        # leave requests waiting for answers that can no longer arrive.
        try:
            async for frame in ws:
                self._dispatch(frame)
            self.close_reason = self._closed_reason(ws)
        except ConnectionClosed:
            self.close_reason = self._closed_reason(ws)
        except Exception as exc:
            code = exc.close_code if isinstance(exc, _UnreadableFrameError) else 1011
            self.close_reason = (str(exc) if isinstance(exc, _UnreadableFrameError)
                                 else f"client fault reading a message ({type(exc).__name__})")
            log.warning("dropping connection: %s", self.close_reason)
            self._fail_pending()
            with contextlib.suppress(Exception):
                await ws.close(code, "unreadable message")
        finally:
            self._fail_pending()
            if self._watchdog is not None and self._watchdog is not asyncio.current_task():
                self._watchdog.cancel()

    def _closed_reason(self, ws: ClientConnection) -> str:
        if self.close_reason is not None:  # the watchdog's verdict
            return self.close_reason
        if ws.close_code is None:
            return "connection lost"
        reason = f" {ws.close_reason}" if ws.close_reason else ""
        return f"connection closed (code {ws.close_code}{reason})"

    def _fail_pending(self) -> None:
        reason = self.close_reason or "connection closed"
        for future in self._pending.values():
            if not future.done():
                future.set_exception(ConnectionLostError(reason))
        self._pending.clear()

    def _event(self, message: dict[str, Any]) -> None:
        meeting_id = message["meeting_id"]
        self.last_seq[meeting_id] = max(self.last_seq.get(meeting_id, 0), message["seq"])
        self.events.put_nowait(message)

    def _dispatch(self, frame: str | bytes) -> None:
        if isinstance(frame, bytes):
            self._dispatch_binary(frame)
            return
        try:
            message = json.loads(frame)
        except ValueError as exc:
            raise _UnreadableFrameError("the server sent a message that is not JSON", 1007) from exc
        if not isinstance(message, dict):
            raise _UnreadableFrameError("the server sent a message that is not an object", 1007)
        kind = message.get("type")
        if kind == "event" or kind == RUN_MESSAGE:  # a run: events a relay keeps whole
            self._event(message)
        elif kind == "events":
            # A batch of events (ballots, check-ins), in order: the same as one by one.
            for event in message["events"]:
                self._event(event)
        elif kind == "notice":
            # News that is not in the meeting's log (a relay's uplink, the linked rooms).
            if self.notice_handler is not None:
                self.notice_handler(message)
        elif kind in ("reply", "error"):
            request_id = message.get("id")
            if kind == "error" and request_id is None and self._pending:
                # The server reads one connection's frames in order and answers each once,
                # in that order; an error it could not give an id (a frame dropped unread
                # for rate, too large, …) therefore answers the oldest request still
                # unanswered, and only that one: later ones are read and answered on their
                # own. Failing it now spares its caller the whole timeout.
                oldest = next(iter(self._pending))
                future = self._pending.pop(oldest)
                if not future.done():
                    future.set_result(message)
                    return
                self.unsolicited.put_nowait(message)
                return
            waiting = self._pending.pop(request_id or "", None)
            if waiting is not None and not waiting.done():
                waiting.set_result(message)
            elif kind == "error":
                self.unsolicited.put_nowait(message)

    def _binary_frame(self, frame: bytes | bytearray | memoryview) -> None:
        """A binary frame as websockets parses it (``_WatchedConnection.process_event``):
        an unreadable one ends the connection, as it would in ``_read``."""
        try:
            self._dispatch_binary(frame)
        except _UnreadableFrameError as exc:
            ws = self._ws
            if self.close_reason is None:
                self.close_reason = str(exc)
            log.warning("dropping connection: %s", exc)
            self._fail_pending()
            if ws is not None:
                asyncio.get_running_loop().create_task(ws.close(exc.close_code,
                                                                "unreadable message"))

    def _binary_part(self, data: bytes | bytearray | memoryview, first: bool,
                     last: bool) -> None:
        """A fragment of a binary message: gathered until the last one, then handled as
        one frame."""
        if first:
            self._partial = bytearray(data)
        else:
            self._partial += data
        if last:
            whole, self._partial = self._partial, bytearray()
            self._binary_frame(whole)

    def take_partial(self, request_id: str) -> bytes:
        """The data that arrived of the binary answer to ``request_id`` before its
        connection ended in the middle of it: whole fragments, from the piece's start
        (b"" if none). A cut piece keeps what the link already carried of it."""
        raw, self._partial = self._partial, bytearray()
        try:
            header, data = parse_binary_reply(raw)
        except ValueError:  # nothing, or not even the reply's header
            return b""
        if str(header.get("id")) != request_id:
            self._partial = raw
            return b""
        return bytes(data)

    def next_request_id(self) -> str:
        """An id for a request of this connection (``request(request_id=...)``)."""
        return f"r{next(self._ids)}"

    def _dispatch_binary(self, frame: bytes | bytearray | memoryview) -> None:
        """A binary reply (file data): its header names the request it answers."""
        try:
            header, data = parse_binary_reply(frame)
        except ValueError as exc:
            raise _UnreadableFrameError(f"the server sent an unreadable binary frame ({exc})",
                                        1003) from exc
        waiting = self._pending.pop(str(header.get("id") or ""), None)
        if waiting is None:  # answers a request already given up on: nothing to do
            log.info("file data for no waiting request id=%s", str(header.get("id"))[:64])
            return
        if not waiting.done():
            header["result"]["data"] = data
            waiting.set_result(header)

    # --- requests ------------------------------------------------------------------

    async def request(self, kind: RequestType | str, *, request_id: str | None = None,
                      wait: float | None = None, **fields: Any) -> dict[str, Any]:
        """Send one request and wait for its reply; raise ServerError on an error answer.

        ``kind`` is a type of the request table (``core.protocol.REQUESTS``): any other is a
        mistake of ours, a ValueError before anything is sent. The request waits while the
        connection lives (ConnectionLostError when it ends); ``wait`` bounds it in seconds
        for a caller that must give up earlier.
        """
        if kind not in REQUESTS:
            raise ValueError(f"{kind!r} is not a request type (core.protocol.REQUESTS)")
        request_id = request_id or self.next_request_id()
        if self._reader is None or self._reader.done():
            raise ConnectionLostError(self.close_reason or "not connected")
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        # A caller that gave up (its download cut short, its task gone) no longer awaits
        # the future; the connection loss that fails it is reported by the reader, so the
        # exception is marked as seen rather than logged as "never retrieved".
        future.add_done_callback(_seen)
        self._pending[request_id] = future
        text = json.dumps({"type": kind, "id": request_id, **fields}, ensure_ascii=False)
        try:
            if kind in PLAIN_REQUESTS and self.deflated:
                await send_plain(self.connection, text)
            else:
                await self.connection.send(text)
        except ConnectionClosed as exc:
            self._pending.pop(request_id, None)
            raise ConnectionLostError(str(exc)) from exc
        # A request given up on stays in ``_pending``: its answer keeps the order exact.
        answer = await (future if wait is None else asyncio.wait_for(future, wait))
        if answer["type"] == "error":
            raise ServerError(answer["code"], answer["message"], answer.get("details"))
        result: dict[str, Any] = answer["result"]
        return result

    async def login(self, username: str, password: str, *, device: str | None = None,
                    via_relay: dict[str, str] | None = None) -> dict[str, Any]:
        """Log in; ``device`` is this laptop's secret for the account — a known device's
        logins are throttled leniently, ``via_relay`` only for a relay's forwarded login."""
        extra: dict[str, Any] = {}
        if device is not None:
            extra["device"] = device
        if via_relay is not None:
            extra["via_relay"] = via_relay
        try:
            result = await self.request(RequestType.LOGIN, username=username, password=password,
                                        **extra)
        except ServerError as exc:
            if device is None or not _refuses_device(exc):
                raise
            # A server older than device secrets: log in as an unknown device.
            extra.pop("device")
            result = await self.request(RequestType.LOGIN, username=username, password=password,
                                        **extra)
        self.token, self.user = result["token"], result["user"]
        return result

    async def resume(self, token: str | None = None, *, device: str | None = None,
                     files: bool = False) -> dict[str, Any]:
        """Log in with a token; ``files``: this is a file connection (``Resume.files``)."""
        token = token or self.token
        if token is None:
            raise ValueError("no token to resume with")
        mine: dict[str, Any] = {"files": True} if files else {}
        extra: dict[str, Any] = {"device": device, **mine} if device is not None else mine
        try:
            result = await self.request(RequestType.RESUME, token=token, **extra)
        except ServerError as exc:
            if device is None or not _refuses_device(exc):
                raise
            result = await self.request(RequestType.RESUME, token=token, **mine)
        self.token, self.user = token, result["user"]
        return result

    async def logout(self) -> None:
        await self.request(RequestType.LOGOUT)
        self.token = self.user = None

    async def list_meetings(self) -> list[dict[str, Any]]:
        result = await self.request(RequestType.LIST_MEETINGS)
        meetings: list[dict[str, Any]] = result["meetings"]
        return meetings

    async def subscribe(self, meeting_id: int, last_seq: int | None = None, *,
                        every_event: bool = False, runs: bool = False) -> dict[str, Any]:
        """Follow a meeting from ``last_seq`` (default: what this client last saw).

        ``every_event``: the per-voter events even for a delegate's role, a relay's
        mirror, instead of ``progress`` frames; ``runs``: those as ``run`` messages."""
        since = self.last_seq.get(meeting_id, 0) if last_seq is None else last_seq
        fields: dict[str, Any] = {"every_event": True} if every_event else {}
        if runs:
            fields["runs"] = True
        result = await self.request(RequestType.SUBSCRIBE, meeting_id=meeting_id, last_seq=since,
                                    **fields)
        if result["mode"] == "snapshot":
            self.last_seq[meeting_id] = result["seq"]
        return result

    async def command(self, meeting_id: int, name: str, args: dict[str, Any] | None = None, *,
                      command_id: str | None = None) -> dict[str, Any]:
        """Send a command; pass the same ``command_id`` to retry it safely."""
        return await self.request(RequestType.COMMAND, request_id=command_id or uuid.uuid4().hex,
                                  meeting_id=meeting_id, command=name, args=args or {})

    async def next_event(self, wait: float | None = None) -> dict[str, Any]:
        return await asyncio.wait_for(self.events.get(), wait or self.timeout)


def _refuses_device(exc: ServerError) -> bool:
    """A server of protocol 1 from before device secrets refuses the unknown field."""
    details = exc.details if isinstance(exc.details, list) else []
    return exc.code == ErrorCode.BAD_MESSAGE and any(
        isinstance(d, dict) and str(d.get("field", "")).split(".")[-1] == "device"
        for d in details)


def _seen(future: asyncio.Future[dict[str, Any]]) -> None:
    if not future.cancelled():
        future.exception()
