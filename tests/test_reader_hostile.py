"""Hostile PDFs in the reader widget (issue 20.1): every page is drawn in a child process
within limits; a page over them says so in its place, the rest of the document stays
usable, the child is replaced, and no child outlives the reader.

Bounded by pytest-timeout markers and the render limits; no wall-clock assertion.
"""

from __future__ import annotations

import multiprocessing

import pytest
from pytestqt.qtbot import QtBot

from meetingroom.core.pdf.render_process import RenderLimits
from meetingroom.ui.reader import DocumentReader
from tests.helpers.hostile_pdfs import HOSTILE, fan_out_then_plain, plain
from tests.test_reader_support import new_reader

WAIT = 60_000
TOO_COMPLEX = "Trang này quá phức tạp, không hiển thị được"


def _render_children() -> list[multiprocessing.process.BaseProcess]:
    return [p for p in multiprocessing.active_children() if p.name == "meetingroom-pdf-render"]


def _reader(qtbot: QtBot) -> DocumentReader:
    reader = new_reader(qtbot)
    # Short enough that the fan-out is stopped soon, long enough for a page on a busy box.
    reader.worker.process.limits = RenderLimits(page_seconds=4.0, open_seconds=30.0)
    return reader


def _first_page_settles(qtbot: QtBot, reader: DocumentReader, data: bytes) -> str | None:
    """Open ``data``: the open failure's message, or page 1's own error (None if drawn)."""
    result: list[str | None] = []
    reader.document_opened.connect(lambda _sha: result.append(None))
    reader.open_failed.connect(result.append)
    reader.open_document(data)
    qtbot.waitUntil(lambda: bool(result), timeout=WAIT)
    reader.document_opened.disconnect()
    reader.open_failed.disconnect()
    if result[0] is not None:
        return result[0]
    canvas = reader.canvas
    qtbot.waitUntil(lambda: canvas.is_rendered(0) or canvas.page_error(0) is not None,
                    timeout=WAIT)
    return canvas.page_error(0)


@pytest.mark.timeout(180)
def test_a_page_over_its_limits_says_so_and_the_next_page_is_drawn(qtbot: QtBot) -> None:
    reader = _reader(qtbot)
    assert _first_page_settles(qtbot, reader, fan_out_then_plain()) == TOO_COMPLEX
    reader.canvas.go_to_page(1)
    qtbot.waitUntil(lambda: reader.canvas.is_rendered(1), timeout=WAIT)
    assert reader.canvas.page_error(1) is None
    # The child that hung on page 1 was killed and a new one drew page 2.
    assert reader.worker.process.started >= 2
    # (the new child may already be gone again if it was idle; never the hung one too)
    assert len(_render_children()) <= 1
    reader.close()
    assert _render_children() == []


@pytest.mark.timeout(600)
def test_every_hostile_shape_opens_or_explains_itself_within_limits(qtbot: QtBot) -> None:
    reader = _reader(qtbot)
    outcomes = {name: _first_page_settles(qtbot, reader, make()) for name, make
                in sorted(HOSTILE.items())}
    assert outcomes["form_fan_out"] == TOO_COMPLEX
    assert outcomes["renamed_executable"] is not None
    assert "chương trình" in outcomes["renamed_executable"]
    # After all of them, a plain file still opens in the same reader.
    assert _first_page_settles(qtbot, reader, plain()) is None
    reader.close()
    assert _render_children() == []
