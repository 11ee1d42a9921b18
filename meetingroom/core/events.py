"""The one table of events: every event type, its payload and what a client does with it.

The server appends events to a meeting's log (``server/commands/registry.append_event``)
and checks each payload against its row here, so an event the table does not know, or
one missing a key, fails the command that made it instead of reaching laptops that
would drop it without a word. The laptop's ``MeetingState`` applies an event with the
reducer its row names (``laptop/meeting_store.REDUCERS``); a row may instead say the
client ignores the event, and why. tests/test_event_registry.py checks both ends: every
event the server's code can emit has a row, and every row's reducer exists.

docs/protocol.md §5.4 is the prose twin of this table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from meetingroom.core.protocol import PROGRESS_EVENT


@dataclass(frozen=True)
class Ignored:
    """The client applies nothing for this event; ``reason`` says why (for reviewers)."""

    reason: str


@dataclass(frozen=True)
class EventSpec:
    type: str
    #: Keys every payload of this type has.
    keys: frozenset[str]
    #: Keys some payloads of this type have.
    optional: frozenset[str]
    #: The name of the client's reducer (``meeting_store.REDUCERS``), or why there is none.
    reducer: str | Ignored
    #: False for frames derived on the way out (``progress``): never appended to a log.
    logged: bool = True


def _spec(kind: str, keys: str, reducer: str | Ignored, optional: str = "",
          logged: bool = True) -> EventSpec:
    return EventSpec(kind, frozenset(keys.split()), frozenset(optional.split()), reducer,
                     logged)


_SPEECH = "speech by"
EVENTS: dict[str, EventSpec] = {spec.type: spec for spec in (
    _spec("meeting.status_changed", "status previous by", "meeting_status",
          optional="ended_at"),
    _spec("meeting.updated", "", "meeting_updated", optional="title location starts_at"),
    _spec("agenda.item_added", "item order", "item_added"),
    _spec("agenda.item_updated", "item", "item_updated"),
    _spec("agenda.item_moved", "item_id parent_id order", "item_moved"),
    _spec("agenda.item_removed", "item_ids parent_id order", "item_removed"),
    _spec("agenda.current_changed", "item_id previous", "current"),
    _spec("attendance.changed", "action participant by counts quorum", "attendance"),
    _spec("speech.registered", _SPEECH, "speech"),
    _spec("speech.withdrawn", f"{_SPEECH} order", "speech"),
    _spec("speech.called", _SPEECH, "speech", optional="order granted member"),
    _spec("speech.started", f"{_SPEECH} order", "speech"),
    _spec("speech.paused", _SPEECH, "speech"),
    _spec("speech.resumed", _SPEECH, "speech"),
    _spec("speech.ended", f"{_SPEECH} totals", "speech"),
    _spec("speech.limit_changed", _SPEECH, "speech"),
    _spec("speech.reordered", "item_id queue order by", "speech_reordered"),
    *(_spec(f"vote.{kind}", "vote by", "vote")
      for kind in ("created", "opened", "stopped", "closed", "annulled")),
    _spec("vote.ballot_cast", "vote_id member_user_id by_stand_in changed voted_count tally",
          "ballot_cast"),
    _spec(PROGRESS_EVENT, "from_seq votes", "progress", optional="attendance", logged=False),
    _spec("presenter.page_shared", "document_id sha256 page by", "shared_page"),
    _spec("document.added", "document by", "document_added"),
    _spec("document.replaced", "previous_id previous_sha256 previous_pages document by",
          "document_replaced"),
    _spec("document.withdrawn", "document_id sha256 by", "document_withdrawn"),
    *(_spec(f"document.{kind}", "document by", "document_decided")
      for kind in ("submitted", "approved", "rejected")),
    _spec("participant.added", "participant by", "participant", optional="imported"),
    _spec("participant.updated", "participant by", "participant"),
    _spec("participant.removed", "user_id by", "participant_removed"),
    _spec("conclusion.set", "conclusion by", "conclusion"),
    _spec("opinion.created", "opinion by", "opinion"),
    _spec("opinion.answered", "opinion user_id changed", "opinion"),
    _spec("opinion.closed", "opinion by at_deadline", "opinion"),
    _spec("opinion.reminded", "opinion_id title deadline not_answered by",
          "opinion_reminded"),
)}


class EventShapeError(ValueError):
    """An event the table does not know, or a payload that does not match its row."""


def check_payload(kind: str, payload: Mapping[str, Any]) -> EventSpec:
    """The row of ``kind`` if ``payload`` has its keys and no others; EventShapeError if not.

    Run on every append, so a new event type, or a renamed key, fails its own command's
    tests at once rather than a laptop's reducer in a hall.
    """
    spec = EVENTS.get(kind)
    if spec is None or not spec.logged:
        raise EventShapeError(f"event {kind!r} is not in core/events.py EVENTS")
    keys = set(payload)
    missing, extra = spec.keys - keys, keys - spec.keys - spec.optional
    if missing or extra:
        raise EventShapeError(f"event {kind!r}: payload missing {sorted(missing)}, "
                              f"unexpected {sorted(extra)}")
    return spec
