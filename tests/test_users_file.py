"""Reading a list of users to import, from CSV or XLSX, before the server's dry run."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from meetingroom.core.users_file import UsersFileError, read_users


def _xlsx(rows: list[list[str]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_xlsx_columns_by_heading_in_any_order_with_lines_and_length_errors() -> None:
    data = _xlsx([["Chỗ ngồi", "Họ và tên", "Tên đăng nhập", "Chức vụ", "Ghi chú"],
                  ["A1", "Lê Văn An", "an.le", "Đại biểu", "x"],
                  ["", "", "", "", ""],
                  ["A2", "Dài", "u" * 65, "", ""]])
    rows = read_users(data, "danh-sach.XLSX")
    assert [r.line for r in rows] == [2, 4]
    assert rows[0].as_args() == {"username": "an.le", "full_name": "Lê Văn An", "title": "",
                                 "position": "Đại biểu", "seat": "A1"}
    assert rows[1].errors == [{"column": "username", "reason": "too_long"}]
    assert len(rows[1].as_args()["username"]) == 64, "cut so the request stays valid"


def test_csv_with_semicolons_and_a_bom() -> None:
    data = "\ufeffusername;full name;title\nb.tran;Trần B;Chuyên viên\n".encode()
    rows = read_users(data, "users.csv")
    assert rows[0].values == {"username": "b.tran", "full_name": "Trần B",
                              "title": "Chuyên viên"}


@pytest.mark.parametrize(("data", "name", "code"), [
    (b"", "a.csv", "empty"),
    ("Họ và tên\nAn\n".encode(), "a.csv", "no_username_column"),
    (b"\xff\xfe\x00", "a.csv", "unreadable"),
    (b"not a workbook", "a.xlsx", "unreadable"),
])
def test_unreadable_files_say_why(data: bytes, name: str, code: str) -> None:
    with pytest.raises(UsersFileError) as caught:
        read_users(data, name)
    assert caught.value.code == code
