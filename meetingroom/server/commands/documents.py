"""A meeting's documents: attach an uploaded file, replace it with a new version, withdraw it.

The file itself arrives first, in pieces, through ``upload_chunk`` requests and is
stored by its SHA-256; these commands only record what it is and where it belongs.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field

from meetingroom.core.protocol import ErrorCode, ProtocolError, Reason
from meetingroom.server.commands.meeting import PREPARERS
from meetingroom.server.commands.registry import Args, CommandContext, command
from meetingroom.server.storage.models import AgendaItem, Document
from meetingroom.server.storage.types import utcnow
from meetingroom.server.views import document_view

Id = Annotated[int, Field(ge=1, le=2**62)]
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
Filename = Annotated[str, Field(min_length=1, max_length=255)]


def _pages(ctx: CommandContext, sha256: str) -> tuple[int, int]:
    """(pages, bytes) of an uploaded PDF that passed the document check; else refused with
    the check's reason code (``details.reason``, and ``details.page``), which clients word.

    The server runs the check off this (database) thread before the command reaches it
    (issue 19.4), so here it is a small file read; a caller without that server (tests of
    the service) pays for the check here.
    """
    if ctx.blobs is None or not ctx.blobs.has(sha256):
        raise ProtocolError(ErrorCode.INVALID_STATE, "upload the file first",
                            reason=Reason.NOT_UPLOADED)
    verdict = ctx.blobs.check(sha256)
    if not verdict.ok:
        raise ProtocolError(ErrorCode.INVALID_ARGS, f"PDF refused: {verdict.text('en')}",
                            details=verdict.details())
    return verdict.pages, ctx.blobs.size(sha256)


def _document(ctx: CommandContext, document_id: int) -> Document:
    doc = ctx.session.get(Document, document_id)
    if doc is None or doc.meeting_id != ctx.meeting.id or doc.withdrawn_at is not None:
        raise ProtocolError(ErrorCode.NOT_FOUND,
                            f"no current document {document_id} in this meeting",
                            reason=Reason.NO_DOCUMENT, params={"document_id": document_id})
    return doc


class AddArgs(Args):
    sha256: Sha256
    title: Annotated[str, Field(min_length=1, max_length=500)]
    filename: Filename
    item_id: Id | None = None
    confidential: bool = False


@command("document.add", roles=PREPARERS, args=AddArgs)
def add(ctx: CommandContext, args: AddArgs) -> dict[str, Any]:
    """Attach an uploaded PDF that passed the document check to the meeting (and to an
    agenda item)."""
    if args.item_id is not None:
        item = ctx.session.get(AgendaItem, args.item_id)
        if item is None or item.meeting_id != ctx.meeting.id:
            raise ProtocolError(ErrorCode.NOT_FOUND, f"no agenda item {args.item_id} here")
    pages, size = _pages(ctx, args.sha256)
    doc = Document(meeting_id=ctx.meeting.id, agenda_item_id=args.item_id, title=args.title,
                   filename=args.filename, sha256=args.sha256, pages=pages, size_bytes=size,
                   confidential=args.confidential, created_at=utcnow(), version=1)
    ctx.session.add(doc)
    ctx.session.flush()
    view = document_view(doc)
    ctx.emit("document.added", {"document": view, "by": ctx.user.id})
    return {"document": view}


class ReplaceArgs(Args):
    document_id: Id
    sha256: Sha256
    filename: Filename | None = None


@command("document.replace", roles=PREPARERS, args=ReplaceArgs)
def replace(ctx: CommandContext, args: ReplaceArgs) -> dict[str, Any]:
    """Publish a new version; laptops fetch it, show "updated" and drop the old copy."""
    old = _document(ctx, args.document_id)
    if args.sha256 == old.sha256:
        raise ProtocolError(ErrorCode.INVALID_ARGS, "this version is already the current one")
    pages, size = _pages(ctx, args.sha256)
    new = Document(meeting_id=ctx.meeting.id, agenda_item_id=old.agenda_item_id,
                   title=old.title, filename=args.filename or old.filename, sha256=args.sha256,
                   pages=pages, size_bytes=size, confidential=old.confidential,
                   created_at=utcnow(), version=old.version + 1, previous_id=old.id)
    old.withdrawn_at = utcnow()
    ctx.session.add(new)
    ctx.session.flush()
    view = document_view(new)
    ctx.emit("document.replaced", {"previous_id": old.id, "previous_sha256": old.sha256,
                                   "previous_pages": old.pages, "document": view,
                                   "by": ctx.user.id})
    return {"document": view}


class DocumentArgs(Args):
    document_id: Id


@command("document.withdraw", roles=PREPARERS, args=DocumentArgs)
def withdraw(ctx: CommandContext, args: DocumentArgs) -> dict[str, Any]:
    """Withdraw a document: no one can fetch it any more and laptops delete their copy."""
    doc = _document(ctx, args.document_id)
    doc.withdrawn_at = utcnow()
    payload = {"document_id": doc.id, "sha256": doc.sha256, "by": ctx.user.id}
    ctx.emit("document.withdrawn", payload)
    return payload
