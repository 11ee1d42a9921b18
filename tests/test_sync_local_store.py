"""The on-disk outbox and meeting cache, the wording of refusals, and the backoff."""

from __future__ import annotations

import base64
import re
import secrets
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from meetingroom.laptop.remembered import ON_LAPTOP, remembered_meetings
from meetingroom.sync.client.connection import (
    BALLOT_CLOSED,
    BALLOT_CLOSED_WHILE_OFFLINE,
    ReconnectPolicy,
    RefusalKind,
    classify_refusal,
)
from meetingroom.sync.client.local_store import (
    FILE_NAME,
    SCHEMA_VERSION,
    LocalStore,
    PendingCommand,
    Scope,
)

ME = Scope("ws://hall:8765", "delegate1")


def _event(seq: int) -> dict[str, object]:
    return {"type": "event", "meeting_id": 1, "seq": seq, "event": "agenda.current_changed",
            "payload": {"item_id": seq, "previous": None}, "at": "2026-12-01T01:00:00Z"}


def test_queued_commands_survive_reopening_in_order_and_per_account(tmp_path: Path) -> None:
    with LocalStore.open(tmp_path) as store:
        first = store.enqueue(ME, 1, "meeting.start", {}, made_offline=True)
        second = store.enqueue(ME, 1, "agenda.set_current", {"item_id": 2},
                               made_offline=False, command_id="fixed-id")
        store.enqueue(Scope(ME.server, "delegate2"), 1, "meeting.start", {}, made_offline=True)
        store.enqueue(Scope("ws://other:8765", ME.username), 1, "meeting.start", {},
                      made_offline=True)
        store.count_attempt(ME, first.command_id)
    assert (tmp_path / FILE_NAME).exists()
    with LocalStore.open(tmp_path) as store:
        pending = store.pending(ME)
        assert [p.command_id for p in pending] == [first.command_id, "fixed-id"]
        assert pending[0].attempts == 1
        assert pending[0].made_offline
        assert pending[1] == second
        store.remove(ME, first.command_id)
        assert store.next_pending(ME) == second


def test_a_sent_ballot_leaves_no_trace_in_the_files(tmp_path: Path) -> None:
    with LocalStore.open(tmp_path) as store:
        ballot = store.enqueue(ME, 1, "vote.cast", {"vote_id": 7, "choice": "Không-tán-thành"},
                               made_offline=True)
        # Queued, the choice is on the disk as written (UTF-8, not \u-escaped), so the
        # check below would see it (mutation testing found this check blind to escapes).
        assert "Không-tán-thành".encode() in b"".join(p.read_bytes()
                                                      for p in tmp_path.iterdir())
        store.remove(ME, ballot.command_id)
        on_disk = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert "Không-tán-thành".encode() not in on_disk


def test_cache_keeps_a_snapshot_plus_consecutive_events_only(tmp_path: Path) -> None:
    with LocalStore.open(tmp_path) as store:
        assert store.load_meeting(ME, 1) is None
        with pytest.raises(ValueError, match="no snapshot"):
            store.append_events(ME, 1, [_event(1)])
        store.save_snapshot(ME, 1, 4, "delegate", {"current_item_id": None})
        assert store.append_events(ME, 1, [_event(5), _event(6)]) == 6
        with pytest.raises(ValueError, match="does not follow"):
            store.append_events(ME, 1, [_event(8)])
        with pytest.raises(ValueError, match="does not follow"):
            store.append_events(ME, 1, [_event(7), _event(7)])
        cached = store.load_meeting(ME, 1)
        assert cached is not None
        assert (cached.seq, cached.snapshot_seq, cached.role) == (6, 4, "delegate")
        assert [e["seq"] for e in cached.events] == [5, 6]
        store.save_snapshot(ME, 1, 2, "delegate", {"current_item_id": 3})  # server restored
        cached = store.load_meeting(ME, 1)
        assert cached is not None
        assert (cached.seq, cached.events, cached.snapshot) == (2, [], {"current_item_id": 3})
        assert store.load_meeting(Scope(ME.server, "delegate2"), 1) is None
        store.forget_meeting(ME, 1)
        assert store.load_meeting(ME, 1) is None


def _command(name: str, *, made_offline: bool = False, attempts: int = 1) -> PendingCommand:
    args: dict[str, object] = {"vote_id": 3, "choice": 0} if name == "vote.cast" else {}
    return PendingCommand("c1", 1, name, args, "2026-12-01T01:00:00+00:00",
                          made_offline=made_offline, attempts=attempts)


@pytest.mark.parametrize(("made_offline", "attempts", "expected"), [
    (True, 1, BALLOT_CLOSED_WHILE_OFFLINE),
    (False, 3, BALLOT_CLOSED_WHILE_OFFLINE),  # its first answers were lost on the way
    (False, 1, BALLOT_CLOSED),
])
def test_a_ballot_refused_because_the_vote_closed_says_it_was_not_counted(
        made_offline: bool, attempts: int, expected: str) -> None:
    refusal = classify_refusal(_command("vote.cast", made_offline=made_offline,
                                        attempts=attempts),
                               "invalid_state", "the vote is not open",
                               details={"reason": "vote_not_open", "status": "closed"})
    assert refusal.kind is RefusalKind.BALLOT_NOT_COUNTED
    assert refusal.message == expected
    assert refusal.server_message == "the vote is not open"
    assert refusal.details == {"reason": "vote_not_open", "status": "closed"}


def test_a_ballot_refused_for_another_state_keeps_the_reason() -> None:
    refusal = classify_refusal(_command("vote.cast", made_offline=True), "invalid_state",
                               "check in first", details={"reason": "check_in_first"})
    assert refusal.kind is RefusalKind.BALLOT_NOT_COUNTED
    assert refusal.message.endswith("check in first")
    assert refusal.details == {"reason": "check_in_first"}


def test_other_refusals_of_a_ballot_also_say_it_was_not_counted() -> None:
    refusal = classify_refusal(_command("vote.cast"), "forbidden", "only members vote")
    assert refusal.kind is RefusalKind.BALLOT_NOT_COUNTED
    assert refusal.message == "ballot not counted: only members vote"


def test_other_commands_keep_the_server_wording() -> None:
    refusal = classify_refusal(_command("meeting.start", made_offline=True), "invalid_state",
                               "already started", details=None)
    assert refusal.kind is RefusalKind.REFUSED
    assert refusal.message == "already started"


def test_backoff_grows_to_the_cap_and_jitters_downwards() -> None:
    policy = ReconnectPolicy(base_delay=1.0, max_delay=8.0, jitter=0.5)
    assert [policy.delay(n, rand=lambda: 0.0) for n in range(6)] == [1, 2, 4, 8, 8, 8]
    assert policy.delay(2, rand=lambda: 1.0) == 2.0
    assert policy.delay(10_000, rand=lambda: 0.0) == 8.0
    assert all(0.5 <= policy.delay(0) <= 1.0 for _ in range(100))


def test_the_store_opened_on_one_thread_is_used_on_another(tmp_path: Path) -> None:
    """The window's thread opens the profile's store and the session's network thread
    uses it (``ui.bridge``), one at a time (mutation testing found this unchecked:
    SQLite refuses it unless told otherwise)."""
    with LocalStore.open(tmp_path) as store, ThreadPoolExecutor(1) as network_thread:
        queued = network_thread.submit(store.enqueue, ME, 1, "meeting.start", {},
                                       made_offline=True).result()
        assert [p.command_id for p in store.pending(ME)] == [queued.command_id]


def test_a_profile_folder_not_made_yet_is_made_with_its_parents(tmp_path: Path) -> None:
    """The first start on a laptop: neither the profile folder nor its parent exists yet
    (mutation testing found only an existing parent checked)."""
    profile = tmp_path / "profiles" / "delegate1"
    with LocalStore.open(profile) as store:
        store.enqueue(ME, 1, "meeting.start", {}, made_offline=True)
    assert (profile / FILE_NAME).exists()


def test_a_file_from_a_newer_version_is_refused_and_named(tmp_path: Path) -> None:
    """After a downgrade the older program does not touch a newer file; its message says
    which file, and a key of the wrong length says what is wrong (mutation testing found
    both messages unchecked)."""
    with LocalStore.open(tmp_path) as store, pytest.raises(
            ValueError, match=r"^the outbox key must be 32 bytes$"):
        store.set_key(ME, b"k" * 16)
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(RuntimeError, match=re.escape(
            f"{tmp_path / FILE_NAME} was written by a newer version of the program")):
        LocalStore.open(tmp_path)


def test_another_program_writing_the_profile_holds_up_neither_opening_nor_the_secret(
        tmp_path: Path) -> None:
    """A second program (another window on the same profile) is in the middle of a write:
    opening the store and reading the device secret for a login write nothing, so they do
    not wait for it; a write would wait up to 10 s (mutation testing found the migration
    re-run and the secret written on every use unchecked)."""
    with LocalStore.open(tmp_path) as store:
        mine = store.device_secret(ME)
    other = sqlite3.connect(tmp_path / FILE_NAME, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with LocalStore.open(tmp_path) as store:
            assert store.device_secret(ME) == mine
            assert store._db.execute("PRAGMA busy_timeout").fetchone() == (10_000,)
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_the_device_secret_is_256_random_bits(tmp_path: Path) -> None:
    """32 random bytes in URL-safe base64, 43 characters (mutation testing found its
    length unchecked beyond a minimum)."""
    with LocalStore.open(tmp_path) as store:
        mine = store.device_secret(ME)
    assert len(mine) == 43
    assert len(base64.urlsafe_b64decode(mine + "=")) == 32


def test_a_command_that_cannot_be_opened_is_dropped_and_the_rest_still_go(
        tmp_path: Path) -> None:
    """A sealed command whose key the keyring lost is dropped from the file, not just
    skipped: it stays gone if the key turns up again; the commands after it are still
    read (mutation testing found the drop and the rest unchecked)."""
    key = secrets.token_bytes(32)
    with LocalStore.open(tmp_path) as store:
        store.set_key(ME, key)
        store.enqueue(ME, 1, "speech.register", {"queue": "debate"}, made_offline=True)
        store.set_key(ME, None)
        later = store.enqueue(ME, 1, "meeting.start", {}, made_offline=True)
    with LocalStore.open(tmp_path) as store:
        store.set_key(ME, secrets.token_bytes(32))  # the keyring lost the key
        assert [p.command_id for p in store.pending(ME)] == [later.command_id]
    with LocalStore.open(tmp_path) as store:
        store.set_key(ME, key)  # and found it again
        assert [p.command_id for p in store.pending(ME)] == [later.command_id]


def _summary(meeting_id: int, title: str, starts_at: str, status: str = "published",
             ) -> dict[str, object]:
    return {"id": meeting_id, "title": title, "status": status, "starts_at": starts_at,
            "location": "", "body": {"name": "HĐND"}, "role": "delegate", "last_seq": 0}


def test_an_account_remembers_its_user_and_list_across_reopening(tmp_path: Path) -> None:
    """What a start with the server down needs: who the server said this is, and the list
    it last sent, per account; an older profile file (version 2) gains the table."""
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        db.execute("PRAGMA user_version=2")
    db.close()
    other = Scope(ME.server, "delegate2")
    with LocalStore.open(tmp_path) as store:
        assert store.load_account(ME) is None
        store.save_meeting_list(ME, [_summary(1, "Kỳ họp", "2026-12-05T01:00:00+00:00")])
        store.save_user(ME, {"id": 7, "username": "delegate1", "full_name": "Nguyễn Văn A"})
        store.save_user(other, {"id": 8, "username": "delegate2"})
    with LocalStore.open(tmp_path) as store:
        mine = store.load_account(ME)
        assert mine is not None
        assert mine.user == {"id": 7, "username": "delegate1",
                                                  "full_name": "Nguyễn Văn A"}
        assert mine.meetings is not None
        assert [m["id"] for m in mine.meetings] == [1]
        assert mine.listed_at is not None
        theirs = store.load_account(other)
        assert theirs is not None
        assert theirs.meetings is None
        assert theirs.listed_at is None


def test_the_remembered_list_is_brought_up_to_date_by_the_cache(tmp_path: Path) -> None:
    """The list as fetched, with each cached meeting as its snapshot and later events
    leave it, newest first; only cached meetings can be opened; a meeting withdrawn from
    the user leaves the list too."""
    with LocalStore.open(tmp_path) as store:
        assert remembered_meetings(store, ME) is None
        store.save_meeting_list(ME, [
            _summary(2, "Phiên chuyên đề", "2027-01-14T01:30:00+00:00"),
            _summary(1, "Kỳ họp thứ 12", "2026-12-05T01:00:00+00:00"),
            _summary(3, "Đã rút", "2026-11-01T01:00:00+00:00")])
        store.save_snapshot(ME, 1, 4, "delegate", {
            "meeting": _summary(1, "Kỳ họp thứ 12", "2026-12-05T01:00:00+00:00")})
        store.append_events(ME, 1, [{"seq": 5, "event": "meeting.status_changed",
                                     "payload": {"status": "in_progress"}}])
        store.save_snapshot(ME, 3, 2, "delegate", {
            "meeting": _summary(3, "Đã rút", "2026-11-01T01:00:00+00:00")})
        store.forget_meeting(ME, 3)
        # Cached, but fetched in no list (opened before this version kept lists).
        store.save_snapshot(ME, 9, 1, "chair", {
            "meeting": {**_summary(9, "Cũ", "2025-01-01T01:00:00+00:00"), "role": None}})
        remembered = remembered_meetings(store, ME)
    assert remembered is not None
    assert remembered.listed_at is not None
    assert [(m["id"], m["status"], m[ON_LAPTOP]) for m in remembered.meetings] == [
        (2, "published", False), (1, "in_progress", True), (9, "published", True)]
    assert remembered.meetings[2]["role"] == "chair"
