"""A vote's announced result: counts, shares of the total membership, passed or not.

The numbers are the server's; nothing is recounted here. The sentence read out is
worded in the window's language (``meetingroom.ui.results``), never taken from the wire.
"""

from __future__ import annotations

from typing import Any

from meetingroom.ui.chair.panel import big_label
from meetingroom.ui.chair.texts import ResultView, result_view, tr
from meetingroom.ui.qt import QEvent, QGridLayout, QGroupBox, QLabel, Qt, QVBoxLayout, QWidget

PASSED = "background:#e8f5e9; color:#1b5e20; padding:6px; border-radius:4px"
FAILED = "background:#fdecea; color:#b00020; padding:6px; border-radius:4px"
NEUTRAL = "background:#e3f2fd; color:#0d47a1; padding:6px; border-radius:4px"


def verdict_style(view: ResultView) -> str:
    if view.passed is None:
        return NEUTRAL
    return PASSED if view.passed else FAILED


class ResultPanel(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = big_label(bold=True, parent=self)
        self.verdict_label = big_label(points=1.4, bold=True, parent=self)
        self.verdict_label.setObjectName("verdict")
        self.turnout_label = QLabel(self)
        self.rows = QGridLayout()
        self.announcement_label = big_label(parent=self)
        self.announcement_label.setObjectName("announcement")
        self.announcement_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.verdict_label)
        layout.addWidget(self.turnout_label)
        layout.addLayout(self.rows)
        layout.addWidget(self.announcement_label)
        layout.addStretch(1)
        self.vote_id: int | None = None
        self._shown: tuple[dict[str, Any] | None, dict[str, Any] | None] = (None, None)
        self.retranslate()

    def retranslate(self) -> None:
        """The title, and the result shown worded again, in the current language."""
        self.setTitle(tr("Kết quả"))
        self.show_vote(*self._shown)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _clear_rows(self) -> None:
        while self.rows.count():
            taken = self.rows.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()

    def show_vote(self, vote: dict[str, Any] | None,
                  body: dict[str, Any] | None = None) -> None:
        """Show ``vote``'s result; ``body`` (the meeting state's) names its members."""
        self._shown = (vote, body)
        self._clear_rows()
        view = result_view(vote, body) if vote else None
        self.vote_id = int(vote["id"]) if vote else None
        if view is None:
            self.title_label.setText(tr("Chưa có kết quả"))
            for label in (self.verdict_label, self.turnout_label, self.announcement_label):
                label.clear()
            self.verdict_label.setStyleSheet("")
            return
        assert vote is not None
        annulled = vote.get("status") == "annulled"
        title = view.title + (" — " + tr("ĐÃ HỦY: {reason}").format(
            reason=vote.get("annul_reason", "")) if annulled else "")
        self.title_label.setText(title)
        self.verdict_label.setText(view.verdict)
        self.verdict_label.setStyleSheet(verdict_style(view))
        self.turnout_label.setText(view.turnout)
        headers = (tr("Lựa chọn"), tr("Số phiếu"), tr("Tỷ lệ / tổng số"), "")
        for column, text in enumerate(headers):
            header = QLabel(f"<b>{text}</b>", self)
            self.rows.addWidget(header, 0, column)
        for n, row in enumerate(view.rows, start=1):
            for column, text in enumerate((row.label, row.count, row.percent, row.mark)):
                label = QLabel(text, self)
                label.setWordWrap(column in (0, 1))
                self.rows.addWidget(label, n, column)
        self.rows.setColumnStretch(0, 1)
        self.announcement_label.setText(view.announcement)
