"""The one document check: may this file be handed to every delegate's reader?

Opening a PDF and counting its pages says nothing about whether its pages can be
drawn: a 4 KB file whose form draws another form ten times, nine levels deep,
opens instantly and then renders forever while memory grows (issue 20). So the
check opens the file *and renders every page*, in a child process with a memory
cap (``RLIMIT_AS`` where the OS has it) and a time limit per page and for the
whole file; the child is killed when a limit is passed, so a hostile file costs
at most the limits, never a hung server or a frozen window.

One check serves two callers, so a file cannot pass one and fail the other:
the server runs it when a document is attached (``document.add``/``replace``,
off the database thread) and the operator runs ``meetingroom pdf check FILE...``.
The verdict carries a reason *code* (:class:`Reason`); the server sends the code,
the client and the command line word it (:func:`reason_text`).
"""

# PyMuPDF leaves most signatures unannotated; only untyped *calls* are tolerated.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import contextlib
import json
import multiprocessing
import time
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from meetingroom.core.pdf.errors import OpenFailure
from meetingroom.core.pdf.sniff import HEADER_WINDOW, sniff

#: Bump when the check grows stricter, so verdicts remembered by an older check are redone.
CHECK_VERSION = 1


class Reason(StrEnum):
    """Why a file is refused; the code travels on the wire (``details.reason``)."""

    NOT_FOUND = "not_found"
    EMPTY = "empty"
    NOT_PDF = "not_pdf"
    EXECUTABLE = "executable"
    DAMAGED = "damaged"
    NO_PAGES = "no_pages"
    NEEDS_PASSWORD = "needs_password"
    #: A page passed the time or memory limit (``page`` says which).
    TOO_COMPLEX = "too_complex"
    #: Every page was drawable but the whole file took longer than its limit.
    TOO_SLOW = "too_slow"


_FROM_OPEN_FAILURE = {
    OpenFailure.NOT_FOUND: Reason.NOT_FOUND,
    OpenFailure.EMPTY: Reason.EMPTY,
    OpenFailure.NOT_PDF: Reason.NOT_PDF,
    OpenFailure.EXECUTABLE: Reason.EXECUTABLE,
    OpenFailure.DAMAGED: Reason.DAMAGED,
    OpenFailure.NO_PAGES: Reason.NO_PAGES,
    OpenFailure.NEEDS_PASSWORD: Reason.NEEDS_PASSWORD,
    OpenFailure.WRONG_PASSWORD: Reason.NEEDS_PASSWORD,
}

_TEXTS: dict[str, dict[Reason, str]] = {
    "vi": {
        Reason.NOT_FOUND: "không đọc được tệp",
        Reason.EMPTY: "tệp rỗng",
        Reason.NOT_PDF: "không phải tệp PDF",
        Reason.EXECUTABLE: "tệp là một chương trình, không phải tài liệu PDF",
        Reason.DAMAGED: "tệp PDF bị hỏng",
        Reason.NO_PAGES: "tệp PDF không có trang nào đọc được",
        Reason.NEEDS_PASSWORD: "tệp PDF có mật khẩu; hãy tải lên bản không đặt mật khẩu",
        Reason.TOO_COMPLEX: "trang {page} quá phức tạp, không hiển thị được",
        Reason.TOO_SLOW: "tệp quá nặng, không kiểm tra xong trong thời hạn",
    },
    "en": {
        Reason.NOT_FOUND: "the file cannot be read",
        Reason.EMPTY: "the file is empty",
        Reason.NOT_PDF: "not a PDF file",
        Reason.EXECUTABLE: "the file is a program, not a PDF document",
        Reason.DAMAGED: "the PDF is damaged",
        Reason.NO_PAGES: "the PDF has no readable page",
        Reason.NEEDS_PASSWORD: "the PDF is password-protected; upload a copy without a "
                               "password",
        Reason.TOO_COMPLEX: "page {page} is too complex to display",
        Reason.TOO_SLOW: "the file is too heavy to be checked within the time limit",
    },
}


def reason_text(reason: Reason | str, page: int | None = None, lang: str = "vi") -> str:
    """The reason in one language (``vi`` by default, ``en``); ``page`` is 1-based."""
    texts = _TEXTS.get(lang, _TEXTS["vi"])
    try:
        template = texts[Reason(reason)]
    except ValueError:
        return str(reason)
    return template.format(page=page if page is not None else "?")


@dataclass(frozen=True)
class Limits:
    """What one file may cost. Generous for a busy 2-core hall server: a real page of
    text or scans renders in well under a second; the hostile ones never end."""

    page_seconds: float = 15.0
    total_seconds: float = 600.0
    memory_bytes: int = 1536 << 20
    #: Pages are drawn at most this large: enough to run every drawing operator.
    max_pixels: int = 1_000_000


@dataclass(frozen=True)
class Verdict:
    ok: bool
    pages: int = 0
    reason: Reason | None = None
    #: The 1-based page the reason is about, when it is about one.
    page: int | None = None
    detail: str = field(default="", compare=False)

    def text(self, lang: str = "vi") -> str:
        if self.ok:
            return {"en": "ok, {n} pages"}.get(lang, "đạt, {n} trang").format(n=self.pages)
        assert self.reason is not None
        return reason_text(self.reason, self.page, lang)

    def details(self) -> dict[str, Any]:
        """What the server sends with a refusal: the code and its parameters."""
        out: dict[str, Any] = {"reason": str(self.reason)}
        if self.page is not None:
            out["page"] = self.page
        return out

    def to_json(self) -> str:
        data = asdict(self)
        data["version"] = CHECK_VERSION
        return json.dumps(data)

    @classmethod
    def from_json(cls, text: str) -> Verdict | None:
        """None for a verdict of another check version or an unreadable one."""
        try:
            data = json.loads(text)
            if data.pop("version", None) != CHECK_VERSION:
                return None
            reason = data.pop("reason")
            return cls(reason=Reason(reason) if reason else None, **data)
        except (ValueError, TypeError, KeyError):
            return None


def refused(reason: Reason, page: int | None = None, detail: str = "") -> Verdict:
    return Verdict(False, reason=reason, page=page, detail=detail)


# --- the child ---------------------------------------------------------------------


def cap_memory(limit_bytes: int) -> None:
    """Cap this process's address space, so a bomb fails an allocation instead of the box.

    Linux and other Unixes only; on Windows the time limit alone bounds a page.
    """
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit_bytes, limit_bytes))


def is_memory_error(exc: BaseException) -> bool:
    """MuPDF reports a failed allocation as an ordinary error with these words."""
    if isinstance(exc, MemoryError):
        return True
    text = str(exc).lower()
    return any(word in text for word in ("malloc", "out of memory", "cannot allocate",
                                         "memory"))


def _child(conn: Connection, path: str, limits: Limits) -> None:
    """Open, then draw each page, reporting after each so the parent can time pages."""
    cap_memory(limits.memory_bytes)
    from meetingroom.core.pdf.document import PdfDocument
    from meetingroom.core.pdf.errors import PdfOpenError

    try:
        try:
            document = PdfDocument.open_file(Path(path))
        except PdfOpenError as exc:
            conn.send(("verdict", refused(_FROM_OPEN_FAILURE[exc.kind], detail=exc.detail)))
            return
        except Exception as exc:
            reason = Reason.TOO_COMPLEX if is_memory_error(exc) else Reason.DAMAGED
            conn.send(("verdict", refused(reason, detail=str(exc)[:200])))
            return
        conn.send(("pages", document.page_count))
        for index in range(document.page_count):
            try:
                document.render(index, 1.0, max_pixels=limits.max_pixels)
            except Exception as exc:
                # A page MuPDF cannot draw is shown as that page's own error by the reader
                # (files like that open today); only a page over its limits is refused.
                if is_memory_error(exc.__cause__ or exc):
                    conn.send(("verdict", refused(Reason.TOO_COMPLEX, index + 1,
                                                  str(exc)[:200])))
                    return
            conn.send(("page", index))
        conn.send(("verdict", Verdict(True, pages=document.page_count)))
    except MemoryError:
        with contextlib.suppress(Exception):
            conn.send(("verdict", refused(Reason.TOO_COMPLEX, detail="memory")))
    finally:
        conn.close()


# --- the parent --------------------------------------------------------------------


def _context() -> Any:
    # Spawn, never fork: the server and the client have threads (and Qt) a fork would copy.
    return multiprocessing.get_context("spawn")


def check_file(path: Path, limits: Limits | None = None) -> Verdict:
    """Check one file in a child process; blocks the calling thread (never the GUI or
    the database thread) for at most about ``limits.total_seconds``."""
    limits = limits or Limits()
    try:
        with Path(path).open("rb") as handle:
            head = handle.read(HEADER_WINDOW)
    except OSError as exc:
        return refused(Reason.NOT_FOUND, detail=str(exc))
    sniffed = sniff(head)
    if sniffed is not None:
        return refused(_FROM_OPEN_FAILURE[sniffed])
    ctx = _context()
    parent_end, child_end = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(child_end, str(path), limits), daemon=True,
                          name="meetingroom-pdf-check")
    process.start()
    child_end.close()
    started = time.monotonic()
    pages = 0
    current: int | None = None  # 1-based page being drawn
    try:
        while True:
            left = limits.total_seconds - (time.monotonic() - started)
            wait = min(limits.page_seconds, left)
            if wait <= 0 or not parent_end.poll(wait):
                if current is None:
                    return refused(Reason.TOO_COMPLEX, None, "open took too long")
                if left <= 0:
                    return refused(Reason.TOO_SLOW, current)
                return refused(Reason.TOO_COMPLEX, current, "time limit")
            try:
                kind, value = parent_end.recv()
            except (EOFError, OSError):
                # The child died without a word: killed by the memory cap or a crash.
                return refused(Reason.TOO_COMPLEX if current is not None else Reason.DAMAGED,
                               current, "the checking process ended")
            if kind == "verdict":
                verdict: Verdict = value
                return verdict
            if kind == "pages":
                pages = int(value)
                current = 1 if pages else None
            elif kind == "page":
                current = int(value) + 2 if int(value) + 1 < pages else pages
    finally:
        parent_end.close()
        if process.is_alive():
            process.kill()
        process.join(5)
        process.close()


def check_files(paths: list[Path], limits: Limits | None = None) -> list[Verdict]:
    return [check_file(path, limits) for path in paths]
