"""The workspace's simple dialogs: a new body, a new user, one matter's vote rule.

Each is answered with ``exec()`` and its ``args()`` sent by the workspace; the dialogs that
must stay open on a refusal (body_dialog, member_dialog, user_import) save themselves.
Strings keep the workspace's translation context, where they were first written.
"""

from __future__ import annotations

from typing import Any

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

DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh"


def tr(text: str) -> str:
    return QCoreApplication.translate("AdminWorkspace", text)


def answer_buttons(dialog: QDialog, accept: QDialogButtonBox.StandardButton,
                   text: str) -> QDialogButtonBox:
    """The dialog's accept button worded ``text`` and "Hủy": Qt ships no Vietnamese for
    its standard buttons, so they would show in English."""
    buttons = QDialogButtonBox(accept | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(accept).setText(text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Hủy"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def kind_name(kind: str) -> str:
    return {"hdnd": tr("HĐND"), "ubnd": tr("UBND")}.get(kind, kind)


def level_name(level: str) -> str:
    return {"tinh": tr("Tỉnh"), "xa": tr("Xã"), "huyen": tr("Huyện (lưu trữ)")}.get(level, level)




class BodyDialog(QDialog):
    """A new body: kind, level, name, code, parent, time zone and term."""

    def __init__(self, bodies: list[dict[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Thêm cơ quan"))
        form = QFormLayout(self)
        self.kind = QComboBox()
        for kind in ("hdnd", "ubnd"):
            self.kind.addItem(kind_name(kind), kind)
        self.level = QComboBox()
        for level in ("tinh", "xa"):
            self.level.addItem(level_name(level), level)
        self.name = QLineEdit()
        self.name.setAccessibleName(tr("Tên cơ quan"))
        self.code = QLineEdit()
        self.parent_body = QComboBox()
        self.parent_body.addItem(tr("(không có)"), None)
        for body in bodies:
            self.parent_body.addItem(str(body.get("name", "")), body.get("id"))
        self.time_zone = QLineEdit(DEFAULT_TIME_ZONE)
        self.term = QSpinBox()
        self.term.setRange(0, 99)
        self.term.setSpecialValueText(tr("(chưa đặt)"))
        form.addRow(tr("Loại"), self.kind)
        form.addRow(tr("Cấp"), self.level)
        form.addRow(tr("Tên"), self.name)
        form.addRow(tr("Mã"), self.code)
        form.addRow(tr("Trực thuộc"), self.parent_body)
        form.addRow(tr("Múi giờ"), self.time_zone)
        self.term_start = QDateEdit(QDate(2026, 7, 1))
        self.term_end = QDateEdit(QDate(2031, 6, 30))
        for edit in (self.term_start, self.term_end):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
        form.addRow(tr("Nhiệm kỳ số"), self.term)
        form.addRow(tr("Nhiệm kỳ từ ngày"), self.term_start)
        form.addRow(tr("Đến ngày"), self.term_end)
        form.addRow(answer_buttons(self, QDialogButtonBox.StandardButton.Ok, tr("Tạo")))

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


class UserDialog(QDialog):
    """A new account; the server answers with its first password, shown once."""

    def __init__(self, bodies: list[dict[str, Any]], *, body_required: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Tạo người dùng"))
        form = QFormLayout(self)
        self.username = QLineEdit()
        self.full_name = QLineEdit()
        self.title = QLineEdit()
        self.body = QComboBox()
        if not body_required:
            self.body.addItem(tr("(không gắn với cơ quan)"), None)
        for body in bodies:
            self.body.addItem(str(body.get("name", "")), body.get("id"))
        self.position = QLineEdit()
        self.seat = QLineEdit()
        form.addRow(tr("Tên đăng nhập"), self.username)
        form.addRow(tr("Họ và tên"), self.full_name)
        form.addRow(tr("Chức danh"), self.title)
        form.addRow(tr("Thành viên của"), self.body)
        form.addRow(tr("Chức vụ"), self.position)
        form.addRow(tr("Chỗ ngồi"), self.seat)
        form.addRow(answer_buttons(self, QDialogButtonBox.StandardButton.Ok, tr("Tạo")))

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


class RuleDialog(QDialog):
    """Change one matter's threshold; the server refuses 0 or more than the whole."""

    def __init__(self, rule: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rule = rule
        self.setWindowTitle(tr("Quy tắc biểu quyết"))
        form = QFormLayout(self)
        threshold = rule.get("threshold", {})
        self.numerator = QSpinBox()
        self.numerator.setRange(0, 1000)
        self.numerator.setValue(int(threshold.get("numerator", 1)))
        self.denominator = QSpinBox()
        self.denominator.setRange(1, 1000)
        self.denominator.setValue(int(threshold.get("denominator", 2)))
        self.comparison = QComboBox()
        self.comparison.addItem(tr("Hơn"), "more_than")
        self.comparison.addItem(tr("Ít nhất"), "at_least")
        self.comparison.setCurrentIndex(
            max(0, self.comparison.findData(threshold.get("comparison", "more_than"))))
        self.options = QLineEdit("; ".join(rule.get("options", [])))
        self.options.setToolTip(tr("Ngăn cách bằng dấu chấm phẩy"))
        self.tie = QCheckBox(tr("Chủ tọa quyết định khi hòa"))
        self.tie.setChecked(bool(rule.get("chair_breaks_tie")))
        form.addRow(tr("Vấn đề"), QLabel(str(rule.get("label", rule.get("matter", "")))))
        form.addRow(tr("Tử số"), self.numerator)
        form.addRow(tr("Mẫu số"), self.denominator)
        form.addRow(tr("So sánh"), self.comparison)
        form.addRow(tr("Các lựa chọn"), self.options)
        form.addRow(self.tie)
        form.addRow(answer_buttons(self, QDialogButtonBox.StandardButton.Save, tr("Lưu")))

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
