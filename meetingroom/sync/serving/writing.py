"""Writing one message to many connections, compressed only where it pays.

Laptops offer per-message deflate (RFC 7692) on their command connection, and the
server accepts it: on weak hall Wi-Fi, where 30 laptops share 64 kbit/s, the JSON
of a vote (its events, the counts, the replies) deflates to about a third, and a
ballot's answer no longer waits behind uncompressed text (``bench.weak_link``).

Compressing costs the server a deflate per connection and message, which a hall of a
thousand on a LAN neither needs nor can afford for the counts it fans out every 50 ms
(``bench.sync_scale``). The extension lets a sender choose per message: a frame sent
without the RSV1 bit is plain text the peer reads as is. So ``send`` compresses for
the connections it is asked to — those of a small meeting, or on a link found slow —
and writes one plain frame, framed once, to all the others. File
data is never compressed: PDFs do not deflate, and pieces go out plain
(``SocketServer._send_file_piece``), on a connection that offers no extension.
"""

from __future__ import annotations

import logging
import struct
import sys
import weakref
from collections.abc import Iterable

from websockets.asyncio.server import ServerConnection
from websockets.extensions.permessage_deflate import PerMessageDeflate
from websockets.protocol import OPEN, Side

if sys.platform != "win32":  # the kernel's unsent bytes of a socket (Linux, the BSDs)
    from fcntl import ioctl
    from termios import TIOCOUTQ

log = logging.getLogger("meetingroom.server")


def queued_bytes(connection: ServerConnection, fd: int | None = None) -> int:
    """Bytes written to ``connection`` that have not left this machine: its write buffer
    or, where the kernel tells and the buffer is empty, what its socket has not had
    acknowledged yet (``fd``: the socket's descriptor, when the caller knows it)."""
    transport = connection.transport
    if transport is None or transport.is_closing():
        return 0
    size = transport.get_write_buffer_size()
    if size or sys.platform == "win32":
        return size
    if fd is None:
        sock = transport.get_extra_info("socket")
        if sock is None:
            return 0
        fd = sock.fileno()
    try:
        unsent: int = struct.unpack("i", ioctl(fd, TIOCOUTQ, b"\0\0\0\0"))[0]
    except (OSError, ValueError):
        return 0
    return unsent


#: ``plain_allowed`` of each open connection: its extensions are settled at the handshake.
_PLAIN: weakref.WeakKeyDictionary[ServerConnection, bool] = weakref.WeakKeyDictionary()


def plain_allowed(connection: ServerConnection) -> bool:
    """Whether a plain, unmasked frame built once is what this connection expects: a
    server's connection with no extension, or only per-message deflate (which lets a
    message go uncompressed). Worked out once per connection: asked for each of a
    thousand laptops' own ``vote.opened``, it was 5–14 % of that fan-out (cProfile)."""
    allowed = _PLAIN.get(connection)
    if allowed is None:
        protocol = connection.protocol
        allowed = _PLAIN[connection] = protocol.side is Side.SERVER and all(
            isinstance(extension, PerMessageDeflate) for extension in protocol.extensions)
    return allowed


def plain_frame(data: bytes) -> bytes:
    """A whole, unmasked text frame of ``data`` (RFC 6455 §5.2): what websockets'
    ``Frame.serialize`` builds for it, without its checks and extension pass: for a
    thousand laptops' own small frames those cost about 40 % of the sockets' writes."""
    size = len(data)
    if size < 126:
        return bytes((0x81, size)) + data
    if size < 1 << 16:
        return struct.pack("!BBH", 0x81, 126, size) + data
    return struct.pack("!BBQ", 0x81, 127, size) + data


def send(connections: Iterable[ServerConnection], text: str,
         compress: Iterable[ServerConnection] = ()) -> None:
    """Write one text message to every connection: through websockets (deflated where
    negotiated) to those in ``compress``, as one plain frame framed once to the rest.

    ``websockets.broadcast`` frames the message again for each connection — a frame
    object, its header, the protocol's buffer, then the write: at a thousand delegates
    and a ``progress`` frame every 50 ms that was most of the event loop's share of a
    vote. A server's frames are not masked, so a plain frame's bytes are the same for
    every connection and are built once here. A connection that is not open, or is in
    the middle of a fragmented message, is skipped, as websockets.broadcast does."""
    data = text.encode()
    wire: bytes | None = None
    deflated = set(compress)
    for connection in connections:
        protocol = connection.protocol
        if protocol.state is not OPEN or connection.send_in_progress is not None:
            continue
        transport = connection.transport
        try:
            if transport is None or not plain_allowed(connection) or (
                    protocol.extensions and connection in deflated):
                protocol.send_text(data)
                connection.send_data()
                continue
            if protocol.writes:  # keep the order of anything the protocol still holds
                connection.send_data()
            if wire is None:
                wire = plain_frame(data)
            transport.write(wire)
        except Exception as exc:  # as websockets.broadcast: the others still get it
            log.warning("could not write to a connection: %s", exc)


def send_in_order(connection: ServerConnection, texts: list[str], deflate: bool) -> None:
    """Several text messages to one connection, in order: plain ones in one write.

    A delegate's own ballot goes with the counts before it, two frames; written one by
    one they were two of the sends a thousand-seat vote costs the server per delegate,
    each one most of what its frame costs. ``deflate``: through websockets, one message
    after the other (where the laptop asked for it), as ``send`` does."""
    protocol = connection.protocol
    transport = connection.transport
    if protocol.state is not OPEN or connection.send_in_progress is not None:
        return
    try:
        if transport is None or not plain_allowed(connection) or (
                protocol.extensions and deflate):
            for text in texts:
                protocol.send_text(text.encode())
            connection.send_data()
            return
        if protocol.writes:  # keep the order of anything the protocol still holds
            connection.send_data()
        transport.write(b"".join(plain_frame(text.encode()) for text in texts))
    except Exception as exc:  # as websockets.broadcast: the others still get theirs
        log.warning("could not write to a connection: %s", exc)
