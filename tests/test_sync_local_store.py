"""The on-disk outbox and meeting cache, the wording of refusals, and the backoff."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from meetingroom.sync.client.connection import (
    BALLOT_CLOSED,
    BALLOT_CLOSED_WHILE_OFFLINE,
    ReconnectPolicy,
    RefusalKind,
    classify_refusal,
)
from meetingroom.sync.client.local_store import FILE_NAME, LocalStore, PendingCommand, Scope

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
