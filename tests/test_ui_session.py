"""The Qt side of a session against a real server process: bridge, session state, models."""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import delete

from bench.shaper import ShapedLink
from meetingroom.core.demo_documents import DEMO_PASSWORD
from meetingroom.laptop.profiles import profile_for
from meetingroom.server.storage.database import Database
from meetingroom.server.storage.models import Participant
from meetingroom.sync.client.connection import ConnectionState, ReconnectPolicy
from meetingroom.ui.bridge import ServerBridge
from meetingroom.ui.packet_progress import PacketProgressPanel
from meetingroom.ui.qt import QNetworkInformation
from meetingroom.ui.session import LiveMeeting
from tests.helpers.processes import ServerProcess
from tests.helpers.qt_sessions import Bridges, open_the_session
from tests.helpers.wire_tap import WireTap

FAST = ReconnectPolicy(base_delay=0.1, max_delay=0.5)
T = TypeVar("T")
WAIT = 20_000


@pytest.fixture
def demo_server(tmp_path: Path) -> Iterator[ServerProcess]:
    server = ServerProcess(tmp_path / "server")
    server.start()
    yield server
    server.stop()


def _open(qtbot: QtBot, server: ServerProcess, username: str,
          root: Path) -> tuple[ServerBridge, LiveMeeting]:
    bridge = ServerBridge(server.url, profile_for(server.url, username, root=root),
                           policy=FAST)
    session = LiveMeeting(bridge, server.meeting_id)
    bridge.start(None)
    with qtbot.waitSignal(bridge.login_finished, timeout=WAIT) as login:
        bridge.login(DEMO_PASSWORD)
    assert login.args is not None
    assert login.args[1] == ""
    qtbot.waitUntil(lambda: session.loaded, timeout=WAIT)
    return bridge, session


def test_a_delegate_session_follows_the_meeting(qtbot: QtBot, qtmodeltester: ModelTester,
                                                demo_server: ServerProcess,
                                                tmp_path: Path) -> None:
    bridge, session = _open(qtbot, demo_server, "daibieu01", tmp_path / "profiles")
    panel = PacketProgressPanel()
    qtbot.addWidget(panel)
    assert panel.compact  # one line until there is something to download
    panel.set_documents(list(session.state.documents.values()))
    bridge.packet_progress.connect(panel.show_progress)
    bridge.prefetch(session.state.meeting, list(session.state.documents.values()))
    try:
        assert session.state.meeting["title"].startswith("Kỳ họp thứ Mười hai")
        qtmodeltester.check(session.agenda_model)
        qtmodeltester.check(session.attendance_model)
        qtmodeltester.check(session.speech_queue)
        me = session.state.my_id
        assert me is not None
        session.check_in()
        qtbot.waitUntil(lambda: session.state.attendance[me]["attendance"] == "present",
                        timeout=WAIT)
        qtbot.waitUntil(lambda: session.pending == [], timeout=WAIT)
        assert session.status.state is ConnectionState.ONLINE
        # The whole packet is prefetched into the encrypted cache in the background.
        documents = list(session.state.documents.values())
        assert len(documents) >= 8
        qtbot.waitUntil(lambda: all(bridge.cache.has(d["sha256"]) for d in documents),
                        timeout=WAIT)
        first = documents[0]
        data = bridge.document_bytes(first)
        assert data is not None
        assert data.startswith(b"%PDF")
        assert len(data) == first["size_bytes"]
        qtbot.waitUntil(lambda: "Đã tải đủ" in panel.summary.text(), timeout=WAIT)
        assert panel.bar.value() == panel.bar.maximum()
        assert not panel.compact
        qtmodeltester.check(panel.model)
    finally:
        bridge.shutdown()


def test_a_laptop_offline_with_its_packet_says_so_at_once(qtbot: QtBot,
                                                          demo_server: ServerProcess,
                                                          tmp_path: Path) -> None:
    """A laptop started in a hall without network, its packet fetched the day before:
    the meeting window said "no document on this laptop" for good, since the prefetch
    reported only from its rounds, and none runs offline (and online, the first waits
    seconds for the link to settle). Now what the cache holds is told at once."""
    root = tmp_path / "profiles"
    bridge, session = _open(qtbot, demo_server, "daibieu05", root)
    meeting, documents = dict(session.state.meeting), list(session.state.documents.values())
    try:
        qtbot.waitUntil(lambda: all(bridge.cache.has(d["sha256"]) for d in documents),
                        timeout=WAIT)
    finally:
        bridge.shutdown()
    demo_server.stop()
    offline = ServerBridge(demo_server.url, profile_for(demo_server.url, "daibieu05",
                                                        root=root), policy=FAST)
    try:
        panel = PacketProgressPanel()
        qtbot.addWidget(panel)
        panel.set_documents(documents)
        offline.packet_progress.connect(panel.show_progress)
        offline.start(None)
        with qtbot.waitSignal(offline.packet_progress, timeout=WAIT) as told:
            offline.prefetch(meeting, documents)
        assert told.args is not None
        assert told.args[0].complete
        assert panel.summary.text() == f"Đã tải đủ {len(documents)} tài liệu, " \
                                       "có thể họp khi mất mạng"
    finally:
        offline.shutdown()


def test_a_wrong_password_is_a_message_not_a_crash(qtbot: QtBot, demo_server: ServerProcess,
                                                   tmp_path: Path) -> None:
    bridge = ServerBridge(demo_server.url, profile_for(demo_server.url, "daibieu02",
                                                        root=tmp_path), policy=FAST)
    try:
        bridge.start(None)
        with qtbot.waitSignal(bridge.login_finished, timeout=WAIT) as login:
            bridge.login("not the password")
        assert login.args is not None
        assert login.args[0] is None
        assert "mật khẩu" in login.args[1]
    finally:
        bridge.shutdown()


def test_a_removed_participant_loses_the_documents_at_the_next_connection(
        qtbot: QtBot, demo_server: ServerProcess, tmp_path: Path) -> None:
    bridge, session = _open(qtbot, demo_server, "daibieu03", tmp_path / "profiles")
    try:
        documents = list(session.state.documents.values())
        qtbot.waitUntil(lambda: all(bridge.cache.has(d["sha256"]) for d in documents),
                        timeout=WAIT)
        me = session.state.my_id
        demo_server.stop()
        db = Database(demo_server.db, migrate=False)
        try:
            with db.transaction() as s:
                s.execute(delete(Participant).where(
                    Participant.meeting_id == demo_server.meeting_id,
                    Participant.user_id == me))
        finally:
            db.dispose()
        with qtbot.waitSignal(bridge.meeting_gone, timeout=WAIT) as gone:
            demo_server.start()
        assert gone.args == [demo_server.meeting_id]
        assert not any(bridge.cache.has(d["sha256"]) for d in documents)
    finally:
        bridge.shutdown()


def test_ballot_secrets_are_random_per_vote_and_person_and_leave_only_in_vote_cast(
        qtbot: QtBot, demo_server: ServerProcess, tmp_path: Path) -> None:
    """A secret ballot carries a secret that only the voter's laptop knows (so the voter
    can change the ballot where the body allows, and nobody can match ballot to voter).
    Whatever a secret were derived from (the person, the vote, the meeting), a second
    laptop of the same person would make the same one; so two laptops of one delegate,
    two delegates and two votes must all differ, and every secret leaves only inside the
    ``vote.cast`` command that carries it."""
    bridges = Bridges(qtbot, demo_server, tmp_path / "profiles")
    with WireTap(demo_server.url) as tap:
        def through_tap(username: str, laptop: str) -> LiveMeeting:
            bridge = ServerBridge(tap.url, profile_for(tap.url, username,
                                                        root=tmp_path / laptop), policy=FAST)
            bridges.opened.append(bridge)
            bridge.start(None)
            with qtbot.waitSignal(bridge.login_finished, timeout=WAIT) as login:
                bridge.login(DEMO_PASSWORD)
            assert login.args is not None
            assert login.args[1] == "", login.args[1]
            session = LiveMeeting(bridge, demo_server.meeting_id)
            qtbot.waitUntil(lambda: session.loaded, timeout=WAIT)
            return session

        try:
            chair = bridges.session("chutoa", demo_server.meeting_id)
            first, second = through_tap("daibieu01", "laptop1"), through_tap("daibieu02",
                                                                             "laptop2")
            item = min(chair.state.agenda)
            open_the_session(qtbot, chair, first, item)
            second.check_in()
            voters = [first, second]
            for session in voters:
                me = session.state.my_id
                qtbot.waitUntil(lambda s=session, m=me:  # type: ignore[misc]
                                s.state.attendance[m]["attendance"] == "present",
                                timeout=WAIT)
            for title in ("Bãi nhiệm thứ nhất", "Bãi nhiệm thứ hai"):
                chair.submit("vote.create", {"matter": "removal", "item_id": item,
                                             "title": title, "ballot": "secret"})
                qtbot.waitUntil(lambda t=title: any(  # type: ignore[misc]
                    v.get("title") == t for v in chair.state.votes.values()), timeout=WAIT)
                vote = next(i for i, v in chair.state.votes.items() if v["title"] == title)
                chair.submit("vote.open", {"vote_id": vote})
                for session in voters:
                    qtbot.waitUntil(lambda s=session, v=vote:  # type: ignore[misc]
                                    s.state.votes.get(v, {}).get("status") == "open",
                                    timeout=WAIT)
                    session.cast(vote, choice=0)
                    qtbot.waitUntil(lambda s=session: not s.pending,  # type: ignore[misc]
                                    timeout=WAIT)
                qtbot.waitUntil(lambda v=vote:  # type: ignore[misc]
                                chair.state.votes[v]["voted_count"] == 2, timeout=WAIT)
                if title.endswith("nhất"):
                    chair.submit("vote.close", {"vote_id": vote})
                    qtbot.waitUntil(lambda v=vote:  # type: ignore[misc]
                                    chair.state.votes[v]["status"] == "closed", timeout=WAIT)
            # The same delegate on another laptop, on the vote still open.
            again = through_tap("daibieu01", "laptop3")
            qtbot.waitUntil(lambda: again.state.votes.get(vote, {}).get("status") == "open",
                            timeout=WAIT)
            with qtbot.waitSignals([again.done], timeout=WAIT, raising=False):
                again.cast(vote, choice=1)
            qtbot.waitUntil(lambda: not again.pending, timeout=WAIT)
        finally:
            bridges.close()
        sent = [json.loads(m) for m in tap.messages() if isinstance(m, str)]
    casts = [m for m in sent if m.get("type") == "command" and m.get("command") == "vote.cast"]
    found = [c["args"]["ballot_secret"] for c in casts]
    assert len(found) == 5, casts  # 2 delegates x 2 votes, and the second laptop
    assert len(set(found)) == 5, "secrets repeat across votes, people or laptops"
    for secret in found:
        assert len(secret) >= 43  # at least 256 bits, URL-safe base64
        carriers = [m for m in sent if secret in json.dumps(m)]
        assert all(m.get("command") == "vote.cast" for m in carriers), carriers


class _LinkThread:
    """A ``bench.shaper.ShapedLink`` in front of ``port``, on its own thread's loop (the
    test's thread runs Qt's)."""

    def __init__(self, port: int) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="shaped-link",
                                        daemon=True)
        self.link = ShapedLink("127.0.0.1", port)

    def __enter__(self) -> _LinkThread:
        self._thread.start()
        self.run(self.link.start())
        return self

    def __exit__(self, *exc: object) -> None:
        self.run(self.link.stop())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def run(self, work: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(work, self._loop).result(WAIT / 1000)


def test_the_operating_systems_network_signal_checks_the_connection(
        qtbot: QtBot, demo_server: ServerProcess, tmp_path: Path) -> None:
    """The laptop's Wi-Fi moves to another access point: its connection goes dead
    without a word (``ShapedLink.strand``), and here its silence limit would take an
    hour. Qt's reachability signal, which the bridge connects to the plain
    ``network_changed`` of the connection, makes the session check the connection and
    come back online on a new one (before: the signal only skipped a wait while
    offline; an open, dead connection stayed)."""
    with _LinkThread(demo_server.port) as shaped:
        bridge = ServerBridge(shaped.link.url, profile_for(shaped.link.url, "daibieu01",
                                                           root=tmp_path), policy=FAST)
        try:
            bridge.connection.silence_limit = 3600.0
            session = LiveMeeting(bridge, demo_server.meeting_id)
            bridge.start(None)
            with qtbot.waitSignal(bridge.login_finished, timeout=WAIT):
                bridge.login(DEMO_PASSWORD)
            qtbot.waitUntil(lambda: session.loaded, timeout=WAIT)
            connections = shaped.link.connections

            async def strand() -> int:
                return shaped.link.strand()

            assert shaped.run(strand()) >= 1
            states: list[ConnectionState] = []
            bridge.status_changed.connect(lambda status: states.append(status.state))
            bridge._reachability_changed(QNetworkInformation.Reachability.Online)
            qtbot.waitUntil(lambda: ConnectionState.ONLINE in states, timeout=3 * WAIT)
            assert ConnectionState.OFFLINE in states or ConnectionState.CONNECTING in states
            assert shaped.link.connections > connections
        finally:
            bridge.shutdown()
