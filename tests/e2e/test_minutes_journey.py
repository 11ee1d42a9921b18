"""Journey: after a session, the secretary produces the minutes and a report.

Starts where `meetingroom client` starts (``launch`` with the same arguments) against a
real `meetingroom serve` process seeded with the demo. The chair and a delegate hold a
short session on their own connections; the secretary then opens the meeting from her
meeting list, writes the conclusion, draws up and saves the minutes, exports them to a
PDF file, prints them, and exports the XLSX report — only through the list, tabs,
buttons, file and print dialogs, typing and keys.
"""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pymupdf
import pytest
from pytestqt.qtbot import QtBot

from meetingroom.ui.models.list_models import ID_ROLE
from meetingroom.ui.qt import QPrintDialog, QPrinter, Qt, QTabWidget, QWidget
from meetingroom.ui.secretary.workspace import SecretaryWorkspace
from tests.e2e.dialogs import answer_file_dialog, press_enter_in
from tests.e2e.steps import WAIT, click, start_and_log_in
from tests.helpers.processes import ServerProcess
from tests.helpers.qt_sessions import Bridges, open_the_session, pass_a_vote

OUTPUT = Path(__file__).resolve().parents[2] / "test-output"


@pytest.fixture
def hall(qtbot: QtBot, server: ServerProcess, tmp_path: Path) -> Iterator[Bridges]:
    people = Bridges(qtbot, server, tmp_path / "others")
    try:
        yield people
    finally:
        people.close()


def _open_tab(qtbot: QtBot, tabs: QTabWidget, page: QWidget) -> None:
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.tabRect(tabs.indexOf(page)).center())
    assert tabs.currentWidget() is page


def _pdf_text(data: bytes) -> str:
    with pymupdf.open(stream=data, filetype="pdf") as pdf:
        return " ".join(" ".join(page.get_text().split()) for page in pdf)


def _hold_short_session(qtbot: QtBot, hall: Bridges, meeting_id: int) -> tuple[str, str]:
    """The chair opens the session, a delegate checks in, both vote, the chair announces
    and closes the meeting: (the delegate's name, the announcement)."""
    chair = hall.session("chutoa", meeting_id)
    delegate = hall.session("daibieu05", meeting_id)
    state = chair.state
    first = state.children(None)[0]["id"]
    open_the_session(qtbot, chair, delegate, first)
    me = delegate.state.my_id
    assert me is not None
    announcement = pass_a_vote(qtbot, chair, delegate, first, "Thông qua chương trình kỳ họp")
    chair.submit("meeting.close")
    qtbot.waitUntil(lambda: state.meeting.get("status") == "closed", timeout=WAIT)
    return delegate.state.name_of(me), announcement


def test_after_the_session_the_secretary_saves_exports_prints_the_minutes_and_a_report(
        qtbot: QtBot, server: ServerProcess, hall: Bridges, tmp_path: Path) -> None:
    speaker, announcement = _hold_short_session(qtbot, hall, server.meeting_id)

    client, user = start_and_log_in(qtbot, server, tmp_path, "thuky")
    try:
        main = client.main_windows[user]

        # The meeting list: choose the finished session and open it (Enter opens).
        page = main.page
        qtbot.waitUntil(lambda: any(page.proxy.index(r, 0).data(ID_ROLE)
                                    == server.meeting_id
                                    for r in range(page.proxy.rowCount())), timeout=WAIT)
        row = next(r for r in range(page.proxy.rowCount())
                   if page.proxy.index(r, 0).data(ID_ROLE)
                   == server.meeting_id)
        rect = page.view.visualRect(page.proxy.index(row, 0))
        qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: any(isinstance(w, SecretaryWorkspace) for w in user.windows),
                        timeout=WAIT)
        workspace = next(w for w in user.windows if isinstance(w, SecretaryWorkspace))
        assert workspace.session is not None
        session = workspace.session
        qtbot.waitUntil(lambda: session.loaded
                        and session.state.meeting.get("status") == "closed", timeout=WAIT)
        # Opened while the connection moved to the meeting: its lists still load.
        qtbot.waitUntil(lambda: workspace.meetings.body.count() > 0
                        and workspace.meetings.meetings.rowCount() > 0, timeout=WAIT)

        # Kết luận và biên bản: the meeting's conclusion, then the minutes.
        minutes = workspace.minutes
        _open_tab(qtbot, workspace.tabs, minutes)
        qtbot.mouseClick(minutes.text.viewport(), Qt.MouseButton.LeftButton)
        qtbot.keyClicks(minutes.text, "Ky hop thanh cong tot dep.")
        click(qtbot, workspace, "conclusion_save")
        qtbot.waitUntil(lambda: minutes.saved_label.text() == "Đã lưu", timeout=WAIT)

        assert not minutes.export_button.isEnabled(), "nothing to export before the minutes"
        click(qtbot, workspace, "minutes_generate")
        qtbot.waitUntil(lambda: minutes.reader is not None and minutes.reader.isVisible()
                        and minutes.reader.document_info() is not None, timeout=60_000)
        assert "Đã lưu vào tài liệu cuộc họp" in minutes.minutes_label.text()
        document = minutes.existing_minutes()
        assert document is not None, "saved as the meeting's document"
        saved = minutes.minutes_data
        assert saved is not None
        text = _pdf_text(saved)
        for expected in ("BIÊN BẢN", "Thông qua chương trình kỳ họp", announcement,
                         "Ky hop thanh cong tot dep.", "THƯ KÝ"):
            assert expected in text, expected

        # Save a copy as a PDF file (Xuất tệp PDF…, through the file dialog).
        target = tmp_path / "bien-ban-ky-hop.pdf"
        answered = answer_file_dialog(target)
        click(qtbot, workspace, "minutes_export")
        qtbot.waitUntil(lambda: minutes.last_exported == target, timeout=WAIT)
        assert answered, "the export asked where to save"
        assert target.read_bytes() == saved

        # Print (In…): the print dialog answers with Enter; the printer writes a PDF here.
        printed = tmp_path / "printed.pdf"
        minutes.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        minutes.printer.setOutputFileName(str(printed))
        asked = press_enter_in(QPrintDialog)
        click(qtbot, workspace, "minutes_print")
        qtbot.waitUntil(lambda: "tới máy in" in minutes.minutes_label.text(), timeout=60_000)
        assert asked, "printing asked for the printer"
        with pymupdf.open(printed) as paper:
            assert paper.page_count == int(document["pages"])
        assert minutes.print_button.isEnabled(), "ready to print again"
        OUTPUT.mkdir(exist_ok=True)
        workspace.grab().save(str(OUTPUT / "minutes_journey.png"), "PNG")

        # Báo cáo: every table in one XLSX file.
        reports = workspace.reports
        _open_tab(qtbot, workspace.tabs, reports)
        assert reports.kind.currentData() == "all"
        assert reports.format.currentData() == "xlsx"
        report = tmp_path / "bao-cao.xlsx"
        answered = answer_file_dialog(report)
        click(qtbot, workspace, "report_export")
        qtbot.waitUntil(lambda: reports.last_saved == report, timeout=WAIT)
        assert answered
        book = openpyxl.load_workbook(report)
        cells = [str(c) for sheet in book.worksheets
                 for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
        assert speaker in cells
        assert any("Thông qua chương trình kỳ họp" in c for c in cells)
        assert "không kết nối" not in reports.export_label.text().lower()
        workspace.close()
    finally:
        client.shutdown()
