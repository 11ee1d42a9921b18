"""Flat lists the windows show: meetings, a speaker queue, the roll call, votes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from meetingroom.core.timezones import meeting_start
from meetingroom.laptop.meeting_store import MeetingState
from meetingroom.ui.names import name_key
from meetingroom.ui.qt import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's whole dict
ID_ROLE = Qt.ItemDataRole.UserRole + 2


class RowsModel(QAbstractListModel):
    """A list of dicts with a display function; replaced wholesale when the state moves."""

    def __init__(self, display: Callable[[dict[str, Any]], str],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        self._display = display

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> dict[str, Any]:
        return self._rows[index]

    def rows(self) -> list[dict[str, Any]]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row)
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return row.get("id", row.get("user_id"))
        return None


STATUS_WORDS = {"draft": "Dự thảo", "published": "Sắp diễn ra", "in_progress": "Đang họp",
                "closed": "Đã kết thúc"}


def meeting_line(meeting: dict[str, Any]) -> str:
    when = meeting_start(meeting)
    status = STATUS_WORDS.get(meeting["status"], meeting["status"])
    return f"{when:%d/%m/%Y %H:%M}  ·  {meeting['title']}  ·  {status}"


class MeetingListModel(RowsModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(meeting_line, parent)


class SpeakerQueueModel(RowsModel):
    """One queue (phát biểu or chất vấn) of one item, in the chair's order."""

    def __init__(self, state: MeetingState, queue: str, parent: QObject | None = None) -> None:
        super().__init__(self._line, parent)
        self._state = state
        self.queue = queue

    def _line(self, row: dict[str, Any]) -> str:
        called = (" " + QCoreApplication.translate("SpeakerQueueModel", "(đã mời)")
                  if row["status"] == "called" else "")
        topic = f" — {row['topic']}" if row.get("topic") else ""
        return f"{row['position'] + 1}. {row['full_name']}{topic}{called}"

    def refresh(self) -> None:
        item = self._state.current_item_id
        self.set_rows(self._state.queue(item, self.queue) if item is not None else [])


def attendance_word(attendance: str) -> str:
    """A person's attendance in the window's language."""
    words = {"present": QCoreApplication.translate("AttendanceModel", "Có mặt"),
             "absent": QCoreApplication.translate("AttendanceModel", "Vắng"),
             "left": QCoreApplication.translate("AttendanceModel", "Đã rời"),
             "not_arrived": QCoreApplication.translate("AttendanceModel", "Chưa điểm danh")}
    return words.get(attendance, attendance)


class AttendanceModel(RowsModel):
    def __init__(self, state: MeetingState, parent: QObject | None = None) -> None:
        super().__init__(self._line, parent)
        self._state = state

    def _line(self, row: dict[str, Any]) -> str:
        status = attendance_word(str(row["attendance"]))
        reason = f" ({row['reason']})" if row.get("reason") else ""
        return f"{self._state.name_of(row['user_id'])}: {status}{reason}"

    def refresh(self) -> None:
        self.set_rows(sorted(self._state.attendance.values(),
                             key=lambda r: name_key(self._state.name_of(r["user_id"]))))
