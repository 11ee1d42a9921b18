"""The live state of a session as clients see it: attendance, speakers, votes, opinions.

Event payloads and snapshots are built here from the same rows, so a client that
replays events and one that loads a snapshot end up with identical state.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from meetingroom.core.rules.question import rule_view
from meetingroom.core.rules.quorum import (
    AttendanceCounts,
    MemberPresence,
    count_attendance,
    quorum,
)
from meetingroom.core.rules.speech_clock import SpeechClock
from meetingroom.core.vocabulary import (
    MEMBER_ROLES,
    Attendance,
    Ballot,
    BodyKind,
    Comparison,
    SpeechStatus,
    Threshold,
    VoteKind,
    VoteStatus,
)
from meetingroom.server.announcements import without_sentences
from meetingroom.server.storage.models import (
    Body,
    Meeting,
    OpenBallot,
    Opinion,
    OpinionReply,
    Participant,
    SpeechRequest,
    Vote,
    VoteVoter,
)
from meetingroom.server.storage.types import utcnow

_MEMBER_ROLE_VALUES = frozenset(r.value for r in MEMBER_ROLES)


def member_noun(body: Body | QuorumRule) -> str:
    """Councils have delegates (đại biểu); committees have members (thành viên)."""
    return "thành viên" if body.kind == BodyKind.UBND else "đại biểu"


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


# --- attendance ----------------------------------------------------------------------


class Seat(Protocol):
    """A participant's attendance as a row (``Participant``) or in memory (``server.live``)."""

    @property
    def user_id(self) -> int: ...
    @property
    def role(self) -> str: ...
    @property
    def attendance(self) -> str: ...
    @property
    def absence_reason(self) -> str: ...
    @property
    def absence_excused(self) -> bool: ...
    @property
    def checked_in_at(self) -> datetime | None: ...
    @property
    def checked_out_at(self) -> datetime | None: ...
    @property
    def stand_in_user_id(self) -> int | None: ...


class QuorumRule(Protocol):
    """What the quorum verdict reads of a body (a ``Body`` row or ``server.live``'s copy)."""

    @property
    def kind(self) -> str: ...
    @property
    def total_members(self) -> int: ...
    @property
    def quorum_numerator(self) -> int: ...
    @property
    def quorum_denominator(self) -> int: ...
    @property
    def quorum_comparison(self) -> str: ...
    @property
    def stand_in_may_vote(self) -> bool: ...


def is_member(participant: Seat) -> bool:
    return participant.role in _MEMBER_ROLE_VALUES


def attendance_view(p: Seat) -> dict[str, Any]:
    return {"user_id": p.user_id, "attendance": p.attendance, "reason": p.absence_reason,
            "excused": p.absence_excused, "checked_in_at": _iso(p.checked_in_at),
            "checked_out_at": _iso(p.checked_out_at), "stand_in_user_id": p.stand_in_user_id}


def represented(p: Seat, present_ids: set[int]) -> bool:
    """An absent member whose authorised stand-in is in the hall."""
    return (p.attendance != Attendance.PRESENT and p.stand_in_user_id is not None
            and p.stand_in_user_id in present_ids)


def attendance_summary(meeting: Meeting) -> dict[str, Any]:
    """Counts and the quorum verdict, with the rule that produced it."""
    return presence_summary(meeting.body, meeting.participants)


def presence_summary(body: QuorumRule, participants: Iterable[Seat]) -> dict[str, Any]:
    """``attendance_summary`` of any seats: the rows, or the live meeting's copy of them."""
    seats = list(participants)
    present_ids = {p.user_id for p in seats if p.attendance == Attendance.PRESENT}
    members = [MemberPresence(Attendance(p.attendance), p.absence_excused,
                              represented(p, present_ids))
               for p in seats if is_member(p)]
    return quorum_summary(body, count_attendance(body.total_members, members))


def quorum_summary(body: QuorumRule, counts: AttendanceCounts) -> dict[str, Any]:
    """The summary every attendance event and snapshot carries, from the counts."""
    threshold = Threshold(body.quorum_numerator, body.quorum_denominator,
                          Comparison(body.quorum_comparison))
    state = quorum(counts, threshold, stand_ins_count=body.stand_in_may_vote)
    return {"counts": counts.view(), "quorum": state.view()}


# --- speaking ------------------------------------------------------------------------


def clock(req: SpeechRequest) -> SpeechClock:
    return SpeechClock(req.limit_seconds, req.banked_seconds, req.running_since)


def speech_view(req: SpeechRequest, now: datetime | None = None) -> dict[str, Any]:
    now = now or utcnow()
    c = clock(req)
    return {
        "id": req.id, "item_id": req.agenda_item_id, "queue": req.queue,
        "user_id": req.user_id, "full_name": req.user.full_name, "topic": req.topic,
        "reply_to_id": req.reply_to_id, "position": req.position, "status": req.status,
        "limit_s": req.limit_seconds, "elapsed_s": round(c.elapsed(now), 1),
        "remaining_s": round(c.remaining(now), 1), "running": req.running_since is not None,
        "server_time": now.isoformat(), "registered_at": _iso(req.registered_at),
        "called_at": _iso(req.called_at), "started_at": _iso(req.started_at),
        "ended_at": _iso(req.ended_at),
    }


def speaking_totals(session: Session, meeting_id: int, *, item_id: int | None = None,
                    user_id: int | None = None) -> list[dict[str, Any]]:
    """Finished speeches counted and timed per (item, queue, user), narrowed as asked."""
    query = (select(SpeechRequest.agenda_item_id, SpeechRequest.queue, SpeechRequest.user_id,
                    func.count(), func.sum(SpeechRequest.banked_seconds))
             .where(SpeechRequest.meeting_id == meeting_id,
                    SpeechRequest.status == SpeechStatus.DONE.value)
             .group_by(SpeechRequest.agenda_item_id, SpeechRequest.queue,
                       SpeechRequest.user_id)
             .order_by(SpeechRequest.agenda_item_id, SpeechRequest.queue,
                       SpeechRequest.user_id))
    if item_id is not None:
        query = query.where(SpeechRequest.agenda_item_id == item_id)
    if user_id is not None:
        query = query.where(SpeechRequest.user_id == user_id)
    return [{"item_id": item, "queue": queue, "user_id": user, "speeches": count,
             "seconds": round(float(seconds or 0), 1)}
            for item, queue, user, count, seconds in session.execute(query)]


# --- votes ---------------------------------------------------------------------------


def vote_threshold(vote: Vote) -> Threshold:
    return Threshold(vote.threshold_numerator, vote.threshold_denominator,
                     Comparison(vote.comparison))


def voters(session: Session, vote_id: int) -> list[int]:
    """Members whose ballot is in, in id order (never in casting order when secret)."""
    return sorted(session.scalars(select(VoteVoter.member_user_id)
                                  .where(VoteVoter.vote_id == vote_id)))


def eligible_members(session: Session, meeting: Meeting, vote: Vote) -> list[int]:
    """Seats that may vote right now: members present, and absent members whose
    authorised stand-in is present when the body lets stand-ins vote.

    Read as four columns, not as ``meeting.participants``: every vote event carries
    this list, and building a thousand ORM rows for it took most of ``vote.open``."""
    rows = session.execute(
        select(Participant.user_id, Participant.role, Participant.attendance,
               Participant.stand_in_user_id)
        .where(Participant.meeting_id == meeting.id)).all()
    present = {p.user_id for p in rows if p.attendance == Attendance.PRESENT}
    return sorted(p.user_id for p in rows if is_member(p) and (
        p.user_id in present or (vote.stand_in_may_vote and represented(p, present))))


def vote_view(session: Session, vote: Vote, meeting: Meeting) -> dict[str, Any]:
    voted = voters(session, vote.id)
    tally = live_tally(session, vote, meeting)
    return {
        "id": vote.id, "item_id": vote.agenda_item_id, "kind": vote.kind,
        "matter": vote.matter, "title": vote.title,
        "rule": {"label": vote.rule_label, **rule_view(vote_threshold(vote))},
        "ballot": vote.ballot, "secret": vote.ballot == Ballot.SECRET,
        "options": list(vote.options), "candidates": list(vote.candidates),
        "seats": vote.seats, "chair_breaks_tie": vote.chair_breaks_tie,
        "ballot_change_allowed": vote.ballot_change_allowed,
        "stand_in_may_vote": vote.stand_in_may_vote,
        "total_members": vote.total_members, "status": vote.status,
        "repeat_of_id": vote.repeat_of_id,
        "opened_at": _iso(vote.opened_at), "stopped_at": _iso(vote.stopped_at),
        "closed_at": _iso(vote.closed_at), "annulled_at": _iso(vote.annulled_at),
        "annul_reason": vote.annul_reason,
        "voted": voted, "voted_count": len(voted),
        "eligible": eligible_members(session, meeting, vote),
        "tally": tally,
        "result": without_sentences(vote.result)
        if vote.status in (VoteStatus.CLOSED, VoteStatus.ANNULLED) else None,
    }


def live_tally(session: Session, vote: Vote, meeting: Meeting) -> dict[str, Any] | None:
    """Running counts while a vote is open: only for open ballots of a body that shows them."""
    if (vote.ballot == Ballot.SECRET or not meeting.body.show_open_tallies
            or vote.status not in (VoteStatus.OPEN, VoteStatus.STOPPED)):
        return None
    session.flush()
    if vote.kind == VoteKind.QUESTION:
        # Counted by the database: reading and decoding every ballot on every cast made a
        # vote of N members cost N² in Python.
        option = OpenBallot.choice["option"].as_integer()
        counts = [0] * len(vote.options)
        for index, count in session.execute(
                select(option, func.count()).where(OpenBallot.vote_id == vote.id)
                .group_by(option)):
            if index is not None and 0 <= int(index) < len(counts):
                counts[int(index)] = int(count)
        return {"options": counts}
    ballots = list(session.scalars(select(OpenBallot.choice).where(OpenBallot.vote_id == vote.id)))
    if vote.kind == VoteKind.ELECTION:
        counts = [0] * len(vote.candidates)
        for b in ballots:
            for c in b["candidates"]:
                counts[c] += 1
        return {"candidates": counts}
    return None


# --- written opinions ----------------------------------------------------------------


def opinion_view(session: Session, opinion: Opinion, meeting: Meeting) -> dict[str, Any]:
    replies = session.scalars(select(OpinionReply).where(OpinionReply.opinion_id == opinion.id)
                              .order_by(OpinionReply.user_id)).all()
    asked = sorted(p.user_id for p in meeting.participants if is_member(p))
    totals = {"agree": 0, "disagree": 0, "other": 0}
    for reply in replies:
        totals[reply.answer] += 1
    answered = [r.user_id for r in replies]
    return {
        "id": opinion.id, "document_id": opinion.document_id, "title": opinion.title,
        "question": opinion.question, "deadline": opinion.deadline.isoformat(),
        "status": opinion.status, "closed_at": _iso(opinion.closed_at),
        "asked": asked, "answered": answered,
        "not_answered": [u for u in asked if u not in set(answered)],
        "totals": totals,
        "replies": [{"user_id": r.user_id, "answer": r.answer, "comment": r.comment,
                     "answered_at": r.answered_at.isoformat()} for r in replies],
    }
