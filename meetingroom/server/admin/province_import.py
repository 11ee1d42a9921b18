"""Set up a whole province from one workbook: its bodies, their members and users.

``meetingroom province import FILE [--dry-run]`` reads two sheets (docs/province-import.md):

- ``bodies``: code, kind, level, name, parent_code, time_zone, term_number, term_start,
  term_end; one row per HĐND or UBND, the province's and every commune's;
- ``users``: username, full_name, title, body_code, position, seat, unit_admin; one row
  per membership — a person in two bodies has two rows with the same username.

Rows are matched by their stable keys — the body's ``code``, the user's ``username``, so a
second run changes nothing and an edited row updates in place. Every bad row is reported
(sheet, row, column, reason) and then nothing at all is written: a province is never left
half imported. New users get a generated first password, reported once.
"""

from __future__ import annotations

import secrets
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from meetingroom.core.vocabulary import BodyKind, Level
from meetingroom.server import audit
from meetingroom.server.body_rules import default_rule_rows
from meetingroom.server.passwords import hash_password
from meetingroom.server.storage.models import Body, BodyAdmin, BodyMember, User

BODY_COLUMNS = ("code", "kind", "level", "name", "parent_code", "time_zone", "term_number",
                "term_start", "term_end")
USER_COLUMNS = ("username", "full_name", "title", "body_code", "position", "seat",
                "unit_admin")
DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh"
_YES = {"1", "x", "yes", "y", "true", "có", "co"}
_NO = {"", "0", "no", "n", "false", "không", "khong"}


class ImportFileError(Exception):
    """The file cannot be read at all — not a workbook, a sheet or a column missing."""


@dataclass(frozen=True)
class Problem:
    sheet: str
    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        return f"{self.sheet}, row {self.row}, column {self.column}: {self.reason}"


@dataclass
class Outcome:
    """What the import did (or, on a dry run, would do)."""

    changes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: username → generated first password, for users created by this run.
    passwords: dict[str, str] = field(default_factory=dict)
    applied: bool = False


Row = dict[str, Any]


def read_workbook(path: Path) -> tuple[list[tuple[int, Row]], list[tuple[int, Row]]]:
    """The ``bodies`` and ``users`` sheets as (row number, {column: text}) lists."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zipfile.BadZipFile, KeyError, InvalidFileException…
        raise ImportFileError(f"{path}: not an XLSX workbook ({exc})") from None
    try:
        return (_sheet(book, "bodies", BODY_COLUMNS, required=("code", "kind", "level", "name")),
                _sheet(book, "users", USER_COLUMNS, required=("username", "body_code")))
    finally:
        book.close()


def _sheet(book: Any, name: str, columns: tuple[str, ...],
           required: tuple[str, ...]) -> list[tuple[int, Row]]:
    if name not in book.sheetnames:
        raise ImportFileError(f"the workbook has no sheet named {name!r}")
    rows = book[name].iter_rows(values_only=True)
    header = [str(c or "").strip().lower() for c in next(rows, ())]
    for column in required:
        if column not in header:
            raise ImportFileError(f"sheet {name!r} has no column {column!r}")
    out = []
    for number, values in enumerate(rows, start=2):
        row = {col: _text(values[i]) if i < len(values) else ""
               for i, col in enumerate(header) if col in columns}
        if any(row.values()):
            out.append((number, row))
    return out


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()[:10]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    # NFC like everything that comes over the wire (WireModel): one spelling per name.
    return unicodedata.normalize("NFC", " ".join(str(value).split()))


def import_province(session: Session, bodies: list[tuple[int, Row]],
                    users: list[tuple[int, Row]], *, dry_run: bool,
                    operator: str = "(administrator)") -> Outcome:
    """Apply the rows in ``session``'s transaction; the caller commits when ``applied``.

    On problems or a dry run the session is rolled back here, so nothing is written.
    """
    outcome = Outcome()
    by_code = _plan_bodies(session, bodies, outcome)
    _plan_users(session, users, by_code, outcome, hash_passwords=not dry_run)
    if outcome.problems or dry_run:
        session.rollback()
        return outcome
    for body in by_code.values():
        if not body.total_members_explicit:
            body.total_members = sum(1 for m in body.members if m.term_number in
                                     (None, body.term_number))
    audit.record(session, "province.import", user_id=None, username=operator,
                 detail={"changes": len(outcome.changes), "bodies": len(bodies),
                         "users": len(users)})
    outcome.applied = True
    return outcome


def _plan_bodies(session: Session, rows: list[tuple[int, Row]],
                 outcome: Outcome) -> dict[str, Body]:
    def bad(row: int, column: str, reason: str) -> None:
        outcome.problems.append(Problem("bodies", row, column, reason))

    seen: dict[str, int] = {}
    parsed: list[tuple[int, Row, dict[str, Any]]] = []
    for number, row in rows:
        code = row.get("code", "")
        if not code:
            bad(number, "code", "required")
            continue
        if code in seen:
            bad(number, "code", f"repeats row {seen[code]}")
            continue
        seen[code] = number
        fields = _body_fields(number, row, bad)
        if fields is not None:
            parsed.append((number, row, fields))
    by_code = {b.code: b for b in session.scalars(select(Body).where(Body.code.in_(seen)))
               if b.code}
    # Provinces first, so a commune's parent exists when it is placed under it.
    parsed.sort(key=lambda item: item[2]["level"] != Level.PROVINCE.value)
    for number, row, fields in parsed:
        code = row["code"]
        parent_code = row.get("parent_code", "")
        parent: Body | None = None
        if parent_code:
            parent = by_code.get(parent_code) or session.scalar(
                select(Body).where(Body.code == parent_code))
            if parent is None:
                bad(number, "parent_code", f"no body with code {parent_code!r}")
                continue
            if parent.level != Level.PROVINCE.value:
                bad(number, "parent_code", "the parent must be a province's body")
                continue
        elif fields["level"] == Level.COMMUNE.value:
            bad(number, "parent_code", "a commune's body needs its province")
            continue
        body = by_code.get(code)
        if body is not None and body.read_only:
            bad(number, "code", "an archived body cannot be changed")
            continue
        session.flush()  # parents created above get their ids
        parent_id = parent.id if parent is not None else None
        if body is None:
            rules = default_rule_rows(BodyKind(fields["kind"])) \
                if fields["kind"] in {k.value for k in BodyKind} else []
            body = Body(code=code, total_members=0, vote_rules=rules, parent_id=parent_id,
                        **fields)
            session.add(body)
            by_code[code] = body
            outcome.changes.append(f"create body {code}: {fields['name']}")
            continue
        fields["parent_id"] = parent_id
        changed = [k for k, v in fields.items() if getattr(body, k) != v]
        for key in changed:
            setattr(body, key, fields[key])
        if changed:
            outcome.changes.append(f"update body {code}: {', '.join(sorted(changed))}")
    session.flush()
    return by_code


def _body_fields(number: int, row: Row, bad: Any) -> dict[str, Any] | None:
    ok = True
    kind = row.get("kind", "").lower()
    if not kind or not kind.isascii() or not kind.replace("_", "").isalnum() or len(kind) > 16:
        bad(number, "kind", "hdnd, ubnd or another short code")
        ok = False
    level = row.get("level", "").lower()
    if level == Level.DISTRICT.value:
        bad(number, "level", "district bodies exist only in archives; they are not imported")
        ok = False
    elif level not in (Level.PROVINCE.value, Level.COMMUNE.value):
        bad(number, "level", "tinh or xa")
        ok = False
    name = row.get("name", "")
    if not name or len(name) > 200:
        bad(number, "name", "required, at most 200 characters")
        ok = False
    zone = row.get("time_zone", "") or DEFAULT_TIME_ZONE
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        bad(number, "time_zone", f"unknown time zone {zone!r}")
        ok = False
    term_number: int | None = None
    if row.get("term_number"):
        try:
            term_number = int(row["term_number"])
            if not 1 <= term_number <= 99:
                raise ValueError
        except ValueError:
            bad(number, "term_number", "a whole number from 1 to 99")
            ok = False
    dates: dict[str, date | None] = {}
    for column in ("term_start", "term_end"):
        try:
            dates[column] = date.fromisoformat(row[column]) if row.get(column) else None
        except ValueError:
            bad(number, column, "a date, YYYY-MM-DD")
            ok = False
    if ok and dates["term_start"] and dates["term_end"] \
            and dates["term_end"] <= dates["term_start"]:
        bad(number, "term_end", "the term ends before it starts")
        ok = False
    if not ok:
        return None
    return {"kind": kind, "level": level, "name": name, "time_zone": zone,
            "term_number": term_number, "term_start": dates["term_start"],
            "term_end": dates["term_end"]}


def _plan_users(session: Session, rows: list[tuple[int, Row]], by_code: dict[str, Body],
                outcome: Outcome, *, hash_passwords: bool) -> None:
    def bad(row: int, column: str, reason: str) -> None:
        outcome.problems.append(Problem("users", row, column, reason))

    names = {row.get("username", "") for _n, row in rows}
    users = {u.username: u for u in session.scalars(select(User).where(
        User.username.in_(names)))}
    memberships: dict[tuple[str, str], int] = {}
    for number, row in rows:
        username = row.get("username", "")
        if not username or len(username) > 64 or any(c.isspace() for c in username):
            bad(number, "username", "required, 1-64 characters without spaces")
            continue
        code = row.get("body_code", "")
        body = by_code.get(code) or (session.scalar(select(Body).where(Body.code == code))
                                     if code else None)
        if body is None:
            bad(number, "body_code", f"no body with code {code!r}" if code else "required")
            continue
        if (username, code) in memberships:
            bad(number, "body_code", f"repeats row {memberships[username, code]}")
            continue
        memberships[username, code] = number
        admin_flag = row.get("unit_admin", "").lower()
        if admin_flag not in _YES | _NO:
            bad(number, "unit_admin", "yes or no")
            continue
        full_name = row.get("full_name", "")
        user = users.get(username)
        if user is None:
            if not full_name:
                bad(number, "full_name", "required for a new user")
                continue
            password = secrets.token_urlsafe(9)
            user = User(username=username, full_name=full_name, title=row.get("title", ""),
                        # A dry run is rolled back: no need to spend Argon2 time on it.
                        password_hash=hash_password(password) if hash_passwords else "!")
            session.add(user)
            users[username] = user
            outcome.passwords[username] = password
            outcome.changes.append(f"create user {username}: {full_name}")
        else:
            changed = []
            if full_name and user.full_name != full_name:
                user.full_name = full_name
                changed.append("full_name")
            if row.get("title") and user.title != row["title"]:
                user.title = row["title"]
                changed.append("title")
            if changed:
                outcome.changes.append(f"update user {username}: {', '.join(changed)}")
        session.flush()
        _member(session, body, user, row, admin_flag in _YES, outcome)


def _member(session: Session, body: Body, user: User, row: Row, unit_admin: bool,
            outcome: Outcome) -> None:
    member = next((m for m in body.members if m.user_id == user.id), None)
    position, seat = row.get("position", ""), row.get("seat", "")
    if member is None:
        body.members.append(BodyMember(user_id=user.id, user=user, position=position,
                                       seat=seat, term_number=body.term_number))
        outcome.changes.append(f"add {user.username} to {body.code}")
    elif (member.position, member.seat) != (position, seat):
        member.position, member.seat = position, seat
        outcome.changes.append(f"update {user.username} in {body.code}: position, seat")
    is_admin = session.scalar(select(BodyAdmin.id).where(
        BodyAdmin.body_id == body.id, BodyAdmin.user_id == user.id)) is not None
    if unit_admin and not is_admin:
        session.add(BodyAdmin(body_id=body.id, user_id=user.id))
        outcome.changes.append(f"make {user.username} administrator of {body.code}")
    elif is_admin and not unit_admin:
        session.query(BodyAdmin).filter_by(body_id=body.id, user_id=user.id).delete()
        outcome.changes.append(f"{user.username} no longer administers {body.code}")
