"""The window's bottom line: connection, actions waiting to be sent, refusals."""

from __future__ import annotations

import math
from typing import Any

from meetingroom.sync.client.connection import (
    ConnectionState,
    ConnectionStatus,
    Refusal,
    RefusalKind,
)
from meetingroom.sync.client.local_store import PendingCommand
from meetingroom.ui.qt import (
    QCoreApplication,
    QEvent,
    QLabel,
    QPushButton,
    QStatusBar,
    QTimer,
    QWidget,
)
from meetingroom.ui.refusals import command_refusal_text
from meetingroom.ui.session import LiveMeeting

REFUSAL_SHOWN_MS = 20_000


def _tr(text: str) -> str:
    return QCoreApplication.translate("CommandNames", text)


def command_label(name: str) -> str:
    """A command as the user thinks of it ("Đăng ký phát biểu", not "speech.register")."""
    labels = {
        "attendance.check_in": QCoreApplication.translate("CommandNames", "Điểm danh"),
        "attendance.check_out": QCoreApplication.translate("CommandNames", "Rời phòng họp"),
        "speech.register": QCoreApplication.translate("CommandNames", "Đăng ký phát biểu"),
        "speech.withdraw": QCoreApplication.translate("CommandNames", "Rút đăng ký"),
        "vote.cast": QCoreApplication.translate("CommandNames", "Gửi phiếu biểu quyết"),
        "opinion.answer": QCoreApplication.translate("CommandNames", "Gửi ý kiến"),
    }
    return labels.get(name, name)


def pending_label(command: PendingCommand) -> str:
    if command.name == "speech.register" and command.args.get("queue") == "question":
        return QCoreApplication.translate("CommandNames", "Đăng ký chất vấn")
    return command_label(command.name)


def queued_words(pending: list[PendingCommand]) -> str:
    """"Đang chờ gửi: phiếu biểu quyết, điểm danh": what is held on the laptop, in words."""
    words = {
        "attendance.check_in": QCoreApplication.translate("QueuedWords", "điểm danh"),
        "attendance.check_out": QCoreApplication.translate("QueuedWords", "rời phòng họp"),
        "speech.register": QCoreApplication.translate("QueuedWords", "đăng ký phát biểu"),
        "speech.withdraw": QCoreApplication.translate("QueuedWords", "rút đăng ký"),
        "vote.cast": QCoreApplication.translate("QueuedWords", "phiếu biểu quyết"),
        "opinion.answer": QCoreApplication.translate("QueuedWords", "ý kiến"),
    }
    names: list[str] = []
    for command in pending:
        if command.name == "speech.register" and command.args.get("queue") == "question":
            name = QCoreApplication.translate("QueuedWords", "đăng ký chất vấn")
        else:
            name = words.get(command.name, command.name)
        if name not in names:
            names.append(name)
    if not names:
        return ""
    return QCoreApplication.translate("QueuedWords", "Đang chờ gửi: {names}").format(
        names=", ".join(names))


class MeetingStatusBar(QStatusBar):
    """Reads the session's connection status and queue; never blocks."""

    def __init__(self, session: LiveMeeting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._status = session.status
        self._retry_left: int | None = None

        self.connection_label = QLabel(self)
        self.connection_label.setObjectName("connection")
        self.pending_label = QLabel(self)
        self.pending_label.setObjectName("pending")
        self.link_label = QLabel(self)
        self.link_label.setObjectName("relay-link")
        self.link_label.setStyleSheet("color: #b00020; font-weight: bold")
        self.refusal_label = QLabel(self)
        self.refusal_label.setObjectName("refusal")
        self.refusal_label.setWordWrap(False)
        self.refusal_label.setStyleSheet("color: #b00020; font-weight: bold")
        self.retry_button = QPushButton(self)
        self.retry_button.clicked.connect(session.bridge.reconnect_now)
        # The server wants the password: the way back to it from the meeting itself.
        self.relogin_button = QPushButton(self)
        self.relogin_button.setObjectName("relogin_button")
        self.relogin_button.clicked.connect(self.ask_password)
        self.addWidget(self.connection_label)
        self.addWidget(self.retry_button)
        self.addWidget(self.relogin_button)
        self.addWidget(self.link_label)
        self.addWidget(self.pending_label)
        self.addWidget(self.refusal_label, 1)

        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._count_down)
        self._refusal_timer = QTimer(self)
        self._refusal_timer.setSingleShot(True)
        self._refusal_timer.setInterval(REFUSAL_SHOWN_MS)
        self._refusal_timer.timeout.connect(lambda: self.refusal_label.setText(""))

        session.status_changed.connect(self.show_status)
        session.pending_changed.connect(self.show_pending)
        session.refused.connect(self.show_refusal)
        session.changed.connect(self._on_changed)
        self.retranslate()
        self.show_status(session.status)
        self.show_pending(session.pending)

    def retranslate(self) -> None:
        self.retry_button.setText(self.tr("Thử lại ngay"))
        self.retry_button.setToolTip(self.tr("Kết nối lại với máy chủ ngay bây giờ"))
        self.relogin_button.setText(self.tr("Đăng nhập lại…"))
        self.relogin_button.setToolTip(self.tr(
            "Máy chủ không còn nhận phiên đăng nhập này: nhập lại mật khẩu để tiếp tục"))
        self._render_status()
        self.show_pending(self.session.pending)
        self.show_link(self.session.relay_link)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def ask_password(self) -> QWidget:
        from meetingroom.ui.relogin_dialog import ask_session_password

        return ask_session_password(self.session, self.window())

    def _on_changed(self, parts: object) -> None:
        if isinstance(parts, set) and "link" in parts:
            self.show_link(self.session.relay_link)

    def show_link(self, link: dict[str, Any] | None) -> None:
        """In a commune hall: whether the hall's relay reaches the provincial server."""
        if not link or link.get("state") == "up":
            self.link_label.setText("")
            return
        waiting = int(link.get("pending") or 0)
        text = self.tr("Hội trường mất kết nối với máy chủ tỉnh; vẫn đọc được tài liệu")
        if waiting:
            text += self.tr(" — {n} thao tác đang chờ gửi").format(n=waiting)
        self.link_label.setText("⚠ " + text)

    # --- connection -------------------------------------------------------------------

    def show_status(self, status: ConnectionStatus) -> None:
        self._status = status
        self._retry_left = (math.ceil(status.retry_in) if status.retry_in is not None
                            else None)
        offline = status.state is ConnectionState.OFFLINE
        if offline and self._retry_left is not None:
            self._tick.start()
        else:
            self._tick.stop()
        self.retry_button.setVisible(offline)
        self.relogin_button.setVisible(status.state is ConnectionState.AUTH_REQUIRED)
        self._render_status()

    def _count_down(self) -> None:
        if self._retry_left is not None and self._retry_left > 0:
            self._retry_left -= 1
        self._render_status()

    def connection_text(self) -> str:
        state = self._status.state
        if state is ConnectionState.ONLINE:
            return self.tr("Trực tuyến")
        if state is ConnectionState.CONNECTING:
            return self.tr("Đang kết nối…")
        if state is ConnectionState.OFFLINE:
            if self._retry_left:
                return self.tr("Mất kết nối — thử lại sau {n} giây").format(n=self._retry_left)
            return self.tr("Mất kết nối — đang thử lại")
        if state is ConnectionState.AUTH_REQUIRED:
            return self.tr("Cần đăng nhập lại")
        return self.tr("Đã ngắt kết nối")

    def _render_status(self) -> None:
        colours = {ConnectionState.ONLINE: "#1b5e20", ConnectionState.CONNECTING: "#8a6d00",
                   ConnectionState.OFFLINE: "#b00020",
                   ConnectionState.AUTH_REQUIRED: "#b00020"}
        colour = colours.get(self._status.state, "#555")
        self.connection_label.setText("● " + self.connection_text())
        self.connection_label.setStyleSheet(f"color: {colour}; font-weight: bold")
        self.connection_label.setToolTip(self._status.reason)

    # --- queue and refusals --------------------------------------------------------------

    def show_pending(self, pending: list[PendingCommand]) -> None:
        if not pending:
            self.pending_label.setText("")
            self.pending_label.setToolTip("")
            return
        names = ", ".join(pending_label(p) for p in pending)
        self.pending_label.setText(
            self.tr("{n} thao tác đang chờ gửi: {names}").format(n=len(pending), names=names))
        self.pending_label.setToolTip(self.tr(
            "Các thao tác được lưu trên máy và sẽ tự gửi khi có kết nối"))

    def show_refusal(self, refusal: Refusal) -> None:
        if refusal.kind is RefusalKind.BALLOT_NOT_COUNTED:
            text = command_refusal_text(refusal)
        else:
            text = self.tr("{action} không thực hiện được: {message}").format(
                action=pending_label(refusal.command), message=command_refusal_text(refusal))
        self.refusal_label.setText(text)
        self.refusal_label.setToolTip(text)
        self._refusal_timer.start()

    def summary(self) -> dict[str, Any]:
        """What the bar shows, for tests and accessibility tools."""
        return {"connection": self.connection_label.text(),
                "pending": self.pending_label.text(),
                "refusal": self.refusal_label.text()}
