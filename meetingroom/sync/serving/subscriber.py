"""One connection that follows a meeting, and how its link is judged (``Channel``'s view).

A link is slow when its keepalive round trip is long, or when bytes written to it stay
unsent for ``BACKLOG_S``: then its counts are paced and what it is sent is deflated.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from websockets.asyncio.server import ServerConnection

from meetingroom.server.service import WireEvent
from meetingroom.sync.serving.writing import queued_bytes

if TYPE_CHECKING:
    from meetingroom.sync.serving.runs import Progress

#: A connection found still carrying earlier bytes is paced by the gap for this long.
PACED_FOR_S = 10.0
#: A connection whose keepalive round trip took this long is on a slow link even when
#: its own bytes have drained: 30 laptops on one access point each drain theirs while
#: all of them together fill the air (``bench.weak_link``). A LAN answers in a few ms.
SLOW_LATENCY_S = 0.25
#: ... and what is fanned out to it is deflated for this long (``writing``): a hall's
#: Wi-Fi that was slow a few minutes ago is slow again at the next vote.
SLOW_FOR_S = 300.0
#: A connection holding earlier bytes at every look for this long is backed up.
BACKLOG_S = 0.5


@dataclass(eq=False)
class Subscriber:
    connection: ServerConnection
    meeting_id: int
    sent_seq: int | None = None  # None until its replay or snapshot has been sent
    held: dict[int, WireEvent] = field(default_factory=dict)
    #: The subscriber's role in the meeting: some payloads are hidden from some roles.
    role: str = ""
    user_id: int = 0
    #: Gets ``progress`` frames instead of per-voter events (see the module's docstring).
    progress: bool = False
    #: A relay's mirror: gets each run of those events as one ``run`` message.
    runs: bool = False
    #: Index in the channel's current run from which this subscriber is owed events.
    pending_from: int | None = None
    #: Runs flushed while its connection was still busy, merged; sent once it drains.
    owed: Progress | None = None
    #: Its socket's descriptor, read once (asked every flush, for every delegate).
    fd: int | None = field(default=None, repr=False)
    #: When its last ``progress`` frame went (monotonic), for the channel's ``gap``.
    last_progress: float = float("-inf")
    #: When its connection was last found backed up for ``BACKLOG_S`` (monotonic).
    backed_up_at: float = float("-inf")
    #: Since when its connection has been found holding earlier bytes at every look.
    backlog_since: float | None = None

    def busy(self) -> bool:
        """Whether bytes written to its connection have not left yet (see queued_bytes).

        Found so at every look for ``BACKLOG_S``, the link counts as slow (``slow``). Once
        is not enough: a large reply, the meeting's snapshot (240 kB at a thousand seats),
        fills any socket for a moment, and one backlog then marked a LAN laptop slow for
        five minutes, its every frame deflated: a sixth of a thousand-seat vote's server
        time (``bench.sync_scale``)."""
        if self.fd is None:
            sock = self.connection.transport.get_extra_info("socket") \
                if self.connection.transport is not None else None
            self.fd = sock.fileno() if sock is not None else -1
        return self.note_backlog(queued_bytes(self.connection, self.fd if self.fd >= 0 else None),
                                 time.monotonic())

    def note_backlog(self, queued: int, now: float) -> bool:
        """``busy``'s verdict on ``queued`` bytes found at ``now``, kept for ``slow``."""
        if not queued:
            self.backlog_since = None
            return False
        if self.backlog_since is None:
            self.backlog_since = now
        elif now - self.backlog_since >= BACKLOG_S:
            self.backed_up_at = now
        return True

    def slow(self, now: float, within: float) -> bool:
        """Whether its link was found slow lately: backed up for ``BACKLOG_S`` in the last
        ``within`` seconds, or a keepalive round trip of ``SLOW_LATENCY_S``."""
        return now - self.backed_up_at < within or \
            self.connection.latency >= SLOW_LATENCY_S
