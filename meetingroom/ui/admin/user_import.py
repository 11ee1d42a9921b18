"""Import users from a CSV or XLSX file: a per-row preview first, then all or nothing.

The file is read here (meetingroom.core.users_file), the server checks every row in a dry run
(``user.import`` with ``dry_run``), and the preview says per row what will happen or what
is wrong. Only a clean preview can be imported; the server imports all rows or none. The
first passwords of new accounts are shown once, with a way to save them to a CSV file.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from meetingroom.core.users_file import UserFileRow, UsersFileError, read_users
from meetingroom.ui.admin.server_dialog import ServerDialog, Words
from meetingroom.ui.admin.wording import problem_text
from meetingroom.ui.qt import (
    QAbstractItemView,
    QBrush,
    QColor,
    QComboBox,
    QCoreApplication,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from meetingroom.ui.secretary.requests import Requests
from meetingroom.ui.secretary.tables import RowsTable
from meetingroom.ui.secretary.texts import form_row, set_label


def tr(text: str) -> str:
    return QCoreApplication.translate("UserImportDialog", text)


def file_problem(code: str) -> str:
    return {
        "unreadable": tr("Không đọc được tệp. Tệp CSV phải mã hóa UTF-8; tệp Excel phải là "
                         ".xlsx."),
        "empty": tr("Tệp không có dòng nào."),
        "no_username_column": tr("Dòng đầu của tệp phải có cột 'Tên đăng nhập' (username)."),
        "too_many_rows": tr("Mỗi lần nhập tối đa 2000 dòng; hãy chia tệp ra."),
    }.get(code, code)


def status_text(row: dict[str, Any]) -> str:
    if row.get("errors"):
        return "; ".join(problem_text(str(e.get("column", "")), str(e.get("reason", "")))
                         for e in row["errors"])
    return {"create": tr("Tạo tài khoản mới"),
            "update": tr("Đã có: cập nhật họ tên, chức danh"),
            "unchanged": tr("Đã có: giữ nguyên")}.get(str(row.get("status")),
                                                      str(row.get("status")))


def _no_file() -> str:
    return tr("Chưa chọn tệp. Cột cần có: Tên đăng nhập, Họ và tên; có thể thêm Chức danh, "
              "Chức vụ, Chỗ ngồi.")


class PreviewTable(RowsTable):
    """Rows in error in red, so they stand out among hundreds."""

    def decorate(self, row: dict[str, Any], role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.get("errors"):
            return QBrush(QColor("#b00020"))
        return None


def _table(model: RowsTable) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().setVisible(False)
    view.setWordWrap(False)
    return view


class UserImportDialog(ServerDialog):
    def __init__(self, requests: Requests, bodies: list[dict[str, Any]], *,
                 body_required: bool, selected_body: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(requests, parent)
        self.setObjectName("UserImportDialog")
        self.save_button.setEnabled(False)
        self.path: Path | None = None
        self.rows: list[UserFileRow] = []
        #: (username, full name, first password) of the accounts the import created.
        self.passwords: list[tuple[str, str, str]] = []

        self.body = QComboBox()
        if not body_required:
            self.body.addItem("", None)
        for body in bodies:
            self.body.addItem(str(body.get("name", "")), body.get("id"))
        if selected_body is not None and self.body.findData(selected_body) >= 0:
            self.body.setCurrentIndex(self.body.findData(selected_body))
        self.body.currentIndexChanged.connect(lambda _i: self.check())
        self.choose_button = QPushButton()
        self.choose_button.clicked.connect(self.choose_file)
        self.recheck_button = QPushButton()
        self.recheck_button.setEnabled(False)
        self.recheck_button.clicked.connect(self.check)
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        file_row = QHBoxLayout()
        file_row.addWidget(self.choose_button)
        file_row.addWidget(self.recheck_button)
        file_row.addWidget(self.file_label, 1)

        self.preview_model = PreviewTable(lambda: [
            (tr("Dòng"), lambda r: r.get("line")),
            (tr("Tên đăng nhập"), lambda r: r.get("username")),
            (tr("Họ và tên"), lambda r: r.get("full_name")),
            (tr("Cơ quan"), lambda r: r.get("body")),
            (tr("Kết quả kiểm tra"), status_text),
        ], self)
        self.preview_view = _table(self.preview_model)
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        self.passwords_model = RowsTable(lambda: [
            (tr("Tên đăng nhập"), lambda r: r.get("username")),
            (tr("Họ và tên"), lambda r: r.get("full_name")),
            (tr("Mật khẩu ban đầu"), lambda r: r.get("password")),
        ], self)
        self.passwords_view = _table(self.passwords_model)
        self.passwords_view.setVisible(False)
        self.save_passwords_button = QPushButton()
        self.save_passwords_button.setVisible(False)
        self.save_passwords_button.clicked.connect(self.choose_password_file)

        self.form = form = QFormLayout()
        form_row(form, self.body)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(file_row)
        layout.addWidget(self.preview_view, 1)
        layout.addWidget(self.passwords_view, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.error_label)
        bottom = QHBoxLayout()
        bottom.addWidget(self.save_passwords_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        # The open/save file windows, kept so a test (or a screen reader) can reach them.
        self.file_dialog: QFileDialog | None = None
        # A clean preview of the file as it is now: only then may Nhập be pressed.
        self.ready = False
        #: How the file line and the summary are worded now (again on a language change).
        self._file_words: Words = _no_file
        self._summary_words: Words = str
        self.retranslate()
        self.resize(860, 520)

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(tr("Nhập người dùng từ tệp"))
        self.save_button.setText(tr("Nhập"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Đóng"))
        if self.body.count() and self.body.itemData(0) is None:
            self.body.setItemText(0, tr("(không gắn với cơ quan)"))
        self.choose_button.setText(tr("Chọn tệp…"))
        self.recheck_button.setText(tr("Đọc lại tệp"))
        self.recheck_button.setToolTip(tr("Sau khi sửa tệp, đọc lại và kiểm tra lại"))
        self.preview_view.setAccessibleName(tr("Xem trước từng dòng"))
        self.save_passwords_button.setText(tr("Lưu mật khẩu ra tệp CSV…"))
        set_label(self.form, self.body, tr("Thành viên của"))
        # Worded from the data: the tables, the file line, the summary.
        self.preview_model.retranslate()
        self.passwords_model.retranslate()
        self._say_file(self._file_words)
        self._say_summary(self._summary_words)

    def _say_file(self, words: Words) -> None:
        self._file_words = words
        self.file_label.setText(words())

    def _say_summary(self, words: Words) -> None:
        self._summary_words = words
        self.summary.setText(words())

    # --- choosing and checking the file -------------------------------------------

    def choose_file(self) -> None:
        dialog = QFileDialog(self, tr("Chọn danh sách người dùng"), str(Path.home()),
                             tr("Bảng tính (*.csv *.xlsx)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda path: self.load(Path(path)))
        self.file_dialog = dialog
        dialog.open()

    def load(self, path: Path) -> None:
        self.path = path
        self.recheck_button.setEnabled(True)
        self._say_file(lambda: str(path))
        self.check()

    def show_error(self, text: str | Words, field: str | None = None) -> None:
        super().show_error(text, field)
        self.save_button.setEnabled(self.ready)

    def check(self) -> None:
        """Read the file again and ask the server for a dry run of every row."""
        self.ready = False
        self.save_button.setEnabled(False)
        self.error_label.setVisible(False)
        if self.path is None or self.passwords:
            return
        try:
            self.rows = read_users(self.path.read_bytes(), self.path.name)
        except OSError as exc:
            reason = exc.strerror or ""
            self._file_failed(lambda: tr("Không mở được tệp: %1").replace("%1", reason))
            return
        except UsersFileError as exc:
            code = exc.code
            self._file_failed(lambda: file_problem(code))
            return
        self._say_summary(lambda: tr("Đang kiểm tra…"))
        self.send("user.import", self._args(dry_run=True), self._previewed)

    def _file_failed(self, text: Words) -> None:
        self.rows = []
        self.preview_model.set_rows([])
        self._say_summary(str)
        self.show_error(text)

    def _args(self, *, dry_run: bool) -> dict[str, Any]:
        args: dict[str, Any] = {"rows": [r.as_args() for r in self.rows], "dry_run": dry_run}
        if self.body.currentData() is not None:
            args["body_id"] = self.body.currentData()
        return args

    def _merged(self, answered: list[dict[str, Any]]) -> list[dict[str, Any]]:
        body = self.body.currentText() if self.body.currentData() is not None else ""
        rows = []
        for row, answer in zip(self.rows, answered, strict=True):
            errors = row.errors + [e for e in answer.get("errors", []) if e not in row.errors]
            rows.append({"line": row.line, "username": row.values.get("username", ""),
                         "full_name": row.values.get("full_name", ""), "body": body,
                         "status": answer.get("status"), "errors": errors,
                         "password": answer.get("password")})
        return rows

    def _previewed(self, result: dict[str, Any]) -> None:
        self.ready = False
        rows = self._merged(list(result.get("rows", [])))
        self.preview_model.set_rows(rows)
        bad = [r for r in rows if r["errors"]]
        if bad:
            self.save_button.setEnabled(False)
            self._say_summary(lambda: tr(
                "%1 dòng có lỗi (tô đỏ). Chưa nhập dòng nào: sửa tệp rồi bấm Đọc lại tệp.")
                .replace("%1", str(len(bad))))
            return
        counts = {s: sum(1 for r in rows if r["status"] == s)
                  for s in ("create", "update", "unchanged")}
        self._say_summary(lambda: tr(
            "%1 dòng hợp lệ: %2 tài khoản mới, %3 cập nhật, %4 giữ nguyên. Bấm Nhập để "
            "nhập tất cả.").replace("%1", str(len(rows))).replace("%2", str(counts["create"]))
            .replace("%3", str(counts["update"])).replace("%4", str(counts["unchanged"])))
        self.ready = bool(rows)
        self.save_button.setEnabled(self.ready)

    # --- importing ------------------------------------------------------------------

    def save(self) -> None:
        if not self.rows:
            return
        self.ready = False
        self.send("user.import", self._args(dry_run=False), self._imported)

    def _imported(self, result: dict[str, Any]) -> None:
        rows = self._merged(list(result.get("rows", [])))
        if not result.get("applied"):
            self._previewed(result)  # something changed since the preview: show why
            return
        self.answer = result
        self.passwords = [(r["username"], r["full_name"], str(r["password"]))
                          for r in rows if r.get("password")]
        self.preview_view.setVisible(False)
        self.passwords_view.setVisible(bool(self.passwords))
        self.passwords_model.set_rows([{"username": u, "full_name": n, "password": p}
                                       for u, n, p in self.passwords])
        self.save_button.setVisible(False)
        for widget in (self.body, self.choose_button, self.recheck_button):
            widget.setEnabled(False)
        self.save_passwords_button.setVisible(bool(self.passwords))

        def text() -> str:
            words = tr("Đã nhập %1 dòng.").replace("%1", str(len(rows)))
            if self.passwords:
                words += " " + tr("Mật khẩu ban đầu của %1 tài khoản mới chỉ hiện MỘT LẦN ở "
                                  "đây: hãy lưu ra tệp hoặc ghi lại trước khi đóng, rồi trao "
                                  "cho từng người.").replace("%1", str(len(self.passwords)))
            return words
        self._say_summary(text)

    def choose_password_file(self) -> None:
        dialog = QFileDialog(self, tr("Lưu mật khẩu ban đầu"),
                             str(Path.home() / "mat-khau-ban-dau.csv"), tr("CSV (*.csv)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("csv")
        dialog.fileSelected.connect(lambda path: self.save_passwords(Path(path)))
        self.file_dialog = dialog
        dialog.open()

    def save_passwords(self, path: Path) -> None:
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow([tr("Tên đăng nhập"), tr("Họ và tên"), tr("Mật khẩu ban đầu")])
        writer.writerows(self.passwords)
        try:
            # utf-8-sig: Excel opens it with the Vietnamese letters intact.
            path.write_text(out.getvalue(), encoding="utf-8-sig")
        except OSError as exc:
            reason = exc.strerror or ""
            self.show_error(lambda: tr("Không lưu được tệp: %1").replace("%1", reason))
            return
        self._say_summary(lambda: tr("Đã lưu mật khẩu vào %1. Hãy giữ tệp này cẩn thận.")
                             .replace("%1", str(path)))
