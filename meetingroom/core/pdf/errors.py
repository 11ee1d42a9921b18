"""Why a PDF could not be opened: a kind a window can word and act on.

Each failure has a kind the window words in its user's language
(meetingroom/ui/refusals.py); the messages here are English, for logs and the CLI.
"""

from __future__ import annotations

from enum import Enum


class OpenFailure(Enum):
    """Kinds of failure; the UI branches on these: a password prompt, a banner."""

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
    OpenFailure.NOT_FOUND: "the document file was not found",
    OpenFailure.EMPTY: "the PDF file is empty",
    OpenFailure.NOT_PDF: "this file is not a PDF",
    OpenFailure.EXECUTABLE: "this file is a program, not a PDF document",
    OpenFailure.DAMAGED: "the PDF is damaged and cannot be opened",
    OpenFailure.NO_PAGES: "the PDF is damaged: no page can be read",
    OpenFailure.NEEDS_PASSWORD: "the document is protected; a password is needed to open it",
    OpenFailure.WRONG_PASSWORD: "wrong password",
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
        super().__init__(f"page {page + 1} cannot be displayed")
