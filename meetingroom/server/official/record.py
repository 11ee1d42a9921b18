"""The parts every official record has, in the order Nghị định 30/2020/NĐ-CP sets.

A record is plain data: the PDF and the DOCX writers read the same value, so the copy a
secretary amends in Word says what the filed PDF says.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

#: "HĐND"/"UBND" in a body's name are written out in the heading (Nghị định 30 wants the
#: authority's full name; the abbreviation is for the symbol only).
_KIND_WORDS = (("HĐND", "Hội đồng nhân dân"), ("UBND", "Ủy ban nhân dân"))
_LEVEL_WORDS = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "đặc khu",
                "thị trấn")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the body. ``heading``: a bold section heading (I., II., 1.);
    ``body``: justified with a first-line indent; ``plain``: justified, no indent."""

    text: str
    style: Literal["body", "heading", "plain"] = "body"


@dataclass(frozen=True)
class TableBlock:
    """A ruled table, the counts of a vote-count record; ``widths`` in percent."""

    columns: list[str]
    rows: list[list[str]]
    widths: list[int] | None = None


@dataclass(frozen=True)
class Signature:
    """A signature block: the capacity lines ("TM. HỘI ĐỒNG NHÂN DÂN", "CHỦ TỊCH"), the
    space for the hand or digital signature, then the signer's full name."""

    capacity: list[str]
    name: str


@dataclass(frozen=True)
class OfficialRecord:
    #: The issuing authority, one heading line each ("HỘI ĐỒNG NHÂN DÂN", "TỈNH AN HÒA").
    authority: list[str]
    #: The document type's symbol (BB biên bản, TB thông báo, BC báo cáo) and the
    #: authority's ("HĐND"): the number itself is written by the văn thư when filed.
    type_code: str
    authority_code: str
    place: str
    on: date
    #: "BIÊN BẢN", "THÔNG BÁO", "BÁO CÁO": said once, then the subject below it.
    kind_title: str
    subject: str
    blocks: list[Paragraph | TableBlock]
    recipients: list[str]
    #: Left and right signature blocks (the secretary left, the chair right in minutes).
    signatures: tuple[Signature | None, Signature | None]
    #: Said in a box above the title when the record is not final (a meeting not held).
    draft_note: str = ""
    keywords: list[str] = field(default_factory=list)

    @property
    def number(self) -> str:
        """"Số:        /BB-HĐND": the blank is left for the number given at registration."""
        return f"Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/{self.type_code}-" \
               f"{self.authority_code}"

    @property
    def place_date(self) -> str:
        return f"{self.place}, {vietnamese_date(self.on)}"

    @property
    def file_title(self) -> str:
        return f"{self.kind_title.capitalize()} - {self.subject}"


def vietnamese_date(on: date) -> str:
    """"ngày 03 tháng 02 năm 2026", "ngày 15 tháng 12 năm 2026": Nghị định 30 writes days
    below 10 and the months January and February with a leading zero, other months not."""
    month = f"{on.month:02d}" if on.month < 3 else str(on.month)
    return f"ngày {on.day:02d} tháng {month} năm {on.year}"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def authority_lines(body_name: str) -> list[str]:
    """"HĐND xã Hòa Bình" → ["HỘI ĐỒNG NHÂN DÂN", "XÃ HÒA BÌNH"]."""
    name = nfc(body_name).strip()
    for short, full in _KIND_WORDS:
        if name.upper().startswith(short):
            name = full + name[len(short):]
    for _short, full in _KIND_WORDS:
        if name.lower().startswith(full.lower()):
            rest = name[len(full):].strip()
            return [full.upper(), rest.upper()] if rest else [full.upper()]
    return [name.upper()]


def place_name(body_name: str) -> str:
    """The place in "An Hòa, ngày …": the locality of the body, without its level word."""
    lines = authority_lines(body_name)
    locality = nfc(body_name).strip()
    if len(lines) == 2:
        words = locality.split()
        locality = " ".join(words[-len(lines[1].split()):])
    lowered = locality.lower()
    for level in sorted(_LEVEL_WORDS, key=len, reverse=True):
        if lowered.startswith(level + " "):
            locality = locality[len(level) + 1:]
            break
    return re.sub(r"\s+", " ", locality).strip() or nfc(body_name)
