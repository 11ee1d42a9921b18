"""Drives the real :class:`DocumentReader` for the render benchmark and times what it paints.

A page counts as shown when the canvas has *finished* a paint event while it
holds that page's render at the current zoom: in the benchmark's own process the
probe wraps ``PageCanvas.paintEvent`` and takes the time after the canvas's own
painting. No product file is changed.

``python -m bench._reader_probe paging --pages 300 --cache-mb 64`` pages through
a generated document in a fresh process (so its VmHWM is its own) and prints
one JSON line: the prefetched page-turn times and the memory peaks.
"""

# PyMuPDF leaves most signatures unannotated.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pymupdf
from PySide6.QtCore import QEventLoop, QObject, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from meetingroom.core.demo_documents import render_document
from meetingroom.ui.reader import (
    DocumentReader,
    PageCanvas,
    ReaderSettings,
    RenderKey,
)

#: PySide6 6.12 on Python 3.11 drops references to True/False/None it never took (about
#: 8 of True per page turn, see the report of issue 9); without immortal singletons
#: (Python ≥ 3.12) a long run ends in "Fatal Python error: bool_dealloc". These
#: references keep the counts positive for the length of a benchmark.
_SINGLETON_BALLAST = [True, False, None] * 2_000_000

#: The delegate's meeting window is 1366×800; a delegate reading a packet gives it the screen.
DEFAULT_SIZE = (1366, 800)
TIMEOUT_S = 60.0

_PARAGRAPHS = [
    "# I. Tình hình thực hiện nhiệm vụ kinh tế - xã hội",
    "Tổng sản phẩm trên địa bàn tỉnh ước tăng 7,2% so với cùng kỳ; thu ngân sách nhà nước "
    "trên địa bàn đạt 104% dự toán Hội đồng nhân dân tỉnh giao; giải ngân vốn đầu tư công "
    "đạt 92% kế hoạch. Các chỉ tiêu về giáo dục, y tế, văn hóa và an sinh xã hội cơ bản "
    "hoàn thành; quốc phòng, an ninh được giữ vững, trật tự an toàn xã hội được bảo đảm.",
    "Tuy nhiên, sản xuất nông nghiệp còn chịu ảnh hưởng của thiên tai và dịch bệnh; tiến độ "
    "một số công trình trọng điểm chậm so với kế hoạch; công tác giải phóng mặt bằng còn "
    "nhiều vướng mắc, cần tập trung chỉ đạo quyết liệt trong thời gian tới.",
    "# II. Dự toán thu, chi ngân sách địa phương",
    "Tổng thu ngân sách nhà nước trên địa bàn dự kiến 18.450 tỷ đồng, trong đó thu nội địa "
    "15.200 tỷ đồng, thu từ hoạt động xuất nhập khẩu 3.250 tỷ đồng. Tổng chi ngân sách địa "
    "phương dự kiến 21.730 tỷ đồng, bảo đảm chi đầu tư phát triển, chi thường xuyên và các "
    "nhiệm vụ chi quan trọng theo quy định của Luật Ngân sách nhà nước.",
    "# III. Giải pháp chủ yếu",
    "Đẩy mạnh cải cách hành chính, cải thiện môi trường đầu tư kinh doanh; tăng cường kỷ "
    "luật, kỷ cương tài chính; tập trung tháo gỡ khó khăn cho doanh nghiệp và người dân; "
    "nâng cao chất lượng nguồn nhân lực và ứng dụng công nghệ thông tin trong quản lý.",
]


def generated_pdf(pages: int) -> bytes:
    """A council report of ``pages`` A4 pages: Vietnamese text, a chart image every 10th page.

    A 20-page report is typeset once and its pages repeated (typesetting 300 pages
    directly takes a minute); each copy still renders on its own.
    """
    unit = min(pages, 20)
    data, _ = render_document(
        "Báo cáo tổng hợp phục vụ kỳ họp (tài liệu đo hiệu năng)", _PARAGRAPHS,
        min_pages=unit,
    )
    source = pymupdf.open(stream=data, filetype="pdf")
    doc = pymupdf.open()
    while doc.page_count < pages:
        doc.insert_pdf(source, to_page=min(source.page_count, pages - doc.page_count) - 1)
    source.close()
    chart = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 900, 500), False)
    for y in range(500):  # a gradient, so it compresses like a photo rather than a flat fill
        for x in range(0, 900, 30):
            chart.set_rect(pymupdf.IRect(x, y, x + 30, y + 1),
                           ((x * 255) // 900, (y * 255) // 500, (x + y) % 256))
    png = chart.tobytes("png")
    for index in range(0, doc.page_count, 10):
        doc[index].insert_image(pymupdf.Rect(85, 480, 545, 735), stream=png)
    out: bytes = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    return out


def app() -> QApplication:
    existing = QApplication.instance()
    return existing if isinstance(existing, QApplication) else QApplication(["bench"])


def wait_until(predicate: object, timeout_s: float = TIMEOUT_S) -> bool:
    """Spin the event loop (sleeping in it, not busy) until ``predicate()`` holds."""
    assert callable(predicate)
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            return False
        QTest.qWait(2)
    return True


class PaintProbe(QObject):
    """Times go_to_page → the end of the first paint that draws the page's own render.

    ``PageCanvas.paintEvent`` is wrapped (in this process only) so the time is
    taken after the canvas's own painting; an event filter would have to return
    a bool from Python on every event, which PySide 6.12 mis-counts.
    """

    _active: PaintProbe | None = None

    def __init__(self, reader: DocumentReader) -> None:
        super().__init__()
        self.reader = reader
        self.canvas = reader.canvas
        self._target: int | None = None
        self._asked: int | None = None  # the page of the current turn, kept after its paint
        self._loop = QEventLoop()
        self.painted_at = 0.0
        self.paint_ms = 0.0
        self.rendered_at = 0.0
        PaintProbe._active = self
        if PageCanvas.paintEvent is _ORIGINAL_PAINT:
            raise RuntimeError("make the reader with new_reader(), which hooks painting first")
        reader.worker.page_rendered.connect(self._on_rendered)

    def _on_rendered(self, key: RenderKey, _image: object) -> None:
        # The canvas may paint the page inside this very signal (before this slot runs):
        # the time is still the page's arrival, a moment after that paint.
        if key.page == self._asked and not key.thumbnail and self.rendered_at == 0.0:
            self.rendered_at = time.perf_counter()

    def wants(self, canvas: PageCanvas) -> bool:
        return (
            canvas is self.canvas
            and self._target is not None
            and canvas.current_page() == self._target
            and canvas.is_rendered(self._target)
        )

    def painted(self, start: float) -> None:
        self.painted_at = time.perf_counter()
        self.paint_ms = (self.painted_at - start) * 1000
        self._target = None
        self._loop.quit()

    def turn(self, page: int, *, next_page: bool = False) -> Turn:
        """Go to ``page`` (or press "next page") and wait until it has been painted."""
        self._target = self._asked = page
        self.painted_at = self.rendered_at = 0.0
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(self._loop.quit)
        timer.start(int(TIMEOUT_S * 1000))
        start = time.perf_counter()
        if next_page:
            self.canvas.next_page()
        else:
            self.reader.go_to_page(page)
        if self._target is not None:
            self._loop.exec()
        timer.stop()
        if self.painted_at == 0.0:
            self._target = None
            raise TimeoutError(f"page {page + 1} was not painted within {TIMEOUT_S:.0f} s")
        rendered = self.rendered_at - start if self.rendered_at else None
        return Turn((self.painted_at - start) * 1000,
                    rendered * 1000 if rendered is not None else None, self.paint_ms)


@dataclass(frozen=True)
class Turn:
    total_ms: float  #: request → end of the paint that shows the page
    rendered_ms: float | None  #: request → the worker's page_rendered reaching the GUI thread
    paint_ms: float  #: the paint event alone


_ORIGINAL_PAINT = PageCanvas.paintEvent


def _install_paint_hook() -> None:
    if PageCanvas.paintEvent is not _ORIGINAL_PAINT:
        return

    def paint_event(canvas: PageCanvas, event: QPaintEvent) -> None:
        probe = PaintProbe._active
        if probe is None or not probe.wants(canvas):
            _ORIGINAL_PAINT(canvas, event)
            return
        start = time.perf_counter()
        _ORIGINAL_PAINT(canvas, event)
        probe.painted(start)

    PageCanvas.paintEvent = paint_event  # type: ignore[method-assign,assignment]


def new_reader(size: tuple[int, int], cache_mb: int, prefetch: int = 1) -> DocumentReader:
    app()
    _install_paint_hook()  # before the canvas exists: PySide looks overrides up once
    reader = DocumentReader(
        None,
        reader_name="Đại biểu đo hiệu năng",
        settings=ReaderSettings(cache_megabytes=cache_mb, prefetch_pages=prefetch),
        password_prompt=lambda *_: None,
        note_prompt=lambda _parent: None,
    )
    reader.resize(*size)
    reader.show()
    QTest.qWaitForWindowExposed(reader)
    return reader


def open_document(reader: DocumentReader, data: bytes) -> None:
    """Open, then wait until the first page is painted and all prefetching is done."""
    done: list[str] = []
    reader.document_opened.connect(done.append)
    reader.open_failed.connect(done.append)
    reader.open_document(data)
    if not wait_until(lambda: bool(done)) or reader.document_info() is None:
        raise RuntimeError(f"the reader could not open the document: {done}")
    wait_until(lambda: reader.canvas.is_rendered(reader.current_page()))
    settle(reader)


def settle(reader: DocumentReader) -> None:
    """Let queued renders finish and their results land, like a reader pausing on a page."""
    for _ in range(3):
        reader.worker.wait_idle()
        QTest.qWait(5)


def close_reader(reader: DocumentReader) -> None:
    reader.shutdown()
    reader.close()
    reader.deleteLater()
    QTest.qWait(5)


def proc_status_mb(field: str) -> float | None:
    """VmRSS / VmHWM of this process in MB (Linux), else None."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def paging(pages: int, cache_mb: int, size: tuple[int, int]) -> dict[str, object]:
    """Page through a generated document the way a delegate reads it, one page at a time."""
    data = generated_pdf(pages)
    reader = new_reader(size, cache_mb)
    rss_before_open = proc_status_mb("VmRSS")
    open_document(reader, data)
    cache = reader.canvas.cache()
    peak = [cache.total_bytes]
    original_put = cache.put

    def put(key: RenderKey, value: object, pinned: object = ()) -> bool:
        result = original_put(key, value, pinned)  # type: ignore[arg-type]
        peak[0] = max(peak[0], cache.total_bytes)
        return result

    cache.put = put  # type: ignore[method-assign]
    probe = PaintProbe(reader)
    rss_open = proc_status_mb("VmRSS")
    prefetched: list[float] = []
    cold: list[float] = []
    paint: list[float] = []
    for page in range(1, pages):
        settle(reader)  # the previous page is read; its neighbour has been prefetched
        was_cached = reader.canvas.is_rendered(page)
        turn = probe.turn(page, next_page=True)
        (prefetched if was_cached else cold).append(turn.total_ms)
        if was_cached:
            paint.append(turn.paint_ms)
    settle(reader)
    scale = reader.canvas.scale_key()
    result: dict[str, object] = {
        "bench": "pdf_render",
        "result": "paging",
        "pages": pages,
        "scale": scale,
        "dpi": round(72 * scale, 1),
        "cache_cap_mb": cache_mb,
        "cache_peak_mb": round(peak[0] / 2**20, 2),
        "cache_under_cap": peak[0] <= cache_mb * 2**20,
        "cache_entries_end": len(cache),
        "turns_prefetched": len(prefetched),
        "turns_not_prefetched": len(cold),
        "prefetched_turn_p50_ms": _round(_median(prefetched)),
        "prefetched_turn_p95_ms": _round(_quantile(prefetched, 0.95)),
        "prefetched_turn_max_ms": _round(max(prefetched) if prefetched else None),
        "prefetched_paint_p50_ms": _round(_median(paint)),
        "not_prefetched_turn_p50_ms": _round(_median(cold)),
        "rss_before_open_mb": _round(rss_before_open),
        "rss_after_open_mb": _round(rss_open),
        "rss_end_mb": _round(proc_status_mb("VmRSS")),
        "vmhwm_mb": _round(proc_status_mb("VmHWM")),
    }
    hwm, before = result["vmhwm_mb"], result["rss_after_open_mb"]
    if isinstance(hwm, float) and isinstance(before, float):
        result["growth_while_paging_mb"] = round(hwm - before, 1)
    close_reader(reader)
    return result


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def _quantile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench._reader_probe")
    sub = parser.add_subparsers(dest="command", required=True)
    page = sub.add_parser("paging", help="page through a generated document; print one JSON line")
    page.add_argument("--pages", type=int, default=300)
    page.add_argument("--cache-mb", type=int, default=64)
    page.add_argument("--width", type=int, default=DEFAULT_SIZE[0])
    page.add_argument("--height", type=int, default=DEFAULT_SIZE[1])
    args = parser.parse_args(argv)
    result = paging(max(2, args.pages), args.cache_mb, (args.width, args.height))
    print(json.dumps(result, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
