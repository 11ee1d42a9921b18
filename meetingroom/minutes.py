"""The minutes (biên bản) of a meeting, written from what the server recorded.

Everything comes from stored rows and the event log, never from someone's
notes, so the minutes match what happened: who was present or absent and why,
who spoke on which item and for how long, every vote with its announced result,
and the conclusions. The PDF follows the official layout (Quốc hiệu and Tiêu
ngữ, title, body, signature blocks) and embeds a font with Vietnamese glyphs,
so its text extracts correctly.
"""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from datetime import datetime

import pymupdf
from sqlalchemy import select
from sqlalchemy.orm import Session

from meetingroom.demo_documents import render_document
from meetingroom.domain import Attendance, BodyKind, Role, SpeechStatus, VoteStatus
from meetingroom.pdf.fonts import BOLD, REGULAR, noto
from meetingroom.session_state import attendance_summary, member_noun
from meetingroom.storage.models import (
    AgendaItem,
    Conclusion,
    Meeting,
    Participant,
    SpeechRequest,
    Vote,
)
from meetingroom.timezones import in_zone

QUEUE_WORDS = {"speech": "phát biểu", "question": "chất vấn"}


def _when(value: datetime, time_zone: str) -> str:
    """"08 giờ 00, ngày 03 tháng 12 năm 2026" on the body's clock."""
    local = in_zone(value, time_zone)
    return f"{local:%H} giờ {local:%M}, ngày {local:%d} tháng {local:%m} năm {local:%Y}"


def _duration(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes} phút {secs:02d} giây" if minutes else f"{secs} giây"


def _names(rows: list[Participant]) -> str:
    return ", ".join(p.user.full_name for p in rows) or "không có"


def minutes_paragraphs(session: Session, meeting: Meeting) -> tuple[str, list[str],
                                                                    tuple[str, str]]:
    """(title, paragraphs with "# " headings, (secretary, chair)) of the minutes."""
    body = meeting.body
    tz = body.time_zone
    noun = member_noun(body)
    participants = list(meeting.participants)
    chair = next((p for p in participants if p.role == Role.CHAIR), None)
    secretary = next((p for p in participants if p.role == Role.SECRETARY), None)
    members = [p for p in participants if p.role in (Role.CHAIR, Role.DELEGATE)]
    present = [p for p in members if p.attendance == Attendance.PRESENT]
    absent = [p for p in members if p.attendance != Attendance.PRESENT]
    guests = [p for p in participants if p.role == Role.GUEST
              and p.attendance == Attendance.PRESENT]
    summary = attendance_summary(meeting)
    kind = "KỲ HỌP" if body.kind == BodyKind.HDND else "PHIÊN HỌP"
    title = f"BIÊN BẢN {kind}\n{meeting.title}"
    paragraphs = [
        f"Thời gian: bắt đầu lúc {_when(meeting.starts_at, tz)}.",
        f"Địa điểm: {meeting.location or 'không ghi'}.",
        f"Chủ tọa: {chair.user.full_name if chair else 'không ghi'}. "
        f"Thư ký: {secretary.user.full_name if secretary else 'không ghi'}.",
        "# I. THÀNH PHẦN THAM DỰ",
        f"Tổng số {noun} của {body.name}: {body.total_members}. "
        f"Có mặt: {len(present)} {noun}: {_names(present)}.",
    ]
    excused = [p for p in absent if p.attendance == Attendance.ABSENT and p.absence_excused]
    unexcused = [p for p in absent if p not in excused]
    if excused:
        paragraphs.append("Vắng có lý do: " + "; ".join(
            f"{p.user.full_name} ({p.absence_reason})" for p in excused) + ".")
    if unexcused:
        paragraphs.append("Vắng không có lý do hoặc chưa điểm danh: " + "; ".join(
            p.user.full_name + (f" ({p.absence_reason})" if p.absence_reason else "")
            for p in unexcused) + ".")
    stand_ins = [p for p in absent if p.stand_in_user_id is not None]
    by_id = {p.user_id: p for p in participants}
    for p in stand_ins:
        deputy = by_id.get(p.stand_in_user_id or 0)
        if deputy is not None:
            paragraphs.append(f"{p.user.full_name} ủy quyền cho {deputy.user.full_name} "
                              "dự họp thay.")
    if guests:
        paragraphs.append(f"Khách mời: {_names(guests)}.")
    paragraphs.append(summary["quorum"]["text"])

    paragraphs.append("# II. NỘI DUNG VÀ DIỄN BIẾN")
    items = session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting.id)
                            .order_by(AgendaItem.position, AgendaItem.id)).all()
    children: dict[int | None, list[AgendaItem]] = {}
    for item in items:
        children.setdefault(item.parent_id, []).append(item)
    speeches = session.scalars(select(SpeechRequest).where(
        SpeechRequest.meeting_id == meeting.id, SpeechRequest.status == SpeechStatus.DONE)
        .order_by(SpeechRequest.started_at, SpeechRequest.id)).all()
    votes = session.scalars(select(Vote).where(Vote.meeting_id == meeting.id)
                            .order_by(Vote.id)).all()
    conclusions = {c.agenda_item_id: c for c in session.scalars(
        select(Conclusion).where(Conclusion.meeting_id == meeting.id))}

    def walk(parent: int | None, prefix: str) -> None:
        for number, item in enumerate(children.get(parent, []), start=1):
            label = f"{prefix}{number}."
            paragraphs.append(f"# {label} {item.title}")
            if item.presenter:
                paragraphs.append(f"Trình bày: {item.presenter}.")
            for speech in (s for s in speeches if s.agenda_item_id == item.id):
                topic = f": {speech.topic}" if speech.topic else ""
                started = f" lúc {in_zone(speech.started_at, tz):%H:%M}" \
                    if speech.started_at else ""
                paragraphs.append(
                    f"{speech.user.full_name} {QUEUE_WORDS.get(speech.queue, speech.queue)}"
                    f"{started} ({_duration(speech.banked_seconds)}){topic}.")
            for vote in (v for v in votes if v.agenda_item_id == item.id):
                paragraphs.extend(_vote_lines(vote, tz))
            if item.id in conclusions and conclusions[item.id].text:
                paragraphs.append(f"Kết luận: {conclusions[item.id].text}")
            walk(item.id, label)

    walk(None, "")
    paragraphs.append("# III. KẾT LUẬN")
    overall = conclusions.get(None)
    paragraphs.append(overall.text if overall and overall.text else "Chưa có kết luận chung.")
    if meeting.ends_at is not None:
        paragraphs.append(f"Kết thúc lúc {_when(meeting.ends_at, tz)}.")
    signers = (secretary.user.full_name if secretary else "",
               chair.user.full_name if chair else "")
    return title, paragraphs, signers


def _vote_lines(vote: Vote, time_zone: str) -> list[str]:
    ballot = "bỏ phiếu kín" if vote.ballot == "secret" else "biểu quyết công khai"
    at = f" lúc {in_zone(vote.opened_at, time_zone):%H:%M}" if vote.opened_at else ""
    head = f"Biểu quyết{at} ({ballot}, {vote.rule_label.lower()}): {vote.title}."
    if vote.status == VoteStatus.ANNULLED:
        return [head, f"Kết quả đã bị hủy. Lý do: {vote.annul_reason}."]
    if vote.status != VoteStatus.CLOSED or not vote.result:
        return [head, "Chưa công bố kết quả."]
    return [head, f"Kết quả: {vote.result['announcement']}"]


def render_minutes(session: Session, meeting: Meeting) -> tuple[bytes, int]:
    """The minutes as an A4 PDF (bytes, pages), signature blocks on the last page."""
    title, paragraphs, (secretary, chair) = minutes_paragraphs(session, meeting)
    data, _pages = render_document(title.split("\n")[0] + " " + title.split("\n")[1],
                                   paragraphs, issuer=meeting.body.name, min_pages=1)
    return _sign(data, secretary, chair, meeting.body.kind)


def _sign(data: bytes, secretary: str, chair: str, kind: str) -> tuple[bytes, int]:
    doc = pymupdf.open(stream=data, filetype="pdf")
    page = doc[-1]
    bottom = max((block[3] for block in page.get_text("blocks")
                  if block[3] < page.rect.height - 80), default=100.0)
    if bottom > page.rect.height - 220:
        page = doc.new_page(width=page.rect.width, height=page.rect.height)
        bottom = 60.0
    writer = pymupdf.TextWriter(page.rect)
    columns = ((page.rect.width * 0.3, "THƯ KÝ", secretary),
               (page.rect.width * 0.72, "CHỦ TỌA" if kind == BodyKind.HDND else "CHỦ TRÌ", chair))
    for centre, role, name in columns:
        for offset, text, code, size in ((30, role, BOLD, 12.0),
                                         (46, "(Ký, ghi rõ họ tên)", REGULAR, 10.0),
                                         (130, name, BOLD, 12.0)):
            font = noto(code)
            width = font.text_length(text, size)
            writer.append((centre - width / 2, bottom + offset), text, font=font, fontsize=size)
    writer.write_text(page)
    doc.subset_fonts()
    pages = doc.page_count
    out: bytes = doc.tobytes(garbage=4, deflate=True)
    doc.close()
    return out, pages
