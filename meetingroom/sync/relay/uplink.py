"""A hall relay's side of the weak link: the province seen through the laptop's own session.

Every upstream connection of a relay is a ``MeetingConnection``, the session a
delegate's laptop keeps with the chair server, so the relay reconnects (often
while an outage is young, then backing off, jittered), checks the event stream
for gaps and delivers queued commands in order, each id once, exactly as a laptop
does — one path, not a copy of it:

- **The mirror**: the relay account's session, following the meeting event by
  event. Its store is the relay's log (``MirrorLog``): each batch goes to the
  storage thread and reaches the hall's laptops once it is on disk.
- **Each user's session**, opened with the laptop's own token: the province
  checks every permission. Its store is that user's outbox (``UserOutbox``): a
  laptop's command is written to ``relay.sqlite3`` first, then handed to the
  session, which sends it when it can; the answer is written back before the
  laptop hears it.

The link the hall sees (``relay.link``) is the mirror's state; once the mirror
is back every user's session tries again at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections import deque
from collections.abc import Coroutine
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from meetingroom.core.protocol import RUN_MESSAGE, ErrorCode
from meetingroom.server.service import WireEvent
from meetingroom.sync.client.chair_client import ChairClient, ServerError
from meetingroom.sync.client.connection import MeetingConnection
from meetingroom.sync.client.local_store import CachedMeeting, PendingCommand, Scope
from meetingroom.sync.client.session_parts import (
    LINK_ERRORS,
    TRANSIENT_CODES,
    ConnectionState,
    ConnectionStatus,
    ReconnectPolicy,
    Refusal,
    SessionListener,
)
from meetingroom.sync.relay.store import RelayStorage
from meetingroom.sync.serving.rooms import RELAY_STATUS
from meetingroom.sync.serving.runs import FoldedRun
from meetingroom.sync.serving.socket_server import ServerConfig, SocketServer

if TYPE_CHECKING:
    from meetingroom.sync.relay.hall_relay import RelaySettings

log = logging.getLogger("meetingroom.relay")


def now() -> str:
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


class MirrorLog:
    """The relay's event log as the mirror session's store. Nothing here waits for the
    disk: writes are handed to the storage thread in order (``RelayUplink``)."""

    def __init__(self, relay: RelayUplink) -> None:
        self._relay = relay

    def load_meeting(self, scope: Scope, meeting_id: int) -> CachedMeeting | None:
        seq = self._relay.store.last_seq
        return CachedMeeting(meeting_id, seq, self._relay.store.base_seq, "", {}) \
            if seq > 0 else None

    def save_snapshot(self, scope: Scope, meeting_id: int, seq: int, role: str,
                      snapshot: dict[str, Any]) -> None:
        self._relay.restart_log(seq)

    def append_events(self, scope: Scope, meeting_id: int,
                      events: list[dict[str, Any]]) -> int:
        return self._relay.mirror_events(events)

    def forget_meeting(self, scope: Scope, meeting_id: int) -> None:
        """The relay account may no longer follow the meeting (``on_meeting_gone``)."""

    # The mirror queues no commands of its own.

    def set_key(self, scope: Scope, key: bytes | None) -> None:
        pass

    def enqueue(self, scope: Scope, meeting_id: int, name: str, args: dict[str, Any], *,
                made_offline: bool, command_id: str | None = None) -> PendingCommand:
        raise NotImplementedError("the relay's mirror sends no commands")

    def pending(self, scope: Scope) -> list[PendingCommand]:
        return []

    def next_pending(self, scope: Scope) -> PendingCommand | None:
        return None

    def count_attempt(self, scope: Scope, command_id: str) -> None:
        pass

    def remove(self, scope: Scope, command_id: str) -> None:
        pass

    def device_secret(self, scope: Scope) -> str | None:
        return None

    def close(self) -> None:
        pass


class UserOutbox:
    """One upstream session's queued commands, in memory: they are on disk in the relay's
    store before they get here, and their answers are written there (``RelayUplink``)."""

    def __init__(self, device: str | None) -> None:
        self.device = device
        self.commands: list[PendingCommand] = []
        #: Whose command each is (the answer is kept per user and command id).
        self.owners: dict[str, int] = {}

    def enqueue(self, scope: Scope, meeting_id: int, name: str, args: dict[str, Any], *,
                made_offline: bool, command_id: str | None = None) -> PendingCommand:
        command = PendingCommand(command_id or uuid.uuid4().hex, meeting_id, name, args, now(),
                                 made_offline)
        if all(c.command_id != command.command_id for c in self.commands):
            self.commands.append(command)
        return command

    def pending(self, scope: Scope) -> list[PendingCommand]:
        return list(self.commands)

    def next_pending(self, scope: Scope) -> PendingCommand | None:
        return self.commands[0] if self.commands else None

    def count_attempt(self, scope: Scope, command_id: str) -> None:
        pass

    def remove(self, scope: Scope, command_id: str) -> None:
        self.commands = [c for c in self.commands if c.command_id != command_id]

    def device_secret(self, scope: Scope) -> str | None:
        return self.device

    def set_key(self, scope: Scope, key: bytes | None) -> None:
        pass

    # A user's session follows no meeting: the mirror brings the events.

    def load_meeting(self, scope: Scope, meeting_id: int) -> CachedMeeting | None:
        return None

    def save_snapshot(self, scope: Scope, meeting_id: int, seq: int, role: str,
                      snapshot: dict[str, Any]) -> None:
        pass

    def append_events(self, scope: Scope, meeting_id: int,
                      events: list[dict[str, Any]]) -> int:
        return 0

    def forget_meeting(self, scope: Scope, meeting_id: int) -> None:
        pass

    def close(self) -> None:
        pass


class _MirrorListener(SessionListener):
    def __init__(self, relay: RelayUplink) -> None:
        self._relay = relay

    def on_status(self, status: ConnectionStatus) -> None:
        self._relay.mirror_status(status)

    def on_token(self, token: str | None) -> None:
        self._relay.relay_token = token

    def on_meeting(self, meeting: CachedMeeting) -> None:
        self._relay.log_restarted()

    def on_meeting_gone(self, meeting_id: int) -> None:
        self._relay.mirror_refused()


class _UserListener(SessionListener):
    def __init__(self, relay: RelayUplink, outbox: UserOutbox) -> None:
        self._relay = relay
        self._outbox = outbox
        self.session: MeetingConnection | None = None

    def on_status(self, status: ConnectionStatus) -> None:
        if status.state is ConnectionState.AUTH_REQUIRED and self.session is not None:
            self._relay.token_refused(self.session, status.reason)

    def on_command_done(self, command: PendingCommand, result: dict[str, Any]) -> None:
        self._relay.answered(self._outbox.owners.pop(command.command_id, 0),
                             command.command_id, {"ok": True, "result": result})

    def on_command_refused(self, refusal: Refusal) -> None:
        reply: dict[str, Any] = {"ok": False, "code": refusal.code,
                                 "message": refusal.server_message}
        if refusal.details is not None:
            reply["details"] = refusal.details
        self._relay.answered(self._outbox.owners.pop(refusal.command.command_id, 0),
                             refusal.command.command_id, reply)


class RelayUplink(SocketServer):
    """The relay's upstream half: the mirror, each user's session, the link state and the
    hall's reports to the province. ``RelayServer`` adds the local protocol."""

    def __init__(self, settings: RelaySettings, store: RelayStorage,
                 config: ServerConfig | None = None) -> None:
        super().__init__(config)
        self.settings = settings
        self.hall = settings.hall or settings.user
        self.store = store
        self.link_up = asyncio.Event()
        self.link_since = now()
        self.link_reason = "starting"
        #: The relay account's token (vouches for the laptops' addresses at login).
        self.relay_token = settings.token
        self._policy = ReconnectPolicy(base_delay=0.2, max_delay=settings.retry_max_seconds)
        self.mirror = self._session(settings.user, MirrorLog(self), _MirrorListener(self),
                                    meeting_id=settings.meeting_id, every_event=True)
        #: Each token's upstream session (the laptop's own connection to the province).
        self._users: dict[str, MeetingConnection] = {}
        self._sessions: set[MeetingConnection] = set()
        self._waiters: dict[tuple[int, str], list[asyncio.Future[dict[str, Any]]]] = {}
        #: The mirrored log's writes not yet started, in order: ``("append", events)`` or
        #: ``("reset", seq)``. Laptops get each batch once it is on disk.
        self._log_work: deque[tuple[str, Any]] = deque()
        self._log_work_added = asyncio.Event()
        self._restart: tuple[int, bool] | None = None
        self._status_changed = asyncio.Event()
        self._background: list[asyncio.Task[None]] = []
        #: Short-lived work started by the sessions' news (announcing, answering laptops).
        self._chores: set[asyncio.Future[None]] = set()
        self._logging_in: asyncio.Task[None] | None = None
        self._login_failures = 0

    @property
    def meeting_id(self) -> int:
        return self.settings.meeting_id

    def link_view(self) -> dict[str, Any]:
        return {"hall": self.hall, "state": "up" if self.link_up.is_set() else "down",
                "since": self.link_since, "reason": self.link_reason,
                "pending": self.store.pending_count(), "seq": self.store.last_seq}

    def drop_uplink(self) -> None:
        """Close the uplink connections now (tests; an operator's "reconnect")."""
        for session in [self.mirror, *self._sessions]:
            client = session.client
            if client is not None:
                with contextlib.suppress(Exception):
                    client.connection.transport.abort()

    def _session(self, username: str, store: MirrorLog | UserOutbox,
                 listener: SessionListener, meeting_id: int | None = None,
                 every_event: bool = False) -> MeetingConnection:
        return MeetingConnection(
            self.settings.upstream, store, username, meeting_id, listener=listener,
            policy=self._policy, ssl_context=self.settings.upstream_tls,
            request_timeout=self.settings.upstream_timeout, every_event=every_event,
            compact_after=2 ** 62)

    def _spawn(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(work)
        self._chores.add(task)
        task.add_done_callback(self._chores.discard)

    # --- life cycle -------------------------------------------------------------------

    async def _started(self) -> None:
        self._background = [asyncio.create_task(self._publish_written()),
                            asyncio.create_task(self._report())]
        await self.mirror.start(self.settings.token)
        for item in await self.store.call(self.store.db.pending_commands):
            session = await self._session_for(item.token)
            await self._hand_over(session, item.user_id, item.command_id, item.meeting_id,
                                  item.name, item.args)

    async def _stopping(self) -> None:
        tasks = [*self._background, *self._chores,
                 *([self._logging_in] if self._logging_in else [])]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._background = []
        for session in [self.mirror, *self._sessions]:
            with contextlib.suppress(Exception):
                await session.close()
        self._sessions.clear()
        self._users.clear()

    # --- the mirror -------------------------------------------------------------------

    def mirror_status(self, status: ConnectionStatus) -> None:
        if status.state is ConnectionState.ONLINE:
            self._login_failures = 0
            self._spawn(self._announce())
        elif status.state is not ConnectionState.CONNECTING:
            self._set_link(False, status.reason or status.state.value)
        if status.state is ConnectionState.AUTH_REQUIRED and (
                self._logging_in is None or self._logging_in.done()):
            self._logging_in = asyncio.ensure_future(self._relay_login())

    async def _announce(self) -> None:
        """The hall is announced before laptops may log in through it: the province
        believes a laptop's forwarded address only from a linked relay."""
        client = self.mirror.client
        if client is None:
            return
        try:
            await self._send_status(client)
        except ServerError as exc:
            (log.warning if exc.code in TRANSIENT_CODES else log.error)(
                "uplink refused: %s: %s", exc.code, exc.message)
            client.connection.transport.abort()  # the session tries again, backing off
            return
        except Exception as exc:
            log.info("could not announce the hall (%s); the uplink reconnects",
                     type(exc).__name__)
            return
        if self.mirror.client is client:
            self._set_link(True, "linked")

    async def _relay_login(self) -> None:
        if not self.settings.password:
            log.error("uplink refused: the relay has no password or a refused token")
            return
        if self._login_failures:
            await asyncio.sleep(self._policy.delay(self._login_failures))
        if self.mirror.status.state is not ConnectionState.AUTH_REQUIRED:
            return
        try:
            await self.mirror.login(self.settings.password)
        except ServerError as exc:
            self._login_failures += 1
            if exc.code in TRANSIENT_CODES:
                log.warning("uplink login: %s: %s", exc.code, exc.message)
            else:
                log.error("uplink refused: %s: %s", exc.code, exc.message)
        except Exception as exc:
            self._login_failures += 1
            log.info("uplink login failed (%s); trying again", type(exc).__name__)

    def mirror_refused(self) -> None:
        """The province no longer lets the relay account follow the meeting."""
        log.error("uplink refused: the relay account may not follow meeting %d",
                  self.meeting_id)
        self._set_link(False, "the relay account may not follow the meeting")

        async def follow_again() -> None:
            await asyncio.sleep(self.settings.retry_max_seconds)
            self.mirror.meeting_id = None
            await self.mirror.follow(self.meeting_id)

        self._spawn(follow_again())

    def restart_log(self, seq: int) -> None:
        """The uplink was too far behind for a replay: the log restarts at ``seq``."""
        log.warning("relay log restarts at seq=%d (was %d)", seq, self.store.last_seq)
        self._restart = (seq, self.store.last_seq > 0)
        self._log_work.append(("reset", seq))
        self._log_work_added.set()

    def log_restarted(self) -> None:
        if self._restart is None:
            return
        (seq, had), self._restart = self._restart, None
        channel = self._channels.get(self.meeting_id)
        for sub in list(channel.subscribers if channel and had else ()):
            if sub.sent_seq is None or sub.sent_seq < seq:
                self._lost(sub)  # they resubscribe and get a snapshot

    def mirror_events(self, messages: list[dict[str, Any]]) -> int:
        """Events from upstream, in order — the session checked for gaps: to disk first.
        (The messages are the session's own, decoded for this call: no copy is needed.)"""
        meeting_id = self.meeting_id
        fresh = [FoldedRun.of(meeting_id, m) if m.get("type") == RUN_MESSAGE else
                 WireEvent(meeting_id, m["seq"], m["event"], m["payload"], m["at"])
                 for m in messages]
        self._log_work.append(("append", fresh))
        self._log_work_added.set()
        return fresh[-1].seq

    def _next_log_write(self) -> tuple[asyncio.Future[Any], bool]:
        """The oldest write not started, joined with the appends queued behind it.

        A province's vote brings each relay a frame every 50 ms; a transaction for each
        was most of a busy relay's storage work (about 0.15 ms of CPU a commit, against
        5 µs an event), and on a shared box the slower the relay, the smaller its frames.
        What arrived while the last write ran now goes in one transaction."""
        kind, value = self._log_work.popleft()
        if kind == "reset":
            return self.store.call(self.store.db.reset, value), False
        events = list(value)
        while self._log_work and self._log_work[0][0] == "append":
            events += self._log_work.popleft()[1]
        return self.store.call(self.store.db.append, events), True

    async def _publish_written(self) -> None:
        """Laptops see each mirrored batch once it is on disk, in order."""
        while True:
            while not self._log_work:
                self._log_work_added.clear()
                await self._log_work_added.wait()
            write, publish = self._next_log_write()
            try:
                added = await write
            except Exception:
                # Logged by the store; the mirror resubscribes from what is on disk.
                client = self.mirror.client
                if client is not None:
                    client.connection.transport.abort()
                continue
            channel = self._channels.get(self.meeting_id)
            if publish and added and channel is not None:
                channel.publish(added)

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
        self.link_since = now()
        log.warning("uplink %s reason=%r pending=%d", "up" if up else "down", reason[:200],
                    self.store.pending_count())
        channel = self._channels.get(self.meeting_id)
        if channel is not None:
            channel.notice("relay.link", self.link_view())
        if up:
            for session in self._sessions:
                session.reconnect_now()
            self._spawn(self._recheck_sessions())

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

    # --- each user's session ------------------------------------------------------------

    def _user_session(self, username: str, device: str | None) -> MeetingConnection:
        outbox = UserOutbox(device)
        listener = _UserListener(self, outbox)
        session = self._session(username, outbox, listener)
        listener.session = session
        return session

    async def _session_for(self, token: str, device: str | None = None) -> MeetingConnection:
        session = self._users.get(token)
        if session is None:
            session = self._users[token] = self._user_session("", device)
            self._sessions.add(session)
            await session.start(token)
        return session

    async def _user(self, token: str, device: str | None = None) -> ChairClient:
        """This user's own upstream connection (opened and resumed when needed).

        ``device`` is the laptop's device secret, passed on when the connection is opened so
        the province records the laptop as a known device of the account.
        """
        session = await self._session_for(token, device)
        try:
            return await session.online_client()
        except LINK_ERRORS:
            if not session.pending():
                await self._end_session(token)
            raise

    async def _end_session(self, token: str) -> None:
        session = self._users.get(token)
        if session is not None and not session.pending():
            del self._users[token]
        await self._reap()

    async def _reap(self) -> None:
        """Close the sessions no laptop uses and no command waits for."""
        kept = set(self._users.values())
        for session in [s for s in self._sessions if s not in kept and not s.pending()]:
            self._sessions.discard(session)
            with contextlib.suppress(Exception):
                await session.close()

    def token_refused(self, session: MeetingConnection, reason: str) -> None:
        """The province refused a laptop's token: its waiting commands are answered so."""
        for token in [t for t, s in self._users.items() if s is session]:
            del self._users[token]
            self.store.forget_session(token)
        outbox = session.store
        assert isinstance(outbox, UserOutbox)
        for command in outbox.pending(session.scope):
            self.answered(outbox.owners.pop(command.command_id, 0), command.command_id,
                          {"ok": False, "code": ErrorCode.TOKEN_INVALID, "message": reason})
        outbox.commands.clear()
        self._spawn(self._reap())

    async def _hand_over(self, session: MeetingConnection, user_id: int, command_id: str,
                         meeting_id: int, name: str, args: dict[str, Any]) -> None:
        """A command already on disk goes to the user's session, which sends it once."""
        outbox = session.store
        assert isinstance(outbox, UserOutbox)
        outbox.owners[command_id] = user_id
        await session.submit(name, args, meeting_id=meeting_id, command_id=command_id)
        self._status_changed.set()

    def answered(self, user_id: int, command_id: str, reply: dict[str, Any]) -> None:
        """The province answered: on disk first — a resent id gets it, then the laptop."""
        written = self.store.call(self.store.db.answer, user_id, command_id, reply)

        async def tell() -> None:
            with contextlib.suppress(Exception):
                await written
            log.info("relayed command user=%d id=%s ok=%s", user_id, command_id[:64],
                     reply["ok"])
            for future in self._waiters.get((user_id, command_id), []):
                if not future.done():
                    future.set_result(reply)
            self._status_changed.set()

        self._spawn(tell())

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
                # Not wait_for: on Python 3.11 it returns the result, swallowing a
                # cancellation that comes as the event is set (a laptop leaving as the
                # relay stops), and the relay's stop then waits for this loop forever.
                async with asyncio.timeout(self.settings.status_seconds):
                    await self._status_changed.wait()
                await asyncio.sleep(1.0)
            self._status_changed.clear()
            client = self.mirror.client
            if client is not None and self.link_up.is_set():
                with contextlib.suppress(Exception):
                    await self._send_status(client)
