"""Events sized for fan-out: a delegate's bytes per vote do not grow with the hall.

Real server, real database, clients on real sockets. The frames are counted on the
wire (a raw websocket beside the real client), never timed: the run of ballots is
flushed at most every ``progress_interval_s``, and before any other event, so with a
long interval the number of frames a delegate receives for a whole vote is fixed.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from websockets.asyncio.client import ClientConnection, connect
from websockets.frames import Frame, Opcode

from bench._common import SeededHall, seed_hall
from meetingroom.laptop.meeting_store import MeetingState
from meetingroom.server.storage.database import Database
from meetingroom.sync.client.chair_client import ChairClient
from meetingroom.sync.serving.endpoint import ChairServer, ServerConfig
from meetingroom.sync.serving.writing import plain_frame

VOTERS = 30


@pytest.fixture
def server_config() -> ServerConfig:
    # An hour: a run is flushed only when a quiet period starts and before any other
    # event, so the frame counts below do not depend on how fast the machine is.
    return ServerConfig(host="127.0.0.1", port=0, progress_interval_s=3600.0)


@pytest.fixture
def seeded(database: Database) -> SeededHall:
    return seed_hall(database, VOTERS + 1)


@dataclass
class Wire:
    """A raw connection that keeps every frame the server sends, as it came."""

    ws: ClientConnection
    frames: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    replies: dict[str, dict[str, Any]] = field(default_factory=dict)
    arrived: asyncio.Event = field(default_factory=asyncio.Event)

    async def read(self) -> None:
        async for frame in self.ws:
            message = json.loads(frame)
            self.frames.append((len(frame.encode() if isinstance(frame, str) else frame),
                                message))
            if message.get("type") in ("reply", "error"):
                self.replies[message["id"]] = message
            self.arrived.set()

    async def ask(self, request_id: str, **fields: Any) -> dict[str, Any]:
        await self.ws.send(json.dumps({"id": request_id, **fields}))
        reply: dict[str, Any] = await self.until(lambda: self.replies.get(request_id))
        return reply

    async def until(self, found: Any, wait: float = 60) -> Any:
        async with asyncio.timeout(wait):
            while not (value := found()):
                self.arrived.clear()
                await self.arrived.wait()
            return value

    def events(self) -> list[tuple[int, dict[str, Any]]]:
        """Event frames (``event`` or a batch of ``events``) with their sizes."""
        return [(size, m) for size, m in self.frames if m.get("type") in ("event", "events")]

    def seen(self) -> list[dict[str, Any]]:
        """Every event message, batches opened."""
        out: list[dict[str, Any]] = []
        for _, m in self.events():
            out += m["events"] if m["type"] == "events" else [m]
        return out


@pytest.fixture
async def wire(server: ChairServer) -> AsyncIterator[Any]:
    opened: list[tuple[Wire, asyncio.Task[None]]] = []

    async def open_as(token: str, meeting_id: int) -> Wire:
        ws = await connect(server.url, compression=None, max_size=16 * 1024 * 1024)
        await ws.recv()  # the welcome
        link = Wire(ws)
        opened.append((link, asyncio.create_task(link.read())))
        await link.ask("r1", type="resume", token=token)
        await link.ask("r2", type="subscribe", meeting_id=meeting_id, last_seq=0)
        return link

    yield open_as
    for link, task in opened:
        task.cancel()
        await link.ws.close()


async def _clients(server: ChairServer, tokens: list[str]) -> list[ChairClient]:
    async def one(token: str) -> ChairClient:
        client = ChairClient(server.url, timeout=60)
        await client.connect()
        await client.resume(token)
        return client
    return list(await asyncio.gather(*(one(t) for t in tokens)))


async def test_a_delegate_gets_a_fixed_number_of_frames_for_a_whole_vote(
        server: ChairServer, seeded: SeededHall, wire: Any) -> None:
    m = seeded.meeting_id
    (_, watcher_token), voters = seeded.delegates[0], seeded.delegates[1:]
    delegate = await wire(watcher_token, m)
    names = await wire(seeded.secretary_token, m)  # a role that needs the names
    chair, *clients = await _clients(server, [seeded.chair_token, *(t for _, t in voters)])
    try:
        await chair.command(m, "meeting.start")
        current = await chair.command(m, "agenda.set_current", {"item_id": seeded.item_id})
        await asyncio.gather(*(c.command(m, "attendance.check_in") for c in clients))
        created = await chair.command(m, "vote.create", {"matter": "resolution",
                                                         "title": "Nghị quyết"})
        vote_id = created["vote"]["id"]
        await chair.command(m, "vote.open", {"vote_id": vote_id})
        replies = await asyncio.gather(*(c.command(m, "vote.cast", {
            "vote_id": vote_id, "choice": n % 3}) for n, c in enumerate(clients)))
        assert all(r["accepted"] for r in replies)  # each ballot confirmed by its reply
        await chair.command(m, "vote.close", {"vote_id": vote_id})

        def kinds(link: Wire) -> list[str]:
            return [e["event"] for e in link.seen()]
        await delegate.until(lambda: "vote.closed" in kinds(delegate))
        await names.until(lambda: "vote.closed" in kinds(names))
    finally:
        for client in [chair, *clients]:
            await client.close()

    # The delegate: check-ins and ballots folded, at most two frames for each run (the
    # first of a quiet period, then the rest before the next other event).
    in_vote = [(size, e) for size, e in delegate.events()
               if e.get("event") in ("progress", "vote.ballot_cast")
               and int(e["seq"]) > int(created["seq"])]
    assert [e["event"] for _, e in in_vote] == ["progress"] * len(in_vote)
    assert 1 <= len(in_vote) <= 2, [e["payload"] for _, e in in_vote]
    last = in_vote[-1][1]["payload"]["votes"][0]
    assert last == {"vote_id": vote_id, "voted_count": VOTERS, "tally": last["tally"]}
    check_ins = [e for _, e in delegate.events()
                 if int(current["seq"]) < int(e.get("seq", 0)) < int(created["seq"])]
    folded = [e for e in check_ins if e["event"] == "progress"]
    assert 1 <= len(folded) <= 2
    assert len(check_ins) == len(folded)
    assert folded[-1]["payload"]["attendance"]["counts"]["present"] == VOTERS
    assert sum(size for size, _ in in_vote) < 2 * 400  # fixed size, whatever the hall

    # The secretary: every voter's name, in batches, and every check-in.
    seen = names.seen()
    cast = {e["payload"]["member_user_id"] for e in seen if e["event"] == "vote.ballot_cast"}
    arrived = {e["payload"]["participant"]["user_id"] for e in seen
               if e["event"] == "attendance.changed"}
    assert len(cast) == VOTERS
    assert cast == arrived
    batches = [m for _, m in names.events() if m["type"] == "events"]
    assert batches
    assert len(batches) <= 4
    seqs = [int(e["seq"]) for e in seen]
    assert seqs == list(range(seqs[0], seqs[0] + len(seqs)))  # every event, once, in order


async def test_a_delegate_resyncs_by_sequence_to_the_exact_counts(
        server: ChairServer, seeded: SeededHall) -> None:
    m = seeded.meeting_id
    (_, watcher_token), voters = seeded.delegates[0], seeded.delegates[1:11]
    chair, watcher, *clients = await _clients(
        server, [seeded.chair_token, watcher_token, *(t for _, t in voters)])
    try:
        await chair.command(m, "meeting.start")
        first = await watcher.subscribe(m, last_seq=0)
        followed = MeetingState(m)
        followed.apply_snapshot(first["snapshot"], first["seq"])
        await watcher.close()  # away while the hall checks in and votes
        for client in clients:
            await client.command(m, "attendance.check_in")
        vote = (await chair.command(m, "vote.create", {
            "matter": "resolution", "title": "Nghị quyết", "item_id": seeded.item_id}))["vote"]
        await chair.command(m, "vote.open", {"vote_id": vote["id"]})
        for n, client in enumerate(clients):
            await client.command(m, "vote.cast", {"vote_id": vote["id"], "choice": n % 2})
        last = await clients[0].command(m, "attendance.check_out")

        watcher = ChairClient(server.url, timeout=60)
        await watcher.connect()
        await watcher.resume(watcher_token)
        again = await watcher.subscribe(m, last_seq=first["seq"])
        assert again["mode"] == "replay"
        frames = []
        while followed.last_seq < last["seq"]:
            event = await watcher.next_event(60)
            frames.append(event["event"])
            followed.apply(event)
        # 10 check-ins, the vote, 10 ballots and a check-out: folded into a few frames.
        assert frames.count("progress") <= 3
        assert "vote.ballot_cast" not in frames
        fresh = MeetingState(m)
        snap = await watcher.subscribe(m, last_seq=0)
        fresh.apply_snapshot(snap["snapshot"], snap["seq"])
        assert followed.last_seq == fresh.last_seq
        assert followed.attendance_summary == fresh.attendance_summary
        for key in ("voted_count", "tally", "status"):
            assert followed.votes[vote["id"]][key] == fresh.votes[vote["id"]][key], key
        assert followed.votes[vote["id"]]["voted_count"] == 10
    finally:
        for client in [chair, watcher, *clients]:
            await client.close()


async def test_a_hall_subscribing_at_one_seq_shares_the_snapshot_each_with_its_own_you(
        seeded: SeededHall, wire: Any) -> None:
    # The shared part of a snapshot is encoded once per seq and role, and each
    # subscriber's own part is put in beside it: the replies must still say who is who.
    m = seeded.meeting_id
    (name_a, token_a), (name_b, token_b) = seeded.delegates[:2]
    first, second = await wire(token_a, m), await wire(token_b, m)
    secretary = await wire(seeded.secretary_token, m)
    a, b, s = (link.replies["r2"]["result"] for link in (first, second, secretary))
    assert a["seq"] == b["seq"] == s["seq"]
    assert a["snapshot"]["you"]["username"] == name_a
    assert b["snapshot"]["you"]["username"] == name_b
    assert a["snapshot"]["you"]["role"] == b["snapshot"]["you"]["role"] == "delegate"
    assert s["snapshot"]["you"]["role"] == "secretary"
    assert "rooms" in s["snapshot"]
    assert "rooms" not in a["snapshot"]

    def shared(result: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in result["snapshot"].items() if k != "you"}
    assert shared(a) == shared(b)
    assert len(shared(a)["participants"]) == VOTERS + 3  # the chair, the secretary, the hall


def test_a_counted_vote_event_worked_out_once_is_each_laptops_own_cut() -> None:
    """The hall's vote event is cut once per role, each laptop's own place put in:
    every frame is what ``views.counted_payload`` makes for that laptop alone, and the
    laptops with no place share one encoding."""
    from meetingroom.core.protocol import event_message
    from meetingroom.server.service import WireEvent
    from meetingroom.server.views import counted_payload, visible_payload
    from meetingroom.sync.serving.channel import _CountedFrames
    from meetingroom.sync.serving.subscriber import Subscriber

    vote = {"id": 7, "status": "open", "title": "Nghị quyết", "voted": [3, 5],
            "eligible": [2, 3, 4, 5], "voted_count": 2, "tally": {"options": [1, 1, 0]},
            "result": {"by_member": {"3": 0, "5": 1}, "options": [1, 1, 0]}}
    # A title that spells the text's own mark, and a vote with no list of who may vote:
    # both still get each laptop's exact cut (the second the slow way).
    marked = {**vote, "title": '\x00mine\x00 "voted":"\x00mine\x00"'}
    unlisted = {k: v for k, v in vote.items() if k != "eligible"}
    for kind, shown in [(kind, v) for kind in ("vote.created", "vote.opened", "vote.closed")
                        for v in (vote, marked, unlisted)]:
        event = WireEvent(1, 40, kind, {"vote": shown}, "2026-12-06T07:00:00+00:00")
        counted = _CountedFrames(event)
        frames = {}
        for uid in (2, 3, 4, 5, 9):
            sub = Subscriber(None, 1, user_id=uid)  # type: ignore[arg-type]
            sub.role, sub.progress = "delegate", True
            frames[uid] = counted.frame(sub)
            want = counted_payload(kind, visible_payload(kind, event.payload, "delegate"), uid)
            assert json.loads(frames[uid]) == json.loads(json.dumps(
                event_message(1, 40, kind, want, event.at))), (kind, uid)
            assert "by_member" not in frames[uid]
        assert frames[9] is counted.frame(Subscriber(None, 1, user_id=11,  # type: ignore[arg-type]
                                                     role="delegate", progress=True))


def test_one_backlog_does_not_make_a_link_slow_a_lasting_one_does() -> None:
    """A large reply (the meeting's snapshot: 240 kB at a thousand seats) fills any
    socket for a moment: found once, the link is busy, not slow. Found at every look
    for ``BACKLOG_S``, it is slow: its counts are paced and deflated from then on.
    Before, one look marked a LAN laptop slow for five minutes."""
    from meetingroom.sync.serving.subscriber import BACKLOG_S, Subscriber

    sub = Subscriber(None, 1)  # type: ignore[arg-type]
    t, backlog = 1000.0, BACKLOG_S
    assert sub.note_backlog(240_000, t)  # busy: no count goes until it drains
    assert sub.note_backlog(0, t + 0.1) is False
    assert sub.backed_up_at == float("-inf")
    assert sub.note_backlog(300, t + 0.2)
    assert sub.note_backlog(300, t + 0.2 + backlog / 2)
    assert sub.backed_up_at == float("-inf")  # not yet: it may still drain
    assert sub.note_backlog(300, t + 0.2 + backlog)
    assert sub.backed_up_at == t + 0.2 + backlog
    assert sub.note_backlog(0, t + 1.0) is False
    assert sub.backed_up_at == t + 0.2 + backlog  # slow lately, for SLOW_FOR_S


def test_the_runs_of_a_very_large_hall_are_flushed_less_often() -> None:
    """Up to a thousand laptops a run is flushed every 50 ms; beyond, the interval grows
    with the hall, so the server writes at most ``HALL_FRAMES_PER_S`` count frames a
    second (2000 laptops every 50 ms took check-in of all from 3 s to 9-17 s)."""
    from meetingroom.sync.serving.channel import HALL_FRAMES_PER_S, Channel
    from meetingroom.sync.serving.subscriber import Subscriber

    channel = Channel(1, on_lost=lambda _sub: None)
    for n in range(1, 2001):
        channel.subscribers.add(Subscriber(None, 1, user_id=n))  # type: ignore[arg-type]
        if n == 1000:
            assert channel.run_interval() == pytest.approx(0.05)
    assert channel.run_interval() == pytest.approx(2000 / HALL_FRAMES_PER_S) == 0.1


@pytest.mark.parametrize("size", [0, 1, 125, 126, 65_535, 65_536, 200_000])
def test_a_plain_frame_is_the_frame_websockets_builds(size: int) -> None:
    """The fan-out frames a laptop's own text by hand; a real client reads it only if
    it is byte for byte what websockets' own framing makes, at each length's edge."""
    data = ("đ" * size).encode()[:size]
    assert plain_frame(data) == Frame(Opcode.TEXT, data).serialize(mask=False)
