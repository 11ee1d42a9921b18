"""What a session is made of and what it reports: the words both ends of a hall's link
share with ``MeetingConnection`` — its states, the reconnect policy, the refusal of a
queued command, the listener interface — and the one set of "not now" answers that
the laptop's session and a hall relay's uplink both retry.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

from websockets.exceptions import InvalidHandshake

from meetingroom.core.protocol import PROTOCOL_VERSION, ErrorCode
from meetingroom.sync.client.chair_client import ChairClient, ConnectionLostError, ServerError
from meetingroom.sync.client.local_store import CachedMeeting, PendingCommand, Scope

log = logging.getLogger("meetingroom.connection")

#: The ballot command; a refused ballot gets its own plainly worded outcome.
BALLOT_COMMAND = "vote.cast"
#: What a refused ballot is logged as; the window words it (meetingroom/ui/refusals.py).
BALLOT_CLOSED_WHILE_OFFLINE = "ballot not counted: the vote closed while offline"
BALLOT_CLOSED = "ballot not counted: the vote closed before it reached the server"
BALLOT_REFUSED = "ballot not counted: {message}"

#: Answers that mean "not now" rather than "no": the command stays queued and is resent.
#: The one set: a laptop's session and a hall relay's uplink retry the same answers.
TRANSIENT_CODES = frozenset({ErrorCode.RATE_LIMITED, ErrorCode.INTERNAL, ErrorCode.UNAVAILABLE})
#: Failures of the link itself (refused, cut, silent, a broken handshake): try again later.
LINK_ERRORS: tuple[type[Exception], ...] = (OSError, ConnectionLostError, TimeoutError,
                                            InvalidHandshake)


class SessionStore(Protocol):
    """Where a session keeps its outbox and the followed meeting: ``LocalStore`` on a
    laptop; a hall relay gives its uplink its own log and outbox (``sync.relay.uplink``)."""

    def set_key(self, scope: Scope, key: bytes | None) -> None: ...

    def enqueue(self, scope: Scope, meeting_id: int, name: str, args: dict[str, Any], *,
                made_offline: bool, command_id: str | None = None) -> PendingCommand: ...

    def pending(self, scope: Scope) -> list[PendingCommand]: ...

    def next_pending(self, scope: Scope) -> PendingCommand | None: ...

    def count_attempt(self, scope: Scope, command_id: str) -> None: ...

    def remove(self, scope: Scope, command_id: str) -> None: ...

    def device_secret(self, scope: Scope) -> str | None: ...

    def load_meeting(self, scope: Scope, meeting_id: int) -> CachedMeeting | None: ...

    def save_snapshot(self, scope: Scope, meeting_id: int, seq: int, role: str,
                      snapshot: dict[str, Any]) -> None: ...

    def append_events(self, scope: Scope, meeting_id: int,
                      events: list[dict[str, Any]]) -> int: ...

    def forget_meeting(self, scope: Scope, meeting_id: int) -> None: ...

    def close(self) -> None: ...


class ConnectionState(StrEnum):
    CONNECTING = "connecting"
    ONLINE = "online"
    #: Not connected; ``retry_in`` says when the next attempt starts.
    OFFLINE = "offline"
    #: No usable token: the user must type the password (``login``).
    AUTH_REQUIRED = "auth_required"
    #: Closed by ``close()``, or the server speaks a protocol this program does not.
    STOPPED = "stopped"


@dataclass(frozen=True)
class ConnectionStatus:
    state: ConnectionState
    reason: str = ""
    #: Seconds until the next attempt, when offline.
    retry_in: float | None = None
    #: Failed attempts in a row so far.
    attempt: int = 0
    #: Why the session stopped for good (an ``IncompatibleServerError``, a changed
    #: certificate), for the window to word; ``reason`` is its English for logs.
    error: BaseException | None = None


@dataclass(frozen=True)
class ReconnectPolicy:
    """When to try again: often while an outage is young, then exponential backoff.

    Hall Wi-Fi mostly drops for seconds to a minute; a laptop that waits 30 s after
    the link is back misses the vote the chair closes meanwhile. So for the first
    ``fast_window`` seconds of an outage the server is probed every ``probe_interval``:
    an attempt on a dead link fails at once or times out, so it costs nothing. After
    that the delay grows to ``max_delay``. Every delay is jittered, so 200 laptops whose
    link comes back together spread their reconnects instead of arriving in one instant.
    """

    base_delay: float = 0.5
    max_delay: float = 30.0
    factor: float = 2.0
    #: Share of the delay taken away at random (0: none, 1: anything down to zero).
    jitter: float = 0.5
    #: Seconds of an outage during which the server is probed often.
    fast_window: float = 120.0
    probe_interval: float = 1.0

    def soon(self, rand: Callable[[], float] = random.random) -> float:
        """A short random wait before an attempt that should come now, so the hall's
        laptops that learn the same thing at once — the network is back — spread."""
        return self.jitter * self.probe_interval * rand()

    def delay(self, attempt: int, rand: Callable[[], float] = random.random, *,
              offline_for: float | None = None) -> float:
        """The wait before attempt ``attempt + 1``; ``offline_for``: seconds since the
        link was last up (None: backoff from the first attempt, as before)."""
        capped = min(self.max_delay, self.base_delay * self.factor ** min(attempt, 64))
        if offline_for is not None and offline_for < self.fast_window:
            capped = min(capped, self.probe_interval)
        return capped * (1.0 - self.jitter * rand())


class Activity:
    """When the user last acted, a command queued or answered, or a vote is open, so
    bulk data waits.

    A ballot must not queue behind document pieces even on the shared Wi-Fi: while a
    command is in the outbox, for ``quiet_after`` seconds after the last one, and while
    a vote of the followed meeting is open — the whole hall's ballots are on the link,
    the packet download asks for nothing new; it goes on from the next missing piece.
    """

    def __init__(self, quiet_after: float = 3.0) -> None:
        self.quiet_after = quiet_after
        self._busy = 0
        self._last = float("-inf")
        self._changed = asyncio.Event()
        #: Ids of the followed meeting's votes that are open now.
        self._open_votes: set[int] = set()
        #: Bulk work parked in ``wait_quiet`` right now.
        self.waiting = 0
        #: Set while a vote of the followed meeting is open (``wait_vote_open``).
        self._vote_open = asyncio.Event()
        #: When a vote last opened while none was (``wait_voted``).
        self._vote_opened_at = float("-inf")

    def touch(self) -> None:
        self._last = time.monotonic()
        self._changed.set()

    def set_busy(self, busy: int) -> None:
        """How many commands wait for their answer."""
        self._busy = busy
        self.touch()

    def set_votes(self, votes: dict[int, str]) -> None:
        """The status of votes (``VoteStatus`` values) from a snapshot or an event."""
        before = bool(self._open_votes)
        for vote_id, status in votes.items():
            if status == "open":
                self._open_votes.add(vote_id)
            else:
                self._open_votes.discard(vote_id)
        if bool(self._open_votes) != before:
            if self._open_votes:
                self._vote_opened_at = time.monotonic()
            self._changed.set()
            self._mark_votes()

    def forget_votes(self) -> None:
        """Another meeting, or a new snapshot: what was known of votes is void."""
        if self._open_votes:
            self._open_votes.clear()
            self._changed.set()
            self._mark_votes()

    def _mark_votes(self) -> None:
        if self._open_votes:
            self._vote_open.set()
        else:
            self._vote_open.clear()

    async def wait_vote_open(self) -> None:
        """Return once a vote of the followed meeting is open (at once if one is)."""
        await self._vote_open.wait()

    async def wait_voted(self) -> None:
        """Return once no vote of the followed meeting is open, or the user has acted
        since it opened and nothing of theirs waits: their ballot is in. Bulk work parked
        here counts in ``waiting`` as in ``wait_quiet``.

        The prefetch opens its file connection again from here. On a hall link the
        opening is a few round trips and a handshake's bytes; opened once the vote had
        closed, they took the pause after it, when the link is the packet's
        (``bench.weak_link``: the share between votes 0.785 → 0.81–0.82). The server answers
        a file connection's ``resume`` only once the vote is closed
        (``SocketServer._ballots_first``), so no piece comes during the vote."""
        self.waiting += 1
        try:
            while self._open_votes and (self._busy or self._last <= self._vote_opened_at):
                self._changed.clear()
                await self._changed.wait()
        finally:
            self.waiting -= 1

    @property
    def vote_open(self) -> bool:
        return bool(self._open_votes)

    @property
    def quiet(self) -> bool:
        return self._busy == 0 and not self._open_votes and \
            time.monotonic() - self._last >= self.quiet_after

    async def wait_quiet(self) -> None:
        """Return once no vote is open, nothing the user did is waiting and the last act
        is old enough."""
        self.waiting += 1
        try:
            while not self.quiet:
                self._changed.clear()
                left = self.quiet_after - (time.monotonic() - self._last)
                held = self._busy or self._open_votes
                # Not wait_for: on Python 3.11 it can swallow a cancellation.
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(None if held else max(0.05, left)):
                        await self._changed.wait()
        finally:
            self.waiting -= 1


def vote_statuses(snapshot: dict[str, Any] | None = None,
                  events: Iterable[dict[str, Any]] = ()) -> dict[int, str]:
    """Each vote's status as of ``snapshot`` and then ``events``: the vote events carry
    the vote as it became (``vote.opened``, ``vote.closed``...)."""
    statuses: dict[int, str] = {}
    for vote in (snapshot or {}).get("votes") or []:
        if isinstance(vote, dict) and "id" in vote:
            statuses[int(vote["id"])] = str(vote.get("status"))
    for event in events:
        vote = (event.get("payload") or {}).get("vote")
        if str(event.get("event", "")).startswith("vote.") and isinstance(vote, dict) \
                and "id" in vote:
            statuses[int(vote["id"])] = str(vote.get("status"))
    return statuses


class RefusalKind(StrEnum):
    REFUSED = "refused"
    #: A ballot that the server refused: the user must be told it was not counted.
    BALLOT_NOT_COUNTED = "ballot_not_counted"


@dataclass(frozen=True)
class Refusal:
    """The final "no" to a queued command; it has left the queue."""

    command: PendingCommand
    kind: RefusalKind
    code: str
    #: What happened, in English for logs; a window words ``code``/``details``/``kind``.
    message: str
    #: What the server said (English, for logs).
    server_message: str
    details: Any = None


def classify_refusal(command: PendingCommand, code: str, server_message: str,
                     details: Any = None) -> Refusal:
    """Classify a refusal; a refused ballot must never pass as an ordinary error."""
    if command.name != BALLOT_COMMAND:
        return Refusal(command, RefusalKind.REFUSED, code, server_message, server_message,
                       details)
    # The server names the vote's status only when the vote itself is no longer open;
    # other invalid_state answers ("check in first", "already voted") keep their wording.
    vote_not_open = isinstance(details, dict) and "status" in details
    if code == ErrorCode.INVALID_STATE and vote_not_open:
        delayed = command.made_offline or command.attempts > 1
        message = BALLOT_CLOSED_WHILE_OFFLINE if delayed else BALLOT_CLOSED
    else:
        message = BALLOT_REFUSED.format(message=server_message)
    return Refusal(command, RefusalKind.BALLOT_NOT_COUNTED, code, message, server_message,
                   details)


class SessionListener:
    """What a session reports. Override what you need; every method defaults to nothing.

    Called on the event loop, in the order things happened; exceptions are logged and
    swallowed so a faulty listener cannot break the connection.
    """

    def on_status(self, status: ConnectionStatus) -> None:
        """The connection state changed."""

    def on_token(self, token: str | None) -> None:
        """A new session token (store it in the keyring), or None: forget the stored one."""

    def on_meeting(self, meeting: CachedMeeting) -> None:
        """Replace the whole meeting state with ``meeting.snapshot``, then apply its events."""

    def on_event(self, event: dict[str, Any]) -> None:
        """The next event of the followed meeting: its ``seq`` is one more than the last."""

    def on_pending(self, pending: list[PendingCommand]) -> None:
        """The commands not yet answered by the server, oldest first."""

    def on_command_done(self, command: PendingCommand, result: dict[str, Any]) -> None:
        """The server applied ``command`` (``result["duplicate"]``: it had it already)."""

    def on_command_refused(self, refusal: Refusal) -> None:
        """The server refused a command for good; word it for the user (ui/refusals)."""

    def on_notice(self, notice: dict[str, Any]) -> None:
        """News outside the event log: ``relay.link`` — this hall's uplink, ``room.changed``
        and ``rooms`` — the linked halls, for preparers."""

    def on_meeting_gone(self, meeting_id: int) -> None:
        """The user may no longer see this meeting: wipe everything kept for it."""


class NotOnlineError(Exception):
    """The request needs the server and the session is not connected right now."""


class IncompatibleServerError(Exception):
    """The server speaks another protocol version than this program."""

    def __init__(self, server_version: object, needed: int) -> None:
        super().__init__(f"the server speaks protocol {server_version}; this program needs "
                         f"{needed}: update it")
        self.server_version = server_version
        self.needed = needed


def check_protocol(welcome: dict[str, Any]) -> None:
    """Refuse a server that speaks another protocol version than this program."""
    version = welcome.get("protocol")
    if version != PROTOCOL_VERSION:
        raise IncompatibleServerError(version, PROTOCOL_VERSION)


class EventGapError(Exception):
    """An event arrived out of step: the stream can no longer be trusted."""


def failure_reason(exc: BaseException) -> str:
    """Why a connection or a request failed, in English for logs and status lines."""
    if isinstance(exc, ServerError):
        return f"{exc.code}: {exc.message}"
    if isinstance(exc, TimeoutError):
        return "no answer from the server in time"
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


async def check_link(client: ChairClient, within: float) -> None:
    """After a network change, prove ``client``'s connection or end it.

    A connection open before the change (another access point, another address) can
    be dead without a word: nothing arrives, no reset either, and the silence limit
    would notice only after tens of seconds. So the server is pinged; if nothing at
    all has arrived ``within`` seconds later, neither the answer nor any other byte,
    the connection is ended and the session reconnects at once. Bytes that arrive
    prove the link, however slow — a slow link is not a lost one."""
    ping = asyncio.ensure_future(client.request("ping"))
    try:
        await asyncio.wait({ping}, timeout=within)
        if ping.done() or client.silent_for < within or not client.alive:
            return
        log.info("no answer after a network change: the connection is ended")
        await client.abort()
    finally:
        ping.cancel()  # nothing when it has its answer
        ping.add_done_callback(_retrieved)


def _retrieved(task: asyncio.Future[Any]) -> None:
    """Mark a given-up request's failure as seen (it is not an error to log)."""
    if not task.cancelled():
        task.exception()
