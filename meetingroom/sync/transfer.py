"""Moving document files over the chair connection: uploads in pieces, verified downloads.

Downloads go piece by piece, each piece checked against the hash the server sent
and the whole file against its name, and every finished piece is kept (encrypted)
so a download cut by a Wi-Fi drop resumes where it stopped.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import logging
from collections.abc import Callable

from meetingroom.doc_cache import DocumentCache
from meetingroom.protocol import MAX_FETCH_BYTES, MAX_UPLOAD_PIECE_BYTES, ErrorCode
from meetingroom.sync.client import ChairClient, ServerError

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


async def download(client: ChairClient, sha256: str, size: int, cache: DocumentCache, *,
                   parallel: int = 4, retries: int = 3,
                   progress: Progress | None = None) -> bytes:
    """Fetch a document into the encrypted cache and return it, resuming earlier pieces."""
    cached = cache.read(sha256)
    if cached is not None:
        return cached
    have = cache.pieces(sha256)
    done = sum(have.values())
    wanted = [o for o in range(0, size, MAX_FETCH_BYTES) if o not in have]
    gate = asyncio.Semaphore(parallel)
    if progress:
        progress(sha256, done, size)

    async def fetch(offset: int) -> None:
        nonlocal done
        length = min(MAX_FETCH_BYTES, size - offset)
        async with gate:
            for attempt in range(1, retries + 1):
                reply = await client.request("fetch_chunk", sha256=sha256, offset=offset,
                                             length=length)
                data = base64.b64decode(reply["data"])
                if len(data) == length and \
                        hashlib.sha256(data).hexdigest() == reply["chunk_sha256"]:
                    cache.put_piece(sha256, offset, data)
                    done += length
                    if progress:
                        progress(sha256, done, size)
                    return
                log.warning("piece failed verification sha=%s offset=%d attempt=%d",
                            sha256[:12], offset, attempt)
        raise TransferError("piece_failed", "a piece kept failing verification")

    await asyncio.gather(*(fetch(o) for o in wanted))
    if not cache.assemble(sha256, size):
        raise TransferError("hash_mismatch", "the downloaded file does not match its "
                            "SHA-256; it will be fetched again")
    data = cache.read(sha256)
    if data is None:
        raise TransferError("unreadable", "the cache could not be read back")
    return data
