"""Invitations (giấy mời) to a meeting as a printable A4 PDF, without Qt.

One page (or more) per invited person, or one list of everyone invited, in the
official layout of :func:`meetingroom.core.demo_documents.render_document`: the
issuing body and the Quốc hiệu / Tiêu ngữ heading, a centred title, the body in
Noto Sans (so Vietnamese letters print and extract correctly), and a signature
block for the body's office.
"""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import pymupdf

from meetingroom.core.demo_documents import render_document
from meetingroom.core.pdf.fonts import BOLD, REGULAR, noto
from meetingroom.core.timezones import in_zone, meeting_zone

ROLE_WORDS = {"chair": "Chủ tọa", "secretary": "Thư ký", "delegate": "Đại biểu",
              "guest": "Khách mời", "admin": "Quản trị"}
WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")


def when_text(starts_at: str | datetime, time_zone: str | None) -> str:
    """"08 giờ 00, thứ Năm, ngày 10 tháng 12 năm 2026" on the clock of the body's zone."""
    local = in_zone(starts_at, time_zone)
    return (f"{local:%H} giờ {local:%M}, {WEEKDAYS[local.weekday()]}, ngày {local:%d} "
            f"tháng {local:%m} năm {local:%Y}")


def _agenda_lines(agenda: Sequence[Mapping[str, Any]]) -> list[str]:
    """Numbered "1.", "1.2." lines of an agenda given as items with id/parent_id/position."""
    children: dict[Any, list[Mapping[str, Any]]] = {}
    for item in agenda:
        children.setdefault(item.get("parent_id"), []).append(item)
    lines: list[str] = []

    def walk(parent: Any, prefix: str) -> None:
        rows = sorted(children.get(parent, []), key=lambda i: (i.get("position", 0), i["id"]))
        for number, item in enumerate(rows, start=1):
            label = f"{prefix}{number}."
            presenter = f" (trình bày: {item['presenter']})" if item.get("presenter") else ""
            lines.append(f"{label} {item['title']}{presenter}")
            walk(item["id"], label)

    walk(None, "")
    return lines


def _person(participant: Mapping[str, Any]) -> str:
    title = str(participant.get("title") or "").strip()
    name = str(participant.get("full_name") or participant.get("username") or "")
    return f"{name}, {title}" if title else name


def invitation_paragraphs(meeting: Mapping[str, Any], participant: Mapping[str, Any],
                          agenda: Sequence[Mapping[str, Any]] = ()) -> list[str]:
    body = meeting.get("body") or {}
    role = ROLE_WORDS.get(str(participant.get("role", "")), "Đại biểu")
    seat = str(participant.get("seat") or "")
    paragraphs = [
        f"# Kính gửi: {_person(participant)}",
        f"{body.get('name', '')} trân trọng kính mời {role.lower()} "
        f"{participant.get('full_name', '')} tới dự {meeting['title']}.",
        f"Thời gian: {when_text(meeting['starts_at'], meeting_zone(meeting))}.",
        f"Địa điểm: {meeting.get('location') or 'sẽ thông báo sau'}.",
    ]
    if seat:
        paragraphs.append(f"Chỗ ngồi: {seat}.")
    lines = _agenda_lines(agenda)
    if lines:
        paragraphs.append("# Nội dung")
        paragraphs.extend(lines)
    paragraphs.append("Tài liệu họp được gửi trên hệ thống phòng họp không giấy; đề nghị "
                      "đại biểu đăng nhập để nghiên cứu trước và điểm danh khi tới dự họp.")
    paragraphs.append("Rất mong được đón tiếp.")
    return paragraphs


def _sign(doc: pymupdf.Document, body_name: str) -> None:
    """A signature block (TM. the body) at the end of every invitation's last page."""
    page = doc[-1]
    bottom = max((b[3] for b in page.get_text("blocks") if b[3] < page.rect.height - 80),
                 default=100.0)
    if bottom > page.rect.height - 200:
        page = doc.new_page(width=page.rect.width, height=page.rect.height)
        bottom = 60.0
    writer = pymupdf.TextWriter(page.rect)
    centre = page.rect.width * 0.7
    for offset, text, code, size in ((30, f"TM. {body_name.upper()}", BOLD, 11.0),
                                     (46, "(Ký, ghi rõ họ tên, đóng dấu)", REGULAR, 10.0)):
        font = noto(code)
        width = font.text_length(text, size)
        writer.append((centre - width / 2, bottom + offset), text, font=font, fontsize=size)
    writer.write_text(page)


def _finish(doc: pymupdf.Document) -> bytes:
    doc.subset_fonts()
    data: bytes = doc.tobytes(garbage=4, deflate=True)
    doc.close()
    return data


def render_invitations(meeting: Mapping[str, Any], participants: Iterable[Mapping[str, Any]],
                       agenda: Sequence[Mapping[str, Any]] = ()) -> bytes:
    """One A4 invitation per participant (each starting on a new page), as one PDF."""
    body_name = unicodedata.normalize("NFC", str((meeting.get("body") or {}).get("name", "")))
    out = pymupdf.open()
    for participant in participants:
        data, _pages = render_document("GIẤY MỜI", invitation_paragraphs(
            meeting, participant, agenda), issuer=body_name, min_pages=1)
        one = pymupdf.open(stream=data, filetype="pdf")
        _sign(one, body_name)
        out.insert_pdf(one)
        one.close()
    if out.page_count == 0:
        out.close()
        raise ValueError("no participants to invite")
    return _finish(out)


def render_invitation_list(meeting: Mapping[str, Any],
                           participants: Iterable[Mapping[str, Any]],
                           agenda: Sequence[Mapping[str, Any]] = ()) -> bytes:
    """One invitation addressed to everyone, with the numbered list of those invited."""
    body_name = unicodedata.normalize("NFC", str((meeting.get("body") or {}).get("name", "")))
    people = list(participants)
    paragraphs = [
        f"{body_name} trân trọng kính mời các đồng chí có tên dưới đây tới dự "
        f"{meeting['title']}.",
        f"Thời gian: {when_text(meeting['starts_at'], meeting_zone(meeting))}.",
        f"Địa điểm: {meeting.get('location') or 'sẽ thông báo sau'}.",
    ]
    lines = _agenda_lines(agenda)
    if lines:
        paragraphs += ["# Nội dung", *lines]
    paragraphs.append(f"# Danh sách khách mời và đại biểu ({len(people)} người)")
    for number, person in enumerate(people, start=1):
        role = ROLE_WORDS.get(str(person.get("role", "")), "")
        seat = f", chỗ ngồi {person['seat']}" if person.get("seat") else ""
        paragraphs.append(f"{number}. {_person(person)} ({role}{seat})")
    data, _pages = render_document("GIẤY MỜI", paragraphs, issuer=body_name, min_pages=1)
    doc = pymupdf.open(stream=data, filetype="pdf")
    _sign(doc, body_name)
    return _finish(doc)


def save_invitations(path: Path, meeting: Mapping[str, Any],
                     participants: Iterable[Mapping[str, Any]],
                     agenda: Sequence[Mapping[str, Any]] = (), *, as_list: bool = False) -> Path:
    """Render and write the PDF — the file the user picked; returns the path."""
    render = render_invitation_list if as_list else render_invitations
    path.write_bytes(render(meeting, participants, agenda))
    return path
