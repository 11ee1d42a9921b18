"""Words, times and the small helpers every part of the secretary's workspace shares.

Strings go through :func:`tr`: ``QCoreApplication.translate`` with the empty context,
which is where ``pyside6-lupdate`` files a bare ``tr("…")`` call, so the catalogue and
the lookup agree. Only literal strings reach the catalogue: names of roles and statuses
are therefore spelled out in functions, not kept in tables.
Times are shown and edited as the wall-clock time of the meeting's body (its IANA zone,
Vietnam's by default), whatever the laptop's zone; the crossing between that wall time
and the stored UTC instant is :mod:`meetingroom.core.timezones`.
"""

from __future__ import annotations

from datetime import datetime

from meetingroom.core.timezones import from_zone, in_zone, now_in_zone, zone
from meetingroom.ui.i18n import datetime_text
from meetingroom.ui.qt import (
    QCoreApplication,
    QDateTimeEdit,
    QFormLayout,
    QLabel,
    QLayout,
    QWidget,
)

ROLES = ("delegate", "guest", "chair", "secretary")


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def form_row(form: QFormLayout, field: QWidget | QLayout) -> None:
    """A row whose label is worded later, by :func:`set_label` (and again on a language
    change)."""
    label = QLabel()
    if isinstance(field, QWidget):
        label.setBuddy(field)
    form.addRow(label, field)


def set_label(form: QFormLayout, field: QWidget | QLayout, text: str) -> None:
    """Word the label of ``field``'s row of ``form``."""
    label = form.labelForField(field)
    if isinstance(label, QLabel):
        label.setText(text)


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


def local_text(iso: str | None, time_zone: str | None) -> str:
    """"10/12/2026 08:00" on the body's clock, from an ISO time with an offset."""
    if not iso:
        return ""
    return datetime_text(in_zone(iso, time_zone))


def zone_hint(time_zone: str | None, at: datetime | None = None) -> str:
    """"Múi giờ của cơ quan: Asia/Tokyo (UTC+09:00)": which clock a time edit reads."""
    moment = in_zone(from_zone(at, time_zone), time_zone) if at is not None \
        else now_in_zone(time_zone)
    offset = moment.strftime("%z")
    return tr("Múi giờ của cơ quan: {zone} (UTC{offset})").format(
        zone=zone(time_zone).key, offset=f"{offset[:3]}:{offset[3:]}")


def wall_time_edit(parent: QWidget | None = None) -> QDateTimeEdit:
    """A date-and-time edit whose value is a wall time in a body's zone (see below)."""
    edit = QDateTimeEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy HH:mm")
    edit.setToolTip(zone_hint(None))
    return edit


def set_wall_time(edit: QDateTimeEdit, value: datetime | str, time_zone: str | None) -> None:
    """Show a stored time (aware, or ISO text) as the wall-clock time of ``time_zone``."""
    local = in_zone(value, time_zone)
    edit.setDateTime(local.replace(tzinfo=None))  # type: ignore[arg-type]
    edit.setToolTip(zone_hint(time_zone, local.replace(tzinfo=None)))


def wall_time(edit: QDateTimeEdit, time_zone: str | None) -> datetime:
    """What the edit shows, read as a wall time in ``time_zone``: the aware UTC instant."""
    wall = edit.dateTime().toPython()
    assert isinstance(wall, datetime)
    return from_zone(wall.replace(second=0, microsecond=0), time_zone)


def document_refusal(details: object) -> str | None:
    """The document check's refusal (``details.reason``, ``details.page``) in words, or
    None when the refusal is not the check's."""
    if not isinstance(details, dict) or not isinstance(details.get("reason"), str):
        return None
    page = str(details.get("page", "?"))
    reason = details["reason"]
    texts = {
        "empty": tr("Tệp rỗng, không có dữ liệu."),
        "not_pdf": tr("Tệp không phải PDF; hãy tải lên bản PDF hoặc tệp văn phòng có đúng "
                      "tên để máy chủ chuyển đổi."),
        "executable": tr("Tệp là một chương trình, không phải tài liệu PDF; không đính kèm."),
        "damaged": tr("Tệp PDF bị hỏng, không mở được."),
        "no_pages": tr("Tệp PDF không có trang nào đọc được."),
        "needs_password": tr("Tệp PDF có mật khẩu; hãy tải lên bản không đặt mật khẩu."),
        "too_complex": tr("Trang %1 quá phức tạp, không hiển thị được; tài liệu không được "
                          "đính kèm.").replace("%1", page),
        "too_slow": tr("Tệp quá nặng, không kiểm tra xong trong thời hạn; tài liệu không "
                       "được đính kèm."),
        "not_found": tr("Máy chủ không đọc được tệp đã tải lên."),
    }
    return texts.get(reason)
