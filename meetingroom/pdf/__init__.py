"""Qt-free PDF logic for the reader: opening, search, annotations, export.

The UI in ``meetingroom.ui.reader`` drives these from a worker thread; the
sync layer only needs :mod:`meetingroom.pdf.annotations` and the store.
"""

from meetingroom.pdf.annotation_store import AnnotationStore
from meetingroom.pdf.annotations import (
    Annotation,
    AnnotationKind,
    AnnotationSync,
    merge_annotations,
)
from meetingroom.pdf.document import (
    DocumentInfo,
    PdfDocument,
    RenderedPage,
    SearchHit,
    read_pdf_file,
)
from meetingroom.pdf.errors import OpenFailure, PageRenderError, PdfOpenError
from meetingroom.pdf.export import export_annotated_copy
from meetingroom.pdf.geometry import PageGeometry, PdfRect
from meetingroom.pdf.outline import OutlineEntry
from meetingroom.pdf.watermark import watermark_text

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
