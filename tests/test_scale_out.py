"""Two ``meetingroom serve`` processes on one PostgreSQL serve the same meeting.

Events committed by either process reach the clients of both (LISTEN/NOTIFY)
in the same gapless order; when one process is killed, its clients reconnect
through the load balancer (a TCP proxy here) to the other, and nothing that was
acknowledged is lost.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from meetingroom.server.storage.database import Database
from meetingroom.sync.client.chair_client import ChairClient
from meetingroom.sync.client.connection import ConnectionState
from tests.helpers.factories import PASSWORD, make_hall
from tests.helpers.processes import serve
from tests.helpers.session_helpers import start_session
from tests.test_relay import Proxy
from tests.test_sync_connection import logged_in, session_for

pytestmark = pytest.mark.postgres


class Served:
    """One real ``meetingroom serve`` process."""

    def __init__(self, db_url: str, log: Path) -> None:
        self.process = serve(db_url, log=log, env={"MEETINGROOM_LOG": "warning"})
        self.url, self.port = self.process.url, self.process.ready.port

    def kill(self) -> None:
        self.process.stop(kill=True)

    def stop(self) -> None:
        self.process.stop()


@pytest.fixture
def pair(postgres_url: str, tmp_path: Path) -> Iterator[tuple[Served, Served, Any]]:
    db = Database(postgres_url)
    hall = make_hall(db, delegates=4)
    db.dispose()
    a = Served(postgres_url, tmp_path / "a.log")
    try:
        b = Served(postgres_url, tmp_path / "b.log")
    except BaseException:
        a.stop()
        raise
    try:
        yield a, b, hall
    finally:
        a.stop()
        b.stop()


async def _client(url: str, username: str) -> ChairClient:
    client = ChairClient(url, timeout=15)
    await client.connect()
    await client.login(username, PASSWORD)
    return client


async def _drain(client: ChairClient, upto: int) -> list[tuple[int, str]]:
    """Every event the client got, up to ``upto``, as (seq, type)."""
    seen: list[tuple[int, str]] = []
    async with asyncio.timeout(15):
        while not seen or seen[-1][0] < upto:
            event = await client.next_event()
            seen.append((event["seq"], event["event"]))
    return seen


async def test_two_processes_share_a_meeting_and_survive_one_dying(
        pair: tuple[Served, Served, Any], tmp_path: Path) -> None:
    a, b, hall = pair
    meeting = hall.meeting_id
    balancer = Proxy(a.port)  # the TCP load balancer in front of both
    lb_url = await balancer.start()
    chair = await _client(a.url, "chair")
    secretary = await _client(b.url, "secretary")
    d3, d4 = await _client(a.url, hall.delegates[2]), await _client(b.url, hall.delegates[3])
    clients = [chair, secretary, d3, d4]
    try:
        await secretary.subscribe(meeting)
        await start_session(chair, meeting, hall.item_ids[1])
        for client in (d3, d4):
            await client.subscribe(meeting)
            await client.command(meeting, "attendance.check_in")
        await chair.command(meeting, "attendance.check_in")

        # Commands on both processes at once: one gapless order, the same everywhere.
        async def talk(client: ChairClient, times: int) -> None:
            for _ in range(times):
                speech = await client.command(meeting, "speech.register", {})
                await client.command(meeting, "speech.withdraw",
                                     {"speech_id": speech["speech"]["id"]})

        await asyncio.gather(talk(d3, 8), talk(d4, 8))
        last = (await chair.command(meeting, "agenda.set_current",
                                    {"item_id": hall.item_ids[0]}))["seq"]
        on_a, on_b = await _drain(chair, last), await _drain(secretary, last)
        start = max(on_a[0][0], on_b[0][0])
        on_a, on_b = [e for e in on_a if e[0] >= start], [e for e in on_b if e[0] >= start]
        assert on_a == on_b
        assert [s for s, _ in on_a] == list(range(start, last + 1))

        async with session_for(lb_url, tmp_path / "d1", hall.delegates[0], meeting) as (
                d1, rec):
            await logged_in(d1, rec)
            await d1.submit("attendance.check_in")
            created = await chair.command(meeting, "vote.create", {
                "matter": "resolution", "title": "Thông qua Nghị quyết dự toán 2027"})
            vote_id = created["vote"]["id"]
            await chair.command(meeting, "vote.open", {"vote_id": vote_id})
            await d4.command(meeting, "vote.cast", {"vote_id": vote_id, "choice": 1})
            await d1.submit("vote.cast", {"vote_id": vote_id, "choice": 0})
            await rec.until(lambda: len(rec.done) == 2)  # acknowledged by process A …
            acknowledged = rec.done[-1][1]["seq"]

            a.kill()  # … which dies now, without a goodbye
            balancer.target_port = b.port
            balancer.cut()
            balancer.restore()
            await rec.until(lambda: rec.state is ConnectionState.OFFLINE)
            await rec.until(lambda: rec.state is ConnectionState.ONLINE, within=20)
            await d1.submit("speech.register", {})
            await rec.until(lambda: len(rec.done) == 3, within=20)

            chair = await _client(b.url, "chair")  # the chair's console reconnects too
            clients.append(chair)
            await chair.subscribe(meeting, last_seq=0)
            await d3.close()
            d3 = await _client(b.url, hall.delegates[2])
            clients.append(d3)
            await d3.command(meeting, "vote.cast", {"vote_id": vote_id, "choice": 0})
            await chair.command(meeting, "vote.cast", {"vote_id": vote_id, "choice": 2})
            closed = await chair.command(meeting, "vote.close", {"vote_id": vote_id})
            result = closed["vote"]["result"]
            assert [o["count"] for o in result["options"]] == [2, 1, 1]
            await rec.until(lambda: bool(rec.events) and rec.events[-1]["seq"] == closed["seq"])
            seqs = [e["seq"] for e in rec.events]
            assert seqs == list(range(seqs[0], closed["seq"] + 1))  # no gap, no repeat
            assert acknowledged in seqs

        tail = await _drain(secretary, closed["seq"])
        assert [s for s, _ in tail] == list(range(last + 1, closed["seq"] + 1))
        assert ("vote.closed" in {t for _, t in tail})
    finally:
        for client in clients:
            with contextlib.suppress(Exception):
                await client.close()
        await balancer.stop()
