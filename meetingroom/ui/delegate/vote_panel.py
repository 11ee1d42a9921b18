"""The ballot: choose, confirm, see it counted (or plainly refused), then the result.

The panel shows the open vote, or else the last vote that was opened, so the
announced result stays on screen after the chair closes it. "Đã biểu quyết"
comes from the server's ``voted`` list, so it survives a restart; a ballot
still queued on this laptop shows as pending.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import partial
from typing import Any

from meetingroom.sync.client.connection import ConnectionState, Refusal, RefusalKind
from meetingroom.ui import results
from meetingroom.ui.delegate.fonts import relative_font
from meetingroom.ui.qt import (
    QButtonGroup,
    QCheckBox,
    QEvent,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from meetingroom.ui.refusals import command_refusal_text
from meetingroom.ui.session import LiveMeeting

VOTING_ROLES = frozenset({"chair", "delegate"})
SHOWN = ("open", "stopped", "closed", "annulled")
LEVELS_DEFAULT = ("Tín nhiệm cao", "Tín nhiệm", "Tín nhiệm thấp")
BIG_BUTTON = 72
CHOSEN_STYLE = ("QPushButton, QPushButton:disabled { background: #fff3c4; color: #000; "
                "border: 3px solid #1565c0; }")
#: For, against, abstain: green, red, grey, always with the option's words and its key
#: on the button (never the colour alone).
OPTION_COLOURS = ("#2e7d32", "#c62828", "#616161")
OPTION_STYLE = ("QPushButton {{ background: {colour}; color: white; border-radius: 6px; "
                "padding: 6px 12px; }} QPushButton:disabled {{ background: #cfd8dc; "
                "color: #37474f; }}")


def option_style(index: int) -> str:
    return OPTION_STYLE.format(colour=OPTION_COLOURS[index % len(OPTION_COLOURS)])


def _clear(layout: Any) -> None:
    while layout.count():
        child = layout.takeAt(0)
        widget = child.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        elif child.layout() is not None:
            _clear(child.layout())


class VotePanel(QWidget):
    #: A vote has just opened (id): the window brings this panel forward.
    vote_opened = Signal(int)

    def __init__(self, session: LiveMeeting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._vote_id: int | None = None
        self._built: tuple[int, str] | None = None
        self._announced: set[int] = set()
        self._choice: dict[str, Any] | None = None
        self._refusals: dict[int, str] = {}
        #: What this delegate chose, by vote id: this laptop's own record, never the
        #: server's (a secret ballot's choice is nowhere else), kept in memory only.
        self._my_choices: dict[int, str] = {}
        self.option_buttons: list[QPushButton] = []
        self.candidate_boxes: list[QCheckBox] = []
        self.rating_groups: list[QButtonGroup] = []
        self._seats_hint: QLabel | None = None
        #: Words the confirmation asked now (``_ask``), in the language installed.
        self._question: Callable[[], str] | None = None

        self.title_label = QLabel(self)
        self.title_label.setWordWrap(True)
        relative_font(self.title_label, 1.3, bold=True)
        self.info_label = QLabel(self)
        self.info_label.setWordWrap(True)
        self.secret_label = QLabel(self)
        self.secret_label.setWordWrap(True)
        self.secret_label.setStyleSheet(
            "background: #ede7f6; color: #4527a0; padding: 6px; font-weight: bold")
        #: A secret ballot waiting to be sent with no keyring to seal it is in memory only.
        self.volatile_label = QLabel(self)
        self.volatile_label.setWordWrap(True)
        self.volatile_label.setStyleSheet(
            "background: #fff3e0; color: #8a4b00; padding: 8px; font-weight: bold")
        self.volatile_label.hide()
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        relative_font(self.status_label, 1.2, bold=True)
        self.refusal_label = QLabel(self)
        self.refusal_label.setWordWrap(True)
        self.refusal_label.setStyleSheet(
            "background: #fdecea; color: #b00020; padding: 8px; font-weight: bold")
        self.refusal_label.hide()
        self.my_choice_label = QLabel(self)
        self.my_choice_label.setObjectName("my_choice")
        self.my_choice_label.setWordWrap(True)
        self.my_choice_label.setStyleSheet(
            "#my_choice { background: #e8f5e9; color: #1b5e20; padding: 8px; "
            "border: 2px solid #1b5e20; }")
        relative_font(self.my_choice_label, 1.2, bold=True)
        self.my_choice_label.hide()

        self.ballot = QWidget(self)
        self.ballot_layout = QVBoxLayout(self.ballot)
        self.ballot_layout.setContentsMargins(0, 0, 0, 0)
        self.submit_button = QPushButton(self)
        self.submit_button.setMinimumHeight(BIG_BUTTON)
        self.submit_button.clicked.connect(self._ask_confirmation_for_form)

        self.confirm_box = QFrame(self)
        self.confirm_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.confirm_box.setStyleSheet("QFrame { background: #fff8e1; }")
        self.confirm_label = QLabel(self.confirm_box)
        self.confirm_label.setWordWrap(True)
        relative_font(self.confirm_label, 1.2, bold=True)
        self.confirm_button = QPushButton(self.confirm_box)
        self.confirm_button.setMinimumHeight(BIG_BUTTON)
        self.confirm_button.setStyleSheet(
            "QPushButton { background: #1565c0; color: white; font-weight: bold; }")
        self.back_button = QPushButton(self.confirm_box)
        self.back_button.setMinimumHeight(BIG_BUTTON)
        confirm_buttons = QHBoxLayout()
        confirm_buttons.addWidget(self.confirm_button, 2)
        confirm_buttons.addWidget(self.back_button, 1)
        confirm_layout = QVBoxLayout(self.confirm_box)
        confirm_layout.addWidget(self.confirm_label)
        confirm_layout.addLayout(confirm_buttons)
        self.confirm_box.hide()
        self.confirm_button.clicked.connect(self.confirm)
        self.back_button.clicked.connect(self.cancel_confirmation)

        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.RichText)
        self.result_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty_label = QLabel(self)
        self._word_static()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        content = QWidget(self)
        layout = QVBoxLayout(content)
        for widget in (self.empty_label, self.title_label, self.info_label, self.secret_label,
                       self.status_label, self.my_choice_label, self.volatile_label,
                       self.refusal_label, self.ballot,
                       self.submit_button, self.confirm_box, self.result_label):
            layout.addWidget(widget)
        layout.addStretch(1)
        scroll = self.ballot_scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        session.changed.connect(self._on_changed)
        # Bound methods, not lambdas: Qt drops a connection whose receiver is gone, and
        # the session outlives the window (a lambda then reached a deleted label).
        session.pending_changed.connect(self._on_session_news)
        session.status_changed.connect(self._on_session_news)
        session.refused.connect(self._on_refused)
        self.refresh()

    def _on_session_news(self, _news: object) -> None:
        self.refresh()

    # --- which vote -------------------------------------------------------------------

    def vote(self) -> dict[str, Any] | None:
        return self.session.state.votes.get(self._vote_id or 0)

    def _pick(self) -> dict[str, Any] | None:
        state = self.session.state
        open_vote = state.open_vote()
        if open_vote is not None:
            return open_vote
        shown = [v for v in state.votes.values() if v["status"] in SHOWN]
        return max(shown, key=lambda v: int(v["id"])) if shown else None

    def _on_changed(self, parts: set[str]) -> None:
        if parts & {"votes", "attendance", "meeting"}:
            self.refresh()

    def _on_refused(self, refusal: Refusal) -> None:
        if refusal.kind is not RefusalKind.BALLOT_NOT_COUNTED:
            return
        vote_id = int(refusal.command.args.get("vote_id", 0))
        self._refusals[vote_id] = command_refusal_text(refusal)
        self.refresh()

    # --- state of the user's ballot ---------------------------------------------------------

    def has_voted(self) -> bool:
        return self._vote_id is not None and self.session.state.have_voted(self._vote_id)

    def ballot_pending(self) -> bool:
        return any(p.name == "vote.cast" and p.args.get("vote_id") == self._vote_id
                   for p in self.session.pending)

    def ballot_only_in_memory(self) -> bool:
        """A ballot of this vote waits to be sent and would be lost if the program ended."""
        return any(p.volatile and p.name == "vote.cast" and p.args.get("vote_id") == self._vote_id
                   for p in self.session.pending)

    def _may_vote(self) -> str:
        """Why this user cannot vote now, or "" when they can."""
        state = self.session.state
        role = str(state.meeting.get("role") or state.you.get("role") or "")
        if role not in VOTING_ROLES:
            return self.tr("Bạn theo dõi biểu quyết; chỉ đại biểu được biểu quyết.")
        me = state.attendance.get(state.my_id or 0, {})
        if me.get("attendance") != "present":
            return self.tr("Bạn cần điểm danh trước khi biểu quyết.")
        return ""

    # --- language ------------------------------------------------------------------------

    def _word_static(self) -> None:
        self.secret_label.setText(self.tr(
            "Bỏ phiếu kín: không ai, kể cả chủ tọa, biết bạn đã chọn gì"))
        self.volatile_label.setText(self.tr(
            "Máy này không có kho khóa bảo mật, nên phiếu kín chưa gửi chỉ được giữ trong "
            "bộ nhớ. Đừng tắt máy hay đóng chương trình cho tới khi phiếu được gửi xong."))
        self.submit_button.setText(self.tr("Gửi phiếu"))
        self.submit_button.setToolTip(self.tr("Xem lại lựa chọn rồi xác nhận"))
        self.confirm_button.setText(self.tr("Xác nhận"))
        self.confirm_button.setToolTip(self.tr("Gửi phiếu; phiếu đã gửi không sửa được"))
        self.back_button.setText(self.tr("Chọn lại"))
        self.back_button.setToolTip(self.tr("Quay lại để chọn khác"))
        self.empty_label.setText(self.tr(
            "Chưa có biểu quyết nào. Khi chủ tọa mở biểu quyết, phiếu sẽ hiện ở đây."))

    def _word_ballot(self, vote: dict[str, Any]) -> None:
        """The ballot's own words; its buttons and boxes stay, with what is chosen."""
        for index, button in enumerate(self.option_buttons):
            label = button.text()
            button.setToolTip(
                self.tr("Chọn “{label}”, rồi xác nhận (phím {key})").format(
                    label=label, key=index + 1) if index < 3
                else self.tr("Chọn “{label}”, rồi xác nhận").format(label=label))
        if self._seats_hint is not None:
            self._seats_hint.setText(
                self.tr("Chọn tối đa {n} người; không chọn ai là phiếu trắng.").format(
                    n=int(vote.get("seats", 1))))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "empty_label"):
            self._word_static()
            vote = self.vote()
            if vote is not None:
                self._word_ballot(vote)
            if self._question is not None and self._choice is not None:
                self.confirm_label.setText(self._question())
            self.refresh()
        super().changeEvent(event)

    # --- showing -------------------------------------------------------------------------

    def refresh(self) -> None:
        vote = self._pick()
        if vote is None:
            self._vote_id = None
            self._show_nothing()
            return
        vote_id = int(vote["id"])
        if vote["status"] == "open" and vote_id not in self._announced:
            self._announced.add(vote_id)
            self._choice = None
            self.vote_opened.emit(vote_id)
        self._vote_id = vote_id
        self.empty_label.hide()
        for widget in (self.title_label, self.info_label, self.status_label):
            widget.show()
        self.title_label.setText(str(vote["title"]))
        self.info_label.setText(self._describe(vote))
        self.secret_label.setVisible(bool(vote.get("secret")))

        is_open = vote["status"] == "open"
        voted = self.has_voted()
        pending = self.ballot_pending()
        blocked = self._may_vote()
        can_cast = (is_open and not pending and not blocked
                    and (not voted or bool(vote.get("ballot_change_allowed"))))
        if (vote_id, str(vote["kind"])) != self._built:
            self._build_ballot(vote)
        if not can_cast:
            self._choice = None
        refusal = self._refusals.get(vote_id, "")
        self.refusal_label.setText(refusal)
        self.refusal_label.setVisible(bool(refusal) and not voted)

        self.ballot.setVisible(is_open and not blocked and (not voted or can_cast))
        self.ballot.setEnabled(can_cast and self._choice is None)
        self.submit_button.setVisible(self.ballot.isVisibleTo(self) and self._choice is None
                                      and vote["kind"] != "question")
        self.submit_button.setEnabled(self.ballot.isEnabled())
        self.confirm_box.setVisible(self._choice is not None)
        chosen = self._choice.get("choice") if self._choice else None
        for index, button in enumerate(self.option_buttons):
            button.setStyleSheet(CHOSEN_STYLE if index == chosen else option_style(index))
        # Once the server has counted the ballot nothing is at risk, even if the reply to
        # the command is still on its way (the event can come first).
        self.volatile_label.setVisible(pending and not voted and self.ballot_only_in_memory())
        mine = self._my_choices.get(vote_id, "")
        show_mine = bool(mine) and (voted or pending) and vote["status"] in ("open", "stopped")
        self.my_choice_label.setText(self.tr("Bạn đã chọn: {choice}").format(choice=mine)
                                     if show_mine else "")
        self.my_choice_label.setVisible(show_mine)
        self.status_label.setText(self._status_text(vote, voted, pending, blocked))
        self.status_label.setStyleSheet(
            "color: #1b5e20" if voted else "color: #8a6d00" if pending else "")
        self._show_result(vote)

    def _show_nothing(self) -> None:
        self.empty_label.show()
        for widget in (self.title_label, self.info_label, self.secret_label, self.status_label,
                       self.my_choice_label, self.volatile_label, self.refusal_label,
                       self.ballot, self.submit_button, self.confirm_box, self.result_label):
            widget.hide()

    def _describe(self, vote: dict[str, Any]) -> str:
        ballot = (self.tr("Bỏ phiếu kín") if vote.get("secret")
                  else self.tr("Biểu quyết công khai"))
        kinds = {"election": self.tr("Bầu cử, tối đa {n} người").format(n=vote.get("seats", 1)),
                 "confidence": self.tr("Lấy phiếu tín nhiệm")}
        parts = [ballot, kinds.get(str(vote["kind"]), "")]
        rule = vote.get("rule") or {}
        if rule.get("numerator") and vote["kind"] != "confidence":
            parts.append(self.tr("Điều kiện: {rule}").format(
                rule=results.condition(rule, self.session.state.body)))
        return " · ".join(p for p in parts if p)

    def _status_text(self, vote: dict[str, Any], voted: bool, pending: bool,
                     blocked: str) -> str:
        status = vote["status"]
        count = self.tr("{voted}/{total} đại biểu đã biểu quyết").format(
            voted=vote.get("voted_count", 0), total=vote.get("total_members", 0))
        if status == "annulled":
            return self.tr("Biểu quyết đã bị hủy: {reason}").format(
                reason=vote.get("annul_reason", ""))
        if status == "closed":
            return (self.tr("Đã kết thúc biểu quyết — bạn đã biểu quyết") if voted
                    else self.tr("Đã kết thúc biểu quyết"))
        if voted:
            return self.tr("Đã biểu quyết") + " · " + count
        if pending:
            offline = self.session.status.state is not ConnectionState.ONLINE
            return (self.tr("Phiếu đang chờ gửi: sẽ tự gửi khi có kết nối") if offline
                    else self.tr("Đang gửi phiếu…"))
        if status == "stopped":
            return self.tr("Biểu quyết tạm dừng") + " · " + count
        if blocked:
            return blocked
        return self.tr("Đang biểu quyết — mời bạn chọn") + " · " + count

    # --- the ballot form ------------------------------------------------------------------

    def _build_ballot(self, vote: dict[str, Any]) -> None:
        _clear(self.ballot_layout)
        self.option_buttons = []
        self.candidate_boxes = []
        self.rating_groups = []
        self._seats_hint = None
        self._built = (int(vote["id"]), str(vote["kind"]))
        kind = vote["kind"]
        if kind == "question":
            for index, label in enumerate(vote.get("options", [])):
                button = QPushButton(str(label), self.ballot)
                button.setMinimumHeight(BIG_BUTTON)
                relative_font(button, 1.4, bold=True)
                button.setStyleSheet(option_style(index))
                button.clicked.connect(partial(self.choose_option, index))
                self.ballot_layout.addWidget(button)
                self.option_buttons.append(button)
        elif kind == "election":
            hint = self._seats_hint = QLabel(self.ballot)
            hint.setWordWrap(True)
            self.ballot_layout.addWidget(hint)
            for name in vote.get("candidates", []):
                box = QCheckBox(str(name), self.ballot)
                box.setMinimumHeight(36)
                box.toggled.connect(self._limit_candidates)
                self.ballot_layout.addWidget(box)
                self.candidate_boxes.append(box)
        elif kind == "confidence":
            levels = list(vote.get("options") or LEVELS_DEFAULT)
            grid_host = QWidget(self.ballot)
            grid = QGridLayout(grid_host)
            for column, level in enumerate(levels, start=1):
                header = QLabel(f"<b>{html.escape(level)}</b>", grid_host)
                header.setWordWrap(True)
                grid.addWidget(header, 0, column)
            for row, name in enumerate(vote.get("candidates", []), start=1):
                grid.addWidget(QLabel(str(name), grid_host), row, 0)
                group = QButtonGroup(grid_host)
                for column, level in enumerate(levels):
                    radio = QRadioButton(grid_host)
                    radio.setToolTip(f"{name}: {level}")
                    radio.setMinimumHeight(32)
                    group.addButton(radio, column)
                    grid.addWidget(radio, row, column + 1)
                self.rating_groups.append(group)
            self.ballot_layout.addWidget(grid_host)
        self._word_ballot(vote)

    def _limit_candidates(self) -> None:
        vote = self.vote() or {}
        seats = int(vote.get("seats", 1))
        chosen = sum(box.isChecked() for box in self.candidate_boxes)
        for box in self.candidate_boxes:
            box.setEnabled(box.isChecked() or chosen < seats)

    def choose_option(self, index: int) -> None:
        vote = self.vote()
        if vote is None:
            return
        label = vote["options"][index]
        self._ask({"choice": index},
                  lambda: self.tr("Xác nhận biểu quyết: {label}?").format(label=label))

    def choose_by_key(self, number: int) -> bool:
        """Keys 1/2/3: press that option's button if it can be pressed now."""
        if not 1 <= number <= len(self.option_buttons):
            return False
        button = self.option_buttons[number - 1]
        if not (button.isVisibleTo(self) and button.isEnabled() and self.ballot.isEnabled()):
            return False
        button.click()
        return True

    def _ask_confirmation_for_form(self) -> None:
        vote = self.vote()
        if vote is None:
            return
        if vote["kind"] == "election":
            chosen = [i for i, box in enumerate(self.candidate_boxes) if box.isChecked()]
            names = ", ".join(self.candidate_boxes[i].text() for i in chosen)
            self._ask({"candidates": chosen},
                      lambda: self.tr("Xác nhận phiếu bầu: {names}?").format(names=names)
                      if chosen else self.tr("Xác nhận phiếu trắng (không bầu ai)?"))
        elif vote["kind"] == "confidence":
            levels = list(vote.get("options") or LEVELS_DEFAULT)
            ratings = {str(i): g.checkedId() for i, g in enumerate(self.rating_groups)
                       if g.checkedId() >= 0}
            lines = [f"{vote['candidates'][int(i)]}: {levels[level]}"
                     for i, level in ratings.items()]
            self._ask({"ratings": ratings},
                      lambda: self.tr("Xác nhận phiếu tín nhiệm:") + "\n" + (
                          "\n".join(lines) or self.tr("(không đánh giá ai)")))

    def _ask(self, choice: dict[str, Any], question: Callable[[], str]) -> None:
        """Ask to confirm ``choice``; ``question`` words it, again at a switch of language."""
        self._choice = choice
        self._question = question
        self.confirm_label.setText(question())
        self.refresh()
        self.confirm_button.setFocus()
        # On a laptop's screen the question and its buttons may fall below the panel's
        # fold: bring them into sight once laid out (found walking the app at 1366×800).
        QTimer.singleShot(0, self, self._show_confirmation)

    def _show_confirmation(self) -> None:
        if self.confirm_box.isVisible():
            self.ballot_scroll.ensureWidgetVisible(self.confirm_box)

    def cancel_confirmation(self) -> None:
        self._choice = None
        self.refresh()

    def confirm(self) -> None:
        if self._choice is None or self._vote_id is None:
            return
        choice, self._choice = self._choice, None
        self._refusals.pop(self._vote_id, None)
        self._my_choices[self._vote_id] = self._describe_choice(choice)
        self.session.cast(self._vote_id, **choice)
        self.refresh()

    def _describe_choice(self, choice: dict[str, Any]) -> str:
        vote = self.vote() or {}
        if "choice" in choice:
            options = list(vote.get("options", []))
            index = int(choice["choice"])
            return str(options[index]) if index < len(options) else str(index)
        candidates = list(vote.get("candidates", []))
        if "candidates" in choice:
            names = [str(candidates[i]) for i in choice["candidates"] if i < len(candidates)]
            return ", ".join(names) or self.tr("phiếu trắng (không bầu ai)")
        levels = list(vote.get("options") or LEVELS_DEFAULT)
        ratings = choice.get("ratings", {})
        lines = [f"{candidates[int(i)]}: {levels[level]}" for i, level in ratings.items()
                 if int(i) < len(candidates) and level < len(levels)]
        return "; ".join(lines) or self.tr("không đánh giá ai")

    def my_choice(self) -> str:
        """What this delegate sees as their own choice now ("" when nothing is shown)."""
        return self.my_choice_label.text() if self.my_choice_label.isVisibleTo(self) else ""

    # --- the result ---------------------------------------------------------------------

    def _show_result(self, vote: dict[str, Any]) -> None:
        result = vote.get("result")
        if not result or vote["status"] not in ("closed", "annulled"):
            self.result_label.hide()
            return
        lines: list[str] = []
        kind = result.get("kind")
        total = int(result.get("total_members", 0))
        if kind == "question":
            passed = result.get("passed")
            verdict = (self.tr("ĐƯỢC THÔNG QUA") if passed else self.tr("KHÔNG ĐƯỢC THÔNG QUA"))
            colour = "#1b5e20" if passed else "#b00020"
            lines.append(f"<p style='font-size:large; color:{colour}'><b>{verdict}</b></p>")
            rows = [(o["label"], o["count"], results.share(o["count"], total))
                    for o in result["options"]]
            not_voted = int(result.get("not_voted", 0))
            rows.append((self.tr("Không tham gia"), not_voted, results.share(not_voted, total)))
            lines.append(self._table(rows, result.get("total_members", 0)))
        elif kind == "election":
            elected = ", ".join(result.get("elected", [])) or self.tr("không ai")
            lines.append("<p><b>" + self.tr("Trúng cử: {names}").format(names=html.escape(elected))
                         + "</b></p>")
            rows = [(c["name"] + (" ✔" if c.get("elected") else ""), c["votes"],
                     results.share(c["votes"], total)) for c in result.get("candidates", [])]
            lines.append(self._table(rows, result.get("total_members", 0)))
        elif kind == "confidence":
            for official in result.get("officials", []):
                low = self.tr("{rule} đánh giá tín nhiệm thấp").format(
                    rule=results.rule_words(result.get("rule") or {}))
                flag = (f" — <b style='color:#b00020'>{html.escape(low)}</b>"
                        if official.get("low_flag") else "")
                lines.append(f"<p><b>{html.escape(official['name'])}</b>{flag}</p>")
                rows = [(lv["label"], lv["count"], results.share(lv["count"], total))
                        for lv in official["levels"]]
                lines.append(self._table(rows, result.get("total_members", 0)))
        # Worded here in this window's language: an old stored result's Vietnamese
        # "announcement" is never shown.
        announcement = results.announcement(result, self.session.state.body)
        lines.append(f"<p>{html.escape(announcement)}</p>")
        self.result_label.setText("".join(lines))
        self.result_label.setToolTip(announcement)
        self.result_label.show()

    def _table(self, rows: list[tuple[str, Any, str]], total: int) -> str:
        body = "".join(f"<tr><td>{html.escape(label)}</td><td align='right'>{count}/{total}</td>"
                       f"<td align='right'>{percent}</td></tr>" for label, count, percent in rows)
        return f"<table cellspacing='0' cellpadding='4'>{body}</table>"

    def announcement(self) -> str:
        """The result read out, as this window words it ("" before a result)."""
        vote = self.vote() or {}
        return results.announcement(vote.get("result"), self.session.state.body)
