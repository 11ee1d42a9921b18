"""The one table of commands: name, who may send it, its arguments, its handler.

A command cannot exist without a row here, so permission checks, the protocol
document and the authorisation tests all read the same source.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from meetingroom.core.events import check_payload
from meetingroom.core.protocol import WireModel
from meetingroom.core.vocabulary import Role
from meetingroom.server.blobs import BlobStore
from meetingroom.server.storage.database import Database
from meetingroom.server.storage.models import Event, Meeting, User
from meetingroom.server.storage.types import utcnow

#: A pseudo-role for system administrators, who prepare meetings they do not sit in.
ADMIN = "admin"


class Args(WireModel):
    """Base for command arguments: strict JSON types, unknown fields refused (WireModel)."""


class NoArgs(Args):
    pass


@dataclass
class CommandContext:
    """What a handler may touch: the open transaction, the locked meeting, the sender."""

    session: Session
    meeting: Meeting
    user: User
    roles: frozenset[str]
    events: list[Event] = field(default_factory=list)
    #: Work that must wait until the transaction has committed (e.g. scrubbing a table).
    after_commit: list[Callable[[], None]] = field(default_factory=list)
    db: Database | None = None
    blobs: BlobStore | None = None
    #: Group commit wrote this command's secret ballot already, in a transaction of its
    #: own that holds no voter (``MeetingService.execute_batch``); the handler only
    #: records "has voted".
    secret_ballot_stored: bool = False

    def emit(self, kind: str, payload: dict[str, Any]) -> Event:
        event = append_event(self.session, self.meeting, kind, payload)
        self.events.append(event)
        return event


def append_event(session: Session, meeting: Meeting, kind: str,
                 payload: dict[str, Any]) -> Event:
    """Append an event with the meeting's next sequence number, in this transaction.

    The caller holds the meeting row lock, which keeps numbers gapless. The payload must
    match the event's row in the event table (``core.events.EVENTS``), or nothing is
    appended: an event no client has a reducer for never reaches the log.
    """
    check_payload(kind, payload)
    meeting.last_seq += 1
    event = Event(meeting_id=meeting.id, seq=meeting.last_seq, type=kind, payload=payload,
                  created_at=utcnow())
    session.add(event)
    return event


Handler = Callable[[CommandContext, Any], dict[str, Any]]


@dataclass(frozen=True)
class CommandSpec:
    name: str
    roles: frozenset[str]
    args: type[Args]
    handler: Handler
    summary: str
    #: Touches only the sender's own data (e.g. personal annotations): allowed on a
    #: closed meeting, emits no event, and its reply is not kept for retries.
    personal: bool = False
    #: Still allowed once the meeting is closed: writing it up (conclusions, minutes).
    on_closed: bool = False


REGISTRY: dict[str, CommandSpec] = {}


def command(name: str, *, roles: set[str], args: type[Args] = NoArgs,
            personal: bool = False, on_closed: bool = False) -> Callable[[Handler], Handler]:
    """Register a handler; its docstring's first line becomes the protocol summary."""
    unknown = roles - {r.value for r in Role} - {ADMIN}
    if unknown:
        raise ValueError(f"{name}: unknown roles {unknown}")

    def register(handler: Handler) -> Handler:
        if name in REGISTRY:
            raise ValueError(f"command {name} registered twice")
        summary = (handler.__doc__ or "").strip().splitlines()[0] if handler.__doc__ else ""
        REGISTRY[name] = CommandSpec(name, frozenset(roles), args, handler, summary, personal,
                                     on_closed or personal)
        return handler

    return register
