"""Journey: the secretary prepares a meeting from the meeting list; a delegate sees it.

Starts where `meetingroom client` starts (``launch`` with the same arguments), against a
real `meetingroom serve` process seeded with the demo, and reaches the secretary's
workspace only through the meeting list's menu and buttons.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from meetingroom.profiles import profile_for
from meetingroom.seed import DEMO_PASSWORD
from meetingroom.ui.app import UserSession, build_parser, launch
from meetingroom.ui.bridge import SessionBridge
from meetingroom.ui.qt import QPushButton, Qt, QWidget
from meetingroom.ui.secretary.workspace import SecretaryWorkspace
from tests.processes import ServerProcess

WAIT = 30_000
OUTPUT = Path(__file__).resolve().parents[2] / "test-output"




def _click(qtbot: QtBot, window: QWidget, name: str) -> None:
    button = window.findChild(QPushButton, name)
    assert button is not None, name
    qtbot.waitUntil(button.isEnabled, timeout=WAIT)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.mark.qt_log_ignore(r"This plugin does not support (raise\(\)|propagateSizeHints)")
def test_the_secretary_prepares_and_publishes_a_meeting_a_delegate_sees(
        qtbot: QtBot, server: ServerProcess, tmp_path: Path) -> None:
    args = build_parser().parse_args(["--server", server.url, "--user", "thuky",
                                      "--settings", str(tmp_path / "client.json"),
                                      "--data-dir", str(tmp_path / "data")])
    launched = launch(args)
    assert not isinstance(launched, int)
    _app, client = launched
    try:
        dialog = client.login_dialog
        assert dialog is not None
        qtbot.keyClicks(dialog.password_edit, DEMO_PASSWORD)
        with qtbot.waitSignal(client.logged_in, timeout=WAIT) as signal:
            qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
        assert signal.args is not None
        user: UserSession = signal.args[0]
        main = client.main_windows[user]
        qtbot.waitUntil(lambda: main.connection_label.text() == "Đã kết nối", timeout=WAIT)

        # Cuộc họp → Chuẩn bị cuộc họp… (the shortcut and the button do the same)
        assert main.prepare_action in main.meeting_menu.actions()
        assert main.prepare_action.shortcut().toString() == "Ctrl+Shift+P"
        qtbot.mouseClick(main.page.prepare_button, Qt.MouseButton.LeftButton)
        workspace = main.secretary_window
        assert isinstance(workspace, SecretaryWorkspace)
        assert workspace.isVisible()
        qtbot.waitUntil(lambda: workspace.meetings.body.count() > 0, timeout=WAIT)

        title = "Phien hop chuyen de chuyen doi so"  # keyClicks types ASCII only
        form = workspace.meetings
        qtbot.keyClicks(form.title, title)
        qtbot.keyClicks(form.location, "Hoi truong A")
        _click(qtbot, workspace, "meeting_create")
        qtbot.waitUntil(lambda: workspace.session is not None and workspace.session.loaded
                        and workspace.session.state.meeting.get("title") == title,
                        timeout=WAIT)
        session = workspace.session
        assert session is not None

        workspace.tabs.setCurrentWidget(workspace.agenda)
        qtbot.keyClicks(workspace.agenda.title, "Khai mac phien hop")
        _click(qtbot, workspace, "item_add")
        qtbot.waitUntil(lambda: len(session.state.agenda) == 1, timeout=WAIT)

        people = workspace.participants
        workspace.tabs.setCurrentWidget(people)
        qtbot.waitUntil(lambda: any(m["username"] == "daibieu01" for m in people.members),
                        timeout=WAIT)
        uid = int(next(m["user_id"] for m in people.members if m["username"] == "daibieu01"))
        people.check_member(uid)
        _click(qtbot, workspace, "invite_members")
        qtbot.waitUntil(lambda: any(int(p.get("user_id", 0)) == uid
                                    for p in session.state.participants.values()),
                        timeout=WAIT)

        workspace.tabs.setCurrentWidget(workspace.meetings)
        _click(qtbot, workspace, "meeting_publish")
        qtbot.waitUntil(lambda: session.state.meeting.get("status") == "published",
                        timeout=WAIT)
        OUTPUT.mkdir(exist_ok=True)
        workspace.grab().save(str(OUTPUT / "secretary_journey.png"), "PNG")

        # A delegate of the body sees the published meeting.
        delegate = SessionBridge(server.url, profile_for(server.url, "daibieu01",
                                                         root=tmp_path / "d"))
        try:
            delegate.start(None)
            with qtbot.waitSignal(delegate.login_finished, timeout=WAIT):
                delegate.login(DEMO_PASSWORD)
            with qtbot.waitSignal(delegate.meetings_listed, timeout=WAIT) as listed:
                delegate.list_meetings()
            assert listed.args is not None
            assert any(m["id"] == session.meeting_id for m in listed.args[0] or [])
        finally:
            delegate.shutdown()
        workspace.close()
    finally:
        client.shutdown()
