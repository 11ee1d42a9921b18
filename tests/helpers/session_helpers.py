"""Small helpers for driving a session through real clients."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from meetingroom.sync.client.chair_client import ChairClient


async def until(client: ChairClient, kind: str, wait: float = 15) -> dict[str, Any]:
    """The next event of ``kind``, skipping the others (they are checked elsewhere)."""
    async with asyncio.timeout(wait):
        while True:
            event = await client.next_event(wait)
            if event["event"] == kind:
                return event


async def start_session(chair: ChairClient, meeting_id: int, item_id: int) -> None:
    await chair.subscribe(meeting_id)
    await chair.command(meeting_id, "meeting.start")
    await chair.command(meeting_id, "agenda.set_current", {"item_id": item_id})


async def connect_once_a_slot_is_free(url: str) -> Any:
    """A connection, as soon as the server has freed a slot for this address (it does so
    when it has seen a connection close; until then it refuses with 1013)."""
    async with asyncio.timeout(20):
        while True:
            ws = await connect(url)
            try:
                welcome = json.loads(await ws.recv())
            except ConnectionClosed as closed:
                if closed.rcvd is None or closed.rcvd.code != 1013:
                    raise
                await asyncio.sleep(0.05)
                continue
            assert welcome["type"] == "welcome"
            return ws


async def eventually(check: Callable[[], bool], within: float = 20) -> None:
    """Wait for a condition (a log line, a count) instead of sleeping and hoping."""
    async with asyncio.timeout(within):
        while True:
            if check():
                return
            await asyncio.sleep(0.05)
