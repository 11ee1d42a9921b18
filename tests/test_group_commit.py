"""Group commit: ballots, check-ins and speaking requests that arrive together are applied
together, each still all or nothing, answered only once their batch has committed.

What must hold, against a real server and database: one transaction for a batch, a
refused command leaving the rest applied, retries answered ``duplicate: true``; no
transaction holding a voter's "has voted" row together with that voter's secret ballot
(statement by statement on both databases, and in PostgreSQL's write-ahead log read with
``pg_waldump``); ballots of a batch written in an order that is not the voters'; and a
server killed between a batch's commit and its answers losing nothing.
"""

from __future__ import annotations

import asyncio
import glob
import re
import secrets
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, text

from meetingroom.server.commands.voting import ballot_key
from meetingroom.server.service import KILL_AT_ENV
from meetingroom.server.storage.database import Database
from meetingroom.sync.client.chair_client import ChairClient, ConnectionLostError, ServerError
from meetingroom.sync.serving.endpoint import ChairServer, ServerConfig
from tests.conftest import Login
from tests.helpers.factories import Hall, make_hall
from tests.helpers.processes import ServerProcess
from tests.test_faults import _demo_client, _issue_tokens

WRITE = re.compile(r"^\s*(?:INSERT INTO|UPDATE|DELETE FROM)\s+\"?(\w+)", re.IGNORECASE)


@pytest.fixture
def server_config() -> ServerConfig:
    # Gather for a moment so that commands sent at once surely share one batch (in
    # service batches form from what arrives while the previous one commits).
    return ServerConfig(host="127.0.0.1", port=0, batch_gather_seconds=2.0)


@pytest.fixture
def hall(database: Database) -> Hall:
    return make_hall(database, delegates=7)


class Transactions:
    """Every committed transaction's statements, as the server ran them."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._open: dict[int, list[tuple[str, str]]] = {}
        self.committed: list[list[tuple[str, str]]] = []
        event.listen(engine, "before_cursor_execute", self._statement)
        event.listen(engine, "commit", self._commit)
        event.listen(engine, "rollback", self._rollback)

    def close(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._statement)
        event.remove(self.engine, "commit", self._commit)
        event.remove(self.engine, "rollback", self._rollback)

    def _statement(self, conn: Any, _cursor: Any, statement: str, parameters: Any,
                   _context: Any, _many: bool) -> None:
        self._open.setdefault(id(conn), []).append((statement, repr(parameters)))

    def _commit(self, conn: Any) -> None:
        self.committed.append(self._open.pop(id(conn), []))

    def _rollback(self, conn: Any) -> None:
        self._open.pop(id(conn), None)

    def writes(self) -> list[tuple[set[str], list[tuple[str, str]]]]:
        """Per committed transaction that wrote anything: its tables and its writes."""
        out = []
        for statements in self.committed:
            writes = [(m[1], params) for statement, params in statements
                      if (m := WRITE.match(statement))]
            if writes:
                out.append(({table for table, _ in writes}, writes))
        return out


@pytest.fixture
def transactions(database: Database) -> Iterator[Transactions]:
    watched = Transactions(database.engine)
    yield watched
    watched.close()


async def _checked_in(login: Login, hall: Hall) -> tuple[ChairClient, list[ChairClient]]:
    chair = await login("chair")
    delegates = [await login(name) for name in hall.delegates]
    await chair.subscribe(hall.meeting_id)
    await chair.command(hall.meeting_id, "meeting.start")
    await chair.command(hall.meeting_id, "agenda.set_current", {"item_id": hall.item_ids[1]})
    return chair, delegates


async def test_commands_sent_together_commit_together_each_all_or_nothing(
        server: ChairServer, hall: Hall, login: Login,
        transactions: Transactions) -> None:
    chair, delegates = await _checked_in(login, hall)
    m = hall.meeting_id
    everyone = [chair, *delegates]
    ids = [uuid.uuid4().hex for _ in everyone]
    guest = await login("guest")
    before = len(transactions.committed)
    # In the same batch, the guest asks to speak on an item that does not exist: refused,
    # alone.
    answers = await asyncio.gather(
        *[c.command(m, "attendance.check_in", command_id=i) for c, i in zip(everyone, ids,
                                                                            strict=True)],
        guest.command(m, "speech.register", {"item_id": 999_999}),
        return_exceptions=True)
    assert isinstance(answers[-1], ServerError), answers[-1]
    checked = [a for a in answers[:-1] if isinstance(a, dict)]
    assert len(checked) == len(everyone), answers
    # One transaction for the whole batch, not one per command.
    written = transactions.writes()[before:]
    assert len(written) == 1, [tables for tables, _ in written]
    # The event log stays gapless and in order: one event each, consecutive numbers.
    seqs = sorted(a["seq"] for a in checked)
    assert seqs == list(range(seqs[0], seqs[0] + len(everyone)))

    # A refusal inside a batch leaves the rest applied: a second check-in is refused.
    again = await asyncio.gather(
        chair.command(m, "attendance.check_in"),
        guest.command(m, "attendance.check_in"),
        return_exceptions=True)
    assert isinstance(again[0], ServerError), again
    assert again[0].code == "invalid_state", again
    assert isinstance(again[1], dict), again
    assert again[1]["duplicate"] is False, again
    # Retries (one per sender, sent together) are answered from the kept replies.
    retried = await asyncio.gather(*[c.command(m, "attendance.check_in", command_id=i)
                                     for c, i in zip(everyone, ids, strict=True)])
    assert all(r["duplicate"] for r in retried)
    assert sorted(r["seq"] for r in retried) == seqs


def _keys_in(text_: str, keys: dict[str, int]) -> list[int]:
    """The voters whose ballot key appears in ``text_``, in the order they appear."""
    found = [(text_.find(k), voter) for k, voter in keys.items() if k in text_]
    return [voter for _, voter in sorted(found)]


def _pg_waldump() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_waldump"))
    return found[-1] if found else None


def _wal_transactions(database: Database, start: str, tables: list[str]) -> dict[str, set[str]]:
    """Which of ``tables`` (heap or index) each transaction in the WAL since ``start`` wrote,
    read with ``pg_waldump`` from the server's own pg_wal."""
    waldump = _pg_waldump()
    if waldump is None:
        pytest.skip("pg_waldump not installed")
    with database.engine.connect() as connection:
        connection.execute(text("CHECKPOINT"))
        end = connection.execute(text("SELECT pg_current_wal_insert_lsn()::text")).scalar_one()
        data = connection.execute(text("SHOW data_directory")).scalar_one()
        nodes: dict[str, str] = {}
        for table in tables:
            for node in connection.execute(text(
                    "SELECT pg_relation_filenode(c.oid)::text FROM pg_class c WHERE c.oid = "
                    "CAST(:t AS regclass) OR c.oid IN (SELECT indexrelid FROM pg_index "
                    "WHERE indrelid = CAST(:t AS regclass))"), {"t": table}).scalars():
                nodes[node] = table
    dumped = subprocess.run([waldump, "-p", str(Path(data) / "pg_wal"), "-s", start, "-e", end],
                            capture_output=True, text=True, check=False, timeout=120)
    if not dumped.stdout:
        pytest.skip(f"pg_waldump could not read the WAL: {dumped.stderr[:300]}")
    by_tx: dict[str, set[str]] = {}
    for line in dumped.stdout.splitlines():
        tx = re.search(r"tx:\s+(\d+)", line)
        for node in re.findall(r"rel \d+/\d+/(\d+)", line):
            if tx and tx[1] != "0" and node in nodes:
                by_tx.setdefault(tx[1], set()).add(nodes[node])
    return by_tx


async def test_secret_ballots_of_a_batch_are_shuffled_and_never_beside_their_voters(
        server: ChairServer, hall: Hall, login: Login, database: Database,
        transactions: Transactions) -> None:
    chair, delegates = await _checked_in(login, hall)
    m = hall.meeting_id
    voters = [chair, *delegates]
    await asyncio.gather(*[c.command(m, "attendance.check_in") for c in voters])
    vote = (await chair.command(m, "vote.create", {
        "matter": "removal", "title": "Bãi nhiệm đại biểu X", "ballot": "secret"}))["vote"]
    await chair.command(m, "vote.open", {"vote_id": vote["id"]})
    postgres = database.engine.dialect.name == "postgresql"
    if postgres:
        with database.engine.connect() as connection:
            start = connection.execute(text("SELECT pg_current_wal_insert_lsn()::text")) \
                .scalar_one()
    before = len(transactions.committed)

    ballot_secrets = [secrets.token_urlsafe(32) for _ in voters]
    replies = await asyncio.gather(*[c.command(m, "vote.cast", {
        "vote_id": vote["id"], "choice": n % 3, "ballot_secret": s})
        for n, (c, s) in enumerate(zip(voters, ballot_secrets, strict=True))])
    keys = {ballot_key(vote["id"], s): r["member_user_id"]
            for s, r in zip(ballot_secrets, replies, strict=True)}
    has_voted_order = [r["member_user_id"] for r in sorted(replies, key=lambda r: r["seq"])]

    written = transactions.writes()[before:]
    ballots = [(tables, w) for tables, w in written if "secret_ballots" in tables]
    voters_written = [(tables, w) for tables, w in written if "vote_voters" in tables]
    assert ballots
    assert voters_written
    # No transaction holds a voter's "has voted" row and a secret ballot.
    assert not [tables for tables, _ in written
                if {"secret_ballots", "vote_voters"} <= tables], written
    # The batch's ballots went in one statement, in an order that is not the voters'.
    assert len(ballots) == 1, [t for t, _ in written]
    inserted = _keys_in(" ".join(p for table, p in ballots[0][1] if table == "secret_ballots"),
                        keys)
    assert sorted(inserted) == sorted(has_voted_order)
    assert inserted != has_voted_order

    if postgres:
        wal = _wal_transactions(database, start, ["secret_ballots", "vote_voters"])
        assert any("secret_ballots" in t for t in wal.values()), wal
        assert any("vote_voters" in t for t in wal.values()), wal
        paired = {tx: t for tx, t in wal.items() if {"secret_ballots", "vote_voters"} <= t}
        assert not paired, f"transactions pairing voters with ballots in the WAL: {paired}"

    closed = (await chair.command(m, "vote.close", {"vote_id": vote["id"]}))["vote"]
    assert [o["count"] for o in closed["result"]["options"]] == [3, 3, 2]
    assert closed["voted_count"] == len(voters)


# --- kill -9 between a batch's commit and its answers ------------------------------------


async def _kill_mid_batch(tmp_path: Path, kill_at: str, ballot: str, crashes: int = 1,
                          resend: bool = True) -> None:
    """Cast from eight laptops at once into a server that dies at ``kill_at`` (``crashes``
    times in a row, the resends dying the same way); bring it back on the same database;
    every resend is answered and each ballot counted once (without ``resend``, the
    laptops never send again and nothing of the dead batch counts)."""
    hall = ServerProcess(tmp_path)
    names = [f"daibieu{n:02d}" for n in range(1, 9)]
    tokens = _issue_tokens(hall.db, ["chutoa", *names])
    url = hall.start()
    m = hall.meeting_id
    try:
        async with AsyncExitStack() as stack:
            async def connect(token: str) -> ChairClient:
                client = await _demo_client(url, token)
                stack.push_async_callback(client.close)
                return client

            chair = await connect(tokens["chutoa"])
            snapshot = (await chair.subscribe(m))["snapshot"]
            await chair.command(m, "meeting.start")
            await chair.command(m, "agenda.set_current", {"item_id": snapshot["agenda"][0]["id"]})
            delegates = [await connect(tokens[name]) for name in names]
            for client in delegates:
                await client.command(m, "attendance.check_in")
            args: dict[str, Any] = {"matter": "resolution", "title": "Nghị quyết thử khi sập máy"}
            if ballot == "secret":
                args = {"matter": "removal", "title": "Bãi nhiệm thử khi sập máy",
                        "ballot": "secret"}
            vote = (await chair.command(m, "vote.create", args))["vote"]
            await chair.command(m, "vote.open", {"vote_id": vote["id"]})
            hall.stop()
            casts = {n: {"vote_id": vote["id"], "choice": n % 3} for n in range(len(names))}
            if ballot == "secret":
                for cast in casts.values():
                    cast["ballot_secret"] = secrets.token_urlsafe(32)
            ids = {n: uuid.uuid4().hex for n in casts}
            for _ in range(crashes):
                url = hall.start(env={KILL_AT_ENV: kill_at})
                delegates = [await connect(tokens[name]) for name in names]
                outcomes = await asyncio.gather(*[
                    client.command(m, "vote.cast", casts[n], command_id=ids[n])
                    for n, client in enumerate(delegates)], return_exceptions=True)
                # The server died before answering anything of its first batch.
                assert all(isinstance(o, ConnectionLostError) for o in outcomes), outcomes
                assert hall.wait_dead() != 0

            assert hall.start() == url  # same port, same database, no fault this time
            if not resend:
                chair = await connect(tokens["chutoa"])
                await chair.subscribe(m)
                closed = (await chair.command(m, "vote.close", {"vote_id": vote["id"]}))
                assert [o["count"] for o in closed["vote"]["result"]["options"]] == [0, 0, 0]
                assert closed["vote"]["voted_count"] == 0
                return
            delegates = [await connect(tokens[name]) for name in names]
            again = await asyncio.gather(*[
                client.command(m, "vote.cast", casts[n], command_id=ids[n])
                for n, client in enumerate(delegates)])
            duplicates = [r["duplicate"] for r in again]
            if kill_at == "batch_committed":
                # Committed before the kill: the resend is answered, not applied again.
                assert any(duplicates), duplicates
            else:
                # Only the ballots were in: nothing counted, and every resend is applied
                # (each adopting its own stored ballot, never adding a second one).
                assert not any(duplicates), duplicates

            chair = await connect(tokens["chutoa"])
            await chair.subscribe(m)
            closed = (await chair.command(m, "vote.close", {"vote_id": vote["id"]}))["vote"]
            counts = [o["count"] for o in closed["result"]["options"]]
            assert counts == [sum(1 for n in casts if n % 3 == k) for k in range(3)]
            assert closed["voted_count"] == len(names) == len(set(closed["voted"]))
    finally:
        hall.stop()


async def test_a_kill_between_a_batch_commit_and_its_answers_loses_nothing(
        tmp_path: Path) -> None:
    await _kill_mid_batch(tmp_path, "batch_committed", "open")


async def test_a_kill_between_secret_ballots_and_their_voters_half_applies_nothing(
        tmp_path: Path) -> None:
    await _kill_mid_batch(tmp_path, "ballots_committed", "secret")


async def test_a_resent_secret_ballot_that_dies_again_still_counts_only_with_its_voter(
        tmp_path: Path) -> None:
    """The resends adopt the stored ballots and die at the same point again: an adopted
    ballot still counts only once its voter is recorded (mutation testing found that
    adopting it as counted at once went unnoticed: the third sending was then refused
    as a reused secret)."""
    await _kill_mid_batch(tmp_path, "ballots_committed", "secret", crashes=2)


async def test_secret_ballots_of_a_dead_batch_never_sent_again_do_not_count(
        tmp_path: Path) -> None:
    """The ballots went in, the server died before their voters did, and nobody sends
    again: at close the vote counts nothing (mutation testing found that counting the
    dead batch's ballots went unnoticed)."""
    await _kill_mid_batch(tmp_path, "ballots_committed", "secret", resend=False)


async def test_one_batch_of_new_and_changed_secret_ballots_counts_every_one(
        server: ChairServer, database: Database, login: Login) -> None:
    """Half the hall changes its secret ballot while the other half casts its first, all in
    one batch (the ballots are written in a random order): every change and every new
    ballot counts. Mutation testing found that stopping at the first new ballot in that
    order, dropping the changes behind it, went unnoticed."""
    hall = make_hall(database, delegates=9, ballot_change_allowed=True)
    chair, delegates = await _checked_in(login, hall)
    m = hall.meeting_id
    voters = [chair, *delegates]
    await asyncio.gather(*[c.command(m, "attendance.check_in") for c in voters])
    vote = (await chair.command(m, "vote.create", {
        "matter": "removal", "title": "Bãi nhiệm đại biểu Z", "ballot": "secret"}))["vote"]
    await chair.command(m, "vote.open", {"vote_id": vote["id"]})
    ballot_secrets = [secrets.token_urlsafe(32) for _ in voters]
    half = len(voters) // 2

    def cast(n: int, choice: int) -> Any:
        return voters[n].command(m, "vote.cast", {"vote_id": vote["id"], "choice": choice,
                                                  "ballot_secret": ballot_secrets[n]})

    await asyncio.gather(*[cast(n, 0) for n in range(half)])
    replies = await asyncio.gather(*[cast(n, 1) for n in range(half)],
                                   *[cast(n, 2) for n in range(half, len(voters))])
    assert [r["changed"] for r in replies] == [True] * half + [False] * (len(voters) - half)

    closed = (await chair.command(m, "vote.close", {"vote_id": vote["id"]}))["vote"]
    assert [o["count"] for o in closed["result"]["options"]] == [0, half, len(voters) - half]


async def test_a_secret_ballot_sent_with_its_voters_check_in_is_asked_for_again(
        server: ChairServer, hall: Hall, login: Login) -> None:
    """The secretary checks a member in while the member casts a secret ballot, in the
    same batch. The ballots' own transaction runs first and refuses the ballot (not checked
    in yet), so nothing is stored; in the batch's transaction the check-in comes first and
    the ballot passes every check with no ballot behind it: it is refused as "busy, send
    it again", and sent again it counts, once. (Mutation testing found this refusal
    unchecked.)"""
    chair, (d1, *_) = await _checked_in(login, hall)
    secretary = await login("secretary")
    d1_id = (await d1.subscribe(hall.meeting_id))["snapshot"]["you"]["id"]
    m = hall.meeting_id
    vote = (await chair.command(m, "vote.create", {"matter": "removal", "title": "Bãi nhiệm",
                                                   "ballot": "secret"}))["vote"]
    await chair.command(m, "vote.open", {"vote_id": vote["id"]})
    cast = {"vote_id": vote["id"], "choice": 0, "ballot_secret": secrets.token_urlsafe(32)}
    answers: list[Any] = await asyncio.gather(
        secretary.command(m, "attendance.check_in", {"user_id": d1_id}),
        d1.command(m, "vote.cast", cast), return_exceptions=True)
    checked, refused = answers
    assert isinstance(checked, dict), checked
    assert isinstance(refused, ServerError), refused
    assert (refused.code, refused.details, refused.message) == (
        "unavailable", {"reason": "server_busy"}, "the ballot was not stored; send it again")
    assert (await d1.command(m, "vote.cast", cast))["changed"] is False
    result = (await chair.command(m, "vote.close", {"vote_id": vote["id"]}))["vote"]["result"]
    assert [o["count"] for o in result["options"]] == [1, 0, 0]
