"""The commune halls linked to a provincial session: link state and people present."""

from __future__ import annotations

from typing import Any

from meetingroom.ui.models.list_models import RowsModel
from meetingroom.ui.qt import QCoreApplication, QGroupBox, QListView, QVBoxLayout, QWidget
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
        super().__init__(QCoreApplication.translate("RoomsPanel", "Điểm cầu"), parent)
        self.session = session
        self.model = RowsModel(room_line, self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setAccessibleName(QCoreApplication.translate("RoomsPanel",
                                                               "Các điểm cầu đang nối"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        session.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, parts: object) -> None:
        if isinstance(parts, set) and "rooms" in parts:
            self.refresh()

    def refresh(self) -> None:
        rooms = sorted(self.session.rooms.values(), key=lambda r: str(r.get("hall", "")))
        self.model.set_rows(rooms)
        self.setVisible(bool(rooms))
