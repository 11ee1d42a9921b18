"""A delegate's personal notes, one text per agenda item, kept in the user's profile folder.

Notes never leave the laptop and never mix between users: each profile folder
has its own file (``Profile.notes``). Stdlib sqlite3 is enough for a few
hundred short texts; a connection is opened per call so the store can be used
from a background writer thread as well as from tests.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS note (
    meeting_id INTEGER NOT NULL,
    item_id INTEGER NOT NULL,
    text TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, item_id)
);
"""


class NotesStore:
    """Notes of one user (one profile); an empty text deletes the note."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as conn:
            conn.executescript(_SCHEMA)

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            conn = sqlite3.connect(self.path, timeout=10.0)
            try:
                with conn:
                    yield conn
            finally:
                conn.close()

    def get(self, meeting_id: int, item_id: int) -> str:
        with self._connect() as conn:
            row = conn.execute("SELECT text FROM note WHERE meeting_id = ? AND item_id = ?",
                               (meeting_id, item_id)).fetchone()
        return str(row[0]) if row else ""

    def put(self, meeting_id: int, item_id: int, text: str) -> None:
        with self._connect() as conn:
            if text.strip():
                conn.execute(
                    "INSERT INTO note (meeting_id, item_id, text, updated_at) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT (meeting_id, item_id) "
                    "DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
                    (meeting_id, item_id, text, datetime.now(UTC).isoformat()))
            else:
                conn.execute("DELETE FROM note WHERE meeting_id = ? AND item_id = ?",
                             (meeting_id, item_id))

    def meeting_notes(self, meeting_id: int) -> dict[int, str]:
        """Every note of a meeting, by agenda item id."""
        with self._connect() as conn:
            rows = conn.execute("SELECT item_id, text FROM note WHERE meeting_id = ?",
                                (meeting_id,)).fetchall()
        return {int(item_id): str(text) for item_id, text in rows}
