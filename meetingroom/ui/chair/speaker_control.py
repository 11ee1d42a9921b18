"""The floor and both queues: call, start, pause, resume, end, reorder, withdraw, grant.

The countdown is computed locally from the speech's ``remaining_s`` and
``server_time`` (protocol §6.2); the server sends no tick, so a timer here only
repaints.
"""

from __future__ import annotations

from typing import Any

from meetingroom.laptop.meeting_store import Part
from meetingroom.ui.chair.panel import Panel, big_label
from meetingroom.ui.chair.shortcuts import ActionButton, label_action, make_action, plain_button
from meetingroom.ui.chair.texts import QUEUE_NAMES, ROLE_NAMES, clock_text, tr
from meetingroom.ui.models.list_models import ROW_ROLE, SpeakerQueueModel
from meetingroom.ui.names import name_key
from meetingroom.ui.qt import (
    QComboBox,
    QEvent,
    QFont,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSpinBox,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from meetingroom.ui.session import LiveMeeting

OVERRUN = "color:#c62828"
NORMAL = "color:#0d47a1"
PAUSED = "color:#6d6d6d"


class QueuePanel(QWidget):
    """One queue of the current item, with the buttons that act on its selected row."""

    def __init__(self, owner: SpeakerControl, model: SpeakerQueueModel) -> None:
        super().__init__(owner)
        self.owner = owner
        self.model = model
        self.queue = model.queue
        self.title = QLabel(self)
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.list = QListView(self)
        self.list.setObjectName(f"{self.queue}_queue")
        self.list.setModel(model)
        self._selected_id: int | None = None
        self._allowed = False
        self.list.clicked.connect(lambda _index: self._remember())
        self.list.selectionModel().currentChanged.connect(
            lambda _now, _before: self.refresh(self._allowed))
        model.modelAboutToBeReset.connect(self._remember)
        model.modelReset.connect(self._restore)
        name = "call_next_speech" if self.queue == "speech" else "call_next_question"
        self.call_next_action = make_action(owner, name, self.call_next)
        self.call_next_button = ActionButton(self.call_next_action, self, "")
        self.call_button = plain_button("", "", self.call_selected, self)
        self.start_button = plain_button("", "", self.start_selected, self)
        self.up_button = plain_button("▲", "", lambda: self.move_selected(-1), self)
        self.down_button = plain_button("▼", "", lambda: self.move_selected(1), self)
        self.withdraw_button = plain_button("", "", self.withdraw_selected, self)
        for button, suffix in ((self.call_button, "call"), (self.start_button, "start"),
                               (self.up_button, "up"), (self.down_button, "down"),
                               (self.withdraw_button, "withdraw")):
            button.setObjectName(f"{self.queue}_{suffix}")
        self.up_button.setMaximumWidth(40)
        self.down_button.setMaximumWidth(40)
        buttons = QHBoxLayout()
        buttons.addWidget(self.call_next_button)
        for button in (self.call_button, self.start_button, self.up_button, self.down_button,
                       self.withdraw_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.list.setAccessibleName(tr("Danh sách đăng ký {queue}").format(
            queue=tr(QUEUE_NAMES[self.queue]).lower()))
        label_action(self.call_next_action)
        self.call_next_button.set_fixed_text(tr("Mời tiếp theo"))
        self.call_button.setText(tr("Mời"))
        self.call_button.setToolTip(tr("Mời người đang chọn"))
        self.start_button.setText(tr("Bắt đầu"))
        self.start_button.setToolTip(tr("Bắt đầu lượt của người đang chọn"))
        self.up_button.setToolTip(tr("Đưa lên trước"))
        self.down_button.setToolTip(tr("Đưa xuống sau"))
        self.withdraw_button.setText(tr("Rút"))
        self.withdraw_button.setToolTip(tr("Rút đăng ký của người đang chọn"))
        if self.title.text():
            self.refresh(self._allowed)  # the title with the queue's name

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _remember(self) -> None:
        row = self.selected()
        if row is not None:
            self._selected_id = int(row["id"])

    def _restore(self) -> None:
        for n, row in enumerate(self.model.rows()):
            if row["id"] == self._selected_id:
                self.list.setCurrentIndex(self.model.index(n, 0))
                return

    def selected(self) -> dict[str, Any] | None:
        index = self.list.currentIndex()
        row = index.data(ROW_ROLE) if index.isValid() else None
        return dict(row) if row else None

    def select(self, speech_id: int) -> None:
        self._selected_id = speech_id
        self._restore()

    def call_next(self) -> None:
        self.owner.submit("speech.call", {"queue": self.queue})

    def call_selected(self) -> None:
        row = self.selected()
        if row is not None and row["status"] == "waiting":
            self.owner.submit("speech.call", {"speech_id": row["id"]})

    def start_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.owner.submit("speech.start", {"speech_id": row["id"]})

    def withdraw_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.owner.submit("speech.withdraw", {"speech_id": row["id"]})

    def move_selected(self, delta: int) -> None:
        row = self.selected()
        order = [int(r["id"]) for r in self.model.rows()]
        if row is None or int(row["id"]) not in order:
            return
        place = order.index(int(row["id"]))
        target = place + delta
        if not 0 <= target < len(order):
            return
        order[place], order[target] = order[target], order[place]
        args: dict[str, Any] = {"queue": self.queue, "order": order}
        if self.owner.state.current_item_id is not None:
            args["item_id"] = self.owner.state.current_item_id
        self.owner.submit("speech.reorder", args)

    def refresh(self, allowed: bool) -> None:
        self._allowed = allowed
        count = self.model.rowCount()
        self.title.setText(f"{tr(QUEUE_NAMES[self.queue])} ({count})")
        has_row = self.selected() is not None
        self.call_next_action.setEnabled(allowed and any(
            r["status"] == "waiting" for r in self.model.rows()))
        for button in (self.call_button, self.start_button, self.up_button, self.down_button,
                       self.withdraw_button):
            button.setEnabled(allowed and has_row)


class SpeakerControl(Panel):
    def __init__(self, session: LiveMeeting, parent: QWidget | None = None) -> None:
        super().__init__("", session, parent)
        # the floor
        self.speaker_label = big_label(points=1.5, bold=True, parent=self)
        self.speaker_label.setObjectName("floor_speaker")
        self.topic_label = big_label(parent=self)
        self.timer_label = QLabel("--:--", self)
        self.timer_label.setObjectName("floor_timer")
        font = QFont("DejaVu Sans Mono")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(max(self.font().pointSizeF(), 9.0) * 3.2)
        font.setBold(True)
        self.timer_label.setFont(font)
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.start_pause_action = make_action(self, "start_pause", self.start_pause)
        self.end_action = make_action(self, "end_speech", self.end_speech)
        self.add_minute_action = make_action(self, "add_minute", self.add_minute)
        floor_buttons = QHBoxLayout()
        for action in (self.start_pause_action, self.end_action, self.add_minute_action):
            floor_buttons.addWidget(ActionButton(action, self))
        # the queues
        self.speech_panel = QueuePanel(self, session.speech_queue)
        self.question_panel = QueuePanel(self, session.question_queue)
        # grant the floor to anyone
        self.grant_person = QComboBox(self)
        self.grant_person.setObjectName("grant_person")
        self.grant_queue = QComboBox(self)
        for queue in QUEUE_NAMES:
            self.grant_queue.addItem("", queue)
        self.grant_minutes = QSpinBox(self)
        self.grant_minutes.setRange(0, 240)
        self.grant_topic = QLineEdit(self)
        self.grant_button = plain_button("", "", self.grant, self)
        self.grant_button.setObjectName("grant")
        self.grant_label = QLabel(self)
        grant = QGridLayout()
        grant.addWidget(self.grant_label, 0, 0)
        grant.addWidget(self.grant_person, 0, 1, 1, 3)
        grant.addWidget(self.grant_queue, 1, 0)
        grant.addWidget(self.grant_minutes, 1, 1)
        grant.addWidget(self.grant_topic, 1, 2)
        grant.addWidget(self.grant_button, 1, 3)
        grant.setColumnStretch(2, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.speaker_label)
        layout.addWidget(self.topic_label)
        layout.addWidget(self.timer_label)
        layout.addLayout(floor_buttons)
        layout.addWidget(self.speech_panel, 1)
        layout.addWidget(self.question_panel, 1)
        layout.addLayout(grant)

        self.ticker = QTimer(self)
        self.ticker.setInterval(250)
        self.ticker.timeout.connect(self.tick)
        self._people: list[int] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(tr("Phát biểu và chất vấn"))
        for action in (self.start_pause_action, self.end_action, self.add_minute_action):
            label_action(action)
        for n, label in enumerate(QUEUE_NAMES.values()):
            self.grant_queue.setItemText(n, tr(label))
        self.grant_minutes.setSpecialValueText(tr("mặc định"))
        self.grant_minutes.setSuffix(tr(" phút"))
        self.grant_minutes.setAccessibleName(tr("Thời gian phát biểu (phút)"))
        self.grant_topic.setPlaceholderText(tr("Nội dung (không bắt buộc)"))
        self.grant_button.setText(tr("Trao quyền phát biểu"))
        self.grant_button.setToolTip(
            tr("Mời bất kỳ ai (kể cả khách mời) phát biểu ngay, không cần đăng ký"))
        self.grant_label.setText(tr("Mời trực tiếp:"))
        people = self.state.participants
        for n in range(self.grant_person.count()):  # the roles after the names
            person = people.get(self.grant_person.itemData(n))
            if person is not None:
                self.grant_person.setItemText(n, self._person_line(person))
        if self.state.meeting:
            self.refresh(set())  # the floor and the start/pause button

    # --- actions ---------------------------------------------------------------------

    def floor(self) -> dict[str, Any] | None:
        return self.state.on_the_floor()

    def _start_candidate(self) -> dict[str, Any] | None:
        for panel in (self.speech_panel, self.question_panel):
            if panel.list.hasFocus() and panel.selected() is not None:
                return panel.selected()
        item = self.state.current_item_id
        if item is None:
            return None
        rows = self.state.queue(item, "speech") + self.state.queue(item, "question")
        called = [r for r in rows if r["status"] == "called"]
        return called[0] if called else None

    def start_pause(self) -> None:
        floor = self.floor()
        if floor is not None:
            command = "speech.pause" if floor["status"] == "speaking" else "speech.resume"
            self.submit(command, {"speech_id": floor["id"]})
            return
        candidate = self._start_candidate()
        if candidate is not None:
            self.submit("speech.start", {"speech_id": candidate["id"]})

    def end_speech(self) -> None:
        floor = self.floor()
        if floor is not None:
            self.submit("speech.end", {"speech_id": floor["id"]})

    def add_minute(self) -> None:
        floor = self.floor()
        if floor is not None:
            self.submit("speech.set_limit", {"speech_id": floor["id"],
                                             "limit_s": min(int(floor["limit_s"]) + 60, 14400)})

    def grant(self) -> None:
        user = self.grant_person.currentData()
        if user is None:
            return
        args: dict[str, Any] = {"user_id": int(user), "queue": self.grant_queue.currentData()}
        if self.grant_minutes.value() > 0:
            args["limit_s"] = self.grant_minutes.value() * 60
        if self.grant_topic.text().strip():
            args["topic"] = self.grant_topic.text().strip()
        self.submit("speech.grant", args)
        self.grant_topic.clear()

    # --- view ------------------------------------------------------------------------

    def _fill_people(self) -> None:
        people = sorted(self.state.participants.values(),
                        key=lambda p: (p["role"] != "guest", name_key(p["full_name"])))
        ids = [int(p["user_id"]) for p in people]
        if ids == self._people:
            return
        self._people = ids
        chosen = self.grant_person.currentData()
        self.grant_person.clear()
        for person in people:
            self.grant_person.addItem(self._person_line(person), int(person["user_id"]))
        if chosen is not None:
            self.grant_person.setCurrentIndex(max(self.grant_person.findData(chosen), 0))

    @staticmethod
    def _person_line(person: dict[str, Any]) -> str:
        role = tr(ROLE_NAMES.get(person["role"], person["role"]))
        title = f", {person['title']}" if person.get("title") else ""
        return f"{person['full_name']} ({role}{title})"

    def tick(self) -> None:
        floor = self.floor()
        if floor is None:
            self.timer_label.setText("--:--")
            self.timer_label.setStyleSheet(PAUSED)
            self.ticker.stop()
            return
        remaining = self.state.remaining_s(floor)
        self.timer_label.setText(clock_text(remaining))
        style = OVERRUN if remaining < 0 else (NORMAL if floor["running"] else PAUSED)
        self.timer_label.setStyleSheet(style)
        if floor["running"] and not self.ticker.isActive():
            self.ticker.start()
        elif not floor["running"]:
            self.ticker.stop()

    def refresh(self, parts: set[Part]) -> None:
        if "meeting" in parts or "attendance" in parts or not self._people:
            self._fill_people()
        allowed = self.may_run_floor and self.in_progress
        floor = self.floor()
        if floor is None:
            self.speaker_label.setText(tr("Chưa có ai phát biểu"))
            self.topic_label.setText("")
            self.start_pause_action.setText(tr("Bắt đầu"))
        else:
            queue = tr(QUEUE_NAMES.get(floor["queue"], floor["queue"]))
            paused = floor["status"] == "paused"
            self.speaker_label.setText(f"{queue}: {floor['full_name']}"
                                       + (" — " + tr("tạm dừng") if paused else ""))
            self.topic_label.setText(str(floor.get("topic") or ""))
            self.start_pause_action.setText(tr("Tiếp tục") if paused else tr("Tạm dừng"))
        self.start_pause_action.setEnabled(allowed and (floor is not None
                                                        or self._start_candidate() is not None))
        self.end_action.setEnabled(self.may_run_floor and floor is not None)
        self.add_minute_action.setEnabled(self.may_run_floor and floor is not None)
        self.grant_button.setEnabled(allowed and self.state.current_item_id is not None)
        self.speech_panel.refresh(allowed or self.may_run_floor)
        self.question_panel.refresh(allowed or self.may_run_floor)
        self.tick()
