"""The user's meetings: upcoming, in session, finished; search by keyword, status and date.

With the server out of reach the page shows the list the laptop remembers
(``laptop.remembered``), says since when, and opens only the meetings cached on this
laptop; the others are greyed, and trying to open one says why it cannot.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from typing import Any

from meetingroom.core.timezones import meeting_start
from meetingroom.laptop.remembered import ON_LAPTOP, RememberedMeetings
from meetingroom.sync.client.connection import ConnectionState, ConnectionStatus
from meetingroom.sync.client.prefetch import PacketProgress
from meetingroom.ui.bridge import ServerBridge
from meetingroom.ui.i18n import datetime_text
from meetingroom.ui.models.list_models import ROW_ROLE, Index, MeetingListModel
from meetingroom.ui.packet_progress import PacketProgressPanel
from meetingroom.ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QColor,
    QComboBox,
    QCoreApplication,
    QDate,
    QDateEdit,
    QEvent,
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QListView,
    QModelIndex,
    QObject,
    QPushButton,
    QSortFilterProxyModel,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

#: The status groups the list is split into, with the meeting statuses each holds.
GROUPS: dict[str, frozenset[str]] = {
    "all": frozenset(),
    "upcoming": frozenset({"published", "draft"}),
    "in_progress": frozenset({"in_progress"}),
    "closed": frozenset({"closed"}),
}


def status_word(status: str) -> str:
    words = {
        "draft": QCoreApplication.translate("MeetingList", "Dự thảo"),
        "published": QCoreApplication.translate("MeetingList", "Sắp diễn ra"),
        "in_progress": QCoreApplication.translate("MeetingList", "Đang họp"),
        "closed": QCoreApplication.translate("MeetingList", "Đã kết thúc"),
    }
    return words.get(status, status)


def meeting_date(meeting: dict[str, Any]) -> date | None:
    try:
        return meeting_start(meeting).date()
    except (KeyError, TypeError, ValueError):
        return None


def fold(text: str) -> str:
    """Lower case without tone marks, so "ky hop" finds "Kỳ họp" (đ counts as d)."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def meeting_text(meeting: dict[str, Any]) -> str:
    """Every searchable word of a meeting: title, place, body."""
    body = meeting.get("body") or {}
    return " ".join(str(part) for part in (meeting.get("title", ""), meeting.get("location", ""),
                                           body.get("name", "")) if part)


class TranslatedMeetingListModel(MeetingListModel):
    """The meeting list with its status words in the user's language."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid() \
                and 0 <= index.row() < self.rowCount():
            meeting = self.row(index.row())
            when = meeting_start(meeting)
            text = f"{datetime_text(when)}  ·  {meeting['title']}  ·  " \
                   f"{status_word(meeting['status'])}"
            if meeting.get(ON_LAPTOP) is False:  # grey alone is lost on the chosen row
                text += "  ·  " + QCoreApplication.translate("MeetingList",
                                                             "chưa có trên máy này")
            return text
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() \
                and 0 <= index.row() < self.rowCount():
            meeting = self.row(index.row())
            lines = [p for p in (meeting.get("title", ""), meeting.get("location", ""),
                                 (meeting.get("body") or {}).get("name", "")) if p]
            if meeting.get(ON_LAPTOP) is False:
                lines.append(QCoreApplication.translate(
                    "MeetingList", "Chưa có trên máy này: cần kết nối tới máy chủ để mở"))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() \
                and 0 <= index.row() < self.rowCount() \
                and self.row(index.row()).get(ON_LAPTOP) is False:
            return QColor(Qt.GlobalColor.gray)
        return super().data(index, role)


class MeetingFilterModel(QSortFilterProxyModel):
    """Filters meeting rows (``ROW_ROLE`` dicts) by group, keyword and date range."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._group = "all"
        self._keyword = ""
        self._from: date | None = None
        self._to: date | None = None

    @property
    def group(self) -> str:
        return self._group

    def set_group(self, group: str) -> None:
        if group not in GROUPS:
            raise ValueError(f"unknown group {group!r}")
        self.beginFilterChange()
        self._group = group
        self.endFilterChange()

    def set_keyword(self, keyword: str) -> None:
        self.beginFilterChange()
        self._keyword = fold(keyword.strip())
        self.endFilterChange()

    def set_date_range(self, start: date | None, end: date | None) -> None:
        """Keep meetings that start on a day in [start, end]; None leaves that side open."""
        self.beginFilterChange()
        self._from, self._to = start, end
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        if model is None:
            return False
        meeting = model.data(model.index(source_row, 0, source_parent), ROW_ROLE)
        if not isinstance(meeting, dict):
            return False
        statuses = GROUPS[self._group]
        if statuses and meeting.get("status") not in statuses:
            return False
        if self._keyword and not all(word in fold(meeting_text(meeting))
                                     for word in self._keyword.split()):
            return False
        if self._from is not None or self._to is not None:
            day = meeting_date(meeting)
            if day is None:
                return False
            if self._from is not None and day < self._from:
                return False
            if self._to is not None and day > self._to:
                return False
        return True

    def meeting(self, index: Index) -> dict[str, Any] | None:
        value = self.data(index, ROW_ROLE) if index.isValid() else None
        return value if isinstance(value, dict) else None


def _py_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class MeetingListPage(QWidget):
    """The list of the user's meetings; ``open_requested(meeting dict)`` to open one."""

    open_requested = Signal(object)
    prepare_requested = Signal()  # the secretary's workspace

    def __init__(self, bridge: ServerBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.model = TranslatedMeetingListModel(self)
        self.proxy = MeetingFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self._loading = False
        self._error = ""
        #: When the rows are the remembered ones (the server out of reach): since when.
        self._remembered: RememberedMeetings | None = None
        #: The server is up but wants the password again (``ConnectionState.AUTH_REQUIRED``).
        self._auth_required = bridge.connection.status.state is ConnectionState.AUTH_REQUIRED
        self._unavailable = ""  # the title of a meeting just refused for not being here

        self.title = QLabel()
        self.title.setObjectName("meetingListTitle")
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.group_box = QComboBox()
        for group in GROUPS:
            self.group_box.addItem("", group)
        self.date_check = QCheckBox()
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addMonths(-1))
        self.date_to = QDateEdit(today.addMonths(1))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setEnabled(False)
        self.to_label = QLabel()
        self.view = QListView()
        self.view.setModel(self.proxy)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setUniformItemSizes(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.open_button = QPushButton()
        self.open_button.setDefault(True)
        self.refresh_button = QPushButton()
        self.prepare_button = QPushButton()
        self.prepare_button.setObjectName("prepare_meetings_button")

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.group_box, 1)
        dates = QHBoxLayout()
        dates.addWidget(self.date_check)
        dates.addWidget(self.date_from)
        dates.addWidget(self.to_label)
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.prepare_button)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(filters)
        layout.addLayout(dates)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        # Every packet this account downloads, whichever window asked for it, shows its
        # progress here too: a delegate who opened a meeting and came back to the list
        # still sees whether the documents are on the laptop before the network goes.
        self.packet_heading = QLabel()
        self.packet_heading.setObjectName("packet_heading")
        self.packet_progress = PacketProgressPanel()
        self.packet_progress.setObjectName("meeting_list_packet_progress")
        self._packet_meeting: int | None = None
        layout.addWidget(self.packet_heading)
        layout.addWidget(self.packet_progress)
        self.packet_heading.hide()
        self.packet_progress.hide()

        self.search.textChanged.connect(self.proxy.set_keyword)
        self.group_box.currentIndexChanged.connect(
            lambda _i: self.proxy.set_group(str(self.group_box.currentData())))
        self.date_check.toggled.connect(self._dates_changed)
        self.date_from.dateChanged.connect(self._dates_changed)
        self.date_to.dateChanged.connect(self._dates_changed)
        self.view.doubleClicked.connect(self._open_index)
        self.view.selectionModel().currentChanged.connect(self._choice_moved)
        # Enter on the chosen meeting opens it, as the default "Mở" button promises (a
        # default button only answers Enter inside a dialog, and this page is not one).
        # Read from the view's own key presses, not a shortcut: a shortcut follows the
        # application's focus widget, which may be this list in a window behind a login
        # window that is the one the key was typed in.
        self.view.installEventFilter(self)
        # Typing in the search box and pressing Enter opens the meeting that is chosen in
        # the filtered list; the arrow keys move that choice without leaving the box.
        self.search.returnPressed.connect(self.open_selected)
        self.search.installEventFilter(self)
        self.open_button.clicked.connect(self.open_selected)
        self.refresh_button.clicked.connect(self.refresh)
        self.prepare_button.clicked.connect(self.prepare_requested)
        self.proxy.modelReset.connect(self._update_buttons)
        self.proxy.rowsInserted.connect(self._update_buttons)
        self.proxy.rowsRemoved.connect(self._update_buttons)
        self.proxy.layoutChanged.connect(self._update_buttons)
        bridge.meetings_listed.connect(self._listed)
        bridge.meetings_remembered.connect(self._remembered_list)
        bridge.packet_progress.connect(self._packet_progress)
        bridge.status_changed.connect(self._status)
        self.retranslate()
        self._update_buttons()
        if bridge.connection.status.state in (ConnectionState.ONLINE, ConnectionState.OFFLINE):
            self.refresh()  # offline: the remembered list at once

    # --- language --------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Các cuộc họp của bạn"))
        self.search.setPlaceholderText(self.tr("Tìm theo tên cuộc họp, địa điểm, cơ quan…"))
        names = {"all": self.tr("Tất cả"), "upcoming": self.tr("Sắp diễn ra"),
                 "in_progress": self.tr("Đang họp"), "closed": self.tr("Đã kết thúc")}
        for i in range(self.group_box.count()):
            self.group_box.setItemText(i, names[str(self.group_box.itemData(i))])
        self.date_check.setText(self.tr("Từ ngày"))
        self.to_label.setText(self.tr("đến ngày"))
        self.date_from.setAccessibleName(self.tr("Từ ngày"))
        self.date_to.setAccessibleName(self.tr("Đến ngày"))
        self.view.setAccessibleName(self.tr("Danh sách cuộc họp"))
        self.open_button.setText(self.tr("Mở"))
        self.refresh_button.setText(self.tr("Làm mới"))
        self.prepare_button.setText(self.tr("Chuẩn bị cuộc họp…"))
        self._show_message()
        self._show_packet_heading()
        if self.model.rowCount() > 0:  # the status words are translated too
            self.model.dataChanged.emit(self.model.index(0, 0),
                                        self.model.index(self.model.rowCount() - 1, 0))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- data ------------------------------------------------------------------------

    def refresh(self) -> None:
        self._loading = True
        self._error = ""
        self._unavailable = ""
        self._show_message()
        self.bridge.list_meetings()

    def _status(self, status: ConnectionStatus) -> None:
        auth_required = status.state is ConnectionState.AUTH_REQUIRED
        if auth_required != self._auth_required:
            self._auth_required = auth_required
            self._show_message()
        if status.state is ConnectionState.ONLINE:
            self.refresh()
        elif status.state is ConnectionState.OFFLINE and self.model.rowCount() == 0 \
                and not self._loading:
            self.refresh()  # lost before the first list came: show the remembered one

    def _listed(self, meetings: list[dict[str, Any]] | None, error: str) -> None:
        self._loading = False
        if meetings is None:
            self._error = error
        else:
            self._error = ""
            self._remembered = None
            self._set_rows(meetings)
        self._show_message()

    def _remembered_list(self, remembered: RememberedMeetings) -> None:
        self._loading = False
        self._error = ""
        self._remembered = remembered
        self._set_rows(remembered.meetings)
        self._show_message()

    def update_meeting(self, meeting: dict[str, Any]) -> None:
        """The open meeting as its own events say it is now (its status, title, time): its
        row changes without asking the server for the whole list again."""
        rows = self.model.rows()
        for index, row in enumerate(rows):
            if row.get("id") == meeting.get("id"):
                changed: dict[str, Any] = {k: meeting[k] for k in (
                    "status", "title", "starts_at", "ends_at", "location") if k in meeting}
                fresh = {**row, **changed}
                if fresh != row:
                    rows[index] = fresh
                    self._set_rows(rows)
                return

    def _set_rows(self, meetings: list[dict[str, Any]]) -> None:
        """New rows, the chosen meeting still chosen: a list that comes again when the
        server is back must not move the person's choice to the first row."""
        chosen = self.selected()
        self.model.set_rows(meetings)
        if chosen is not None:
            for row in range(self.proxy.rowCount()):
                meeting = self.proxy.meeting(self.proxy.index(row, 0))
                if meeting is not None and meeting.get("id") == chosen.get("id"):
                    self.view.setCurrentIndex(self.proxy.index(row, 0))
                    break
        self._show_packet_heading()

    def _packet_progress(self, packet: PacketProgress) -> None:
        self.packet_progress.set_documents(self.bridge.packet_documents.get(packet.meeting_id,
                                                                            []))
        self.packet_progress.show_progress(packet)
        self._packet_meeting = packet.meeting_id
        self._show_packet_heading()
        self.packet_heading.show()
        self.packet_progress.show()

    def _show_packet_heading(self) -> None:
        if self._packet_meeting is None:
            return
        title = next((str(row.get("title", "")) for row in self.model.rows()
                      if row.get("id") == self._packet_meeting), "")
        self.packet_heading.setText(self.tr("Tài liệu của cuộc họp: {title}").format(
            title=title or f"#{self._packet_meeting}"))

    def _show_message(self) -> None:
        if self._loading:
            text = self.tr("Đang tải danh sách cuộc họp…")
        elif self._error:
            text = self._error
        elif self._unavailable:
            text = self.tr("Cuộc họp “{title}” chưa có trên máy này: cần kết nối tới máy chủ "
                           "để mở lần đầu.").format(title=self._unavailable)
        elif self._remembered is not None:
            text = self._remembered_text(self._remembered.listed_at)
        elif self.model.rowCount() == 0:
            text = self.tr("Bạn chưa được mời dự cuộc họp nào")
        elif self.proxy.rowCount() == 0:
            text = self.tr("Không có cuộc họp nào khớp với bộ lọc")
        else:
            text = self.tr("%n cuộc họp", "", self.proxy.rowCount())
        self.message.setText(text)

    def _remembered_text(self, listed_at: datetime | None) -> str:
        if self._auth_required:
            return self.tr("Máy chủ cần bạn đăng nhập lại để cập nhật danh sách: chọn Tệp → "
                           "Đăng nhập lại…; vẫn mở được các cuộc họp đã có trên máy này.")
        if listed_at is None:
            return self.tr("Không kết nối được tới máy chủ. Đây là các cuộc họp đã có trên "
                           "máy này; danh sách sẽ được cập nhật khi có kết nối.")
        return self.tr("Không kết nối được tới máy chủ. Danh sách lưu lúc {time}; mở được "
                       "các cuộc họp đã có trên máy này.").format(
            time=datetime_text(listed_at.astimezone()))

    def _dates_changed(self, *_args: object) -> None:
        on = self.date_check.isChecked()
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        if on:
            self.proxy.set_date_range(_py_date(self.date_from.date()),
                                      _py_date(self.date_to.date()))
        else:
            self.proxy.set_date_range(None, None)

    def _update_buttons(self, *_args: object) -> None:
        self.open_button.setEnabled(self.proxy.rowCount() > 0)
        if not self._loading:
            self._show_message()
        if not self.view.currentIndex().isValid() and self.proxy.rowCount() > 0:
            self.view.setCurrentIndex(self.proxy.index(0, 0))

    # --- opening ---------------------------------------------------------------------

    def selected(self) -> dict[str, Any] | None:
        return self.proxy.meeting(self.view.currentIndex())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.view and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_selected()
            return True
        if watched is self.search and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._move_choice(-1 if event.key() == Qt.Key.Key_Up else 1)
            return True
        return super().eventFilter(watched, event)

    def _move_choice(self, step: int) -> None:
        rows = self.proxy.rowCount()
        if rows == 0:
            return
        current = self.view.currentIndex()
        row = current.row() + step if current.isValid() else 0
        self.view.setCurrentIndex(self.proxy.index(max(0, min(rows - 1, row)), 0))

    def open_selected(self) -> None:
        self._open(self.selected())

    def _open_index(self, index: QModelIndex) -> None:
        self._open(self.proxy.meeting(index))

    def _choice_moved(self, *_args: object) -> None:
        if self._unavailable:
            self._unavailable = ""
            self._show_message()

    def _open(self, meeting: dict[str, Any] | None) -> None:
        if meeting is None:
            return
        if meeting.get(ON_LAPTOP) is False:
            # Offline and never opened here: a window would stay empty until the server is back.
            self._unavailable = str(meeting.get("title", ""))
            self._show_message()
            return
        self._unavailable = ""
        self.open_requested.emit(meeting)
