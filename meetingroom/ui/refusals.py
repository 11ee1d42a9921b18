"""The server's refusals and the client's own failures, worded in the user's language.

The server sends a coarse ``code`` and, for refusals a person reads, ``details`` with a
``reason`` and its parameters (``{"reason": "no_agenda_item", "item_id": 3}``); its
``message`` is English for logs. This is the one place that turns those into a sentence:
Vietnamese in the source, English through Qt translations. A reason this client does not
know (a newer server) falls back to a wording per code, never to the server's English.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from meetingroom.core.pdf.errors import OpenFailure
from meetingroom.core.protocol import ErrorCode, Reason
from meetingroom.sync.client.chair_client import ConnectionLostError, ServerError
from meetingroom.sync.client.connection import (
    IncompatibleServerError,
    NotOnlineError,
    Refusal,
    RefusalKind,
)
from meetingroom.sync.client.pinning import CertificateChangedError
from meetingroom.sync.client.transfer import TransferError
from meetingroom.ui.qt import QCoreApplication


def tr(text: str) -> str:
    return QCoreApplication.translate("Refusals", text)


def _reasons() -> dict[str, Callable[[], str]]:
    """Reason → its sentence with ``{param}`` places (lazy, so the language is the current)."""
    return {
        Reason.MEETING_CLOSED: lambda: tr("Cuộc họp đã kết thúc, không thay đổi được nữa."),
        Reason.MEETING_NOT_OPEN: lambda: tr("Cuộc họp chưa công bố hoặc đã kết thúc."),
        Reason.MEETING_NOT_FOUND: lambda: tr(
            "Không tìm thấy cuộc họp này hoặc bạn không được mời."),
        Reason.MEETING_STARTED: lambda: tr("Chỉ sửa được cuộc họp chưa bắt đầu."),
        Reason.MEETING_TRANSITION: lambda: tr(
            "Cuộc họp đang ở trạng thái khác, không chuyển được như vậy."),
        Reason.SESSION_NOT_IN_PROGRESS: lambda: tr("Phiên họp chưa bắt đầu hoặc đã kết thúc."),
        Reason.VOTE_UNFINISHED: lambda: tr(
            "Còn một cuộc biểu quyết chưa công bố kết quả; hãy kết thúc hoặc hủy trước."),
        Reason.SPEECH_HOLDS_FLOOR: lambda: tr(
            "Còn đại biểu đang phát biểu; hãy kết thúc lượt phát biểu trước."),
        Reason.NOT_YOUR_BODY: lambda: tr("Bạn không chuẩn bị cuộc họp cho cơ quan này."),
        Reason.WRONG_CREDENTIALS: lambda: tr("Sai tên đăng nhập hoặc mật khẩu."),
        Reason.WRONG_CURRENT_PASSWORD: lambda: tr("Mật khẩu hiện tại không đúng."),
        Reason.TOO_MANY_ATTEMPTS: lambda: tr(
            "Đăng nhập sai nhiều lần; hãy thử lại sau {retry_after} giây."),
        Reason.SESSION_EXPIRED: lambda: tr(
            "Phiên đăng nhập đã hết hạn; vui lòng đăng nhập lại."),
        Reason.WEAK_PASSWORD: lambda: tr("Mật khẩu phải có ít nhất {min_length} ký tự."),
        Reason.NOT_LOGGED_IN: lambda: tr("Chưa đăng nhập."),
        Reason.COMMAND_NOT_ALLOWED: lambda: tr("Bạn không có quyền làm việc này."),
        Reason.TOO_MANY_REQUESTS: lambda: tr("Quá nhiều yêu cầu; vui lòng chờ một chút."),
        Reason.NO_AGENDA_ITEM: lambda: tr("Không có mục này trong chương trình."),
        Reason.ITEM_INSIDE_ITSELF: lambda: tr("Không thể chuyển một mục vào chính nó."),
        Reason.ITEM_UNDER_DISCUSSION: lambda: tr("Không thể xóa mục đang thảo luận."),
        Reason.NOT_A_PARTICIPANT: lambda: tr("Người này không có trong danh sách tham dự."),
        Reason.ATTENDANCE_FOR_OTHERS: lambda: tr(
            "Chỉ thư ký hoặc chủ tọa được điểm danh thay người khác."),
        Reason.ATTENDANCE_NOT_OPEN: lambda: tr(
            "Chỉ điểm danh khi cuộc họp đã công bố hoặc đang diễn ra."),
        Reason.ALREADY_CHECKED_IN: lambda: tr("Đã điểm danh rồi."),
        Reason.NOT_CHECKED_IN: lambda: tr("Chưa điểm danh nên không thể rời."),
        Reason.ABSENCE_NEEDS_REASON: lambda: tr("Vắng có lý do cần ghi rõ lý do."),
        Reason.STAND_IN_MEMBERS_ONLY: lambda: tr("Chỉ đại biểu mới ủy quyền người dự thay."),
        Reason.MEMBER_PRESENT: lambda: tr("Đại biểu đang có mặt và tự tham gia."),
        Reason.STAND_IN_HAS_SEAT: lambda: tr(
            "Người dự thay không được là đại biểu có phiếu của mình."),
        Reason.ALREADY_STANDING_IN: lambda: tr("Người này đã dự thay cho một đại biểu khác."),
        Reason.ALREADY_PARTICIPANT: lambda: tr("Người này đã có trong danh sách."),
        Reason.NOT_UPLOADED: lambda: tr("Tệp chưa được tải lên máy chủ."),
        Reason.NOT_A_PDF: lambda: tr(
            "Tệp không phải PDF; hãy tải lên bản PDF hoặc để máy chủ chuyển đổi."),
        Reason.PDF_UNREADABLE: lambda: tr("Máy chủ không mở được tệp PDF này."),
        Reason.NO_DOCUMENT: lambda: tr("Không có tài liệu này hoặc bạn không được xem."),
        Reason.SIGNED_NOT_CURRENT: lambda: tr(
            "Tệp không phải bản biên bản hiện tại có thêm chữ ký."),
        Reason.SIGNED_NO_SIGNATURE: lambda: tr("Tệp không có chữ ký số mới."),
        Reason.SIGNED_INVALID: lambda: tr("Chữ ký số không hợp lệ."),
        Reason.CONVERSION_FAILED: lambda: tr(
            "Máy chủ không chuyển được tệp văn phòng này sang PDF (chưa cài LibreOffice, quá "
            "lâu hoặc tệp lỗi); hãy tải lên bản PDF."),
        Reason.PAGE_LEAD_FORBIDDEN: lambda: tr(
            "Chỉ chủ tọa, thư ký hoặc người đang phát biểu được dẫn trang."),
        Reason.UPLOAD_FORBIDDEN: lambda: tr(
            "Chỉ thư ký, chủ tọa hoặc quản trị được tải tài liệu lên."),
        Reason.NO_OPINION: lambda: tr("Không có đợt lấy ý kiến này."),
        Reason.OPINION_MEETING_NOT_OPEN: lambda: tr("Cuộc họp chưa công bố hoặc đã kết thúc."),
        Reason.DEADLINE_IN_PAST: lambda: tr("Hạn trả lời phải ở tương lai."),
        Reason.DEADLINE_PASSED: lambda: tr("Đã hết hạn lấy ý kiến; ý kiến chưa được ghi nhận."),
        Reason.OTHER_NEEDS_COMMENT: lambda: tr("Ý kiến khác cần ghi nội dung."),
        Reason.NO_CURRENT_ITEM: lambda: tr("Chưa chọn nội dung nào của chương trình."),
        Reason.NO_SPEECH: lambda: tr("Không có lượt phát biểu này."),
        Reason.SPEECH_WRONG_STATUS: lambda: tr(
            "Lượt phát biểu này đã thay đổi; không làm được việc này nữa."),
        Reason.ALREADY_REGISTERED: lambda: tr("Bạn đã đăng ký trong danh sách này."),
        Reason.WITHDRAW_OWN_ONLY: lambda: tr("Chỉ rút được đăng ký của chính mình."),
        Reason.ORDER_MISMATCH: lambda: tr(
            "Danh sách chờ vừa thay đổi; hãy sắp xếp lại."),
        Reason.NOBODY_WAITING: lambda: tr("Không còn ai trong danh sách chờ."),
        Reason.NO_VOTE: lambda: tr("Không có cuộc biểu quyết này."),
        Reason.VOTE_TRANSITION: lambda: tr(
            "Cuộc biểu quyết đang ở trạng thái khác, không chuyển được như vậy."),
        Reason.NO_VOTE_RULE: lambda: tr("Cơ quan chưa có quy tắc biểu quyết cho loại việc này."),
        Reason.MEETING_NOT_VOTING: lambda: tr("Cuộc họp đã kết thúc hoặc chưa công bố."),
        Reason.ONLY_ANNULLED_AGAIN: lambda: tr("Chỉ tổ chức lại được cuộc biểu quyết đã hủy."),
        Reason.MATTER_ALWAYS: lambda: tr(
            "Quy chế không cho chọn hình thức biểu quyết cho loại việc này."),
        Reason.NEEDS_CANDIDATES: lambda: tr("Cần danh sách người."),
        Reason.BLANK_CANDIDATE: lambda: tr("Tên người ứng cử để trống."),
        Reason.DUPLICATE_CANDIDATE: lambda: tr("Một người ứng cử có tên hai lần."),
        Reason.SEATS_EXCEED_CANDIDATES: lambda: tr(
            "Số người được bầu ({seats}) nhiều hơn số người ứng cử ({candidates})."),
        Reason.BALLOT_SHAPE: lambda: tr("Phiếu không đúng kiểu của cuộc biểu quyết này."),
        Reason.VOTE_NEEDS_ITEM: lambda: tr("Cần chọn nội dung biểu quyết trong chương trình."),
        Reason.VOTE_ALREADY_OPEN: lambda: tr(
            "Đang có một cuộc biểu quyết mở; hãy kết thúc trước."),
        Reason.CHECK_IN_FIRST: lambda: tr("Bạn chưa điểm danh nên chưa thể biểu quyết."),
        Reason.MEMBERS_ONLY_VOTE: lambda: tr("Chỉ đại biểu mới được biểu quyết."),
        Reason.STAND_IN_MAY_NOT_VOTE: lambda: tr(
            "Người dự thay không được biểu quyết theo quy chế của cơ quan."),
        Reason.NOT_YOUR_STAND_IN: lambda: tr("Bạn không được ủy quyền dự thay đại biểu này."),
        Reason.INVALID_BALLOT: lambda: tr("Phiếu không hợp lệ."),
        Reason.VOTE_NOT_OPEN: lambda: tr("Biểu quyết không mở, phiếu không được ghi nhận."),
        Reason.ALREADY_VOTED: lambda: tr(
            "Bạn đã biểu quyết; quy chế không cho thay đổi phiếu."),
        Reason.SECRET_BALLOT_UNKNOWN: lambda: tr(
            "Không tìm thấy phiếu cũ của bạn trên máy này để thay đổi."),
        Reason.SERVER_BUSY: lambda: tr(
            "Máy chủ tạm thời không ghi được dữ liệu; thao tác chưa được thực hiện, máy sẽ "
            "tự gửi lại."),
        Reason.SERVER_ERROR: lambda: tr("Lỗi máy chủ; thao tác chưa được thực hiện."),
        Reason.UPLINK_DOWN: lambda: tr(
            "Mất kết nối tới máy chủ tỉnh; hãy thử lại sau."),
        Reason.RELAY_NEEDS_UPLINK: lambda: tr(
            "Đăng nhập bằng mật khẩu cần máy chủ tỉnh; hãy thử lại sau (phiên đã ghi nhớ "
            "vẫn dùng được)."),
        Reason.RELAY_OTHER_MEETING: lambda: tr(
            "Máy chủ hội trường này chỉ phục vụ một cuộc họp khác."),
        Reason.RELAY_QUEUED: lambda: tr(
            "Thao tác đã được ghi nhận tại hội trường và sẽ được gửi lên máy chủ tỉnh một lần."),
        Reason.PREPARE_ON_PROVINCE: lambda: tr(
            "Chuẩn bị cuộc họp và tài liệu trên máy chủ tỉnh."),
    }


def _codes() -> dict[str, Callable[[], str]]:
    """A wording per coarse code, for reasons this client does not know."""
    return {
        ErrorCode.BAD_JSON: lambda: tr("Máy chủ không hiểu yêu cầu của chương trình."),
        ErrorCode.BAD_MESSAGE: lambda: tr("Máy chủ không hiểu yêu cầu của chương trình."),
        ErrorCode.UNKNOWN_TYPE: lambda: tr(
            "Máy chủ không hỗ trợ việc này; có thể cần cập nhật chương trình."),
        ErrorCode.UNKNOWN_COMMAND: lambda: tr(
            "Máy chủ không hỗ trợ việc này; có thể cần cập nhật chương trình."),
        ErrorCode.BINARY_NOT_SUPPORTED: lambda: tr(
            "Máy chủ không hiểu yêu cầu của chương trình."),
        ErrorCode.TOO_LARGE: lambda: tr("Dữ liệu quá lớn."),
        ErrorCode.RATE_LIMITED: lambda: tr("Quá nhiều yêu cầu; vui lòng chờ một chút."),
        ErrorCode.NOT_AUTHENTICATED: lambda: tr("Chưa đăng nhập."),
        ErrorCode.AUTH_FAILED: lambda: tr("Đăng nhập không thành công."),
        ErrorCode.TOKEN_INVALID: lambda: tr(
            "Phiên đăng nhập đã hết hạn; vui lòng đăng nhập lại."),
        ErrorCode.ALREADY_AUTHENTICATED: lambda: tr("Đã đăng nhập rồi."),
        ErrorCode.FORBIDDEN: lambda: tr("Bạn không có quyền làm việc này."),
        ErrorCode.NOT_FOUND: lambda: tr("Không tìm thấy (có thể đã bị xóa)."),
        ErrorCode.NOT_SUBSCRIBED: lambda: tr("Chưa mở cuộc họp."),
        ErrorCode.INVALID_ARGS: lambda: tr("Giá trị không hợp lệ."),
        ErrorCode.INVALID_STATE: lambda: tr("Không làm được ở trạng thái hiện tại."),
        ErrorCode.UNAVAILABLE: lambda: tr("Máy chủ tạm thời không phục vụ được; hãy thử lại."),
        ErrorCode.INTERNAL: lambda: tr("Lỗi máy chủ; thao tác chưa được thực hiện."),
    }


def known_reasons() -> frozenset[str]:
    """Every reason worded here (a test holds it equal to ``Reason``)."""
    return frozenset(str(r) for r in _reasons())


def _fill(text: str, params: Mapping[str, Any]) -> str:
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return text.split("{", 1)[0].rstrip(" (") or text


def refusal_text(code: str, details: Any = None) -> str:
    """One sentence for a refusal with ``code`` and ``details`` as the server sent them."""
    if isinstance(details, Mapping):
        reason = details.get("reason")
        wording = _reasons().get(str(reason)) if reason is not None else None
        if wording is not None:
            return _fill(wording(), details)
    fallback = _codes().get(code)
    return fallback() if fallback is not None else tr("Máy chủ từ chối yêu cầu.")


def failure_text(exc: BaseException) -> str:
    """Any failure of a request or login, worded for the person at the screen."""
    if isinstance(exc, ServerError):
        return refusal_text(exc.code, exc.details)
    if isinstance(exc, TransferError):
        return transfer_failure_text(exc.reason)
    if isinstance(exc, IncompatibleServerError):
        return tr("Máy chủ dùng phiên bản giao thức {server}, chương trình này cần {needed}: "
                  "hãy cập nhật chương trình.").format(server=exc.server_version,
                                                       needed=exc.needed)
    if isinstance(exc, CertificateChangedError):
        return tr("CẢNH BÁO: chứng chỉ của máy chủ {server} đã thay đổi. Có thể có kẻ giả "
                  "mạo máy chủ; không kết nối. Hãy hỏi kỹ thuật viên so sánh mã {presented}… "
                  "với mã in ra khi cài máy chủ.").format(server=exc.server,
                                                          presented=exc.presented[:23])
    if isinstance(exc, ConnectionLostError | OSError | TimeoutError | NotOnlineError):
        return tr("Không kết nối được tới máy chủ. Kiểm tra địa chỉ và mạng.")
    return tr("Lỗi không mong đợi ({kind}).").format(kind=type(exc).__name__)


def command_refusal_text(refusal: Refusal) -> str:
    """A queued command's final refusal; a ballot always says it was not counted."""
    reason = refusal_text(refusal.code, refusal.details)
    if refusal.kind is not RefusalKind.BALLOT_NOT_COUNTED:
        return reason
    details = refusal.details
    if isinstance(details, Mapping) and "status" in details \
            and refusal.code == ErrorCode.INVALID_STATE:
        if refusal.command.made_offline or refusal.command.attempts > 1:
            return tr("Phiếu của bạn chưa được ghi nhận: biểu quyết đã kết thúc khi bạn mất "
                      "kết nối.")
        return tr("Phiếu của bạn chưa được ghi nhận: biểu quyết đã kết thúc trước khi phiếu "
                  "đến máy chủ.")
    return tr("Phiếu của bạn chưa được ghi nhận: {reason}").format(reason=reason)


def pdf_failure_text(kind: OpenFailure) -> str:
    """Why a document could not be opened on this laptop."""
    return {
        OpenFailure.NOT_FOUND: lambda: tr("Không tìm thấy tệp tài liệu."),
        OpenFailure.EMPTY: lambda: tr("Tệp PDF rỗng, không có dữ liệu."),
        OpenFailure.NOT_PDF: lambda: tr("Tệp này không phải là PDF."),
        OpenFailure.EXECUTABLE: lambda: tr("Tệp này là một chương trình, không phải tài liệu PDF."),
        OpenFailure.DAMAGED: lambda: tr("Tệp PDF bị hỏng, không mở được."),
        OpenFailure.NO_PAGES: lambda: tr("Tệp PDF bị hỏng: không đọc được trang nào."),
        OpenFailure.NEEDS_PASSWORD: lambda: tr(
            "Tài liệu được bảo vệ bằng mật khẩu; cần nhập mật khẩu để mở."),
        OpenFailure.WRONG_PASSWORD: lambda: tr("Mật khẩu không đúng."),
    }[kind]()


def page_failure_text(page: int) -> str:
    return tr("Không hiển thị được trang {page}.").format(page=page + 1)


def import_problem_text(problem: Any) -> str:
    """One problem of a participant list row (``{"reason": ..., params}``)."""
    if not isinstance(problem, Mapping):
        return str(problem)
    params = dict(problem)
    wording = {
        "same_as_line": lambda: tr("trùng với dòng {line}"),
        "no_account": lambda: tr("không có tài khoản “{username}”"),
        "already_participant": lambda: tr("đã có trong danh sách"),
        "unknown_role": lambda: tr("vai trò “{role}” không hợp lệ"),
        "no_username": lambda: tr("thiếu tên đăng nhập"),
    }.get(str(params.get("reason")))
    return _fill(wording(), params) if wording is not None else tr("không hợp lệ")


def list_file_text(reason: str, params: Mapping[str, Any]) -> str:
    """Why a participant list file cannot be read at all."""
    wording = {
        "unreadable_xlsx": lambda: tr("Không đọc được tệp Excel."),
        "no_sheet": lambda: tr("Tệp Excel không có trang tính nào."),
        "not_utf8": lambda: tr("Tệp CSV phải mã hóa UTF-8."),
        "empty": lambda: tr("Tệp trống."),
        "no_username_column": lambda: tr(
            "Dòng đầu của tệp phải có cột “Tên đăng nhập”."),
        "too_many_rows": lambda: tr("Tối đa {max_rows} dòng mỗi lần nhập; hãy chia tệp ra."),
    }.get(reason)
    return _fill(wording(), params) if wording is not None else tr("Không đọc được tệp.")


def transfer_failure_text(reason: str) -> str:
    """Why a document did not download or upload (``TransferError.reason``, or
    ``server:<code>`` when the server refused)."""
    if reason.startswith("server:"):
        return refusal_text(reason.removeprefix("server:"))
    wording = {
        "empty": lambda: tr("Tệp rỗng."),
        "incomplete": lambda: tr("Tải lên chưa xong."),
        "piece_failed": lambda: tr("Dữ liệu tải về bị lỗi nhiều lần."),
        "hash_mismatch": lambda: tr("Tệp tải về không khớp mã kiểm tra; sẽ tải lại."),
        "unreadable": lambda: tr("Không đọc lại được tệp đã tải."),
    }.get(reason)
    return wording() if wording is not None else tr("Không tải được tệp.")
