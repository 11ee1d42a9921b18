"""The Qt side of a session against a real server process: bridge, session state, models."""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import delete

from meetingroom.profiles import profile_for
from meetingroom.seed import DEMO_PASSWORD
from meetingroom.storage.database import Database
from meetingroom.storage.models import Participant
from meetingroom.sync.connection import ConnectionState, ReconnectPolicy
from meetingroom.ui.bridge import SessionBridge
from meetingroom.ui.packet_progress import PacketProgressPanel
from meetingroom.ui.session import MeetingSession
from tests.processes import ServerProcess

FAST = ReconnectPolicy(base_delay=0.1, max_delay=0.5)
WAIT = 20_000


@pytest.fixture
def demo_server(tmp_path: Path) -> Iterator[ServerProcess]:
    server = ServerProcess(tmp_path / "server")
    server.start()
    yield server
    server.stop()


def _open(qtbot: QtBot, server: ServerProcess, username: str,
          root: Path) -> tuple[SessionBridge, MeetingSession]:
    bridge = SessionBridge(server.url, profile_for(server.url, username, root=root),
                           policy=FAST)
    session = MeetingSession(bridge, server.meeting_id)
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
        qtmodeltester.check(panel.model)
    finally:
        bridge.shutdown()


def test_a_wrong_password_is_a_message_not_a_crash(qtbot: QtBot, demo_server: ServerProcess,
                                                   tmp_path: Path) -> None:
    bridge = SessionBridge(demo_server.url, profile_for(demo_server.url, "daibieu02",
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
