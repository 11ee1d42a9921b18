"""Fan-out of one meeting's events to its connections, in sequence order, once each.

Each subscriber remembers the last sequence number it was sent. Events that
arrive while a subscriber is still loading its replay or snapshot are held back
and released in order afterwards, so joining mid-session never skips or repeats
an event.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from websockets.asyncio.server import ServerConnection, broadcast

from meetingroom.protocol import encode, event_message
from meetingroom.service import WireEvent
from meetingroom.views import visible_payload

log = logging.getLogger("meetingroom.server")

#: A subscriber holding more than this many out-of-order events has lost its way;
#: it is disconnected so its client resubscribes from what it has.
MAX_HELD_BACK = 2000


@dataclass(eq=False)
class Subscriber:
    connection: ServerConnection
    meeting_id: int
    sent_seq: int | None = None  # None until its replay or snapshot has been sent
    held: dict[int, WireEvent] = field(default_factory=dict)
    #: The subscriber's role in the meeting: some payloads are hidden from some roles.
    role: str = ""


def notice_message(meeting_id: int, name: str, payload: dict[str, Any]) -> dict[str, Any]:
    """A notice: news about the link or the rooms that is not part of the meeting's log."""
    return {"type": "notice", "meeting_id": meeting_id, "notice": name, "payload": payload}


def _frame(event: WireEvent, role: str) -> str:
    return encode(event_message(event.meeting_id, event.seq, event.type,
                                visible_payload(event.type, event.payload, role), event.at))


class Channel:
    def __init__(self, meeting_id: int, on_lost: Callable[[Subscriber], None]) -> None:
        self.meeting_id = meeting_id
        self.subscribers: set[Subscriber] = set()
        self._on_lost = on_lost

    def publish(self, events: Iterable[WireEvent]) -> None:
        for event in sorted(events, key=lambda e: e.seq):
            in_step = []
            for sub in self.subscribers:
                if sub.sent_seq is not None and event.seq == sub.sent_seq + 1 and not sub.held:
                    in_step.append(sub)
                    sub.sent_seq = event.seq
                else:
                    self._hold(sub, event)
            for role in {s.role for s in in_step}:
                broadcast([s.connection for s in in_step if s.role == role],
                          _frame(event, role))

    def notice(self, name: str, payload: dict[str, Any],
               roles: frozenset[str] | None = None) -> None:
        """Send a notice — not an event: no ``seq``, not kept — to subscribers of ``roles``."""
        targets = [s.connection for s in self.subscribers
                   if s.sent_seq is not None and (roles is None or s.role in roles)]
        if targets:
            broadcast(targets, encode(notice_message(self.meeting_id, name, payload)))

    def start(self, sub: Subscriber, sent_seq: int, replay: Iterable[WireEvent]) -> None:
        """Mark ``sub`` as having the state at ``sent_seq``, then send what followed."""
        sub.sent_seq = sent_seq
        for event in replay:
            self._hold(sub, event)
        self._release(sub)

    def _hold(self, sub: Subscriber, event: WireEvent) -> None:
        if sub.sent_seq is not None and event.seq <= sub.sent_seq:
            return
        sub.held[event.seq] = event
        if len(sub.held) > MAX_HELD_BACK:
            log.error("subscriber lost its place meeting=%s held=%d", self.meeting_id,
                      len(sub.held))
            self._on_lost(sub)
            return
        self._release(sub)

    def _release(self, sub: Subscriber) -> None:
        if sub.sent_seq is None:
            return
        for seq in [s for s in sub.held if s <= sub.sent_seq]:
            del sub.held[seq]
        while (event := sub.held.pop(sub.sent_seq + 1, None)) is not None:
            broadcast([sub.connection], _frame(event, sub.role))
            sub.sent_seq = event.seq
