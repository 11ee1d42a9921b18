"""The one door between the asyncio connection and the Qt world.

The connection runs on its own event loop in a worker thread; this QObject
turns its callbacks into Qt signals (queued onto the GUI thread by Qt, since
the receivers live there) and turns button presses into coroutines scheduled
on that loop. The GUI thread never waits for the network or the disk.

A request whose answer a window wants (``request``, ``upload``) is a
:class:`~meetingroom.ui.tasks.Task` the caller runs with its own ``success`` and
``failure`` callbacks: the answer goes back to whoever asked, with no shared
"request finished" signal for every window to filter by tag.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from meetingroom.laptop.credentials import CacheKeyVault
from meetingroom.laptop.doc_cache import DocumentCache
from meetingroom.laptop.profiles import Profile
from meetingroom.laptop.remembered import remembered_meetings
from meetingroom.sync.client.chair_client import ConnectionLostError, ServerError
from meetingroom.sync.client.connection import (
    ConnectionState,
    ConnectionStatus,
    MeetingConnection,
    NotOnlineError,
    ReconnectPolicy,
    Refusal,
    SessionListener,
)
from meetingroom.sync.client.local_store import CachedMeeting, LocalStore, PendingCommand
from meetingroom.sync.client.pinning import PinStore
from meetingroom.sync.client.prefetch import Prefetcher
from meetingroom.sync.client.transfer import upload
from meetingroom.ui.qt import QCoreApplication, QNetworkInformation, QObject, Signal
from meetingroom.ui.refusals import failure_text
from meetingroom.ui.tasks import Future, Task, wait_on_loop

log = logging.getLogger("meetingroom.ui.bridge")


class _Forwarder(SessionListener):
    """Runs on the loop thread; emitting a signal is safe from any thread."""

    def __init__(self, bridge: ServerBridge) -> None:
        self.bridge = bridge

    def on_status(self, status: ConnectionStatus) -> None:
        if status.state is ConnectionState.ONLINE:
            self.bridge.remember_user()
        self.bridge.status_changed.emit(status)

    def on_token(self, token: str | None) -> None:
        self.bridge.token_changed.emit(token)

    def on_meeting(self, meeting: CachedMeeting) -> None:
        self.bridge.meeting_loaded.emit(meeting)

    def on_event(self, event: dict[str, Any]) -> None:
        self.bridge.event_received.emit(event)

    def on_pending(self, pending: list[PendingCommand]) -> None:
        self.bridge.pending_changed.emit(pending)

    def on_command_done(self, command: PendingCommand, result: dict[str, Any]) -> None:
        self.bridge.command_done.emit(command, result)

    def on_command_refused(self, refusal: Refusal) -> None:
        self.bridge.command_refused.emit(refusal)

    def on_notice(self, notice: dict[str, Any]) -> None:
        self.bridge.notice_received.emit(notice)

    def on_meeting_gone(self, meeting_id: int) -> None:
        wiped = self.bridge.cache.forget_meeting(meeting_id)
        log.info("meeting %d withdrawn from this user: %d file(s) wiped", meeting_id,
                 len(wiped))
        self.bridge.meeting_gone.emit(meeting_id)


def describe_failure(exc: BaseException) -> str:
    """A sentence for the window in its user's language (meetingroom/ui/refusals.py)."""
    if not isinstance(exc, ServerError):
        log.info("request failed: %s", exc)
    return failure_text(exc)


class ServerBridge(QObject):
    status_changed = Signal(object)  # ConnectionStatus
    token_changed = Signal(object)  # str | None
    meeting_loaded = Signal(object)  # CachedMeeting
    event_received = Signal(object)  # event dict
    pending_changed = Signal(object)  # list[PendingCommand]
    command_done = Signal(object, object)  # PendingCommand, result
    command_refused = Signal(object)  # Refusal
    login_finished = Signal(object, str)  # user dict or None, error message ("" when ok)
    meetings_listed = Signal(object, str)  # list of meetings or None, error message
    #: The server is out of reach: the list as the laptop remembers it (RememberedMeetings).
    meetings_remembered = Signal(object)
    notice_received = Signal(object)  # {"notice": name, "payload": {...}}
    meeting_gone = Signal(int)  # the user was removed from this meeting; its files are wiped
    packet_progress = Signal(object)  # PacketProgress of the followed meeting's documents

    def __init__(self, url: str, profile: Profile, *,
                 policy: ReconnectPolicy | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.url = url
        self.profile = profile
        key, self.cache_persists = CacheKeyVault().key(url, profile.username)
        #: Queued commands are sealed with the same key, when the keyring keeps it.
        self._outbox_key = key if self.cache_persists else None
        self.cache = DocumentCache(profile.folder / "documents", key)
        self.cache.purge_expired(datetime.now(UTC))
        self.prefetcher = Prefetcher(self.cache, on_progress=self.packet_progress.emit)
        #: The documents of each meeting whose packet was asked for, so every view of
        #: ``packet_progress`` can name them (the progress itself carries only hashes).
        self.packet_documents: dict[int, list[dict[str, Any]]] = {}
        self._prefetching: Future[Any] | None = None
        #: The open "Đăng nhập lại" dialog of this connection (``relogin_dialog.ask_password``).
        self.relogin_dialog: QObject | None = None
        self._loop = asyncio.new_event_loop()
        # The connection's own thread: it runs the asyncio loop, and nothing else
        # (work for it arrives as tasks, meetingroom/ui/tasks.py).
        self._thread = threading.Thread(target=self._loop.run_forever,
                                        name="meetingroom-connection", daemon=True)
        self._thread.start()
        self.connection: MeetingConnection = wait_on_loop(self._loop, self._make(policy), 30)
        self._watch_network()

    def _watch_network(self) -> None:
        """Try at once when the operating system says the network is back (Wi-Fi
        reassociated, cable in), instead of waiting for the next probe, and check a
        connection that looks open (``MeetingConnection.network_changed``)."""
        if QCoreApplication.instance() is None:
            return
        if QNetworkInformation.instance() is None and not \
                QNetworkInformation.loadBackendByFeatures(
                    QNetworkInformation.Feature.Reachability):
            log.info("no network information backend: reconnects follow the probes only")
            return
        info = QNetworkInformation.instance()
        if info is not None:
            info.reachabilityChanged.connect(self._reachability_changed)

    def _reachability_changed(self, reachability: QNetworkInformation.Reachability) -> None:
        log.info("network reachability: %s", reachability.name)
        if reachability in (QNetworkInformation.Reachability.Online,
                            QNetworkInformation.Reachability.Site,
                            QNetworkInformation.Reachability.Local):
            self.network_changed()

    async def _make(self, policy: ReconnectPolicy | None) -> MeetingConnection:
        store = LocalStore.open(self.profile.folder)
        #: The same store as the connection's, used on the loop thread only.
        self.store = store
        self._remembered: dict[str, Any] | None = None  #: the user last written there
        pins = PinStore(self.profile.folder.parent / "known_servers.json") \
            if self.url.startswith("wss:") else None
        return MeetingConnection(self.url, store, self.profile.username,
                                 listener=_Forwarder(self), policy=policy, pins=pins,
                                 outbox_key=self._outbox_key)

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        return self._loop

    def _call(self, make: Callable[[], Awaitable[Any]]) -> Future[Any]:
        """Fire and forget: the coroutine's own failures are logged (tasks.py), not lost."""
        return Task.on_loop(self._loop, make).run(None)

    # --- what windows call (all return at once) --------------------------------------

    def start(self, token: str | None = None) -> None:
        self._call(lambda: self.connection.start(token))

    def login(self, password: str) -> None:
        async def attempt() -> None:
            try:
                user = await self.connection.login(password)
            except Exception as exc:  # every failure becomes a message, never a crash
                self.login_finished.emit(None, describe_failure(exc))
            else:
                self.login_finished.emit(user, "")
        self._call(attempt)

    def follow(self, meeting_id: int | None) -> None:
        self._call(lambda: self.connection.follow(meeting_id))

    def submit(self, name: str, args: dict[str, Any] | None = None, *,
               meeting_id: int | None = None) -> None:
        """Queue a command on disk; it is sent now or when the connection is back."""
        self._call(lambda: self.connection.submit(name, args, meeting_id=meeting_id))

    def list_meetings(self) -> None:
        """The server's list (kept for later); out of reach, the list the laptop remembers."""
        async def fetch() -> None:
            for attempt in (1, 2):
                try:
                    if attempt == 2 or \
                            self.connection.status.state is ConnectionState.CONNECTING:
                        # Following another meeting reconnects: moments, not an outage.
                        await self.connection.online_client()
                    meetings = await self.connection.list_meetings()
                except (NotOnlineError, ConnectionLostError) as exc:
                    if attempt == 1 and self.connection.status.state in (
                            ConnectionState.CONNECTING, ConnectionState.ONLINE):
                        continue  # the link was being replaced under the request
                    # Every call is answered on ``meetings_listed``, as before; the list the
                    # laptop remembers comes after it, for the windows that show it.
                    self.meetings_listed.emit(None, describe_failure(exc))
                    remembered = remembered_meetings(self.store, self.connection.scope)
                    if remembered is not None:
                        self.meetings_remembered.emit(remembered)
                except Exception as exc:
                    self.meetings_listed.emit(None, describe_failure(exc))
                else:
                    self.store.save_meeting_list(self.connection.scope, meetings)
                    self.meetings_listed.emit(meetings, "")
                return
        self._call(fetch)

    def remember_user(self) -> None:
        """Keep who the server says this is (on the loop thread, at each ONLINE): written
        when it changed, not at every reconnection of a hall's laptops."""
        user = self.connection.user
        if user and user != self._remembered:
            self.store.save_user(self.connection.scope, user)
            self._remembered = dict(user)

    def remembered_user(self) -> Task[dict[str, Any] | None]:
        """Who the server last said this account is, from the disk: for a start offline."""
        async def read() -> dict[str, Any] | None:
            account = self.store.load_account(self.connection.scope)
            return account.user if account is not None else None
        return Task.on_loop(self._loop, read)

    def prefetch(self, meeting: dict[str, Any], documents: list[dict[str, Any]]) -> None:
        """Bring the meeting's packet onto this laptop in the background (when online)."""
        self.packet_documents[int(meeting["id"])] = list(documents)
        async def run() -> None:
            if self.connection.client is None:
                # Offline: say what is here; the next "online" status starts the rounds.
                self.prefetcher.tell_on_laptop(int(meeting["id"]), documents)
                return
            try:
                await self.prefetcher.run(self.connection, meeting, documents)
            except Exception:
                log.exception("document prefetch failed")
        if self._prefetching is not None and not self._prefetching.done():
            self._prefetching.cancel()
        self._prefetching = self._call(run)

    def request(self, kind: str, **fields: Any) -> Task[dict[str, Any]]:
        """A request that is not a queued command (``list_bodies``, ``create_meeting``,
        or a read-only command), for the caller to run with its own callbacks.

        Its failure is the exception itself: a :class:`ServerError` carries the
        server's code and details, so the window words the refusal (``refusals.py``).
        """
        async def ask() -> dict[str, Any]:
            client = self.connection.client
            if client is None:
                raise NotOnlineError("not connected")
            result: dict[str, Any] = await client.request(kind, **fields)
            return result
        return Task.on_loop(self._loop, ask)

    def upload(self, data: bytes, filename: str) -> Task[str]:
        """Upload a file; the task's result is the stored PDF's sha256."""
        async def send() -> str:
            client = self.connection.client
            if client is None:
                raise NotOnlineError("not connected")
            return await upload(client, data, filename)
        return Task.on_loop(self._loop, send)

    def document_bytes(self, document: dict[str, Any]) -> bytes | None:
        """A document from the encrypted cache, or None while it is not downloaded yet."""
        return self.cache.read(str(document["sha256"]))

    def forget_relogin_dialog(self) -> None:
        self.relogin_dialog = None

    def reconnect_now(self) -> None:
        self._loop.call_soon_threadsafe(self.connection.reconnect_now)

    def network_changed(self) -> None:
        """The operating system's news that the network is back or changed, passed to
        the connection as a plain call (the sync layer knows no Qt)."""
        self._loop.call_soon_threadsafe(self.connection.network_changed)

    def logout(self) -> None:
        self._call(self.connection.logout)

    def shutdown(self) -> None:
        """Close the connection and stop the loop; safe to call twice."""
        if not self._thread.is_alive():
            return
        try:
            wait_on_loop(self._loop, self.connection.close(), 10)
            wait_on_loop(self._loop, self._finish(), 10)
        except Exception:
            log.exception("closing the connection failed")
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        if not self._thread.is_alive():
            self._loop.close()

    async def _finish(self) -> None:
        """Let every task on the loop end, so nothing is left to die with the loop."""
        self.connection.store.close()
        current = asyncio.current_task()
        others = [t for t in asyncio.all_tasks() if t is not current]
        for task in others:
            task.cancel()
        await asyncio.gather(*others, return_exceptions=True)
        await self._loop.shutdown_asyncgens()
