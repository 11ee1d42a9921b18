"""The server's administration refusals, worded for the screen.

The server answers with a code and details (``{"field", "reason"}``, or pydantic's list of
``{"field", "problem"}``) and an English message for logs; the person at the screen reads
a sentence in their language, which names the field as the dialog labels it.
"""

from __future__ import annotations

from typing import Any

from meetingroom.ui.qt import QCoreApplication
from meetingroom.ui.secretary.requests import Refused


def tr(text: str) -> str:
    return QCoreApplication.translate("AdminWording", text)


def field_name(field: str) -> str:
    return {
        "name": tr("Tên"), "code": tr("Mã"), "parent_id": tr("Trực thuộc"),
        "time_zone": tr("Múi giờ"), "term": tr("Nhiệm kỳ"), "number": tr("Nhiệm kỳ số"),
        "start": tr("Nhiệm kỳ từ ngày"), "end": tr("Đến ngày"),
        "read_only": tr("Lưu trữ (chỉ đọc)"), "quorum": tr("Số đại biểu tối thiểu để họp"),
        "numerator": tr("Tử số"), "denominator": tr("Mẫu số"),
        "threshold": tr("Ngưỡng thông qua"), "total_members": tr("Tổng số đại biểu"),
        "option_labels": tr("Các lựa chọn biểu quyết"), "options": tr("Các lựa chọn"),
        "username": tr("Tên đăng nhập"), "full_name": tr("Họ và tên"), "title": tr("Chức danh"),
        "position": tr("Chức vụ"), "seat": tr("Chỗ ngồi"), "level": tr("Cấp"),
        "kind": tr("Loại"), "body_id": tr("Cơ quan"), "user_id": tr("Người dùng"),
        "stand_in_may_vote": tr("Người được ủy quyền được biểu quyết"),
        "ballot_change_allowed": tr("Được đổi phiếu"),
        "show_open_tallies": tr("Hiện kết quả khi đang biểu quyết công khai"),
        "chair_breaks_tie": tr("Chủ tọa quyết định khi hòa"),
    }.get(field, field)


def reason_text(reason: str) -> str:
    return _admin_reasons().get(reason, reason)


def _admin_reasons() -> dict[str, str]:
    return {
        "out_of_range": tr("phải lớn hơn 0 và không quá 1 (tử số từ 1 đến mẫu số)"),
        "unknown_time_zone": tr("không phải múi giờ đã biết (ví dụ Asia/Ho_Chi_Minh)"),
        "term_ends_before_start": tr("ngày kết thúc phải sau ngày bắt đầu"),
        "duplicate": tr("bị trùng"),
        "cycle": tr("không thể trực thuộc chính mình hoặc cơ quan cấp dưới của mình"),
        "no_body": tr("cơ quan không còn tồn tại"),
        "read_only": tr("cơ quan đã lưu trữ, không sửa được"),
        "not_your_body": tr("không phải cơ quan bạn quản trị"),
        "system_admin_only": tr("chỉ quản trị hệ thống được sửa"),
        "archived_level": tr("cấp huyện chỉ dùng cho cơ quan lưu trữ"),
        "already_member": tr("người này đã là thành viên"),
        "not_member": tr("người này không còn là thành viên"),
        "no_user": tr("người dùng không còn tồn tại"),
        "not_your_user": tr("không phải người dùng của cơ quan bạn quản trị"),
        "self": tr("bạn không thể tự khóa tài khoản của mình"),
        "required": tr("chưa nhập"),
        "taken": tr("đã là tài khoản của người khác"),
        "invalid": tr("không hợp lệ (không được trống hay có dấu cách)"),
        "too_long": tr("quá dài"),
        "no_default": tr("không có quy tắc mặc định theo luật"),
        "not_an_admin": tr("bạn không quản trị cơ quan nào"),
    }


def problem_text(field: str, reason: str) -> str:
    if not field:
        return reason_text(reason)
    return tr("%1: %2").replace("%1", field_name(field)).replace("%2", reason_text(reason))


def refusal_text(error: str) -> str:
    """One sentence (or lines) for a failed admin request; plain text when not a refusal."""
    if not isinstance(error, Refused):
        return error
    details: Any = error.details
    if isinstance(details, dict) and str(details.get("reason")) in _admin_reasons():
        return problem_text(str(details.get("field", "")), str(details["reason"]))
    if isinstance(details, list) and details:
        fields = sorted({str(d.get("field", "")) for d in details if isinstance(d, dict)})
        return tr("Giá trị không hợp lệ: %1").replace(
            "%1", ", ".join(field_name(f) for f in fields if f))
    return str(error)  # worded by meetingroom/ui/refusals.py from the code and reason


def refused_field(error: str) -> str | None:
    """The field a refusal is about, so a dialog can put the cursor there."""
    if isinstance(error, Refused) and isinstance(error.details, dict):
        field = error.details.get("field")
        return str(field) if field else None
    return None
