"""``meetingroom body …`` and ``meetingroom user import``: a thin layer over server/admin.

Every change goes through ``meetingroom.server.admin.actions.run`` (its validation, its audit,
one transaction) as the CLI operator, a system administrator; this module only turns
arguments into action arguments and results into text.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

WithDb = Callable[[argparse.ArgumentParser], argparse.ArgumentParser]


@dataclass(frozen=True)
class Operator:
    """The person at the server's terminal: a system administrator with no account row."""

    user_id: int
    username: str
    is_admin: bool = True


def _operator() -> Operator:
    try:
        name = getpass.getuser()
    except Exception:
        name = "operator"
    # No account row stands behind the terminal: the audit entry records no user id.
    return Operator(user_id=cast(int, None), username=f"cli:{name}")


class CliError(Exception):
    pass


def _fraction(text: str, comparison: str) -> dict[str, Any]:
    try:
        num, _, den = text.partition("/")
        return {"numerator": int(num), "denominator": int(den or "1"), "comparison": comparison}
    except ValueError:
        raise CliError(f"threshold {text!r} is not a fraction like 1/2") from None


def _explain(exc: Exception) -> str:
    from meetingroom.core.protocol import ProtocolError

    if isinstance(exc, ProtocolError):
        details = exc.details
        if isinstance(details, dict) and details:
            extra = ", ".join(f"{k}={v}" for k, v in details.items())
            return f"{exc.message} ({extra})"
        if isinstance(details, list) and details:
            return f"{exc.message}: " + "; ".join(str(d) for d in details)
        return exc.message
    return str(exc)


def _run(args: argparse.Namespace, work: Callable[[Any], int]) -> int:
    from meetingroom.cli import open_database
    from meetingroom.core.protocol import ProtocolError

    db = open_database(args.db)
    try:
        try:
            with db.transaction() as session:
                return work(session)
        except (ProtocolError, CliError) as exc:
            print(f"error: {_explain(exc)}", file=sys.stderr)
            return 1
    finally:
        db.dispose()


def _act(session: Any, name: str, raw: dict[str, Any]) -> dict[str, Any]:
    from meetingroom.server.admin.actions import run

    return run(session, _operator(), name, raw)


def _body_id(session: Any, ref: str) -> int:
    from sqlalchemy import select

    from meetingroom.server.storage.models import Body

    found = session.scalar(select(Body.id).where(Body.code == ref))
    if found is None and ref.isdigit():
        found = session.scalar(select(Body.id).where(Body.id == int(ref)))
    if found is None:
        raise CliError(f"no body with code or id {ref!r}")
    return int(found)


# --- body -------------------------------------------------------------------------

def cmd_body_add(args: argparse.Namespace) -> int:
    def work(session: Any) -> int:
        raw: dict[str, Any] = {"kind": args.kind, "level": args.level, "name": args.name,
                               "time_zone": args.time_zone, "read_only": args.read_only}
        if args.code:
            raw["code"] = args.code
        if args.parent:
            raw["parent_id"] = _body_id(session, args.parent)
        if args.term_number is not None:
            raw["term"] = {"number": args.term_number, "start": args.term_start,
                           "end": args.term_end}
        elif args.term_start or args.term_end:
            raise CliError("--term-start/--term-end need --term-number")
        body = _act(session, "body.create", raw)["body"]
        print(f"created body {body['name']} (id {body['id']}, code {body['code'] or '-'})")
        return 0
    return _run(args, work)


def cmd_body_list(args: argparse.Namespace) -> int:
    def work(session: Any) -> int:
        bodies = _act(session, "body.list", {})["bodies"]
        rows = [["ID", "CODE", "KIND", "LEVEL", "MEMBERS", "TERM", "NAME"]]
        for b in bodies:
            term = b["term"]["number"] if b.get("term") else "-"
            rows.append([str(b["id"]), b["code"] or "-", b["kind"], b["level"]
                         + (" (read-only)" if b["read_only"] else ""),
                         str(b["member_count"]), str(term), b["name"]])
        if len(rows) == 1:
            print("no bodies")
            return 0
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
        for r in rows:
            print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=False)) + "  " + r[-1])
        return 0
    return _run(args, work)


def cmd_body_show(args: argparse.Namespace) -> int:
    def work(session: Any) -> int:
        b = _act(session, "body.get", {"body_id": _body_id(session, args.body)})["body"]
        term = b.get("term")
        lines = [
            f"{b['name']}",
            f"  id:          {b['id']}",
            f"  code:        {b['code'] or '-'}",
            f"  kind/level:  {b['kind']} / {b['level']}"
            + ("  (read-only archive)" if b["read_only"] else ""),
            f"  parent id:   {b['parent_id'] or '-'}",
            f"  time zone:   {b['time_zone']}",
            "  term:        " + (f"{term['number']} ({term['start'] or '?'} – {term['end'] or '?'})"
                                 if term else "-"),
            f"  members:     {len(b['members'])}"
            + (" (total set explicitly)" if b["total_members_explicit"] else ""),
        ]
        for m in b["members"]:
            lines.append(f"    {m['username']:<20} {m['full_name']}"
                         + (f", {m['position']}" if m["position"] else "")
                         + (f", seat {m['seat']}" if m["seat"] else ""))
        lines.append("  admins:      " + (", ".join(a["username"] for a in b["admins"]) or "-"))
        print("\n".join(lines))
        return 0
    return _run(args, work)


def _rules(session: Any, body_id: int) -> list[Any]:
    from sqlalchemy import select

    from meetingroom.server.storage.models import VoteRule

    return list(session.scalars(select(VoteRule).where(VoteRule.body_id == body_id)
                                .order_by(VoteRule.id)))


def cmd_body_rules_show(args: argparse.Namespace) -> int:
    def work(session: Any) -> int:
        body_id = _body_id(session, args.body)
        _act(session, "body.get", {"body_id": body_id})
        for r in _rules(session, body_id):
            tie = ", chair breaks a tie" if r.chair_breaks_tie else ""
            choose = " (choosable)" if r.ballot_choosable else ""
            print(f"{r.matter:<20} {r.comparison} {r.threshold_numerator}/"
                  f"{r.threshold_denominator}, {r.ballot}{choose} ballot{tie}  — {r.label}")
        return 0
    return _run(args, work)


def cmd_body_rules_set(args: argparse.Namespace) -> int:
    def work(session: Any) -> int:
        body_id = _body_id(session, args.body)
        current = next((r for r in _rules(session, body_id) if r.matter == args.matter), None)
        raw: dict[str, Any] = {
            "body_id": body_id, "matter": args.matter,
            "threshold": _fraction(args.threshold, args.comparison),
            "ballot": args.ballot or (current.ballot if current else "open"),
            "options": list(current.options) if current else ["Tán thành", "Không tán thành",
                                                              "Không biểu quyết"],
            "chair_breaks_tie": (args.chair_breaks_tie if args.chair_breaks_tie is not None
                                 else bool(current and current.chair_breaks_tie)),
            "ballot_choosable": bool(current and current.ballot_choosable)}
        _act(session, "rule.set", raw)
        print(f"rule {args.matter}: {args.comparison} {args.threshold}, {raw['ballot']} ballot"
              + (", chair breaks a tie" if raw["chair_breaks_tie"] else ""))
        return 0
    return _run(args, work)


# --- imports ----------------------------------------------------------------------

def _import(args: argparse.Namespace, body_ref: str | None) -> int:
    from meetingroom.core.participants_file import (
        ListFileError,
        problem_in_english,
        read_participants,
    )

    path = Path(args.file)
    try:
        parsed = read_participants(path.read_bytes(), path.name)
    except (OSError, ListFileError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    problems = [f"row {row.line}: {problem_in_english(reason)}" for row in parsed
                for reason in row.errors]

    def work(session: Any) -> int:
        raw: dict[str, Any] = {"rows": [{"username": r.username, "full_name": r.full_name,
                                         "seat": r.seat} for r in parsed],
                               "dry_run": bool(args.dry_run or problems)}
        if body_ref:
            raw["body_id"] = _body_id(session, body_ref)
        result = _act(session, "user.import", raw)
        for out, row in zip(result["rows"], parsed, strict=True):
            problems.extend(f"row {row.line}, column {e['column']}: {e['reason']}"
                            for e in out["errors"])
        if problems:
            for line in problems:
                print(line, file=sys.stderr)
            print(f"{len(problems)} problem(s); nothing was imported", file=sys.stderr)
            session.rollback()
            return 1
        for out in result["rows"]:
            print(("would " if args.dry_run else "") + f"{out['status']}: {out['username']}")
        if args.dry_run:
            print(f"dry run: {len(result['rows'])} row(s) checked, nothing written")
            return 0
        created = [(o["username"], o["password"]) for o in result["rows"] if "password" in o]
        print(f"imported {len(result['rows'])} row(s)")
        if created:
            print("first passwords of new users (shown once):")
            for username, password in created:
                print(f"  {username}\t{password}")
        return 0
    return _run(args, work)


def cmd_members_import(args: argparse.Namespace) -> int:
    return _import(args, args.body)


def cmd_user_import(args: argparse.Namespace) -> int:
    return _import(args, args.body)


# --- wiring -----------------------------------------------------------------------

def add_body_commands(sub: Any, with_db: WithDb) -> None:
    body = sub.add_parser("body", help="set up bodies (councils, committees), rules, members")
    body_sub = body.add_subparsers(dest="body_command", required=True)
    add = with_db(body_sub.add_parser("add", help="create a body with the legal default rules"))
    add.add_argument("--kind", required=True, help="hdnd, ubnd, …")
    add.add_argument("--level", required=True, choices=["tinh", "xa", "huyen"],
                     help="huyen only with --read-only (archives)")
    add.add_argument("--name", required=True)
    add.add_argument("--code")
    add.add_argument("--parent", help="code or id of the parent (province) body")
    add.add_argument("--time-zone", default="Asia/Ho_Chi_Minh")
    add.add_argument("--term-number", type=int)
    add.add_argument("--term-start", help="YYYY-MM-DD")
    add.add_argument("--term-end", help="YYYY-MM-DD")
    add.add_argument("--read-only", action="store_true")
    add.set_defaults(func=cmd_body_add)
    with_db(body_sub.add_parser("list", help="all bodies")).set_defaults(func=cmd_body_list)
    show = with_db(body_sub.add_parser("show", help="one body, its members and admins"))
    show.add_argument("body", metavar="CODE_OR_ID")
    show.set_defaults(func=cmd_body_show)

    rules = body_sub.add_parser("rules", help="a body's vote rules")
    rules_sub = rules.add_subparsers(dest="rules_command", required=True)
    rshow = with_db(rules_sub.add_parser("show", help="how each matter passes"))
    rshow.add_argument("body", metavar="CODE_OR_ID")
    rshow.set_defaults(func=cmd_body_rules_show)
    rset = with_db(rules_sub.add_parser("set", help="how one matter passes"))
    rset.add_argument("body", metavar="CODE_OR_ID")
    rset.add_argument("matter", help="resolution, removal, election, …")
    rset.add_argument("--threshold", required=True, help="share of all members, e.g. 1/2")
    rset.add_argument("--comparison", required=True, choices=["more_than", "at_least"])
    rset.add_argument("--ballot", choices=["open", "secret"])
    rset.add_argument("--chair-breaks-tie", action=argparse.BooleanOptionalAction, default=None)
    rset.set_defaults(func=cmd_body_rules_set)

    members = body_sub.add_parser("members", help="a body's standing members")
    members_sub = members.add_subparsers(dest="members_command", required=True)
    mimport = with_db(members_sub.add_parser(
        "import", help="create users and make them members from a CSV or XLSX file"))
    mimport.add_argument("body", metavar="CODE_OR_ID")
    mimport.add_argument("file")
    mimport.add_argument("--dry-run", action="store_true")
    mimport.set_defaults(func=cmd_members_import)


def add_user_import(user_sub: Any, with_db: WithDb) -> None:
    uimport = with_db(user_sub.add_parser("import", help="create users from a CSV or XLSX file"))
    uimport.add_argument("file")
    uimport.add_argument("--body", metavar="CODE_OR_ID", help="also make them its members")
    uimport.add_argument("--dry-run", action="store_true")
    uimport.set_defaults(func=cmd_user_import)
