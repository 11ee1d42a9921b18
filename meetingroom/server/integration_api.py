"""The read-only JSON view a province's data-sharing hub gets of meetings — no sockets here.

Kept apart from the live protocol on purpose: it answers plain HTTP GETs with
stable, documented shapes (docs/integration-api.md) and never changes anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from sqlalchemy import select

from meetingroom.core.protocol import ErrorCode, ProtocolError
from meetingroom.core.timezones import iso_in_zone, meeting_zone
from meetingroom.core.vocabulary import MeetingStatus, VoteStatus
from meetingroom.server.announcements import announce, quorum_sentence
from meetingroom.server.meeting_state import member_noun
from meetingroom.server.service import Identity, MeetingService
from meetingroom.server.storage.models import Conclusion, Meeting, Vote
from meetingroom.server.views import agenda_item_view

API_PREFIX = "/api/v1/"
_MEETING = re.compile(r"^/api/v1/meetings/(\d{1,18})(/documents)?/?$")


@dataclass(frozen=True)
class ApiAnswer:
    status: HTTPStatus
    body: dict[str, Any]


def _error(status: HTTPStatus, code: str, message: str) -> ApiAnswer:
    return ApiAnswer(status, {"error": code, "message": message})


def bearer_token(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


def answer(service: MeetingService, path: str, authorization: str | None) -> ApiAnswer:
    """Route one GET; every answer is JSON, errors included."""
    token = bearer_token(authorization)
    if token is None:
        return _error(HTTPStatus.UNAUTHORIZED, "not_authenticated",
                      "send 'Authorization: Bearer <session token>'")
    try:
        who = service.resume(token)
    except ProtocolError as exc:
        return _error(HTTPStatus.UNAUTHORIZED, str(exc.code), exc.message)
    if path.rstrip("/") == "/api/v1/meetings":
        return _meetings(service, who)
    match = _MEETING.match(path)
    if match is None:
        return _error(HTTPStatus.NOT_FOUND, "not_found", f"no such resource {path[:100]}")
    try:
        if match.group(2):
            return ApiAnswer(HTTPStatus.OK, _documents(service, who, int(match.group(1))))
        return ApiAnswer(HTTPStatus.OK, _meeting(service, who, int(match.group(1))))
    except ProtocolError as exc:
        status = HTTPStatus.NOT_FOUND if exc.code == ErrorCode.NOT_FOUND else \
            HTTPStatus.BAD_REQUEST
        return _error(status, str(exc.code), exc.message)


def _local_meeting(summary: dict[str, Any]) -> dict[str, Any]:
    """A meeting summary with its times in ISO 8601 at its body's offset, not UTC.

    A hub shows and files times as the council's clock reads them; the offset keeps the
    instant exact (``2026-12-03T08:00:00+07:00`` is ``2026-12-03T01:00:00Z``).
    """
    tz = meeting_zone(summary)
    return {**summary, "starts_at": iso_in_zone(summary.get("starts_at"), tz),
            "ends_at": iso_in_zone(summary.get("ends_at"), tz)}


def _meetings(service: MeetingService, who: Identity) -> ApiAnswer:
    meetings = [_local_meeting(m) for m in service.list_meetings(who)]
    upcoming = [m for m in meetings if m["status"] in (MeetingStatus.DRAFT,
                                                        MeetingStatus.PUBLISHED)]
    running = [m for m in meetings if m["status"] == MeetingStatus.IN_PROGRESS]
    past = [m for m in meetings if m["status"] == MeetingStatus.CLOSED]
    return ApiAnswer(HTTPStatus.OK, {"upcoming": upcoming, "in_progress": running,
                                     "past": past})


def _meeting(service: MeetingService, who: Identity, meeting_id: int) -> dict[str, Any]:
    sub = service.subscribe(who, meeting_id, 0)  # checks access like a live subscription
    snapshot = sub.snapshot or {}
    with service.db.reading() as session:
        meeting = session.get(Meeting, meeting_id)
        assert meeting is not None
        tz = meeting.body.time_zone
        votes = session.scalars(select(Vote).where(
            Vote.meeting_id == meeting_id, Vote.status == VoteStatus.CLOSED)
            .order_by(Vote.id)).all()
        conclusions = session.scalars(select(Conclusion).where(
            Conclusion.meeting_id == meeting_id).order_by(Conclusion.id)).all()
        agenda = [agenda_item_view(i) for i in meeting.agenda_items]
        results = [{"id": v.id, "item_id": v.agenda_item_id, "title": v.title,
                    "matter": v.matter, "ballot": v.ballot, "closed_at":
                    iso_in_zone(v.closed_at, tz),
                    "passed": (v.result or {}).get("passed"),
                    # Vietnamese for the systems that file it, worded from the numbers.
                    "announcement": announce(v.result, member_noun(meeting.body))
                    if v.result else None}
                   for v in votes]
        concluded = [{"item_id": c.agenda_item_id, "text": c.text} for c in conclusions]
        noun = member_noun(meeting.body)
    summary = snapshot.get("meeting")
    attendance = snapshot.get("attendance", {})
    quorum = attendance.get("quorum")
    if quorum:  # the numbers, and the Vietnamese sentence the minutes print
        quorum = {**quorum, "text": quorum_sentence(quorum, noun)}
    return {
        "meeting": _local_meeting(summary) if summary else None,
        "body": {**{k: snapshot.get("body", {}).get(k) for k in ("id", "name", "kind", "level",
                                                                  "total_members")},
                 "time_zone": tz},
        "agenda": agenda,
        "participants": [{"full_name": p["full_name"], "title": p["title"], "role": p["role"]}
                         for p in snapshot.get("participants", [])],
        "attendance": {"counts": attendance.get("counts"), "quorum": quorum},
        "votes": results,
        "conclusions": concluded,
    }


def _documents(service: MeetingService, who: Identity, meeting_id: int) -> dict[str, Any]:
    sub = service.subscribe(who, meeting_id, 0)
    snapshot = sub.snapshot or {}
    return {"meeting_id": meeting_id, "documents": snapshot.get("documents", [])}
