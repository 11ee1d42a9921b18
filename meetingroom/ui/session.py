"""One followed meeting on the GUI side: its state, its Qt models, and the user's actions.

Every window (delegate, chair console, big screen) reads from one of these, so
they all show the same thing at the same moment.
"""

from __future__ import annotations

import secrets
from typing import Any

from meetingroom.laptop.meeting_store import MeetingState, Part
from meetingroom.sync.client.connection import ConnectionState, ConnectionStatus, Refusal
from meetingroom.sync.client.local_store import CachedMeeting, PendingCommand
from meetingroom.ui.bridge import ServerBridge
from meetingroom.ui.models.agenda_model import AgendaModel
from meetingroom.ui.models.list_models import AttendanceModel, SpeakerQueueModel
from meetingroom.ui.qt import QObject, Signal


class LiveMeeting(QObject):
    changed = Signal(object)  # set of parts of the state that changed
    status_changed = Signal(object)  # ConnectionStatus
    pending_changed = Signal(object)  # list[PendingCommand]
    refused = Signal(object)  # Refusal: show its message
    done = Signal(object, object)  # PendingCommand, result
    #: A document got a new version: (previous sha256, new sha256, previous pages, new pages).
    document_replaced = Signal(str, str, int, int)

    def __init__(self, bridge: ServerBridge, meeting_id: int,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.state = MeetingState(meeting_id)
        self.status = ConnectionStatus(ConnectionState.CONNECTING)
        self.pending: list[PendingCommand] = []
        #: This hall's link to the provincial server, when connected through a relay.
        self.relay_link: dict[str, Any] | None = None
        #: Linked commune halls by name (shown to the chair and secretary).
        self.rooms: dict[str, dict[str, Any]] = {}
        #: This laptop's secret per secret vote, so the voter can change a ballot where allowed.
        self._ballot_secrets: dict[int, str] = {}
        self.agenda_model = AgendaModel(self.state, self)
        self.speech_queue = SpeakerQueueModel(self.state, "speech", self)
        self.question_queue = SpeakerQueueModel(self.state, "question", self)
        self.attendance_model = AttendanceModel(self.state, self)
        bridge.meeting_loaded.connect(self._loaded)
        bridge.event_received.connect(self._event)
        bridge.status_changed.connect(self._status)
        bridge.pending_changed.connect(self._pending)
        bridge.command_refused.connect(self._refused)
        bridge.command_done.connect(self.done)
        bridge.notice_received.connect(self._notice)
        bridge.follow(meeting_id)

    @property
    def meeting_id(self) -> int:
        return self.state.meeting_id

    @property
    def loaded(self) -> bool:
        return bool(self.state.meeting)

    # --- from the connection ---------------------------------------------------------

    def _loaded(self, cached: CachedMeeting) -> None:
        if cached.meeting_id != self.meeting_id:
            return
        parts = self.state.apply_snapshot(cached.snapshot, cached.snapshot_seq)
        for event in cached.events:
            parts |= self.state.apply(event)
        self._refresh(parts)

    def _event(self, event: dict[str, Any]) -> None:
        if event.get("meeting_id") not in (None, self.meeting_id):
            return
        fresh = int(event.get("seq", 0)) > self.state.last_seq
        self._refresh(self.state.apply(event))
        payload = event.get("payload", {})
        if fresh and event.get("event") == "document.replaced" and not payload.get("hidden"):
            self.document_replaced.emit(str(payload["previous_sha256"]),
                                        str(payload["document"]["sha256"]),
                                        int(payload["previous_pages"]),
                                        int(payload["document"]["pages"]))

    def _notice(self, notice: dict[str, Any]) -> None:
        name, payload = notice.get("notice"), notice.get("payload") or {}
        if name == "relay.link":
            self.relay_link = dict(payload)
            self.changed.emit({"link"})
        elif name == "room.changed" and payload.get("hall"):
            self.rooms[str(payload["hall"])] = dict(payload)
            self.changed.emit({"rooms"})
        elif name == "rooms":
            self.rooms = {str(r["hall"]): dict(r) for r in payload.get("rooms", [])
                          if r.get("hall")}
            self.changed.emit({"rooms"})

    def _status(self, status: ConnectionStatus) -> None:
        was_online = self.status.state is ConnectionState.ONLINE
        self.status = status
        self.status_changed.emit(status)
        if status.state is ConnectionState.ONLINE and not was_online and self.loaded:
            self._prefetch()  # resume the packet download after a reconnect

    def _prefetch(self) -> None:
        self.bridge.prefetch(dict(self.state.meeting), list(self.state.documents.values()))

    def _pending(self, pending: list[PendingCommand]) -> None:
        self.pending = [p for p in pending if p.meeting_id == self.meeting_id]
        self.pending_changed.emit(self.pending)

    def _refused(self, refusal: Refusal) -> None:
        if refusal.command.meeting_id == self.meeting_id:
            self.refused.emit(refusal)

    def _refresh(self, parts: set[Part]) -> None:
        if not parts:
            return
        if "agenda" in parts:
            self.agenda_model.refresh()
        if parts & {"speeches", "agenda"}:
            self.speech_queue.refresh()
            self.question_queue.refresh()
        if "attendance" in parts:
            self.attendance_model.refresh()
        if "documents" in parts:
            self._prefetch()
        self.changed.emit(parts)

    # --- the user's actions ----------------------------------------------------------

    def submit(self, name: str, args: dict[str, Any] | None = None) -> None:
        self.bridge.submit(name, args or {}, meeting_id=self.meeting_id)

    def check_in(self) -> None:
        self.submit("attendance.check_in")

    def register(self, queue: str, topic: str = "") -> None:
        args: dict[str, Any] = {"queue": queue, "topic": topic}
        if self.state.current_item_id is not None:
            args["item_id"] = self.state.current_item_id
        self.submit("speech.register", args)

    def withdraw(self, speech_id: int) -> None:
        self.submit("speech.withdraw", {"speech_id": speech_id})

    def cast(self, vote_id: int, **choice: Any) -> None:
        """Cast a ballot; a secret one carries this laptop's secret, never stored with it."""
        args: dict[str, Any] = {"vote_id": vote_id, **choice}
        vote = self.state.votes.get(vote_id, {})
        if vote.get("secret"):
            secret = self._ballot_secrets.setdefault(vote_id, secrets.token_urlsafe(32))
            args["ballot_secret"] = secret
        self.submit("vote.cast", args)

    def pending_names(self) -> list[str]:
        return [p.name for p in self.pending]
