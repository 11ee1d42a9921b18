"""Moving document files over the chair connection: uploads in pieces, verified downloads.

Downloads take the file's missing ranges piece by piece and keep every finished
piece (encrypted) so a download cut by a Wi-Fi drop resumes where it stopped; the
whole file is checked against its SHA-256 name before it is used. Where the server
offers it, pieces come as raw bytes in binary frames (``binary_fetch``); older
servers get base64 pieces inside JSON, each checked against its own hash.

Pieces are sized to the throughput measured on the link (``Pace``): about a second
of data each, one in flight on a slow link, bigger and several at once on a fast
one. A ballot sent on the other connection then never waits behind more than about
a second of this laptop's file data, and the link stays busy.
"""
from __future__ import annotations

import asyncio
import base64
import hashlib
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from meetingroom.core.protocol import (
    FEATURE_BINARY_FETCH,
    FEATURE_LEAN_FILES,
    LEGACY_BINARY_FETCH_BYTES,
    MAX_BINARY_FETCH_BYTES,
    MAX_FETCH_BYTES,
    MAX_UPLOAD_PIECE_BYTES,
    ErrorCode,
)
from meetingroom.laptop.doc_cache import DocumentCache, Incoming
from meetingroom.sync.client.chair_client import ChairClient, ConnectionLostError, ServerError

log = logging.getLogger("meetingroom.transfer")

Progress = Callable[[str, int, int], None]  # sha256, bytes done, bytes in all
#: Seconds to wait for the reply to an upload piece (a conversion can take minutes).
CONVERSION_WAIT = 300.0
#: Times an upload resumes from what the server has after being told to slow down.
RESUME_ATTEMPTS = 8


class TransferError(Exception):
    """A file could not be moved intact.

    ``reason`` (``empty``, ``incomplete``, ``piece_failed``, ``hash_mismatch``,
    ``unreadable``) is for the window to word; the message is English, for logs.
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


async def upload(client: ChairClient, data: bytes, filename: str, *, window: int = 8,
                 progress: Progress | None = None) -> str:
    """Send a file (skipping what the server already has); return the SHA-256 of its PDF.

    Pieces are pipelined ``window`` at a time; the server handles one connection's
    messages in order, so offsets always arrive in sequence.
    """
    sha = hashlib.sha256(data).hexdigest()
    size = len(data)
    if size == 0:
        raise TransferError("empty", "the file is empty")
    last: dict[str, object] = {}

    async def send(start: int) -> dict[str, object]:
        piece = data[start:start + MAX_UPLOAD_PIECE_BYTES]
        # The last piece may wait for an office-to-PDF conversion on the server.
        return await client.request("upload_chunk", sha256=sha, size=size, offset=start,
                                    data=base64.b64encode(piece).decode("ascii"),
                                    filename=filename, wait=CONVERSION_WAIT)

    for attempt in range(RESUME_ATTEMPTS):
        status = await client.request("upload_status", sha256=sha, size=size)
        offset = size if status["complete"] else int(status["received"])
        in_flight: list[asyncio.Task[dict[str, object]]] = []
        try:
            if offset >= size:  # already there: one piece asks for the (converted) PDF
                last = await send(0)
            while offset < size:
                in_flight.append(asyncio.create_task(send(offset)))
                offset += MAX_UPLOAD_PIECE_BYTES
                if len(in_flight) >= window or offset >= size:
                    last = await in_flight.pop(0)
                    if progress:
                        progress(sha, min(int(str(last["received"])), size), size)
            while in_flight:
                last = await in_flight.pop(0)
            break
        except ServerError as exc:
            # Over the server's piece budget (or a piece rejected after one that was):
            # slow down and resume from what the server has; anything else is final.
            if exc.code not in (ErrorCode.RATE_LIMITED, ErrorCode.INVALID_ARGS) \
                    or attempt == RESUME_ATTEMPTS - 1:
                raise
            await asyncio.sleep(0.2 * (attempt + 1))
        finally:
            for task in in_flight:
                task.cancel()
            await asyncio.gather(*in_flight, return_exceptions=True)
    if not last.get("complete"):
        raise TransferError("incomplete", "the upload did not complete")
    return str(last["pdf_sha256"])


@dataclass
class Pace:
    """The throughput measured on one link, shared by every download on it.

    Samples are delivery rates: a piece's bytes over the time since it was asked for
    or since the previous piece arrived, whichever is later, so pieces in flight
    together are not counted as slow. A piece given up on (its connection cut when a
    vote opens) is a sample too: the bytes that had arrived over the time it took.
    On a hall link shared by 30 laptops at 64 kbit/s each gets ~270 bytes a second,
    so a piece measured that way stays small enough to finish between two votes.

    ``smallest`` stays 1 KiB, under one Wi-Fi frame, with 20 bytes of framing where the
    server sends lean pieces (``FEATURE_LEAN_FILES``; 101 before): 4 KiB pieces gave a
    lower share of the link in ``bench.weak_link``, and slower ballots when the file
    connection also opened during the wait after a vote.
    """

    #: Seconds of data one piece should carry.
    target_seconds: float = 1.0
    smallest: int = 1024
    largest: int = MAX_BINARY_FETCH_BYTES
    #: The first piece, before anything is measured.
    first: int = 4 * 1024
    #: Bytes per second from which several pieces fly at once.
    fast: float = 1024 * 1024
    parallel: int = 4
    rate: float | None = None
    _last_arrival: float = field(default=0.0, repr=False)

    def piece(self, largest: int | None = None) -> int:
        top = min(self.largest, largest or self.largest)
        if self.rate is None:
            return min(self.first, top)
        return max(min(self.smallest, top), min(top, int(self.rate * self.target_seconds)))

    def in_flight(self) -> int:
        return self.parallel if self.rate is not None and self.rate >= self.fast else 1

    def record(self, nbytes: int, asked_at: float) -> None:
        now = time.monotonic()
        elapsed = max(now - max(asked_at, self._last_arrival), 1e-4)
        self._last_arrival = now
        sample = nbytes / elapsed
        self.rate = sample if self.rate is None else 0.6 * self.rate + 0.4 * sample

    def missed(self, arrived: int, asked_at: float) -> None:
        """A piece asked for at ``asked_at`` was given up on, ``arrived`` bytes of it in."""
        elapsed = time.monotonic() - max(asked_at, self._last_arrival)
        if elapsed < self.target_seconds:  # cut at once: nothing learned of the link
            return
        sample = arrived / elapsed
        self.rate = sample if self.rate is None else min(self.rate, sample)


def binary_fetch(client: ChairClient) -> bool:
    """Whether the server sends pieces as binary frames."""
    return FEATURE_BINARY_FETCH in (client.welcome.get("features") or [])


def binary_piece_limit(client: ChairClient) -> int:
    """The largest binary piece this server gives (older servers: 1 MiB, unsaid)."""
    limits = client.welcome.get("limits") or {}
    said = limits.get("max_binary_fetch_bytes") if isinstance(limits, dict) else None
    if not isinstance(said, int) or said < 1:
        return LEGACY_BINARY_FETCH_BYTES
    return min(said, MAX_BINARY_FETCH_BYTES)


async def fetch_piece(client: ChairClient, sha256: str, offset: int, length: int, *,
                      binary: bool | None = None, request_id: str | None = None,
                      within: bool = False) -> tuple[bytes | memoryview, int]:
    """One piece of a file and the file's size; a JSON piece is checked against its hash
    (TransferError), a binary one is checked later with the whole file. A binary piece
    is a view into the frame it came in — not copied again. ``request_id`` names the
    request, for ``ChairClient.take_partial`` if the piece is cut.

    ``within``: the caller knows the file ends at or after ``offset + length``; where
    the server offers it (``FEATURE_LEAN_FILES``) the piece then comes with a header
    that is its id alone, and the size returned is -1 (unknown, not asked)."""
    if binary is None:
        binary = binary_fetch(client)
    if binary:
        lean = within and FEATURE_LEAN_FILES in (client.welcome.get("features") or [])
        reply = await client.request("fetch_chunk", request_id=request_id, sha256=sha256,
                                     offset=offset, length=length, binary=True,
                                     **({"lean": True} if lean else {}))
        view: memoryview = reply["data"]
        if len(view) != (length if lean else int(reply["length"])):
            raise TransferError("piece_failed", "a piece arrived cut short")
        return view, -1 if lean else int(reply["size"])
    reply = await client.request("fetch_chunk", sha256=sha256, offset=offset,
                                 length=min(length, MAX_FETCH_BYTES))
    data = base64.b64decode(reply["data"])
    if hashlib.sha256(data).hexdigest() != reply["chunk_sha256"]:
        raise TransferError("piece_failed", "a piece failed verification")
    return data, int(reply["size"])


def missing_ranges(have: dict[int, int], size: int) -> list[tuple[int, int]]:
    """The [start, end) ranges of a file not covered by the pieces ``have``."""
    gaps: list[tuple[int, int]] = []
    cursor = 0
    for offset in sorted(have):
        if offset > cursor:
            gaps.append((cursor, min(offset, size)))
        cursor = max(cursor, offset + have[offset])
    if cursor < size:
        gaps.append((cursor, size))
    return [(a, b) for a, b in gaps if b > a]


async def download(client: ChairClient, sha256: str, size: int, cache: DocumentCache, *,
                   parallel: int = 4, retries: int = 3,
                   progress: Progress | None = None, pace: Pace | None = None,
                   before_piece: Callable[[], Awaitable[None]] | None = None) -> bytes:
    """``fetch_file``, and the file as ``bytes`` for a caller that reads it."""
    data = await fetch_file(client, sha256, size, cache, parallel=parallel, retries=retries,
                            progress=progress, pace=pace, before_piece=before_piece,
                            keep=True)
    assert data is not None  # returned with ``keep``
    return data if isinstance(data, bytes) else bytes(data)


async def fetch_file(client: ChairClient, sha256: str, size: int, cache: DocumentCache, *,
                     parallel: int = 4, retries: int = 3,
                     progress: Progress | None = None, pace: Pace | None = None,
                     before_piece: Callable[[], Awaitable[None]] | None = None,
                     keep: bool = False) -> bytes | memoryview | None:
    """Fetch a document into the encrypted cache, resuming earlier pieces. With ``keep``
    the file is returned as it already is in memory: for a fresh download, a view, not
    a copy. Without it nothing is gathered: the prefetch keeps files and does not read
    them, and gathering them was a copy into fresh memory of every byte.

    ``pace`` (shared by the downloads on one link) sizes the pieces; ``before_piece``
    is awaited before each piece is asked for, the prefetch waits there while the user
    acts. A piece that fails its check is asked again up to ``retries`` times.
    """
    if not keep and cache.has(sha256):
        return None  # kept already; reading it would decrypt every byte for nothing
    cached = await asyncio.to_thread(cache.read, sha256) if keep else None
    if cached is not None:
        return cached
    pace = pace or Pace(parallel=parallel)
    binary = binary_fetch(client)
    for attempt in range(1, retries + 1):
        incoming = await asyncio.to_thread(cache.receive, sha256, size, keep=keep)
        try:
            await _fill(client, incoming, pace, binary, retries, progress, before_piece)
            if await asyncio.to_thread(incoming.finish):
                return incoming.data() if keep else None
        finally:
            incoming.close()
        # Binary pieces carry no hash of their own: the whole file is the check, and a
        # file that fails it is fetched again from the start (its pieces are gone).
        log.warning("download failed verification sha=%s attempt=%d", sha256[:12], attempt)
    raise TransferError("hash_mismatch", "the downloaded file does not match its "
                        "SHA-256; it will be fetched again")


async def _fill(client: ChairClient, incoming: Incoming, pace: Pace, binary: bool,
                retries: int, progress: Progress | None,
                before_piece: Callable[[], Awaitable[None]] | None) -> None:
    """Fetch every range of the file not yet kept in the cache."""
    sha256, size = incoming.sha256, incoming.size
    gaps = missing_ranges(incoming.have, size)
    done = size - sum(b - a for a, b in gaps)
    if progress:
        progress(sha256, done, size)
    failures = 0
    largest = binary_piece_limit(client) if binary else MAX_FETCH_BYTES

    async def fetch(offset: int, length: int) -> None:
        nonlocal done, failures
        asked, received = time.monotonic(), client.received_bytes
        request_id = client.next_request_id()
        try:
            data, _size = await fetch_piece(client, sha256, offset, length, binary=binary,
                                            request_id=request_id, within=True)
        except (ConnectionLostError, asyncio.CancelledError):
            pace.missed(client.received_bytes - received, asked)
            # What arrived of a cut piece is kept (the server sends small pieces in
            # fragments): the next round asks for the rest only.
            kept = client.take_partial(request_id)[:length] if binary else b""
            if kept:
                log.info("kept %d of %d bytes of a cut piece sha=%s offset=%d", len(kept),
                         length, sha256[:12], offset)
                incoming.put(offset, kept)
                done += len(kept)
                if progress:
                    progress(sha256, done, size)
            raise
        except TransferError:
            failures += 1
            log.warning("piece failed verification sha=%s offset=%d", sha256[:12], offset)
            if failures > retries:
                raise TransferError("piece_failed",
                                    "a piece kept failing verification") from None
            gaps.insert(0, (offset, offset + length))
            return
        pace.record(len(data), asked)
        if len(data) >= 256 * 1024:  # sealing and writing a big piece: off the loop
            await asyncio.to_thread(incoming.put, offset, data)
        else:
            incoming.put(offset, data)
        done += len(data)
        if progress:
            progress(sha256, done, size)

    in_flight: set[asyncio.Task[None]] = set()
    try:
        while gaps or in_flight:
            if gaps and len(in_flight) < pace.in_flight():
                if before_piece is not None:
                    await before_piece()
                start, end = gaps.pop(0)
                length = min(end - start, pace.piece(largest))
                if start + length < end:
                    gaps.insert(0, (start + length, end))
                in_flight.add(asyncio.create_task(fetch(start, length)))
                continue
            finished, in_flight = await asyncio.wait(in_flight,
                                                     return_when=asyncio.FIRST_COMPLETED)
            for task in finished:
                task.result()
    finally:
        for task in in_flight:
            task.cancel()
        await asyncio.gather(*in_flight, return_exceptions=True)
