"""Every window counts the same when a delegate gets ballots folded into progress frames.

A real demo server process; the chair, a delegate who watches and three who vote are
real logged-in Qt sessions. The delegate's copy has counts, not names (``progress``
frames, docs/protocol.md §5.5); the chair's has every name. Both big screens, the
delegate's vote panel and the chair's list must agree.
"""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from meetingroom.laptop.meeting_store import voted_count
from meetingroom.ui.chair.big_screen import BigScreen
from tests.helpers.processes import ServerProcess
from tests.helpers.qt_sessions import WAIT, Bridges, open_the_session


@pytest.fixture
def demo_server(tmp_path: Path) -> Iterator[ServerProcess]:
    server = ServerProcess(tmp_path / "server")
    server.start()
    yield server
    server.stop()


def test_big_screens_and_counts_agree_when_a_delegate_follows_progress(
        qtbot: QtBot, demo_server: ServerProcess, tmp_path: Path) -> None:
    bridges = Bridges(qtbot, demo_server, tmp_path / "profiles")
    try:
        chair = bridges.session("chutoa", demo_server.meeting_id)
        watcher = bridges.session("daibieu01", demo_server.meeting_id)
        voters = [bridges.session(f"daibieu0{n}", demo_server.meeting_id) for n in (2, 3, 4)]
        item_id = next(iter(chair.state.agenda))
        open_the_session(qtbot, chair, watcher, item_id)
        for voter in voters:
            voter.check_in()
        qtbot.waitUntil(lambda: chair.state.attendance_summary["counts"]["present"] == 5,
                        timeout=WAIT)
        # The delegate follows the roll call by counts.
        qtbot.waitUntil(lambda: watcher.state.attendance_summary == chair.state
                        .attendance_summary, timeout=WAIT)
        on_the_wall = [BigScreen(watcher), BigScreen(chair)]
        for screen in on_the_wall:
            qtbot.addWidget(screen)

        chair.submit("vote.create", {"matter": "resolution", "item_id": item_id,
                                     "title": "Nghị quyết đo tải"})
        qtbot.waitUntil(lambda: bool(chair.state.votes), timeout=WAIT)
        vote = max(chair.state.votes)
        chair.submit("vote.open", {"vote_id": vote})
        qtbot.waitUntil(lambda: all(v.state.votes.get(vote, {}).get("status") == "open"
                                    for v in [watcher, *voters]), timeout=WAIT)
        for voter in voters:
            voter.cast(vote, choice=0)

        voter_ids = {v.state.my_id for v in voters}
        qtbot.waitUntil(lambda: voter_ids <= set(chair.state.votes[vote]["voted"]),
                        timeout=WAIT)  # the chair has the names
        qtbot.waitUntil(lambda: voted_count(watcher.state.votes[vote]) == 3, timeout=WAIT)
        # ... the delegate only the count (its copy has no other voter's name).
        assert not voter_ids & set(watcher.state.votes[vote].get("voted", []))
        qtbot.waitUntil(lambda: all(s.vote_count_label.text() == "3/5" for s in on_the_wall),
                        timeout=WAIT)
        # Each ballot is confirmed to its own voter.
        qtbot.waitUntil(lambda: all(v.state.have_voted(vote) for v in voters), timeout=WAIT)
        assert not watcher.state.have_voted(vote)
    finally:
        bridges.close()
