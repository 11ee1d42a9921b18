"""The session connection against the real chair server: drops, restarts, offline commands."""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import ssl
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select

from bench.shaper import ShapedLink
from meetingroom.core.protocol import PROGRESS_EVENT, RUN_MESSAGE
from meetingroom.server.passwords import token_digest
from meetingroom.server.service import MeetingService, ServiceSettings
from meetingroom.server.storage.database import Database
from meetingroom.server.storage.models import AgendaItem, Event, KnownDevice, Meeting
from meetingroom.sync.client.chair_client import ChairClient, ConnectionLostError, ServerError
from meetingroom.sync.client.connection import (
    ConnectionState,
    ConnectionStatus,
    MeetingConnection,
    NotOnlineError,
    ReconnectPolicy,
    Refusal,
    RefusalKind,
    SessionListener,
)
from meetingroom.sync.client.local_store import CachedMeeting, LocalStore, PendingCommand
from meetingroom.sync.client.pinning import CertificateChangedError, PinStore, tofu_context
from meetingroom.sync.relay.hall_relay import RelayServer, RelaySettings
from meetingroom.sync.serving.endpoint import ChairServer, ServerConfig, tls_context
from tests.conftest import Login
from tests.helpers.factories import PASSWORD, Hall
from tests.helpers.session_helpers import start_session
from tests.test_tls import _self_signed

FAST = ReconnectPolicy(base_delay=0.05, max_delay=0.3)


class Recorder(SessionListener):
    """Everything the session reported, and a way to wait for a condition on it."""

    def __init__(self) -> None:
        self.statuses: list[ConnectionStatus] = []
        self.tokens: list[str | None] = []
        self.meetings: list[CachedMeeting] = []
        self.events: list[dict[str, Any]] = []
        self.pending: list[list[PendingCommand]] = []
        self.done: list[tuple[PendingCommand, dict[str, Any]]] = []
        self.refused: list[Refusal] = []
        self.gone: list[int] = []
        self.notices: list[dict[str, Any]] = []
        self._changed = asyncio.Event()

    def _note(self) -> None:
        self._changed.set()

    def on_status(self, status: ConnectionStatus) -> None:
        self.statuses.append(status)
        self._note()

    def on_token(self, token: str | None) -> None:
        self.tokens.append(token)
        self._note()

    def on_meeting(self, meeting: CachedMeeting) -> None:
        self.meetings.append(meeting)
        self._note()

    def on_event(self, event: dict[str, Any]) -> None:
        self.events.append(event)
        self._note()

    def on_pending(self, pending: list[PendingCommand]) -> None:
        self.pending.append(list(pending))  # a copy, as a window keeps it
        self._note()

    def on_command_done(self, command: PendingCommand, result: dict[str, Any]) -> None:
        self.done.append((command, result))
        self._note()

    def on_command_refused(self, refusal: Refusal) -> None:
        self.refused.append(refusal)
        self._note()

    def on_meeting_gone(self, meeting_id: int) -> None:
        self.gone.append(meeting_id)
        self._note()

    def on_notice(self, notice: dict[str, Any]) -> None:
        self.notices.append(notice)
        self._note()

    @property
    def state(self) -> ConnectionState | None:
        return self.statuses[-1].state if self.statuses else None

    def count(self, state: ConnectionState) -> int:
        return sum(1 for s in self.statuses if s.state is state)

    async def until(self, condition: Callable[[], bool], within: float = 30.0) -> None:
        async with asyncio.timeout(within):
            while not condition():
                self._changed.clear()
                await self._changed.wait()


@asynccontextmanager
async def serving(database: Database, port: int) -> AsyncIterator[ChairServer]:
    """A chair server on ``port`` over the same database: a restart, as far as clients see."""
    server = ChairServer(MeetingService(database, ServiceSettings(replay_limit=50)),
                         ServerConfig(host="127.0.0.1", port=port))
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


@asynccontextmanager
async def session_for(url: str, profile: Path, username: str, meeting_id: int | None,
                      token: str | None = None, **options: Any,
                      ) -> AsyncIterator[tuple[MeetingConnection, Recorder]]:
    recorder = Recorder()
    with LocalStore.open(profile) as store:
        session = MeetingConnection(url, store, username, meeting_id, listener=recorder,
                                    **{"policy": FAST, "request_timeout": 5, **options})
        await session.start(token)
        try:
            yield session, recorder
        finally:
            await session.close()


def _profile_bytes(profile: Path) -> bytes:
    return b"".join(p.read_bytes() for p in profile.iterdir() if p.is_file())


async def logged_in(session: MeetingConnection, recorder: Recorder) -> str:
    await recorder.until(lambda: recorder.state is ConnectionState.AUTH_REQUIRED)
    await session.login(PASSWORD)
    await recorder.until(lambda: recorder.state is ConnectionState.ONLINE)
    token = recorder.tokens[-1]
    assert token is not None
    return token


async def test_dropped_connection_reconnects_with_backoff_and_resumes_by_seq(
        server: ChairServer, hall: Hall, database: Database, tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="meetingroom")
    port, url, meeting = server.port, server.url, hall.meeting_id
    async with session_for(url, tmp_path, "delegate1", meeting) as (session, rec):
        token = await logged_in(session, rec)
        assert [m.seq for m in rec.meetings] == [0]
        async with ChairClient(url, timeout=5) as chair:
            await chair.login("chair", PASSWORD)
            await chair.command(meeting, "meeting.start")
            await chair.command(meeting, "agenda.set_current", {"item_id": hall.item_ids[0]})
            await rec.until(lambda: len(rec.events) == 2)

            await server.stop()
            await rec.until(lambda: rec.count(ConnectionState.OFFLINE) >= 3)
        offline = [s for s in rec.statuses if s.state is ConnectionState.OFFLINE]
        assert [s.attempt for s in offline[:3]] == [1, 2, 3]
        assert all(s.retry_in is not None and 0 < s.retry_in <= FAST.max_delay
                   for s in offline)

        # While the delegate is away, the chair works through another server instance.
        async with serving(database, 0) as elsewhere, ChairClient(elsewhere.url) as chair:
            await chair.login("chair", PASSWORD)
            for item in [hall.item_ids[1], hall.item_ids[2], None]:
                await chair.command(meeting, "agenda.set_current", {"item_id": item})

        async with serving(database, port) as back:
            await rec.until(lambda: len(rec.events) == 5)
            assert rec.state is ConnectionState.ONLINE
            async with ChairClient(back.url) as chair:
                await chair.login("chair", PASSWORD)
                await chair.command(meeting, "agenda.set_current", {"item_id": hall.item_ids[0]})
                await rec.until(lambda: len(rec.events) == 6)
                # A stray duplicate would show up before the next event does.
                await chair.command(meeting, "agenda.set_current", {"item_id": None})
            await rec.until(lambda: len(rec.events) >= 7)

    assert [e["seq"] for e in rec.events] == [1, 2, 3, 4, 5, 6, 7]
    assert [e["payload"].get("item_id") for e in rec.events[1:]] == [
        *hall.item_ids, None, hall.item_ids[0], None]
    assert len(rec.meetings) == 1, "a resume replays; it must not reload a snapshot"
    assert rec.tokens == [token], "reconnects resume with the token, never log in again"
    client_log = [r.getMessage() for r in caplog.records
                  if r.name == "meetingroom.connection"]
    assert f"subscribed meeting={meeting} mode=replay from=2 to=5" in client_log, client_log
    with LocalStore.open(tmp_path) as store:
        again = MeetingConnection("unused", store, "delegate1", meeting)
        assert again.cached_meeting() is None, "the cache is per server and account"
        # Not started: no token, no user, no event applied yet (mutation testing found
        # the first values unchecked).
        assert (again.token, again.user, again.last_seq) == (None, None, 0)
        with pytest.raises(RuntimeError) as not_started:
            await again.login(PASSWORD)
        assert str(not_started.value) == "start() first"
        with pytest.raises(ConnectionLostError) as never_started:
            await again.online_client()
        assert str(never_started.value) == "the session is closed"
        with pytest.raises(NotOnlineError) as no_list:
            await again.list_meetings()
        assert str(no_list.value) == "not connected"
        cached = MeetingConnection(url, store, "delegate1", meeting).cached_meeting()
        # Shown from the cache before any subscription: the last event applied is known.
        later = MeetingConnection(url, store, "delegate1")
        await later.follow(meeting)
        assert later.last_seq == 7
    assert cached is not None
    assert (cached.snapshot_seq, cached.seq) == (0, 7)
    assert [e["seq"] for e in cached.events] == [1, 2, 3, 4, 5, 6, 7]


async def test_offline_commands_survive_a_client_restart_and_apply_exactly_once(
        server: ChairServer, hall: Hall, database: Database, tmp_path: Path) -> None:
    port, url, meeting = server.port, server.url, hall.meeting_id
    titles = ["Thảo luận tổ", "Giải trình", "Tổng kết"]
    async with session_for(url, tmp_path, "chair", meeting) as (session, rec):
        token = await logged_in(session, rec)
        snapshot = rec.meetings[0].snapshot
        await server.stop()
        await rec.until(lambda: rec.state is ConnectionState.OFFLINE)
        for title in titles:
            await session.submit("agenda.add_item", {"title": title})
        assert [p.args["title"] for p in session.pending()] == titles
        assert all(p.made_offline for p in session.pending())
        assert [len(p) for p in rec.pending] == [0, 1, 2, 3]

    async with session_for(url, tmp_path, "chair", meeting, token) as (session, rec):
        queued = session.pending()
        assert [p.args["title"] for p in queued] == titles
        assert [m.seq for m in rec.meetings] == [0], "the cached meeting is shown offline"
        assert rec.meetings[0].snapshot == snapshot
        async with serving(database, port) as back:
            # The first command reached the server but its answer was lost.
            async with ChairClient(back.url) as lost_reply:
                await lost_reply.resume(token)
                await lost_reply.command(meeting, "agenda.add_item", queued[0].args,
                                         command_id=queued[0].command_id)
            await rec.until(lambda: len(rec.done) == 3)
            await rec.until(lambda: len(rec.events) == 2)
            assert session.pending() == []
            assert rec.pending[-1] == []

    assert [c.command_id for c, _ in rec.done] == [q.command_id for q in queued]
    assert [r["duplicate"] for _, r in rec.done] == [True, False, False]
    # The first one was applied before the session subscribed: it is in the snapshot.
    assert [m.seq for m in rec.meetings] == [0, 1]
    assert titles[0] in [i["title"] for i in rec.meetings[-1].snapshot["agenda"]]
    assert [e["payload"]["item"]["title"] for e in rec.events] == titles[1:]
    assert [e["seq"] for e in rec.events] == [2, 3]
    with database.reading() as s:
        added = s.scalars(select(Event).where(Event.type == "agenda.item_added")).all()
        stored = s.scalars(select(AgendaItem.title).where(AgendaItem.meeting_id == meeting)).all()
    assert len(added) == 3
    assert sorted(t for t in stored if t in titles) == sorted(titles)
    on_disk = _profile_bytes(tmp_path)
    assert PASSWORD.encode() not in on_disk
    assert token.encode() not in on_disk


async def test_refused_commands_are_reported_removed_and_do_not_block_the_queue(
        server: ChairServer, hall: Hall, tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="meetingroom")
    meeting = hall.meeting_id
    async with session_for(server.url, tmp_path, "chair", meeting) as (session, rec):
        await logged_in(session, rec)
        started = await session.submit("meeting.start")
        again = await session.submit("meeting.start")
        current = await session.submit("agenda.set_current", {"item_id": hall.item_ids[1]})
        ballot = await session.submit("vote.cast", {"vote_id": 999_999, "choice": "yes"})
        await rec.until(lambda: len(rec.done) + len(rec.refused) == 4)
        assert session.pending() == []
        # The last command was refused: nothing waits now, so bulk data may go again
        # once the user is idle (mutation testing found the session left "busy" after
        # a refusal: document downloads would wait for the next command).
        session.activity.quiet_after = 0
        assert session.activity.quiet
        # A refusal is answered in the same connection: the queue goes on at once, and
        # the window's list of what waits loses the refused command (mutation testing
        # found a reconnect after each refusal, and an empty list, unnoticed).
        assert rec.count(ConnectionState.ONLINE) == 1
        assert rec.pending[-1] == []

    assert [c.command_id for c, _ in rec.done] == [started.command_id, current.command_id]
    refused_again, refused_ballot = rec.refused
    assert refused_again.command.command_id == again.command_id
    assert refused_again.kind is RefusalKind.REFUSED
    assert refused_again.code == "invalid_state"
    assert refused_again.message == refused_again.server_message
    assert "in_progress" in refused_again.message
    assert refused_again.details["reason"] == "meeting_transition"
    assert refused_ballot.command.command_id == ballot.command_id
    assert refused_ballot.kind is RefusalKind.BALLOT_NOT_COUNTED
    assert refused_ballot.command.attempts == 1  # answered the first time: nothing lost
    assert refused_ballot.message.startswith("ballot not counted")
    assert [e["event"] for e in rec.events] == ["meeting.status_changed",
                                                "agenda.current_changed"]
    # The operator's log names each refused command, its kind and the server's code
    # (mutation testing found the line unchecked).
    refusals = [r for r in caplog.records if r.name == "meetingroom.connection"
                and r.getMessage().startswith("command refused")]
    assert [(r.levelno, r.getMessage()) for r in refusals] == [
        (logging.INFO, f"command refused id={again.command_id} name=meeting.start "
                       "code=invalid_state"),
        (logging.INFO, f"command refused id={ballot.command_id} name=vote.cast "
                       f"code={refused_ballot.code}")]


async def test_revoked_token_asks_for_the_password_again(
        server: ChairServer, hall: Hall, database: Database, tmp_path: Path) -> None:
    port, url = server.port, server.url
    async with session_for(url, tmp_path, "delegate2", hall.meeting_id) as (session, rec):
        token = await logged_in(session, rec)
        async with ChairClient(url) as other_window:
            await other_window.resume(token)
            await other_window.logout()  # revokes the token for every connection
        await server.stop()
        async with serving(database, port):
            await rec.until(lambda: rec.count(ConnectionState.AUTH_REQUIRED) == 2)
            assert rec.tokens == [token, None]
            assert "log in again" in rec.statuses[-1].reason
            assert session.token is None  # "a password is needed", not an empty token
            with pytest.raises(NotOnlineError) as offline:
                await session.list_meetings()
            assert str(offline.value) == rec.statuses[-1].reason
            with pytest.raises(ServerError) as wrong:
                await session.login("not the password")
            assert wrong.value.code == "auth_failed"
            assert rec.state is ConnectionState.AUTH_REQUIRED
            assert rec.statuses[-1].reason == wrong.value.message
            user = await session.login(PASSWORD)
            assert user["username"] == "delegate2"
            await rec.until(lambda: rec.state is ConnectionState.ONLINE)
            assert rec.tokens[-1] not in (None, token)
            meetings = await session.list_meetings()
            assert [m["id"] for m in meetings] == [hall.meeting_id]


async def test_a_token_of_another_account_is_not_used(
        server: ChairServer, hall: Hall, tmp_path: Path) -> None:
    async with ChairClient(server.url) as someone:
        await someone.login("delegate3", PASSWORD)
        token = someone.token
    async with session_for(server.url, tmp_path, "delegate1", hall.meeting_id,
                           token) as (_session, rec):
        await rec.until(lambda: rec.state is ConnectionState.AUTH_REQUIRED)
        assert rec.tokens == [None]
        assert rec.meetings == []


async def four_events(session: MeetingConnection, rec: Recorder, hall: Hall) -> None:
    """Start the meeting and make each agenda item current in turn: four events in the
    log, so the laptop's cache holds exactly four."""
    for name, args in [("meeting.start", {}),
                       *[("agenda.set_current", {"item_id": i}) for i in hall.item_ids]]:
        await session.submit(name, args)
    await rec.until(lambda: len(rec.events) == 4)


async def test_following_another_meeting_and_back_takes_a_fresh_snapshot_when_cache_is_long(
        server: ChairServer, hall: Hall, tmp_path: Path) -> None:
    meeting = hall.meeting_id
    async with session_for(server.url, tmp_path, "chair", meeting,
                           compact_after=2) as (session, rec):
        await logged_in(session, rec)
        await four_events(session, rec, hall)
        await session.follow(None)
        assert session.cached_meeting() is None
        await session.follow(meeting)
        assert [(m.snapshot_seq, m.seq, len(m.events)) for m in rec.meetings] == [
            (0, 0, 0), (0, 4, 4)], "following shows the cache at once"
        await rec.until(lambda: len(rec.meetings) == 3)
        assert rec.state is ConnectionState.ONLINE
        latest = rec.meetings[-1]
        assert (latest.snapshot_seq, latest.seq, latest.events) == (4, 4, [])
        assert latest.snapshot["current_item_id"] == hall.item_ids[-1]
        assert session.last_seq == 4


async def test_no_meeting_list_while_offline_though_the_dead_link_is_still_held(
        server: ChairServer, hall: Hall, tmp_path: Path) -> None:
    """While the session waits to reconnect it still holds the dead connection; asking it
    for the meeting list must say "not online", not try the dead link (mutation testing
    found the state half of the check unchecked)."""
    slow = ReconnectPolicy(base_delay=60, max_delay=60, jitter=0, fast_window=0)
    async with session_for(server.url, tmp_path, "delegate1", hall.meeting_id,
                           policy=slow) as (session, rec):
        await logged_in(session, rec)
        await server.stop()
        await rec.until(lambda: rec.state is ConnectionState.OFFLINE)
        with pytest.raises(NotOnlineError) as offline:
            await session.list_meetings()
        assert str(offline.value) == rec.statuses[-1].reason
        # Logging out now cannot reach the server through the dead link: the token is
        # forgotten all the same (mutation testing found the link's error let through),
        # and the session closes at once after it (the logout's wake and close()'s cancel
        # came together: on Python 3.11 ``wait_for`` swallowed the cancel, close() hung).
        await session.logout()
        assert session.token is None


async def test_a_meeting_no_longer_shown_to_the_user_leaves_the_laptop(
        server: ChairServer, hall: Hall, database: Database, tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    """The followed meeting went back to draft while the laptop was away: on reconnecting
    the session says so and its cached copy is deleted (mutation testing found this path
    never run)."""
    caplog.set_level(logging.INFO, logger="meetingroom")
    port, url = server.port, server.url
    async with session_for(url, tmp_path, "delegate1", hall.meeting_id) as (session, rec):
        await logged_in(session, rec)
        cached = session.cached_meeting()
        assert cached is not None
        assert cached.meeting_id == hall.meeting_id
        await server.stop()
        await rec.until(lambda: rec.state is ConnectionState.OFFLINE)
        with database.transaction() as db:
            meeting = db.get(Meeting, hall.meeting_id)
            assert meeting is not None
            meeting.status = "draft"
        async with serving(database, port):
            await rec.until(lambda: rec.gone == [hall.meeting_id], within=15)
            await rec.until(lambda: rec.state is ConnectionState.ONLINE)
            assert session.meeting_id is None
            assert session.last_seq == 0
            assert session.cached_meeting() is None
            assert session.store.load_meeting(session.scope, hall.meeting_id) is None
    # The operator's log says which meeting left (mutation testing found it unchecked).
    assert (logging.INFO, f"meeting {hall.meeting_id} is no longer available to this user") in [
        (r.levelno, r.getMessage()) for r in caplog.records
        if r.name == "meetingroom.connection"]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
async def test_a_session_over_tls_uses_the_trusted_certificate(
        database: Database, hall: Hall, tmp_path: Path) -> None:
    """The laptop's session to a wss:// server connects with the context that trusts the
    hall's certificate, on every (re)connection (mutation testing found the session's
    context dropped unnoticed: only the bare client was tested over TLS)."""
    cert, key = _self_signed(tmp_path)
    server = ChairServer(MeetingService(database),
                         ServerConfig(host="127.0.0.1", port=0,
                                      tls=tls_context(str(cert), str(key))))
    await server.start()
    try:
        trusting = ssl.create_default_context(cafile=str(cert))
        async with session_for(server.url, tmp_path / "laptop", "delegate1",
                               hall.meeting_id, ssl_context=trusting) as (session, rec):
            await logged_in(session, rec)
            assert [m["id"] for m in await session.list_meetings()] == [hall.meeting_id]
    finally:
        await server.stop()


def _busy_server(database: Database, violations: int = 2) -> ChairServer:
    """A real server whose message budget per connection is three frames, never refilled
    in a test's time, and which closes a connection after ``violations`` refusals more
    than it let through: a hall server under a flood, as a laptop sees it."""
    return ChairServer(MeetingService(database, ServiceSettings(replay_limit=50)),
                       ServerConfig(host="127.0.0.1", port=0, rate_per_second=0.001,
                                    rate_burst=3, max_rate_violations=violations))


@pytest.mark.parametrize(("violations", "base", "factor"),
                         [(2, 0.05, 0.001), (1, 0.05, 1e6), (2, 0.001, 200)])
async def test_a_busy_server_makes_a_command_wait_and_go_again_not_fail(
        database: Database, hall: Hall, tmp_path: Path, violations: int, base: float,
        factor: float) -> None:
    """``rate_limited`` is transient: the outbox waits, sends the same command again (each
    time counted: the window says when an answer was lost) and keeps it until the server
    takes it, here on the next connection (mutation testing found the wait's backoff,
    which crashed the loop, and the count unchecked).

    The waits are the policy's steps from its base, afresh on each connection and after
    each command taken: with a factor of 1/1000 the second wait is all but none (a step
    back, the base times 1000, would keep the command waiting for a minute); with a factor
    of a million each connection waits only once, the base (the next step would be a
    minute): once before any command was taken, once after one; with a factor of 200 from
    a millisecond the second wait is 0.2 s (two steps at once, 40 s). Mutation testing
    found the steps unchecked."""
    server = _busy_server(database, violations)
    policy = ReconnectPolicy(base_delay=base, max_delay=60, factor=factor, jitter=0)
    await server.start()
    try:
        async with session_for(server.url, tmp_path, "chair", hall.meeting_id,
                               policy=policy) as (session, rec):
            await logged_in(session, rec)  # login and subscribe: two of the three frames
            await session.list_meetings()  # the third: the first command is refused
            started = await session.submit("meeting.start")
            current = await session.submit("agenda.set_current",
                                           {"item_id": hall.item_ids[1]})
            await rec.until(lambda: len(rec.done) == 2)
            assert session.pending() == []
            # The new connection's budget is spent too: the logout is refused, and the
            # token is forgotten all the same (mutation testing found that unchecked).
            await session.logout()
            assert session.token is None
    finally:
        await server.stop()
    assert rec.refused == []
    (first, _), (second, _) = rec.done
    # Each refused on its connection until that was closed, then taken on the next one
    # (resume and subscribe, then the command: the new connection's three frames).
    assert first.command_id == started.command_id
    assert second.command_id == current.command_id
    assert first.attempts >= violations + 1
    assert second.attempts >= violations + 1
    offline = [s for s in rec.statuses if s.state is ConnectionState.OFFLINE]
    assert len(offline) == 2
    assert all(s.reason is not None and "1008" in s.reason for s in offline)
    assert [e["event"] for e in rec.events] == ["meeting.status_changed",
                                                "agenda.current_changed"]


async def test_the_chair_hears_the_relay_halls_and_their_changes(
        server: ChairServer, hall: Hall, login: Login, tmp_path: Path) -> None:
    """The rooms linked by hall relays come with the chair's subscription and each change
    as a server notice, both passed to the window as notices (mutation testing found both
    paths unchecked in this scope)."""
    relay = await login(hall.delegates[0])
    await relay.subscribe(hall.meeting_id)
    await relay.request("relay_status", meeting_id=hall.meeting_id, hall="Phòng 2",
                        present=3, laptops=4)
    async with session_for(server.url, tmp_path, "chair", hall.meeting_id) as (session, rec):
        await logged_in(session, rec)
        rooms = [n for n in rec.notices if n["notice"] == "rooms"]
        assert len(rooms) == 1
        assert [(r["hall"], r["present"]) for r in rooms[0]["payload"]["rooms"]] == [
            ("Phòng 2", 3)]
        await relay.request("relay_status", meeting_id=hall.meeting_id, hall="Phòng 2",
                            present=5, laptops=4)
        await rec.until(lambda: any(n["notice"] == "room.changed" for n in rec.notices),
                        within=10)
        changed = [n for n in rec.notices if n["notice"] == "room.changed"]
        assert [(n["payload"]["hall"], n["payload"]["present"]) for n in changed] == [
            ("Phòng 2", 5)]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
async def test_a_changed_certificate_stops_the_session_and_fails_the_waiting_login(
        database: Database, hall: Hall, tmp_path: Path) -> None:
    """Retrying cannot help: the session stops, says why, and the login the user is waiting
    on fails with the same error (mutation testing found both unchecked)."""
    (tmp_path / "old").mkdir()
    first_cert, _ = _self_signed(tmp_path / "old")
    cert, key = _self_signed(tmp_path)
    server = ChairServer(MeetingService(database),
                         ServerConfig(host="127.0.0.1", port=0,
                                      tls=tls_context(str(cert), str(key))))
    await server.start()
    try:
        pins = PinStore(tmp_path / "known_servers.json")
        pins.check(server.url, ssl.PEM_cert_to_DER_cert(first_cert.read_text()))
        async with session_for(server.url, tmp_path / "laptop", "delegate1",
                               hall.meeting_id, ssl_context=tofu_context(),
                               pins=pins) as (session, rec):
            await rec.until(lambda: rec.state is ConnectionState.AUTH_REQUIRED)
            with pytest.raises(CertificateChangedError) as changed:
                async with asyncio.timeout(30):
                    await session.login(PASSWORD)
            await rec.until(lambda: rec.state is ConnectionState.STOPPED)
            assert rec.statuses[-1].reason == str(changed.value)
            assert rec.statuses[-1].error is changed.value
            assert rec.tokens == []
    finally:
        await server.stop()


def _known_devices(database: Database) -> list[str]:
    with database.reading() as s:
        return list(s.scalars(select(KnownDevice.device_hash)))


async def test_the_laptops_device_secret_goes_with_its_login_and_its_resume(
        server: ChairServer, hall: Hall, database: Database, tmp_path: Path) -> None:
    """The server judges this laptop's logins leniently only if it knows the device:
    the secret is sent with the password and with every resume (mutation testing found
    neither checked)."""
    async with session_for(server.url, tmp_path, "delegate1", hall.meeting_id) as (session, rec):
        token = await logged_in(session, rec)
        assert session.user is not None
        assert session.user["username"] == "delegate1"
        secret = session.store.device_secret(session.scope)
        assert secret is not None
        device = token_digest(secret)
    assert _known_devices(database) == [device]
    with database.transaction() as db:
        db.execute(delete(KnownDevice))
    async with session_for(server.url, tmp_path, "delegate1", hall.meeting_id,
                           token) as (session, rec):
        await rec.until(lambda: rec.state is ConnectionState.ONLINE)
        assert session.user is not None
        assert session.user["username"] == "delegate1"
        assert _known_devices(database) == [device]
        with database.transaction() as db:
            db.execute(delete(KnownDevice))
        await session.file_client()  # the file connection's resume sends it too
    assert _known_devices(database) == [device]


async def test_an_outage_is_probed_often_at_first_then_with_backoff(
        server: ChairServer, hall: Hall, tmp_path: Path) -> None:
    """While an outage is young the server is probed every ``probe_interval``; once it is
    older than ``fast_window`` the waits grow (mutation testing found the outage's start
    and the window itself unchecked)."""
    policy = ReconnectPolicy(base_delay=0.2, max_delay=0.4, jitter=0, fast_window=0.5,
                             probe_interval=0.05)
    async with session_for(server.url, tmp_path, "delegate1", hall.meeting_id,
                           policy=policy) as (_session, rec):
        await logged_in(_session, rec)
        await server.stop()
        await rec.until(lambda: any(s.retry_in == 0.4 for s in rec.statuses), within=15)
    waits = [s.retry_in for s in rec.statuses
             if s.state is ConnectionState.OFFLINE and s.retry_in is not None]
    assert len(waits) == rec.count(ConnectionState.OFFLINE)
    assert waits[0] == 0.05, waits
    assert waits[-1] == 0.4
    assert waits == sorted(waits)


async def test_logout_revokes_the_token_and_a_login_that_cannot_reach_the_server_waits(
        server: ChairServer, hall: Hall, tmp_path: Path) -> None:
    """Logging out revokes the token on the server and forgets it here; a login after it
    while the server is gone fails and the session waits to try again (mutation testing
    found logout untested in this scope, and a crash after a reconnect by resync)."""
    async with session_for(server.url, tmp_path, "delegate1", hall.meeting_id) as (session, rec):
        token = await logged_in(session, rec)
        await session.logout()
        assert session.token is None
        # Still "online" until the loop notices (no status reason yet): no file connection.
        with pytest.raises(NotOnlineError) as no_files:
            await session.file_client()
        assert str(no_files.value) == "not connected"
        assert rec.tokens == [token, None]
        await rec.until(lambda: rec.count(ConnectionState.AUTH_REQUIRED) == 2)
        async with ChairClient(server.url) as other:
            with pytest.raises(ServerError) as revoked:
                await other.resume(token)
            assert revoked.value.code == "token_invalid"
        # A login whose connection breaks before the answer (a password bigger than
        # any frame the server reads: it closes the connection) fails, it does not hang
        # (mutation testing found that path unchecked).
        with pytest.raises(ConnectionLostError):
            async with asyncio.timeout(10):
                await session.login("x" * (2 << 20))
        await rec.until(lambda: rec.count(ConnectionState.AUTH_REQUIRED) == 3)
        await server.stop()
        with pytest.raises(ConnectionLostError):
            await session.login(PASSWORD)
        await rec.until(lambda: rec.count(ConnectionState.OFFLINE) == 2)
        await rec.until(lambda: rec.count(ConnectionState.AUTH_REQUIRED) == 4)


async def test_opening_a_connection_to_a_server_that_never_answers_gives_up_in_time(
        tmp_path: Path) -> None:
    """A hung hall server (the port open, nothing answering): each attempt gives up after
    ``request_timeout`` and the session says so (mutation testing found the session's
    timeout dropped unnoticed: the attempt would hang for ever)."""
    with socket.socket() as hung:
        hung.bind(("127.0.0.1", 0))
        hung.listen(16)  # the kernel accepts the connections; nobody reads them
        url = f"ws://127.0.0.1:{hung.getsockname()[1]}"
        async with session_for(url, tmp_path, "delegate1", None, "a token",
                               request_timeout=0.3) as (session, rec):
            # Offline, and following no meeting: a command names its meeting (and here
            # its id), or it is a mistake (mutation testing found both unchecked).
            with pytest.raises(ValueError, match=r"^no meeting to send the command to$"):
                await session.submit("speech.register")
            queued = await session.submit("speech.register", meeting_id=7,
                                          command_id="c-7")
            assert (queued.meeting_id, queued.command_id) == (7, "c-7")
            assert session.pending() == [queued]
            # A second login while the first still waits for the hung server replaces it:
            # the first is cancelled, the second fails when its attempt gives up.
            first = asyncio.ensure_future(session.login(PASSWORD))
            await asyncio.sleep(0)
            second = asyncio.ensure_future(session.login(PASSWORD))
            with pytest.raises(asyncio.CancelledError):
                await first
            with pytest.raises(ConnectionLostError) as gave_up:
                await second
            assert str(gave_up.value) == "no answer from the server in time"
            await rec.until(lambda: rec.count(ConnectionState.OFFLINE) >= 2, within=15)
            # Closed while a login still waits: the login fails, close() returns
            # (mutation testing found the login's failure built wrongly unchecked).
            third = asyncio.ensure_future(session.login(PASSWORD))
            await asyncio.sleep(0)
            await session.close()
            with pytest.raises(ConnectionLostError) as closed:
                await third
            assert str(closed.value) == "the session was closed"
            assert session.status == ConnectionStatus(ConnectionState.STOPPED, "closed")
    offline = [s for s in rec.statuses if s.state is ConnectionState.OFFLINE]
    assert offline[0].reason == "no answer from the server in time"


async def test_file_data_has_its_own_connection_only_while_online(
        server: ChairServer, hall: Hall, tmp_path: Path) -> None:
    """``file_client``: a second connection resumed with the session's token, reused while
    it lives, closed when the session goes offline or releases it (mutation testing found
    it untested in this scope). Both connections have the session's timeouts; only the
    command connection is deflated (mutation testing found the options not handed on)."""
    async with session_for(server.url, tmp_path, "delegate1", hall.meeting_id,
                           keepalive=4, silence_limit=19,
                           close_timeout=1.5) as (session, rec):
        await rec.until(lambda: rec.state is ConnectionState.AUTH_REQUIRED)
        with pytest.raises(NotOnlineError):
            await session.file_client()
        await logged_in(session, rec)
        with pytest.raises(RuntimeError) as twice:
            await session.login(PASSWORD)
        assert str(twice.value) == "already logged in; logout() first"
        files = await session.file_client()
        assert files is not session.client
        live = session.client
        assert live is not None
        assert (live.deflated, files.deflated) == (True, False)
        for client in (live, files):
            assert (client.timeout, client.keepalive, client.silence_limit,
                    client.close_timeout) == (5, 4, 19, 1.5)
        assert await session.file_client() is files
        assert [m["id"] for m in await files.list_meetings()] == [hall.meeting_id]
        await session.release_file_client()
        assert not files.alive
        again = await session.file_client()
        assert again is not files
        assert again.alive
        await server.stop()
        await rec.until(lambda: rec.state is ConnectionState.OFFLINE)
        assert not again.alive
        with pytest.raises(NotOnlineError) as offline:
            await session.file_client()
        assert str(offline.value) == rec.statuses[-1].reason


async def test_the_file_connection_says_what_it_is_and_waits_out_an_open_vote(
        server: ChairServer, hall: Hall, login: Login, tmp_path: Path) -> None:
    """``file_client`` resumes saying it carries file data (``Resume.files``): while a
    vote of the followed meeting is open the server answers it only once the vote has
    closed, so its first piece cannot take the hall's link from the ballots (mutation
    testing found the flag droppable without a test noticing)."""
    chair = await login("chair")
    m = hall.meeting_id
    await start_session(chair, m, hall.item_ids[0])
    vote_id = (await chair.command(m, "vote.create", {
        "item_id": hall.item_ids[0], "matter": "resolution", "title": "Thông qua"}))["vote"]["id"]
    async with session_for(server.url, tmp_path, "delegate1", m) as (session, rec):
        await logged_in(session, rec)
        await chair.command(m, "vote.open", {"vote_id": vote_id})
        opening = asyncio.create_task(session.file_client())
        async with asyncio.timeout(30):
            while not any(peer.fetches for peer in server._peers):  # noqa: ASYNC110 (no event to await)
                await asyncio.sleep(0.01)
        await chair.request("ping")  # the server goes on answering others meanwhile
        assert not opening.done(), "the file connection was answered during the vote"
        await chair.command(m, "vote.close", {"vote_id": vote_id})
        files = await asyncio.wait_for(opening, 30)
        assert files.alive


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
async def test_a_file_connection_the_server_turns_away_is_tried_afresh_next_time(
        database: Database, hall: Hall, tmp_path: Path) -> None:
    """The hall server takes one connection from this address (the session's): opening
    the file connection fails, and so does the next try, the same way, while the session
    stays online (mutation testing found a failed open leaving a broken connection behind
    for the next call to trip on)."""
    server = ChairServer(MeetingService(database),
                         ServerConfig(host="127.0.0.1", port=0, max_connections_per_ip=1))
    await server.start()
    try:
        async with session_for(server.url, tmp_path, "delegate1",
                               hall.meeting_id) as (session, rec):
            await logged_in(session, rec)
            for _ in range(2):
                with pytest.raises(ConnectionLostError):
                    await session.file_client()
            assert rec.state is ConnectionState.ONLINE
    finally:
        await server.stop()


async def test_a_network_change_checks_the_open_connection_and_tries_again_at_once(
        server: ChairServer, hall: Hall, tmp_path: Path) -> None:
    """``network_changed`` (the window's layer passes the OS signal on): an open connection
    that died with the old network is checked and ended, and a wait before the next attempt
    is cut short, however long the backoff, and the outage counts as young again (mutation
    testing found it uncalled in this scope). The link: the project's shaping proxy, whose
    connections can be stranded (they carry nothing, no reset) while new ones pass, or
    refused (an outage)."""
    slow = ReconnectPolicy(base_delay=60, max_delay=60, jitter=0, fast_window=0)
    async with ShapedLink("127.0.0.1", server.port) as link, session_for(
            link.url, tmp_path, "delegate1", hall.meeting_id, policy=slow, keepalive=0.3,
            silence_limit=600) as (session, rec):
        await logged_in(session, rec)
        assert link.strand() == 1
        link.set_down(True)
        session.network_changed()  # the check ends the dead connection
        await rec.until(lambda: rec.count(ConnectionState.OFFLINE) == 1, within=10)
        session.network_changed()  # the network is still down: one attempt, at once
        await rec.until(lambda: rec.count(ConnectionState.OFFLINE) == 2, within=10)
        link.set_down(False)
        session.network_changed()
        await rec.until(lambda: rec.count(ConnectionState.ONLINE) == 2, within=10)
    assert [s.retry_in for s in rec.statuses if s.state is ConnectionState.OFFLINE] == [
        60, 60]


async def test_online_client_waits_for_the_session_or_says_why_not(
        server: ChairServer, hall: Hall, database: Database, tmp_path: Path) -> None:
    """``online_client`` (a relay's uplink asks it): the live connection once online,
    ``token_invalid`` when a password is needed, one fresh attempt in an outage, and
    ConnectionLostError once closed (mutation testing found it untested in this scope)."""
    port = server.port
    slow = ReconnectPolicy(base_delay=60, max_delay=60, jitter=0, fast_window=0)
    async with session_for(server.url, tmp_path, "delegate1", hall.meeting_id,
                           policy=slow) as (session, rec):
        await rec.until(lambda: rec.state is ConnectionState.AUTH_REQUIRED)
        with pytest.raises(ServerError) as no_token:
            await session.online_client()
        assert no_token.value.code == "token_invalid"
        assert no_token.value.message == rec.statuses[-1].reason
        login = asyncio.ensure_future(session.login(PASSWORD))
        await asyncio.sleep(0)  # the login is waiting now: online_client waits with it
        client = await session.online_client()
        await login
        assert client is session.client
        await server.stop()
        await rec.until(lambda: rec.state is ConnectionState.OFFLINE)
        with pytest.raises(ConnectionLostError) as still_down:
            await session.online_client()  # one fresh attempt, still no server
        assert str(still_down.value) == rec.statuses[-1].reason
        assert rec.count(ConnectionState.OFFLINE) == 2
        async with serving(database, port):
            client = await session.online_client()  # the fresh attempt finds it back
            assert client is session.client
            assert rec.state is ConnectionState.ONLINE
    with pytest.raises(ConnectionLostError) as closed:
        await session.online_client()
    assert str(closed.value) == "closed"


async def test_online_client_right_after_start_waits_for_the_first_connection(
        server: ChairServer, hall: Hall, tmp_path: Path) -> None:
    """Just started, the session is still "stopped" until its task runs: online_client
    waits for it rather than calling it closed (mutation testing, outbox scope)."""
    async with ChairClient(server.url) as earlier:
        await earlier.login("delegate1", PASSWORD)
        token = earlier.token
    async with session_for(server.url, tmp_path, "delegate1", hall.meeting_id,
                           token) as (session, _rec):
        assert session.status.state is ConnectionState.STOPPED
        client = await session.online_client()
        assert client is session.client


async def test_a_laptop_behind_a_hall_relay_hears_the_relays_link_as_it_subscribes(
        server: ChairServer, hall: Hall, tmp_path: Path) -> None:
    """A hall relay answers a subscription with the state of its own link upstream; the
    session passes it on as a ``relay.link`` notice at once, before any change is
    announced (mutation testing found this path tested only outside the scope)."""
    relay = RelayServer(RelaySettings(upstream=server.url, meeting_id=hall.meeting_id,
                                      user=hall.delegates[-1], password=PASSWORD,
                                      hall="Xã An Bình", folder=tmp_path / "relay",
                                      hold_seconds=1.0, status_seconds=2.0,
                                      retry_max_seconds=0.5, upstream_timeout=10),
                        ServerConfig(host="127.0.0.1", port=0))
    await relay.start()
    try:
        async with asyncio.timeout(15):
            await relay.link_up.wait()
        async with session_for(relay.url, tmp_path / "laptop", "delegate1",
                               hall.meeting_id) as (session, rec):
            await logged_in(session, rec)
            first = rec.notices[0]
            assert first["notice"] == "relay.link"
            assert (first["payload"]["hall"], first["payload"]["state"]) == ("Xã An Bình",
                                                                             "up")
    finally:
        await relay.stop()


async def test_a_cache_of_exactly_compact_after_events_is_still_replayed(
        server: ChairServer, hall: Hall, tmp_path: Path) -> None:
    """Only more cached events than ``compact_after`` call for a fresh snapshot (mutation
    testing found the bound itself unchecked)."""
    meeting = hall.meeting_id
    async with session_for(server.url, tmp_path, "chair", meeting,
                           compact_after=4) as (session, rec):
        await logged_in(session, rec)
        await four_events(session, rec, hall)
        await session.follow(None)
        await rec.until(lambda: rec.count(ConnectionState.ONLINE) == 2)
        await session.follow(meeting)
        await rec.until(lambda: rec.count(ConnectionState.ONLINE) == 3)
        assert [(m.snapshot_seq, m.seq, len(m.events)) for m in rec.meetings] == [
            (0, 0, 0), (0, 4, 4)], "replayed from the cache, no fresh snapshot"
        assert session.last_seq == 4


@pytest.mark.parametrize("every_event", [True, False])
async def test_every_event_follows_the_meeting_event_by_event(
        server: ChairServer, hall: Hall, login: Login, tmp_path: Path,
        every_event: bool) -> None:
    """``every_event`` (a hall relay's mirror keeps the whole log): a delegate's account
    gets each check-in as an event of a ``run``, not folded into ``progress`` (mutation
    testing found the option never sent); without it, as a laptop's session is made,
    the check-in comes folded (mutation testing found the default unchecked)."""
    chair, other = await login("chair"), await login(hall.delegates[1])
    await start_session(chair, hall.meeting_id, hall.item_ids[0])
    options: dict[str, Any] = {"every_event": True} if every_event else {}
    async with session_for(server.url, tmp_path, hall.delegates[0], hall.meeting_id,
                           **options) as (session, rec):
        await logged_in(session, rec)
        await other.command(hall.meeting_id, "attendance.check_in")
        await rec.until(lambda: bool(rec.events))
        if every_event:  # the run whole, as a relay keeps it: its events in its log
            assert [e["type"] for e in rec.events] == [RUN_MESSAGE]
            assert [m["event"] for m in json.loads(rec.events[0]["log"])] == [
                "attendance.changed"]
        else:
            assert [e["event"] for e in rec.events] == [PROGRESS_EVENT]


async def test_a_session_that_never_reached_the_server_counts_its_attempts_and_logs_out(
        tmp_path: Path) -> None:
    """A saved token and no server (nothing listens on the port): nothing is cached, each
    attempt says its number, and a logout while waiting to try again forgets the token,
    before the second attempt and after it, and asks for the password (mutation testing
    found the count's start, the attempt number, "no connection yet" and the misuse and
    status texts unchecked: the logout raised)."""
    with socket.socket() as gone:
        gone.bind(("127.0.0.1", 0))
        url = f"ws://127.0.0.1:{gone.getsockname()[1]}"
    slow = ReconnectPolicy(base_delay=60, max_delay=60, jitter=0, fast_window=0)
    for attempts in (1, 2):
        async with session_for(url, tmp_path / str(attempts), "delegate1", 5, "a token",
                               policy=slow) as (session, rec):
            assert session.last_seq == 0
            with pytest.raises(RuntimeError, match=r"^already started$"):
                await session.start()
            await rec.until(lambda: rec.count(ConnectionState.OFFLINE) == 1)
            if attempts == 2:
                session.reconnect_now()
                await rec.until(lambda: rec.count(ConnectionState.OFFLINE) == 2)
            await session.logout()
            assert session.token is None
            await rec.until(lambda: rec.state is ConnectionState.AUTH_REQUIRED)
            assert rec.statuses[-1].reason == "log in with your password"
        tried = [(s.state, s.attempt) for s in rec.statuses
                 if s.state in (ConnectionState.CONNECTING, ConnectionState.OFFLINE)]
        assert tried == [(ConnectionState.CONNECTING, 0), (ConnectionState.OFFLINE, 1),
                         (ConnectionState.CONNECTING, 1), (ConnectionState.OFFLINE, 2),
                         ][:2 * attempts]
        assert rec.tokens == [None]


async def test_a_stranded_connection_ends_after_the_sessions_silence_limit(
        server: ChairServer, hall: Hall, tmp_path: Path) -> None:
    """A connection that carries nothing more (the laptop moved to another access point)
    ends once nothing has come for the session's ``silence_limit``, and the status says
    so (mutation testing found the limit not handed on: the link was never given up)."""
    slow = ReconnectPolicy(base_delay=60, max_delay=60, jitter=0, fast_window=0)
    async with ShapedLink("127.0.0.1", server.port) as link, session_for(
            link.url, tmp_path, "delegate1", hall.meeting_id, policy=slow, keepalive=0.2,
            silence_limit=1) as (session, rec):
        await logged_in(session, rec)
        assert link.strand() == 1
        await rec.until(lambda: rec.state is ConnectionState.OFFLINE)
    assert [s.reason for s in rec.statuses if s.state is ConnectionState.OFFLINE] == [
        "ConnectionLostError: no data from the server for 1 s; the link is down"]


async def test_a_closed_session_stops_even_when_its_cancel_comes_out_as_a_timeout(
        tmp_path: Path) -> None:
    """On Python 3.11 a cancel that lands as a timeout fires can come out of a library
    as ``TimeoutError``; the session took that for a failed attempt, reconnected, and
    ``close()`` waited forever (a journey's window hung 10 s at exit in a full run)."""
    connecting = asyncio.Event()

    class SwallowingClient(ChairClient):
        async def connect(self, *, welcome: dict[str, Any] | None = None) -> None:
            connecting.set()
            try:
                await asyncio.sleep(3600)
            except asyncio.CancelledError:
                raise TimeoutError("timed out") from None  # the cancel, lost

    with LocalStore.open(tmp_path) as store:
        session = MeetingConnection("ws://127.0.0.1:9", store, "chair", None, policy=FAST)
        session._new_client = (  # type: ignore[method-assign]
            lambda compress=True: SwallowingClient(session.url))
        await session.start("a-token")
        await asyncio.wait_for(connecting.wait(), 10)
        await asyncio.wait_for(session.close(), 10)
        assert session.status.state is ConnectionState.STOPPED
