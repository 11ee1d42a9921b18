"""Getting a meeting's whole packet onto the laptop before it is needed.

Runs whenever a meeting's document list is known or changes (published, a
login, a new version): wipes what is no longer allowed, then downloads what is
missing, reporting progress per document and for the whole packet so the window
can show both bars.

On weak hall Wi-Fi the packet must not crowd out what the user does: it travels on
the session's file connection, its pieces are sized to the measured throughput
(one in flight on a slow link, ``transfer.Pace``), it asks for nothing new while
a command of the user's waits or has just been sent or a vote is open
(``Activity``), a vote that opens cuts the piece in flight (``_round``), and every
error it can meet, a lost or silent link, a refusal, a damaged piece, ends the
round quietly with what it fetched kept, to resume where it stopped.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from meetingroom.laptop.doc_cache import DocumentCache
from meetingroom.sync.client.chair_client import ChairClient, ConnectionLostError, ServerError
from meetingroom.sync.client.connection import Activity, ConnectionState, MeetingConnection
from meetingroom.sync.client.transfer import Pace, TransferError, fetch_file

log = logging.getLogger("meetingroom.prefetch")


@dataclass
class PacketProgress:
    meeting_id: int
    #: sha256 → (bytes done, bytes in all)
    documents: dict[str, tuple[int, int]] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    #: Stopped before the end (the link went); the next round resumes it.
    interrupted: bool = False

    @property
    def done(self) -> int:
        return sum(d for d, _ in self.documents.values())

    @property
    def total(self) -> int:
        return sum(t for _, t in self.documents.values())

    @property
    def complete(self) -> bool:
        return all(d >= t for d, t in self.documents.values()) and not self.failed


class Prefetcher:
    def __init__(self, cache: DocumentCache, *, keep_after_meeting: timedelta = timedelta(days=30),
                 parallel_documents: int = 1,
                 on_progress: Callable[[PacketProgress], None] | None = None,
                 pace: Pace | None = None) -> None:
        self.cache = cache
        self.keep_after_meeting = keep_after_meeting
        #: Documents fetched at once; pieces within one are paced by ``pace``.
        self.parallel_documents = parallel_documents
        self.on_progress = on_progress
        #: The link's measured throughput, kept across rounds and reconnections.
        self.pace = pace or Pace()

    def expiry(self, meeting: dict[str, Any]) -> datetime | None:
        end = meeting.get("ends_at") or meeting.get("starts_at")
        if not end:
            return None
        return datetime.fromisoformat(str(end).replace("Z", "+00:00")) + self.keep_after_meeting

    def wipe(self, meeting_id: int, documents: list[dict[str, Any]]) -> list[str]:
        """Remote wipe: drop files of this meeting that are no longer in its list."""
        return self.cache.retain(meeting_id, {d["sha256"] for d in documents})

    def on_laptop(self, meeting_id: int, documents: list[dict[str, Any]]) -> PacketProgress:
        """What of the packet this laptop holds already, read from the cache."""
        return PacketProgress(meeting_id, {
            doc["sha256"]: (int(doc["size_bytes"]) if self.cache.has(doc["sha256"]) else 0,
                            int(doc["size_bytes"])) for doc in documents})

    def tell_on_laptop(self, meeting_id: int, documents: list[dict[str, Any]]) -> None:
        """Report ``on_laptop`` now. The first round waits for the link to settle, and
        none runs offline: until then the meeting window said no document was on the
        laptop — seconds after each start, and for good when it started offline with its
        whole packet here (found walking the app)."""
        self._report(self.on_laptop(meeting_id, documents))

    async def sync(self, client: ChairClient, meeting: dict[str, Any],
                   documents: list[dict[str, Any]], *,
                   activity: Activity | None = None) -> PacketProgress:
        """One round over ``client``: every missing document, as far as the link allows.

        Never raises for the network or the server: a lost link marks the packet
        ``interrupted``, a refused or damaged document lands in ``failed``."""
        meeting_id = int(meeting["id"])
        wiped = self.wipe(meeting_id, documents)
        if wiped:
            log.info("wiped %d document(s) of meeting %d", len(wiped), meeting_id)
        expires = self.expiry(meeting)
        for doc in documents:
            self.cache.hold(meeting_id, doc["sha256"], expires)
        packet = self.on_laptop(meeting_id, documents)
        self._report(packet)
        gate = asyncio.Semaphore(self.parallel_documents)

        def progress(sha: str, done: int, total: int) -> None:
            packet.documents[sha] = (done, total)
            self._report(packet)

        async def fetch(doc: dict[str, Any]) -> None:
            async with gate:
                try:
                    await fetch_file(client, doc["sha256"], int(doc["size_bytes"]),
                                     self.cache, progress=progress, pace=self.pace,
                                     before_piece=activity.wait_quiet if activity else None)
                except (TransferError, ServerError) as exc:
                    # A reason the window words: the transfer's, or the server's code.
                    packet.failed[doc["sha256"]] = (exc.reason if isinstance(
                        exc, TransferError) else f"server:{exc.code}")
                    log.warning("document sha=%s not fetched: %s", doc["sha256"][:12], exc)
                    self._report(packet)

        missing = [d for d in documents if not self.cache.has(d["sha256"])]
        tasks = [asyncio.create_task(fetch(d)) for d in missing]
        try:
            for task in asyncio.as_completed(tasks):
                await task
        except (ConnectionLostError, OSError, TimeoutError) as exc:
            packet.interrupted = True
            log.info("packet download interrupted (%s); it resumes on the next connection",
                     type(exc).__name__)
        except Exception:
            packet.interrupted = True
            log.exception("packet download stopped")
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
        return packet

    async def run(self, session: MeetingConnection, meeting: dict[str, Any],
                  documents: list[dict[str, Any]], *, retry_after: float = 2.0,
                  settle: tuple[float, float] = (3.0, 5.0)) -> PacketProgress:
        """Rounds on the session's file connection until the packet is complete (or only
        refused documents are left); a lost file connection is opened again while the
        session is online, and the work waits while it is not. Cancel to stop.

        The file connection a vote cut is opened again once the user's ballot is in,
        while the vote is still open (``Activity.wait_voted``; the server answers it after
        the vote), and the round itself waits for the vote's end and for the user to be
        quiet: on a hall link the opening takes a few round trips and a handshake, which
        then overlap the vote instead of the pause after it (``bench.weak_link``: the share
        of the link between votes went from 0.66 to 0.70 when they overlapped the wait for
        quiet, and from 0.785 to 0.81–0.82 with the vote). Not when the session has just come back
        online: its own resync, and the hall's other laptops coming back, have the link
        first, so the packet waits ``settle`` seconds, some random time in that range (so a
        hall's laptops do not all start in one instant) after the session came online
        (started 3 s after, the last laptops of the hall were back online 2–3 s later)."""
        self.tell_on_laptop(int(meeting["id"]), documents)
        try:
            while True:
                state = session.status.state
                if state is ConnectionState.ONLINE:
                    activity = session.activity
                    await activity.wait_voted()
                    # After the wait for the vote: a vote still open when the link went
                    # down is heard closed in the resync that brings the session back.
                    settled = session.online_since + random.uniform(*settle)
                    if time.monotonic() < settled:
                        await asyncio.sleep(settled - time.monotonic())
                        await activity.wait_quiet()
                    try:
                        client = await session.file_client()
                    except Exception as exc:  # not online after all, refused, a dead link
                        log.info("no file connection yet (%s)", type(exc).__name__)
                    else:
                        await activity.wait_quiet()
                        packet = await self._round(session, client, meeting, documents)
                        if not packet.interrupted:
                            return packet
                elif state is ConnectionState.STOPPED:
                    return PacketProgress(int(meeting["id"]), interrupted=True)
                if session.status.state is ConnectionState.ONLINE:
                    await asyncio.sleep(retry_after)
                else:  # back to work the moment the session is online again
                    await session.status_changed()
        finally:
            await session.release_file_client()

    async def _round(self, session: MeetingConnection, client: ChairClient,
                     meeting: dict[str, Any], documents: list[dict[str, Any]]) -> PacketProgress:
        """One ``sync`` round; a vote that opens meanwhile cuts the piece in flight.

        The prefetch asks for nothing new while a vote is open, but a piece already
        asked for would go on taking this laptop's share of the hall's link while every
        laptop's ballot and the vote's events need it (``bench.weak_link --census``: a
        fifth of what the link carried during votes). The file connection is ended at
        once, so the rest of the piece is dropped with it (its bytes, in the server's
        socket and the access point's queue, go nowhere); the round ends interrupted
        and the next one asks for that piece again. Between two pieces the connection
        is ended too, as the server ends a slow laptop's anyway, and the round at once:
        parked until the vote's end, it kept a dead connection that ``run`` could not
        open again once the ballot was in (``Activity.wait_voted``)."""
        activity = session.activity
        sync = asyncio.create_task(self.sync(client, meeting, documents, activity=activity))
        opened = asyncio.create_task(activity.wait_vote_open())
        try:
            await asyncio.wait({sync, opened}, return_when=asyncio.FIRST_COMPLETED)
            if not sync.done():
                in_flight = client.waiting
                log.info("a vote opened: the file connection ends%s",
                         ", with the piece in flight" if in_flight else "")
                await client.abort()
                await session.release_file_client()
                if not in_flight:  # nothing on its way to keep: the round ends now
                    sync.cancel()
                    await asyncio.gather(sync, return_exceptions=True)
                    return PacketProgress(int(meeting["id"]), interrupted=True)
            return await sync
        finally:
            opened.cancel()
            if not sync.done():  # this round was cancelled: so is its work
                sync.cancel()
                await asyncio.gather(sync, return_exceptions=True)

    def _report(self, packet: PacketProgress) -> None:
        if self.on_progress is not None:
            self.on_progress(packet)
