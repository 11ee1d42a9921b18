"""The confidential-document watermark: who is reading, and when.

A leaked photo or printout of a confidential paper must show whose copy it
was, so the same text is painted over the screen and written, as real text,
into every exported page.
"""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import contextlib
import math
import unicodedata
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pymupdf

from meetingroom.core.pdf.fonts import noto

WATERMARK_ANGLE = 30.0
WATERMARK_GREY = (0.55, 0.55, 0.55)
WATERMARK_OPACITY = 0.3


def watermark_text(reader_name: str, when: datetime) -> str:
    """"Nguyễn Văn An · 08/12/2026 09:30" (NFC, so MuPDF finds every glyph)."""
    name = unicodedata.normalize("NFC", reader_name.strip())
    return f"{name} · {when:%d/%m/%Y %H:%M}"


def stamp_watermark(page: Any, text: str) -> None:
    """Write ``text`` three times, each line tilted about its own centre, on a ``pymupdf.Page``.

    Sized to stay inside the page once tilted, so text extraction (and a
    printout) always carries the whole name.
    """
    with unrotated(page):
        _stamp(page, text)


@contextlib.contextmanager
def unrotated(page: Any) -> Iterator[None]:
    """Write in unrotated page space: TextWriter misplaces text on rotated pages."""
    rotation = int(page.rotation)
    if rotation:
        page.set_rotation(0)
    try:
        yield
    finally:
        if rotation:
            page.set_rotation(rotation)


def _stamp(page: Any, text: str) -> None:
    font = noto()
    box = pymupdf.Rect(page.rect)
    angle = math.radians(WATERMARK_ANGLE)
    unit = max(1.0, font.text_length(text, 1.0))
    size = max(0.1, min(36.0, box.width * 0.75 / (unit * math.cos(angle))))
    width = font.text_length(text, size)
    rotation = pymupdf.Matrix(
        math.cos(angle), -math.sin(angle), math.sin(angle), math.cos(angle), 0, 0
    )
    for fraction in (0.25, 0.5, 0.75):
        centre = pymupdf.Point((box.x0 + box.x1) / 2, box.y0 + box.height * fraction)
        writer = pymupdf.TextWriter(box)
        writer.append((centre.x - width / 2, centre.y + size / 3), text, font=font, fontsize=size)
        writer.write_text(
            page, color=WATERMARK_GREY, opacity=WATERMARK_OPACITY, morph=(centre, rotation)
        )
