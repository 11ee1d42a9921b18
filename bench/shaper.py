"""A TCP proxy that behaves like weak hall Wi-Fi, for benchmarks and tests on loopback.

This kernel has no netem, so the link is shaped in user space: every connection
through one ``ShapedLink`` shares its rate (each direction on its own, as on a
half-loaded access point), bytes leave after a delay with jitter (in order within
a connection), and the link can stall (nothing passes, connections stay) or go
down (nothing passes and new connections are refused at once, as when the laptop's
Wi-Fi has lost its access point).

The queue discipline is per-connection fair queueing with priority for sparse
flows (what fq_codel does in Linux access points, the default on OpenWrt and in
mac80211): a connection that sends a little now and then (a ballot) is served
before the bulk connections' backlog; ``fair=False`` gives one plain FIFO. Each
connection may hold ``flow_queue_bytes`` in the link (a few frames, the standing
queue fq_codel keeps per flow); beyond that the proxy stops reading it, so the
sender feels back-pressure as it would from a real link. The proxy's own sockets
get small kernel buffers (``socket_buffer``) for the same reason: bytes waiting
for the link wait at the sender, where it can see them (a real access point's
queue holds them unacknowledged), not in a loopback buffer that acknowledged them.

A connection that ends, from either side, leaves the link at once: what it still
had queued in either direction is dropped and the other side is closed, so a
closed connection never goes on taking the rate from the live ones (as a reset
connection's frames are dropped by the access point's queue).

    link = ShapedLink("127.0.0.1", server_port, rate=8000, delay=0.15, jitter=0.1)
    await link.start()       # link.url is ws://127.0.0.1:<port>
    link.stall(3.0)          # three seconds of nothing
    link.set_down(True)      # an outage, until set_down(False)
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import socket
import time
from collections import deque
from dataclasses import dataclass, field

#: Bytes read from a socket at a time: about one Wi-Fi frame's payload.
FRAME = 1400
#: Bytes a flow may send per round of the fair queue.
QUANTUM = 1514


@dataclass(eq=False)
class _Flow:
    """One direction of one proxied connection."""

    writer: asyncio.StreamWriter
    queued: deque[bytes | None] = field(default_factory=deque)
    size: int = 0
    deficit: int = 0
    listed: bool = False
    last_delivery: float = 0.0
    space: asyncio.Event = field(default_factory=asyncio.Event)
    closed: bool = False
    #: Cut off by ``ShapedLink.strand``: what it sends is read and thrown away.
    stranded: bool = False
    #: Frames on their way: (loop time due, frame), in order.
    outbox: deque[tuple[float, bytes | None]] = field(default_factory=deque)


class _Pipe:
    """One direction of the link: a rate, a delay with jitter, a queue discipline."""

    def __init__(self, link: ShapedLink) -> None:
        self.link = link
        self.new: deque[_Flow] = deque()
        self.old: deque[_Flow] = deque()
        self.fifo: deque[tuple[_Flow, bytes | None]] = deque()
        self.ready = asyncio.Event()
        self.bytes = 0
        self._free_at = 0.0
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    def put(self, flow: _Flow, chunk: bytes | None) -> None:
        flow.size += len(chunk or b"")
        if self.link.fair:
            flow.queued.append(chunk)
            if not flow.listed:
                flow.listed = True
                flow.deficit = QUANTUM
                self.new.append(flow)
        else:
            self.fifo.append((flow, chunk))
        self.ready.set()

    def purge(self, flow: _Flow) -> int:
        """Drop what ``flow`` still has queued here (its connection ended); the bytes."""
        dropped = flow.size
        if self.link.fair:
            flow.queued.clear()
        else:
            self.fifo = deque(item for item in self.fifo if item[0] is not flow)
        flow.size = 0
        flow.space.set()
        return dropped

    def _pick(self) -> tuple[_Flow, bytes | None] | None:
        if not self.link.fair:
            return self.fifo.popleft() if self.fifo else None
        while self.new or self.old:
            line = self.new if self.new else self.old
            flow = line[0]
            if flow.deficit <= 0:
                flow.deficit += QUANTUM
                line.popleft()
                self.old.append(flow)
                continue
            if not flow.queued:
                line.popleft()
                if line is self.new:
                    self.old.append(flow)
                else:
                    flow.listed = False
                continue
            chunk = flow.queued.popleft()
            flow.deficit -= len(chunk or b"")
            return flow, chunk
        return None

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            await self.link.passing.wait()
            picked = self._pick()
            if picked is None:
                self.ready.clear()
                await self.ready.wait()
                continue
            flow, chunk = picked
            size = len(chunk or b"")
            if self.link.rate and size:
                now = time.monotonic()
                self._free_at = max(self._free_at, now) + size / self.link.rate
                if self._free_at > now:
                    await asyncio.sleep(self._free_at - now)
                await self.link.passing.wait()  # a stall begun meanwhile holds this frame
            flow.size = max(0, flow.size - size)
            if flow.size < self.link.flow_queue_bytes:
                flow.space.set()
            self.bytes += size
            delay = self.link.delay + self.link.jitter * (2 * self.link.random.random() - 1)
            at = max(loop.time() + max(0.0, delay), flow.last_delivery)
            flow.last_delivery = at
            flow.outbox.append((at, chunk))
            if len(flow.outbox) == 1:
                loop.call_at(at, _deliver, loop, flow)


def _deliver(loop: asyncio.AbstractEventLoop, flow: _Flow) -> None:
    """Write every frame of ``flow`` that is due, in order; come back for the next."""
    while flow.outbox and flow.outbox[0][0] <= loop.time() + 0.0005:
        _at, chunk = flow.outbox.popleft()
        if flow.closed or flow.stranded:
            continue
        if chunk is None:
            flow.closed = True
            with contextlib.suppress(Exception):
                flow.writer.close()
            continue
        if flow.writer.transport.is_closing():  # the far end went: drop what was on its way
            flow.closed = True
            continue
        with contextlib.suppress(Exception):
            flow.writer.write(chunk)
    if flow.outbox:
        loop.call_at(flow.outbox[0][0], _deliver, loop, flow)


class ShapedLink:
    """A shaping TCP proxy in front of ``host:port``; see the module's docstring."""

    def __init__(self, host: str, port: int, *, rate: float | None = None,
                 delay: float = 0.0, jitter: float = 0.0, fair: bool = True,
                 flow_queue_bytes: int = 2 * FRAME, listen: str = "127.0.0.1",
                 seed: int | None = None, socket_buffer: int | None = 4096) -> None:
        """``rate`` in bytes per second per direction (None: unlimited); ``delay`` and
        ``jitter`` in seconds (each frame waits delay ± jitter, uniformly)."""
        self.host, self.port_to = host, port
        self.rate = rate
        self.delay = delay
        self.jitter = jitter
        self.fair = fair
        self.flow_queue_bytes = flow_queue_bytes
        #: SO_RCVBUF of the proxy's sockets (None: the kernel's default, which on
        #: loopback grows to megabytes and hides a backlog from the sender).
        self.socket_buffer = socket_buffer
        self.listen = listen
        self.random = random.Random(seed)
        #: Set while bytes may pass (cleared by a stall or an outage).
        self.passing = asyncio.Event()
        self.passing.set()
        self.down = False
        self.up_pipe = _Pipe(self)  # client → server
        self.down_pipe = _Pipe(self)  # server → client
        self.connections = 0
        self.refused = 0
        #: Bytes dropped from the link because their connection had ended.
        self.dropped = 0
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        #: Both directions of each connection open now (``strand``).
        self._pairs: list[tuple[_Flow, _Flow]] = []
        self._stall_end: asyncio.TimerHandle | None = None

    async def start(self) -> None:
        listener = self._socket(self.listen)
        listener.bind((self.listen, 0))
        # limit: the streams read ahead of the link at most a frame or two (asyncio's
        # default reads 128 KiB ahead, a backlog the sender would never see).
        self._server = await asyncio.start_server(self._accept, sock=listener, limit=FRAME)
        self.up_pipe.start()
        self.down_pipe.start()

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self.up_pipe.stop()
        await self.down_pipe.stop()
        if self._server is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 2)

    async def __aenter__(self) -> ShapedLink:
        await self.start()
        return self

    async def __aexit__(self, *_exc: object) -> None:
        await self.stop()

    @property
    def port(self) -> int:
        assert self._server is not None, "start() first"
        port: int = self._server.sockets[0].getsockname()[1]
        return port

    @property
    def url(self) -> str:
        return f"ws://{self.listen}:{self.port}"

    # --- weather ------------------------------------------------------------------------

    def stall(self, seconds: float) -> None:
        """Nothing passes for ``seconds``; connections stay open and resume after."""
        self.passing.clear()
        if self._stall_end is not None:
            self._stall_end.cancel()
        self._stall_end = asyncio.get_running_loop().call_later(seconds, self._resume)

    def _resume(self) -> None:
        self._stall_end = None
        if not self.down:
            self.passing.set()

    def strand(self) -> int:
        """The laptop moved to another access point or address: every connection open
        now carries nothing more, silently (no reset reaches either end, as with a
        dead NAT mapping), while new connections pass. Returns how many were cut."""
        stranded = 0
        for to_server, to_client in self._pairs:
            for pipe, flow in ((self.up_pipe, to_server), (self.down_pipe, to_client)):
                flow.stranded = True
                self.dropped += pipe.purge(flow)
            stranded += 1
        self._pairs.clear()
        return stranded

    def set_down(self, down: bool) -> None:
        """An outage: nothing passes and new connections are refused, until it ends."""
        self.down = down
        if down:
            self.passing.clear()
        elif self._stall_end is None:
            self.passing.set()

    # --- connections --------------------------------------------------------------------

    async def _accept(self, reader: asyncio.StreamReader,
                      writer: asyncio.StreamWriter) -> None:
        if self.down:
            self.refused += 1
            writer.transport.abort()
            return
        try:
            upstream = self._socket(self.host)
            try:
                await asyncio.get_running_loop().sock_connect(upstream,
                                                              (self.host, self.port_to))
            except BaseException:
                upstream.close()
                raise
            up_reader, up_writer = await asyncio.open_connection(sock=upstream, limit=FRAME)
        except OSError:
            writer.transport.abort()
            return
        self.connections += 1
        to_server = _Flow(up_writer)
        to_client = _Flow(writer)
        pair = (to_server, to_client)
        self._pairs.append(pair)
        for task in (asyncio.create_task(self._carry(reader, self.up_pipe, to_server, pair)),
                     asyncio.create_task(self._carry(up_reader, self.down_pipe, to_client,
                                                     pair))):
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    def _socket(self, host: str) -> socket.socket:
        """A TCP socket of the proxy, with its small receive buffer (set before connect
        or listen, so the window is sized by it from the start)."""
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setblocking(False)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if self.socket_buffer:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, self.socket_buffer)
        return sock

    async def _carry(self, reader: asyncio.StreamReader, pipe: _Pipe, flow: _Flow,
                     pair: tuple[_Flow, _Flow]) -> None:
        try:
            while True:
                while flow.size >= self.flow_queue_bytes:
                    flow.space.clear()
                    await flow.space.wait()
                chunk = await reader.read(FRAME)
                if not chunk:
                    break
                if not flow.stranded:
                    pipe.put(flow, chunk)
        except (OSError, asyncio.IncompleteReadError):
            pass
        finally:
            self._end(pair)

    def _end(self, pair: tuple[_Flow, _Flow]) -> None:
        """One side ended the connection: it leaves the link, both ways, at once."""
        with contextlib.suppress(ValueError):
            self._pairs.remove(pair)
        to_server, to_client = pair
        if to_server.stranded:  # a stranded connection's end reaches neither side
            return
        for pipe, flow in ((self.up_pipe, to_server), (self.down_pipe, to_client)):
            if flow.closed:
                continue
            self.dropped += pipe.purge(flow)
            flow.closed = True  # whatever is still on its way is dropped on arrival
            with contextlib.suppress(Exception):
                flow.writer.close()
