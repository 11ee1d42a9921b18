"""The roll call and the quorum, with the rule that decides it, as the server computed it.

Not arrived is not absent. Before the session is opened a member who has not checked
in is "Chưa điểm danh" and only those marked absent are "Vắng" (the server's own
``absent``, total minus present, would say "Vắng 51" to a hall that is still filling
up). Once the session is open (and after it), whoever has not checked in is absent:
"Vắng" then counts the marked absences and the not-arrived, naming the latter.
"""

from __future__ import annotations

from typing import Any

from meetingroom.laptop.meeting_store import Part
from meetingroom.ui.chair.panel import Panel, big_label
from meetingroom.ui.chair.shortcuts import plain_button
from meetingroom.ui.chair.texts import quorum_sentence, tr
from meetingroom.ui.models.list_models import ROW_ROLE
from meetingroom.ui.qt import (
    QAbstractItemView,
    QHBoxLayout,
    QItemSelectionModel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)
from meetingroom.ui.session import LiveMeeting

QUORUM_MET = "background:#e8f5e9; color:#1b5e20; padding:6px; border-radius:4px"
QUORUM_NOT_MET = "background:#fdecea; color:#b00020; padding:6px; border-radius:4px"


def counts_line(counts: dict[str, Any], meeting_status: str = "in_progress") -> str:
    """The roll call in one line; its words depend on whether the session has opened."""
    if not counts:
        return ""
    excused = int(counts.get("absent_excused", 0))
    marked = excused + int(counts.get("absent_unexcused", 0))
    not_arrived = int(counts.get("not_arrived", 0))
    numbers = {"present": counts.get("present", 0), "excused": excused,
               "not_arrived": not_arrived, "left": counts.get("left", 0),
               "represented": counts.get("represented", 0)}
    if meeting_status in ("draft", "published"):
        return tr("Có mặt {present} · Chưa điểm danh {not_arrived} · Vắng {absent} (có lý do "
                  "{excused}) · Đã rời {left} · Ủy quyền {represented}").format(
            absent=marked, **numbers)
    return tr("Có mặt {present} · Vắng {absent} (có lý do {excused}, chưa điểm danh "
              "{not_arrived}) · Đã rời {left} · Ủy quyền {represented}").format(
        absent=marked + not_arrived, **numbers)


class AttendanceBoard(Panel):
    def __init__(self, session: LiveMeeting, parent: QWidget | None = None) -> None:
        super().__init__("", session, parent)
        self.quorum_label = big_label(points=1.1, bold=True, parent=self)
        self.quorum_label.setObjectName("quorum")
        self.counts_label = big_label(parent=self)
        self.list = QListView(self)
        self.list.setObjectName("attendance_list")
        self.list.setModel(session.attendance_model)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self._kept: list[int] = []
        self._kept_current: int | None = None
        session.attendance_model.modelAboutToBeReset.connect(self._remember_selection)
        session.attendance_model.modelReset.connect(self._restore_selection)
        self.reason_edit = QLineEdit(self)
        self.check_in_button = plain_button("", "", self.check_in_selected, self)
        self.absent_button = plain_button("", "", self.mark_absent_selected, self)
        self.check_out_button = plain_button("", "", self.check_out_selected, self)
        row = QHBoxLayout()
        row.addWidget(self.check_in_button)
        row.addWidget(self.check_out_button)
        absent = QHBoxLayout()
        absent.addWidget(self.reason_edit, 1)
        absent.addWidget(self.absent_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.quorum_label)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addLayout(absent)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(tr("Điểm danh"))
        self.list.setAccessibleName(tr("Danh sách điểm danh"))
        self.reason_edit.setPlaceholderText(tr("Lý do vắng"))
        self.check_in_button.setText(tr("Điểm danh hộ"))
        self.check_in_button.setToolTip(
            tr("Ghi nhận những người đang chọn có mặt (chọn nhiều người bằng Ctrl hoặc "
               "Shift + nhấp chuột)"))
        self.absent_button.setText(tr("Báo vắng"))
        self.absent_button.setToolTip(
            tr("Ghi nhận những người đang chọn vắng, với lý do bên cạnh"))
        self.check_out_button.setText(tr("Ra về"))
        self.check_out_button.setToolTip(tr("Ghi nhận những người đang chọn đã rời hội trường"))
        if self.state.meeting:
            self.refresh(set())  # the quorum and the counts

    def selected_users(self) -> list[int]:
        """Everyone selected (Ctrl/Shift+click, Ctrl+A), in the list's order."""
        users = self._selected_in_list()
        if not users and self.list.currentIndex().isValid():
            current = self.list.currentIndex().data(ROW_ROLE)
            users = [int(current["user_id"])] if current else []
        return users

    def _selected_in_list(self) -> list[int]:
        selection = self.list.selectionModel()
        rows = sorted(selection.selectedRows(), key=lambda i: i.row()) if selection else []
        return [int(row["user_id"]) for index in rows if (row := index.data(ROW_ROLE))]

    def selected_user(self) -> int | None:
        users = self.selected_users()
        return users[0] if users else None

    def check_in_selected(self) -> None:
        """Check in every selected person: proxies brought in one by one take a click each."""
        for user in self.selected_users():
            self.submit("attendance.check_in", {"user_id": user})

    def check_out_selected(self) -> None:
        for user in self.selected_users():
            self.submit("attendance.check_out", {"user_id": user})

    def mark_absent_selected(self) -> None:
        users = self.selected_users()
        if not users:
            return
        reason = self.reason_edit.text().strip()
        for user in users:
            self.submit("attendance.mark_absent",
                        {"user_id": user, "reason": reason, "excused": bool(reason)})
        self.reason_edit.clear()

    # The model is rebuilt on every check-in in the hall; the chair's selection of
    # several names must outlive that, so it is kept by user id across the reset.

    def _remember_selection(self) -> None:
        self._kept = self._selected_in_list()
        current = self.list.currentIndex().data(ROW_ROLE) if self.list.currentIndex().isValid() \
            else None
        self._kept_current = int(current["user_id"]) if current else None

    def _restore_selection(self) -> None:
        model = self.list.model()
        selection = self.list.selectionModel()
        if model is None or selection is None or not (self._kept or self._kept_current):
            return
        kept = set(self._kept)
        flags = QItemSelectionModel.SelectionFlag
        for n in range(model.rowCount()):
            index = model.index(n, 0)
            user = int(index.data(ROW_ROLE)["user_id"])
            if user == self._kept_current:
                selection.setCurrentIndex(index, flags.NoUpdate)
            if user in kept:
                selection.select(index, flags.Select)

    def refresh(self, parts: set[Part]) -> None:
        summary = self.state.attendance_summary
        quorum = summary.get("quorum") or {}
        self.quorum_label.setText(quorum_sentence(self.state) if quorum
                                  else tr("Chưa có số liệu điểm danh"))
        self.quorum_label.setStyleSheet(QUORUM_MET if quorum.get("met") else QUORUM_NOT_MET)
        rule = quorum.get("rule") or {}
        if rule:
            words = tr("quá") if rule.get("comparison") == "more_than" else tr("ít nhất")
            self.quorum_label.setToolTip(tr("Quy định: {words} {n}/{d} tổng số thành viên "
                                            "({total}), tức {required} người").format(
                words=words, n=rule.get("numerator"), d=rule.get("denominator"),
                total=quorum.get("total_members"), required=quorum.get("required")))
        self.counts_label.setText(counts_line(summary.get("counts") or {},
                                              str(self.state.meeting.get("status", ""))))
        allowed = self.may_run_floor and self.state.meeting.get("status") in (
            "published", "in_progress")
        for button in (self.check_in_button, self.absent_button, self.check_out_button):
            button.setEnabled(allowed)
