"""The document outline (bookmarks), flattened with levels for any tree model."""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class OutlineEntry:
    """``page`` is 0-based, or -1 for an entry pointing outside the document."""

    title: str
    page: int
    level: int


def read_outline(doc: Any) -> list[OutlineEntry]:
    """Outline of an open ``pymupdf.Document``; damaged outlines yield what is readable.

    Levels are clamped so that a badly nested outline still builds a tree.
    """
    try:
        toc = doc.get_toc(simple=True)
    except Exception:
        return []
    entries: list[OutlineEntry] = []
    previous = 0
    for item in toc:
        level, title, page = int(item[0]), str(item[1]), int(item[2])
        level = max(1, min(level, previous + 1))
        previous = level
        target = page - 1 if 1 <= page <= doc.page_count else -1
        entries.append(OutlineEntry(title.strip() or "…", target, level))
    return entries
