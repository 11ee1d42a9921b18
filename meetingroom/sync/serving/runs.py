"""A run of fanned-out events — ballots, check-ins — and what stands for it on the wire.

In a hall of N a vote makes N ballots and a roll call N check-ins. ``Channel`` gathers
them in runs; this module says which events those are (``fanned_out``), whom each is
about (``about``: sent to them whole), the counts a run leaves (``Progress``, a
delegate's ``progress`` frame) and a run as a relay's mirror gets it (``FoldedRun``,
one ``run`` message kept as it came).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from meetingroom.core.protocol import PROGRESS_EVENT, encode, event_message
from meetingroom.server.service import WireEvent


def fanned_out(event: WireEvent) -> bool:
    """An event the whole hall makes one of each, a ballot, a check-in or check-out."""
    if event.type == "vote.ballot_cast":
        return True
    return event.type == "attendance.changed" and \
        event.payload.get("action") in ("check_in", "check_out")


def concerns(event: WireEvent, user_id: int) -> bool:
    """Whether a fanned-out event is about ``user_id`` (sent to them whole)."""
    return user_id != 0 and user_id in about(event)


def about(event: WireEvent) -> tuple[int, ...]:
    """Whom a fanned-out event is about: the voter, or the person checked in or out and
    whoever stands in for them (0 where there is no one)."""
    payload = event.payload
    if event.type == "vote.ballot_cast":
        return (payload.get("member_user_id") or 0,)
    row = payload.get("participant") or {}
    return row.get("user_id") or 0, row.get("stand_in_user_id") or 0


@dataclass
class FoldedRun:
    """A run of ballots and check-ins as a relay's mirror gets it: one ``run`` message.

    A province's vote of 2,000 brings each of its 200 relays 2,000 events. Read, checked,
    written and published one by one, they were most of what a relay did in a vote;
    now each run is read as one message, written as one row (``log``, as it came) and,
    when none of the hall's laptops is in it, published by its counts alone. Its events
    are read from ``log`` only when a laptop needs them one by one."""

    meeting_id: int
    from_seq: int
    seq: int
    at: Any
    #: ``votes`` and ``attendance`` as of ``seq``, as a ``progress`` frame carries them.
    counts: dict[str, Any]
    #: Whom its events are about (``about``).
    own: frozenset[int]
    #: The events ``from_seq``..``seq``: a JSON list of event messages.
    log: str
    _events: list[WireEvent] | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, meeting_id: int, message: dict[str, Any]) -> FoldedRun:
        counts = message["progress"]
        log = message["log"]
        if not isinstance(counts, dict) or not isinstance(log, str):
            raise ValueError("a run message without its counts or its log")
        return cls(meeting_id, int(message["from_seq"]), int(message["seq"]), message["at"],
                   counts, frozenset(int(u) for u in message["own"]), log)

    def events(self) -> list[WireEvent]:
        if self._events is None:
            self._events = run_events(self.meeting_id, self.log)
        return self._events


def run_events(meeting_id: int, log: str) -> list[WireEvent]:
    """The events of a run's ``log``, as they were sent."""
    return [WireEvent(meeting_id, m["seq"], m["event"], m["payload"], m["at"])
            for m in json.loads(log)]


@dataclass
class Progress:
    """What a run of fanned-out events changed, as of its last event."""

    from_seq: int = 0
    seq: int = 0
    at: Any = None
    votes: dict[int, dict[str, Any]] = field(default_factory=dict)
    attendance: dict[str, Any] | None = None
    #: Its frames as encoded, by ``from_seq``: many connections are owed the same run.
    encoded: dict[int, str] = field(default_factory=dict, compare=False, repr=False)

    def add(self, event: WireEvent) -> None:
        self.encoded.clear()
        self.from_seq = self.from_seq or event.seq
        self.seq, self.at = event.seq, event.at
        payload = event.payload
        if event.type == "vote.ballot_cast":
            vote_id = int(payload["vote_id"])
            self.votes[vote_id] = {"vote_id": vote_id,
                                   "voted_count": payload.get("voted_count"),
                                   "tally": payload.get("tally")}
        else:
            self.attendance = {"counts": payload.get("counts"), "quorum": payload.get("quorum")}

    def absorb(self, run: FoldedRun) -> None:
        """A relayed run whose events were not read: its counts, as of its last."""
        self.encoded.clear()
        self.from_seq = self.from_seq or run.from_seq
        self.seq, self.at = run.seq, run.at
        for vote in run.counts.get("votes") or []:
            self.votes[int(vote["vote_id"])] = vote
        if run.counts.get("attendance") is not None:
            self.attendance = run.counts["attendance"]

    def counts(self) -> dict[str, Any]:
        """What a ``progress`` frame carries besides ``from_seq``."""
        counts: dict[str, Any] = {"votes": [self.votes[v] for v in sorted(self.votes)]}
        if self.attendance is not None:
            counts["attendance"] = self.attendance
        return counts

    def merged(self, later: Progress) -> Progress:
        """This run followed by ``later``: its ``from_seq``, ``later``'s values."""
        votes = {**self.votes, **later.votes}
        attendance = later.attendance if later.attendance is not None else self.attendance
        return Progress(self.from_seq or later.from_seq, later.seq or self.seq,
                        later.at or self.at, votes, attendance)

    def frame(self, meeting_id: int, from_seq: int | None = None) -> str:
        """The ``progress`` message, encoded once for every connection it goes to."""
        start = from_seq or self.from_seq
        text = self.encoded.get(start)
        if text is None:
            payload = {"from_seq": start, **self.counts()}
            text = self.encoded[start] = encode(event_message(meeting_id, self.seq,
                                                              PROGRESS_EVENT, payload, self.at))
        return text
