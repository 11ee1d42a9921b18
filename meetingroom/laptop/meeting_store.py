"""A meeting as one client sees it, rebuilt from a snapshot and the events after it.

Pure data and no Qt, so the same code feeds the delegate window, the chair
console and the big screen, and tests can check it against the server without
a screen. Applying an event reports which parts changed, so Qt models refresh
only what they show.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from meetingroom.core.events import EVENTS
from meetingroom.core.vocabulary import MEMBER_ROLES, ON_THE_FLOOR, SpeechStatus, VoteStatus

Part = str  # "meeting", "agenda", "documents", "attendance", "speeches", "votes", "opinions"
MEMBER_ROLE_VALUES = frozenset(r.value for r in MEMBER_ROLES)
PARTS: tuple[Part, ...] = ("meeting", "agenda", "documents", "attendance", "speeches", "votes",
                           "opinions", "presenter", "conclusions", "reminders")


def _by_id(rows: list[dict[str, Any]], key: str = "id") -> dict[int, dict[str, Any]]:
    return {int(row[key]): dict(row) for row in rows}


@dataclass
class MeetingState:
    meeting_id: int
    last_seq: int = 0
    meeting: dict[str, Any] = field(default_factory=dict)
    body: dict[str, Any] = field(default_factory=dict)
    you: dict[str, Any] = field(default_factory=dict)
    current_item_id: int | None = None
    agenda: dict[int, dict[str, Any]] = field(default_factory=dict)
    documents: dict[int, dict[str, Any]] = field(default_factory=dict)
    participants: dict[int, dict[str, Any]] = field(default_factory=dict)
    attendance: dict[int, dict[str, Any]] = field(default_factory=dict)
    attendance_summary: dict[str, Any] = field(default_factory=dict)
    speeches: dict[int, dict[str, Any]] = field(default_factory=dict)
    speaking_totals: list[dict[str, Any]] = field(default_factory=list)
    votes: dict[int, dict[str, Any]] = field(default_factory=dict)
    opinions: dict[int, dict[str, Any]] = field(default_factory=dict)
    #: Conclusions by agenda item id; 0 holds the conclusion of the whole meeting.
    conclusions: dict[int, dict[str, Any]] = field(default_factory=dict)
    #: Documents replaced by a new version since this client started: shown as "updated".
    updated_documents: set[int] = field(default_factory=set)
    #: Reminders for this user's written opinions still awaited, by opinion id (the
    #: ``opinion.reminded`` payload); an answer or the request's closing drops one.
    reminders: dict[int, dict[str, Any]] = field(default_factory=dict)
    #: The page the presenter last shared: {"document_id", "sha256", "page", "by"}.
    shared_page: dict[str, Any] | None = None
    #: Server clock minus local clock when the last timed payload arrived, for countdowns.
    clock_offset_s: float = 0.0

    # --- feeding ---------------------------------------------------------------------

    def apply_snapshot(self, snapshot: dict[str, Any], seq: int,
                       now: datetime | None = None) -> set[Part]:
        self.last_seq = seq
        self.meeting = dict(snapshot["meeting"])
        self.body = dict(snapshot.get("body", {}))
        self.you = dict(snapshot.get("you", {}))
        self.current_item_id = snapshot.get("current_item_id")
        self.agenda = _by_id(snapshot.get("agenda", []))
        self.documents = _by_id(snapshot.get("documents", []))
        self.participants = _by_id(snapshot.get("participants", []), "user_id")
        attendance = snapshot.get("attendance", {})
        self.attendance = _by_id(attendance.get("participants", []), "user_id")
        self.attendance_summary = {k: attendance[k] for k in ("counts", "quorum")
                                   if k in attendance}
        self.speeches = _by_id(snapshot.get("speeches", []))
        self.speaking_totals = list(snapshot.get("speaking_totals", []))
        self.votes = _by_id(snapshot.get("votes", []))
        self.opinions = _by_id(snapshot.get("opinions", []))
        self.reminders = {oid: r for oid, r in self.reminders.items()
                          if self.awaits_my_opinion(self.opinions.get(oid))}
        self.conclusions = {int(c["item_id"] or 0): dict(c)
                            for c in snapshot.get("conclusions", [])}
        if "server_time" in snapshot:
            self._sync_clock(snapshot["server_time"], now)
        return set(PARTS)

    def apply(self, event: dict[str, Any], now: datetime | None = None) -> set[Part]:
        """Apply one event in sequence order; unknown kinds only advance the sequence."""
        seq = int(event["seq"])
        if seq <= self.last_seq:
            return set()  # already applied (a replay overlapping a live event)
        self.last_seq = seq
        if self.meeting:
            self.meeting["last_seq"] = seq
        handler = _HANDLERS.get(event["event"])
        if handler is None:
            return set()  # newer than this client, or ignored (``core.events.EVENTS``)
        payload: dict[str, Any] = event.get("payload", {})
        if payload.get("hidden"):
            return set()  # an event this role may not see the content of
        if "speech" in payload and "server_time" in payload["speech"]:
            self._sync_clock(payload["speech"]["server_time"], now)
        return handler(self, payload)

    def _sync_clock(self, server_time: str, now: datetime | None) -> None:
        local = now or datetime.now().astimezone()
        self.clock_offset_s = (datetime.fromisoformat(server_time) - local).total_seconds()

    # --- questions the windows ask ---------------------------------------------------

    @property
    def my_id(self) -> int | None:
        value = self.you.get("id")
        return int(value) if value is not None else None

    def children(self, parent_id: int | None) -> list[dict[str, Any]]:
        return sorted((i for i in self.agenda.values() if i["parent_id"] == parent_id),
                      key=lambda i: (i["position"], i["id"]))

    def agenda_tree(self) -> tuple[dict[int | None, list[int]], dict[int, int | None]]:
        """(children ids by parent id, parent id by item id), in agenda order: what every
        tree model of the agenda indexes by."""
        rows: dict[int | None, list[int]] = {}
        parent_of: dict[int, int | None] = {}
        pending: list[int | None] = [None]
        while pending:
            parent = pending.pop()
            children = [int(c["id"]) for c in self.children(parent)]
            rows[parent] = children
            for child in children:
                parent_of[child] = parent
                pending.append(child)
        return rows, parent_of

    def documents_of(self, item_id: int | None) -> list[dict[str, Any]]:
        return [d for d in self.documents.values() if d["agenda_item_id"] == item_id]

    def queue(self, item_id: int, queue: str) -> list[dict[str, Any]]:
        """Registrations still waiting or called, in the chair's order."""
        rows = [s for s in self.speeches.values() if s["item_id"] == item_id
                and s["queue"] == queue
                and s["status"] in (SpeechStatus.WAITING, SpeechStatus.CALLED)]
        return sorted(rows, key=lambda s: (s["position"], s["id"]))

    def my_registration(self, item_id: int, queue: str) -> tuple[int, dict[str, Any]] | None:
        """(1-based place, registration) of this user in a queue, if registered."""
        for place, row in enumerate(self.queue(item_id, queue), start=1):
            if row["user_id"] == self.my_id:
                return place, row
        return None

    def on_the_floor(self) -> dict[str, Any] | None:
        return next((s for s in self.speeches.values()
                     if s["status"] in {x.value for x in ON_THE_FLOOR}), None)

    def remaining_s(self, speech: dict[str, Any], now: datetime | None = None) -> float:
        """The countdown now, from the server's figure and the time since it was sent."""
        remaining = float(speech["remaining_s"])
        if not speech.get("running"):
            return remaining
        local = now or datetime.now().astimezone()
        server_now = local.timestamp() + self.clock_offset_s
        sent = datetime.fromisoformat(speech["server_time"]).timestamp()
        return remaining - max(server_now - sent, 0.0)

    def open_vote(self) -> dict[str, Any] | None:
        return next((v for v in self.votes.values() if v["status"] == VoteStatus.OPEN), None)

    def awaits_my_opinion(self, opinion: dict[str, Any] | None) -> bool:
        """Whether ``opinion`` is open and still waits for this user's answer."""
        return opinion is not None and opinion.get("status") == "open" \
            and self.my_id in opinion.get("not_answered", [])

    def have_voted(self, vote_id: int) -> bool:
        vote = self.votes.get(vote_id)
        return bool(vote and self.my_id in vote.get("voted", []))

    def name_of(self, user_id: int | None) -> str:
        person = self.participants.get(user_id or 0)
        return str(person["full_name"]) if person else ""


def voted_count(vote: dict[str, Any]) -> int:
    """How many have voted: the server's count, a delegate's copy has no names since its
    snapshot, only ``progress`` counts, or the names where this copy has them all."""
    return max(int(vote.get("voted_count") or 0), len(vote.get("voted", [])))


def seat_count(vote: dict[str, Any]) -> int:
    """Seats that may vote: those present or voted (at least the count that voted).

    A laptop that follows counts has no one else's place in the lists, only
    ``eligible_count`` — a vote's ``seats`` is something else: how many an election fills."""
    given = vote.get("eligible_count")
    if isinstance(given, int) and not isinstance(given, bool):
        return max(given, voted_count(vote))
    seats = set(vote.get("voted", [])) | set(vote.get("eligible", []))
    return max(len(seats), voted_count(vote))


# --- event handlers -----------------------------------------------------------------


def _meeting_status(state: MeetingState, p: dict[str, Any]) -> set[Part]:
    state.meeting["status"] = p["status"]
    if p.get("ended_at"):
        state.meeting["ends_at"] = p["ended_at"]
    return {"meeting"}


def _meeting_updated(state: MeetingState, p: dict[str, Any]) -> set[Part]:
    state.meeting.update({k: v for k, v in p.items() if k in ("title", "location",
                                                              "starts_at")})
    return {"meeting"}


def _reorder(state: MeetingState, order: list[int]) -> None:
    for position, item_id in enumerate(order):
        if item_id in state.agenda:
            state.agenda[item_id]["position"] = position


def _item_added(state: MeetingState, p: dict[str, Any]) -> set[Part]:
    state.agenda[int(p["item"]["id"])] = dict(p["item"])
    _reorder(state, p.get("order", []))
    return {"agenda"}


def _item_updated(state: MeetingState, p: dict[str, Any]) -> set[Part]:
    state.agenda[int(p["item"]["id"])] = dict(p["item"])
    return {"agenda"}


def _item_moved(state: MeetingState, p: dict[str, Any]) -> set[Part]:
    item = state.agenda.get(int(p["item_id"]))
    if item is not None:
        item["parent_id"] = p["parent_id"]
    _reorder(state, p.get("order", []))
    return {"agenda"}


def _item_removed(state: MeetingState, p: dict[str, Any]) -> set[Part]:
    for item_id in p["item_ids"]:
        state.agenda.pop(int(item_id), None)
    _reorder(state, p.get("order", []))
    return {"agenda"}


def _current(state: MeetingState, p: dict[str, Any]) -> set[Part]:
    state.current_item_id = p["item_id"]
    return {"agenda", "meeting"}


def _attendance(state: MeetingState, p: dict[str, Any]) -> set[Part]:
    row = p["participant"]
    state.attendance[int(row["user_id"])] = dict(row)
    state.attendance_summary = {"counts": p["counts"], "quorum": p["quorum"]}
    for vote in state.votes.values():
        vote["eligible"] = _eligible(state, bool(vote.get("stand_in_may_vote")))
    return {"attendance", "votes"}


def _eligible(state: MeetingState, stand_ins_vote: bool) -> list[int]:
    """The server's rule (session_state.eligible_members) on the client's copy of the roll."""
    present = {uid for uid, row in state.attendance.items() if row["attendance"] == "present"}
    seats = []
    for uid, person in state.participants.items():
        if person["role"] not in MEMBER_ROLE_VALUES:
            continue
        stand_in = state.attendance.get(uid, {}).get("stand_in_user_id")
        if uid in present or (stand_ins_vote and stand_in is not None and stand_in in present):
            seats.append(uid)
    return sorted(seats)


def _speech(state: MeetingState, p: dict[str, Any]) -> set[Part]:
    speech = p["speech"]
    state.speeches[int(speech["id"])] = dict(speech)
    if "order" in p:
        for position, speech_id in enumerate(p["order"]):
            if speech_id in state.speeches:
                state.speeches[speech_id]["position"] = position
    if "totals" in p:
        others = [t for t in state.speaking_totals if t["user_id"] != speech["user_id"]]
        state.speaking_totals = [*others, *p["totals"]["speaker_meeting"]]
    return {"speeches"}


def _speech_reordered(state: MeetingState, p: dict[str, Any]) -> set[Part]:
    for position, speech_id in enumerate(p["order"]):
        if speech_id in state.speeches:
            state.speeches[speech_id]["position"] = position
    return {"speeches"}


def _vote(state: MeetingState, p: dict[str, Any]) -> set[Part]:
    """Merge the vote's keys into the copy: the chair's console is sent the whole vote,
    a delegate's laptop only what changed since ``vote.created`` — the server's
    ``views.counted_payload``; a key the event does not carry keeps its value."""
    vote_id = int(p["vote"]["id"])
    state.votes[vote_id] = {**state.votes.get(vote_id, {}), **p["vote"]}
    return {"votes"}


def _ballot_cast(state: MeetingState, p: dict[str, Any]) -> set[Part]:
    vote = state.votes.get(int(p["vote_id"]))
    if vote is not None:
        voted = set(vote.get("voted", []))
        voted.add(int(p["member_user_id"]))
        vote["voted"] = sorted(voted)
        vote["voted_count"] = int(p.get("voted_count", len(voted)))
        vote["tally"] = p.get("tally")
    return {"votes"}


def _progress(state: MeetingState, p: dict[str, Any]) -> set[Part]:
    """A delegate's folded run of ballots and check-ins: the counts as of its ``seq``.

    Names are not in it, the chair and the big screen get those; a delegate's own
    ballot and check-in arrive as their own events."""
    parts: set[Part] = set()
    for row in p.get("votes", []):
        vote = state.votes.get(int(row["vote_id"]))
        if vote is not None:
            vote["voted_count"] = int(row["voted_count"] or 0)
            vote["tally"] = row.get("tally")
            parts.add("votes")
    if p.get("attendance"):
        state.attendance_summary = {k: v for k, v in p["attendance"].items() if v is not None}
        parts.add("attendance")
    return parts


def _opinion(state: MeetingState, p: dict[str, Any]) -> set[Part]:
    opinion = p["opinion"]
    state.opinions[int(opinion["id"])] = dict(opinion)
    if not state.awaits_my_opinion(opinion) \
            and state.reminders.pop(int(opinion["id"]), None) is not None:
        return {"opinions", "reminders"}
    return {"opinions"}


def _opinion_reminded(state: MeetingState, p: dict[str, Any]) -> set[Part]:
    """A reminder is for the members it names, those who have not answered yet."""
    if state.my_id is None or state.my_id not in p.get("not_answered", []):
        return set()
    earlier = state.reminders.pop(int(p["opinion_id"]), {})
    # Newest last; ``times`` tells a second reminder of the same request from the first.
    state.reminders[int(p["opinion_id"])] = {**p, "times": int(earlier.get("times", 0)) + 1}
    return {"reminders"}


def _document_added(state: MeetingState, p: dict[str, Any]) -> set[Part]:
    state.documents[int(p["document"]["id"])] = dict(p["document"])
    return {"documents"}


def _document_replaced(state: MeetingState, p: dict[str, Any]) -> set[Part]:
    state.documents.pop(int(p["previous_id"]), None)
    new_id = int(p["document"]["id"])
    state.documents[new_id] = dict(p["document"])
    state.updated_documents.add(new_id)
    return {"documents"}


def _document_withdrawn(state: MeetingState, p: dict[str, Any]) -> set[Part]:
    state.documents.pop(int(p["document_id"]), None)
    return {"documents"}


def _document_decided(state: MeetingState, p: dict[str, Any]) -> set[Part]:
    document = p["document"]
    if document.get("approval") == "rejected":
        state.documents.pop(int(document["id"]), None)
    else:
        state.documents[int(document["id"])] = dict(document)
    return {"documents"}


def _participant(state: MeetingState, p: dict[str, Any]) -> set[Part]:
    user_id = int(p["participant"]["user_id"])
    state.participants[user_id] = dict(p["participant"])
    state.attendance.setdefault(user_id, {
        "user_id": user_id, "attendance": "not_arrived", "reason": "", "excused": False,
        "checked_in_at": None, "checked_out_at": None, "stand_in_user_id": None})
    return {"attendance"}


def _participant_removed(state: MeetingState, p: dict[str, Any]) -> set[Part]:
    state.participants.pop(int(p["user_id"]), None)
    state.attendance.pop(int(p["user_id"]), None)
    return {"attendance"}


def _conclusion(state: MeetingState, p: dict[str, Any]) -> set[Part]:
    conclusion = p["conclusion"]
    state.conclusions[int(conclusion["item_id"] or 0)] = dict(conclusion)
    return {"conclusions"}


def _shared_page(state: MeetingState, p: dict[str, Any]) -> set[Part]:
    state.shared_page = dict(p)
    return {"presenter"}


Reducer = Callable[[MeetingState, dict[str, Any]], set[Part]]
#: The client's reducers by the name the event table (``core.events.EVENTS``) gives them.
REDUCERS: dict[str, Reducer] = {
    "meeting_status": _meeting_status,
    "meeting_updated": _meeting_updated,
    "item_added": _item_added,
    "item_updated": _item_updated,
    "item_moved": _item_moved,
    "item_removed": _item_removed,
    "current": _current,
    "attendance": _attendance,
    "speech": _speech,
    "speech_reordered": _speech_reordered,
    "vote": _vote,
    "ballot_cast": _ballot_cast,
    "progress": _progress,
    "shared_page": _shared_page,
    "document_added": _document_added,
    "document_replaced": _document_replaced,
    "document_withdrawn": _document_withdrawn,
    "document_decided": _document_decided,
    "participant": _participant,
    "participant_removed": _participant_removed,
    "conclusion": _conclusion,
    "opinion": _opinion,
    "opinion_reminded": _opinion_reminded,
}
#: Each event type's reducer, as the event table says (ignored types have none).
_HANDLERS: dict[str, Reducer] = {kind: REDUCERS[spec.reducer] for kind, spec in EVENTS.items()
                                 if isinstance(spec.reducer, str)}
