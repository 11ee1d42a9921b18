"""Getting a meeting's whole packet onto the laptop before it is needed.

Runs whenever a meeting's document list is known or changes (published, a
login, a new version): wipes what is no longer allowed, then downloads what is
missing, a few documents at a time, reporting progress per document and for the
whole packet so the window can show both bars.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from meetingroom.doc_cache import DocumentCache
from meetingroom.sync.client import ChairClient, ConnectionLostError, ServerError
from meetingroom.sync.transfer import TransferError, download

log = logging.getLogger("meetingroom.prefetch")


@dataclass
class PacketProgress:
    meeting_id: int
    #: sha256 → (bytes done, bytes in all)
    documents: dict[str, tuple[int, int]] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)

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
                 parallel_documents: int = 3,
                 on_progress: Callable[[PacketProgress], None] | None = None) -> None:
        self.cache = cache
        self.keep_after_meeting = keep_after_meeting
        self.parallel_documents = parallel_documents
        self.on_progress = on_progress

    def expiry(self, meeting: dict[str, Any]) -> datetime | None:
        end = meeting.get("ends_at") or meeting.get("starts_at")
        if not end:
            return None
        return datetime.fromisoformat(str(end).replace("Z", "+00:00")) + self.keep_after_meeting

    def wipe(self, meeting_id: int, documents: list[dict[str, Any]]) -> list[str]:
        """Remote wipe: drop files of this meeting that are no longer in its list."""
        return self.cache.retain(meeting_id, {d["sha256"] for d in documents})

    async def sync(self, client: ChairClient, meeting: dict[str, Any],
                   documents: list[dict[str, Any]]) -> PacketProgress:
        meeting_id = int(meeting["id"])
        wiped = self.wipe(meeting_id, documents)
        if wiped:
            log.info("wiped %d document(s) of meeting %d", len(wiped), meeting_id)
        expires = self.expiry(meeting)
        packet = PacketProgress(meeting_id)
        for doc in documents:
            self.cache.hold(meeting_id, doc["sha256"], expires)
            size = int(doc["size_bytes"])
            packet.documents[doc["sha256"]] = (size if self.cache.has(doc["sha256"]) else 0,
                                               size)
        self._report(packet)
        gate = asyncio.Semaphore(self.parallel_documents)

        def progress(sha: str, done: int, total: int) -> None:
            packet.documents[sha] = (done, total)
            self._report(packet)

        async def fetch(doc: dict[str, Any]) -> None:
            async with gate:
                try:
                    await download(client, doc["sha256"], int(doc["size_bytes"]), self.cache,
                                   progress=progress)
                except (TransferError, ServerError) as exc:
                    # A reason the window words: the transfer's, or the server's code.
                    packet.failed[doc["sha256"]] = (exc.reason if isinstance(
                        exc, TransferError) else f"server:{exc.code}")
                    log.warning("document sha=%s not fetched: %s", doc["sha256"][:12], exc)
                    self._report(packet)

        missing = [d for d in documents if not self.cache.has(d["sha256"])]
        try:
            await asyncio.gather(*(fetch(d) for d in missing))
        except ConnectionLostError:
            log.info("packet download interrupted; it resumes on the next connection")
        return packet

    def _report(self, packet: PacketProgress) -> None:
        if self.on_progress is not None:
            self.on_progress(packet)
