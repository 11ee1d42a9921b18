"""The agenda as the secretary edits it: a three-column tree that takes drag and drop.

A drop does not move anything locally: it asks for ``agenda.move_item`` through
``move_requested``, and the tree is rebuilt when the server's event arrives, so
every client sees the same order.
"""

from __future__ import annotations

from typing import Any

from meetingroom.laptop.meeting_store import MeetingState
from meetingroom.ui.models.agenda_model import AgendaTreeModel
from meetingroom.ui.qt import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from meetingroom.ui.secretary.texts import tr

Index = QModelIndex | QPersistentModelIndex
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMN_COUNT = 4


def column_names() -> tuple[str, ...]:
    return (tr("Nội dung"), tr("Thời lượng (phút)"), tr("Người trình bày"), tr("Tài liệu"))


class AgendaEditModel(AgendaTreeModel):
    move_requested = Signal(int, object, int)  # item id, new parent id or None, position

    def __init__(self, state: MeetingState, parent: QObject | None = None) -> None:
        self._dragged: list[int] = []
        super().__init__(state, parent)

    def use(self, state: MeetingState) -> None:
        """Show another meeting's state (at the next :meth:`refresh`)."""
        self._state = state

    # --- lookups ----------------------------------------------------------------------

    def parent_of(self, item_id: int) -> int | None:
        return self._parent_of.get(item_id)

    def siblings(self, parent_id: int | None) -> list[int]:
        return list(self._rows.get(parent_id, []))

    def _descendants(self, item_id: int) -> set[int]:
        found: set[int] = set()
        pending = [item_id]
        while pending:
            for child in self._rows.get(pending.pop(), []):
                found.add(child)
                pending.append(child)
        return found

    # --- QAbstractItemModel -----------------------------------------------------------

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < COLUMN_COUNT):
            return column_names()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item_id = self.item_id(index)
        if item_id is None or item_id not in self._state.agenda:
            return None
        item = self._state.agenda[item_id]
        if role == ITEM_ID_ROLE:
            return item_id
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return str(item["title"])
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == 0:
            return f"{self.number(item_id)} {item['title']}"
        if column == 1:
            return str(item.get("planned_minutes") or 0)
        if column == 2:
            return str(item.get("presenter") or "")
        if column == 3:
            count = len(self._state.documents_of(item_id))
            return str(count) if count else ""
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled)

    # --- drag and drop ----------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeData(self, indexes: Any) -> Any:  # noqa: N802
        """Remember what is dragged (one item: the first row picked)."""
        ids = [self.item_id(i) for i in indexes if i.isValid() and i.column() == 0]
        self._dragged = [i for i in ids if i is not None][:1]
        return super().mimeData(indexes)

    def _target(self, row: int, parent: Index) -> tuple[int | None, int] | None:
        if len(self._dragged) != 1:
            return None
        item_id = self._dragged[0]
        new_parent = self.item_id(parent)  # any column of a row names the same item
        if new_parent == item_id or new_parent in self._descendants(item_id):
            return None
        siblings = self._rows.get(new_parent, [])
        position = len(siblings) if row < 0 else min(row, len(siblings))
        if item_id in siblings and siblings.index(item_id) < position:
            position -= 1  # the server counts the new siblings without the item itself
        return new_parent, position

    def canDropMimeData(self, data: Any, action: Qt.DropAction, row: int,  # noqa: N802
                        column: int, parent: Index) -> bool:
        return action == Qt.DropAction.MoveAction and self._target(row, parent) is not None

    def dropMimeData(self, data: Any, action: Qt.DropAction, row: int,  # noqa: N802
                     column: int, parent: Index) -> bool:
        if action != Qt.DropAction.MoveAction:
            return False
        target = self._target(row, parent)
        if target is None:
            return False
        item_id = self._dragged[0]
        new_parent, position = target
        if new_parent == self._parent_of.get(item_id) and \
                self._rows[new_parent].index(item_id) == position:
            return False  # dropped where it was
        self.move_requested.emit(item_id, new_parent, position)
        return True

    def drag_item(self, item_id: int) -> Any:
        """What a drag of this item carries (as the view would start it)."""
        return self.mimeData([self.index_of(item_id)])
