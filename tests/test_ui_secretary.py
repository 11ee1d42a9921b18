"""The secretary's workspace against a real server process: prepare a meeting end to end,
import a participant list with bad rows, and write up a short session (minutes, reports).

The secretary works through the workspace's widgets; the chair and the delegates are
plain sessions. The workspace is rendered to PNG under ``test-output/``.
"""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import ctypes
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import openpyxl
import pymupdf
import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from meetingroom.server.storage.database import Database
from meetingroom.server.storage.models import Body
from meetingroom.ui.bridge import ServerBridge
from meetingroom.ui.qt import QApplication, QDateTime, QPushButton, Qt, QWidget
from meetingroom.ui.refusals import import_problem_text
from meetingroom.ui.secretary import SecretaryWorkspace
from meetingroom.ui.secretary.texts import wall_time
from meetingroom.ui.session import LiveMeeting
from tests.helpers.hostile_pdfs import renamed_executable
from tests.helpers.modals import PROCEED_CLICK, Modals, press
from tests.helpers.processes import ServerProcess
from tests.helpers.qt_sessions import WAIT, Bridges, open_the_session, pass_a_vote
from tests.test_reader_support import make_pdf
from tests.test_timezones import laptop_in_utc  # noqa: F401  (the fixture, used by name)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                                       "This plugin does not support raise")


#: PySide6 6.12 on Python 3.11 drops a reference to True on every ``Signal.emit`` from
#: Python (see bench/_reader_probe.py and the report of issue 9). A session of events
#: emits thousands, and the process then dies at exit with "Fatal Python error:
#: bool_dealloc". The ballast holds enough references, and is itself leaked on purpose
#: (one extra reference that is never given back) so that it outlives the interpreter's
#: final clean-up, where the missing references would otherwise bring True to zero.
_SINGLETON_BALLAST = [True, False, None] * 1_000_000
ctypes.pythonapi.Py_IncRef(ctypes.py_object(_SINGLETON_BALLAST))
OUTPUT = Path(__file__).resolve().parent.parent / "test-output"


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    server = ServerProcess(tmp_path_factory.mktemp("secretary-server"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def bridges(qtbot: QtBot, demo_server: ServerProcess, tmp_path: Path) -> Iterator[Bridges]:
    opened = Bridges(qtbot, demo_server, tmp_path / "profiles")
    try:
        yield opened
    finally:
        opened.close()


def open_workspace(qtbot: QtBot, bridge: ServerBridge,
                   session: LiveMeeting | None = None) -> SecretaryWorkspace:
    workspace = SecretaryWorkspace(bridge, bridge.profile, session=session)
    qtbot.addWidget(workspace)
    workspace.show()
    qtbot.waitUntil(lambda: workspace.meetings.body.count() > 0, timeout=WAIT)
    qtbot.waitUntil(lambda: workspace.meetings.meetings.rowCount() > 0, timeout=WAIT)
    return workspace


def click(window: QWidget, name: str) -> None:
    button = window.findChild(QPushButton, name)
    assert button is not None, name
    assert button.isEnabled(), name
    qtbot_click(button)


def qtbot_click(button: QPushButton) -> None:
    button.click()


def snap(widget: QWidget, name: str) -> Path:
    OUTPUT.mkdir(exist_ok=True)
    path = OUTPUT / name
    assert widget.grab().save(str(path), "PNG")
    return path


def pdf_text(data: bytes) -> str:
    with pymupdf.open(stream=data, filetype="pdf") as pdf:
        return " ".join(" ".join(page.get_text().split()) for page in pdf)


def create_meeting(qtbot: QtBot, workspace: SecretaryWorkspace, title: str) -> LiveMeeting:
    """Fill the form as a person would, 14/01/2027 08:30 typed as the time, and create."""
    form = workspace.meetings
    form.title.setText(title)
    form.location.setText("Phòng họp số 2, Trụ sở HĐND tỉnh")
    form.starts.setDateTime(QDateTime.fromString("14/01/2027 08:30", "dd/MM/yyyy HH:mm"))
    click(workspace, "meeting_create")
    qtbot.waitUntil(lambda: workspace.session is not None and workspace.session.loaded
                    and workspace.session.state.meeting.get("title") == title, timeout=WAIT)
    assert workspace.session is not None
    return workspace.session


def member_id(workspace: SecretaryWorkspace, username: str) -> int:
    return int(next(m["user_id"] for m in workspace.participants.members
                    if m["username"] == username))


def test_a_meeting_is_prepared_end_to_end(qtbot: QtBot, qtmodeltester: ModelTester,
                                          bridges: Bridges, demo_server: ServerProcess,
                                          tmp_path: Path) -> None:
    secretary = bridges.login("thuky")
    workspace = open_workspace(qtbot, secretary)
    title = "Phiên họp chuyên đề tháng 01/2027 về đầu tư công"

    # --- the meeting: form, create; the time is the body's (Vietnam) whatever the laptop says
    session = create_meeting(qtbot, workspace, title)
    state = session.state
    assert state.meeting["status"] == "draft"
    vietnam = ZoneInfo("Asia/Ho_Chi_Minh")
    assert datetime.fromisoformat(state.meeting["starts_at"]) == datetime(
        2027, 1, 14, 8, 30, tzinfo=vietnam)
    assert wall_time(workspace.meetings.starts, "Asia/Ho_Chi_Minh") == datetime(
        2027, 1, 14, 8, 30, tzinfo=vietnam)
    qtbot.waitUntil(lambda: any(m["id"] == session.meeting_id
                                for m in workspace.meetings.meetings.rows()), timeout=WAIT)
    workspace.meetings.location.setText("Hội trường B, Trụ sở HĐND tỉnh")
    click(workspace, "meeting_save")
    qtbot.waitUntil(lambda: state.meeting["location"] == "Hội trường B, Trụ sở HĐND tỉnh",
                    timeout=WAIT)

    # --- the agenda: two items, a sub-item, drag the second above the first --------------
    agenda = workspace.agenda
    workspace.tabs.setCurrentWidget(agenda)
    for item_title, minutes, presenter in (
            ("Khai mạc phiên họp", 10, "Chủ tịch HĐND tỉnh"),
            ("Tờ trình kế hoạch đầu tư công năm 2027", 45, "Giám đốc Sở Tài chính")):
        agenda.title.setText(item_title)
        agenda.minutes.setValue(minutes)
        agenda.presenter.setText(presenter)
        click(workspace, "item_add")
    qtbot.waitUntil(lambda: len(state.agenda) == 2, timeout=WAIT)
    opening, plan = (i["id"] for i in state.children(None))
    assert state.agenda[plan]["planned_minutes"] == 45
    assert state.agenda[plan]["presenter"] == "Giám đốc Sở Tài chính"
    model = agenda.model
    qtmodeltester.check(model)
    dragged = model.drag_item(plan)
    assert model.canDropMimeData(dragged, Qt.DropAction.MoveAction, 0, 0, model.index_of(None))
    assert model.dropMimeData(dragged, Qt.DropAction.MoveAction, 0, 0, model.index_of(None))
    qtbot.waitUntil(lambda: [i["id"] for i in state.children(None)] == [plan, opening],
                    timeout=WAIT)
    agenda.select(plan)
    agenda.title.setText("Thảo luận tại tổ")
    agenda.minutes.setValue(30)
    agenda.presenter.setText("")
    click(workspace, "item_add_child")
    qtbot.waitUntil(lambda: len(state.children(plan)) == 1, timeout=WAIT)
    child = state.children(plan)[0]["id"]
    # an item cannot be dropped into its own sub-item
    assert not model.canDropMimeData(model.drag_item(plan), Qt.DropAction.MoveAction, -1, 0,
                                     model.index_of(child))
    qtmodeltester.check(model)

    # --- a document attached to the item: uploaded, then added --------------------------
    agenda.select(plan)
    agenda.attach_bytes(make_pdf(3), "to-trinh-dau-tu-cong-2027.pdf",
                        "Tờ trình kế hoạch đầu tư công năm 2027")
    qtbot.waitUntil(lambda: len(state.documents_of(plan)) == 1, timeout=WAIT)
    document = state.documents_of(plan)[0]
    assert document["filename"] == "to-trinh-dau-tu-cong-2027.pdf"
    qtbot.waitUntil(lambda: agenda.documents.count() == 1, timeout=WAIT)
    assert "phiên bản 1, 3 trang" in agenda.documents.item(0).text()
    assert model.index_of(plan, 3).data() == "1"

    # --- participants: two members, a chair, a guest by username; a seat ----------------
    people = workspace.participants
    workspace.tabs.setCurrentWidget(people)
    qtbot.waitUntil(lambda: len(people.members) >= 50, timeout=WAIT)
    delegate_id = member_id(workspace, "daibieu01")
    people.check_member(delegate_id)
    people.check_member(member_id(workspace, "daibieu02"))
    assert len(people.checked_members()) == 2
    click(workspace, "invite_members")
    people.check_member(member_id(workspace, "chutoa"))
    people.invite_role.setCurrentIndex(people.invite_role.findData("chair"))
    click(workspace, "invite_members")
    people.guest_username.setText("khach01")
    click(workspace, "add_guest")
    qtbot.waitUntil(lambda: len(state.participants) == 5, timeout=WAIT)
    roles = sorted(p["role"] for p in state.participants.values())
    assert roles == ["chair", "delegate", "delegate", "guest", "secretary"]
    people.guest_username.setText("khongcoai")
    click(workspace, "add_guest")
    qtbot.waitUntil(lambda: "khongcoai" in workspace.last_message, timeout=WAIT)
    people.select_participant(delegate_id)
    people.edit_seat.setText("A-01")
    click(workspace, "participant_update")
    qtbot.waitUntil(lambda: state.participants[delegate_id]["seat"] == "A-01", timeout=WAIT)
    qtmodeltester.check(people.participants)
    delegate_name = state.participants[delegate_id]["full_name"]

    # --- invitations: one A4 page per person, correct Vietnamese -------------------------
    path = workspace.meetings.save_invitations(tmp_path / "giay-moi.pdf")
    assert path is not None
    text = pdf_text(path.read_bytes())
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "GIẤY MỜI", f"Kính gửi: {delegate_name}", title,
                     "08 giờ 30, thứ Năm, ngày 14 tháng 01 năm 2027",
                     "Hội trường B, Trụ sở HĐND tỉnh", "Chỗ ngồi: A-01",
                     "Tờ trình kế hoạch đầu tư công năm 2027"):
        assert expected in text, expected
    with pymupdf.open(path) as pdf:
        assert pdf.page_count == 4  # chair, two delegates, the guest
    listing = workspace.meetings.save_invitations(tmp_path / "danh-sach.pdf", as_list=True)
    assert listing is not None
    assert f"{delegate_name}" in pdf_text(listing.read_bytes())

    # --- publish; a delegate sees it, with the item and the document ---------------------
    workspace.tabs.setCurrentWidget(workspace.meetings)
    click(workspace, "meeting_publish")
    qtbot.waitUntil(lambda: state.meeting["status"] == "published", timeout=WAIT)
    assert workspace.meetings.unpublish_button.isEnabled()
    snap(workspace, "secretary_meeting.png")
    workspace.tabs.setCurrentWidget(agenda)
    agenda.select(plan)
    snap(workspace, "secretary_agenda.png")
    workspace.tabs.setCurrentWidget(people)
    snap(workspace, "secretary_participants.png")

    delegate = bridges.login("daibieu01")
    with qtbot.waitSignal(delegate.meetings_listed, timeout=WAIT) as listed:
        delegate.list_meetings()
    assert listed.args is not None
    assert any(m["id"] == session.meeting_id and m["title"] == title
               for m in listed.args[0])
    seen = LiveMeeting(delegate, session.meeting_id)
    qtbot.waitUntil(lambda: seen.loaded, timeout=WAIT)
    assert {i["title"] for i in seen.state.agenda.values()} == {
        "Khai mạc phiên họp", "Tờ trình kế hoạch đầu tư công năm 2027", "Thảo luận tại tổ"}
    assert [d["title"] for d in seen.state.documents.values()] == [
        "Tờ trình kế hoạch đầu tư công năm 2027"]
    assert seen.state.documents[document["id"]]["agenda_item_id"] == plan

    # --- clone it: same agenda and participants, a new draft ------------------------------
    workspace.meetings.title.setText("Phiên họp chuyên đề tháng 02/2027 về đầu tư công")
    click(workspace, "meeting_clone")
    qtbot.waitUntil(lambda: workspace.session is not None and workspace.session.loaded
                    and workspace.session.meeting_id != session.meeting_id, timeout=WAIT)
    assert workspace.session is not None
    clone = workspace.session.state
    assert clone.meeting["status"] == "draft"
    assert len(clone.agenda) == 3
    assert len(clone.participants) == 5
    assert workspace.last_message.startswith("Đã tạo cuộc họp")
    workspace.close()


CSV = """Tên đăng nhập;Họ và tên;Vai trò;Chỗ ngồi
daibieu10;Đại biểu mười;Đại biểu;B-10
daibieu11;Đại biểu mười một;đại biểu;B-11
khongtontai;Không có tài khoản;Đại biểu;B-12
daibieu10;Lặp lại;Đại biểu;B-13
khach02;Khách mời;Khách mời;K-02
daibieu12;Sai vai trò;Chủ tịch nước;B-14
;Thiếu tên đăng nhập;Đại biểu;B-15
""".encode()


def test_a_csv_with_bad_rows_imports_only_the_good_ones(
        qtbot: QtBot, qtmodeltester: ModelTester, bridges: Bridges) -> None:
    workspace = open_workspace(qtbot, bridges.login("thuky"))
    session = create_meeting(qtbot, workspace, "Phiên họp thường kỳ tháng 02/2027")
    people = workspace.participants
    workspace.tabs.setCurrentWidget(people)
    people.load_import(CSV, "danh-sach-dai-bieu.csv")
    qtbot.waitUntil(lambda: people.import_checked, timeout=WAIT)
    preview = people.preview
    qtmodeltester.check(preview)
    verdicts = {r["line"]: (r["username"], "; ".join(import_problem_text(e) for e in r["errors"]))
                for r in preview.rows()}
    assert len(verdicts) == 7
    assert verdicts[4][1].startswith("không có tài khoản"), verdicts[4]
    assert "dòng 2" in verdicts[5][1]
    assert "vai trò" in verdicts[7][1]
    assert "tên đăng nhập" in verdicts[8][1]
    assert [line for line, (_u, errors) in verdicts.items() if not errors] == [2, 3, 6]
    # the table shows each bad row's line and reason
    shown = {preview.index(r, 0).data(): preview.index(r, 5).data()
             for r in range(preview.rowCount())}
    assert shown["4"] == verdicts[4][1]
    assert shown["2"] == "Hợp lệ"
    assert people.apply_button.text() == "Nhập 3 người hợp lệ"
    assert "3 dòng hợp lệ, 4 dòng có lỗi" in people.import_summary.text()
    snap(workspace, "secretary_import.png")
    click(workspace, "import_apply")
    state = session.state
    qtbot.waitUntil(lambda: len(state.participants) == 4, timeout=WAIT)
    qtbot.waitUntil(lambda: "Đã nhập 3 người" in people.import_summary.text(), timeout=WAIT)
    seats = sorted(str(p["seat"]) for p in state.participants.values() if p["seat"])
    assert seats == ["B-10", "B-11", "K-02"]
    assert not people.apply_button.isEnabled()
    workspace.close()


def test_a_second_meeting_of_the_same_title_and_day_is_created_only_after_a_warning(
        qtbot: QtBot, bridges: Bridges) -> None:
    secretary = bridges.login("thuky")
    workspace = open_workspace(qtbot, secretary)
    modals = Modals()
    title = "Phiên họp giải trình tháng 03/2027"

    def on_the_server() -> int:
        with qtbot.waitSignal(secretary.meetings_listed, timeout=WAIT) as listed:
            secretary.list_meetings()
        assert listed.args is not None
        return sum(1 for m in listed.args[0] or [] if m["title"] == title)

    def listed_here() -> int:
        return sum(1 for m in workspace.meetings.meetings.rows() if m["title"] == title)

    try:
        create_meeting(qtbot, workspace, title)
        assert modals.seen == []  # the first one is not questioned
        qtbot.waitUntil(lambda: any(m["title"] == title
                                    for m in workspace.meetings.meetings.rows()),
                        timeout=WAIT)

        # The same title in the same body on the same day: warned; Enter goes back.
        modals.confirm(press(Qt.Key.Key_Return))
        click(workspace, "meeting_create")
        assert modals.done()
        assert f"đã có cuộc họp “{title}” ngày 14/01/2027 08:30" in modals.seen[-1]
        assert on_the_server() == 1

        # A deliberate "Vẫn tạo" creates the second one.
        modals.confirm(PROCEED_CLICK)
        click(workspace, "meeting_create")
        assert modals.done()
        # The workspace's own list first; then the server once: asking the server in a
        # tight loop is a flood its rate limit closes the connection for (code 1008).
        qtbot.waitUntil(lambda: listed_here() == 2, timeout=WAIT)
        assert on_the_server() == 2

        # Another day is another meeting: no question.
        workspace.meetings.starts.setDateTime(
            QDateTime.fromString("15/01/2027 08:30", "dd/MM/yyyy HH:mm"))
        asked = len(modals.seen)
        click(workspace, "meeting_create")
        qtbot.waitUntil(lambda: listed_here() == 3, timeout=WAIT)
        assert on_the_server() == 3
        assert len(modals.seen) == asked
        workspace.close()
    finally:
        modals.stop()


def test_a_short_session_gives_minutes_and_reports(
        qtbot: QtBot, qtmodeltester: ModelTester, bridges: Bridges,
        demo_server: ServerProcess, tmp_path: Path) -> None:
    m = demo_server.meeting_id
    chair = bridges.session("chutoa", m)
    delegate = bridges.session("daibieu05", m)
    secretary = bridges.session("thuky", m)
    workspace = open_workspace(qtbot, secretary.bridge, secretary)
    assert workspace.session is secretary
    state = chair.state
    first = state.children(None)[0]["id"]

    # --- the chair runs a short session: roll call, a speech, a vote ---------------------
    open_the_session(qtbot, chair, delegate, first)
    me = delegate.state.my_id
    assert me is not None
    chair.submit("speech.grant", {"user_id": me, "topic": "Ý kiến về công tác chuẩn bị"})
    qtbot.waitUntil(lambda: any(s["user_id"] == me for s in state.speeches.values()),
                    timeout=WAIT)
    speech = next(s["id"] for s in state.speeches.values() if s["user_id"] == me)
    chair.submit("speech.start", {"speech_id": speech})
    chair.submit("speech.end", {"speech_id": speech})
    qtbot.waitUntil(lambda: state.speeches[speech]["status"] == "done", timeout=WAIT)
    announcement = pass_a_vote(qtbot, chair, delegate, first, "Thông qua chương trình kỳ họp")
    speaker = delegate.state.name_of(me)

    # --- the secretary writes the conclusions and makes the minutes ----------------------
    minutes = workspace.minutes
    workspace.tabs.setCurrentWidget(minutes)
    minutes.choose_item(first)
    minutes.text.setPlainText("Thống nhất chương trình kỳ họp như dự kiến.")
    click(workspace, "conclusion_save")
    minutes.choose_item(None)
    minutes.text.setPlainText("Kỳ họp thành công tốt đẹp.")
    click(workspace, "conclusion_save")
    qtbot.waitUntil(lambda: len(secretary.state.conclusions) == 2, timeout=WAIT)
    minutes.choose_item(first)
    assert minutes.text.toPlainText() == "Thống nhất chương trình kỳ họp như dự kiến."
    click(workspace, "minutes_generate")
    qtbot.waitUntil(lambda: minutes.reader is not None
                    and minutes.reader.document_info() is not None, timeout=60_000)
    assert minutes.reader is not None
    assert minutes.reader.page_count() >= 1
    document = secretary.state.documents[minutes.minutes_id or 0]
    assert document["title"].startswith("Biên bản")
    data = secretary.bridge.document_bytes(document)
    assert data is not None
    text = pdf_text(data)
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Có mặt: 2 đại biểu",
                     f"{speaker} phát biểu", "Ý kiến về công tác chuẩn bị",
                     "Thông qua chương trình kỳ họp", announcement,
                     "Thống nhất chương trình kỳ họp như dự kiến.",
                     "Kỳ họp thành công tốt đẹp.", "THƯ KÝ", "CHỦ TỌA"):
        assert expected in text, expected
    snap(workspace, "secretary_minutes.png")

    # --- reports: an XLSX file, and the statistics with their chart ----------------------
    reports = workspace.reports
    workspace.tabs.setCurrentWidget(reports)
    target = tmp_path / "bao-cao.xlsx"
    reports.export("all", "xlsx", target)
    qtbot.waitUntil(lambda: reports.last_saved == target, timeout=WAIT)
    book = openpyxl.load_workbook(target)
    assert len(book.sheetnames) == 3
    attendance = [[c for c in row] for row in book.worksheets[0].iter_rows(values_only=True)]
    assert any(speaker in row for row in attendance)
    csv_target = tmp_path / "bieu-quyet.csv"
    reports.export("votes", "csv", csv_target)
    qtbot.waitUntil(lambda: reports.last_saved == csv_target, timeout=WAIT)
    assert "Thông qua chương trình kỳ họp" in csv_target.read_text(encoding="utf-8-sig")
    reports.load_statistics()
    qtbot.waitUntil(lambda: any(r["cells"][0] == speaker and r["cells"][4] == "1"
                                for r in reports.statistics.rows()), timeout=WAIT)
    qtmodeltester.check(reports.statistics)
    assert len(reports.chart.bars) == reports.statistics.rowCount()
    QApplication.processEvents()
    snap(workspace, "secretary_reports.png")
    workspace.close()


def test_approval_and_written_opinions(qtbot: QtBot, bridges: Bridges,
                                       demo_server: ServerProcess) -> None:
    m = demo_server.meeting_id
    guest = bridges.session("khach01", m)
    delegate = bridges.session("daibieu07", m)
    secretary = bridges.session("thuky", m)
    workspace = open_workspace(qtbot, secretary.bridge, secretary)
    state = secretary.state

    # --- a department submits two documents; one approved, one rejected with a reason ----
    # Only chairs and secretaries may upload files (protocol §4.10): the secretary puts the
    # department's files on the server, the department (a guest) submits them.
    uploads: dict[str, Any] = {}
    def words_of(name: str) -> Callable[[int], str]:
        return lambda page: f"{name}: trang {page}"

    stored: list[str] = []
    for name in ("bao-cao-so-tai-chinh.pdf", "bao-cao-thieu-so-lieu.pdf"):
        stored.clear()
        secretary.bridge.upload(make_pdf(2, words=words_of(name)), name) \
            .success(stored.append).run(workspace)
        qtbot.waitUntil(lambda: bool(stored), timeout=WAIT)
        uploads[name] = stored[0]
        guest.submit("document.submit", {"sha256": uploads[name], "title": name[:-4],
                                         "filename": name})
    approvals = workspace.approvals
    workspace.tabs.setCurrentWidget(approvals)
    qtbot.waitUntil(lambda: approvals.list.count() == 2, timeout=WAIT)
    good, bad = (d["id"] for d in approvals.submitted())
    approvals.select(good)
    click(workspace, "document_approve")
    approvals.select(bad)
    approvals.reason.setText("Thiếu số liệu quý IV")
    click(workspace, "document_reject")
    qtbot.waitUntil(lambda: approvals.list.count() == 0, timeout=WAIT)
    qtbot.waitUntil(lambda: good in delegate.state.documents, timeout=WAIT)
    assert bad not in delegate.state.documents

    # --- a written opinion on it: who answered, remind, totals, close -------------------
    opinions = workspace.opinions
    workspace.tabs.setCurrentWidget(opinions)
    opinions.title.setText("Dự thảo báo cáo của Sở Tài chính")
    opinions.document.setCurrentIndex(opinions.document.findData(good))
    click(workspace, "opinion_create")
    qtbot.waitUntil(lambda: bool(state.opinions), timeout=WAIT)
    opinion = next(iter(state.opinions))
    qtbot.waitUntil(lambda: opinion in delegate.state.opinions, timeout=WAIT)
    delegate.submit("opinion.answer", {"opinion_id": opinion, "answer": "other",
                                       "comment": "Bổ sung số liệu quý IV"})
    name = state.name_of(delegate.state.my_id)
    qtbot.waitUntil(lambda: any(name in row for row in opinions.answered_names()),
                    timeout=WAIT)
    assert "Ý kiến khác: Bổ sung số liệu quý IV" in opinions.answered_names()[0]
    assert "ý kiến khác 1" in opinions.totals_label.text()
    assert opinions.not_answered.count() == len(state.opinions[opinion]["asked"]) - 1
    click(workspace, "opinion_remind")
    snap(workspace, "secretary_opinions.png")
    click(workspace, "opinion_close")
    qtbot.waitUntil(lambda: state.opinions[opinion]["status"] == "closed", timeout=WAIT)
    assert "đã kết thúc" in opinions.totals_label.text()
    assert workspace.last_message == "Đã gửi lời nhắc"
    workspace.close()


@pytest.fixture(scope="module")
def tokyo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """The demo council, its body moved to Asia/Tokyo (+09:00) before the server starts."""
    server = ServerProcess(tmp_path_factory.mktemp("tokyo-server"))
    database = Database(server.db)
    with database.transaction() as session:
        for body in session.scalars(select(Body)):
            body.time_zone = "Asia/Tokyo"
    database.dispose()
    server.start()
    yield server
    server.stop()


@pytest.mark.usefixtures("laptop_in_utc")
def test_a_meeting_of_a_body_in_tokyo_is_typed_and_shown_in_tokyo_time(
        qtbot: QtBot, tokyo_server: ServerProcess, tmp_path: Path) -> None:
    tokyo = ZoneInfo("Asia/Tokyo")
    opened = Bridges(qtbot, tokyo_server, tmp_path / "profiles")
    try:
        workspace = open_workspace(qtbot, opened.login("thuky"))
        form = workspace.meetings
        assert "Asia/Tokyo (UTC+09:00)" in form.starts.toolTip()
        title = "Phiên họp của cơ quan ở Tokyo"
        session = create_meeting(qtbot, workspace, title)  # types 14/01/2027 08:30
        stored = datetime.fromisoformat(session.state.meeting["starts_at"])
        assert stored == datetime(2027, 1, 13, 23, 30, tzinfo=UTC), "08:30 in Tokyo"
        assert form.starts.dateTime().toString("dd/MM/yyyy HH:mm") == "14/01/2027 08:30"
        assert wall_time(form.starts, "Asia/Tokyo") == datetime(2027, 1, 14, 8, 30,
                                                                tzinfo=tokyo)
        qtbot.waitUntil(lambda: any(m["id"] == session.meeting_id
                                    for m in form.meetings.rows()), timeout=WAIT)
        row = next(r for r in range(form.meetings.rowCount())
                   if form.meetings.rows()[r]["id"] == session.meeting_id)
        assert str(form.meetings.index(row, 0).data()).startswith("14/01/2027 08:30 · "
                                                                  + title)
        # Saving without touching the time keeps it (no shift by the laptop's or Vietnam's).
        form.location.setText("Hội trường Tokyo")
        click(workspace, "meeting_save")
        qtbot.waitUntil(lambda: session.state.meeting["location"] == "Hội trường Tokyo",
                        timeout=WAIT)
        assert datetime.fromisoformat(session.state.meeting["starts_at"]) == stored
        workspace.close()

        # The demo session's invitations, printed from the workspace, in Tokyo time.
        secretary = opened.session("thuky", tokyo_server.meeting_id)
        workspace = open_workspace(qtbot, secretary.bridge, secretary)
        starts = datetime.fromisoformat(secretary.state.meeting["starts_at"]).astimezone(tokyo)
        path = workspace.meetings.save_invitations(tmp_path / "giay-moi.pdf", as_list=True)
        assert path is not None
        assert f"Thời gian: {starts:%H} giờ {starts:%M}," in pdf_text(path.read_bytes())
        workspace.close()
    finally:
        opened.close()


@pytest.mark.timeout(180)
def test_a_hostile_file_is_refused_at_attach_with_the_reason_in_words(
        qtbot: QtBot, bridges: Bridges) -> None:
    """Issue 20.2: the server sends the document check's code, the workspace words it."""
    workspace = open_workspace(qtbot, bridges.login("thuky"))
    session = create_meeting(qtbot, workspace, "Phiên họp kiểm tra tệp đính kèm")
    workspace.agenda.attach_bytes(renamed_executable(), "bao-cao.pdf", "Báo cáo")
    qtbot.waitUntil(lambda: "là một chương trình" in workspace.last_message, timeout=WAIT)
    assert not session.state.documents
