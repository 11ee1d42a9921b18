"""Journey: a delegate finds a meeting by typing, and opens it with Enter.

Starts where ``meetingroom client`` starts against a real ``meetingroom serve``. The
delegate never sees "Chuẩn bị cuộc họp…" (neither the button nor the menu entry nor its
shortcut): only those the server lets prepare meetings do. Typing a word of the title in
the search box narrows the list; the arrow keys move the choice without leaving the box;
Enter there opens the chosen meeting, as it does in the list itself.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from meetingroom.core.demo_documents import DEMO_PASSWORD
from meetingroom.sync.client.chair_client import ChairClient
from meetingroom.ui.delegate.meeting_window import MeetingWindow
from meetingroom.ui.meeting_list import fold
from meetingroom.ui.qt import Qt
from tests.e2e.steps import WAIT, publish_second_meeting, start_and_log_in
from tests.helpers.processes import ServerProcess

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise\(\)|propagateSizeHints)")


def test_a_delegate_types_a_word_and_enter_opens_that_meeting(
        qtbot: QtBot, server: ServerProcess, tmp_path: Path) -> None:
    asyncio.run(publish_second_meeting(server.url))
    client, user = start_and_log_in(qtbot, server, tmp_path, "daibieu05")
    try:
        main = client.main_windows[user]
        page = main.page
        main.show()
        qtbot.waitUntil(lambda: page.proxy.rowCount() > 1, timeout=WAIT)
        qtbot.waitUntil(lambda: bool(main.admin_scope), timeout=WAIT)
        assert main.admin_scope.get("prepares") is False
        assert not page.prepare_button.isVisible()
        assert not main.prepare_action.isVisible()
        assert not main.prepare_action.isEnabled()  # Ctrl+Shift+P does nothing either

        # The last meeting in the list, found by a word only its title has, typed without
        # its accents as people do (and as keyClicks can).
        titles = [str(page.model.row(r)["title"]) for r in range(page.model.rowCount())]
        target = titles[-1]
        others = fold(" ".join(titles[:-1]))
        word = next(w for w in fold(target).split() if w.isascii() and w not in others)
        page.search.setFocus()
        qtbot.keyClicks(page.search, word)
        qtbot.waitUntil(lambda: page.proxy.rowCount() == 1, timeout=WAIT)
        assert page.selected() is not None
        assert page.selected()["title"] == target

        # Clearing the word shows all again; Down and Up move the choice, focus stays.
        page.search.clear()
        qtbot.waitUntil(lambda: page.proxy.rowCount() == len(titles), timeout=WAIT)
        page.view.setCurrentIndex(page.proxy.index(0, 0))
        qtbot.keyClick(page.search, Qt.Key.Key_Down)
        assert page.view.currentIndex().row() == 1
        qtbot.keyClick(page.search, Qt.Key.Key_Up)
        qtbot.keyClick(page.search, Qt.Key.Key_Up)  # stays on the first
        assert page.view.currentIndex().row() == 0
        assert page.search.hasFocus() or not main.isActiveWindow()

        qtbot.keyClicks(page.search, word)
        qtbot.waitUntil(lambda: page.proxy.rowCount() == 1, timeout=WAIT)
        qtbot.keyClick(page.search, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: any(isinstance(w, MeetingWindow) for w in user.windows),
                        timeout=WAIT)
        window = next(w for w in user.windows if isinstance(w, MeetingWindow))
        qtbot.waitUntil(lambda: window.session.loaded, timeout=WAIT)
        assert window.session.state.meeting.get("title") == target
    finally:
        client.shutdown()


async def _start_the_meeting(url: str, meeting_id: int) -> None:
    async with ChairClient(url, timeout=60) as chair:
        await chair.login("chutoa", DEMO_PASSWORD)
        await chair.subscribe(meeting_id)
        await chair.command(meeting_id, "meeting.start")


def test_the_open_meetings_row_follows_its_status(qtbot: QtBot, server: ServerProcess,
                                                  tmp_path: Path) -> None:
    """The chair opens the session while a delegate has it open: the delegate's meeting
    list says "Đang họp" for it at once, from the meeting's own events. Before, the row
    said "Sắp diễn ra" until the list was fetched again (found walking the app)."""
    client, user = start_and_log_in(qtbot, server, tmp_path, "daibieu06")
    try:
        page = client.main_windows[user].page
        qtbot.waitUntil(lambda: page.proxy.rowCount() > 0, timeout=WAIT)
        row = next(r for r in range(page.model.rowCount())
                   if page.model.row(r)["id"] == server.meeting_id)
        assert page.model.row(row)["status"] == "published"
        page.view.setCurrentIndex(page.proxy.mapFromSource(page.model.index(row, 0)))
        page.view.setFocus()
        qtbot.keyClick(page.view, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: user.session is not None and user.session.loaded,
                        timeout=WAIT)
        asyncio.run(_start_the_meeting(server.url, server.meeting_id))
        qtbot.waitUntil(lambda: page.model.row(row)["status"] == "in_progress", timeout=WAIT)
        assert "Đang họp" in str(page.model.data(page.model.index(row, 0)))
        assert page.selected() is not None
        assert page.selected()["id"] == server.meeting_id, "the choice stays"
    finally:
        client.shutdown()
