"""The agenda tree, with the item under discussion marked so views can follow it."""

from __future__ import annotations

from typing import Any

from meetingroom.laptop.meeting_store import MeetingState
from meetingroom.ui.qt import (
    QAbstractItemModel,
    QFont,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex
CURRENT_ROLE = Qt.ItemDataRole.UserRole + 1
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 2


class AgendaTreeModel(QAbstractItemModel):
    """The agenda's tree index, shared by every agenda model; subclasses add columns
    and data. Rebuilt from the state on every agenda change: agendas are tens of rows,
    and a reset keeps the model trivially consistent with the server's order."""

    def __init__(self, state: MeetingState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._rows: dict[int | None, list[int]] = {}
        self._parent_of: dict[int, int | None] = {}
        self._rebuild()

    def _rebuild(self) -> None:
        self._rows, self._parent_of = self._state.agenda_tree()

    def refresh(self) -> None:
        self.beginResetModel()
        self._rebuild()
        self.endResetModel()

    def item_id(self, index: Index) -> int | None:
        return int(index.internalId()) if index.isValid() else None

    def index_of(self, item_id: int | None, column: int = 0) -> QModelIndex:
        if item_id is None or item_id not in self._parent_of:
            return QModelIndex()
        siblings = self._rows[self._parent_of[item_id]]
        return self.createIndex(siblings.index(item_id), column, item_id)

    def number(self, item_id: int) -> str:
        """"3.2." style numbers, as printed on a paper agenda."""
        parts = []
        node: int | None = item_id
        while node is not None:
            parent = self._parent_of.get(node)
            parts.append(str(self._rows[parent].index(node) + 1))
            node = parent
        return ".".join(reversed(parts)) + "."

    # --- QAbstractItemModel -----------------------------------------------------------

    def index(self, row: int, column: int,
              parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        siblings = self._rows.get(self.item_id(parent), [])
        if not 0 <= column < self.columnCount() or not 0 <= row < len(siblings):
            return QModelIndex()
        return self.createIndex(row, column, siblings[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        item_id = self.item_id(index)
        if item_id is None:
            return QModelIndex()
        return self.index_of(self._parent_of.get(item_id))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._rows.get(self.item_id(parent), []))


class AgendaModel(AgendaTreeModel):
    """One column, with the item under discussion marked so views can follow it."""

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item_id = self.item_id(index)
        if item_id is None or item_id not in self._state.agenda:
            return None
        item = self._state.agenda[item_id]
        current = item_id == self._state.current_item_id
        if role == Qt.ItemDataRole.DisplayRole:
            return self.number(item_id) + " " + str(item["title"])
        if role == Qt.ItemDataRole.ToolTipRole:
            minutes = item.get("planned_minutes") or 0
            presenter = item.get("presenter") or ""
            return "\n".join(part for part in (str(item["title"]), presenter,
                                               f"{minutes} phút" if minutes else "") if part)
        if role == Qt.ItemDataRole.FontRole and current:
            font = QFont()
            font.setBold(True)
            return font
        if role == CURRENT_ROLE:
            return current
        if role == ITEM_ID_ROLE:
            return item_id
        return None
