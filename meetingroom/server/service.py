"""The chair server's brain without the sockets: authentication, reads and commands.

Everything here is synchronous SQLAlchemy work that the network layer runs off
its event loop. Keeping it socket-free means the rules can be exercised directly
and the same code serves one hall or, later, several server processes.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import signal
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from math import ceil
from typing import Any

from pydantic import ValidationError
from sqlalchemy import exists, select, text
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, selectinload

from meetingroom.core.account_errors import WeakPasswordError
from meetingroom.core.protocol import (
    ErrorCode,
    ProtocolError,
    Reason,
    encode,
    from_wire,
    validation_details,
)
from meetingroom.core.vocabulary import Ballot, MeetingStatus, Role
from meetingroom.server import audit, live
from meetingroom.server.announcements import event_without_sentences
from meetingroom.server.blobs import BlobStore, default_blob_dir
from meetingroom.server.commands import ADMIN, REGISTRY, CommandContext
from meetingroom.server.commands.opinions import close_due
from meetingroom.server.commands.records import conclusion_view
from meetingroom.server.commands.registry import CommandSpec
from meetingroom.server.commands.voting import (
    PlannedBallot,
    ballot_key,
    confirm_secret_ballots,
    plan_secret_ballot,
    secret_ballot_keys,
    secret_write_mode,
    store_secret_ballots,
)
from meetingroom.server.live import LiveMeeting, takes_fast_path
from meetingroom.server.login_guard import LoginGuard
from meetingroom.server.meeting_state import (
    attendance_summary,
    attendance_view,
    opinion_view,
    speaking_totals,
    speech_view,
    vote_view,
)
from meetingroom.server.passwords import (
    MIN_PASSWORD_LENGTH,
    check_password_strength,
    hash_password,
    needs_rehash,
    new_token,
    token_digest,
    verify_password,
)
from meetingroom.server.storage.database import Database
from meetingroom.server.storage.models import (
    AgendaItem,
    Body,
    BodyAdmin,
    CommandResult,
    Conclusion,
    Document,
    Event,
    KnownDevice,
    LoginToken,
    Meeting,
    Opinion,
    Participant,
    SpeechRequest,
    User,
    Vote,
)
from meetingroom.server.storage.types import utcnow
from meetingroom.server.views import (
    agenda_item_view,
    body_view,
    document_view,
    meeting_summary,
    participant_view,
)

log = logging.getLogger("meetingroom.server.service")

#: The PostgreSQL NOTIFY channel that tells other server processes of committed events
#: (``meetingroom.sync.serving.fanout`` listens on it).
EVENTS_CHANNEL = "meetingroom_events"

#: Tests only: kill the process at a named point of group commit (``fault_point``).
KILL_AT_ENV = "MEETINGROOM_TEST_KILL_AT"

#: Commands that arrive by the hall-full and are applied together (group commit):
#: one transaction per batch, a savepoint per command (``MeetingService.execute_batch``).
BATCHED_COMMANDS = frozenset({"vote.cast", "attendance.check_in", "speech.register"})

#: Roles that see a meeting while it is still a draft.
PREPARING_ROLES = frozenset({Role.CHAIR.value, Role.SECRETARY.value, ADMIN})
#: How often, at most, the database is asked whether anything outside this process wrote
#: to it; until it has, a file found readable stays so without asking its rows again.
READABLE_FOR_S = 2.0
#: Answers of ``readable_blob`` kept at once (a hall's users times its packet).
READABLE_KEPT = 20_000


@dataclass(frozen=True)
class Identity:
    """Who is on a connection, as established by login or resume."""

    user_id: int
    username: str
    full_name: str
    is_admin: bool

    def view(self) -> dict[str, Any]:
        return {"id": self.user_id, "username": self.username, "full_name": self.full_name,
                "is_admin": self.is_admin}


@dataclass(frozen=True)
class WireEvent:
    meeting_id: int
    seq: int
    type: str
    payload: dict[str, Any]
    at: Any

    @classmethod
    def of(cls, event: Event) -> WireEvent:
        """A logged event as sent; vote events an older server logged lose their sentences."""
        return cls(event.meeting_id, event.seq, event.type,
                   event_without_sentences(event.type, event.payload), event.created_at)


@dataclass
class CommandOutcome:
    """The reply to send and the events to broadcast (none when the id was seen before)."""

    reply: dict[str, Any]
    events: list[WireEvent] = field(default_factory=list)
    duplicate: bool = False
    after_commit: list[Callable[[], None]] = field(default_factory=list)


@dataclass(frozen=True)
class BatchItem:
    """One command waiting for its batch."""

    who: Identity
    command_id: str
    meeting_id: int
    name: str
    args: dict[str, Any]


@dataclass
class Subscription:
    meeting_id: int
    role: str
    mode: str  # "replay" or "snapshot"
    seq: int
    events: list[WireEvent] = field(default_factory=list)
    snapshot: dict[str, Any] | None = None
    #: The snapshot without ``you``, encoded once for everyone at this seq in this role.
    shared_text: str | None = None


@dataclass(frozen=True)
class ServiceSettings:
    token_lifetime: timedelta = timedelta(days=7)
    #: A client further behind than this gets a snapshot instead of a replay.
    replay_limit: int = 500
    #: Check-ins and open ballots checked against the live meeting in memory and written
    #: in bulk (``server.live``); off, they take the per-command path like the rest
    #: (tests compare the two).
    live_meetings: bool = True


class MeetingService:
    def __init__(self, db: Database, settings: ServiceSettings | None = None, *,
                 blobs: BlobStore | None = None) -> None:
        self.db = db
        self.settings = settings or ServiceSettings()
        self.guard = LoginGuard()
        #: Snapshots by (meeting, seq, role); only read and written on the database thread.
        self._snapshots: dict[tuple[int, int, str], tuple[dict[str, Any], str]] = {}
        #: The live meetings check-ins and open ballots are checked against (``server.live``);
        #: only read and written on the database thread.
        self._live: dict[int, LiveMeeting] = {}
        #: How often a live meeting was (re)loaded from the database (tests read it).
        self.live_loads = 0
        #: Files a user may read: (the database's state then, size) by (user, sha256).
        self._readable: dict[tuple[Identity, str], tuple[tuple[int, object], int]] = {}
        #: The last ``Database.outside_writes`` mark, and until when it is taken as true.
        self._outside: tuple[object, float] = (object(), 0.0)
        self.blobs = blobs or BlobStore(default_blob_dir(
            db.engine.url.render_as_string(hide_password=False)))

    # --- authentication -------------------------------------------------------------

    def login(self, username: str, password: str, address: str = "",
              device: str | None = None) -> tuple[str, Identity]:
        """A token for the right password; ``device`` is the laptop's device secret, if any.

        A device recorded for this account (``KnownDevice``) is judged by its own lenient
        counter, so nobody who lacks the laptop can keep its owner out (``login_guard``).
        """
        known = self._known_device(username, device)
        wait = self.guard.retry_after(username, address, known)
        if wait > 0:
            raise ProtocolError(ErrorCode.RATE_LIMITED,
                                f"too many failed logins; try again in {ceil(wait)} s",
                                reason=Reason.TOO_MANY_ATTEMPTS,
                                params={"retry_after": ceil(wait)})
        with self.db.transaction() as session:
            user = session.scalar(select(User).where(User.username == username))
            ok = verify_password(user.password_hash if user else None, password)
            if user is None or not ok or not user.is_active:
                self.guard.failed(username, address, known)
                raise ProtocolError(ErrorCode.AUTH_FAILED, "wrong username or password",
                                    reason=Reason.WRONG_CREDENTIALS)
            self.guard.succeeded(username, address, known)
            if needs_rehash(user.password_hash):
                user.password_hash = hash_password(password)
            token = new_token()
            session.add(LoginToken(token_hash=token_digest(token), user_id=user.id,
                                    expires_at=utcnow() + self.settings.token_lifetime))
            identity = _identity(user)
        if device is not None:
            self._remember_device(identity.user_id, device)
        return token, identity

    def _known_device(self, username: str, device: str | None) -> str | None:
        """The device's digest when it is recorded (and recent) for this account, else None."""
        if device is None:
            return None
        digest = token_digest(device)
        with self.db.reading() as session:
            row = session.scalar(
                select(KnownDevice.last_seen).join(User, User.id == KnownDevice.user_id)
                .where(User.username == username, KnownDevice.device_hash == digest))
        if row is None or row < utcnow() - KNOWN_DEVICE_LIFETIME:
            return None
        return digest

    def resume(self, token: str, device: str | None = None) -> Identity:
        """The token's user; a ``device`` presented with a valid token becomes known."""
        with self.db.reading() as session:
            auth = session.scalar(select(LoginToken).where(
                LoginToken.token_hash == token_digest(token)))
            if (auth is None or auth.revoked_at is not None or auth.expires_at <= utcnow()
                    or not auth.user.is_active):
                raise ProtocolError(ErrorCode.TOKEN_INVALID,
                                    "session expired or revoked; log in again",
                                    reason=Reason.SESSION_EXPIRED)
            identity = _identity(auth.user)
        if device is not None:
            self._remember_device(identity.user_id, device)
        return identity

    def _remember_device(self, user_id: int, device: str) -> None:
        """Record (or refresh) a device that now holds a valid token for the account.

        A hall reconnecting at once resumes hundreds of tokens: a device seen within the
        last day is only read, not written again.
        """
        digest = token_digest(device)
        with self.db.reading() as session:
            seen = session.scalar(select(KnownDevice.last_seen).where(
                KnownDevice.user_id == user_id, KnownDevice.device_hash == digest))
        if seen is not None and seen > utcnow() - timedelta(days=1):
            return
        with contextlib.suppress(IntegrityError), self.db.transaction() as session:
            known = session.get(KnownDevice, (user_id, digest))
            if known is None:
                session.add(KnownDevice(user_id=user_id, device_hash=digest))
            else:
                known.last_seen = utcnow()

    def change_password(self, who: Identity, token: str, old: str, new: str) -> int:
        """Set a new password after checking the old one; revoke the account's other tokens.

        Returns how many other sessions were logged out.
        """
        with self.db.transaction() as session:
            user = session.get(User, who.user_id)
            if user is None or not verify_password(user.password_hash, old):
                raise ProtocolError(ErrorCode.AUTH_FAILED, "the current password is wrong",
                                    reason=Reason.WRONG_CURRENT_PASSWORD)
            try:
                check_password_strength(new)
            except WeakPasswordError as exc:
                raise ProtocolError(ErrorCode.INVALID_ARGS, str(exc), reason=Reason.WEAK_PASSWORD,
                                    params={"min_length": MIN_PASSWORD_LENGTH}) from None
            now = utcnow()
            user.password_hash = hash_password(new)
            user.password_changed_at = now
            others = session.scalars(select(LoginToken).where(
                LoginToken.user_id == user.id, LoginToken.revoked_at.is_(None),
                LoginToken.token_hash != token_digest(token))).all()
            for auth in others:
                auth.revoked_at = now
            audit.record(session, "user.change_password", user_id=user.id,
                         username=user.username, detail={"revoked_sessions": len(others)})
            return len(others)

    def dead_tokens(self, tokens: set[str]) -> set[str]:
        """Which of these tokens were revoked or expired (their connections must end)."""
        if not tokens:
            return set()
        digests = {token_digest(t): t for t in tokens}
        now = utcnow()
        with self.db.reading() as session:
            alive = set(session.scalars(select(LoginToken.token_hash).where(
                LoginToken.token_hash.in_(list(digests)), LoginToken.revoked_at.is_(None),
                LoginToken.expires_at > now)))
        return {token for digest, token in digests.items() if digest not in alive}

    def logout(self, token: str) -> None:
        with self.db.transaction() as session:
            auth = session.scalar(select(LoginToken).where(
                LoginToken.token_hash == token_digest(token)))
            if auth is not None and auth.revoked_at is None:
                auth.revoked_at = utcnow()

    # --- reads ----------------------------------------------------------------------

    def list_meetings(self, who: Identity) -> list[dict[str, Any]]:
        with self.db.reading() as session:
            query = select(Meeting).options(selectinload(Meeting.body)).order_by(
                Meeting.starts_at.desc(), Meeting.id)
            if who.is_admin:
                return [meeting_summary(m, ADMIN) for m in session.scalars(query)]
            rows = session.execute(
                query.add_columns(Participant.role).join(
                    Participant, Participant.meeting_id == Meeting.id
                ).where(Participant.user_id == who.user_id)
            ).all()
            listed = [meeting_summary(m, role) for m, role in rows
                      if _may_see(m, frozenset({role}))]
            # A unit administrator manages every meeting of their bodies, invited or not.
            mine = {m["id"] for m in listed}
            administered = _administered_bodies(session, who)
            if administered:
                listed += [meeting_summary(m, ADMIN) for m in session.scalars(
                    query.where(Meeting.body_id.in_(administered))) if m.id not in mine]
            return listed

    def subscribe(self, who: Identity, meeting_id: int, last_seq: int) -> Subscription:
        with self.db.reading() as session:
            meeting = session.get(Meeting, meeting_id)
            roles = _roles(session, who, meeting_id) if meeting else frozenset()
            if meeting is None or not roles or not _may_see(meeting, roles):
                raise ProtocolError(ErrorCode.NOT_FOUND, f"no meeting {meeting_id} for this user",
                                    reason=Reason.MEETING_NOT_FOUND,
                                    params={"meeting_id": meeting_id})
            role = _primary(roles)
            current = meeting.last_seq
            behind = current - last_seq
            if last_seq > 0 and 0 <= behind <= self.settings.replay_limit:
                events = session.scalars(
                    select(Event).where(Event.meeting_id == meeting_id, Event.seq > last_seq)
                    .order_by(Event.seq)
                ).all()
                return Subscription(meeting_id, role, "replay", current,
                                    [WireEvent.of(e) for e in events])
            shared, text = self._cached_snapshot(session, meeting, role, who)
            return Subscription(meeting_id, role, "snapshot", current,
                                snapshot={**shared, "you": {**who.view(), "role": role}},
                                shared_text=text)

    def _cached_snapshot(self, session: Session, meeting: Meeting, role: str,
                         who: Identity) -> tuple[dict[str, Any], str]:
        """Everyone joining at the same seq in the same role gets the same snapshot,
        and the same encoding of it: only ``you`` differs per person.

        A hall of laptops subscribing at once would otherwise each rebuild it, and
        encode it again (2–14 ms each at a thousand delegates, on the event loop).
        """
        key = (meeting.id, meeting.last_seq, role)
        cached = self._snapshots.get(key)
        if cached is None:
            for relation in (Meeting.participants, Meeting.documents, Meeting.agenda_items):
                session.execute(select(Meeting).where(Meeting.id == meeting.id).options(
                    selectinload(relation)))
            session.execute(select(Participant).where(Participant.meeting_id == meeting.id)
                            .options(selectinload(Participant.user)))
            shared = _snapshot(session, meeting, role, who)
            shared.pop("you", None)
            if len(self._snapshots) >= 64:
                self._snapshots.pop(next(iter(self._snapshots)))
            cached = self._snapshots[key] = (shared, encode(shared))
        return cached

    # --- commands -------------------------------------------------------------------

    def execute(self, who: Identity, command_id: str, meeting_id: int, name: str,
                args: dict[str, Any]) -> CommandOutcome:
        """Apply one command exactly once: a repeated id returns the first answer.

        Ballots, check-ins and speaking requests always take the group-commit path
        (``execute_batch``), here as a batch of one; the server gathers real batches.
        """
        if name in BATCHED_COMMANDS:
            result = self.execute_batch([BatchItem(who, command_id, meeting_id, name, args)])[0]
            if isinstance(result, ProtocolError):
                raise result
            return result
        previous = self._previous_result(who, command_id)
        if previous is not None:
            return CommandOutcome(previous, duplicate=True)
        spec = REGISTRY.get(name)
        try:
            with self.db.transaction() as session:
                outcome = self._apply(session, who, command_id, meeting_id, name, args)
                if spec is not None and not spec.personal:
                    self._keep(session, who, command_id, meeting_id, name, args, outcome)
                self._announce(session, meeting_id, outcome.events)
            self._after_commit(name, outcome)
            return outcome
        except ProtocolError as exc:
            if _remembered(exc, spec):
                self._remember_refusal(who, command_id, name, _refusal(exc))
            raise
        except IntegrityError:
            # A concurrent retry of the same id won the race: answer with its result.
            previous = self._previous_result(who, command_id)
            if previous is None:
                raise
            return CommandOutcome(previous, duplicate=True)
        except OperationalError as exc:
            raise _unavailable(name, exc) from None

    def _keep(self, session: Session, who: Identity, command_id: str, meeting_id: int,
              name: str, args: dict[str, Any], outcome: CommandOutcome) -> None:
        """The reply kept for retries and the audit entry, in the command's transaction."""
        session.add(CommandResult(user_id=who.user_id, command_id=command_id,
                                  command=name, reply=outcome.reply))
        audit.record(session, name, user_id=who.user_id, username=who.username,
                     meeting_id=meeting_id,
                     detail={"args": audit.redact(args), "seq": outcome.reply.get("seq"),
                             "events": [e.type for e in outcome.events]})

    @staticmethod
    def _after_commit(name: str, outcome: CommandOutcome) -> None:
        for hook in outcome.after_commit:
            try:
                hook()
            except Exception:  # the command itself has committed; report, don't fail it
                log.exception("post-commit step failed command=%s", name[:64])

    # --- group commit ---------------------------------------------------------------

    def execute_batch(self, items: list[BatchItem]) -> list[CommandOutcome | ProtocolError]:
        """Apply commands that arrived together: one transaction for the batch, each
        command still all or nothing with a savepoint each, answers in the items' order.

        Secret ballots go first, shuffled, in a transaction of their own that names no
        voter; the voters' "has voted" rows, events, kept replies and audit entries
        follow in the batch's transaction, which also marks the ballots' batch as
        counted. A crash between the two leaves ballots that count for nothing; the
        voter's client sends the command again and adopts its ballot (its key comes
        from a secret only that client knows). Nothing is answered before both commit.
        """
        results: list[CommandOutcome | ProtocolError | None] = [None] * len(items)
        previous = self._previous_results(items)
        first: dict[tuple[int, str], int] = {}
        todo: list[int] = []
        for index, item in enumerate(items):
            key = (item.who.user_id, item.command_id)
            if key in previous:
                results[index] = CommandOutcome(previous[key], duplicate=True)
            elif key in first:
                continue  # the same id twice in one batch: answered from the first below
            else:
                first[key] = index
                todo.append(index)
        # Meetings are locked in id order (then the audit head) by every batch, so two
        # server processes on PostgreSQL never wait on each other in a circle.
        todo.sort(key=lambda i: items[i].meeting_id)
        batch = secrets.token_hex(16)
        try:
            stored = self._store_ballots(items, todo, batch)
        except OperationalError as exc:
            return self._all_unavailable(items, results, exc)
        except IntegrityError:
            # Another process wrote one of these keys meanwhile (the same voter retrying
            # there): nothing of this batch was kept; its senders send again.
            log.warning("secret ballots of a batch collided with another writer; retried")
            stored = None
        if stored is None:
            stored_ids: set[int] = set()
            for i in todo:
                if items[i].name == "vote.cast" and "ballot_secret" in items[i].args:
                    results[i] = _try_again()
            todo = [i for i in todo if results[i] is None]
        else:
            stored_ids = stored
        fault_point("ballots_committed")
        try:
            outcomes = self._apply_batch(items, todo, stored_ids, batch)
        except OperationalError as exc:
            return self._all_unavailable(items, results, exc)
        except _BatchAbortedError as aborted:
            log.warning("batch of %d rolled back: %s", len(todo), aborted)
            outcomes = {i: _try_again() for i in todo}
        for index, outcome in outcomes.items():
            results[index] = outcome
            if isinstance(outcome, CommandOutcome):
                self._after_commit(items[index].name, outcome)
        for index, item in enumerate(items):
            if results[index] is None:
                answer = results[first[(item.who.user_id, item.command_id)]]
                results[index] = CommandOutcome(answer.reply, duplicate=True) \
                    if isinstance(answer, CommandOutcome) else answer
        return [r for r in results if r is not None]

    def _all_unavailable(self, items: list[BatchItem],
                         results: list[CommandOutcome | ProtocolError | None],
                         exc: OperationalError) -> list[CommandOutcome | ProtocolError]:
        error = _unavailable(items[0].name if items else "-", exc)
        return [r if r is not None else error for r in results]

    def _previous_results(self, items: list[BatchItem]) -> dict[tuple[int, str], dict[str, Any]]:
        """The kept answers of commands seen before, in one read for the batch.

        The batch's (user, command id) pairs are joined as a list of values, one lookup
        each in the pair's unique index. Asked as ``command_id IN (…) AND user_id IN (…)``,
        SQLite looked up every user with every id: 250,000 probes for a batch of 500
        ballots, 20 ms of the database thread, a third of the batch."""
        keys = sorted({(item.who.user_id, item.command_id) for item in items})
        if not keys:
            return {}
        # Written out, not built from ``values()``: SQLAlchemy compiling 500 rows of
        # values cost as much as the probes it saved. Padded to a power of two (the last
        # pair again), so that the statements compiled and cached are a handful of sizes,
        # not one for every size a batch can have.
        keys += keys[-1:] * ((1 << (len(keys) - 1).bit_length()) - len(keys))
        rows = ", ".join(f"(:u{n}, :c{n})" for n in range(len(keys)))
        params: dict[str, Any] = {}
        for n, (user, command_id) in enumerate(keys):
            params[f"u{n}"], params[f"c{n}"] = user, command_id
        query = text(
            f"WITH batch_keys (user_id, command_id) AS (VALUES {rows}) "
            "SELECT command_results.user_id, command_results.command_id, command_results.reply "
            "FROM batch_keys JOIN command_results ON command_results.user_id = "
            "batch_keys.user_id AND command_results.command_id = batch_keys.command_id"
        ).columns(CommandResult.user_id, CommandResult.command_id, CommandResult.reply)
        with self.db.reading() as session:
            return {(user, command_id): dict(reply) for user, command_id, reply in
                    session.execute(query, params)}

    def _store_ballots(self, items: list[BatchItem], todo: list[int], batch: str) -> set[int]:
        """Phase one: the batch's secret ballots, shuffled, in their own transaction.

        Returns the items whose ballot was written. A command refused here is left to
        the batch's transaction, which refuses it the same way and records why.
        """
        # Only a cast carrying a ballot secret can be a secret ballot (without one it is
        # refused in phase two); open ballots are not checked twice.
        casts = [i for i in todo if items[i].name == "vote.cast"
                 and items[i].args.get("ballot_secret") is not None]
        if not casts:
            return set()
        planned: dict[int, PlannedBallot] = {}
        with self.db.transaction() as session:
            plans = self._plan_live(session, items, casts) if self.settings.live_meetings \
                else self._plan_orm(session, items, casts)
            by_seat: dict[tuple[int, int], PlannedBallot] = {}
            for i in casts:
                plan_and_change = plans.get(i)
                if plan_and_change is None:
                    continue
                plan, change_allowed = plan_and_change
                seat = (plan.vote_id, plan.member_id)
                earlier = by_seat.get(seat)
                if earlier is None:
                    by_seat[seat] = planned[i] = plan
                elif earlier.key == plan.key and change_allowed:
                    earlier.choice = plan.choice  # a change right behind its first ballot
                    planned[i] = earlier
            unique = list({id(p): p for p in planned.values()}.values())
            if unique:
                store_secret_ballots(session, unique, batch)
        return set(planned)

    def _plan_orm(self, session: Session, items: list[BatchItem],
                  casts: list[int]) -> dict[int, tuple[PlannedBallot, bool]]:
        """Each secret ballot's plan, and whether its vote allows a change (the ORM way)."""
        plans: dict[int, tuple[PlannedBallot, bool]] = {}
        allowed: dict[int, bool] = {}
        for i in casts:
            item = items[i]
            try:
                ctx, parsed = self._context(session, item.who, item.meeting_id, item.name,
                                            item.args)
                plan = plan_secret_ballot(ctx, parsed)
            except ProtocolError:
                continue
            if plan is not None:
                if plan.vote_id not in allowed:
                    allowed[plan.vote_id] = _changes_allowed(session, plan.vote_id)
                plans[i] = (plan, allowed[plan.vote_id])
        return plans

    def _plan_live(self, session: Session, items: list[BatchItem],
                   casts: list[int]) -> dict[int, tuple[PlannedBallot, bool]]:
        """``_plan_orm`` against the live meeting: the same checks, and one read of the
        batch's ballot keys per vote. A cast refused here is refused again, with its
        reason, by the per-command path in the voters' transaction."""
        plans: dict[int, tuple[PlannedBallot, bool]] = {}
        meetings = sorted({items[i].meeting_id for i in casts})
        rows = {m: (seq, status, body) for m, seq, status, body in session.execute(
            select(Meeting.id, Meeting.last_seq, Meeting.status, Meeting.body_id)
            .where(Meeting.id.in_(meetings)))}
        checked: dict[int, live.CheckedCast] = {}
        known = [i for i in casts if items[i].meeting_id in rows]
        for _meeting_id, work, mine in self._live_batches(session, items, known, rows):
            for i in mine:
                item = items[i]
                try:
                    cast = work.check_cast(_live_sender(item.who), item.args)
                except ProtocolError:
                    continue
                if cast.vote.ballot == Ballot.SECRET and cast.ballot_secret is not None:
                    checked[i] = cast
        keys = {i: ballot_key(c.vote.id, c.ballot_secret or "") for i, c in checked.items()}
        found = secret_ballot_keys(session, {(c.vote.id, keys[i]) for i, c in checked.items()})
        for i, cast in checked.items():
            mode = secret_write_mode(found.get((cast.vote.id, keys[i])), changing=cast.already)
            if mode is not None:
                plans[i] = (PlannedBallot(cast.vote.id, cast.member_id, keys[i], cast.choice,
                                          mode), cast.vote.ballot_change_allowed)
        return plans

    def _apply_batch(self, items: list[BatchItem], todo: list[int], stored: set[int],
                     batch: str) -> dict[int, CommandOutcome | ProtocolError]:
        """Phase two: every command of the batch in one transaction.

        Check-ins and open ballots are applied by the live meeting (``server.live``) and
        written in bulk; the rest take the per-command path, a savepoint each. Should the
        bulk writes clash with another writer — the same command id retried in another
        process, the batch runs again on the per-command path alone.
        """
        try:
            return self._apply_batch_once(items, todo, stored, batch,
                                          in_memory=self.settings.live_meetings)
        except IntegrityError:
            self._live.clear()
            log.info("live batch of %d clashed with another writer; applied one by one",
                     len(todo))
            return self._apply_batch_once(items, todo, stored, batch, in_memory=False)
        except BaseException:
            self._live.clear()
            raise

    def _live_batches(self, session: Session, items: list[BatchItem], indexes: list[int],
                      meetings: dict[int, tuple[int, str, int]]
                      ) -> Iterator[tuple[int, live.LiveBatch, list[int]]]:
        """For each meeting of ``indexes`` (its ``last_seq``, status and body in
        ``meetings``), in meeting order: the meeting id, its live batch and its items."""
        for meeting_id in sorted({items[i].meeting_id for i in indexes}):
            last_seq, status, body_id = meetings[meeting_id]
            mine = [i for i in indexes if items[i].meeting_id == meeting_id]
            yield meeting_id, self._live_batch(session, meeting_id, last_seq, status, body_id,
                                               {items[i].who.user_id for i in mine}), mine

    def _live_batch(self, session: Session, meeting_id: int, last_seq: int, status: str,
                    body_id: int, senders: set[int]) -> live.LiveBatch:
        """The live meeting, (re)loaded unless it is exact for ``last_seq``, for a batch."""
        current = self._live.get(meeting_id)
        if current is None or current.last_seq != last_seq:
            # First use, or someone else wrote (another process, the per-command path).
            current = live.load(session, meeting_id, last_seq)
            self.live_loads += 1
            if len(self._live) >= 32:
                self._live.pop(next(iter(self._live)))
            self._live[meeting_id] = current
        return live.LiveBatch(current, status, live.read_body(session, body_id),
                              live.unit_admins(session, body_id, senders))

    def _apply_live(self, session: Session, items: list[BatchItem], fast: list[int],
                    stored: set[int], locked: dict[int, tuple[int, str, int]],
                    out: dict[int, CommandOutcome | ProtocolError],
                    events: dict[int, list[WireEvent]]) -> None:
        """The live meeting's share of the batch: checked in memory, written in bulk."""
        kept: list[dict[str, Any]] = []
        trail: list[audit.Entry] = []
        for meeting_id, work, mine in self._live_batches(session, items, fast, locked):
            for i in mine:
                item = items[i]
                try:
                    applied = work.apply(_live_sender(item.who), item.name, item.args,
                                         secret_stored=i in stored)
                except ProtocolError as exc:
                    if i in stored:
                        # Its ballot is written and would count with the batch: only a
                        # change made meanwhile by another process gets here.
                        raise _BatchAbortedError(f"a stored ballot was refused ({exc.code})") \
                            from None
                    out[i] = exc
                    if _remembered(exc, REGISTRY.get(item.name)):
                        kept.append({"user_id": item.who.user_id, "command_id": item.command_id,
                                     "command": item.name[:64], "reply": _refusal(exc),
                                     "created_at": work.now})
                    continue
                emitted = [] if applied.event_type is None else [
                    WireEvent(meeting_id, applied.seq, applied.event_type, applied.payload,
                              applied.at)]
                out[i] = CommandOutcome(applied.reply, emitted)
                events.setdefault(meeting_id, []).extend(emitted)
                kept.append({"user_id": item.who.user_id, "command_id": item.command_id,
                             "command": item.name, "reply": applied.reply,
                             "created_at": work.now})
                trail.append(audit.Entry(item.name, item.who.user_id, item.who.username,
                                         meeting_id,
                                         {"args": audit.redact(item.args), "seq": applied.seq,
                                          "events": [e.type for e in emitted]}))
            work.write(session)
        live.keep_results(session, kept)
        audit.record_many(session, trail)

    def _apply_batch_once(self, items: list[BatchItem], todo: list[int], stored: set[int],
                          batch: str, *,
                          in_memory: bool) -> dict[int, CommandOutcome | ProtocolError]:
        out: dict[int, CommandOutcome | ProtocolError] = {}
        if not todo:
            return out
        with self.db.transaction() as session:
            if self.db.engine.dialect.name == "sqlite":
                # pysqlite opens its transaction only at the first write: until then a
                # savepoint below would be the transaction itself, committed by its own
                # RELEASE, and a batch rolled back later would keep that command. Open
                # it now, with the write lock FOR UPDATE takes on PostgreSQL.
                session.execute(text("BEGIN IMMEDIATE"))
            meetings = sorted({items[i].meeting_id for i in todo})
            locked = {m: (seq, status, body) for m, seq, status, body in session.execute(
                select(Meeting.id, Meeting.last_seq, Meeting.status, Meeting.body_id)
                .where(Meeting.id.in_(meetings)).order_by(Meeting.id).with_for_update())}
            events: dict[int, list[WireEvent]] = {}
            clashed: list[int] = []
            fast = [i for i in todo if items[i].meeting_id in locked
                    and (i in stored or takes_fast_path(items[i].name, items[i].args))] \
                if in_memory else []
            if fast:
                self._apply_live(session, items, fast, stored, locked, out, events)
            for i in todo:
                if i in out:
                    continue
                item = items[i]
                spec = REGISTRY.get(item.name)
                savepoint = session.begin_nested()
                try:
                    outcome = self._apply(session, item.who, item.command_id, item.meeting_id,
                                          item.name, item.args, secret_ballot_stored=i in stored)
                    self._keep(session, item.who, item.command_id, item.meeting_id, item.name,
                               item.args, outcome)
                    session.flush()
                    savepoint.commit()
                except ProtocolError as exc:
                    savepoint.rollback()
                    if i in stored:
                        # Its ballot is written and would count with the batch: only a
                        # change made meanwhile by another process gets here.
                        raise _BatchAbortedError(f"a stored ballot was refused ({exc.code})") \
                            from None
                    out[i] = exc
                    if _remembered(exc, spec):
                        session.add(CommandResult(user_id=item.who.user_id,
                                                  command_id=item.command_id,
                                                  command=item.name[:64],
                                                  reply=_refusal(exc)))
                    continue
                except IntegrityError:
                    savepoint.rollback()
                    if i in stored:
                        raise _BatchAbortedError("a stored ballot's command clashed") from None
                    clashed.append(i)
                    continue
                out[i] = outcome
                events.setdefault(item.meeting_id, []).extend(outcome.events)
            if stored:
                confirm_secret_ballots(session, self._stored_votes(items, stored), batch)
            for meeting_id, meeting_events in events.items():
                self._announce(session, meeting_id, meeting_events)
        for i in clashed:
            # A concurrent retry of the same id (another process) won: its answer stands.
            previous = self._previous_result(items[i].who, items[i].command_id)
            out[i] = CommandOutcome(previous, duplicate=True) if previous is not None \
                else _try_again()
        return out

    @staticmethod
    def _stored_votes(items: list[BatchItem], stored: set[int]) -> set[int]:
        votes: set[int] = set()
        for i in stored:
            vote_id = items[i].args.get("vote_id")
            if isinstance(vote_id, int) and not isinstance(vote_id, bool):
                votes.add(vote_id)
        return votes

    def _apply(self, session: Session, who: Identity, command_id: str, meeting_id: int,
               name: str, args: dict[str, Any], *,
               secret_ballot_stored: bool = False) -> CommandOutcome:
        ctx, parsed = self._context(session, who, meeting_id, name, args)
        ctx.secret_ballot_stored = secret_ballot_stored
        result = REGISTRY[name].handler(ctx, parsed)
        return CommandOutcome({"ok": True, "result": result, "seq": ctx.meeting.last_seq},
                              [WireEvent.of(e) for e in ctx.events], after_commit=ctx.after_commit)

    def _context(self, session: Session, who: Identity, meeting_id: int, name: str,
                 args: dict[str, Any]) -> tuple[CommandContext, Any]:
        """The locked meeting, the sender's standing in it and the parsed arguments."""
        spec = REGISTRY.get(name)
        if spec is None:
            raise ProtocolError(ErrorCode.UNKNOWN_COMMAND, f"unknown command {name[:64]!r}")
        # The row lock orders concurrent writers on PostgreSQL; SQLite has one writer anyway.
        meeting = session.scalar(select(Meeting).where(Meeting.id == meeting_id)
                                 .with_for_update())
        roles = _roles(session, who, meeting_id) if meeting else frozenset()
        if meeting is None or not roles or not _may_see(meeting, roles):
            raise ProtocolError(ErrorCode.NOT_FOUND, f"no meeting {meeting_id} for this user",
                                reason=Reason.MEETING_NOT_FOUND,
                                params={"meeting_id": meeting_id})
        if not roles & spec.roles:
            raise ProtocolError(
                ErrorCode.FORBIDDEN,
                f"role {_primary(roles)} may not send {name}",
                reason=Reason.COMMAND_NOT_ALLOWED, params={"command": name})
        if meeting.status == MeetingStatus.CLOSED and not spec.on_closed:
            raise ProtocolError(ErrorCode.INVALID_STATE,
                                "the meeting is closed; nothing changes it",
                                reason=Reason.MEETING_CLOSED)
        try:
            parsed = from_wire(spec.args, args)
        except ValidationError as exc:
            raise ProtocolError(ErrorCode.INVALID_ARGS, f"invalid arguments for {name}",
                                details=validation_details(exc)) from None
        user = session.get(User, who.user_id)
        assert user is not None
        return CommandContext(session=session, meeting=meeting, user=user, roles=roles,
                              db=self.db, blobs=self.blobs), parsed

    # --- preparing meetings ------------------------------------------------------------

    def _preparable_bodies(self, session: Session, who: Identity) -> list[int]:
        """Administrators prepare for every body; chairs and secretaries for their bodies."""
        if who.is_admin:
            return list(session.scalars(select(Body.id).order_by(Body.id)))
        return sorted(set(session.scalars(
            select(Meeting.body_id).join(Participant, Participant.meeting_id == Meeting.id)
            .where(Participant.user_id == who.user_id,
                   Participant.role.in_([Role.CHAIR.value, Role.SECRETARY.value]))))
            | _administered_bodies(session, who))

    def list_bodies(self, who: Identity) -> list[dict[str, Any]]:
        with self.db.reading() as session:
            out = []
            for body_id in self._preparable_bodies(session, who):
                body = session.get(Body, body_id)
                assert body is not None
                out.append({**body_view(body), "members": [
                    {"user_id": m.user_id, "full_name": m.user.full_name,
                     "username": m.user.username, "position": m.position}
                    for m in body.members]})
            return out

    def create_meeting(self, who: Identity, body_id: int, title: str, starts_at: datetime,
                       location: str, clone_of: int | None) -> dict[str, Any]:
        """A new draft; when cloning, the agenda tree, participants and documents come along."""
        if starts_at.tzinfo is None:
            raise ProtocolError(ErrorCode.INVALID_ARGS, "starts_at needs a time zone")
        with self.db.transaction() as session:
            if body_id not in self._preparable_bodies(session, who):
                raise ProtocolError(ErrorCode.FORBIDDEN,
                                    "the user does not prepare meetings for this body",
                                    reason=Reason.NOT_YOUR_BODY)
            meeting = Meeting(body_id=body_id, title=title, location=location,
                              status=MeetingStatus.DRAFT.value, starts_at=starts_at)
            session.add(meeting)
            session.flush()
            if clone_of is not None:
                source = session.get(Meeting, clone_of)
                roles = _roles(session, who, clone_of) if source else frozenset()
                if source is None or source.body_id != body_id or not roles & PREPARING_ROLES:
                    raise ProtocolError(ErrorCode.NOT_FOUND,
                                        f"no meeting {clone_of} of this body to copy")
                _copy_meeting(session, source, meeting)
            # The creator prepares it as its secretary, unless administering its body
            # already lets them (an administrator is not a participant of the meeting).
            if not who.is_admin and body_id not in _administered_bodies(session, who) \
                    and session.scalar(select(Participant.id).where(
                        Participant.meeting_id == meeting.id,
                        Participant.user_id == who.user_id)) is None:
                session.add(Participant(meeting_id=meeting.id, user_id=who.user_id,
                                        role=Role.SECRETARY.value))
            audit.record(session, "meeting.create", user_id=who.user_id,
                         username=who.username, meeting_id=meeting.id,
                         detail={"body_id": body_id, "title": title, "clone_of": clone_of})
            session.flush()
            session.refresh(meeting)
            return meeting_summary(meeting, _primary(_roles(session, who, meeting.id)))

    # --- administration ---------------------------------------------------------------

    def admin(self, who: Identity, action: str, args: dict[str, Any]) -> dict[str, Any]:
        """One administration action in one transaction (meetingroom/server/admin/actions.py)."""
        from meetingroom.server.admin import actions

        with self.db.transaction() as session:
            return actions.run(session, who, action, args)

    # --- documents ------------------------------------------------------------------

    def readable_blob(self, who: Identity, sha256: str) -> int:
        """The size of a file this user may read, checked for every chunk they ask for.

        Readable means: attached (and not withdrawn) to a meeting the user takes part in
        and can see, and not confidential when they are only a guest there.

        A yes is remembered while nothing has written to the database since: no
        transaction of this process has ended, and the database's own mark of writes
        from elsewhere (another server process on the same PostgreSQL, a command-line
        import), looked at every ``READABLE_FOR_S``, has not moved. A hall fetching its
        packet asks this a thousand times a minute; asking the rows each time, then once
        every two seconds for each laptop, was most of the server's work per piece. One
        look answers for every file of the meetings this one belongs to: a laptop fetches
        the whole packet.
        """
        now = time.monotonic()
        if now >= self._outside[1]:
            self._outside = (self.db.outside_writes(), now + READABLE_FOR_S)
        known = self.readable_known(who, sha256)
        if known is not None:
            return known
        state = (self.db.writes, self._outside[0])  # before the rows are read
        sizes = self._readable_sizes(who, sha256)
        if len(self._readable) + len(sizes) > READABLE_KEPT:
            self._readable.clear()
        for sha, size in sizes.items():
            self._readable[(who, sha)] = (state, size)
        if sha256 not in sizes:
            raise ProtocolError(ErrorCode.NOT_FOUND, "no such document for this user",
                                reason=Reason.NO_DOCUMENT)
        return sizes[sha256]

    def readable_known(self, who: Identity, sha256: str) -> int | None:
        """``readable_blob``'s remembered yes, or None: no database, so the event loop may
        ask it itself. The hop to the database thread and back cost a piece more than the
        lookup; most pieces of a packet are answered here."""
        known = self._readable.get((who, sha256))
        outside, until = self._outside
        if known is not None and known[0] == (self.db.writes, outside) \
                and time.monotonic() < until:
            return known[1]
        return None

    def _readable_sizes(self, who: Identity, sha256: str) -> dict[str, int]:
        """SHA-256 → size of the files this user may read in the meetings ``sha256`` is
        attached to (empty when it is in none of theirs). Two statements of plain columns,
        whatever the number of meetings: a hall asks this again every ``READABLE_FOR_S``
        for each laptop, and loading ORM rows made it 2-3 ms each time."""
        attached = select(Document.meeting_id).where(Document.sha256 == sha256,
                                                     Document.withdrawn_at.is_(None))
        role = select(Participant.role).where(Participant.meeting_id == Meeting.id,
                                              Participant.user_id == who.user_id)
        unit_admin = exists().where(BodyAdmin.user_id == who.user_id,
                                    BodyAdmin.body_id == Meeting.body_id)
        sizes: dict[str, int] = {}
        with self.db.reading() as session:
            visible: dict[int, frozenset[str]] = {}
            for meeting_id, status, participant, admin in session.execute(
                    select(Meeting.id, Meeting.status, role.scalar_subquery(), unit_admin)
                    .where(Meeting.id.in_(attached))):
                roles = frozenset(({participant} if participant else set())
                                  | ({ADMIN} if who.is_admin or admin else set()))
                if roles and (status != MeetingStatus.DRAFT or roles & PREPARING_ROLES):
                    visible[meeting_id] = roles
            if not visible:
                return sizes
            for meeting_id, sha, confidential, approval, submitted_by in session.execute(
                    select(Document.meeting_id, Document.sha256, Document.confidential,
                           Document.approval, Document.submitted_by)
                    .where(Document.meeting_id.in_(visible), Document.withdrawn_at.is_(None))):
                roles = visible[meeting_id]
                if confidential and roles <= {Role.GUEST.value}:
                    continue
                if approval != "approved" and not roles & PREPARING_ROLES \
                        and submitted_by != who.user_id:
                    continue
                if sha not in sizes and self.blobs.has(sha):
                    sizes[sha] = self.blobs.size(sha)
        return sizes

    def may_upload(self, who: Identity) -> bool:
        """Administrators, and chairs and secretaries of some meeting, prepare documents."""
        if who.is_admin:
            return True
        with self.db.reading() as session:
            return session.scalar(select(Participant.id).where(
                Participant.user_id == who.user_id,
                Participant.role.in_([Role.CHAIR.value, Role.SECRETARY.value])).limit(1)) \
                is not None

    def close_due_opinions(self, now: datetime | None = None) -> list[WireEvent]:
        """Close every written-opinion request past its deadline; one transaction per meeting."""
        now = now or utcnow()
        with self.db.reading() as session:
            meeting_ids = sorted(set(session.scalars(select(Opinion.meeting_id).where(
                Opinion.status == "open", Opinion.deadline <= now))))
        events: list[WireEvent] = []
        for meeting_id in meeting_ids:
            with self.db.transaction() as session:
                meeting = session.scalar(select(Meeting).where(Meeting.id == meeting_id)
                                         .with_for_update())
                if meeting is None:
                    continue
                closed = close_due(session, meeting, now)
                session.flush()
                self._announce(session, meeting_id, [WireEvent.of(e) for e in closed])
                events.extend(WireEvent.of(e) for e in closed)
        if events:
            log.info("closed %d written-opinion request(s) at their deadline", len(events))
        return events

    # --- several server processes (PostgreSQL) ------------------------------------------

    @property
    def announces(self) -> bool:
        """Whether commits are announced to other server processes (PostgreSQL only)."""
        return self.db.engine.dialect.name == "postgresql"

    def _announce(self, session: Session, meeting_id: int, events: list[WireEvent]) -> None:
        """NOTIFY the other processes of these events; delivered at commit, never before."""
        if not events or not self.announces:
            return
        seqs = [e.seq for e in events]
        session.execute(text("SELECT pg_notify(:channel, :payload)"),
                        {"channel": EVENTS_CHANNEL,
                         "payload": f"{meeting_id}:{min(seqs)}:{max(seqs)}"})

    def events_between(self, meeting_id: int, after: int, upto: int) -> list[WireEvent]:
        """Committed events ``after`` < seq <= ``upto`` of a meeting, in order."""
        with self.db.reading() as session:
            return [WireEvent.of(e) for e in session.scalars(
                select(Event).where(Event.meeting_id == meeting_id, Event.seq > after,
                                    Event.seq <= upto).order_by(Event.seq))]

    def last_seqs(self, meeting_ids: list[int]) -> dict[int, int]:
        """Each meeting's last committed sequence number."""
        with self.db.reading() as session:
            return {m: s for m, s in session.execute(
                select(Meeting.id, Meeting.last_seq).where(Meeting.id.in_(meeting_ids)))}

    def notify(self, channel: str, payload: str) -> None:
        """Send one NOTIFY (linked-room reports between server processes)."""
        with self.db.transaction() as session:
            session.execute(text("SELECT pg_notify(:channel, :payload)"),
                            {"channel": channel, "payload": payload})

    def _previous_result(self, who: Identity, command_id: str) -> dict[str, Any] | None:
        with self.db.reading() as session:
            row = session.scalar(select(CommandResult).where(
                CommandResult.user_id == who.user_id, CommandResult.command_id == command_id))
            return dict(row.reply) if row else None

    def _remember_refusal(self, who: Identity, command_id: str, name: str,
                          reply: dict[str, Any]) -> None:
        try:
            with self.db.transaction() as session:
                session.add(CommandResult(user_id=who.user_id, command_id=command_id,
                                          command=name[:64], reply=reply))
        except IntegrityError:
            pass  # a concurrent retry stored its answer first; either answer is the same


class _BatchAbortedError(Exception):
    """The batch's transaction must roll back whole (its senders send again)."""


def _changes_allowed(session: Session, vote_id: int) -> bool:
    vote = session.get(Vote, vote_id)
    return vote is not None and vote.ballot_change_allowed


def _refusal(exc: ProtocolError) -> dict[str, Any]:
    reply = {"ok": False, "code": str(exc.code), "message": exc.message}
    if exc.details is not None:
        reply["details"] = exc.details
    return reply


def _live_sender(who: Identity) -> live.Sender:
    return live.Sender(who.user_id, who.username, who.is_admin)


def _remembered(exc: ProtocolError, spec: CommandSpec | None) -> bool:
    """Whether a refusal is kept as the command's answer for its retries.

    Not when nothing was decided, an unknown command or meeting, a database that could
    not write: a retry may legitimately succeed.
    """
    return exc.code not in (ErrorCode.UNKNOWN_COMMAND, ErrorCode.NOT_FOUND,
                            ErrorCode.UNAVAILABLE) and not (spec is not None and spec.personal)


def _unavailable(name: str, exc: OperationalError) -> ProtocolError:
    # Locked, full or vanished database: the transaction rolled back whole, so
    # nothing is half applied, and the client keeps the command to send again.
    log.error("database unavailable for command=%s: %s", name[:64],
              str(exc.orig).splitlines()[0] if exc.orig else type(exc).__name__)
    return ProtocolError(ErrorCode.UNAVAILABLE,
                         "the server cannot write to its database right now; nothing was "
                         "changed, try again", reason=Reason.SERVER_BUSY)


def _try_again() -> ProtocolError:
    return ProtocolError(ErrorCode.UNAVAILABLE, "nothing was changed; send it again",
                         reason=Reason.SERVER_BUSY)


def fault_point(name: str) -> None:
    """Tests only: ``MEETINGROOM_TEST_KILL_AT=<name>`` kills this process here with
    SIGKILL, the worst moment a power cut can choose (tests/test_group_commit.py)."""
    if os.environ.get(KILL_AT_ENV) == name:
        log.warning("fault injection: killing the server at %s", name)
        os.kill(os.getpid(), signal.SIGKILL)


def _copy_meeting(session: Session, source: Meeting, target: Meeting) -> None:
    """Agenda (with its tree), participants with seats, and current documents."""
    ids: dict[int, int] = {}
    pending = sorted(source.agenda_items, key=lambda i: (i.parent_id is not None, i.id))
    while pending:
        waiting = []
        for item in pending:
            if item.parent_id is not None and item.parent_id not in ids:
                waiting.append(item)
                continue
            copy = AgendaItem(meeting_id=target.id, title=item.title, position=item.position,
                              planned_minutes=item.planned_minutes, presenter=item.presenter,
                              parent_id=ids.get(item.parent_id) if item.parent_id else None)
            session.add(copy)
            session.flush()
            ids[item.id] = copy.id
        if len(waiting) == len(pending):
            break  # an orphaned item; copy the rest rather than loop forever
        pending = waiting
    for person in source.participants:
        session.add(Participant(meeting_id=target.id, user_id=person.user_id, role=person.role,
                                seat=person.seat))
    for doc in source.documents:
        if doc.withdrawn_at is None and doc.approval == "approved":
            session.add(Document(meeting_id=target.id, title=doc.title, filename=doc.filename,
                                 sha256=doc.sha256, pages=doc.pages, size_bytes=doc.size_bytes,
                                 confidential=doc.confidential,
                                 agenda_item_id=ids.get(doc.agenda_item_id or 0)))


def _identity(user: User) -> Identity:
    return Identity(user.id, user.username, user.full_name, user.is_admin)


def _administered_bodies(session: Session, who: Identity) -> set[int]:
    """The bodies ``who`` is a unit administrator of (none for a system administrator,
    who has every body anyway)."""
    if who.is_admin:
        return set()
    return set(session.scalars(select(BodyAdmin.body_id).where(
        BodyAdmin.user_id == who.user_id)))


def _roles(session: Session, who: Identity, meeting_id: int) -> frozenset[str]:
    """The sender's roles in a meeting: their participant role, and ``admin`` for a system
    administrator or the unit administrator of the meeting's body. One statement: this
    runs for every command, ballots included."""
    role, unit_admin = session.execute(select(
        select(Participant.role).where(Participant.meeting_id == meeting_id,
                                       Participant.user_id == who.user_id).scalar_subquery(),
        exists().where(BodyAdmin.user_id == who.user_id,
                       BodyAdmin.body_id == select(Meeting.body_id).where(
                           Meeting.id == meeting_id).scalar_subquery()),
    )).one()
    roles = {role} if role else set()
    if who.is_admin or unit_admin:
        roles.add(ADMIN)
    return frozenset(roles)


def _primary(roles: frozenset[str]) -> str:
    for role in (Role.CHAIR, Role.SECRETARY, Role.DELEGATE, Role.GUEST):
        if role.value in roles:
            return role.value
    return ADMIN


def _may_see(meeting: Meeting, roles: frozenset[str]) -> bool:
    return meeting.status != MeetingStatus.DRAFT or bool(roles & PREPARING_ROLES)


def _snapshot(session: Session, meeting: Meeting, role: str, who: Identity) -> dict[str, Any]:
    """The whole visible state of a meeting, for a client that has none or is too far behind."""
    documents = [d for d in meeting.documents if d.withdrawn_at is None
                 and (role != Role.GUEST or not d.confidential)
                 and (d.approval == "approved" or role in PREPARING_ROLES)]
    now = utcnow()
    speeches = session.scalars(select(SpeechRequest).where(
        SpeechRequest.meeting_id == meeting.id).options(selectinload(SpeechRequest.user))
        .order_by(SpeechRequest.id)).all()
    votes = session.scalars(select(Vote).where(Vote.meeting_id == meeting.id)
                            .order_by(Vote.id)).all()
    opinions = session.scalars(select(Opinion).where(Opinion.meeting_id == meeting.id)
                               .order_by(Opinion.id)).all()
    return {
        "server_time": now.isoformat(),
        "attendance": {"participants": [attendance_view(p) for p in meeting.participants],
                       **attendance_summary(meeting)},
        "speeches": [speech_view(r, now) for r in speeches],
        "speaking_totals": speaking_totals(session, meeting.id),
        "votes": [vote_view(session, v, meeting) for v in votes],
        "opinions": [opinion_view(session, o, meeting) for o in opinions],
        "conclusions": [conclusion_view(c) for c in session.scalars(
            select(Conclusion).where(Conclusion.meeting_id == meeting.id)
            .order_by(Conclusion.id))],
        "meeting": meeting_summary(meeting, role),
        "body": body_view(meeting.body),
        "current_item_id": meeting.current_item_id,
        "agenda": [agenda_item_view(i) for i in
                   sorted(meeting.agenda_items, key=lambda i: (i.parent_id or 0, i.position))],
        "documents": [document_view(d) for d in documents],
        "participants": [participant_view(p) for p in meeting.participants],
        "you": {**who.view(), "role": role},
    }


#: How long a device stays known after it last held a valid token.
KNOWN_DEVICE_LIFETIME = timedelta(days=180)
