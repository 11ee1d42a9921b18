"""Render meetingroom.svg to the PNG (Linux .desktop) and ICO (Windows) icons.

Run from the repository root after changing the SVG:
    QT_QPA_PLATFORM=offscreen .venv/bin/python installers/icons/make_icons.py
(drawn with QPainter, so no SVG module is needed).
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPolygonF

HERE = Path(__file__).resolve().parent
RED, WHITE, GOLD = QColor("#b71c1c"), QColor("#ffffff"), QColor("#ffd600")
STAR = [(128, 22), (141, 61), (182, 61), (149, 85), (161, 124), (128, 100), (95, 124),
        (107, 85), (74, 61), (115, 61)]


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 256, size / 256)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(RED)
    painter.drawRoundedRect(QRectF(8, 8, 240, 240), 44, 44)
    painter.setBrush(WHITE)
    painter.drawRoundedRect(QRectF(58, 96, 140, 118), 10, 10)
    painter.setBrush(RED)
    for y, width in ((122, 100), (148, 100), (174, 64)):
        painter.drawRoundedRect(QRectF(78, y, width, 10), 5, 5)
    painter.setBrush(GOLD)
    painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in STAR]))
    painter.end()
    return image


ICO_SIZES = (16, 24, 32, 48, 64, 256)


def png_bytes(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def ico(images: list[QImage]) -> bytes:
    """A Windows .ico holding one PNG per size (valid since Windows Vista)."""
    pngs = [png_bytes(image) for image in images]
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, body = b"", b""
    for image, data in zip(images, pngs, strict=True):
        side = image.width() if image.width() < 256 else 0  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        body += data
    return header + entries + body


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    draw(256).save(str(HERE / "meetingroom.png"))
    (HERE / "meetingroom.ico").write_bytes(ico([draw(size) for size in ICO_SIZES]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
