"""Journey: the province's administrator edits a body, its members and imports its users.

From ``launch`` (what `meetingroom client` runs) against a real `meetingroom serve`
process: Quản trị → Cơ quan và người dùng…, then the "Sửa cơ quan…", "Thêm thành viên…",
"Sửa thành viên…" and "Nhập người dùng từ tệp…" dialogs, driven through their widgets and
buttons. A refusal stays in the dialog with what was typed; a file with a bad row imports
nothing until it is fixed. Then the commune's own administrator may edit only their body.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from meetingroom.core.demo_documents import DEMO_PASSWORD
from meetingroom.ui.admin.body_dialog import BodyEditDialog
from meetingroom.ui.admin.member_dialog import MemberDialog
from meetingroom.ui.admin.user_import import UserImportDialog
from meetingroom.ui.admin.workspace import AdminWorkspace
from meetingroom.ui.qt import QDate, QFileDialog, Qt, QWidget
from tests.e2e.test_admin_journey import _click_row, _log_in, _open_admin, _row_of
from tests.helpers.processes import ServerProcess

WAIT = 30_000
OUTPUT = Path(__file__).resolve().parents[2] / "test-output"


def _click(qtbot: QtBot, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _ask(qtbot: QtBot, ws: AdminWorkspace, action: str, **args: Any) -> tuple[Any, str]:
    """A setup step the first journey already drives through its dialogs."""
    answers: list[tuple[Any, str]] = []
    ws.requests.ask("admin", lambda r, e: answers.append((r, e)), action=action, args=args)
    qtbot.waitUntil(lambda: bool(answers), timeout=WAIT)
    return answers[0]


def _select_body(qtbot: QtBot, ws: AdminWorkspace, name: str) -> None:
    qtbot.waitUntil(lambda: _row_of(ws.bodies_view, name) >= 0, timeout=WAIT)
    _click_row(qtbot, ws.bodies_view, _row_of(ws.bodies_view, name))
    qtbot.waitUntil(lambda: ws.body is not None and ws.body.get("name") == name,
                    timeout=WAIT)


def _choose_file(qtbot: QtBot, dialog: UserImportDialog, button: QWidget, path: Path) -> None:
    _click(qtbot, button)
    chooser = dialog.file_dialog
    assert isinstance(chooser, QFileDialog)
    qtbot.waitUntil(chooser.isVisible, timeout=WAIT)
    chooser.selectFile(str(path))
    chooser.accept()


def _write_csv(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([["Tên đăng nhập", "Họ và tên", "Chức vụ", "Chỗ ngồi"],
                                   *rows])


def _shot(widget: QWidget, name: str) -> None:
    OUTPUT.mkdir(exist_ok=True)
    widget.grab().save(str(OUTPUT / name))


def test_admin_edits_a_body_its_members_and_imports_users_and_a_unit_admin_only_theirs(
        qtbot: QtBot, server: ServerProcess, tmp_path: Path) -> None:
    client, main, _user = _log_in(qtbot, tmp_path / "admin", server, "admin", DEMO_PASSWORD)
    try:
        ws = _open_admin(qtbot, main)
        qtbot.waitUntil(lambda: ws.bodies_model.rowCount() >= 1, timeout=WAIT)
        province = ws.bodies_model.row(0)
        result, error = _ask(qtbot, ws, "body.create", kind="hdnd", level="xa",
                             name="HĐND xã Tân Phú", parent_id=province["id"],
                             term={"number": 1, "start": "2026-07-01", "end": "2031-06-30"})
        assert not error, error
        commune = result["body"]
        ws.refresh()

        # --- edit the province's body: a refusal stays in the dialog, then it saves --
        _select_body(qtbot, ws, province["name"])
        _click(qtbot, ws.edit_body_button)
        dialog = ws.last_dialog
        assert isinstance(dialog, BodyEditDialog)
        edit = dialog
        qtbot.waitUntil(dialog.isVisible, timeout=WAIT)
        assert dialog.name.text() == province["name"]
        assert dialog.time_zone.text() == "Asia/Ho_Chi_Minh"
        assert (dialog.quorum_numerator.value(), dialog.quorum_denominator.value()) == (2, 3)
        assert dialog.option_labels.text() == "Tán thành; Không tán thành; Không biểu quyết"
        dialog.quorum_numerator.setValue(0)
        dialog.term.setValue(11)
        dialog.term_start.setDate(QDate(2026, 7, 1))
        dialog.term_end.setDate(QDate(2031, 6, 30))
        _click(qtbot, dialog.save_button)
        qtbot.waitUntil(dialog.error_label.isVisible, timeout=WAIT)
        assert "lớn hơn 0" in dialog.error_label.text(), dialog.error_label.text()
        assert dialog.isVisible(), "the dialog stays open with what was typed"
        assert dialog.term.value() == 11
        _shot(dialog, "admin-body-dialog-refused.png")

        dialog.quorum_numerator.setValue(1)
        dialog.quorum_denominator.setValue(2)
        dialog.quorum_comparison.setCurrentIndex(dialog.quorum_comparison.findData("more_than"))
        dialog.stand_in.setChecked(True)
        # (QTest cannot type Vietnamese letters; a person's typing ends up as this text.)
        dialog.option_labels.setText("Đồng ý; Không đồng ý; Ý kiến khác")
        dialog.chair_breaks_tie.setChecked(True)
        dialog.explicit_total.setChecked(True)
        dialog.total.setValue(52)
        _click(qtbot, dialog.save_button)
        qtbot.waitUntil(lambda: not edit.isVisible(), timeout=WAIT)
        qtbot.waitUntil(lambda: ws.body is not None and ws.body.get("total_members") == 52,
                        timeout=WAIT)
        assert ws.message.text() == "Đã lưu cơ quan."
        saved_body = ws.body
        assert saved_body is not None
        assert saved_body["term"] == {"number": 11, "start": "2026-07-01", "end": "2031-06-30"}
        assert saved_body["quorum"] == {"numerator": 1, "denominator": 2,
                                        "comparison": "more_than"}
        assert saved_body["stand_in_may_vote"] is True
        resolution = next(r for r in saved_body["vote_rules"] if r["matter"] == "resolution")
        assert resolution["options"] == ["Đồng ý", "Không đồng ý", "Ý kiến khác"]
        assert resolution["chair_breaks_tie"] is True
        assert "52" in ws.total_label.text()
        assert "đặt cố định" in ws.total_label.text()

        # --- members of the commune: add an existing user, then edit them -------------
        _select_body(qtbot, ws, "HĐND xã Tân Phú")
        assert "0" in ws.total_label.text()
        _click(qtbot, ws.add_member_button)
        member_dialog = ws.last_dialog
        assert isinstance(member_dialog, MemberDialog)
        qtbot.waitUntil(member_dialog.isVisible, timeout=WAIT)
        delegate = next(u for u in ws.users_model.rows() if u["username"] == "khach01")
        member_dialog.user.setCurrentIndex(member_dialog.user.findData(delegate["id"]))
        member_dialog.position.setText("Đại biểu")
        qtbot.keyClicks(member_dialog.seat, "A01")
        _shot(member_dialog, "admin-member-dialog.png")
        _click(qtbot, member_dialog.save_button)
        qtbot.waitUntil(lambda: ws.members_model.rowCount() == 1, timeout=WAIT)
        qtbot.waitUntil(lambda: "1 (theo danh sách)" in ws.total_label.text(), timeout=WAIT)
        assert ws.members_model.row(0)["seat"] == "A01"

        _click_row(qtbot, ws.members_view, 0)
        _click(qtbot, ws.edit_member_button)
        member_dialog = ws.last_dialog
        assert isinstance(member_dialog, MemberDialog)
        assert member_dialog.position.text() == "Đại biểu"
        member_dialog.position.setText("Chủ tịch HĐND xã")
        member_dialog.seat.setText("A00")
        _click(qtbot, member_dialog.save_button)
        qtbot.waitUntil(lambda: ws.members_model.rowCount() == 1
                        and ws.members_model.row(0)["seat"] == "A00", timeout=WAIT)
        assert ws.members_model.row(0)["position"] == "Chủ tịch HĐND xã"

        # --- import the commune's users from a file with one bad row -----------------
        ws.tabs.setCurrentIndex(1)
        listing = tmp_path / "nguoi-dung.csv"
        _write_csv(listing, [["tanphu.db1", "Lê Văn An", "Đại biểu", "B01"],
                             ["tanphu db2", "Phạm Thị Bình", "Đại biểu", "B02"]])
        _click(qtbot, ws.import_button)
        importer = ws.last_dialog
        assert isinstance(importer, UserImportDialog)
        qtbot.waitUntil(importer.isVisible, timeout=WAIT)
        assert importer.body.currentData() == commune["id"], "the selected body is proposed"
        _choose_file(qtbot, importer, importer.choose_button, listing)
        qtbot.waitUntil(lambda: importer.preview_model.rowCount() == 2, timeout=WAIT)
        bad = importer.preview_model.row(1)
        assert bad["line"] == 3
        assert bad["errors"] == [{"column": "username", "reason": "invalid"}]
        assert importer.preview_model.index(1, 4).data().startswith("Tên đăng nhập: không hợp lệ")
        assert importer.preview_model.index(0, 4).data() == "Tạo tài khoản mới"
        assert importer.preview_model.index(0, 3).data() == "HĐND xã Tân Phú"
        assert not importer.save_button.isEnabled(), "a bad row keeps the import from happening"
        assert "1 dòng có lỗi" in importer.summary.text()
        _shot(importer, "admin-import-preview-error.png")

        _write_csv(listing, [["tanphu.db1", "Lê Văn An", "Đại biểu", "B01"],
                             ["tanphu.db2", "Phạm Thị Bình", "Đại biểu", "B02"]])
        _click(qtbot, importer.recheck_button)
        qtbot.waitUntil(importer.save_button.isEnabled, timeout=WAIT)
        assert [r["errors"] for r in importer.preview_model.rows()] == [[], []]
        _click(qtbot, importer.save_button)
        qtbot.waitUntil(lambda: len(importer.passwords) == 2, timeout=WAIT)
        assert importer.passwords_view.isVisible()
        assert "chỉ hiện MỘT LẦN" in importer.summary.text()
        _shot(importer, "admin-import-passwords.png")
        saved = tmp_path / "mat-khau.csv"
        _choose_file(qtbot, importer, importer.save_passwords_button, saved)
        qtbot.waitUntil(saved.exists, timeout=WAIT)
        with saved.open(encoding="utf-8-sig") as kept:
            lines = list(csv.reader(kept))
        assert [line[0] for line in lines[1:]] == ["tanphu.db1", "tanphu.db2"]
        password = dict((line[0], line[2]) for line in lines[1:])["tanphu.db1"]
        importer.reject()  # Đóng
        qtbot.waitUntil(lambda: _row_of(ws.users_view, "tanphu.db2") >= 0, timeout=WAIT)
        assert _row_of(ws.users_view, "tanphu.db1") >= 0
        _shot(ws, "admin-workspace-users-imported.png")
        ws.tabs.setCurrentIndex(0)
        qtbot.waitUntil(lambda: ws.body is not None and ws.body.get("total_members") == 3,
                        timeout=WAIT)
        _shot(ws, "admin-workspace-bodies-edited.png")

        users = {u["username"]: u["id"] for u in ws.users_model.rows()}
        _result, error = _ask(qtbot, ws, "body_admin.grant", body_id=commune["id"],
                              user_id=users["tanphu.db1"])
        assert not error, error
    finally:
        client.shutdown()
        for window in list(client.main_windows.values()):
            window.close()

    # --- the commune's administrator: their body only, and only its membership ---------
    unit, unit_main, _unit_user = _log_in(qtbot, tmp_path / "unit", server, "tanphu.db1",
                                          password)
    try:
        uws = _open_admin(qtbot, unit_main)
        qtbot.waitUntil(lambda: uws.bodies_model.rowCount() == 1, timeout=WAIT)
        assert uws.bodies_model.row(0)["id"] == commune["id"], "no other body is offered"
        _select_body(qtbot, uws, "HĐND xã Tân Phú")
        rect = uws.bodies_view.visualRect(uws.bodies_model.index(0, 0))
        qtbot.mouseDClick(uws.bodies_view.viewport(), Qt.MouseButton.LeftButton,
                          pos=rect.center())  # a double-click edits, like the button
        dialog = uws.last_dialog
        assert isinstance(dialog, BodyEditDialog)
        unit_edit = dialog
        qtbot.waitUntil(dialog.isVisible, timeout=WAIT)
        assert not dialog.name.isEnabled()
        assert not dialog.quorum_numerator.isEnabled()
        assert dialog.term.isEnabled()
        assert dialog.explicit_total.isEnabled()
        dialog.term.setValue(2)
        dialog.explicit_total.setChecked(True)
        dialog.total.setValue(15)
        _shot(dialog, "admin-body-dialog-unit.png")
        _click(qtbot, dialog.save_button)
        qtbot.waitUntil(lambda: not unit_edit.isVisible(), timeout=WAIT)
        qtbot.waitUntil(lambda: uws.body is not None and uws.body.get("total_members") == 15,
                        timeout=WAIT)
        assert (uws.body or {})["term"]["number"] == 2

        _result, error = _ask(qtbot, uws, "body.update", body_id=province["id"],
                              term={"number": 12})
        assert error, "another body's edit is refused"
        _result, error = _ask(qtbot, uws, "body.update", body_id=commune["id"],
                              quorum={"numerator": 1, "denominator": 2,
                                      "comparison": "at_least"})
        uws.show_error(error)
        assert uws.message.text() == ("Không thực hiện được: Số đại biểu tối thiểu để họp: "
                                      "chỉ quản trị hệ thống được sửa")
    finally:
        unit.shutdown()
        for window in list(unit.main_windows.values()):
            window.close()
