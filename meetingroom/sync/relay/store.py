"""The relay's own small SQLite database — not the chair server's schema — and the one
thread that touches it.

``relay.sqlite3`` in the relay's folder holds the mirrored event log (the
province's sequence numbers; a run of ballots and check-ins is one row of ``runs``),
the outbox of laptops' commands (with the user's token until the province answers),
digests of the session tokens seen, each user's last snapshot and the files each user
was found to be allowed to read.

``RelayStorage`` runs every statement on a thread of its own, one at a time in
the order asked: a commune hall's relay is often a small box with an SD card or
a tired disk, and a write that waits for it must not stop the event loop that
answers the hall's laptops (their pings, their replays, their ballots' "queued").
One writer also keeps the log's order: events are written in the order they
came, and a read asked for after a write sees it.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from meetingroom.server.passwords import token_digest
from meetingroom.server.service import WireEvent
from meetingroom.sync.client.local_store import immediate_transaction
from meetingroom.sync.serving.runs import FoldedRun, run_events

log = logging.getLogger("meetingroom.relay")
T = TypeVar("T")

#: Events after which some users may no longer read a file.
REVOKING = frozenset({"document.withdrawn", "document.replaced", "participant.removed"})
#: How long a statement waits for a busy or stalled disk before it fails.
BUSY_SECONDS = 120.0
#: How long an answered command is kept for a laptop that sends its id again.
KEEP_ANSWERS_S = 7 * 86400
#: How often answers older than that are dropped.
PURGE_EVERY_S = 3600.0

@dataclass
class Queued:
    user_id: int
    command_id: str
    token: str
    meeting_id: int
    name: str
    args: dict[str, Any]


_PENDING = "SELECT count(*) FROM outbox WHERE reply IS NULL"


def _revoke(db: sqlite3.Connection, event: WireEvent) -> None:
    payload = event.payload
    if event.type == "participant.removed" and isinstance(payload.get("user_id"), int):
        db.execute("DELETE FROM grants WHERE user_id = ?", (payload["user_id"],))
    for key in ("sha256", "previous_sha256"):
        if isinstance(payload.get(key), str):
            db.execute("DELETE FROM grants WHERE sha256 = ?", (payload[key],))


class RelayStore:
    """The relay's own small SQLite database; ``RelayStorage`` calls it on its thread.

    ``seq``, ``base`` and ``pending`` are kept in memory as well, for the event loop to
    read — the hall's link view, the uplink's resume point — without touching the disk.
    """

    SCHEMA = """
    CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS events(seq INTEGER PRIMARY KEY, type TEXT NOT NULL,
        payload TEXT NOT NULL, at TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS runs(seq INTEGER PRIMARY KEY, from_seq INTEGER NOT NULL,
        log TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS outbox(user_id INTEGER NOT NULL, command_id TEXT NOT NULL,
        token TEXT NOT NULL, meeting_id INTEGER NOT NULL, name TEXT NOT NULL,
        args TEXT NOT NULL, queued_at REAL NOT NULL, reply TEXT,
        PRIMARY KEY(user_id, command_id));
    CREATE TABLE IF NOT EXISTS sessions(digest TEXT PRIMARY KEY, user TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS snapshots(user_id INTEGER PRIMARY KEY, seq INTEGER NOT NULL,
        role TEXT NOT NULL, snapshot TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS grants(user_id INTEGER NOT NULL, sha256 TEXT NOT NULL,
        size INTEGER NOT NULL, PRIMARY KEY(user_id, sha256));
    CREATE INDEX IF NOT EXISTS outbox_waiting ON outbox(queued_at) WHERE reply IS NULL;
    """

    def __init__(self, path: Path | None) -> None:
        self._db = sqlite3.connect(str(path) if path else ":memory:", check_same_thread=False,
                                   isolation_level=None, timeout=BUSY_SECONDS)
        self._lock = threading.Lock()
        if path is not None:
            self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(self.SCHEMA)
        self.base = self.meta("base_seq")
        self.seq = self.meta("last_seq")
        self.pending = self.pending_count()
        #: When answers older than ``KEEP_ANSWERS_S`` were last dropped (a scan of the
        #: outbox, once an hour rather than with every answer).
        self._purged = float("-inf")

    def close(self) -> None:
        self._db.close()

    @contextlib.contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock, immediate_transaction(self._db) as db:
            yield db

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
            db.execute("DELETE FROM runs")
            db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                           [("base_seq", str(seq)), ("last_seq", str(seq))])
        self.base = self.seq = seq

    def append(self, events: list[WireEvent | FoldedRun]) -> list[WireEvent | FoldedRun]:
        """Add the events and runs that follow the log (older ones are already here) and
        forget the file grants they revoke; returns what was added. A gap is refused
        (ValueError): the uplink resubscribes from ``seq``. A run is one row, its events
        as they came (``FoldedRun.log``)."""
        fresh: list[WireEvent | FoldedRun] = []
        expected = self.seq + 1
        for item in events:
            first = item.from_seq if isinstance(item, FoldedRun) else item.seq
            if item.seq < expected:
                continue
            if first < expected and isinstance(item, FoldedRun):  # partly here already
                fresh += [e for e in item.events() if e.seq >= expected]
            elif first != expected:
                raise ValueError(f"events out of step: after {expected - 1} came {first}")
            else:
                fresh.append(item)
            expected = item.seq + 1
        if not fresh:
            return []
        with self._tx() as db:
            db.executemany("INSERT INTO events VALUES (?, ?, ?, ?)",
                           [(e.seq, e.type, json.dumps(e.payload, ensure_ascii=False),
                             str(e.at)) for e in fresh if isinstance(e, WireEvent)])
            db.executemany("INSERT INTO runs VALUES (?, ?, ?)",
                           [(r.seq, r.from_seq, r.log) for r in fresh
                            if isinstance(r, FoldedRun)])
            db.execute("INSERT OR REPLACE INTO meta VALUES ('last_seq', ?)",
                       (str(fresh[-1].seq),))
            for event in fresh:
                if isinstance(event, WireEvent) and event.type in REVOKING:
                    _revoke(db, event)
        self.seq = fresh[-1].seq
        return fresh

    def events_after(self, meeting_id: int, seq: int) -> list[WireEvent]:
        with self._lock:
            rows = self._db.execute("SELECT seq, type, payload, at FROM events WHERE seq > ? "
                                    "ORDER BY seq", (seq,)).fetchall()
            runs = self._db.execute("SELECT log FROM runs WHERE seq > ? ORDER BY seq",
                                    (seq,)).fetchall()
        events = [WireEvent(meeting_id, s, t, json.loads(p), a) for s, t, p, a in rows]
        if runs:
            events += [e for (log,) in runs for e in run_events(meeting_id, log) if e.seq > seq]
            events.sort(key=lambda e: e.seq)
        return events

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
            self.pending = int(db.execute(_PENDING).fetchone()[0])
        return None

    def pending_count(self) -> int:
        return int(self._one(_PENDING)[0])

    def pending_commands(self) -> list[Queued]:
        """Every command not yet answered, oldest first — the relay restarted."""
        with self._lock:
            rows = self._db.execute(
                "SELECT user_id, command_id, token, meeting_id, name, args FROM outbox "
                "WHERE reply IS NULL ORDER BY queued_at, rowid").fetchall()
        return [Queued(r[0], r[1], r[2], r[3], r[4], json.loads(r[5])) for r in rows]

    def answer(self, user_id: int, command_id: str, reply: dict[str, Any]) -> None:
        """The province answered: keep the answer for retries, drop the token."""
        with self._tx() as db:
            db.execute("UPDATE outbox SET reply = ?, token = '' WHERE user_id = ? AND "
                       "command_id = ?", (json.dumps(reply, ensure_ascii=False), user_id,
                                          command_id))
            if time.monotonic() - self._purged > PURGE_EVERY_S:
                self._purged = time.monotonic()
                db.execute("DELETE FROM outbox WHERE reply IS NOT NULL AND queued_at < ?",
                           (time.time() - KEEP_ANSWERS_S,))
            self.pending = int(db.execute(_PENDING).fetchone()[0])


class RelayStorage:
    """The relay's store behind its storage thread: ``call`` runs a ``RelayStore`` method
    there and gives a future to await (or to leave: a failure is logged)."""

    def __init__(self, path: Path | None) -> None:
        self.db = RelayStore(path)
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="meetingroom-relay-store")

    def call(self, method: Callable[..., T], *args: Any) -> asyncio.Future[T]:
        future = asyncio.get_running_loop().run_in_executor(self._thread,
                                                             partial(method, *args))
        future.add_done_callback(_log_failure)
        return future

    # What the loop reads without the disk: kept in memory by the store.

    def pending_count(self) -> int:
        """Commands waiting for the province's answer."""
        return self.db.pending

    @property
    def last_seq(self) -> int:
        return self.db.seq

    @property
    def base_seq(self) -> int:
        return self.db.base

    def forget_session(self, token: str) -> asyncio.Future[None]:
        return self.call(self.db.forget_session, token)

    def close(self) -> None:
        """Finish the writes asked for, then close the database."""
        self._thread.shutdown(wait=True)
        self.db.close()


def _log_failure(future: asyncio.Future[Any]) -> None:
    if not future.cancelled() and (exc := future.exception()) is not None:
        log.error("relay storage failed: %s: %s", type(exc).__name__, exc)
