"""Votes, elections and confidence ratings: create, open, cast, stop, close, annul.

Secret ballots are written so the database cannot say who chose what: the
"has voted" row and the ballot row share nothing but the vote id, and at close
every ballot is rewritten under a fresh random key, then the table is scrubbed.
No transaction holds both: group commit writes a batch's ballots (shuffled) in
one transaction and its voters' "has voted" rows in the next
(``MeetingService.execute_batch``), so not even the write-ahead log pairs them.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass
from typing import Annotated, Any, Protocol

from pydantic import Field
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from meetingroom.core.protocol import ErrorCode, ProtocolError, Reason
from meetingroom.core.rules.confidence import tally_confidence, validate_ratings
from meetingroom.core.rules.election import duplicate_candidates, tally_election, validate_selection
from meetingroom.core.rules.question import QuestionRule, tally_question
from meetingroom.core.vocabulary import (
    KIND_OF_MATTER,
    VOTE_TRANSITIONS,
    Attendance,
    Ballot,
    Matter,
    MeetingStatus,
    Role,
    VoteKind,
    VoteStatus,
)
from meetingroom.server.commands.attendance import participant
from meetingroom.server.commands.registry import Args, CommandContext, command
from meetingroom.server.meeting_state import (
    is_member,
    live_tally,
    vote_threshold,
    vote_view,
)
from meetingroom.server.storage.models import (
    AgendaItem,
    OpenBallot,
    Participant,
    SecretBallot,
    SecretBallotBatch,
    Vote,
    VoteRule,
    VoteVoter,
)
from meetingroom.server.storage.types import utcnow

Id = Annotated[int, Field(ge=1, le=2**62)]
Name = Annotated[str, Field(min_length=1, max_length=200)]
#: Made by the voter's client and never stored: only its hash keys the ballot.
BallotSecret = Annotated[str, Field(min_length=32, max_length=128, pattern=r"^[A-Za-z0-9_-]+$")]

CHAIR = {Role.CHAIR.value}
VOTERS = {Role.CHAIR.value, Role.SECRETARY.value, Role.DELEGATE.value, Role.GUEST.value}


def _vote(ctx: CommandContext, vote_id: int) -> Vote:
    vote = ctx.session.get(Vote, vote_id)
    if vote is None or vote.meeting_id != ctx.meeting.id:
        raise ProtocolError(ErrorCode.NOT_FOUND, f"no vote {vote_id} in this meeting",
                            reason=Reason.NO_VOTE, params={"vote_id": vote_id})
    return vote


def _move(vote: Vote, target: VoteStatus) -> None:
    current = VoteStatus(vote.status)
    if target not in VOTE_TRANSITIONS[current]:
        raise ProtocolError(ErrorCode.INVALID_STATE,
                            f"a vote cannot go from {current} to {target}",
                            reason=Reason.VOTE_TRANSITION,
                            params={"status": str(current), "target": target.value})
    vote.status = target.value


def _in_session(ctx: CommandContext) -> None:
    if ctx.meeting.status != MeetingStatus.IN_PROGRESS:
        raise ProtocolError(ErrorCode.INVALID_STATE, "the session is not in progress",
                            reason=Reason.SESSION_NOT_IN_PROGRESS)


# --- create --------------------------------------------------------------------------


class CreateArgs(Args):
    matter: Matter | None = None
    title: Annotated[str, Field(min_length=1, max_length=500)] | None = None
    item_id: Id | None = None
    #: Only where the body's rule lets the council choose (e.g. bãi nhiệm).
    ballot: Ballot | None = None
    candidates: Annotated[list[Name], Field(max_length=200)] | None = None
    seats: Annotated[int, Field(ge=1, le=200)] | None = None
    #: Hold an annulled vote again: missing fields are copied from it.
    repeat_of: Id | None = None


def _rule(ctx: CommandContext, matter: Matter) -> VoteRule:
    rule = ctx.session.scalar(select(VoteRule).where(VoteRule.body_id == ctx.meeting.body_id,
                                                     VoteRule.matter == matter.value))
    if rule is None:
        raise ProtocolError(ErrorCode.INVALID_ARGS, f"this body has no vote rule for {matter}",
                            reason=Reason.NO_VOTE_RULE, params={"matter": str(matter)})
    return rule


@command("vote.create", roles=CHAIR, args=CreateArgs)
def create(ctx: CommandContext, args: CreateArgs) -> dict[str, Any]:
    """Prepare a vote on an agenda item; its matter selects the body's rule."""
    if ctx.meeting.status not in (MeetingStatus.PUBLISHED, MeetingStatus.IN_PROGRESS):
        raise ProtocolError(ErrorCode.INVALID_STATE, "the meeting is closed or still a draft",
                            reason=Reason.MEETING_NOT_VOTING)
    base = _vote(ctx, args.repeat_of) if args.repeat_of is not None else None
    if base is not None and base.status != VoteStatus.ANNULLED:
        raise ProtocolError(ErrorCode.INVALID_STATE, "only an annulled vote can be held again",
                            reason=Reason.ONLY_ANNULLED_AGAIN)
    matter = args.matter or (Matter(base.matter) if base else None)
    title = args.title or (base.title if base else None)
    if matter is None or title is None:
        raise ProtocolError(ErrorCode.INVALID_ARGS, "matter and title are required")
    rule = _rule(ctx, matter)
    kind = KIND_OF_MATTER[matter]
    ballot = args.ballot or (Ballot(base.ballot) if base else Ballot(rule.ballot))
    if ballot != rule.ballot and not rule.ballot_choosable:
        raise ProtocolError(ErrorCode.INVALID_ARGS, f"this matter is always voted {rule.ballot}",
                            reason=Reason.MATTER_ALWAYS, params={"ballot": str(rule.ballot)})
    candidates = args.candidates if args.candidates is not None else (
        list(base.candidates) if base else [])
    seats = args.seats or (base.seats if base else 1)
    if kind is VoteKind.QUESTION and candidates:
        raise ProtocolError(ErrorCode.INVALID_ARGS, "a question vote has no candidates")
    if kind is not VoteKind.QUESTION and not candidates:
        raise ProtocolError(ErrorCode.INVALID_ARGS, "an election or rating needs candidates",
                            reason=Reason.NEEDS_CANDIDATES)
    # Names as people read them: one space between words, none around (NFC came with
    # the wire); a name of white space only is no name.
    candidates = [" ".join(name.split()) for name in candidates]
    blank = next((i for i, name in enumerate(candidates) if not name), None)
    if blank is not None:
        raise ProtocolError(ErrorCode.INVALID_ARGS, "a candidate's name is blank",
                            reason=Reason.BLANK_CANDIDATE, params={"index": blank})
    twice = duplicate_candidates(candidates)
    if twice is not None:
        raise ProtocolError(ErrorCode.INVALID_ARGS, "a candidate is listed twice",
                            reason=Reason.DUPLICATE_CANDIDATE,
                            params={"indexes": list(twice)})
    if kind is VoteKind.ELECTION and seats > len(candidates):
        # More seats than people: some seats could never be filled, and the ballot's
        # "at most `seats` names" would let a voter tick everyone. Equal numbers are
        # fine (the law allows as many candidates as seats).
        raise ProtocolError(ErrorCode.INVALID_ARGS,
                            f"more seats ({seats}) than candidates ({len(candidates)})",
                            reason=Reason.SEATS_EXCEED_CANDIDATES,
                            params={"seats": seats, "candidates": len(candidates)})
    item_id = args.item_id or (base.agenda_item_id if base else ctx.meeting.current_item_id)
    if item_id is None:
        raise ProtocolError(ErrorCode.INVALID_ARGS,
                            "a vote belongs to an agenda item; none given or current",
                            reason=Reason.VOTE_NEEDS_ITEM)
    item = ctx.session.get(AgendaItem, item_id)
    if item is None or item.meeting_id != ctx.meeting.id:
        raise ProtocolError(ErrorCode.NOT_FOUND, f"no agenda item {item_id} in this meeting",
                            reason=Reason.NO_AGENDA_ITEM, params={"item_id": item_id})
    body = ctx.meeting.body
    vote = Vote(meeting_id=ctx.meeting.id, agenda_item_id=item.id, kind=kind.value,
                matter=matter.value, title=title, rule_label=rule.label,
                threshold_numerator=rule.threshold_numerator,
                threshold_denominator=rule.threshold_denominator, comparison=rule.comparison,
                ballot=ballot.value, options=list(rule.options), candidates=candidates,
                seats=seats if kind is VoteKind.ELECTION else 1,
                chair_breaks_tie=rule.chair_breaks_tie,
                ballot_change_allowed=body.ballot_change_allowed,
                stand_in_may_vote=body.stand_in_may_vote, total_members=body.total_members,
                status=VoteStatus.DRAFT.value, repeat_of_id=base.id if base else None,
                created_by=ctx.user.id, created_at=utcnow())
    ctx.session.add(vote)
    ctx.session.flush()
    view = vote_view(ctx.session, vote, ctx.meeting)
    ctx.emit("vote.created", {"vote": view, "by": ctx.user.id})
    return {"vote": view}


class VoteArgs(Args):
    vote_id: Id


@command("vote.open", roles=CHAIR, args=VoteArgs)
def open_vote(ctx: CommandContext, args: VoteArgs) -> dict[str, Any]:
    """Open the vote to the members present; every delegate's screen shows it at once."""
    _in_session(ctx)
    vote = _vote(ctx, args.vote_id)
    other = ctx.session.scalar(select(Vote.id).where(
        Vote.meeting_id == ctx.meeting.id, Vote.status == VoteStatus.OPEN.value,
        Vote.id != vote.id))
    if other is not None:
        raise ProtocolError(ErrorCode.INVALID_STATE, f"vote {other} is open; stop it first",
                            reason=Reason.VOTE_ALREADY_OPEN, params={"vote_id": other})
    _move(vote, VoteStatus.OPEN)
    vote.opened_at = vote.opened_at or utcnow()
    view = vote_view(ctx.session, vote, ctx.meeting)
    ctx.emit("vote.opened", {"vote": view, "by": ctx.user.id})
    return {"vote": view}


# --- cast ----------------------------------------------------------------------------


class CastArgs(Args):
    vote_id: Id
    #: Ordinary vote: index into the vote's options.
    choice: Annotated[int, Field(ge=0, le=100)] | None = None
    #: Election: indexes of the candidates chosen (at most ``seats``).
    candidates: Annotated[list[Annotated[int, Field(ge=0, le=1000)]],
                          Field(max_length=200)] | None = None
    #: Confidence rating: official index → level index (0 cao, 1 tín nhiệm, 2 thấp).
    ratings: Annotated[dict[Annotated[int, Field(ge=0, le=1000)],
                            Annotated[int, Field(ge=0, le=2)]],
                       Field(max_length=200)] | None = None
    ballot_secret: BallotSecret | None = None
    #: A stand-in casting the ballot of the absent member who authorised them.
    on_behalf_of: Id | None = None


def _ballot_holder(ctx: CommandContext, vote: Vote, on_behalf_of: int | None) -> \
        tuple[int, bool]:
    """Whose seat this ballot is for, after every eligibility rule of the body."""
    sender = participant(ctx, ctx.user.id)
    if sender.attendance != Attendance.PRESENT:
        raise ProtocolError(ErrorCode.INVALID_STATE, "check in first",
                            reason=Reason.CHECK_IN_FIRST)
    if on_behalf_of is None or on_behalf_of == ctx.user.id:
        if not is_member(sender):
            raise ProtocolError(ErrorCode.FORBIDDEN, "only members vote",
                                reason=Reason.MEMBERS_ONLY_VOTE)
        return sender.user_id, False
    if not vote.stand_in_may_vote:
        raise ProtocolError(ErrorCode.FORBIDDEN, "this body does not let stand-ins vote",
                            reason=Reason.STAND_IN_MAY_NOT_VOTE)
    member = participant(ctx, on_behalf_of)
    if not is_member(member) or member.stand_in_user_id != ctx.user.id:
        raise ProtocolError(ErrorCode.FORBIDDEN, "the sender does not stand in for this member",
                            reason=Reason.NOT_YOUR_STAND_IN)
    if member.attendance == Attendance.PRESENT:
        raise ProtocolError(ErrorCode.INVALID_STATE, "the member is present and votes",
                            reason=Reason.MEMBER_PRESENT)
    return member.user_id, True


_BALLOT_SHAPE = {VoteKind.QUESTION: "a question", VoteKind.ELECTION: "an election",
                 VoteKind.CONFIDENCE: "a confidence"}


class BallotShape(Protocol):
    """What a ballot is checked against: the stored vote, or the live meeting's copy of it."""

    @property
    def kind(self) -> str: ...
    @property
    def options(self) -> list[Any]: ...
    @property
    def candidates(self) -> list[Any]: ...
    @property
    def seats(self) -> int: ...


def ballot_choice(vote: BallotShape, args: CastArgs) -> dict[str, Any]:
    """The ballot in its stored form, after checking it fits the vote's shape."""
    kind = VoteKind(vote.kind)
    given = {"choice": args.choice, "candidates": args.candidates, "ratings": args.ratings}
    wanted = {VoteKind.QUESTION: "choice", VoteKind.ELECTION: "candidates",
              VoteKind.CONFIDENCE: "ratings"}[kind]
    if given[wanted] is None or any(v is not None for k, v in given.items() if k != wanted):
        raise ProtocolError(ErrorCode.INVALID_ARGS,
                            f"{_BALLOT_SHAPE[kind]} ballot is given as '{wanted}'",
                            reason=Reason.BALLOT_SHAPE, params={"expected": wanted})
    try:
        if kind is VoteKind.QUESTION:
            assert args.choice is not None
            if args.choice >= len(vote.options):
                raise ValueError("no such option")
            return {"option": args.choice}
        if kind is VoteKind.ELECTION:
            assert args.candidates is not None
            chosen = validate_selection(args.candidates, len(vote.candidates), vote.seats)
            return {"candidates": sorted(chosen)}
        assert args.ratings is not None
        ratings = validate_ratings(args.ratings, len(vote.candidates), len(vote.options))
        return {"ratings": {str(k): v for k, v in sorted(ratings.items())}}
    except ValueError as exc:
        raise ProtocolError(ErrorCode.INVALID_ARGS, f"invalid ballot: {exc}",
                            reason=Reason.INVALID_BALLOT) from None


def ballot_key(vote_id: int, secret: str) -> str:
    return hashlib.sha256(f"meetingroom-ballot:{vote_id}:{secret}".encode()).hexdigest()


@dataclass(frozen=True)
class _Cast:
    """A ballot that passed every check, before anything is written."""

    vote: Vote
    member_id: int
    by_stand_in: bool
    choice: dict[str, Any]
    already: bool

    @property
    def secret(self) -> bool:
        return self.vote.ballot == Ballot.SECRET


def _check_cast(ctx: CommandContext, args: CastArgs) -> _Cast:
    """Every rule a ballot must pass; reads only (group commit runs it twice)."""
    vote = _vote(ctx, args.vote_id)
    if vote.status != VoteStatus.OPEN:
        raise ProtocolError(ErrorCode.INVALID_STATE,
                            "the vote is not open; the ballot was not counted",
                            reason=Reason.VOTE_NOT_OPEN, params={"status": vote.status})
    member_id, by_stand_in = _ballot_holder(ctx, vote, args.on_behalf_of)
    choice = ballot_choice(vote, args)
    if vote.ballot == Ballot.SECRET and args.ballot_secret is None:
        raise ProtocolError(ErrorCode.INVALID_ARGS, "a secret ballot needs ballot_secret")
    already = ctx.session.scalar(select(VoteVoter.id).where(
        VoteVoter.vote_id == vote.id, VoteVoter.member_user_id == member_id))
    if already is not None and not vote.ballot_change_allowed:
        raise ProtocolError(ErrorCode.INVALID_STATE,
                            "already voted; this body does not allow changing a ballot",
                            reason=Reason.ALREADY_VOTED)
    return _Cast(vote, member_id, by_stand_in, choice, already is not None)


@command("vote.cast", roles=VOTERS, args=CastArgs)
def cast(ctx: CommandContext, args: CastArgs) -> dict[str, Any]:
    """Cast (or, where the body allows, change) a ballot while the vote is open."""
    checked = _check_cast(ctx, args)
    vote, member_id, by_stand_in = checked.vote, checked.member_id, checked.by_stand_in
    already, secret = checked.already, checked.secret
    if secret and not ctx.secret_ballot_stored:
        # A secret ballot is written only by ``store_secret_ballots``, in a transaction
        # that holds no voter; never here beside the voter's "has voted" row.
        assert args.ballot_secret is not None
        _secret_write(ctx, vote, ballot_key(vote.id, args.ballot_secret), changing=already)
        raise ProtocolError(ErrorCode.UNAVAILABLE,
                            "the ballot was not stored; send it again",
                            reason=Reason.SERVER_BUSY)
    if not secret:
        _store_open(ctx, vote, member_id, checked.choice)
    if not already:
        ctx.session.add(VoteVoter(vote_id=vote.id, member_user_id=member_id,
                                  by_stand_in=by_stand_in))
        ctx.session.flush()
    if not already or not secret:
        # A changed secret ballot emits nothing: the hall learns no more than before.
        # Fixed size whatever the hall: who voted, how many so far, and the running
        # tally only where the ballot is open and the body shows it. Clients add the
        # member to their "voted" list; a full list per ballot made every vote O(N²).
        voted_count = ctx.session.scalar(select(func.count()).select_from(VoteVoter).where(
            VoteVoter.vote_id == vote.id)) or 0
        ctx.emit("vote.ballot_cast", {
            "vote_id": vote.id, "member_user_id": member_id, "by_stand_in": by_stand_in,
            "changed": already, "voted_count": voted_count,
            "tally": live_tally(ctx.session, vote, ctx.meeting)})
    # The reply is stored with the sender's id for retries: it must not echo the choice.
    return {"vote_id": vote.id, "member_user_id": member_id, "accepted": True,
            "changed": already}


# --- secret ballots, written apart from their voters ------------------------------------


@dataclass
class PlannedBallot:
    """A secret ballot to write in the ballots' own transaction (group commit, phase 1)."""

    vote_id: int
    member_id: int
    key: str
    choice: dict[str, Any]
    #: "insert" a new ballot, "adopt" one a crashed batch left uncounted (the same voter
    #: sending again: only their client knows the secret behind the key), or "change".
    mode: str


def plan_secret_ballot(ctx: CommandContext, args: CastArgs) -> PlannedBallot | None:
    """The ballot this command will store, after every check; None for an open ballot.

    Reads only. Refusals raise as they would in ``cast``, which repeats these checks in
    the voters' transaction.
    """
    checked = _check_cast(ctx, args)
    if not checked.secret:
        return None
    assert args.ballot_secret is not None
    key = ballot_key(checked.vote.id, args.ballot_secret)
    mode = _secret_write(ctx, checked.vote, key, changing=checked.already)
    return PlannedBallot(checked.vote.id, checked.member_id, key, checked.choice, mode)


def _committed(vote_id: int) -> Any:
    """Ballots that count: rewritten at close, without a batch, or of a committed batch."""
    return SecretBallot.batch.is_(None) | SecretBallot.batch.in_(
        select(SecretBallotBatch.batch).where(SecretBallotBatch.vote_id == vote_id))


def secret_ballot_keys(session: Session,
                       wanted: set[tuple[int, str]]) -> dict[tuple[int, str], bool]:
    """Which of these (vote, ballot key) pairs are written, and whether each counts:
    one read per vote for a whole batch — the live meeting's ``_plan_live``. Never the
    choices, for the reason ``_secret_write`` gives."""
    by_vote: dict[int, list[str]] = {}
    for vote_id, key in wanted:
        by_vote.setdefault(vote_id, []).append(key)
    found: dict[tuple[int, str], bool] = {}
    for vote_id, keys in sorted(by_vote.items()):
        for key, counts in session.execute(
                select(SecretBallot.ballot_key, _committed(vote_id)).where(
                    SecretBallot.vote_id == vote_id, SecretBallot.ballot_key.in_(keys))):
            found[(vote_id, key)] = bool(counts)
    return found


def secret_write_mode(counts: bool | None, *, changing: bool) -> str | None:
    """``_secret_write`` from a key's state (None: not written); None for a refusal."""
    if changing:
        return "change" if counts else None
    if counts is None:
        return "insert"
    return None if counts else "adopt"


def _secret_write(ctx: CommandContext, vote: Vote, key: str, *, changing: bool) -> str:
    """How a secret ballot under ``key`` would be written, or the refusal. Reads only.

    The earlier ballot's choice is never read back: a driver log at debug level would
    print the row (its choice) inside this voter's command.
    """
    found = ctx.session.execute(select(SecretBallot.batch, _committed(vote.id)).where(
        SecretBallot.vote_id == vote.id, SecretBallot.ballot_key == key)).first()
    if changing:
        if found is None or not found[1]:
            raise ProtocolError(ErrorCode.INVALID_ARGS,
                                "this device cannot change the earlier secret ballot",
                                reason=Reason.SECRET_BALLOT_UNKNOWN)
        return "change"
    if found is None:
        return "insert"
    if found[1]:
        raise ProtocolError(ErrorCode.INVALID_ARGS, "ballot_secret already used")
    return "adopt"


def store_secret_ballots(session: Session, planned: list[PlannedBallot], batch: str) -> None:
    """Write a batch's secret ballots in random order, in the caller's ballot-only transaction.

    The order must not follow the voters' (their "has voted" rows are written in
    arrival order in the next transaction). New and adopted ballots carry ``batch``
    and count once the voters' transaction records it; a change keeps its batch.
    """
    rows = list(planned)
    secrets.SystemRandom().shuffle(rows)
    inserts = [{"vote_id": p.vote_id, "ballot_key": p.key, "choice": p.choice, "batch": batch}
               for p in rows if p.mode == "insert"]
    if inserts:
        session.execute(insert(SecretBallot), inserts)
    for p in rows:
        if p.mode == "insert":
            continue
        values: dict[str, Any] = {"choice": p.choice}
        if p.mode == "adopt":
            values["batch"] = batch
        session.execute(update(SecretBallot).where(
            SecretBallot.vote_id == p.vote_id, SecretBallot.ballot_key == p.key)
            .values(**values).execution_options(synchronize_session=False))


def confirm_secret_ballots(session: Session, vote_ids: set[int], batch: str) -> None:
    """Count a batch's ballots: written in the voters' transaction, after their rows."""
    if vote_ids:
        session.execute(insert(SecretBallotBatch),
                        [{"vote_id": v, "batch": batch} for v in sorted(vote_ids)])


def _store_open(ctx: CommandContext, vote: Vote, member_id: int, choice: dict[str, Any]) -> None:
    row = ctx.session.scalar(select(OpenBallot).where(
        OpenBallot.vote_id == vote.id, OpenBallot.member_user_id == member_id))
    if row is None:
        ctx.session.add(OpenBallot(vote_id=vote.id, member_user_id=member_id, choice=choice,
                                   cast_at=utcnow()))
    else:
        row.choice, row.cast_at = choice, utcnow()


# --- stop, close, annul --------------------------------------------------------------


@command("vote.stop", roles=CHAIR, args=VoteArgs)
def stop(ctx: CommandContext, args: VoteArgs) -> dict[str, Any]:
    """Stop taking ballots; the chair may reopen or close it."""
    vote = _vote(ctx, args.vote_id)
    _move(vote, VoteStatus.STOPPED)
    vote.stopped_at = utcnow()
    view = vote_view(ctx.session, vote, ctx.meeting)
    ctx.emit("vote.stopped", {"vote": view, "by": ctx.user.id})
    return {"vote": view}


@command("vote.close", roles=CHAIR, args=VoteArgs)
def close(ctx: CommandContext, args: VoteArgs) -> dict[str, Any]:
    """Count, announce and seal the result; a closed vote can never be reopened."""
    vote = _vote(ctx, args.vote_id)
    if vote.status == VoteStatus.OPEN:
        stop(ctx, args)
    _move(vote, VoteStatus.CLOSED)
    vote.closed_at = utcnow()
    vote.result = _count(ctx, vote)
    if vote.ballot == Ballot.SECRET:
        _reshuffle_secret(ctx, vote)
    view = vote_view(ctx.session, vote, ctx.meeting)
    ctx.emit("vote.closed", {"vote": view, "by": ctx.user.id})
    return {"vote": view}


class AnnulArgs(Args):
    vote_id: Id
    reason: Annotated[str, Field(min_length=3, max_length=1000)]


@command("vote.annul", roles=CHAIR, args=AnnulArgs)
def annul(ctx: CommandContext, args: AnnulArgs) -> dict[str, Any]:
    """Void a vote with a reason; it may be held again as a new vote (``repeat_of``)."""
    vote = _vote(ctx, args.vote_id)
    _move(vote, VoteStatus.ANNULLED)
    vote.annulled_at = utcnow()
    vote.annul_reason = args.reason.strip()
    if vote.ballot == Ballot.SECRET:
        _reshuffle_secret(ctx, vote)
    view = vote_view(ctx.session, vote, ctx.meeting)
    ctx.emit("vote.annulled", {"vote": view, "by": ctx.user.id})
    return {"vote": view}


def _ballots(ctx: CommandContext, vote: Vote) -> list[dict[str, Any]]:
    if vote.ballot == Ballot.SECRET:
        return list(ctx.session.scalars(select(SecretBallot.choice).where(
            SecretBallot.vote_id == vote.id, _committed(vote.id))))
    return list(ctx.session.scalars(
        select(OpenBallot.choice).where(OpenBallot.vote_id == vote.id)))


def _count(ctx: CommandContext, vote: Vote) -> dict[str, Any]:
    ctx.session.flush()
    ballots = _ballots(ctx, vote)
    threshold = vote_threshold(vote)
    if vote.kind == VoteKind.ELECTION:
        election = tally_election(vote.candidates, vote.seats, threshold, vote.total_members,
                                  [frozenset(b["candidates"]) for b in ballots])
        return {"kind": vote.kind, **election.view(threshold)}
    if vote.kind == VoteKind.CONFIDENCE:
        rating = tally_confidence(vote.candidates, vote.options, threshold, vote.total_members,
                                  [{int(k): v for k, v in b["ratings"].items()}
                                   for b in ballots])
        return {"kind": vote.kind, **rating.view(threshold)}
    rule = QuestionRule(threshold, tuple(vote.options), vote.chair_breaks_tie)
    chair_choice = None
    by_member: list[dict[str, Any]] = []
    if vote.ballot == Ballot.OPEN:
        rows = ctx.session.scalars(select(OpenBallot).where(OpenBallot.vote_id == vote.id)
                                   .order_by(OpenBallot.member_user_id)).all()
        by_member = [{"user_id": r.member_user_id, "option": r.choice["option"]} for r in rows]
        chairs = set(ctx.session.scalars(select(Participant.user_id).where(
            Participant.meeting_id == ctx.meeting.id, Participant.role == Role.CHAIR.value)))
        chair_choice = next((b["option"] for b in by_member if b["user_id"] in chairs), None)
    result = tally_question(rule, vote.total_members, [b["option"] for b in ballots],
                            chair_choice)
    view = {"kind": vote.kind, **result.view(rule)}
    if vote.ballot == Ballot.OPEN:
        view["by_member"] = by_member
    return view


def _reshuffle_secret(ctx: CommandContext, vote: Vote) -> None:
    """Rewrite every ballot under a fresh random key, in choice order, then scrub.

    Keys made from the voters' secrets, insertion order and (on PostgreSQL) the
    writing transaction's id could each be matched against the "has voted"
    rows; after this, all ballots look alike except for what they say.
    """
    choices = sorted(_ballots(ctx, vote), key=lambda c: json.dumps(c, sort_keys=True))
    # Ballots of a batch that never committed (a crash between the two transactions,
    # and no retry since) go too: nobody was recorded as having cast them.
    ctx.session.execute(delete(SecretBallot).where(SecretBallot.vote_id == vote.id))
    ctx.session.execute(delete(SecretBallotBatch).where(SecretBallotBatch.vote_id == vote.id))
    if choices:
        ctx.session.execute(insert(SecretBallot), [
            {"vote_id": vote.id, "ballot_key": secrets.token_hex(32), "choice": c}
            for c in choices])
    db = ctx.db
    if db is not None:
        ctx.after_commit.append(lambda: db.scrub(SecretBallot.__tablename__))
        ctx.after_commit.append(lambda: db.scrub(SecretBallotBatch.__tablename__))

