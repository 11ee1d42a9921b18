"""The one font we write into PDFs: Noto Sans from ``pymupdf-fonts``.

Base-14 fonts cannot encode Vietnamese letters such as "ộ" or "ư"; see
``meetingroom.core.demo_documents`` for why the font is taken from the wheel.
"""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from functools import cache

import pymupdf

REGULAR = "notos"
BOLD = "notosbo"


@cache
def noto(code: str = REGULAR) -> pymupdf.Font:
    # Decompressing the font module is slow; every page and export reuses it.
    return pymupdf.Font(code)
