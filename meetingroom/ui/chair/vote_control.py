"""Votes: create from the body's rules, open, watch who has voted, stop, close, annul, repeat.

Only the chair sends vote commands (protocol §6); a secretary sees the board
and the results with the controls disabled. The readiness board shows names
and "has voted", never a choice: the vote's ``voted``/``eligible`` is all it reads.

Closing (announcing) and annulling cannot be undone, so both ask first with the
numbers ("Mới 1/36 đại biểu có mặt đã biểu quyết. Kết thúc và công bố kết quả?"),
whether from the button or from Ctrl+Return; a second vote with the same title on
the same item is created only after a warning.
"""

from __future__ import annotations

from typing import Any

from meetingroom.laptop.meeting_store import Part, seat_count, voted_count
from meetingroom.sync.client.local_store import PendingCommand
from meetingroom.ui.chair.models import VOTED_ROLE, ReadinessModel, VoteListModel
from meetingroom.ui.chair.panel import Panel, big_label
from meetingroom.ui.chair.result_panel import ResultPanel
from meetingroom.ui.chair.shortcuts import ActionButton, label_action, make_action, plain_button
from meetingroom.ui.chair.texts import (
    BALLOT_NAMES,
    annul_question,
    close_vote_question,
    duplicate_vote_question,
    focus_vote,
    rule_line,
    same_vote,
    tally_rows,
    tr,
    vote_status,
)
from meetingroom.ui.models.list_models import ROW_ROLE
from meetingroom.ui.qt import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QProgressBar,
    QSortFilterProxyModel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from meetingroom.ui.results import rule_words
from meetingroom.ui.session import LiveMeeting

NEEDS_NAMES = ("election", "confidence")


class VoteControl(Panel):
    def __init__(self, session: LiveMeeting, parent: QWidget | None = None) -> None:
        super().__init__("", session, parent)
        self.votes = VoteListModel(session.state, self)
        self.readiness = ReadinessModel(session.state, self)
        self.selected_id: int | None = None
        self._rules: list[dict[str, Any]] = []

        # --- create from a template -------------------------------------------------
        self.template = QComboBox(self)
        self.template.setObjectName("vote_template")
        self.template.currentIndexChanged.connect(self._template_changed)
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("vote_title")
        self.ballot = QComboBox(self)
        self.ballot.setObjectName("vote_ballot")
        for ballot in BALLOT_NAMES:
            self.ballot.addItem("", ballot)
        self.candidates = QPlainTextEdit(self)
        self.candidates.setObjectName("vote_candidates")
        self.candidates.setMaximumHeight(70)
        self.candidates_label = QLabel(self)
        self.seats = QSpinBox(self)
        self.seats.setRange(1, 200)
        self.seats_label = QLabel(self)
        self.create_button = plain_button("", "", self.create_vote, self)
        self.create_button.setObjectName("vote_create")
        self.template_label = QLabel(self)
        self.template_label.setBuddy(self.template)
        self.content_label = QLabel(self)
        self.content_label.setBuddy(self.title_edit)
        self.ballot_label = QLabel(self)
        self.ballot_label.setBuddy(self.ballot)
        form = QFormLayout()
        form.addRow(self.template_label, self.template)
        form.addRow(self.content_label, self.title_edit)
        form.addRow(self.ballot_label, self.ballot)
        form.addRow(self.candidates_label, self.candidates)
        form.addRow(self.seats_label, self.seats)
        form.addRow("", self.create_button)
        self.create_box = QWidget(self)
        self.create_box.setLayout(form)

        # --- the votes and their controls -------------------------------------------
        self.list = QListView(self)
        self.list.setObjectName("vote_list")
        self.list.setModel(self.votes)
        self.list.setMaximumHeight(90)
        self.list.clicked.connect(lambda index: self.select_vote(index.data(ROW_ROLE)["id"]))
        self.open_action = make_action(self, "open_vote", self.open_vote)
        self.stop_action = make_action(self, "stop_vote", self.stop_vote)
        self.close_action = make_action(self, "close_vote", self.close_vote)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("annul_reason")
        self.reason_edit.textChanged.connect(lambda _text: self._update_buttons())
        self.annul_button = plain_button("", "", self.annul_vote, self)
        self.annul_button.setObjectName("vote_annul")
        self.repeat_button = plain_button("", "", self.repeat_vote, self)
        self.repeat_button.setObjectName("vote_repeat")
        self.open_button = ActionButton(self.open_action, self, "")
        self.stop_button = ActionButton(self.stop_action, self, "")
        self.close_button = ActionButton(self.close_action, self, "")
        controls = QGridLayout()
        controls.addWidget(self.open_button, 0, 0)
        controls.addWidget(self.stop_button, 0, 1)
        controls.addWidget(self.close_button, 0, 2)
        controls.addWidget(self.reason_edit, 1, 0, 1, 2)
        controls.addWidget(self.annul_button, 1, 2)
        controls.addWidget(self.repeat_button, 2, 2)
        self.controls_box = QWidget(self)
        self.controls_box.setLayout(controls)

        # --- readiness board --------------------------------------------------------
        self.vote_title = big_label(bold=True, parent=self)
        self.vote_title.setObjectName("vote_heading")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("vote_progress")
        self.tally_label = big_label(parent=self)
        self.tally_label.setObjectName("vote_tally")
        self.voted_view = self._board_list(True)
        self.waiting_view = self._board_list(False)
        self.voted_label = QLabel(self)
        self.waiting_label = QLabel(self)
        self.board_box = QWidget(self)
        board = QGridLayout(self.board_box)
        board.setContentsMargins(0, 0, 0, 0)
        board.addWidget(self.progress, 0, 0, 1, 2)
        board.addWidget(self.tally_label, 1, 0, 1, 2)
        board.addWidget(self.voted_label, 2, 0)
        board.addWidget(self.waiting_label, 2, 1)
        board.addWidget(self.voted_view, 3, 0)
        board.addWidget(self.waiting_view, 3, 1)
        board.setRowStretch(3, 1)

        self.result = ResultPanel(self)

        layout = QVBoxLayout(self)
        layout.addWidget(self.create_box)
        layout.addWidget(self.list)
        layout.addWidget(self.controls_box)
        layout.addWidget(self.vote_title)
        layout.addWidget(self.board_box, 1)
        layout.addWidget(self.result, 1)
        session.done.connect(self._done)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(tr("Biểu quyết"))
        self.title_edit.setPlaceholderText(tr("Nội dung biểu quyết"))
        for n, label in enumerate(BALLOT_NAMES.values()):
            self.ballot.setItemText(n, tr(label))
        for n, rule in enumerate(self._rules):  # the templates' names
            self.template.setItemText(n, rule_line(rule))
        self.candidates.setPlaceholderText(tr("Mỗi dòng một người"))
        self._word_candidates()
        self.seats.setAccessibleName(tr("Số người được bầu"))
        self.seats_label.setText(tr("Số người được bầu:"))
        self.create_button.setText(tr("Tạo biểu quyết"))
        self.create_button.setToolTip(tr("Tạo biểu quyết (chưa mở) cho mục đang thảo luận"))
        self.template_label.setText(tr("Mẫu:"))
        self.content_label.setText(tr("Nội dung:"))
        self.ballot_label.setText(tr("Hình thức:"))
        self.list.setAccessibleName(tr("Các biểu quyết của cuộc họp"))
        self.reason_edit.setPlaceholderText(tr("Lý do hủy (bắt buộc)"))
        self.annul_button.setText(tr("Hủy kết quả"))
        self.annul_button.setToolTip(tr("Hủy biểu quyết, ghi rõ lý do"))
        self.repeat_button.setText(tr("Biểu quyết lại"))
        self.repeat_button.setToolTip(tr("Tổ chức lại biểu quyết đã hủy"))
        for action in (self.open_action, self.stop_action, self.close_action):
            label_action(action)
        self.open_button.set_fixed_text(tr("Mở"))
        self.stop_button.set_fixed_text(tr("Dừng"))
        self.close_button.set_fixed_text(tr("Kết thúc, công bố"))
        self.progress.setFormat(tr("Đã biểu quyết %v/%m"))
        self.voted_view.setAccessibleName(tr("Đã bỏ phiếu"))
        self.waiting_view.setAccessibleName(tr("Chưa bỏ phiếu"))
        self.votes.retranslate()
        if self.state.meeting:
            self._show_selected()  # the board and the vote's result

    def _board_list(self, voted: bool) -> QListView:
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.readiness)
        proxy.setFilterRole(VOTED_ROLE)
        proxy.setFilterFixedString("true" if voted else "false")
        view = QListView(self)
        view.setObjectName("voted_list" if voted else "not_voted_list")
        view.setModel(proxy)
        return view

    # --- templates -------------------------------------------------------------------

    def _fill_templates(self) -> None:
        rules = list(self.state.body.get("vote_rules", []))
        if rules == self._rules:
            return
        self._rules = rules
        self.template.blockSignals(True)
        self.template.clear()
        for rule in rules:
            self.template.addItem(rule_line(rule), rule["matter"])
        self.template.blockSignals(False)
        self._template_changed()

    def rule(self) -> dict[str, Any] | None:
        index = self.template.currentIndex()
        return self._rules[index] if 0 <= index < len(self._rules) else None

    def choose_template(self, matter: str) -> None:
        index = self.template.findData(matter)
        if index >= 0:
            self.template.setCurrentIndex(index)

    def _template_changed(self) -> None:
        rule = self.rule()
        if rule is None:
            return
        self.ballot.setCurrentIndex(max(self.ballot.findData(rule["ballot"]), 0))
        self.ballot.setEnabled(bool(rule.get("ballot_choosable")))
        names = rule["matter"] in NEEDS_NAMES
        self._word_candidates()
        self.candidates.setVisible(names)
        self.candidates_label.setVisible(names)
        self.seats.setVisible(rule["matter"] == "election")
        self.seats_label.setVisible(rule["matter"] == "election")
        if not self.title_edit.isModified():  # the chair's own words are kept
            item = self.state.agenda.get(self.state.current_item_id or 0)
            subject = str(item["title"]) if item else ""
            self.title_edit.setText(f"{rule['label']}: {subject}" if subject else rule["label"])

    def _word_candidates(self) -> None:
        """What the list of names is: candidates in an election, officials in a rating."""
        rule = self.rule()
        if rule is None:
            self.candidates_label.setText(tr("Danh sách:"))
        else:
            self.candidates_label.setText(tr("Ứng cử viên:") if rule["matter"] == "election"
                                          else tr("Người được lấy phiếu:"))

    # --- commands --------------------------------------------------------------------

    def create_vote(self) -> None:
        rule = self.rule()
        title = self.title_edit.text().strip()
        if rule is None or not title:
            return
        args: dict[str, Any] = {"matter": rule["matter"], "title": title}
        if self.state.current_item_id is not None:
            args["item_id"] = self.state.current_item_id
        if rule.get("ballot_choosable"):
            args["ballot"] = self.ballot.currentData()
        if rule["matter"] in NEEDS_NAMES:
            names = [n.strip() for n in self.candidates.toPlainText().splitlines() if n.strip()]
            args["candidates"] = list(dict.fromkeys(names))
            if rule["matter"] == "election":
                args["seats"] = self.seats.value()
        earlier = same_vote(self.state, title, self.state.current_item_id)
        if earlier is not None and not self.confirm(
                tr("Biểu quyết trùng nội dung"), duplicate_vote_question(earlier),
                tr("Vẫn tạo"), warning=True):
            return
        self.submit("vote.create", args)

    def _done(self, command: PendingCommand, result: Any) -> None:
        if command.name == "vote.create" and isinstance(result, dict) and "vote" in result:
            self.select_vote(int(result["vote"]["id"]))

    def selected(self) -> dict[str, Any] | None:
        return self.state.votes.get(self.selected_id or 0)

    def select_vote(self, vote_id: int | None) -> None:
        self.selected_id = vote_id
        row = self.votes.row_of(vote_id)
        if row >= 0:
            self.list.setCurrentIndex(self.votes.index(row, 0))
        self.readiness.show_vote(vote_id)
        self._show_selected()

    def _send(self, command: str, **extra: Any) -> None:
        vote = self.selected()
        if vote is not None:
            self.submit(command, {"vote_id": vote["id"], **extra})

    def open_vote(self) -> None:
        self._send("vote.open")

    def stop_vote(self) -> None:
        self._send("vote.stop")

    def close_vote(self) -> None:
        vote = self.selected()
        if vote is None or vote["status"] not in ("open", "stopped"):
            return
        if self.confirm(tr("Kết thúc biểu quyết"), close_vote_question(self.state, vote),
                        tr("Kết thúc, công bố")):
            self._send("vote.close")

    def annul_vote(self) -> None:
        reason = self.reason_edit.text().strip()
        vote = self.selected()
        if len(reason) < 3 or vote is None or vote["status"] == "annulled":
            return
        if self.confirm(tr("Hủy biểu quyết"), annul_question(vote, reason),
                        tr("Hủy biểu quyết"), warning=True):
            self._send("vote.annul", reason=reason)
            self.reason_edit.clear()

    def repeat_vote(self) -> None:
        vote = self.selected()
        if vote is not None and vote["status"] == "annulled":
            self.submit("vote.create", {"repeat_of": vote["id"]})

    # --- view ------------------------------------------------------------------------

    def _show_selected(self) -> None:
        vote = self.selected()
        if vote is None:
            self.vote_title.setText(tr("Chưa chọn biểu quyết"))
            self.board_box.hide()
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            self.tally_label.clear()
            self.voted_label.setText(tr("Đã biểu quyết"))
            self.waiting_label.setText(tr("Chưa biểu quyết"))
            self.result.show_vote(None)
            self._update_buttons()
            return
        self.board_box.show()
        secret = tr("bỏ phiếu kín") if vote.get("secret") else tr("công khai")
        rule = vote.get("rule", {})
        self.vote_title.setText(f"{vote['title']} — {vote_status(vote)} ({secret}; "
                                f"{rule.get('label', '')}: {rule_words(rule)})")
        # Counted as the big screen counts them (``seat_count``): with nobody present the
        # bar said 0/1 here and the hall's screen 0/0 (found walking the app).
        voted, seats = voted_count(vote), seat_count(vote)
        self.progress.setRange(0, max(seats, 1))
        self.progress.setValue(voted)
        self.progress.setFormat(tr("Đã biểu quyết %v/%m").replace("%m", str(seats)))
        self.voted_label.setText(tr("Đã biểu quyết ({n})").format(n=voted))
        self.waiting_label.setText(tr("Chưa biểu quyết ({n})").format(n=seats - voted))
        tallies = tally_rows(vote, self.state.body)
        # Running counts: the chair's console only (the hall screen never shows them).
        self.tally_label.setText(tr("Tạm tính: ") + " · ".join(
            f"{label}: {count}" for label, count in tallies))
        self.tally_label.setVisible(bool(tallies))
        self.result.show_vote(vote if vote.get("result") else None, self.state.body)
        self._update_buttons()

    def connection_changed(self) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        vote = self.selected()
        status = vote["status"] if vote else ""
        chair = self.is_chair
        running = self.in_progress
        any_open = self.state.open_vote() is not None
        self.create_button.setEnabled(chair and self.state.meeting.get("status") in (
            "published", "in_progress") and self.rule() is not None)
        self.open_action.setEnabled(chair and running and status in ("draft", "stopped")
                                    and not any_open)
        self.stop_action.setEnabled(chair and status == "open")
        online = self.online
        self.close_action.setEnabled(chair and online and status in ("open", "stopped"))
        self.annul_button.setEnabled(chair and online and vote is not None
                                     and status != "annulled"
                                     and len(self.reason_edit.text().strip()) >= 3)
        self.reason_edit.setEnabled(chair and vote is not None and status != "annulled")
        self.repeat_button.setEnabled(chair and status == "annulled")

    def refresh(self, parts: set[Part]) -> None:
        if "meeting" in parts or not self._rules:
            self._fill_templates()
        chair = self.is_chair
        self.create_box.setVisible(chair)
        self.controls_box.setEnabled(chair)
        if "agenda" in parts and not self.title_edit.isModified():
            self._template_changed()
        if "votes" in parts or "meeting" in parts:
            self.votes.refresh()
            live = focus_vote(self.state)
            current = self.selected()
            if current is None or (live is not None and live["id"] != self.selected_id
                                   and current["status"] in ("closed", "annulled")):
                newest = self.votes.rows()[0]["id"] if self.votes.rowCount() else None
                self.select_vote(live["id"] if live else newest)
                return
            row = self.votes.row_of(self.selected_id)
            if row >= 0:
                self.list.setCurrentIndex(self.votes.index(row, 0))
            self.readiness.refresh()
        self._show_selected()
