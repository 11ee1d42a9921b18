"""A hall relay's disk may stall — an SD card, a tired disk, a backup holding the file —
and the hall must still be answered meanwhile: the relay's SQLite work runs on a
storage thread of its own, never on the event loop that serves the laptops.

The relay runs in a thread with its own event loop, as it would in its own process,
so a stall of its loop cannot hide behind the test's. The disk stall is real: the
test holds SQLite's write lock on ``relay.sqlite3`` while a laptop's command and a
mirrored event wait to be written.
"""

from __future__ import annotations

import asyncio
import sqlite3
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import Any

from meetingroom.sync.relay.hall_relay import RelayServer, RelaySettings
from meetingroom.sync.serving.endpoint import ServerConfig
from tests.helpers.factories import PASSWORD
from tests.helpers.session_helpers import start_session, until
from tests.test_relay import Province, _client, province

__all__ = ["province"]


class RelayInThread:
    """A relay on an event loop of its own, in its own thread."""

    def __init__(self, settings: RelaySettings) -> None:
        self.settings = settings
        self.url = ""
        self.relay: RelayServer | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._ready = threading.Event()
        self._thread = threading.Thread(target=lambda: asyncio.run(self._serve()),
                                        name="relay-under-test", daemon=True)

    async def _serve(self) -> None:
        self.relay = RelayServer(self.settings, ServerConfig(host="127.0.0.1", port=0))
        self._loop, self._stop = asyncio.get_running_loop(), asyncio.Event()
        await self.relay.start()
        self.url = self.relay.url
        self._ready.set()
        try:
            await self._stop.wait()
        finally:
            await self.relay.stop()

    async def start(self) -> None:
        self._thread.start()
        assert await asyncio.to_thread(self._ready.wait, 30), "the relay did not start"
        relay, loop = self.relay, self._loop
        assert relay is not None
        assert loop is not None
        linked = asyncio.run_coroutine_threadsafe(relay.link_up.wait(), loop)
        await asyncio.wait_for(asyncio.wrap_future(linked), 20)

    async def stop(self) -> None:
        if self._loop is not None and self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        await asyncio.to_thread(self._thread.join, 60)
        if self._thread.is_alive():
            frame = sys._current_frames().get(self._thread.ident or 0)
            raise AssertionError("the relay did not stop:\n" + "".join(
                traceback.format_stack(frame)))


async def _started(province: Province, tmp_path: Path) -> RelayInThread:
    """Hall A's relay, in a thread of its own, linked to the province."""
    relay = RelayInThread(RelaySettings(
        upstream=province.server.url, meeting_id=province.hall.meeting_id, user="relay-a",
        password=PASSWORD, hall="Xã An Bình", folder=tmp_path / "relay", hold_seconds=30.0,
        retry_max_seconds=0.5, upstream_timeout=10))
    await relay.start()
    return relay


async def test_a_stalled_disk_does_not_stop_the_relay_answering_its_hall(
        province: Province, tmp_path: Path) -> None:
    hall, meeting = province.hall, province.hall.meeting_id
    relay = await _started(province, tmp_path)
    chair = await _client(province.server.url, "chair")
    voter = await _client(relay.url, hall.delegates[0])
    watcher = await _client(relay.url, hall.delegates[1])
    disk = sqlite3.connect(tmp_path / "relay" / "relay.sqlite3", isolation_level=None)
    stalled = False
    try:
        await start_session(chair, meeting, hall.item_ids[1])
        for client in (voter, watcher):  # the watcher sees every event, not progress frames
            got = await client.subscribe(meeting, every_event=client is watcher)
            assert got["relay"]["state"] == "up"

        disk.execute("BEGIN IMMEDIATE")  # the disk stalls: no write gets through
        stalled = True
        queued = asyncio.create_task(voter.command(meeting, "attendance.check_in"))
        await chair.command(meeting, "attendance.check_in")  # an event for the mirror
        await asyncio.sleep(0.5)  # both writes now wait for the disk
        slowest = 0.0
        for _ in range(3):
            asked = time.monotonic()
            assert await asyncio.wait_for(watcher.request("ping"), 2.0) == {"pong": True}
            slowest = max(slowest, time.monotonic() - asked)
            await asyncio.sleep(0.3)
        assert slowest < 1.0, f"a ping took {slowest:.2f} s while the disk stalled"
        assert not queued.done()  # the command is not answered before it is on disk

        disk.execute("ROLLBACK")  # the disk is back: everything waiting is written
        stalled = False
        assert (await asyncio.wait_for(queued, 20))["seq"] > 0
        seen = await until(watcher, "attendance.changed")
        assert seen["payload"]["counts"]["present"] >= 1
    finally:
        if stalled:
            disk.execute("ROLLBACK")
        disk.close()
        for client in (chair, voter, watcher):
            await client.close()
        await relay.stop()


async def test_what_the_mirror_hears_while_the_disk_is_busy_goes_in_one_write(
        province: Province, tmp_path: Path) -> None:
    """A province's vote brings a relay a frame every 50 ms. A transaction for each was
    most of a busy relay's storage work, so what arrives while a write runs is written
    with the next one: fewer transactions, the same log, in order, to every laptop."""
    hall, meeting = province.hall, province.hall.meeting_id
    relay = await _started(province, tmp_path)
    assert relay.relay is not None
    store = relay.relay.store.db
    writes: list[list[int]] = []
    append = store.append

    def counted(events: list[Any]) -> list[Any]:
        writes.append([e.seq for e in events])
        return append(events)

    store.append = counted  # type: ignore[method-assign]
    chair = await _client(province.server.url, "chair")
    watcher = await _client(relay.url, hall.delegates[1])
    disk = sqlite3.connect(tmp_path / "relay" / "relay.sqlite3", isolation_level=None)
    stalled = False
    try:
        await start_session(chair, meeting, hall.item_ids[1])
        got = await watcher.subscribe(meeting, every_event=True)
        start = int(got["seq"])
        writes.clear()

        disk.execute("BEGIN IMMEDIATE")  # the first write waits for the disk...
        stalled = True
        items = [hall.item_ids[0], hall.item_ids[1]] * 3
        for item in items:  # ... while six events arrive, each in a frame of its own
            await chair.command(meeting, "agenda.set_current", {"item_id": item})
        await asyncio.sleep(1.0)
        disk.execute("ROLLBACK")
        stalled = False

        seen: list[dict[str, Any]] = []
        while len(seen) < len(items):
            event = await asyncio.wait_for(watcher.next_event(), 20)
            if event["event"] == "agenda.current_changed":
                seen.append(event)
        assert [e["payload"]["item_id"] for e in seen] == items
        seqs = [int(e["seq"]) for e in seen]
        assert seqs == sorted(seqs)
        assert seqs[0] > start
        written = [seq for batch in writes for seq in batch]
        assert written == list(range(written[0], written[0] + len(written)))
        assert set(seqs) <= set(written)
        assert len(writes) <= 2, f"{len(writes)} writes for {len(items)} frames: {writes}"
    finally:
        if stalled:
            disk.execute("ROLLBACK")
        disk.close()
        for client in (chair, watcher):
            await client.close()
        await relay.stop()
