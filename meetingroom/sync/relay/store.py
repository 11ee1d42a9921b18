"""The relay's own small SQLite database — not the chair server's schema.

``relay.sqlite3`` in the relay's folder holds the mirrored event log (the
province's sequence numbers), the outbox of laptops' commands (with the user's
token until the province answers), digests of the session tokens seen, each
user's last snapshot and the files each user was found to be allowed to read.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from meetingroom.server.passwords import token_digest
from meetingroom.server.service import WireEvent


@dataclass
class Queued:
    user_id: int
    command_id: str
    token: str
    meeting_id: int
    name: str
    args: dict[str, Any]


class RelayStore:
    """The relay's own small SQLite database — not the chair server's schema."""

    SCHEMA = """
    CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS events(seq INTEGER PRIMARY KEY, type TEXT NOT NULL,
        payload TEXT NOT NULL, at TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS outbox(user_id INTEGER NOT NULL, command_id TEXT NOT NULL,
        token TEXT NOT NULL, meeting_id INTEGER NOT NULL, name TEXT NOT NULL,
        args TEXT NOT NULL, queued_at REAL NOT NULL, reply TEXT,
        PRIMARY KEY(user_id, command_id));
    CREATE TABLE IF NOT EXISTS sessions(digest TEXT PRIMARY KEY, user TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS snapshots(user_id INTEGER PRIMARY KEY, seq INTEGER NOT NULL,
        role TEXT NOT NULL, snapshot TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS grants(user_id INTEGER NOT NULL, sha256 TEXT NOT NULL,
        size INTEGER NOT NULL, PRIMARY KEY(user_id, sha256));
    """

    def __init__(self, path: Path | None) -> None:
        self._db = sqlite3.connect(str(path) if path else ":memory:", check_same_thread=False,
                                   isolation_level=None)
        self._lock = threading.Lock()
        if path is not None:
            self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(self.SCHEMA)

    def close(self) -> None:
        self._db.close()

    @contextlib.contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _one(self, sql: str, *args: Any) -> Any:
        with self._lock:
            row = self._db.execute(sql, args).fetchone()
        return row

    # --- the mirrored log -------------------------------------------------------------

    def meta(self, key: str, default: int = 0) -> int:
        row = self._one("SELECT value FROM meta WHERE key = ?", key)
        return int(row[0]) if row else default

    @property
    def base_seq(self) -> int:
        """The log holds events ``base_seq + 1`` … ``last_seq``."""
        return self.meta("base_seq")

    @property
    def last_seq(self) -> int:
        return self.meta("last_seq")

    def reset(self, seq: int) -> None:
        """Start the log afresh at ``seq`` — the uplink got a snapshot."""
        with self._tx() as db:
            db.execute("DELETE FROM events")
            db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                           [("base_seq", str(seq)), ("last_seq", str(seq))])

    def append(self, events: list[WireEvent]) -> None:
        with self._tx() as db:
            db.executemany("INSERT INTO events VALUES (?, ?, ?, ?)",
                           [(e.seq, e.type, json.dumps(e.payload, ensure_ascii=False),
                             str(e.at)) for e in events])
            db.execute("INSERT OR REPLACE INTO meta VALUES ('last_seq', ?)",
                       (str(events[-1].seq),))

    def events_after(self, meeting_id: int, seq: int) -> list[WireEvent]:
        with self._lock:
            rows = self._db.execute("SELECT seq, type, payload, at FROM events WHERE seq > ? "
                                    "ORDER BY seq", (seq,)).fetchall()
        return [WireEvent(meeting_id, s, t, json.loads(p), a) for s, t, p, a in rows]

    # --- sessions, snapshots, grants --------------------------------------------------

    def remember_session(self, token: str, user: dict[str, Any]) -> None:
        with self._tx() as db:
            db.execute("INSERT OR REPLACE INTO sessions VALUES (?, ?)",
                       (token_digest(token), json.dumps(user, ensure_ascii=False)))

    def session(self, token: str) -> dict[str, Any] | None:
        row = self._one("SELECT user FROM sessions WHERE digest = ?", token_digest(token))
        return dict(json.loads(row[0])) if row else None

    def forget_session(self, token: str) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM sessions WHERE digest = ?", (token_digest(token),))

    def save_snapshot(self, user_id: int, seq: int, role: str,
                      snapshot: dict[str, Any]) -> None:
        with self._tx() as db:
            db.execute("INSERT OR REPLACE INTO snapshots VALUES (?, ?, ?, ?)",
                       (user_id, seq, role, json.dumps(snapshot, ensure_ascii=False)))

    def snapshot(self, user_id: int) -> tuple[int, str, dict[str, Any]] | None:
        row = self._one("SELECT seq, role, snapshot FROM snapshots WHERE user_id = ?", user_id)
        return (int(row[0]), str(row[1]), dict(json.loads(row[2]))) if row else None

    def grant(self, user_id: int, sha256: str, size: int) -> None:
        with self._tx() as db:
            db.execute("INSERT OR REPLACE INTO grants VALUES (?, ?, ?)", (user_id, sha256, size))

    def granted(self, user_id: int, sha256: str) -> int | None:
        row = self._one("SELECT size FROM grants WHERE user_id = ? AND sha256 = ?", user_id,
                        sha256)
        return int(row[0]) if row else None

    def revoke(self, *, sha256: str | None = None, user_id: int | None = None) -> None:
        with self._tx() as db:
            if sha256 is not None:
                db.execute("DELETE FROM grants WHERE sha256 = ?", (sha256,))
            if user_id is not None:
                db.execute("DELETE FROM grants WHERE user_id = ?", (user_id,))

    # --- the outbox ---------------------------------------------------------------------

    def queue(self, item: Queued) -> dict[str, Any] | None:
        """Keep a command until the province answers it; a known id returns its answer."""
        with self._tx() as db:
            row = db.execute("SELECT reply FROM outbox WHERE user_id = ? AND command_id = ?",
                             (item.user_id, item.command_id)).fetchone()
            if row is not None:
                return dict(json.loads(row[0])) if row[0] else None
            db.execute("INSERT INTO outbox VALUES (?, ?, ?, ?, ?, ?, ?, NULL)",
                       (item.user_id, item.command_id, item.token, item.meeting_id, item.name,
                        json.dumps(item.args, ensure_ascii=False), time.time()))
        return None

    def next_pending(self, user_id: int) -> Queued | None:
        with self._lock:
            row = self._db.execute(
                "SELECT user_id, command_id, token, meeting_id, name, args FROM outbox "
                "WHERE user_id = ? AND reply IS NULL ORDER BY queued_at, rowid LIMIT 1",
                (user_id,)).fetchone()
        if row is None:
            return None
        return Queued(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]))

    def pending_users(self) -> list[int]:
        with self._lock:
            return [r[0] for r in self._db.execute(
                "SELECT DISTINCT user_id FROM outbox WHERE reply IS NULL")]

    def pending_count(self) -> int:
        return int(self._one("SELECT count(*) FROM outbox WHERE reply IS NULL")[0])

    def answer(self, user_id: int, command_id: str, reply: dict[str, Any]) -> None:
        """The province answered: keep the answer for retries, drop the token."""
        with self._tx() as db:
            db.execute("UPDATE outbox SET reply = ?, token = '' WHERE user_id = ? AND "
                       "command_id = ?", (json.dumps(reply, ensure_ascii=False), user_id,
                                          command_id))
            db.execute("DELETE FROM outbox WHERE reply IS NOT NULL AND queued_at < ?",
                       (time.time() - 7 * 86400,))
