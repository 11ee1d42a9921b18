"""The chair's conclusion notes per agenda item, kept in the profile folder.

A small JSON file (``chair_conclusions.json``): {meeting id: {item id: text}}.
It is read once when the console opens (a few kilobytes) and written on a
worker thread after typing pauses, so the GUI thread never waits on the disk.
The secretary's formal conclusions and minutes are a separate feature.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from pathlib import Path
from typing import Any

from meetingroom.client_state import Part
from meetingroom.ui.chair.panel import Panel, big_label
from meetingroom.ui.chair.texts import item_title, tr
from meetingroom.ui.qt import QPlainTextEdit, QThreadPool, QTimer, QVBoxLayout, QWidget
from meetingroom.ui.session import MeetingSession

log = logging.getLogger("meetingroom.ui.chair")
FILENAME = "chair_conclusions.json"


class ConclusionNotes:
    """The notes of one user; every method is cheap except :meth:`write`, run off the GUI."""

    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / FILENAME
        self._lock = threading.Lock()
        self._written = 0
        self._version = 0
        self._data: dict[str, dict[str, str]] = {}
        try:
            loaded: Any = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            loaded = {}
        except (OSError, ValueError):
            log.warning("unreadable conclusion notes in %s; starting empty", self.path)
            loaded = {}
        if isinstance(loaded, dict):
            self._data = {str(m): {str(i): str(t) for i, t in items.items()}
                          for m, items in loaded.items() if isinstance(items, dict)}

    def get(self, meeting_id: int, item_id: int) -> str:
        return self._data.get(str(meeting_id), {}).get(str(item_id), "")

    def set(self, meeting_id: int, item_id: int, text: str) -> tuple[int, str]:
        """Change one note; returns (version, JSON) for :meth:`write`."""
        items = self._data.setdefault(str(meeting_id), {})
        if text:
            items[str(item_id)] = text
        else:
            items.pop(str(item_id), None)
        self._version += 1
        return self._version, json.dumps(self._data, ensure_ascii=False, indent=1)

    def write(self, version: int, payload: str) -> None:
        """Atomically replace the file, unless a newer version is already written."""
        with self._lock:
            if version <= self._written:
                return
            tmp = self.path.with_suffix(".tmp")
            try:
                tmp.write_text(payload, encoding="utf-8")
                os.replace(tmp, self.path)
            except OSError:
                log.exception("could not save conclusion notes to %s", self.path)
                return
            self._written = version


class ConclusionEditor(Panel):
    """The note of the item under discussion; saved half a second after typing stops."""

    def __init__(self, session: MeetingSession, notes: ConclusionNotes,
                 parent: QWidget | None = None) -> None:
        super().__init__(tr("Kết luận của chủ tọa"), session, parent)
        self.notes = notes
        self.item_label = big_label(bold=True, parent=self)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("conclusion_editor")
        self.editor.setPlaceholderText(tr("Ghi kết luận cho mục đang thảo luận…"))
        self.hint = big_label(tr("Lưu trên máy này; thư ký soạn kết luận chính thức trong "
                                 "biên bản."), 0.9, parent=self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.item_label)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.hint)
        self._item_id: int | None = None
        self._pending: tuple[int, str] | None = None
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(500)
        self._save_timer.timeout.connect(self.save_now)
        self.editor.textChanged.connect(self._edited)

    def _edited(self) -> None:
        if self._item_id is None:
            return
        self._pending = self.notes.set(self.session.meeting_id, self._item_id,
                                       self.editor.toPlainText())
        self._save_timer.start()

    def save_now(self, *, wait: bool = False) -> None:
        pending, self._pending = self._pending, None
        if pending is None:
            return
        if wait:
            self.notes.write(*pending)
        else:
            QThreadPool.globalInstance().start(lambda: self.notes.write(*pending))

    def refresh(self, parts: set[Part]) -> None:
        item = self.state.current_item_id
        if item == self._item_id:
            return
        self.save_now()
        self._item_id = item
        self.item_label.setText(item_title(self.state, item) or tr("Chưa chọn mục nào"))
        self.editor.blockSignals(True)
        self.editor.setPlainText(self.notes.get(self.session.meeting_id, item) if item else "")
        self.editor.blockSignals(False)
        self.editor.setEnabled(item is not None)
