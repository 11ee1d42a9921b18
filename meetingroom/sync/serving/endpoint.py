"""The chair server: websockets in front of MeetingService.

Database and password work runs in worker threads so the event loop keeps every
other hall laptop served while one login hashes or one command commits. Commands
go through a single database thread, which keeps one process's writes in
sequence order and suits SQLite's single writer. Ballots, check-ins and speaking
requests that arrive while it is busy are applied together in the next group
commit (``MeetingService.execute_batch``) and answered once it has committed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import socket
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from http import HTTPStatus
from typing import Any

from sqlalchemy import text
from websockets.asyncio.server import ServerConnection
from websockets.http11 import Request, Response

from meetingroom import __version__
from meetingroom.core.protocol import (
    PROTOCOL_VERSION,
    Admin,
    ChangePassword,
    Command,
    CreateMeeting,
    Encoded,
    ErrorCode,
    ListBodies,
    ListMeetings,
    Login,
    Logout,
    Ping,
    ProtocolError,
    Reason,
    RequestSpec,
    RequestType,
    Resume,
    Sender,
    Subscribe,
    Unsubscribe,
    ViaRelay,
    encode,
    encode_object,
)
from meetingroom.server.integration_api import API_PREFIX
from meetingroom.server.integration_api import answer as api_answer
from meetingroom.server.service import (
    BATCHED_COMMANDS,
    BatchItem,
    CommandOutcome,
    Identity,
    MeetingService,
    WireEvent,
    fault_point,
)
from meetingroom.server.views import counted_snapshot
from meetingroom.sync.serving.channel import PROGRESS_ROLES, Channel
from meetingroom.sync.serving.document_files import DocumentFiles
from meetingroom.sync.serving.fanout import ROOMS_CHANNEL, EventFeed, PgListener
from meetingroom.sync.serving.rooms import (
    ROOM_VIEWERS,
    RelayStatus,
    Room,
    RoomBoard,
)
from meetingroom.sync.serving.socket_server import (
    Peer,
    RequestHandler,
    ServerConfig,
    serve_until_signalled,
    tls_context,  # noqa: F401 (re-exported)
)
from meetingroom.sync.serving.subscriber import Subscriber

log = logging.getLogger("meetingroom.server")


#: A batch taken from the queue (each command with its answer to come), and its work on
#: the database thread.
RunningBatch = tuple[list[tuple[BatchItem, asyncio.Future[CommandOutcome]]],
                     asyncio.Future[list[CommandOutcome | ProtocolError]]]
#: Commands that attach a file: the document check runs before they reach the database.
CHECKED_DOCUMENT_COMMANDS = frozenset({"document.add", "document.replace", "document.submit"})
_SHA256 = re.compile(r"[0-9a-f]{64}")


class ChairServer(DocumentFiles):
    """The chair server proper: the single source of truth for the meetings it serves."""

    def __init__(self, service: MeetingService, config: ServerConfig | None = None) -> None:
        super().__init__(config)
        self.service = service
        self._db = ThreadPoolExecutor(1, thread_name_prefix="meetingroom-db")
        #: Reads for the fan-out between processes (PostgreSQL), off the command thread.
        self._feed_db = ThreadPoolExecutor(1, thread_name_prefix="meetingroom-feed")
        self._sweeper: asyncio.Task[None] | None = None
        self.rooms = RoomBoard()
        #: This process among several on one database (linked-room reports carry it).
        self.process_id = f"{socket.gethostname()}:{os.getpid()}:{id(self) % 100000}"
        use_fanout = self.config.fanout if self.config.fanout is not None \
            else service.announces
        self.feed: EventFeed | None = EventFeed(self._fetch_events, self._last_seqs,
                                                self._channels.get) if use_fanout else None
        self._listener: PgListener | None = None
        #: Hot commands waiting for the next group commit, and the task that runs them.
        self._waiting: list[tuple[BatchItem, asyncio.Future[CommandOutcome]]] = []
        self._batcher: asyncio.Task[None] | None = None

    async def _started(self) -> None:
        self._sweeper = asyncio.create_task(self._sweep_deadlines())
        if self.feed is not None:
            self._listener = PgListener(self.service.db.engine.url.render_as_string(
                hide_password=False), self.feed, self._room_from_elsewhere)
            self._listener.start()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._listener.ready.wait(), 10)

    async def _stopping(self) -> None:
        if self._sweeper is not None:
            self._sweeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._sweeper
            self._sweeper = None
        if self._listener is not None:
            await self._listener.stop()
            self._listener = None

    async def stop(self) -> None:
        await super().stop()
        self._db.shutdown(wait=True)
        self._feed_db.shutdown(wait=True)

    async def _end_revoked(self) -> None:
        """Close connections whose token was revoked or expired since they logged in."""
        tokens = {p.token for p in self._peers if p.token}
        dead = await self._run(self._auth, self.service.dead_tokens, tokens)
        for peer in [p for p in self._peers if p.token in dead]:
            log.info("session ended peer=%d user=%s (token revoked or expired)", peer.id,
                     peer.who)
            self._drop_subscription(peer)
            peer.identity = peer.token = None
            peer.may_upload = None
            await peer.connection.close(4001, "session revoked or expired")

    async def _sweep_deadlines(self) -> None:
        """Close written-opinion requests at their deadline even if nobody acts then, and
        end sessions revoked elsewhere — a password reset, a logout on another laptop."""
        while True:
            await asyncio.sleep(self.config.deadline_sweep_seconds)
            try:
                await self._end_revoked()
                events = await self._run(self._db, self.service.close_due_opinions)
            except Exception:
                log.exception("deadline sweep failed")
                continue
            for meeting_id in sorted({e.meeting_id for e in events}):
                await self._publish(meeting_id, [e for e in events if e.meeting_id == meeting_id])
            for room in self.rooms.expire():
                self._room_notice(room)

    # --- plain HTTP -----------------------------------------------------------------

    async def _http(self, connection: ServerConnection, request: Request) -> Response | None:
        path = request.path.split("?", 1)[0]
        if path.startswith(API_PREFIX) and "upgrade" not in request.headers.get(
                "Connection", "").lower():
            found = await self._run(self._db, api_answer, self.service, path,
                                    request.headers.get("Authorization"))
            log.info("api path=%s status=%d", path[:100], found.status)
            return self._json(connection, found.status, found.body)
        if path != "/healthz":
            return None
        healthy = await self._run(self._auth, self._database_ok)
        body = {"status": "ok" if healthy else "degraded", "version": __version__,
                "protocol": PROTOCOL_VERSION, "connections": len(self._peers),
                "database": "ok" if healthy else "unreachable"}
        status = HTTPStatus.OK if healthy else HTTPStatus.SERVICE_UNAVAILABLE
        return self._json(connection, status, body)

    def _database_ok(self) -> bool:
        try:
            with self.service.db.reading() as session:
                session.execute(text("SELECT 1"))
            return True
        except Exception:
            log.exception("health check: database unreachable")
            return False

    def _request_handlers(self) -> dict[RequestType, RequestHandler]:
        r = RequestType
        return {
            r.PING: self._ping, r.LOGIN: self._login, r.RESUME: self._resume,
            r.LOGOUT: self._logout, r.LIST_MEETINGS: self._list_meetings,
            r.LIST_BODIES: self._list_bodies, r.CHANGE_PASSWORD: self._change_password,
            r.CREATE_MEETING: self._create_meeting, r.ADMIN: self._admin,
            r.SUBSCRIBE: self._on_subscribe, r.UNSUBSCRIBE: self._unsubscribe,
            r.UPLOAD_STATUS: self._upload_status,
            # Looked up when called, so a test may wrap one (counting file pieces).
            r.COMMAND: lambda peer, request: self._command(
                peer, self._require_identity(peer), request),
            r.FETCH_CHUNK: lambda peer, request: self._fetch_chunk(
                self._require_identity(peer), request, peer.piece_limit),
            r.UPLOAD_CHUNK: lambda peer, request: self._upload_chunk(
                self._require_identity(peer), request),
            r.RELAY_STATUS: lambda peer, request: self._relay_status(
                peer, self._require_identity(peer), request),
        }

    async def _check_sender(self, peer: Peer, spec: RequestSpec) -> None:
        await super()._check_sender(peer, spec)
        if spec.sender is Sender.UPLOADER:
            await self._require_uploader(peer, self._require_identity(peer))

    async def _ping(self, peer: Peer, request: Ping) -> dict[str, Any]:
        return {"pong": True}

    async def _resume(self, peer: Peer, request: Resume) -> dict[str, Any]:
        identity = await self._run(self._auth, self.service.resume, request.token,
                                   request.device)
        self._authenticate(peer, identity, request.token)
        log.info("resume peer=%d user=%s", peer.id, identity.username)
        if request.files:  # opened again after every vote: the id is all it needs
            return {"user": {"id": identity.user_id}}
        return {"user": identity.view()}

    async def _logout(self, peer: Peer, request: Logout) -> dict[str, Any]:
        ended = peer.token
        if ended:
            await self._run(self._auth, self.service.logout, ended)
        log.info("logout peer=%d user=%s", peer.id, peer.who)
        self._drop_subscription(peer)
        peer.identity = peer.token = None
        peer.may_upload = None
        if ended and any(p.token == ended for p in self._peers):
            # The token is dead: other connections that resumed with it end now
            # (4001), not at the next sweep; this one stays open, logged out.
            await self._end_revoked()
        return {}

    async def _list_meetings(self, peer: Peer, request: ListMeetings) -> dict[str, Any]:
        meetings = await self._run(self._db, self.service.list_meetings,
                                   self._require_identity(peer))
        return {"meetings": meetings}

    async def _list_bodies(self, peer: Peer, request: ListBodies) -> dict[str, Any]:
        bodies = await self._run(self._db, self.service.list_bodies,
                                 self._require_identity(peer))
        return {"bodies": bodies}

    async def _change_password(self, peer: Peer, request: ChangePassword) -> dict[str, Any]:
        identity = self._require_identity(peer)
        assert peer.token is not None
        revoked = await self._run(self._passwords, self.service.change_password, identity,
                                  peer.token, request.old_password, request.new_password)
        log.info("change_password peer=%d user=%s revoked=%d", peer.id, identity.username,
                 revoked)
        await self._end_revoked()
        return {"revoked_sessions": revoked}

    async def _create_meeting(self, peer: Peer, request: CreateMeeting) -> dict[str, Any]:
        identity = self._require_identity(peer)
        meeting = await self._run(self._db, self.service.create_meeting, identity,
                                  request.body_id, request.title, request.starts_at,
                                  request.location, request.clone_of)
        log.info("create_meeting peer=%d user=%s meeting=%d", peer.id, identity.username,
                 meeting["id"])
        return {"meeting": meeting}

    async def _admin(self, peer: Peer, request: Admin) -> dict[str, Any]:
        identity = self._require_identity(peer)
        result = await self._run(self._db, self.service.admin, identity, request.action,
                                 request.args)
        log.info("admin peer=%d user=%s action=%s", peer.id, identity.username,
                 request.action)
        if request.action in ("user.deactivate", "user.reset_password"):
            await self._end_revoked()
        return result

    async def _on_subscribe(self, peer: Peer, request: Subscribe) -> dict[str, Any]:
        return await self._subscribe(peer, self._require_identity(peer), request.meeting_id,
                                     request.last_seq, request.every_event, request.runs)

    async def _unsubscribe(self, peer: Peer, request: Unsubscribe) -> dict[str, Any]:
        self._drop_subscription(peer)
        return {}

    async def _login(self, peer: Peer, request: Login) -> dict[str, Any]:
        if peer.identity is not None:
            raise ProtocolError(ErrorCode.ALREADY_AUTHENTICATED, "log out first")
        username = request.username
        address = await self._login_address(peer, request.via_relay)
        try:
            token, identity = await self._run(self._passwords, self.service.login, username,
                                              request.password, address, request.device)
        except ProtocolError:
            log.warning("login failed peer=%d username=%r", peer.id, username[:64])
            raise
        self._authenticate(peer, identity, token)
        log.info("login peer=%d user=%s", peer.id, identity.username)
        return {"token": token, "user": identity.view()}

    async def _login_address(self, peer: Peer, via: ViaRelay | None) -> str:
        """The address a login is throttled by: the connection's, or a relay's laptop's.

        Only a relay may say whose login it passes on: its token must be valid and its
        account must have announced a linked hall (``relay_status``). Anyone else who
        claims an address is refused, never believed.
        """
        remote = peer.connection.remote_address
        own = str(remote[0]) if remote else ""
        if via is None:
            return own
        try:
            relay = await self._run(self._auth, self.service.resume, via.token)
        except ProtocolError:
            relay = None
        if relay is None or not self.rooms.linked(relay.username):
            log.warning("login peer=%d remote=%s claimed a laptop's address but is not a "
                        "linked relay", peer.id, own)
            raise ProtocolError(ErrorCode.FORBIDDEN,
                                "only a linked relay hall may pass on a laptop's address")
        return via.address

    def _authenticate(self, peer: Peer, identity: Identity, token: str) -> None:
        if peer.identity is not None and peer.identity.user_id != identity.user_id:
            self._drop_subscription(peer)
        peer.identity, peer.token = identity, token
        peer.may_upload = None  # decided again for whoever is on the connection now

    def _require_identity(self, peer: Peer) -> Identity:
        if peer.identity is None:
            raise ProtocolError(ErrorCode.NOT_AUTHENTICATED, "log in or resume first",
                                reason=Reason.NOT_LOGGED_IN)
        return peer.identity

    async def _subscribe(self, peer: Peer, identity: Identity, meeting_id: int,
                         last_seq: int, every_event: bool = False,
                         runs: bool = False) -> dict[str, Any]:
        self._drop_subscription(peer)
        channel = self._channels.get(meeting_id)
        if channel is None:
            channel = self._channels[meeting_id] = Channel(
                meeting_id, self._lost, self.config.progress_interval_s,
                self.config.progress_gap_s, on_vote_open=self._cut_file_pieces)
        subscriber = Subscriber(peer.connection, meeting_id, user_id=identity.user_id)
        # Join before reading, so events committed meanwhile are held back, not missed.
        channel.subscribers.add(subscriber)
        peer.subscriber = subscriber
        try:
            sub = await self._run(self._db, self.service.subscribe, identity, meeting_id,
                                  last_seq)
        except BaseException:
            self._drop_subscription(peer)
            raise
        subscriber.role = sub.role
        subscriber.progress = sub.role in PROGRESS_ROLES and not every_event
        subscriber.runs = runs and not subscriber.progress
        if subscriber.progress and sub.snapshot is not None:
            sub.snapshot = counted_snapshot(sub.snapshot, identity.user_id)
            # Cut for this person (their own place in each vote): the shared encoding of
            # the whole snapshot is not theirs to send.
            sub.shared_text = None
        if self.feed is not None and self._channels.get(meeting_id) is channel:
            self.feed.seed(meeting_id, sub.seq)
        result: dict[str, Any] = {"meeting_id": meeting_id, "mode": sub.mode, "seq": sub.seq,
                                  "role": sub.role}
        if sub.role in ROOM_VIEWERS:
            result["rooms"] = self.rooms.rooms(meeting_id)
            if sub.snapshot is not None:
                sub.snapshot["rooms"] = result["rooms"]
        if sub.snapshot is not None and sub.shared_text is not None:
            own = {k: sub.snapshot[k] for k in ("you", "rooms") if k in sub.snapshot}
            result["snapshot"] = Encoded(encode_object(sub.shared_text, **own))
        elif sub.snapshot is not None:
            result["snapshot"] = sub.snapshot
        else:
            result["replayed"] = len(sub.events)
        log.info("subscribe peer=%d user=%s meeting=%d mode=%s from=%d to=%d", peer.id,
                 identity.username, meeting_id, sub.mode, last_seq, sub.seq)
        start_at = sub.seq if sub.snapshot is not None else last_seq
        peer.after_reply = partial(channel.start, subscriber, start_at, sub.events)
        return result

    async def _command(self, peer: Peer, identity: Identity, request: Command) -> dict[str, Any]:
        if request.command in CHECKED_DOCUMENT_COMMANDS:
            await self._check_document(request.args.get("sha256"))
        try:
            if request.command in BATCHED_COMMANDS:
                outcome = await self._batched(BatchItem(identity, request.id,
                                                        request.meeting_id, request.command,
                                                        dict(request.args)))
            else:
                outcome = await self._run(self._db, self.service.execute, identity,
                                          request.id, request.meeting_id, request.command,
                                          dict(request.args))
                await self._publish(request.meeting_id, outcome.events)
        except ProtocolError as exc:
            self._log_command(peer, request, f"refused code={exc.code}")
            raise
        stored = outcome.reply
        self._log_command(peer, request, f"ok={stored.get('ok')} seq={stored.get('seq')} "
                                         f"duplicate={outcome.duplicate}")
        if not stored.get("ok"):
            raise ProtocolError(ErrorCode(stored["code"]), stored["message"],
                                details=stored.get("details"))
        return {**stored["result"], "seq": stored["seq"], "duplicate": outcome.duplicate}

    # --- group commit -----------------------------------------------------------------

    async def _batched(self, item: BatchItem) -> CommandOutcome:
        """Queue a hot command for the next batch; its answer comes once the batch commits."""
        future: asyncio.Future[CommandOutcome] = asyncio.get_running_loop().create_future()
        self._waiting.append((item, future))
        if self._batcher is None or self._batcher.done():
            self._batcher = asyncio.create_task(self._run_batches())
        return await future

    async def _run_batches(self) -> None:
        """Apply whatever queued while the previous batch was on the database thread.

        No wait is added: a lone ballot is applied at once, and a hall's worth that
        arrives during one commit is applied in the next. That next batch goes to the
        database thread as soon as this one has committed, before this one's events are
        written to the hall: a thousand sockets' sends overlap its statements instead of
        waiting for them (each batch still commits, and is published and answered, in order).
        """
        running = await self._next_batch()
        while running is not None:
            taken, work = running
            try:
                results = await work
            except Exception as exc:
                log.exception("batch of %d failed", len(taken))
                for _, future in taken:
                    if not future.done():
                        future.set_exception(exc)
                running = await self._next_batch()
                continue
            fault_point("batch_committed")
            gather = self.config.batch_gather_seconds
            running = None if gather else await self._next_batch()
            # Events go out in commit order, each meeting's in one go, before any answer.
            by_meeting: dict[int, list[WireEvent]] = {}
            for result in results:
                if isinstance(result, CommandOutcome):
                    for event in result.events:
                        by_meeting.setdefault(event.meeting_id, []).append(event)
            for meeting_id, events in by_meeting.items():
                await self._publish(meeting_id, sorted(events, key=lambda e: e.seq))
            for (_, future), result in zip(taken, results, strict=True):
                if future.done():
                    continue  # its connection went away meanwhile
                if isinstance(result, ProtocolError):
                    future.set_exception(result)
                else:
                    future.set_result(result)
            if running is None:  # with a gathering wait, or what came while publishing
                running = await self._next_batch()

    async def _next_batch(self) -> RunningBatch | None:
        """Take the next batch and start it on the database thread (None: nothing waits)."""
        if self._waiting and self.config.batch_gather_seconds:
            await asyncio.sleep(self.config.batch_gather_seconds)
        if not self._waiting:
            return None
        taken = self._waiting[:self.config.max_batch]
        del self._waiting[:len(taken)]
        work = asyncio.get_running_loop().run_in_executor(
            self._db, self.service.execute_batch, [item for item, _ in taken])
        return taken, work

    async def _check_document(self, sha256: object) -> None:
        """Run the document check, a child process drawing every page within limits, on
        an I/O thread, so opening a hostile or huge PDF never holds the database thread
        and every command queued behind it (issue 19.4); the command reads the verdict."""
        blobs = self.service.blobs
        if not isinstance(sha256, str) or not _SHA256.fullmatch(sha256):
            return  # the command's own argument check words the refusal
        if await self._run(self._io, blobs.has, sha256):
            await self._run(self._io, blobs.check, sha256)

    def _log_command(self, peer: Peer, request: Command, outcome: str) -> None:
        # Never the arguments: a ballot's choice must not reach any log.
        log.info("command peer=%d user=%s meeting=%d command=%s %s", peer.id, peer.who,
                 request.meeting_id, request.command[:64], outcome)

    # --- fan-out between server processes (PostgreSQL) -------------------------------

    async def _fetch_events(self, meeting_id: int, after: int, upto: int) -> list[WireEvent]:
        return await self._run(self._feed_db, self.service.events_between, meeting_id, after,
                               upto)

    async def _last_seqs(self, meeting_ids: list[int]) -> dict[int, int]:
        return await self._run(self._feed_db, self.service.last_seqs, meeting_ids)

    async def _publish(self, meeting_id: int, events: list[WireEvent]) -> None:
        """Send events this process committed to its subscribers (in order, once each)."""
        if not events:
            return
        if self.feed is None:
            channel = self._channels.get(meeting_id)
            if channel is not None:
                channel.publish(events)
            return
        seqs = [e.seq for e in events]
        await self.feed.deliver(meeting_id, min(seqs), max(seqs), events)

    def _channel_closed(self, meeting_id: int) -> None:
        if self.feed is not None:
            self.feed.forget(meeting_id)

    # --- linked rooms (relay halls) ---------------------------------------------------

    async def _relay_status(self, peer: Peer, identity: Identity,
                            status: RelayStatus) -> dict[str, Any]:
        sub = peer.subscriber
        if sub is None or sub.meeting_id != status.meeting_id:
            raise ProtocolError(ErrorCode.NOT_SUBSCRIBED,
                                "subscribe to the meeting before announcing a relay hall")
        if peer.room is not None and peer.room != (status.meeting_id, status.hall):
            await self._room_lost(peer)
        peer.room = (status.meeting_id, status.hall)
        room, changed = self.rooms.report(status, identity.username, self._origin(peer))
        if changed:
            log.info("room hall=%r meeting=%d link=up present=%d laptops=%d pending=%d",
                     status.hall[:60], status.meeting_id, status.present, status.laptops,
                     status.pending)
            self._room_notice(room)
        await self._share_room(room)
        return {"rooms": self.rooms.count(status.meeting_id)}

    def _origin(self, peer: Peer) -> str:
        return f"{self.process_id}/{peer.id}"

    async def _room_lost(self, peer: Peer) -> None:
        if peer.room is None:
            return
        meeting_id, hall = peer.room
        peer.room = None
        room = self.rooms.link_lost(meeting_id, hall, self._origin(peer))
        if room is not None:
            log.info("room hall=%r meeting=%d link=down", hall[:60], meeting_id)
            self._room_notice(room)
            await self._share_room(room)

    async def _peer_gone(self, peer: Peer) -> None:
        await self._room_lost(peer)

    def _room_notice(self, room: Room) -> None:
        channel = self._channels.get(room.meeting_id)
        if channel is not None:
            channel.notice("room.changed", room.view(), ROOM_VIEWERS)

    async def _share_room(self, room: Room) -> None:
        if self.feed is None:
            return
        payload = encode({**RoomBoard.wire(room), "process": self.process_id})
        try:
            await self._run(self._feed_db, self.service.notify, ROOMS_CHANNEL, payload)
        except Exception:
            log.exception("could not tell the other server processes of a room")

    def _room_from_elsewhere(self, data: dict[str, Any]) -> None:
        if data.pop("process", None) == self.process_id:
            return
        room = self.rooms.merge(data)
        if room is not None:
            self._room_notice(room)


async def run(service: MeetingService, config: ServerConfig,
              ready: Callable[[ChairServer], None] | None = None) -> None:
    """Serve until SIGINT or SIGTERM, then close connections and finish database work."""
    await serve_until_signalled(ChairServer(service, config), ready)
