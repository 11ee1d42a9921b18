"""A relay's mirror gets each run of ballots and check-ins as one ``run`` message and keeps
it whole (docs/protocol.md §5.5): one row in its log, its events read only when a laptop
needs them one by one. Real province, real relay, real clients; nothing timed."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from meetingroom.core.protocol import PROGRESS_EVENT
from meetingroom.sync.client.chair_client import ChairClient
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


async def test_a_relayed_run_is_one_row_and_the_hall_gets_its_counts_and_its_own_ballots(
        province: Province, tmp_path: Path) -> None:
    hall, meeting = province.hall, province.hall.meeting_id
    relay = await _relay(province.server.url, meeting, "relay-a", "Xã An Bình", tmp_path / "a")
    clients: list[ChairClient] = []
    try:
        chair = await _client(province.server.url, "chair")
        here = [await _client(relay.url, n) for n in hall.delegates[:2]]
        away = [await _client(province.server.url, n) for n in hall.delegates[2:]]
        clients += [chair, *here, *away]
        await start_session(chair, meeting, hall.item_ids[1])
        for client in here:
            assert (await client.subscribe(meeting))["relay"]["state"] == "up"
        for client in (*here, *away):
            await client.command(meeting, "attendance.check_in")
        created = await chair.command(meeting, "vote.create", {
            "matter": "resolution", "title": "Thông qua Nghị quyết dự toán ngân sách 2027"})
        vote_id = created["vote"]["id"]
        await chair.command(meeting, "vote.open", {"vote_id": vote_id})
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
        again = await _client(relay.url, hall.delegates[1])
        clients.append(again)
        sub = await again.subscribe(meeting, last_seq=opened["seq"])
        assert sub["mode"] == "replay"
        replayed = await _counted(again, vote_id, len(away) + 1)
        assert replayed["seq"] == counted["seq"]
    finally:
        for opened_client in clients:
            await opened_client.close()
        await relay.stop()


async def test_a_laptop_that_asks_for_every_event_gets_each_ballot_of_a_relayed_run(
        province: Province, tmp_path: Path) -> None:
    hall, meeting = province.hall, province.hall.meeting_id
    relay = await _relay(province.server.url, meeting, "relay-a", "Xã An Bình", tmp_path / "a")
    clients: list[ChairClient] = []
    try:
        chair = await _client(province.server.url, "chair")
        watcher = await _client(relay.url, "guest")  # an observer's console: names too
        voters = [await _client(province.server.url, n) for n in hall.delegates]
        clients += [chair, watcher, *voters]
        await start_session(chair, meeting, hall.item_ids[1])
        await watcher.subscribe(meeting, every_event=True)
        for client in voters:
            await client.command(meeting, "attendance.check_in")
        created = await chair.command(meeting, "vote.create", {
            "matter": "resolution", "title": "Thông qua Nghị quyết dự toán ngân sách 2027"})
        vote_id = created["vote"]["id"]
        await chair.command(meeting, "vote.open", {"vote_id": vote_id})
        cast = [await c.command(meeting, "vote.cast", {"vote_id": vote_id, "choice": 0})
                for c in voters]
        seen = [await until(watcher, "vote.ballot_cast") for _ in voters]
        assert [e["payload"]["member_user_id"] for e in seen] == [
            c["member_user_id"] for c in cast]
        seqs = [e["seq"] for e in seen]
        assert seqs == sorted(seqs)
        assert seen[-1]["payload"]["voted_count"] == len(voters)
    finally:
        for opened_client in clients:
            await opened_client.close()
        await relay.stop()
