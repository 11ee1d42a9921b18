"""Add an existing user to a body, or change a member's position (chức vụ) and seat."""

from __future__ import annotations

from typing import Any

from meetingroom.ui.admin.server_dialog import ServerDialog
from meetingroom.ui.names import name_key
from meetingroom.ui.qt import (
    QComboBox,
    QCompleter,
    QCoreApplication,
    QFormLayout,
    QLabel,
    QLineEdit,
    Qt,
    QWidget,
)
from meetingroom.ui.secretary.requests import Requests
from meetingroom.ui.secretary.texts import form_row, set_label


def tr(text: str) -> str:
    return QCoreApplication.translate("MemberDialog", text)


class MemberDialog(ServerDialog):
    """``member`` None: choose one of ``users`` to add; else edit that member."""

    def __init__(self, requests: Requests, body: dict[str, Any], users: list[dict[str, Any]],
                 member: dict[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(requests, parent)
        self.body = body
        self.member = member
        self.setObjectName("MemberDialog")
        self.form = form = QFormLayout(self)
        self.body_name = QLabel(str(body.get("name", "")))
        form_row(form, self.body_name)
        self.user = QComboBox()
        self.none_label: QLabel | None = None
        if member is None:
            members = {m.get("user_id") for m in body.get("members", [])}
            for user in sorted(users, key=lambda u: name_key(u.get("full_name"))):
                if user.get("id") not in members and user.get("is_active", True):
                    self.user.addItem(f"{user.get('full_name', '')} ({user.get('username', '')})",
                                      user.get("id"))
            # Typing part of a name finds the person among a province's thousands.
            self.user.setEditable(True)
            self.user.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            completer = self.user.completer()
            if completer is not None:
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
                completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            self.user_field: QWidget = self.user
            form_row(form, self.user)
            if not self.user.count():
                self.none_label = QLabel()
                self.none_label.setWordWrap(True)
                form.addRow(self.none_label)
        else:
            self.user_field = QLabel(
                f"{member.get('full_name', '')} ({member.get('username', '')})")
            form_row(form, self.user_field)
        self.position = QLineEdit(str((member or {}).get("position") or ""))
        self.seat = QLineEdit(str((member or {}).get("seat") or ""))
        self.seat.setMaxLength(32)
        form_row(form, self.position)
        form_row(form, self.seat)
        form.addRow(self.error_label)
        form.addRow(self.buttons)
        self.field_widgets = {"user_id": self.user, "position": self.position,
                              "seat": self.seat}
        self.setMinimumWidth(460)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        set_label(self.form, self.body_name, tr("Cơ quan"))
        set_label(self.form, self.user_field, tr("Người dùng"))
        if self.member is None:
            self.setWindowTitle(tr("Thêm thành viên"))
            self.save_button.setText(tr("Thêm"))
        else:
            self.setWindowTitle(tr("Sửa thành viên"))
            self.save_button.setText(tr("Lưu"))
        if self.none_label is not None:
            self.none_label.setText(tr("Không còn người dùng nào để thêm. Tạo người dùng mới ở "
                                       "thẻ Người dùng (Tạo người dùng… hoặc Nhập người dùng "
                                       "từ tệp…)."))
        self.position.setPlaceholderText(tr("ví dụ: Đại biểu, Chủ tịch, Phó Chủ tịch"))
        set_label(self.form, self.position, tr("Chức vụ"))
        set_label(self.form, self.seat, tr("Chỗ ngồi"))

    def chosen_user(self) -> int | None:
        """The listed user whose text is in the box (typing alone chooses nobody)."""
        index = self.user.findText(self.user.currentText())
        data = self.user.itemData(index) if index >= 0 else None
        return int(data) if data is not None else None

    def save(self) -> None:
        args: dict[str, Any] = {"body_id": self.body["id"],
                                "position": self.position.text().strip(),
                                "seat": self.seat.text().strip()}
        if self.member is None:
            user_id = self.chosen_user()
            if user_id is None:
                self.show_error(lambda: tr("Chọn một người dùng trong danh sách."), "user_id")
                return
            self.send("member.add", {**args, "user_id": user_id})
        else:
            # member.update replaces the term too: send the one the member has.
            self.send("member.update", {**args, "user_id": self.member["user_id"],
                                        "term_number": self.member.get("term_number")})
