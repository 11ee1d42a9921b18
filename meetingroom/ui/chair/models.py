"""The chair's lists: the votes of the meeting and the readiness board of one vote.

The readiness board lists seats (names) and whether their ballot is in, never
what it says: the vote's ``voted`` and ``eligible`` lists are all it reads.
"""

from __future__ import annotations

from typing import Any

from meetingroom.laptop.meeting_store import MeetingState
from meetingroom.ui.chair.texts import tr, vote_status
from meetingroom.ui.models.list_models import RowsModel
from meetingroom.ui.names import name_key
from meetingroom.ui.qt import QBrush, QColor, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
VOTED_ROLE = Qt.ItemDataRole.UserRole + 10


class VoteListModel(RowsModel):
    """Every vote of the meeting, newest first."""

    def __init__(self, state: MeetingState, parent: QObject | None = None) -> None:
        super().__init__(self._line, parent)
        self._state = state

    def _line(self, vote: dict[str, Any]) -> str:
        secret = " · " + tr("kín") if vote.get("secret") else ""
        return f"#{vote['id']} {vote['title']} — {vote_status(vote)}{secret}"

    def refresh(self) -> None:
        self.set_rows(sorted(self._state.votes.values(), key=lambda v: -int(v["id"])))

    def row_of(self, vote_id: int | None) -> int:
        return next((n for n, v in enumerate(self.rows()) if v["id"] == vote_id), -1)

    def retranslate(self) -> None:
        """The lines are worded when shown: after a language change, views ask again."""
        rows = self.rowCount()
        if rows:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, 0),
                                  [Qt.ItemDataRole.DisplayRole])


class ReadinessModel(RowsModel):
    """One vote's seats: who has voted and who has not, by name; voted ones first."""

    def __init__(self, state: MeetingState, parent: QObject | None = None) -> None:
        super().__init__(self._line, parent)
        self._state = state
        self.vote_id: int | None = None

    def _line(self, row: dict[str, Any]) -> str:
        mark = "✓ " if row["voted"] else "… "
        return mark + str(row["name"])

    def show_vote(self, vote_id: int | None) -> None:
        self.vote_id = vote_id
        self.refresh()

    def refresh(self) -> None:
        vote = self._state.votes.get(self.vote_id or 0)
        if vote is None:
            self.set_rows([])
            return
        voted = {int(u) for u in vote.get("voted", [])}
        seats = voted | {int(u) for u in vote.get("eligible", [])}
        rows = [{"user_id": uid, "name": self._state.name_of(uid) or f"#{uid}",
                 "voted": uid in voted} for uid in seats]
        rows.sort(key=lambda r: (not r["voted"], name_key(r["name"])))
        self.set_rows(rows)

    def voted_names(self) -> list[str]:
        return [r["name"] for r in self.rows() if r["voted"]]

    def waiting_names(self) -> list[str]:
        return [r["name"] for r in self.rows() if not r["voted"]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() \
                and 0 <= index.row() < self.rowCount():
            voted = self.row(index.row())["voted"]
            return QBrush(QColor("#1b5e20" if voted else "#6d6d6d"))
        if role == VOTED_ROLE and index.isValid() and 0 <= index.row() < self.rowCount():
            return self.row(index.row())["voted"]
        return super().data(index, role)
