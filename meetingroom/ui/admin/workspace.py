"""The administrators' workspace: bodies, their members and vote rules, and user accounts.

A system administrator sees every body and may create bodies and change their
rules; a unit administrator sees only the bodies they administer and manages
their users and members. The server decides (``admin`` requests); this window
only offers what the caller's scope allows and words the server's answers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from meetingroom.ui.admin.body_dialog import BodyEditDialog
from meetingroom.ui.admin.dialogs import (
    BodyDialog,
    RuleDialog,
    UserDialog,
    kind_name,
    level_name,
)
from meetingroom.ui.admin.member_dialog import MemberDialog
from meetingroom.ui.admin.server_dialog import ServerDialog
from meetingroom.ui.admin.user_import import UserImportDialog
from meetingroom.ui.admin.wording import refusal_text
from meetingroom.ui.bridge import ServerBridge
from meetingroom.ui.names import name_key
from meetingroom.ui.qt import (
    QAbstractItemView,
    QCloseEvent,
    QCoreApplication,
    QDialog,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from meetingroom.ui.screen_fit import fit_to_screen
from meetingroom.ui.secretary.requests import Requests
from meetingroom.ui.secretary.tables import RowsTable

__all__ = ["AdminWorkspace", "BodyDialog", "RuleDialog", "UserDialog"]


def tr(text: str) -> str:
    return QCoreApplication.translate("AdminWorkspace", text)


def fraction(threshold: dict[str, Any]) -> str:
    comparison = tr("hơn") if threshold.get("comparison") == "more_than" else tr("ít nhất")
    return f"{comparison} {threshold.get('numerator')}/{threshold.get('denominator')}"


def _table(model: RowsTable) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    view.verticalHeader().setVisible(False)
    return view


def _selected(view: QTableView, model: RowsTable) -> dict[str, Any] | None:
    rows = view.selectionModel().selectedRows()
    return model.row(rows[0].row()) if rows else None


class AdminWorkspace(QMainWindow):
    """Bodies (details, members, vote rules) and users, for one administrator."""

    def __init__(self, bridge: ServerBridge, scope: dict[str, Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AdminWorkspace")
        self.requests = Requests(bridge, self)
        self.system_admin = bool(scope.get("system_admin"))
        self.bodies: list[dict[str, Any]] = []
        self.body: dict[str, Any] | None = None

        self.bodies_model = RowsTable(lambda: [
            (tr("Cơ quan"), lambda b: b.get("name")),
            (tr("Loại"), lambda b: kind_name(str(b.get("kind", "")))),
            (tr("Cấp"), lambda b: level_name(str(b.get("level", "")))),
            (tr("Tổng số"), lambda b: b.get("total_members")),
        ], self)
        self.bodies_view = _table(self.bodies_model)
        self.bodies_view.selectionModel().selectionChanged.connect(self._body_selected)
        # The dialog opened last (window-modal, never exec'd), for tests and screen readers.
        self.last_dialog: ServerDialog | None = None
        self.add_body_button = QPushButton()
        self.add_body_button.setVisible(self.system_admin)
        self.add_body_button.clicked.connect(self.add_body)
        self.edit_body_button = QPushButton()
        self.edit_body_button.clicked.connect(self.edit_body)
        self.bodies_view.doubleClicked.connect(lambda _i: self.edit_body())
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.bodies_view)
        left_buttons = QHBoxLayout()
        left_buttons.addWidget(self.add_body_button)
        left_buttons.addWidget(self.edit_body_button)
        left_buttons.addWidget(self.refresh_button)
        left_layout.addLayout(left_buttons)

        # details of the selected body
        self.body_title = QLabel()
        self.body_title.setWordWrap(True)
        self.total_label = QLabel()
        self.members_model = RowsTable(lambda: [
            (tr("Họ và tên"), lambda m: m.get("full_name")),
            (tr("Tên đăng nhập"), lambda m: m.get("username")),
            (tr("Chức vụ"), lambda m: m.get("position")),
            (tr("Chỗ ngồi"), lambda m: m.get("seat")),
        ], self)
        self.members_view = _table(self.members_model)
        self.members_view.doubleClicked.connect(lambda _i: self.edit_member())
        self.add_member_button = QPushButton()
        self.add_member_button.clicked.connect(self.add_member)
        self.edit_member_button = QPushButton()
        self.edit_member_button.clicked.connect(self.edit_member)
        self.remove_member_button = QPushButton()
        self.remove_member_button.clicked.connect(self.remove_member)
        self.rules_model = RowsTable(lambda: [
            (tr("Vấn đề"), lambda r: r.get("label")),
            (tr("Ngưỡng"), lambda r: fraction(r.get("threshold", {}))),
            (tr("Bỏ phiếu"), lambda r: tr("Kín") if r.get("ballot") == "secret"
             else tr("Công khai")),
            (tr("Các lựa chọn"), lambda r: "; ".join(r.get("options", []))),
        ], self)
        self.rules_view = _table(self.rules_model)
        self.edit_rule_button = QPushButton()
        self.edit_rule_button.setVisible(self.system_admin)
        self.edit_rule_button.clicked.connect(self.edit_rule)
        self.rules_view.doubleClicked.connect(lambda _i: self.edit_rule())
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.addWidget(self.body_title)
        details_layout.addWidget(self.total_label)
        self.members_label = QLabel()
        details_layout.addWidget(self.members_label)
        details_layout.addWidget(self.members_view)
        member_buttons = QHBoxLayout()
        for button in (self.add_member_button, self.edit_member_button,
                       self.remove_member_button):
            member_buttons.addWidget(button)
        member_buttons.addStretch(1)
        details_layout.addLayout(member_buttons)
        self.rules_label = QLabel()
        details_layout.addWidget(self.rules_label)
        details_layout.addWidget(self.rules_view)
        details_layout.addWidget(self.edit_rule_button)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(details)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([460, 640])

        # users
        self.users_model = RowsTable(lambda: [
            (tr("Tên đăng nhập"), lambda u: u.get("username")),
            (tr("Họ và tên"), lambda u: u.get("full_name")),
            (tr("Trạng thái"), lambda u: tr("Đang dùng") if u.get("is_active", True)
             else tr("Đã khóa")),
        ], self)
        self.users_view = _table(self.users_model)
        self.add_user_button = QPushButton()
        self.add_user_button.clicked.connect(self.add_user)
        self.deactivate_button = QPushButton()
        self.deactivate_button.clicked.connect(lambda: self.set_active(False))
        self.activate_button = QPushButton()
        self.activate_button.clicked.connect(lambda: self.set_active(True))
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.import_users)
        self.reset_button = QPushButton()
        self.reset_button.clicked.connect(self.reset_password)
        self.grant_button = QPushButton()
        self.grant_button.setVisible(self.system_admin)
        self.grant_button.clicked.connect(self.grant_unit_admin)
        users = QWidget()
        users_layout = QVBoxLayout(users)
        users_layout.addWidget(self.users_view)
        user_buttons = QHBoxLayout()
        for button in (self.add_user_button, self.import_button, self.deactivate_button,
                       self.activate_button, self.reset_button, self.grant_button):
            user_buttons.addWidget(button)
        users_layout.addLayout(user_buttons)

        self.tabs = QTabWidget()
        self.tabs.addTab(splitter, "")
        self.tabs.addTab(users, "")
        self.setCentralWidget(self.tabs)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.statusBar().addWidget(self.message, 1)
        #: How the status line and the body's two lines are worded now.
        self._message: Callable[[], str] = str
        self.retranslate()
        fit_to_screen(self, 1100, 700)
        self.refresh()

    # --- language -----------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Quản trị — cơ quan và người dùng"))
        self.bodies_view.setAccessibleName(tr("Danh sách cơ quan"))
        self.add_body_button.setText(tr("Thêm cơ quan…"))
        self.edit_body_button.setText(tr("Sửa cơ quan…"))
        self.refresh_button.setText(tr("Làm mới"))
        self.add_member_button.setText(tr("Thêm thành viên…"))
        self.edit_member_button.setText(tr("Sửa thành viên…"))
        self.remove_member_button.setText(tr("Bỏ khỏi cơ quan…"))
        self.edit_rule_button.setText(tr("Sửa quy tắc…"))
        self.members_label.setText(tr("Thành viên"))
        self.rules_label.setText(tr("Quy tắc biểu quyết"))
        self.users_view.setAccessibleName(tr("Danh sách người dùng"))
        self.add_user_button.setText(tr("Tạo người dùng…"))
        self.deactivate_button.setText(tr("Khóa tài khoản…"))
        self.activate_button.setText(tr("Mở khóa tài khoản"))
        self.import_button.setText(tr("Nhập người dùng từ tệp…"))
        self.reset_button.setText(tr("Đặt lại mật khẩu…"))
        self.grant_button.setText(tr("Giao quản trị cơ quan…"))
        self.grant_button.setToolTip(tr(
            "Người dùng đang chọn quản lý người dùng, thành viên và cuộc họp của cơ quan "
            "đang chọn ở thẻ Cơ quan"))
        self.tabs.setTabText(0, tr("Cơ quan"))
        self.tabs.setTabText(1, tr("Người dùng"))
        # Worded from the data: the tables, the body's lines, the status line.
        for model in (self.bodies_model, self.members_model, self.rules_model,
                      self.users_model):
            model.retranslate()
        self._word_body()
        self._say(self._message)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "_message"):
            self.retranslate()
        super().changeEvent(event)

    def _say(self, words: Callable[[], str]) -> None:
        self._message = words
        self.message.setText(words())

    # --- talking to the server ----------------------------------------------------

    def _admin(self, action: str, args: dict[str, Any], then: Any) -> None:
        def answered(result: dict[str, Any] | None, error: str) -> None:
            if error or result is None:
                self.show_error(error)
                return
            then(result)
        self.requests.ask("admin", answered, action=action, args=args)

    def show_error(self, error: str) -> None:
        self._say(lambda: tr("Không thực hiện được: %1").replace("%1", refusal_text(error)))

    def refresh(self) -> None:
        self._admin("body.list", {}, self._bodies_listed)
        self._admin("user.list", {}, lambda r: self.users_model.set_rows(
            sorted(r.get("users", []), key=lambda u: name_key(u.get("full_name")))))

    def _bodies_listed(self, result: dict[str, Any]) -> None:
        selected = self.body.get("id") if self.body else None
        self.bodies = list(result.get("bodies", []))
        self.bodies_model.set_rows(self.bodies)
        for row, body in enumerate(self.bodies):
            if body.get("id") == selected:
                self.bodies_view.selectRow(row)

    def _body_selected(self) -> None:
        body = _selected(self.bodies_view, self.bodies_model)
        if body is not None:
            self._admin("body.get", {"body_id": body["id"]}, self._show_body)

    def _show_body(self, result: dict[str, Any]) -> None:
        self.body = result.get("body", {})
        self._word_body()
        body = self.body
        self.members_model.set_rows(sorted(body.get("members", []),
                                           key=lambda m: name_key(m.get("full_name"))))
        self.rules_model.set_rows(body.get("vote_rules", []))

    def _word_body(self) -> None:
        body = self.body
        if body is None:
            return
        term = body.get("term") or {}
        parts = [str(body.get("name", "")), kind_name(str(body.get("kind", ""))),
                 level_name(str(body.get("level", "")))]
        if term.get("number"):
            parts.append(tr("nhiệm kỳ %1").replace("%1", str(term["number"])))
        self.body_title.setText(" · ".join(parts))
        total = body.get("total_members", 0)
        how = tr("đặt cố định") if body.get("total_members_explicit") else tr("theo danh sách")
        self.total_label.setText(tr("Tổng số đại biểu (dùng để tính ngưỡng): %1 (%2)")
                                 .replace("%1", str(total)).replace("%2", how))

    # --- actions ------------------------------------------------------------------

    def add_body(self) -> None:
        dialog = BodyDialog(self.bodies, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._admin("body.create", dialog.args(),
                    lambda _r: self._done(lambda: tr("Đã tạo cơ quan.")))

    def _open(self, dialog: ServerDialog, then: Any) -> None:
        """Window-modal, so the server's answer reaches the dialog while it is open."""
        self.last_dialog = dialog
        dialog.accepted.connect(lambda: then(dialog.answer or {}))
        dialog.open()

    def edit_body(self) -> None:
        # The list's row, not ``self.body``: a double-click comes before the details load.
        body = _selected(self.bodies_view, self.bodies_model) or self.body
        if body is None:
            self._say(lambda: tr("Chọn một cơ quan trong danh sách."))
            return
        dialog = BodyEditDialog(self.requests, body, self.bodies,
                                system_admin=self.system_admin, parent=self)
        self._open(dialog, lambda _r: self._done(lambda: tr("Đã lưu cơ quan.")))

    def add_member(self) -> None:
        if self.body is None:
            self._say(lambda: tr("Chọn một cơ quan trong danh sách."))
            return
        dialog = MemberDialog(self.requests, self.body, self.users_model.rows(), parent=self)
        self._open(dialog, lambda _r: self._done(lambda: tr("Đã thêm thành viên.")))

    def edit_member(self) -> None:
        member = _selected(self.members_view, self.members_model)
        if member is None or self.body is None:
            self._say(lambda: tr("Chọn một thành viên trong danh sách."))
            return
        dialog = MemberDialog(self.requests, self.body, [], member, parent=self)
        self._open(dialog, lambda _r: self._done(lambda: tr("Đã lưu thành viên.")))

    def import_users(self) -> None:
        bodies = [b for b in self.bodies if not b.get("read_only")]
        dialog = UserImportDialog(self.requests, bodies, body_required=not self.system_admin,
                                  selected_body=(self.body or {}).get("id"), parent=self)
        # Closing after an import refreshes too: the new accounts appear in the list.
        self.last_dialog = dialog
        def finished(_code: int) -> None:
            done = bool(dialog.passwords or dialog.answer)
            self._done(lambda: tr("Đã nhập người dùng.") if done else "")
        dialog.finished.connect(finished)
        dialog.open()

    def edit_rule(self) -> None:
        rule = _selected(self.rules_view, self.rules_model)
        if rule is None or self.body is None:
            return
        dialog = RuleDialog(rule, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        body_id = int(self.body["id"])
        self._admin("rule.set", dialog.args(body_id),
                    lambda _r: self._reload_body(lambda: tr("Đã lưu quy tắc biểu quyết.")))

    def remove_member(self) -> None:
        member = _selected(self.members_view, self.members_model)
        if member is None or self.body is None:
            return
        if not self._confirm(
            tr("Bỏ khỏi cơ quan"),
            tr("Bỏ %1 khỏi %2? Người này không còn được mời vào các cuộc họp mới của cơ quan.")
            .replace("%1", str(member.get("full_name", ""))).replace("%2",
                                                                   str(self.body.get("name")))):
            return
        self._admin("member.remove", {"body_id": self.body["id"], "user_id": member["user_id"]},
                    lambda _r: self._reload_body(lambda: tr("Đã bỏ thành viên.")))

    def add_user(self) -> None:
        bodies = [b for b in self.bodies if not b.get("read_only")]
        dialog = UserDialog(bodies, body_required=not self.system_admin, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return

        def created(result: dict[str, Any]) -> None:
            user = result.get("user", {})
            QMessageBox.information(
                self, tr("Đã tạo người dùng"),
                tr("Tài khoản %1 đã được tạo. Mật khẩu ban đầu: %2\n"
                   "Hãy trao mật khẩu này cho người dùng; nó không được hiển thị lại.")
                .replace("%1", str(user.get("username", "")))
                .replace("%2", str(result.get("password", ""))))
            self._done(lambda: tr("Đã tạo người dùng."))
        self._admin("user.create", dialog.args(), created)

    def set_active(self, active: bool) -> None:
        user = _selected(self.users_view, self.users_model)
        if user is None:
            return
        if not active and not self._confirm(
            tr("Khóa tài khoản"),
            tr("Khóa tài khoản %1? Người này bị đăng xuất ngay trên mọi máy và không "
               "đăng nhập được nữa cho đến khi được mở khóa.")
            .replace("%1", str(user.get("username", "")))):
            return
        action = "user.activate" if active else "user.deactivate"
        self._admin(action, {"user_id": user["id"]},
                    lambda _r: self._done(lambda: tr("Đã cập nhật tài khoản.")))

    def reset_password(self) -> None:
        user = _selected(self.users_view, self.users_model)
        if user is None:
            return
        if not self._confirm(
            tr("Đặt lại mật khẩu"),
            tr("Đặt lại mật khẩu của %1? Mật khẩu cũ hết hiệu lực và người này bị đăng xuất "
               "trên mọi máy.").replace("%1", str(user.get("username", "")))):
            return

        def reset(result: dict[str, Any]) -> None:
            QMessageBox.information(
                self, tr("Đặt lại mật khẩu"),
                tr("Mật khẩu mới của %1: %2").replace("%1", str(user.get("username", "")))
                .replace("%2", str(result.get("password", ""))))
        self._admin("user.reset_password", {"user_id": user["id"]}, reset)

    def grant_unit_admin(self) -> None:
        user = _selected(self.users_view, self.users_model)
        if user is None or self.body is None:
            self._say(lambda: tr("Chọn một cơ quan ở thẻ Cơ quan và một người dùng."))
            return
        if not self._confirm(
            tr("Giao quản trị cơ quan"),
            tr("Giao cho %1 quản trị %2 (người dùng, thành viên và cuộc họp của cơ quan)?")
            .replace("%1", str(user.get("username", ""))).replace("%2",
                                                                str(self.body.get("name")))):
            return
        self._admin("body_admin.grant", {"body_id": self.body["id"], "user_id": user["id"]},
                    lambda _r: self._done(lambda: tr("Đã giao quyền quản trị cơ quan.")))

    def _confirm(self, title: str, text: str) -> bool:
        """Ask before an irreversible step; Cancel is the default, so Enter changes nothing."""
        answer = QMessageBox.question(
            self, title, text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def _done(self, words: Callable[[], str]) -> None:
        self._say(words)
        self.refresh()

    def _reload_body(self, words: Callable[[], str]) -> None:
        self._say(words)
        if self.body is not None:
            self._admin("body.get", {"body_id": self.body["id"]}, self._show_body)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.requests.close()
        super().closeEvent(event)

