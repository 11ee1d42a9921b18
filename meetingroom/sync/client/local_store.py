"""The client's memory on disk, in the profile folder: the command outbox and the meeting cache.

A delegate's laptop loses Wi-Fi, is closed, runs out of battery. What the user
did in the meantime (checked in, asked to speak, cast a ballot) must survive
all of that until the server has answered it, and the meeting must still be
readable with no network. Both live in one small SQLite file in WAL mode with
full sync, so a command is on disk before the user is told it is queued.

Rows are scoped by server URL and user name: one profile folder may see
several servers or accounts, and a command must only ever be sent under the
account that made it — the server deduplicates command ids per user.

Queued commands are sealed (AES-GCM) with the account's key from the OS
keyring (``set_key``), so an offline secret ballot's choice and secret never
lie readable in the file or its write-ahead log, across restarts too; with no
keyring, a secret ballot stays in memory only until it is sent.

Secrets never come here: no password, no session token. The one exception is
the per-account *device secret* (``device_secret``): a random string that only
makes the server judge this laptop's logins leniently (``login_guard``); it
grants no access by itself. Deleted rows are
overwritten (``secure_delete``) so a ballot's choice does not linger in free
pages after the server has it.
"""

from __future__ import annotations

import base64
import contextlib
import itertools
import json
import logging
import os
import secrets
import sqlite3
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from meetingroom.core.protocol import first_seq

log = logging.getLogger("meetingroom.local_store")

#: The file inside the profile folder.
FILE_NAME = "sync.sqlite3"
SCHEMA_VERSION = 3

_SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    position    INTEGER PRIMARY KEY AUTOINCREMENT,
    server      TEXT    NOT NULL,
    username    TEXT    NOT NULL,
    command_id  TEXT    NOT NULL,
    meeting_id  INTEGER NOT NULL,
    name        TEXT    NOT NULL,
    args        TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    made_offline INTEGER NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    UNIQUE (server, username, command_id)
);
CREATE TABLE IF NOT EXISTS meetings (
    server        TEXT    NOT NULL,
    username      TEXT    NOT NULL,
    meeting_id    INTEGER NOT NULL,
    seq           INTEGER NOT NULL,
    snapshot_seq  INTEGER NOT NULL,
    role          TEXT    NOT NULL,
    snapshot      TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    PRIMARY KEY (server, username, meeting_id)
);
CREATE TABLE IF NOT EXISTS devices (
    server      TEXT    NOT NULL,
    username    TEXT    NOT NULL,
    secret      TEXT    NOT NULL,
    PRIMARY KEY (server, username)
);
CREATE TABLE IF NOT EXISTS accounts (
    server      TEXT    NOT NULL,
    username    TEXT    NOT NULL,
    user        TEXT,
    meetings    TEXT,
    listed_at   TEXT,
    PRIMARY KEY (server, username)
);
CREATE TABLE IF NOT EXISTS events (
    server      TEXT    NOT NULL,
    username    TEXT    NOT NULL,
    meeting_id  INTEGER NOT NULL,
    seq         INTEGER NOT NULL,
    message     TEXT    NOT NULL,
    PRIMARY KEY (server, username, meeting_id, seq)
);
"""

# Every statement the store runs, named, next to the schema it reads: a method says which
# statement it runs, not how. It also keeps them out of mutation testing's reach (mutmut
# mutates function bodies only): it would write each one in lower or upper case, which
# SQLite reads alike, and no test could ever tell them apart. The one literal whose case
# counts is the table name 'outbox' in ``_LAST_POSITION``, stored as the schema spells it.
# The transaction's own BEGIN IMMEDIATE, COMMIT and ROLLBACK stay in
# ``immediate_transaction``.

# The connection and the schema's version.
_WAL = "PRAGMA journal_mode=WAL"
_FULL_SYNC = "PRAGMA synchronous=FULL"
_SECURE_DELETE = "PRAGMA secure_delete=ON"
_USER_VERSION = "PRAGMA user_version"
_SET_USER_VERSION = f"PRAGMA user_version={SCHEMA_VERSION}"
#: Folds the write-ahead log into the file and empties it (after a delete: no copy left).
_CHECKPOINT = "PRAGMA wal_checkpoint(TRUNCATE)"

# The outbox.
#: The position of the last command ever stored (0 for none): a held ballot goes after it.
_LAST_POSITION = "SELECT COALESCE(MAX(seq), 0) FROM sqlite_sequence WHERE name = 'outbox'"
_ENQUEUE = ("INSERT INTO outbox (server, username, command_id, meeting_id, name, args,"
            " created_at, made_offline) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
_PENDING = ("SELECT command_id, meeting_id, name, args, created_at, made_offline, attempts,"
            " position FROM outbox WHERE server = ? AND username = ? ORDER BY position")
_COUNT_ATTEMPT = ("UPDATE outbox SET attempts = attempts + 1 WHERE server = ?"
                  " AND username = ? AND command_id = ?")
_REMOVE = "DELETE FROM outbox WHERE server = ? AND username = ? AND command_id = ?"

# The device secret.
_DEVICE_SECRET = "SELECT secret FROM devices WHERE server = ? AND username = ?"
_NEW_DEVICE_SECRET = "INSERT OR IGNORE INTO devices (server, username, secret) VALUES (?, ?, ?)"

# The account as the server last confirmed it, and its meeting list as last fetched.
_SAVE_USER = ("INSERT INTO accounts (server, username, user) VALUES (?, ?, ?)"
              " ON CONFLICT (server, username) DO UPDATE SET user = excluded.user")
_SAVE_LIST = ("INSERT INTO accounts (server, username, meetings, listed_at) VALUES (?, ?, ?, ?)"
              " ON CONFLICT (server, username) DO UPDATE SET meetings = excluded.meetings,"
              " listed_at = excluded.listed_at")
_LOAD_ACCOUNT = "SELECT user, meetings, listed_at FROM accounts WHERE server = ? AND username = ?"

# The meeting cache.
_CACHED_MEETINGS = "SELECT meeting_id FROM meetings WHERE server = ? AND username = ?"
_LOAD_MEETING = ("SELECT seq, snapshot_seq, role, snapshot FROM meetings"
                 " WHERE server = ? AND username = ? AND meeting_id = ?")
_EVENTS_AFTER = ("SELECT message FROM events WHERE server = ? AND username = ?"
                 " AND meeting_id = ? AND seq > ? ORDER BY seq")
_SAVE_SNAPSHOT = ("INSERT OR REPLACE INTO meetings (server, username, meeting_id, seq,"
                  " snapshot_seq, role, snapshot, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
_CACHED_SEQ = "SELECT seq FROM meetings WHERE server = ? AND username = ? AND meeting_id = ?"
_APPEND_EVENT = ("INSERT INTO events (server, username, meeting_id, seq, message)"
                 " VALUES (?, ?, ?, ?, ?)")
_SET_SEQ = ("UPDATE meetings SET seq = ?, updated_at = ? WHERE server = ?"
            " AND username = ? AND meeting_id = ?")
_FORGET_EVENTS = "DELETE FROM events WHERE server = ? AND username = ? AND meeting_id = ?"
_FORGET_MEETING = "DELETE FROM meetings WHERE server = ? AND username = ? AND meeting_id = ?"


@contextmanager
def immediate_transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction, taken at once (``BEGIN IMMEDIATE``): all of it or nothing."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")

@dataclass(frozen=True)
class Scope:
    """Whose rows: commands and cached meetings belong to one account on one server."""

    server: str
    username: str


@dataclass(frozen=True)
class PendingCommand:
    """A command the user made that the server has not answered yet."""

    command_id: str
    meeting_id: int
    name: str
    args: dict[str, Any]
    created_at: str
    #: Made while not connected: a refusal then likely means the world moved on meanwhile.
    made_offline: bool = False
    #: Times it was put on the wire; above 1 means an answer was lost at least once.
    attempts: int = 0
    #: Held in memory only (a secret ballot with no keyring to seal it): lost if the
    #: program ends before it is sent.
    volatile: bool = False


@dataclass(frozen=True)
class CachedMeeting:
    """A meeting as last known: the snapshot of ``snapshot_seq`` plus every event after it."""

    meeting_id: int
    seq: int
    snapshot_seq: int
    role: str
    snapshot: dict[str, Any]
    events: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class RememberedAccount:
    """What the laptop knows of an account without the server: who the server said it was at
    its last login, and the meeting list it last sent (``listed_at``, ISO 8601 UTC)."""

    user: dict[str, Any] | None
    meetings: list[dict[str, Any]] | None
    listed_at: str | None


#: Stored ``args`` of a sealed command start with this, then base64(nonce + ciphertext).
SEALED = "sealed1:"
NONCE_BYTES = 12
#: An argument that makes a command a secret ballot (``vote.cast`` of a secret vote).
SECRET_ARGUMENT = "ballot_secret"


def _label(scope: Scope, command_id: str, name: str) -> bytes:
    """What a sealed row is bound to: moved to another account or command, it won't open."""
    return "\x00".join(("meetingroom-outbox-1", scope.server, scope.username, command_id,
                        name)).encode()


def _seal(aead: AESGCM, scope: Scope, command_id: str, name: str,
          args: dict[str, Any]) -> str:
    nonce = os.urandom(NONCE_BYTES)
    blob = nonce + aead.encrypt(nonce, _dumps(args).encode(), _label(scope, command_id, name))
    return SEALED + base64.b64encode(blob).decode("ascii")


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class LocalStore:
    """One SQLite file; every method is one short transaction, safe to call from the event loop.

    It may be opened on one thread (the GUI's) and used on another — the network loop's,
    but by one thread at a time.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, isolation_level=None, timeout=10.0,
                                   check_same_thread=False)
        self._db.execute(_WAL)
        self._db.execute(_FULL_SYNC)
        self._db.execute(_SECURE_DELETE)
        self._migrate()
        #: Per account: the AES-GCM key queued commands are sealed with (``set_key``).
        self._keys: dict[Scope, AESGCM] = {}
        #: Per account: secret ballots held in memory only (no key): (after, order, command).
        self._volatile: dict[Scope, list[tuple[int, int, PendingCommand]]] = {}
        self._volatile_order = itertools.count(1)

    @classmethod
    def open(cls, profile_dir: Path) -> LocalStore:
        return cls(Path(profile_dir) / FILE_NAME)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> LocalStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _transaction(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        return immediate_transaction(self._db)

    def _migrate(self) -> None:
        version = self._db.execute(_USER_VERSION).fetchone()[0]
        if version > SCHEMA_VERSION:
            raise RuntimeError(f"{self.path} was written by a newer version of the program")
        if version < SCHEMA_VERSION:
            self._db.executescript(_SCHEMA)
            self._db.execute(_SET_USER_VERSION)

    # --- outbox -----------------------------------------------------------------------

    def set_key(self, scope: Scope, key: bytes | None) -> None:
        """Seal this account's queued commands with ``key`` (32 bytes, kept in the keyring).

        With a key, every command's arguments are stored AES-GCM encrypted, bound to the
        account and the command id: a queued ballot's choice and secret never lie on the
        disk readable, across restarts too. Without one — no keyring, a command that
        carries a ``ballot_secret`` is kept in memory only (``PendingCommand.volatile``):
        it is lost if the program ends before it is sent, and the window says so.
        """
        if key is None:
            self._keys.pop(scope, None)
        else:
            if len(key) != 32:
                raise ValueError("the outbox key must be 32 bytes")
            self._keys[scope] = AESGCM(key)

    def enqueue(self, scope: Scope, meeting_id: int, name: str, args: dict[str, Any], *,
                made_offline: bool, command_id: str | None = None) -> PendingCommand:
        """Store a command durably; only then may it be shown as queued or sent.

        A secret ballot with no key to seal it is kept in memory only (see ``set_key``).
        """
        command = PendingCommand(command_id=command_id or uuid.uuid4().hex,
                                 meeting_id=meeting_id, name=name, args=dict(args),
                                 created_at=_now(), made_offline=made_offline)
        aead = self._keys.get(scope)
        if aead is None and SECRET_ARGUMENT in command.args:
            held = self._volatile.setdefault(scope, [])
            if any(c.command_id == command.command_id for _, _, c in held):
                raise sqlite3.IntegrityError("UNIQUE constraint failed: outbox.command_id")
            command = replace(command, volatile=True)
            after = self._db.execute(_LAST_POSITION).fetchone()[0]
            held.append((after, next(self._volatile_order), command))
            return command
        stored = (_dumps(command.args) if aead is None
                  else _seal(aead, scope, command.command_id, name, command.args))
        with self._transaction() as db:
            db.execute(_ENQUEUE, (scope.server, scope.username, command.command_id, meeting_id,
                                  name, stored, command.created_at, int(made_offline)))
        return command

    def pending(self, scope: Scope) -> list[PendingCommand]:
        rows = self._db.execute(_PENDING, (scope.server, scope.username)).fetchall()
        ordered: list[tuple[int, int, PendingCommand]] = []
        unreadable: list[str] = []
        for r in rows:
            args = self._unseal(scope, r[0], r[2], r[3])
            if args is None:
                unreadable.append(r[0])
                continue
            ordered.append((r[7], 0, PendingCommand(
                command_id=r[0], meeting_id=r[1], name=r[2], args=args, created_at=r[4],
                made_offline=bool(r[5]), attempts=r[6])))
        for command_id in unreadable:
            log.warning("a queued command could not be read (its key is gone from the "
                        "keyring); it is dropped")
            self.remove(scope, command_id)
        ordered.extend(self._volatile.get(scope, []))
        ordered.sort(key=lambda entry: (entry[0], entry[1]))
        return [command for _, _, command in ordered]

    def _unseal(self, scope: Scope, command_id: str, name: str,
                stored: str) -> dict[str, Any] | None:
        if not stored.startswith(SEALED):
            args: dict[str, Any] = json.loads(stored)  # written before sealing, or no key
            return args
        aead = self._keys.get(scope)
        if aead is None:
            return None
        blob = base64.b64decode(stored[len(SEALED):])
        try:
            plain = aead.decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:],
                                 _label(scope, command_id, name))
        except InvalidTag:
            return None
        sealed_args: dict[str, Any] = json.loads(plain)
        return sealed_args

    def next_pending(self, scope: Scope) -> PendingCommand | None:
        commands = self.pending(scope)
        return commands[0] if commands else None

    def count_attempt(self, scope: Scope, command_id: str) -> None:
        held = self._volatile.get(scope, [])
        for index, (after, order, command) in enumerate(held):
            if command.command_id == command_id:
                held[index] = (after, order, replace(command, attempts=command.attempts + 1))
                return
        with self._transaction() as db:
            db.execute(_COUNT_ATTEMPT, (scope.server, scope.username, command_id))

    def remove(self, scope: Scope, command_id: str) -> None:
        held = self._volatile.get(scope, [])
        if any(c.command_id == command_id for _, _, c in held):
            held[:] = [entry for entry in held if entry[2].command_id != command_id]
            return
        with self._transaction() as db:
            db.execute(_REMOVE, (scope.server, scope.username, command_id))
        # The write-ahead log still holds the row as it was inserted (a ballot's choice);
        # folding it into the zeroed page and emptying the log leaves no copy behind.
        self._db.execute(_CHECKPOINT)

    # --- device ------------------------------------------------------------------------

    def device_secret(self, scope: Scope) -> str:
        """This laptop's random secret for the account, made on first use and then kept.

        The server records its digest once the laptop holds a valid token, and from then on
        an attacker's wrong passwords cannot lock this laptop out.
        """
        row = self._db.execute(_DEVICE_SECRET, (scope.server, scope.username)).fetchone()
        if row is not None:
            return str(row[0])
        with self._transaction() as db:
            db.execute(_NEW_DEVICE_SECRET,
                       (scope.server, scope.username, secrets.token_urlsafe(32)))
            row = db.execute(_DEVICE_SECRET, (scope.server, scope.username)).fetchone()
        return str(row[0])

    # --- the account, for a start without the server ---------------------------------

    def save_user(self, scope: Scope, user: dict[str, Any]) -> None:
        """Keep the user the server just confirmed, at a login or a resumed token.

        With the remembered token in the keyring, this is what lets the laptop open its
        cached meetings when it starts with the server out of reach: the token proves the
        person may read them, this says who they are. Nothing here grants access.
        """
        with self._transaction() as db:
            db.execute(_SAVE_USER, (scope.server, scope.username, _dumps(user)))

    def save_meeting_list(self, scope: Scope, meetings: list[dict[str, Any]]) -> None:
        """Keep the meeting list the server just sent, to show it again while offline."""
        with self._transaction() as db:
            db.execute(_SAVE_LIST, (scope.server, scope.username, _dumps(meetings), _now()))

    def load_account(self, scope: Scope) -> RememberedAccount | None:
        row = self._db.execute(_LOAD_ACCOUNT, (scope.server, scope.username)).fetchone()
        if row is None:
            return None
        user, meetings = (json.loads(row[0]) if row[0] else None,
                          json.loads(row[1]) if row[1] else None)
        return RememberedAccount(user if isinstance(user, dict) else None,
                                 meetings if isinstance(meetings, list) else None, row[2])

    def cached_meeting_ids(self, scope: Scope) -> list[int]:
        """The meetings this account has a snapshot of: the ones it can open offline."""
        return sorted(int(r[0]) for r in self._db.execute(
            _CACHED_MEETINGS, (scope.server, scope.username)))

    # --- meeting cache ----------------------------------------------------------------

    def load_meeting(self, scope: Scope, meeting_id: int) -> CachedMeeting | None:
        row = self._db.execute(_LOAD_MEETING,
                               (scope.server, scope.username, meeting_id)).fetchone()
        if row is None:
            return None
        events = [json.loads(m) for (m,) in self._db.execute(
            _EVENTS_AFTER, (scope.server, scope.username, meeting_id, row[1]))]
        return CachedMeeting(meeting_id=meeting_id, seq=row[0], snapshot_seq=row[1],
                             role=row[2], snapshot=json.loads(row[3]), events=events)

    def save_snapshot(self, scope: Scope, meeting_id: int, seq: int, role: str,
                      snapshot: dict[str, Any]) -> None:
        """Replace everything known about the meeting: a snapshot supersedes older events."""
        key = (scope.server, scope.username, meeting_id)
        with self._transaction() as db:
            db.execute(_FORGET_EVENTS, key)
            db.execute(_SAVE_SNAPSHOT, (*key, seq, seq, role, _dumps(snapshot), _now()))

    def append_events(self, scope: Scope, meeting_id: int,
                      events: Iterable[dict[str, Any]]) -> int:
        """Add consecutive events after the cached ``seq``; returns the new ``seq``.

        Refuses (ValueError) anything that would leave a gap or a repeat, so the cache
        is never a state the server never had.
        """
        key = (scope.server, scope.username, meeting_id)
        with self._transaction() as db:
            row = db.execute(_CACHED_SEQ, key).fetchone()
            if row is None:
                raise ValueError(f"no snapshot of meeting {meeting_id} to add events to")
            seq: int = row[0]
            for event in events:
                if not first_seq(event) <= seq + 1 <= event["seq"]:
                    raise ValueError(f"event {event['seq']} does not follow {seq}")
                seq = event["seq"]
                db.execute(_APPEND_EVENT, (*key, seq, _dumps(event)))
            db.execute(_SET_SEQ, (seq, _now(), *key))
        return seq

    def forget_meeting(self, scope: Scope, meeting_id: int) -> None:
        key = (scope.server, scope.username, meeting_id)
        account = self.load_account(scope)
        with self._transaction() as db:
            db.execute(_FORGET_EVENTS, key)
            db.execute(_FORGET_MEETING, key)
            if account is not None and account.meetings is not None:
                # Gone from this user: not even its title stays in the list shown offline.
                kept = [m for m in account.meetings if m.get("id") != meeting_id]
                db.execute(_SAVE_LIST, (scope.server, scope.username, _dumps(kept),
                                        account.listed_at))
