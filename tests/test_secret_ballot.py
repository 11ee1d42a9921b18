"""A secret vote leaves nothing that ties a member to a choice: not in the database, not in logs.

The test inspects everything an administrator could read after the vote: every
row of every table, the raw database files (SQLite) or the system columns
(PostgreSQL), and every log record emitted at debug level during the vote.
"""

from __future__ import annotations

import json
import logging
import re
import secrets
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import MetaData, event, make_url, select, text
from sqlalchemy.exc import OperationalError

from meetingroom.server.commands.voting import ballot_key
from meetingroom.server.storage.database import Database
from meetingroom.server.storage.models import CommandResult, Event, SecretBallot, SecretBallotBatch
from meetingroom.sync.serving.endpoint import ChairServer
from tests.conftest import Login
from tests.helpers.factories import Hall, make_hall
from tests.helpers.session_helpers import start_session


def _everything(database: Database) -> str:
    """Every row of every table as text, the way a curious administrator would dump it."""
    metadata = MetaData()
    metadata.reflect(database.engine)
    dump: list[str] = []
    with database.engine.connect() as connection:
        for table in metadata.tables.values():
            dump.extend(f"{table.name} {row!r}" for row in connection.execute(table.select()))
    return "\n".join(dump)


def _raw_files(path: Path) -> bytes:
    """The database file and its write-ahead log, byte for byte."""
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


async def test_secret_vote_leaves_no_link_in_database_or_logs(
        server: ChairServer, hall: Hall, login: Login, database: Database,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    chair = await login("chair")
    voters = [chair, *[await login(name) for name in hall.delegates]]
    await start_session(chair, hall.meeting_id, hall.item_ids[1])
    for client in voters:
        await client.command(hall.meeting_id, "attendance.check_in")
    vote = (await chair.command(hall.meeting_id, "vote.create", {
        "matter": "removal", "title": "Bãi nhiệm đại biểu X", "ballot": "secret"}))["vote"]
    assert vote["secret"] is True
    await chair.command(hall.meeting_id, "vote.open", {"vote_id": vote["id"]})

    choices = [0, 1, 0, 2]
    ballot_secrets = [secrets.token_urlsafe(32) for _ in voters]
    for client, choice, secret in zip(voters, choices, ballot_secrets, strict=True):
        reply = await client.command(hall.meeting_id, "vote.cast", {
            "vote_id": vote["id"], "choice": choice, "ballot_secret": secret})
        assert set(reply) == {"vote_id", "member_user_id", "accepted", "changed", "seq",
                              "duplicate"}
    keys = [ballot_key(vote["id"], s) for s in ballot_secrets]
    # While open, the ballots are keyed by the voters' secrets (this proves the checks
    # below look in the right place and could fail).
    assert all(k in _everything(database) for k in keys)

    closed = await chair.command(hall.meeting_id, "vote.close", {"vote_id": vote["id"]})
    assert [o["count"] for o in closed["vote"]["result"]["options"]] == [2, 1, 1]

    # 1. The ballot table holds nothing but the vote and the choice (the group commit's
    #    batch tag is cleared when the ballots are rewritten at close).
    assert {c.name for c in SecretBallot.__table__.columns} == {"vote_id", "ballot_key",
                                                                "choice", "batch"}
    with database.reading() as session:
        assert set(session.scalars(select(SecretBallot.batch))) == {None}
        assert not session.scalars(select(SecretBallotBatch)).all()
    dump = _everything(database)
    for secret, key in zip(ballot_secrets, keys, strict=True):
        assert secret not in dump
        assert key not in dump
    with database.reading() as session:
        ballots = session.scalars(select(SecretBallot).where(
            SecretBallot.vote_id == vote["id"])).all()
        assert sorted(b.choice["option"] for b in ballots) == sorted(choices)
        # Fresh keys of the same shape as the voters' (64 hex digits), all different:
        # nothing in a key tells a rewritten ballot from another.
        assert all(re.fullmatch(r"[0-9a-f]{64}", b.ballot_key) for b in ballots)
        assert len({b.ballot_key for b in ballots}) == len(ballots)
        # 2. The stored answers to vote.cast (kept for retries, with the sender's id) are
        #    identical apart from whose seat they are for.
        replies = session.scalars(select(CommandResult.reply).where(
            CommandResult.command == "vote.cast")).all()
        shapes = {json.dumps({**r["result"], "member_user_id": None}, sort_keys=True)
                  for r in replies}
        assert len(replies) == 4
        assert len(shapes) == 1
        # 3. The event log says who has voted, never how.
        cast_events = session.scalars(select(Event.payload).where(
            Event.type == "vote.ballot_cast")).all()
        assert all(e["tally"] is None and "choice" not in e for e in cast_events)

    # 4. Physical traces: no old key in the raw files (SQLite), one writer for every
    #    ballot row and no old row versions left (PostgreSQL).
    url = make_url(str(database.engine.url))
    with database.engine.connect() as connection:
        if url.get_backend_name() == "sqlite":
            raw = _raw_files(Path(str(url.database)))
            for secret, key in zip(ballot_secrets, keys, strict=True):
                assert key.encode() not in raw
                assert secret.encode() not in raw
            with pytest.raises(OperationalError):  # no rowid to recover the casting order
                connection.execute(text("SELECT rowid FROM secret_ballots"))
        else:
            writers = connection.execute(text(
                "SELECT DISTINCT xmin::text FROM secret_ballots WHERE vote_id = :v"),
                {"v": vote["id"]}).scalars().all()
            voter_writers = connection.execute(text(
                "SELECT DISTINCT xmin::text FROM vote_voters WHERE vote_id = :v"),
                {"v": vote["id"]}).scalars().all()
            assert len(writers) == 1
            assert not set(writers) & set(voter_writers)
            order = connection.execute(text(
                "SELECT choice FROM secret_ballots WHERE vote_id = :v"),
                {"v": vote["id"]}).scalars().all()
            assert [c["option"] for c in order] == sorted(choices)

    # 5. Logs at debug level: no secret, no key, no ballot content, no option wording.
    for record in caplog.records:
        line = record.getMessage()
        leaks = [word for word in [*ballot_secrets, *keys, '"choice"', "ballot_secret",
                                   *vote["options"]] if word in line]
        assert not leaks, (record.name, line)
    assert any(r.name == "meetingroom.server" and "vote.cast" in r.getMessage()
               for r in caplog.records), "the server's command log lines were captured"


async def test_ballots_are_rewritten_in_choice_order_on_every_database(
        server: ChairServer, database: Database, login: Login) -> None:
    """At close the ballots are written again in the order of what they say, under fresh
    keys. PostgreSQL keeps rows in the order they were written, so writing them in the
    casting order would hand the casting order to anyone who reads the table; SQLite
    happens to hide that order behind its random keys, so the check watches the writes
    themselves, which is the same on every database."""
    hall = make_hall(database, delegates=9)
    chair = await login("chair")
    voters = [chair, *[await login(name) for name in hall.delegates]]
    await start_session(chair, hall.meeting_id, hall.item_ids[1])
    for client in voters:
        await client.command(hall.meeting_id, "attendance.check_in")
    vote = (await chair.command(hall.meeting_id, "vote.create", {
        "matter": "removal", "title": "Bãi nhiệm đại biểu Y", "ballot": "secret"}))["vote"]
    await chair.command(hall.meeting_id, "vote.open", {"vote_id": vote["id"]})
    choices = [2, 0, 1, 0, 2, 1, 0, 2, 0, 1]  # 10 ballots: 1 chance in 4200 to come sorted
    ballot_secrets = [secrets.token_urlsafe(32) for _ in voters]
    for client, choice, secret in zip(voters, choices, ballot_secrets, strict=True):
        await client.command(hall.meeting_id, "vote.cast", {
            "vote_id": vote["id"], "choice": choice, "ballot_secret": secret})

    written: list[tuple[str, Any]] = []  # (ballot key, choice) in the order they were written

    def watch(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any,
              executemany: bool) -> None:
        if not statement.lstrip().upper().startswith("INSERT INTO SECRET_BALLOTS"):
            return
        columns = [c.strip().strip('"') for c in
                   statement.split("(", 1)[1].split(")", 1)[0].split(",")]
        rows = parameters if executemany else [parameters]
        for row in rows:
            values = [row[c] for c in columns] if isinstance(row, dict) else list(row)
            for start in range(0, len(values), len(columns)):  # several rows in one statement
                named = dict(zip(columns, values[start:start + len(columns)], strict=True))
                choice = named["choice"]
                choice = getattr(choice, "obj", choice)  # psycopg's Jsonb wrapper
                written.append((str(named["ballot_key"]),
                                json.loads(choice) if isinstance(choice, str) else choice))

    event.listen(database.engine, "before_cursor_execute", watch)
    try:
        closed = await chair.command(hall.meeting_id, "vote.close", {"vote_id": vote["id"]})
    finally:
        event.remove(database.engine, "before_cursor_execute", watch)
    assert [o["count"] for o in closed["vote"]["result"]["options"]] == [4, 3, 3]
    assert [c["option"] for _, c in written] == sorted(choices)
    old_keys = {ballot_key(vote["id"], s) for s in ballot_secrets}
    assert not {key for key, _ in written} & old_keys
    assert len({key for key, _ in written}) == len(choices)
