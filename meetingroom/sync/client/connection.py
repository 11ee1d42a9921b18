"""A whole session's link to the chair server, built to outlive weak hall Wi-Fi.

``ChairClient`` is one connection; a delegate's session spans many. This layer reconnects
(probing every second or so while an outage is young, then backing off, always jittered),
logs back in with the session token, resubscribes from the last applied sequence number, and
sends what the user did while offline from an outbox on disk, in order, each command once —
the server answers a repeated command id with its first answer, so resending after a crash
or a lost reply is safe. Everything a user interface needs arrives through a
``SessionListener``; the Qt bridge turns those calls into signals.

Everything here runs on one asyncio event loop: call the methods on that loop (from another
thread: ``asyncio.run_coroutine_threadsafe``); listener methods are called on it too.
Passwords are used for one login and dropped; the token is held in memory only and handed to
``SessionListener.on_token`` for the keyring.

File data travels on a connection of its own (``file_client``), opened with the same token
only while a download needs it: a document piece on a slow link never stands between a
ballot and the server. ``activity`` tells bulk work when the user has just acted or a vote
is open, so it steps aside.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import ssl
import time
from dataclasses import replace
from typing import Any

from meetingroom.core.protocol import ErrorCode, first_seq
from meetingroom.sync.client.chair_client import ChairClient, ConnectionLostError, ServerError
from meetingroom.sync.client.local_store import CachedMeeting, PendingCommand, Scope
from meetingroom.sync.client.pinning import CertificateChangedError, PinStore
from meetingroom.sync.client.session_parts import (
    BALLOT_CLOSED,  # noqa: F401 (re-exported)
    BALLOT_CLOSED_WHILE_OFFLINE,  # noqa: F401 (re-exported)
    BALLOT_COMMAND,  # noqa: F401 (re-exported)
    BALLOT_REFUSED,  # noqa: F401 (re-exported)
    LINK_ERRORS,
    TRANSIENT_CODES,
    Activity,
    ConnectionState,
    ConnectionStatus,
    EventGapError,
    IncompatibleServerError,
    NotOnlineError,
    ReconnectPolicy,
    Refusal,  # noqa: F401 (re-exported)
    RefusalKind,  # noqa: F401 (re-exported)
    SessionListener,
    SessionStore,
    check_link,
    check_protocol,
    classify_refusal,
    failure_reason,
    vote_statuses,
)

log = logging.getLogger("meetingroom.connection")


class _AuthRequiredError(Exception):
    pass


class _ResyncError(Exception):
    """Leave this connection and open a fresh one at once — no backoff."""


class MeetingConnection:
    """One user's session with one chair server, following at most one meeting."""

    def __init__(self, url: str, store: SessionStore, username: str,
                 meeting_id: int | None = None, *, listener: SessionListener | None = None,
                 policy: ReconnectPolicy | None = None,
                 ssl_context: ssl.SSLContext | None = None, pins: PinStore | None = None,
                 request_timeout: float = 15.0,
                 close_timeout: float = 2.0, compact_after: int = 1000,
                 outbox_key: bytes | None = None, keepalive: float = 5.0,
                 silence_limit: float = 20.0, every_event: bool = False) -> None:
        """``outbox_key`` (32 bytes from the keyring) seals queued commands on disk; without
        one a queued secret ballot is held in memory only (``LocalStore.set_key``).

        ``request_timeout`` bounds opening a connection; once open, a request waits as
        long as the connection lives, and the connection is lost when nothing at all has
        come from the server for ``silence_limit`` seconds (pings every ``keepalive``).

        ``every_event``: every event, runs of ballots whole (``run``), never ``progress``
        — a hall relay's mirror keeps the whole log. An empty ``username`` accepts whoever
        the token belongs to — a relay resuming a laptop's token."""
        self.url = url
        self.store = store
        self.username = username
        self.meeting_id = meeting_id
        self.listener = listener or SessionListener()
        self.policy = policy or ReconnectPolicy()
        self.ssl_context = ssl_context
        self.pins = pins
        self.request_timeout = request_timeout
        self.keepalive = keepalive
        self.silence_limit = silence_limit
        self.close_timeout = close_timeout
        #: More cached events than this: take a fresh snapshot rather than replaying.
        self.compact_after = compact_after
        self.every_event = every_event
        self.scope = Scope(url, username)
        store.set_key(self.scope, outbox_key)
        self.user: dict[str, Any] | None = None
        self._status = ConnectionStatus(ConnectionState.STOPPED)
        self._token: str | None = None
        self._login: tuple[str, dict[str, str] | None,
                           asyncio.Future[dict[str, Any]]] | None = None
        self._status_waiters: list[asyncio.Future[None]] = []
        self._seq = 0
        self._client: ChairClient | None = None
        self._welcome: dict[str, Any] | None = None  #: the server's last (``connect``)
        self._task: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()
        self._resync = asyncio.Event()
        self._outbox_changed = asyncio.Event()
        self.activity = Activity()
        #: The connection for file data (see ``file_client``), while one is open.
        self._files: ChairClient | None = None
        self._files_lock = asyncio.Lock()
        self._up_at = time.monotonic()  #: when the link was last known up (monotonic)
        self._check: asyncio.Future[None] | None = None  # after a network change
        self.online_since = float("-inf")  #: when the session last came online (monotonic)

    # --- what the user interface calls --------------------------------------------------

    @property
    def status(self) -> ConnectionStatus:
        return self._status

    @property
    def token(self) -> str | None:
        """The session token, once logged in or resumed (None: a password is needed)."""
        return self._token

    @property
    def last_seq(self) -> int:
        """The last event of the followed meeting that has been applied and cached."""
        return self._seq

    def pending(self) -> list[PendingCommand]:
        return self.store.pending(self.scope)

    @property
    def client(self) -> ChairClient | None:
        """The live connection while online (file transfers use it directly), else None."""
        return self._client if self._status.state is ConnectionState.ONLINE else None

    def cached_meeting(self) -> CachedMeeting | None:
        if self.meeting_id is None:
            return None
        return self.store.load_meeting(self.scope, self.meeting_id)

    async def start(self, token: str | None = None) -> None:
        """Show what is on disk, then connect in the background (``login`` if no token)."""
        if self._task is not None:
            raise RuntimeError("already started")
        self._token = token
        self._load_cache()
        self._notify("on_pending", self.pending())
        if self.pending():
            self.activity.set_busy(len(self.pending()))
        self._task = asyncio.create_task(self._run(), name=f"meetingroom session {self.url}")

    async def login(self, password: str, *,
                    via_relay: dict[str, str] | None = None) -> dict[str, Any]:
        """Log in with the password (once; it is not kept). Returns the user.
        ``via_relay``: a hall relay forwards a laptop's login (``ChairClient.login``).

        Raises ServerError (``auth_failed``) for a wrong password, ConnectionLostError
        when the server cannot be reached.
        """
        if self._task is None:
            raise RuntimeError("start() first")
        if self._status.state is ConnectionState.ONLINE:
            raise RuntimeError("already logged in; logout() first")
        if self._login is not None:
            self._login[2].cancel()
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._login = (password, via_relay, future)
        self._wake.set()
        return await future

    async def logout(self) -> None:
        """Revoke the token on the server when online; forget it in any case."""
        client = self._client
        if client is not None:
            with contextlib.suppress(ConnectionLostError, ServerError, TimeoutError):
                await client.logout()
        self._token = None
        self._notify("on_token", None)
        self._resync.set()
        self._wake.set()

    async def submit(self, name: str, args: dict[str, Any] | None = None, *,
                     meeting_id: int | None = None,
                     command_id: str | None = None) -> PendingCommand:
        """Queue a command on disk; it is sent as soon as possible. Returns it as pending."""
        target = meeting_id if meeting_id is not None else self.meeting_id
        if target is None:
            raise ValueError("no meeting to send the command to")
        command = self.store.enqueue(
            self.scope, target, name, args or {}, command_id=command_id,
            made_offline=self._status.state is not ConnectionState.ONLINE)
        self._notify("on_pending", self.pending())
        self.activity.set_busy(len(self.pending()))
        self._outbox_changed.set()
        return command

    async def follow(self, meeting_id: int | None) -> None:
        """Follow another meeting (or none): its cache is shown, then it is resubscribed."""
        if meeting_id == self.meeting_id:
            return
        self.meeting_id = meeting_id
        self._seq = 0
        self._load_cache()
        self._resync.set()
        self._wake.set()

    async def list_meetings(self) -> list[dict[str, Any]]:
        client = self._client
        if client is None or self._status.state is not ConnectionState.ONLINE:
            raise NotOnlineError(self._status.reason or "not connected")
        return await client.list_meetings()

    async def online_client(self) -> ChairClient:
        """The live connection once this session is online — an outage: after one fresh
        attempt. Raises ServerError ``token_invalid`` when the token is refused, and
        ConnectionLostError when the attempt fails or the session is closed."""
        skip_offline = self._status.state is ConnectionState.OFFLINE
        if skip_offline:
            self.reconnect_now()
        while True:
            status = self._status
            if status.state is ConnectionState.ONLINE and self._client is not None:
                return self._client
            if status.state is ConnectionState.AUTH_REQUIRED and self._login is None:
                raise ServerError(ErrorCode.TOKEN_INVALID, status.reason or "log in again")
            if status.state is ConnectionState.STOPPED and (not self._task or self._task.done()):
                raise ConnectionLostError(status.reason or "the session is closed")
            if status.state is ConnectionState.OFFLINE and not skip_offline:
                raise ConnectionLostError(status.reason or "not connected")
            if status.state is ConnectionState.CONNECTING:
                skip_offline = False
            await self.status_changed()

    async def status_changed(self) -> None:
        """Return at the session's next change of status."""
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._status_waiters.append(waiter)
        await waiter

    def reconnect_now(self) -> None:
        """Skip the wait before the next attempt: the user pressed "retry"."""
        self._wake.set()

    def network_changed(self) -> None:
        """The OS says the network changed or is back — the window's layer connects its
        signal here; this one knows no Qt: probe often again, the next attempt within
        a short random delay — the hall's laptops all hear it at once, and check a
        connection that looks open, dead perhaps with the old network (``check_link``)."""
        self._up_at = time.monotonic()
        asyncio.get_running_loop().call_later(self.policy.soon(), self._wake.set)
        if self._client is not None and self._status.state is ConnectionState.ONLINE:
            self._check = asyncio.ensure_future(check_link(self._client, self.keepalive))

    async def file_client(self) -> ChairClient:
        """The connection for file data, opened (and resumed with the session's token)
        on first use; NotOnlineError while the session is not online.

        Closed when the session goes offline or by ``release_file_client``."""
        async with self._files_lock:
            if self._status.state is not ConnectionState.ONLINE or self._token is None:
                raise NotOnlineError(self._status.reason or "not connected")
            if (files := self._files) is not None and files.alive:
                return files
            self._files = None
            files = self._new_client(compress=False)  # PDFs do not deflate
            try:
                await files.connect(welcome=self._welcome)
                device = self.store.device_secret(self.scope)
                await files.resume(self._token, device=device, files=True)
            except BaseException:
                with contextlib.suppress(Exception):
                    await files.close()
                raise
            self._files = files
            return files

    async def release_file_client(self) -> None:
        """Close the file connection, nothing to download now."""
        files, self._files = self._files, None
        if files is not None:
            with contextlib.suppress(Exception):
                await files.close()

    def _new_client(self, compress: bool = True) -> ChairClient:
        return ChairClient(self.url, ssl_context=self.ssl_context,
                           timeout=self.request_timeout, close_timeout=self.close_timeout,
                           pins=self.pins, keepalive=self.keepalive,
                           silence_limit=self.silence_limit, compress=compress)

    async def close(self) -> None:
        await self.release_file_client()
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._fail_login(ConnectionLostError("the session was closed"))
        self._set_status(ConnectionStatus(ConnectionState.STOPPED, "closed"))

    # --- the connection loop -----------------------------------------------------------

    async def _run(self) -> None:
        failures = 0
        while self._task is not None:  # close() clears it, should 3.11 swallow its cancel
            if self._token is None and self._login is None:
                if self._status.state is not ConnectionState.AUTH_REQUIRED:
                    self._set_status(ConnectionStatus(ConnectionState.AUTH_REQUIRED,
                                                      "log in with your password"))
                self._wake.clear()
                await self._wake.wait()
                continue
            self._set_status(ConnectionStatus(ConnectionState.CONNECTING, attempt=failures))
            client = self._new_client()
            client.notice_handler = lambda message: self._notify(
                "on_notice", {"notice": message.get("notice"),
                              "payload": message.get("payload") or {}})
            try:
                await client.connect(welcome=self._welcome)
                check_protocol(client.welcome)
                self._welcome = client.welcome
                await self._authenticate(client)
                self._resync.clear()
                await self._subscribe(client)
                self._client = client
                failures = 0
                self._up_at = time.monotonic()
                # Back online: bulk data waits; the user's queue and the hall's reconnects first.
                self.activity.touch()
                self.online_since = time.monotonic()
                self._set_status(ConnectionStatus(ConnectionState.ONLINE))
                await self._serve(client)
            except _ResyncError:
                continue
            except _AuthRequiredError as exc:
                self._set_status(ConnectionStatus(ConnectionState.AUTH_REQUIRED, str(exc)))
                continue
            except (IncompatibleServerError, CertificateChangedError) as exc:
                # Retrying would not help; the user must see why and decide.
                self._fail_login(exc)
                self._set_status(ConnectionStatus(ConnectionState.STOPPED, str(exc),
                                                  error=exc))
                return
            except Exception as exc:
                reason = failure_reason(exc)
                if not isinstance(exc, (*LINK_ERRORS, ServerError, EventGapError)):
                    log.warning("session error, reconnecting: %s", reason, exc_info=exc)
                self._fail_login(exc if isinstance(exc, ServerError)
                                 else ConnectionLostError(reason))
                if self._status.state is ConnectionState.ONLINE:
                    self._up_at = time.monotonic()  # the outage starts now
                delay = self.policy.delay(failures,
                                          offline_for=time.monotonic() - self._up_at)
                failures += 1
                self._set_status(ConnectionStatus(ConnectionState.OFFLINE, reason,
                                                  retry_in=delay, attempt=failures))
                await self._pause(delay)
            finally:
                self._client = None
                await self.release_file_client()
                with contextlib.suppress(Exception):
                    await client.close()

    async def _pause(self, delay: float) -> None:
        if self._login is not None or self._task is None:  # at the login screen; closed
            return
        self._wake.clear()
        with contextlib.suppress(TimeoutError):  # not wait_for: on 3.11 it can swallow
            async with asyncio.timeout(delay):  # close()'s cancel, and close() hangs
                await self._wake.wait()

    async def _authenticate(self, client: ChairClient) -> None:
        if self._login is not None:
            password, via_relay, future = self._login
            self._login = None
            try:
                result = await client.login(self.username, password,
                                            device=self.store.device_secret(self.scope),
                                            via_relay=via_relay)
            except ServerError as exc:
                if not future.done():
                    future.set_exception(exc)
                if exc.code == ErrorCode.AUTH_FAILED:
                    raise _AuthRequiredError(exc.message) from exc
                raise
            except Exception as exc:
                if not future.done():
                    future.set_exception(ConnectionLostError(failure_reason(exc)))
                raise
            finally:
                del password
            self._token = result["token"]
            self.user = result["user"]
            self._notify("on_token", self._token)
            if not future.done():
                future.set_result(result["user"])
            return
        assert self._token is not None
        try:
            result = await client.resume(self._token,
                                         device=self.store.device_secret(self.scope))
        except ServerError as exc:
            if exc.code == ErrorCode.TOKEN_INVALID:
                self._forget_token()
                raise _AuthRequiredError(exc.message) from exc
            raise
        if self.username and result["user"].get("username") != self.username:
            self._forget_token()
            raise _AuthRequiredError("the saved session belongs to another user")
        self.user = result["user"]

    def _forget_token(self) -> None:
        self._token = None
        self._notify("on_token", None)

    def _fail_login(self, exc: BaseException) -> None:
        if self._login is not None:
            _password, _via, future = self._login
            self._login = None
            if not future.done():
                future.set_exception(exc)

    async def _subscribe(self, client: ChairClient) -> None:
        meeting_id = self.meeting_id
        if meeting_id is None:
            return
        cached = self.store.load_meeting(self.scope, meeting_id)
        since = cached.seq if cached is not None else 0
        if cached is not None and len(cached.events) > self.compact_after:
            since = 0
        try:
            result = await client.subscribe(meeting_id, last_seq=since,
                                            every_event=self.every_event, runs=self.every_event)
        except ServerError as exc:
            if exc.code != ErrorCode.NOT_FOUND:
                raise
            # Removed from the meeting (or it was unpublished): its cache must go.
            log.info("meeting %d is no longer available to this user", meeting_id)
            self.store.forget_meeting(self.scope, meeting_id)
            self.meeting_id, self._seq = None, 0
            self._notify("on_meeting_gone", meeting_id)
            return
        if "relay" in result:
            self._notify("on_notice", {"notice": "relay.link", "payload": result["relay"]})
        if "rooms" in result:
            self._notify("on_notice", {"notice": "rooms", "payload": {"rooms": result["rooms"]}})
        self.activity.forget_votes()  # an open vote holds bulk data back (``Activity``)
        if result["mode"] == "snapshot":
            seq: int = result["seq"]
            self.store.save_snapshot(self.scope, meeting_id, seq, result["role"],
                                     result["snapshot"])
            self._seq = seq
            self.activity.set_votes(vote_statuses(result["snapshot"]))
            self._notify("on_meeting", CachedMeeting(meeting_id, seq, seq, result["role"],
                                                     result["snapshot"]))
        else:
            self._seq = since
            if cached is not None:
                self.activity.set_votes(vote_statuses(cached.snapshot, cached.events))
        log.info("subscribed meeting=%d mode=%s from=%d to=%d", meeting_id, result["mode"],
                 since, result["seq"])

    async def _serve(self, client: ChairClient) -> None:
        """Run until one part fails; its exception says why the connection is over."""
        tasks = [asyncio.create_task(self._pump(client)),
                 asyncio.create_task(self._send_outbox(client)),
                 asyncio.create_task(self._watch(client))]
        try:
            done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                failure = None if task.cancelled() else task.exception()
                if failure is not None:
                    raise failure
            raise ConnectionLostError("connection ended")
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    async def _watch(self, client: ChairClient) -> None:
        closed = asyncio.ensure_future(client.wait_closed())
        resync = asyncio.ensure_future(self._resync.wait())
        try:
            await asyncio.wait([closed, resync], return_when=asyncio.FIRST_COMPLETED)
        finally:
            closed.cancel()
            resync.cancel()
        if self._resync.is_set():
            raise _ResyncError
        raise ConnectionLostError(client.close_reason or "connection lost")

    async def _pump(self, client: ChairClient) -> None:
        """Apply events strictly in sequence: cache first, then tell the listener.

        A ``progress`` frame stands for the events ``from_seq``..``seq`` (ballots and
        check-ins folded for a delegate, see ``sync.channel``): it follows on when its
        ``from_seq`` is at most the next expected number."""
        while True:
            batch = [await client.events.get()]
            while not client.events.empty():
                batch.append(client.events.get_nowait())
            fresh: list[dict[str, Any]] = []
            gap: str | None = None
            last = self._seq
            for event in batch:
                if event.get("meeting_id") != self.meeting_id:
                    continue
                expected = last + 1
                if event["seq"] < expected:
                    continue
                if first_seq(event) > expected:
                    gap = f"gap in events: expected {expected}, got {event['seq']}"
                    break
                fresh.append(event)
                last = event["seq"]
            if fresh and self.meeting_id is not None:
                self._seq = self.store.append_events(self.scope, self.meeting_id, fresh)
                for event in fresh:
                    self._notify("on_event", event)
                self.activity.set_votes(vote_statuses(events=fresh))
            if gap is not None:
                raise EventGapError(gap)

    async def _send_outbox(self, client: ChairClient) -> None:
        """Send queued commands one at a time, oldest first, each until it is answered."""
        transient = 0
        while True:
            self._outbox_changed.clear()
            command = self.store.next_pending(self.scope)
            if command is None:
                await self._outbox_changed.wait()
                continue
            self.store.count_attempt(self.scope, command.command_id)
            try:
                result = await client.command(command.meeting_id, command.name, command.args,
                                              command_id=command.command_id)
            except ServerError as exc:
                if exc.code == ErrorCode.NOT_AUTHENTICATED:
                    raise ConnectionLostError("the server forgot this login") from exc
                if exc.code in TRANSIENT_CODES:
                    await asyncio.sleep(self.policy.delay(transient))
                    transient += 1
                    continue
                tried = replace(command, attempts=command.attempts + 1)
                refusal = classify_refusal(tried, exc.code, exc.message, exc.details)
                self.store.remove(self.scope, command.command_id)
                log.info("command refused id=%s name=%s code=%s", command.command_id,
                         command.name, exc.code)
                self._notify("on_command_refused", refusal)
                self._notify("on_pending", self.pending())
                self.activity.set_busy(len(self.pending()))
                continue
            transient = 0
            self.store.remove(self.scope, command.command_id)
            self._notify("on_command_done", command, result)
            self._notify("on_pending", self.pending())
            self.activity.set_busy(len(self.pending()))

    # --- helpers -------------------------------------------------------------------------

    def _load_cache(self) -> None:
        cached = self.cached_meeting()
        self._seq = cached.seq if cached is not None else 0
        if cached is not None:
            self._notify("on_meeting", cached)

    def _set_status(self, status: ConnectionStatus) -> None:
        self._status = status
        waiters, self._status_waiters = self._status_waiters, []
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)
        log.info("connection %s%s%s", status.state.value,
                 f" reason={status.reason!r}" if status.reason else "",
                 f" retry_in={status.retry_in:.2f}" if status.retry_in is not None else "")
        self._notify("on_status", status)

    def _notify(self, method: str, *args: Any) -> None:
        try:
            getattr(self.listener, method)(*args)
        except Exception:
            log.exception("session listener %s failed", method)
