"""Reading together and alone: the presenter's shared page, and personal annotations."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field
from sqlalchemy import select

from meetingroom.core.protocol import ErrorCode, ProtocolError, Reason
from meetingroom.core.vocabulary import ON_THE_FLOOR, MeetingStatus, Role
from meetingroom.server.commands.registry import Args, CommandContext, command
from meetingroom.server.storage.models import Document, SpeechRequest, UserAnnotation

Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
EVERYONE = {Role.CHAIR.value, Role.SECRETARY.value, Role.DELEGATE.value, Role.GUEST.value}


def visible_document(ctx: CommandContext, *, document_id: int | None = None,
                     sha256: str | None = None) -> Document:
    """A document of this meeting the sender may read (guests never see confidential ones)."""
    query = select(Document).where(Document.meeting_id == ctx.meeting.id,
                                   Document.withdrawn_at.is_(None))
    query = (query.where(Document.id == document_id) if document_id is not None
             else query.where(Document.sha256 == sha256))
    guest_only = not ctx.roles - {Role.GUEST.value}
    preparing = bool(ctx.roles & {Role.CHAIR.value, Role.SECRETARY.value, "admin"})
    for doc in ctx.session.scalars(query.order_by(Document.id)):
        if doc.confidential and guest_only:
            continue
        if doc.approval != "approved" and not preparing:
            continue
        return doc
    raise ProtocolError(ErrorCode.NOT_FOUND, "no such document in this meeting for this user",
                        reason=Reason.NO_DOCUMENT)


class SharePageArgs(Args):
    document_id: Annotated[int, Field(ge=1, le=2**62)]
    page: Annotated[int, Field(ge=0, le=100_000)]


@command("presenter.share_page", roles=EVERYONE, args=SharePageArgs)
def share_page(ctx: CommandContext, args: SharePageArgs) -> dict[str, Any]:
    """Lead everyone's reader to a page: the chair, the secretary, or whoever has the floor."""
    if ctx.meeting.status != MeetingStatus.IN_PROGRESS:
        raise ProtocolError(ErrorCode.INVALID_STATE, "the session is not in progress",
                            reason=Reason.SESSION_NOT_IN_PROGRESS)
    leads = ctx.roles & {Role.CHAIR.value, Role.SECRETARY.value}
    if not leads:
        speaking = ctx.session.scalar(select(SpeechRequest.id).where(
            SpeechRequest.meeting_id == ctx.meeting.id, SpeechRequest.user_id == ctx.user.id,
            SpeechRequest.status.in_([s.value for s in ON_THE_FLOOR])))
        if speaking is None:
            raise ProtocolError(ErrorCode.FORBIDDEN,
                                "the chair, the secretary or the speaker leads the page",
                                reason=Reason.PAGE_LEAD_FORBIDDEN)
    doc = visible_document(ctx, document_id=args.document_id)
    if args.page >= doc.pages:
        raise ProtocolError(ErrorCode.INVALID_ARGS, f"the document has {doc.pages} pages")
    payload = {"document_id": doc.id, "sha256": doc.sha256, "page": args.page,
               "by": ctx.user.id}
    ctx.emit("presenter.page_shared", payload)
    return payload


class PushArgs(Args):
    sha256: Sha256
    annotations: Annotated[list[dict[str, Any]], Field(max_length=500)]


def _checked(sha256: str, raw: dict[str, Any]) -> tuple[str, float, bool]:
    ident, modified, deleted = raw.get("id"), raw.get("modified"), raw.get("deleted", False)
    if (not isinstance(ident, str) or not 1 <= len(ident) <= 64
            or not isinstance(modified, int | float) or isinstance(modified, bool)
            or not isinstance(deleted, bool) or raw.get("document_sha256") != sha256):
        raise ProtocolError(ErrorCode.INVALID_ARGS,
                            "an annotation needs a string id, a numeric modified time, a "
                            "boolean deleted flag and the document's sha256")
    return ident, float(modified), deleted


@command("annotations.push", roles=EVERYONE, args=PushArgs, personal=True)
def push(ctx: CommandContext, args: PushArgs) -> dict[str, Any]:
    """Store the sender's annotations of one document version; the newest version per id wins."""
    visible_document(ctx, sha256=args.sha256)
    kept = 0
    for raw in args.annotations:
        ident, modified, deleted = _checked(args.sha256, raw)
        row = ctx.session.scalar(select(UserAnnotation).where(
            UserAnnotation.user_id == ctx.user.id,
            UserAnnotation.document_sha256 == args.sha256,
            UserAnnotation.annotation_id == ident))
        if row is None:
            ctx.session.add(UserAnnotation(user_id=ctx.user.id, document_sha256=args.sha256,
                                           annotation_id=ident, modified=modified,
                                           deleted=deleted, payload=raw))
            ctx.session.flush()
            kept += 1
        elif (modified, deleted) > (row.modified, row.deleted):
            row.modified, row.deleted, row.payload = modified, deleted, raw
            kept += 1
    return {"sha256": args.sha256, "received": len(args.annotations), "kept": kept}


class PullArgs(Args):
    sha256: Sha256


@command("annotations.pull", roles=EVERYONE, args=PullArgs, personal=True)
def pull(ctx: CommandContext, args: PullArgs) -> dict[str, Any]:
    """The sender's stored annotations of one document version, tombstones included."""
    visible_document(ctx, sha256=args.sha256)
    rows = ctx.session.scalars(select(UserAnnotation.payload).where(
        UserAnnotation.user_id == ctx.user.id, UserAnnotation.document_sha256 == args.sha256)
        .order_by(UserAnnotation.annotation_id)).all()
    return {"sha256": args.sha256, "annotations": list(rows)}
