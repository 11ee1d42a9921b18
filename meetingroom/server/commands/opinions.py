"""Written opinions (lấy ý kiến bằng văn bản): a question on a document, answered by a deadline.

They run outside a session — the meeting only needs to be published, so members
answer from their desks over days; the server closes each one at its deadline.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from meetingroom.core.protocol import ErrorCode, ProtocolError, Reason
from meetingroom.core.vocabulary import MeetingStatus, OpinionAnswer, Role
from meetingroom.server.commands.meeting import PREPARERS
from meetingroom.server.commands.registry import Args, CommandContext, append_event, command
from meetingroom.server.meeting_state import opinion_view
from meetingroom.server.storage.models import Document, Event, Meeting, Opinion, OpinionReply
from meetingroom.server.storage.types import utcnow

Id = Annotated[int, Field(ge=1, le=2**62)]
MEMBERS = {Role.CHAIR.value, Role.DELEGATE.value}
OPEN = "open"
CLOSED = "closed"


def _opinion(ctx: CommandContext, opinion_id: int) -> Opinion:
    row = ctx.session.get(Opinion, opinion_id)
    if row is None or row.meeting_id != ctx.meeting.id:
        raise ProtocolError(ErrorCode.NOT_FOUND, f"no written opinion request {opinion_id} here",
                            reason=Reason.NO_OPINION, params={"opinion_id": opinion_id})
    return row


def _live(ctx: CommandContext) -> None:
    if ctx.meeting.status not in (MeetingStatus.PUBLISHED, MeetingStatus.IN_PROGRESS):
        raise ProtocolError(ErrorCode.INVALID_STATE, "the meeting is not published or is closed",
                            reason=Reason.OPINION_MEETING_NOT_OPEN)


class CreateArgs(Args):
    title: Annotated[str, Field(min_length=1, max_length=500)]
    question: Annotated[str, Field(max_length=4000)] = ""
    document_id: Id | None = None
    deadline: datetime


@command("opinion.create", roles=PREPARERS, args=CreateArgs)
def create(ctx: CommandContext, args: CreateArgs) -> dict[str, Any]:
    """Ask the members for written opinions on a document by a deadline."""
    _live(ctx)
    if args.deadline.tzinfo is None:
        raise ProtocolError(ErrorCode.INVALID_ARGS, "deadline needs a time zone")
    if args.deadline <= utcnow():
        raise ProtocolError(ErrorCode.INVALID_ARGS, "the deadline must be in the future",
                            reason=Reason.DEADLINE_IN_PAST)
    if args.document_id is not None:
        doc = ctx.session.get(Document, args.document_id)
        if doc is None or doc.meeting_id != ctx.meeting.id:
            raise ProtocolError(ErrorCode.NOT_FOUND, f"no document {args.document_id} here")
    row = Opinion(meeting_id=ctx.meeting.id, document_id=args.document_id, title=args.title,
                  question=args.question, deadline=args.deadline.astimezone(UTC), status=OPEN,
                  created_by=ctx.user.id, created_at=utcnow())
    ctx.session.add(row)
    ctx.session.flush()
    view = opinion_view(ctx.session, row, ctx.meeting)
    ctx.emit("opinion.created", {"opinion": view, "by": ctx.user.id})
    return {"opinion": view}


class AnswerArgs(Args):
    opinion_id: Id
    answer: OpinionAnswer
    comment: Annotated[str, Field(max_length=4000)] = ""


@command("opinion.answer", roles=MEMBERS, args=AnswerArgs)
def answer(ctx: CommandContext, args: AnswerArgs) -> dict[str, Any]:
    """Agree, disagree or give another opinion (with a comment); changeable until the deadline."""
    row = _opinion(ctx, args.opinion_id)
    if row.status != OPEN or row.deadline <= utcnow():
        raise ProtocolError(ErrorCode.INVALID_STATE,
                            "the deadline has passed; the answer was not recorded",
                            reason=Reason.DEADLINE_PASSED)
    if args.answer is OpinionAnswer.OTHER and not args.comment.strip():
        raise ProtocolError(ErrorCode.INVALID_ARGS, "an 'other' answer needs a comment",
                            reason=Reason.OTHER_NEEDS_COMMENT)
    reply = ctx.session.scalar(select(OpinionReply).where(
        OpinionReply.opinion_id == row.id, OpinionReply.user_id == ctx.user.id))
    changed = reply is not None
    if reply is None:
        reply = OpinionReply(opinion_id=row.id, user_id=ctx.user.id)
        ctx.session.add(reply)
    reply.answer, reply.comment, reply.answered_at = (args.answer.value, args.comment.strip(),
                                                      utcnow())
    ctx.session.flush()
    view = opinion_view(ctx.session, row, ctx.meeting)
    ctx.emit("opinion.answered", {"opinion": view, "user_id": ctx.user.id, "changed": changed})
    return {"opinion": view}


class OpinionArgs(Args):
    opinion_id: Id


@command("opinion.close", roles=PREPARERS, args=OpinionArgs)
def close(ctx: CommandContext, args: OpinionArgs) -> dict[str, Any]:
    """Close a consultation before its deadline."""
    row = _opinion(ctx, args.opinion_id)
    if row.status != OPEN:
        raise ProtocolError(ErrorCode.INVALID_STATE, "already closed")
    event = _close(ctx.session, ctx.meeting, row, by=ctx.user.id)
    ctx.events.append(event)
    return {"opinion": event.payload["opinion"]}


def _close(session: Session, meeting: Meeting, row: Opinion, *, by: int | None) -> Event:
    row.status = CLOSED
    row.closed_at = utcnow()
    session.flush()
    view = opinion_view(session, row, meeting)
    return append_event(session, meeting, "opinion.closed", {"opinion": view, "by": by,
                                                             "at_deadline": by is None})


def close_due(session: Session, meeting: Meeting, now: datetime) -> list[Event]:
    """Close this meeting's consultations whose deadline has passed — the server's sweep."""
    due = session.scalars(select(Opinion).where(
        Opinion.meeting_id == meeting.id, Opinion.status == OPEN, Opinion.deadline <= now)
        .order_by(Opinion.id)).all()
    return [_close(session, meeting, row, by=None) for row in due]
