"""An offline secret ballot is never readable on the laptop's disk, and is sent once.

The queued ballot waits in the profile's ``sync.sqlite3`` (and its write-ahead log)
until the server has it, possibly across restarts. With a keyring its arguments are
sealed with the account's key; with none it is held in memory only.
"""

from __future__ import annotations

import base64
import json
import secrets
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import func, select

from meetingroom.laptop.credentials import CacheKeyVault
from meetingroom.server.storage.database import Database
from meetingroom.server.storage.models import SecretBallot, VoteVoter
from meetingroom.sync.client.connection import ConnectionState
from meetingroom.sync.client.local_store import FILE_NAME, LocalStore, Scope
from meetingroom.sync.serving.endpoint import ChairServer
from tests.conftest import Login
from tests.helpers.factories import Hall
from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.session_helpers import start_session
from tests.test_sync_connection import logged_in, serving, session_for

CHOICE = {"choice": 2}


@pytest.fixture(autouse=True)
def restore_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    yield
    keyring.set_keyring(previous)


def _raw(profile: Path) -> bytes:
    """The outbox database and its write-ahead log, byte for byte."""
    db = profile / FILE_NAME
    wal = db.with_name(db.name + "-wal")
    assert db.exists()
    return db.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def _leaks(raw: bytes, secret: str) -> list[str]:
    needles = [secret, '"choice":2', '"choice": 2', "ballot_secret"]
    return [n for n in needles if n.encode() in raw]


async def _open_secret_vote(login: Login, hall: Hall, voter: str) -> int:
    chair = await login("chair")
    delegate = await login(voter)
    await start_session(chair, hall.meeting_id, hall.item_ids[1])
    await delegate.command(hall.meeting_id, "attendance.check_in")
    vote = (await chair.command(hall.meeting_id, "vote.create", {
        "matter": "removal", "title": "Bãi nhiệm đại biểu X", "ballot": "secret"}))["vote"]
    await chair.command(hall.meeting_id, "vote.open", {"vote_id": vote["id"]})
    return int(vote["id"])


def _counted(database: Database, vote_id: int) -> tuple[int, int]:
    with database.reading() as s:
        voters = s.scalar(select(func.count()).select_from(VoteVoter)
                          .where(VoteVoter.vote_id == vote_id))
        ballots = s.scalar(select(func.count()).select_from(SecretBallot)
                           .where(SecretBallot.vote_id == vote_id))
    return int(voters or 0), int(ballots or 0)


async def test_a_queued_secret_ballot_is_sealed_on_disk_and_sent_once_after_a_restart(
        server: ChairServer, hall: Hall, login: Login, database: Database,
        tmp_path: Path) -> None:
    keyring.set_keyring(MemoryKeyring())
    voter, port, url = hall.delegates[0], server.port, server.url
    vote_id = await _open_secret_vote(login, hall, voter)
    profile, secret = tmp_path / "laptop", secrets.token_urlsafe(32)

    key, persists = CacheKeyVault().key(url, voter)
    assert persists
    async with session_for(url, profile, voter, hall.meeting_id,
                           outbox_key=key) as (session, rec):
        token = await logged_in(session, rec)
        await server.stop()  # the hall's Wi-Fi is gone
        await rec.until(lambda: rec.state is ConnectionState.OFFLINE)
        await session.submit("vote.cast", {"vote_id": vote_id, **CHOICE,
                                           "ballot_secret": secret})
        assert [p.args["ballot_secret"] for p in session.pending()] == [secret]
        assert _leaks(_raw(profile), secret) == []
    assert _leaks(_raw(profile), secret) == []  # closed: the laptop is switched off

    # The next morning: the same profile, the same keyring, the server back.
    key_again, _ = CacheKeyVault().key(url, voter)
    async with session_for(url, profile, voter, hall.meeting_id, token,
                           outbox_key=key_again) as (session, rec):
        queued = session.pending()
        assert [(p.name, p.args) for p in queued] == [
            ("vote.cast", {"vote_id": vote_id, **CHOICE, "ballot_secret": secret})]
        async with serving(database, port):
            await rec.until(lambda: len(rec.done) == 1, within=30)
            assert session.pending() == []
            assert _counted(database, vote_id) == (1, 1)
    assert rec.done[0][0].command_id == queued[0].command_id
    assert _leaks(_raw(profile), secret) == []


async def test_without_a_keyring_a_queued_secret_ballot_is_never_written(
        server: ChairServer, hall: Hall, login: Login, tmp_path: Path) -> None:
    voter, url = hall.delegates[0], server.url
    vote_id = await _open_secret_vote(login, hall, voter)
    profile, secret = tmp_path / "laptop", secrets.token_urlsafe(32)
    async with session_for(url, profile, voter, hall.meeting_id) as (session, rec):
        await logged_in(session, rec)
        await server.stop()
        await rec.until(lambda: rec.state is ConnectionState.OFFLINE)
        spoke = await session.submit("speech.register", {"queue": "debate"})
        ballot = await session.submit("vote.cast", {"vote_id": vote_id, **CHOICE,
                                                    "ballot_secret": secret})
        assert ballot.volatile
        assert not spoke.volatile
        assert [p.command_id for p in session.pending()] == [spoke.command_id,
                                                             ballot.command_id]
        assert _leaks(_raw(profile), secret) == []
    # After a restart the other command is still queued; the ballot is gone, as the
    # window warned while it waited.
    with LocalStore.open(profile) as store:
        assert [p.command_id for p in store.pending(Scope(url, voter))] == [
            spoke.command_id]
    assert _leaks(_raw(profile), secret) == []


def test_a_sealed_command_opens_only_for_its_account_and_key(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    me, other = Scope("ws://hall", "delegate1"), Scope("ws://hall", "delegate2")
    key = secrets.token_bytes(32)
    with LocalStore.open(tmp_path) as store:
        store.set_key(me, key)
        store.enqueue(me, 1, "speech.register", {"queue": "debate"}, made_offline=True)
    with LocalStore.open(tmp_path) as store:
        store.set_key(me, key)
        assert [p.args for p in store.pending(me)] == [{"queue": "debate"}]
        assert store.pending(other) == []
    with LocalStore.open(tmp_path) as store:
        store.set_key(me, secrets.token_bytes(32))  # the keyring lost the key
        with caplog.at_level("WARNING", logger="meetingroom.local_store"):
            assert store.pending(me) == []  # dropped, with a warning, not sent garbled
        assert "could not be read" in caplog.text
        assert store.pending(me) == []
        store.set_key(me, None)  # the keyring is gone: a ballot is held in memory again
        assert store.enqueue(me, 1, "vote.cast", {"vote_id": 1, **CHOICE,
                                                  "ballot_secret": "d" * 43},
                             made_offline=True).volatile


def test_a_ballot_held_in_memory_counts_its_attempts(tmp_path: Path) -> None:
    """A secret ballot with no keyring is held in memory; each time it is put on the wire
    counts for it alone (above 1 the window says an answer was lost), and the server's
    answer removes it alone, as on disk (mutation testing found both unchecked)."""
    me, other = Scope("ws://hall", "delegate1"), Scope("ws://hall", "delegate2")
    with LocalStore.open(tmp_path) as store:
        first = store.enqueue(me, 1, "vote.cast", {"vote_id": 1, **CHOICE,
                                                   "ballot_secret": "a" * 43},
                              made_offline=True)
        second = store.enqueue(me, 1, "vote.cast", {"vote_id": 2, **CHOICE,
                                                    "ballot_secret": "b" * 43},
                               made_offline=True)
        theirs = store.enqueue(other, 1, "vote.cast", {"vote_id": 1, **CHOICE,
                                                       "ballot_secret": "c" * 43},
                               made_offline=True)
        assert first.volatile
        assert first.created_at.endswith("+00:00")  # UTC, whatever the laptop's zone
        # Made offline: a refusal of it is worded "the vote closed while you were away".
        assert first.made_offline
        store.count_attempt(me, second.command_id)
        store.count_attempt(me, second.command_id)
        store.count_attempt(me, theirs.command_id)  # not mine: nothing moves
        assert [(p.command_id, p.attempts, p.made_offline) for p in store.pending(me)] == [
            (first.command_id, 0, True), (second.command_id, 2, True)]
        assert [p.attempts for p in store.pending(other)] == [0]
        # The server's answer removes each from where it is held: memory or the file.
        spoke = store.enqueue(me, 1, "speech.register", {}, made_offline=True)
        assert [p.command_id for p in store.pending(me)] == [  # in the order made
            first.command_id, second.command_id, spoke.command_id]
        store.remove(me, spoke.command_id)
        store.remove(me, second.command_id)
        assert [p.command_id for p in store.pending(me)] == [first.command_id]


async def test_a_vote_opened_before_an_outage_still_holds_bulk_data_back_after_it(
        server: ChairServer, hall: Hall, login: Login, database: Database,
        tmp_path: Path) -> None:
    """The vote opened while the laptop was online (an event after its snapshot); after a
    reconnect that resumes from the cached events, the session still knows the vote is
    open, so document pieces keep waiting behind the ballots (mutation testing found the
    cached events left out unchecked)."""
    port, url, voter = server.port, server.url, hall.delegates[0]
    async with session_for(url, tmp_path, voter, hall.meeting_id) as (session, rec):
        await logged_in(session, rec)
        assert not session.activity.vote_open
        await _open_secret_vote(login, hall, voter)
        await rec.until(lambda: session.activity.vote_open)
        await server.stop()
        await rec.until(lambda: rec.state is ConnectionState.OFFLINE)
        async with serving(database, port):
            await rec.until(lambda: rec.count(ConnectionState.ONLINE) == 2)
            assert session.activity.vote_open
            # Another laptop joins while the vote is open: the snapshot says so, and so
            # does the cached snapshot when it follows the meeting again from the cache
            # (mutation testing found both unchecked, and the meeting as shown).
            async with session_for(url, tmp_path / "other", voter,
                                   hall.meeting_id) as (later, seen):
                await logged_in(later, seen)
                assert [(m.meeting_id, m.role) for m in seen.meetings] == [
                    (hall.meeting_id, "delegate")]
                assert later.activity.vote_open
                await later.follow(None)
                await seen.until(lambda: seen.count(ConnectionState.ONLINE) == 2)
                await later.follow(hall.meeting_id)
                await seen.until(lambda: seen.count(ConnectionState.ONLINE) == 3)
                assert later.activity.vote_open


def test_the_device_secret_is_made_once_and_kept(tmp_path: Path) -> None:
    """The laptop's device secret is random per account and the same on every later
    use, across restarts (mutation testing found a later use unchecked: the server
    would have seen one constant secret from every laptop)."""
    me, other = Scope("ws://hall", "delegate1"), Scope("ws://hall", "delegate2")
    with LocalStore.open(tmp_path) as store:
        mine = store.device_secret(me)
        assert len(mine) >= 43
        assert store.device_secret(me) == mine
        assert store.device_secret(other) not in (mine, "None")
    with LocalStore.open(tmp_path) as store:
        assert store.device_secret(me) == mine


def test_a_command_sealed_before_an_update_still_opens(tmp_path: Path) -> None:
    """The sealed format is pinned: AES-GCM over the JSON arguments, a 12-byte nonce first,
    bound to "meetingroom-outbox-1", server, account, command id and name joined by NULs.
    A ballot queued offline by the version before an update is still sent after it
    (mutation testing found the label changeable: every test seals and opens alike)."""
    me, key = Scope("ws://hall", "delegate1"), secrets.token_bytes(32)
    label = "\x00".join(("meetingroom-outbox-1", me.server, me.username, "c-1", "vote.cast"))
    nonce = secrets.token_bytes(12)
    args = {"vote_id": 7, **CHOICE, "ballot_secret": "e" * 43}
    blob = nonce + AESGCM(key).encrypt(nonce, json.dumps(args).encode(), label.encode())
    with LocalStore.open(tmp_path):
        pass  # the file and its tables, as the earlier version left them
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        db.execute("INSERT INTO outbox (server, username, command_id, meeting_id, name, args,"
                   " created_at, made_offline) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   (me.server, me.username, "c-1", 1, "vote.cast",
                    "sealed1:" + base64.b64encode(blob).decode(), "2026-12-01T01:00:00+00:00",
                    1))
    db.close()
    with LocalStore.open(tmp_path) as store:
        store.set_key(me, key)
        assert [(p.command_id, p.args) for p in store.pending(me)] == [("c-1", args)]
