"""Pages over the render pipe (issue 20.4): the GUI thread asks the child for a page and
reads the answer itself when a socket notifier says it is there; it never waits for a
render, and the pixels are drawn into a shared-memory slab the image is made over.

Bounded by pytest-timeout markers and the render limits; the one time check is on
the GUI thread's own timer, with a margin a loaded box keeps.
"""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import pymupdf
import pytest
from pytestqt.qtbot import QtBot

from meetingroom.core.pdf.render_process import RenderLimits
from meetingroom.ui.qt import QImage, QTimer
from meetingroom.ui.reader import RenderKey
from meetingroom.ui.reader.document_worker import DocumentWorker
from meetingroom.ui.reader.page_canvas import WORDS_KEPT
from tests.helpers.hostile_pdfs import fan_out_then_plain
from tests.test_reader_support import new_reader

WAIT = 60_000
TOO_COMPLEX = "Trang này quá phức tạp, không hiển thị được"


def _pages(count: int, big: int) -> bytes:
    """``count`` small pages with text; page ``big`` is a poster that needs a larger block."""
    doc = pymupdf.open()
    for index in range(count):
        size = (1800, 1800) if index == big else (300, 400)
        page = doc.new_page(width=size[0], height=size[1])
        page.insert_text((40, 60), f"Trang {index + 1}")
    data: bytes = doc.tobytes()
    doc.close()
    return data


@pytest.mark.timeout(120)
def test_the_gui_thread_keeps_running_while_a_page_is_drawn(qtbot: QtBot) -> None:
    reader = new_reader(qtbot)
    reader.worker.process.limits = RenderLimits(page_seconds=3.0, open_seconds=30.0)
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(10)
    reader.open_document(fan_out_then_plain())
    canvas = reader.canvas
    qtbot.waitUntil(lambda: canvas.page_error(0) is not None, timeout=WAIT)
    timer.stop()
    # Page 1 never finishes: it was asked on the pipe and stopped by the GUI's own timer.
    assert canvas.page_error(0) == TOO_COMPLEX
    assert reader.worker.pages_by_lane == 0
    # For the three seconds the child drew, the GUI thread went on with its events.
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(ticks) > 20
    assert max(gaps) < 1.0
    # The next page is drawn by a new child (started by the lane).
    canvas.go_to_page(1)
    qtbot.waitUntil(lambda: canvas.is_rendered(1), timeout=WAIT)
    assert reader.worker.process.started >= 2  # the one killed, and its replacement
    canvas.go_to_page(0)
    qtbot.waitUntil(lambda: canvas.page_error(0) is not None, timeout=WAIT)
    assert canvas.page_error(0) == TOO_COMPLEX  # remembered, not drawn again
    reader.close()


def _shm_exists(name: str) -> bool:
    return (Path("/dev/shm") / name.lstrip("/")).exists() or not Path("/dev/shm").is_dir()


def _opened_worker(qtbot: QtBot, data: bytes) -> DocumentWorker:
    worker = DocumentWorker()
    opened: list[object] = []
    worker.opened.connect(opened.append)
    worker.open(data)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT)
    return worker


@pytest.mark.timeout(120)
def test_a_hundred_pages_reuse_a_few_slabs_and_leave_none_behind(qtbot: QtBot) -> None:
    """Each page is drawn into a slab and painted from it; a slab whose image is gone
    (the page left the cache) takes the next page, so a few serve a whole document."""
    worker = _opened_worker(qtbot, _pages(100, big=50))
    images: dict[int, QImage] = {}

    def rendered(key: RenderKey, image: QImage) -> None:
        images.clear()  # a cache of one page: the previous image is let go
        images[key.page] = image

    worker.page_rendered.connect(rendered)
    widths: dict[int, int] = {}
    for index in range(100):
        worker.request(RenderKey(index, 1.5, 0))
        qtbot.waitUntil(lambda: index in images, timeout=WAIT)  # noqa: B023
        widths[index] = images[index].width()
        assert images[index].format() == QImage.Format.Format_RGB32
    assert worker.pages_by_pipe == 100
    assert worker.pages_by_lane == 0
    assert widths[50] == 2700  # the poster, through a larger slab
    assert widths[51] == 450
    pool = worker.process.slabs
    assert pool.made <= 4  # not one per page
    names = [slab.name for slab in pool._slabs]
    assert names
    assert all(_shm_exists(name) for name in names)
    worker.shutdown()
    assert not any(_shm_exists(name) for name in names)
    worker.deleteLater()
    qtbot.wait(10)


@pytest.mark.timeout(120)
def test_a_page_held_keeps_its_pixels_while_others_are_drawn(qtbot: QtBot) -> None:
    """An image made over a slab is never drawn over, nor unmapped, while it is held:
    not by the next pages, not when the reader shuts down under it."""
    worker = _opened_worker(qtbot, _pages(6, big=-1))
    images: dict[int, QImage] = {}
    worker.page_rendered.connect(lambda key, image: images.__setitem__(key.page, image))
    worker.request(RenderKey(0, 1.5, 0))
    qtbot.waitUntil(lambda: 0 in images, timeout=WAIT)
    first = images[0]
    before = first.copy()  # a private copy, to compare with
    for index in range(1, 6):
        images.clear()  # only ``first`` holds page 1
        worker.request(RenderKey(index, 1.5, 0))
        qtbot.waitUntil(lambda: index in images, timeout=WAIT)  # noqa: B023
    assert first == before  # "Trang 1" still, not a later page drawn over it
    assert images[5] != before
    name = next(slab.name for slab in worker.process.slabs._slabs if slab.in_use())
    worker.shutdown()
    assert not _shm_exists(name)  # unlinked at once ...
    assert first == before  # ... but still mapped: the image can be painted
    images.clear()
    del first
    worker.deleteLater()
    qtbot.wait(10)


@pytest.mark.timeout(120)
def test_paging_keeps_the_words_of_a_few_pages_only(qtbot: QtBot) -> None:
    """Words of every page read were kept: 90 MB over 300 pages (issue 20.4's memory)."""
    reader = new_reader(qtbot)
    opened: list[str] = []
    reader.document_opened.connect(opened.append)
    reader.open_document(_pages(40, big=-1))
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT)
    canvas = reader.canvas
    for page in range(40):
        canvas.go_to_page(page)
        qtbot.waitUntil(lambda: canvas.words(page) is not None, timeout=WAIT)  # noqa: B023
    assert len(canvas._words) <= WORDS_KEPT
    # A page whose words were dropped gets them again when it is read again.
    assert canvas.words(0) is None
    canvas.go_to_page(0)
    qtbot.waitUntil(lambda: canvas.words(0) is not None, timeout=WAIT)
    assert any(word.text == "Trang" for word in canvas.words(0) or [])
    reader.close()


@pytest.mark.timeout(120)
def test_the_previous_page_stays_on_screen_until_the_next_is_drawn(qtbot: QtBot) -> None:
    """Going to a page not drawn yet keeps the picture on screen instead of painting the
    "loading" page first; the page's arrival, its failure or the hold's end lifts it."""
    reader = new_reader(qtbot)
    opened: list[str] = []
    reader.document_opened.connect(opened.append)
    reader.open_document(_pages(12, big=-1))
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT)
    canvas = reader.canvas
    qtbot.waitUntil(lambda: canvas.is_rendered(0), timeout=WAIT)
    assert not canvas.is_holding()
    canvas.go_to_page(8)  # far from anything prefetched
    assert canvas.is_holding()
    qtbot.waitUntil(lambda: canvas.is_rendered(8), timeout=WAIT)
    assert not canvas.is_holding()
    canvas.go_to_page(8)  # drawn already: nothing to hold
    assert not canvas.is_holding()
    canvas._hold()  # a page that does not come in time: the hold ends by itself
    qtbot.waitUntil(lambda: not canvas.is_holding(), timeout=WAIT)
    reader.close()


@pytest.mark.timeout(120)
def test_a_page_over_its_limits_ends_the_hold_with_its_message(qtbot: QtBot) -> None:
    reader = new_reader(qtbot)
    reader.worker.process.limits = RenderLimits(page_seconds=3.0, open_seconds=30.0)
    opened: list[str] = []
    reader.document_opened.connect(opened.append)
    reader.open_document(fan_out_then_plain())
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT)
    canvas = reader.canvas
    canvas.go_to_page(0)
    qtbot.waitUntil(lambda: canvas.page_error(0) is not None, timeout=WAIT)
    assert canvas.page_error(0) == TOO_COMPLEX
    assert not canvas.is_holding()
    reader.close()
