"""Qt-free building blocks of the reader: geometry, cache, selection, text search."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from meetingroom.core.pdf.geometry import PageGeometry, PdfRect
from meetingroom.core.pdf.page_cache import ByteBoundedLru
from meetingroom.core.pdf.text_search import find_in_words
from meetingroom.core.pdf.text_selection import Word, line_rects, select_range, selected_text
from meetingroom.ui.reader.page_layout import PAGE_GAP, layout_pages

coordinate = st.floats(min_value=0, max_value=500, allow_nan=False)


@given(x=coordinate, y=coordinate, page_rotation=st.sampled_from([0, 90, 180, 270]),
       user_rotation=st.sampled_from([0, 90, 180, 270]))
def test_display_mapping_round_trips(
    x: float, y: float, page_rotation: int, user_rotation: int
) -> None:
    page = PageGeometry(500, 700, page_rotation)
    shown = page.to_display((x, y), user_rotation)
    w, h = page.display_size(user_rotation)
    assert -1e-6 <= shown[0] <= w + 1e-6
    assert -1e-6 <= shown[1] <= h + 1e-6
    back = page.from_display(shown, user_rotation)
    assert abs(back[0] - x) < 1e-6
    assert abs(back[1] - y) < 1e-6


def test_cache_evicts_least_recent_but_never_pinned() -> None:
    cache: ByteBoundedLru[str, bytes] = ByteBoundedLru(10, len)
    cache.put("a", b"xxxx")
    cache.put("b", b"xxxx")
    cache.get("a")
    cache.put("c", b"xxxx")
    assert cache.keys() == ["a", "c"]
    assert cache.total_bytes == 8
    assert cache.put("d", b"xxxxxxx", pinned={"a", "c"}) is False  # prefetch must not evict
    assert "d" not in cache
    cache.put("big", b"x" * 50, pinned={"big"})  # what is on screen stays, alone
    assert cache.keys() == ["big"]


WORDS = [
    Word(PdfRect(0, 0, 40, 10), "Dự", 0, 0),
    Word(PdfRect(45, 0, 90, 10), "toán", 0, 0),
    Word(PdfRect(0, 20, 40, 30), "NGÂN", 0, 1),
    Word(PdfRect(45, 20, 90, 30), "SÁCH.", 0, 1),
]


def test_selection_spans_lines_in_reading_order() -> None:
    chosen = select_range(WORDS, (50, 5), (10, 25))
    assert selected_text(chosen) == "toán\nNGÂN"
    assert line_rects(chosen) == [PdfRect(45, 0, 90, 10), PdfRect(0, 20, 40, 30)]
    assert select_range([], (0, 0), (1, 1)) == []


def test_text_search_folds_vietnamese_case_and_crosses_lines() -> None:
    assert len(find_in_words(WORDS, "ngân sách")) == 1
    hit = find_in_words(WORDS, "toán ngân")[0]
    assert len(hit) == 2  # one rectangle per line
    partial = find_in_words(WORDS, "oán")[0][0]
    assert 45 < partial.x0 < partial.x1 <= 90


def test_layout_modes() -> None:
    pages = [PageGeometry(100, 200), PageGeometry(200, 100)]
    both = layout_pages(pages, 2.0, 0, 300)
    assert [p.page for p in both.pages] == [0, 1]
    assert both.pages[1].y > both.pages[0].bottom
    assert both.width >= 400
    single = layout_pages(pages, 1.0, 90, 300, single_page=1)
    assert [(p.page, p.width, p.height) for p in single.pages] == [(1, 100, 200)]


@given(sizes=st.lists(st.tuples(st.floats(1, 900), st.floats(1, 900)), max_size=40),
       zoom=st.sampled_from([0.25, 1.0, 1.953, 3.0]),
       top=st.floats(-50, 40_000), span=st.floats(0, 2_000))
def test_layout_lookups_agree_with_a_walk_over_every_page(
    sizes: list[tuple[float, float]], zoom: float, top: float, span: float
) -> None:
    # The lookups bisect the pages' edges; a plain walk is what they must still answer.
    layout = layout_pages([PageGeometry(w, h) for w, h in sizes], zoom, 0, 800)
    bottom = top + span
    walked = [p for p in layout.pages if p.bottom > top + 1 and p.y < bottom - 1]
    assert layout.visible(top, bottom) == walked
    under = next((p.page for p in layout.pages if top < p.bottom + PAGE_GAP / 2),
                 layout.pages[-1].page if layout.pages else 0)
    assert layout.page_at(top) == under
    for placed in layout.pages:
        assert layout.placed(placed.page) is placed
    assert layout.placed(len(sizes)) is None
