"""Weak hall Wi-Fi (issue 24): a slow link is not a lost link, ballots go first, and the
laptop is back soon after the link is.

Every test runs the real client and the real server through ``bench.shaper.ShapedLink``,
the project's own shaping proxy (a shared rate, delay, stalls, outages). Nothing here
asserts a duration: the tests wait for conditions and compare orders and counts.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import secrets
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from websockets.asyncio.client import connect
from websockets.frames import Frame, Opcode

from bench._common import seed_hall
from bench.shaper import ShapedLink
from meetingroom.core.protocol import (
    FEATURE_BINARY_FETCH,
    FEATURE_LEAN_FILES,
    PROGRESS_EVENT,
    WELCOME_KNOWN_HEADER,
    RequestType,
    encode,
    first_seq,
    welcome_digest,
)
from meetingroom.laptop.doc_cache import DocumentCache
from meetingroom.laptop.meeting_store import MeetingState
from meetingroom.server.service import MeetingService, ServiceSettings
from meetingroom.server.storage.database import Database
from meetingroom.server.views import VOTE_CHANGING_KEYS
from meetingroom.sync.client.chair_client import ChairClient, ConnectionLostError
from meetingroom.sync.client.connection import (
    ConnectionState,
    ConnectionStatus,
    MeetingConnection,
    ReconnectPolicy,
    SessionListener,
)
from meetingroom.sync.client.local_store import LocalStore, PendingCommand
from meetingroom.sync.client.prefetch import PacketProgress, Prefetcher
from meetingroom.sync.client.transfer import Pace, download, fetch_piece, upload
from meetingroom.sync.serving import channel, socket_server, subscriber
from meetingroom.sync.serving.endpoint import ChairServer, ServerConfig
from tests.conftest import Login
from tests.helpers.factories import PASSWORD, Hall
from tests.helpers.session_helpers import eventually, start_session
from tests.test_client_state import _as_a_delegate_follows
from tests.test_fanout import Wire
from tests.test_reader_support import make_pdf

KEY = bytes(range(32))
#: Long enough that nothing here ends for a waiting limit on a busy machine.
PATIENT = 90.0
#: The network is what is tested here, not the database.
pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


def _padded_pdf(size: int, title: str) -> bytes:
    """A real PDF of about ``size`` bytes that does not compress."""
    data = make_pdf(2, words=lambda i: f"{title} {i}")
    return data + b"\n%" + os.urandom(size).hex().encode()[:size]


async def _publish(secretary: ChairClient, hall: Hall, data: bytes, title: str) -> dict[str, Any]:
    sha = await upload(secretary, data, f"{title}.pdf")
    added = await secretary.command(hall.meeting_id, "document.add", {
        "sha256": sha, "title": title, "filename": f"{title}.pdf",
        "item_id": hall.item_ids[0]})
    document: dict[str, Any] = added["document"]
    return document


class Watcher(SessionListener):
    """What a session reported, and a way to wait for a condition on it."""

    def __init__(self) -> None:
        self.statuses: list[ConnectionStatus] = []
        self.done: list[PendingCommand] = []
        self.tokens: list[str | None] = []
        self._changed = asyncio.Event()

    def on_status(self, status: ConnectionStatus) -> None:
        self.statuses.append(status)
        self._changed.set()

    def on_token(self, token: str | None) -> None:
        self.tokens.append(token)
        self._changed.set()

    def on_command_done(self, command: PendingCommand, result: dict[str, Any]) -> None:
        self.done.append(command)
        self._changed.set()

    def poke(self) -> None:
        self._changed.set()

    @property
    def state(self) -> ConnectionState | None:
        return self.statuses[-1].state if self.statuses else None

    async def until(self, condition: Callable[[], bool], within: float = PATIENT) -> None:
        async with asyncio.timeout(within):
            while not condition():
                self._changed.clear()
                with_poll = asyncio.create_task(self._changed.wait())
                await asyncio.wait([with_poll], timeout=0.2)
                with_poll.cancel()


@asynccontextmanager
async def delegate_session(url: str, folder: Path, meeting_id: int,
                           **options: Any) -> AsyncIterator[tuple[MeetingConnection, Watcher]]:
    watcher = Watcher()
    with LocalStore.open(folder) as store:
        session = MeetingConnection(url, store, "delegate1", meeting_id, listener=watcher,
                                    **options)
        await session.start()
        try:
            await watcher.until(lambda: watcher.state is ConnectionState.AUTH_REQUIRED)
            await session.login(PASSWORD)
            await watcher.until(lambda: watcher.state is ConnectionState.ONLINE)
            yield session, watcher
        finally:
            await session.close()


async def test_a_slow_request_completes_while_bytes_flow(
        server: ChairServer, hall: Hall, login: Login) -> None:
    """A 512 KB piece over a 64 KB/s link takes seconds, several times the client's
    timeout of 1 s: before, the request was given up (and the session dropped); now it
    waits, because the link is carrying its bytes."""
    secretary = await login("secretary")
    document = await _publish(secretary, hall, _padded_pdf(600_000, "cham"), "cham")
    async with ShapedLink("127.0.0.1", server.port, rate=64_000, delay=0.05) as link:
        slow = ChairClient(link.url, timeout=1.0, keepalive=0.5, silence_limit=PATIENT,
                           compress=False)  # as a connection for file data
        await slow.connect()
        try:
            await slow.login("delegate1", PASSWORD)
            piece = await slow.request("fetch_chunk", sha256=document["sha256"], offset=0,
                                       length=512 * 1024)
            assert piece["length"] == 512 * 1024
            assert link.down_pipe.bytes > 512 * 1024
        finally:
            await slow.close()


async def test_a_silent_link_is_declared_lost_by_the_connection_itself(
        server: ChairServer, hall: Hall) -> None:
    """Nothing at all arriving (the link went, no close ever comes) ends the connection
    and fails the waiting request: the keepalive is what notices, not a request timer."""
    async with ShapedLink("127.0.0.1", server.port) as link:
        client = ChairClient(link.url, timeout=PATIENT, keepalive=0.2, silence_limit=1.0)
        await client.connect()
        try:
            await client.login("delegate1", PASSWORD)
            link.set_down(True)
            with pytest.raises(ConnectionLostError, match="no data from the server"):
                await client.request("ping")
        finally:
            link.set_down(False)
            await client.close()


async def test_prefetch_progresses_over_a_slow_shaped_link(
        server: ChairServer, hall: Hall, login: Login, tmp_path: Path) -> None:
    """A packet over 48 KB/s with delay and a stall: it completes, and no piece was asked
    bigger than the link carries in a few seconds (before: 512 KB pieces, 3 documents ×
    4 pieces at once, each with a 15 s timeout, never finished on a 64 kbit/s link)."""
    secretary = await login("secretary")
    documents = [await _publish(secretary, hall, _padded_pdf(120_000, f"tai-lieu-{n}"),
                                f"tai-lieu-{n}") for n in range(2)]
    meeting = {"id": hall.meeting_id}
    link = ShapedLink("127.0.0.1", server.port, rate=48_000, delay=0.1, jitter=0.05, seed=1)
    async with link, delegate_session(link.url, tmp_path / "profile", hall.meeting_id,
                                      request_timeout=3.0) as (session, watcher):
        cache = DocumentCache(tmp_path / "cache", KEY)
        reports: list[PacketProgress] = []
        prefetcher = Prefetcher(cache, on_progress=reports.append)
        run = asyncio.create_task(prefetcher.run(session, meeting, documents))
        await watcher.until(lambda: bool(reports) and reports[-1].done > 0)
        link.stall(2.0)
        packet = await asyncio.wait_for(run, PATIENT)
        assert packet.complete, packet
        assert all(cache.has(d["sha256"]) for d in documents)
        assert watcher.state is ConnectionState.ONLINE
        assert not [s for s in watcher.statuses[2:] if s.state is not ConnectionState.ONLINE]
        # Measured pacing: pieces stayed near a second of the link's rate.
        assert prefetcher.pace.rate is not None
        assert prefetcher.pace.piece() <= 4 * 48_000


async def test_a_ballot_overtakes_the_queued_document_pieces(
        server: ChairServer, hall: Hall, login: Login, tmp_path: Path) -> None:
    """A ballot cast while the packet is downloading over a slow link is answered before
    the packet is complete: it goes on the command connection, and the prefetch asks for
    nothing new while it waits. Before, it queued behind every piece already asked for."""
    secretary, chair = await login("secretary"), await login("chair")
    documents = [await _publish(secretary, hall, _padded_pdf(200_000, f"goi-{n}"), f"goi-{n}")
                 for n in range(3)]
    await start_session(chair, hall.meeting_id, hall.item_ids[0])
    created = await chair.command(hall.meeting_id, "vote.create", {
        "item_id": hall.item_ids[0], "matter": "resolution", "title": "Thông qua"})
    vote = created["vote"]
    meeting = {"id": hall.meeting_id}
    link = ShapedLink("127.0.0.1", server.port, rate=40_000, delay=0.1, seed=2)
    async with link, delegate_session(link.url, tmp_path / "profile",
                                      hall.meeting_id) as (session, watcher):
        await session.submit("attendance.check_in")
        await watcher.until(lambda: len(watcher.done) == 1)
        cache = DocumentCache(tmp_path / "cache", KEY)
        reports: list[PacketProgress] = []

        def progress(packet: PacketProgress) -> None:
            reports.append(packet)
            watcher.poke()

        prefetcher = Prefetcher(cache, on_progress=progress)
        run = asyncio.create_task(prefetcher.run(session, meeting, documents))
        await watcher.until(lambda: bool(reports) and reports[-1].done > 0)
        await chair.command(hall.meeting_id, "vote.open", {"vote_id": vote["id"]})
        await session.submit("vote.cast", {"vote_id": vote["id"], "choice": 0})
        await watcher.until(lambda: len(watcher.done) == 2)
        at_ballot = reports[-1]
        assert at_ballot.done < at_ballot.total, "the ballot waited for the whole packet"
        await chair.command(hall.meeting_id, "vote.close", {"vote_id": vote["id"]})
        packet = await asyncio.wait_for(run, PATIENT)
        assert packet.complete


async def test_back_online_soon_after_an_outage(
        server: ChairServer, hall: Hall, tmp_path: Path) -> None:
    """The link goes down long enough for several failed attempts, then returns. While
    the outage is young the server is probed often (every wait at most the probe
    interval; before, the waits doubled towards 30 s), and the session is online again."""
    policy = ReconnectPolicy(probe_interval=0.5, fast_window=120.0)
    link = ShapedLink("127.0.0.1", server.port)
    async with link, delegate_session(link.url, tmp_path / "profile", hall.meeting_id,
                                      policy=policy, keepalive=0.2,
                                      silence_limit=1.0) as (_session, watcher):
        online_before = len([s for s in watcher.statuses
                             if s.state is ConnectionState.ONLINE])
        link.set_down(True)
        await watcher.until(lambda: link.refused >= 6)
        link.set_down(False)
        await watcher.until(lambda: watcher.state is ConnectionState.ONLINE)
        offline = [s for s in watcher.statuses if s.state is ConnectionState.OFFLINE]
        assert len(offline) >= 6
        assert all(s.retry_in is not None and s.retry_in <= policy.probe_interval
                   for s in offline), [s.retry_in for s in offline]
        assert len([s for s in watcher.statuses
                    if s.state is ConnectionState.ONLINE]) == online_before + 1
        assert watcher.tokens[-1] is not None, "it resumed; no new password was asked"


@asynccontextmanager
async def _server_with(database: Database, config: ServerConfig) -> AsyncIterator[ChairServer]:
    chair_server = ChairServer(MeetingService(database, ServiceSettings(replay_limit=50)),
                               config)
    await chair_server.start()
    try:
        yield chair_server
    finally:
        await chair_server.stop()


async def test_the_server_keeps_a_connection_that_sends_while_its_pong_is_late(
        database: Database, hall: Hall) -> None:
    """A secretary uploads over a slow link: the laptop's keepalive pongs queue behind
    seconds of upload data, far later than the server's silence limit (before:
    websockets' ``ping_timeout`` closed such a connection, alive and working). Bytes
    keep arriving, so the server keeps it; once nothing arrives at all (the link goes
    down, the laptop itself waits patiently), the server closes it."""
    config = ServerConfig(host="127.0.0.1", port=0, ping_interval=0.1, silence_limit=2.0)
    async with _server_with(database, config) as server, \
            ShapedLink("127.0.0.1", server.port, rate=30_000, delay=0.1) as link:
        client = ChairClient(link.url, timeout=PATIENT, keepalive=0.2, silence_limit=PATIENT)
        await client.connect()
        try:
            await client.login("secretary", PASSWORD)
            peers = {peer.id for peer in server._peers}
            await upload(client, _padded_pdf(300_000, "tai"), "tai.pdf")
            await client.request("ping")
            assert client.alive
            assert {peer.id for peer in server._peers} == peers, "the server dropped it"
            assert link.connections == 1
            link.set_down(True)
            await Watcher().until(lambda: not server._peers)
        finally:
            link.set_down(False)
            await client.close()


async def test_a_closed_connection_leaves_the_shaped_link(
        server: ChairServer, hall: Hall, login: Login) -> None:
    """A laptop that drops its connection mid-download does not leave the rest of the
    piece queued on the shared link: the next connection's answer does not wait for it."""
    secretary = await login("secretary")
    document = await _publish(secretary, hall, _padded_pdf(600_000, "bo"), "bo")
    async with ShapedLink("127.0.0.1", server.port, rate=20_000, delay=0.05) as link:
        first = ChairClient(link.url, timeout=PATIENT, silence_limit=PATIENT)
        await first.connect()
        await first.login("delegate1", PASSWORD)
        piece = asyncio.create_task(first.request(
            "fetch_chunk", sha256=document["sha256"], offset=0, length=512 * 1024))
        await Watcher().until(lambda: link.down_pipe.bytes >= 40_000)
        first.connection.transport.abort()
        with pytest.raises(ConnectionLostError):
            await piece
        await first.close()
        second = ChairClient(link.url, timeout=PATIENT, silence_limit=PATIENT)
        await second.connect()
        try:
            await second.login("delegate2", PASSWORD)
            await second.request("ping")
        finally:
            await second.close()
        assert link.dropped > 0
        assert link.down_pipe.bytes < 512 * 1024, "the dropped piece still crossed the link"


def _progress_frames(link: Wire) -> list[dict[str, Any]]:
    return [e for e in link.seen() if e["event"] == PROGRESS_EVENT]


def _walk(link: Wire) -> int:
    """The last ``seq`` of ``link``'s events, checking they follow on without a gap."""
    last = 0
    for message in link.seen():
        assert first_seq(message) <= last + 1, (last, message)
        assert message["seq"] > last, (last, message)
        last = message["seq"]
    return last


async def test_a_slow_delegate_gets_fewer_progress_frames_with_the_latest_counts(
        database: Database) -> None:
    """Delegates check in, come and go, and vote while one watcher follows twice: on a
    direct connection and over a link that stalls (what the buffers hold, then nothing). The slow
    connection's ``progress`` frames wait while the previous bytes have not left it, and
    merge meanwhile: it gets fewer frames, the same events by ``seq`` without a gap, and
    ends on the same counts (before: one frame per 50 ms run, queued on the slow link
    and stale on arrival)."""
    seeded = seed_hall(database, 31)
    m = seeded.meeting_id
    (_, watcher_token), voters = seeded.delegates[0], seeded.delegates[1:]
    # Nothing arrives from the stalled watcher meanwhile: not a reason to close it here.
    # No least gap between frames: what is tested is the wait for the link alone. Three
    # delegates come and go a hundred times as fast as the server answers: not a flood to
    # refuse here (a faster server refused them before they were done).
    config = ServerConfig(host="127.0.0.1", port=0, silence_limit=PATIENT, progress_gap_s=0,
                          rate_per_second=10_000, rate_burst=10_000,
                          ip_rate_per_second=100_000, ip_rate_burst=100_000)
    async with _server_with(database, config) as server, \
            ShapedLink("127.0.0.1", server.port, delay=0.05, flow_queue_bytes=500,
                       socket_buffer=1024) as link:
        wires: list[tuple[Wire, asyncio.Task[None]]] = []
        for url in (server.url, link.url):
            # No pong timeout of its own: the pongs queue behind the backlog too.
            ws = await connect(url, compression=None, max_size=16 * 1024 * 1024,
                               ping_interval=None)
            await ws.recv()  # the welcome
            wire = Wire(ws)
            wires.append((wire, asyncio.create_task(wire.read())))
            await wire.ask("r1", type="resume", token=watcher_token)
            await wire.ask("r2", type="subscribe", meeting_id=m, last_seq=0)
        (fast, _), (slow, _) = wires
        # The snapshot is in; now the link stalls, so the slow connection's first frame
        # stays unacknowledged however fast or slowly this machine runs the rest.
        link.stall(PATIENT)
        clients = []
        for token in [seeded.chair_token, *(t for _, t in voters)]:
            client = ChairClient(server.url, timeout=PATIENT)
            await client.connect()
            await client.resume(token)
            clients.append(client)
        chair, *hall = clients
        try:
            await chair.command(m, "meeting.start")
            await chair.command(m, "agenda.set_current", {"item_id": seeded.item_id})

            await asyncio.gather(*(c.command(m, "attendance.check_in") for c in hall))

            async def come_and_go(client: ChairClient) -> None:
                for _ in range(50):  # one after another: more 50 ms runs than the buffers hold
                    await client.command(m, "attendance.check_out")
                    await client.command(m, "attendance.check_in")

            await asyncio.gather(*(come_and_go(c) for c in hall[:3]))
            created = await chair.command(m, "vote.create", {"matter": "resolution",
                                                             "title": "Nghị quyết"})
            vote_id = created["vote"]["id"]
            await chair.command(m, "vote.open", {"vote_id": vote_id})
            await asyncio.gather(*(c.command(m, "vote.cast", {"vote_id": vote_id,
                                                              "choice": n % 3})
                                   for n, c in enumerate(hall)))
            await chair.command(m, "vote.close", {"vote_id": vote_id})
            link.stall(0)  # the weather clears: what the server held goes out, merged
            for wire in (fast, slow):
                await wire.until(lambda w=wire: any(e["event"] == "vote.closed"
                                                    for e in w.seen()), PATIENT)
        finally:
            for client in clients:
                await client.close()
            for wire, task in wires:
                task.cancel()
                await wire.ws.close()

    assert len(_progress_frames(slow)) < len(_progress_frames(fast)), \
        (len(_progress_frames(slow)), len(_progress_frames(fast)))
    assert _walk(slow) == _walk(fast)
    whole = [(e["seq"], e["event"]) for e in fast.seen() if e["event"] != PROGRESS_EVENT]
    assert [(e["seq"], e["event"]) for e in slow.seen()
            if e["event"] != PROGRESS_EVENT] == whole
    # The last counts are the same, and right: 30 present, 30 ballots.
    last_fast, last_slow = _progress_frames(fast)[-1], _progress_frames(slow)[-1]
    assert last_slow["payload"]["votes"] == last_fast["payload"]["votes"]
    assert last_slow["payload"]["votes"][0]["voted_count"] == len(voters)
    attendance = [f["payload"]["attendance"] for f in _progress_frames(slow)
                  if "attendance" in f["payload"]][-1]
    assert attendance["counts"] == [f["payload"]["attendance"] for f in _progress_frames(fast)
                                    if "attendance" in f["payload"]][-1]["counts"]
    # Each slow frame carries the counts as of its own seq, as the fast one saw them.
    by_seq = {f["seq"]: f["payload"] for f in _progress_frames(fast)}
    for frame in _progress_frames(slow):
        if frame["seq"] in by_seq:
            assert frame["payload"]["votes"] == by_seq[frame["seq"]]["votes"]


async def _packet_and_draft(login: Login, hall: Hall) -> tuple[ChairClient, list[Any], int]:
    """Two documents of 150 KB published, the session open, a vote drafted: the chair,
    the documents and the vote's id."""
    secretary, chair = await login("secretary"), await login("chair")
    documents = [await _publish(secretary, hall, _padded_pdf(150_000, f"ky-{n}"), f"ky-{n}")
                 for n in range(2)]
    await start_session(chair, hall.meeting_id, hall.item_ids[0])
    created = await chair.command(hall.meeting_id, "vote.create", {
        "item_id": hall.item_ids[0], "matter": "resolution", "title": "Thông qua"})
    return chair, documents, int(created["vote"]["id"])


@asynccontextmanager
async def _prefetching(server: ChairServer, hall: Hall, folder: Path, documents: list[Any],
                       seed: int) -> AsyncIterator[tuple[MeetingConnection, Watcher,
                                                         asyncio.Task[PacketProgress]]]:
    """A delegate checked in over a 40 KB/s link, its packet download under way."""
    link = ShapedLink("127.0.0.1", server.port, rate=40_000, delay=0.05, seed=seed)
    async with link, delegate_session(link.url, folder / "profile",
                                      hall.meeting_id) as (session, watcher):
        await session.submit("attendance.check_in")
        await watcher.until(lambda: len(watcher.done) == 1)
        reports: list[PacketProgress] = []
        prefetcher = Prefetcher(DocumentCache(folder / "cache", KEY), on_progress=reports.append)
        run = asyncio.create_task(prefetcher.run(session, {"id": hall.meeting_id}, documents))
        try:
            await watcher.until(lambda: bool(reports) and reports[-1].done > 0)
            yield session, watcher, run
        finally:
            run.cancel()
            await asyncio.gather(run, return_exceptions=True)


async def test_the_prefetch_waits_while_a_vote_is_open_and_resumes_where_it_stopped(
        server: ChairServer, hall: Hall, login: Login, tmp_path: Path) -> None:
    """While a vote is open the hall's ballots have the link: the packet download asks
    for no piece (the server, which reads one connection's requests in order, is asked
    for none), and once the vote closes it goes on from the next missing piece, never
    asking again for one it has (the one cut when the vote opened is asked again)."""
    chair, documents, vote_id = await _packet_and_draft(login, hall)
    #: (whether the laptop knew the vote open, sha256, offset) of each piece asked.
    asked: list[tuple[bool, str, int]] = []
    vote_known_open = False
    fetch_chunk = server._handlers[RequestType.FETCH_CHUNK]

    async def counted(peer: Any, request: Any) -> Any:
        asked.append((vote_known_open, request.sha256, request.offset))
        return await fetch_chunk(peer, request)

    server._handlers[RequestType.FETCH_CHUNK] = counted
    async with _prefetching(server, hall, tmp_path, documents, seed=3) as (session, watcher,
                                                                          run):
        await chair.command(hall.meeting_id, "vote.open", {"vote_id": vote_id})
        await watcher.until(lambda: session.activity.vote_open and session.activity.waiting > 0)
        # Whatever was asked before the laptop parked is read by the server before this: on
        # the file connection while it is open, else its end has reached the server (a file
        # connection opened now would wait for the vote's end: ``Resume.files``).
        files = session._files
        if files is not None and files.alive:
            await files.request("ping")
        else:
            await watcher.until(lambda: not any(p.fetches for p in server._peers))
        vote_known_open = True
        before = len(asked)
        await session.submit("vote.cast", {"vote_id": vote_id, "choice": 0})
        await watcher.until(lambda: len(watcher.done) == 2)
        await asyncio.sleep(1.0)  # room for a piece to be asked, were it to be
        vote_known_open = False
        await chair.command(hall.meeting_id, "vote.close", {"vote_id": vote_id})
        packet = await asyncio.wait_for(run, PATIENT)
    assert packet.complete
    assert not [a for a in asked if a[0]], "a piece was asked while the vote was open"
    assert 0 < before < len(asked), "it neither started before the vote nor went on after"
    pieces = [(sha, offset) for _, sha, offset in asked]
    # Only the piece in flight when the vote opened may be asked again: it was cut.
    again = {p for p in pieces if pieces.count(p) > 1}
    assert again <= {pieces[before - 1]}, "a piece already fetched was asked again"


async def test_once_the_ballot_is_in_the_file_connection_opens_again_during_the_vote(
        server: ChairServer, hall: Hall, login: Login, tmp_path: Path) -> None:
    """A vote cuts the laptop's file connection; once the delegate's ballot is in, the
    prefetch opens it again while the vote is still open (on a hall link its handshake
    and round trips then overlap the vote, not the pause after it), the server answers
    its ``resume`` only after the vote, no piece is asked meanwhile, and the packet then
    completes. Before, the connection was opened again only once the vote had closed."""
    chair, documents, vote_id = await _packet_and_draft(login, hall)
    asked_in_vote: list[int] = []
    vote_open = False
    fetch_chunk = server._handlers[RequestType.FETCH_CHUNK]

    async def counted(peer: Any, request: Any) -> Any:
        if vote_open:
            asked_in_vote.append(request.offset)
        return await fetch_chunk(peer, request)

    server._handlers[RequestType.FETCH_CHUNK] = counted
    async with _prefetching(server, hall, tmp_path, documents, seed=5) as (session, watcher,
                                                                          run):
        await chair.command(hall.meeting_id, "vote.open", {"vote_id": vote_id})
        # The vote ends the file connection (the server's cut may reach the laptop before
        # the vote's event does): the laptop's, and the server's peer of it.
        await watcher.until(lambda: session.activity.vote_open and (
            session._files is None or not session._files.alive))
        await eventually(lambda: not any(p.fetches for p in server._peers), within=PATIENT)
        # From here every piece asked comes on a connection opened during the vote: the
        # piece in flight when it opened was asked before (it raced the vote's opening).
        vote_open = True
        await session.submit("vote.cast", {"vote_id": vote_id, "choice": 0})
        await watcher.until(lambda: len(watcher.done) == 2)
        # Opened again and resumed as a file connection, while the vote is open.
        await eventually(lambda: any(p.fetches for p in server._peers), within=PATIENT)
        assert session.activity.vote_open
        await asyncio.sleep(0.5)  # room for a piece to be asked, were it to be
        vote_open = False
        await chair.command(hall.meeting_id, "vote.close", {"vote_id": vote_id})
        packet = await asyncio.wait_for(run, PATIENT)
    assert packet.complete
    assert asked_in_vote == [], "a piece was asked while the vote was open"


async def test_a_delegate_is_sent_what_changed_of_a_vote_and_its_copy_stays_exact(
        server: ChairServer, hall: Hall, login: Login) -> None:
    """A vote opens, collects ballots and closes. The secretary's console is sent the
    whole vote each time (names and all); a delegate's laptop, on the hall's shared
    link, is sent the vote once (``vote.created``) and then only what changed, without
    who else voted or chose what (before: the whole vote, ``by_member`` too, to every
    laptop at every step). Its copy, merged by the laptop's reducers, is the one a
    fresh snapshot gives it, and it shows the result and its own ballot."""
    m = hall.meeting_id
    chair, secretary = await login("chair"), await login("secretary")
    delegate, other = await login("delegate1"), await login("delegate2")
    await start_session(chair, m, hall.item_ids[0])
    for client in (chair, delegate, other):
        await client.command(m, "attendance.check_in")
    first = await delegate.subscribe(m, last_seq=0)
    followed = MeetingState(m)
    followed.apply_snapshot(first["snapshot"], first["seq"])
    await secretary.subscribe(m, last_seq=first["seq"])
    vote_id = (await chair.command(m, "vote.create", {
        "item_id": hall.item_ids[0], "matter": "resolution", "title": "Thông qua"}))["vote"]["id"]
    await chair.command(m, "vote.open", {"vote_id": vote_id})
    for client, choice in ((delegate, 0), (other, 1), (chair, 0)):
        await client.command(m, "vote.cast", {"vote_id": vote_id, "choice": choice})
    closed = await chair.command(m, "vote.close", {"vote_id": vote_id})

    seen: list[dict[str, Any]] = []
    while followed.last_seq < closed["seq"]:
        event = await delegate.next_event(PATIENT)
        seen.append(event)
        followed.apply(event)
    whole: dict[str, dict[str, Any]] = {}
    while "vote.closed" not in whole:
        event = await secretary.next_event(PATIENT)
        whole[event["event"]] = event
    sent = {e["event"]: e["payload"]["vote"] for e in seen if "vote" in e["payload"]}
    assert set(sent) == {"vote.created", "vote.opened", "vote.stopped", "vote.closed"}
    assert "by_member" in whole["vote.closed"]["payload"]["vote"]["result"]
    assert "by_member" not in sent["vote.closed"]["result"]
    for kind in ("vote.opened", "vote.stopped", "vote.closed"):
        assert set(sent[kind]) <= VOTE_CHANGING_KEYS, (kind, sorted(sent[kind]))
        assert len(encode(sent[kind])) < len(encode(whole[kind]["payload"]["vote"]))
    assert all(set(sent[k].get("voted", [])) <= {followed.my_id} for k in sent)

    fresh = MeetingState(m)
    again = await (await login("delegate1")).subscribe(m, last_seq=0)
    fresh.apply_snapshot(again["snapshot"], again["seq"])
    assert fresh.last_seq == followed.last_seq
    assert _as_a_delegate_follows(followed) == _as_a_delegate_follows(fresh)
    vote = followed.votes[vote_id]
    assert vote["title"] == "Thông qua"
    assert vote["status"] == "closed"
    assert [o["count"] for o in vote["result"]["options"]] == [2, 1, 0]
    assert followed.have_voted(vote_id)


@asynccontextmanager
async def _resumed(places: list[tuple[str, str]]) -> AsyncIterator[list[ChairClient]]:
    """A client per (url, token), resumed, closed at the end."""
    clients: list[ChairClient] = []
    try:
        for url, token in places:
            client = ChairClient(url, timeout=PATIENT)
            await client.connect()
            await client.resume(token)
            clients.append(client)
        yield clients
    finally:
        for client in clients:
            await client.close()


async def _draft_vote(chair: ChairClient, m: int, item_id: int,
                      voters: list[ChairClient]) -> int:
    """The session started, a vote drafted and the voters checked in: the vote's id."""
    await chair.command(m, "meeting.start")
    await chair.command(m, "agenda.set_current", {"item_id": item_id})
    vote_id: int = (await chair.command(m, "vote.create", {
        "matter": "resolution", "title": "Nghị quyết"}))["vote"]["id"]
    for client in voters:
        await client.command(m, "attendance.check_in")
    return vote_id


async def test_a_delegate_on_a_slow_link_gets_counts_no_more_often_than_the_gap(
        database: Database) -> None:
    """Ballots arrive one by one, each its own 50 ms run, while two delegates follow:
    one on a link that keeps up, one behind a slow link. The slow link's laptop gets the
    first count, then the rest merged no more often than the gap (here longer than the
    whole vote), sent before the next event with the final count (before: a frame for
    every run, each paid again by every laptop on the hall's link). The laptop whose
    link keeps up still gets the runs as they come: the gap is not a delay for a hall
    whose network copes (a gap for everyone put the tally a second behind)."""
    seeded = seed_hall(database, 14)
    m = seeded.meeting_id
    (_, fast_token), (_, slow_token) = seeded.delegates[:2]
    voters = seeded.delegates[2:]
    config = ServerConfig(host="127.0.0.1", port=0, progress_gap_s=10 * PATIENT)
    async with _server_with(database, config) as server, \
            ShapedLink("127.0.0.1", server.port, delay=0.05, flow_queue_bytes=500,
                       socket_buffer=1024) as link, \
            _resumed([(server.url, seeded.chair_token), (server.url, fast_token),
                      (link.url, slow_token),
                      *((server.url, t) for _, t in voters)]) as clients:
        chair, fast, slow, *hall = clients
        vote_id = await _draft_vote(chair, m, seeded.item_id, hall)
        followed = {"fast": await fast.subscribe(m, last_seq=0),
                    "slow": await slow.subscribe(m, last_seq=0)}
        # The slow link carries nothing for a while and backs up past every buffer on
        # the way (drafts of other votes the chair writes meanwhile: ~1 KB each, ~400
        # bytes deflated: titles that do not compress away).
        link.stall(PATIENT)
        for n in range(12):
            await chair.command(m, "vote.create", {
                "matter": "resolution",
                "title": f"Dự thảo {n} " + secrets.token_urlsafe(360)})
        await chair.command(m, "vote.open", {"vote_id": vote_id})
        for client in hall:  # one after another: a run each
            await client.command(m, "vote.cast", {"vote_id": vote_id, "choice": 0})
            await asyncio.sleep(0.06)  # the next ballot is the next run
        closed = await chair.command(m, "vote.close", {"vote_id": vote_id})
        link.stall(0)
        seen: dict[str, list[dict[str, Any]]] = {}
        for name, watcher in (("fast", fast), ("slow", slow)):
            seen[name] = []
            last = followed[name]["seq"]
            while last < closed["seq"]:
                seen[name].append(await watcher.next_event(PATIENT))
                last = seen[name][-1]["seq"]
    for name in ("fast", "slow"):
        frames = [e for e in seen[name] if e["event"] == PROGRESS_EVENT]
        assert frames[-1]["payload"]["votes"][0]["voted_count"] == len(voters), name
        order = [e["event"] for e in seen[name]]
        assert order.index("vote.stopped") > order.index(PROGRESS_EVENT)
    slow_frames = [e for e in seen["slow"] if e["event"] == PROGRESS_EVENT]
    fast_frames = [e for e in seen["fast"] if e["event"] == PROGRESS_EVENT]
    assert len(slow_frames) <= 2, [f["payload"] for f in slow_frames]
    assert len(fast_frames) > len(voters) // 2, [f["payload"] for f in fast_frames]


async def test_a_delegate_with_a_slow_round_trip_gets_counts_no_more_often_than_the_gap(
        database: Database) -> None:
    """A laptop behind a link with a long round trip (0.6 s) whose own bytes drain at
    once, as each of 30 laptops on one busy access point does while all of them together
    fill the air: the server's keepalive measures the round trip, and the laptop's
    counts come no more often than the gap. Before, only a backed-up connection was
    paced, so such a laptop got a frame for every 50 ms run of ballots."""
    seeded = seed_hall(database, 10)
    m = seeded.meeting_id
    (_, far_token), voters = seeded.delegates[0], seeded.delegates[1:]
    config = ServerConfig(host="127.0.0.1", port=0, progress_gap_s=10 * PATIENT,
                          ping_interval=0.2)
    async with _server_with(database, config) as server, \
            ShapedLink("127.0.0.1", server.port, delay=0.3) as link, \
            _resumed([(server.url, seeded.chair_token), (link.url, far_token),
                      *((server.url, t) for _, t in voters)]) as clients:
        chair, far, *hall = clients
        vote_id = await _draft_vote(chair, m, seeded.item_id, hall)
        followed = await far.subscribe(m, last_seq=0)
        # The keepalive has measured the link.
        await eventually(lambda: max(p.connection.latency for p in server._peers) >= 0.5,
                         within=PATIENT)
        await chair.command(m, "vote.open", {"vote_id": vote_id})
        for client in hall:  # one after another: a run each
            await client.command(m, "vote.cast", {"vote_id": vote_id, "choice": 0})
            await asyncio.sleep(0.06)  # the next ballot is the next run
        closed = await chair.command(m, "vote.close", {"vote_id": vote_id})
        seen: list[dict[str, Any]] = []
        last = followed["seq"]
        while last < closed["seq"]:
            seen.append(await far.next_event(PATIENT))
            last = seen[-1]["seq"]
    frames = [e for e in seen if e["event"] == PROGRESS_EVENT]
    assert frames[-1]["payload"]["votes"][0]["voted_count"] == len(voters)
    assert len(frames) <= 2, [f["payload"] for f in frames]


async def test_a_vote_that_opens_cuts_the_document_piece_in_flight(
        server: ChairServer, hall: Hall, login: Login, tmp_path: Path) -> None:
    """A big piece is on its way over a slow link when the chair opens a vote. The
    laptop ends its file connection at once, so the rest of the piece leaves the link
    (dropped, not carried to the end while the hall votes); after the vote the packet
    asks for that piece again, smaller (the cut piece showed the link is slower than it
    assumed), and completes (before: the piece went on taking the laptop's share of the
    link for the whole vote; then it was asked again whole, to be cut at every vote)."""
    secretary, chair = await login("secretary"), await login("chair")
    document = await _publish(secretary, hall, _padded_pdf(400_000, "cat"), "cat")
    await start_session(chair, hall.meeting_id, hall.item_ids[0])
    vote_id = (await chair.command(hall.meeting_id, "vote.create", {
        "item_id": hall.item_ids[0], "matter": "resolution", "title": "Thông qua"}))["vote"]["id"]
    asked: list[tuple[str, int, int]] = []
    fetch_chunk = server._handlers[RequestType.FETCH_CHUNK]

    async def counted(peer: Any, request: Any) -> Any:
        asked.append((request.sha256, request.offset, request.length))
        return await fetch_chunk(peer, request)

    server._handlers[RequestType.FETCH_CHUNK] = counted
    # The first piece (nothing measured yet) is most of the file: many seconds here.
    pace = Pace(first=380_000)
    link = ShapedLink("127.0.0.1", server.port, rate=20_000, delay=0.05, seed=4)
    async with link, delegate_session(link.url, tmp_path / "profile",
                                      hall.meeting_id) as (session, watcher):
        reports: list[PacketProgress] = []
        prefetcher = Prefetcher(DocumentCache(tmp_path / "cache", KEY),
                                on_progress=reports.append, pace=pace)
        run = asyncio.create_task(prefetcher.run(session, {"id": hall.meeting_id}, [document]))
        await watcher.until(lambda: bool(asked))
        flowing = link.down_pipe.bytes + 40_000  # two seconds of the piece on its way
        await watcher.until(lambda: link.down_pipe.bytes > flowing)
        await chair.command(hall.meeting_id, "vote.open", {"vote_id": vote_id})
        await watcher.until(lambda: link.dropped > 0)
        assert reports[-1].done == 0, "the piece was not cut"
        await chair.command(hall.meeting_id, "vote.close", {"vote_id": vote_id})
        packet = await asyncio.wait_for(run, PATIENT)
    assert packet.complete
    assert asked[0] == (document["sha256"], 0, 380_000)
    again = [a for a in asked[1:] if a[1] == 0]
    assert len(again) == 1, "the cut piece was asked once more, after the vote"
    assert again[0][2] < 100_000, again


async def test_a_network_change_ends_a_connection_that_died_with_the_old_network(
        server: ChairServer, hall: Hall, tmp_path: Path) -> None:
    """The laptop's Wi-Fi moves to another access point: the open connection now
    carries nothing, without a reset, while new connections pass. The session's own
    silence limit is long here; the operating system's network-change signal (which
    the window's layer passes on as ``network_changed``) makes it check the
    connection, end it when nothing answers, and come back online at once on a new
    one (before: the signal only skipped a wait while offline, and the session sat on
    the dead connection until its silence limit)."""
    link = ShapedLink("127.0.0.1", server.port, delay=0.02)
    async with link, delegate_session(link.url, tmp_path / "profile", hall.meeting_id,
                                      keepalive=0.5,
                                      silence_limit=10 * PATIENT) as (session, watcher):
        connections = link.connections
        online = len([s for s in watcher.statuses if s.state is ConnectionState.ONLINE])
        assert link.strand() == 1
        session.network_changed()
        await watcher.until(lambda: len([s for s in watcher.statuses
                                         if s.state is ConnectionState.ONLINE]) > online)
        assert link.connections == connections + 1
        await session.submit("attendance.check_in")
        await watcher.until(lambda: len(watcher.done) == 1)


async def test_the_command_link_is_deflated_and_the_file_link_is_not(
        server: ChairServer, hall: Hall, login: Login, tmp_path: Path) -> None:
    """JSON on a laptop's command connection travels deflated: a snapshot crosses the
    link in well under two thirds of its plain bytes. The reply that carries the session
    token goes plain (a secret never shares a deflate window with text others chose).
    The connection for file data offers no deflate (PDFs do not compress). Before,
    nothing was deflated: the same bytes either way."""
    await start_session(await login("chair"), hall.meeting_id, hall.item_ids[0])
    carried: dict[bool, int] = {}
    for compress in (False, True):
        async with ShapedLink("127.0.0.1", server.port, rate=10_000_000, delay=0.0) as link:
            client = ChairClient(link.url, timeout=PATIENT, compress=compress)
            await client.connect()
            try:
                seen = _frame_recorder(client) if compress else []
                await client.login("delegate1", PASSWORD)
                before = link.down_pipe.bytes
                await client.subscribe(hall.meeting_id, last_seq=0)
                carried[compress] = link.down_pipe.bytes - before
                assert client.deflated is compress
            finally:
                await client.close()
    assert carried[True] < 0.6 * carried[False], carried
    replies = [(deflated, "token" in message["result"]) for deflated, message in seen
               if message["type"] == "reply"]
    assert replies == [(False, True), (True, False)], replies
    async with delegate_session(server.url, tmp_path / "profile",
                                hall.meeting_id) as (session, _watcher):
        assert session.client is not None
        assert session.client.deflated
        assert not (await session.file_client()).deflated


def _piece_headers(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """The JSON header of each binary piece any client receives from now on, as sent."""
    headers: list[dict[str, Any]] = []
    dispatch_binary = ChairClient._dispatch_binary

    def binary(client: ChairClient, frame: bytes | bytearray | memoryview) -> None:
        length = int.from_bytes(bytes(frame[:4]), "big")
        headers.append(json.loads(bytes(frame[4:4 + length])))
        dispatch_binary(client, frame)

    monkeypatch.setattr(ChairClient, "_dispatch_binary", binary)
    return headers


async def test_the_file_connection_opens_without_a_second_welcome_and_gets_lean_pieces(
        server: ChairServer, hall: Hall, login: Login, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A laptop's file connection is opened again after every vote, over a hall's air
    shared by thirty, and its pieces are 1 KiB there: it names the welcome its session's
    connection had and is told "same" in 30 bytes instead of 190, and asks for pieces
    whose header is their id alone (20 bytes of framing each instead of 101). The packet
    still arrives whole."""
    secretary = await login("secretary")
    document = await _publish(secretary, hall, _padded_pdf(12_000, "tai-lieu"), "tai-lieu")
    heard: list[tuple[ChairClient, str]] = []
    headers = _piece_headers(monkeypatch)
    dispatch = ChairClient._dispatch

    def text(client: ChairClient, frame: str | bytes) -> None:
        if isinstance(frame, str):
            heard.append((client, json.loads(frame)["type"]))
        dispatch(client, frame)

    monkeypatch.setattr(ChairClient, "_dispatch", text)
    async with delegate_session(server.url, tmp_path / "profile",
                                hall.meeting_id) as (session, _watcher):
        assert session.client is not None
        files = await session.file_client()
        assert files.welcome == session.client.welcome
        opening = files.received_bytes  # the handshake's answer and the resume's
        welcomed = ChairClient(server.url, timeout=PATIENT, compress=False)
        await welcomed.connect()
        try:
            await welcomed.resume((await login("delegate2")).token or "", files=True)
            saved = len(encode(welcomed.welcome)) - len(encode({"type": "welcome",
                                                                "same": True}))
            assert welcomed.received_bytes - opening >= saved
        finally:
            await welcomed.close()
        cache = DocumentCache(tmp_path / "cache", KEY)
        data = await download(files, document["sha256"], int(document["size_bytes"]), cache,
                              pace=Pace(first=1024, largest=1024))
    assert hashlib.sha256(data).hexdigest() == document["sha256"]
    assert [kind for client, kind in heard if client is files] == ["reply"]  # the resume
    assert len(headers) == -(-int(document["size_bytes"]) // 1024)
    assert all(header.keys() == {"id"} for header in headers), headers[:3]


async def test_a_file_connection_takes_a_welcome_the_server_sends_anyway(
        server: ChairServer, hall: Hall, login: Login, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A laptop's file connection that lands on another server than its session's (a
    rolling upgrade; here ours, deaf to the handshake header and offering no lean pieces
    once the session is online) is greeted with that server's whole welcome: the laptop
    takes it, asks for pieces with their full header as that server offers, and the
    download goes on."""
    secretary = await login("secretary")
    document = await _publish(secretary, hall, _padded_pdf(6_000, "tai-lieu"), "tai-lieu")
    headers = _piece_headers(monkeypatch)
    welcome = ChairServer._welcome

    def older(self: ChairServer, peer: Any) -> dict[str, Any]:
        return {**welcome(self, peer), "features": [FEATURE_BINARY_FETCH]}

    async with delegate_session(server.url, tmp_path / "profile",
                                hall.meeting_id) as (session, _watcher):
        assert session.client is not None
        assert FEATURE_LEAN_FILES in session.client.welcome["features"]
        monkeypatch.setattr(socket_server, "WELCOME_KNOWN_HEADER", "Meetingroom-Unheard")
        monkeypatch.setattr(ChairServer, "_welcome", older)
        files = await session.file_client()
        assert files.welcome["features"] == [FEATURE_BINARY_FETCH]
        data = await download(files, document["sha256"], int(document["size_bytes"]),
                              DocumentCache(tmp_path / "cache", KEY),
                              pace=Pace(first=1024, largest=1024))
    assert hashlib.sha256(data).hexdigest() == document["sha256"]
    assert headers
    assert all("offset" in header["result"] for header in headers), headers[:3]


async def test_a_session_that_reconnects_names_the_welcome_it_had(
        server: ChairServer, hall: Hall, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """After an outage every laptop of the hall reconnects over the same air; each one
    names the welcome it had (its digest) and is told "same" in 30 bytes instead of 190
    (``bench.weak_link``: back online p99 was within 5 % of its 5 s target). The first
    connection names none; the session's copy of the welcome stays whole."""
    presented: list[str | None] = []
    welcome = ChairServer._welcome

    def noted(self: ChairServer, peer: Any) -> dict[str, Any]:
        presented.append(peer.connection.request.headers.get(WELCOME_KNOWN_HEADER))
        return welcome(self, peer)

    monkeypatch.setattr(ChairServer, "_welcome", noted)
    async with delegate_session(server.url, tmp_path / "profile",
                                hall.meeting_id) as (session, watcher):
        assert session.client is not None
        first = session.client.welcome
        assert presented == [None]
        for peer in list(server._peers):
            peer.connection.transport.abort()
        await watcher.until(lambda: watcher.state is not ConnectionState.ONLINE)
        await watcher.until(lambda: watcher.state is ConnectionState.ONLINE)
        assert session.client is not None
        assert session.client.welcome == first
        assert presented[1:] == [welcome_digest(first)], presented


def _frame_recorder(client: ChairClient) -> list[tuple[bool, dict[str, Any]]]:
    """(deflated or not, message) of each text frame ``client`` receives from now on:
    the RSV1 bit as the frame came, seen in websockets' own decoder."""
    seen: list[tuple[bool, dict[str, Any]]] = []
    ws = client._ws
    assert ws is not None
    assert ws.protocol.extensions
    deflate = ws.protocol.extensions[0]
    plain_decode = deflate.decode

    def decode(frame: Frame, *, max_size: int | None = None) -> Frame:
        compressed = frame.rsv1
        frame = plain_decode(frame, max_size=max_size)
        if frame.opcode is Opcode.TEXT:
            seen.append((compressed, json.loads(bytes(frame.data))))
        return frame

    deflate.decode = decode  # type: ignore[method-assign]
    return seen


@pytest.mark.parametrize("large", [False, True], ids=["small hall", "large hall"])
async def test_a_large_hall_gets_what_is_fanned_out_plain(
        database: Database, monkeypatch: pytest.MonkeyPatch, large: bool) -> None:
    """A laptop that offers deflate gets its replies deflated. What is fanned out to
    the whole meeting (a vote opening, the counts) is deflated in a meeting of a few
    hundred, and goes as one plain frame, framed once for everyone, in a larger one
    whose links keep up (a deflate per laptop and frame is what a hall of a thousand
    cannot afford); so does the answer to a command there, a ballot's. Either way the
    laptop reads the same counts."""
    if large:  # every meeting counts as large: the threshold is what is tested
        monkeypatch.setattr(channel, "DEFLATE_ALL_UP_TO", 0)
    seeded = seed_hall(database, 6)
    m = seeded.meeting_id
    async with _server_with(database, ServerConfig(host="127.0.0.1", port=0)) as server, \
            _resumed([(server.url, t) for t in
                      [seeded.chair_token, *(t for _, t in seeded.delegates)]]) as clients:
        chair, follower, *voters = clients
        vote_id = await _draft_vote(chair, m, seeded.item_id, voters)
        for client in voters:
            await client.subscribe(m, last_seq=0)
        seen = _frame_recorder(follower)
        cast_seen = _frame_recorder(voters[0])
        subscribed = await follower.subscribe(m, last_seq=0)
        await chair.command(m, "vote.open", {"vote_id": vote_id})
        for client in voters:
            await client.command(m, "vote.cast", {"vote_id": vote_id, "choice": 0})
        closed = await chair.command(m, "vote.close", {"vote_id": vote_id})
        last = subscribed["seq"]
        while last < closed["seq"]:
            last = (await follower.next_event(PATIENT))["seq"]
    replies = [deflated for deflated, message in seen if message["type"] == "reply"]
    fanned = {message.get("event"): deflated for deflated, message in seen
              if message["type"] == "event"}
    counts = [message for _, message in seen if message.get("event") == PROGRESS_EVENT]
    assert replies == [True]
    assert [deflated for deflated, message in cast_seen
            if message["type"] == "reply"] == [not large]
    assert set(fanned) >= {"vote.opened", PROGRESS_EVENT, "vote.closed"}, fanned
    assert set(fanned.values()) == {not large}, fanned
    assert counts[-1]["payload"]["votes"][0]["voted_count"] == len(voters)


async def test_an_upload_goes_plain_on_a_deflated_connection(
        server: ChairServer, hall: Hall, login: Login) -> None:
    """A secretary's connection is deflated like any laptop's, but the pieces of an
    upload (a PDF's bytes, which do not compress) go plain: deflating them cost the
    laptop a second of its network thread for every 5 MB and gained nothing. The other
    requests stay deflated, and the file arrives whole."""
    secretary = await login("secretary")
    ws = secretary._ws
    assert ws is not None
    deflate = ws.protocol.extensions[0]
    deflated_encode = deflate.encode
    deflated: list[str] = []

    def encode(frame: Frame) -> Frame:
        if frame.opcode is Opcode.TEXT:
            deflated.append(json.loads(bytes(frame.data))["type"])
        return deflated_encode(frame)

    deflate.encode = encode  # type: ignore[method-assign]
    data = _padded_pdf(300_000, "plain")
    sha = await upload(secretary, data, "plain.pdf")
    assert sha == hashlib.sha256(data).hexdigest()
    assert "upload_status" in deflated
    assert "upload_chunk" not in deflated, deflated


async def _followed_draft(login: Login, hall: Hall) -> tuple[ChairClient, ChairClient, int]:
    """The chair and delegate1 logged in, the session started and a vote drafted, the
    delegate checked in and following the meeting: the two clients and the vote's id."""
    chair, delegate = await login("chair"), await login("delegate1")
    m = hall.meeting_id
    await start_session(chair, m, hall.item_ids[0])
    vote_id: int = (await chair.command(m, "vote.create", {
        "item_id": hall.item_ids[0], "matter": "resolution", "title": "Thông qua"}))["vote"]["id"]
    await delegate.command(m, "attendance.check_in")
    await delegate.subscribe(m, last_seq=0)
    return chair, delegate, vote_id


async def test_a_piece_asked_for_before_the_laptop_heard_of_the_vote_waits_for_its_end(
        server: ChairServer, hall: Hall, login: Login) -> None:
    """A delegate follows the meeting on one connection and asks for a document piece on
    its file connection while a vote is open, as a laptop does that has not yet heard of
    the vote: the server holds the piece until the vote closes, while the delegate's
    ballot and the chair's own piece are answered. Before, the piece went out at once,
    taking the laptop's share of the hall's link from the ballots."""
    document = await _publish(await login("secretary"), hall, _padded_pdf(50_000, "giu"), "giu")
    m = hall.meeting_id
    chair, delegate, vote_id = await _followed_draft(login, hall)
    files = ChairClient(server.url, timeout=PATIENT, compress=False)
    await files.connect()
    try:
        await files.resume(delegate.token)
        await chair.command(m, "vote.open", {"vote_id": vote_id})
        held = asyncio.create_task(fetch_piece(files, document["sha256"], 0, 4096))
        await eventually(lambda: files.waiting == 1 or held.done(), within=PATIENT)
        await delegate.command(m, "vote.cast", {"vote_id": vote_id, "choice": 0})
        chairs, _size = await fetch_piece(chair, document["sha256"], 0, 4096)
        assert len(chairs) == 4096
        assert not held.done(), "the delegate's piece went out during the vote"
        await chair.command(m, "vote.close", {"vote_id": vote_id})
        data, _size = await asyncio.wait_for(held, PATIENT)
        assert bytes(data) == bytes(chairs)
    finally:
        await files.close()


def _measured(server: ChairServer, meeting_id: int) -> bool:
    """Whether every delegate following the meeting has a round trip measured, and short."""
    followers = [s for s in server._channels[meeting_id].subscribers if s.progress]
    return bool(followers) and all(0 < s.connection.latency < subscriber.SLOW_LATENCY_S
                                   for s in followers)


async def _document_and_draft(login: Login, hall: Hall, size: int,
                              title: str) -> tuple[ChairClient, dict[str, Any], int]:
    """A published document of about ``size`` bytes, the session started, a draft vote:
    the chair, the document and the vote's id."""
    secretary, chair = await login("secretary"), await login("chair")
    document = await _publish(secretary, hall, _padded_pdf(size, title), title)
    await start_session(chair, hall.meeting_id, hall.item_ids[0])
    vote_id = (await chair.command(hall.meeting_id, "vote.create", {
        "item_id": hall.item_ids[0], "matter": "resolution", "title": "Thông qua"}))["vote"]["id"]
    return chair, document, int(vote_id)


async def test_a_vote_that_opens_ends_a_slow_laptops_file_connection_on_the_server(
        server: ChairServer, hall: Hall, login: Login, tmp_path: Path) -> None:
    """A big piece is on its way over a slow link (a round trip of ~0.4 s, not measured
    yet by the server's keepalive, which counts as slow) when the chair
    opens a vote, and the link stalls so the laptop cannot hear of the vote. The server
    ends the laptop's file connection itself, at once, so what the piece still had in
    the server's socket goes nowhere, not ahead of the vote's events and ballots; the
    session stays online,
    the ballot is answered, and the packet completes after the vote (before: only the
    laptop cut the piece, once the vote's event had come through that same queue)."""
    chair, document, vote_id = await _document_and_draft(login, hall, 400_000, "cat")
    m = hall.meeting_id
    link = ShapedLink("127.0.0.1", server.port, rate=20_000, delay=0.2, seed=5)
    async with link, delegate_session(link.url, tmp_path / "profile", m) as (session, watcher):
        await session.submit("attendance.check_in")
        await watcher.until(lambda: len(watcher.done) == 1)
        reports: list[PacketProgress] = []
        prefetcher = Prefetcher(DocumentCache(tmp_path / "cache", KEY),
                                on_progress=reports.append, pace=Pace(first=380_000))
        run = asyncio.create_task(prefetcher.run(session, {"id": m}, [document]))
        await eventually(lambda: any(p.fetches for p in server._peers), within=PATIENT)
        flowing = link.down_pipe.bytes + 40_000  # two seconds of the piece on its way
        await watcher.until(lambda: link.down_pipe.bytes > flowing)
        offline_before = sum(s.state is ConnectionState.OFFLINE for s in watcher.statuses)
        link.stall(PATIENT)
        await chair.command(m, "vote.open", {"vote_id": vote_id})
        await eventually(lambda: not any(p.fetches for p in server._peers), within=PATIENT)
        assert watcher.state is ConnectionState.ONLINE, "it ended with the session, not cut"
        assert not session.activity.vote_open, "the laptop heard of the vote: not the test"
        assert reports[-1].done == 0, "the piece arrived whole"
        link.stall(0.01)  # the link is back
        await watcher.until(lambda: session.activity.vote_open)
        await session.submit("vote.cast", {"vote_id": vote_id, "choice": 0})
        await watcher.until(lambda: len(watcher.done) == 2)
        await chair.command(m, "vote.close", {"vote_id": vote_id})
        packet = await asyncio.wait_for(run, PATIENT)
        assert sum(s.state is ConnectionState.OFFLINE for s in watcher.statuses) \
            == offline_before, "the session went offline with its file connection"
    assert packet.complete


async def test_a_cut_piece_keeps_what_had_arrived_and_the_rest_is_asked_after_the_vote(
        server: ChairServer, hall: Hall, login: Login, tmp_path: Path) -> None:
    """A piece small enough for a slow link comes in fragments. When a vote cuts it
    (the server ends the file connection while the link stalls), the laptop keeps the
    fragments that had arrived, sealed in its cache like any piece, and after the vote
    asks only for the rest of the file, from where the cut piece stopped (before: every
    byte of a cut piece was lost, half a piece at every vote on average)."""
    chair, document, vote_id = await _document_and_draft(login, hall, 150_000, "cut")
    m = hall.meeting_id
    asked: list[tuple[int, int]] = []
    fetch_chunk = server._handlers[RequestType.FETCH_CHUNK]

    async def counted(peer: Any, request: Any) -> Any:
        asked.append((request.offset, request.length))
        return await fetch_chunk(peer, request)

    server._handlers[RequestType.FETCH_CHUNK] = counted
    link = ShapedLink("127.0.0.1", server.port, rate=20_000, delay=0.2, seed=6)
    async with link, delegate_session(link.url, tmp_path / "profile", m) as (session, watcher):
        await session.submit("attendance.check_in")
        await watcher.until(lambda: len(watcher.done) == 1)
        reports: list[PacketProgress] = []
        cache = DocumentCache(tmp_path / "cache", KEY)
        prefetcher = Prefetcher(cache, on_progress=reports.append,
                                pace=Pace(first=document["size_bytes"]))
        run = asyncio.create_task(prefetcher.run(session, {"id": m}, [document]))
        await eventually(lambda: bool(asked), within=PATIENT)
        flowing = link.down_pipe.bytes + 40_000  # two seconds of the piece on its way
        await watcher.until(lambda: link.down_pipe.bytes > flowing)
        link.stall(PATIENT)
        await chair.command(m, "vote.open", {"vote_id": vote_id})
        await eventually(lambda: not any(p.fetches for p in server._peers), within=PATIENT)
        link.stall(0.01)  # the link is back: the laptop learns its file connection ended
        await watcher.until(lambda: bool(reports) and reports[-1].done > 0)
        kept = reports[-1].done
        assert 0 < kept < document["size_bytes"], kept
        assert cache.pieces(document["sha256"]) == {0: kept}, "kept as a piece of the file"
        await watcher.until(lambda: session.activity.vote_open)
        await chair.command(m, "vote.close", {"vote_id": vote_id})
        packet = await asyncio.wait_for(run, PATIENT)
    assert packet.complete
    assert cache.read(document["sha256"]) is not None
    assert asked[0] == (0, document["size_bytes"])
    assert asked[1][0] == kept, "the rest was asked for, from where the cut piece stopped"
    assert all(offset != 0 for offset, _ in asked[1:])


@pytest.mark.parametrize("server_config", [
    ServerConfig(host="127.0.0.1", port=0, ping_interval=0.05)])
async def test_a_laptop_on_a_quick_link_keeps_its_file_connection_when_a_vote_opens(
        server: ChairServer, hall: Hall, login: Login) -> None:
    """On the hall's LAN a piece crosses in a moment: the vote takes nothing from a
    laptop whose round trip is measured short, and its file connection stays open."""
    document = await _publish(await login("secretary"), hall, _padded_pdf(50_000, "lan"), "lan")
    m = hall.meeting_id
    chair, delegate, vote_id = await _followed_draft(login, hall)
    files = ChairClient(server.url, timeout=PATIENT, compress=False)
    await files.connect()
    try:
        await files.resume(delegate.token, files=True)
        await fetch_piece(files, document["sha256"], 0, 4096)
        await eventually(lambda: _measured(server, m), within=PATIENT)
        await chair.command(m, "vote.open", {"vote_id": vote_id})
        while (await delegate.next_event(PATIENT))["event"] != "vote.opened":
            pass
        await files.request("ping")
        assert files.alive
    finally:
        await files.close()


async def test_a_file_connection_opened_during_a_vote_is_answered_after_it(
        server: ChairServer, hall: Hall, login: Login) -> None:
    """A laptop that has not yet heard of the open vote opens its file connection: the
    server answers its resume only once the vote has closed (its first piece would
    follow at once), while the delegate's ballot is answered meanwhile."""
    m = hall.meeting_id
    chair, delegate, vote_id = await _followed_draft(login, hall)
    await chair.command(m, "vote.open", {"vote_id": vote_id})
    files = ChairClient(server.url, timeout=PATIENT, compress=False)
    await files.connect()
    try:
        resumed = asyncio.create_task(files.resume(delegate.token, files=True))
        await eventually(lambda: any(p.fetches for p in server._peers), within=PATIENT)
        await delegate.command(m, "vote.cast", {"vote_id": vote_id, "choice": 0})
        assert not resumed.done(), "the file connection was answered during the vote"
        await chair.command(m, "vote.close", {"vote_id": vote_id})
        result = await asyncio.wait_for(resumed, PATIENT)
        # A file connection's answer names the user by id only (it is opened again
        # after every vote, over the hall's shared air).
        assert delegate.user is not None
        assert result["user"] == {"id": delegate.user["id"]}
    finally:
        await files.close()
