"""Several chair server processes on one PostgreSQL: committed events reach every process.

A command commits its events and, in the same transaction, ``pg_notify``s
``meetingroom_events`` with ``"<meeting>:<first seq>:<last seq>"`` (see
``MeetingService``). Every process LISTENs; ``EventFeed`` then publishes each
meeting's events to the local ``Channel`` strictly in sequence order: it keeps
the last sequence number it published per meeting and reads whatever is missing
from the ``events`` table, so a notification that arrives late, twice or not at
all — a dropped LISTEN connection — never makes a subscriber skip or repeat an
event. A slow poll of ``meetings.last_seq`` catches anything a lost notification
hid. The channel itself already drops repeats and holds back early arrivals.

Linked-room reports travel on ``meetingroom_rooms`` as JSON (see ``rooms``).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from sqlalchemy import make_url

from meetingroom.server.service import EVENTS_CHANNEL, WireEvent
from meetingroom.sync.serving.channel import Channel

log = logging.getLogger("meetingroom.fanout")

__all__ = ["EVENTS_CHANNEL", "ROOMS_CHANNEL", "EventFeed", "PgListener"]
ROOMS_CHANNEL = "meetingroom_rooms"

Fetch = Callable[[int, int, int], Awaitable[list[WireEvent]]]
LastSeqs = Callable[[list[int]], Awaitable[dict[int, int]]]


def events_payload(meeting_id: int, first: int, last: int) -> str:
    return f"{meeting_id}:{first}:{last}"


def parse_events_payload(payload: str) -> tuple[int, int, int] | None:
    try:
        meeting, first, last = (int(p) for p in payload.split(":"))
    except ValueError:
        return None
    return meeting, first, last


class EventFeed:
    """Publishes committed events to this process's channels, in order, each once."""

    def __init__(self, fetch: Fetch, last_seqs: LastSeqs,
                 channel_of: Callable[[int], Channel | None]) -> None:
        self._fetch = fetch
        self._last_seqs = last_seqs
        self._channel_of = channel_of
        #: meeting → the highest sequence number published here with nothing missing below.
        self._published: dict[int, int] = {}
        self._locks: dict[int, asyncio.Lock] = {}

    def seed(self, meeting_id: int, seq: int) -> None:
        """A subscriber read the meeting at ``seq``: everything up to it is accounted for."""
        if meeting_id not in self._published:
            self._published[meeting_id] = seq

    def forget(self, meeting_id: int) -> None:
        """The meeting's channel closed here (its last subscriber left)."""
        self._published.pop(meeting_id, None)
        lock = self._locks.get(meeting_id)
        if lock is not None and not lock.locked():
            del self._locks[meeting_id]

    def published(self, meeting_id: int) -> int | None:
        return self._published.get(meeting_id)

    async def deliver(self, meeting_id: int, first: int, last: int,
                      events: Iterable[WireEvent] = ()) -> None:
        """Events ``first``..``last`` of a meeting were committed: publish what is new."""
        if self._channel_of(meeting_id) is None:
            return
        lock = self._locks.setdefault(meeting_id, asyncio.Lock())
        async with lock:
            channel = self._channel_of(meeting_id)
            if channel is None:
                return
            done = self._published.get(meeting_id)
            start = first - 1 if done is None else done
            if last <= start:
                return
            have = {e.seq: e for e in events if start < e.seq <= last}
            if len(have) < last - start:
                for event in await self._fetch(meeting_id, start, last):
                    have.setdefault(event.seq, event)
            batch: list[WireEvent] = []
            for seq in range(start + 1, last + 1):
                found = have.get(seq)
                if found is None:
                    log.warning("event %d of meeting %d is not readable yet", seq, meeting_id)
                    break
                batch.append(found)
            if not batch or self._channel_of(meeting_id) is not channel:
                return
            channel.publish(batch)
            if done is not None:
                self._published[meeting_id] = batch[-1].seq

    async def catch_up(self) -> None:
        """Publish whatever the table holds beyond what was published (after a lost link)."""
        meetings = [m for m in self._published if self._channel_of(m) is not None]
        if not meetings:
            return
        for meeting_id, last in (await self._last_seqs(meetings)).items():
            done = self._published.get(meeting_id)
            if done is not None and last > done:
                await self.deliver(meeting_id, done + 1, last)


class PgListener:
    """One LISTEN connection per process; reconnects and catches up when it drops."""

    def __init__(self, url: str, feed: EventFeed,
                 on_room: Callable[[dict[str, Any]], None], *,
                 poll_seconds: float = 5.0) -> None:
        self.conninfo = make_url(url).set(drivername="postgresql").render_as_string(
            hide_password=False)
        self.feed = feed
        self.on_room = on_room
        self.poll_seconds = poll_seconds
        self.ready = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        import psycopg  # only a PostgreSQL deployment needs it

        delay = 0.5
        while True:
            try:
                async with await psycopg.AsyncConnection.connect(
                        self.conninfo, autocommit=True) as conn:
                    await conn.execute(f"LISTEN {EVENTS_CHANNEL}")
                    await conn.execute(f"LISTEN {ROOMS_CHANNEL}")
                    log.info("listening for events from other server processes")
                    self.ready.set()
                    delay = 0.5
                    await self.feed.catch_up()  # whatever was missed while not listening
                    while True:
                        async for note in conn.notifies(timeout=self.poll_seconds):
                            await self._dispatch(note.channel, note.payload)
                        await self.feed.catch_up()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                self.ready.clear()
                log.warning("event listener lost its database link (%s); retrying in %.1f s",
                            str(exc).splitlines()[0] if str(exc) else type(exc).__name__,
                            delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 10.0)

    async def _dispatch(self, channel: str, payload: str) -> None:
        try:
            if channel == EVENTS_CHANNEL:
                parsed = parse_events_payload(payload)
                if parsed is not None:
                    await self.feed.deliver(*parsed)
            elif channel == ROOMS_CHANNEL:
                self.on_room(json.loads(payload))
        except Exception:
            log.exception("could not handle a notification on %s", channel)
