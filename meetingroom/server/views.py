"""How stored rows look on the wire: one place, so snapshots and events agree."""

from __future__ import annotations

from typing import Any

from meetingroom.server.storage.models import AgendaItem, Body, Document, Meeting, Participant


def body_view(body: Body) -> dict[str, Any]:
    return {
        "id": body.id,
        "name": body.name,
        "kind": body.kind,
        "level": body.level,
        "total_members": body.total_members,
        "time_zone": body.time_zone,
        "quorum": {"numerator": body.quorum_numerator, "denominator": body.quorum_denominator,
                   "comparison": body.quorum_comparison},
        "stand_in_may_vote": body.stand_in_may_vote,
        "ballot_change_allowed": body.ballot_change_allowed,
        "show_open_tallies": body.show_open_tallies,
        "time_limits": {"speech": body.speech_seconds, "question": body.question_seconds,
                        "reply": body.reply_seconds},
        "vote_rules": [
            {"matter": r.matter, "label": r.label,
             "threshold": {"numerator": r.threshold_numerator,
                           "denominator": r.threshold_denominator, "comparison": r.comparison},
             "ballot": r.ballot, "options": list(r.options),
             "chair_breaks_tie": r.chair_breaks_tie, "ballot_choosable": r.ballot_choosable}
            for r in body.vote_rules
        ],
    }


def meeting_summary(meeting: Meeting, role: str | None) -> dict[str, Any]:
    return {
        "id": meeting.id,
        "title": meeting.title,
        "location": meeting.location,
        "status": meeting.status,
        "starts_at": meeting.starts_at.isoformat(),
        "ends_at": meeting.ends_at.isoformat() if meeting.ends_at else None,
        "body": {"id": meeting.body.id, "name": meeting.body.name, "kind": meeting.body.kind,
                 "level": meeting.body.level, "time_zone": meeting.body.time_zone},
        "role": role,
        "last_seq": meeting.last_seq,
    }


def agenda_item_view(item: AgendaItem) -> dict[str, Any]:
    return {"id": item.id, "parent_id": item.parent_id, "position": item.position,
            "title": item.title, "planned_minutes": item.planned_minutes,
            "presenter": item.presenter}


def document_view(doc: Document) -> dict[str, Any]:
    return {"id": doc.id, "agenda_item_id": doc.agenda_item_id, "title": doc.title,
            "filename": doc.filename, "sha256": doc.sha256, "pages": doc.pages,
            "size_bytes": doc.size_bytes, "confidential": doc.confidential,
            "version": doc.version, "previous_id": doc.previous_id, "approval": doc.approval}


def participant_view(p: Participant) -> dict[str, Any]:
    return {"user_id": p.user_id, "full_name": p.user.full_name, "title": p.user.title,
            "role": p.role, "seat": p.seat}


#: Roles that see documents before approval.
_PREPARING = frozenset({"chair", "secretary", "admin"})


def visible_payload(event_type: str, payload: dict[str, Any], role: str) -> dict[str, Any]:
    """An event as a subscriber of ``role`` may see it.

    Everyone gets every event number — the sequence stays gapless, but a guest
    learns nothing of confidential documents and only preparers see documents
    still awaiting approval: for them the payload is just ``{"hidden": true}``.
    """
    if not event_type.startswith("document."):
        return payload
    document = payload.get("document") or {}
    if event_type in ("document.submitted", "document.rejected") and role not in _PREPARING:
        return {"hidden": True}
    if document.get("confidential") and role == "guest":
        return {"hidden": True}
    return payload


# --- what a delegate's laptop is sent of a vote ------------------------------------------

#: What a vote's events change after ``vote.created``: the status, its times, the counts
#: and the result. The rest of a vote (title, options, rule...) never changes once made.
VOTE_CHANGING_KEYS = frozenset({
    "id", "status", "opened_at", "stopped_at", "closed_at", "annulled_at", "annul_reason",
    "voted", "voted_count", "eligible", "eligible_count", "tally", "result"})


def counted_vote(vote: dict[str, Any], user_id: int) -> dict[str, Any]:
    """A vote as a laptop that follows counts — a delegate's, a guest's — needs it.

    On weak hall Wi-Fi every byte sent to each of the hall's laptops is paid N times,
    and the names in a vote (who voted, who may vote, an open ballot's choice of each
    member) grow with the hall: the laptop shows counts and its own user's part only.
    So ``voted`` and ``eligible`` hold at most the user themself, and the result has no
    ``by_member`` — the chair's console and the minutes have the names. Snapshot and
    events both go through here, so the copy is the same either way.
    """
    slim = dict(vote)
    # The laptop still shows "3/5": how many seats may vote travels as a number.
    if isinstance(vote.get("voted"), list) or isinstance(vote.get("eligible"), list):
        slim["eligible_count"] = len(set(vote.get("voted") or []) | set(vote.get("eligible") or []))
    for key in ("voted", "eligible"):
        if isinstance(slim.get(key), list):
            slim[key] = [u for u in slim[key] if u == user_id]
    result = slim.get("result")
    if isinstance(result, dict) and "by_member" in result:
        slim["result"] = {k: v for k, v in result.items() if k != "by_member"}
    return slim


def counted_payload(event_type: str, payload: dict[str, Any], user_id: int) -> dict[str, Any]:
    """A vote event for a laptop that follows counts: ``vote.created`` carries the vote
    (``counted_vote``); the later ones (opened, stopped, closed, annulled) only what
    they change (``VOTE_CHANGING_KEYS``), which the laptop merges into its copy."""
    vote = payload.get("vote")
    if not event_type.startswith("vote.") or not isinstance(vote, dict):
        return payload
    slim = counted_vote(vote, user_id)
    if event_type != "vote.created":
        slim = {k: v for k, v in slim.items() if k in VOTE_CHANGING_KEYS}
    return {**payload, "vote": slim}


def counted_snapshot(snapshot: dict[str, Any], user_id: int) -> dict[str, Any]:
    """A snapshot whose votes are cut as ``counted_vote`` cuts them for a laptop that
    follows counts, so what it holds after a snapshot is what the events give it."""
    votes = snapshot.get("votes")
    if not isinstance(votes, list):
        return snapshot
    return {**snapshot, "votes": [counted_vote(v, user_id) if isinstance(v, dict) else v
                                  for v in votes]}
