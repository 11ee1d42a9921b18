"""Speaking (phát biểu) and questioning (chất vấn): two queues per agenda item, one floor."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field
from sqlalchemy import select

from meetingroom.core.protocol import ErrorCode, ProtocolError, Reason
from meetingroom.core.vocabulary import ON_THE_FLOOR, MeetingStatus, QueueKind, Role, SpeechStatus
from meetingroom.server.commands.attendance import CLERKS, participant
from meetingroom.server.commands.registry import Args, CommandContext, command
from meetingroom.server.meeting_state import clock, is_member, speaking_totals, speech_view
from meetingroom.server.storage.models import AgendaItem, SpeechRequest
from meetingroom.server.storage.types import utcnow

Id = Annotated[int, Field(ge=1, le=2**62)]
Seconds = Annotated[int, Field(ge=10, le=4 * 3600)]
Topic = Annotated[str, Field(max_length=500)]

SPEAKERS = {Role.CHAIR.value, Role.DELEGATE.value}
QUEUE_KEEPERS = set(CLERKS)
QUEUED = (SpeechStatus.WAITING.value, SpeechStatus.CALLED.value)


def _item_id(ctx: CommandContext, item_id: int | None) -> int:
    """The given agenda item, or the one under discussion."""
    chosen = item_id if item_id is not None else ctx.meeting.current_item_id
    if chosen is None:
        raise ProtocolError(ErrorCode.INVALID_ARGS, "no agenda item given and none is current",
                            reason=Reason.NO_CURRENT_ITEM)
    item = ctx.session.get(AgendaItem, chosen)
    if item is None or item.meeting_id != ctx.meeting.id:
        raise ProtocolError(ErrorCode.NOT_FOUND, f"no agenda item {chosen} in this meeting",
                            reason=Reason.NO_AGENDA_ITEM, params={"item_id": chosen})
    return chosen


def _speech(ctx: CommandContext, speech_id: int) -> SpeechRequest:
    req = ctx.session.get(SpeechRequest, speech_id)
    if req is None or req.meeting_id != ctx.meeting.id:
        raise ProtocolError(ErrorCode.NOT_FOUND, f"no speech request {speech_id} in this meeting",
                            reason=Reason.NO_SPEECH, params={"speech_id": speech_id})
    return req


def _require(ctx: CommandContext, *statuses: MeetingStatus) -> None:
    if ctx.meeting.status not in statuses:
        raise ProtocolError(ErrorCode.INVALID_STATE, "the session is not in progress",
                            reason=Reason.SESSION_NOT_IN_PROGRESS)


def _status(req: SpeechRequest, *allowed: SpeechStatus) -> None:
    if req.status not in {s.value for s in allowed}:
        raise ProtocolError(ErrorCode.INVALID_STATE,
                            f"the speech is {req.status}; expected "
                            f"{', '.join(s.value for s in allowed)}",
                            reason=Reason.SPEECH_WRONG_STATUS,
                            params={"status": req.status})


def _limit(ctx: CommandContext, queue: QueueKind, reply: bool) -> int:
    body = ctx.meeting.body
    if reply:
        return body.reply_seconds
    return body.question_seconds if queue is QueueKind.QUESTION else body.speech_seconds


def _queue(ctx: CommandContext, item_id: int, queue: str) -> list[SpeechRequest]:
    return list(ctx.session.scalars(
        select(SpeechRequest)
        .where(SpeechRequest.meeting_id == ctx.meeting.id,
               SpeechRequest.agenda_item_id == item_id, SpeechRequest.queue == queue,
               SpeechRequest.status.in_(QUEUED))
        .order_by(SpeechRequest.position, SpeechRequest.id)))


def _renumber(rows: list[SpeechRequest]) -> list[int]:
    for number, row in enumerate(rows):
        row.position = number
    return [row.id for row in rows]


def _emit(ctx: CommandContext, kind: str, req: SpeechRequest, **extra: Any) -> dict[str, Any]:
    ctx.session.flush()
    view = speech_view(req)
    ctx.emit(kind, {"speech": view, "by": ctx.user.id, **extra})
    return {"speech": view, **extra}


class RegisterArgs(Args):
    queue: QueueKind = QueueKind.SPEECH
    item_id: Id | None = None
    topic: Topic = ""
    #: A debate reply (tranh luận) to this earlier speech.
    reply_to: Id | None = None


@command("speech.register", roles=SPEAKERS, args=RegisterArgs)
def register(ctx: CommandContext, args: RegisterArgs) -> dict[str, Any]:
    """Register to speak or to question (đăng ký phát biểu / chất vấn) on an item."""
    _require(ctx, MeetingStatus.PUBLISHED, MeetingStatus.IN_PROGRESS)
    item_id = _item_id(ctx, args.item_id)
    if args.reply_to is not None:
        _speech(ctx, args.reply_to)
    existing = [r for r in _queue(ctx, item_id, args.queue.value) if r.user_id == ctx.user.id]
    if existing:
        raise ProtocolError(ErrorCode.INVALID_STATE, "already registered in this queue",
                            reason=Reason.ALREADY_REGISTERED,
                            params={"speech_id": existing[0].id})
    waiting = _queue(ctx, item_id, args.queue.value)
    req = SpeechRequest(meeting_id=ctx.meeting.id, agenda_item_id=item_id,
                        queue=args.queue.value, user_id=ctx.user.id, topic=args.topic.strip(),
                        reply_to_id=args.reply_to, position=len(waiting),
                        status=SpeechStatus.WAITING.value,
                        limit_seconds=_limit(ctx, args.queue, args.reply_to is not None),
                        banked_seconds=0.0, registered_at=utcnow())
    ctx.session.add(req)
    return _emit(ctx, "speech.registered", req)


class SpeechArgs(Args):
    speech_id: Id


@command("speech.withdraw", roles=SPEAKERS | QUEUE_KEEPERS | {Role.GUEST.value},
         args=SpeechArgs)
def withdraw(ctx: CommandContext, args: SpeechArgs) -> dict[str, Any]:
    """Withdraw a registration that has not reached the floor."""
    req = _speech(ctx, args.speech_id)
    if req.user_id != ctx.user.id and not ctx.roles & CLERKS:
        raise ProtocolError(ErrorCode.FORBIDDEN, "only one's own registration is withdrawn",
                            reason=Reason.WITHDRAW_OWN_ONLY)
    _status(req, SpeechStatus.WAITING, SpeechStatus.CALLED)
    req.status = SpeechStatus.WITHDRAWN.value
    order = _renumber(_queue(ctx, req.agenda_item_id, req.queue))
    return _emit(ctx, "speech.withdrawn", req, order=order)


class ReorderArgs(Args):
    queue: QueueKind
    item_id: Id | None = None
    order: Annotated[list[Id], Field(max_length=1000)]


@command("speech.reorder", roles=QUEUE_KEEPERS, args=ReorderArgs)
def reorder(ctx: CommandContext, args: ReorderArgs) -> dict[str, Any]:
    """Put a queue in a new order; the list must name every registration still waiting."""
    item_id = _item_id(ctx, args.item_id)
    rows = {r.id: r for r in _queue(ctx, item_id, args.queue.value)}
    if sorted(args.order) != sorted(rows):
        raise ProtocolError(ErrorCode.INVALID_ARGS,
                            "the order must list exactly the waiting registrations",
                            reason=Reason.ORDER_MISMATCH, params={"waiting": sorted(rows)})
    order = _renumber([rows[i] for i in args.order])
    ctx.emit("speech.reordered", {"item_id": item_id, "queue": args.queue.value,
                                  "order": order, "by": ctx.user.id})
    return {"item_id": item_id, "queue": args.queue.value, "order": order}


class CallArgs(Args):
    speech_id: Id | None = None
    queue: QueueKind = QueueKind.SPEECH
    item_id: Id | None = None


@command("speech.call", roles=QUEUE_KEEPERS, args=CallArgs)
def call(ctx: CommandContext, args: CallArgs) -> dict[str, Any]:
    """Call a registered speaker (or the next one waiting) to the floor."""
    _require(ctx, MeetingStatus.IN_PROGRESS)
    if args.speech_id is not None:
        req = _speech(ctx, args.speech_id)
    else:
        waiting = [r for r in _queue(ctx, _item_id(ctx, args.item_id), args.queue.value)
                   if r.status == SpeechStatus.WAITING]
        if not waiting:
            raise ProtocolError(ErrorCode.INVALID_STATE, "nobody is waiting",
                                reason=Reason.NOBODY_WAITING)
        req = waiting[0]
    _status(req, SpeechStatus.WAITING)
    req.status = SpeechStatus.CALLED.value
    req.called_at = utcnow()
    return _emit(ctx, "speech.called", req)


class GrantArgs(Args):
    user_id: Id
    queue: QueueKind = QueueKind.SPEECH
    item_id: Id | None = None
    topic: Topic = ""
    reply_to: Id | None = None
    limit_s: Seconds | None = None


@command("speech.grant", roles=QUEUE_KEEPERS, args=GrantArgs)
def grant(ctx: CommandContext, args: GrantArgs) -> dict[str, Any]:
    """Give the floor to any participant unregistered: a guest, or an answer to a question."""
    _require(ctx, MeetingStatus.IN_PROGRESS)
    item_id = _item_id(ctx, args.item_id)
    who = participant(ctx, args.user_id)
    if args.reply_to is not None:
        _speech(ctx, args.reply_to)
    ahead = _queue(ctx, item_id, args.queue.value)
    req = SpeechRequest(meeting_id=ctx.meeting.id, agenda_item_id=item_id,
                        queue=args.queue.value, user_id=who.user_id, topic=args.topic.strip(),
                        reply_to_id=args.reply_to, status=SpeechStatus.CALLED.value,
                        limit_seconds=args.limit_s or _limit(ctx, args.queue,
                                                             args.reply_to is not None),
                        banked_seconds=0.0, registered_at=utcnow(), called_at=utcnow())
    ctx.session.add(req)
    ctx.session.flush()
    order = _renumber([req, *ahead])
    return _emit(ctx, "speech.called", req, order=order, granted=True,
                 member=is_member(who))


def _floor_taken(ctx: CommandContext, but: int) -> SpeechRequest | None:
    return ctx.session.scalar(select(SpeechRequest).where(
        SpeechRequest.meeting_id == ctx.meeting.id, SpeechRequest.id != but,
        SpeechRequest.status.in_([s.value for s in ON_THE_FLOOR])))


@command("speech.start", roles=QUEUE_KEEPERS, args=SpeechArgs)
def start(ctx: CommandContext, args: SpeechArgs) -> dict[str, Any]:
    """Start the speech and its countdown; only one speech holds the floor at a time."""
    _require(ctx, MeetingStatus.IN_PROGRESS)
    req = _speech(ctx, args.speech_id)
    _status(req, SpeechStatus.WAITING, SpeechStatus.CALLED)
    other = _floor_taken(ctx, req.id)
    if other is not None:
        raise ProtocolError(ErrorCode.INVALID_STATE,
                            f"speech {other.id} holds the floor; end it first",
                            reason=Reason.SPEECH_HOLDS_FLOOR,
                            params={"speech_id": other.id, "name": other.user.full_name})
    now = utcnow()
    req.status = SpeechStatus.SPEAKING.value
    req.called_at = req.called_at or now
    req.started_at = now
    req.running_since = now
    order = _renumber(_queue(ctx, req.agenda_item_id, req.queue))
    return _emit(ctx, "speech.started", req, order=order)


@command("speech.pause", roles=QUEUE_KEEPERS, args=SpeechArgs)
def pause(ctx: CommandContext, args: SpeechArgs) -> dict[str, Any]:
    """Stop the clock without ending the speech."""
    req = _speech(ctx, args.speech_id)
    _status(req, SpeechStatus.SPEAKING)
    paused = clock(req).paused(utcnow())
    req.banked_seconds, req.running_since = paused.banked_s, None
    req.status = SpeechStatus.PAUSED.value
    return _emit(ctx, "speech.paused", req)


@command("speech.resume", roles=QUEUE_KEEPERS, args=SpeechArgs)
def resume(ctx: CommandContext, args: SpeechArgs) -> dict[str, Any]:
    """Restart the clock of a paused speech."""
    _require(ctx, MeetingStatus.IN_PROGRESS)
    req = _speech(ctx, args.speech_id)
    _status(req, SpeechStatus.PAUSED)
    req.running_since = utcnow()
    req.status = SpeechStatus.SPEAKING.value
    return _emit(ctx, "speech.resumed", req)


@command("speech.end", roles=QUEUE_KEEPERS, args=SpeechArgs)
def end(ctx: CommandContext, args: SpeechArgs) -> dict[str, Any]:
    """End the speech; its time is added to the speaker's and the item's totals."""
    req = _speech(ctx, args.speech_id)
    _status(req, SpeechStatus.SPEAKING, SpeechStatus.PAUSED)
    now = utcnow()
    req.banked_seconds = clock(req).elapsed(now)
    req.running_since = None
    req.ended_at = now
    req.status = SpeechStatus.DONE.value
    ctx.session.flush()
    item_rows = speaking_totals(ctx.session, ctx.meeting.id, item_id=req.agenda_item_id)
    totals = {
        "speaker": [r for r in item_rows if r["user_id"] == req.user_id],
        "speaker_meeting": speaking_totals(ctx.session, ctx.meeting.id, user_id=req.user_id),
        "item": {
            "speeches": sum(r["speeches"] for r in item_rows),
            "seconds": round(sum(r["seconds"] for r in item_rows), 1),
        },
    }
    return _emit(ctx, "speech.ended", req, totals=totals)


class LimitArgs(Args):
    speech_id: Id
    limit_s: Seconds


@command("speech.set_limit", roles=QUEUE_KEEPERS, args=LimitArgs)
def set_limit(ctx: CommandContext, args: LimitArgs) -> dict[str, Any]:
    """Give one speech more (or less) time than the body's default."""
    req = _speech(ctx, args.speech_id)
    _status(req, SpeechStatus.WAITING, SpeechStatus.CALLED, SpeechStatus.SPEAKING,
            SpeechStatus.PAUSED)
    req.limit_seconds = args.limit_s
    return _emit(ctx, "speech.limit_changed", req)

