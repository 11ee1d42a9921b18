"""The bound on file-piece memory: a server holds at most its budget of pieces at once,
however many laptops fetch together, and a piece larger than the budget still goes."""

from __future__ import annotations

import asyncio

import pytest

from meetingroom.sync.serving.budget import ByteBudget


async def test_pieces_wait_for_memory_and_never_exceed_the_budget() -> None:
    budget = ByteBudget(10)
    peak = 0
    order: list[str] = []

    async def piece(name: str, nbytes: int) -> None:
        nonlocal peak
        async with budget.hold(nbytes):
            peak = max(peak, budget.used)
            order.append(f"{name}+")
            await asyncio.sleep(0.02)
            order.append(f"{name}-")

    await asyncio.gather(piece("a", 6), piece("b", 6), piece("c", 4), piece("huge", 50))
    assert peak <= 10
    assert budget.used == 0
    # "b" could not start beside "a" (6 + 6 > 10) but "c" could (6 + 4).
    assert order.index("b+") > order.index("a-")
    assert order.index("c+") < order.index("a-")
    # A piece over the whole budget goes alone.
    assert order.index("huge+") > max(order.index(x) for x in ("a-", "b-", "c-")) or \
        order.index("huge-") < min(order.index(x) for x in ("a+", "b+", "c+"))


async def test_a_cancelled_wait_takes_nothing() -> None:
    budget = ByteBudget(8)
    async with budget.hold(8):
        waiting = asyncio.create_task(budget.hold(4).__aenter__())
        await asyncio.sleep(0.01)
        waiting.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiting
    assert budget.used == 0
    async with budget.hold(8):
        assert budget.used == 8
