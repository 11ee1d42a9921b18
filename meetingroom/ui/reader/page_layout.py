"""Where each page sits in the scrollable area, in logical pixels.

Kept free of Qt so the arithmetic of both view modes is easy to test and
cheap to recompute on every zoom step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from meetingroom.core.pdf.geometry import PageGeometry

PAGE_GAP = 12.0
MARGIN = 12.0


@dataclass(frozen=True)
class PlacedPage:
    page: int
    x: float
    y: float
    width: float
    height: float

    @property
    def bottom(self) -> float:
        return self.y + self.height


@dataclass(frozen=True)
class PageLayout:
    pages: tuple[PlacedPage, ...]
    width: float
    height: float

    def placed(self, page: int) -> PlacedPage | None:
        for placed in self.pages:
            if placed.page == page:
                return placed
        return None

    def visible(self, top: float, bottom: float) -> list[PlacedPage]:
        # A sliver under a pixel (left by an integer scroll position) is not "on screen":
        # counting it made the page above render first on every page jump.
        return [p for p in self.pages if p.bottom > top + 1 and p.y < bottom - 1]

    def page_at(self, y: float) -> int:
        """The page under a content y; the nearest one in a gap or margin."""
        if not self.pages:
            return 0
        for placed in self.pages:
            if y < placed.bottom + PAGE_GAP / 2:
                return placed.page
        return self.pages[-1].page


def layout_pages(
    pages: Sequence[PageGeometry],
    zoom: float,
    rotation: int,
    viewport_width: float,
    *,
    single_page: int | None = None,
) -> PageLayout:
    """Stack pages vertically, centred; ``single_page`` lays out only that page."""
    indices = range(len(pages)) if single_page is None else [single_page]
    sizes = [(i, *pages[i].display_size(rotation)) for i in indices if 0 <= i < len(pages)]
    widest = max((w * zoom for _, w, _ in sizes), default=0.0)
    total_width = max(widest + 2 * MARGIN, viewport_width)
    placed: list[PlacedPage] = []
    y = MARGIN
    for index, w, h in sizes:
        width, height = w * zoom, h * zoom
        placed.append(PlacedPage(index, (total_width - width) / 2, y, width, height))
        y += height + PAGE_GAP
    height = y - PAGE_GAP + MARGIN if placed else 0.0
    return PageLayout(tuple(placed), total_width, height)
