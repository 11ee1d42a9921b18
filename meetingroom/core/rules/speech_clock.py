"""A speech's time: limit, elapsed and remaining, from stored instants — no running timer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class SpeechClock:
    """Elapsed time is stored as seconds banked before the last pause plus a running start.

    Clients get ``remaining_s`` and ``running`` with the server's clock in every
    event and count down locally, so a timer needs no per-second broadcast.
    """

    limit_s: int
    banked_s: float
    running_since: datetime | None

    def elapsed(self, now: datetime) -> float:
        running = (now - self.running_since).total_seconds() if self.running_since else 0.0
        return self.banked_s + max(running, 0.0)

    def remaining(self, now: datetime) -> float:
        """Negative when the speaker runs over; the big screen shows the overrun."""
        return self.limit_s - self.elapsed(now)

    def paused(self, now: datetime) -> SpeechClock:
        return SpeechClock(self.limit_s, self.elapsed(now), None)

    def resumed(self, now: datetime) -> SpeechClock:
        return SpeechClock(self.limit_s, self.banked_s, now)
