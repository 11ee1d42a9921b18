"""Deterministic Vietnamese demo PDFs for a provincial People's Council session.

The demo session needs believable meeting documents without shipping real (and
possibly sensitive) council papers, so they are synthesised here with PyMuPDF.

Font choice: Vietnamese needs precomposed letters such as "ộ", "ư", "ặ" that
the PDF Base-14 fonts cannot encode, so we embed Noto Sans (SIL OFL 1.1) from
the ``pymupdf-fonts`` wheel (``pymupdf.Font("notos")``).  That is preferred
over copying a TTF into ``resources/fonts/`` because the font bytes live inside
ordinary Python modules: freezers (PyInstaller, Nuitka, briefcase) and wheels
pick them up like any import, with no data-file path to resolve at run time
and the licence travelling with the package.  Only used glyphs are embedded
(``subset_fonts``), so each document stays small.
"""

# PyMuPDF ships py.typed but leaves most signatures unannotated; only
# untyped *calls* are tolerated here, everything we define stays strictly typed.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import pymupdf

_PAGE_W, _PAGE_H = pymupdf.paper_size("a4")
# Margins follow Decree 30/2020 on administrative documents (mm -> pt).
_LEFT, _RIGHT, _TOP, _BOTTOM = 85.0, 50.0, 57.0, 57.0
_TEXT_W = _PAGE_W - _LEFT - _RIGHT
_BODY_SIZE, _HEAD_SIZE, _TITLE_SIZE = 12.0, 10.5, 14.0
_LEADING = 1.5
_INDENT = 28.0
_PARA_GAP = 4.0
_LEVELS = "TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG"
_MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
# Fixed dates keep the output byte-identical between runs.
_FIXED_DATE = "D:20261201080000+07'00'"

#: Every demo account's password (`meetingroom demo`, `seed-demo`); the client fills it in
#: for a demo it started itself.
DEMO_PASSWORD = "demo-2026"



@dataclass(frozen=True)
class DemoDocument:
    """One generated file, carrying its page count so callers need not reparse."""

    filename: str
    title: str
    data: bytes
    pages: int


@cache
def _font(code: str) -> pymupdf.Font:
    # Decompressing the font module is slow; every document reuses the object.
    return pymupdf.Font(code)


@cache
def _width(code: str, text: str, size: float) -> float:
    # Font.text_length crosses into MuPDF per glyph; words repeat a lot.
    return float(_font(code).text_length(text, size))


def _wrap(
    text: str, code: str, size: float, width: float, first_indent: float = 0.0
) -> list[list[str]]:
    """Greedy word wrap, measured with the real font so justification fits."""
    lines: list[list[str]] = []
    current: list[str] = []
    space, used = _width(code, " ", size), first_indent
    for word in text.split():
        w = _width(code, word, size)
        if current and used + space + w > width:
            lines.append(current)
            current, used = [], 0.0
        used += (space if current else 0.0) + w
        current.append(word)
    return [*lines, current] if current else lines


@dataclass(frozen=True)
class _Line:
    words: list[str]
    code: str
    indent: float
    justify: bool
    gap_before: float


def _body_lines(paragraphs: list[str]) -> list[_Line]:
    """Paragraphs starting with "# " become bold, unindented headings."""
    out: list[_Line] = []
    for para in paragraphs:
        heading = para.startswith("# ")
        code, indent = ("notosbo", 0.0) if heading else ("notos", _INDENT)
        wrapped = _wrap(para.removeprefix("# "), code, _BODY_SIZE, _TEXT_W, indent)
        last = len(wrapped) - 1
        out += [
            _Line(ws, code, indent * (i == 0), not heading and i < last, _PARA_GAP * (i == 0))
            for i, ws in enumerate(wrapped)
        ]
    return out


def _paginate(lines: list[_Line], first_top: float) -> list[list[tuple[_Line, float]]]:
    """Assign each line a baseline y, starting a new page when the body is full."""
    step = _BODY_SIZE * _LEADING
    limit = _PAGE_H - _BOTTOM - 20.0  # leave room for the footer
    pages: list[list[tuple[_Line, float]]] = [[]]
    y = first_top
    for line in lines:
        y += line.gap_before if pages[-1] else 0.0
        if y + step > limit:
            pages.append([])
            y = _TOP
        y += step
        pages[-1].append((line, y))
    return pages


def _centered(
    tw: pymupdf.TextWriter, text: str, cx: float, y: float, code: str, size: float
) -> float:
    width = _width(code, text, size)
    tw.append((cx - width / 2, y), text, font=_font(code), fontsize=size)
    return width


def _draw_header(page: pymupdf.Page, tw: pymupdf.TextWriter, issuer: str, title: str) -> float:
    """Draw the two-column heading and title; return where the body may start."""
    left_cx, right_cx, step = _LEFT + 95.0, _PAGE_W - _RIGHT - 130.0, _HEAD_SIZE * 1.35
    y = _TOP + _HEAD_SIZE
    parts = []
    for part in issuer.upper().split("\n"):
        if _width("notosbo", part, _HEAD_SIZE) > 150.0:
            # Official headings put the administrative level on its own line.
            part = re.sub(f" ({_LEVELS}) ", r"\n\1 ", part, count=1)
        parts += part.split("\n")
    issuer_lines = [
        " ".join(ws) for part in parts for ws in _wrap(part, "notosbo", _HEAD_SIZE, 200.0)
    ]
    for i, text in enumerate(issuer_lines):
        _centered(tw, text, left_cx, y + i * step, "notosbo", _HEAD_SIZE)
    rule_y = y + (len(issuer_lines) - 1) * step + 5.0
    page.draw_line((left_cx - 30, rule_y), (left_cx + 30, rule_y), width=0.6)
    _centered(tw, _MOTTO[0], right_cx, y, "notosbo", _HEAD_SIZE)
    motto_w = _centered(tw, _MOTTO[1], right_cx, y + step, "notosbo", _HEAD_SIZE + 0.5)
    motto_y = y + step + 4.0
    page.draw_line((right_cx - motto_w / 2, motto_y), (right_cx + motto_w / 2, motto_y), width=0.6)
    y = max(rule_y, motto_y) + 40.0
    for words in _wrap(title, "notosbo", _TITLE_SIZE, _TEXT_W - 30.0):
        _centered(tw, " ".join(words), _LEFT + _TEXT_W / 2, y, "notosbo", _TITLE_SIZE)
        y += _TITLE_SIZE * 1.4
    return y + 12.0


def _draw_line(tw: pymupdf.TextWriter, line: _Line, y: float) -> None:
    lengths = [_width(line.code, w, _BODY_SIZE) for w in line.words]
    space, gaps = _width(line.code, " ", _BODY_SIZE), len(line.words) - 1
    if line.justify and gaps:
        space = (_TEXT_W - line.indent - sum(lengths)) / gaps
    x = _LEFT + line.indent
    for i, (word, length) in enumerate(zip(line.words, lengths, strict=True)):
        # Keep a real space glyph after each word so text extraction sees words.
        tw.append(
            (x, y), word + (" " if i < gaps else ""), font=_font(line.code), fontsize=_BODY_SIZE
        )
        x += length + space


def render_document(
    title: str,
    body_paragraphs: list[str],
    *,
    issuer: str = "HỘI ĐỒNG NHÂN DÂN TỈNH AN HÒA",
    min_pages: int = 2,
) -> tuple[bytes, int]:
    """Render an official-looking A4 PDF; return its bytes and page count.

    The body is repeated as a numbered annex until ``min_pages`` is reached,
    because page navigation and annotation in the demo need multi-page files.
    """
    title = unicodedata.normalize("NFC", title)
    issuer = unicodedata.normalize("NFC", issuer)
    paragraphs = [unicodedata.normalize("NFC", p) for p in body_paragraphs]
    if not paragraphs and min_pages > 1:
        raise ValueError("cannot extend an empty body to several pages")
    doc = pymupdf.open()
    first = doc.new_page(width=_PAGE_W, height=_PAGE_H)
    header_tw = pymupdf.TextWriter(first.rect)
    body_top = _draw_header(first, header_tw, issuer, title)
    content = list(paragraphs)
    pages = _paginate(_body_lines(content), body_top)
    if len(pages) < min_pages:
        content.append("# PHỤ LỤC: THUYẾT MINH CHI TIẾT")
        items = [p for p in paragraphs if not p.startswith("# ")] or paragraphs
        cycle = 0
        while len(pages) < min_pages:
            cycle += 1
            content += [f"{cycle}.{j}. {p.removeprefix('# ')}" for j, p in enumerate(items, 1)]
            pages = _paginate(_body_lines(content), body_top)
    total = len(pages)
    for number, placed in enumerate(pages, start=1):
        page = first if number == 1 else doc.new_page(width=_PAGE_W, height=_PAGE_H)
        tw = header_tw if number == 1 else pymupdf.TextWriter(page.rect)
        for line, y in placed:
            _draw_line(tw, line, y)
        _centered(
            tw, f"Trang {number}/{total}", _PAGE_W / 2, _PAGE_H - _BOTTOM + 10.0, "notos", 9.5
        )
        tw.write_text(page)
    info = {"title": title, "author": issuer.replace("\n", " "), "producer": "meetingroom"}
    doc.set_metadata({**info, "creationDate": _FIXED_DATE, "modDate": _FIXED_DATE})
    doc.subset_fonts()
    data: bytes = doc.tobytes(garbage=4, deflate=True, no_new_id=True)
    doc.close()
    return data, total


_CLOSING = (
    "Kính trình Hội đồng nhân dân tỉnh xem xét, thảo luận và biểu quyết thông qua tại kỳ họp "
    "thứ mười hai, Hội đồng nhân dân tỉnh khóa XI."
)
# Plain text keeps the wording editable by non-programmers and immune to code formatters.
# Blocks are separated by blank lines: title / issuer ("|" = line break) / minimum pages /
# paragraphs.  A line indented by two spaces continues the previous paragraph; "# " marks
# a heading; "{closing}" is the standard closing request.
_CATALOGUE = """
Chương trình kỳ họp thứ mười hai Hội đồng nhân dân tỉnh khóa XI
HỘI ĐỒNG NHÂN DÂN TỈNH AN HÒA
2
# I. Phiên khai mạc (sáng ngày 08 tháng 12 năm 2026)
Chào cờ; tuyên bố lý do, giới thiệu đại biểu; Chủ tịch Hội đồng nhân dân tỉnh phát biểu
  khai mạc kỳ họp; thông qua chương trình kỳ họp.
# II. Phiên thảo luận tại tổ và tại hội trường
Các tổ đại biểu thảo luận các báo cáo, tờ trình và dự thảo nghị quyết; phiên chất vấn và
  trả lời chất vấn tại hội trường; biểu quyết thông qua các nghị quyết và bế mạc kỳ họp.

Báo cáo tình hình kinh tế - xã hội năm 2026 và kế hoạch năm 2027
ỦY BAN NHÂN DÂN|TỈNH AN HÒA
5
# I. Kết quả thực hiện năm 2026
Tốc độ tăng trưởng tổng sản phẩm trên địa bàn ước đạt 7,8%, vượt chỉ tiêu Nghị quyết đề
  ra; thu ngân sách nhà nước trên địa bàn ước đạt 14.250 tỷ đồng, bằng 108% dự toán; giải
  ngân vốn đầu tư công đạt 92% kế hoạch.
Lĩnh vực văn hóa - xã hội có nhiều chuyển biến tích cực; tỷ lệ hộ nghèo giảm còn 2,1%; tỷ
  lệ người dân tham gia bảo hiểm y tế đạt 94,5%.
# II. Hạn chế, tồn tại
Tiến độ một số công trình trọng điểm còn chậm; công tác giải phóng mặt bằng gặp nhiều khó
  khăn; thủ tục hành chính ở một số lĩnh vực còn rườm rà.
# III. Mục tiêu, nhiệm vụ năm 2027
Phấn đấu tốc độ tăng trưởng đạt 8%; đẩy mạnh chuyển đổi số, cải thiện môi trường đầu tư
  kinh doanh và nâng cao chất lượng nguồn nhân lực.
{closing}

Tờ trình về dự toán ngân sách nhà nước năm 2027
ỦY BAN NHÂN DÂN|TỈNH AN HÒA
4
Căn cứ Luật Ngân sách nhà nước và các văn bản hướng dẫn thi hành; căn cứ Quyết định giao
  dự toán ngân sách nhà nước năm 2027 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh kính
  trình dự toán ngân sách như sau:
# 1. Dự toán thu ngân sách nhà nước
Tổng thu ngân sách nhà nước trên địa bàn là 15.400 tỷ đồng, trong đó thu nội địa 13.900
  tỷ đồng, thu từ hoạt động xuất nhập khẩu 1.500 tỷ đồng.
# 2. Dự toán chi ngân sách địa phương
Tổng chi ngân sách địa phương là 21.350 tỷ đồng, trong đó chi đầu tư phát triển 6.820 tỷ
  đồng, chi thường xuyên 13.940 tỷ đồng, dự phòng ngân sách 420 tỷ đồng.
{closing}

Dự thảo Nghị quyết về kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030
HỘI ĐỒNG NHÂN DÂN|TỈNH AN HÒA
6
# HỘI ĐỒNG NHÂN DÂN TỈNH AN HÒA, KHÓA X, KỲ HỌP THỨ MƯỜI HAI
Căn cứ Luật Tổ chức chính quyền địa phương; căn cứ Luật Đầu tư công; xét Tờ trình của Ủy
  ban nhân dân tỉnh, báo cáo thẩm tra của Ban Kinh tế - Ngân sách và ý kiến thảo luận của
  đại biểu Hội đồng nhân dân tỉnh.
# Điều 1. Tổng mức vốn
Tổng vốn đầu tư công trung hạn giai đoạn 2026 - 2030 là 38.500 tỷ đồng, ưu tiên các công
  trình giao thông kết nối vùng, thủy lợi và y tế.
# Điều 2. Tổ chức thực hiện
Giao Ủy ban nhân dân tỉnh tổ chức thực hiện; Thường trực Hội đồng nhân dân, các Ban và đại
  biểu Hội đồng nhân dân tỉnh giám sát việc thực hiện. Nghị quyết này được biểu quyết thông
  qua và có hiệu lực từ ngày ký.

Báo cáo thẩm tra của Ban Kinh tế - Ngân sách
HĐND TỈNH AN HÒA|BAN KINH TẾ - NGÂN SÁCH
3
Thực hiện sự phân công của Thường trực Hội đồng nhân dân tỉnh, Ban Kinh tế - Ngân sách đã
  thẩm tra tờ trình về dự toán ngân sách nhà nước năm 2027.
Ban thống nhất với dự toán thu, chi; đề nghị Ủy ban nhân dân tỉnh chỉ đạo quyết liệt công
  tác thu, chống thất thu và nợ đọng thuế.
Ban đề nghị Hội đồng nhân dân tỉnh xem xét, biểu quyết thông qua.

Báo cáo thẩm tra của Ban Văn hóa - Xã hội
HĐND TỈNH AN HÒA|BAN VĂN HÓA - XÃ HỘI
2
Ban Văn hóa - Xã hội đã thẩm tra các báo cáo về giáo dục, y tế, lao động - việc làm và an
  sinh xã hội năm 2026.
Ban đề nghị quan tâm đầu tư cơ sở vật chất trường học vùng khó khăn và nâng cao chất lượng
  khám, chữa bệnh tại tuyến xã.
{closing}

Danh sách chất vấn và trả lời chất vấn tại kỳ họp
HỘI ĐỒNG NHÂN DÂN|TỈNH AN HÒA
2
# Nhóm vấn đề 1: Giải phóng mặt bằng các dự án giao thông
Đại biểu Nguyễn Văn An (tổ đại biểu huyện Đông Sơn) chất vấn Giám đốc Sở Xây dựng về
  nguyên nhân chậm bàn giao mặt bằng tuyến đường ven biển.
# Nhóm vấn đề 2: Ô nhiễm môi trường tại các cụm công nghiệp
Đại biểu Trần Thị Bích Ngọc (tổ đại biểu thành phố An Hòa) chất vấn Giám đốc Sở Nông
  nghiệp và Môi trường về xử lý nước thải.
Sau phiên chất vấn, Hội đồng nhân dân tỉnh biểu quyết thông qua nghị quyết về hoạt động
  chất vấn.

Báo cáo kết quả giám sát việc giải quyết kiến nghị cử tri
HĐND TỈNH AN HÒA|THƯỜNG TRỰC HĐND
3
Thường trực Hội đồng nhân dân tỉnh đã tổng hợp 246 kiến nghị của cử tri gửi đến trước kỳ
  họp; đến nay đã giải quyết xong 201 kiến nghị.
Một số kiến nghị về đất đai, chế độ chính sách chưa được giải quyết dứt điểm; đề nghị các
  sở, ngành khẩn trương xử lý và trả lời cử tri.
{closing}

Dự thảo Nghị quyết về chính sách hỗ trợ phát triển nông nghiệp công nghệ cao
HỘI ĐỒNG NHÂN DÂN|TỈNH AN HÒA
3
# Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng
Nghị quyết quy định chính sách hỗ trợ hợp tác xã, doanh nghiệp đầu tư sản xuất nông nghiệp
  ứng dụng công nghệ cao trên địa bàn tỉnh.
# Điều 2. Nội dung và mức hỗ trợ
Hỗ trợ 50% chi phí xây dựng nhà màng, hệ thống tưới tiết kiệm, tối đa 500 triệu đồng cho
  mỗi dự án.
{closing}
"""


def _catalogue() -> list[tuple[str, str, int, list[str]]]:
    """Parse ``_CATALOGUE`` into (title, issuer, min_pages, paragraphs)."""
    entries = []
    for block in _CATALOGUE.strip().split("\n\n"):
        title, issuer, min_pages, *lines = block.split("\n")
        paragraphs: list[str] = []
        for line in lines:
            if line.startswith("  "):
                paragraphs[-1] += " " + line.strip()
            else:
                paragraphs.append(line.replace("{closing}", _CLOSING))
        entries.append((title, issuer.replace("|", "\n"), int(min_pages), paragraphs))
    return entries


def _slug(text: str) -> str:
    """ASCII file names survive every file system and zip tool the demo meets."""
    ascii_text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = ascii_text.encode("ascii", "ignore").decode().lower()
    words = "".join(c if c.isalnum() else " " for c in ascii_text).split()
    return "-".join(words[:8])


def demo_documents() -> list[DemoDocument]:
    """Build the demo session's papers; identical on every call for stable tests."""
    result: list[DemoDocument] = []
    for index, (title, issuer, min_pages, body) in enumerate(_catalogue(), start=1):
        data, pages = render_document(title, body, issuer=issuer, min_pages=min_pages)
        filename = f"{index:02d}-{_slug(title)}.pdf"
        result.append(DemoDocument(filename, title, data, pages))
    return result
