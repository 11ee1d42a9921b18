"""Linked rooms: which relay halls follow a meeting, whether their link is up, who is there.

A relay announces itself on its uplink with ``relay_status`` (its hall name and how
many people it has present); the chair server keeps one entry per hall and meeting
and tells the meeting's preparers (chair, secretary, admin) with ``room.changed``
notices. With several server processes the entries travel between them over
PostgreSQL NOTIFY (see ``fanout``); each carries the connection it came from, so
a late "down" from a process that lost the relay never hides the "up" of the
process the relay reconnected to.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from meetingroom.core.protocol import RelayStatus, RequestType

#: The request a relay sends on its uplink (see docs/protocol.md, "Relay halls"); its
#: model and its row are in the request table (``core.protocol.REQUESTS``).
RELAY_STATUS = RequestType.RELAY_STATUS.value
#: A room not heard from for this long is shown with its link down.
ROOM_STALE_AFTER = timedelta(seconds=75)
#: Roles that receive the room list (the chair console and the secretary workspace).
ROOM_VIEWERS = frozenset({"chair", "secretary", "admin"})
__all__ = ["RELAY_STATUS", "ROOM_STALE_AFTER", "ROOM_VIEWERS", "RelayStatus", "Room",
           "RoomBoard"]


@dataclass(frozen=True)
class Room:
    meeting_id: int
    hall: str
    link: str  # "up" or "down"
    present: int
    laptops: int
    pending: int
    seq: int
    account: str
    since: str  # when the link last changed state (ISO, UTC)
    updated_at: str  # when the relay was last heard from
    #: Which server connection reported it: "<process>/<peer>".
    origin: str

    def view(self) -> dict[str, Any]:
        body = asdict(self)
        del body["origin"], body["meeting_id"]
        return body


def _now() -> str:
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


class RoomBoard:
    """Every linked room of every meeting this process knows of."""

    def __init__(self) -> None:
        self._rooms: dict[tuple[int, str], Room] = {}

    def rooms(self, meeting_id: int) -> list[dict[str, Any]]:
        return [r.view() for (m, _), r in sorted(self._rooms.items()) if m == meeting_id]

    def count(self, meeting_id: int) -> int:
        """How many rooms follow the meeting: each relay's report is answered with it, and
        building every room's view for that took a quarter of a province of 200 halls
        while they checked in."""
        return sum(1 for m, _ in self._rooms if m == meeting_id)

    def linked(self, account: str) -> bool:
        """Whether ``account`` is a relay with a hall linked now (it may forward addresses)."""
        return any(r.account == account and r.link == "up" for r in self._rooms.values())

    def report(self, status: RelayStatus, account: str, origin: str) -> tuple[Room, bool]:
        """A relay said where it is: the room, and whether what the chair sees changed."""
        key = (status.meeting_id, status.hall)
        old = self._rooms.get(key)
        now = _now()
        room = Room(status.meeting_id, status.hall, "up", status.present, status.laptops,
                    status.pending, status.seq, account,
                    old.since if old is not None and old.link == "up" else now, now, origin)
        return room, self._put(room, old)

    def link_lost(self, meeting_id: int, hall: str, origin: str) -> Room | None:
        """The connection ``origin`` that reported this hall ended."""
        old = self._rooms.get((meeting_id, hall))
        if old is None or old.origin != origin or old.link == "down":
            return None
        now = _now()
        room = replace(old, link="down", since=now, updated_at=now)
        self._put(room, old)
        return room

    def merge(self, data: dict[str, Any]) -> Room | None:
        """A room as another server process saw it (from a NOTIFY payload)."""
        try:
            room = Room(**data)
        except TypeError:
            return None
        old = self._rooms.get((room.meeting_id, room.hall))
        if room.link == "down" and old is not None and old.origin != room.origin:
            return None  # the hall is already linked through another connection
        if old is not None and old.updated_at > room.updated_at and old.origin != room.origin:
            return None
        return room if self._put(room, old) else None

    def expire(self, now: datetime | None = None) -> list[Room]:
        """Mark rooms not heard from in ``ROOM_STALE_AFTER`` as down — a process died."""
        limit = ((now or datetime.now(UTC)) - ROOM_STALE_AFTER).isoformat() \
            .replace("+00:00", "Z")
        changed = []
        for key, room in list(self._rooms.items()):
            if room.link == "up" and room.updated_at < limit:
                stamp = _now()
                self._rooms[key] = replace(room, link="down", since=stamp, updated_at=stamp)
                changed.append(self._rooms[key])
        return changed

    def _put(self, room: Room, old: Room | None) -> bool:
        """Store it; True when more than the heartbeat time moved."""
        self._rooms[(room.meeting_id, room.hall)] = room
        return old is None or replace(old, updated_at="") != replace(room, updated_at="")

    @staticmethod
    def wire(room: Room) -> dict[str, Any]:
        """The full entry, for other processes."""
        return asdict(room)
