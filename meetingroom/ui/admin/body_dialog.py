"""Edit a body: its details, its term and membership, and every setting of its sessions.

Pre-filled from the server's view of the body; only what the person changed is sent, so a
unit administrator (who may change the term and the total membership, nothing else) never
sends a field they may not touch, and per-matter rules nobody touched stay as they are.
"""

from __future__ import annotations

from typing import Any

from meetingroom.ui.admin.server_dialog import ServerDialog
from meetingroom.ui.qt import (
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QDate,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from meetingroom.ui.secretary.requests import Requests
from meetingroom.ui.secretary.texts import form_row, set_label

CONFIDENCE = "confidence"
#: How option labels are typed in one line and shown back.
SEPARATOR = ";"


def tr(text: str) -> str:
    return QCoreApplication.translate("BodyEditDialog", text)


def _date(text: str | None, fallback: QDate) -> QDate:
    parsed = QDate.fromString(text or "", "yyyy-MM-dd")
    return parsed if parsed.isValid() else fallback


def _ordinary_rule(body: dict[str, Any]) -> dict[str, Any]:
    """The first pass/fail rule: what the body-wide labels and tie-break are shown from."""
    return next((r for r in body.get("vote_rules", []) if r.get("matter") != CONFIDENCE), {})


class BodyEditDialog(ServerDialog):
    def __init__(self, requests: Requests, body: dict[str, Any],
                 bodies: list[dict[str, Any]], *, system_admin: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(requests, parent)
        self.body = body
        self.setObjectName("BodyEditDialog")

        # --- details (system administrators only) ---------------------------------
        self.name = QLineEdit(str(body.get("name", "")))
        self.code = QLineEdit(str(body.get("code") or ""))
        self.parent_body = QComboBox()
        self.parent_body.addItem("", None)
        for other in bodies:
            if other.get("id") != body.get("id"):
                self.parent_body.addItem(str(other.get("name", "")), other.get("id"))
        self._upper: int | None = None  # the row of a parent the caller does not see
        if body.get("parent_id") is not None and self.parent_body.findData(body["parent_id"]) < 0:
            # A unit administrator does not see the province their commune belongs to.
            self.parent_body.addItem("", body["parent_id"])
            self._upper = self.parent_body.count() - 1
        self.parent_body.setCurrentIndex(max(0, self.parent_body.findData(body.get("parent_id"))))
        self.time_zone = QLineEdit(str(body.get("time_zone") or "Asia/Ho_Chi_Minh"))
        self.read_only = QCheckBox()
        self.read_only.setChecked(bool(body.get("read_only")))
        self.details = details = QGroupBox()
        self.details_form = form = QFormLayout(details)
        for field in (self.name, self.code, self.parent_body, self.time_zone):
            form_row(form, field)
        form.addRow(self.read_only)

        # --- term and membership (a unit administrator may change these) ----------
        term = body.get("term") or {}
        self.term = QSpinBox()
        self.term.setRange(0, 99)
        self.term.setValue(int(term.get("number") or 0))
        self.term_start = QDateEdit(_date(term.get("start"), QDate(2026, 7, 1)))
        self.term_end = QDateEdit(_date(term.get("end"), QDate(2031, 6, 30)))
        for edit in (self.term_start, self.term_end):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
        self.explicit_total = QCheckBox()
        self.explicit_total.setChecked(bool(body.get("total_members_explicit")))
        self.total = QSpinBox()
        self.total.setRange(1, 100000)
        self.total.setValue(max(1, int(body.get("total_members") or 0)))
        self.total.setEnabled(self.explicit_total.isChecked())
        self.explicit_total.toggled.connect(self.total.setEnabled)
        self.total_row = total_row = QHBoxLayout()
        total_row.addWidget(self.explicit_total)
        total_row.addWidget(self.total)
        self.derived = derived = QLabel()
        self.membership = membership = QGroupBox()
        self.membership_form = form = QFormLayout(membership)
        for spin in (self.term, self.term_start, self.term_end):
            form_row(form, spin)
        form_row(form, total_row)
        form.addRow(derived)

        # --- how sessions run (system administrators only) ------------------------
        quorum = body.get("quorum") or {}
        self.quorum_numerator = QSpinBox()
        self.quorum_numerator.setRange(0, 1000)
        self.quorum_numerator.setValue(int(quorum.get("numerator", 2)))
        self.quorum_denominator = QSpinBox()
        self.quorum_denominator.setRange(1, 1000)
        self.quorum_denominator.setValue(int(quorum.get("denominator", 3)))
        self.quorum_comparison = QComboBox()
        self.quorum_comparison.addItem("", "at_least")
        self.quorum_comparison.addItem("", "more_than")
        self.quorum_comparison.setCurrentIndex(
            max(0, self.quorum_comparison.findData(quorum.get("comparison", "at_least"))))
        self.quorum_row = quorum_row = QHBoxLayout()
        quorum_row.addWidget(self.quorum_comparison)
        quorum_row.addWidget(self.quorum_numerator)
        quorum_row.addWidget(QLabel("/"))
        quorum_row.addWidget(self.quorum_denominator)
        self.of_total = QLabel()
        quorum_row.addWidget(self.of_total)
        quorum_row.addStretch(1)
        self.stand_in = QCheckBox()
        self.stand_in.setChecked(bool(body.get("stand_in_may_vote")))
        self.ballot_change = QCheckBox()
        self.ballot_change.setChecked(bool(body.get("ballot_change_allowed")))
        self.open_tallies = QCheckBox()
        self.open_tallies.setChecked(bool(body.get("show_open_tallies")))
        ordinary = _ordinary_rule(body)
        self.option_labels = QLineEdit(f"{SEPARATOR} ".join(ordinary.get("options", [])))
        self.chair_breaks_tie = QCheckBox()
        self.chair_breaks_tie.setChecked(bool(ordinary.get("chair_breaks_tie")))
        limits = body.get("time_limits") or {}
        self.speech = self._seconds(limits.get("speech", 420))
        self.question = self._seconds(limits.get("question", 180))
        self.reply = self._seconds(limits.get("reply", 120))
        self.sessions = sessions = QGroupBox()
        self.sessions_form = form = QFormLayout(sessions)
        form_row(form, quorum_row)
        form.addRow(self.stand_in)
        form.addRow(self.ballot_change)
        form.addRow(self.open_tallies)
        form_row(form, self.option_labels)
        form.addRow(self.chair_breaks_tie)
        for spin in (self.speech, self.question, self.reply):
            form_row(form, spin)

        self.field_widgets = {
            "name": self.name, "code": self.code, "parent_id": self.parent_body,
            "time_zone": self.time_zone, "term": self.term, "read_only": self.read_only,
            "total_members": self.total, "quorum": self.quorum_numerator,
            "option_labels": self.option_labels, "time_limits": self.speech}
        self.system_admin = system_admin
        self.note = note = QLabel()
        note.setWordWrap(True)
        if not system_admin:
            for group in (details, sessions):
                group.setEnabled(False)
        if body.get("read_only"):
            # The server refuses every change to an archive but taking it out of the archive.
            for widget in (self.name, self.code, self.parent_body, self.time_zone, membership,
                           sessions):
                widget.setEnabled(False)
        note.setVisible(not system_admin or bool(body.get("read_only")))

        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(details)
        left.addWidget(membership)
        left.addStretch(1)
        columns.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(sessions)
        right.addStretch(1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(columns)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.original = self.values()

    def retranslate(self) -> None:
        super().retranslate()
        body = self.body
        self.setWindowTitle(tr("Sửa cơ quan — %1").replace("%1", str(body.get("name", ""))))
        self.save_button.setText(tr("Lưu"))
        self.parent_body.setItemText(0, tr("(không có)"))
        if self._upper is not None:
            self.parent_body.setItemText(self._upper, tr("(cơ quan cấp trên, mã số %1)")
                                         .replace("%1", str(body["parent_id"])))
        self.read_only.setText(tr("Lưu trữ (chỉ đọc, không sửa được nữa)"))
        self.details.setTitle(tr("Thông tin chung"))
        set_label(self.details_form, self.name, tr("Tên"))
        set_label(self.details_form, self.code, tr("Mã"))
        set_label(self.details_form, self.parent_body, tr("Trực thuộc"))
        set_label(self.details_form, self.time_zone, tr("Múi giờ"))
        self.term.setSpecialValueText(tr("(chưa đặt)"))
        self.explicit_total.setText(tr("Đặt cố định (luật tính cả ghế trống)"))
        self.derived.setText(tr("Không đặt: theo danh sách nhiệm kỳ hiện tại (%1 người)")
                             .replace("%1", str(body.get("member_count", 0))))
        self.membership.setTitle(tr("Nhiệm kỳ và tổng số đại biểu"))
        set_label(self.membership_form, self.term, tr("Nhiệm kỳ số"))
        set_label(self.membership_form, self.term_start, tr("Từ ngày"))
        set_label(self.membership_form, self.term_end, tr("Đến ngày"))
        set_label(self.membership_form, self.total_row, tr("Tổng số đại biểu"))
        comparisons = {"at_least": tr("ít nhất"), "more_than": tr("hơn")}
        for i in range(self.quorum_comparison.count()):
            self.quorum_comparison.setItemText(
                i, comparisons[str(self.quorum_comparison.itemData(i))])
        self.of_total.setText(tr("tổng số đại biểu"))
        self.stand_in.setText(tr("Người được ủy quyền được biểu quyết"))
        self.ballot_change.setText(tr("Được đổi phiếu khi biểu quyết chưa kết thúc"))
        self.open_tallies.setText(tr("Hiện số phiếu khi đang biểu quyết công khai"))
        self.option_labels.setToolTip(tr("Ngăn cách bằng dấu chấm phẩy, ví dụ: "
                                         "Đồng ý; Không đồng ý; Ý kiến khác"))
        self.chair_breaks_tie.setText(tr("Khi hòa phiếu, bên có Chủ tọa biểu quyết thắng"))
        self.sessions.setTitle(tr("Họp và biểu quyết"))
        set_label(self.sessions_form, self.quorum_row, tr("Đủ điều kiện họp khi có mặt"))
        set_label(self.sessions_form, self.option_labels, tr("Các lựa chọn biểu quyết"))
        set_label(self.sessions_form, self.speech, tr("Thời gian phát biểu"))
        set_label(self.sessions_form, self.question, tr("Thời gian chất vấn"))
        set_label(self.sessions_form, self.reply, tr("Thời gian trả lời"))
        for box in (self.speech, self.question, self.reply):
            box.setSuffix(tr(" giây"))
        if self.body.get("read_only"):
            self.note.setText(tr("Cơ quan đã lưu trữ: chỉ có thể bỏ lưu trữ."))
        elif not self.system_admin:
            self.note.setText(tr("Bạn quản trị cơ quan này: được sửa nhiệm kỳ và tổng số đại "
                                 "biểu; các mục khác do quản trị hệ thống sửa."))

    @staticmethod
    def _seconds(value: Any) -> QSpinBox:
        box = QSpinBox()
        box.setRange(10, 7200)
        box.setSingleStep(30)
        box.setValue(int(value or 60))
        return box

    def values(self) -> dict[str, Any]:
        """Every field as ``body.update`` spells it."""
        labels = [p.strip() for p in self.option_labels.text().split(SEPARATOR)]
        values: dict[str, Any] = {
            "name": self.name.text().strip(),
            "code": self.code.text().strip() or None,
            "parent_id": self.parent_body.currentData(),
            "time_zone": self.time_zone.text().strip(),
            "read_only": self.read_only.isChecked(),
            "term": ({"number": self.term.value(),
                      "start": self.term_start.date().toString("yyyy-MM-dd"),
                      "end": self.term_end.date().toString("yyyy-MM-dd")}
                     if self.term.value() else None),
            "total_members": self.total.value() if self.explicit_total.isChecked() else 0,
            "quorum": {"numerator": self.quorum_numerator.value(),
                       "denominator": self.quorum_denominator.value(),
                       "comparison": self.quorum_comparison.currentData()},
            "stand_in_may_vote": self.stand_in.isChecked(),
            "ballot_change_allowed": self.ballot_change.isChecked(),
            "show_open_tallies": self.open_tallies.isChecked(),
            "option_labels": [label for label in labels if label],
            "chair_breaks_tie": self.chair_breaks_tie.isChecked(),
            "time_limits": {"speech": self.speech.value(), "question": self.question.value(),
                            "reply": self.reply.value()},
        }
        return values

    def changes(self) -> dict[str, Any]:
        """Only what differs from the body as it was opened (a cleared term stays)."""
        now = self.values()
        changed = {k: v for k, v in now.items() if v != self.original.get(k)}
        if changed.get("term", 0) is None:
            del changed["term"]  # the server keeps a term once set; nothing to send
        if "code" in changed and changed["code"] is None:
            del changed["code"]
        return changed

    def save(self) -> None:
        changes = self.changes()
        if not changes:
            self.finish({"body": self.body})
            return
        if len(changes.get("option_labels", [None, None])) < 2:
            self.show_error(lambda: tr("Cần ít nhất hai lựa chọn biểu quyết, ngăn cách bằng "
                                       "dấu chấm phẩy."), "option_labels")
            return
        self.send("body.update", {"body_id": self.body["id"], **changes})
