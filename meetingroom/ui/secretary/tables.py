"""Table models of the workspace: participants, the import preview, delegate statistics."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from meetingroom.ui.qt import (
    QAbstractTableModel,
    QBrush,
    QColor,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from meetingroom.ui.refusals import import_problem_text
from meetingroom.ui.secretary.texts import tr

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
Column = tuple[str, Callable[[dict[str, Any]], Any]]


class RowsTable(QAbstractTableModel):
    """Rows of dicts shown through named columns; replaced wholesale on every change.

    ``columns`` may be a function that words them: :meth:`retranslate` (on a language
    change) words the headings again and has the views repaint every cell."""

    def __init__(self, columns: Sequence[Column] | Callable[[], Sequence[Column]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._wording = columns if callable(columns) else None
        self._columns = list(columns() if callable(columns) else columns)
        self._rows: list[dict[str, Any]] = []

    def retranslate(self) -> None:
        if self._wording is not None:
            self._columns = list(self._wording())
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self._rows and self._columns:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(self._columns) - 1))

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[dict[str, Any]]:
        return list(self._rows)

    def row(self, index: int) -> dict[str, Any]:
        return self._rows[index]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section][0]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) \
                or not 0 <= index.column() < len(self._columns):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self._columns[index.column()][1](row)
            return "" if value is None else str(value)
        if role == ROW_ROLE:
            return row
        return self.decorate(row, role)

    def decorate(self, row: dict[str, Any], role: int) -> Any:
        return None


def _role(row: dict[str, Any]) -> str:
    from meetingroom.ui.secretary.texts import role_name

    return role_name(str(row.get("role", "")))


class ParticipantsTable(RowsTable):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(lambda: [(tr("Họ và tên"), lambda r: r["full_name"]),
                                  (tr("Chức vụ"), lambda r: r.get("title", "")),
                                  (tr("Vai trò"), _role),
                                  (tr("Chỗ ngồi"), lambda r: r.get("seat", ""))], parent)


class ImportPreviewTable(RowsTable):
    """Each row of the file: its line, who, and what is wrong with it (red) or "OK"."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(lambda: [(tr("Dòng"), lambda r: r["line"]),
                                  (tr("Tên đăng nhập"), lambda r: r["username"]),
                                  (tr("Họ và tên"), lambda r: r.get("full_name", "")),
                                  (tr("Vai trò"), _role),
                                  (tr("Chỗ ngồi"), lambda r: r.get("seat", "")),
                                  (tr("Kết quả kiểm tra"), self._verdict)], parent)

    @staticmethod
    def _verdict(row: dict[str, Any]) -> str:
        if row.get("errors"):
            return "; ".join(import_problem_text(e) for e in row["errors"])
        return tr("Hợp lệ") if row.get("ok") else tr("Đang kiểm tra…")

    def decorate(self, row: dict[str, Any], role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.get("errors"):
            return QBrush(QColor("#b3261e"))
        return None

    def good(self) -> list[dict[str, Any]]:
        return [r for r in self._rows if r.get("ok") and not r.get("errors")]

    def bad(self) -> list[dict[str, Any]]:
        return [r for r in self._rows if r.get("errors")]


def stat_columns() -> tuple[str, ...]:
    """The columns of the server's statistics sheet, in its order."""
    return (tr("Họ và tên"), tr("Số cuộc họp được mời"), tr("Số lần có mặt"),
            tr("Tỷ lệ tham dự"), tr("Lượt phát biểu"), tr("Lượt chất vấn"),
            tr("Thời gian phát biểu (phút)"), tr("Số lần biểu quyết"))


class StatisticsTable(RowsTable):
    """The server's per-delegate statistics (``report.export`` kind ``delegates``)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(lambda: [(name, _cell(i)) for i, name in enumerate(stat_columns())],
                         parent)


def _cell(i: int) -> Callable[[dict[str, Any]], Any]:
    def value(row: dict[str, Any]) -> Any:
        cells = row["cells"]
        return cells[i] if i < len(cells) else ""
    return value
