"""The local, per-user annotation store: one small SQLite file in the profile folder.

Stdlib sqlite3 is enough for a handful of rows per document and keeps this
store independent of the meeting cache's schema and migrations. A connection
is opened per call so the store can be used from the reader's worker thread
as well as from tests without thread affinity.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from meetingroom.core.pdf.annotations import Annotation, AnnotationSync, merge_annotations

FILENAME = "annotations.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS annotation (
    user_id TEXT NOT NULL,
    id TEXT NOT NULL,
    document_sha256 TEXT NOT NULL,
    modified REAL NOT NULL,
    deleted INTEGER NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (user_id, id)
);
CREATE INDEX IF NOT EXISTS annotation_by_document ON annotation (user_id, document_sha256);
"""


class AnnotationStore:
    """Annotations of one user, keyed by document version (SHA-256)."""

    def __init__(self, profile_dir: Path, user_id: str) -> None:
        self.path = Path(profile_dir) / FILENAME
        self.user_id = user_id
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

    def annotations(
        self, document_sha256: str, *, include_deleted: bool = False
    ) -> list[Annotation]:
        """Current versions for a document; tombstones only when syncing."""
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT payload FROM annotation WHERE user_id = ? AND document_sha256 = ?",
                (self.user_id, document_sha256),
            ).fetchall()
        result = [Annotation.from_json(_loads(row[0])) for row in rows]
        if not include_deleted:
            result = [a for a in result if not a.deleted]
        return sorted(result, key=lambda a: (a.page, a.created, a.id))

    def put(self, annotation: Annotation) -> None:
        """Store a local edit as is: the user's latest action is the latest version."""
        self._write([annotation])

    def merge(self, document_sha256: str, incoming: Iterable[Annotation]) -> list[Annotation]:
        """Fold versions from elsewhere in (last writer wins); return all, tombstones too."""
        mine = self.annotations(document_sha256, include_deleted=True)
        theirs = [a for a in incoming if a.document_sha256 == document_sha256]
        merged = merge_annotations(mine, theirs)
        known = {a.id: a for a in mine}
        self._write([a for a in merged if known.get(a.id) != a])
        return merged

    def synchronise(self, sync: AnnotationSync, document_sha256: str) -> list[Annotation]:
        """Pull, merge, push the result: after this both sides hold the same versions."""
        merged = self.merge(document_sha256, sync.pull(document_sha256))
        sync.push(document_sha256, merged)
        return [a for a in merged if not a.deleted]

    def _write(self, annotations: Iterable[Annotation]) -> None:
        rows = [
            (self.user_id, a.id, a.document_sha256, a.modified, int(a.deleted), a.dumps())
            for a in annotations
        ]
        if not rows:
            return
        with self._connect() as conn:
            conn.executemany(
                "INSERT INTO annotation (user_id, id, document_sha256, modified, deleted, payload)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, id) DO UPDATE SET"
                " document_sha256 = excluded.document_sha256, modified = excluded.modified,"
                " deleted = excluded.deleted, payload = excluded.payload",
                rows,
            )


def _loads(payload: str) -> dict[str, Any]:
    data = json.loads(payload)
    if not isinstance(data, dict):
        raise ValueError("annotation payload is not an object")
    return data
