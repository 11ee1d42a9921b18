"""Text selection over extracted words, done in plain Python on the GUI side.

The words of a page are fetched once by the worker; selecting, copying and
turning a selection into highlight rectangles then needs no MuPDF call, so
dragging the mouse never waits for the renderer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from meetingroom.core.pdf.geometry import PdfRect, Point


@dataclass(frozen=True)
class Word:
    """A word as MuPDF extracts it; (block, line) group words into text lines."""

    rect: PdfRect
    text: str
    block: int
    line: int


def _distance(rect: PdfRect, point: Point) -> float:
    dx = max(rect.x0 - point[0], 0.0, point[0] - rect.x1)
    dy = max(rect.y0 - point[1], 0.0, point[1] - rect.y1)
    return dx * dx + dy * dy


def nearest_word(words: Sequence[Word], point: Point) -> int:
    """Index of the word under (or closest to) a point; -1 for a page without text."""
    if not words:
        return -1
    return min(range(len(words)), key=lambda i: _distance(words[i].rect, point))


def select_range(words: Sequence[Word], start: Point, end: Point) -> list[Word]:
    """Words in reading order between the two points, like a text editor selects."""
    a, b = nearest_word(words, start), nearest_word(words, end)
    if a < 0:
        return []
    lo, hi = min(a, b), max(a, b)
    return list(words[lo : hi + 1])


def line_rects(words: Sequence[Word]) -> list[PdfRect]:
    """One rectangle per text line, the shape highlights and underlines are drawn as."""
    lines: dict[tuple[int, int], PdfRect] = {}
    for word in words:
        key = (word.block, word.line)
        lines[key] = lines[key].united(word.rect) if key in lines else word.rect
    return list(lines.values())


def selected_text(words: Sequence[Word]) -> str:
    """Words joined by spaces, with a line break wherever the text line changes."""
    parts: list[str] = []
    previous: tuple[int, int] | None = None
    for word in words:
        key = (word.block, word.line)
        if previous is not None:
            parts.append(" " if key == previous else "\n")
        parts.append(word.text)
        previous = key
    return "".join(parts)
