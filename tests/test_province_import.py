"""`meetingroom province import`: a province with 100 communes, idempotent, all or nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from sqlalchemy import func, select

from meetingroom.cli import open_database
from meetingroom.server.admin.province_import import BODY_COLUMNS, USER_COLUMNS
from meetingroom.server.storage.models import Body, BodyAdmin, BodyMember, User, VoteRule

CLI = [sys.executable, "-m", "meetingroom"]
COMMUNES = 100
WITH_USERS = 10  # communes whose members are listed too (Argon2 makes each user ~0.15 s)
EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "examples" / "province.xlsx"


def province_rows(communes: int, with_users: int) -> tuple[list[list[Any]], list[list[Any]]]:
    bodies: list[list[Any]] = [
        ["AH-HDND", "hdnd", "tinh", "HĐND tỉnh An Hòa", "", "", 1, "2026-07-01", "2031-06-30"],
        ["AH-UBND", "ubnd", "tinh", "UBND tỉnh An Hòa", "", "", 1, "2026-07-01", "2031-06-30"],
    ]
    users: list[list[Any]] = [["ah.quantri", "Lê Văn Quản", "", "AH-HDND", "Chuyên viên", "",
                               "yes"]]
    for n in range(1, communes + 1):
        for kind, word in (("hdnd", "HĐND"), ("ubnd", "UBND")):
            bodies.append([f"AH-X{n:03d}-{kind.upper()}", kind, "xa",
                           f"{word} xã Số {n}", f"AH-{kind.upper()}", "Asia/Ho_Chi_Minh", 1,
                           "2026-07-01", "2031-06-30"])
        if n <= with_users:
            code = f"AH-X{n:03d}-HDND"
            users.append([f"x{n:03d}.chutich", f"Nguyễn Văn Chủ {n}", "Chủ tịch", code,
                          "Chủ tịch HĐND", "1", "yes"])
            users.append([f"x{n:03d}.daibieu", f"Trần Thị Đại {n}", "", code, "Đại biểu",
                          "2", ""])
    return bodies, users


def write_workbook(path: Path, bodies: list[list[Any]], users: list[list[Any]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "bodies"
    sheet.append(list(BODY_COLUMNS))
    for row in bodies:
        sheet.append(row)
    people = book.create_sheet("users")
    people.append(list(USER_COLUMNS))
    for row in users:
        people.append(row)
    book.save(path)
    return path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=300,
                          check=False)


def counts(db_url: str) -> tuple[int, int, int, int]:
    db = open_database(db_url)
    try:
        with db.reading() as session:
            return (session.scalar(select(func.count()).select_from(Body)) or 0,
                    session.scalar(select(func.count()).select_from(User)) or 0,
                    session.scalar(select(func.count()).select_from(BodyMember)) or 0,
                    session.scalar(select(func.count()).select_from(BodyAdmin)) or 0)
    finally:
        db.dispose()


def test_a_province_with_100_communes_imports_once_and_then_changes_nothing(
        tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'province.db'}"
    bodies, users = province_rows(COMMUNES, WITH_USERS)
    book = write_workbook(tmp_path / "province.xlsx", bodies, users)

    dry = run("province", "import", str(book), "--db", db, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "would create body AH-X100-UBND: UBND xã Số 100" in dry.stdout
    assert "dry run:" in dry.stdout
    assert counts(db) == (0, 0, 0, 0), "a dry run writes nothing"

    passwords = tmp_path / "passwords.csv"
    done = run("province", "import", str(book), "--db", db, "--passwords", str(passwords))
    assert done.returncode == 0, done.stderr
    n_users = 1 + 2 * WITH_USERS
    assert counts(db) == (2 + 2 * COMMUNES, n_users, n_users, 1 + WITH_USERS)
    assert len(passwords.read_text().splitlines()) == 1 + n_users
    assert "\t" not in done.stdout, "passwords went to the file, not the terminal"

    database = open_database(db)
    try:
        with database.reading() as session:
            commune = session.scalar(select(Body).where(Body.code == "AH-X007-HDND"))
            assert commune is not None
            province = session.scalar(select(Body).where(Body.code == "AH-HDND"))
            assert province is not None
            assert commune.parent_id == province.id
            assert commune.total_members == 2
            assert commune.term_number == 1
            assert commune.time_zone == "Asia/Ho_Chi_Minh"
            assert session.scalar(select(func.count()).select_from(VoteRule).where(
                VoteRule.body_id == commune.id)), "legal rules pre-filled"
    finally:
        database.dispose()

    again = run("province", "import", str(book), "--db", db)
    assert again.returncode == 0, again.stderr
    assert "nothing to change" in again.stdout

    bodies[4][3] = "HĐND xã Số 2 (mới)"
    users[3][4] = "Phó Chủ tịch HĐND"
    changed = run("province", "import", str(write_workbook(tmp_path / "v2.xlsx", bodies, users)),
                  "--db", db)
    assert changed.returncode == 0, changed.stderr
    lines = [line for line in changed.stdout.splitlines() if line.startswith("update")]
    assert lines == ["update body AH-X002-HDND: name",
                     "update x002.chutich in AH-X002-HDND: position, seat"], changed.stdout


def test_bad_rows_are_each_reported_and_nothing_is_imported(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'province.db'}"
    bodies, users = province_rows(3, 1)
    bodies[2][8] = "2020-01-01"          # the term ends before it starts
    bodies[3][4] = "AH-NOWHERE"          # no such parent
    bodies[4][5] = "Mars/Olympus"        # no such time zone
    bodies.append(["AH-H01", "hdnd", "huyen", "HĐND huyện cũ", "AH-HDND", "", "", "", ""])
    users.append(["bad name", "Ai Đó", "", "AH-HDND", "", "", ""])
    users.append(["x.y", "Ai Đó", "", "AH-MISSING", "", "", "maybe"])
    book = write_workbook(tmp_path / "bad.xlsx", bodies, users)
    out = run("province", "import", str(book), "--db", db)
    assert out.returncode == 1
    errors = out.stderr.splitlines()
    assert "bodies, row 4, column term_end: the term ends before it starts" in errors
    assert "bodies, row 5, column parent_code: no body with code 'AH-NOWHERE'" in errors
    assert "bodies, row 6, column time_zone: unknown time zone 'Mars/Olympus'" in errors
    assert any(e.startswith("bodies, row 10, column level: district") for e in errors)
    assert any(e.startswith("users, row 5, column username:") for e in errors)
    assert "users, row 6, column body_code: no body with code 'AH-MISSING'" in errors
    assert errors[-1].endswith("nothing was imported")
    assert counts(db) == (0, 0, 0, 0)

    not_a_workbook = tmp_path / "notes.xlsx"
    not_a_workbook.write_text("hello")
    broken = run("province", "import", str(not_a_workbook), "--db", db)
    assert broken.returncode == 1
    assert "not an XLSX workbook" in broken.stderr


def test_the_documented_example_imports(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'province.db'}"
    out = run("province", "import", str(EXAMPLE), "--db", db, "--dry-run")
    assert out.returncode == 0, out.stderr
    assert "would create body" in out.stdout


if __name__ == "__main__":  # regenerate docs/examples/province.xlsx
    write_workbook(EXAMPLE, *province_rows(3, 3))
