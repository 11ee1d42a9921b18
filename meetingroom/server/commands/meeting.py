"""Meeting life cycle: draft → published → in progress → closed."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import Field
from sqlalchemy import select

from meetingroom.core.protocol import ErrorCode, ProtocolError, Reason
from meetingroom.core.vocabulary import (
    MEETING_TRANSITIONS,
    ON_THE_FLOOR,
    MeetingStatus,
    Role,
    VoteStatus,
)
from meetingroom.server.commands.registry import ADMIN, Args, CommandContext, command
from meetingroom.server.storage.models import SpeechRequest, Vote
from meetingroom.server.storage.types import utcnow

PREPARERS = {Role.SECRETARY.value, Role.CHAIR.value, ADMIN}


def _move(ctx: CommandContext, target: MeetingStatus) -> dict[str, Any]:
    current = MeetingStatus(ctx.meeting.status)
    if target not in MEETING_TRANSITIONS[current]:
        raise ProtocolError(
            ErrorCode.INVALID_STATE,
            f"a meeting cannot go from {current} to {target}",
            reason=Reason.MEETING_TRANSITION, params={"status": current, "target": target},
        )
    ctx.meeting.status = target.value
    payload: dict[str, Any] = {"status": target.value, "previous": current.value,
                               "by": ctx.user.id}
    if target is MeetingStatus.CLOSED:
        ctx.meeting.ends_at = utcnow()
        payload["ended_at"] = ctx.meeting.ends_at.isoformat()
    ctx.emit("meeting.status_changed", payload)
    return {"status": target.value}


@command("meeting.publish", roles=PREPARERS)
def publish(ctx: CommandContext, _args: Args) -> dict[str, Any]:
    """Publish a draft so participants can see it and fetch its documents."""
    return _move(ctx, MeetingStatus.PUBLISHED)


@command("meeting.unpublish", roles=PREPARERS)
def unpublish(ctx: CommandContext, _args: Args) -> dict[str, Any]:
    """Take a published meeting back to draft before it starts."""
    return _move(ctx, MeetingStatus.DRAFT)


@command("meeting.start", roles={Role.CHAIR.value})
def start(ctx: CommandContext, _args: Args) -> dict[str, Any]:
    """Open the session (khai mạc)."""
    return _move(ctx, MeetingStatus.IN_PROGRESS)


@command("meeting.close", roles={Role.CHAIR.value})
def close(ctx: CommandContext, _args: Args) -> dict[str, Any]:
    """Close the session (bế mạc); nothing changes a closed meeting."""
    unfinished = ctx.session.scalar(select(Vote.id).where(
        Vote.meeting_id == ctx.meeting.id,
        Vote.status.in_([VoteStatus.OPEN.value, VoteStatus.STOPPED.value])))
    if unfinished is not None:
        raise ProtocolError(ErrorCode.INVALID_STATE,
                            f"vote {unfinished} is still open or stopped; close or annul it "
                            "first", reason=Reason.VOTE_UNFINISHED,
                            params={"vote_id": unfinished})
    speaking = ctx.session.scalar(select(SpeechRequest.id).where(
        SpeechRequest.meeting_id == ctx.meeting.id,
        SpeechRequest.status.in_([s.value for s in ON_THE_FLOOR])))
    if speaking is not None:
        raise ProtocolError(ErrorCode.INVALID_STATE, "a speech holds the floor; end it first",
                            reason=Reason.SPEECH_HOLDS_FLOOR, params={"speech_id": speaking})
    return _move(ctx, MeetingStatus.CLOSED)


class UpdateMeetingArgs(Args):
    title: Annotated[str, Field(min_length=1, max_length=300)] | None = None
    location: Annotated[str, Field(max_length=200)] | None = None
    starts_at: datetime | None = None


@command("meeting.update", roles=PREPARERS, args=UpdateMeetingArgs)
def update(ctx: CommandContext, args: UpdateMeetingArgs) -> dict[str, Any]:
    """Change the title, place or time of a meeting that has not started."""
    if ctx.meeting.status not in (MeetingStatus.DRAFT, MeetingStatus.PUBLISHED):
        raise ProtocolError(ErrorCode.INVALID_STATE, "only a meeting not yet started is edited",
                            reason=Reason.MEETING_STARTED)
    changes: dict[str, Any] = {}
    if args.title is not None:
        ctx.meeting.title = changes["title"] = args.title
    if args.location is not None:
        ctx.meeting.location = changes["location"] = args.location
    if args.starts_at is not None:
        if args.starts_at.tzinfo is None:
            raise ProtocolError(ErrorCode.INVALID_ARGS, "starts_at needs a time zone")
        ctx.meeting.starts_at = args.starts_at
        changes["starts_at"] = args.starts_at.isoformat()
    if not changes:
        raise ProtocolError(ErrorCode.INVALID_ARGS, "nothing to change")
    ctx.emit("meeting.updated", changes)
    return changes
