"""Reports: attendance, votes and delegate statistics exported as CSV or XLSX, and the
per-delegate statistics shown in the window with a bar chart."""

from __future__ import annotations

import base64
import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from meetingroom.laptop.meeting_store import Part
from meetingroom.ui.qt import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from meetingroom.ui.secretary.chart import Bar, BarChart
from meetingroom.ui.secretary.requests import Requests
from meetingroom.ui.secretary.section import Section
from meetingroom.ui.secretary.tables import StatisticsTable
from meetingroom.ui.secretary.texts import tr


def _number(text: str) -> float:
    try:
        return float(str(text).replace(",", ".").rstrip("%"))
    except ValueError:
        return 0.0


def parse_statistics(data: bytes) -> list[list[str]]:
    """The rows (without the heading) of the server's ``delegates`` CSV."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    return rows[1:]


def _stats_intro() -> str:
    return tr("Thống kê theo từng đại biểu, qua mọi cuộc họp của cơ quan: tỷ lệ tham dự, "
              "phát biểu, chất vấn, biểu quyết")


def _series() -> tuple[str, ...]:
    """The chart's legend."""
    return (tr("Tỷ lệ tham dự (%)"), tr("Lượt phát biểu"), tr("Lượt chất vấn"))


class ReportsSection(Section):
    def __init__(self, requests: Requests, parent: QWidget | None = None) -> None:
        super().__init__(requests, parent)
        self.last_saved: Path | None = None
        self.kind = QComboBox(self)
        self.kind.setObjectName("report_kind")
        for kind in ("all", "attendance", "votes", "delegates"):
            self.kind.addItem("", kind)
        self.format = QComboBox(self)
        self.format.setObjectName("report_format")
        self.format.addItem("", "xlsx")
        self.format.addItem("", "csv")
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("report_export")
        self.export_button.clicked.connect(lambda: self._ask_path())
        self.export_label = QLabel(self)
        self.export_label.setWordWrap(True)
        self.export_box = export_box = QGroupBox(self)
        row = QHBoxLayout(export_box)
        row.addWidget(self.kind, 2)
        row.addWidget(self.format, 1)
        row.addWidget(self.export_button)
        row.addWidget(self.export_label, 2)

        self.statistics = StatisticsTable(self)
        self.table = QTableView(self)
        self.table.setObjectName("statistics_table")
        self.table.setModel(self.statistics)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAlternatingRowColors(True)
        self.chart = BarChart(self)
        self.chart.setObjectName("statistics_chart")
        chart_scroll = QScrollArea(self)
        chart_scroll.setWidgetResizable(True)
        chart_scroll.setWidget(self.chart)
        self.stats_button = QPushButton(self)
        self.stats_button.setObjectName("statistics_refresh")
        self.stats_button.clicked.connect(lambda: self.load_statistics())
        self.stats_label = QLabel(self)
        self.stats_label.setWordWrap(True)
        self.stats_box = stats_box = QGroupBox(self)
        stats_layout = QVBoxLayout(stats_box)
        row2 = QHBoxLayout()
        row2.addWidget(self.stats_label, 1)
        row2.addWidget(self.stats_button)
        stats_layout.addLayout(row2)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(chart_scroll)
        splitter.setSizes([560, 540])
        stats_layout.addWidget(splitter, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(export_box)
        layout.addWidget(stats_box, 1)
        self._stats_for: int | None = None
        #: How the export line and the statistics line are worded now.
        self._export_words: Callable[[], str] = str
        self._stats_words: Callable[[], str] = _stats_intro
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        kinds = {"all": tr("Tất cả (điểm danh, biểu quyết, thống kê)"),
                 "attendance": tr("Điểm danh"), "votes": tr("Kết quả biểu quyết"),
                 "delegates": tr("Thống kê đại biểu")}
        for i in range(self.kind.count()):
            self.kind.setItemText(i, kinds[str(self.kind.itemData(i))])
        formats = {"xlsx": tr("Excel (XLSX)"), "csv": tr("CSV (UTF-8)")}
        for i in range(self.format.count()):
            self.format.setItemText(i, formats[str(self.format.itemData(i))])
        self.export_button.setText(tr("Xuất báo cáo…"))
        self.export_box.setTitle(tr("Xuất báo cáo"))
        self.stats_button.setText(tr("Cập nhật thống kê"))
        self.stats_box.setTitle(tr("Thống kê đại biểu"))
        # Worded from the data: the two lines, the table's headings, the chart's legend.
        self._say_export(self._export_words)
        self._say_stats(self._stats_words)
        self.statistics.retranslate()
        if self.chart.series:
            self.chart.set_data(_series(), self.chart.bars)

    def _say_export(self, words: Callable[[], str]) -> None:
        self._export_words = words
        self.export_label.setText(words())

    def _say_stats(self, words: Callable[[], str]) -> None:
        self._stats_words = words
        self.stats_label.setText(words())

    # --- export -------------------------------------------------------------------------

    def _ask_path(self) -> None:
        kind, fmt = str(self.kind.currentData()), str(self.format.currentData())
        if fmt == "csv" and kind == "all":
            self._say_export(lambda: tr("Tệp CSV chỉ chứa một bảng: chọn một loại báo cáo"))
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, tr("Lưu báo cáo"), f"bao-cao-{kind}-{self.meeting_id}.{fmt}",
            tr("Excel (*.xlsx)") if fmt == "xlsx" else tr("CSV (*.csv)"))
        if path:
            self.export(kind, fmt, Path(path))

    def export(self, kind: str, fmt: str, path: Path) -> None:
        """Ask the server for the report and write it to ``path``."""
        def answered(result: dict[str, Any] | None, error: str) -> None:
            if result is None:
                self._say_export(lambda: error)
                return
            path.write_bytes(base64.b64decode(result["data"]))
            self.last_saved = path
            self._say_export(lambda: tr("Đã lưu {path}").format(path=str(path)))
            self.say(self.export_label.text())

        if self.read("report.export", {"kind": kind, "format": fmt}, answered):
            self._say_export(lambda: tr("Đang xuất báo cáo…"))

    # --- statistics ---------------------------------------------------------------------

    def load_statistics(self) -> None:
        def answered(result: dict[str, Any] | None, error: str) -> None:
            if result is None:
                self._say_stats(lambda: error)
                return
            self.show_statistics(parse_statistics(base64.b64decode(result["data"])))

        self.read("report.export", {"kind": "delegates", "format": "csv"}, answered)

    def show_statistics(self, rows: list[list[str]]) -> None:
        self.statistics.set_rows([{"cells": row} for row in rows])
        bars = [Bar(row[0], (_number(row[3]), _number(row[4]), _number(row[5])))
                for row in rows if len(row) >= 6]
        self.chart.set_data(_series(), bars)

    def refresh(self, parts: set[Part]) -> None:
        has = bool(self.state.meeting)
        self.export_button.setEnabled(has)
        self.stats_button.setEnabled(has)
        if has and self.meeting_id != self._stats_for:
            self._stats_for = self.meeting_id
            self.load_statistics()
