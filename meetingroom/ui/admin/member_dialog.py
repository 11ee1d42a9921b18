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
        form = QFormLayout(self)
        form.addRow(tr("Cơ quan"), QLabel(str(body.get("name", ""))))
        self.user = QComboBox()
        if member is None:
            self.setWindowTitle(tr("Thêm thành viên"))
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
            form.addRow(tr("Người dùng"), self.user)
            if not self.user.count():
                none = QLabel(tr("Không còn người dùng nào để thêm. Tạo người dùng mới ở thẻ "
                                 "Người dùng (Tạo người dùng… hoặc Nhập người dùng từ tệp…)."))
                none.setWordWrap(True)
                form.addRow(none)
            self.save_button.setText(tr("Thêm"))
        else:
            self.setWindowTitle(tr("Sửa thành viên"))
            form.addRow(tr("Người dùng"), QLabel(
                f"{member.get('full_name', '')} ({member.get('username', '')})"))
            self.save_button.setText(tr("Lưu"))
        self.position = QLineEdit(str((member or {}).get("position") or ""))
        self.position.setPlaceholderText(tr("ví dụ: Đại biểu, Chủ tịch, Phó Chủ tịch"))
        self.seat = QLineEdit(str((member or {}).get("seat") or ""))
        self.seat.setMaxLength(32)
        form.addRow(tr("Chức vụ"), self.position)
        form.addRow(tr("Chỗ ngồi"), self.seat)
        form.addRow(self.error_label)
        form.addRow(self.buttons)
        self.field_widgets = {"user_id": self.user, "position": self.position,
                              "seat": self.seat}
        self.setMinimumWidth(460)

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
                self.show_error(tr("Chọn một người dùng trong danh sách."), "user_id")
                return
            self.send("member.add", {**args, "user_id": user_id})
        else:
            # member.update replaces the term too: send the one the member has.
            self.send("member.update", {**args, "user_id": self.member["user_id"],
                                        "term_number": self.member.get("term_number")})
