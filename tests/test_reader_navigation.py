"""Page jumps, keyboard navigation, view modes, and following the presenter."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from meetingroom.ui.qt import Qt
from meetingroom.ui.reader import ViewMode
from tests.test_reader_support import (
    OPEN_TIMEOUT,
    make_pdf,
    open_in,
    opened_reader,
    wait_rendered,
)


def test_opens_and_renders_first_page_off_the_gui_thread(qtbot: QtBot) -> None:
    reader = opened_reader(qtbot)
    assert reader.page_count() == 6
    assert reader.current_page() == 0
    wait_rendered(qtbot, reader, 0)
    # The neighbour is rendered ahead, so paging forward shows it at once.
    wait_rendered(qtbot, reader, 1)


def test_page_jump_and_spin_box(qtbot: QtBot) -> None:
    reader = opened_reader(qtbot)
    reader.go_to_page(4)
    assert reader.current_page() == 4
    assert reader.page_spin.value() == 5
    reader.page_spin.setValue(2)
    assert reader.current_page() == 1
    reader.go_to_page(99)
    assert reader.current_page() == 5
    reader.go_to_page(-3)
    assert reader.current_page() == 0
    wait_rendered(qtbot, reader, 0)


def test_keys_move_between_pages(qtbot: QtBot) -> None:
    reader = opened_reader(qtbot)
    canvas = reader.canvas
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_PageDown)
    assert reader.current_page() == 1
    qtbot.keyClick(canvas, Qt.Key.Key_End)
    assert reader.current_page() == 5
    qtbot.keyClick(canvas, Qt.Key.Key_PageUp)
    assert reader.current_page() == 4
    qtbot.keyClick(canvas, Qt.Key.Key_Home)
    assert reader.current_page() == 0
    before = canvas.verticalScrollBar().value()
    qtbot.keyClick(canvas, Qt.Key.Key_Down)
    assert canvas.verticalScrollBar().value() > before
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert reader.current_page() == 1
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    assert reader.current_page() == 0


def test_ctrl_f_focuses_search(qtbot: QtBot) -> None:
    reader = opened_reader(qtbot)
    reader.activateWindow()
    reader.canvas.setFocus()
    qtbot.keyClick(reader.canvas, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(reader.search_edit.hasFocus)


def test_single_page_mode_shows_one_page_and_arrows_turn_pages(qtbot: QtBot) -> None:
    reader = opened_reader(qtbot)
    reader.go_to_page(2)
    reader.set_view_mode(ViewMode.SINGLE)
    assert reader.current_page() == 2
    layout = reader.canvas._layout
    assert [p.page for p in layout.pages] == [2]
    qtbot.keyClick(reader.canvas, Qt.Key.Key_Down)
    assert reader.current_page() == 3
    assert [p.page for p in reader.canvas._layout.pages] == [3]
    wait_rendered(qtbot, reader, 3)
    reader.set_view_mode(ViewMode.CONTINUOUS)
    assert len(reader.canvas._layout.pages) == 6
    assert reader.current_page() == 3


def test_scrolling_updates_current_page(qtbot: QtBot) -> None:
    reader = opened_reader(qtbot)
    bar = reader.canvas.verticalScrollBar()
    with qtbot.waitSignal(reader.current_page_changed):
        bar.setValue(bar.maximum())
    assert reader.current_page() >= 4


def test_rotation_swaps_page_shape(qtbot: QtBot) -> None:
    reader = opened_reader(qtbot)
    reader.canvas.fit_page()
    portrait = reader.canvas._layout.pages[0]
    reader.canvas.rotate_clockwise()
    landscape = reader.canvas._layout.pages[0]
    assert portrait.height > portrait.width
    assert landscape.width > landscape.height
    wait_rendered(qtbot, reader, 0)
    assert reader.canvas.render_key(0).rotation == 90


def test_follow_presenter_and_catch_up(qtbot: QtBot) -> None:
    reader = opened_reader(qtbot, make_pdf(8), document_id="doc-42")
    sha = reader.document_info().sha256  # type: ignore[union-attr]
    assert reader.is_following()
    reader.follow_page("doc-42", 3)
    assert reader.current_page() == 3
    reader.follow_page(sha, 4)
    assert reader.current_page() == 4
    reader.follow_page("some-other-document", 1)
    assert reader.current_page() == 4

    reader.set_following(False)
    reader.go_to_page(0)
    reader.follow_page(sha, 6)
    assert reader.current_page() == 0
    assert reader.last_shared_page() == 6
    assert reader.catch_up_action.isEnabled()
    reader.catch_up_action.trigger()
    assert reader.current_page() == 6
    assert reader.is_following()
    assert not reader.catch_up_action.isEnabled()


def test_another_document_opens_at_its_first_page_not_where_the_last_one_was(
    qtbot: QtBot,
) -> None:
    # Found walking the app: page 2 of one document, then another document opened
    # showing its own page 2 (the scroll bar kept) while the page box said 1.
    reader = opened_reader(qtbot)
    bar = reader.canvas.verticalScrollBar()
    reader.next_action.trigger()
    assert reader.page_spin.value() == 2
    assert bar.value() > 0

    open_in(qtbot, reader, make_pdf(5, words=lambda i: f"Tài liệu thứ hai, trang {i + 1}"))
    top = reader.canvas._layout.page_at(bar.value() + reader.canvas.viewport().height() / 3)
    assert (bar.value(), top) == (0, 0)
    assert reader.page_spin.value() == 1
    assert reader.current_page() == 0
    wait_rendered(qtbot, reader, 0)


def test_the_presenters_page_of_one_document_is_not_applied_to_the_next(qtbot: QtBot) -> None:
    # Following the presenter on page 4 of one document, the delegate opens another:
    # it opened on page 4 too, a page nobody had shown of it.
    reader = opened_reader(qtbot, document_id="doc-1")
    reader.follow_page("doc-1", 3)
    assert reader.current_page() == 3

    open_in(qtbot, reader, make_pdf(5, words=lambda i: f"Tài liệu thứ hai, trang {i + 1}"),
            document_id="doc-2")
    assert (reader.current_page(), reader.page_spin.value()) == (0, 1)
    assert reader.canvas.verticalScrollBar().value() == 0
    assert reader.last_shared_page() is None
    # The presenter's page of the document being opened, heard before it is open
    # (as the meeting window tells it), still leads it.
    with qtbot.waitSignal(reader.document_opened, timeout=OPEN_TIMEOUT):
        reader.open_document(make_pdf(8), document_id="doc-3")
        reader.follow_page("doc-3", 5)
    assert (reader.current_page(), reader.page_spin.value()) == (5, 6)
