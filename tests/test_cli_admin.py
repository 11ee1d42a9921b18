"""The operator CLI for bodies and users, run as the real command on a temporary database."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

CLI = [sys.executable, "-m", "meetingroom", "--log-level", "warning"]


def run(db: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args, "--db", db],
                          capture_output=True, text=True, timeout=60, check=False)


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'admin.db'}"
    done = subprocess.run([*CLI, "db", "upgrade", "--db", url], capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return url


def test_body_add_list_show_and_rules(db: str) -> None:
    made = run(db, "body", "add", "--kind", "hdnd", "--level", "tinh", "--name", "HĐND tỉnh An Hà",
               "--code", "AH", "--term-number", "11", "--term-start", "2026-07-01",
               "--term-end", "2031-06-30")
    assert made.returncode == 0, made.stderr
    listed = run(db, "body", "list")
    assert "AH" in listed.stdout
    assert "HĐND tỉnh An Hà" in listed.stdout
    shown = run(db, "body", "show", "AH")
    assert "2026-07-01" in shown.stdout
    assert "Asia/Ho_Chi_Minh" in shown.stdout
    rules = run(db, "body", "rules", "show", "AH")
    assert "resolution" in rules.stdout
    assert "more_than 1/2" in rules.stdout

    bad = run(db, "body", "rules", "set", "AH", "resolution", "--threshold", "0/2",
              "--comparison", "more_than")
    assert bad.returncode == 1
    assert "threshold" in bad.stderr
    too_big = run(db, "body", "rules", "set", "AH", "resolution", "--threshold", "3/2",
                  "--comparison", "more_than")
    assert too_big.returncode == 1
    ok = run(db, "body", "rules", "set", "AH", "resolution", "--threshold", "3/5",
             "--comparison", "at_least", "--chair-breaks-tie")
    assert ok.returncode == 0, ok.stderr
    assert "at_least 3/5" in run(db, "body", "rules", "show", "1").stdout


def test_body_add_refusals(db: str) -> None:
    zone = run(db, "body", "add", "--kind", "hdnd", "--level", "xa", "--name", "X",
               "--time-zone", "Mars/Base")
    assert zone.returncode == 1
    assert "time zone" in zone.stderr
    district = run(db, "body", "add", "--kind", "hdnd", "--level", "huyen", "--name", "H")
    assert district.returncode == 1
    assert run(db, "body", "add", "--kind", "hdnd", "--level", "huyen", "--name", "H",
               "--read-only").returncode == 0
    assert run(db, "body", "show", "NOPE").returncode == 1


def test_members_import_all_or_nothing(db: str, tmp_path: Path) -> None:
    assert run(db, "body", "add", "--kind", "hdnd", "--level", "xa", "--name", "HĐND xã",
               "--code", "XA1").returncode == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("username,full_name,seat\nan,Nguyễn An,1\nbinh,,2\n", encoding="utf-8")
    refused = run(db, "body", "members", "import", "XA1", str(bad))
    assert refused.returncode == 1
    assert "row 3, column full_name: required" in refused.stderr
    assert "nothing was imported" in refused.stderr
    assert "an " not in run(db, "body", "show", "XA1").stdout  # nothing half-imported

    good = tmp_path / "good.csv"
    good.write_text("username,full_name,seat\nan,Nguyễn An,1\nbinh,Trần Bình,2\n",
                    encoding="utf-8")
    dry = run(db, "body", "members", "import", "XA1", str(good), "--dry-run")
    assert dry.returncode == 0
    assert "would create: an" in dry.stdout
    assert "members:     0" in run(db, "body", "show", "XA1").stdout
    done = run(db, "body", "members", "import", "XA1", str(good))
    assert done.returncode == 0, done.stderr
    assert "shown once" in done.stdout
    assert "binh\t" in done.stdout
    shown = run(db, "body", "show", "XA1").stdout
    assert "Nguyễn An" in shown
    assert "seat 2" in shown


def test_user_import_xlsx(db: str, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Tên đăng nhập", "Họ và tên"])
    sheet.append(["chi", "Phạm Chi"])
    path = tmp_path / "users.xlsx"
    book.save(path)
    done = run(db, "user", "import", str(path))
    assert done.returncode == 0, done.stderr
    assert "chi\t" in done.stdout
    again = run(db, "user", "import", str(path))
    assert "unchanged: chi" in again.stdout
    assert "shown once" not in again.stdout
