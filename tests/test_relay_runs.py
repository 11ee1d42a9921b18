"""A relay's mirror gets each run of ballots and check-ins as one ``run`` message and keeps
it whole (docs/protocol.md §5.5): one row in its log, its events read only when a laptop
needs them one by one. Real province, real relay, real clients; nothing timed."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from meetingroom.core.protocol import PROGRESS_EVENT
from meetingroom.sync.client.chair_client import ChairClient
from meetingroom.sync.relay.hall_relay import RelayServer
from tests.helpers.session_helpers import start_session, until
from tests.test_relay import Province, _client, _relay, province

__all__ = ["province"]


async def _counted(client: ChairClient, vote_id: int, voted: int) -> dict[str, Any]:
    """The next ``progress`` frame that counts ``voted`` ballots in the vote."""
    while True:
        event = await until(client, PROGRESS_EVENT)
        for vote in event["payload"]["votes"]:
            if vote["vote_id"] == vote_id and vote["voted_count"] == voted:
                return event


async def _open_vote(chair: ChairClient, meeting: int) -> int:
    created = await chair.command(meeting, "vote.create", {
        "matter": "resolution", "title": "Thông qua Nghị quyết dự toán ngân sách 2027"})
    vote_id = int(created["vote"]["id"])
    await chair.command(meeting, "vote.open", {"vote_id": vote_id})
    return vote_id


@dataclass
class HallA:
    """Hall A's relay on the province, a session started by the chair, and the clients
    opened here (closed with the relay)."""

    province: Province
    relay: RelayServer
    chair: ChairClient
    clients: list[ChairClient] = field(default_factory=list)

    async def at_relay(self, username: str) -> ChairClient:
        return await self._join(self.relay.url, username)

    async def at_province(self, username: str) -> ChairClient:
        return await self._join(self.province.server.url, username)

    async def _join(self, url: str, username: str) -> ChairClient:
        client = await _client(url, username)
        self.clients.append(client)
        return client


@pytest.fixture
async def hall_a(province: Province, tmp_path: Path) -> AsyncIterator[HallA]:
    meeting = province.hall.meeting_id
    relay = await _relay(province.server.url, meeting, "relay-a", "Xã An Bình", tmp_path / "a")
    chair = await _client(province.server.url, "chair")
    hall = HallA(province, relay, chair, [chair])
    try:
        await start_session(chair, meeting, province.hall.item_ids[1])
        yield hall
    finally:
        for client in hall.clients:
            await client.close()
        await relay.stop()


async def test_a_relayed_run_is_one_row_and_the_hall_gets_its_counts_and_its_own_ballots(
        hall_a: HallA, tmp_path: Path) -> None:
    hall, meeting = hall_a.province.hall, hall_a.province.hall.meeting_id
    relay, chair = hall_a.relay, hall_a.chair
    here = [await hall_a.at_relay(n) for n in hall.delegates[:2]]
    away = [await hall_a.at_province(n) for n in hall.delegates[2:]]
    for client in here:
        assert (await client.subscribe(meeting))["relay"]["state"] == "up"
    for client in (*here, *away):
        await client.command(meeting, "attendance.check_in")
    vote_id = await _open_vote(chair, meeting)
    opened = await until(here[0], "vote.opened")

    # Ballots cast in other halls: runs none of this hall's laptops is in.
    for client in away:
        await client.command(meeting, "vote.cast", {"vote_id": vote_id, "choice": 0})
    await _counted(here[1], vote_id, len(away))
    # A ballot cast here: its voter gets it whole, the other laptop the count.
    mine = await here[0].command(meeting, "vote.cast", {"vote_id": vote_id, "choice": 1})
    own = await until(here[0], "vote.ballot_cast")
    assert own["payload"]["member_user_id"] == mine["member_user_id"]
    assert own["payload"]["voted_count"] == len(away) + 1
    counted = await _counted(here[1], vote_id, len(away) + 1)

    # The relay's log: the runs as rows, the same events when read back.
    disk = sqlite3.connect(tmp_path / "a" / "relay.sqlite3")
    try:
        rows = disk.execute("SELECT from_seq, seq FROM runs ORDER BY seq").fetchall()
    finally:
        disk.close()
    assert rows, "the runs were kept whole"
    logged = await relay.store.call(relay.store.db.events_after, meeting, opened["seq"])
    assert [e.seq for e in logged] == list(range(opened["seq"] + 1, counted["seq"] + 1))
    ballots = [e for e in logged if e.type == "vote.ballot_cast"]
    assert len(ballots) == len(away) + 1
    assert ballots[-1].payload["member_user_id"] == mine["member_user_id"]

    # A laptop that comes back from before the vote is replayed the same counts.
    again = await hall_a.at_relay(hall.delegates[1])
    sub = await again.subscribe(meeting, last_seq=opened["seq"])
    assert sub["mode"] == "replay"
    replayed = await _counted(again, vote_id, len(away) + 1)
    assert replayed["seq"] == counted["seq"]


async def test_a_laptop_that_asks_for_every_event_gets_each_ballot_of_a_relayed_run(
        hall_a: HallA) -> None:
    hall, meeting = hall_a.province.hall, hall_a.province.hall.meeting_id
    watcher = await hall_a.at_relay("guest")  # an observer's console: names too
    voters = [await hall_a.at_province(n) for n in hall.delegates]
    await watcher.subscribe(meeting, every_event=True)
    for client in voters:
        await client.command(meeting, "attendance.check_in")
    vote_id = await _open_vote(hall_a.chair, meeting)
    cast = [await c.command(meeting, "vote.cast", {"vote_id": vote_id, "choice": 0})
            for c in voters]
    seen = [await until(watcher, "vote.ballot_cast") for _ in voters]
    assert [e["payload"]["member_user_id"] for e in seen] == [
        c["member_user_id"] for c in cast]
    seqs = [e["seq"] for e in seen]
    assert seqs == sorted(seqs)
    assert seen[-1]["payload"]["voted_count"] == len(voters)
