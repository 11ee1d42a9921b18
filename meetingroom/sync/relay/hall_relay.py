"""A hall relay: one commune hall follows a provincial meeting over one weak uplink.

``meetingroom serve --relay-for wss://province/ ...`` runs a ``RelayServer``. It
speaks the ordinary protocol to the hall's laptops and links upstream:

- **The mirror.** One uplink connection, logged in with the relay account (a
  participant of the meeting, normally a ``guest``: it never counts towards
  quorum), subscribes to the meeting and writes every event into the relay's own
  store (``RelayStore``, SQLite) with the province's sequence numbers; after a
  drop it resubscribes from its last ``seq``. Local subscribers get the same
  numbers and resume by them. The mirror subscribes with ``every_event`` (it keeps
  the whole log, never ``progress`` frames); the relay's own ``Channel`` folds
  ballots and check-ins for the hall's delegates as the province's does. The
  uplink also announces the hall (``relay_status``: name, people present,
  laptops, commands waiting) for the chair console's room view.
- **Identity.** Laptops log in with their own provincial accounts. The relay
  forwards ``login`` (and, when it does not know a token, ``resume``) upstream
  on a connection of that user's own, so the laptop's token *is* the upstream
  token and the province checks every permission: a delegate votes and asks to
  speak as themself, an observer only watches. The relay keeps a digest of each
  token it has seen (never the token) so laptops resume while the uplink is down.
  A forwarded login carries the laptop's own address (``via_relay``, vouched for
  by the relay's token), so the province throttles wrong passwords per laptop,
  not per hall.
- **Commands** go into an outbox on disk (with the user's token, erased once
  answered) and are sent upstream on the user's own connection, each command id
  once; the province answers a repeated id with its first answer, so a relay
  crash or a lost reply never counts a ballot twice. A laptop waits up to
  ``hold_seconds`` for the answer, then gets ``unavailable`` with
  ``details.queued = true`` and may resend the same id: it joins the queued one.
- **Documents.** The first laptop to ask for a file makes the relay download it
  upstream, once, into the relay's blob store; every later request is served
  locally. Access is still the province's decision: a user's first request for
  a file is checked upstream on their own connection — a one-byte probe when the
  file is already here, and the answer is remembered.
- **Link state.** Laptops get ``relay.link`` notices when the uplink goes down
  or comes back, and the ``subscribe`` reply says the link state.

What is stored where: the province keeps everything authoritative (events,
ballots, accounts, documents). The relay's folder holds ``relay.sqlite3``
(mirrored events, the outbox, token digests, each user's last snapshot and the
files they were found to be allowed to read) and ``blobs/`` (documents).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import json
import logging
import signal
import sqlite3
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http import HTTPStatus
from pathlib import Path
from typing import Any

from websockets.asyncio.server import ServerConnection
from websockets.exceptions import InvalidHandshake
from websockets.http11 import Request, Response

from meetingroom import __version__
from meetingroom.core.protocol import (
    PROTOCOL_VERSION,
    RELAY_SERVED,
    REQUESTS,
    AtRelay,
    Command,
    ErrorCode,
    FetchChunk,
    Login,
    ProtocolError,
    Reason,
    RequestType,
)
from meetingroom.server.blobs import BlobStore
from meetingroom.server.passwords import token_digest
from meetingroom.server.service import Identity, WireEvent
from meetingroom.sync.client.chair_client import ChairClient, ConnectionLostError, ServerError
from meetingroom.sync.client.transfer import Pace, TransferError, fetch_piece
from meetingroom.sync.serving.channel import PROGRESS_ROLES, Channel, Subscriber
from meetingroom.sync.serving.endpoint import (
    BinaryReply,
    Peer,
    RequestHandler,
    ServerConfig,
    SocketServer,
)
from meetingroom.sync.serving.rooms import RELAY_STATUS

log = logging.getLogger("meetingroom.relay")

#: Answers from upstream that mean "not now": the command stays queued.
TRANSIENT = frozenset({ErrorCode.UNAVAILABLE, ErrorCode.RATE_LIMITED, ErrorCode.INTERNAL})
#: Events after which some users may no longer read a file.
_REVOKING = frozenset({"document.withdrawn", "document.replaced", "participant.removed"})


@dataclass(frozen=True)
class RelaySettings:
    upstream: str
    meeting_id: int
    user: str
    password: str | None = None
    token: str | None = None
    #: The hall's name as the chair console shows it (default: the relay account).
    hall: str = ""
    #: Relay store and documents; None keeps them in memory and a temporary folder.
    folder: Path | None = None
    upstream_tls: ssl.SSLContext | None = None
    #: How long a laptop's command waits for the province's answer before ``unavailable``.
    hold_seconds: float = 10.0
    #: How often the hall reports itself upstream even when nothing changed.
    status_seconds: float = 20.0
    upstream_timeout: float = 30.0
    retry_max_seconds: float = 10.0


@dataclass
class Queued:
    user_id: int
    command_id: str
    token: str
    meeting_id: int
    name: str
    args: dict[str, Any]


def _now() -> str:
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


class RelayStore:
    """The relay's own small SQLite database — not the chair server's schema."""

    SCHEMA = """
    CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS events(seq INTEGER PRIMARY KEY, type TEXT NOT NULL,
        payload TEXT NOT NULL, at TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS outbox(user_id INTEGER NOT NULL, command_id TEXT NOT NULL,
        token TEXT NOT NULL, meeting_id INTEGER NOT NULL, name TEXT NOT NULL,
        args TEXT NOT NULL, queued_at REAL NOT NULL, reply TEXT,
        PRIMARY KEY(user_id, command_id));
    CREATE TABLE IF NOT EXISTS sessions(digest TEXT PRIMARY KEY, user TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS snapshots(user_id INTEGER PRIMARY KEY, seq INTEGER NOT NULL,
        role TEXT NOT NULL, snapshot TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS grants(user_id INTEGER NOT NULL, sha256 TEXT NOT NULL,
        size INTEGER NOT NULL, PRIMARY KEY(user_id, sha256));
    """

    def __init__(self, path: Path | None) -> None:
        self._db = sqlite3.connect(str(path) if path else ":memory:", check_same_thread=False,
                                   isolation_level=None)
        self._lock = threading.Lock()
        if path is not None:
            self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(self.SCHEMA)

    def close(self) -> None:
        self._db.close()

    @contextlib.contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _one(self, sql: str, *args: Any) -> Any:
        with self._lock:
            row = self._db.execute(sql, args).fetchone()
        return row

    # --- the mirrored log -------------------------------------------------------------

    def meta(self, key: str, default: int = 0) -> int:
        row = self._one("SELECT value FROM meta WHERE key = ?", key)
        return int(row[0]) if row else default

    @property
    def base_seq(self) -> int:
        """The log holds events ``base_seq + 1`` … ``last_seq``."""
        return self.meta("base_seq")

    @property
    def last_seq(self) -> int:
        return self.meta("last_seq")

    def reset(self, seq: int) -> None:
        """Start the log afresh at ``seq`` — the uplink got a snapshot."""
        with self._tx() as db:
            db.execute("DELETE FROM events")
            db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                           [("base_seq", str(seq)), ("last_seq", str(seq))])

    def append(self, events: list[WireEvent]) -> None:
        with self._tx() as db:
            db.executemany("INSERT INTO events VALUES (?, ?, ?, ?)",
                           [(e.seq, e.type, json.dumps(e.payload, ensure_ascii=False),
                             str(e.at)) for e in events])
            db.execute("INSERT OR REPLACE INTO meta VALUES ('last_seq', ?)",
                       (str(events[-1].seq),))

    def events_after(self, meeting_id: int, seq: int) -> list[WireEvent]:
        with self._lock:
            rows = self._db.execute("SELECT seq, type, payload, at FROM events WHERE seq > ? "
                                    "ORDER BY seq", (seq,)).fetchall()
        return [WireEvent(meeting_id, s, t, json.loads(p), a) for s, t, p, a in rows]

    # --- sessions, snapshots, grants --------------------------------------------------

    def remember_session(self, token: str, user: dict[str, Any]) -> None:
        with self._tx() as db:
            db.execute("INSERT OR REPLACE INTO sessions VALUES (?, ?)",
                       (token_digest(token), json.dumps(user, ensure_ascii=False)))

    def session(self, token: str) -> dict[str, Any] | None:
        row = self._one("SELECT user FROM sessions WHERE digest = ?", token_digest(token))
        return dict(json.loads(row[0])) if row else None

    def forget_session(self, token: str) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM sessions WHERE digest = ?", (token_digest(token),))

    def save_snapshot(self, user_id: int, seq: int, role: str,
                      snapshot: dict[str, Any]) -> None:
        with self._tx() as db:
            db.execute("INSERT OR REPLACE INTO snapshots VALUES (?, ?, ?, ?)",
                       (user_id, seq, role, json.dumps(snapshot, ensure_ascii=False)))

    def snapshot(self, user_id: int) -> tuple[int, str, dict[str, Any]] | None:
        row = self._one("SELECT seq, role, snapshot FROM snapshots WHERE user_id = ?", user_id)
        return (int(row[0]), str(row[1]), dict(json.loads(row[2]))) if row else None

    def grant(self, user_id: int, sha256: str, size: int) -> None:
        with self._tx() as db:
            db.execute("INSERT OR REPLACE INTO grants VALUES (?, ?, ?)", (user_id, sha256, size))

    def granted(self, user_id: int, sha256: str) -> int | None:
        row = self._one("SELECT size FROM grants WHERE user_id = ? AND sha256 = ?", user_id,
                        sha256)
        return int(row[0]) if row else None

    def revoke(self, *, sha256: str | None = None, user_id: int | None = None) -> None:
        with self._tx() as db:
            if sha256 is not None:
                db.execute("DELETE FROM grants WHERE sha256 = ?", (sha256,))
            if user_id is not None:
                db.execute("DELETE FROM grants WHERE user_id = ?", (user_id,))

    # --- the outbox ---------------------------------------------------------------------

    def queue(self, item: Queued) -> dict[str, Any] | None:
        """Keep a command until the province answers it; a known id returns its answer."""
        with self._tx() as db:
            row = db.execute("SELECT reply FROM outbox WHERE user_id = ? AND command_id = ?",
                             (item.user_id, item.command_id)).fetchone()
            if row is not None:
                return dict(json.loads(row[0])) if row[0] else None
            db.execute("INSERT INTO outbox VALUES (?, ?, ?, ?, ?, ?, ?, NULL)",
                       (item.user_id, item.command_id, item.token, item.meeting_id, item.name,
                        json.dumps(item.args, ensure_ascii=False), time.time()))
        return None

    def next_pending(self, user_id: int) -> Queued | None:
        with self._lock:
            row = self._db.execute(
                "SELECT user_id, command_id, token, meeting_id, name, args FROM outbox "
                "WHERE user_id = ? AND reply IS NULL ORDER BY queued_at, rowid LIMIT 1",
                (user_id,)).fetchone()
        if row is None:
            return None
        return Queued(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]))

    def pending_users(self) -> list[int]:
        with self._lock:
            return [r[0] for r in self._db.execute(
                "SELECT DISTINCT user_id FROM outbox WHERE reply IS NULL")]

    def pending_count(self) -> int:
        return int(self._one("SELECT count(*) FROM outbox WHERE reply IS NULL")[0])

    def answer(self, user_id: int, command_id: str, reply: dict[str, Any]) -> None:
        """The province answered: keep the answer for retries, drop the token."""
        with self._tx() as db:
            db.execute("UPDATE outbox SET reply = ?, token = '' WHERE user_id = ? AND "
                       "command_id = ?", (json.dumps(reply, ensure_ascii=False), user_id,
                                          command_id))
            db.execute("DELETE FROM outbox WHERE reply IS NOT NULL AND queued_at < ?",
                       (time.time() - 7 * 86400,))


def _identity(user: dict[str, Any]) -> Identity:
    return Identity(int(user["id"]), str(user["username"]), str(user.get("full_name", "")),
                    bool(user.get("is_admin", False)))


def _upstream_error(exc: ServerError) -> ProtocolError:
    try:
        code = ErrorCode(exc.code)
    except ValueError:
        code = ErrorCode.INTERNAL
    return ProtocolError(code, exc.message, details=exc.details)


def _unavailable(action: str, reason: Reason = Reason.UPLINK_DOWN) -> ProtocolError:
    """The provincial server cannot be reached for ``action`` — a word the client knows:
    ``login``, ``change_password``, ``admin``, ``load_meeting``, ``download``, ``verify``."""
    return ProtocolError(ErrorCode.UNAVAILABLE,
                         f"the link to the provincial server is down; cannot {action}",
                         reason=reason, params={"action": action})


@dataclass
class _Waiters:
    futures: dict[tuple[int, str], list[asyncio.Future[dict[str, Any]]]] = field(
        default_factory=dict)


class RelayServer(SocketServer):
    """Serves one provincial meeting to a hall's laptops through one uplink."""

    def __init__(self, settings: RelaySettings, config: ServerConfig | None = None) -> None:
        super().__init__(config)
        self.settings = settings
        self.hall = settings.hall or settings.user
        self._temp: Any = None
        folder = settings.folder
        if folder is None:
            import tempfile

            self._temp = tempfile.TemporaryDirectory(prefix="meetingroom-relay-")
            blob_root = Path(self._temp.name) / "blobs"
            self.store = RelayStore(None)
        else:
            folder.mkdir(parents=True, exist_ok=True)
            blob_root = folder / "blobs"
            self.store = RelayStore(folder / "relay.sqlite3")
        self.blobs = BlobStore(blob_root)
        self.link_up = asyncio.Event()
        self.link_since = _now()
        self.link_reason = "starting"
        #: Upstream file traffic: how many pieces and bytes of document files were fetched.
        self.upstream_pieces = 0
        self.upstream_bytes = 0
        self._relay_token = settings.token
        self._uplink: ChairClient | None = None
        self._users: dict[str, ChairClient] = {}
        self._user_locks: dict[str, asyncio.Lock] = {}
        self._downloads: dict[str, asyncio.Lock] = {}
        self._senders: dict[int, asyncio.Task[None]] = {}
        self._waiters = _Waiters()
        self._wake: dict[int, asyncio.Event] = {}
        self._status_changed = asyncio.Event()
        self._background: list[asyncio.Task[None]] = []

    # --- life cycle -------------------------------------------------------------------

    async def _started(self) -> None:
        self._background = [asyncio.create_task(self._mirror()),
                            asyncio.create_task(self._report())]
        for user_id in self.store.pending_users():
            self._sender(user_id)

    async def _stopping(self) -> None:
        tasks = [*self._background, *self._senders.values()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._background, self._senders = [], {}
        for client in [*self._users.values(), *([self._uplink] if self._uplink else [])]:
            with contextlib.suppress(Exception):
                await client.close()
        self._users.clear()

    async def stop(self) -> None:
        await super().stop()
        self.store.close()
        if self._temp is not None:
            self._temp.cleanup()

    @property
    def meeting_id(self) -> int:
        return self.settings.meeting_id

    def link_view(self) -> dict[str, Any]:
        return {"hall": self.hall, "state": "up" if self.link_up.is_set() else "down",
                "since": self.link_since, "reason": self.link_reason,
                "pending": self.store.pending_count(), "seq": self.store.last_seq}

    def drop_uplink(self) -> None:
        """Close the uplink connections now (tests; an operator's "reconnect")."""
        for client in [*self._users.values(), *([self._uplink] if self._uplink else [])]:
            with contextlib.suppress(Exception):
                client.connection.transport.abort()

    # --- the mirror -------------------------------------------------------------------

    async def _mirror(self) -> None:
        delay = 0.2
        while True:
            client = ChairClient(self.settings.upstream, ssl_context=self.settings.upstream_tls,
                                 timeout=self.settings.upstream_timeout, close_timeout=2)
            try:
                await client.connect()
                await self._relay_login(client)
                since = self.store.last_seq
                # The mirror keeps the whole log: every event, never progress frames.
                result = await client.subscribe(self.meeting_id, last_seq=since,
                                                every_event=True)
                if result["mode"] == "snapshot":
                    self._restart_log(int(result["seq"]), had=since > 0)
                self._uplink = client
                # The hall is announced before laptops may log in through it: the province
                # believes a laptop's forwarded address only from a linked relay.
                await self._send_status(client)
                self._set_link(True, "linked")
                delay = 0.2
                await self._pump(client)
                reason = client.close_reason or "connection lost"
            except asyncio.CancelledError:
                raise
            except ServerError as exc:
                reason = f"{exc.code}: {exc.message}"
                if exc.code in (ErrorCode.AUTH_FAILED, ErrorCode.TOKEN_INVALID):
                    self._relay_token = None if self.settings.password else self._relay_token
                log.error("uplink refused: %s", reason)
            except (OSError, ConnectionLostError, TimeoutError, InvalidHandshake) as exc:
                # A handshake cut off (the link dropped the connection before the
                # server's answer) is the link being down, like a reset: no error log.
                reason = str(exc) or type(exc).__name__
            except Exception as exc:
                log.exception("uplink failed")
                reason = f"{type(exc).__name__}: {exc}"
            finally:
                self._uplink = None
                with contextlib.suppress(Exception):
                    await client.close()
            self._set_link(False, reason)
            await asyncio.sleep(delay)
            delay = min(delay * 2, self.settings.retry_max_seconds)

    async def _relay_login(self, client: ChairClient) -> None:
        if self._relay_token:
            try:
                await client.resume(self._relay_token)
                return
            except ServerError as exc:
                if exc.code != ErrorCode.TOKEN_INVALID or not self.settings.password:
                    raise
        if not self.settings.password:
            raise ServerError(ErrorCode.AUTH_FAILED, "the relay has no password or token")
        result = await client.login(self.settings.user, self.settings.password)
        self._relay_token = str(result["token"])

    def _restart_log(self, seq: int, *, had: bool) -> None:
        """The uplink was too far behind for a replay: the log restarts at ``seq``."""
        log.warning("relay log restarts at seq=%d (was %d)", seq, self.store.last_seq)
        self.store.reset(seq)
        if had:
            channel = self._channels.get(self.meeting_id)
            for sub in list(channel.subscribers if channel else ()):
                if sub.sent_seq is None or sub.sent_seq < seq:
                    self._lost(sub)  # they resubscribe and get a snapshot

    async def _pump(self, client: ChairClient) -> None:
        closed = asyncio.ensure_future(client.wait_closed())
        try:
            while True:
                getter = asyncio.ensure_future(client.events.get())
                done, _ = await asyncio.wait({getter, closed},
                                             return_when=asyncio.FIRST_COMPLETED)
                if getter not in done:
                    getter.cancel()
                    break
                batch = [getter.result()]
                while not client.events.empty():
                    batch.append(client.events.get_nowait())
                self._mirror_events(batch)
            while not client.events.empty():
                self._mirror_events([client.events.get_nowait()])
        finally:
            closed.cancel()

    def _mirror_events(self, messages: list[dict[str, Any]]) -> None:
        fresh: list[WireEvent] = []
        expected = self.store.last_seq + 1
        for message in messages:
            if message.get("meeting_id") != self.meeting_id or message["seq"] < expected:
                continue
            if message["seq"] > expected:
                raise ConnectionLostError(f"gap in upstream events: expected {expected}, "
                                          f"got {message['seq']}")
            fresh.append(WireEvent(self.meeting_id, int(message["seq"]), str(message["event"]),
                                   dict(message["payload"]), message["at"]))
            expected += 1
        if not fresh:
            return
        self.store.append(fresh)  # on disk before any laptop sees it
        for event in fresh:
            if event.type in _REVOKING:
                self._revoke(event)
        channel = self._channels.get(self.meeting_id)
        if channel is not None:
            channel.publish(fresh)

    def _revoke(self, event: WireEvent) -> None:
        payload = event.payload
        if event.type == "participant.removed" and isinstance(payload.get("user_id"), int):
            self.store.revoke(user_id=payload["user_id"])
        for key in ("sha256", "previous_sha256"):
            if isinstance(payload.get(key), str):
                self.store.revoke(sha256=payload[key])

    def _set_link(self, up: bool, reason: str) -> None:
        if up == self.link_up.is_set() and reason == self.link_reason:
            return
        changed = up != self.link_up.is_set()
        if up:
            self.link_up.set()
        else:
            self.link_up.clear()
        self.link_reason = reason
        if not changed:
            return
        self.link_since = _now()
        log.warning("uplink %s reason=%r pending=%d", "up" if up else "down", reason[:200],
                    self.store.pending_count())
        channel = self._channels.get(self.meeting_id)
        if channel is not None:
            channel.notice("relay.link", self.link_view())
        if up:
            for user_id in self.store.pending_users():
                self._sender(user_id)
            for wake in self._wake.values():
                wake.set()
            task = asyncio.ensure_future(self._recheck_sessions())
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _recheck_sessions(self) -> None:
        """Sessions accepted while the uplink was down are checked upstream now."""
        for token in {p.token for p in self._peers if p.token is not None}:
            try:
                await self._user(token)
            except ServerError as exc:
                if exc.code != ErrorCode.TOKEN_INVALID:
                    continue
                self.store.forget_session(token)
                for peer in [p for p in self._peers if p.token == token]:
                    self._drop_subscription(peer)
                    peer.identity = peer.token = None
                    with contextlib.suppress(Exception):
                        await peer.connection.close(4001, "session revoked or expired")
            except Exception:
                return  # the link dropped again; checked at the next reconnection

    # --- reporting the hall upstream ---------------------------------------------------

    def _counts(self) -> tuple[int, int]:
        present = {p.identity.user_id for p in self._peers
                   if p.identity is not None and p.subscriber is not None}
        return len(present), len(self._peers)

    async def _send_status(self, client: ChairClient) -> None:
        present, laptops = self._counts()
        await client.request(RELAY_STATUS, meeting_id=self.meeting_id, hall=self.hall,
                             present=present, laptops=laptops,
                             pending=self.store.pending_count(), seq=self.store.last_seq)

    async def _report(self) -> None:
        """Tell the province who is here: on change (after a second) and as a heartbeat."""
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._status_changed.wait(),
                                       self.settings.status_seconds)
                await asyncio.sleep(1.0)
            self._status_changed.clear()
            client = self._uplink
            if client is not None:
                with contextlib.suppress(Exception):
                    await self._send_status(client)

    # --- the local protocol ------------------------------------------------------------

    async def _http(self, connection: ServerConnection, request: Request) -> Response | None:
        if request.path.split("?", 1)[0] != "/healthz":
            return None
        up = self.link_up.is_set()
        body = {"status": "ok" if up else "degraded", "version": __version__,
                "protocol": PROTOCOL_VERSION, "connections": len(self._peers),
                "relay": {**self.link_view(), "meeting_id": self.meeting_id}}
        return self._json(connection, HTTPStatus.OK, body)

    async def _peer_gone(self, peer: Peer) -> None:
        self._status_changed.set()
        token, identity = peer.token, peer.identity
        if token is None or identity is None or any(p.token == token for p in self._peers):
            return
        if identity.user_id in self.store.pending_users():
            return  # its connection still has commands to deliver
        client = self._users.pop(token, None)
        if client is not None:
            await client.close()

    #: The laptops' requests: ``relay_status`` is the relay's own, upstream (unknown here).
    serves = RELAY_SERVED

    def _request_handlers(self) -> dict[RequestType, RequestHandler]:
        """What the relay does with each request (the ``at_relay`` column of ``REQUESTS``):
        its own answer, the province's as it is, or a refusal."""
        r = RequestType
        local: dict[RequestType, RequestHandler] = {
            r.PING: lambda _peer, _request: self._pong(),
            r.LOGIN: self._login,
            r.RESUME: lambda peer, request: self._resume(peer, request.token, request.device),
            r.LOGOUT: lambda peer, _request: self._logout(peer),
            r.LIST_MEETINGS: lambda peer, _request: self._list_meetings(*self._who(peer)),
            r.SUBSCRIBE: lambda peer, request: self._subscribe(
                peer, *self._who(peer), request.meeting_id, request.last_seq,
                request.every_event),
            r.UNSUBSCRIBE: lambda peer, _request: self._unsubscribe(peer),
            r.COMMAND: lambda peer, request: self._command(*self._who(peer), request),
            r.FETCH_CHUNK: lambda peer, request: self._fetch_chunk(*self._who(peer), request),
            r.LIST_BODIES: lambda _peer, _request: self._no_bodies(),
        }
        by_table = {AtRelay.FORWARD: self._forward, AtRelay.REFUSED: self._prepare_on_province}
        return {**local, **{kind: by_table[spec.at_relay] for kind, spec in REQUESTS.items()
                            if spec.at_relay in by_table}}

    def _who(self, peer: Peer) -> tuple[Identity, str]:
        if peer.identity is None or peer.token is None:
            raise ProtocolError(ErrorCode.NOT_AUTHENTICATED, "log in or resume first",
                                reason=Reason.NOT_LOGGED_IN)
        return peer.identity, peer.token

    async def _pong(self) -> dict[str, Any]:
        return {"pong": True}

    async def _no_bodies(self) -> dict[str, Any]:
        return {"bodies": []}

    async def _logout(self, peer: Peer) -> dict[str, Any]:
        _identity, token = self._who(peer)
        self._drop_subscription(peer)
        self.store.forget_session(token)
        if self.link_up.is_set():
            with contextlib.suppress(Exception):
                await (await self._user(token)).logout()
            self._users.pop(token, None)
        peer.identity = peer.token = None
        return {}

    async def _unsubscribe(self, peer: Peer) -> dict[str, Any]:
        self._drop_subscription(peer)
        self._status_changed.set()
        return {}

    async def _forward(self, peer: Peer, request: Any) -> dict[str, Any]:
        """Pass the request upstream as it is, on the user's own connection."""
        client = await self._online_user(self._who(peer)[1], request.type)
        try:
            return await client.request(request.type, **request.model_dump(
                mode="json", exclude={"id", "type"}))
        except ServerError as exc:
            raise _upstream_error(exc) from None

    async def _prepare_on_province(self, peer: Peer, request: Any) -> dict[str, Any]:
        raise ProtocolError(ErrorCode.FORBIDDEN, "prepare meetings and documents on the "
                            "provincial server, not through a hall relay",
                            reason=Reason.PREPARE_ON_PROVINCE)

    # --- identity ---------------------------------------------------------------------

    def _connect_user(self) -> ChairClient:
        return ChairClient(self.settings.upstream, ssl_context=self.settings.upstream_tls,
                           timeout=self.settings.upstream_timeout, close_timeout=2)

    async def _user(self, token: str, device: str | None = None) -> ChairClient:
        """This user's own upstream connection (opened and resumed when needed).

        ``device`` is the laptop's device secret, passed on when the connection is opened so
        the province records the laptop as a known device of the account.
        """
        lock = self._user_locks.setdefault(token, asyncio.Lock())
        async with lock:
            client = self._users.get(token)
            if client is not None and client.close_reason is None:
                return client
            client = self._connect_user()
            await client.connect()
            try:
                await client.resume(token, device=device)
            except BaseException:
                await client.close()
                raise
            self._users[token] = client
            return client

    async def _online_user(self, token: str, what: str) -> ChairClient:
        if not self.link_up.is_set():
            raise _unavailable(what)
        try:
            return await self._user(token)
        except ServerError as exc:
            if exc.code == ErrorCode.TOKEN_INVALID:
                self.store.forget_session(token)
            raise _upstream_error(exc) from None
        except (OSError, ConnectionLostError, TimeoutError):
            raise _unavailable(what) from None

    def _authenticate(self, peer: Peer, user: dict[str, Any], token: str) -> Identity:
        identity = _identity(user)
        if peer.identity is not None and peer.identity.user_id != identity.user_id:
            self._drop_subscription(peer)
        peer.identity, peer.token = identity, token
        self._status_changed.set()
        return identity

    async def _login(self, peer: Peer, request: Login) -> dict[str, Any]:
        username = request.username
        if peer.identity is not None:
            raise ProtocolError(ErrorCode.ALREADY_AUTHENTICATED, "log out first")
        if not self.link_up.is_set():
            raise _unavailable("login", Reason.RELAY_NEEDS_UPLINK)
        client = self._connect_user()
        try:
            await client.connect()
            result = await client.login(username, request.password, device=request.device,
                                        via_relay=self._via_relay(peer))
        except ServerError as exc:
            await client.close()
            raise _upstream_error(exc) from None
        except (OSError, ConnectionLostError, TimeoutError):
            await client.close()
            raise _unavailable("login") from None
        token, user = str(result["token"]), dict(result["user"])
        self._users[token] = client
        self.store.remember_session(token, user)
        self._authenticate(peer, user, token)
        log.info("login peer=%d user=%s (through the relay)", peer.id, user.get("username"))
        return {"token": token, "user": user}

    def _via_relay(self, peer: Peer) -> dict[str, str] | None:
        """The laptop's own address for the province's login throttle, vouched for by the
        relay's token: the province would otherwise see every laptop of the hall as one."""
        remote = peer.connection.remote_address
        if self._relay_token is None or not remote:
            return None
        return {"token": self._relay_token, "address": str(remote[0])}

    async def _resume(self, peer: Peer, token: str, device: str | None) -> dict[str, Any]:
        known = self.store.session(token)
        if self.link_up.is_set():
            try:
                client = await self._user(token, device)
                user = dict(client.user or known or {})
            except ServerError as exc:
                if exc.code == ErrorCode.TOKEN_INVALID:
                    self.store.forget_session(token)
                raise _upstream_error(exc) from None
            except (OSError, ConnectionLostError, TimeoutError):
                if known is None:
                    raise _unavailable("verify") from None
                user = known
            self.store.remember_session(token, user)
        elif known is not None:
            user = known  # checked upstream when it was first seen; checked again when back
        else:
            raise _unavailable("verify")
        self._authenticate(peer, user, token)
        return {"user": user}

    async def _list_meetings(self, identity: Identity, token: str) -> dict[str, Any]:
        if self.link_up.is_set():
            with contextlib.suppress(ServerError, OSError, ConnectionLostError, TimeoutError):
                meetings = await (await self._user(token)).list_meetings()
                return {"meetings": [m for m in meetings if m.get("id") == self.meeting_id]}
        cached = self.store.snapshot(identity.user_id)
        return {"meetings": [cached[2]["meeting"]] if cached and "meeting" in cached[2]
                else []}

    # --- subscriptions ----------------------------------------------------------------

    async def _subscribe(self, peer: Peer, identity: Identity, token: str, meeting_id: int,
                         last_seq: int, every_event: bool = False) -> dict[str, Any]:
        if meeting_id != self.meeting_id:
            raise ProtocolError(ErrorCode.NOT_FOUND,
                                f"this hall relay serves meeting {self.meeting_id} only",
                                reason=Reason.RELAY_OTHER_MEETING,
                                params={"meeting_id": self.meeting_id})
        self._drop_subscription(peer)
        channel = self._channels.get(meeting_id)
        if channel is None:
            channel = self._channels[meeting_id] = self._new_channel(meeting_id)
        subscriber = Subscriber(peer.connection, meeting_id, user_id=identity.user_id)
        channel.subscribers.add(subscriber)  # join first: events that arrive now are held
        peer.subscriber = subscriber
        try:
            result = await self._read_for(identity, token, last_seq)
        except BaseException:
            self._drop_subscription(peer)
            raise
        subscriber.role = str(result["role"])
        subscriber.progress = subscriber.role in PROGRESS_ROLES and not every_event
        start_at = int(result["seq"]) if result["mode"] == "snapshot" else last_seq
        replay = self.store.events_after(meeting_id, start_at)
        if result["mode"] == "replay":
            result["replayed"] = len(replay)
        result["relay"] = self.link_view()
        self._status_changed.set()

        def start() -> None:
            channel.start(subscriber, start_at, replay)

        peer.after_reply = start
        log.info("subscribe peer=%d user=%s mode=%s from=%d to=%d", peer.id,
                 identity.username, result["mode"], last_seq, result["seq"])
        return result

    def _new_channel(self, meeting_id: int) -> Channel:
        return Channel(meeting_id, self._lost, self.config.progress_interval_s)

    async def _read_for(self, identity: Identity, token: str, last_seq: int) -> dict[str, Any]:
        base, last = self.store.base_seq, self.store.last_seq
        cached = self.store.snapshot(identity.user_id)
        if cached is not None and last_seq > 0 and base <= last_seq <= last and last > 0:
            return {"meeting_id": self.meeting_id, "mode": "replay", "seq": last,
                    "role": cached[1]}
        if self.link_up.is_set():
            client = await self._online_user(token, "load_meeting")
            try:
                got = await client.subscribe(self.meeting_id, last_seq=0)
                await client.request("unsubscribe")
            except ServerError as exc:
                raise _upstream_error(exc) from None
            except (OSError, ConnectionLostError, TimeoutError):
                got = None
            while got is not None and not client.events.empty():
                client.events.get_nowait()  # the mirror brings these
            if got is not None:
                seq, role, snapshot = int(got["seq"]), str(got["role"]), got["snapshot"]
                self.store.save_snapshot(identity.user_id, seq, role, snapshot)
                return {"meeting_id": self.meeting_id, "mode": "snapshot", "seq": seq,
                        "role": role, "snapshot": snapshot}
        if cached is not None and base <= cached[0]:
            seq, role, snapshot = cached
            return {"meeting_id": self.meeting_id, "mode": "snapshot", "seq": seq,
                    "role": role, "snapshot": snapshot}
        raise _unavailable("load_meeting")

    # --- commands ---------------------------------------------------------------------

    async def _command(self, identity: Identity, token: str, request: Command) -> dict[str, Any]:
        if request.meeting_id != self.meeting_id:
            raise ProtocolError(ErrorCode.NOT_FOUND, f"no meeting {request.meeting_id} here")
        key = (identity.user_id, request.id)
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._waiters.futures.setdefault(key, []).append(future)
        try:
            answered = self.store.queue(Queued(identity.user_id, request.id, token,
                                               request.meeting_id, request.command,
                                               dict(request.args)))
            if answered is None:
                self._sender(identity.user_id)
                self._status_changed.set()
                try:
                    answered = await asyncio.wait_for(asyncio.shield(future),
                                                      self.settings.hold_seconds)
                except TimeoutError:
                    link = self.link_view()["state"]
                    message = ("queued at the hall relay; it is sent once when the link "
                               "is back") if link != "up" else (
                        "the provincial server is busy; queued at the hall relay and sent once")
                    raise ProtocolError(ErrorCode.UNAVAILABLE, message,
                                        reason=Reason.RELAY_QUEUED,
                                        params={"queued": True, "link": link}) from None
        finally:
            waiting = self._waiters.futures.get(key, [])
            if future in waiting:
                waiting.remove(future)
            if not waiting:
                self._waiters.futures.pop(key, None)
        if answered.get("ok"):
            return dict(answered["result"])
        raise ProtocolError(ErrorCode(answered["code"]), answered["message"],
                            details=answered.get("details"))

    def _sender(self, user_id: int) -> None:
        task = self._senders.get(user_id)
        if task is not None and not task.done():
            self._wake.setdefault(user_id, asyncio.Event()).set()
            return
        self._senders[user_id] = asyncio.create_task(self._send_queued(user_id))

    async def _send_queued(self, user_id: int) -> None:
        """Deliver one user's queued commands upstream, oldest first, each id once."""
        delay = 0.2
        wake = self._wake.setdefault(user_id, asyncio.Event())
        while (item := self.store.next_pending(user_id)) is not None:
            wake.clear()
            if not self.link_up.is_set():
                await self.link_up.wait()
            try:
                client = await self._user(item.token)
                result = await client.command(item.meeting_id, item.name, item.args,
                                              command_id=item.command_id)
                reply: dict[str, Any] = {"ok": True, "result": result}
            except ServerError as exc:
                if exc.code == ErrorCode.TOKEN_INVALID:
                    reply = {"ok": False, "code": exc.code, "message": exc.message}
                elif exc.code in TRANSIENT or exc.code == ErrorCode.NOT_AUTHENTICATED:
                    await self._backoff(wake, delay)
                    delay = min(delay * 2, self.settings.retry_max_seconds)
                    continue
                else:
                    reply = {"ok": False, "code": exc.code, "message": exc.message}
                    if exc.details is not None:
                        reply["details"] = exc.details
            except (OSError, ConnectionLostError, TimeoutError) as exc:
                log.info("command id=%s waits for the uplink (%s)", item.command_id[:64],
                         type(exc).__name__)
                self._users.pop(item.token, None)
                await self._backoff(wake, delay)
                delay = min(delay * 2, self.settings.retry_max_seconds)
                continue
            delay = 0.2
            self.store.answer(user_id, item.command_id, reply)
            log.info("relayed command user=%d command=%s ok=%s", user_id, item.name[:64],
                     reply["ok"])
            for future in self._waiters.futures.get((user_id, item.command_id), []):
                if not future.done():
                    future.set_result(reply)
            self._status_changed.set()

    async def _backoff(self, wake: asyncio.Event, delay: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(wake.wait(), delay)

    # --- documents --------------------------------------------------------------------

    async def _fetch_chunk(self, identity: Identity, token: str,
                           request: FetchChunk) -> dict[str, Any] | BinaryReply:
        sha = request.sha256
        size = self.store.granted(identity.user_id, sha)
        if size is None or not self.blobs.has(sha):
            size = await self._admit(identity, token, sha)
        if request.offset >= size:
            raise ProtocolError(ErrorCode.INVALID_ARGS, f"offset beyond the file ({size} bytes)")
        data = await self._run(self._io, self.blobs.read_range, sha, request.offset,
                               request.length)
        if request.binary:
            return BinaryReply({"sha256": sha, "offset": request.offset, "size": size,
                                "length": len(data)}, data)
        return {"sha256": sha, "offset": request.offset, "size": size, "length": len(data),
                "chunk_sha256": hashlib.sha256(data).hexdigest(),
                "data": base64.b64encode(data).decode("ascii")}

    async def _admit(self, identity: Identity, token: str, sha: str) -> int:
        """Ask the province whether this user may read the file; fetch it once if needed."""
        client = await self._online_user(token, "download")
        try:
            if self.blobs.has(sha):
                probe = await client.request("fetch_chunk", sha256=sha, offset=0, length=1)
                size = int(probe["size"])
            else:
                size = await self._download(token, sha)
        except ServerError as exc:
            raise _upstream_error(exc) from None
        except (OSError, ConnectionLostError, TimeoutError, TransferError):
            raise _unavailable("download") from None
        self.store.grant(identity.user_id, sha, size)
        return size

    async def _download(self, token: str, sha: str) -> int:
        """Fetch a file from the province on a connection of its own, the user's commands
        keep theirs free, as binary pieces where the province offers them."""
        lock = self._downloads.setdefault(sha, asyncio.Lock())
        async with lock:
            files = self._connect_user()
            await files.connect()
            try:
                await files.resume(token)
                if self.blobs.has(sha):
                    return (await fetch_piece(files, sha, 0, 1))[1]
                return await self._fetch_upstream(files, sha)
            finally:
                with contextlib.suppress(Exception):
                    await files.close()

    async def _fetch_upstream(self, client: ChairClient, sha: str) -> int:
        have = await self._run(self._io, self.blobs.received, sha)
        pace = Pace(target_seconds=0.5)
        first, size = await fetch_piece(client, sha, have, pace.piece())
        self._count(first)
        await self._run(self._io, self.blobs.append, sha, size, have, first)
        offset = have + len(first)
        # Pieces fly ahead (several on a fast uplink) and are written in order.
        ahead: list[asyncio.Task[tuple[bytes, int]]] = []
        try:
            while offset < size or ahead:
                while offset < size and len(ahead) < pace.in_flight() + 1:
                    length = min(pace.piece(), size - offset)
                    ahead.append(asyncio.create_task(self._timed_piece(client, sha, offset,
                                                                       length, pace)))
                    offset += length
                data, at = await ahead.pop(0)
                try:
                    await self._run(self._io, self.blobs.append, sha, size, at, data)
                except ValueError as exc:
                    raise ProtocolError(ErrorCode.INTERNAL,
                                        f"the file from upstream is damaged ({exc})") from None
        finally:
            for task in ahead:
                task.cancel()
            await asyncio.gather(*ahead, return_exceptions=True)
        log.info("document sha=%s fetched upstream size=%d", sha[:12], size)
        return size

    async def _timed_piece(self, client: ChairClient, sha: str, offset: int, length: int,
                           pace: Pace) -> tuple[bytes, int]:
        asked = time.monotonic()
        data, _size = await fetch_piece(client, sha, offset, length)
        pace.record(len(data), asked)
        self._count(data)
        return data, offset

    def _count(self, data: bytes) -> None:
        self.upstream_pieces += 1
        self.upstream_bytes += len(data)


async def run_relay(settings: RelaySettings, config: ServerConfig,
                    ready: Callable[[RelayServer], None] | None = None) -> None:
    """Serve the hall until SIGINT or SIGTERM (what ``meetingroom serve --relay-for`` runs)."""
    server = RelayServer(settings, config)
    await server.start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    if ready is not None:
        ready(server)
    try:
        await stop.wait()
        log.info("shutting down")
    finally:
        with contextlib.suppress(Exception):
            await server.stop()
