"""Registering to speak or to question, the delegate's place, and who has the floor."""

from __future__ import annotations

import math
from typing import Any

from meetingroom.ui.qt import (
    QEvent,
    QFont,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from meetingroom.ui.session import LiveMeeting

#: Roles that may register (the server checks again).
SPEAKING_ROLES = frozenset({"chair", "delegate"})
OPEN_MEETING = frozenset({"published", "in_progress"})
TICK_MS = 250


def clock_text(seconds: float) -> str:
    """"04:05", or "-00:12" once the speaker runs over."""
    whole = math.ceil(seconds) if seconds >= 0 else -math.ceil(-seconds)
    sign = "-" if whole < 0 else ""
    whole = abs(whole)
    return f"{sign}{whole // 60:02d}:{whole % 60:02d}"


def user_role(session: LiveMeeting) -> str:
    state = session.state
    return str(state.meeting.get("role") or state.you.get("role") or "")


class _QueueBox(QGroupBox):
    """One queue: the user's place, register / withdraw, and the list itself."""

    def __init__(self, title: str, register_text: str, view_model: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.place_label = QLabel(self)
        self.place_label.setWordWrap(True)
        self.register_button = QPushButton(self)
        self.register_button.setMinimumHeight(40)
        self.withdraw_button = QPushButton(self)
        self.withdraw_button.setMinimumHeight(40)
        self.list_view = QListView(self)
        self.list_view.setModel(view_model)
        self.list_view.setMinimumHeight(70)
        self.retranslate(title, register_text)
        buttons = QHBoxLayout()
        buttons.addWidget(self.register_button, 2)
        buttons.addWidget(self.withdraw_button, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.place_label)
        layout.addLayout(buttons)
        layout.addWidget(self.list_view, 1)

    def retranslate(self, title: str, register_text: str) -> None:
        """The texts, in the language now installed (the panel words the first two)."""
        self.setTitle(title)
        self.register_button.setText(register_text)
        self.withdraw_button.setText(self.tr("Rút đăng ký"))
        self.withdraw_button.setToolTip(self.tr("Rút đăng ký của bạn khỏi danh sách này"))
        self.list_view.setAccessibleName(title)
        self.list_view.setToolTip(self.tr("Danh sách theo thứ tự chủ tọa sẽ mời"))


class SpeakingPanel(QWidget):
    def __init__(self, session: LiveMeeting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session

        floor = self.floor_box = QGroupBox(self)
        self.item_label = QLabel(self)
        self.item_label.setWordWrap(True)
        self.speaker_label = QLabel(self)
        self.speaker_label.setWordWrap(True)
        big = QFont(self.speaker_label.font())
        big.setPointSizeF(big.pointSizeF() * 1.25)
        big.setBold(True)
        self.speaker_label.setFont(big)
        self.countdown_label = QLabel(self)
        clock = QFont(self.countdown_label.font())
        clock.setPointSizeF(clock.pointSizeF() * 2.2)
        clock.setBold(True)
        self.countdown_label.setFont(clock)
        self.countdown_label.setAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
        speaker_row = QHBoxLayout()
        speaker_row.addWidget(self.speaker_label, 1)
        speaker_row.addWidget(self.countdown_label)
        floor_layout = QVBoxLayout(floor)
        floor_layout.addWidget(self.item_label)
        floor_layout.addLayout(speaker_row)

        self.invite_label = QLabel(self)
        self.invite_label.setWordWrap(True)
        self.invite_label.setStyleSheet(
            "background: #e8f5e9; color: #1b5e20; padding: 6px; font-weight: bold")
        self.invite_label.hide()

        self.topic_edit = QLineEdit(self)
        self.topic_edit.setMaxLength(500)

        self.speech_box = _QueueBox(self.tr("Phát biểu"), self.tr("Đăng ký phát biểu"),
                                    session.speech_queue, self)
        self.question_box = _QueueBox(self.tr("Chất vấn"), self.tr("Đăng ký chất vấn"),
                                      session.question_queue, self)
        self.register_speech_button = self.speech_box.register_button
        self.register_question_button = self.question_box.register_button
        self._word_static()

        layout = QVBoxLayout(self)
        layout.addWidget(floor)
        layout.addWidget(self.invite_label)
        layout.addWidget(self.topic_edit)
        layout.addWidget(self.speech_box, 1)
        layout.addWidget(self.question_box, 1)

        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._show_clock)
        self.register_speech_button.clicked.connect(lambda: self.register("speech"))
        self.register_question_button.clicked.connect(lambda: self.register("question"))
        self.speech_box.withdraw_button.clicked.connect(lambda: self.withdraw("speech"))
        self.question_box.withdraw_button.clicked.connect(lambda: self.withdraw("question"))
        session.changed.connect(self._on_changed)
        # A bound method: Qt drops it with this panel; the session outlives the window.
        session.pending_changed.connect(self._on_pending)
        self.refresh()

    def _on_pending(self, _pending: object) -> None:
        self.refresh()

    # --- actions ----------------------------------------------------------------------

    def register(self, queue: str) -> None:
        self.session.register(queue, self.topic_edit.text().strip())
        self.topic_edit.clear()
        self.refresh()

    def withdraw(self, queue: str) -> None:
        item = self.session.state.current_item_id
        mine = self.session.state.my_registration(item, queue) if item is not None else None
        if mine is not None:
            self.session.withdraw(int(mine[1]["id"]))
            self.refresh()

    # --- showing --------------------------------------------------------------------------

    def _on_changed(self, parts: set[str]) -> None:
        if parts & {"speeches", "agenda", "meeting", "attendance"}:
            self.refresh()

    def _pending(self, name: str, queue: str | None = None) -> bool:
        return any(p.name == name and (queue is None or p.args.get("queue", "speech") == queue)
                   for p in self.session.pending)

    def place_text(self, queue: str) -> str:
        state = self.session.state
        item = state.current_item_id
        words = {"speech": self.tr("danh sách phát biểu"),
                 "question": self.tr("danh sách chất vấn")}[queue]
        if item is None:
            return self.tr("Chưa có nội dung đang thảo luận.")
        if self._pending("speech.register", queue):
            return self.tr("Đang gửi đăng ký… (sẽ tự gửi khi có kết nối)")
        mine = state.my_registration(item, queue)
        if mine is None:
            return self.tr("Bạn chưa đăng ký trong {queue}.").format(queue=words)
        place, row = mine
        if row["status"] == "called":
            return self.tr("Chủ tọa đã mời bạn ({queue}).").format(queue=words)
        return self.tr("Bạn đang ở vị trí {place} trong {queue}").format(place=place,
                                                                        queue=words)

    def _word_static(self) -> None:
        self.floor_box.setTitle(self.tr("Đang phát biểu"))
        self.countdown_label.setToolTip(self.tr("Thời gian phát biểu còn lại"))
        self.topic_edit.setPlaceholderText(self.tr("Nội dung muốn phát biểu (không bắt buộc)"))
        self.topic_edit.setToolTip(self.tr(
            "Ghi ngắn vấn đề bạn muốn nêu; chủ tọa sẽ thấy khi mời phát biểu"))
        self.speech_box.retranslate(self.tr("Phát biểu"), self.tr("Đăng ký phát biểu"))
        self.question_box.retranslate(self.tr("Chất vấn"), self.tr("Đăng ký chất vấn"))
        self.register_speech_button.setToolTip(self.tr(
            "Đăng ký phát biểu về nội dung đang thảo luận (Ctrl+P)"))
        self.register_question_button.setToolTip(self.tr(
            "Đăng ký chất vấn về nội dung đang thảo luận"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._word_static()
            self.refresh()
        super().changeEvent(event)

    def refresh(self) -> None:
        state = self.session.state
        item = state.current_item_id
        title = state.agenda.get(item or 0, {}).get("title", "")
        self.item_label.setText(self.tr("Nội dung đang thảo luận: {title}").format(title=title)
                                if title else self.tr("Chưa có nội dung đang thảo luận"))
        may_speak = (user_role(self.session) in SPEAKING_ROLES
                     and state.meeting.get("status") in OPEN_MEETING and item is not None)
        for queue, box in (("speech", self.speech_box), ("question", self.question_box)):
            mine = state.my_registration(item, queue) if item is not None else None
            waiting = self._pending("speech.register", queue)
            withdrawing = self._pending("speech.withdraw")
            box.place_label.setText(self.place_text(queue))
            box.register_button.setEnabled(may_speak and mine is None and not waiting)
            box.withdraw_button.setEnabled(mine is not None and not withdrawing)
        if user_role(self.session) not in SPEAKING_ROLES and state.meeting:
            self.register_speech_button.setToolTip(self.tr(
                "Chỉ đại biểu được đăng ký phát biểu"))
        called = [s for s in state.speeches.values()
                  if s["user_id"] == state.my_id and s["status"] == "called"]
        self.invite_label.setVisible(bool(called))
        self.invite_label.setText(self.tr("Chủ tọa đã mời bạn phát biểu. Mời bạn chuẩn bị."))
        self._show_clock()

    def _show_clock(self) -> None:
        state = self.session.state
        speech = state.on_the_floor()
        if speech is None:
            self._timer.stop()
            self.speaker_label.setText(self.tr("Chưa có ai phát biểu"))
            self.countdown_label.setText("")
            return
        queue = self.tr("chất vấn") if speech["queue"] == "question" else ""
        name = str(speech.get("full_name") or state.name_of(speech["user_id"]))
        paused = self.tr(" (tạm dừng)") if speech["status"] == "paused" else ""
        self.speaker_label.setText(f"{name}{paused}" + (f" — {queue}" if queue else ""))
        if speech.get("topic"):
            self.speaker_label.setToolTip(str(speech["topic"]))
        remaining = state.remaining_s(speech)
        self.countdown_label.setText(clock_text(remaining))
        self.countdown_label.setStyleSheet("color: #b00020" if remaining < 0 else
                                           "color: #8a6d00" if remaining < 60 else "")
        if speech.get("running"):
            if not self._timer.isActive():
                self._timer.start()
        else:
            self._timer.stop()

    def countdown(self) -> str:
        return self.countdown_label.text()
