"""Written opinions (lấy ý kiến bằng văn bản): ask on a document by a deadline, follow who
has answered, remind those who have not, see the totals, close."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from meetingroom.core.timezones import meeting_zone, now_in_zone
from meetingroom.laptop.meeting_store import Part
from meetingroom.ui.names import name_key
from meetingroom.ui.qt import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from meetingroom.ui.secretary.requests import Requests
from meetingroom.ui.secretary.section import Section
from meetingroom.ui.secretary.texts import (
    answer_name,
    form_row,
    local_text,
    set_label,
    set_wall_time,
    tr,
    wall_time,
    wall_time_edit,
    zone_hint,
)


def _button(name: str, parent: QWidget) -> QPushButton:
    button = QPushButton(parent)
    button.setObjectName(name)
    return button


class OpinionsSection(Section):
    def __init__(self, requests: Requests, parent: QWidget | None = None) -> None:
        super().__init__(requests, parent)
        self.title = QLineEdit(self)
        self.title.setObjectName("opinion_title")
        self.title.setMaxLength(500)
        self.question = QPlainTextEdit(self)
        self.question.setObjectName("opinion_question")
        self.question.setMaximumHeight(70)
        self.document = QComboBox(self)
        self.document.setObjectName("opinion_document")
        self.deadline = wall_time_edit(self)
        self.deadline.setObjectName("opinion_deadline")
        set_wall_time(self.deadline, (now_in_zone(None) + timedelta(days=3)).replace(
            hour=17, minute=0), None)
        self.create_button = _button("opinion_create", self)
        self.create_button.clicked.connect(lambda: self.create_opinion())
        self.form = form = QFormLayout()
        for field in (self.title, self.question, self.document, self.deadline):
            form_row(form, field)
        self.create_box = create_box = QGroupBox(self)
        create_layout = QVBoxLayout(create_box)
        create_layout.addLayout(form)
        create_layout.addWidget(self.create_button)

        self.choice = QComboBox(self)
        self.choice.setObjectName("opinion_choice")
        self.choice.currentIndexChanged.connect(lambda _i: self._show())
        self.totals_label = QLabel(self)
        self.totals_label.setObjectName("opinion_totals")
        self.totals_label.setWordWrap(True)
        self.answered = QListWidget(self)
        self.answered.setObjectName("opinion_answered")
        self.not_answered = QListWidget(self)
        self.not_answered.setObjectName("opinion_not_answered")
        self.remind_button = _button("opinion_remind", self)
        self.close_button = _button("opinion_close", self)
        self.remind_button.clicked.connect(lambda: self._command("opinion.remind"))
        self.close_button.clicked.connect(lambda: self._command("opinion.close"))
        self.follow_box = follow_box = QGroupBox(self)
        follow_layout = QVBoxLayout(follow_box)
        follow_layout.addWidget(self.choice)
        follow_layout.addWidget(self.totals_label)
        lists = QHBoxLayout()
        self.answered_label = QLabel(self)
        self.not_answered_label = QLabel(self)
        for caption, view in ((self.answered_label, self.answered),
                              (self.not_answered_label, self.not_answered)):
            column = QVBoxLayout()
            column.addWidget(caption)
            column.addWidget(view, 1)
            lists.addLayout(column)
        follow_layout.addLayout(lists, 1)
        row = QHBoxLayout()
        row.addWidget(self.remind_button)
        row.addWidget(self.close_button)
        row.addStretch(1)
        follow_layout.addLayout(row)

        layout = QHBoxLayout(self)
        layout.addWidget(create_box, 2)
        layout.addWidget(follow_box, 3)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.create_button.setText(tr("Gửi lấy ý kiến"))
        set_label(self.form, self.title, tr("Nội dung xin ý kiến"))
        set_label(self.form, self.question, tr("Câu hỏi"))
        set_label(self.form, self.document, tr("Tài liệu"))
        set_label(self.form, self.deadline, tr("Hạn trả lời (giờ của cơ quan)"))
        self.create_box.setTitle(tr("Lấy ý kiến mới"))
        self.remind_button.setText(tr("Nhắc người chưa trả lời"))
        self.close_button.setText(tr("Kết thúc lấy ý kiến"))
        self.follow_box.setTitle(tr("Theo dõi"))
        self.answered_label.setText(tr("Đã trả lời"))
        self.not_answered_label.setText(tr("Chưa trả lời"))
        # Worded from the state: the deadline's zone, the opinion followed, the tool tip.
        self._word_deadline()
        if self.document.count() and self.document.itemData(0) is None:
            self.document.setItemText(0, tr("(không gắn tài liệu)"))
        self._show()
        self._word_create()

    def _word_deadline(self) -> None:
        wall = self.deadline.dateTime().toPython()
        self.deadline.setToolTip(zone_hint(meeting_zone(self.state.meeting),
                                           wall if isinstance(wall, datetime) else None))

    def _word_create(self) -> None:
        status = self.state.meeting.get("status")
        self.create_button.setToolTip("" if status in ("published", "in_progress") else
                                      tr("Chỉ lấy ý kiến khi cuộc họp đã phát hành"))

    @property
    def selected_id(self) -> int | None:
        value = self.choice.currentData()
        return int(value) if value is not None else None

    def create_opinion(self) -> None:
        title = self.title.text().strip()
        if not title:
            self.say(tr("Nhập nội dung xin ý kiến"))
            return
        deadline = wall_time(self.deadline, meeting_zone(self.state.meeting))
        if deadline <= datetime.now(UTC):
            self.say(tr("Hạn trả lời phải ở tương lai"))
            return
        args: dict[str, Any] = {"title": title, "question": self.question.toPlainText().strip(),
                                "deadline": deadline.isoformat()}
        if self.document.currentData() is not None:
            args["document_id"] = int(self.document.currentData())
        if self.submit("opinion.create", args):
            self.title.clear()
            self.question.clear()

    def _command(self, name: str) -> None:
        if self.selected_id is not None:
            self.submit(name, {"opinion_id": self.selected_id})
            if name == "opinion.remind":
                self.say(tr("Đã gửi lời nhắc"))

    def _show(self) -> None:
        opinion = self.state.opinions.get(self.selected_id or 0)
        self.answered.clear()
        self.not_answered.clear()
        if opinion is None:
            self.totals_label.setText("")
            self.remind_button.setEnabled(False)
            self.close_button.setEnabled(False)
            return
        totals = opinion.get("totals", {})
        status = tr("đang mở") if opinion["status"] == "open" else tr("đã kết thúc")
        self.totals_label.setText(tr(
            "Hạn {deadline} ({status}). Đã trả lời {done}/{asked}: đồng ý {agree}, "
            "không đồng ý {disagree}, ý kiến khác {other}").format(
            deadline=local_text(opinion.get("deadline"), meeting_zone(self.state.meeting)),
            status=status,
            done=len(opinion.get("answered", [])), asked=len(opinion.get("asked", [])),
            agree=totals.get("agree", 0), disagree=totals.get("disagree", 0),
            other=totals.get("other", 0)))
        for reply in opinion.get("replies", []):
            comment = f": {reply['comment']}" if reply.get("comment") else ""
            self.answered.addItem(f"{self.state.name_of(reply['user_id'])} — "
                                  f"{answer_name(str(reply['answer']))}{comment}")
        for user_id in sorted(opinion.get("not_answered", []),
                              key=lambda u: name_key(self.state.name_of(u))):
            self.not_answered.addItem(self.state.name_of(user_id) or str(user_id))
        is_open = opinion["status"] == "open"
        self.remind_button.setEnabled(is_open)
        self.close_button.setEnabled(is_open)

    def answered_names(self) -> list[str]:
        return [self.answered.item(r).text() for r in range(self.answered.count())]

    def refresh(self, parts: set[Part]) -> None:
        if "meeting" in parts:
            self.deadline.setToolTip(zone_hint(meeting_zone(self.state.meeting)))
        if "documents" in parts:
            chosen = self.document.currentData()
            self.document.clear()
            self.document.addItem(tr("(không gắn tài liệu)"), None)
            for doc in sorted(self.state.documents.values(), key=lambda d: d["id"]):
                if doc.get("approval", "approved") == "approved":
                    self.document.addItem(str(doc["title"]), int(doc["id"]))
            if chosen is not None:
                self.document.setCurrentIndex(max(self.document.findData(chosen), 0))
        if parts & {"opinions", "attendance", "meeting"}:
            chosen = self.selected_id
            self.choice.blockSignals(True)
            self.choice.clear()
            for opinion in sorted(self.state.opinions.values(), key=lambda o: -o["id"]):
                self.choice.addItem(str(opinion["title"]), int(opinion["id"]))
            if chosen is not None and self.choice.findData(chosen) >= 0:
                self.choice.setCurrentIndex(self.choice.findData(chosen))
            self.choice.blockSignals(False)
            self._show()
        status = self.state.meeting.get("status")
        self.create_button.setEnabled(status in ("published", "in_progress"))
        self._word_create()
