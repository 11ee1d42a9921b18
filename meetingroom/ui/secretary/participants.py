"""Participants: invite from the body's members, add guests by username, roles and seats,
and import a list from CSV or XLSX with a preview of every row's problems."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from meetingroom.core.participants_file import ListFileError, read_participants
from meetingroom.laptop.meeting_store import Part
from meetingroom.ui.names import name_key
from meetingroom.ui.qt import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from meetingroom.ui.refusals import list_file_text
from meetingroom.ui.secretary.requests import Requests
from meetingroom.ui.secretary.section import Section
from meetingroom.ui.secretary.tables import ROW_ROLE, ImportPreviewTable, ParticipantsTable
from meetingroom.ui.secretary.texts import ROLES, role_name, tr


def _button(name: str, parent: QWidget) -> QPushButton:
    button = QPushButton(parent)
    button.setObjectName(name)
    return button


def _role_box(parent: QWidget, default: str = "delegate") -> QComboBox:
    box = QComboBox(parent)
    for role in ROLES:
        box.addItem(role_name(role), role)
    box.setCurrentIndex(box.findData(default))
    return box


def _word_roles(box: QComboBox) -> None:
    for i in range(box.count()):
        box.setItemText(i, role_name(str(box.itemData(i))))


def _table(model: Any, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.verticalHeader().setVisible(False)
    return view


class ParticipantsSection(Section):
    def __init__(self, requests: Requests, parent: QWidget | None = None) -> None:
        super().__init__(requests, parent)
        self.members: list[dict[str, Any]] = []
        self._bodies_for: int | None = None

        # --- the body's members and guests ------------------------------------------------
        self.member_list = QListWidget(self)
        self.member_list.setObjectName("body_members")
        self.invite_role = _role_box(self)
        self.invite_button = _button("invite_members", self)
        self.invite_button.clicked.connect(lambda: self.invite_checked())
        self.guest_username = QLineEdit(self)
        self.guest_username.setObjectName("guest_username")
        self.guest_seat = QLineEdit(self)
        self.guest_seat.setMaxLength(32)
        self.guest_button = _button("add_guest", self)
        self.guest_button.clicked.connect(lambda: self.add_by_username(
            self.guest_username.text(), "guest", self.guest_seat.text()))
        self.members_box = members_box = QGroupBox(self)
        members_layout = QVBoxLayout(members_box)
        members_layout.addWidget(self.member_list, 1)
        row = QHBoxLayout()
        self.role_label = QLabel(self)
        row.addWidget(self.role_label)
        row.addWidget(self.invite_role)
        row.addWidget(self.invite_button, 1)
        members_layout.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(self.guest_username, 2)
        row.addWidget(self.guest_seat, 1)
        row.addWidget(self.guest_button)
        members_layout.addLayout(row)

        # --- the participants ------------------------------------------------------------
        self.participants = ParticipantsTable(self)
        self.participant_view = _table(self.participants, self)
        self.participant_view.setObjectName("participants")
        self.participant_view.selectionModel().currentRowChanged.connect(
            lambda *_a: self._chosen())
        self.edit_role = _role_box(self)
        self.edit_seat = QLineEdit(self)
        self.edit_seat.setObjectName("participant_seat")
        self.edit_seat.setMaxLength(32)
        self.update_button = _button("participant_update", self)
        self.remove_button = _button("participant_remove", self)
        self.update_button.clicked.connect(lambda: self.update_selected())
        self.remove_button.clicked.connect(lambda: self.remove_selected())
        self.count_label = QLabel(self)
        self.list_box = list_box = QGroupBox(self)
        list_layout = QVBoxLayout(list_box)
        list_layout.addWidget(self.count_label)
        list_layout.addWidget(self.participant_view, 1)
        row = QHBoxLayout()
        row.addWidget(self.edit_role)
        row.addWidget(self.edit_seat)
        row.addWidget(self.update_button)
        row.addWidget(self.remove_button)
        list_layout.addLayout(row)

        # --- import from a file ----------------------------------------------------------
        self.preview = ImportPreviewTable(self)
        self.preview_view = _table(self.preview, self)
        self.preview_view.setObjectName("import_preview")
        self.import_file_button = _button("import_file", self)
        self.import_file_button.clicked.connect(lambda: self._pick_file())
        self.import_summary = QLabel(self)
        self.import_summary.setObjectName("import_summary")
        self.import_summary.setWordWrap(True)
        self.apply_button = _button("import_apply", self)
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(lambda: self.apply_import())
        self.import_box = import_box = QGroupBox(self)
        import_layout = QVBoxLayout(import_box)
        row = QHBoxLayout()
        row.addWidget(self.import_file_button)
        row.addWidget(self.import_summary, 1)
        row.addWidget(self.apply_button)
        import_layout.addLayout(row)
        import_layout.addWidget(self.preview_view, 1)

        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(members_box)
        top.addWidget(list_box)
        top.setSizes([420, 680])
        whole = QSplitter(Qt.Orientation.Vertical, self)
        whole.addWidget(top)
        whole.addWidget(import_box)
        whole.setSizes([520, 300])
        layout = QVBoxLayout(self)
        layout.addWidget(whole)
        #: How the import summary is worded now (again on a language change).
        self._summary: Callable[[], str] = str
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.invite_button.setText(tr("Mời những người đã chọn"))
        self.guest_username.setPlaceholderText(tr("Tên đăng nhập của khách mời"))
        self.guest_seat.setPlaceholderText(tr("Chỗ ngồi"))
        self.guest_button.setText(tr("Thêm khách mời"))
        self.members_box.setTitle(tr("Thành viên của cơ quan"))
        self.role_label.setText(tr("Vai trò"))
        self.edit_seat.setPlaceholderText(tr("Chỗ ngồi"))
        self.update_button.setText(tr("Lưu vai trò, chỗ ngồi"))
        self.remove_button.setText(tr("Bỏ khỏi cuộc họp"))
        self.list_box.setTitle(tr("Thành phần tham dự"))
        self.import_file_button.setText(tr("Chọn tệp CSV / XLSX…"))
        self.import_box.setTitle(tr("Nhập danh sách từ tệp"))
        # Worded from the data: roles, the tables, the count, the members, the import.
        for box in (self.invite_role, self.edit_role):
            _word_roles(box)
        self.participants.retranslate()
        self.preview.retranslate()
        if self.count_label.text():
            self._word_count()
        self._word_members()
        self._word_apply()
        self._say_summary(self._summary)

    def _say_summary(self, words: Callable[[], str]) -> None:
        self._summary = words
        self.import_summary.setText(words())

    # --- the body's members -------------------------------------------------------------

    def _bodies(self, result: dict[str, Any] | None, error: str) -> None:
        if result is None:
            self.say(error)
            return
        body_id = self.state.body.get("id")
        body: dict[str, Any] = next(
            (b for b in result.get("bodies", []) if b["id"] == body_id), {})
        self.members = sorted(body.get("members", []), key=lambda m: name_key(m["full_name"]))
        self._fill_members()

    def _member_text(self, member: dict[str, Any]) -> str:
        text = str(member["full_name"])
        if member.get("position"):
            text += f" — {member['position']}"
        if int(member["user_id"]) in self.state.participants:
            text += tr(" (đã mời)")
        return text

    def _word_members(self) -> None:
        """Word the listed members again, keeping who is ticked."""
        by_id = {int(m["user_id"]): m for m in self.members}
        for row in range(self.member_list.count()):
            entry = self.member_list.item(row)
            member = by_id.get(int(entry.data(Qt.ItemDataRole.UserRole)))
            if member is not None:
                entry.setText(self._member_text(member))

    def _fill_members(self) -> None:
        self.member_list.clear()
        for member in self.members:
            invited = int(member["user_id"]) in self.state.participants
            entry = QListWidgetItem(self._member_text(member))
            entry.setData(Qt.ItemDataRole.UserRole, int(member["user_id"]))
            if invited:
                entry.setFlags(entry.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            else:
                entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                entry.setCheckState(Qt.CheckState.Unchecked)
            self.member_list.addItem(entry)

    def check_member(self, user_id: int, checked: bool = True) -> None:
        for row in range(self.member_list.count()):
            entry = self.member_list.item(row)
            if entry.data(Qt.ItemDataRole.UserRole) == user_id and \
                    entry.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                entry.setCheckState(Qt.CheckState.Checked if checked else
                                    Qt.CheckState.Unchecked)

    def checked_members(self) -> list[int]:
        found = []
        for row in range(self.member_list.count()):
            entry = self.member_list.item(row)
            if entry.checkState() == Qt.CheckState.Checked:
                found.append(int(entry.data(Qt.ItemDataRole.UserRole)))
        return found

    def invite_checked(self) -> None:
        role = str(self.invite_role.currentData())
        chosen = self.checked_members()
        for user_id in chosen:
            self.submit("participant.add", {"user_id": user_id, "role": role})
        if chosen:
            self.say(tr("Đã gửi lời mời {n} người").format(n=len(chosen)))

    def add_by_username(self, username: str, role: str, seat: str = "") -> None:
        """A guest (or anyone with an account) by username: checked and added by the server."""
        username = username.strip()
        if not username:
            return
        row = {"line": 1, "username": username, "role": role, "seat": seat.strip()[:32]}

        def answered(result: dict[str, Any] | None, error: str) -> None:
            if result is None:
                self.say(error)
                return
            errors = [e for r in result.get("rows", []) for e in r.get("errors", [])]
            if errors:
                self.say("; ".join(str(e) for e in errors))
            else:
                self.guest_username.clear()
                self.guest_seat.clear()
                self.say(tr("Đã thêm {name}").format(name=username))

        self.read("participant.import", {"rows": [row], "apply": True}, answered)

    # --- the participants ---------------------------------------------------------------

    @property
    def selected(self) -> dict[str, Any] | None:
        index = self.participant_view.currentIndex()
        row = index.data(ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, dict) else None

    def select_participant(self, user_id: int) -> None:
        for row, person in enumerate(self.participants.rows()):
            if person["user_id"] == user_id:
                self.participant_view.setCurrentIndex(self.participants.index(row, 0))

    def _chosen(self) -> None:
        person = self.selected
        if person is not None:
            self.edit_role.setCurrentIndex(max(self.edit_role.findData(person["role"]), 0))
            self.edit_seat.setText(str(person.get("seat") or ""))

    def update_selected(self) -> None:
        person = self.selected
        if person is not None:
            self.submit("participant.update", {"user_id": person["user_id"],
                                               "role": str(self.edit_role.currentData()),
                                               "seat": self.edit_seat.text().strip()})

    def remove_selected(self) -> None:
        person = self.selected
        if person is not None:
            self.submit("participant.remove", {"user_id": person["user_id"]})

    # --- import -------------------------------------------------------------------------

    def _pick_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, tr("Chọn danh sách"), "", tr("Danh sách (*.csv *.xlsx)"))
        if path:
            self.load_import(Path(path).read_bytes(), Path(path).name)

    def load_import(self, data: bytes, filename: str) -> None:
        """Read the file, show its rows at once, then ask the server to check the good ones."""
        try:
            rows = read_participants(data, filename)
        except ListFileError as exc:
            self.preview.set_rows([])
            reason, params = exc.reason, exc.params
            self._say_summary(lambda: list_file_text(reason, params))
            self._update_apply()
            return
        entries = [{"line": r.line, "username": r.username, "full_name": r.full_name,
                    "role": r.role, "seat": r.seat, "errors": list(r.errors), "ok": False,
                    "checked": bool(r.errors)} for r in rows]
        self.preview.set_rows(entries)
        sendable = [r.as_args() for r in rows if not r.errors]
        if sendable and self.read("participant.import", {"rows": sendable}, self._checked):
            self._say_summary(lambda: tr("Đang kiểm tra {n} dòng với máy chủ…").format(
                n=len(sendable)))
        self._update_apply()

    def _checked(self, result: dict[str, Any] | None, error: str) -> None:
        if result is None:
            self._say_summary(lambda: error)
            return
        by_line = {int(r["line"]): r for r in result.get("rows", [])}
        entries = []
        for entry in self.preview.rows():
            answer = by_line.get(int(entry["line"]))
            if answer is not None:
                entry = {**entry, "errors": entry["errors"] + list(answer.get("errors", [])),
                         "ok": bool(answer.get("ok")), "user_id": answer.get("user_id"),
                         "full_name": answer.get("full_name") or entry["full_name"],
                         "checked": True}
            entries.append(entry)
        self.preview.set_rows(entries)
        self._update_apply()

    @property
    def import_checked(self) -> bool:
        rows = self.preview.rows()
        return bool(rows) and all(r.get("checked") for r in rows)

    def _update_apply(self) -> None:
        good, bad = len(self.preview.good()), len(self.preview.bad())
        self._word_apply()
        self.apply_button.setEnabled(good > 0 and self.import_checked)
        if self.import_checked:
            self._say_summary(lambda: tr("{good} dòng hợp lệ, {bad} dòng có lỗi").format(
                good=good, bad=bad))

    def _word_apply(self) -> None:
        self.apply_button.setText(tr("Nhập {n} người hợp lệ").format(
            n=len(self.preview.good())))

    def apply_import(self) -> None:
        good = [{k: r[k] for k in ("line", "username", "role", "seat")}
                for r in self.preview.good()]
        if not good:
            return
        self.apply_button.setEnabled(False)

        def applied(result: dict[str, Any] | None, error: str) -> None:
            if result is None:
                self._say_summary(lambda: error)
                self._update_apply()
                return
            added, bad = result.get("added", 0), len(self.preview.bad())
            self._say_summary(lambda: tr("Đã nhập {added} người; {bad} dòng bị bỏ qua").format(
                added=added, bad=bad))
            self.say(self.import_summary.text())
            self.preview.set_rows([{**r, "ok": False, "imported": True} if r.get("ok") else r
                                   for r in self.preview.rows()])

        self.read("participant.import", {"rows": good, "apply": True}, applied)

    # --- state --------------------------------------------------------------------------

    def _word_count(self) -> None:
        people = self.participants.rows()
        counts: dict[str, int] = {}
        for person in people:
            counts[person["role"]] = counts.get(person["role"], 0) + 1
        self.count_label.setText(tr("{n} người: {parts}").format(
            n=len(people), parts=", ".join(f"{role_name(r)} {c}" for r, c in counts.items())))

    def refresh(self, parts: set[Part]) -> None:
        if "attendance" in parts or "meeting" in parts:
            order = {"chair": 0, "secretary": 1, "delegate": 2, "guest": 3}
            people = sorted(self.state.participants.values(), key=lambda p: (
                order.get(p["role"], 4), str(p.get("seat") or "~"), name_key(p["full_name"])))
            chosen = self.selected
            self.participants.set_rows(people)
            if chosen is not None:
                self.select_participant(int(chosen["user_id"]))
            self._word_count()
            self._fill_members()
        body_id = self.state.body.get("id")
        if body_id is not None and body_id != self._bodies_for and self.session is not None:
            self._bodies_for = int(body_id)
            self.requests.ask("list_bodies", self._bodies)
        open_meeting = bool(self.state.meeting) and self.state.meeting.get("status") != "closed"
        for widget in (self.invite_button, self.guest_button, self.update_button,
                       self.remove_button, self.import_file_button):
            widget.setEnabled(open_meeting)
