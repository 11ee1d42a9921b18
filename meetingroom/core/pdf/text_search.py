"""Unicode-aware search over extracted words.

MuPDF's own search folds case for ASCII only, so "NGÂN SÁCH" would miss
"ngân sách". Searching the page's word list with ``str.casefold`` on NFC text
finds Vietnamese in any case, across line breaks, and reuses the words the
reader already fetched for text selection.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from meetingroom.core.pdf.geometry import PdfRect
from meetingroom.core.pdf.text_selection import Word


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _partial(word: Word, start: int, end: int) -> PdfRect:
    """The slice of a word's box covering characters [start, end), by proportion."""
    length = max(1, len(word.text))
    r = word.rect
    return PdfRect(
        r.x0 + r.width * start / length, r.y0, r.x0 + r.width * end / length, r.y1
    )


def find_in_words(words: Sequence[Word], query: str) -> list[tuple[PdfRect, ...]]:
    """Each match as one rectangle per text line it covers."""
    needle = normalise(query)
    if not needle:
        return []
    # Casefolding may change a word's length (ß -> ss); offsets stay per word.
    folded = [normalise(w.text) for w in words]
    starts: list[int] = []
    haystack_parts: list[str] = []
    position = 0
    for text in folded:
        starts.append(position)
        haystack_parts.append(text)
        position += len(text) + 1
    haystack = " ".join(haystack_parts)
    matches: list[tuple[PdfRect, ...]] = []
    at = haystack.find(needle)
    while at >= 0:
        end = at + len(needle)
        lines: dict[tuple[int, int], PdfRect] = {}
        for index, word in enumerate(words):
            w_start, w_end = starts[index], starts[index] + len(folded[index])
            if w_end <= at or w_start >= end:
                continue
            scale = len(word.text) / max(1, len(folded[index]))
            part = _partial(
                word,
                round((max(at, w_start) - w_start) * scale),
                round((min(end, w_end) - w_start) * scale),
            )
            key = (word.block, word.line)
            lines[key] = lines[key].united(part) if key in lines else part
        if lines:
            matches.append(tuple(lines.values()))
        at = haystack.find(needle, end)
    return matches
