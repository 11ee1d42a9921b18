"""The workspace's simple dialogs: a new body, a new user, one matter's vote rule.

Each is answered with ``exec()`` and its ``args()`` sent by the workspace; the dialogs that
must stay open on a refusal (body_dialog, member_dialog, user_import) save themselves.
Strings keep the workspace's translation context, where they were first written.
"""

from __future__ import annotations

from typing import Any

from meetingroom.ui.admin.worded import WordedDialog
from meetingroom.ui.qt import (
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QDate,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)
from meetingroom.ui.secretary.texts import form_row, set_label

DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh"


def tr(text: str) -> str:
    return QCoreApplication.translate("AdminWorkspace", text)


def answer_buttons(dialog: QDialog, accept: QDialogButtonBox.StandardButton) -> QDialogButtonBox:
    """The dialog's accept button and "Hủy" (worded by :func:`word_buttons`)."""
    buttons = QDialogButtonBox(accept | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def word_buttons(buttons: QDialogButtonBox, accept: QDialogButtonBox.StandardButton,
                 text: str) -> None:
    """The accept button worded ``text`` and "Hủy": Qt ships no Vietnamese for its
    standard buttons, so they would show in English."""
    buttons.button(accept).setText(text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Hủy"))


def kind_name(kind: str) -> str:
    return {"hdnd": tr("HĐND"), "ubnd": tr("UBND")}.get(kind, kind)


def level_name(level: str) -> str:
    return {"tinh": tr("Tỉnh"), "xa": tr("Xã"), "huyen": tr("Huyện (lưu trữ)")}.get(level, level)




class BodyDialog(WordedDialog):
    """A new body: kind, level, name, code, parent, time zone and term."""

    def __init__(self, bodies: list[dict[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = form = QFormLayout(self)
        self.kind = QComboBox()
        for kind in ("hdnd", "ubnd"):
            self.kind.addItem(kind_name(kind), kind)
        self.level = QComboBox()
        for level in ("tinh", "xa"):
            self.level.addItem(level_name(level), level)
        self.name = QLineEdit()
        self.code = QLineEdit()
        self.parent_body = QComboBox()
        self.parent_body.addItem("", None)
        for body in bodies:
            self.parent_body.addItem(str(body.get("name", "")), body.get("id"))
        self.time_zone = QLineEdit(DEFAULT_TIME_ZONE)
        self.term = QSpinBox()
        self.term.setRange(0, 99)
        for field in (self.kind, self.level, self.name, self.code, self.parent_body,
                      self.time_zone):
            form_row(form, field)
        self.term_start = QDateEdit(QDate(2026, 7, 1))
        self.term_end = QDateEdit(QDate(2031, 6, 30))
        for edit in (self.term_start, self.term_end):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
        for spin in (self.term, self.term_start, self.term_end):
            form_row(form, spin)
        self.buttons = answer_buttons(self, QDialogButtonBox.StandardButton.Ok)
        form.addRow(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(tr("Thêm cơ quan"))
        for i in range(self.kind.count()):
            self.kind.setItemText(i, kind_name(str(self.kind.itemData(i))))
        for i in range(self.level.count()):
            self.level.setItemText(i, level_name(str(self.level.itemData(i))))
        self.name.setAccessibleName(tr("Tên cơ quan"))
        self.parent_body.setItemText(0, tr("(không có)"))
        self.term.setSpecialValueText(tr("(chưa đặt)"))
        for field, text in ((self.kind, tr("Loại")), (self.level, tr("Cấp")),
                            (self.name, tr("Tên")), (self.code, tr("Mã")),
                            (self.parent_body, tr("Trực thuộc")),
                            (self.time_zone, tr("Múi giờ")), (self.term, tr("Nhiệm kỳ số")),
                            (self.term_start, tr("Nhiệm kỳ từ ngày")),
                            (self.term_end, tr("Đến ngày"))):
            set_label(self.form, field, text)
        word_buttons(self.buttons, QDialogButtonBox.StandardButton.Ok, tr("Tạo"))

    def args(self) -> dict[str, Any]:
        args: dict[str, Any] = {"kind": self.kind.currentData(), "level": self.level.currentData(),
                                "name": self.name.text().strip(),
                                "time_zone": self.time_zone.text().strip() or DEFAULT_TIME_ZONE}
        if self.code.text().strip():
            args["code"] = self.code.text().strip()
        if self.parent_body.currentData() is not None:
            args["parent_id"] = self.parent_body.currentData()
        if self.term.value():
            args["term"] = {"number": self.term.value(),
                            "start": self.term_start.date().toString("yyyy-MM-dd"),
                            "end": self.term_end.date().toString("yyyy-MM-dd")}
        return args


class UserDialog(WordedDialog):
    """A new account; the server answers with its first password, shown once."""

    def __init__(self, bodies: list[dict[str, Any]], *, body_required: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = form = QFormLayout(self)
        self.username = QLineEdit()
        self.full_name = QLineEdit()
        self.title = QLineEdit()
        self.body = QComboBox()
        if not body_required:
            self.body.addItem("", None)
        for body in bodies:
            self.body.addItem(str(body.get("name", "")), body.get("id"))
        self.position = QLineEdit()
        self.seat = QLineEdit()
        for field in (self.username, self.full_name, self.title, self.body, self.position,
                      self.seat):
            form_row(form, field)
        self.buttons = answer_buttons(self, QDialogButtonBox.StandardButton.Ok)
        form.addRow(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(tr("Tạo người dùng"))
        if self.body.count() and self.body.itemData(0) is None:
            self.body.setItemText(0, tr("(không gắn với cơ quan)"))
        for field, text in ((self.username, tr("Tên đăng nhập")),
                            (self.full_name, tr("Họ và tên")), (self.title, tr("Chức danh")),
                            (self.body, tr("Thành viên của")), (self.position, tr("Chức vụ")),
                            (self.seat, tr("Chỗ ngồi"))):
            set_label(self.form, field, text)
        word_buttons(self.buttons, QDialogButtonBox.StandardButton.Ok, tr("Tạo"))

    def args(self) -> dict[str, Any]:
        args: dict[str, Any] = {"username": self.username.text().strip(),
                                "full_name": self.full_name.text().strip()}
        if self.title.text().strip():
            args["title"] = self.title.text().strip()
        if self.body.currentData() is not None:
            args["body_id"] = self.body.currentData()
            args["position"] = self.position.text().strip()
            args["seat"] = self.seat.text().strip()
        return args


class RuleDialog(WordedDialog):
    """Change one matter's threshold; the server refuses 0 or more than the whole."""

    def __init__(self, rule: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rule = rule
        self.form = form = QFormLayout(self)
        threshold = rule.get("threshold", {})
        self.numerator = QSpinBox()
        self.numerator.setRange(0, 1000)
        self.numerator.setValue(int(threshold.get("numerator", 1)))
        self.denominator = QSpinBox()
        self.denominator.setRange(1, 1000)
        self.denominator.setValue(int(threshold.get("denominator", 2)))
        self.comparison = QComboBox()
        self.comparison.addItem("", "more_than")
        self.comparison.addItem("", "at_least")
        self.comparison.setCurrentIndex(
            max(0, self.comparison.findData(threshold.get("comparison", "more_than"))))
        self.options = QLineEdit("; ".join(rule.get("options", [])))
        self.tie = QCheckBox()
        self.tie.setChecked(bool(rule.get("chair_breaks_tie")))
        self.matter = QLabel(str(rule.get("label", rule.get("matter", ""))))
        for field in (self.matter, self.numerator, self.denominator, self.comparison,
                      self.options):
            form_row(form, field)
        form.addRow(self.tie)
        self.buttons = answer_buttons(self, QDialogButtonBox.StandardButton.Save)
        form.addRow(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(tr("Quy tắc biểu quyết"))
        comparisons = {"more_than": tr("Hơn"), "at_least": tr("Ít nhất")}
        for i in range(self.comparison.count()):
            self.comparison.setItemText(i, comparisons[str(self.comparison.itemData(i))])
        self.options.setToolTip(tr("Ngăn cách bằng dấu chấm phẩy"))
        self.tie.setText(tr("Chủ tọa quyết định khi hòa"))
        for field, text in ((self.matter, tr("Vấn đề")), (self.numerator, tr("Tử số")),
                            (self.denominator, tr("Mẫu số")), (self.comparison, tr("So sánh")),
                            (self.options, tr("Các lựa chọn"))):
            set_label(self.form, field, text)
        word_buttons(self.buttons, QDialogButtonBox.StandardButton.Save, tr("Lưu"))

    def args(self, body_id: int) -> dict[str, Any]:
        rule = self.rule
        return {"body_id": body_id, "matter": rule.get("matter"),
                "threshold": {"numerator": self.numerator.value(),
                              "denominator": self.denominator.value(),
                              "comparison": self.comparison.currentData()},
                "ballot": rule.get("ballot", "open"),
                "options": [o.strip() for o in self.options.text().split(";") if o.strip()],
                "chair_breaks_tie": self.tie.isChecked(),
                "ballot_choosable": bool(rule.get("ballot_choosable"))}
