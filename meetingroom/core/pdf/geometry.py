"""Page coordinates: annotations live in unrotated PDF space, views in display space.

Annotations must survive zoom and rotation, so they are stored in the page's
own (unrotated) coordinate system, the one PyMuPDF reports words and search
hits in. Views convert at paint time with the helpers here; keeping the maths
Qt-free lets the core test it and the exporter reuse it.
"""

from __future__ import annotations

from dataclasses import dataclass

Point = tuple[float, float]


@dataclass(frozen=True)
class PdfRect:
    """An axis-aligned rectangle in unrotated page points (y grows downwards)."""

    x0: float
    y0: float
    x1: float
    y1: float

    @classmethod
    def spanning(cls, a: Point, b: Point) -> PdfRect:
        return cls(min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def intersects(self, other: PdfRect) -> bool:
        return (
            self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1
        )

    def contains(self, point: Point) -> bool:
        return self.x0 <= point[0] <= self.x1 and self.y0 <= point[1] <= self.y1

    def united(self, other: PdfRect) -> PdfRect:
        return PdfRect(
            min(self.x0, other.x0), min(self.y0, other.y0),
            max(self.x1, other.x1), max(self.y1, other.y1),
        )

    def as_tuple(self) -> tuple[float, float, float, float]:
        return (self.x0, self.y0, self.x1, self.y1)


@dataclass(frozen=True)
class PageGeometry:
    """Unrotated size of a page plus the rotation the PDF itself asks for."""

    width: float
    height: float
    rotation: int = 0

    def total_rotation(self, user_rotation: int) -> int:
        return (self.rotation + user_rotation) % 360

    def display_size(self, user_rotation: int = 0) -> tuple[float, float]:
        """Size on screen in points: width and height swap at 90 and 270 degrees."""
        if self.total_rotation(user_rotation) in (90, 270):
            return (self.height, self.width)
        return (self.width, self.height)

    def to_display(self, point: Point, user_rotation: int = 0) -> Point:
        """Unrotated page point -> displayed point (clockwise, as MuPDF renders)."""
        x, y = point
        r = self.total_rotation(user_rotation)
        if r == 90:
            return (self.height - y, x)
        if r == 180:
            return (self.width - x, self.height - y)
        if r == 270:
            return (y, self.width - x)
        return (x, y)

    def from_display(self, point: Point, user_rotation: int = 0) -> Point:
        """Inverse of :meth:`to_display`, for mouse positions."""
        u, v = point
        r = self.total_rotation(user_rotation)
        if r == 90:
            return (v, self.height - u)
        if r == 180:
            return (self.width - u, self.height - v)
        if r == 270:
            return (self.width - v, u)
        return (u, v)

    def rect_to_display(self, rect: PdfRect, user_rotation: int = 0) -> PdfRect:
        return PdfRect.spanning(
            self.to_display((rect.x0, rect.y0), user_rotation),
            self.to_display((rect.x1, rect.y1), user_rotation),
        )
