"""Issue 17, the delegate window: a session an older delegate runs without surprises.

Text size (A−/A+) kept in the profile; the reader's marking tools always on screen;
the current item's document opened, or offered; keys 1/2/3 to vote with the same
confirmation; the delegate's own choice until the result; the list of keys built from
the table the keys come from; and a banner (delegate and chair) while offline, with the
chair's irreversible steps locked. Everything against a real server process.
"""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import ExitStack
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from meetingroom.ui import i18n
from meetingroom.ui.chair import ChairConsole
from meetingroom.ui.delegate import MeetingWindow
from meetingroom.ui.delegate.shortcuts import DELEGATE_KEYS, key_rows, native
from meetingroom.ui.qt import (
    QAction,
    QApplication,
    QKeySequence,
    QMenu,
    QPoint,
    QRect,
    Qt,
    QToolBar,
    QWidget,
)
from meetingroom.ui.reader.page_canvas import Tool
from meetingroom.ui.session import LiveMeeting
from tests.helpers.processes import ServerProcess
from tests.test_ui_delegate import WAIT, Hall, click, open_vote, save, start_meeting, top_items


@pytest.fixture
def hall(qtbot: QtBot, tmp_path: Path) -> Iterator[Hall]:
    server = ServerProcess(tmp_path / "server")
    server.start()
    with ExitStack() as stack:
        yield Hall(qtbot, server, tmp_path / "profiles", stack)
    server.stop()


def _items_with_documents(session: LiveMeeting) -> list[dict[str, Any]]:
    return [i for i in top_items(session) if session.state.documents_of(int(i["id"]))]


def _first_document(session: LiveMeeting, item_id: int) -> int:
    docs = session.state.documents_of(item_id)
    return int(min(docs, key=lambda d: (str(d["title"]), int(d["id"])))["id"])


def _on_bar(bar: QToolBar, action: QAction) -> bool:
    """The action has its own button shown on the bar, not tucked behind "»"."""
    button = bar.widgetForAction(action)
    return (button is not None and button.isVisible()
            and bar.rect().contains(button.geometry()))


def _press(qtbot: QtBot, window: MeetingWindow, key: Qt.Key) -> None:
    """A key as the delegate types it: to the focused widget of the active window."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key)


# --- text size, the reader's bars, the keys' list -----------------------------------------


def test_text_size_reader_tools_and_the_keys_list(qtbot: QtBot, hall: Hall) -> None:
    chair = hall.chair()
    one = hall.session("daibieu01")
    window = hall.window(one, "daibieu01")
    window.resize(1366, 768)
    item = _items_with_documents(chair)[0]
    start_meeting(qtbot, chair, int(item["id"]))
    # The chair moved to an item with documents: its first document opens by itself.
    qtbot.waitUntil(lambda: window.reader is not None
                    and window.reader.document_info() is not None, timeout=WAIT)
    assert window.open_document_id() == _first_document(chair, int(item["id"]))
    reader = window.reader
    assert reader is not None

    # Highlight, note, ink and export: buttons with a word and an icon, on screen at 1366 px.
    bar = reader.annotate_bar
    for action in (reader.tool_actions[Tool.HIGHLIGHT], reader.tool_actions[Tool.NOTE],
                   reader.tool_actions[Tool.INK], reader.export_action):
        assert _on_bar(bar, action), action.text()
        assert not action.icon().isNull()
    assert bar.toolButtonStyle() is Qt.ToolButtonStyle.ToolButtonTextUnderIcon
    assert all(_on_bar(reader.toolbar, a) for a in (reader.previous_action,
                                                     reader.next_action))

    # A+ twice: every text grows, the reader's bars and the vote title included; kept.
    before_tool = bar.widgetForAction(reader.tool_actions[Tool.HIGHLIGHT]).font().pointSizeF()
    before_title = window.title_label.font().pointSizeF()
    before_spin = reader.page_spin.font().pointSizeF()
    click(qtbot, window.text_bigger_button)
    click(qtbot, window.text_bigger_button)
    assert window.text_scale == 1.3
    grown = bar.widgetForAction(reader.tool_actions[Tool.HIGHLIGHT]).font().pointSizeF()
    assert grown >= before_tool * 1.25
    assert reader.page_spin.font().pointSizeF() >= before_spin * 1.25
    assert window.title_label.font().pointSizeF() >= before_title * 1.25
    saved = json.loads(window.profile.settings.read_text(encoding="utf-8"))
    assert saved["text_scale"] == 1.3
    for action in (reader.tool_actions[Tool.HIGHLIGHT], reader.export_action):
        assert _on_bar(bar, action), action.text()
    save(window, "delegate17_text_large_1366.png")

    # The same user's next window starts at their size; A− goes back down.
    again = hall.window(one, "daibieu01")
    assert again.text_scale == 1.3
    click(qtbot, again.text_smaller_button)
    assert again.text_scale == 1.15
    assert json.loads(again.profile.settings.read_text(encoding="utf-8"))["text_scale"] == 1.15
    again.close()

    # F11: the reader takes the width; the side panels fold and come back.
    window.key_actions["wide_reader"].trigger()
    assert not window.left_panel.isVisible()
    assert not window.tabs.isVisible()
    qtbot.waitUntil(lambda: reader.width() > 1200, timeout=WAIT)
    window.key_actions["wide_reader"].trigger()
    assert window.left_panel.isVisible()
    assert window.tabs.isVisible()

    # Trợ giúp → Phím tắt: the list is the table, and every key in the table is in effect.
    help_menu = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "Trợ giúp")
    entry = next(a for a in help_menu.actions() if a.text() == "Phím tắt")
    entry.trigger()
    dialog = window._keys_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert not dialog.isModal()
    assert dialog.rows() == key_rows()
    assert set(window.key_actions) == set(DELEGATE_KEYS)
    for name, row in DELEGATE_KEYS.items():
        shortcuts = [s.toString() for s in window.key_actions[name].shortcuts()]
        assert shortcuts == [QKeySequence(k).toString() for k in row.keys], name
    assert ("F1", "Danh sách phím tắt") in dialog.rows()
    assert (native("Ctrl+P"), "Đăng ký phát biểu") in dialog.rows()
    dialog.close()


# --- the current item's document: opened, or offered --------------------------------------


def test_the_current_items_document_opens_or_is_offered(qtbot: QtBot, hall: Hall) -> None:
    chair = hall.chair()
    one = hall.session("daibieu01")
    window = hall.window(one, "daibieu01")
    first, second = _items_with_documents(chair)[:2]
    start_meeting(qtbot, chair, int(first["id"]))
    qtbot.waitUntil(lambda: window.open_document_id()
                    == _first_document(chair, int(first["id"])), timeout=WAIT)

    # The delegate goes back to a document of their own choosing (another item's)...
    window.select_item(int(second["id"]))
    chosen = window.documents.index(window.documents.rowCount() - 1, 0)
    window.documents_view.clicked.emit(chosen)
    own = window.open_document_id()
    assert own is not None
    assert own != _first_document(chair, int(first["id"]))
    # ...then the chair moves on: nothing is taken away, the document is offered.
    third = next((i for i in top_items(chair) if i["id"] not in (first["id"], second["id"])
                  and chair.state.documents_of(int(i["id"]))), first)
    chair.submit("agenda.set_current", {"item_id": int(third["id"])})
    qtbot.waitUntil(window.offer_bar.isVisible, timeout=WAIT)
    assert window.open_document_id() == own
    assert window.offer_button.text() == "Mở tài liệu của mục này"
    assert QApplication.activeModalWidget() is None
    click(qtbot, window.offer_button)
    assert window.open_document_id() == _first_document(chair, int(third["id"]))
    assert not window.offer_bar.isVisible()

    # Opened for them, so the next item change replaces it without asking.
    chair.submit("agenda.set_current", {"item_id": int(second["id"])})
    qtbot.waitUntil(lambda: window.open_document_id()
                    == _first_document(chair, int(second["id"])), timeout=WAIT)
    assert not window.offer_bar.isVisible()


# --- voting: big coloured buttons, keys 1/2/3, the delegate's own choice ------------------


def test_vote_keys_colours_and_own_choice_until_the_result(qtbot: QtBot,
                                                            hall: Hall) -> None:
    chair = hall.chair()
    one = hall.session("daibieu01")
    window = hall.window(one, "daibieu01")
    window.resize(1366, 768)
    start_meeting(qtbot, chair, int(top_items(chair)[0]["id"]))
    click(qtbot, window.check_in_button)
    qtbot.waitUntil(lambda: window.check_in_button.text().endswith("Đã điểm danh"),
                    timeout=WAIT)
    vote_id = open_vote(qtbot, chair, "Miễn nhiệm Phó Chủ tịch UBND tỉnh", matter="dismissal")
    panel = window.vote_panel
    qtbot.waitUntil(lambda: len(panel.option_buttons) == 3 and panel.ballot.isEnabled(),
                    timeout=WAIT)
    assert one.state.votes[vote_id].get("secret"), "a secret ballot is what this test needs"
    colours = ["#2e7d32", "#c62828", "#616161"]
    for button, colour, label in zip(panel.option_buttons, colours,
                                     ("Tán thành", "Không tán thành", "Không biểu quyết"),
                                     strict=True):
        assert button.text() == label
        assert colour in button.styleSheet()
        assert button.height() >= 72
    save(window, "delegate17_vote_1366.png")

    # Key 2: the same confirmation as the button; Cancel ("Chọn lại") sends nothing.
    _press(qtbot, window, Qt.Key.Key_2)
    assert panel.confirm_box.isVisible()
    assert panel.confirm_label.text() == "Xác nhận biểu quyết: Không tán thành?"
    click(qtbot, panel.back_button)
    assert not panel.confirm_box.isVisible()
    _press(qtbot, window, Qt.Key.Key_1)
    assert panel.confirm_label.text() == "Xác nhận biểu quyết: Tán thành?"
    click(qtbot, panel.confirm_button)
    qtbot.waitUntil(lambda: one.state.have_voted(vote_id), timeout=WAIT)

    # The delegate sees what they chose, from this laptop; the server never says it.
    qtbot.waitUntil(lambda: panel.my_choice() == "Bạn đã chọn: Tán thành", timeout=WAIT)
    assert "Tán thành" not in json.dumps(chair.state.votes[vote_id].get("voted", []))
    _press(qtbot, window, Qt.Key.Key_2)  # a cast ballot is not asked again
    assert not panel.confirm_box.isVisible()

    chair.submit("vote.close", {"vote_id": vote_id})
    qtbot.waitUntil(panel.result_label.isVisible, timeout=WAIT)
    assert panel.my_choice() == ""


# --- offline: banners, queued actions, the chair's final steps locked ----------------------


def test_offline_banner_queued_actions_and_locked_chair_steps(qtbot: QtBot,
                                                             hall: Hall) -> None:
    chair = hall.chair()
    console = ChairConsole(chair, hall.profile("chutoa"))
    qtbot.addWidget(console)
    hall.stack.callback(console.close)
    console.show()
    one = hall.session("daibieu01")
    window = hall.window(one, "daibieu01")
    start_meeting(qtbot, chair, int(top_items(chair)[0]["id"]))
    click(qtbot, window.check_in_button)
    qtbot.waitUntil(lambda: window.check_in_button.text().endswith("Đã điểm danh"),
                    timeout=WAIT)
    vote_id = open_vote(qtbot, chair, "Thông qua Nghị quyết về phí tham quan")
    panel = window.vote_panel
    qtbot.waitUntil(lambda: panel.ballot.isEnabled() and len(panel.option_buttons) == 3,
                    timeout=WAIT)
    qtbot.waitUntil(lambda: chair.state.votes[vote_id]["status"] == "open", timeout=WAIT)
    agenda, votes = console.agenda, console.votes
    qtbot.waitUntil(agenda.close_meeting_button.isEnabled, timeout=WAIT)
    assert not window.offline_banner.isVisible()
    assert not console.offline_banner.isVisible()

    hall.server.stop()
    qtbot.waitUntil(window.offline_banner.isVisible, timeout=WAIT)
    qtbot.waitUntil(console.offline_banner.isVisible, timeout=WAIT)
    assert "Mất kết nối" in window.offline_banner.text()
    assert not agenda.close_meeting_button.isEnabled()
    assert not votes.close_action.isEnabled()
    assert not votes.annul_button.isEnabled()

    # A ballot cast now waits, and says so on the banner.
    click(qtbot, panel.option_buttons[0])
    click(qtbot, panel.confirm_button)
    qtbot.waitUntil(lambda: "Đang chờ gửi: phiếu biểu quyết…"
                    in window.offline_banner.text(), timeout=WAIT)
    assert panel.my_choice() == "Bạn đã chọn: Tán thành"
    save(window, "delegate17_offline.png")

    hall.server.start()
    qtbot.waitUntil(lambda: not window.offline_banner.isVisible(), timeout=WAIT)
    qtbot.waitUntil(lambda: not console.offline_banner.isVisible(), timeout=WAIT)
    qtbot.waitUntil(lambda: one.state.have_voted(vote_id), timeout=WAIT)
    qtbot.waitUntil(agenda.close_meeting_button.isEnabled, timeout=WAIT)
    qtbot.waitUntil(votes.close_action.isEnabled, timeout=WAIT)


# --- what a person sees: vi and en, 1366×768 and 1920×1080 ----------------------------------


def _has_width(window: MeetingWindow, width: int) -> bool:
    return window.width() == width


def _fits(widget: QWidget) -> bool:
    """Shown, and drawn wholly inside its window (nothing cut off at the right or bottom)."""
    window = widget.window()
    top_left = widget.mapTo(window, QPoint(0, 0))
    return widget.isVisible() and window.rect().contains(
        QRect(top_left, widget.size()).adjusted(0, 0, -1, -1))


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_window_renders_in_both_languages_and_sizes(qtbot: QtBot, hall: Hall,
                                                        language: str) -> None:
    translations = i18n.Translations()
    try:
        assert translations.install(language)
        chair = hall.chair()
        one = hall.session("daibieu01")
        window = hall.window(one, "daibieu01")
        item = _items_with_documents(chair)[0]
        start_meeting(qtbot, chair, int(item["id"]))
        qtbot.waitUntil(lambda: window.reader is not None
                        and window.reader.document_info() is not None, timeout=WAIT)
        click(qtbot, window.check_in_button)
        qtbot.waitUntil(lambda: not window.check_in_button.isEnabled(), timeout=WAIT)
        open_vote(qtbot, chair, "Thông qua Nghị quyết về kế hoạch đầu tư công năm 2027")
        panel = window.vote_panel
        qtbot.waitUntil(lambda: len(panel.option_buttons) == 3 and panel.ballot.isEnabled(),
                        timeout=WAIT)
        reader = window.reader
        assert reader is not None
        tools = [reader.tool_actions[t] for t in (Tool.HIGHLIGHT, Tool.NOTE, Tool.INK)]
        for width, height in ((1366, 768), (1920, 1080)):
            window.resize(width, height)
            qtbot.waitUntil(partial(_has_width, window, width), timeout=WAIT)
            for action in (*tools, reader.export_action):
                qtbot.waitUntil(partial(_on_bar, reader.annotate_bar, action), timeout=WAIT)
            for button in panel.option_buttons:
                assert _fits(button), button.text()
                assert button.height() >= 72
            assert _fits(window.text_bigger_button)
            assert _fits(window.check_in_button)
            save(window, f"delegate17_{language}_{width}x{height}.png")
    finally:
        translations.install("vi")
