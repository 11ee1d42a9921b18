"""Zoom: fit width, fit page, steps, Ctrl+wheel; renders follow the zoom (HiDPI aware)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from meetingroom.ui.qt import QColor, QImage, QPoint, QPointF, QRegion, Qt, QWidget
from meetingroom.ui.reader.page_canvas import ZOOM_STEPS, FitMode, PageCanvas
from meetingroom.ui.reader.page_layout import MARGIN
from tests.test_reader_support import (
    make_pdf,
    new_reader,
    open_in,
    opened_reader,
    wait_rendered,
)


def test_fit_width_and_fit_page(qtbot: QtBot) -> None:
    reader = opened_reader(qtbot)
    canvas = reader.canvas
    viewport = canvas.viewport()
    canvas.fit_width()
    assert canvas.fit_mode() is FitMode.WIDTH
    assert canvas.zoom() * 595 == pytest.approx(viewport.width() - 2 * MARGIN, abs=1)
    canvas.fit_page()
    assert canvas.fit_mode() is FitMode.PAGE
    page = canvas._layout.pages[0]
    assert page.height <= viewport.height() - 2 * MARGIN + 1
    assert page.width <= viewport.width() - 2 * MARGIN + 1
    # Fit modes follow the window size.
    reader.resize(reader.width(), reader.height() + 200)
    qtbot.waitUntil(lambda: canvas._layout.pages[0].height > page.height)


def test_zoom_steps_and_renders_at_new_scale(qtbot: QtBot) -> None:
    reader = opened_reader(qtbot)
    canvas = reader.canvas
    canvas.set_zoom(1.0)
    canvas.zoom_in()
    assert canvas.zoom() == 1.25
    assert canvas.fit_mode() is FitMode.NONE
    canvas.zoom_out()
    canvas.zoom_out()
    assert canvas.zoom() == 0.75
    for _ in range(30):
        canvas.zoom_in()
    assert canvas.zoom() == ZOOM_STEPS[-1]
    canvas.set_zoom(1.5)
    wait_rendered(qtbot, reader, canvas.current_page())
    key = canvas.render_key(canvas.current_page())
    assert key.scale == pytest.approx(1.5 * canvas.devicePixelRatioF())
    image = canvas.cache().get(key)
    assert image is not None
    assert image.width() == pytest.approx(595 * key.scale, abs=1)


def test_ctrl_wheel_zooms(qtbot: QtBot) -> None:
    reader = opened_reader(qtbot)
    canvas = reader.canvas
    canvas.set_zoom(1.0)
    pos = QPointF(100, 100)
    from meetingroom.ui.qt import QWheelEvent

    def wheel(delta: int) -> None:
        event = QWheelEvent(
            pos, canvas.viewport().mapToGlobal(pos), QPoint(), QPoint(0, delta),
            Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
            Qt.ScrollPhase.NoScrollPhase, False,
        )
        canvas.wheelEvent(event)

    wheel(120)
    assert canvas.zoom() == 1.25
    wheel(-120)
    wheel(-120)
    assert canvas.zoom() == 0.75


def test_zoom_keeps_the_current_page(qtbot: QtBot) -> None:
    reader = opened_reader(qtbot)
    reader.go_to_page(3)
    reader.canvas.set_zoom(2.0)
    assert reader.current_page() == 3
    reader.canvas.set_zoom(0.5)
    assert reader.current_page() == 3


def test_cache_stays_under_its_memory_cap(qtbot: QtBot) -> None:
    from meetingroom.ui.reader import ReaderSettings
    from tests.test_reader_support import make_pdf, new_reader, open_in

    reader = new_reader(qtbot, settings=ReaderSettings(cache_megabytes=3))
    open_in(qtbot, reader, make_pdf(6))
    canvas = reader.canvas
    canvas.set_zoom(1.0)  # ~595x842 RGB = 1.5 MB a page
    for page in range(6):
        reader.go_to_page(page)
        wait_rendered(qtbot, reader, page)
        assert canvas.cache().total_bytes <= 3 * 1024 * 1024
    assert len(canvas.cache()) <= 2


def _unpainted(canvas: PageCanvas) -> int:
    """Pixels of the viewport its paint left alone: rendered onto magenta, without the
    background fill Qt would do for a viewport that is not opaque."""
    viewport = canvas.viewport()
    image = QImage(viewport.size(), QImage.Format.Format_RGB32)
    image.fill(QColor(MAGENTA))
    viewport.render(image, QPoint(), QRegion(), QWidget.RenderFlag.DrawChildren)
    return sum(
        1
        for y in range(0, image.height(), 3)
        for x in range(0, image.width(), 3)
        if image.pixel(x, y) == MAGENTA
    )


MAGENTA = 0xFFFF00FF


def test_the_page_area_paints_every_pixel_itself(qtbot: QtBot) -> None:
    """The viewport is opaque to Qt (no background fill before each paint, issue 20.4),
    so its paint must cover it all: no document, pages with margins and gaps, a page
    still being drawn, an earlier zoom's picture scaled."""
    reader = new_reader(qtbot)
    canvas = reader.canvas
    assert canvas.viewport().testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
    assert _unpainted(canvas) == 0  # nothing open yet
    open_in(qtbot, reader, make_pdf(8))
    wait_rendered(qtbot, reader, 0)
    assert _unpainted(canvas) == 0  # fit to width: the page, its margins
    canvas.set_zoom(0.33)
    assert _unpainted(canvas) == 0  # several pages, gaps, the old zoom scaled or "loading"
    qtbot.waitUntil(lambda: all(canvas.is_rendered(p) for p in range(3)), timeout=10_000)
    assert _unpainted(canvas) == 0
    reader.close()
