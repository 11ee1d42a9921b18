"""Asks for the password of an encrypted PDF, and says when the last one was wrong."""

from __future__ import annotations

from meetingroom.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class PasswordDialog(QDialog):
    def __init__(self, title: str, *, wrong: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tài liệu có mật khẩu"))
        layout = QVBoxLayout(self)
        prompt = self.tr("Nhập mật khẩu để mở “%1”:").replace("%1", title or "tài liệu")
        layout.addWidget(QLabel(prompt, self))
        self.error_label = QLabel(self.tr("Mật khẩu không đúng, vui lòng thử lại."), self)
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.setVisible(wrong)
        layout.addWidget(self.error_label)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addWidget(self.password_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def password(self) -> str:
        return self.password_edit.text()

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, wrong: bool) -> str | None:
        """Modal prompt; ``None`` when the user cancels."""
        dialog = cls(title, wrong=wrong, parent=parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.password()
            return None
        finally:
            dialog.deleteLater()
