"""An official record as an A4 PDF, laid out by PyMuPDF's ``Story`` from HTML and CSS.

Nghị định 30/2020/NĐ-CP, Phụ lục I: a Times-like Unicode serif (Liberation Serif, embedded
as a subset), body 14 pt, justified, first-line indent 1 cm, margins 20 mm top and bottom,
30 mm left, 15 mm right; the national heading (Quốc hiệu, Tiêu ngữ underlined) beside the
authority's name and the number and symbol; place and date in italics; the title once and
the subject under it with a short rule; page numbers from page 2, centred in the top margin;
nơi nhận in 12/11 pt; the signature blocks with the signer's capacity in capitals. The
rules under the heading lines are drawn after the layout, where the text actually landed.
"""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import html
import io
from pathlib import Path
from typing import Any

import pymupdf

from meetingroom.server.official.record import OfficialRecord, Paragraph, TableBlock, nfc

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
FONT_FILES = {"regular": "LiberationSerif-Regular.ttf", "bold": "LiberationSerif-Bold.ttf",
              "italic": "LiberationSerif-Italic.ttf",
              "bolditalic": "LiberationSerif-BoldItalic.ttf"}
MM = 72 / 25.4
TOP, BOTTOM, LEFT, RIGHT = 20 * MM, 20 * MM, 30 * MM, 15 * MM
BODY_PT = 14
_FIXED_DATE = "D:20260101000000+07'00'"

CSS = f"""
@font-face {{ font-family: RecordSerif; src: url({FONT_FILES['regular']}); }}
@font-face {{ font-family: RecordSerif; src: url({FONT_FILES['bold']}); font-weight: bold; }}
@font-face {{ font-family: RecordSerif; src: url({FONT_FILES['italic']});
             font-style: italic; }}
@font-face {{ font-family: RecordSerif; src: url({FONT_FILES['bolditalic']});
             font-weight: bold; font-style: italic; }}
* {{ font-family: RecordSerif; }}
body {{ font-size: {BODY_PT}pt; line-height: 1.2; }}
table.head {{ width: 100%; border-collapse: collapse; }}
table.head td {{ text-align: center; vertical-align: top; padding: 0; }}
.authority {{ font-size: 13pt; font-weight: bold; }}
.number {{ font-size: 13pt; margin-top: 8pt; }}
.nation {{ font-size: 12pt; font-weight: bold; white-space: nowrap; }}
.motto {{ font-size: 13pt; font-weight: bold; }}
.placedate {{ font-size: 14pt; font-style: italic; margin-top: 10pt; }}
.draft {{ font-size: 12pt; font-weight: bold; font-style: italic; text-align: center;
         margin-top: 10pt; }}
h1 {{ font-size: 14pt; font-weight: bold; text-align: center; margin: 18pt 0 0 0; }}
h2 {{ font-size: 14pt; font-weight: bold; text-align: center; margin: 0 0 14pt 0; }}
p {{ text-align: justify; margin: 0 0 6pt 0; }}
p.body {{ text-indent: 1cm; }}
p.heading {{ font-weight: bold; margin-top: 6pt; text-indent: 1cm; }}
table.grid {{ width: 100%; border-collapse: collapse; margin: 4pt 0 8pt 0; }}
table.grid td, table.grid th {{ border: 0.5pt solid black; padding: 2pt 4pt;
                                font-size: 13pt; vertical-align: top; }}
table.grid th {{ font-weight: bold; text-align: center; }}
table.sign {{ width: 100%; margin-top: 12pt; }}
table.sign td {{ text-align: center; vertical-align: top; font-size: 14pt; padding: 0; }}
.capacity {{ font-weight: bold; }}
.signer {{ font-weight: bold; margin-top: 72pt; }}
.recipients-title {{ font-size: 12pt; font-weight: bold; font-style: italic;
                     text-align: left; }}
.recipient {{ font-size: 11pt; text-align: left; margin: 0; }}
"""


def _e(text: str) -> str:
    return html.escape(nfc(text))


def _lines(lines: list[str], css: str) -> str:
    return "".join(f'<div class="{css}">{_e(line)}</div>' for line in lines)


def record_html(record: OfficialRecord) -> str:
    parts = [
        '<table class="head"><tr>',
        '<td style="width:38%">', _lines(record.authority, "authority"),
        f'<div class="number">{_e(record.number)}</div></td>',
        '<td style="width:62%">',
        '<div class="nation">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>',
        '<div class="motto">Độc lập - Tự do - Hạnh phúc</div>',
        f'<div class="placedate">{_e(record.place_date)}</div></td>',
        "</tr></table>",
    ]
    if record.draft_note:
        parts.append(f'<div class="draft">{_e(record.draft_note)}</div>')
    parts += [f"<h1>{_e(record.kind_title)}</h1>",
              f'<h2 id="subject">{_e(record.subject)}</h2>']
    for block in record.blocks:
        if isinstance(block, Paragraph):
            parts.append(f'<p class="{block.style}">{_e(block.text)}</p>')
        else:
            parts.append(_table(block))
    parts.append(_signatures(record))
    return "<body>" + "".join(parts) + "</body>"


def _table(block: TableBlock) -> str:
    widths = block.widths or [100 // len(block.columns)] * len(block.columns)
    head = "".join(f'<th style="width:{w}%">{_e(c)}</th>'
                   for c, w in zip(block.columns, widths, strict=True))
    rows = "".join(
        "<tr>" + "".join(
            f'<td style="text-align:{"left" if i == 0 else "center"}">{_e(cell)}</td>'
            for i, cell in enumerate(row)) + "</tr>"
        for row in block.rows)
    return f'<table class="grid"><tr>{head}</tr>{rows}</table>'


def _signature_cell(record: OfficialRecord, index: int) -> str:
    sign = record.signatures[index]
    if sign is None:
        return ""
    return _lines(sign.capacity, "capacity") + f'<div class="signer">{_e(sign.name)}</div>'


def _recipients(record: OfficialRecord) -> str:
    if not record.recipients:
        return ""
    return ('<div class="recipients-title">Nơi nhận:</div>'
            + "".join(f'<div class="recipient">- {_e(r)}</div>' for r in record.recipients))


def _signatures(record: OfficialRecord) -> str:
    left, _right = record.signatures
    if left is None:
        # One signer: nơi nhận on the left at the signature's height (Phụ lục I, mục 9).
        return ('<table class="sign"><tr><td style="width:45%;text-align:left">'
                f"{_recipients(record)}</td>"
                f'<td style="width:55%">{_signature_cell(record, 1)}</td></tr></table>')
    return ('<table class="sign"><tr>'
            f'<td style="width:45%">{_signature_cell(record, 0)}</td>'
            f'<td style="width:55%">{_signature_cell(record, 1)}</td></tr></table>'
            + (f'<div style="margin-top:12pt">{_recipients(record)}</div>'
               if record.recipients else ""))


def render_pdf(record: OfficialRecord) -> tuple[bytes, int]:
    """The record as an A4 PDF (bytes, page count), fonts embedded as subsets."""
    archive = pymupdf.Archive(str(FONT_DIR))
    story = pymupdf.Story(html=record_html(record), user_css=CSS, em=BODY_PT,
                          archive=archive)
    buffer = io.BytesIO()
    writer = pymupdf.DocumentWriter(buffer)
    mediabox = pymupdf.paper_rect("a4")
    where = pymupdf.Rect(mediabox.x0 + LEFT, mediabox.y0 + TOP, mediabox.x1 - RIGHT,
                         mediabox.y1 - BOTTOM)
    placed: dict[str, tuple[int, pymupdf.Rect]] = {}
    page_number = 0

    def remember(position: Any) -> None:
        name = position.id
        if name and position.open_close & 2 and name not in placed:
            placed[name] = (page_number, pymupdf.Rect(position.rect))

    more = 1
    while more:
        device = writer.begin_page(mediabox)
        more, _filled = story.place(where)
        story.element_positions(remember)
        story.draw(device)
        page_number += 1
        writer.end_page()
    writer.close()
    doc = pymupdf.open(stream=buffer.getvalue(), filetype="pdf")
    try:
        _finish(doc, record, placed)
        doc.set_metadata({"title": nfc(record.file_title),
                          "author": " ".join(record.authority),
                          "subject": nfc(record.subject), "keywords": ", ".join(record.keywords),
                          "creator": "meetingroom", "producer": "meetingroom",
                          "creationDate": _FIXED_DATE, "modDate": _FIXED_DATE})
        doc.subset_fonts()
        pages = doc.page_count
        data: bytes = doc.tobytes(garbage=4, deflate=True, no_new_id=True)
    finally:
        doc.close()
    return data, pages


def _rule_under(page: pymupdf.Page, text: str, *, fraction: float | None = None) -> None:
    """A 0.5 pt rule just under ``text`` on its first place on the page: as wide as the
    text, or ``fraction`` of it, centred (Nghị định 30's rules under heading lines)."""
    hits = page.search_for(text)
    if not hits:
        return
    box = hits[0]
    width = box.width if fraction is None else box.width * fraction
    middle = (box.x0 + box.x1) / 2
    y = box.y1 + 1.5
    page.draw_line((middle - width / 2, y), (middle + width / 2, y), width=0.6)


def _finish(doc: pymupdf.Document, record: OfficialRecord,
            placed: dict[str, tuple[int, pymupdf.Rect]]) -> None:
    first = doc[0]
    first.wrap_contents()
    _rule_under(first, "Độc lập - Tự do - Hạnh phúc")
    _rule_under(first, record.authority[-1], fraction=0.6)
    if "subject" in placed:
        # The subject's box, as the story laid it out: a short rule centred under it.
        number, box = placed["subject"]
        page = doc[number]
        page.wrap_contents()
        middle = (box.x0 + box.x1) / 2
        y = box.y1 + 2
        page.draw_line((middle - 50, y), (middle + 50, y), width=0.6)
    if doc.page_count > 1:
        font = pymupdf.Font(fontfile=str(FONT_DIR / FONT_FILES["regular"]))
        for number in range(2, doc.page_count + 1):
            page = doc[number - 1]
            # The story's content stream leaves its own transformation in force.
            page.wrap_contents()
            text = str(number)
            width = font.text_length(text, 13)
            middle = LEFT + (page.rect.width - LEFT - RIGHT) / 2
            writer = pymupdf.TextWriter(page.rect)
            writer.append((middle - width / 2, 15 * MM), text, font=font, fontsize=13)
            writer.write_text(page)
