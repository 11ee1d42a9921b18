"""After a secret vote closes, a backup of the database links nobody to a choice.

``test_secret_ballot.py`` inspects the live database. This test inspects what
an operator takes away: a full SQL dump (SQLite's ``iterdump``; ``pg_dump`` for
PostgreSQL), the binary ``.backup`` copy docs/operations.md recommends, and
every log record of every logger at DEBUG level during the whole vote.

A dump "pairs a user with a choice" when a row carrying a ballot's content
(``"option": n``) sits in a table with any column that names a person, or when
the order of ballot rows repeats the order the ballots were cast in (the event
log says who voted when, so the casting order would give the pairing away).
"""

from __future__ import annotations

import logging
import re
import secrets
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import make_url

from meetingroom.server.commands.voting import ballot_key
from meetingroom.server.storage.database import Database
from meetingroom.sync.serving.endpoint import ChairServer
from tests.conftest import Login
from tests.helpers.factories import Hall, make_hall
from tests.helpers.session_helpers import start_session

#: How a stored ballot's content looks in a dump ({"option": 2}).
BALLOT = re.compile(r'"option"\s*:\s*(\d+)')
#: Columns that would name a person next to a ballot.
PERSON_COLUMNS = ("user_id", "member_user_id", "voter", "username", "by_stand_in")


def _sqlite_dump(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return "\n".join(connection.iterdump())
    finally:
        connection.close()


def _pg_dump(url: str) -> str:
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        pytest.skip("pg_dump is not on PATH")
    plain = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    done = subprocess.run([pg_dump, "--column-inserts", "--no-owner", plain],
                          capture_output=True, text=True, timeout=120, check=False)
    if done.returncode != 0 and "version mismatch" in done.stderr:
        pytest.skip(f"pg_dump cannot dump this server: {done.stderr.strip()[:200]}")
    assert done.returncode == 0, done.stderr
    return done.stdout


def _rows(dump: str) -> list[tuple[str, str]]:
    """(table, the INSERT line) for every data row of a dump in INSERT form."""
    rows = []
    for line in dump.splitlines():
        match = re.match(r'INSERT INTO (?:public\.)?"?(\w+)"?', line)
        if match:
            rows.append((match[1], line))
    return rows


def _columns(dump: str, table: str) -> str:
    """The CREATE TABLE statement of ``table`` (its column list)."""
    match = re.search(rf'CREATE TABLE (?:public\.)?"?{table}"?\s*\((.*?)\n?\);', dump, re.S)
    assert match, f"no CREATE TABLE {table} in the dump"
    return match[1]


def _check_dump(dump: str, secrets_: list[str], keys: list[str], cast_order: list[int],
                vote_id: int) -> None:
    for secret, key in zip(secrets_, keys, strict=True):
        assert secret not in dump
        assert key not in dump
    ballot_rows = [(table, line) for table, line in _rows(dump) if BALLOT.search(line)]
    # Every row holding a ballot's content is a secret ballot row...
    assert {table for table, _ in ballot_rows} == {"secret_ballots"}, \
        sorted({table for table, _ in ballot_rows})
    # ...in a table with no column that could name its voter...
    columns = _columns(dump, "secret_ballots")
    assert not [c for c in PERSON_COLUMNS if c in columns], columns
    # ...stored in an order that says nothing about who cast it when.
    ours = [line for _, line in ballot_rows if re.search(rf"\(\s*{vote_id}\s*,", line)
            or f"VALUES ({vote_id}," in line]
    options = [int(BALLOT.search(line)[1]) for line in ours]  # type: ignore[index]
    row_keys = [re.findall(r"'([0-9a-f]{64})'", line) for line in ours]
    assert all(len(k) == 1 for k in row_keys), ours
    assert sorted(options) == sorted(cast_order)
    # Either sorted by what they say (PostgreSQL keeps the rewrite's insertion order) or
    # by the fresh random key (SQLite stores a WITHOUT ROWID table in key order): both
    # are independent of who voted when.
    by_choice = options == sorted(options)
    by_random_key = [k[0] for k in row_keys] == sorted(k[0] for k in row_keys)
    assert by_choice or by_random_key, f"ballot rows in an order that may be the casting one: " \
        f"{options}"


@dataclass
class SecretVote:
    vote: dict[str, Any]
    ballot_secrets: list[str]
    keys: list[str]
    cast_order: list[int]
    #: Index into caplog.records where the chair's vote.close begins.
    close_starts: int


async def _hold_secret_vote(hall: Hall, login: Login, caplog: pytest.LogCaptureFixture, *,
                            change: bool = False) -> SecretVote:
    chair = await login("chair")
    voters = [chair, *[await login(name) for name in hall.delegates]]
    await start_session(chair, hall.meeting_id, hall.item_ids[1])
    for client in voters:
        await client.command(hall.meeting_id, "attendance.check_in")
    vote = (await chair.command(hall.meeting_id, "vote.create", {
        "matter": "removal", "title": "Bãi nhiệm đại biểu Y", "ballot": "secret"}))["vote"]
    await chair.command(hall.meeting_id, "vote.open", {"vote_id": vote["id"]})
    # Cast out of order, so a table kept in casting order could not pass as sorted.
    cast_order = [2, 0, 1, 0]
    ballot_secrets = [secrets.token_urlsafe(32) for _ in voters]
    first = [1, 1, 0, 2] if change else cast_order
    for client, choice, secret in zip(voters, first, ballot_secrets, strict=True):
        await client.command(hall.meeting_id, "vote.cast", {
            "vote_id": vote["id"], "choice": choice, "ballot_secret": secret})
    if change:  # where the body allows it, every voter changes their ballot
        for client, choice, secret in zip(voters, cast_order, ballot_secrets, strict=True):
            changed = await client.command(hall.meeting_id, "vote.cast", {
                "vote_id": vote["id"], "choice": choice, "ballot_secret": secret})
            assert changed["changed"] is True
    close_starts = len(caplog.records)
    closed = await chair.command(hall.meeting_id, "vote.close", {"vote_id": vote["id"]})
    assert [o["count"] for o in closed["vote"]["result"]["options"]] == [2, 1, 1]
    return SecretVote(vote, ballot_secrets, [ballot_key(vote["id"], s) for s in ballot_secrets],
                      cast_order, close_starts)


#: A ballot's content in a log line, as JSON or as a Python repr.
CONTENT = re.compile(r"""['"](option|choice)['"]\s*:\s*\d""")


def _leaks(record: logging.LogRecord, held: SecretVote) -> list[str]:
    line = record.getMessage() + (record.exc_text or "")
    words = [*held.ballot_secrets, *held.keys, "ballot_secret"]
    return [word for word in words if word in line] + CONTENT.findall(line)


async def test_backups_and_logs_link_nobody_to_a_choice(
        server: ChairServer, hall: Hall, login: Login, database: Database,
        caplog: pytest.LogCaptureFixture, tmp_path: Path) -> None:
    # The root logger at DEBUG, as ``meetingroom serve --log-level debug`` sets it.
    caplog.set_level(logging.DEBUG)
    held = await _hold_secret_vote(hall, login, caplog)
    vote_id = held.vote["id"]
    checks = (held.ballot_secrets, held.keys, held.cast_order, vote_id)

    url = make_url(str(database.engine.url))
    if url.get_backend_name() == "sqlite":
        path = Path(str(url.database))
        _check_dump(_sqlite_dump(path), *checks)
        # The binary copy an operator makes with the sqlite3 tool (docs/operations.md).
        copy = tmp_path / "backup.db"
        source = sqlite3.connect(path)
        target = sqlite3.connect(copy)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
        raw = copy.read_bytes()
        for secret, key in zip(held.ballot_secrets, held.keys, strict=True):
            assert secret.encode() not in raw
            assert key.encode() not in raw
        _check_dump(_sqlite_dump(copy), *checks)
    else:
        _check_dump(_pg_dump(database.engine.url.render_as_string(hide_password=False)),
                    *checks)

    # Logs: nothing of a ballot's content, from any logger.
    for record in caplog.records:
        assert not _leaks(record, held), (record.name, record.levelname, record.getMessage())
    assert len(caplog.records) > 20, "the log records of the vote were captured"
    assert any(r.levelno == logging.DEBUG for r in caplog.records) or \
        logging.getLogger().getEffectiveLevel() == logging.DEBUG


def _every_logger_at_debug(caplog: pytest.LogCaptureFixture) -> None:
    """The root and each logger a library made for itself (SQLAlchemy sets its own to
    WARNING, which hides its statement and row log from the root's level)."""
    caplog.set_level(logging.DEBUG)
    for name in ["sqlalchemy", "sqlalchemy.engine", "sqlalchemy.pool", "websockets", "psycopg",
                 "asyncio", "meetingroom", *logging.root.manager.loggerDict]:
        caplog.set_level(logging.DEBUG, logger=name)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
async def test_even_the_database_driver_log_names_no_voter_with_a_choice(
        server: ChairServer, hall: Hall, login: Login,
        caplog: pytest.LogCaptureFixture) -> None:
    """With SQLAlchemy's own statement and row log at DEBUG, ballots appear only as the
    anonymous list the chair's vote.close counts, never inside a voter's vote.cast."""
    _every_logger_at_debug(caplog)
    held = await _hold_secret_vote(hall, login, caplog)
    for n, record in enumerate(caplog.records):
        leaks = _leaks(record, held)
        if n >= held.close_starts:
            leaks = [w for w in leaks if w not in ("option", "choice")]
        assert not leaks, (n, record.name, record.getMessage())
    assert any(r.name.startswith("sqlalchemy.engine") and "secret_ballots" in r.getMessage()
               for r in caplog.records), "the statement log was on"


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
async def test_a_changed_secret_ballot_names_no_voter_in_the_driver_log(
        server: ChairServer, database: Database, login: Login,
        caplog: pytest.LogCaptureFixture) -> None:
    hall = make_hall(database, ballot_change_allowed=True)
    _every_logger_at_debug(caplog)
    held = await _hold_secret_vote(hall, login, caplog, change=True)
    for n, record in enumerate(caplog.records):
        leaks = _leaks(record, held)
        if n >= held.close_starts:
            leaks = [w for w in leaks if w not in ("option", "choice")]
        assert not leaks, (n, record.name, record.getMessage())
