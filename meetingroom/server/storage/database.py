"""Engine and session set-up for the embedded SQLite default and for PostgreSQL."""

from __future__ import annotations

import itertools
import logging
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).with_name("migrations")


def normalise_url(url: str) -> str:
    """Accept the URLs people type (``postgresql://``, a bare path) and pick our drivers."""
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers (resyncing clients) proceed while a command commits;
    # busy_timeout turns a brief lock into a wait instead of an error.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    # Deleted rows are overwritten, so a secret ballot rewritten at close leaves no trace
    # of its earlier key or position in free pages.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


class _NoRowDumps(logging.Filter):
    """SQLAlchemy logs fetched rows at debug level; rows can hold ballots and tokens."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno > logging.DEBUG


def _quiet_rows() -> None:
    for name in ("sqlalchemy.engine", "sqlalchemy.engine.Engine"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, _NoRowDumps) for f in logger.filters):
            logger.addFilter(_NoRowDumps())


def make_engine(url: str) -> Engine:
    """An engine that never writes bound values to logs or errors.

    Statements logged at debug level would otherwise pair a voter's id with a
    secret ballot's choice in the same transaction.
    """
    _quiet_rows()
    url = normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False},
                               hide_parameters=True)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20,
                         hide_parameters=True)


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision``; the server and every CLI command call this first."""
    with engine.begin() as connection:
        config = alembic_config(engine)
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


class Database:
    """One engine and its session factory; the server holds exactly one."""

    def __init__(self, url: str, *, migrate: bool = True) -> None:
        self.engine = make_engine(url)
        if migrate:
            upgrade(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        #: Moves once every transaction of this process has ended: an answer read from the
        #: rows while it stood still is still true (``MeetingService.readable_blob``).
        self.writes = 0
        self._ended = itertools.count(1)
        #: SQLite: a connection of its own that only asks ``PRAGMA data_version``.
        self._watch: sqlite3.Connection | None = None
        self._watch_lock = threading.Lock()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work commits together or not at all."""
        try:
            with self._sessions() as session, session.begin():
                yield session
        finally:
            self.writes = next(self._ended)  # one step, whichever thread ends it

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self._sessions() as session:
            yield session

    def scrub(self, table: str) -> None:
        """Physically drop old row versions of ``table`` after rows were rewritten.

        A rewritten secret ballot must not survive as a dead tuple (PostgreSQL) or
        an old page image in the write-ahead log (SQLite).
        """
        if self.engine.dialect.name == "postgresql":
            with self.engine.connect().execution_options(
                    isolation_level="AUTOCOMMIT") as connection:
                connection.execute(text(f'VACUUM "{table}"'))
        elif self.engine.dialect.name == "sqlite":
            with self.engine.connect() as connection:
                connection.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))

    def outside_writes(self) -> object:
        """A mark that differs from the last one whenever any connection to the database,
        of this process or of another, may have committed a write since; cheap enough to
        ask every few seconds. ``writes`` only sees this process's transactions, and a
        second server on the same PostgreSQL, or ``meetingroom body members import``
        beside a running server, writes too (``MeetingService.readable_blob``).

        SQLite: ``PRAGMA data_version`` on a connection of its own, which moves when any
        other connection commits. PostgreSQL: the transaction snapshot, which moves when
        a transaction is given an id (it writes) or one that has ends.
        """
        url = self.engine.url
        if url.get_backend_name() == "postgresql":
            with self.engine.connect() as connection:
                return connection.execute(
                    text("SELECT txid_current_snapshot()::text")).scalar_one()
        if url.get_backend_name() != "sqlite":
            return object()  # unknown: never the same, so nothing outlives a look
        if not url.database or url.database == ":memory:":
            return 0  # no other connection can reach it
        with self._watch_lock:
            if self._watch is None:
                self._watch = sqlite3.connect(url.database, check_same_thread=False)
            return self._watch.execute("PRAGMA data_version").fetchone()[0]

    def dispose(self) -> None:
        with self._watch_lock:
            if self._watch is not None:
                self._watch.close()
                self._watch = None
        self.engine.dispose()
