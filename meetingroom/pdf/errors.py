"""Why a PDF could not be opened, in words a delegate can act on.

The reader shows these messages as they are, so each failure kind carries a
Vietnamese sentence with the English in parentheses, like the rest of the app.
"""

from __future__ import annotations

from enum import Enum


class OpenFailure(Enum):
    """Kinds of failure; the UI branches on these (a password prompt, a banner)."""

    NOT_FOUND = "not_found"
    EMPTY = "empty"
    NOT_PDF = "not_pdf"
    #: A program wearing a PDF header ("MZ" before "%PDF"): refused everywhere, see sniff.
    EXECUTABLE = "executable"
    DAMAGED = "damaged"
    NO_PAGES = "no_pages"
    NEEDS_PASSWORD = "needs_password"
    WRONG_PASSWORD = "wrong_password"


MESSAGES: dict[OpenFailure, str] = {
    OpenFailure.NOT_FOUND: "Không tìm thấy tệp tài liệu (the document file was not found)",
    OpenFailure.EMPTY: "Tệp PDF rỗng, không có dữ liệu (the PDF file is empty)",
    OpenFailure.NOT_PDF: "Tệp này không phải là PDF (this file is not a PDF)",
    OpenFailure.EXECUTABLE: (
        "Tệp này là một chương trình, không phải tài liệu PDF (this file is a program, "
        "not a PDF document)"
    ),
    OpenFailure.DAMAGED: "Tệp PDF bị hỏng, không mở được (the PDF is damaged and cannot be opened)",
    OpenFailure.NO_PAGES: (
        "Tệp PDF bị hỏng: không đọc được trang nào (the PDF is damaged: no page can be read)"
    ),
    OpenFailure.NEEDS_PASSWORD: (
        "Tài liệu được bảo vệ bằng mật khẩu; cần nhập mật khẩu để mở "
        "(the document is password-protected; a password is needed to open it)"
    ),
    OpenFailure.WRONG_PASSWORD: "Mật khẩu không đúng (wrong password)",
}


class PdfOpenError(Exception):
    """Raised instead of PyMuPDF's own errors so callers need not know MuPDF."""

    def __init__(self, kind: OpenFailure, detail: str = "") -> None:
        self.kind = kind
        self.detail = detail
        super().__init__(MESSAGES[kind])

    @property
    def message(self) -> str:
        return MESSAGES[self.kind]


class PageRenderError(Exception):
    """One page failed; the others stay readable, so this never closes the document."""

    def __init__(self, page: int, detail: str = "") -> None:
        self.page = page
        self.detail = detail
        super().__init__(
            f"Không hiển thị được trang {page + 1} (page {page + 1} cannot be displayed)"
        )
