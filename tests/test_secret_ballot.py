"""A secret vote leaves nothing that ties a member to a choice: not in the database, not in logs.

The test inspects everything an administrator could read after the vote: every
row of every table, the raw database files (SQLite) or the system columns
(PostgreSQL), and every log record emitted at debug level during the vote.
"""

from __future__ import annotations

import json
import logging
import secrets
from pathlib import Path

import pytest
from sqlalchemy import MetaData, make_url, select, text
from sqlalchemy.exc import OperationalError

from meetingroom.commands.voting import ballot_key
from meetingroom.storage.database import Database
from meetingroom.storage.models import CommandResult, Event, SecretBallot, SecretBallotBatch
from meetingroom.sync.server import ChairServer
from tests.conftest import Login
from tests.factories import Hall
from tests.session_helpers import start_session


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
