"""Download progress of a meeting's packet: one bar per document and one for the whole."""

from __future__ import annotations

from typing import Any

from meetingroom.sync.client.prefetch import PacketProgress
from meetingroom.ui.models.list_models import RowsModel
from meetingroom.ui.qt import (
    QCoreApplication,
    QEvent,
    QLabel,
    QListView,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)
from meetingroom.ui.refusals import transfer_failure_text

#: Steps of a progress bar, at most: it works in ints (2^31), so a packet's bytes are
#: counted in units that keep it under this. In units of 100 kB, a packet of small
#: documents stood at 0 % with one of ten in (found walking the app).
STEPS = 1_000_000


def _unit(total: int) -> int:
    """Bytes per step of the bar for a packet of ``total`` bytes."""
    return max(1, -(-total // STEPS))


def _line(row: dict[str, Any]) -> str:
    done, total = row["done"], row["total"]
    if row.get("error"):
        return QCoreApplication.translate("PacketProgressPanel", "{title}: lỗi — {reason}").format(
            title=row["title"], reason=transfer_failure_text(str(row["error"])))
    if total and done >= total:
        return QCoreApplication.translate(
            "PacketProgressPanel", "{title}: đã tải xong ({size} MB)").format(
            title=row["title"], size=f"{total / 1e6:.1f}")
    percent = 100 * done // total if total else 0
    return f"{row['title']}: {percent}% ({done / 1e6:.1f}/{total / 1e6:.1f} MB)"


class PacketProgressPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 1)
        self.model = RowsModel(_line, self)
        self.list = QListView()
        self.list.setModel(self.model)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.bar)
        layout.addWidget(self.list)
        self._titles: dict[str, str] = {}
        self._last: PacketProgress | None = None
        self._held = False
        # Nothing to download yet: one line, the page keeps the height.
        self.bar.hide()
        self.list.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.list.setAccessibleName(self.tr("Tài liệu đang tải về"))
        if self._last is None:
            self.summary.setText(self.tr("Chưa tải tài liệu nào về máy"))
        else:
            self.show_progress(self._last)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    #: The meeting window wants the page's height back once all is on the laptop; the
    #: meeting list keeps showing what was fetched. Set by the owner.
    collapse_when_done = False

    @property
    def compact(self) -> bool:
        """Only the summary line shows (nothing to download yet, or all of it is here)."""
        return self.list.isHidden()

    def set_compact(self, compact: bool) -> None:
        self.list.setVisible(not compact)
        self.bar.setVisible(not compact)

    def set_documents(self, documents: list[dict[str, Any]]) -> None:
        self._titles = {d["sha256"]: str(d["title"]) for d in documents}

    def set_held(self, held: bool) -> None:
        """Whether the download waits for a vote to end. It asks for nothing while one
        is open, so the hall's ballots have the link; without a word the bar stood
        still and the delegate could think it stuck."""
        if held != self._held:
            self._held = held
            if self._last is not None:
                self.show_progress(self._last)

    def show_progress(self, packet: PacketProgress) -> None:
        self._last = packet
        rows = [{"title": self._titles.get(sha, sha[:12]), "done": done, "total": total,
                 "error": packet.failed.get(sha, "")}
                for sha, (done, total) in packet.documents.items()]
        self.model.set_rows(rows)
        unit = _unit(packet.total)
        self.bar.setRange(0, max(packet.total // unit, 1))
        self.bar.setValue(packet.done // unit if packet.total else 0)
        ready = sum(1 for done, total in packet.documents.values() if done >= total)
        if packet.failed:
            text = self.tr("Có tài liệu chưa tải được; sẽ thử lại khi có mạng")
        elif packet.complete:
            text = self.tr("Đã tải đủ {n} tài liệu, có thể họp khi mất mạng").format(
                n=len(packet.documents))
        elif self._held:
            text = self.tr("Đã tải {ready}/{n} tài liệu; tạm dừng tải trong khi biểu quyết"
                           ).format(ready=ready, n=len(packet.documents))
        else:
            text = self.tr("Đang tải tài liệu: {ready}/{n}").format(
                ready=ready, n=len(packet.documents))
        self.summary.setText(text)
        if packet.documents and self.compact and not self.collapse_when_done:
            self.list.show()
            self.bar.show()
