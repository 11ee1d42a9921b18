"""Roll call (điểm danh): check in and out, absences with reasons, stand-ins (ủy quyền)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field
from sqlalchemy import select

from meetingroom.core.protocol import ErrorCode, ProtocolError, Reason
from meetingroom.core.vocabulary import Attendance, MeetingStatus, Role
from meetingroom.server.commands.registry import ADMIN, Args, CommandContext, command
from meetingroom.server.meeting_state import attendance_summary, attendance_view, is_member
from meetingroom.server.storage.models import Participant
from meetingroom.server.storage.types import utcnow

UserId = Annotated[int, Field(ge=1, le=2**62)]

#: Who may record attendance for someone else.
CLERKS = frozenset({Role.CHAIR.value, Role.SECRETARY.value, ADMIN})
EVERYONE = {Role.CHAIR.value, Role.SECRETARY.value, Role.DELEGATE.value, Role.GUEST.value,
            ADMIN}


def participant(ctx: CommandContext, user_id: int) -> Participant:
    row = ctx.session.scalar(select(Participant).where(
        Participant.meeting_id == ctx.meeting.id, Participant.user_id == user_id))
    if row is None:
        raise ProtocolError(ErrorCode.NOT_FOUND,
                            f"user {user_id} is not a participant of this meeting",
                            reason=Reason.NOT_A_PARTICIPANT, params={"user_id": user_id})
    return row


def _target(ctx: CommandContext, user_id: int | None) -> Participant:
    """The sender themself, or anyone when the sender keeps the roll."""
    if user_id is None or user_id == ctx.user.id:
        return participant(ctx, ctx.user.id)
    if not ctx.roles & CLERKS:
        raise ProtocolError(ErrorCode.FORBIDDEN,
                            "attendance for others is recorded by the secretary or chair",
                            reason=Reason.ATTENDANCE_FOR_OTHERS)
    return participant(ctx, user_id)


def _open_for_roll_call(ctx: CommandContext) -> None:
    if ctx.meeting.status not in (MeetingStatus.PUBLISHED, MeetingStatus.IN_PROGRESS):
        raise ProtocolError(ErrorCode.INVALID_STATE,
                            "attendance is recorded for a published or running meeting",
                            reason=Reason.ATTENDANCE_NOT_OPEN)


def _changed(ctx: CommandContext, row: Participant, action: str) -> dict[str, Any]:
    ctx.session.flush()
    summary = attendance_summary(ctx.meeting)
    view = attendance_view(row)
    ctx.emit("attendance.changed", {"action": action, "participant": view, "by": ctx.user.id,
                                    **summary})
    return {"participant": view, **summary}


class WhoArgs(Args):
    user_id: UserId | None = None


@command("attendance.check_in", roles=EVERYONE, args=WhoArgs)
def check_in(ctx: CommandContext, args: WhoArgs) -> dict[str, Any]:
    """Check in (by the participant, or by the secretary for them)."""
    _open_for_roll_call(ctx)
    row = _target(ctx, args.user_id)
    if row.attendance == Attendance.PRESENT:
        raise ProtocolError(ErrorCode.INVALID_STATE, "already checked in",
                            reason=Reason.ALREADY_CHECKED_IN)
    row.attendance = Attendance.PRESENT.value
    row.checked_in_at = utcnow()
    row.checked_out_at = None
    row.absence_reason = ""
    row.absence_excused = False
    return _changed(ctx, row, "check_in")


@command("attendance.check_out", roles=EVERYONE, args=WhoArgs)
def check_out(ctx: CommandContext, args: WhoArgs) -> dict[str, Any]:
    """Leave the hall; the quorum is recounted at once."""
    _open_for_roll_call(ctx)
    row = _target(ctx, args.user_id)
    if row.attendance != Attendance.PRESENT:
        raise ProtocolError(ErrorCode.INVALID_STATE, "not checked in",
                            reason=Reason.NOT_CHECKED_IN)
    row.attendance = Attendance.LEFT.value
    row.checked_out_at = utcnow()
    return _changed(ctx, row, "check_out")


class AbsentArgs(Args):
    user_id: UserId | None = None
    reason: Annotated[str, Field(max_length=500)] = ""
    excused: bool = True


@command("attendance.mark_absent", roles=EVERYONE, args=AbsentArgs)
def mark_absent(ctx: CommandContext, args: AbsentArgs) -> dict[str, Any]:
    """Record an absence with its reason (vắng có lý do), ahead of or during the session."""
    _open_for_roll_call(ctx)
    row = _target(ctx, args.user_id)
    if args.excused and not args.reason.strip():
        raise ProtocolError(ErrorCode.INVALID_ARGS, "an excused absence needs a reason",
                            reason=Reason.ABSENCE_NEEDS_REASON)
    row.attendance = Attendance.ABSENT.value
    row.absence_reason = args.reason.strip()
    row.absence_excused = args.excused
    row.checked_out_at = utcnow() if row.checked_in_at else None
    return _changed(ctx, row, "mark_absent")


class StandInArgs(Args):
    user_id: UserId | None = None
    #: The participant who stands in; ``null`` withdraws the authorisation.
    stand_in_user_id: UserId | None


@command("attendance.set_stand_in", roles=EVERYONE, args=StandInArgs)
def set_stand_in(ctx: CommandContext, args: StandInArgs) -> dict[str, Any]:
    """Authorise (ủy quyền) another participant to stand in for an absent member."""
    _open_for_roll_call(ctx)
    row = _target(ctx, args.user_id)
    if not is_member(row):
        raise ProtocolError(ErrorCode.INVALID_ARGS, "a stand-in is authorised by a member",
                            reason=Reason.STAND_IN_MEMBERS_ONLY)
    if args.stand_in_user_id is not None:
        if row.attendance == Attendance.PRESENT:
            raise ProtocolError(ErrorCode.INVALID_STATE,
                                "the member is present; check out or mark absent first",
                                reason=Reason.MEMBER_PRESENT)
        stand_in = participant(ctx, args.stand_in_user_id)
        if stand_in.user_id == row.user_id or is_member(stand_in):
            raise ProtocolError(ErrorCode.INVALID_ARGS,
                                "a stand-in must not hold a seat of their own",
                                reason=Reason.STAND_IN_HAS_SEAT)
        taken = ctx.session.scalar(select(Participant.user_id).where(
            Participant.meeting_id == ctx.meeting.id,
            Participant.stand_in_user_id == stand_in.user_id,
            Participant.user_id != row.user_id))
        if taken is not None:
            raise ProtocolError(ErrorCode.INVALID_STATE,
                                f"already standing in for member {taken}",
                                reason=Reason.ALREADY_STANDING_IN,
                                params={"member_id": taken})
    row.stand_in_user_id = args.stand_in_user_id
    return _changed(ctx, row, "set_stand_in")
