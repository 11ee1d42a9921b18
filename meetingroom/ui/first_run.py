"""The first start of the client: find the hall's server on the LAN, or type its address.

Shown when the client knows no server yet (no ``--server`` and nothing in the
settings file), and from the login window's "Tìm máy chủ…" button. While it is
open it listens for the servers' UDP announcements (``meetingroom.sync.client.discovery``)
and lists them; the user picks one or types an address, and "Kiểm tra và tiếp
tục" connects once to check it, with a message a non-technical user can act on
for each failure: unreachable, TLS problem, changed certificate, another
protocol version, not a meetingroom server. A working address is remembered.

An address typed without ``ws://`` (a host, host:port, or the name of a server found
on the LAN) is completed, not refused (``complete_server_address``); when a host
typed that way answers only with TLS, the check tries ``wss://`` by itself.

Enter always checks the address: "Kiểm tra và tiếp tục" is the only default button
(QPushButtons in a dialog are auto-default, so the others are explicitly not; otherwise
the focus moving to "Thoát" while the check runs made Enter end the program). On the
first start every way out (Thoát, Esc, the window's X) asks "Thoát chương trình?"
first; opened from the login window it is "Quay lại" and just goes back.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import platformdirs

from meetingroom.core.protocol import PROTOCOL_VERSION
from meetingroom.laptop.profiles import APP, _safe
from meetingroom.sync.client.discovery import (
    Announcement,
    CheckResult,
    DiscoveryListener,
    Problem,
    check_server,
)
from meetingroom.sync.client.pinning import PinStore
from meetingroom.ui.confirm import LeavingDialog
from meetingroom.ui.login_dialog import (
    ClientSettings,
    check_server_address,
    complete_server_address,
)
from meetingroom.ui.qt import (
    QCloseEvent,
    QCoreApplication,
    QDialogButtonBox,
    QEvent,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QObject,
    QPushButton,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from meetingroom.ui.tasks import Task

log = logging.getLogger("meetingroom.ui.first_run")

# How long one search listens for announcements (servers announce every 3 s).
SEARCH_SECONDS = 7.0
POLL_MS = 150


def pins_for(server: str, data_root: Path | None = None) -> PinStore:
    """The same ``known_servers.json`` the real connection to ``server`` uses (see bridge.py)."""
    base = data_root or Path(platformdirs.user_data_dir(APP, appauthor=False))
    host = urlsplit(server).netloc or server
    return PinStore(base / "profiles" / _safe(host) / "known_servers.json")


class ServerCheck(QObject):
    """Runs ``check_server`` off the UI thread (a task); ``finished`` arrives on the UI thread."""

    finished = Signal(object)  # CheckResult

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.running = False

    def start(self, url: str, pins: PinStore, wait: float) -> None:
        self.running = True

        def failed(exc: Exception) -> None:  # a bug must still end the wait with a message
            log.error("checking %s failed", url, exc_info=exc)
            self.finished.emit(
                CheckResult(url, Problem.UNREACHABLE, str(exc) or type(exc).__name__))

        Task(lambda: asyncio.run(check_server(url, pins, wait=wait))) \
            .success(self.finished.emit).failure(failed).run(self)


class FirstRunDialog(LeavingDialog):
    """Choose the chair server; ``server`` holds the checked address once accepted."""

    server_found = Signal(object)  # Announcement
    checked = Signal(object)  # CheckResult

    def __init__(self, settings: ClientSettings, *, data_root: Path | None = None,
                 discovery_port: int | None = None, search_seconds: float = SEARCH_SECONDS,
                 check_wait: float = 5.0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.data_root = data_root
        self.discovery_port = discovery_port
        self.search_seconds = search_seconds
        self.check_wait = check_wait
        self.server: str | None = None
        self.last_result: CheckResult | None = None
        self.listener: DiscoveryListener | None = None
        self._search_left = 0
        self._search_source: Callable[[], str] | None = None
        self._message_source: Callable[[], str] | None = None
        self._checking: str | None = None
        #: The address being checked was completed from one typed without a scheme.
        self._completed = False
        self._found: list[Announcement] = []

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.servers = QListWidget()
        self.servers.setObjectName("foundServers")
        self.search_status = QLabel()
        self.search_status.setWordWrap(True)
        self.search_button = QPushButton()
        self.search_button.setAutoDefault(False)
        self.address_label = QLabel()
        self.address_edit = QLineEdit(settings.server)
        self.address_edit.setPlaceholderText("192.168.1.10")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("firstRunMessage")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox()
        self.continue_button = QPushButton()
        self.quit_button = QPushButton()
        self.quit_button.setAutoDefault(False)  # Enter never leaves
        self.buttons.addButton(self.continue_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)

        search_row = QHBoxLayout()
        search_row.addWidget(self.search_status, 1)
        search_row.addWidget(self.search_button)
        address_row = QHBoxLayout()
        address_row.addWidget(self.address_label)
        address_row.addWidget(self.address_edit, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.servers, 1)
        layout.addLayout(search_row)
        layout.addLayout(address_row)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        # Only once the button is inside the dialog does Qt keep it as the dialog's main
        # default, which focus moving over other buttons then cannot take away.
        self.continue_button.setDefault(True)

        self.checker = ServerCheck(self)
        self.checker.finished.connect(self._check_finished)
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self._poll)
        self.search_button.clicked.connect(self.start_search)
        self.continue_button.clicked.connect(self.check_and_continue)
        self.quit_button.clicked.connect(lambda _checked=False: self.leave())
        self.address_edit.returnPressed.connect(self.check_and_continue)
        self.servers.currentItemChanged.connect(self._picked)
        self.servers.itemActivated.connect(lambda _item: self.check_and_continue())

        self.retranslate()
        self.setMinimumSize(520, 420)
        self.start_search()

    # --- language --------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Chọn máy chủ — Phòng họp không giấy"))
        self.heading.setText(self.tr("<b>Kết nối tới máy chủ phòng họp</b>"))
        self.intro.setText(self.tr(
            "Chọn máy chủ của hội trường trong danh sách (chương trình tự tìm trong mạng "
            "nội bộ), hoặc nhập địa chỉ do kỹ thuật viên cung cấp (ví dụ 192.168.1.10), "
            "rồi nhấn Enter."))
        self.search_button.setText(self.tr("Tìm lại"))
        self.address_label.setText(self.tr("Địa chỉ máy chủ:"))
        self.continue_button.setText(self.tr("Kiểm tra và tiếp tục"))
        self.quit_button.setText(self.tr("Thoát") if self.ends_program else self.tr("Quay lại"))
        if self._search_source is not None:
            self.search_status.setText(self._search_source())
        if self._message_source is not None:
            self.message.setText(self._message_source())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _say(self, source: Callable[[], str]) -> None:
        self._message_source = source
        self.message.setText(source())

    def _search_say(self, source: Callable[[], str]) -> None:
        self._search_source = source
        self.search_status.setText(source())

    # --- discovery -------------------------------------------------------------------

    def start_search(self) -> None:
        """Listen for announcements for ``search_seconds`` (again, if already done)."""
        if self.listener is None:
            listener = DiscoveryListener(self.discovery_port)
            try:
                listener.open()
            except OSError as exc:
                log.warning("cannot listen for servers on udp %d: %s", listener.port, exc)
                detail = str(exc.strerror or exc)
                self._search_say(lambda: self.tr(
                    "Không tìm tự động được (%1); hãy nhập địa chỉ máy chủ.")
                    .replace("%1", detail))
                self.search_button.setEnabled(False)
                return
            self.listener = listener
        self._search_left = max(1, int(self.search_seconds * 1000 / POLL_MS))
        self.search_button.setEnabled(False)
        self._search_say(lambda: self.tr("Đang tìm máy chủ trong mạng nội bộ…"))
        self.poll_timer.start()

    def _poll(self) -> None:
        assert self.listener is not None
        for found in self.listener.poll():
            self._add(found)
        self._search_left -= 1
        if self._search_left <= 0:
            self.stop_search()

    def stop_search(self) -> None:
        self.poll_timer.stop()
        self.search_button.setEnabled(self.listener is not None)
        if self.listener is not None:
            self.listener.close()
            self.listener = None
        count = self.servers.count()
        if count:
            self._search_say(lambda: self.tr("Tìm thấy %1 máy chủ.").replace("%1", str(count)))
        else:
            self._search_say(lambda: self.tr(
                "Không tìm thấy máy chủ nào trong mạng nội bộ. Hãy nhập địa chỉ máy chủ "
                "(hỏi kỹ thuật viên), ví dụ 192.168.1.10."))

    def _add(self, found: Announcement) -> None:
        for row in range(self.servers.count()):
            if self.servers.item(row).data(Qt.ItemDataRole.UserRole) == found.url:
                return
        label = f"{found.name} — {found.url}"
        if not found.compatible:
            label += self.tr(" (phiên bản khác: giao thức %1)").replace("%1", str(found.protocol))
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, found.url)
        item.setToolTip(f"meetingroom {found.version}".strip())
        self.servers.addItem(item)
        self._found.append(found)
        if self.servers.count() == 1 and not self.address_edit.text().strip():
            self.servers.setCurrentItem(item)
        self._search_say(lambda: self.tr("Đang tìm… đã thấy %1 máy chủ.")
                         .replace("%1", str(self.servers.count())))
        self.server_found.emit(found)

    def _picked(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is not None:
            self.address_edit.setText(str(item.data(Qt.ItemDataRole.UserRole)))

    def found_urls(self) -> list[str]:
        return [str(self.servers.item(row).data(Qt.ItemDataRole.UserRole))
                for row in range(self.servers.count())]

    # --- checking --------------------------------------------------------------------

    def check_and_continue(self) -> None:
        if self._checking is not None:
            return
        typed = self.address_edit.text().strip()
        url = complete_server_address(typed, self._found)
        if url != typed:
            self.address_edit.setText(url)  # the user sees what is dialled
        self._completed = bool(typed) and "://" not in typed
        if check_server_address(url) is not None:
            self._say(lambda: check_server_address(url) or "")
            self.address_edit.setFocus()
            return
        self._check(url)

    def _check(self, url: str) -> None:
        self._checking = url
        self._set_busy(True)
        self._say(lambda: self.tr("Đang kiểm tra kết nối tới %1…").replace("%1", url))
        self.checker.start(url, pins_for(url, self.data_root), self.check_wait)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.address_edit, self.continue_button, self.servers):
            widget.setEnabled(not busy)

    def _check_finished(self, result: CheckResult) -> None:
        self._checking = None
        self._set_busy(False)
        if (result.problem is Problem.NEEDS_TLS and self._completed
                and result.url.startswith("ws://")):
            # The user typed a bare host; it speaks only TLS, so they meant wss://.
            self._completed = False
            secure = "wss://" + result.url.removeprefix("ws://")
            self.address_edit.setText(secure)
            self._check(secure)
            return
        self.last_result = result
        self._say(lambda: describe_check(result))
        self.checked.emit(result)
        if not result.ok:
            log.info("server check of %s: %s (%s)", result.url, result.problem, result.detail)
            self.address_edit.setFocus()
            return
        log.info("server check of %s: ok (meetingroom %s)", result.url, result.server_version)
        self.server = result.url
        self.settings.server = result.url
        self.settings.save()
        self.accept()

    # --- closing ---------------------------------------------------------------------

    def done(self, code: int) -> None:
        self.stop_search()
        super().done(code)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        super().closeEvent(event)  # may ask "Thoát chương trình?" and stay open
        if event.isAccepted():
            self.stop_search()


def tr(text: str) -> str:
    """Translate a message of this module (lupdate files these under the empty context)."""
    return QCoreApplication.translate("FirstRunDialog", text)


def describe_check(result: CheckResult) -> str:
    """What the user reads about a check: one clear sentence per failure, with what to do."""
    url, detail = result.url, result.detail
    match result.problem:
        case None:
            text = tr("Đã kết nối tới máy chủ phòng họp (meetingroom %1).").replace(
                "%1", result.server_version or "?")
            if result.fingerprint:
                text += " " + tr("Mã chứng chỉ đã ghi nhớ: %1").replace(
                    "%1", result.fingerprint)
            return text
        case Problem.UNREACHABLE:
            return tr("Không kết nối được tới %1: máy chủ chưa chạy, sai địa chỉ hoặc cổng, "
                      "hoặc mạng chặn kết nối. Kiểm tra địa chỉ với kỹ thuật viên và thử lại. "
                      "(%2)").replace("%1", url).replace("%2", detail)
        case Problem.TLS:
            return tr("Lỗi bảo mật TLS khi kết nối tới %1 (%2). Nếu máy chủ không dùng TLS, "
                      "hãy dùng địa chỉ bắt đầu bằng ws:// thay vì wss://.").replace(
                "%1", url).replace("%2", detail)
        case Problem.NEEDS_TLS:
            return tr("Máy chủ %1 dùng kết nối bảo mật (TLS): hãy dùng địa chỉ bắt đầu bằng "
                      "wss:// thay vì ws://.").replace("%1", url)
        case Problem.PIN_CHANGED:
            return tr("CẢNH BÁO: chứng chỉ của máy chủ %1 đã thay đổi so với lần kết nối "
                      "trước. Có thể có kẻ giả mạo máy chủ, nên chương trình không kết nối. "
                      "Hãy báo kỹ thuật viên để so sánh mã chứng chỉ (%2).").replace(
                "%1", url).replace("%2", detail)
        case Problem.PROTOCOL:
            return tr("Máy chủ %1 dùng phiên bản giao thức khác (máy chủ meetingroom %2; "
                      "chương trình này dùng giao thức %3). Hãy cài chương trình cùng phiên "
                      "bản với máy chủ.").replace("%1", url).replace(
                "%2", result.server_version or "?").replace("%3", str(PROTOCOL_VERSION))
        case Problem.NOT_MEETINGROOM:
            return tr("Địa chỉ %1 có trả lời nhưng không phải máy chủ phòng họp (meetingroom). "
                      "Kiểm tra lại cổng với kỹ thuật viên. (%2)").replace(
                "%1", url).replace("%2", detail)
    return detail  # pragma: no cover - every Problem is handled above
