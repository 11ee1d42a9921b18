"""Administration as data: bodies, terms, members, vote rules, users and unit administrators.

One table of actions (name → who may call it, strict argument model, handler), as for
meeting commands, so the server, the protocol document and the tests read one source.
A *system* administrator (``User.is_admin``) may do everything; a *unit* administrator
— a ``BodyAdmin`` row — manages one body's users and members and nothing else. Every
change is audited; errors carry a code and machine-readable details, never sentences
for the screen — the client words them.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal, Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, StrictBool, StrictInt, StrictStr, ValidationError
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from meetingroom.core.protocol import (
    ErrorCode,
    ProtocolError,
    WireModel,
    from_wire,
    validation_details,
)
from meetingroom.core.vocabulary import BodyKind, Level, Matter, Role, default_vote_rules
from meetingroom.server import audit
from meetingroom.server.body_rules import default_rule_rows
from meetingroom.server.passwords import hash_password
from meetingroom.server.storage.models import (
    Body,
    BodyAdmin,
    BodyMember,
    LoginToken,
    Participant,
    User,
    VoteRule,
)
from meetingroom.server.storage.types import utcnow
from meetingroom.server.views import body_view

SYSTEM = "system"
UNIT = "unit"
ANYONE = "anyone"
DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh"
COMPARISONS = ("more_than", "at_least")
BALLOTS = ("open", "secret")


class Caller(Protocol):
    @property
    def user_id(self) -> int: ...
    @property
    def username(self) -> str: ...
    @property
    def is_admin(self) -> bool: ...


class _Args(WireModel):
    """Strict JSON types (see WireModel): validated with ``from_wire``."""


Id = Annotated[StrictInt, Field(ge=1, le=2**62)]
Name = Annotated[StrictStr, Field(min_length=1, max_length=200)]
Short = Annotated[StrictStr, Field(max_length=200)]


class Fraction(_Args):
    numerator: Annotated[StrictInt, Field(ge=0, le=1000)]
    denominator: Annotated[StrictInt, Field(ge=1, le=1000)]
    comparison: Literal["more_than", "at_least"]


class Term(_Args):
    number: Annotated[StrictInt, Field(ge=1, le=99)]
    #: ISO dates ("2026-01-01"): JSON strings, which strict JSON validation reads as dates.
    start: date | None = None
    end: date | None = None


class TimeLimits(_Args):
    speech: Annotated[StrictInt, Field(ge=10, le=7200)] | None = None
    question: Annotated[StrictInt, Field(ge=10, le=7200)] | None = None
    reply: Annotated[StrictInt, Field(ge=10, le=7200)] | None = None


class NoArgs(_Args):
    pass


class BodyRef(_Args):
    body_id: Id


class UserRef(_Args):
    user_id: Id


class BodyCreate(_Args):
    kind: Annotated[StrictStr, Field(pattern=r"^[a-z][a-z0-9_]{1,15}$")]
    level: Literal["tinh", "xa", "huyen"]
    name: Name
    code: Annotated[StrictStr, Field(min_length=1, max_length=64)] | None = None
    parent_id: Id | None = None
    time_zone: Annotated[StrictStr, Field(max_length=64)] = DEFAULT_TIME_ZONE
    term: Term | None = None
    read_only: StrictBool = False


class BodyUpdate(_Args):
    body_id: Id
    name: Name | None = None
    code: Annotated[StrictStr, Field(min_length=1, max_length=64)] | None = None
    parent_id: Id | None = None
    time_zone: Annotated[StrictStr, Field(max_length=64)] | None = None
    term: Term | None = None
    read_only: StrictBool | None = None
    quorum: Fraction | None = None
    stand_in_may_vote: StrictBool | None = None
    ballot_change_allowed: StrictBool | None = None
    show_open_tallies: StrictBool | None = None
    time_limits: TimeLimits | None = None
    #: A number sets the membership explicitly (vacancies count); 0 derives it again.
    total_members: Annotated[StrictInt, Field(ge=0, le=100000)] | None = None
    #: Body-wide, applied to every pass/fail matter's rule (not the confidence rating,
    #: whose three levels are the law's): the ballot's option labels and the tie-break.
    option_labels: Annotated[list[Annotated[StrictStr, Field(min_length=1, max_length=100)]],
                             Field(min_length=2, max_length=10)] | None = None
    chair_breaks_tie: StrictBool | None = None


#: What a unit administrator may change in their own body: the facts of its membership
#: (the term whose members count, and the total the law counts). Everything else about a
#: body (name, place, rules, settings) is the province's, i.e. a system administrator's.
UNIT_BODY_FIELDS = frozenset({"term", "total_members"})


class RuleSet(_Args):
    body_id: Id
    matter: Annotated[StrictStr, Field(min_length=1, max_length=32)]
    label: Annotated[StrictStr, Field(min_length=1, max_length=200)] | None = None
    threshold: Fraction
    ballot: Literal["open", "secret"]
    options: Annotated[list[Annotated[StrictStr, Field(min_length=1, max_length=100)]],
                       Field(min_length=2, max_length=10)]
    chair_breaks_tie: StrictBool = False
    ballot_choosable: StrictBool = False


class RuleRef(_Args):
    body_id: Id
    matter: Annotated[StrictStr, Field(min_length=1, max_length=32)]


class MemberArgs(_Args):
    body_id: Id
    user_id: Id
    position: Short = ""
    seat: Annotated[StrictStr, Field(max_length=32)] = ""
    term_number: Annotated[StrictInt, Field(ge=1, le=99)] | None = None


class MemberRef(_Args):
    body_id: Id
    user_id: Id


class UserList(_Args):
    body_id: Id | None = None


class UserCreate(_Args):
    raw_text = frozenset({"password"})
    username: Annotated[StrictStr, Field(min_length=1, max_length=64, pattern=r"^\S+$")]
    full_name: Name
    title: Short = ""
    password: Annotated[StrictStr, Field(min_length=8, max_length=1024)] | None = None
    body_id: Id | None = None
    position: Short = ""
    seat: Annotated[StrictStr, Field(max_length=32)] = ""


class ImportRow(_Args):
    username: Annotated[StrictStr, Field(max_length=64)]
    full_name: Annotated[StrictStr, Field(max_length=200)] = ""
    title: Short = ""
    position: Short = ""
    seat: Annotated[StrictStr, Field(max_length=32)] = ""


class UserImport(_Args):
    body_id: Id | None = None
    rows: Annotated[list[ImportRow], Field(max_length=2000)]
    dry_run: StrictBool = True


Handler = Callable[[Session, Caller, Any], dict[str, Any]]


@dataclass(frozen=True)
class Action:
    name: str
    who: str
    args: type[_Args]
    handler: Handler
    summary: str


ACTIONS: dict[str, Action] = {}


def action(name: str, who: str, args: type[_Args], summary: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        ACTIONS[name] = Action(name, who, args, handler, summary)
        return handler
    return register


def refuse(code: ErrorCode, message: str, **details: Any) -> ProtocolError:
    return ProtocolError(code, message, details=details or None)


def run(session: Session, who: Caller, name: str, raw: dict[str, Any]) -> dict[str, Any]:
    """Check the caller and the arguments, then apply one action in ``session``."""
    spec = ACTIONS.get(name)
    if spec is None:
        raise refuse(ErrorCode.UNKNOWN_COMMAND, f"unknown admin action {name[:64]!r}")
    if spec.who == SYSTEM and not who.is_admin:
        raise refuse(ErrorCode.FORBIDDEN, "only a system administrator may do this",
                     reason="system_admin_only")
    if spec.who == UNIT and not who.is_admin and not _administered(session, who):
        raise refuse(ErrorCode.FORBIDDEN, "you administer no body", reason="not_an_admin")
    try:
        args = from_wire(spec.args, raw)
    except ValidationError as exc:
        raise ProtocolError(ErrorCode.INVALID_ARGS, "invalid arguments",
                            details=validation_details(exc)) from None
    result = spec.handler(session, who, args)
    if name not in READ_ONLY:
        audit.record(session, f"admin.{name}", user_id=who.user_id, username=who.username,
                     detail={k: v for k, v in args.model_dump(mode="json").items()
                             if k != "password" and k != "rows"})
    return result


READ_ONLY = frozenset({"admin.scope", "body.list", "body.get", "user.list"})


# --- permissions --------------------------------------------------------------------

def _administered(session: Session, who: Caller) -> list[int]:
    return list(session.scalars(select(BodyAdmin.body_id).where(
        BodyAdmin.user_id == who.user_id).order_by(BodyAdmin.body_id)))


def _body(session: Session, who: Caller, body_id: int, *, change: bool = False) -> Body:
    body = session.get(Body, body_id)
    if body is None or (not who.is_admin and body_id not in _administered(session, who)):
        # A unit administrator cannot tell another body from a missing one.
        raise refuse(ErrorCode.FORBIDDEN if body is not None else ErrorCode.NOT_FOUND,
                     "not a body you administer", reason="not_your_body")
    if change and body.read_only:
        raise refuse(ErrorCode.INVALID_STATE, "an archived body cannot be changed",
                     reason="read_only")
    return body


def _user(session: Session, who: Caller, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise refuse(ErrorCode.NOT_FOUND, "no such user", reason="no_user")
    if who.is_admin:
        return user
    mine = set(_administered(session, who))
    theirs = set(session.scalars(select(BodyMember.body_id).where(
        BodyMember.user_id == user_id)))
    if user.is_admin or not mine & theirs:
        raise refuse(ErrorCode.FORBIDDEN, "not a user of a body you administer",
                     reason="not_your_user")
    return user


# --- views --------------------------------------------------------------------------

def body_admin_view(body: Body) -> dict[str, Any]:
    return {**body_view(body), "code": body.code, "parent_id": body.parent_id,
            "time_zone": body.time_zone, "read_only": body.read_only,
            "total_members_explicit": body.total_members_explicit,
            "term": ({"number": body.term_number,
                      "start": body.term_start.isoformat() if body.term_start else None,
                      "end": body.term_end.isoformat() if body.term_end else None}
                     if body.term_number else None),
            "member_count": len(body.members)}


def user_view(user: User) -> dict[str, Any]:
    return {"id": user.id, "username": user.username, "full_name": user.full_name,
            "title": user.title, "is_active": user.is_active, "is_admin": user.is_admin}


def recount(body: Body) -> None:
    """Total membership from the current term's members, unless set explicitly."""
    if not body.total_members_explicit:
        body.total_members = sum(1 for m in body.members
                                 if m.term_number in (None, body.term_number))


def _check_fraction(field: str, value: Fraction) -> None:
    if value.numerator <= 0 or value.numerator > value.denominator:
        raise refuse(ErrorCode.INVALID_ARGS, f"{field} must be above 0 and at most 1",
                     field=field, reason="out_of_range")


def _check_zone(zone: str) -> None:
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise refuse(ErrorCode.INVALID_ARGS, "unknown time zone", field="time_zone",
                     reason="unknown_time_zone") from None


def _check_term(term: Term | None) -> None:
    if term is not None and term.start and term.end and term.end <= term.start:
        raise refuse(ErrorCode.INVALID_ARGS, "the term ends before it starts", field="term",
                     reason="term_ends_before_start")


def _check_code(session: Session, code: str | None, body_id: int | None) -> None:
    if code is not None and session.scalar(select(Body.id).where(
            Body.code == code, Body.id != (body_id or 0))) is not None:
        raise refuse(ErrorCode.INVALID_ARGS, "another body has this code", field="code",
                     reason="duplicate")


def _check_parent(session: Session, parent_id: int | None, body_id: int | None) -> None:
    seen = {body_id}
    current = parent_id
    while current is not None:
        if current in seen:
            raise refuse(ErrorCode.INVALID_ARGS, "a body cannot be its own ancestor",
                         field="parent_id", reason="cycle")
        seen.add(current)
        parent = session.get(Body, current)
        if parent is None:
            raise refuse(ErrorCode.NOT_FOUND, "no such parent body", field="parent_id",
                         reason="no_body")
        current = parent.parent_id


# --- actions ------------------------------------------------------------------------

@action("admin.scope", ANYONE, NoArgs, "what the caller administers and whether they prepare")
def _scope(session: Session, who: Caller, _args: NoArgs) -> dict[str, Any]:
    """``prepares``: the meeting list offers "prepare meetings" only to those it serves.

    The same people the server lets create meetings: administrators of the system or of
    a body, and whoever chairs or is secretary of a meeting — a delegate never is.
    """
    bodies = _administered(session, who)
    prepares = who.is_admin or bool(bodies) or session.scalar(
        select(Participant.id).where(
            Participant.user_id == who.user_id,
            Participant.role.in_([Role.CHAIR.value, Role.SECRETARY.value])).limit(1)) is not None
    return {"system_admin": who.is_admin, "body_ids": bodies, "prepares": prepares}


@action("body.list", UNIT, NoArgs, "the bodies the caller administers (all for a system admin)")
def _body_list(session: Session, who: Caller, _args: NoArgs) -> dict[str, Any]:
    query = select(Body).order_by(Body.id)
    if not who.is_admin:
        query = query.where(Body.id.in_(_administered(session, who)))
    return {"bodies": [body_admin_view(b) for b in session.scalars(query)]}


@action("body.get", UNIT, BodyRef, "one body with its members, rules and administrators")
def _body_get(session: Session, who: Caller, args: BodyRef) -> dict[str, Any]:
    body = _body(session, who, args.body_id)
    admins = session.scalars(select(User).join(BodyAdmin, BodyAdmin.user_id == User.id)
                             .where(BodyAdmin.body_id == body.id).order_by(User.id))
    return {"body": {
        **body_admin_view(body),
        "members": [{"user_id": m.user_id, "username": m.user.username,
                     "full_name": m.user.full_name, "position": m.position, "seat": m.seat,
                     "term_number": m.term_number, "is_active": m.user.is_active}
                    for m in body.members],
        "admins": [{"user_id": u.id, "username": u.username, "full_name": u.full_name}
                   for u in admins]}}


@action("body.create", SYSTEM, BodyCreate, "a new body with the legal default rules")
def _body_create(session: Session, _who: Caller, args: BodyCreate) -> dict[str, Any]:
    if args.level == Level.DISTRICT.value and not args.read_only:
        raise refuse(ErrorCode.INVALID_ARGS, "district bodies exist only as archives",
                     field="level", reason="archived_level")
    _check_zone(args.time_zone)
    _check_term(args.term)
    _check_code(session, args.code, None)
    _check_parent(session, args.parent_id, None)
    rules = default_rule_rows(BodyKind(args.kind)) \
        if args.kind in {k.value for k in BodyKind} else []
    body = Body(name=args.name, kind=args.kind, level=args.level, code=args.code,
                parent_id=args.parent_id, time_zone=args.time_zone, read_only=args.read_only,
                total_members=0, vote_rules=rules,
                term_number=args.term.number if args.term else None,
                term_start=args.term.start if args.term else None,
                term_end=args.term.end if args.term else None)
    session.add(body)
    session.flush()
    return {"body": body_admin_view(body)}


@action("body.update", UNIT, BodyUpdate,
        "change a body's details and settings; for a unit admin, its term and membership")
def _body_update(session: Session, who: Caller, args: BodyUpdate) -> dict[str, Any]:
    body = _body(session, who, args.body_id)
    given = args.model_fields_set - {"body_id"}
    if not who.is_admin and given - UNIT_BODY_FIELDS:
        raise refuse(ErrorCode.FORBIDDEN, "only a system administrator may change this",
                     reason="system_admin_only", field=sorted(given - UNIT_BODY_FIELDS)[0])
    if body.read_only and given != {"read_only"}:
        raise refuse(ErrorCode.INVALID_STATE, "an archived body cannot be changed",
                     reason="read_only")
    if args.name is not None:
        body.name = args.name
    if args.code is not None:
        _check_code(session, args.code, body.id)
        body.code = args.code
    if "parent_id" in given:
        _check_parent(session, args.parent_id, body.id)
        body.parent_id = args.parent_id
    if args.time_zone is not None:
        _check_zone(args.time_zone)
        body.time_zone = args.time_zone
    if args.term is not None:
        _check_term(args.term)
        body.term_number, body.term_start, body.term_end = (args.term.number, args.term.start,
                                                            args.term.end)
    if args.read_only is not None:
        body.read_only = args.read_only
    if args.quorum is not None:
        _check_fraction("quorum", args.quorum)
        body.quorum_numerator = args.quorum.numerator
        body.quorum_denominator = args.quorum.denominator
        body.quorum_comparison = args.quorum.comparison
    for flag in ("stand_in_may_vote", "ballot_change_allowed", "show_open_tallies"):
        if getattr(args, flag) is not None:
            setattr(body, flag, getattr(args, flag))
    if args.time_limits is not None:
        limits = args.time_limits
        body.speech_seconds = limits.speech or body.speech_seconds
        body.question_seconds = limits.question or body.question_seconds
        body.reply_seconds = limits.reply or body.reply_seconds
    if args.total_members is not None:
        body.total_members_explicit = args.total_members > 0
        if args.total_members > 0:
            body.total_members = args.total_members
    labels = [label.strip() for label in args.option_labels or []]
    if any(not label for label in labels) \
            or len({label.casefold() for label in labels}) < len(labels):
        raise refuse(ErrorCode.INVALID_ARGS, "option labels must be distinct and not blank",
                     field="option_labels", reason="duplicate")
    for rule in body.vote_rules:
        if rule.matter == Matter.CONFIDENCE.value:
            continue
        if labels:
            rule.options = labels
        if args.chair_breaks_tie is not None:
            rule.chair_breaks_tie = args.chair_breaks_tie
    recount(body)
    session.flush()
    return {"body": body_admin_view(body)}


@action("rule.set", SYSTEM, RuleSet, "how one matter passes in one body")
def _rule_set(session: Session, who: Caller, args: RuleSet) -> dict[str, Any]:
    body = _body(session, who, args.body_id, change=True)
    _check_fraction("threshold", args.threshold)
    rule = next((r for r in body.vote_rules if r.matter == args.matter), None)
    if rule is None:
        rule = VoteRule(matter=args.matter, label=args.label or args.matter)
        body.vote_rules.append(rule)
    rule.label = args.label or rule.label
    rule.threshold_numerator = args.threshold.numerator
    rule.threshold_denominator = args.threshold.denominator
    rule.comparison = args.threshold.comparison
    rule.ballot = args.ballot
    rule.options = list(args.options)
    rule.chair_breaks_tie = args.chair_breaks_tie
    rule.ballot_choosable = args.ballot_choosable
    session.flush()
    return {"body": body_admin_view(body)}


@action("rule.reset", SYSTEM, RuleRef, "back to the legal default rule for a matter")
def _rule_reset(session: Session, who: Caller, args: RuleRef) -> dict[str, Any]:
    body = _body(session, who, args.body_id, change=True)
    kind = BodyKind(body.kind) if body.kind in {k.value for k in BodyKind} else None
    default = next((s for s in default_vote_rules(kind) if s.matter.value == args.matter),
                   None) if kind else None
    if default is None:
        raise refuse(ErrorCode.NOT_FOUND, "no legal default for this matter", field="matter",
                     reason="no_default")
    fresh = next(r for r in default_rule_rows(kind) if r.matter == args.matter)  # type: ignore[arg-type]
    body.vote_rules = [r for r in body.vote_rules if r.matter != args.matter]
    session.flush()
    body.vote_rules.append(fresh)
    session.flush()
    return {"body": body_admin_view(body)}


@action("member.add", UNIT, MemberArgs, "make a user a member of a body")
def _member_add(session: Session, who: Caller, args: MemberArgs) -> dict[str, Any]:
    body = _body(session, who, args.body_id, change=True)
    user = session.get(User, args.user_id)
    if user is None:
        raise refuse(ErrorCode.NOT_FOUND, "no such user", reason="no_user")
    if any(m.user_id == user.id for m in body.members):
        raise refuse(ErrorCode.INVALID_STATE, "already a member", reason="already_member")
    body.members.append(BodyMember(user_id=user.id, user=user, position=args.position,
                                   seat=args.seat, term_number=args.term_number))
    recount(body)
    session.flush()
    return {"body": body_admin_view(body)}


@action("member.update", UNIT, MemberArgs, "a member's position, seat or term")
def _member_update(session: Session, who: Caller, args: MemberArgs) -> dict[str, Any]:
    body = _body(session, who, args.body_id, change=True)
    member = next((m for m in body.members if m.user_id == args.user_id), None)
    if member is None:
        raise refuse(ErrorCode.NOT_FOUND, "not a member", reason="not_member")
    member.position, member.seat, member.term_number = (args.position, args.seat,
                                                        args.term_number)
    recount(body)
    session.flush()
    return {"body": body_admin_view(body)}


@action("member.remove", UNIT, MemberRef, "end a user's membership of a body")
def _member_remove(session: Session, who: Caller, args: MemberRef) -> dict[str, Any]:
    body = _body(session, who, args.body_id, change=True)
    member = next((m for m in body.members if m.user_id == args.user_id), None)
    if member is None:
        raise refuse(ErrorCode.NOT_FOUND, "not a member", reason="not_member")
    body.members.remove(member)
    session.flush()
    recount(body)
    session.flush()
    return {"body": body_admin_view(body)}


@action("user.list", UNIT, UserList, "accounts; for a unit admin, their bodies' members only")
def _user_list(session: Session, who: Caller, args: UserList) -> dict[str, Any]:
    query = select(User).order_by(User.username)
    if args.body_id is not None:
        _body(session, who, args.body_id)
        query = query.join(BodyMember, BodyMember.user_id == User.id).where(
            BodyMember.body_id == args.body_id)
    elif not who.is_admin:
        query = query.where(User.id.in_(select(BodyMember.user_id).where(
            BodyMember.body_id.in_(_administered(session, who)))))
    return {"users": [user_view(u) for u in session.scalars(query)]}


def _new_user(session: Session, who: Caller, username: str, full_name: str, title: str,
              password: str | None) -> tuple[User, str]:
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise refuse(ErrorCode.INVALID_ARGS, "this username is taken", field="username",
                     reason="duplicate")
    password = password or secrets.token_urlsafe(9)
    user = User(username=username, full_name=full_name, title=title,
                password_hash=hash_password(password))
    session.add(user)
    session.flush()
    return user, password


@action("user.create", UNIT, UserCreate, "a new account, optionally a member of a body")
def _user_create(session: Session, who: Caller, args: UserCreate) -> dict[str, Any]:
    if args.body_id is None and not who.is_admin:
        raise refuse(ErrorCode.INVALID_ARGS, "a unit administrator creates users of a body",
                     field="body_id", reason="required")
    body = _body(session, who, args.body_id, change=True) if args.body_id else None
    user, password = _new_user(session, who, args.username, args.full_name, args.title,
                               args.password)
    if body is not None:
        body.members.append(BodyMember(user_id=user.id, user=user, position=args.position,
                                       seat=args.seat))
        recount(body)
    session.flush()
    return {"user": user_view(user), "password": password}


def _revoke(session: Session, user: User) -> None:
    session.execute(update(LoginToken).where(LoginToken.user_id == user.id,
                                              LoginToken.revoked_at.is_(None))
                    .values(revoked_at=utcnow()))


@action("user.deactivate", UNIT, UserRef, "lock an account; its sessions end at once")
def _user_deactivate(session: Session, who: Caller, args: UserRef) -> dict[str, Any]:
    user = _user(session, who, args.user_id)
    if user.id == who.user_id:
        raise refuse(ErrorCode.INVALID_STATE, "you cannot lock yourself out", reason="self")
    user.is_active = False
    _revoke(session, user)
    return {"user": user_view(user)}


@action("user.activate", UNIT, UserRef, "unlock an account")
def _user_activate(session: Session, who: Caller, args: UserRef) -> dict[str, Any]:
    user = _user(session, who, args.user_id)
    user.is_active = True
    return {"user": user_view(user)}


@action("user.reset_password", UNIT, UserRef, "a new generated password; sessions end")
def _user_reset(session: Session, who: Caller, args: UserRef) -> dict[str, Any]:
    user = _user(session, who, args.user_id)
    password = secrets.token_urlsafe(9)
    user.password_hash = hash_password(password)
    user.password_changed_at = utcnow()
    _revoke(session, user)
    return {"user": user_view(user), "password": password}


@action("user.import", UNIT, UserImport, "many accounts at once, previewed per row")
def _user_import(session: Session, who: Caller, args: UserImport) -> dict[str, Any]:
    if args.body_id is None and not who.is_admin:
        raise refuse(ErrorCode.INVALID_ARGS, "a unit administrator imports users of a body",
                     field="body_id", reason="required")
    body = _body(session, who, args.body_id, change=True) if args.body_id else None
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for number, row in enumerate(args.rows, start=1):
        errors = []
        if not row.username or any(c.isspace() for c in row.username):
            errors.append({"column": "username", "reason": "invalid"})
        elif row.username in seen:
            errors.append({"column": "username", "reason": "duplicate"})
        seen.add(row.username)
        existing = session.scalar(select(User).where(User.username == row.username))
        if existing is None and not row.full_name:
            errors.append({"column": "full_name", "reason": "required"})
        if existing is not None and not who.is_admin and body is not None \
                and not any(m.user_id == existing.id for m in body.members):
            errors.append({"column": "username", "reason": "taken"})
        status = "error" if errors else "create" if existing is None else (
            "update" if (row.full_name and row.full_name != existing.full_name)
            or (row.title and row.title != existing.title) else "unchanged")
        out.append({"row": number, "username": row.username, "status": status,
                    "errors": errors})
    if args.dry_run or any(r["errors"] for r in out):
        return {"rows": out, "applied": False}
    for result, row in zip(out, args.rows, strict=True):
        user = session.scalar(select(User).where(User.username == row.username))
        if user is None:
            user, result["password"] = _new_user(session, who, row.username, row.full_name,
                                                 row.title, None)
        else:
            user.full_name = row.full_name or user.full_name
            user.title = row.title or user.title
        if body is not None and not any(m.user_id == user.id for m in body.members):
            body.members.append(BodyMember(user_id=user.id, user=user, position=row.position,
                                           seat=row.seat))
    if body is not None:
        recount(body)
    session.flush()
    return {"rows": out, "applied": True}


@action("body_admin.grant", SYSTEM, MemberRef, "make a user a body's unit administrator")
def _grant(session: Session, who: Caller, args: MemberRef) -> dict[str, Any]:
    _body(session, who, args.body_id)
    _user(session, who, args.user_id)
    if session.scalar(select(BodyAdmin.id).where(BodyAdmin.body_id == args.body_id,
                                                 BodyAdmin.user_id == args.user_id)) is None:
        session.add(BodyAdmin(body_id=args.body_id, user_id=args.user_id))
    return {"body_id": args.body_id, "user_id": args.user_id}


@action("body_admin.revoke", SYSTEM, MemberRef, "end a user's unit administration")
def _revoke_admin(session: Session, _who: Caller, args: MemberRef) -> dict[str, Any]:
    session.query(BodyAdmin).filter_by(body_id=args.body_id, user_id=args.user_id).delete()
    return {"body_id": args.body_id, "user_id": args.user_id}
