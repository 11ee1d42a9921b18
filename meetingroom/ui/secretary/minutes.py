"""Conclusions (kết luận) per item and for the meeting, and the minutes (biên bản).

"Tạo biên bản" asks the server to write the minutes; the new document reaches this
laptop with the meeting's packet, and then opens in the app's own reader.
"""

from __future__ import annotations

from typing import Any

from meetingroom.client_state import Part
from meetingroom.sync.local_store import PendingCommand
from meetingroom.ui.qt import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from meetingroom.ui.reader import DocumentReader
from meetingroom.ui.secretary.requests import Requests
from meetingroom.ui.secretary.section import Section
from meetingroom.ui.secretary.texts import tr

WHOLE_MEETING = 0
POLL_MS = 250
GIVE_UP_MS = 120_000


class MinutesSection(Section):
    def __init__(self, requests: Requests, parent: QWidget | None = None) -> None:
        super().__init__(requests, parent)
        self.reader: DocumentReader | None = None
        self.minutes_id: int | None = None
        self._waited_ms = 0
        self._done_session: Any = None

        self.item = QComboBox(self)
        self.item.setObjectName("conclusion_item")
        self.item.currentIndexChanged.connect(lambda _i: self._load_text())
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("conclusion_text")
        self.text.setPlaceholderText(tr("Nội dung kết luận"))
        self.save_button = QPushButton(tr("Lưu kết luận"), self)
        self.save_button.setObjectName("conclusion_save")
        self.save_button.clicked.connect(lambda: self.save_conclusion())
        self.saved_label = QLabel(self)
        conclusion_box = QGroupBox(tr("Kết luận"), self)
        conclusion_layout = QVBoxLayout(conclusion_box)
        conclusion_layout.addWidget(self.item)
        conclusion_layout.addWidget(self.text, 1)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.saved_label, 1)
        conclusion_layout.addLayout(row)

        self.generate_button = QPushButton(tr("Tạo biên bản"), self)
        self.generate_button.setObjectName("minutes_generate")
        self.generate_button.clicked.connect(lambda: self.generate())
        self.minutes_label = QLabel(tr("Biên bản được lập từ nhật ký của cuộc họp: điểm danh, "
                                       "phát biểu, biểu quyết và các kết luận."), self)
        self.minutes_label.setObjectName("minutes_status")
        self.minutes_label.setWordWrap(True)
        self.minutes_box = QGroupBox(tr("Biên bản"), self)
        self.minutes_layout = QVBoxLayout(self.minutes_box)
        row = QHBoxLayout()
        row.addWidget(self.generate_button)
        row.addWidget(self.minutes_label, 1)
        self.minutes_layout.addLayout(row)
        self.minutes_layout.addStretch(1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(conclusion_box)
        splitter.addWidget(self.minutes_box)
        splitter.setSizes([420, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._try_open)

    # --- conclusions --------------------------------------------------------------------

    @property
    def item_id(self) -> int | None:
        value = self.item.currentData()
        return None if value in (None, WHOLE_MEETING) else int(value)

    def choose_item(self, item_id: int | None) -> None:
        self.item.setCurrentIndex(max(self.item.findData(item_id or WHOLE_MEETING), 0))

    def _load_text(self) -> None:
        conclusion = self.state.conclusions.get(self.item_id or WHOLE_MEETING)
        self.text.setPlainText(str(conclusion["text"]) if conclusion else "")
        self.saved_label.setText(tr("Đã lưu") if conclusion else "")

    def save_conclusion(self) -> None:
        args: dict[str, Any] = {"text": self.text.toPlainText().strip()}
        if self.item_id is not None:
            args["item_id"] = self.item_id
        if self.submit("conclusion.set", args):
            self.saved_label.setText(tr("Đang lưu…"))

    # --- minutes ------------------------------------------------------------------------

    def generate(self) -> None:
        if self.session is None:
            self.say(self.tr_no_meeting())
            return
        if self._done_session is not self.session:
            self.session.done.connect(self._done)
            self._done_session = self.session
        self.minutes_id = None
        self.generate_button.setEnabled(False)
        self.minutes_label.setText(tr("Đang lập biên bản…"))
        self.submit("minutes.generate")

    def _done(self, command: PendingCommand, result: object) -> None:
        if command.name != "minutes.generate" or command.meeting_id != self.meeting_id \
                or not isinstance(result, dict):
            return
        self.minutes_id = int(result["document"]["id"])
        self.minutes_label.setText(tr("Đã lập biên bản; đang tải về máy…") if not result.get(
            "unchanged") else tr("Biên bản không thay đổi; đang mở…"))
        self._waited_ms = 0
        self._timer.start()
        self._try_open()

    def _try_open(self) -> None:
        doc = self.state.documents.get(self.minutes_id or 0)
        data = self.requests.bridge.document_bytes(doc) if doc is not None else None
        if data is None:
            self._waited_ms += POLL_MS
            if self._waited_ms > GIVE_UP_MS:
                self._timer.stop()
                self.generate_button.setEnabled(True)
                self.minutes_label.setText(tr("Chưa tải được biên bản về máy; thử lại sau"))
            return
        self._timer.stop()
        self.generate_button.setEnabled(True)
        assert doc is not None
        reader = self._ensure_reader()
        reader.open_document(data, title=str(doc["title"]), document_id=str(doc["id"]))
        self.minutes_label.setText(tr("{title} — phiên bản {version}, {pages} trang").format(
            title=doc["title"], version=doc.get("version", 1), pages=doc.get("pages", 0)))

    def _ensure_reader(self) -> DocumentReader:
        if self.reader is None:
            self.reader = DocumentReader(parent=self.minutes_box)
            self.reader.setObjectName("minutes_reader")
            stretch = self.minutes_layout.itemAt(self.minutes_layout.count() - 1)
            if stretch is not None and stretch.spacerItem() is not None:
                self.minutes_layout.removeItem(stretch)
            self.minutes_layout.addWidget(self.reader, 1)
        return self.reader

    def shutdown(self) -> None:
        self._timer.stop()
        if self.reader is not None:
            self.reader.shutdown()

    # --- state --------------------------------------------------------------------------

    def refresh(self, parts: set[Part]) -> None:
        if "agenda" in parts:
            chosen = self.item.currentData()
            self.item.blockSignals(True)
            self.item.clear()
            self.item.addItem(tr("Kết luận chung của cuộc họp"), WHOLE_MEETING)

            def walk(parent: int | None, prefix: str, depth: int) -> None:
                for number, item in enumerate(self.state.children(parent), start=1):
                    label = f"{prefix}{number}."
                    self.item.addItem("    " * depth + f"{label} {item['title']}",
                                      int(item["id"]))
                    walk(int(item["id"]), label, depth + 1)

            walk(None, "", 0)
            if chosen is not None and self.item.findData(chosen) >= 0:
                self.item.setCurrentIndex(self.item.findData(chosen))
            self.item.blockSignals(False)
            self._load_text()
        elif "conclusions" in parts:
            conclusion = self.state.conclusions.get(self.item_id or WHOLE_MEETING)
            if conclusion and conclusion["text"] == self.text.toPlainText().strip():
                self.saved_label.setText(tr("Đã lưu"))
        has = bool(self.state.meeting)
        self.save_button.setEnabled(has)
        if self.minutes_id is None and not self._timer.isActive():
            self.generate_button.setEnabled(has)
