"""Text search: every hit found and highlighted, next/previous cycling through them."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from meetingroom.core.pdf.document import PdfDocument
from meetingroom.ui.qt import Qt
from tests.test_reader_support import make_pdf, opened_reader


def test_core_search_finds_every_hit_case_insensitively() -> None:
    document = PdfDocument.open(make_pdf(6))
    try:
        hits = document.search("NGÂN SÁCH")
        # Pages 1, 3 and 5 carry the phrase twice each.
        assert [h.page for h in hits] == [0, 0, 2, 2, 4, 4]
        assert all("ngân sách" in h.context for h in hits)
        assert document.search("   ") == []
        assert document.search("không có trong tài liệu") == []
    finally:
        document.close()


def test_reader_search_lists_highlights_and_cycles(qtbot: QtBot) -> None:
    # Enough pages that the worker searches in several slices.
    reader = opened_reader(qtbot, make_pdf(20))
    with qtbot.waitSignal(reader.search_finished, timeout=10_000) as blocker:
        reader.search("ngân sách")
    assert blocker.args == [20]
    assert reader.search_hits.rowCount() == 20
    assert len(reader.canvas._hits) == 20
    assert reader.current_hit() == 0
    assert reader.current_page() == 0
    reader.next_hit()
    reader.next_hit()
    assert reader.current_hit() == 2
    assert reader.current_page() == 2
    reader.previous_hit()
    assert reader.current_hit() == 1
    reader.select_hit(0)
    reader.previous_hit()  # wraps around to the last hit
    assert reader.current_hit() == 19
    assert reader.current_page() == 18


def test_search_from_the_search_field(qtbot: QtBot) -> None:
    reader = opened_reader(qtbot)
    reader.search_edit.setText("Trang số 4")
    with qtbot.waitSignal(reader.search_finished, timeout=10_000) as blocker:
        qtbot.keyClick(reader.search_edit, Qt.Key.Key_Return)
    assert blocker.args == [1]
    assert reader.current_page() == 3
    with qtbot.waitSignal(reader.search_finished, timeout=10_000) as blocker:
        reader.search("xyz không tồn tại")
    assert blocker.args == [0]
    assert reader.search_hits.rowCount() == 0
    assert reader.search_count.text() == "Không tìm thấy"


def test_new_search_discards_results_of_the_previous_one(qtbot: QtBot) -> None:
    reader = opened_reader(qtbot, make_pdf(30))
    reader.search("Trang")  # superseded before it can finish
    with qtbot.waitSignal(reader.search_finished, timeout=10_000) as blocker:
        reader.search("Trang số 7 ")
    assert blocker.args == [1]
    assert [h.page for h in reader.hits()] == [6]
