"""A plain horizontal bar chart drawn with QPainter (QtCharts is not in PySide6-Essentials)."""

from __future__ import annotations

from dataclasses import dataclass

from meetingroom.ui.qt import (
    QColor,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QRectF,
    QSize,
    QSizePolicy,
    Qt,
    QWidget,
)

COLOURS = ("#1f5fa8", "#d9822b", "#3a8f4d", "#8e44ad")
ROW_H = 22
LEGEND_H = 26


@dataclass(frozen=True)
class Bar:
    label: str
    values: tuple[float, ...]


class BarChart(QWidget):
    """One row per label with a bar per series; each series is scaled to its own largest
    value (a rate in percent and a count of speeches do not share an axis)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series: tuple[str, ...] = ()
        self.bars: list[Bar] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(LEGEND_H + ROW_H)

    def set_data(self, series: tuple[str, ...], bars: list[Bar]) -> None:
        self.series = series
        self.bars = bars
        self.setFixedHeight(self._height())
        self.update()

    def _height(self) -> int:
        return LEGEND_H + max(len(self.bars), 1) * ROW_H + 8

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(600, self._height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        metrics = QFontMetrics(self.font())
        text_colour = self.palette().text().color()
        x = 8.0
        for n, name in enumerate(self.series):
            colour = QColor(COLOURS[n % len(COLOURS)])
            painter.fillRect(QRectF(x, 8, 12, 12), colour)
            painter.setPen(text_colour)
            painter.drawText(QRectF(x + 16, 4, 400, 20), Qt.AlignmentFlag.AlignVCenter, name)
            x += 16 + metrics.horizontalAdvance(name) + 20
        if not self.bars:
            painter.end()
            return
        label_w = min(max(metrics.horizontalAdvance(b.label) for b in self.bars) + 12,
                      self.width() // 3)
        top = float(LEGEND_H)
        biggest = [max((b.values[n] for b in self.bars if n < len(b.values)), default=0.0)
                   or 1.0 for n in range(max(len(b.values) for b in self.bars))]
        room = max(self.width() - label_w - 60, 20)
        lanes = max(len(self.series), 1)
        lane_h = (ROW_H - 6) / lanes
        for row, bar in enumerate(self.bars):
            y = top + row * ROW_H
            painter.setPen(text_colour)
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_w - 8)
            painter.drawText(QRectF(4, y, label_w - 8, ROW_H),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, label)
            for lane, value in enumerate(bar.values):
                width = room * value / biggest[lane]
                rect = QRectF(label_w, y + 3 + lane * lane_h, max(width, 1.0), lane_h - 1)
                painter.fillRect(rect, QColor(COLOURS[lane % len(COLOURS)]))
                if value:
                    painter.setPen(text_colour)
                    painter.drawText(QRectF(label_w + width + 4, rect.y() - 3, 50,
                                            lane_h + 4), Qt.AlignmentFlag.AlignVCenter,
                                     f"{value:g}")
        painter.end()
