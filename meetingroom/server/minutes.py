"""The official records of a meeting, written from what the server recorded.

Four records, each an :class:`~meetingroom.server.official.OfficialRecord` laid out per Nghị định
30/2020/NĐ-CP (:mod:`meetingroom.server.official`): the minutes (biên bản), the vote-count record
of a secret ballot (biên bản kiểm phiếu), the conclusions notice (thông báo kết luận) and
the written-opinion summary (báo cáo tổng hợp ý kiến). Everything comes from stored rows
and the event log, never from someone's notes, so a record matches what happened: who was
present or absent and why, which agenda items were actually taken up, who spoke and for how
long, every vote with its announced result, and the conclusions. A meeting not yet held (or
still in session) gets a draft that says so above its title.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from meetingroom.core.rules.numbers import percent_vi
from meetingroom.core.timezones import in_zone
from meetingroom.core.vocabulary import Attendance, BodyKind, MeetingStatus, Role, SpeechStatus
from meetingroom.core.vocabulary import VoteStatus as _VoteStatus
from meetingroom.server.announcements import announce, quorum_sentence
from meetingroom.server.meeting_state import attendance_summary, is_member, member_noun
from meetingroom.server.official import OfficialRecord, Paragraph, Signature, TableBlock
from meetingroom.server.official.record import authority_lines, nfc, place_name
from meetingroom.server.storage.models import (
    AgendaItem,
    Body,
    BodyMember,
    Conclusion,
    Event,
    Meeting,
    Opinion,
    OpinionReply,
    Participant,
    SpeechRequest,
    Vote,
)

QUEUE_WORDS = {"speech": "phát biểu", "question": "chất vấn"}
OPINION_WORDS = {"agree": "Đồng ý", "disagree": "Không đồng ý", "other": "Ý kiến khác"}
RecordKind = Literal["minutes", "ballot", "conclusions", "opinions"]
Format = Literal["pdf", "docx"]


def _when(value: datetime, time_zone: str) -> str:
    """"08 giờ 00, ngày 03 tháng 12 năm 2026" on the body's clock."""
    local = in_zone(value, time_zone)
    return f"{local:%H} giờ {local:%M}, ngày {local:%d} tháng {local:%m} năm {local:%Y}"


def _clock(value: datetime, time_zone: str) -> str:
    local = in_zone(value, time_zone)
    return f"{local:%H} giờ {local:%M}"


def _duration(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes} phút {secs:02d} giây" if minutes else f"{secs} giây"


def _closing(text: str) -> str:
    """The last paragraph of a record ends with "./." (Nghị định 30), never "../."."""
    return text.rstrip().rstrip(".") + "./."


def _names(rows: list[Participant]) -> str:
    return ", ".join(p.user.full_name for p in rows) or "không có"


def body_code(body: Body) -> str:
    return "HĐND" if body.kind == BodyKind.HDND else "UBND"


def _short_body(body: Body) -> str:
    """"HĐND tỉnh An Hòa": the body's name with its kind abbreviated, for nơi nhận."""
    lines = authority_lines(body.name)
    rest = nfc(body.name)[-len(lines[1]):] if len(lines) == 2 else ""
    return f"{body_code(body)} {rest}".strip()


def _chair_word(body: Body) -> str:
    return "Chủ tọa" if body.kind == BodyKind.HDND else "Chủ trì"


def _people(meeting: Meeting) -> tuple[Participant | None, Participant | None]:
    participants = list(meeting.participants)
    chair = next((p for p in participants if p.role == Role.CHAIR), None)
    secretary = next((p for p in participants if p.role == Role.SECRETARY), None)
    return chair, secretary


def _draft_note(meeting: Meeting) -> str:
    if meeting.status in (MeetingStatus.DRAFT, MeetingStatus.PUBLISHED):
        return ("DỰ THẢO - Cuộc họp chưa diễn ra; nội dung dưới đây là chương trình dự kiến, "
                "biên bản được lập lại từ nhật ký khi cuộc họp kết thúc")
    if meeting.status == MeetingStatus.IN_PROGRESS:
        return "DỰ THẢO - Cuộc họp đang diễn ra; biên bản chưa đầy đủ"
    return ""


def _base(meeting: Meeting, *, type_code: str, kind_title: str, subject: str,
          blocks: list[Paragraph | TableBlock], recipients: list[str],
          signatures: tuple[Signature | None, Signature | None], draft_note: str,
          on: datetime | None = None) -> OfficialRecord:
    body = meeting.body
    return OfficialRecord(
        authority=authority_lines(body.name), type_code=type_code,
        authority_code=body_code(body), place=place_name(body.name),
        on=in_zone(on or meeting.starts_at, body.time_zone).date(), kind_title=kind_title,
        subject=subject, blocks=blocks, recipients=recipients, signatures=signatures,
        draft_note=draft_note, keywords=[f"meeting:{meeting.id}", kind_title.lower()])


def _sign(person: Participant | None, capacity: list[str]) -> Signature:
    return Signature(capacity, person.user.full_name if person else "")


# --- the minutes ---------------------------------------------------------------------


def _taken_up(session: Session, meeting: Meeting, items: list[AgendaItem],
              speeches: list[SpeechRequest], votes: list[Vote],
              conclusions: dict[int | None, Conclusion]) -> set[int]:
    """Items the meeting actually took up: made current by the chair, spoken or voted on,
    or concluded; and their parents, so a sub-item keeps its heading."""
    current = session.scalars(select(Event.payload).where(
        Event.meeting_id == meeting.id, Event.type == "agenda.current_changed")).all()
    ids = {int(p["item_id"]) for p in current if p.get("item_id")}
    ids |= {s.agenda_item_id for s in speeches} | {v.agenda_item_id for v in votes}
    ids |= {i for i, c in conclusions.items() if i is not None and c.text}
    parents = {item.id: item.parent_id for item in items}
    for item_id in list(ids):
        parent = parents.get(item_id)
        while parent is not None:
            ids.add(parent)
            parent = parents.get(parent)
    return ids


def build_minutes(session: Session, meeting: Meeting) -> OfficialRecord:
    body = meeting.body
    tz = body.time_zone
    noun = member_noun(body)
    participants = list(meeting.participants)
    chair, secretary = _people(meeting)
    members = [p for p in participants if is_member(p)]
    present = [p for p in members if p.attendance == Attendance.PRESENT]
    absent = [p for p in members if p.attendance != Attendance.PRESENT]
    guests = [p for p in participants if p.role == Role.GUEST
              and p.attendance == Attendance.PRESENT]
    held = meeting.status in (MeetingStatus.IN_PROGRESS, MeetingStatus.CLOSED)
    chair_word = _chair_word(body)
    blocks: list[Paragraph | TableBlock] = [
        Paragraph(f"Thời gian bắt đầu: {_when(meeting.starts_at, tz)}."),
        Paragraph(f"Địa điểm: {meeting.location or 'không ghi'}."),
        Paragraph(f"{chair_word}: {chair.user.full_name if chair else 'không ghi'}."),
        Paragraph("Thư ký (người ghi biên bản): "
                  f"{secretary.user.full_name if secretary else 'không ghi'}."),
        Paragraph("I. THÀNH PHẦN THAM DỰ", "heading"),
    ]
    if held:
        blocks.append(Paragraph(
            f"Tổng số {noun} của {body.name}: {body.total_members}. Có mặt: {len(present)} "
            f"{noun}: {_names(present)}."))
        excused = [p for p in absent if p.attendance == Attendance.ABSENT and p.absence_excused]
        unexcused = [p for p in absent if p not in excused]
        if excused:
            blocks.append(Paragraph("Vắng có lý do: " + "; ".join(
                f"{p.user.full_name} ({p.absence_reason})" for p in excused) + "."))
        if unexcused:
            blocks.append(Paragraph("Vắng không có lý do hoặc chưa điểm danh: " + "; ".join(
                p.user.full_name + (f" ({p.absence_reason})" if p.absence_reason else "")
                for p in unexcused) + "."))
        by_id = {p.user_id: p for p in participants}
        for p in absent:
            deputy = by_id.get(p.stand_in_user_id or 0)
            if deputy is not None:
                blocks.append(Paragraph(f"{p.user.full_name} ủy quyền cho "
                                        f"{deputy.user.full_name} dự họp thay."))
        if guests:
            blocks.append(Paragraph(f"Khách mời: {_names(guests)}."))
        blocks.append(Paragraph(quorum_sentence(attendance_summary(meeting)["quorum"], noun)))
    else:
        blocks.append(Paragraph(
            f"Tổng số {noun} của {body.name}: {body.total_members}. Được mời: "
            f"{len(members)} {noun}: {_names(members)}."))

    items = list(session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting.id)
                                 .order_by(AgendaItem.position, AgendaItem.id)))
    speeches = list(session.scalars(select(SpeechRequest).where(
        SpeechRequest.meeting_id == meeting.id, SpeechRequest.status == SpeechStatus.DONE)
        .order_by(SpeechRequest.started_at, SpeechRequest.id)))
    votes = list(session.scalars(select(Vote).where(Vote.meeting_id == meeting.id)
                                 .order_by(Vote.id)))
    conclusions = {c.agenda_item_id: c for c in session.scalars(
        select(Conclusion).where(Conclusion.meeting_id == meeting.id))}
    taken = _taken_up(session, meeting, items, speeches, votes, conclusions) if held \
        else {item.id for item in items}
    children: dict[int | None, list[AgendaItem]] = {}
    for item in items:
        if item.id in taken:
            children.setdefault(item.parent_id, []).append(item)
    blocks.append(Paragraph("II. NỘI DUNG VÀ DIỄN BIẾN" if held
                            else "II. CHƯƠNG TRÌNH DỰ KIẾN", "heading"))
    if held and not children:
        blocks.append(Paragraph("Cuộc họp chưa xem xét nội dung nào của chương trình."))

    def walk(parent: int | None, prefix: str) -> None:
        for number, item in enumerate(children.get(parent, []), start=1):
            label = f"{prefix}{number}."
            blocks.append(Paragraph(f"{label} {item.title}", "heading"))
            if item.presenter:
                blocks.append(Paragraph(f"Trình bày: {item.presenter}."))
            for speech in (s for s in speeches if s.agenda_item_id == item.id):
                topic = f": {speech.topic}" if speech.topic else ""
                started = f" lúc {in_zone(speech.started_at, tz):%H:%M}" \
                    if speech.started_at else ""
                blocks.append(Paragraph(
                    f"{speech.user.full_name} {QUEUE_WORDS.get(speech.queue, speech.queue)}"
                    f"{started} ({_duration(speech.banked_seconds)}){topic}."))
            for vote in (v for v in votes if v.agenda_item_id == item.id):
                blocks.extend(Paragraph(line) for line in _vote_lines(vote, tz, noun))
            if item.id in conclusions and conclusions[item.id].text:
                blocks.append(Paragraph(f"Kết luận: {conclusions[item.id].text}"))
            walk(item.id, label)

    walk(None, "")
    blocks.append(Paragraph("III. KẾT LUẬN", "heading"))
    overall = conclusions.get(None)
    blocks.append(Paragraph(overall.text if overall and overall.text
                            else "Chưa có kết luận chung."))
    if meeting.ends_at is not None and meeting.status == MeetingStatus.CLOSED:
        same_day = in_zone(meeting.ends_at, tz).date() == in_zone(meeting.starts_at, tz).date()
        ended = (f"{_clock(meeting.ends_at, tz)} cùng ngày" if same_day
                 else _when(meeting.ends_at, tz))
        blocks.append(Paragraph(f"Cuộc họp kết thúc vào {ended}./."))
    else:
        blocks[-1] = Paragraph(_closing(blocks[-1].text))  # type: ignore[union-attr]
    kind = "KỲ HỌP" if body.kind == BodyKind.HDND else "PHIÊN HỌP"
    recipients = ([f"Thường trực {_short_body(body)};", "Lưu: VT, hồ sơ kỳ họp."]
                  if body.kind == BodyKind.HDND
                  else [f"Thành viên {_short_body(body)};", "Lưu: VT, hồ sơ phiên họp."])
    return _base(meeting, type_code="BB", kind_title="BIÊN BẢN",
                 subject=_subject(meeting.title, kind), blocks=blocks, recipients=recipients,
                 signatures=(_sign(secretary, ["THƯ KÝ"]),
                             _sign(chair, [chair_word.upper()])),
                 draft_note=_draft_note(meeting))


def _subject(title: str, kind: str) -> str:
    """The meeting's title as the subject; "Kỳ họp …" titles are not prefixed again."""
    title = nfc(title).strip()
    if title.lower().startswith(("kỳ họp", "phiên họp", "hội nghị", "cuộc họp")):
        return title
    return f"{kind.capitalize()} {title}"


def _vote_lines(vote: Vote, time_zone: str, noun: str) -> list[str]:
    ballot = "bỏ phiếu kín" if vote.ballot == "secret" else "biểu quyết công khai"
    at = f" lúc {in_zone(vote.opened_at, time_zone):%H:%M}" if vote.opened_at else ""
    head = f"Biểu quyết{at} ({ballot}, {vote.rule_label.lower()}): {vote.title}."
    if vote.status == _VoteStatus.ANNULLED:
        return [head, f"Kết quả đã bị hủy. Lý do: {vote.annul_reason}."]
    if vote.status != _VoteStatus.CLOSED or not vote.result:
        return [head, "Chưa công bố kết quả."]
    return [head, f"Kết quả: {announce(vote.result, noun)}"]


# --- the vote-count record of a secret ballot ----------------------------------------


def build_ballot_record(session: Session, meeting: Meeting, vote: Vote) -> OfficialRecord:
    """Biên bản kiểm phiếu: the counts of one secret ballot, against total membership."""
    body = meeting.body
    tz = body.time_zone
    noun = member_noun(body)
    chair, secretary = _people(meeting)
    result: dict[str, Any] = vote.result or {}
    total = int(result.get("total_members", vote.total_members))
    at = vote.opened_at or meeting.starts_at
    blocks: list[Paragraph | TableBlock] = [
        Paragraph(f"Hồi {_when(at, tz)}, tại {meeting.location or 'nơi họp'}, {body.name} "
                  f"tiến hành bỏ phiếu kín tại {meeting.title}."),
        Paragraph(f"Nội dung bỏ phiếu: {vote.title}; loại việc: {vote.rule_label.lower()}."),
        Paragraph("Hình thức: bỏ phiếu kín trên hệ thống biểu quyết điện tử; phiếu không ghi "
                  "tên người bỏ phiếu và không thể liên kết với người bỏ phiếu."),
    ]
    draft = ""
    if vote.status == _VoteStatus.ANNULLED:
        blocks.append(Paragraph(f"Kết quả bỏ phiếu đã bị hủy. Lý do: {vote.annul_reason}./."))
    elif vote.status != _VoteStatus.CLOSED or not result:
        draft = "DỰ THẢO - Cuộc bỏ phiếu chưa kết thúc; chưa có kết quả kiểm phiếu"
        blocks.append(Paragraph("Chưa có kết quả kiểm phiếu./."))
    else:
        ballots = int(result.get("voted", result.get("ballots", 0)))
        not_voted = int(result.get("not_voted", total - ballots))
        blocks.append(Paragraph(
            f"Tổng số {noun}: {total}. Số phiếu thu vào: {ballots}, chiếm "
            f"{percent_vi(ballots, total)} tổng số {noun}. Số {noun} không bỏ phiếu: "
            f"{not_voted}."))
        blocks.append(Paragraph("Kết quả kiểm phiếu:"))
        blocks.append(_ballot_table(vote, result, total))
        blocks.append(Paragraph(_closing(f"Kết luận: {announce(result, noun)}")))
    return _base(meeting, type_code="BB", kind_title="BIÊN BẢN KIỂM PHIẾU",
                 subject=vote.title, blocks=blocks,
                 recipients=[f"Thường trực {_short_body(body)};", "Lưu: VT, hồ sơ kỳ họp."],
                 signatures=(_sign(secretary, ["THƯ KÝ"]),
                             _sign(chair, [_chair_word(body).upper()])),
                 draft_note=draft, on=at)


def _ballot_table(vote: Vote, result: dict[str, Any], total: int) -> TableBlock:
    if "candidates" in result:
        return TableBlock(["Họ và tên", "Số phiếu bầu", "Tỷ lệ so với tổng số", "Kết quả"],
                          [[c["name"], str(c["votes"]), percent_vi(int(c["votes"]), total),
                            "Trúng cử" if c["elected"] else "Không trúng cử"]
                           for c in result["candidates"]], [40, 18, 22, 20])
    if "officials" in result:
        levels = list(result.get("levels", []))
        return TableBlock(["Người được lấy phiếu", *levels],
                          [[o["name"], *(f"{lv['count']} ({percent_vi(int(lv['count']), total)})"
                                         for lv in o["levels"])]
                           for o in result["officials"]],
                          [34, *([22] * len(levels))] if len(levels) == 3 else None)
    return TableBlock(["Phương án", "Số phiếu", "Tỷ lệ so với tổng số"],
                      [[o["label"], str(o["count"]), percent_vi(int(o["count"]), total)]
                       for o in result.get("options", [])], [50, 20, 30])


# --- the conclusions notice ----------------------------------------------------------


def _chair_position(session: Session, meeting: Meeting, chair: Participant | None) -> str:
    if chair is None:
        return _chair_word(meeting.body).upper()
    position = session.scalar(select(BodyMember.position).where(
        BodyMember.body_id == meeting.body_id, BodyMember.user_id == chair.user_id))
    return (position or chair.user.title or _chair_word(meeting.body)).upper()


def build_conclusions_notice(session: Session, meeting: Meeting) -> OfficialRecord:
    """Thông báo kết luận: what the chair concluded, item by item, for those who act on it."""
    body = meeting.body
    tz = body.time_zone
    chair, _secretary = _people(meeting)
    chair_word = _chair_word(body)
    conclusions = {c.agenda_item_id: c for c in session.scalars(
        select(Conclusion).where(Conclusion.meeting_id == meeting.id)) if c.text}
    items = {i.id: i for i in session.scalars(select(AgendaItem).where(
        AgendaItem.meeting_id == meeting.id).order_by(AgendaItem.position, AgendaItem.id))}
    blocks: list[Paragraph | TableBlock] = [Paragraph(
        f"Ngày {in_zone(meeting.starts_at, tz):%d/%m/%Y}, tại "
        f"{meeting.location or 'nơi họp'}, {body.name} tổ chức {meeting.title}. "
        f"{chair_word}: {chair.user.full_name if chair else 'không ghi'}."),
        Paragraph(f"Sau khi nghe báo cáo và ý kiến thảo luận, {chair_word.lower()} kết luận "
                  "như sau:")]
    ordered = [items[i] for i in items if i in conclusions]
    for number, item in enumerate(ordered, start=1):
        blocks.append(Paragraph(f"{number}. {item.title}", "heading"))
        blocks.append(Paragraph(conclusions[item.id].text))
    overall = conclusions.get(None)
    if overall is not None:
        if ordered:
            blocks.append(Paragraph(f"{len(ordered) + 1}. Kết luận chung", "heading"))
        blocks.append(Paragraph(overall.text))
    if not conclusions:
        blocks.append(Paragraph("Chưa có kết luận."))
    blocks.append(Paragraph(f"{body.name} thông báo để các cơ quan, đơn vị, cá nhân liên "
                            "quan biết, thực hiện./."))
    return _base(meeting, type_code="TB", kind_title="THÔNG BÁO",
                 subject=f"Kết luận của {chair_word} tại {meeting.title}", blocks=blocks,
                 recipients=["Các đại biểu dự họp;", "Các cơ quan, đơn vị liên quan;",
                             "Lưu: VT."],
                 signatures=(None, _sign(chair, [f"TM. {authority_lines(body.name)[0]}",
                                                 _chair_position(session, meeting, chair)])),
                 draft_note=_draft_note(meeting).split(";")[0],
                 on=meeting.ends_at or meeting.starts_at)


# --- the written-opinion summary -----------------------------------------------------


def build_opinion_summary(session: Session, meeting: Meeting,
                          opinion: Opinion) -> OfficialRecord:
    """Báo cáo tổng hợp ý kiến bằng văn bản: who was asked, who answered what, and why."""
    body = meeting.body
    tz = body.time_zone
    noun = member_noun(body)
    _chair, secretary = _people(meeting)
    members = {p.user_id: p for p in meeting.participants if is_member(p)}
    replies = list(session.scalars(select(OpinionReply).where(
        OpinionReply.opinion_id == opinion.id).order_by(OpinionReply.answered_at)))
    asked = len(members)
    answered = {r.user_id for r in replies}
    counts = {key: sum(r.answer == key for r in replies) for key in OPINION_WORDS}
    blocks: list[Paragraph | TableBlock] = [
        Paragraph(f"{body.name} lấy ý kiến bằng văn bản về: {opinion.title}."),
    ]
    if opinion.question:
        blocks.append(Paragraph(f"Nội dung xin ý kiến: {opinion.question}"))
    blocks += [
        Paragraph(f"Thời hạn trả lời: {_when(opinion.deadline, tz)}."),
        Paragraph(f"Số {noun} được xin ý kiến: {asked}; đã trả lời: {len(answered)} "
                  f"({percent_vi(len(answered), asked)}); chưa trả lời: "
                  f"{asked - len(answered & set(members))}."),
        Paragraph("Kết quả tổng hợp:"),
        TableBlock(["Ý kiến", f"Số {noun}", f"Tỷ lệ so với số {noun} được xin ý kiến"],
                   [[OPINION_WORDS[k], str(v), percent_vi(v, asked)]
                    for k, v in counts.items()], [40, 20, 40]),
    ]
    others = [r for r in replies if r.comment]
    if others:
        blocks.append(Paragraph("Ý kiến cụ thể:", "heading"))
        for reply in others:
            person = members.get(reply.user_id)
            who = person.user.full_name if person else f"#{reply.user_id}"
            blocks.append(Paragraph(f"{who} ({OPINION_WORDS.get(reply.answer, reply.answer)}): "
                                    f"{reply.comment}"))
    missing = [p.user.full_name for uid, p in members.items() if uid not in answered]
    if missing:
        blocks.append(Paragraph(f"Chưa trả lời: {', '.join(missing)}."))
    if isinstance(blocks[-1], Paragraph):
        blocks[-1] = Paragraph(_closing(blocks[-1].text))
    draft = "" if opinion.status != "open" else (
        "DỰ THẢO - Chưa hết thời hạn lấy ý kiến; số liệu tính đến thời điểm lập báo cáo")
    return _base(meeting, type_code="BC", kind_title="BÁO CÁO",
                 subject=f"Tổng hợp ý kiến bằng văn bản về {opinion.title}", blocks=blocks,
                 recipients=[f"Thường trực {_short_body(body)};", "Lưu: VT."],
                 signatures=(None, _sign(secretary, ["THƯ KÝ"])), draft_note=draft,
                 on=opinion.closed_at or opinion.deadline)


# --- one entry point ------------------------------------------------------------------


class RecordNotFoundError(LookupError):
    pass


def build_record(session: Session, meeting: Meeting, kind: RecordKind = "minutes", *,
                 vote_id: int | None = None, opinion_id: int | None = None) -> OfficialRecord:
    """The record of ``kind`` for ``meeting``; a vote or opinion of another meeting, or a
    vote that was not a secret ballot, is :class:`RecordNotFoundError` with the reason."""
    if kind == "minutes":
        return build_minutes(session, meeting)
    if kind == "conclusions":
        return build_conclusions_notice(session, meeting)
    if kind == "ballot":
        vote = session.get(Vote, vote_id or 0)
        if vote is None or vote.meeting_id != meeting.id:
            raise RecordNotFoundError(f"no vote {vote_id} in meeting {meeting.id}")
        if vote.ballot != "secret":
            raise RecordNotFoundError(f"vote {vote_id} was not a secret ballot")
        return build_ballot_record(session, meeting, vote)
    opinion = session.get(Opinion, opinion_id or 0)
    if opinion is None or opinion.meeting_id != meeting.id:
        raise RecordNotFoundError(f"no written-opinion request {opinion_id} in meeting "
                                  f"{meeting.id}")
    return build_opinion_summary(session, meeting, opinion)


def render_record(record: OfficialRecord, fmt: Format) -> tuple[bytes, int]:
    """(bytes, pages) of the record as a PDF, or (bytes, 0) as a DOCX."""
    if fmt == "docx":
        from meetingroom.server.official.docx import render_docx

        return render_docx(record), 0
    from meetingroom.server.official.pdf import render_pdf

    return render_pdf(record)


def render_minutes(session: Session, meeting: Meeting) -> tuple[bytes, int]:
    """The minutes as an A4 PDF (bytes, pages)."""
    return render_record(build_minutes(session, meeting), "pdf")
