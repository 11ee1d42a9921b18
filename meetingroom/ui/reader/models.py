"""Qt models feeding the reader's side panels: thumbnails, search hits, outline."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from meetingroom.core.pdf.document import SearchHit
from meetingroom.core.pdf.outline import OutlineEntry
from meetingroom.ui.qt import (
    QAbstractListModel,
    QCoreApplication,
    QImage,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStandardItem,
    QStandardItemModel,
    Qt,
)

#: Role carrying the 0-based page number, the one thing views act on.
PAGE_ROLE = int(Qt.ItemDataRole.UserRole) + 1

_Index = QModelIndex | QPersistentModelIndex


def _page_label(page: int) -> str:
    return QCoreApplication.translate("Reader", "Trang %1").replace("%1", str(page + 1))


class ThumbnailModel(QAbstractListModel):
    """One row per page; the image is asked for the first time a view shows the row.

    Views only call ``data`` for rows they paint, so a 500-page document
    renders thumbnails lazily as the user scrolls the sidebar.
    """

    def __init__(
        self, request: Callable[[int], None] | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._count = 0
        self._images: dict[int, QImage] = {}
        self._requested: set[int] = set()
        self._request = request

    def reset(self, page_count: int) -> None:
        self.beginResetModel()
        self._count = page_count
        self._images.clear()
        self._requested.clear()
        self.endResetModel()

    def set_thumbnail(self, page: int, image: QImage) -> None:
        if 0 <= page < self._count:
            self._images[page] = image
            index = self.index(page, 0)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._count

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._count:
            return None
        page = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return str(page + 1)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _page_label(page)
        if role == PAGE_ROLE:
            return page
        if role == Qt.ItemDataRole.DecorationRole:
            image = self._images.get(page)
            if image is None and self._request is not None and page not in self._requested:
                self._requested.add(page)
                self._request(page)
            return image
        return None


class SearchHitModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []

    def hits(self) -> list[SearchHit]:
        return list(self._hits)

    def clear(self) -> None:
        self.beginResetModel()
        self._hits = []
        self.endResetModel()

    def append(self, hits: Sequence[SearchHit]) -> None:
        """Results arrive in slices; appending keeps the user's place in the list."""
        if not hits:
            return
        first = len(self._hits)
        self.beginInsertRows(QModelIndex(), first, first + len(hits) - 1)
        self._hits.extend(hits)
        self.endInsertRows()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{_page_label(hit.page)}: {hit.context}"
        if role == PAGE_ROLE:
            return hit.page
        return None


class OutlineModel(QStandardItemModel):
    """The bookmarks as a tree; levels come flattened from :mod:`meetingroom.core.pdf.outline`."""

    def set_entries(self, entries: Sequence[OutlineEntry]) -> None:
        self.clear()
        parents: list[QStandardItem] = [self.invisibleRootItem()]
        for entry in entries:
            item = QStandardItem(entry.title)
            item.setEditable(False)
            item.setData(entry.page, PAGE_ROLE)
            if entry.page >= 0:
                item.setToolTip(_page_label(entry.page))
            del parents[entry.level :]
            parents[-1].appendRow(item)
            parents.append(item)
