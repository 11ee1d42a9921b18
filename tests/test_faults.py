"""Faults end to end: a killed server, a cut connection, a frozen client, a full disk.

Real processes where the fault needs one (``tests/helpers/processes.py`` for the server,
``tests/helpers/fault_client.py`` for a client), real clients everywhere. What must hold:
no acknowledged action is lost or applied twice, clients catch up by sequence
number (a replay, not a new snapshot), and a failed write leaves nothing half done.
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import signal
import sqlite3
import sys
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from websockets.asyncio.client import connect

from meetingroom.core.demo_documents import DEMO_PASSWORD
from meetingroom.core.protocol import first_seq
from meetingroom.server.passwords import new_token, token_digest
from meetingroom.server.storage.database import Database
from meetingroom.server.storage.models import LoginToken, SpeechRequest, User, VoteVoter
from meetingroom.server.storage.types import utcnow
from meetingroom.sync.client.chair_client import ChairClient, ConnectionLostError, ServerError
from meetingroom.sync.client.connection import ConnectionState, MeetingConnection
from meetingroom.sync.client.local_store import LocalStore
from meetingroom.sync.serving.endpoint import ChairServer, ServerConfig
from tests.conftest import Login
from tests.helpers.factories import PASSWORD, Hall
from tests.helpers.fault_client import FAST, Reporter
from tests.helpers.processes import Process, ServerProcess, serve
from tests.helpers.session_helpers import start_session, until

REPO = Path(__file__).resolve().parents[1]


def _issue_tokens(db_url: str, usernames: list[str]) -> dict[str, str]:
    """Session tokens as earlier logins left them (the desktop client keeps its token), so
    two dozen laptops come back without two dozen Argon2 hashes on a small CI machine."""
    database = Database(db_url)
    tokens = {name: new_token() for name in usernames}
    try:
        with database.transaction() as session:
            users = {user.username: user.id for user in session.scalars(
                select(User).where(User.username.in_(usernames)))}
            session.add_all(LoginToken(token_hash=token_digest(token), user_id=users[name],
                                        expires_at=utcnow() + timedelta(days=1))
                            for name, token in tokens.items())
    finally:
        database.dispose()
    return tokens


async def _demo_client(url: str, token: str) -> ChairClient:
    client = ChairClient(url, timeout=20)
    await client.connect()
    await client.resume(token)
    return client


async def _events_until(client: ChairClient, last: int) -> list[dict[str, Any]]:
    """Every event up to and including seq ``last``."""
    events: list[dict[str, Any]] = []
    while not events or events[-1]["seq"] < last:
        events.append(await client.next_event(20))
    return events


@asynccontextmanager
async def _session(url: str, profile: Path, username: str, meeting_id: int,
                   token: str) -> AsyncIterator[tuple[MeetingConnection, Reporter]]:
    reporter = Reporter()
    with LocalStore.open(profile) as store:
        session = MeetingConnection(url, store, username, meeting_id, listener=reporter,
                                    policy=FAST, request_timeout=5)
        await session.start(token)
        try:
            await reporter.until(lambda: reporter.state is ConnectionState.ONLINE)
            yield session, reporter
        finally:
            await session.close()


def _done(reporter: Reporter, command_id: str) -> list[dict[str, Any]]:
    return [result for command, result in reporter.done if command.command_id == command_id]


async def _until_done(reporter: Reporter, command_id: str) -> None:
    await reporter.until(lambda: bool(_done(reporter, command_id)), within=30)


# --- kill -9 the server while ballots are in flight ---------------------------------------


async def test_kill_9_during_a_vote_loses_and_doubles_no_acknowledged_ballot(
        tmp_path: Path) -> None:
    hall = ServerProcess(tmp_path)
    plain_names = [f"daibieu{n:02d}" for n in range(1, 21)]
    session_names = [f"daibieu{n:02d}" for n in range(21, 25)]
    tokens = _issue_tokens(hall.db, ["chutoa", *plain_names, *session_names])
    url = hall.start()
    m = hall.meeting_id
    try:
        async with AsyncExitStack() as stack:
            chair = await _demo_client(url, tokens["chutoa"])
            stack.push_async_callback(chair.close)
            snapshot = (await chair.subscribe(m))["snapshot"]
            await chair.command(m, "meeting.start")
            await chair.command(m, "agenda.set_current", {"item_id": snapshot["agenda"][0]["id"]})

            async def delegate(name: str) -> ChairClient:
                client = await _demo_client(url, tokens[name])
                stack.push_async_callback(client.close)
                await client.subscribe(m)
                await client.command(m, "attendance.check_in")
                return client

            plain = list(await asyncio.gather(*[delegate(name) for name in plain_names]))
            sessions: list[tuple[MeetingConnection, Reporter]] = [
                await stack.enter_async_context(_session(url, tmp_path / f"profile-{n}", name, m,
                                                  tokens[name]))
                for n, name in enumerate(session_names)]
            for session, reporter in sessions:
                checked = await session.submit("attendance.check_in")
                await _until_done(reporter, checked.command_id)
            vote = (await chair.command(m, "vote.create", {
                "matter": "resolution", "title": "Nghị quyết thử khi máy chủ sập"}))["vote"]
            opened_at = (await chair.command(m, "vote.open", {"vote_id": vote["id"]}))["seq"]

            everyone = len(plain) + len(sessions)
            choice = {n: n % 3 for n in range(everyone)}
            ids = {n: uuid.uuid4().hex for n in range(everyone)}
            casts = [asyncio.create_task(client.command(
                m, "vote.cast", {"vote_id": vote["id"], "choice": choice[n]},
                command_id=ids[n])) for n, client in enumerate(plain)]
            for k, (session, _) in enumerate(sessions):
                n = len(plain) + k
                await session.submit("vote.cast", {"vote_id": vote["id"], "choice": choice[n]},
                                     command_id=ids[n])
            # The first acknowledged ballot is in: pull the plug while the rest are in flight.
            await asyncio.wait(casts, return_when=asyncio.FIRST_COMPLETED)
            hall.stop(kill=True)
            outcomes = await asyncio.gather(*casts, return_exceptions=True)
            acked = {n for n, o in enumerate(outcomes) if isinstance(o, dict)}
            lost = {n for n, o in enumerate(outcomes) if isinstance(o, ConnectionLostError)}
            assert acked | lost == set(range(len(plain))), outcomes
            assert acked, f"not a kill in mid-vote: nothing was acknowledged ({lost})"
            # On a fast machine every plain ballot may be answered before the kill lands;
            # the session outboxes below still cross it, and every check stays meaningful.

            assert hall.start() == url  # same port, same database
            duplicates: dict[int, bool] = {}
            replays: dict[int, int] = {}

            async def reconnect(n: int, old: ChairClient) -> ChairClient:
                client = ChairClient(url, timeout=20)
                await client.connect()
                stack.push_async_callback(client.close)
                await client.resume(old.token)
                since = old.last_seq[m]
                client.last_seq[m] = since
                resumed = await client.subscribe(m, last_seq=since)
                assert resumed["mode"] == "replay", resumed  # by sequence number, no reload
                replays[n] = since
                # Resend the ballot with its id, answered or not (an answer may be lost).
                result = await client.command(m, "vote.cast", {"vote_id": vote["id"],
                                                               "choice": choice[n]},
                                              command_id=ids[n])
                duplicates[n] = result["duplicate"]
                return client

            again = list(await asyncio.gather(*[reconnect(n, old)
                                                for n, old in enumerate(plain)]))
            # Every acknowledged ballot was stored: its resend is a duplicate.
            assert all(duplicates[n] for n in acked), duplicates
            for k, (_, reporter) in enumerate(sessions):
                n = len(plain) + k
                await _until_done(reporter, ids[n])
                assert len(_done(reporter, ids[n])) == 1
                assert reporter.count(ConnectionState.ONLINE) >= 2  # it did reconnect
                assert reporter.snapshots == [reporter.snapshots[0]], \
                    "the session reloaded a snapshot instead of replaying"

            chair2 = ChairClient(url, timeout=20)
            await chair2.connect()
            stack.push_async_callback(chair2.close)
            await chair2.resume(chair.token)
            assert (await chair2.subscribe(m, last_seq=opened_at))["mode"] == "replay"
            closed = (await chair2.command(m, "vote.close", {"vote_id": vote["id"]}))["vote"]
            counts = [o["count"] for o in closed["result"]["options"]]
            assert counts == [sum(1 for c in choice.values() if c == k) for k in range(3)]
            assert closed["voted_count"] == everyone == len(set(closed["voted"]))

            # Each reconnected client got every event after its last one, in order, with
            # no gap: each frame takes up where the last left off (a delegate's ballots
            # come folded into ``progress`` frames that stand for from_seq..seq).
            final = (await chair2.subscribe(m, last_seq=opened_at))["seq"]
            for n, client in enumerate(again):
                covered = replays[n]
                for event in await _events_until(client, final):
                    assert first_seq(event) <= covered + 1 <= event["seq"], (n, covered)
                    covered = event["seq"]
                assert covered == final, (n, covered, final)
    finally:
        hall.stop()
    with sqlite3.connect(hall.db.removeprefix("sqlite:///")) as raw:
        rows = raw.execute("SELECT member_user_id FROM vote_voters WHERE vote_id = ?",
                           (vote["id"],)).fetchall()
        ballots = raw.execute("SELECT count(*) FROM open_ballots WHERE vote_id = ?",
                              (vote["id"],)).fetchone()[0]
    assert len(rows) == len({r[0] for r in rows}) == ballots == everyone


# --- a connection cut after the ballot left, before its answer came ---------------------


async def test_a_ballot_whose_answer_was_cut_off_counts_once(
        server: ChairServer, hall: Hall, login: Login, database: Database) -> None:
    m = hall.meeting_id
    chair = await login("chair")
    await start_session(chair, m, hall.item_ids[1])
    voter = await login(hall.delegates[0])
    await voter.command(m, "attendance.check_in")
    vote = (await chair.command(m, "vote.create", {"matter": "resolution",
                                                   "title": "Nghị quyết"}))["vote"]
    await chair.command(m, "vote.open", {"vote_id": vote["id"]})
    await until(chair, "vote.opened")

    ws = await connect(server.url)
    await ws.recv()
    await ws.send(json.dumps({"type": "resume", "id": "r", "token": voter.token}))
    assert json.loads(await ws.recv())["ok"]
    ballot = {"vote_id": vote["id"], "choice": 1}
    await ws.send(json.dumps({"type": "command", "id": "cut-1", "meeting_id": m,
                              "command": "vote.cast", "args": ballot}))
    ws.transport.close()  # the laptop's Wi-Fi drops: the frame left, the answer won't come
    # The server applied it (the chair sees it) although the sender never heard back.
    applied = await until(chair, "vote.ballot_cast")
    assert voter.user is not None
    assert applied["payload"]["member_user_id"] == voter.user["id"]

    async with ChairClient(server.url, timeout=15) as back:
        await back.resume(voter.token)
        result = await back.command(m, "vote.cast", ballot, command_id="cut-1")
        assert result["duplicate"] is True
        assert result["seq"] == applied["seq"]
    closed = (await chair.command(m, "vote.close", {"vote_id": vote["id"]}))["vote"]
    assert [o["count"] for o in closed["result"]["options"]] == [0, 1, 0]
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(VoteVoter).where(
            VoteVoter.vote_id == vote["id"])) == 1


# --- a client frozen for longer than the keepalive -------------------------------------


class _Lines:
    """The JSON lines a fault_client process prints, read as they come."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.seen: list[dict[str, Any]] = []

    async def until(self, condition: Callable[[dict[str, Any]], bool],
                    within: float = 30) -> dict[str, Any]:
        assert self.process.stdout is not None
        async with asyncio.timeout(within):
            while True:
                raw = await self.process.stdout.readline()
                if not raw:
                    raise AssertionError(f"the client ended; it said {self.seen[-10:]}")
                line: dict[str, Any] = json.loads(raw)
                self.seen.append(line)
                if condition(line):
                    return line

    async def send(self, order: dict[str, Any]) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write((json.dumps(order) + "\n").encode())
        await self.process.stdin.drain()


async def _connections(url: str) -> int:
    host, port = url.removeprefix("ws://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    raw = await asyncio.wait_for(reader.read(), 10)
    writer.close()
    count: int = json.loads(raw.partition(b"\r\n\r\n")[2])["connections"]
    return count


async def _until_connections(url: str, most: int) -> None:
    for _ in range(75):
        if await _connections(url) <= most:
            return
        await asyncio.sleep(0.2)
    raise AssertionError(f"still more than {most} connections")


@pytest.fixture
def server_config() -> ServerConfig:
    # `meetingroom serve` has no keepalive option; the in-process server gets a short one.
    return ServerConfig(host="127.0.0.1", port=0, ping_interval=0.5, silence_limit=1.0)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
async def test_a_frozen_client_resumes_by_seq_and_delivers_its_queued_action_once(
        server: ChairServer, hall: Hall, login: Login, database: Database,
        tmp_path: Path) -> None:
    m = hall.meeting_id
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.helpers.fault_client", "--url", server.url, "--profile",
        str(tmp_path / "profile"), "--username", hall.delegates[0], "--meeting", str(m),
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, cwd=REPO,
        env={**os.environ, "FAULT_PASSWORD": PASSWORD})
    lines = _Lines(process)
    try:
        await lines.until(lambda line: "snapshot" in line)
        chair = await login("chair")
        await start_session(chair, m, hall.item_ids[1])
        await lines.until(lambda line: line.get("event") == 2)
        assert await _connections(server.url) == 2

        process.send_signal(signal.SIGSTOP)
        # Typed while frozen: waits in the pipe until the process runs again.
        await lines.send({"submit": "speech.register", "args": {"topic": "Đường giao thông"},
                          "id": "frozen-1"})
        # Nothing arrives from it for the silence limit (1 s): the server closes it.
        await _until_connections(server.url, 1)
        # The hall goes on without it: these reach it only by replay.
        for n in range(3):
            await chair.command(m, "agenda.add_item", {"title": f"Mục thêm {n}"})
        process.send_signal(signal.SIGCONT)

        def finished(_line: dict[str, Any]) -> bool:
            return any(line.get("done") == "frozen-1" for line in lines.seen) and \
                any(line.get("event") == 6 for line in lines.seen)

        try:
            await lines.until(finished, within=20)
        except TimeoutError:
            raise AssertionError(lines.seen) from None
        await lines.send({"quit": True})
        assert await asyncio.wait_for(process.wait(), 20) == 0
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGCONT)
            process.kill()
            await process.wait()
    seen = lines.seen
    assert [line["snapshot"] for line in seen if "snapshot" in line] == [0], \
        "caught up by a new snapshot instead of a replay"
    assert [line["event"] for line in seen if "event" in line] == [1, 2, 3, 4, 5, 6]
    assert [line["status"] for line in seen if "status" in line].count("online") >= 2
    assert len([line for line in seen if line.get("done") == "frozen-1"]) == 1
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(SpeechRequest).where(
            SpeechRequest.meeting_id == m)) == 1


# --- a full disk ----------------------------------------------------------------------------


def _serve_with_file_limit(hall: ServerProcess) -> Process:
    """`meetingroom serve` whose file writes fail with EFBIG once a limit is set on it with
    prlimit, which is how a full disk looks to SQLite (a write that cannot be done)."""

    def limits() -> None:  # in the child, before exec (both survive exec)
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

    process = serve(hall.db, log=hall.log, env={"MEETINGROOM_LOG": "warning"},
                    preexec_fn=limits)
    hall.url = process.url
    return process


async def test_a_full_disk_is_a_clear_error_and_nothing_half_done(tmp_path: Path) -> None:
    hall = ServerProcess(tmp_path)
    process = _serve_with_file_limit(hall)
    path = hall.db.removeprefix("sqlite:///")
    wal = Path(path + "-wal")

    def wal_size() -> int:
        return wal.stat().st_size

    def state() -> list[int]:
        """Agenda items, events, audit entries, stored answers."""
        with sqlite3.connect(path) as raw:
            return [int(raw.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                    for table in ("agenda_items", "events", "audit_log", "command_results")]

    try:
        async with ChairClient(hall.url, timeout=20) as chair:
            await chair.login("chutoa", DEMO_PASSWORD)
            await chair.subscribe(hall.meeting_id)
            await chair.command(hall.meeting_id, "meeting.start")
            before = state()
            # The disk is full: not one more byte may be written past the log's end.
            resource.prlimit(process.proc.pid, resource.RLIMIT_FSIZE,
                             (wal_size(), resource.RLIM_INFINITY))
            args = {"title": "Mục viết khi đầy đĩa"}
            with pytest.raises(ServerError) as full:
                await chair.command(hall.meeting_id, "agenda.add_item", args,
                                    command_id="full-1")
            assert full.value.code == "unavailable", full.value
            assert "nothing was changed" in str(full.value)
            assert state() == before  # no item, no event, no audit entry, no stored answer
            assert (await chair.request("ping")) == {"pong": True}  # the server lives on

            resource.prlimit(process.proc.pid, resource.RLIMIT_FSIZE,
                             (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
            added = await chair.command(hall.meeting_id, "agenda.add_item", args,
                                        command_id="full-1")
            assert added["duplicate"] is False
            assert state() == [n + 1 for n in before]
            again = await chair.command(hall.meeting_id, "agenda.add_item", args,
                                        command_id="full-1")
            assert again["duplicate"] is True
            assert state()[0] == before[0] + 1
    finally:
        process.stop()
