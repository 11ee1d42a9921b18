"""What the secretary keeps: participants, document approval, conclusions, reminders."""

from __future__ import annotations

import base64
from typing import Annotated, Any, Literal

from pydantic import Field
from sqlalchemy import func, select

from meetingroom.core.participants_file import problem
from meetingroom.core.pdf.signatures import Verdict, signature_statuses
from meetingroom.core.protocol import ErrorCode, ProtocolError, Reason
from meetingroom.core.vocabulary import Role, minutes_filename
from meetingroom.server import audit
from meetingroom.server.commands.attendance import participant
from meetingroom.server.commands.documents import AddArgs, Sha256, _document, _pages
from meetingroom.server.commands.meeting import PREPARERS
from meetingroom.server.commands.opinions import OPEN, _opinion
from meetingroom.server.commands.registry import Args, CommandContext, command
from meetingroom.server.meeting_state import opinion_view
from meetingroom.server.minutes import (
    RecordNotFoundError,
    build_record,
    render_minutes,
    render_record,
)
from meetingroom.server.reports import (
    attendance_table,
    delegate_table,
    to_csv,
    to_xlsx,
    votes_table,
)
from meetingroom.server.storage.models import AgendaItem, Conclusion, Document, Participant, User
from meetingroom.server.storage.types import utcnow
from meetingroom.server.views import document_view, participant_view

Id = Annotated[int, Field(ge=1, le=2**62)]
Seat = Annotated[str, Field(max_length=32)]
EVERYONE = {Role.CHAIR.value, Role.SECRETARY.value, Role.DELEGATE.value, Role.GUEST.value}


# --- participants ----------------------------------------------------------------------


class ParticipantArgs(Args):
    user_id: Id
    role: Role
    seat: Seat = ""


@command("participant.add", roles=PREPARERS, args=ParticipantArgs)
def add_participant(ctx: CommandContext, args: ParticipantArgs) -> dict[str, Any]:
    """Invite a person (from the body's membership, or a guest) with a role and a seat."""
    user = ctx.session.get(User, args.user_id)
    if user is None or not user.is_active:
        raise ProtocolError(ErrorCode.NOT_FOUND, f"no active user {args.user_id}")
    exists = ctx.session.scalar(select(Participant.id).where(
        Participant.meeting_id == ctx.meeting.id, Participant.user_id == args.user_id))
    if exists is not None:
        raise ProtocolError(ErrorCode.INVALID_STATE, "already a participant",
                            reason=Reason.ALREADY_PARTICIPANT)
    row = Participant(meeting_id=ctx.meeting.id, user_id=user.id, role=args.role.value,
                      seat=args.seat)
    row.user = user
    ctx.session.add(row)
    ctx.session.flush()
    view = participant_view(row)
    ctx.emit("participant.added", {"participant": view, "by": ctx.user.id})
    return {"participant": view}


class UpdateParticipantArgs(Args):
    user_id: Id
    role: Role | None = None
    seat: Seat | None = None


@command("participant.update", roles=PREPARERS, args=UpdateParticipantArgs)
def update_participant(ctx: CommandContext, args: UpdateParticipantArgs) -> dict[str, Any]:
    """Change a participant's role or seat."""
    row = participant(ctx, args.user_id)
    if args.role is None and args.seat is None:
        raise ProtocolError(ErrorCode.INVALID_ARGS, "nothing to change")
    if args.role is not None:
        row.role = args.role.value
    if args.seat is not None:
        row.seat = args.seat
    view = participant_view(row)
    ctx.emit("participant.updated", {"participant": view, "by": ctx.user.id})
    return {"participant": view}


class UserArgs(Args):
    user_id: Id


@command("participant.remove", roles=PREPARERS, args=UserArgs)
def remove_participant(ctx: CommandContext, args: UserArgs) -> dict[str, Any]:
    """Remove a participant; their laptop wipes this meeting's documents when it reconnects."""
    row = participant(ctx, args.user_id)
    if row.user_id == ctx.user.id:
        raise ProtocolError(ErrorCode.INVALID_ARGS, "you cannot remove yourself")
    ctx.session.delete(row)
    ctx.emit("participant.removed", {"user_id": args.user_id, "by": ctx.user.id})
    return {"user_id": args.user_id}


# --- document approval -----------------------------------------------------------------


@command("document.submit", roles=EVERYONE, args=AddArgs)
def submit_document(ctx: CommandContext, args: AddArgs) -> dict[str, Any]:
    """Submit an uploaded PDF for approval (duyệt tài liệu); only preparers see it until then."""
    pages, size = _pages(ctx, args.sha256)
    doc = Document(meeting_id=ctx.meeting.id, agenda_item_id=args.item_id, title=args.title,
                   filename=args.filename, sha256=args.sha256, pages=pages, size_bytes=size,
                   confidential=args.confidential, created_at=utcnow(), version=1,
                   approval="submitted", submitted_by=ctx.user.id)
    ctx.session.add(doc)
    ctx.session.flush()
    view = document_view(doc)
    ctx.emit("document.submitted", {"document": view, "by": ctx.user.id})
    return {"document": view}


def _submitted(ctx: CommandContext, document_id: int) -> Document:
    doc = _document(ctx, document_id)
    if doc.approval != "submitted":
        raise ProtocolError(ErrorCode.INVALID_STATE, f"the document is {doc.approval}")
    return doc


class DocumentIdArgs(Args):
    document_id: Id


@command("document.approve", roles=PREPARERS, args=DocumentIdArgs)
def approve_document(ctx: CommandContext, args: DocumentIdArgs) -> dict[str, Any]:
    """Approve a submitted document: every participant allowed to may now read it."""
    doc = _submitted(ctx, args.document_id)
    doc.approval = "approved"
    view = document_view(doc)
    ctx.emit("document.approved", {"document": view, "by": ctx.user.id})
    return {"document": view}


class RejectArgs(Args):
    document_id: Id
    reason: Annotated[str, Field(min_length=3, max_length=1000)]


@command("document.reject", roles=PREPARERS, args=RejectArgs)
def reject_document(ctx: CommandContext, args: RejectArgs) -> dict[str, Any]:
    """Send a submitted document back with the reason; it never reaches the delegates."""
    doc = _submitted(ctx, args.document_id)
    doc.approval = "rejected"
    doc.rejection_reason = args.reason.strip()
    doc.withdrawn_at = utcnow()
    view = {**document_view(doc), "rejection_reason": doc.rejection_reason}
    ctx.emit("document.rejected", {"document": view, "by": ctx.user.id})
    return {"document": view}


# --- conclusions and reminders ---------------------------------------------------------


def conclusion_view(row: Conclusion) -> dict[str, Any]:
    return {"item_id": row.agenda_item_id, "text": row.text, "updated_by": row.updated_by,
            "updated_at": row.updated_at.isoformat()}


class ConclusionArgs(Args):
    #: The agenda item concluded; ``null`` for the conclusion of the whole meeting.
    item_id: Id | None = None
    text: Annotated[str, Field(max_length=20000)]


@command("conclusion.set", roles=PREPARERS, args=ConclusionArgs, on_closed=True)
def set_conclusion(ctx: CommandContext, args: ConclusionArgs) -> dict[str, Any]:
    """Record the conclusion (kết luận) of an item or of the meeting; it goes in the minutes."""
    if args.item_id is not None:
        item = ctx.session.get(AgendaItem, args.item_id)
        if item is None or item.meeting_id != ctx.meeting.id:
            raise ProtocolError(ErrorCode.NOT_FOUND, f"no agenda item {args.item_id} here")
    item_filter = (Conclusion.agenda_item_id.is_(None) if args.item_id is None
                   else Conclusion.agenda_item_id == args.item_id)
    row = ctx.session.scalar(select(Conclusion).where(Conclusion.meeting_id == ctx.meeting.id,
                                                      item_filter))
    if row is None:
        row = Conclusion(meeting_id=ctx.meeting.id, agenda_item_id=args.item_id)
        ctx.session.add(row)
    row.text, row.updated_by, row.updated_at = args.text.strip(), ctx.user.id, utcnow()
    ctx.session.flush()
    view = conclusion_view(row)
    ctx.emit("conclusion.set", {"conclusion": view, "by": ctx.user.id})
    return {"conclusion": view}


class OpinionIdArgs(Args):
    opinion_id: Id


@command("opinion.remind", roles=PREPARERS, args=OpinionIdArgs)
def remind(ctx: CommandContext, args: OpinionIdArgs) -> dict[str, Any]:
    """Remind the members who have not answered a written-opinion request yet."""
    row = _opinion(ctx, args.opinion_id)
    if row.status != OPEN:
        raise ProtocolError(ErrorCode.INVALID_STATE, "the request is closed")
    view = opinion_view(ctx.session, row, ctx.meeting)
    payload = {"opinion_id": row.id, "title": row.title, "deadline": view["deadline"],
               "not_answered": view["not_answered"], "by": ctx.user.id}
    ctx.emit("opinion.reminded", payload)
    return payload


MINUTES_TITLE = "Biên bản"


@command("minutes.generate", roles=PREPARERS, on_closed=True)
def generate_minutes(ctx: CommandContext, _args: Args) -> dict[str, Any]:
    """Write the minutes (biên bản) from the record and attach them as a document.

    Generating again makes a new version of the same document, so laptops get
    "updated" and the earlier draft stays in the history.
    """
    if ctx.blobs is None:
        raise ProtocolError(ErrorCode.UNAVAILABLE, "no document store on this server")
    ctx.session.flush()
    data, pages = render_minutes(ctx.session, ctx.meeting)
    sha = ctx.blobs.put(data)
    filename = minutes_filename(ctx.meeting.id)
    previous = ctx.session.scalar(select(Document).where(
        Document.meeting_id == ctx.meeting.id, Document.filename == filename,
        Document.withdrawn_at.is_(None)))
    if previous is not None and previous.sha256 == sha:
        return {"document": document_view(previous), "unchanged": True}
    doc = Document(meeting_id=ctx.meeting.id, agenda_item_id=None,
                   title=f"{MINUTES_TITLE} - {ctx.meeting.title}"[:500], filename=filename,
                   sha256=sha, pages=pages, size_bytes=len(data), confidential=False,
                   created_at=utcnow(), version=previous.version + 1 if previous else 1,
                   previous_id=previous.id if previous else None)
    ctx.session.add(doc)
    ctx.session.flush()
    view = document_view(doc)
    if previous is None:
        ctx.emit("document.added", {"document": view, "by": ctx.user.id})
    else:
        previous.withdrawn_at = utcnow()
        ctx.emit("document.replaced", {"previous_id": previous.id,
                                       "previous_sha256": previous.sha256,
                                       "previous_pages": previous.pages, "document": view,
                                       "by": ctx.user.id})
    return {"document": view, "unchanged": False}


class RecordArgs(Args):
    kind: Literal["minutes", "ballot", "conclusions", "opinions"] = "minutes"
    format: Literal["pdf", "docx"] = "docx"
    vote_id: Id | None = None
    opinion_id: Id | None = None


@command("minutes.export", roles=PREPARERS, args=RecordArgs, personal=True)
def export_record(ctx: CommandContext, args: RecordArgs) -> dict[str, Any]:
    """An official record as a file to save, the editable DOCX copy, or a PDF; nothing is
    stored: "minutes.generate" keeps the meeting's minutes document."""
    ctx.session.flush()
    try:
        record = build_record(ctx.session, ctx.meeting, args.kind, vote_id=args.vote_id,
                              opinion_id=args.opinion_id)
    except RecordNotFoundError as exc:
        raise ProtocolError(ErrorCode.NOT_FOUND, str(exc)) from None
    data, _pages = render_record(record, args.format)
    kind = ("application/pdf" if args.format == "pdf" else
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    stem = minutes_filename(ctx.meeting.id).removesuffix(".pdf")
    if args.kind != "minutes":
        stem = f"{args.kind}-{ctx.meeting.id}"
    return {"filename": f"{stem}.{args.format}", "content_type": kind,
            "data": base64.b64encode(data).decode("ascii"), "size": len(data)}


class SignedArgs(Args):
    document_id: Id
    sha256: Sha256


@command("minutes.store_signed", roles=PREPARERS, args=SignedArgs, on_closed=True)
def store_signed(ctx: CommandContext, args: SignedArgs) -> dict[str, Any]:
    """Keep the minutes with one more digital signature as their new version.

    Signing happens on the signer's laptop, the key never leaves the token or file; the
    server only accepts a file that is the current minutes, byte for byte, with signatures
    appended, and writes who signed into the audit trail.
    """
    old = _document(ctx, args.document_id)
    if old.filename != minutes_filename(ctx.meeting.id):
        raise ProtocolError(ErrorCode.INVALID_ARGS, "only the minutes are signed here")
    pages, size = _pages(ctx, args.sha256)
    assert ctx.blobs is not None
    before, after = ctx.blobs.read(old.sha256), ctx.blobs.read(args.sha256)
    if len(after) <= len(before) or not after.startswith(before):
        raise ProtocolError(ErrorCode.INVALID_ARGS,
                            "not the current minutes with a signature appended",
                            reason=Reason.SIGNED_NOT_CURRENT)
    known = len(signature_statuses(before))
    added = signature_statuses(after)[known:]
    if not added:
        raise ProtocolError(ErrorCode.INVALID_ARGS, "no new digital signature",
                            reason=Reason.SIGNED_NO_SIGNATURE)
    if any(s.verdict in (Verdict.CHANGED, Verdict.INVALID) for s in added):
        raise ProtocolError(ErrorCode.INVALID_ARGS, "a signature does not verify",
                            reason=Reason.SIGNED_INVALID)
    new = Document(meeting_id=ctx.meeting.id, agenda_item_id=old.agenda_item_id,
                   title=old.title, filename=old.filename, sha256=args.sha256, pages=pages,
                   size_bytes=size, confidential=old.confidential, created_at=utcnow(),
                   version=old.version + 1, previous_id=old.id)
    old.withdrawn_at = utcnow()
    ctx.session.add(new)
    ctx.session.flush()
    signers = [s.view() for s in added]
    audit.record(ctx.session, "minutes.signed", user_id=ctx.user.id,
                 username=ctx.user.username, meeting_id=ctx.meeting.id,
                 detail={"document_id": new.id, "version": new.version,
                         "sha256": new.sha256, "signatures": signers})
    view = document_view(new)
    ctx.emit("document.replaced", {"previous_id": old.id, "previous_sha256": old.sha256,
                                   "previous_pages": old.pages, "document": view,
                                   "by": ctx.user.id})
    return {"document": view, "signatures": signers}


class ReportArgs(Args):
    kind: Literal["attendance", "votes", "delegates", "all"] = "all"
    format: Literal["csv", "xlsx"] = "xlsx"


@command("report.export", roles=PREPARERS, args=ReportArgs, personal=True)
def export_report(ctx: CommandContext, args: ReportArgs) -> dict[str, Any]:
    """Attendance, vote results and per-delegate statistics as a CSV or XLSX file."""
    tables = {"attendance": [attendance_table(ctx.meeting)],
              "votes": [votes_table(ctx.session, ctx.meeting)],
              "delegates": [delegate_table(ctx.session, ctx.meeting.body_id)]}
    chosen = ([t for group in tables.values() for t in group] if args.kind == "all"
              else tables[args.kind])
    stem = f"bao-cao-{args.kind}-{ctx.meeting.id}"
    if args.format == "csv":
        if len(chosen) != 1:
            raise ProtocolError(ErrorCode.INVALID_ARGS, "CSV holds one table: choose a kind")
        data, kind = to_csv(chosen[0]), "text/csv; charset=utf-8"
    else:
        data = to_xlsx(chosen, chart_of="Thống kê đại biểu")
        kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return {"filename": f"{stem}.{args.format}", "content_type": kind,
            "data": base64.b64encode(data).decode("ascii"), "size": len(data)}


class ImportRowArgs(Args):
    line: Annotated[int, Field(ge=1, le=100_000)]
    username: Annotated[str, Field(max_length=64)]
    role: Role = Role.DELEGATE
    seat: Seat = ""


class ImportArgs(Args):
    rows: Annotated[list[ImportRowArgs], Field(min_length=1, max_length=1000)]
    #: False: only check and report every row (the preview); True: add the good rows.
    apply: bool = False


@command("participant.import", roles=PREPARERS, args=ImportArgs)
def import_participants(ctx: CommandContext, args: ImportArgs) -> dict[str, Any]:
    """Check (and with ``apply`` add) a list of participants; each bad row says why."""
    present = set(ctx.session.scalars(select(Participant.user_id).where(
        Participant.meeting_id == ctx.meeting.id)))
    names = {r.username.lower() for r in args.rows}
    accounts = {u.username.lower(): u for u in ctx.session.scalars(
        select(User).where(func.lower(User.username).in_(names)))}
    report = []
    added = 0
    first_line: dict[str, int] = {}
    for row in args.rows:
        user = accounts.get(row.username.lower())
        errors: list[dict[str, Any]] = []
        earlier = first_line.setdefault(row.username.lower(), row.line)
        if earlier != row.line:
            errors.append(problem("same_as_line", line=earlier))
        elif user is None or not user.is_active:
            errors.append(problem("no_account", username=row.username))
        elif user.id in present:
            errors.append(problem("already_participant"))
        entry = {"line": row.line, "username": row.username, "role": row.role.value,
                 "seat": row.seat, "user_id": user.id if user else None,
                 "full_name": user.full_name if user else "", "errors": errors,
                 "ok": not errors}
        report.append(entry)
        if args.apply and not errors and user is not None:
            person = Participant(meeting_id=ctx.meeting.id, user_id=user.id,
                                 role=row.role.value, seat=row.seat)
            person.user = user
            ctx.session.add(person)
            ctx.session.flush()
            present.add(user.id)
            ctx.emit("participant.added", {"participant": participant_view(person),
                                           "by": ctx.user.id, "imported": True})
            added += 1
    return {"rows": report, "good": sum(r["ok"] for r in report),
            "bad": sum(not r["ok"] for r in report), "added": added}
