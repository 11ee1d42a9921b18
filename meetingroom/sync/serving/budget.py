"""A bound on the bytes of file pieces a server holds at once, however many laptops ask.

Each binary piece that cannot go by ``sendfile`` (TLS) is a frame built in memory, and
what the socket does not take at once is copied into the connection's buffer until the
laptop reads it. Without a bound a hall of 400 laptops fetching together would make the
server hold 400 such frames; with it, pieces wait their turn for memory, and a slow
laptop (small pieces, ``transfer.Pace``) holds little of it.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator


class ByteBudget:
    """Bytes held now, never over ``limit`` — a piece larger than the whole limit waits
    until it is alone."""

    def __init__(self, limit: int) -> None:
        if limit < 1:
            raise ValueError("the budget must be at least one byte")
        self.limit = limit
        self.used = 0
        self._freed = asyncio.Condition()

    @contextlib.asynccontextmanager
    async def hold(self, nbytes: int) -> AsyncIterator[None]:
        nbytes = max(0, min(nbytes, self.limit))
        async with self._freed:
            await self._freed.wait_for(lambda: self.used + nbytes <= self.limit)
            self.used += nbytes
        try:
            yield
        finally:
            async with self._freed:
                self.used -= nbytes
                self._freed.notify_all()
