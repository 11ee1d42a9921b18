"""Document approval (duyệt tài liệu): submitted documents, approved or rejected with a reason."""

from __future__ import annotations

from typing import Any

from meetingroom.laptop.meeting_store import Part
from meetingroom.ui.qt import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
)
from meetingroom.ui.secretary.requests import Requests
from meetingroom.ui.secretary.section import Section
from meetingroom.ui.secretary.texts import tr


class ApprovalSection(Section):
    def __init__(self, requests: Requests, parent: QWidget | None = None) -> None:
        super().__init__(requests, parent)
        self.list = QListWidget(self)
        self.list.setObjectName("submitted_documents")
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reject_reason")
        self.reason.setMaxLength(1000)
        self.reason.textChanged.connect(lambda _text: self._update_buttons())
        self.approve_button = QPushButton(self)
        self.approve_button.setObjectName("document_approve")
        self.reject_button = QPushButton(self)
        self.reject_button.setObjectName("document_reject")
        self.approve_button.clicked.connect(lambda: self.approve())
        self.reject_button.clicked.connect(lambda: self.reject())
        self.empty_label = QLabel(self)
        self.heading = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.approve_button)
        row.addWidget(self.reason, 1)
        row.addWidget(self.reject_button)
        layout.addLayout(row)
        self._update_buttons()
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.reason.setPlaceholderText(tr("Lý do từ chối (ít nhất 3 ký tự)"))
        self.approve_button.setText(tr("Duyệt"))
        self.reject_button.setText(tr("Từ chối"))
        self.empty_label.setText(tr("Không có tài liệu nào chờ duyệt"))
        self.heading.setText(tr("Tài liệu các đơn vị gửi, chờ duyệt"))
        self.refresh({"documents"})  # each document's line

    def submitted(self) -> list[dict[str, Any]]:
        return sorted((d for d in self.state.documents.values()
                       if d.get("approval") == "submitted"), key=lambda d: d["id"])

    @property
    def selected_id(self) -> int | None:
        entry = self.list.currentItem()
        return int(entry.data(Qt.ItemDataRole.UserRole)) if entry is not None else None

    def select(self, document_id: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == document_id:
                self.list.setCurrentRow(row)

    def approve(self) -> None:
        if self.selected_id is not None:
            self.submit("document.approve", {"document_id": self.selected_id})

    def reject(self) -> None:
        reason = self.reason.text().strip()
        if self.selected_id is not None and len(reason) >= 3:
            self.submit("document.reject", {"document_id": self.selected_id, "reason": reason})
            self.reason.clear()

    def _update_buttons(self) -> None:
        chosen = self.selected_id is not None
        self.approve_button.setEnabled(chosen)
        self.reject_button.setEnabled(chosen and len(self.reason.text().strip()) >= 3)

    def refresh(self, parts: set[Part]) -> None:
        if "documents" not in parts and "agenda" not in parts:
            return
        chosen = self.selected_id
        self.list.clear()
        for doc in self.submitted():
            item = self.state.agenda.get(doc.get("agenda_item_id") or 0)
            where = tr(" — mục: {title}").format(title=item["title"]) if item else ""
            entry = QListWidgetItem(tr("{title} ({pages} trang){where}").format(
                title=doc["title"], pages=doc.get("pages", 0), where=where))
            entry.setData(Qt.ItemDataRole.UserRole, int(doc["id"]))
            self.list.addItem(entry)
        if chosen is not None:
            self.select(chosen)
        self.empty_label.setVisible(self.list.count() == 0)
        self._update_buttons()
