"""The commune halls linked to a provincial session: link state and people present."""

from __future__ import annotations

from typing import Any

from meetingroom.ui.models.list_models import RowsModel
from meetingroom.ui.qt import (
    QCoreApplication,
    QEvent,
    QGroupBox,
    QListView,
    QVBoxLayout,
    QWidget,
)
from meetingroom.ui.session import LiveMeeting


def room_line(room: dict[str, Any]) -> str:
    up = room.get("link") == "up"
    state = (QCoreApplication.translate("RoomsPanel", "kết nối tốt") if up else
             QCoreApplication.translate("RoomsPanel", "MẤT KẾT NỐI"))
    waiting = int(room.get("pending") or 0)
    extra = QCoreApplication.translate("RoomsPanel", ", {n} thao tác chờ").format(n=waiting) \
        if waiting else ""
    return QCoreApplication.translate(
        "RoomsPanel", "{icon} {hall}: {state}, có mặt {present}, {laptops} máy{extra}").format(
        icon="●" if up else "⚠", hall=room.get("hall", ""), state=state,
        present=room.get("present", 0), laptops=room.get("laptops", 0), extra=extra)


class RoomsPanel(QGroupBox):
    """Hidden until a hall links; attendance and quorum already count every hall."""

    def __init__(self, session: LiveMeeting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = RowsModel(room_line, self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        session.changed.connect(self._on_changed)
        self.refresh()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("RoomsPanel", "Điểm cầu"))
        self.list.setAccessibleName(QCoreApplication.translate("RoomsPanel",
                                                               "Các điểm cầu đang nối"))
        rows = self.model.rowCount()
        if rows:  # each hall's line is worded when shown
            self.model.dataChanged.emit(self.model.index(0, 0), self.model.index(rows - 1, 0))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_changed(self, parts: object) -> None:
        if isinstance(parts, set) and "rooms" in parts:
            self.refresh()

    def refresh(self) -> None:
        rooms = sorted(self.session.rooms.values(), key=lambda r: str(r.get("hall", "")))
        self.model.set_rows(rooms)
        self.setVisible(bool(rooms))
