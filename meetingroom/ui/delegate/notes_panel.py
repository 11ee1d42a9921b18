"""Personal notes per agenda item, saved as the user types; never shared.

The notes file is read once in the background when the panel opens; every
save is queued on one lane (meetingroom/ui/tasks.py), in order, so the GUI
thread never waits on the disk. ``shutdown`` waits for the last save (called
when the window closes).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from meetingroom.laptop.notes import NotesStore
from meetingroom.ui.qt import (
    QEvent,
    QLabel,
    QPlainTextEdit,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from meetingroom.ui.tasks import Future, Lane, Task

SAVE_DELAY_MS = 600


class NotesPanel(QWidget):
    saved = Signal(int)  # item id, once its text is on disk
    loaded = Signal()

    def __init__(self, path: Path, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.meeting_id = meeting_id
        self._lane = Lane("meetingroom-notes", self)
        self._store: NotesStore | None = None
        self._notes: dict[int, str] | None = None
        self._item_id: int | None = None
        self._item_title = ""
        self._dirty: set[int] = set()
        self._closed = False

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold")
        self.editor = QPlainTextEdit(self)
        self._word_static()
        self.hint = QLabel(self)
        self.hint.setStyleSheet("color: #555")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.hint)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.editor.textChanged.connect(self._on_edit)
        self._show()
        Task(partial(self._read, Path(path))).success(self._on_notes_read) \
            .run(self, lane=self._lane)

    # --- language ----------------------------------------------------------------------

    def _word_static(self) -> None:
        self.editor.setPlaceholderText(self.tr(
            "Ghi chú cá nhân cho nội dung này. Chỉ bạn xem được; tự động lưu trên máy."))
        self.editor.setToolTip(self.tr("Ghi chú được lưu tự động khi bạn gõ"))

    def _word_heading(self) -> None:
        if self._item_id is None:
            self.heading.setText(self.tr("Chọn một nội dung trong chương trình để ghi chú."))
        else:
            self.heading.setText(self.tr("Ghi chú: {title}").format(title=self._item_title))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        # Only the words: the note being typed, and where the cursor is, stay as they are.
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "hint"):
            self._word_static()
            self._word_heading()
        super().changeEvent(event)

    # --- background work (on the lane) ------------------------------------------------

    def _read(self, path: Path) -> dict[int, str]:
        self._store = NotesStore(path)
        return self._store.meeting_notes(self.meeting_id)

    def _write(self, item_id: int, text: str) -> int:
        assert self._store is not None
        self._store.put(self.meeting_id, item_id, text)
        return item_id

    # --- GUI thread -----------------------------------------------------------------

    def _on_notes_read(self, notes: dict[int, str]) -> None:
        self._notes = notes
        self._show()
        self.loaded.emit()

    def _on_written(self, item_id: int) -> None:
        if item_id == self._item_id and item_id not in self._dirty:
            self.hint.setText(self.tr("Đã lưu"))
        self.saved.emit(item_id)

    def is_loaded(self) -> bool:
        return self._notes is not None

    def set_item(self, item_id: int | None, title: str = "") -> None:
        if item_id == self._item_id and title == self._item_title:
            return
        self.flush()
        self._item_id = item_id
        self._item_title = title
        self._show()

    def item_id(self) -> int | None:
        return self._item_id

    def text(self) -> str:
        return self.editor.toPlainText()

    def _show(self) -> None:
        ready = self._notes is not None and self._item_id is not None
        self._word_heading()
        self.editor.blockSignals(True)
        self.editor.setPlainText(self._notes.get(self._item_id, "")
                                 if ready and self._notes is not None
                                 and self._item_id is not None else "")
        self.editor.blockSignals(False)
        self.editor.setReadOnly(not ready)
        self.editor.setEnabled(ready)
        self.hint.setText("" if ready or self._item_id is None
                          else self.tr("Đang mở ghi chú…"))

    def _on_edit(self) -> None:
        if self._notes is None or self._item_id is None:
            return
        self._notes[self._item_id] = self.editor.toPlainText()
        self._dirty.add(self._item_id)
        self.hint.setText(self.tr("Đang lưu…"))
        self._timer.start()

    def flush(self) -> None:
        """Queue every unsaved text for writing now."""
        self._timer.stop()
        if self._notes is None or self._closed:
            return
        for item_id in sorted(self._dirty):
            Task(partial(self._write, item_id, self._notes.get(item_id, ""))) \
                .success(self._on_written).run(self, lane=self._lane)
        self._dirty.clear()

    def shutdown(self) -> None:
        """Write what is left and stop the writer; safe to call twice."""
        if self._closed:
            return
        self.flush()
        self._closed = True
        self._lane.wait_idle()

    def pending_write(self) -> Future[None]:
        """A future that completes after every write queued so far (for tests and closing)."""
        return Task(lambda: None).run(self, lane=self._lane)
