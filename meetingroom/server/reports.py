"""Attendance, vote results and per-delegate statistics as CSV and XLSX files.

Councils file these with the province; XLSX carries a chart of the per-delegate
figures so the report can be printed as is. CSV is written with a byte-order
mark so Excel opens Vietnamese text correctly.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from meetingroom.core.rules.numbers import percent_vi
from meetingroom.core.timezones import in_zone
from meetingroom.core.vocabulary import MEMBER_ROLES, Attendance, SpeechStatus, VoteStatus
from meetingroom.server.announcements import announce
from meetingroom.server.meeting_state import member_noun
from meetingroom.server.storage.models import (
    Meeting,
    Participant,
    SpeechRequest,
    User,
    Vote,
    VoteVoter,
)

ATTENDANCE_WORDS = {Attendance.PRESENT: "Có mặt", Attendance.ABSENT: "Vắng",
                    Attendance.LEFT: "Đã rời", Attendance.NOT_ARRIVED: "Chưa điểm danh"}
ROLE_WORDS = {"chair": "Chủ tọa", "secretary": "Thư ký", "delegate": "Đại biểu",
              "guest": "Khách mời"}
_MEMBER_ROLES = [r.value for r in MEMBER_ROLES]


@dataclass(frozen=True)
class Table:
    title: str
    columns: list[str]
    rows: list[list[Any]]


def _local(value: datetime | None, time_zone: str) -> str:
    """"03/12/2026 08:05" on the body's clock (what the council files), "" when unknown."""
    return f"{in_zone(value, time_zone):%d/%m/%Y %H:%M}" if value else ""


def attendance_table(meeting: Meeting) -> Table:
    rows = []
    by_id = {p.user_id: p for p in meeting.participants}
    for p in sorted(meeting.participants, key=lambda p: (p.role, p.user.full_name)):
        stand_in = by_id.get(p.stand_in_user_id or 0)
        rows.append([p.user.full_name, ROLE_WORDS.get(p.role, p.role), p.seat,
                     ATTENDANCE_WORDS.get(Attendance(p.attendance), p.attendance),
                     p.absence_reason,
                     _local(p.checked_in_at, meeting.body.time_zone),
                     stand_in.user.full_name if stand_in else ""])
    return Table("Điểm danh", ["Họ và tên", "Vai trò", "Chỗ ngồi", "Tình trạng", "Lý do vắng",
                               "Giờ điểm danh", "Người dự thay"], rows)


def votes_table(session: Session, meeting: Meeting) -> Table:
    votes = session.scalars(select(Vote).where(Vote.meeting_id == meeting.id,
                                               Vote.status == VoteStatus.CLOSED)
                            .order_by(Vote.id)).all()
    rows = []
    for vote in votes:
        result = vote.result or {}
        options = result.get("options") or []
        total = int(result.get("total_members", vote.total_members))
        counts = "; ".join(f"{o['label']}: {o['count']} ({percent_vi(int(o['count']), total)})"
                           for o in options)
        rows.append([vote.title, vote.rule_label,
                     "Bỏ phiếu kín" if vote.ballot == "secret" else "Công khai",
                     counts, result.get("not_voted", ""),
                     "" if "passed" not in result else
                     ("Thông qua" if result["passed"] else "Không thông qua"),
                     announce(result, member_noun(meeting.body)),
                     _local(vote.opened_at, meeting.body.time_zone),
                     _local(vote.closed_at, meeting.body.time_zone)])
    return Table("Kết quả biểu quyết", ["Nội dung", "Loại việc", "Hình thức", "Kết quả",
                                        "Không tham gia", "Quyết định", "Thông báo",
                                        "Mở biểu quyết lúc", "Kết thúc lúc"], rows)


def delegate_table(session: Session, body_id: int) -> Table:
    """Per member of the body, over all its meetings: attendance, speeches, questions, votes."""
    meetings = session.scalars(select(Meeting.id).where(Meeting.body_id == body_id)).all()
    invited = session.execute(
        select(Participant.user_id, Participant.attendance, Participant.checked_in_at)
        .where(Participant.meeting_id.in_(meetings), Participant.role.in_(_MEMBER_ROLES))
    ).all()
    stats: dict[int, dict[str, Any]] = {}
    for user_id, attendance, checked_in_at in invited:
        row = stats.setdefault(user_id, {"invited": 0, "attended": 0, "speech": 0,
                                         "question": 0, "seconds": 0.0, "votes": 0})
        row["invited"] += 1
        row["attended"] += int(attendance == Attendance.PRESENT or checked_in_at is not None)
    spoken = session.execute(
        select(SpeechRequest.user_id, SpeechRequest.queue, func.count(),
               func.sum(SpeechRequest.banked_seconds))
        .where(SpeechRequest.meeting_id.in_(meetings),
               SpeechRequest.status == SpeechStatus.DONE)
        .group_by(SpeechRequest.user_id, SpeechRequest.queue)).all()
    for user_id, queue, count, seconds in spoken:
        if user_id in stats:
            stats[user_id][queue] += count
            stats[user_id]["seconds"] += float(seconds or 0)
    cast = session.execute(
        select(VoteVoter.member_user_id, func.count()).join(Vote, Vote.id == VoteVoter.vote_id)
        .where(Vote.meeting_id.in_(meetings)).group_by(VoteVoter.member_user_id)).all()
    for user_id, count in cast:
        if user_id in stats:
            stats[user_id]["votes"] += count
    names = dict(session.execute(select(User.id, User.full_name)
                                 .where(User.id.in_(list(stats)))).all())
    rows = [[names.get(uid, str(uid)), s["invited"], s["attended"],
             percent_vi(s["attended"], s["invited"]), s["speech"], s["question"],
             round(s["seconds"] / 60, 1), s["votes"]]
            for uid, s in sorted(stats.items(), key=lambda kv: names.get(kv[0], ""))]
    return Table("Thống kê đại biểu", ["Họ và tên", "Số cuộc họp được mời", "Số lần có mặt",
                                       "Tỷ lệ tham dự", "Lượt phát biểu", "Lượt chất vấn",
                                       "Thời gian phát biểu (phút)", "Số lần biểu quyết"],
                 rows)


def to_csv(table: Table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(table.columns)
    writer.writerows(table.rows)
    return out.getvalue().encode("utf-8-sig")


def to_xlsx(tables: Sequence[Table], *, chart_of: str | None = None) -> bytes:
    """One sheet per table; the named table also gets a bar chart of its numeric columns."""
    book = Workbook()
    book.remove(book.active)
    for table in tables:
        sheet = book.create_sheet(table.title[:31])
        sheet.append(table.columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append(row)
        for index, column in enumerate(table.columns, start=1):
            width = max([len(str(column)), *(len(str(r[index - 1])) for r in table.rows)])
            sheet.column_dimensions[sheet.cell(1, index).column_letter].width = min(width + 2,
                                                                                   60)
        if table.title == chart_of and table.rows:
            chart = BarChart()
            chart.type = "bar"
            chart.title = "Hoạt động của đại biểu"
            chart.y_axis.title = "Số lượt"
            data = Reference(sheet, min_col=5, max_col=6, min_row=1,
                             max_row=len(table.rows) + 1)
            labels = Reference(sheet, min_col=1, min_row=2, max_row=len(table.rows) + 1)
            chart.add_data(data, titles_from_data=True)
            chart.set_categories(labels)
            chart.height = max(8, 0.5 * len(table.rows))
            chart.width = 18
            sheet.add_chart(chart, f"{sheet.cell(1, len(table.columns) + 2).column_letter}2")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
