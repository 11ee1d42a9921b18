"""The chair's own reader and "share my page", which leads every delegate's reader.

The PDF bytes come from ``document_source`` (the caller's cache or download);
it is called off the GUI thread (a task, meetingroom/ui/tasks.py), since a
session packet runs to tens of megabytes. Sharing sends ``presenter.share_page``
with the reader's page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from meetingroom.core.timezones import meeting_zone, now_in_zone
from meetingroom.laptop.meeting_store import Part
from meetingroom.ui.chair.panel import Panel, big_label
from meetingroom.ui.chair.shortcuts import ActionButton, label_action, make_action, plain_button
from meetingroom.ui.chair.texts import tr
from meetingroom.ui.qt import (
    QComboBox,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)
from meetingroom.ui.reader import DocumentReader
from meetingroom.ui.session import LiveMeeting
from meetingroom.ui.tasks import Task

log = logging.getLogger("meetingroom.ui.chair.documents")

DocumentSource = Callable[[dict[str, Any]], bytes | None]


class DocumentsPanel(Panel):
    def __init__(self, session: LiveMeeting, source: DocumentSource | None,
                 reader_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__("", session, parent)
        self.source = source
        self.reader_name = reader_name
        self.reader: DocumentReader | None = None
        self.open_document_id: int | None = None
        self._loading: int | None = None
        self.choice = QComboBox(self)
        self.choice.setObjectName("document_choice")
        self.open_button = plain_button("", "", self.open_selected, self)
        self.open_button.setObjectName("document_open")
        self.share_action = make_action(self, "share_page", self.share_page)
        self.message = big_label(parent=self)
        #: The message's words, kept unworded so a language change can word them again.
        self._message_words: Callable[[], str] = str
        row = QHBoxLayout()
        row.addWidget(self.choice, 1)
        row.addWidget(self.open_button)
        row.addWidget(ActionButton(self.share_action, self))
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(row)
        self._layout.addWidget(self.message)
        self._layout.addStretch(1)
        self._docs: list[tuple[int, str]] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(tr("Tài liệu"))
        self.open_button.setText(tr("Mở"))
        self.open_button.setToolTip(tr("Mở tài liệu trong trình đọc của tôi"))
        label_action(self.share_action)
        self._say(self._message_words)

    def _say(self, words: Callable[[], str]) -> None:
        """Show ``words()`` as the message, and word it again after a language change."""
        self._message_words = words
        self.message.setText(words())

    def _fill(self) -> None:
        current = self.state.current_item_id
        docs = sorted(self.state.documents.values(),
                      key=lambda d: (d["agenda_item_id"] != current, d["id"]))
        entries = [(int(d["id"]), str(d["title"])) for d in docs]
        if entries == self._docs:
            return
        self._docs = entries
        chosen = self.choice.currentData()
        self.choice.clear()
        for doc_id, title in entries:
            self.choice.addItem(title, doc_id)
        if chosen is not None:
            self.choice.setCurrentIndex(max(self.choice.findData(chosen), 0))

    def open_selected(self) -> None:
        doc_id = self.choice.currentData()
        if doc_id is not None:
            self.open_document(int(doc_id))

    def open_document(self, document_id: int) -> None:
        doc = self.state.documents.get(document_id)
        source = self.source
        if doc is None or source is None:
            self._say(lambda: tr("Chưa có nguồn tài liệu trên máy này"))
            return
        self._loading = document_id
        self._say(lambda: tr("Đang mở tài liệu…"))
        loaded = partial(self._on_loaded, document_id)

        def unreadable(exc: Exception) -> None:  # a broken cache is a message, never a crash
            log.info("document %d could not be read: %s", document_id, type(exc).__name__)
            loaded(None)

        Task(partial(source, doc)).success(loaded).failure(unreadable).run(self)

    def _ensure_reader(self) -> DocumentReader:
        if self.reader is None:
            self.reader = DocumentReader(
                reader_name=self.reader_name, parent=self,
                clock=lambda: now_in_zone(meeting_zone(self.state.meeting)))
            self.reader.current_page_changed.connect(lambda _page: self._update())
            self.reader.document_opened.connect(lambda _sha: self._update())
            stretch = self._layout.itemAt(self._layout.count() - 1)
            if stretch is not None and stretch.spacerItem() is not None:
                self._layout.removeItem(stretch)
            self._layout.addWidget(self.reader, 1)
        return self.reader

    def _on_loaded(self, document_id: int, data: bytes | None) -> None:
        if document_id != self._loading:
            return
        self._loading = None
        if not data:
            self._say(lambda: tr("Không mở được tài liệu (chưa tải về máy này?)"))
            return
        doc = self.state.documents.get(document_id, {})
        reader = self._ensure_reader()
        reader.open_document(data, title=str(doc.get("title", "")),
                             confidential=bool(doc.get("confidential")),
                             document_id=str(document_id))
        self.open_document_id = document_id
        self._say(str)
        self._update()

    def current_page(self) -> int | None:
        if self.reader is None or self.reader.document_info() is None:
            return None
        return self.reader.current_page()

    def share_page(self) -> None:
        page = self.current_page()
        if page is not None and self.open_document_id is not None:
            self.submit("presenter.share_page",
                        {"document_id": self.open_document_id, "page": page})

    def _update(self) -> None:
        self.share_action.setEnabled(self.in_progress and self.may_run_floor
                                     and self.current_page() is not None)
        self.open_button.setEnabled(self.source is not None and bool(self._docs))

    def refresh(self, parts: set[Part]) -> None:
        if parts & {"documents", "agenda", "meeting"}:
            self._fill()
        shared = self.state.shared_page
        if "presenter" in parts and shared:
            title = self.state.documents.get(int(shared["document_id"]), {}).get("title", "")
            page = int(shared["page"]) + 1
            self._say(lambda: tr("Đã chia sẻ trang {page} của “{title}”").format(
                page=page, title=title))
        self._update()

    def shutdown(self) -> None:
        if self.reader is not None:
            self.reader.shutdown()
