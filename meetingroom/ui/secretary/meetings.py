"""Meetings: the list, create / edit / clone, publish and unpublish, invitations.

A meeting with the same title in the same body on the same day (on the body's clock) as one
already listed is usually a second click on "Tạo cuộc họp mới": it is created only
after a warning the secretary answers.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from meetingroom.core.invitations import save_invitations
from meetingroom.core.timezones import in_zone, meeting_zone, now_in_zone
from meetingroom.laptop.meeting_store import Part
from meetingroom.ui.confirm import confirm
from meetingroom.ui.models.list_models import ID_ROLE, RowsModel
from meetingroom.ui.names import name_key
from meetingroom.ui.qt import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from meetingroom.ui.secretary.requests import Requests
from meetingroom.ui.secretary.section import Section
from meetingroom.ui.secretary.texts import (
    form_row,
    local_text,
    set_label,
    set_wall_time,
    status_name,
    tr,
    wall_time,
    wall_time_edit,
    zone_hint,
)


def meeting_line(meeting: dict[str, Any]) -> str:
    """Time on the meeting's body's clock (as the form edits it), title, status."""
    return (f"{local_text(meeting.get('starts_at'), meeting_zone(meeting))} · "
            f"{meeting.get('title', '')} · "
            f"{status_name(str(meeting.get('status', '')))}")


def _button(name: str, parent: QWidget) -> QPushButton:
    button = QPushButton(parent)
    button.setObjectName(name)
    return button


class MeetingsSection(Section):
    meeting_chosen = Signal(int)
    meetings_changed = Signal()

    def __init__(self, requests: Requests, parent: QWidget | None = None) -> None:
        super().__init__(requests, parent)
        self.bodies: list[dict[str, Any]] = []
        self.meetings = RowsModel(meeting_line, self)
        self._filled_for: int | None = None
        self._want: int | None = None
        #: Every meeting the server listed (not only the ones this user prepares).
        self.listed: list[dict[str, Any]] = []

        self.list = QListView(self)
        self.list.setObjectName("meeting_list")
        self.list.setModel(self.meetings)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.activated.connect(lambda index: self._choose(index.data(ID_ROLE)))
        self.list.clicked.connect(lambda index: self._choose(index.data(ID_ROLE)))
        self.refresh_button = _button("meetings_refresh", self)
        self.refresh_button.clicked.connect(lambda: self.reload())

        self.body = QComboBox(self)
        self.body.setObjectName("meeting_body")
        self.body.currentIndexChanged.connect(lambda _index: self._show_zone())
        self.title = QLineEdit(self)
        self.title.setObjectName("meeting_title")
        self.title.setMaxLength(300)
        self.starts = wall_time_edit(self)
        self.starts.setObjectName("meeting_starts")
        set_wall_time(self.starts, (now_in_zone(None) + timedelta(days=7)).replace(
            hour=8, minute=0), None)
        self.location = QLineEdit(self)
        self.location.setObjectName("meeting_location")
        self.location.setMaxLength(200)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("meeting_status")

        self.form = form = QFormLayout()
        for field in (self.body, self.title, self.starts, self.location, self.status_label):
            form_row(form, field)

        self.create_button = _button("meeting_create", self)
        self.clone_button = _button("meeting_clone", self)
        self.save_button = _button("meeting_save", self)
        self.publish_button = _button("meeting_publish", self)
        self.unpublish_button = _button("meeting_unpublish", self)
        self.invite_button = _button("invitations", self)
        self.invite_list_button = _button("invitation_list", self)
        self.create_button.clicked.connect(lambda: self.create_meeting())
        self.clone_button.clicked.connect(lambda: self.create_meeting(clone=True))
        self.save_button.clicked.connect(lambda: self.save())
        self.publish_button.clicked.connect(lambda: self.submit("meeting.publish"))
        self.unpublish_button.clicked.connect(lambda: self.submit("meeting.unpublish"))
        self.invite_button.clicked.connect(lambda: self.ask_invitations(as_list=False))
        self.invite_list_button.clicked.connect(lambda: self.ask_invitations(as_list=True))

        self.box = box = QGroupBox(self)
        box_layout = QVBoxLayout(box)
        box_layout.addLayout(form)
        row = QHBoxLayout()
        for b in (self.create_button, self.clone_button, self.save_button):
            row.addWidget(b)
        row.addStretch(1)
        box_layout.addLayout(row)
        row = QHBoxLayout()
        for b in (self.publish_button, self.unpublish_button, self.invite_button,
                  self.invite_list_button):
            row.addWidget(b)
        row.addStretch(1)
        box_layout.addLayout(row)
        box_layout.addStretch(1)

        left = QVBoxLayout()
        self.list_label = QLabel(self)
        left.addWidget(self.list_label)
        left.addWidget(self.list, 1)
        left.addWidget(self.refresh_button)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addWidget(box, 3)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.refresh_button.setText(tr("Làm mới"))
        self.title.setPlaceholderText(tr("Ví dụ: Kỳ họp thứ Mười ba HĐND tỉnh"))
        set_label(self.form, self.body, tr("Cơ quan"))
        set_label(self.form, self.title, tr("Tên cuộc họp"))
        set_label(self.form, self.starts, tr("Thời gian (giờ của cơ quan)"))
        set_label(self.form, self.location, tr("Địa điểm"))
        set_label(self.form, self.status_label, tr("Trạng thái"))
        self.create_button.setText(tr("Tạo cuộc họp mới"))
        self.clone_button.setText(tr("Nhân bản cuộc họp đang mở"))
        self.clone_button.setToolTip(tr(
            "Tạo cuộc họp mới với chương trình, thành phần và tài liệu của cuộc họp đang mở"))
        self.save_button.setText(tr("Lưu thay đổi"))
        self.publish_button.setText(tr("Phát hành"))
        self.unpublish_button.setText(tr("Hủy phát hành"))
        self.invite_button.setText(tr("In giấy mời từng người…"))
        self.invite_list_button.setText(tr("In danh sách mời…"))
        self.box.setTitle(tr("Thông tin cuộc họp"))
        self.list_label.setText(tr("Các cuộc họp"))
        # Worded from the data: the status, the time zone, each meeting's line.
        status = str(self.state.meeting.get("status", ""))
        self.status_label.setText(status_name(status) if status else "")
        self._show_zone()
        if self.meetings.rowCount():
            self.meetings.dataChanged.emit(self.meetings.index(0, 0),
                                           self.meetings.index(self.meetings.rowCount() - 1, 0),
                                           [Qt.ItemDataRole.DisplayRole])

    # --- loading ------------------------------------------------------------------------

    def reload(self) -> None:
        self.requests.ask("list_bodies", self._bodies)
        self.requests.ask("list_meetings", self._meetings)

    def _bodies(self, result: dict[str, Any] | None, error: str) -> None:
        if result is None:
            self.say(error)
            return
        self.bodies = list(result.get("bodies", []))
        chosen = self.body.currentData()
        self.body.clear()
        for body in self.bodies:
            self.body.addItem(str(body["name"]), int(body["id"]))
        if chosen is not None:
            self.body.setCurrentIndex(max(self.body.findData(chosen), 0))
        self.refresh({"meeting"})

    def _meetings(self, result: dict[str, Any] | None, error: str) -> None:
        if result is None:
            self.say(error)
            return
        self.listed = list(result.get("meetings", []))
        mine = [m for m in self.listed if m.get("role") in ("chair", "secretary", "admin")]
        self.meetings.set_rows(mine)
        self.meetings_changed.emit()
        if self._want is not None and any(m["id"] == self._want for m in mine):
            want, self._want = self._want, None
            self._choose(want)
        self._select(self.meeting_id)

    def body_of(self, body_id: int | None) -> dict[str, Any]:
        return next((b for b in self.bodies if b["id"] == body_id), {})

    def chosen_zone(self) -> str | None:
        """The zone of the body picked in the form: a new meeting's time is typed in it."""
        return self.body_of(self.body.currentData()).get("time_zone")

    def _show_zone(self) -> None:
        wall = self.starts.dateTime().toPython()
        self.starts.setToolTip(zone_hint(self.chosen_zone(),
                                         wall if isinstance(wall, datetime) else None))

    def _choose(self, meeting_id: Any) -> None:
        if meeting_id is not None:
            self.meeting_chosen.emit(int(meeting_id))

    def _select(self, meeting_id: int | None) -> None:
        for row, meeting in enumerate(self.meetings.rows()):
            if meeting["id"] == meeting_id:
                self.list.setCurrentIndex(self.meetings.index(row, 0))

    # --- actions ------------------------------------------------------------------------

    def form_values(self, time_zone: str | None) -> dict[str, Any]:
        """The form, its time read as a wall time in ``time_zone`` (sent as UTC)."""
        return {"title": self.title.text().strip(),
                "starts_at": wall_time(self.starts, time_zone).isoformat(),
                "location": self.location.text().strip()}

    def create_meeting(self, *, clone: bool = False) -> None:
        body_id = self.body.currentData()
        values = self.form_values(self.chosen_zone())
        if body_id is None or not values["title"]:
            self.say(tr("Cần chọn cơ quan và nhập tên cuộc họp"))
            return
        fields: dict[str, Any] = {"body_id": int(body_id), **values}
        if clone:
            if self.meeting_id is None:
                self.say(tr("Mở cuộc họp cần nhân bản trước"))
                return
            fields["clone_of"] = self.meeting_id
        twin = self.same_meeting(int(body_id), values["title"], values["starts_at"],
                                 self.chosen_zone())
        if twin is not None and not confirm(
                self.window(), tr("Cuộc họp trùng tên"),
                tr("{body} đã có cuộc họp “{title}” ngày {day} ({status}). Tạo thêm một cuộc "
                   "họp cùng tên trong cùng ngày?").format(
                    body=self.body.currentText(), title=twin.get("title", ""),
                    day=local_text(twin.get("starts_at"), self.chosen_zone()),
                    status=status_name(str(twin.get("status", "")))),
                tr("Vẫn tạo"), warning=True):
            return
        self.requests.ask("create_meeting", self._created, **fields)
        # Until the list comes back, a second click must meet this one too.
        self.listed.append({"body": {"id": int(body_id)}, "status": "draft", **values})

    def same_meeting(self, body_id: int, title: str, starts_at: str,
                     time_zone: str | None = None) -> dict[str, Any] | None:
        """A listed meeting of this body with this title on the same day (on the body's
        clock), if any."""
        def day(iso: Any) -> object:
            return in_zone(str(iso), time_zone).date() if iso else None

        def words(text: Any) -> str:
            return " ".join(str(text).split()).casefold()

        for meeting in self.listed:
            if ((meeting.get("body") or {}).get("id") == body_id
                    and words(meeting.get("title", "")) == words(title)
                    and day(meeting.get("starts_at")) == day(starts_at)):
                return meeting
        return None

    def _created(self, result: dict[str, Any] | None, error: str) -> None:
        if result is None:
            self.say(error)
            return
        meeting = result["meeting"]
        self.say(tr("Đã tạo cuộc họp: {title}").format(title=meeting["title"]))
        self._want = int(meeting["id"])
        self._filled_for = None
        self.requests.ask("list_meetings", self._meetings)

    def save(self) -> None:
        values = self.form_values(meeting_zone(self.state.meeting))
        if not values["title"]:
            self.say(tr("Tên cuộc họp không được để trống"))
            return
        if self.submit("meeting.update", values):
            self.say(tr("Đã gửi thay đổi"))

    def ask_invitations(self, *, as_list: bool) -> None:
        if not self.state.meeting:
            self.say(self.tr_no_meeting())
            return
        name = "danh-sach-moi" if as_list else "giay-moi"
        path, _filter = QFileDialog.getSaveFileName(
            self, tr("Lưu giấy mời"), f"{name}-{self.meeting_id}.pdf", tr("Tệp PDF (*.pdf)"))
        if path:
            self.save_invitations(Path(path), as_list=as_list)

    def invitees(self) -> list[dict[str, Any]]:
        """Everyone invited but the secretary, chair first, then by seat and name."""
        order = {"chair": 0, "delegate": 1, "guest": 2}
        people = [p for p in self.state.participants.values() if p["role"] != "secretary"]
        return sorted(people, key=lambda p: (order.get(p["role"], 3), str(p.get("seat") or "~"),
                                             name_key(p["full_name"])))

    def save_invitations(self, path: Path, *, as_list: bool = False) -> Path | None:
        people = self.invitees()
        if not people:
            self.say(tr("Chưa có người nào để mời"))
            return None
        meeting = {**self.state.meeting, "body": {**self.state.meeting.get("body", {}),
                                                  **self.state.body}}
        agenda = list(self.state.agenda.values())
        save_invitations(path, meeting, people, agenda, as_list=as_list)
        self.say(tr("Đã lưu giấy mời: {path}").format(path=str(path)))
        return path

    # --- state --------------------------------------------------------------------------

    def refresh(self, parts: set[Part]) -> None:
        meeting = self.state.meeting
        status = str(meeting.get("status", ""))
        self.status_label.setText(status_name(status) if status else "")
        editable = status in ("draft", "published")
        has = bool(meeting)
        self.save_button.setEnabled(has and editable)
        self.clone_button.setEnabled(has)
        self.publish_button.setEnabled(status == "draft")
        self.unpublish_button.setEnabled(status == "published")
        self.invite_button.setEnabled(has)
        self.invite_list_button.setEnabled(has)
        if has and "meeting" in parts and self._filled_for != self.meeting_id:
            self._filled_for = self.meeting_id
            self.title.setText(str(meeting.get("title", "")))
            self.location.setText(str(meeting.get("location", "")))
            if meeting.get("starts_at"):
                set_wall_time(self.starts, str(meeting["starts_at"]), meeting_zone(meeting))
            body_id = (self.state.body or meeting.get("body", {})).get("id")
            if body_id is not None and self.body.findData(body_id) >= 0:
                self.body.setCurrentIndex(self.body.findData(body_id))
        if "meeting" in parts and has:
            rows = self.meetings.rows()
            for row in rows:
                if row["id"] == self.meeting_id:
                    row.update({k: meeting[k] for k in ("title", "status", "starts_at",
                                                        "location") if k in meeting})
            self.meetings.set_rows(rows)
            self._select(self.meeting_id)
