"""Shared helpers for the reader tests: synthetic PDFs and an opened reader.

Named like a test module so it stays within the reader's files; it holds no tests.
"""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pymupdf
from pytestqt.qtbot import QtBot

from meetingroom.core.pdf.annotation_store import AnnotationStore
from meetingroom.core.pdf.fonts import noto
from meetingroom.ui.reader import DocumentReader, ReaderSettings

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "pdfs"
OPEN_TIMEOUT = 10_000


def make_pdf(
    pages: int = 6,
    *,
    words: Callable[[int], str] | None = None,
    outline: bool = True,
    password: str | None = None,
    rotate_last: bool = False,
) -> bytes:
    """A small PDF with Vietnamese text, ``ngân sách`` twice on every even page."""
    doc = pymupdf.open()
    font = noto()
    for index in range(pages):
        page = doc.new_page(width=595, height=842)
        writer = pymupdf.TextWriter(page.rect)
        lines = [
            f"Trang số {index + 1} của tài liệu họp",
            words(index) if words else "Báo cáo tình hình kinh tế xã hội",
        ]
        if index % 2 == 0:
            lines += ["Dự toán ngân sách nhà nước", "Chi ngân sách địa phương"]
        for row, text in enumerate(lines):
            writer.append((72, 100 + 30 * row), text, font=font, fontsize=14)
        writer.write_text(page)
        if rotate_last and index == pages - 1:
            page.set_rotation(90)
    if outline and pages >= 3:
        doc.set_toc(
            [[1, "Phần I", 1], [2, "Mục 1.1", 2], [2, "Mục 1.2", 3], [1, "Phần II", pages]]
        )
    doc.subset_fonts()
    if password:
        aes_256 = pymupdf.PDF_ENCRYPT_AES_256  # type: ignore[attr-defined]
        data: bytes = doc.tobytes(encryption=aes_256, user_pw=password, owner_pw=password + "!")
    else:
        data = doc.tobytes()
    doc.close()
    return data


def new_reader(
    qtbot: QtBot,
    *,
    profile: Path | None = None,
    user: str = "dai-bieu-01",
    reader_name: str = "Nguyễn Văn An",
    password_prompt: Callable[..., str | None] | None = None,
    settings: ReaderSettings | None = None,
) -> DocumentReader:
    store = AnnotationStore(profile, user) if profile is not None else None
    reader = DocumentReader(
        store,
        reader_name=reader_name,
        settings=settings,
        password_prompt=password_prompt or (lambda *_: None),
        note_prompt=lambda _parent: None,
    )
    qtbot.addWidget(reader)
    reader.resize(900, 700)
    reader.show()
    qtbot.waitExposed(reader)
    return reader


def open_in(
    qtbot: QtBot, reader: DocumentReader, data: bytes, **kwargs: object
) -> DocumentReader:
    with qtbot.waitSignal(reader.document_opened, timeout=OPEN_TIMEOUT):
        reader.open_document(data, **kwargs)  # type: ignore[arg-type]
    return reader


def opened_reader(qtbot: QtBot, data: bytes | None = None, **kwargs: object) -> DocumentReader:
    return open_in(qtbot, new_reader(qtbot), data if data is not None else make_pdf(), **kwargs)


def wait_rendered(qtbot: QtBot, reader: DocumentReader, page: int) -> None:
    qtbot.waitUntil(lambda: reader.canvas.is_rendered(page), timeout=OPEN_TIMEOUT)
