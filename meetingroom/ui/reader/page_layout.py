"""Where each page sits in the scrollable area, in logical pixels.

Kept free of Qt so the arithmetic of both view modes is easy to test and
cheap to recompute on every zoom step.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

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
    """Pages stacked top to bottom, in page order (as :func:`layout_pages` places them).

    Lookups bisect the pages' edges instead of walking every page: they run in every
    paint and on every page's arrival, and a walk over the 300 pages of a long
    packet took ~50 µs each time, on the path from a page's arrival to its paint.
    """

    pages: tuple[PlacedPage, ...]
    width: float
    height: float

    @cached_property
    def _tops(self) -> list[float]:
        return [p.y for p in self.pages]

    @cached_property
    def _bottoms(self) -> list[float]:
        return [p.bottom for p in self.pages]

    @cached_property
    def _by_page(self) -> dict[int, PlacedPage]:
        return {p.page: p for p in self.pages}

    def placed(self, page: int) -> PlacedPage | None:
        return self._by_page.get(page)

    def visible(self, top: float, bottom: float) -> list[PlacedPage]:
        # A sliver under a pixel (left by an integer scroll position) is not "on screen":
        # counting it made the page above render first on every page jump.
        first = bisect_right(self._bottoms, top + 1)  # the first page whose bottom is below
        end = bisect_left(self._tops, bottom - 1)  # the pages whose top is above
        return list(self.pages[first:end])

    def page_at(self, y: float) -> int:
        """The page under a content y; the nearest one in a gap or margin."""
        if not self.pages:
            return 0
        index = bisect_right(self._bottoms, y - PAGE_GAP / 2)  # y < bottom + gap / 2
        return self.pages[min(index, len(self.pages) - 1)].page


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
