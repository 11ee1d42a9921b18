"""Logged-in Qt sessions of the people around the one a test follows.

A journey drives one person through the app's windows; the chair and the delegates
who make the session happen around them are real connections to the same real server
(``ServerBridge`` + ``LiveMeeting``), the parts the app itself uses.
"""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from meetingroom.core.demo_documents import DEMO_PASSWORD
from meetingroom.laptop.profiles import profile_for
from meetingroom.server.announcements import announce
from meetingroom.sync.client.connection import ReconnectPolicy
from meetingroom.ui.bridge import ServerBridge
from meetingroom.ui.session import LiveMeeting
from tests.helpers.processes import ServerProcess

FAST = ReconnectPolicy(base_delay=0.1, max_delay=0.5)
WAIT = 20_000


class Bridges:
    """Logged-in connections of one test, shut down at its end."""

    def __init__(self, qtbot: QtBot, server: ServerProcess, root: Path) -> None:
        self.qtbot, self.server, self.root = qtbot, server, root
        self.opened: list[ServerBridge] = []

    def login(self, username: str) -> ServerBridge:
        bridge = ServerBridge(self.server.url, profile_for(self.server.url, username,
                                                            root=self.root), policy=FAST)
        self.opened.append(bridge)
        bridge.start(None)
        with self.qtbot.waitSignal(bridge.login_finished, timeout=WAIT) as login:
            bridge.login(DEMO_PASSWORD)
        assert login.args is not None
        assert login.args[1] == "", login.args[1]
        return bridge

    def session(self, username: str, meeting_id: int) -> LiveMeeting:
        bridge = self.login(username)
        session = LiveMeeting(bridge, meeting_id)
        self.qtbot.waitUntil(lambda: session.loaded, timeout=WAIT)
        return session

    def close(self) -> None:
        for bridge in self.opened:
            bridge.blockSignals(True)
            bridge.shutdown()


def open_the_session(qtbot: QtBot, chair: LiveMeeting, delegate: LiveMeeting,
                     item_id: int) -> None:
    """The chair opens the session on ``item_id``; the chair and the delegate check in."""
    chair.submit("meeting.start")
    chair.submit("agenda.set_current", {"item_id": item_id})
    chair.check_in()
    delegate.check_in()
    qtbot.waitUntil(lambda: chair.state.current_item_id == item_id, timeout=WAIT)


def pass_a_vote(qtbot: QtBot, chair: LiveMeeting, delegate: LiveMeeting,
                item_id: int, title: str) -> str:
    """An open resolution vote on ``item_id`` that both vote for; the chair announces it.
    Returns the Vietnamese announcement the minutes print, whitespace collapsed (the wire
    carries only the numbers)."""
    state = chair.state
    chair.submit("vote.create", {"matter": "resolution", "item_id": item_id, "title": title})
    qtbot.waitUntil(lambda: any(v.get("title") == title for v in state.votes.values()),
                    timeout=WAIT)
    vote = next(i for i, v in state.votes.items() if v.get("title") == title)
    chair.submit("vote.open", {"vote_id": vote})
    qtbot.waitUntil(lambda: delegate.state.votes.get(vote, {}).get("status") == "open",
                    timeout=WAIT)
    chair.cast(vote, choice=0)
    delegate.cast(vote, choice=0)
    qtbot.waitUntil(lambda: state.votes[vote]["voted_count"] == 2, timeout=WAIT)
    chair.submit("vote.close", {"vote_id": vote})
    qtbot.waitUntil(lambda: state.votes[vote].get("result") is not None, timeout=WAIT)
    return " ".join(announce(state.votes[vote]["result"]).split())
