"""The agenda tree: long Vietnamese titles wrap instead of being cut, the current item marked."""

from __future__ import annotations

from meetingroom.ui.models.agenda_model import CURRENT_ROLE
from meetingroom.ui.qt import (
    QAbstractItemView,
    QBrush,
    QColor,
    QFontMetrics,
    QHeaderView,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QResizeEvent,
    QSize,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QTreeView,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex
CURRENT_BACKGROUND = "#ffe8a3"
PADDING = 6


class AgendaItemDelegate(QStyledItemDelegate):
    """Wraps titles to the view's width and marks the item under discussion."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        option.textElideMode = Qt.TextElideMode.ElideNone
        if index.data(CURRENT_ROLE):
            option.backgroundBrush = QBrush(QColor(CURRENT_BACKGROUND))
            option.text = "▶ " + option.text

    def _text_width(self, index: Index) -> int:
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        view = self._view
        indent = view.indentation() * (depth + (1 if view.rootIsDecorated() else 0))
        margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) * 2 + 2
        return max(80, view.viewport().width() - indent - margin - PADDING)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = self._text_width(index)
        bounds = QFontMetrics(opt.font).boundingRect(
            QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap),
            opt.text)
        return QSize(width, bounds.height() + PADDING)


class AgendaView(QTreeView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setItemDelegate(AgendaItemDelegate(self))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()
