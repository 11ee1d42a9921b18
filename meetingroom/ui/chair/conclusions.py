"""The chair's conclusion (kết luận) of the item under discussion, kept on the server.

The text is the meeting's record, not a note on one laptop: it is saved with
``conclusion.set``, the same command the secretary's workspace uses, so the
chair and the secretary read and correct one text and it goes into the minutes.
Typing is sent once it pauses; the editor shows the server's value, and a change
made elsewhere (the secretary) replaces it unless the chair has unsent typing.
Our own saves come back as events; those are recognised and do not move the
cursor under the chair's hands.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from meetingroom.laptop.meeting_store import Part
from meetingroom.sync.client.connection import Refusal
from meetingroom.ui.chair.panel import Panel, big_label
from meetingroom.ui.chair.texts import item_title, tr
from meetingroom.ui.qt import QPlainTextEdit, QTimer, QVBoxLayout, QWidget
from meetingroom.ui.refusals import command_refusal_text
from meetingroom.ui.session import LiveMeeting

#: How long typing must pause before the text goes to the server.
SAVE_AFTER_MS = 800


class ConclusionEditor(Panel):
    """The conclusion of the item under discussion; saved to the server after typing stops."""

    def __init__(self, session: LiveMeeting, parent: QWidget | None = None) -> None:
        super().__init__("", session, parent)
        self.item_label = big_label(bold=True, parent=self)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("conclusion_editor")
        self.status_label = big_label(points=0.9, parent=self)
        self.status_label.setObjectName("conclusion_status")
        #: The status line's words, kept unworded so a language change can word them again.
        self._status_words: Callable[[], str] = str
        self.hint = big_label(points=0.9, parent=self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.item_label)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(self.hint)
        self._item_id: int | None = None
        self._dirty = False
        # Texts sent and not yet seen back, oldest first (our own echoes are not news).
        self._sent: list[str] = []
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_AFTER_MS)
        self._save_timer.timeout.connect(self.save_now)
        self.editor.textChanged.connect(self._edited)
        session.refused.connect(self._refused)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(tr("Kết luận của chủ tọa"))
        self.editor.setPlaceholderText(tr("Ghi kết luận cho mục đang thảo luận…"))
        self.editor.setAccessibleName(tr("Kết luận của mục đang thảo luận"))
        self.hint.setText(tr("Lưu trên máy chủ: thư ký thấy và chỉnh cùng nội dung này, "
                             "và nó được đưa vào biên bản."))
        self._show_item()
        self._say(self._status_words)

    def _show_item(self) -> None:
        if self.state.meeting:
            self.item_label.setText(item_title(self.state, self._item_id)
                                    or tr("Chưa chọn mục nào"))

    def _say(self, words: Callable[[], str]) -> None:
        """Show ``words()`` on the status line, and word it again after a language change."""
        self._status_words = words
        self.status_label.setText(words())

    def _server_text(self, item_id: int | None) -> str | None:
        conclusion: dict[str, Any] | None = self.state.conclusions.get(item_id) \
            if item_id is not None else None
        return str(conclusion["text"]) if conclusion else None

    def _edited(self) -> None:
        if self._item_id is None:
            return
        self._dirty = True
        self._say(lambda: tr("Chưa lưu…"))
        self._save_timer.start()

    def save_now(self) -> None:
        """Send unsent typing now (also when the console closes or the item changes).

        Nothing to wait for, even at closing: the command is queued on disk by the
        connection and sent when it can be.
        """
        self._save_timer.stop()
        if not self._dirty or self._item_id is None:
            return
        self._dirty = False
        text = self.editor.toPlainText().strip()
        if text == (self._server_text(self._item_id) or ""):
            self._say(lambda: tr("Đã lưu trên máy chủ"))
            return
        self._sent.append(text)
        self.submit("conclusion.set", {"item_id": self._item_id, "text": text})
        self._say(lambda: tr("Đang lưu…"))

    def _refused(self, refusal: Refusal) -> None:
        if refusal.command.name != "conclusion.set":
            return
        # Not saved: the text stays in the editor, marked unsaved, for the next try.
        self._sent.clear()
        self._dirty = True
        self._say(lambda: tr("Chưa lưu: {reason}").format(
            reason=command_refusal_text(refusal)))

    def _show(self, text: str) -> None:
        self.editor.blockSignals(True)
        self.editor.setPlainText(text)
        self.editor.blockSignals(False)

    def refresh(self, parts: set[Part]) -> None:
        item = self.state.current_item_id
        if item != self._item_id:
            self.save_now()
            self._item_id = item
            self._sent.clear()
            self._show_item()
            saved = self._server_text(item)
            self._show(saved or "")
            self._say((lambda: tr("Đã lưu trên máy chủ")) if saved is not None else str)
        elif "conclusions" in parts:
            self._server_changed()
        self.editor.setEnabled(item is not None and self.may_run_floor)

    def _server_changed(self) -> None:
        saved = self._server_text(self._item_id)
        if saved is None:
            return
        if saved in self._sent:
            # Our own save came back: everything sent before it is settled too.
            del self._sent[:self._sent.index(saved) + 1]
            if not self._dirty and not self._sent:
                self._say(lambda: tr("Đã lưu trên máy chủ"))
            return
        if self._dirty or self._sent:
            return  # the chair's newer typing wins; it is on its way
        if saved != self.editor.toPlainText().strip():
            self._show(saved)
            self._say(lambda: tr("Đã cập nhật từ máy chủ"))
