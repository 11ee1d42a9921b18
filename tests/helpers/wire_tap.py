"""A pass-through between a laptop and the real server that records what the laptop sends.

Everything that leaves the laptop goes through its websocket; a test that must prove
something never leaves (a ballot secret) points the real client at a ``WireTap`` in
front of the real server and reads ``sent`` afterwards. The tap changes nothing: each
text message is forwarded as it is, in both directions.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading

from websockets.asyncio.client import connect
from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed


class WireTap:
    """Listens on a free local port in its own thread; ``url`` is where clients connect."""

    def __init__(self, upstream: str) -> None:
        self.upstream = upstream
        self.url = ""
        #: Every message a client sent, in order (text frames as str).
        self.sent: list[str | bytes] = []
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._run, name="wire-tap", daemon=True)

    def __enter__(self) -> WireTap:
        self._thread.start()
        if not self._ready.wait(20):
            raise RuntimeError("the wire tap did not start")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(20)

    def messages(self) -> list[str | bytes]:
        with self._lock:
            return list(self.sent)

    def _run(self) -> None:
        self._loop.run_until_complete(self._serve())
        self._loop.close()

    async def _serve(self) -> None:
        self._stop = asyncio.Event()
        async with serve(self._relay, "127.0.0.1", 0, max_size=None,
                         compression=None) as server:
            port = next(iter(server.sockets)).getsockname()[1]
            self.url = f"ws://127.0.0.1:{port}"
            self._ready.set()
            await self._stop.wait()

    async def _relay(self, laptop: ServerConnection) -> None:
        async with connect(self.upstream, max_size=None, compression=None) as hall:
            async def up() -> None:
                async for message in laptop:
                    with self._lock:
                        self.sent.append(message)
                    await hall.send(message)

            async def down() -> None:
                async for message in hall:
                    await laptop.send(message)

            tasks = [asyncio.create_task(up()), asyncio.create_task(down())]
            _, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
            for task in pending:
                task.cancel()
            for task in tasks:
                with contextlib.suppress(asyncio.CancelledError, ConnectionClosed):
                    await task

    def __repr__(self) -> str:
        return f"WireTap({self.upstream!r} at {self.url!r})"
