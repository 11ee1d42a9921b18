"""One message sent plain on a connection that negotiated per-message deflate.

RFC 7692 lets either side send any message uncompressed (the RSV1 bit clear), but
websockets deflates every message it sends once the extension is on. Some messages
must not be deflated — a session token, which must not share a compression window
with text others chose; an upload's pieces, which do not compress — so they are
framed here and written through the connection's own send context, which checks the
connection is open and waits while its buffer is full, as ``Connection.send`` does.
Used by both halves: the server's replies and the client's requests.
"""

from __future__ import annotations

from websockets.asyncio.connection import Connection
from websockets.exceptions import ConnectionClosedError
from websockets.frames import Frame, Opcode
from websockets.protocol import Side


async def send_plain(connection: Connection, text: str) -> None:
    """``text`` in one text frame that is not deflated, masked if this is a client."""
    async with connection.send_context():
        transport = connection.transport
        if transport is None:  # not once the context has let us in
            raise ConnectionClosedError(None, None)
        masked = connection.protocol.side is Side.CLIENT
        transport.write(Frame(Opcode.TEXT, text.encode()).serialize(mask=masked))
