"""An official record as an editable Word file (python-docx), for secretaries who amend.

Same record, same layout rules as :mod:`meetingroom.server.official.pdf`: A4, margins 20/20/30/15
mm, Times New Roman 14 pt justified with a 1 cm first-line indent; the heading is a
borderless two-column table; the signature blocks another. Word files name the font
rather than embed it: Times New Roman is on every office machine, and Liberation Serif
(metric-compatible) stands in where it is not.
"""

from __future__ import annotations

import io
from typing import Any

import docx as python_docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from meetingroom.server.official.record import OfficialRecord, Paragraph, TableBlock, nfc

FONT = "Times New Roman"
TEXT_WIDTH_MM = 210 - 30 - 15


def _run(paragraph: DocxParagraph, text: str, *, size: float = 14, bold: bool = False,
         italic: bool = False, underline: bool = False) -> None:
    run = paragraph.add_run(nfc(text))
    run.font.name = FONT
    run.font.size = Pt(size)
    run.bold, run.italic, run.underline = bold, italic, underline


def _line(cell: _Cell | None, document: Any, text: str, *, size: float = 14,
          bold: bool = False, italic: bool = False, underline: bool = False,
          align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER,
          space_before: float = 0, first: bool = False) -> DocxParagraph:
    paragraph: DocxParagraph
    if cell is not None:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    else:
        paragraph = document.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.space_before = Pt(space_before)
    _run(paragraph, text, size=size, bold=bold, italic=italic, underline=underline)
    return paragraph


def _no_borders(table: Any) -> None:
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    properties.append(borders)


def render_docx(record: OfficialRecord) -> bytes:
    document = python_docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    # East-Asian and complex-script slots too, or Word falls back to its theme font.
    fonts = normal.element.rPr.get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), FONT)
    core = document.core_properties
    core.title = nfc(record.file_title)
    core.subject = nfc(record.subject)
    core.author = " ".join(record.authority)
    core.keywords = ", ".join(record.keywords)

    head = document.add_table(rows=1, cols=2)
    _no_borders(head)
    head.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = head.rows[0].cells
    left.width, right.width = Mm(TEXT_WIDTH_MM * 0.38), Mm(TEXT_WIDTH_MM * 0.62)
    for index, line in enumerate(record.authority):
        last = index == len(record.authority) - 1
        _line(left, document, line, size=13, bold=True, first=index == 0, underline=last)
    _line(left, document, record.number, size=13, space_before=8)
    _line(right, document, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12, bold=True,
          first=True)
    _line(right, document, "Độc lập - Tự do - Hạnh phúc", size=13, bold=True, underline=True)
    _line(right, document, record.place_date, italic=True, space_before=10)

    if record.draft_note:
        _line(None, document, record.draft_note, size=12, bold=True, italic=True,
              space_before=10)
    _line(None, document, record.kind_title, bold=True, space_before=18)
    _line(None, document, record.subject, bold=True)
    _line(None, document, "―" * 6, size=8)
    for block in record.blocks:
        if isinstance(block, Paragraph):
            paragraph = document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            paragraph.paragraph_format.space_after = Pt(6)
            if block.style in ("body", "heading"):
                paragraph.paragraph_format.first_line_indent = Cm(1)
            _run(paragraph, block.text, bold=block.style == "heading")
        else:
            _grid(document, block)
    _signatures(document, record)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _grid(document: Any, block: TableBlock) -> None:
    table = document.add_table(rows=1, cols=len(block.columns))
    table.style = "Table Grid"
    widths = block.widths or [100 // len(block.columns)] * len(block.columns)
    for cell, title, width in zip(table.rows[0].cells, block.columns, widths, strict=True):
        cell.width = Mm(TEXT_WIDTH_MM * width / 100)
        _line(cell, document, title, size=13, bold=True, first=True)
    for row in block.rows:
        cells = table.add_row().cells
        for index, (cell, text) in enumerate(zip(cells, row, strict=True)):
            _line(cell, document, text, size=13, first=True,
                  align=WD_ALIGN_PARAGRAPH.LEFT if index == 0 else WD_ALIGN_PARAGRAPH.CENTER)


def _recipients(cell: _Cell | None, document: Any, record: OfficialRecord,
                first: bool) -> None:
    if not record.recipients:
        return
    _line(cell, document, "Nơi nhận:", size=12, bold=True, italic=True,
          align=WD_ALIGN_PARAGRAPH.LEFT, first=first, space_before=12 if cell is None else 0)
    for name in record.recipients:
        _line(cell, document, f"- {name}", size=11, align=WD_ALIGN_PARAGRAPH.LEFT)


def _signatures(document: Any, record: OfficialRecord) -> None:
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    cells = table.rows[0].cells
    cells[0].width, cells[1].width = Mm(TEXT_WIDTH_MM * 0.45), Mm(TEXT_WIDTH_MM * 0.55)
    for cell, sign in zip(cells, record.signatures, strict=True):
        if sign is None:
            continue
        for index, line in enumerate(sign.capacity):
            _line(cell, document, line, bold=True, first=index == 0,
                  space_before=12 if index == 0 else 0)
        _line(cell, document, sign.name, bold=True, space_before=72)
    if record.signatures[0] is None:
        _recipients(cells[0], document, record, first=True)
    else:
        _recipients(None, document, record, first=False)
