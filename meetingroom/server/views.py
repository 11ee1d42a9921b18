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
