"""Opening the session and moving through the agenda (chair only; the secretary watches).

Opening below the quorum and closing the session cannot be undone: both ask first,
with the attendance and the agenda in numbers; "Quay lại" is the default answer.
"""

from __future__ import annotations

from meetingroom.laptop.meeting_store import Part
from meetingroom.ui.chair.panel import Panel, big_label
from meetingroom.ui.chair.shortcuts import ActionButton, label_action, make_action, plain_button
from meetingroom.ui.chair.texts import (
    agenda_order,
    close_meeting_question,
    item_title,
    meeting_status,
    start_question,
    tr,
)
from meetingroom.ui.models.agenda_model import ITEM_ID_ROLE
from meetingroom.ui.qt import (
    QAbstractItemView,
    QGridLayout,
    QModelIndex,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from meetingroom.ui.session import LiveMeeting


class AgendaControl(Panel):
    def __init__(self, session: LiveMeeting, parent: QWidget | None = None) -> None:
        super().__init__("", session, parent)
        self.status_label = big_label(bold=True, parent=self)
        self.current_label = big_label(parent=self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("agenda_tree")
        self.tree.setHeaderHidden(True)
        self.tree.setModel(session.agenda_model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.doubleClicked.connect(self._start_index)
        session.agenda_model.modelReset.connect(self._after_reset)

        self.start_meeting_button = plain_button("", "", self.start_meeting, self)
        self.start_meeting_button.setObjectName("start_meeting")
        self.start_item_button = plain_button("", "", self.start_selected, self)
        self.start_item_button.setObjectName("start_item")
        self.next_action = make_action(self, "next_item", self.next_item)
        self.previous_action = make_action(self, "previous_item", self.previous_item)
        self.close_meeting_button = plain_button("", "", self.close_meeting, self)
        self.close_meeting_button.setObjectName("close_meeting")

        buttons = QGridLayout()
        buttons.addWidget(self.start_meeting_button, 0, 0)
        buttons.addWidget(self.start_item_button, 0, 1)
        buttons.addWidget(ActionButton(self.previous_action, self), 1, 0)
        buttons.addWidget(ActionButton(self.next_action, self), 1, 1)
        buttons.addWidget(self.close_meeting_button, 2, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(self.current_label)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._after_reset()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(tr("Chương trình nghị sự"))
        self.tree.setAccessibleName(tr("Chương trình họp"))
        self.start_meeting_button.setText(tr("Khai mạc"))
        self.start_meeting_button.setToolTip(
            tr("Khai mạc kỳ họp: mọi màn hình chuyển sang trạng thái đang họp"))
        self.start_item_button.setText(tr("Bắt đầu mục đã chọn"))
        self.start_item_button.setToolTip(
            tr("Chuyển phiên họp sang mục đang chọn (nhấn đúp vào mục cũng được)"))
        label_action(self.next_action)
        label_action(self.previous_action)
        self.close_meeting_button.setText(tr("Bế mạc"))
        self.close_meeting_button.setToolTip(tr("Bế mạc kỳ họp (không thay đổi được nữa)"))
        if self.state.meeting:
            self.refresh(set())  # the status, the item, a secretary's tooltips

    # --- actions ---------------------------------------------------------------------

    def start_meeting(self) -> None:
        question = start_question(self.state)
        if question is not None and not self.confirm(
                tr("Khai mạc"), question, tr("Vẫn khai mạc"), warning=True):
            return
        self.submit("meeting.start")

    def close_meeting(self) -> None:
        if self.confirm(tr("Bế mạc"), close_meeting_question(self.state), tr("Bế mạc")):
            self.submit("meeting.close")

    def selected_item(self) -> int | None:
        index = self.tree.currentIndex()
        value = index.data(ITEM_ID_ROLE) if index.isValid() else None
        return int(value) if value is not None else None

    def select_item(self, item_id: int | None) -> None:
        index = self.session.agenda_model.index_of(item_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)

    def set_current(self, item_id: int | None) -> None:
        self.submit("agenda.set_current", {"item_id": item_id})

    def start_selected(self) -> None:
        item = self.selected_item()
        if item is not None:
            self.set_current(item)

    def _start_index(self, index: QModelIndex) -> None:
        if self.is_chair and self.in_progress:
            value = index.data(ITEM_ID_ROLE)
            if value is not None:
                self.set_current(int(value))

    def _step(self, delta: int) -> None:
        order = agenda_order(self.state)
        if not order:
            return
        current = self.state.current_item_id
        if current not in order:
            target = order[0] if delta > 0 else order[-1]
        else:
            place = order.index(current) + delta
            if not 0 <= place < len(order):
                return
            target = order[place]
        self.set_current(target)

    def next_item(self) -> None:
        self._step(1)

    def previous_item(self) -> None:
        self._step(-1)

    # --- view ------------------------------------------------------------------------

    def _after_reset(self) -> None:
        self.tree.expandAll()
        self.select_item(self.state.current_item_id)

    def refresh(self, parts: set[Part]) -> None:
        state = self.state
        status = state.meeting.get("status")
        self.status_label.setText(tr("Trạng thái: {status}").format(status=meeting_status(state)))
        current = item_title(state, state.current_item_id)
        self.current_label.setText(tr("Đang thảo luận: {item}").format(item=current) if current
                                   else tr("Chưa chọn mục nào"))
        if "agenda" in parts:
            self.select_item(state.current_item_id)
        chair = self.is_chair
        running = status == "in_progress"
        order = agenda_order(state)
        place = order.index(state.current_item_id) if state.current_item_id in order else -1
        self.start_meeting_button.setVisible(status in ("draft", "published"))
        self.start_meeting_button.setEnabled(chair and self.online and status == "published")
        self.start_item_button.setEnabled(chair and running)
        self.next_action.setEnabled(chair and running and place < len(order) - 1)
        self.previous_action.setEnabled(chair and running and place != 0 and bool(order))
        self.close_meeting_button.setEnabled(chair and self.online and running)
        if not chair:
            note = tr("Chỉ chủ tọa điều hành chương trình")
            for button in (self.start_meeting_button, self.start_item_button,
                           self.close_meeting_button):
                button.setToolTip(note)
