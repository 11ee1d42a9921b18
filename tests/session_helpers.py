"""Small helpers for driving a session through real clients."""

from __future__ import annotations

import asyncio
from typing import Any

from meetingroom.sync.client import ChairClient


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
