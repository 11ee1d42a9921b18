"""The live meeting in memory: check-ins and open ballots checked and written without the ORM.

A hall checking in or voting sends hundreds of commands within a second. Through the
ORM each one cost ~19 statements — the meeting, the sender's roles, the participant,
the quorum recount over every participant, the audit head, flushes — on the one
database thread: ~30 commands a second (profiled: README, Performance). Here the state
those commands are checked against lives in memory per meeting (``LiveMeeting``: the
seats' attendance, the votes, the open vote's voters and open ballots), loaded from the
database once; a batch is checked against it and written with a handful of bulk
statements (``LiveBatch.write``) in the batch's one transaction.

The copy is trusted only while the meeting's ``last_seq`` under the batch's row lock is
the one it was loaded or last written at. Everything else that changes a meeting
appends an event — the per-command path, or another server process on PostgreSQL, so a
different ``last_seq`` means "reload", inside the same transaction, after the lock. What
changes without an event — the body's settings, unit administrators — is read fresh for
every batch. Each command is checked completely before it touches the copy, so a
refused one leaves nothing behind; a batch whose transaction fails drops the copy.

Secret ballots keep their two transactions: the ballots' own (planned against the copy,
``MeetingService._plan_live``, one read of the batch's keys, then
``voting.store_secret_ballots`` shuffled as before) and the voters' (here: the "has
voted" rows and events). Speaking requests, and any command refused before its ballot
was written, take the per-command path (``MeetingService._apply_batch``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from meetingroom.core.events import check_payload
from meetingroom.core.protocol import (
    ErrorCode,
    ProtocolError,
    Reason,
    from_wire,
    validation_details,
)
from meetingroom.core.rules.quorum import AttendanceCounts, MemberPresence, count_attendance
from meetingroom.core.vocabulary import (
    Attendance,
    Ballot,
    MeetingStatus,
    Role,
    VoteKind,
    VoteStatus,
)
from meetingroom.server.commands import ADMIN, REGISTRY
from meetingroom.server.commands.attendance import CLERKS, WhoArgs
from meetingroom.server.commands.voting import CastArgs, ballot_choice
from meetingroom.server.meeting_state import (
    attendance_view,
    is_member,
    quorum_summary,
    represented,
)
from meetingroom.server.storage.models import (
    Body,
    BodyAdmin,
    CommandResult,
    Event,
    Meeting,
    OpenBallot,
    Participant,
    Vote,
    VoteVoter,
    table_of,
)
from meetingroom.server.storage.types import utcnow

#: Commands the live meeting applies itself. A ``vote.cast`` with a ballot secret only
#: once the batch's ballot transaction has written its ballot (``MeetingService``).
LIVE_COMMANDS = frozenset({"attendance.check_in", "vote.cast"})

_PREPARING = frozenset({Role.CHAIR.value, Role.SECRETARY.value, ADMIN})


def takes_fast_path(name: str, args: dict[str, Any]) -> bool:
    """Whether a batched command is applied by the live meeting."""
    return name in LIVE_COMMANDS and not (name == "vote.cast"
                                          and args.get("ballot_secret") is not None)


@dataclass
class LiveSeat:
    """One participant's row as far as check-ins and ballots read and write it."""

    id: int
    user_id: int
    role: str
    attendance: str
    absence_reason: str
    absence_excused: bool
    checked_in_at: datetime | None
    checked_out_at: datetime | None
    stand_in_user_id: int | None


@dataclass
class LiveVote:
    id: int
    kind: str
    ballot: str
    status: str
    options: list[Any]
    candidates: list[Any]
    seats: int
    ballot_change_allowed: bool
    stand_in_may_vote: bool
    #: Members whose ballot is in (the "has voted" rows), loaded for an open vote only.
    voters: set[int] = field(default_factory=set)
    #: Open ballots by member, and the running counts made from them (open vote only).
    ballots: dict[int, dict[str, Any]] = field(default_factory=dict)
    counts: list[int] = field(default_factory=list)

    def count(self, choice: dict[str, Any], step: int) -> None:
        """Add (``step`` 1) or take back (-1) one open ballot in the running counts."""
        if self.kind == VoteKind.QUESTION:
            option = choice.get("option")
            if isinstance(option, int) and 0 <= option < len(self.counts):
                self.counts[option] += step
        elif self.kind == VoteKind.ELECTION:
            for c in choice.get("candidates", []):
                if isinstance(c, int) and 0 <= c < len(self.counts):
                    self.counts[c] += step


@dataclass(frozen=True)
class LiveBody:
    """The body's settings, read for every batch (they change without an event)."""

    id: int
    kind: str
    total_members: int
    quorum_numerator: int
    quorum_denominator: int
    quorum_comparison: str
    stand_in_may_vote: bool
    show_open_tallies: bool


class _Roll:
    """The attendance counts of the quorum summary, kept up to date check-in by check-in.

    ``meeting_state.presence_summary`` recounts every seat; once per command that made a
    roll call of N members cost N². Here each member's share of the counts is taken out
    before a change and put back after, for the member and for those they stand in for.
    """

    def __init__(self, seats: dict[int, LiveSeat]) -> None:
        self.seats = seats
        self.present = {u for u, s in seats.items() if s.attendance == Attendance.PRESENT}
        self.stood_in_for: dict[int, list[int]] = {}
        for seat in seats.values():
            if is_member(seat) and seat.stand_in_user_id is not None:
                self.stood_in_for.setdefault(seat.stand_in_user_id, []).append(seat.user_id)
        self.totals = [0] * 5
        for seat in seats.values():
            self._add(seat, 1)

    def _add(self, seat: LiveSeat, step: int) -> None:
        if not is_member(seat):
            return
        share = count_attendance(0, [MemberPresence(Attendance(seat.attendance),
                                                    seat.absence_excused,
                                                    represented(seat, self.present))])
        for n, value in enumerate((share.present, share.absent_excused, share.absent_unexcused,
                                   share.left, share.represented)):
            self.totals[n] += step * value

    def check_in(self, seat: LiveSeat) -> None:
        """Mark ``seat`` present — the caller has checked it may be."""
        touched = [seat, *(self.seats[m] for m in self.stood_in_for.get(seat.user_id, ()))]
        for other in touched:
            self._add(other, -1)
        seat.attendance = Attendance.PRESENT.value
        seat.checked_in_at = utcnow()
        seat.checked_out_at = None
        seat.absence_reason = ""
        seat.absence_excused = False
        self.present.add(seat.user_id)
        for other in touched:
            self._add(other, 1)

    def counts(self, total_members: int) -> AttendanceCounts:
        present, excused, unexcused, left, stood_in = self.totals
        return AttendanceCounts(total_members, present, excused, unexcused, left,
                                max(total_members - present - excused - unexcused - left, 0),
                                stood_in)


@dataclass
class LiveMeeting:
    """The projection of one meeting that check-ins and ballots are checked against."""

    meeting_id: int
    #: The event log's last number this copy is exact for.
    last_seq: int
    seats: dict[int, LiveSeat]
    votes: dict[int, LiveVote]
    #: The attendance counts, made from ``seats`` on first use and kept up to date.
    roll: _Roll | None = field(default=None, compare=False, repr=False)

    def counts(self) -> _Roll:
        if self.roll is None:
            self.roll = _Roll(self.seats)
        return self.roll


def load(session: Session, meeting_id: int, last_seq: int) -> LiveMeeting:
    """Read the projection in the caller's transaction (which holds the meeting's lock)."""
    seats = {row.user_id: LiveSeat(row.id, row.user_id, row.role, row.attendance,
                                   row.absence_reason, row.absence_excused,
                                   row.checked_in_at, row.checked_out_at,
                                   row.stand_in_user_id)
             for row in session.execute(select(
                 Participant.id, Participant.user_id, Participant.role, Participant.attendance,
                 Participant.absence_reason, Participant.absence_excused,
                 Participant.checked_in_at, Participant.checked_out_at,
                 Participant.stand_in_user_id).where(Participant.meeting_id == meeting_id))}
    votes = {row.id: LiveVote(row.id, row.kind, row.ballot, row.status, list(row.options),
                              list(row.candidates), row.seats, row.ballot_change_allowed,
                              row.stand_in_may_vote)
             for row in session.execute(select(
                 Vote.id, Vote.kind, Vote.ballot, Vote.status, Vote.options, Vote.candidates,
                 Vote.seats, Vote.ballot_change_allowed, Vote.stand_in_may_vote)
                 .where(Vote.meeting_id == meeting_id))}
    open_ids = [v.id for v in votes.values() if v.status == VoteStatus.OPEN]
    if open_ids:
        for vote_id, member in session.execute(select(
                VoteVoter.vote_id, VoteVoter.member_user_id).where(
                VoteVoter.vote_id.in_(open_ids))):
            votes[vote_id].voters.add(member)
        for vote_id in open_ids:
            vote = votes[vote_id]
            vote.counts = [0] * (len(vote.options) if vote.kind == VoteKind.QUESTION
                                 else len(vote.candidates))
        for vote_id, member, choice in session.execute(select(
                OpenBallot.vote_id, OpenBallot.member_user_id, OpenBallot.choice).where(
                OpenBallot.vote_id.in_(open_ids))):
            votes[vote_id].ballots[member] = choice
            votes[vote_id].count(choice, 1)
    return LiveMeeting(meeting_id, last_seq, seats, votes)


@dataclass(frozen=True)
class Sender:
    user_id: int
    username: str
    is_admin: bool


@dataclass(frozen=True)
class CheckedCast:
    """A ballot that passed every check, before anything is written."""

    vote: LiveVote
    member_id: int
    by_stand_in: bool
    choice: dict[str, Any]
    already: bool
    ballot_secret: str | None


@dataclass
class Applied:
    """One accepted command: its reply, its event (none for a changed secret ballot)."""

    reply: dict[str, Any]
    seq: int
    event_type: str | None
    payload: dict[str, Any]
    at: datetime


class LiveBatch:
    """The live meeting's share of one batch: checked one command at a time against the
    copy, written together by ``write`` in the batch's transaction."""

    def __init__(self, live: LiveMeeting, status: str, body: LiveBody,
                 unit_admins: set[int]) -> None:
        self.live = live
        self.status = status
        self.body = body
        self.unit_admins = unit_admins
        self.now = utcnow()
        self._events: list[dict[str, Any]] = []
        self._seats: dict[int, LiveSeat] = {}
        self._voters: list[dict[str, Any]] = []
        self._new_ballots: list[dict[str, Any]] = []
        self._changed_ballots: list[dict[str, Any]] = []

    # --- checks shared with ``MeetingService._context`` ---------------------------------

    def _roles(self, who: Sender) -> frozenset[str]:
        seat = self.live.seats.get(who.user_id)
        roles = {seat.role} if seat else set()
        if who.is_admin or who.user_id in self.unit_admins:
            roles.add(ADMIN)
        return frozenset(roles)

    def _context(self, who: Sender, name: str, args: dict[str, Any]) -> tuple[frozenset[str], Any]:
        spec = REGISTRY[name]
        roles = self._roles(who)
        if not roles or not (self.status != MeetingStatus.DRAFT or roles & _PREPARING):
            raise ProtocolError(ErrorCode.NOT_FOUND,
                                f"no meeting {self.live.meeting_id} for this user",
                                reason=Reason.MEETING_NOT_FOUND,
                                params={"meeting_id": self.live.meeting_id})
        if not roles & spec.roles:
            primary = next((r.value for r in (Role.CHAIR, Role.SECRETARY, Role.DELEGATE,
                                              Role.GUEST) if r.value in roles), ADMIN)
            raise ProtocolError(ErrorCode.FORBIDDEN, f"role {primary} may not send {name}",
                                reason=Reason.COMMAND_NOT_ALLOWED, params={"command": name})
        if self.status == MeetingStatus.CLOSED and not spec.on_closed:
            raise ProtocolError(ErrorCode.INVALID_STATE,
                                "the meeting is closed; nothing changes it",
                                reason=Reason.MEETING_CLOSED)
        try:
            return roles, from_wire(spec.args, args)
        except ValidationError as exc:
            raise ProtocolError(ErrorCode.INVALID_ARGS, f"invalid arguments for {name}",
                                details=validation_details(exc)) from None

    def _seat(self, user_id: int) -> LiveSeat:
        seat = self.live.seats.get(user_id)
        if seat is None:
            raise ProtocolError(ErrorCode.NOT_FOUND,
                                f"user {user_id} is not a participant of this meeting",
                                reason=Reason.NOT_A_PARTICIPANT, params={"user_id": user_id})
        return seat

    def apply(self, who: Sender, name: str, args: dict[str, Any], *,
              secret_stored: bool = False) -> Applied:
        """Check one command against the copy, then change the copy and stage its rows.

        ``secret_stored``: the batch's ballot transaction wrote this command's secret
        ballot (``MeetingService._store_ballots``); only its voter is recorded here.
        Raises ProtocolError, having changed nothing, when the command is refused.
        """
        roles, parsed = self._context(who, name, args)
        if name == "attendance.check_in":
            return self._check_in(who, roles, parsed)
        return self._cast(who, parsed, secret_stored)

    # --- attendance.check_in (``commands.attendance.check_in``) ------------------------

    def _check_in(self, who: Sender, roles: frozenset[str], args: WhoArgs) -> Applied:
        if self.status not in (MeetingStatus.PUBLISHED, MeetingStatus.IN_PROGRESS):
            raise ProtocolError(ErrorCode.INVALID_STATE,
                                "attendance is recorded for a published or running meeting",
                                reason=Reason.ATTENDANCE_NOT_OPEN)
        if args.user_id is None or args.user_id == who.user_id:
            seat = self._seat(who.user_id)
        elif not roles & CLERKS:
            raise ProtocolError(ErrorCode.FORBIDDEN,
                                "attendance for others is recorded by the secretary or chair",
                                reason=Reason.ATTENDANCE_FOR_OTHERS)
        else:
            seat = self._seat(args.user_id)
        if seat.attendance == Attendance.PRESENT:
            raise ProtocolError(ErrorCode.INVALID_STATE, "already checked in",
                                reason=Reason.ALREADY_CHECKED_IN)
        roll = self.live.counts()
        roll.check_in(seat)
        self._seats[seat.id] = seat
        summary = quorum_summary(self.body, roll.counts(self.body.total_members))
        view = attendance_view(seat)
        applied = self.emit("attendance.changed", {"action": "check_in", "participant": view,
                                                    "by": who.user_id, **summary})
        applied.reply["result"] = {"participant": view, **summary}
        return applied

    # --- vote.cast, open ballots (``commands.voting.cast``) ------------------------------

    def check_cast(self, who: Sender, args: dict[str, Any]) -> CheckedCast:
        """Every rule a ballot must pass (``voting._check_cast``), changing nothing."""
        _, parsed = self._context(who, "vote.cast", args)
        return self._check_cast(who, parsed)

    def _check_cast(self, who: Sender, args: CastArgs) -> CheckedCast:
        vote = self.live.votes.get(args.vote_id)
        if vote is None:
            raise ProtocolError(ErrorCode.NOT_FOUND, f"no vote {args.vote_id} in this meeting",
                                reason=Reason.NO_VOTE, params={"vote_id": args.vote_id})
        if vote.status != VoteStatus.OPEN:
            raise ProtocolError(ErrorCode.INVALID_STATE,
                                "the vote is not open; the ballot was not counted",
                                reason=Reason.VOTE_NOT_OPEN, params={"status": vote.status})
        member_id, by_stand_in = self._ballot_holder(who, vote, args.on_behalf_of)
        choice = ballot_choice(vote, args)
        if vote.ballot == Ballot.SECRET and args.ballot_secret is None:
            raise ProtocolError(ErrorCode.INVALID_ARGS, "a secret ballot needs ballot_secret")
        already = member_id in vote.voters
        if already and not vote.ballot_change_allowed:
            raise ProtocolError(ErrorCode.INVALID_STATE,
                                "already voted; this body does not allow changing a ballot",
                                reason=Reason.ALREADY_VOTED)
        return CheckedCast(vote, member_id, by_stand_in, choice, already, args.ballot_secret)

    def _cast(self, who: Sender, args: CastArgs, secret_stored: bool) -> Applied:
        checked = self._check_cast(who, args)
        vote, member_id, by_stand_in = checked.vote, checked.member_id, checked.by_stand_in
        already, choice = checked.already, checked.choice
        if vote.ballot == Ballot.SECRET:
            if not secret_stored:
                # Only the ballots' own transaction writes a secret ballot; a cast whose
                # ballot it did not write goes the per-command way (``takes_fast_path``).
                raise ProtocolError(ErrorCode.UNAVAILABLE,
                                    "the ballot was not stored; send it again",
                                    reason=Reason.SERVER_BUSY)
        else:
            earlier = vote.ballots.get(member_id)
            if earlier is None:
                self._new_ballots.append({"vote_id": vote.id, "member_user_id": member_id,
                                          "choice": choice, "cast_at": self.now})
            else:
                vote.count(earlier, -1)
                self._changed_ballots.append({"b_vote": vote.id, "b_member": member_id,
                                              "choice": choice, "cast_at": self.now})
            vote.ballots[member_id] = choice
            vote.count(choice, 1)
        if not already:
            vote.voters.add(member_id)
            self._voters.append({"vote_id": vote.id, "member_user_id": member_id,
                                 "by_stand_in": by_stand_in})
        result = {"vote_id": vote.id, "member_user_id": member_id, "accepted": True,
                  "changed": already}
        if already and vote.ballot == Ballot.SECRET:
            # A changed secret ballot emits nothing: the hall learns no more than before.
            return Applied({"ok": True, "result": result, "seq": self.live.last_seq},
                           self.live.last_seq, None, {}, self.now)
        tally = None
        if vote.ballot != Ballot.SECRET and self.body.show_open_tallies \
                and vote.kind in (VoteKind.QUESTION, VoteKind.ELECTION):
            key = "options" if vote.kind == VoteKind.QUESTION else "candidates"
            tally = {key: list(vote.counts)}
        applied = self.emit("vote.ballot_cast", {
            "vote_id": vote.id, "member_user_id": member_id, "by_stand_in": by_stand_in,
            "changed": already, "voted_count": len(vote.voters), "tally": tally})
        applied.reply["result"] = result
        return applied

    def _ballot_holder(self, who: Sender, vote: LiveVote, on_behalf_of: int | None) -> \
            tuple[int, bool]:
        sender = self._seat(who.user_id)
        if sender.attendance != Attendance.PRESENT:
            raise ProtocolError(ErrorCode.INVALID_STATE, "check in first",
                                reason=Reason.CHECK_IN_FIRST)
        if on_behalf_of is None or on_behalf_of == who.user_id:
            if not is_member(sender):
                raise ProtocolError(ErrorCode.FORBIDDEN, "only members vote",
                                    reason=Reason.MEMBERS_ONLY_VOTE)
            return sender.user_id, False
        if not vote.stand_in_may_vote:
            raise ProtocolError(ErrorCode.FORBIDDEN, "this body does not let stand-ins vote",
                                reason=Reason.STAND_IN_MAY_NOT_VOTE)
        member = self._seat(on_behalf_of)
        if not is_member(member) or member.stand_in_user_id != who.user_id:
            raise ProtocolError(ErrorCode.FORBIDDEN,
                                "the sender does not stand in for this member",
                                reason=Reason.NOT_YOUR_STAND_IN)
        if member.attendance == Attendance.PRESENT:
            raise ProtocolError(ErrorCode.INVALID_STATE, "the member is present and votes",
                                reason=Reason.MEMBER_PRESENT)
        return member.user_id, True

    # --- events and writing ----------------------------------------------------------

    def emit(self, kind: str, payload: dict[str, Any]) -> Applied:
        check_payload(kind, payload)
        self.live.last_seq += 1
        at = utcnow()
        self._events.append({"meeting_id": self.live.meeting_id, "seq": self.live.last_seq,
                             "type": kind, "payload": payload, "created_at": at})
        return Applied({"ok": True, "result": None, "seq": self.live.last_seq},
                       self.live.last_seq, kind, payload, at)

    def write(self, session: Session) -> None:
        """Everything the batch's accepted commands changed, a few bulk statements."""
        # Table statements, not ORM ones: an ORM-enabled bulk update by key cost as much as
        # the rest of the batch (py-spy).
        if self._seats:
            seats = table_of(Participant)
            session.execute(
                update(seats).where(seats.c.id == bindparam("seat_id"))
                .values(attendance=bindparam("attendance"),
                        checked_in_at=bindparam("checked_in_at"),
                        checked_out_at=bindparam("checked_out_at"),
                        absence_reason=bindparam("absence_reason"),
                        absence_excused=bindparam("absence_excused")),
                [{"seat_id": s.id, "attendance": s.attendance, "checked_in_at": s.checked_in_at,
                  "checked_out_at": s.checked_out_at, "absence_reason": s.absence_reason,
                  "absence_excused": s.absence_excused} for s in self._seats.values()])
        if self._new_ballots:
            session.execute(insert(table_of(OpenBallot)), self._new_ballots)
        if self._changed_ballots:
            table = table_of(OpenBallot)
            session.execute(
                update(table).where(table.c.vote_id == bindparam("b_vote"),
                                    table.c.member_user_id == bindparam("b_member"))
                .values(choice=bindparam("choice"), cast_at=bindparam("cast_at")),
                self._changed_ballots)
        if self._voters:
            session.execute(insert(table_of(VoteVoter)), self._voters)
        if self._events:
            session.execute(insert(table_of(Event)), self._events)
            meetings = table_of(Meeting)
            session.execute(update(meetings).where(meetings.c.id == self.live.meeting_id)
                            .values(last_seq=self.live.last_seq))


def read_body(session: Session, body_id: int) -> LiveBody:
    row = session.execute(select(
        Body.id, Body.kind, Body.total_members, Body.quorum_numerator, Body.quorum_denominator,
        Body.quorum_comparison, Body.stand_in_may_vote, Body.show_open_tallies)
        .where(Body.id == body_id)).one()
    return LiveBody(*row)


def unit_admins(session: Session, body_id: int, users: set[int]) -> set[int]:
    """Which of ``users`` administer the meeting's body (an ``admin`` role there)."""
    return set(session.scalars(select(BodyAdmin.user_id).where(
        BodyAdmin.body_id == body_id, BodyAdmin.user_id.in_(users))))


def keep_results(session: Session, rows: list[dict[str, Any]]) -> None:
    """The batch's kept replies (accepted and refused alike), one bulk insert."""
    if rows:
        session.execute(insert(table_of(CommandResult)), rows)

