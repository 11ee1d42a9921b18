"""The demo PDFs must be readable Vietnamese, multi-page and reproducible."""

# PyMuPDF ships py.typed with unannotated signatures.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import re
import unicodedata

import pymupdf
import pytest

from meetingroom.core.demo_documents import DemoDocument, demo_documents, render_document

REQUIRED = [
    "Hội đồng nhân dân",
    "biểu quyết",
    "Độc lập - Tự do - Hạnh phúc",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
]


def _text(data: bytes) -> list[str]:
    """Per-page text, NFC-normalised with whitespace collapsed (titles may wrap)."""
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        return [" ".join(unicodedata.normalize("NFC", p.get_text()).split()) for p in doc]


@pytest.fixture(scope="module")
def docs() -> list[DemoDocument]:
    return demo_documents()


def test_catalogue_shape(docs: list[DemoDocument]) -> None:
    assert 8 <= len(docs) <= 10
    names = [d.filename for d in docs]
    assert len(set(names)) == len(names)
    for name in names:
        assert re.fullmatch(r"[a-z0-9-]+\.pdf", name), name


def test_each_document_opens_with_declared_pages(docs: list[DemoDocument]) -> None:
    for d in docs:
        with pymupdf.open(stream=d.data, filetype="pdf") as pdf:
            assert pdf.page_count == d.pages
        assert 2 <= d.pages <= 6, d.filename


def test_vietnamese_text_layer_is_exact(docs: list[DemoDocument]) -> None:
    for d in docs:
        pages = _text(d.data)
        full = " ".join(pages)
        assert unicodedata.normalize("NFC", d.title) in pages[0], d.filename
        for phrase in REQUIRED:
            assert unicodedata.normalize("NFC", phrase) in full, (d.filename, phrase)
        for number, page in enumerate(pages, start=1):
            assert f"Trang {number}/{d.pages}" in page, (d.filename, number)
        assert "Trang 1/" in pages[0]


def test_output_is_deterministic(docs: list[DemoDocument]) -> None:
    again = demo_documents()
    assert [d.filename for d in again] == [d.filename for d in docs]
    for first, second in zip(docs, again, strict=True):
        assert _text(first.data) == _text(second.data)
        assert first.pages == second.pages
        assert first.data == second.data  # fixed metadata and file id


def test_render_document_honours_min_pages_and_nfc_input() -> None:
    decomposed = unicodedata.normalize("NFD", "Nghị quyết thử nghiệm")
    data, pages = render_document(decomposed, ["Đoạn văn ngắn."], min_pages=4)
    assert pages == 4
    text = _text(data)
    assert "Nghị quyết thử nghiệm" in text[0]
    assert "HỘI ĐỒNG NHÂN DÂN" in text[0]


def test_render_document_rejects_empty_body_for_many_pages() -> None:
    with pytest.raises(ValueError, match="empty body"):
        render_document("Trống", [], min_pages=2)
