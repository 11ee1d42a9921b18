"""Reading a participant list a secretary exported from a spreadsheet (CSV or XLSX).

Columns are found by their heading, in Vietnamese or English, in any order;
every row keeps its line number so the preview can say exactly which line is
wrong and why. Checking the people against accounts happens on the server.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from openpyxl import load_workbook

HEADINGS = {
    "username": {"username", "tên đăng nhập", "tai khoan", "tài khoản", "login"},
    "full_name": {"full_name", "full name", "name", "họ và tên", "họ tên", "ho va ten"},
    "role": {"role", "vai trò", "vai tro"},
    "seat": {"seat", "chỗ ngồi", "cho ngoi", "ghế", "số ghế"},
}
ROLES = {"delegate": "delegate", "đại biểu": "delegate", "dai bieu": "delegate",
         "thành viên": "delegate", "guest": "guest", "khách mời": "guest", "khach moi": "guest",
         "secretary": "secretary", "thư ký": "secretary", "thu ky": "secretary",
         "chair": "chair", "chủ tọa": "chair", "chu toa": "chair", "chủ trì": "chair"}
MAX_ROWS = 1000


class ListFileError(ValueError):
    """The file cannot be read as a participant list at all.

    ``reason`` (``unreadable_xlsx``, ``no_sheet``, ``not_utf8``, ``empty``,
    ``no_username_column``, ``too_many_rows``) and ``params`` are for the window to word;
    the message is English, for the CLI and logs.
    """

    def __init__(self, reason: str, message: str, **params: Any) -> None:
        super().__init__(message)
        self.reason = reason
        self.params = params


def problem(reason: str, **params: Any) -> dict[str, Any]:
    """One problem of a row: a reason code and its parameters (worded by the window)."""
    return {"reason": reason, **params}


def problem_in_english(entry: Any) -> str:
    """A row problem for the command line and logs."""
    if not isinstance(entry, dict):
        return str(entry)
    return {"same_as_line": "same person as line {line}", "no_account": "no account {username!r}",
            "already_participant": "already a participant", "unknown_role": "unknown role {role!r}",
            "no_username": "no username"}.get(str(entry.get("reason")), "invalid").format(
                **{k: v for k, v in entry.items() if k != "reason"})


@dataclass
class ImportRow:
    line: int
    username: str
    full_name: str = ""
    role: str = "delegate"
    seat: str = ""
    errors: list[dict[str, Any]] = field(default_factory=list)

    def as_args(self) -> dict[str, Any]:
        return {"line": self.line, "username": self.username, "role": self.role,
                "seat": self.seat}


def _key(text: str) -> str:
    return unicodedata.normalize("NFC", str(text or "")).strip().lower()


def _cells(data: bytes, filename: str) -> list[list[str]]:
    if filename.lower().endswith(".xlsx"):
        try:
            sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).active
        except Exception as exc:
            raise ListFileError("unreadable_xlsx", f"cannot read the XLSX file: "
                                f"{type(exc).__name__}") from None
        if sheet is None:
            raise ListFileError("no_sheet", "the workbook has no sheet")
        return [["" if v is None else str(v) for v in row]
                for row in sheet.iter_rows(values_only=True)]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ListFileError("not_utf8", "the CSV file must be UTF-8") from None
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [row for row in csv.reader(io.StringIO(text), dialect)]


def read_participants(data: bytes, filename: str) -> list[ImportRow]:
    """Rows with the problems visible in the file itself; the server adds the rest."""
    table = [row for row in _cells(data, filename) if any(c.strip() for c in row)]
    if not table:
        raise ListFileError("empty", "the file is empty")
    heading = [_key(c) for c in table[0]]
    columns = {name: heading.index(next(h for h in heading if h in aliases))
               for name, aliases in HEADINGS.items() if any(h in aliases for h in heading)}
    if "username" not in columns:
        raise ListFileError("no_username_column", "no 'username' column in the first row")
    if len(table) - 1 > MAX_ROWS:
        raise ListFileError("too_many_rows", f"at most {MAX_ROWS} rows", max_rows=MAX_ROWS)
    rows: list[ImportRow] = []
    seen: dict[str, int] = {}
    for line, raw in enumerate(table[1:], start=2):
        def cell(name: str, raw: list[str] = raw) -> str:
            index = columns.get(name)
            return raw[index].strip() if index is not None and index < len(raw) else ""

        row = ImportRow(line, cell("username"), cell("full_name"), seat=cell("seat")[:32])
        role = _key(cell("role"))
        if role:
            if role in ROLES:
                row.role = ROLES[role]
            else:
                row.errors.append(problem("unknown_role", role=cell("role")))
        if not row.username:
            row.errors.append(problem("no_username"))
        elif row.username.lower() in seen:
            row.errors.append(problem("same_as_line", line=seen[row.username.lower()]))
        else:
            seen[row.username.lower()] = line
        rows.append(row)
    return rows
