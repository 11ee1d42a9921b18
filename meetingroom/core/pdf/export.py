""""My annotated copy": a new PDF with the user's annotations burned into the pages.

Annotations are drawn as page content (not PDF annotation objects) so every
viewer shows them the same way and nobody can strip them by deleting
annotations; the confidential watermark is written the same way, as real text.
"""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pymupdf

from meetingroom.core.pdf.annotations import Annotation, AnnotationKind
from meetingroom.core.pdf.document import MUPDF_LOCK
from meetingroom.core.pdf.errors import OpenFailure, PdfOpenError
from meetingroom.core.pdf.fonts import noto
from meetingroom.core.pdf.watermark import stamp_watermark, unrotated

NOTE_ICON = 14.0
NOTE_WIDTH = 160.0
# Not in PyMuPDF's type stubs; the value is part of MuPDF's stable API.
_KEEP_ENCRYPTION: int = getattr(pymupdf, "PDF_ENCRYPT_KEEP", 1)


def _rgb(color: str) -> tuple[float, float, float]:
    value = color.lstrip("#")
    try:
        return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]
    except ValueError:
        return (1.0, 0.8, 0.0)


def _burn(page: Any, annotation: Annotation) -> None:
    color = _rgb(annotation.color)
    shape = page.new_shape()
    if annotation.kind is AnnotationKind.HIGHLIGHT:
        for r in annotation.rects:
            shape.draw_rect(pymupdf.Rect(r.as_tuple()))
        shape.finish(color=None, fill=color, fill_opacity=0.35)
    elif annotation.kind is AnnotationKind.UNDERLINE:
        for r in annotation.rects:
            shape.draw_line((r.x0, r.y1), (r.x1, r.y1))
        shape.finish(color=color, width=1.2)
    elif annotation.kind is AnnotationKind.INK:
        for stroke in annotation.strokes:
            if len(stroke) > 1:
                shape.draw_polyline(list(stroke))
        shape.finish(color=color, width=1.5, closePath=False)
    elif annotation.kind is AnnotationKind.NOTE and annotation.anchor is not None:
        x, y = annotation.anchor
        shape.draw_rect(pymupdf.Rect(x, y, x + NOTE_ICON, y + NOTE_ICON))
        shape.finish(color=(0.4, 0.3, 0.0), fill=color, width=0.5)
        shape.commit()
        if annotation.text:
            box = pymupdf.Rect(x + NOTE_ICON + 2, y, x + NOTE_ICON + 2 + NOTE_WIDTH, y + 400)
            with unrotated(page):
                writer = pymupdf.TextWriter(page.rect)
                writer.fill_textbox(box, annotation.text, font=noto(), fontsize=8)
                writer.write_text(page, color=(0.35, 0.25, 0.0))
        return
    shape.commit()


def export_annotated_copy(
    source: bytes,
    annotations: Iterable[Annotation],
    target: Path,
    *,
    watermark: str | None = None,
    password: str | None = None,
) -> Path:
    """Write the copy to ``target``; encryption of the original is kept.

    ``watermark`` (see :func:`meetingroom.core.pdf.watermark.watermark_text`) is
    required by the caller for confidential documents and stamped on every page.
    """
    with MUPDF_LOCK:
        try:
            doc = pymupdf.open(stream=source, filetype="pdf")
        except Exception as exc:
            raise PdfOpenError(OpenFailure.DAMAGED, str(exc)) from exc
        try:
            if doc.needs_pass and not (password and doc.authenticate(password)):
                raise PdfOpenError(OpenFailure.NEEDS_PASSWORD)
            for annotation in annotations:
                if annotation.deleted or not 0 <= annotation.page < doc.page_count:
                    continue
                _burn(doc[annotation.page], annotation)
            if watermark:
                for index in range(doc.page_count):
                    stamp_watermark(doc[index], watermark)
            doc.subset_fonts()
            target = Path(target)
            target.parent.mkdir(parents=True, exist_ok=True)
            doc.save(target, garbage=3, deflate=True, encryption=_KEEP_ENCRYPTION)
        finally:
            doc.close()
    return target
