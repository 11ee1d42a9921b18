"""File pieces on the wire: one binary frame each, from the blob store to the socket.

On a plain TCP connection a piece's bytes go by ``sendfile``: the kernel copies them
from the page cache to the socket, and the server's Python never touches them. Read
into a frame and written (what a TLS connection still does: the bytes must be
encrypted) a piece cost 2.3 s of server CPU per GB sent, nginx's ``sendfile`` 0.1
(``bench.docs_transfer``): on the hall's two cores, that was CPU the laptops' own
checks and sealing lacked.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, TypeGuard

from websockets.asyncio.server import ServerConnection

from meetingroom.core.protocol import MAX_BINARY_FETCH_BYTES, MEMORY_BINARY_FETCH_BYTES
from meetingroom.server.blobs import BlobStore

log = logging.getLogger("meetingroom.server")


@dataclass(frozen=True)
class BinaryReply:
    """An answer sent as one binary frame: the JSON result, then the raw bytes."""

    result: dict[str, Any]
    data: bytes = b""
    #: Instead of ``data``: ``length`` bytes that ``read_into`` (on an I/O thread) writes
    #: straight into the frame, so a file piece is copied once, from the page cache into
    #: the frame given to the socket, not read, joined and framed in three fresh copies.
    length: int = 0
    read_into: Callable[[memoryview], None] | None = None
    #: The file those bytes are in, from ``offset``: sent from there by ``sendfile``
    #: where the connection allows it.
    path: Path | None = None
    offset: int = 0


def file_piece(blobs: BlobStore, sha256: str, offset: int, length: int,
               size: int) -> BinaryReply:
    """A binary ``fetch_chunk`` answer read from the blob store into its frame.

    Its header does not repeat the file's SHA-256 the laptop asked with: on a hall
    link shared by 30 laptops a piece is a kilobyte, and those 76 bytes were 7 % of it."""
    return BinaryReply({"offset": offset, "size": size, "length": length}, length=length,
                       read_into=partial(blobs.read_into, sha256, offset),
                       path=blobs.path(sha256), offset=offset)


def websocket_head(length: int, *, first: bool = True, fin: bool = True) -> bytes:
    """The head of one unmasked frame of ``length`` bytes (RFC 6455 §5.2): a binary
    frame, or with ``first`` false a continuation of one; ``fin`` ends the message."""
    code = (0x80 if fin else 0) | (0x02 if first else 0x00)
    if length < 126:
        return bytes((code, length))
    if length < 65536:
        return bytes((code, 126)) + length.to_bytes(2, "big")
    return bytes((code, 127)) + length.to_bytes(8, "big")


#: Pieces up to this size go out in fragments (``fragmented``); larger ones, asked for
#: on a quick link, as one frame (by ``sendfile`` where the connection allows it).
FRAGMENTED_UP_TO = 256 * 1024
#: The smallest fragment, under one Wi-Fi frame's payload: a link carries a frame of
#: its own whole or not at all, so smaller fragments would keep nothing more of a cut
#: piece and cost a head each (a 1 KiB piece goes as one frame).
SMALLEST_FRAGMENT = 1024


def fragment_size(length: int) -> int:
    """Data bytes per fragment of a piece of ``length`` bytes: a thirty-second of it, at
    least ``SMALLEST_FRAGMENT``: each head costs 4 bytes, 0.4 % at most."""
    return max(SMALLEST_FRAGMENT, length // 32)


def fragmented(header: bytes, data: bytes | bytearray | memoryview) -> bytearray:
    """A piece's binary reply as one message in fragments of ``fragment_size`` bytes,
    the whole reply header in the first.

    On a hall link shared by thirty laptops a piece takes seconds to arrive, and a vote
    that opens cuts it (``SocketServer._cut_file_pieces``). A laptop keeps what it has
    of a cut piece in whole fragments (``ChairClient.take_partial``); sent as one frame,
    every byte of it that had arrived was lost, half a piece on average at every vote."""
    step = fragment_size(len(data))
    first = data[:step]
    out = bytearray(websocket_head(len(header) + len(first), fin=len(data) <= step))
    out += header
    out += first
    for start in range(step, len(data), step):
        part = data[start:start + step]
        out += websocket_head(len(part), first=False, fin=start + step >= len(data))
        out += part
    return out


class WatchedConnection(ServerConnection):
    """A server connection that notes when bytes last arrived from it (any bytes at all:
    a frame, a part of one, a ping or a pong), and holds websockets' own writes while a
    piece goes out by ``sendfile``: a keepalive ping or a pong written then would land
    inside the piece's frame, and the laptop could read nothing after it."""

    last_received: float = 0.0
    #: A piece's frame is on its way by ``sendfile``: what websockets has to send waits.
    holding: bool = False

    def data_received(self, data: bytes) -> None:
        self.last_received = time.monotonic()
        super().data_received(data)

    def send_data(self) -> None:
        if not self.holding:
            super().send_data()


def can_sendfile(connection: ServerConnection) -> TypeGuard[WatchedConnection]:
    """Whether a piece may go by ``sendfile`` here: a plain TCP connection of ours (TLS
    must encrypt every byte in the process)."""
    transport = connection.transport
    return (isinstance(connection, WatchedConnection) and transport is not None
            and not transport.is_closing()
            and transport.get_extra_info("sslcontext") is None)


def piece_limit(connection: ServerConnection) -> int:
    """The largest binary piece this connection is given (said in its welcome): by
    ``sendfile`` on a plain connection, 16 MiB. At 4 MiB the server's per-piece work, the
    request, the access check, the frame's head, the ``sendfile`` set-up, was most of its
    CPU per GB sent. In memory (TLS), 4 MiB."""
    return MAX_BINARY_FETCH_BYTES if can_sendfile(connection) else MEMORY_BINARY_FETCH_BYTES


async def sendfile_piece(connection: WatchedConnection, lead: bytes, piece: BinaryReply,
                         path: Path) -> None:
    """Write ``lead``, the frame's head and the reply's header, then the piece's bytes,
    from ``path`` by ``sendfile``: one frame, nothing of websockets between.

    A file shorter than it should be, or a connection that ends on the way — a vote that
    opens cuts a slow laptop's file connection — leaves a frame that cannot be finished:
    the connection is ended, and the laptop asks for the piece again."""
    loop = asyncio.get_running_loop()
    transport, offset, length = connection.transport, piece.offset, piece.length
    sent = 0
    # Opened first: a file gone missing is an error answered before any byte is written.
    with path.open("rb") as handle:
        async with connection.send_context():
            connection.holding = True
            try:
                transport.write(lead)
                try:
                    sent = await loop.sendfile(transport, handle, offset, length,
                                               fallback=False)
                except asyncio.SendfileNotAvailableError:  # nothing of it sent yet
                    assert piece.read_into is not None
                    data = bytearray(length)
                    await asyncio.to_thread(piece.read_into, memoryview(data))
                    transport.write(data)
                    sent = length
            except (OSError, RuntimeError) as exc:
                log.info("a file piece could not be finished: %s", type(exc).__name__)
            finally:
                connection.holding = False
            if sent != length:
                transport.abort()
