"""A hall relay: one commune hall follows a provincial meeting over one weak uplink.

``meetingroom serve --relay-for wss://province/ ...`` runs a ``RelayServer``. It
speaks the ordinary protocol to the hall's laptops and links upstream:

- **The mirror.** One uplink connection, logged in with the relay account (a
  participant of the meeting, normally a ``guest``: it never counts towards
  quorum), subscribes to the meeting and writes every event into the relay's own
  store (``RelayStore``, SQLite) with the province's sequence numbers; after a
  drop it resubscribes from its last ``seq``. Local subscribers get the same
  numbers and resume by them. The mirror subscribes with ``every_event`` (it keeps
  the whole log, never ``progress`` frames) and ``runs``: each run of ballots and
  check-ins comes as one ``run`` message, kept as one row (``FoldedRun``); the
  relay's own ``Channel`` folds them for the hall's delegates as the province's does,
  from the run's counts alone when none of its laptops is in it. The
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

Where the parts live: the upstream half — the mirror and each user's session, both
the laptop's own ``MeetingConnection`` (reconnect, gap check, outbox), the link
state and the hall's reports — is ``uplink.RelayUplink``; the database and the one
thread that writes it are ``store``; this module answers the hall's laptops.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import logging
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from typing import Any

from websockets.asyncio.server import ServerConnection
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
from meetingroom.server.service import Identity
from meetingroom.server.views import counted_snapshot
from meetingroom.sync.client.chair_client import ChairClient, ServerError
from meetingroom.sync.client.connection import MeetingConnection
from meetingroom.sync.client.session_parts import LINK_ERRORS
from meetingroom.sync.client.transfer import (
    Pace,
    TransferError,
    binary_piece_limit,
    fetch_piece,
)
from meetingroom.sync.relay.store import Queued, RelayStorage
from meetingroom.sync.relay.uplink import RelayUplink
from meetingroom.sync.serving.channel import PROGRESS_ROLES, Channel
from meetingroom.sync.serving.pieces import BinaryReply, file_piece
from meetingroom.sync.serving.socket_server import (
    Peer,
    RequestHandler,
    ServerConfig,
    serve_until_signalled,
)
from meetingroom.sync.serving.subscriber import Subscriber

log = logging.getLogger("meetingroom.relay")
#: A document could not be brought from upstream: the link failed or the file came damaged.
_TRANSFER_FAILURES: tuple[type[Exception], ...] = (*LINK_ERRORS, TransferError)


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


class RelayServer(RelayUplink):
    """Serves one provincial meeting to a hall's laptops through one uplink."""

    def __init__(self, settings: RelaySettings, config: ServerConfig | None = None) -> None:
        self._temp: Any = None
        folder = settings.folder
        if folder is None:
            import tempfile

            self._temp = tempfile.TemporaryDirectory(prefix="meetingroom-relay-")
            blob_root = Path(self._temp.name) / "blobs"
            store = RelayStorage(None)
        else:
            folder.mkdir(parents=True, exist_ok=True)
            blob_root = folder / "blobs"
            store = RelayStorage(folder / "relay.sqlite3")
        super().__init__(settings, store, config)
        self.blobs = BlobStore(blob_root)
        #: Upstream file traffic: how many pieces and bytes of document files were fetched.
        self.upstream_pieces = 0
        self.upstream_bytes = 0
        self._downloads: dict[str, asyncio.Lock] = {}

    async def stop(self) -> None:
        await super().stop()
        self.store.close()
        if self._temp is not None:
            self._temp.cleanup()

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
        await self._end_session(token)  # kept while it still has commands to deliver

    #: The laptops' requests: ``relay_status`` is the relay's own, upstream (unknown here).
    serves = RELAY_SERVED

    def _request_handlers(self) -> dict[RequestType, RequestHandler]:
        """What the relay does with each request (the ``at_relay`` column of ``REQUESTS``):
        its own answer, the province's as it is, or a refusal."""
        r = RequestType
        local: dict[RequestType, RequestHandler] = {
            r.PING: lambda _peer, _request: self._pong(),
            r.LOGIN: self._login,
            r.RESUME: lambda peer, request: self._resume(peer, request.token, request.device,
                                                         files=bool(request.files)),
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

    async def _online_user(self, token: str, what: str) -> ChairClient:
        if not self.link_up.is_set():
            raise _unavailable(what)
        try:
            return await self._user(token)
        except ServerError as exc:
            if exc.code == ErrorCode.TOKEN_INVALID:
                self.store.forget_session(token)
            raise _upstream_error(exc) from None
        except LINK_ERRORS:
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
        session = self._user_session(username, request.device)
        await session.start(None)
        try:
            user = dict(await session.login(request.password, via_relay=self._via_relay(peer)))
        except ServerError as exc:
            await self._drop_session(session)
            raise _upstream_error(exc) from None
        except LINK_ERRORS:
            await self._drop_session(session)
            raise _unavailable("login") from None
        token = session.token
        assert token is not None
        self._users[token] = session
        self._sessions.add(session)
        await self.store.call(self.store.db.remember_session, token, user)
        self._authenticate(peer, user, token)
        log.info("login peer=%d user=%s (through the relay)", peer.id, user.get("username"))
        return {"token": token, "user": user}

    async def _drop_session(self, session: MeetingConnection) -> None:
        with contextlib.suppress(Exception):
            await session.close()

    def _via_relay(self, peer: Peer) -> dict[str, str] | None:
        """The laptop's own address for the province's login throttle, vouched for by the
        relay's token: the province would otherwise see every laptop of the hall as one."""
        remote = peer.connection.remote_address
        if self.relay_token is None or not remote:
            return None
        return {"token": self.relay_token, "address": str(remote[0])}

    async def _resume(self, peer: Peer, token: str, device: str | None, *,
                      files: bool = False) -> dict[str, Any]:
        known = await self.store.call(self.store.db.session, token)
        if self.link_up.is_set():
            try:
                client = await self._user(token, device)
                user = dict(client.user or known or {})
            except ServerError as exc:
                if exc.code == ErrorCode.TOKEN_INVALID:
                    self.store.forget_session(token)
                raise _upstream_error(exc) from None
            except LINK_ERRORS:
                if known is None:
                    raise _unavailable("verify") from None
                user = known
            await self.store.call(self.store.db.remember_session, token, user)
        elif known is not None:
            user = known  # checked upstream when it was first seen; checked again when back
        else:
            raise _unavailable("verify")
        self._authenticate(peer, user, token)
        if files:  # a file connection, opened again after every vote: the id is enough
            return {"user": {"id": user.get("id")}}
        return {"user": user}

    async def _list_meetings(self, identity: Identity, token: str) -> dict[str, Any]:
        if self.link_up.is_set():
            with contextlib.suppress(ServerError, *LINK_ERRORS):
                meetings = await (await self._user(token)).list_meetings()
                return {"meetings": [m for m in meetings if m.get("id") == self.meeting_id]}
        cached = await self.store.call(self.store.db.snapshot, identity.user_id)
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
        if subscriber.progress and isinstance(result.get("snapshot"), dict):
            result["snapshot"] = counted_snapshot(result["snapshot"], identity.user_id)
        start_at = int(result["seq"]) if result["mode"] == "snapshot" else last_seq
        replay = await self.store.call(self.store.db.events_after, meeting_id, start_at)
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
        return Channel(meeting_id, self._lost, self.config.progress_interval_s,
                       self.config.progress_gap_s, on_vote_open=self._cut_file_pieces)

    async def _read_for(self, identity: Identity, token: str, last_seq: int) -> dict[str, Any]:
        base, last = self.store.base_seq, self.store.last_seq
        cached = await self.store.call(self.store.db.snapshot, identity.user_id)
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
            except LINK_ERRORS:
                got = None
            while got is not None and not client.events.empty():
                client.events.get_nowait()  # the mirror brings these
            if got is not None:
                seq, role, snapshot = int(got["seq"]), str(got["role"]), got["snapshot"]
                await self.store.call(self.store.db.save_snapshot, identity.user_id, seq,
                                      role, snapshot)
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
        self._waiters.setdefault(key, []).append(future)
        try:
            answered = await self.store.call(self.store.db.queue, Queued(
                identity.user_id, request.id, token, request.meeting_id, request.command,
                dict(request.args)))
            if answered is None:
                await self._hand_over(await self._session_for(token), identity.user_id,
                                      request.id, request.meeting_id, request.command,
                                      dict(request.args))
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
            waiting = self._waiters.get(key, [])
            if future in waiting:
                waiting.remove(future)
            if not waiting:
                self._waiters.pop(key, None)
        if answered.get("ok"):
            return dict(answered["result"])
        raise ProtocolError(ErrorCode(answered["code"]), answered["message"],
                            details=answered.get("details"))

    # --- documents --------------------------------------------------------------------

    async def _fetch_chunk(self, identity: Identity, token: str,
                           request: FetchChunk) -> dict[str, Any] | BinaryReply:
        sha = request.sha256
        size = await self.store.call(self.store.db.granted, identity.user_id, sha)
        if size is None or not self.blobs.has(sha):
            size = await self._admit(identity, token, sha)
        if request.offset >= size:
            raise ProtocolError(ErrorCode.INVALID_ARGS, f"offset beyond the file ({size} bytes)")
        if request.binary:
            return file_piece(self.blobs, sha, request.offset,
                              min(request.length, size - request.offset), size)
        data = await self._run(self._io, self.blobs.read_range, sha, request.offset,
                               request.length)
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
        except _TRANSFER_FAILURES:
            raise _unavailable("download") from None
        await self.store.call(self.store.db.grant, identity.user_id, sha, size)
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
        pace = Pace(target_seconds=0.5, largest=binary_piece_limit(client))
        first, size = await fetch_piece(client, sha, have, pace.piece())
        self._count(first)
        await self._run(self._io, self.blobs.append, sha, size, have, first)
        offset = have + len(first)
        # Pieces fly ahead (several on a fast uplink) and are written in order.
        ahead: list[asyncio.Task[tuple[bytes | memoryview, int]]] = []
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
                           pace: Pace) -> tuple[bytes | memoryview, int]:
        asked = time.monotonic()
        data, _size = await fetch_piece(client, sha, offset, length)
        pace.record(len(data), asked)
        self._count(data)
        return data, offset

    def _count(self, data: bytes | memoryview) -> None:
        self.upstream_pieces += 1
        self.upstream_bytes += len(data)


async def run_relay(settings: RelaySettings, config: ServerConfig,
                    ready: Callable[[RelayServer], None] | None = None) -> None:
    """Serve the hall until SIGINT or SIGTERM (what ``meetingroom serve --relay-for`` runs)."""
    await serve_until_signalled(RelayServer(settings, config), ready)
