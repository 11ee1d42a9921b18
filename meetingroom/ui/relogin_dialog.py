"""The password again, when the server stops accepting a session that is in use.

A remembered session can end while the laptop is away or offline: the token expired,
an administrator reset the password (which ends every session), the user was logged
out elsewhere. The connection then stands at "Cần đăng nhập lại" and sends nothing
more; queued ballots and requests wait on the disk. Logging out and in again would
close every window; this dialog asks for the password over the windows that are open,
logs the same account in on the same connection, and everything goes on from there.

"Để sau" (and Esc, and the window's X) only puts the question off: nothing is lost,
and Tệp → Đăng nhập lại… in the meeting list, or the "Đăng nhập lại…" button in a meeting
window's status bar, asks again. Whichever window asks, one connection has one dialog
(``ask_password``).
"""

from __future__ import annotations

from typing import Any

from meetingroom.sync.client.connection import ConnectionState, ConnectionStatus
from meetingroom.ui.bridge import ServerBridge
from meetingroom.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
)
from meetingroom.ui.session import LiveMeeting


class ReloginDialog(QDialog):
    """Ask the password of ``username`` and log in again on ``bridge``'s connection."""

    def __init__(self, bridge: ServerBridge, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("relogin_dialog")
        self.bridge = bridge
        self.name = name
        self._busy = False
        self._closed = False
        self._error = ""
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.password_label = QLabel()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("relogin_message")
        self.login_button = QPushButton()
        self.login_button.setObjectName("relogin_submit")
        self.later_button = QPushButton()
        self.later_button.setObjectName("relogin_later")
        self.later_button.setAutoDefault(False)  # Enter logs in, never puts it off
        buttons = QDialogButtonBox()
        buttons.addButton(self.login_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        form = QFormLayout()
        form.addRow(self.password_label, self.password_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self.submit)
        self.later_button.clicked.connect(self.reject)
        self.password_edit.returnPressed.connect(self.submit)
        bridge.login_finished.connect(self._finished)
        bridge.status_changed.connect(self._status)
        self.setMinimumWidth(440)
        self.retranslate()
        self.password_edit.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Đăng nhập lại"))
        self.heading.setText(self.tr(
            "Máy chủ không còn nhận phiên đăng nhập của {name}: phiên đã hết hạn, bị thu hồi "
            "hoặc mật khẩu đã được đặt lại. Nhập mật khẩu để tiếp tục; các cửa sổ vẫn mở và "
            "thao tác đang chờ sẽ được gửi sau khi đăng nhập.").format(name=self.name))
        self.password_label.setText(self.tr("Mật khẩu:"))
        self.login_button.setText(self.tr("Đăng nhập"))
        self.later_button.setText(self.tr("Để sau"))
        self._show_message()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_message(self) -> None:
        if self._busy:
            self.message.setStyleSheet("")
            self.message.setText(self.tr("Đang đăng nhập…"))
        else:
            # A refusal in the colour of the other warnings, not lost in plain black.
            self.message.setStyleSheet("color: #b00020; font-weight: bold" if self._error
                                       else "")
            self.message.setText(self._error)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.password_edit.setEnabled(not busy)
        self.login_button.setEnabled(not busy)
        self._show_message()

    def submit(self) -> None:
        if self._busy:
            return
        password = self.password_edit.text()
        if not password:
            self._error = self.tr("Hãy nhập mật khẩu")
            self._show_message()
            return
        self._error = ""
        self._set_busy(True)
        self.bridge.login(password)

    def _finished(self, user: dict[str, Any] | None, error: str) -> None:
        if not self._busy:
            return  # another window's login on this connection
        self._error = error
        self._set_busy(False)
        self.password_edit.clear()
        if user is not None:
            self.accept()
        else:
            self.password_edit.setFocus()

    def _status(self, status: ConnectionStatus) -> None:
        if status.state is ConnectionState.ONLINE and not self._busy:
            self.accept()  # back in by another way: nothing left to ask

    def done(self, result: int) -> None:
        if not self._closed:
            self._closed = True
            self.bridge.login_finished.disconnect(self._finished)
            self.bridge.status_changed.disconnect(self._status)
        super().done(result)


def ask_session_password(session: LiveMeeting, parent: QWidget) -> ReloginDialog:
    """``ask_password`` from a meeting's window, naming the user as the meeting does."""
    name = str(session.state.you.get("full_name") or session.bridge.profile.username)
    return ask_password(session.bridge, name, parent)


def ask_password(bridge: ServerBridge, name: str, parent: QWidget) -> ReloginDialog:
    """Show the connection's one "Đăng nhập lại" dialog over ``parent``, made if needed."""
    dialog = bridge.relogin_dialog
    if not isinstance(dialog, ReloginDialog):
        dialog = ReloginDialog(bridge, name, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        bridge.relogin_dialog = dialog
        # Closed, or gone with the window it was shown over: the next ask makes a new one.
        dialog.finished.connect(bridge.forget_relogin_dialog)
        dialog.destroyed.connect(bridge.forget_relogin_dialog)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
