"""Journey: a delegate opens a meeting from the meeting list and watches the packet come.

Starts where ``meetingroom client`` starts; the meeting is opened with Enter in the
meeting list. The delegate window's dock and the meeting list both show the download
of the meeting's documents, named by title, until the whole packet is on the laptop.
"""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from meetingroom.ui.delegate.meeting_window import MeetingWindow
from meetingroom.ui.qt import Qt
from tests.e2e.steps import WAIT, start_and_log_in
from tests.helpers.processes import ServerProcess


def test_every_packet_download_shows_its_progress(qtbot: QtBot, server: ServerProcess,
                                                  tmp_path: Path) -> None:
    client, user = start_and_log_in(qtbot, server, tmp_path, "daibieu03")
    try:
        main = client.main_windows[user]
        page = main.page
        qtbot.waitUntil(lambda: page.proxy.rowCount() > 0, timeout=WAIT)
        assert not page.packet_progress.isVisible()  # nothing downloaded yet
        page.view.setCurrentIndex(page.proxy.index(0, 0))
        title = str(page.model.row(0)["title"])
        page.view.setFocus()
        qtbot.keyClick(page.view, Qt.Key.Key_Return)  # Enter opens the selected meeting
        qtbot.waitUntil(lambda: any(isinstance(w, MeetingWindow) for w in user.windows),
                        timeout=WAIT)
        window = next(w for w in user.windows if isinstance(w, MeetingWindow))
        session = window.session
        qtbot.waitUntil(lambda: session.loaded, timeout=WAIT)
        documents = list(session.state.documents.values())
        assert documents
        finished = f"Đã tải đủ {len(documents)} tài liệu"
        qtbot.waitUntil(lambda: page.packet_progress.summary.text().startswith(finished),
                        timeout=WAIT)
        qtbot.waitUntil(lambda: window.packet_progress.summary.text().startswith(finished),
                        timeout=WAIT)
        assert page.packet_progress.isVisible()
        # The list keeps what was fetched; the reading window gives the page its height back.
        assert page.packet_progress.list.isVisible()
        qtbot.waitUntil(lambda: window.packet_progress.compact, timeout=WAIT)
        assert window.packet_progress.summary.isVisible()
        assert not window.packet_progress.list.isVisible()
        assert page.packet_heading.text() == f"Tài liệu của cuộc họp: {title}"
        shown = [page.packet_progress.model.data(page.packet_progress.model.index(row, 0))
                 for row in range(page.packet_progress.model.rowCount())]
        assert sorted(line.split(": ", 1)[0] for line in shown) == sorted(
            str(d["title"]) for d in documents)
    finally:
        client.shutdown()
