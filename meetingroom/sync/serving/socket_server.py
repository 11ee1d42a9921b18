"""The websocket front shared by the chair server and a hall relay.

``SocketServer`` owns what both speak to hall laptops the same way: connections and
the greeting, message, rate and per-address limits, replies and errors, and each
meeting's fan-out ``Channel``. The chair server (``endpoint``) and the relay
(``sync.relay``) answer requests through ``_request_handlers``, one per type of the
request table. Kept apart from ``endpoint`` so neither file grows past what one reader
holds in mind.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import itertools
import logging
import signal
import ssl
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from http import HTTPStatus
from typing import Any, TypeVar

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.datastructures import Headers
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

from meetingroom import __version__
from meetingroom.core.protocol import (
    FEATURE_BINARY_FETCH,
    FEATURE_LEAN_FILES,
    PROTOCOL_VERSION,
    REQUESTS,
    WELCOME_KNOWN_HEADER,
    ErrorCode,
    ProtocolError,
    Reason,
    RequestSpec,
    RequestType,
    Sender,
    binary_reply,
    encode,
    encode_reply,
    error,
    parse_request,
    welcome_digest,
)
from meetingroom.server.blobs import BlobStore
from meetingroom.server.service import Identity
from meetingroom.sync.plain_frames import send_plain
from meetingroom.sync.serving.budget import ByteBudget
from meetingroom.sync.serving.channel import Channel, plain_reply
from meetingroom.sync.serving.collector import tune_collector
from meetingroom.sync.serving.pieces import (
    FRAGMENTED_UP_TO,
    BinaryReply,
    WatchedConnection,
    can_sendfile,
    fragmented,
    piece_limit,
    sendfile_piece,
    websocket_head,
)
from meetingroom.sync.serving.ratelimit import TokenBucket
from meetingroom.sync.serving.subscriber import SLOW_FOR_S, Subscriber
from meetingroom.sync.wire_log import wire_logger

log = logging.getLogger("meetingroom.server")
T = TypeVar("T")
S = TypeVar("S", bound="SocketServer")


#: Password hashes computed at once (one per core of the 2-core hall server; a bound, so
#: a flood of logins cannot take every core from the event loop and the database).
PASSWORD_THREADS = 2


@dataclass(frozen=True)
class ServerConfig:
    host: str = "127.0.0.1"
    port: int = 8765
    #: Largest JSON message answered normally; bigger ones get ``too_large``.
    max_message_bytes: int = 64 * 1024
    #: Frames above this are refused by websockets itself (close code 1009).
    hard_max_bytes: int = 1024 * 1024
    rate_per_second: float = 30.0
    rate_burst: float = 60.0
    #: Refused-for-rate messages (less one per accepted one) before closing it (1008).
    max_rate_violations: int = 200
    #: The server's own keepalive pings (the client pings too, every 5 s). Their pongs are
    #: bytes like any other; no pong is awaited (``silence_limit`` judges liveness).
    ping_interval: float | None = 20.0
    #: A connection from which nothing at all, not a byte, has arrived for this long is
    #: closed. Not a pong timeout: on a slow link the pong queues behind the laptop's data
    #: and comes late while the connection is plainly alive.
    silence_limit: float = 60.0
    tls: ssl.SSLContext | None = None
    #: How often written-opinion deadlines are checked (they close on their own).
    deadline_sweep_seconds: float = 15.0
    #: File pieces have their own, larger budget so a download never starves commands.
    transfer_rate_per_second: float = 400.0
    transfer_burst: float = 800.0
    #: Connections from one address; more are closed at once (1013). Laptops behind a
    #: commune's NAT share an address, so this is generous.
    max_connections_per_ip: int = 400
    #: Messages per second from one address, all its connections together.
    ip_rate_per_second: float = 600.0
    ip_rate_burst: float = 1200.0
    #: Fan committed events out to other server processes over PostgreSQL LISTEN/NOTIFY.
    #: None: on with PostgreSQL, off with SQLite (one process).
    fanout: bool | None = None
    #: Most commands applied in one group commit (ballots, check-ins, speaking requests).
    max_batch: int = 500
    #: Wait this long before taking a batch, to gather more. 0 in service: batches form
    #: from what arrives while the previous one commits. Tests set it to make a batch.
    batch_gather_seconds: float = 0.0
    #: Ballots and check-ins are flushed to the hall at most this often (``channel``).
    progress_interval_s: float = 0.05
    #: Bytes of binary file pieces held at once, all connections together (``budget``):
    #: with 4 MiB pieces, 16 at once keep 2 cores busy, and memory stays bounded.
    piece_memory_bytes: int = 64 * 1024 * 1024
    #: Least time between two ``progress`` frames to a delegate on a slow link (``channel``).
    progress_gap_s: float = 2.0


def tls_context(cert_file: str, key_file: str) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(cert_file, key_file)
    return context


#: Answers one parsed request (the model of its ``REQUESTS`` row) from one connection.
RequestHandler = Callable[["Peer", Any], Awaitable["dict[str, Any] | BinaryReply"]]


class Peer:
    """One connection's state: who it is, which meeting it follows, its rate budget."""

    _ids = itertools.count(1)

    def __init__(self, connection: ServerConnection, config: ServerConfig) -> None:
        self.id = next(self._ids)
        self.connection = connection
        self.identity: Identity | None = None
        self.token: str | None = None
        self.subscriber: Subscriber | None = None
        self.bucket = TokenBucket(config.rate_per_second, config.rate_burst)
        self.transfers = TokenBucket(config.transfer_rate_per_second, config.transfer_burst)
        #: Shared by every connection from the same address.
        self.address_bucket = TokenBucket(config.ip_rate_per_second, config.ip_rate_burst)
        self.may_upload: bool | None = None
        self.rate_violations = 0
        #: Runs once the current reply is sent (a subscription's replay follows its reply).
        self.after_reply: Callable[[], None] | None = None
        #: For a relay's uplink: the hall it announced and the meeting it follows.
        self.room: tuple[int, str] | None = None
        #: A laptop's file connection: it said so at ``resume`` or asked for a piece.
        self.fetches = False
        #: The largest binary piece this connection is given (its welcome says it).
        self.piece_limit = piece_limit(connection)
        self._opened = time.monotonic()

    @property
    def last_received(self) -> float:
        """When bytes last arrived from this connection (``time.monotonic``)."""
        return max(self._opened, getattr(self.connection, "last_received", 0.0))

    @property
    def who(self) -> str:
        return self.identity.username if self.identity else "-"


def _lean_handshake(_connection: ServerConnection, _request: Request,
                    response: Response) -> None:
    """The websocket handshake's answer without the ``Date`` and ``Server`` headers no
    client reads: a laptop opens its file connection again after every vote, over a
    hall's air shared by thirty (``bench.weak_link --census``): 64 bytes each time."""
    if response.status_code == 101:
        del response.headers["Date"]
        del response.headers["Server"]


class SocketServer:
    """The websocket front shared by the chair server and a hall relay: connections, the
    greeting, message and rate limits, and each meeting's fan-out ``Channel``.

    Subclasses answer requests with the handlers of ``_request_handlers``: one for each
    type they serve (``serves``), looked up by the request's row in ``REQUESTS``.
    """

    #: The request types this front answers; any other is ``unknown_type`` (when parsed).
    serves: frozenset[RequestType] = frozenset(RequestType)

    def __init__(self, config: ServerConfig | None = None) -> None:
        self.config = config or ServerConfig()
        self._handlers = self._request_handlers()
        if set(self._handlers) != self.serves:
            raise TypeError(f"{type(self).__name__} handles {sorted(self._handlers)} but "
                            f"serves {sorted(self.serves)}")
        #: Password hashing (login, change of password): Argon2id takes ~19 MiB and tens of
        #: ms of one core each, so at most this many run at once; a login storm queues here
        self._passwords = ThreadPoolExecutor(PASSWORD_THREADS,
                                             thread_name_prefix="meetingroom-password")
        #: ... while token work (resume, logout, the revocation sweep, /healthz) has its
        #: own threads and never waits behind a hash.
        self._auth = ThreadPoolExecutor(2, thread_name_prefix="meetingroom-auth")
        #: File reads, uploads and conversions: never on the database thread.
        self._io = ThreadPoolExecutor(4, thread_name_prefix="meetingroom-io")
        self._piece_memory = ByteBudget(self.config.piece_memory_bytes)
        self._channels: dict[int, Channel] = {}
        self._peers: set[Peer] = set()
        self._per_ip: dict[str, int] = {}
        self._ip_buckets: dict[str, TokenBucket] = {}
        self._server: Server | None = None
        self._tasks: set[asyncio.Future[None]] = set()
        self._liveness: asyncio.Task[None] | None = None

    # --- life cycle -----------------------------------------------------------------

    async def start(self) -> None:
        self._server = await serve(
            self._handle,
            self.config.host,
            self.config.port,
            process_request=self._http,
            process_response=_lean_handshake,
            max_size=self.config.hard_max_bytes,
            ping_interval=self.config.ping_interval,
            # A pong queued behind a laptop's data on a slow link is late, not lost: the
            # liveness sweep judges by any bytes instead (``_sweep_silent``).
            ping_timeout=None,
            create_connection=WatchedConnection,
            # A flooding peer's unread frames can hide its close reply; don't wait long.
            close_timeout=2,
            ssl=self.config.tls,
            server_header=f"meetingroom/{__version__}",
            logger=wire_logger("server"),
            # Per-message deflate where a laptop offers it: a third of the bytes on weak
            # Wi-Fi. What is fanned out to a large hall on a LAN stays plain (``writing``).
            compression="deflate",
        )
        self._liveness = asyncio.create_task(self._sweep_silent())
        await self._started()
        log.info("listening url=%s", self.url)

    async def _started(self) -> None:
        """Background work a subclass runs while serving."""

    async def _stopping(self) -> None:
        """Stop that background work (before connections close)."""

    @property
    def port(self) -> int:
        assert self._server is not None, "start() first"
        port: int = next(iter(self._server.sockets)).getsockname()[1]
        return port

    @property
    def url(self) -> str:
        scheme = "wss" if self.config.tls else "ws"
        host = self.config.host if ":" not in self.config.host else f"[{self.config.host}]"
        return f"{scheme}://{host}:{self.port}"

    async def stop(self) -> None:
        await self._stopping()
        if self._liveness is not None:
            self._liveness.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._liveness
            self._liveness = None
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
        self._auth.shutdown(wait=True)
        self._passwords.shutdown(wait=True)
        self._io.shutdown(wait=True)

    async def serve_forever(self) -> None:
        await self.start()
        assert self._server is not None
        try:
            await self._server.serve_forever()
        finally:
            await self.stop()

    async def _sweep_silent(self) -> None:
        """Close connections from which nothing has arrived for ``silence_limit``: the
        link went without a close — a laptop asleep, out of range. Checked a few times
        per limit; a connection still sending, however slowly, is never touched."""
        limit = self.config.silence_limit
        while True:
            await asyncio.sleep(max(0.05, min(5.0, limit / 4)))
            now = time.monotonic()
            for peer in [p for p in self._peers if now - p.last_received >= limit]:
                log.info("closing silent peer=%d user=%s: nothing for %.0f s", peer.id,
                         peer.who, now - peer.last_received)
                # Nothing gets through: a closing handshake would only wait its timeout.
                peer.connection.transport.abort()

    async def _http(self, connection: ServerConnection, request: Request) -> Response | None:
        """Plain HTTP answers (``/healthz``); None lets the websocket handshake go on."""
        return None

    @staticmethod
    def _json(connection: ServerConnection, status: HTTPStatus,
              body: dict[str, Any]) -> Response:
        response = connection.respond(status, encode(body) + "\n")
        response.headers = Headers([(k, v) for k, v in response.headers.raw_items()
                                    if k.lower() != "content-type"])
        response.headers["Content-Type"] = "application/json; charset=utf-8"
        return response

    # --- websocket ------------------------------------------------------------------

    async def _handle(self, connection: ServerConnection) -> None:
        address = connection.remote_address
        ip = str(address[0]) if address else "?"
        if self._per_ip.get(ip, 0) >= self.config.max_connections_per_ip:
            log.warning("refusing connection remote=%s: %d already open", ip,
                        self._per_ip[ip])
            await connection.close(1013, "try again later")
            return
        self._per_ip[ip] = self._per_ip.get(ip, 0) + 1
        bucket = self._ip_buckets.get(ip)
        if bucket is None:
            bucket = self._ip_buckets[ip] = TokenBucket(self.config.ip_rate_per_second,
                                                        self.config.ip_rate_burst)
        peer = Peer(connection, self.config)
        peer.address_bucket = bucket
        self._peers.add(peer)
        log.info("connect peer=%d remote=%s", peer.id, ip)
        try:
            # Short to a laptop that has had it: its file connection, its reconnection.
            welcome, request = self._welcome(peer), connection.request
            known = request.headers.get(WELCOME_KNOWN_HEADER) if request is not None else None
            same = known is not None and known == welcome_digest(welcome)
            await connection.send(encode({"type": "welcome", "same": True} if same else welcome))
            async for frame in connection:
                await self._on_frame(peer, frame)
                if peer.rate_violations > self.config.max_rate_violations:
                    log.warning("closing flooding peer=%d user=%s", peer.id, peer.who)
                    await connection.close(1008, "rate limit exceeded")
                    break
        except ConnectionClosed:
            pass
        finally:
            self._drop_subscription(peer)
            self._peers.discard(peer)
            with contextlib.suppress(Exception):
                await self._peer_gone(peer)
            self._per_ip[ip] -= 1
            if self._per_ip[ip] <= 0:
                del self._per_ip[ip]
                self._ip_buckets.pop(ip, None)
            log.info("disconnect peer=%d user=%s code=%s", peer.id, peer.who,
                     connection.close_code)

    def _welcome(self, peer: Peer) -> dict[str, Any]:
        """The greeting: what this server offers and its limits for ``peer``."""
        return {"type": "welcome", "protocol": PROTOCOL_VERSION, "server": __version__,
                "features": [FEATURE_BINARY_FETCH, FEATURE_LEAN_FILES],
                "limits": {"max_message_bytes": self.config.max_message_bytes,
                           "rate_per_second": self.config.rate_per_second,
                           "rate_burst": self.config.rate_burst,
                           "max_binary_fetch_bytes": peer.piece_limit}}

    async def _on_frame(self, peer: Peer, frame: str | bytes) -> None:
        if not peer.bucket.take() or not peer.address_bucket.take():
            peer.rate_violations += 1
            await self._send_error(peer, None, ProtocolError(
                ErrorCode.RATE_LIMITED, "too many messages", reason=Reason.TOO_MANY_REQUESTS))
            return
        # An accepted frame forgives one refusal, not all of them: a flood that the
        # refill lets a frame through now and then is still closed, however slowly the
        # server reads it (a reset here let a loaded server serve a flood for ever).
        peer.rate_violations = max(0, peer.rate_violations - 1)
        if isinstance(frame, bytes):
            await self._send_error(peer, None, ProtocolError(
                ErrorCode.BINARY_NOT_SUPPORTED, "binary frames are not accepted; send JSON text"))
            return
        if len(frame.encode("utf-8")) > self.config.max_message_bytes:
            await self._send_error(peer, None, ProtocolError(
                ErrorCode.TOO_LARGE, f"message larger than {self.config.max_message_bytes} bytes"))
            return
        request_id: str | None = None
        try:
            request = parse_request(frame, self.serves)
            request_id = request.id
            if REQUESTS[request.type].transfer:
                peer.fetches = peer.fetches or request.type == RequestType.FETCH_CHUNK
                # A file piece is paid from the transfer budget, not the message budget.
                peer.bucket.tokens = min(peer.bucket.burst, peer.bucket.tokens + 1)
                if not peer.transfers.take():
                    raise ProtocolError(ErrorCode.RATE_LIMITED, "too many file requests",
                                        reason=Reason.TOO_MANY_REQUESTS)
            result = await self._dispatch(peer, request)
            if request.type == RequestType.RESUME and request.files and peer.identity:
                peer.fetches = True
                await self._ballots_first(peer)  # its first piece would follow at once
            lean = getattr(request, "lean", False)
            if isinstance(result, BinaryReply) and result.read_into is not None:
                await self._send_file_piece(peer, request.id, result, lean)
            elif isinstance(result, BinaryReply):
                await peer.connection.send(binary_reply(request.id, result.result, result.data,
                                                        lean=lean))
            elif "token" in result or (request.type == RequestType.COMMAND
                                       and plain_reply(self._channels, peer.subscriber)):
                # A token never shares a deflate window with text others chose (a title):
                # plain, as a message may be; so is a ballot's answer in a large hall on a LAN.
                await send_plain(peer.connection, encode_reply(request.id, result))
            else:
                await peer.connection.send(encode_reply(request.id, result))
            if peer.after_reply is not None:
                after, peer.after_reply = peer.after_reply, None
                after()
        except ProtocolError as exc:
            await self._send_error(peer, request_id or exc.request_id, exc)
        except ConnectionClosed:
            raise
        except Exception:
            log.exception("internal error peer=%d user=%s", peer.id, peer.who)
            await self._send_error(peer, request_id, ProtocolError(
                ErrorCode.INTERNAL, "server error; nothing was changed",
                reason=Reason.SERVER_ERROR))

    async def _send_file_piece(self, peer: Peer, request_id: str, answer: BinaryReply,
                               lean: bool) -> None:
        """Send a ``binary_reply`` frame whose data is read straight into it.

        The frame is laid out here (websocket head, the reply's header, the data) and
        written through the connection's own send context, which checks the connection is
        open and waits while its buffer is full: the frame ``connection.send`` makes (a
        server never masks), without copying the data and never deflated (the RSV1 bit
        clear: PDFs do not compress, and per-message deflate lets a message go plain).
        """
        assert answer.read_into is not None
        await self._ballots_first(peer)
        header = binary_reply(request_id, answer.result, b"", lean=lean)
        head = websocket_head(len(header) + answer.length)
        connection = peer.connection
        # A piece this small was asked for on a slow link: in fragments, so that a laptop
        # keeps what arrived of it if a vote cuts it (``pieces.fragmented``).
        in_fragments = answer.length <= FRAGMENTED_UP_TO
        # Never on a connection that follows a meeting: its events are written straight
        # to the transport (``writing.send``) and would meet the piece half sent.
        if not in_fragments and answer.path is not None and peer.subscriber is None \
                and can_sendfile(connection):
            await sendfile_piece(connection, head + header, answer, answer.path)
            return
        # Held until the frame has gone to the socket (the send context waits while the
        # connection's buffer is full): the frame, and the copy of what the socket did not
        # take at once; a piece in fragments is read, then laid out, so it holds twice.
        async with self._piece_memory.hold(answer.length * (2 if in_fragments else 1)):
            if in_fragments:
                data = bytearray(answer.length)
                await self._run(self._io, answer.read_into, memoryview(data))
                frame = fragmented(header, data)
            else:
                frame = bytearray(len(head) + len(header) + answer.length)
                frame[:len(head)] = head
                frame[len(head):len(head) + len(header)] = header
                await self._run(self._io, answer.read_into,
                                memoryview(frame)[len(head) + len(header):])
            async with connection.send_context():
                # A view: what the socket does not take at once is copied into the
                # transport's buffer, not sliced into a new copy first.
                connection.transport.write(memoryview(frame))

    async def _ballots_first(self, peer: Peer) -> None:
        """Hold a file piece for a delegate or guest while a meeting they follow has a
        vote open: the hall's link is every laptop's ballot and the vote's events then.
        The laptop asks for nothing new meanwhile; this holds what it asked for before it
        heard of the vote. Never on a connection that follows a meeting itself: a ballot
        would queue behind the piece there."""
        if peer.subscriber is not None or peer.identity is None:
            return
        user = peer.identity.user_id
        for channel in list(self._channels.values()):
            if channel.open_votes and any(s.user_id == user and s.progress
                                          for s in channel.subscribers):
                # Or until the connection ends: a held piece must not hold up a shutdown.
                waits = {asyncio.ensure_future(channel.no_vote_open.wait()),
                         asyncio.ensure_future(peer.connection.wait_closed())}
                try:
                    await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
                finally:
                    for wait in waits:
                        wait.cancel()

    def _cut_file_pieces(self, channel: Channel) -> None:
        """A vote opened in ``channel``: end the file connections of its delegates on a
        slow link, before the vote's events go out.

        ``_ballots_first`` holds every piece not yet sent, but one already written may
        still be on its way, in the server's socket and the access point's queue: on a
        hall link shared by 30 laptops, one small piece each is seconds of air that the
        vote's events and every ballot then wait behind (``bench.weak_link``). The laptop
        would cut it too, but only once the vote's event has reached it through that
        same queue. Ended at once, by a reset, so what the socket still holds goes
        nowhere; the laptop asks for that piece again after the vote. A connection that follows
        a meeting itself, or a laptop on a quick link, is left alone."""
        now = time.monotonic()
        # Not yet measured (no keepalive answered yet: the first is 20 s after the
        # connection opens) counts as slow: a cut costs a quick link one reconnection, a
        # missed one costs a slow link seconds of every ballot.
        slow = {s.user_id for s in channel.subscribers
                if s.progress and (s.slow(now, SLOW_FOR_S) or not s.connection.latency)}
        for peer in [p for p in self._peers if p.fetches and p.subscriber is None
                     and p.identity is not None and p.identity.user_id in slow]:
            log.info("a vote opened: file connection cut peer=%d user=%s", peer.id, peer.who)
            peer.connection.transport.abort()

    async def _send_error(self, peer: Peer, request_id: str | None, exc: ProtocolError) -> None:
        log.info("error peer=%d user=%s code=%s id=%s", peer.id, peer.who, exc.code,
                 request_id or "-")
        await peer.connection.send(encode(error(request_id, exc.code, exc.message, exc.details)))

    async def _dispatch(self, peer: Peer, request: Any) -> dict[str, Any] | BinaryReply:
        """Check the sender against the request's row (``REQUESTS``), then run the handler
        this server registered for its type."""
        spec = REQUESTS[request.type]
        if spec.sender is not Sender.ANYONE:
            await self._check_sender(peer, spec)
        return await self._handlers[spec.type](peer, request)

    def _request_handlers(self) -> dict[RequestType, RequestHandler]:
        """The handler of each request type in ``serves``."""
        return {}

    async def _check_sender(self, peer: Peer, spec: RequestSpec) -> None:
        """Refuse a sender the table does not let send ``spec``'s type (login first)."""
        if peer.identity is None:
            raise ProtocolError(ErrorCode.NOT_AUTHENTICATED, "log in or resume first",
                                reason=Reason.NOT_LOGGED_IN)

    async def _peer_gone(self, peer: Peer) -> None:
        """A connection ended (its subscription is already dropped)."""

    def _channel_closed(self, meeting_id: int) -> None:
        """A meeting's last local subscriber left."""

    def _drop_subscription(self, peer: Peer) -> None:
        sub = peer.subscriber
        if sub is None:
            return
        peer.subscriber = None
        channel = self._channels.get(sub.meeting_id)
        if channel is not None:
            channel.subscribers.discard(sub)
            if not channel.subscribers:
                channel.close()
                del self._channels[sub.meeting_id]
                self._channel_closed(sub.meeting_id)

    def _lost(self, subscriber: Subscriber) -> None:
        for peer in self._peers:
            if peer.subscriber is subscriber:
                self._drop_subscription(peer)
        task = asyncio.ensure_future(subscriber.connection.close(1011, "resubscribe"))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _run(self, executor: ThreadPoolExecutor, func: Callable[..., T], *args: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(executor, partial(func, *args))


def encoded_piece(blobs: BlobStore, sha256: str, offset: int, length: int) -> dict[str, Any]:
    """A file piece for a JSON reply — the older way; binary frames carry it raw: read,
    hashed and encoded in one go, on a worker thread."""
    data = blobs.read_range(sha256, offset, length)
    return {"length": len(data), "chunk_sha256": hashlib.sha256(data).hexdigest(),
            "data": base64.b64encode(data).decode("ascii")}


async def serve_until_signalled(server: S, ready: Callable[[S], None] | None = None) -> None:
    """Serve until SIGINT or SIGTERM, then close connections and finish background work
    (what ``meetingroom serve`` runs, for the chair server and a hall relay alike)."""
    await server.start()
    tune_collector()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):  # Windows, non-main thread
            loop.add_signal_handler(sig, stop.set)
    if ready is not None:
        ready(server)
    try:
        await stop.wait()
        log.info("shutting down")
    finally:
        with contextlib.suppress(Exception):
            await server.stop()
