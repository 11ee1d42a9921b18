"""Reading a list of accounts to create from a spreadsheet (CSV or XLSX), on the laptop.

Columns are found by their heading, in Vietnamese or English, in any order. Every row
keeps its line in the file, so the preview can point at it. Only what the server's
strict argument model would refuse outright is checked here (lengths), so one bad row
gets its own error instead of failing the whole request; everything else (blank or
duplicate usernames, taken names) the server checks in its dry run. Problems are codes;
the window words them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from meetingroom.core.participants_file import ListFileError, _cells, _key

HEADINGS = {
    "username": {"username", "tên đăng nhập", "ten dang nhap", "tài khoản", "tai khoan",
                 "login"},
    "full_name": {"full_name", "full name", "name", "họ và tên", "họ tên", "ho va ten"},
    "title": {"title", "chức danh", "chuc danh"},
    "position": {"position", "chức vụ", "chuc vu"},
    "seat": {"seat", "chỗ ngồi", "cho ngoi", "ghế", "số ghế"},
}
#: The server's limits per field (meetingroom.server.admin.actions.ImportRow).
LIMITS = {"username": 64, "full_name": 200, "title": 200, "position": 200, "seat": 32}
MAX_ROWS = 2000


class UsersFileError(ValueError):
    """The file cannot be read as a list of users at all; ``code`` says why."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass
class UserFileRow:
    line: int
    values: dict[str, str]
    #: ``{"column", "reason"}``, as the server reports a row's problems.
    errors: list[dict[str, str]] = field(default_factory=list)

    def as_args(self) -> dict[str, Any]:
        """The row as ``user.import`` takes it, cut to the server's limits."""
        return {name: self.values.get(name, "")[:limit] for name, limit in LIMITS.items()}


def read_users(data: bytes, filename: str) -> list[UserFileRow]:
    try:
        # Each row with its line in the file, blank rows skipped (their lines still count).
        table = [(line, row) for line, row in enumerate(_cells(data, filename), start=1)
                 if any(c.strip() for c in row)]
    except ListFileError:
        raise UsersFileError("unreadable") from None
    if not table:
        raise UsersFileError("empty")
    heading = [_key(c) for c in table[0][1]]
    columns = {name: heading.index(next(h for h in heading if h in aliases))
               for name, aliases in HEADINGS.items() if any(h in aliases for h in heading)}
    if "username" not in columns:
        raise UsersFileError("no_username_column")
    if len(table) - 1 > MAX_ROWS:
        raise UsersFileError("too_many_rows")
    rows = []
    for line, raw in table[1:]:
        values = {name: raw[index].strip() if index < len(raw) else ""
                  for name, index in columns.items()}
        row = UserFileRow(line, values)
        row.errors = [{"column": name, "reason": "too_long"}
                      for name, limit in LIMITS.items() if len(values.get(name, "")) > limit]
        rows.append(row)
    return rows
