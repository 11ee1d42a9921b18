"""Qt-free PDF logic for the reader: opening, search, annotations, export.

The UI in ``meetingroom.ui.reader`` drives these from a worker thread; the
sync layer only needs :mod:`meetingroom.core.pdf.annotations` and the store.
"""

from meetingroom.core.pdf.annotation_store import AnnotationStore
from meetingroom.core.pdf.annotations import (
    Annotation,
    AnnotationKind,
    AnnotationSync,
    merge_annotations,
)
from meetingroom.core.pdf.document import (
    DocumentInfo,
    PdfDocument,
    RenderedPage,
    SearchHit,
    read_pdf_file,
)
from meetingroom.core.pdf.errors import OpenFailure, PageRenderError, PdfOpenError
from meetingroom.core.pdf.export import export_annotated_copy
from meetingroom.core.pdf.geometry import PageGeometry, PdfRect
from meetingroom.core.pdf.outline import OutlineEntry
from meetingroom.core.pdf.watermark import watermark_text

__all__ = [
    "Annotation",
    "AnnotationKind",
    "AnnotationStore",
    "AnnotationSync",
    "DocumentInfo",
    "OpenFailure",
    "OutlineEntry",
    "PageGeometry",
    "PageRenderError",
    "PdfDocument",
    "PdfOpenError",
    "PdfRect",
    "RenderedPage",
    "SearchHit",
    "export_annotated_copy",
    "merge_annotations",
    "read_pdf_file",
    "watermark_text",
]
