"""The meeting list a laptop can show when it starts with the server out of reach.

DESIGN.md promises that a delegate reads everything offline; that starts before any
meeting is open. The list is the one the server last sent, brought up to date by what
the laptop has cached since: a meeting's snapshot and the events after it say its
current title, time and status better than a list fetched earlier. Each row says
whether the meeting can be opened here (``on_laptop``): only a cached meeting can.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from meetingroom.laptop.meeting_store import MeetingState
from meetingroom.sync.client.local_store import LocalStore, Scope

#: The flag each remembered row carries: True when the meeting's snapshot is on the laptop.
ON_LAPTOP = "on_laptop"


@dataclass(frozen=True)
class RememberedMeetings:
    """Rows shaped like ``list_meetings``' (plus ``on_laptop``) and when the list was fetched."""

    meetings: list[dict[str, Any]]
    #: When the server last sent the list; None when only cached meetings are known.
    listed_at: datetime | None


def _current(store: LocalStore, scope: Scope, meeting_id: int) -> dict[str, Any] | None:
    """The meeting's summary as its cached snapshot and later events leave it."""
    cached = store.load_meeting(scope, meeting_id)
    if cached is None or not isinstance(cached.snapshot.get("meeting"), dict):
        return None
    state = MeetingState(meeting_id)
    state.apply_snapshot(cached.snapshot, cached.snapshot_seq)
    for event in cached.events:
        state.apply(event)
    return {**state.meeting, "role": state.meeting.get("role") or cached.role}


def remembered_meetings(store: LocalStore, scope: Scope) -> RememberedMeetings | None:
    """What the laptop knows of the account's meetings, or None when it knows none.

    Newest first, as the server lists them. Runs on the connection's loop thread, the
    store's one user.
    """
    account = store.load_account(scope)
    rows: dict[int, dict[str, Any]] = {}
    for row in (account.meetings or []) if account is not None else []:
        if isinstance(row, dict) and isinstance(row.get("id"), int):
            rows[row["id"]] = {**row, ON_LAPTOP: False}
    for meeting_id in store.cached_meeting_ids(scope):
        current = _current(store, scope, meeting_id)
        if current is not None:
            rows[meeting_id] = {**rows.get(meeting_id, {}), **current, "id": meeting_id,
                                ON_LAPTOP: True}
    if not rows:
        return None
    ordered = sorted(rows.values(), key=lambda m: (str(m.get("starts_at", "")), -m["id"]),
                     reverse=True)
    listed_at = account.listed_at if account is not None else None
    return RememberedMeetings(ordered,
                              datetime.fromisoformat(listed_at) if listed_at else None)
