"""The secretary's workspace: prepare meetings and write up what happened.

One window with a tab per task: the meeting (create, edit, clone, publish,
invitations), the agenda and its documents, the participants, document
approval, written opinions, conclusions and minutes, and reports. It follows
one meeting at a time through a :class:`LiveMeeting` (the one it was given,
or its own for a meeting chosen or created here).
"""

from __future__ import annotations

from meetingroom.laptop.meeting_store import PARTS
from meetingroom.laptop.profiles import Profile
from meetingroom.sync.client.connection import ConnectionState, ConnectionStatus, Refusal
from meetingroom.ui.bridge import ServerBridge
from meetingroom.ui.qt import (
    QCloseEvent,
    QEvent,
    QLabel,
    QLayout,
    QMainWindow,
    QTabWidget,
    QWidget,
)
from meetingroom.ui.refusals import command_refusal_text
from meetingroom.ui.screen_fit import fit_to_screen
from meetingroom.ui.secretary.agenda_editor import AgendaEditor
from meetingroom.ui.secretary.approvals import ApprovalSection
from meetingroom.ui.secretary.meetings import MeetingsSection
from meetingroom.ui.secretary.minutes import MinutesSection
from meetingroom.ui.secretary.opinions import OpinionsSection
from meetingroom.ui.secretary.participants import ParticipantsSection
from meetingroom.ui.secretary.reports import ReportsSection
from meetingroom.ui.secretary.requests import Requests
from meetingroom.ui.secretary.section import Section
from meetingroom.ui.secretary.texts import document_refusal, role_name, status_name, tr
from meetingroom.ui.session import LiveMeeting


class SecretaryWorkspace(QMainWindow):
    def __init__(self, bridge: ServerBridge, profile: Profile, *,
                 session: LiveMeeting | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("secretary_workspace")
        self.bridge = bridge
        self.profile = profile
        self.session: LiveMeeting | None = None
        self._own_session = False
        self.last_message = ""
        self.requests = Requests(bridge, self)
        fit_to_screen(self, 1280, 860)

        self.meetings = MeetingsSection(self.requests, self)
        self.agenda = AgendaEditor(self.requests, self)
        self.participants = ParticipantsSection(self.requests, self)
        self.approvals = ApprovalSection(self.requests, self)
        self.opinions = OpinionsSection(self.requests, self)
        self.minutes = MinutesSection(self.requests, self)
        self.reports = ReportsSection(self.requests, self)
        self.sections: list[Section] = [self.meetings, self.agenda, self.participants,
                                        self.approvals, self.opinions, self.minutes,
                                        self.reports]
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("secretary_tabs")
        for section in self.sections:
            self.tabs.addTab(section, "")
            section.message.connect(self.show_message)
        self.setCentralWidget(self.tabs)
        self.meetings.meeting_chosen.connect(self.open_meeting)

        self.meeting_label = QLabel(self)
        self.connection_label = QLabel(self)
        self.pending_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.meeting_label)
        self.statusBar().addPermanentWidget(self.pending_label)
        self.statusBar().addPermanentWidget(self.connection_label)
        self._online = bridge.connection.status.state is ConnectionState.ONLINE
        self._connection = bridge.connection.status
        self._pending_count = 0
        bridge.status_changed.connect(self._status)
        self._status(bridge.connection.status)  # the connection may be up already
        window_layout = self.layout()
        if window_layout is not None:
            window_layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)

        self.retranslate()
        if session is not None:
            self.use_session(session, own=False)
        for section in self.sections:
            if section.session is None:
                section.set_session(None)
        self.meetings.reload()

    # --- language -----------------------------------------------------------------------

    def retranslate(self) -> None:
        titles = (tr("Cuộc họp"), tr("Chương trình và tài liệu"), tr("Thành phần"),
                  tr("Duyệt tài liệu"), tr("Lấy ý kiến"), tr("Kết luận và biên bản"),
                  tr("Báo cáo"))
        for section, title in zip(self.sections, titles, strict=True):
            self.tabs.setTabText(self.tabs.indexOf(section), title)
        self._title()
        self._word_status()
        self._word_pending()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "_pending_count"):
            self.retranslate()
        super().changeEvent(event)

    # --- the followed meeting -----------------------------------------------------------

    @property
    def meeting_id(self) -> int | None:
        return self.session.meeting_id if self.session is not None else None

    def open_meeting(self, meeting_id: int) -> LiveMeeting:
        """Follow another meeting (the bridge follows one meeting at a time)."""
        if self.session is not None and self.session.meeting_id == meeting_id:
            return self.session
        session = LiveMeeting(self.bridge, meeting_id, self)
        self.use_session(session, own=True)
        return session

    def use_session(self, session: LiveMeeting, *, own: bool) -> None:
        previous, was_own = self.session, self._own_session
        if previous is not None:
            previous.changed.disconnect(self._changed)
            previous.refused.disconnect(self._refused)
            previous.pending_changed.disconnect(self._pending)
        self.session, self._own_session = session, own
        session.changed.connect(self._changed)
        session.refused.connect(self._refused)
        session.pending_changed.connect(self._pending)
        for section in self.sections:
            section.set_session(session)
        if previous is not None and was_own:
            # Signals already queued by the connection must not reach a dropped session.
            self.bridge.disconnect(previous)
            previous.deleteLater()
        self._changed(set(PARTS))

    def _changed(self, parts: set[str]) -> None:
        if "meeting" in parts:
            self._title()

    def _title(self) -> None:
        state = self.session.state if self.session is not None else None
        base = tr("Thư ký — chuẩn bị và biên bản")
        if state is None or not state.meeting:
            self.setWindowTitle(base)
            self.meeting_label.setText(tr("Chưa chọn cuộc họp"))
            return
        self.setWindowTitle(f"{base} — {state.meeting.get('title', '')}")
        role = str(state.you.get("role") or state.meeting.get("role") or "")
        self.meeting_label.setText(tr("{status} · vai trò của bạn: {role}").format(
            status=status_name(str(state.meeting.get("status", ""))), role=role_name(role)))

    # --- messages -----------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        self.last_message = text
        self.statusBar().showMessage(text, 15000)

    def _refused(self, refusal: Refusal) -> None:
        worded = document_refusal(refusal.details) \
            if refusal.command.name.startswith("document.") else None
        self.show_message(worded or command_refusal_text(refusal))

    def _status(self, status: ConnectionStatus) -> None:
        online = status.state is ConnectionState.ONLINE
        if online and not self._online:
            # Asked while the connection was down or moving to another meeting (opening a
            # meeting from the list reconnects), the lists came back empty: ask again.
            self.meetings.reload()
        self._online = online
        self._connection = status
        self._word_status()

    def _word_status(self) -> None:
        words = {ConnectionState.ONLINE: tr("Đã kết nối"),
                 ConnectionState.CONNECTING: tr("Đang kết nối…")}
        self.connection_label.setText(words.get(self._connection.state,
                                                tr("Mất kết nối, đang thử lại…")))

    def _pending(self, pending: list[object]) -> None:
        self._pending_count = len(pending)
        self._word_pending()

    def _word_pending(self) -> None:
        self.pending_label.setText(tr("Đang gửi {n} lệnh").format(n=self._pending_count)
                                   if self._pending_count else "")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.minutes.shutdown()
        self.bridge.status_changed.disconnect(self._status)
        self.requests.close()
        super().closeEvent(event)
