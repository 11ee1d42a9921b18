"""The hall display (màn hình chung): read from the back of the room.

Light text on a dark ground, type sized from the window's height, one main
thing at a time: the live vote, else the result just announced, else the
speaker with the countdown, else (between events) the time and the attendance.
The header (meeting, item) and the footer (next speaker, quorum; as large and as
bright as the header, it is read from the back row) stay.

During a vote the hall sees how many have voted and how many have not, never the
running count per option, whatever the ballot and whatever the body's
``show_open_tallies`` says (that setting is for the chair's console): a running
count on the wall would sway those still choosing. The counts appear with the
result, once announced.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from meetingroom.core.timezones import in_zone, meeting_zone, zone
from meetingroom.laptop.meeting_store import Part, seat_count, voted_count
from meetingroom.ui.chair.texts import (
    QUEUE_NAMES,
    clock_text,
    focus_vote,
    item_title,
    member_word,
    next_in_queue,
    quorum_short,
    result_view,
    tr,
)
from meetingroom.ui.i18n import date_text
from meetingroom.ui.qt import (
    QColor,
    QEvent,
    QFont,
    QFrame,
    QGridLayout,
    QGuiApplication,
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QLayout,
    QPalette,
    QProgressBar,
    QResizeEvent,
    QScreen,
    QStackedWidget,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from meetingroom.ui.results import rule_words
from meetingroom.ui.session import LiveMeeting

BACKGROUND = "#0b1118"
TEXT = "#f4f6f8"
MUTED = "#b0bec5"
ACCENT = "#ffd54f"
GOOD = "#69f0ae"
BAD = "#ff5252"
#: Sizes are pixels on a 1080-pixel-high screen; everything scales with the height.
DESIGN_HEIGHT = 1080.0
DESIGN_WIDTH = 1920.0


@dataclass
class _Scaled:
    label: QLabel
    px: float
    bold: bool
    mono: bool


class BigScreen(QWidget):
    """Follows one :class:`LiveMeeting`; call :meth:`show_on` to fill a monitor."""

    def __init__(self, session: LiveMeeting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("big_screen")
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(BACKGROUND))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(TEXT))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self._scaled: list[_Scaled] = []
        self._unit = 1.0
        self._seen_status: dict[int, str] | None = None
        self._floor_id: int | None = None
        self._item_id: int | None = None
        self.pinned_result: int | None = None

        self.body_label = self._label(26, color=MUTED)
        self.title_label = self._label(34, bold=True)
        self.item_label = self._label(46, bold=True, color=ACCENT)
        self.item_label.setObjectName("big_item")
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setStyleSheet(f"color:{MUTED}")

        self.stack = QStackedWidget(self)
        self.idle_page = self._idle_page()
        self.speaker_page = self._speaker_page()
        self.vote_page = self._vote_page()
        self.result_page = self._result_page()
        for page in (self.idle_page, self.speaker_page, self.vote_page, self.result_page):
            self.stack.addWidget(page)

        self.next_label = self._label(42, bold=True, color=TEXT)
        self.next_label.setObjectName("big_next")
        self.quorum_label = self._label(40, bold=True, color=TEXT)
        self.quorum_label.setObjectName("big_quorum")
        self.quorum_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        footer = QHBoxLayout()
        # The quorum line is short and bounded: it keeps one line; the next speaker's name
        # takes the rest of the row (and wraps if it must).
        self.quorum_label.setWordWrap(False)
        footer.addWidget(self.next_label, 1)
        footer.addWidget(self.quorum_label, 0)

        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.body_label)
        self._layout.addWidget(self.title_label)
        self._layout.addWidget(self.item_label)
        self._layout.addWidget(rule)
        self._layout.addWidget(self.stack, 1)
        self._layout.addLayout(footer)
        self._layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)

        self.ticker = QTimer(self)
        self.ticker.setInterval(200)
        self.ticker.timeout.connect(self.tick)
        self.clock_timer = QTimer(self)  # the idle page's clock
        self.clock_timer.setInterval(1000)
        self.clock_timer.timeout.connect(self._show_time)
        session.changed.connect(self.refresh)
        self.retranslate()
        self._rescale()

    def retranslate(self) -> None:
        """Everything the hall reads, worded again in the current language."""
        self.setWindowTitle(self.tr("Màn hình chung"))
        if self.session.loaded:
            self.refresh(set())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- building ----------------------------------------------------------------------

    def _label(self, px: float, *, bold: bool = False, mono: bool = False,
               color: str = TEXT, parent: QWidget | None = None,
               center: bool = False) -> QLabel:
        label = QLabel(parent or self)
        label.setWordWrap(not mono)
        label.setStyleSheet(f"color:{color}")
        if center:
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._scaled.append(_Scaled(label, px, bold, mono))
        self._apply_font(self._scaled[-1])
        return label

    def _apply_font(self, entry: _Scaled) -> None:
        font = QFont("DejaVu Sans Mono" if entry.mono else "DejaVu Sans")
        font.setStyleHint(QFont.StyleHint.Monospace if entry.mono else QFont.StyleHint.SansSerif)
        font.setPixelSize(max(9, round(entry.px * self._unit)))
        font.setBold(entry.bold)
        entry.label.setFont(font)

    def _idle_page(self) -> QWidget:
        """Between events: what the session is waiting for, the time, who is here."""
        page = QWidget(self)
        self.idle_label = self._label(64, bold=True, parent=page, center=True)
        self.idle_label.setObjectName("big_idle")
        self.idle_detail_label = self._label(38, color=MUTED, parent=page, center=True)
        self.idle_detail_label.setObjectName("big_idle_detail")
        self.clock_label = self._label(190, bold=True, mono=True, parent=page, center=True)
        self.clock_label.setObjectName("big_clock")
        self.date_label = self._label(42, color=TEXT, parent=page, center=True)
        self.date_label.setObjectName("big_date")
        self.idle_attendance_label = self._label(60, bold=True, parent=page, center=True)
        self.idle_attendance_label.setObjectName("big_idle_attendance")
        self.idle_quorum_label = self._label(42, bold=True, color=ACCENT, parent=page,
                                             center=True)
        self.idle_quorum_label.setObjectName("big_idle_quorum")
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.idle_label)
        layout.addWidget(self.idle_detail_label)
        layout.addStretch(1)
        layout.addWidget(self.clock_label)
        layout.addWidget(self.date_label)
        layout.addStretch(1)
        layout.addWidget(self.idle_attendance_label)
        layout.addWidget(self.idle_quorum_label)
        layout.addStretch(1)
        return page

    def _speaker_page(self) -> QWidget:
        page = QWidget(self)
        self.queue_label = self._label(34, color=MUTED, parent=page, center=True)
        self.speaker_label = self._label(76, bold=True, parent=page, center=True)
        self.speaker_label.setObjectName("big_speaker")
        self.topic_label = self._label(34, parent=page, center=True)
        self.countdown = self._label(300, bold=True, mono=True, parent=page, center=True)
        self.countdown.setObjectName("big_countdown")
        self.clock_note = self._label(40, bold=True, color=MUTED, parent=page, center=True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.queue_label)
        layout.addWidget(self.speaker_label)
        layout.addWidget(self.topic_label)
        layout.addWidget(self.countdown, 1)
        layout.addWidget(self.clock_note)
        return page

    def _vote_page(self) -> QWidget:
        page = QWidget(self)
        self.vote_kind_label = self._label(36, bold=True, color=ACCENT, parent=page,
                                           center=True)
        self.vote_title_label = self._label(50, bold=True, parent=page, center=True)
        self.vote_rule_label = self._label(34, color=MUTED, parent=page, center=True)
        self.vote_count_label = self._label(220, bold=True, mono=True, parent=page, center=True)
        self.vote_count_label.setObjectName("big_vote_count")
        self.vote_note_label = self._label(40, color=MUTED, parent=page, center=True)
        self.vote_bar = QProgressBar(page)
        self.vote_bar.setTextVisible(False)
        self.vote_bar.setStyleSheet(
            f"QProgressBar {{ background:#263238; border:none; border-radius:6px }}"
            f"QProgressBar::chunk {{ background:{GOOD}; border-radius:6px }}")
        layout = QVBoxLayout(page)
        layout.addWidget(self.vote_kind_label)
        layout.addWidget(self.vote_title_label)
        layout.addWidget(self.vote_rule_label)
        layout.addStretch(1)
        layout.addWidget(self.vote_count_label)
        layout.addWidget(self.vote_note_label)
        layout.addWidget(self.vote_bar)
        layout.addStretch(1)
        return page

    def _result_page(self) -> QWidget:
        page = QWidget(self)
        self.result_title_label = self._label(44, bold=True, parent=page, center=True)
        self.verdict_label = self._label(84, bold=True, parent=page, center=True)
        self.verdict_label.setObjectName("big_verdict")
        self.turnout_label = self._label(34, color=MUTED, parent=page, center=True)
        self.result_grid = QGridLayout()
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addLayout(self.result_grid)
        centred.addStretch(1)
        self.announcement_label = self._label(28, color=MUTED, parent=page)
        self.announcement_label.setObjectName("big_announcement")
        self._result_page_widget = page
        layout = QVBoxLayout(page)
        layout.addWidget(self.result_title_label)
        layout.addWidget(self.verdict_label)
        layout.addWidget(self.turnout_label)
        layout.addStretch(1)
        layout.addLayout(centred)
        layout.addStretch(1)
        layout.addWidget(self.announcement_label)
        return page

    # --- showing -----------------------------------------------------------------------

    def show_on(self, screen: QScreen | None = None) -> None:
        """Fill ``screen`` (default: the primary one) with the display."""
        target = screen or QGuiApplication.primaryScreen()
        if self.isFullScreen():
            self.showNormal()
        if target is not None:
            self.setScreen(target)
            self.setGeometry(target.geometry())
        self.showFullScreen()
        self.raise_()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        unit = min(self.height() / DESIGN_HEIGHT, self.width() / DESIGN_WIDTH)
        self._unit = max(unit, 0.2)
        self._scaled = [e for e in self._scaled if _alive(e.label)]
        for entry in self._scaled:
            self._apply_font(entry)
        margin = round(36 * self._unit)
        self._layout.setContentsMargins(margin, round(24 * self._unit), margin,
                                        round(24 * self._unit))
        self.vote_bar.setFixedHeight(max(8, round(36 * self._unit)))

    # --- state -------------------------------------------------------------------------

    def _track(self) -> None:
        """Pin a result when a vote closes; unpin when a speech starts or the item moves."""
        state = self.session.state
        statuses = {int(v["id"]): str(v["status"]) for v in state.votes.values()}
        if self._seen_status is not None:
            for vote_id, status in statuses.items():
                if status == "closed" and self._seen_status.get(vote_id) != "closed":
                    self.pinned_result = vote_id
        if self.pinned_result is not None and \
                statuses.get(self.pinned_result) not in ("closed", "annulled"):
            self.pinned_result = None
        self._seen_status = statuses
        floor = state.on_the_floor()
        floor_id = int(floor["id"]) if floor else None
        if floor_id is not None and floor_id != self._floor_id:
            self.pinned_result = None
        self._floor_id = floor_id
        if state.current_item_id != self._item_id:
            if self._item_id is not None:
                self.pinned_result = None
            self._item_id = state.current_item_id

    def refresh(self, parts: set[Part]) -> None:
        state = self.session.state
        if not state.meeting:
            return
        self._track()
        body = state.body.get("name") or state.meeting.get("body", {}).get("name", "")
        self.body_label.setText(str(body))
        self.title_label.setText(str(state.meeting.get("title", "")))
        self.setWindowTitle(self.tr("Màn hình chung") + " — " + str(state.meeting.get("title")))
        current = item_title(state, state.current_item_id)
        self.item_label.setText(current)
        self.item_label.setVisible(bool(current))
        self.quorum_label.setText(quorum_short(state))
        quorum = state.attendance_summary.get("quorum") or {}
        self.quorum_label.setStyleSheet(f"color:{GOOD if quorum.get('met') else ACCENT}")
        self.quorum_label.setVisible(True)

        vote = focus_vote(state)
        floor = state.on_the_floor()
        pinned = state.votes.get(self.pinned_result or 0)
        if vote is not None:
            self._show_vote(vote)
            self.stack.setCurrentWidget(self.vote_page)
        elif pinned is not None and pinned.get("result"):
            self._show_result(pinned)
            self.stack.setCurrentWidget(self.result_page)
        elif floor is not None:
            self._show_speaker(floor)
            self.stack.setCurrentWidget(self.speaker_page)
        else:
            self._show_idle()
            self.stack.setCurrentWidget(self.idle_page)
            self.quorum_label.setVisible(False)  # the idle page shows it, larger
        if self.stack.currentWidget() is self.idle_page:
            self.clock_timer.start()
        else:
            self.clock_timer.stop()
        following = next_in_queue(state)
        if following is not None and (floor is None or following["id"] != floor["id"]):
            queue = tr(QUEUE_NAMES.get(following["queue"], following["queue"]))
            called = tr("Mời") if following["status"] == "called" else tr("Tiếp theo")
            self.next_label.setText(f"{called} ({queue.lower()}): {following['full_name']}")
        else:
            self.next_label.setText("")
        self.next_label.setVisible(bool(self.next_label.text()))  # else the quorum has the row
        self.tick()

    def mode(self) -> str:
        """"idle", "speaker", "vote" or "result": what the hall sees now."""
        modes = {self.speaker_page: "speaker", self.vote_page: "vote",
                 self.result_page: "result"}
        current = self.stack.currentWidget()
        return modes.get(current, "idle") if current is not None else "idle"

    def _show_idle(self) -> None:
        state = self.session.state
        status = state.meeting.get("status")
        if status == "published":
            text = self.tr("Kỳ họp sắp bắt đầu")
        elif status == "closed":
            text = self.tr("Kỳ họp đã bế mạc")
        else:
            text = self.tr("Kính chào quý đại biểu")
        self.idle_label.setText(text)
        details = []
        starts = self._local(state.meeting.get("starts_at"))
        if status in ("draft", "published") and starts is not None:
            details.append(self.tr("Khai mạc lúc {time} ngày {date}").format(
                time=f"{starts:%H:%M}", date=date_text(starts.date())))
        if state.meeting.get("location"):
            details.append(str(state.meeting["location"]))
        self.idle_detail_label.setText(" · ".join(details))
        self.idle_detail_label.setVisible(bool(details))
        quorum = state.attendance_summary.get("quorum") or {}
        members = member_word(state)
        if quorum:
            self.idle_attendance_label.setText(self.tr("Có mặt {counted}/{total} {members}")
                                               .format(counted=quorum.get("counted", 0),
                                                       total=quorum.get("total_members", 0),
                                                       members=members))
            verdict = (self.tr("Đủ điều kiện tiến hành") if quorum.get("met")
                       else self.tr("Chưa đủ điều kiện tiến hành"))
            self.idle_quorum_label.setText(self.tr("{verdict} (cần {required})").format(
                verdict=verdict, required=quorum.get("required", 0)))
            self.idle_quorum_label.setStyleSheet(
                f"color:{GOOD if quorum.get('met') else ACCENT}")
        else:
            self.idle_attendance_label.setText("")
            self.idle_quorum_label.setText("")
        self._show_time()

    def _local(self, iso: Any) -> datetime | None:
        """A time from the server in the body's time zone (as every screen shows it)."""
        if not iso:
            return None
        try:
            return in_zone(str(iso), meeting_zone(self.session.state.meeting))
        except ValueError:
            return None

    def _show_time(self) -> None:
        """The time in the body's zone (not the laptop's setting), and the day in words."""
        now = datetime.now(zone(meeting_zone(self.session.state.meeting)))
        self.clock_label.setText(f"{now:%H:%M}")
        self.date_label.setText(f"{weekday_name(now.weekday())}, {date_text(now.date())}")

    def _show_speaker(self, floor: dict[str, Any]) -> None:
        queue = tr(QUEUE_NAMES.get(floor["queue"], floor["queue"]))
        self.queue_label.setText(queue.upper())
        self.speaker_label.setText(str(floor["full_name"]))
        self.topic_label.setText(str(floor.get("topic") or ""))
        self.topic_label.setVisible(bool(floor.get("topic")))

    def _show_vote(self, vote: dict[str, Any]) -> None:
        secret = vote.get("secret")
        status = self.tr("ĐANG BIỂU QUYẾT") if vote["status"] == "open" \
            else self.tr("ĐÃ DỪNG NHẬN PHIẾU")
        ballot = self.tr("BỎ PHIẾU KÍN") if secret else self.tr("BIỂU QUYẾT CÔNG KHAI")
        self.vote_kind_label.setText(f"{status} · {ballot}")
        self.vote_title_label.setText(str(vote["title"]))
        rule = vote.get("rule") or {}
        members = member_word(self.session.state)
        self.vote_rule_label.setText(self.tr("Điều kiện: {rule} {members}").format(
            rule=rule_words(rule), members=members) if rule.get("numerator") else "")
        # Counts, not names: a big screen opened by a delegate's session gets progress
        # frames (sync.channel), the chair's gets every name; both count the same.
        voted, seats = voted_count(vote), seat_count(vote)
        self.vote_count_label.setText(f"{voted}/{seats}")
        self.vote_note_label.setText(self.tr("{members} đã biểu quyết · còn {n} chưa biểu quyết")
                                     .format(members=members, n=max(seats - voted, 0)))
        self.vote_bar.setRange(0, max(seats, 1))
        self.vote_bar.setValue(voted)

    def _show_result(self, vote: dict[str, Any]) -> None:
        view = result_view(vote, self.session.state.body)
        if view is None:
            return
        self.result_title_label.setText(view.title)
        self.verdict_label.setText(view.verdict)
        color = ACCENT if view.passed is None else (GOOD if view.passed else BAD)
        self.verdict_label.setStyleSheet(f"color:{color}")
        self.turnout_label.setText(view.turnout)
        while self.result_grid.count():
            taken = self.result_grid.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        self._scaled = [e for e in self._scaled
                        if e.label.parent() is not self._result_page_widget
                        or e.label in self._fixed_result_labels()]
        page = self._result_page_widget
        for n, row in enumerate(view.rows):
            cells = (row.label, row.count, row.percent, row.mark)
            for column, text in enumerate(cells):
                if column == 3 and not text:
                    continue
                label = self._label(48, bold=column == 0, parent=page,
                                    color=TEXT if column < 3 else ACCENT)
                label.setWordWrap(False)
                label.setText(text)
                align = Qt.AlignmentFlag.AlignLeft if column in (0, 3) \
                    else Qt.AlignmentFlag.AlignRight
                label.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
                self.result_grid.addWidget(label, n, column)
        self.result_grid.setHorizontalSpacing(round(70 * self._unit))
        self.result_grid.setVerticalSpacing(round(10 * self._unit))
        self.announcement_label.setText(view.announcement)

    def _fixed_result_labels(self) -> set[QLabel]:
        return {self.result_title_label, self.verdict_label, self.turnout_label,
                self.announcement_label}

    def tick(self) -> None:
        if self.stack.currentWidget() is not self.speaker_page:
            self.ticker.stop()
            return
        floor = self.session.state.on_the_floor()
        if floor is None:
            self.ticker.stop()
            return
        remaining = self.session.state.remaining_s(floor)
        self.countdown.setText(clock_text(remaining))
        if remaining < 0:
            color, note = BAD, self.tr("QUÁ GIỜ {time}").format(time=clock_text(remaining)[1:])
        elif not floor["running"]:
            color, note = MUTED, self.tr("TẠM DỪNG")
        else:
            color, note = (ACCENT if remaining <= 30 else TEXT), ""
        self.countdown.setStyleSheet(f"color:{color}")
        self.clock_note.setStyleSheet(f"color:{color}")
        self.clock_note.setText(note)
        if floor["running"] and not self.ticker.isActive():
            self.ticker.start()
        elif not floor["running"]:
            self.ticker.stop()

    def countdown_text(self) -> str:
        return self.countdown.text()


def weekday_name(day: int) -> str:
    """Monday is 0, as ``datetime.weekday`` counts; the name in the program's language."""
    return (tr("Thứ Hai"), tr("Thứ Ba"), tr("Thứ Tư"), tr("Thứ Năm"), tr("Thứ Sáu"),
            tr("Thứ Bảy"), tr("Chủ Nhật"))[day]


def _alive(label: QLabel) -> bool:
    try:
        label.objectName()
    except RuntimeError:  # deleted on the C++ side
        return False
    return True
