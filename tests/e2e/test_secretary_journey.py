"""Journey: the secretary prepares a meeting from the meeting list; delegates see it.

Starts where `meetingroom client` starts (``launch`` with the same arguments), against a
real `meetingroom serve` process seeded with the demo, and reaches the secretary's
workspace only through the meeting list's menu and buttons. She creates the meeting,
builds the agenda, invites a member, imports the participant list from a CSV file,
attaches a PDF to the agenda item (through the file dialog), publishes, and approves
the document a department submitted; the delegates then see the meeting and both
documents. Files are chosen in the real file dialogs, typed and confirmed with Enter.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from meetingroom.core.demo_documents import DEMO_PASSWORD
from meetingroom.laptop.profiles import profile_for
from meetingroom.ui.bridge import ServerBridge
from meetingroom.ui.qt import Qt
from meetingroom.ui.secretary.workspace import SecretaryWorkspace
from tests.e2e.dialogs import answer_file_dialog
from tests.e2e.steps import WAIT, click, start_and_log_in
from tests.helpers.processes import ServerProcess
from tests.helpers.qt_sessions import Bridges
from tests.test_reader_support import make_pdf

OUTPUT = Path(__file__).resolve().parents[2] / "test-output"




@pytest.mark.qt_log_ignore(r"This plugin does not support (raise\(\)|propagateSizeHints)")
def test_the_secretary_prepares_and_publishes_a_meeting_a_delegate_sees(
        qtbot: QtBot, server: ServerProcess, tmp_path: Path) -> None:
    client, user = start_and_log_in(qtbot, server, tmp_path, "thuky")
    try:
        main = client.main_windows[user]
        qtbot.waitUntil(lambda: main.connection_label.text() == "Đã kết nối", timeout=WAIT)

        # Cuộc họp → Chuẩn bị cuộc họp… (the shortcut and the button do the same)
        assert main.prepare_action in main.meeting_menu.actions()
        assert main.prepare_action.shortcut().toString() == "Ctrl+Shift+P"
        # Offered once the server says she prepares meetings (a delegate never sees it).
        qtbot.waitUntil(main.page.prepare_button.isVisible, timeout=WAIT)
        assert main.prepare_action.isVisible()
        assert main.prepare_action.isEnabled()
        qtbot.mouseClick(main.page.prepare_button, Qt.MouseButton.LeftButton)
        workspace = main.secretary_window
        assert isinstance(workspace, SecretaryWorkspace)
        assert workspace.isVisible()
        qtbot.waitUntil(lambda: workspace.meetings.body.count() > 0, timeout=WAIT)

        title = "Phien hop chuyen de chuyen doi so"  # keyClicks types ASCII only
        form = workspace.meetings
        qtbot.keyClicks(form.title, title)
        qtbot.keyClicks(form.location, "Hoi truong A")
        click(qtbot, workspace, "meeting_create")
        qtbot.waitUntil(lambda: workspace.session is not None and workspace.session.loaded
                        and workspace.session.state.meeting.get("title") == title,
                        timeout=WAIT)
        session = workspace.session
        assert session is not None

        workspace.tabs.setCurrentWidget(workspace.agenda)
        qtbot.keyClicks(workspace.agenda.title, "Khai mac phien hop")
        click(qtbot, workspace, "item_add")
        qtbot.waitUntil(lambda: len(session.state.agenda) == 1, timeout=WAIT)

        people = workspace.participants
        workspace.tabs.setCurrentWidget(people)
        qtbot.waitUntil(lambda: any(m["username"] == "daibieu01" for m in people.members),
                        timeout=WAIT)
        uid = int(next(m["user_id"] for m in people.members if m["username"] == "daibieu01"))
        people.check_member(uid)
        click(qtbot, workspace, "invite_members")
        qtbot.waitUntil(lambda: any(int(p.get("user_id", 0)) == uid
                                    for p in session.state.participants.values()),
                        timeout=WAIT)

        # The rest of the list comes from a file: two delegates and a department's guest.
        roster = tmp_path / "thanh-phan.csv"
        roster.write_text("username;full_name;role;seat\n"
                          "daibieu02;;Đại biểu;B-02\n"
                          "daibieu03;;Đại biểu;B-03\n"
                          "khach01;;Khách mời;K-01\n", encoding="utf-8")
        answered = answer_file_dialog(roster)
        click(qtbot, workspace, "import_file")
        qtbot.waitUntil(lambda: people.import_checked, timeout=WAIT)
        assert answered, "the import asked for the file"
        assert people.apply_button.text() == "Nhập 3 người hợp lệ"
        click(qtbot, workspace, "import_apply")
        qtbot.waitUntil(lambda: len(session.state.participants) >= 5, timeout=WAIT)
        ids = {int(m["user_id"]) for m in people.members
               if m["username"] in ("daibieu02", "daibieu03")}
        invited = {int(p.get("user_id", 0)) for p in session.state.participants.values()}
        assert len(ids) == 2
        assert ids <= invited
        assert any(p.get("role") == "guest" for p in session.state.participants.values())

        # The agenda item's document, chosen in the file dialog.
        workspace.tabs.setCurrentWidget(workspace.agenda)
        item_id = next(iter(session.state.agenda))
        workspace.agenda.select(item_id)
        paper = tmp_path / "to-trinh-chuyen-doi-so.pdf"
        paper.write_bytes(make_pdf(3, words=lambda page: f"To trinh chuyen doi so, trang {page}"))
        answered = answer_file_dialog(paper)
        click(qtbot, workspace, "document_attach")
        qtbot.waitUntil(lambda: any(d.get("filename") == paper.name
                                    for d in session.state.documents.values()),
                        timeout=WAIT)
        assert answered
        attached = next(d for d in session.state.documents.values()
                        if d.get("filename") == paper.name)
        assert attached.get("agenda_item_id") == item_id
        assert attached.get("pages") == 3

        workspace.tabs.setCurrentWidget(workspace.meetings)
        click(qtbot, workspace, "meeting_publish")
        qtbot.waitUntil(lambda: session.state.meeting.get("status") == "published",
                        timeout=WAIT)

        # A department (the invited guest) submits its report; the secretary approves it.
        others = Bridges(qtbot, server, tmp_path / "others")
        try:
            report = make_pdf(2, words=lambda page: f"Bao cao so tai chinh, trang {page}")
            put: list[object] = []
            user.bridge.upload(report, "bao-cao-so-tai-chinh.pdf") \
                .success(put.append).failure(put.append).run(workspace)
            qtbot.waitUntil(lambda: bool(put), timeout=WAIT)
            assert isinstance(put[0], str), put[0]
            department = others.session("khach01", session.meeting_id)
            department.submit("document.submit", {
                "sha256": put[0], "title": "Bao cao cua So Tai chinh",
                "filename": "bao-cao-so-tai-chinh.pdf", "item_id": item_id})
            approvals = workspace.approvals
            workspace.tabs.setCurrentWidget(approvals)
            qtbot.waitUntil(lambda: approvals.list.count() == 1, timeout=WAIT)
            entry = approvals.list.item(0)
            rect = approvals.list.visualItemRect(entry)
            qtbot.mouseClick(approvals.list.viewport(), Qt.MouseButton.LeftButton,
                             pos=rect.center())
            click(qtbot, workspace, "document_approve")
            qtbot.waitUntil(lambda: approvals.list.count() == 0, timeout=WAIT)
            assert any(d.get("title") == "Bao cao cua So Tai chinh"
                       and d.get("approval") == "approved"
                       for d in session.state.documents.values())
        finally:
            others.close()
        OUTPUT.mkdir(exist_ok=True)
        workspace.grab().save(str(OUTPUT / "secretary_journey.png"), "PNG")

        # A delegate of the body sees the published meeting.
        delegate = ServerBridge(server.url, profile_for(server.url, "daibieu01",
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
        # ... and a delegate who follows it has both documents in the packet.
        readers = Bridges(qtbot, server, tmp_path / "readers")
        try:
            follower = readers.session("daibieu02", session.meeting_id)
            titles = {str(d.get("title")) for d in follower.state.documents.values()}
            assert {"to-trinh-chuyen-doi-so", "Bao cao cua So Tai chinh"} <= titles, titles
        finally:
            readers.close()
        workspace.close()
    finally:
        client.shutdown()
