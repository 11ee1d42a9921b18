"""Words, times and the small helpers every part of the secretary's workspace shares.

Strings go through :func:`tr`: ``QCoreApplication.translate`` with the empty context,
which is where ``pyside6-lupdate`` files a bare ``tr("…")`` call, so the catalogue and
the lookup agree. Only literal strings reach the catalogue: names of roles and statuses
are therefore spelled out in functions, not kept in tables.
Times are edited as Vietnam wall-clock time (UTC+7), whatever the laptop's zone.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from meetingroom.ui.qt import QCoreApplication, QDateTimeEdit, QWidget

VIETNAM = timezone(timedelta(hours=7), "ICT")
ROLES = ("delegate", "guest", "chair", "secretary")


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def role_name(role: str) -> str:
    names = {"chair": tr("Chủ tọa"), "secretary": tr("Thư ký"), "delegate": tr("Đại biểu"),
             "guest": tr("Khách mời"), "admin": tr("Quản trị")}
    return names.get(role, role)


def status_name(status: str) -> str:
    names = {"draft": tr("Dự thảo"), "published": tr("Đã phát hành"),
             "in_progress": tr("Đang họp"), "closed": tr("Đã kết thúc")}
    return names.get(status, status)


def answer_name(answer: str) -> str:
    names = {"agree": tr("Đồng ý"), "disagree": tr("Không đồng ý"),
             "other": tr("Ý kiến khác")}
    return names.get(answer, answer)


def local_text(iso: str | None) -> str:
    """"10/12/2026 08:00" in Vietnam time, from an ISO time with an offset."""
    if not iso:
        return ""
    return f"{datetime.fromisoformat(iso).astimezone(VIETNAM):%d/%m/%Y %H:%M}"


def vietnam_edit(parent: QWidget | None = None) -> QDateTimeEdit:
    edit = QDateTimeEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy HH:mm")
    edit.setToolTip(tr("Giờ Việt Nam (UTC+7)"))
    return edit


def set_vietnam_time(edit: QDateTimeEdit, value: datetime | str) -> None:
    """Show an aware time (or ISO text) as Vietnam wall-clock time."""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=VIETNAM)
    edit.setDateTime(moment.astimezone(VIETNAM).replace(tzinfo=None))  # type: ignore[arg-type]


def vietnam_time(edit: QDateTimeEdit) -> datetime:
    """What the edit shows, read as Vietnam time: an aware datetime at UTC+7."""
    wall = edit.dateTime().toPython()
    assert isinstance(wall, datetime)
    return wall.replace(second=0, microsecond=0, tzinfo=VIETNAM)
