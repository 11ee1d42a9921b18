"""Page rendering: raw PyMuPDF, the app's reader until the page is painted, and pdftoppm.

    python -m bench.pdf_render [--pages 300] [--files N] [--max-pages-per-file N]
                               [--cache-mb 64] [--width 1366 --height 800] [--no-install]

For every PDF in ``../shared/pdfs`` and a generated document of ``--pages`` pages,
each page is rendered three ways at the zoom the reader opens it with (fit to
width in a ``--width``×``--height`` reader, offscreen, devicePixelRatio 1):

* ``raw``: ``load_page`` + ``get_pixmap`` (RGB, no alpha, as the reader asks) on
  an already open document, in this process;
* ``reader``: a real :class:`DocumentReader` whose page cache was just emptied:
  from ``go_to_page`` to the end of the first paint that draws the page's render
  (queueing, the worker thread, the QImage copy, the signal and the paint);
* ``pdftoppm``: one ``pdftoppm -r DPI -f n -l n file`` process per page (output
  discarded). Its fixed start-up cost is measured on a tiny 1-page PDF.

``pymupdf_vs_pdftoppm`` (the target's ratio, ≤ 0.5) compares the in-process
render with the whole pdftoppm process, as a caller choosing between the two
would experience it; ``pymupdf_vs_pdftoppm_startup_corrected`` subtracts the
tiny-PDF time and so compares the two render engines alone.

A second process pages through the generated document under a ``--cache-mb``
cap: prefetched page turns (next page already cached → painted) and memory.
One JSON object per result on stdout; a table on stderr.
"""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pymupdf

from bench._reader_probe import (
    DEFAULT_SIZE,
    PaintProbe,
    close_reader,
    generated_pdf,
    new_reader,
    open_document,
    settle,
)
from meetingroom.core.pdf.document import PdfDocument
from meetingroom.core.pdf.errors import PdfOpenError

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "pdfs"
TARGETS = {"reader_vs_raw": 1.25, "pymupdf_vs_pdftoppm": 0.5, "prefetched_turn_ms": 16.0}
STARTUP_RUNS = 9


def note(message: str) -> None:
    print(f"# {message}", file=sys.stderr, flush=True)


def emit(result: dict[str, object]) -> None:
    print(json.dumps(result, ensure_ascii=False), flush=True)


# --- pdftoppm ------------------------------------------------------------------------

def ensure_pdftoppm(install: bool) -> str | None:
    """The pdftoppm binary, installing poppler-utils with apt-get when it is missing."""
    found = shutil.which("pdftoppm")
    if found or not install:
        if not found:
            note("pdftoppm not found and --no-install given: pdftoppm columns are null")
        return found
    apt = shutil.which("apt-get")
    if apt is None:
        note("pdftoppm not found and apt-get is unavailable: install poppler-utils yourself "
             "(e.g. `brew install poppler`, `dnf install poppler-utils`); pdftoppm columns "
             "are null")
        return None
    prefix: list[str] = []
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        sudo = shutil.which("sudo")
        if sudo is None:
            note("pdftoppm not found; installing poppler-utils needs root and sudo is missing: "
                 "run `apt-get install -y poppler-utils` as root; pdftoppm columns are null")
            return None
        prefix = [sudo, "-n"]
    note("pdftoppm not found: installing poppler-utils with apt-get (needs network)…")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install_cmd = [*prefix, apt, "install", "-y", "-q", "poppler-utils"]
    done = subprocess.run(install_cmd, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:  # a fresh machine has no package lists yet
        subprocess.run([*prefix, apt, "update", "-q"], env=env, capture_output=True,
                       check=False)
        done = subprocess.run(install_cmd, env=env, capture_output=True, text=True,
                              check=False)
    found = shutil.which("pdftoppm")
    if found is None:
        note(f"installing poppler-utils failed ({done.returncode}): "
             f"{done.stderr.strip()[-300:]}; pdftoppm columns are null")
    return found


def pdftoppm_ms(binary: str, path: Path, page: int, dpi: float) -> float | None:
    """Wall time of one pdftoppm process rendering one page (1-based) to PPM, discarded."""
    command = [binary, "-r", f"{dpi:.3f}", "-f", str(page), "-l", str(page), str(path)]
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                          check=False)
    elapsed = (time.perf_counter() - start) * 1000
    return elapsed if done.returncode == 0 else None


def tiny_pdf(folder: Path) -> Path:
    doc = pymupdf.open()
    doc.new_page(width=8, height=8)
    path = folder / "tiny.pdf"
    doc.save(path)
    doc.close()
    return path


# --- one document --------------------------------------------------------------------

@dataclass
class DocResult:
    name: str
    pages: int
    dpi: float
    raw_ms: list[float] = field(default_factory=list)
    words_ms: list[float] = field(default_factory=list)
    reader_ms: list[float] = field(default_factory=list)
    reader_rendered_ms: list[float] = field(default_factory=list)
    paint_ms: list[float] = field(default_factory=list)
    pdftoppm_ms: list[float] = field(default_factory=list)
    failed_pages: int = 0


def measure_document(
    name: str, path: Path, data: bytes, args: argparse.Namespace, pdftoppm: str | None
) -> DocResult | None:
    try:
        PdfDocument.open(data).close()
    except PdfOpenError as exc:
        note(f"skipped {name}: {exc.message}")
        return None
    reader = new_reader((args.width, args.height), cache_mb=256)
    try:
        open_document(reader, data)
        probe = PaintProbe(reader)
        scale = reader.canvas.scale_key()
        info = reader.document_info()
        assert info is not None
        count = min(info.page_count, args.max_pages_per_file or info.page_count)
        result = DocResult(name, count, round(72 * scale, 3))
        raw_doc = pymupdf.open(stream=data, filetype="pdf")
        words_doc = pymupdf.open(stream=data, filetype="pdf")
        matrix = pymupdf.Matrix(scale, scale)
        for index in range(count):
            start = time.perf_counter()
            try:
                raw_doc.load_page(index).get_pixmap(matrix=matrix, alpha=False,
                                                    colorspace=pymupdf.csRGB)
            except Exception:
                result.failed_pages += 1
                continue
            result.raw_ms.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            words_doc.load_page(index).get_text("words")
            result.words_ms.append((time.perf_counter() - start) * 1000)

            settle(reader)
            reader.canvas.cache().clear()  # the page must really be rendered, not prefetched
            turn = probe.turn(index)
            result.reader_ms.append(turn.total_ms)
            if turn.rendered_ms is not None:
                result.reader_rendered_ms.append(turn.rendered_ms)
            result.paint_ms.append(turn.paint_ms)

            if pdftoppm is not None:
                elapsed = pdftoppm_ms(pdftoppm, path, index + 1, result.dpi)
                if elapsed is not None:
                    result.pdftoppm_ms.append(elapsed)
        raw_doc.close()
        words_doc.close()
        return result
    finally:
        close_reader(reader)


# --- reporting -----------------------------------------------------------------------

def _median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def _ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 3) if a is not None and b else None


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def summarise(label: str, docs: Sequence[DocResult], startup_ms: float | None,
              kind: str) -> dict[str, object]:
    raw = [t for d in docs for t in d.raw_ms]
    reader = [t for d in docs for t in d.reader_ms]
    ppm = [t for d in docs for t in d.pdftoppm_ms]
    raw_m, reader_m, ppm_m = _median(raw), _median(reader), _median(ppm)
    corrected = (
        max(ppm_m - startup_ms, 0.01) if ppm_m is not None and startup_ms is not None else None
    )
    per_page = [r / w for d in docs for r, w in zip(d.reader_ms, d.raw_ms, strict=False) if w]
    return {
        "bench": "pdf_render",
        "result": kind,
        "name": label,
        "files": len(docs),
        "pages": len(raw),
        "dpi": docs[0].dpi if len({d.dpi for d in docs}) == 1 else None,
        "raw_p50_ms": _r(raw_m),
        "words_p50_ms": _r(_median([t for d in docs for t in d.words_ms])),
        "reader_p50_ms": _r(reader_m),
        "reader_rendered_p50_ms": _r(_median([t for d in docs for t in d.reader_rendered_ms])),
        "reader_paint_p50_ms": _r(_median([t for d in docs for t in d.paint_ms])),
        "pdftoppm_p50_ms": _r(ppm_m),
        "pdftoppm_startup_ms": _r(startup_ms),
        "reader_vs_raw": _ratio(reader_m, raw_m),
        "reader_vs_raw_per_page_p50": _r(_median(per_page)),
        "pymupdf_vs_pdftoppm": _ratio(raw_m, ppm_m),
        "pymupdf_vs_pdftoppm_startup_corrected": _ratio(raw_m, corrected),
        "failed_pages": sum(d.failed_pages for d in docs),
    }


def _cell(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def table(rows: Sequence[dict[str, object]], paging: dict[str, object] | None) -> None:
    columns = ["name", "pages", "dpi", "raw_p50_ms", "words_p50_ms", "reader_p50_ms",
               "reader_paint_p50_ms", "pdftoppm_p50_ms", "reader_vs_raw",
               "pymupdf_vs_pdftoppm", "pymupdf_vs_pdftoppm_startup_corrected"]
    heads = ["document", "pages", "dpi", "raw", "words", "reader", "paint", "pdftoppm",
             "rdr/raw", "mu/ppm", "mu/ppm-su"]
    widths = [max([len(h)] + [min(38, len(_cell(r.get(c)))) for r in rows])
              for h, c in zip(heads, columns, strict=True)]
    out = sys.stderr
    print("\nper-page medians in ms (raw: PyMuPDF get_pixmap; reader: go_to_page → painted)",
          file=out)
    print("  ".join(h.ljust(w) for h, w in zip(heads, widths, strict=True)), file=out)
    for row in rows:
        cells = [_cell(row.get(c))[:38] if c == "name" else _cell(row.get(c)) for c in columns]
        print("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)), file=out)
    if paging:
        print(
            f"\npaging {paging['pages']} pages at {paging['dpi']} dpi, cache cap "
            f"{paging['cache_cap_mb']} MB: prefetched turn p50 "
            f"{_cell(paging['prefetched_turn_p50_ms'])} ms (p95 "
            f"{_cell(paging['prefetched_turn_p95_ms'])}, {paging['turns_prefetched']} turns; "
            f"{paging['turns_not_prefetched']} turns found the next page not prefetched, p50 "
            f"{_cell(paging['not_prefetched_turn_p50_ms'])} ms); cache peak "
            f"{_cell(paging['cache_peak_mb'])} MB; VmHWM {_cell(paging['vmhwm_mb'])} MB "
            f"(+{_cell(paging.get('growth_while_paging_mb'))} MB while paging)", file=out)


def verdicts(overall: dict[str, object], paging: dict[str, object] | None) -> dict[str, object]:
    def check(value: object, limit: float) -> bool | None:
        return None if not isinstance(value, (int, float)) else float(value) <= limit

    turn = paging.get("prefetched_turn_p50_ms") if paging else None
    return {
        "bench": "pdf_render",
        "result": "targets",
        "reader_vs_raw": overall.get("reader_vs_raw"),
        "reader_vs_raw_ok": check(overall.get("reader_vs_raw"), TARGETS["reader_vs_raw"]),
        "pymupdf_vs_pdftoppm": overall.get("pymupdf_vs_pdftoppm"),
        "pymupdf_vs_pdftoppm_ok": check(overall.get("pymupdf_vs_pdftoppm"),
                                        TARGETS["pymupdf_vs_pdftoppm"]),
        "pymupdf_vs_pdftoppm_startup_corrected_ok": check(
            overall.get("pymupdf_vs_pdftoppm_startup_corrected"),
            TARGETS["pymupdf_vs_pdftoppm"]),
        "prefetched_turn_p50_ms": turn,
        "prefetched_turn_ok": check(turn, TARGETS["prefetched_turn_ms"]),
        "cache_under_cap": paging.get("cache_under_cap") if paging else None,
    }


# --- main ----------------------------------------------------------------------------

def run_paging(args: argparse.Namespace) -> dict[str, object] | None:
    command = [sys.executable, "-m", "bench._reader_probe", "paging", "--pages",
               str(args.pages), "--cache-mb", str(args.cache_mb), "--width", str(args.width),
               "--height", str(args.height)]
    done = subprocess.run(command, capture_output=True, text=True, check=False,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        note(f"the paging run failed ({done.returncode}): {done.stderr.strip()[-500:]}")
        return None
    result: dict[str, object] = json.loads(lines[-1])
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.pdf_render",
                                     description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--pages", type=int, default=300, help="pages of the generated document")
    parser.add_argument("--files", type=int, default=0,
                        help="use only the first N corpus files (0: all)")
    parser.add_argument("--max-pages-per-file", type=int, default=0,
                        help="render at most N pages of each corpus file (0: all)")
    parser.add_argument("--cache-mb", type=int, default=64,
                        help="page-cache cap while paging the generated document")
    parser.add_argument("--width", type=int, default=DEFAULT_SIZE[0])
    parser.add_argument("--height", type=int, default=DEFAULT_SIZE[1])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--no-install", action="store_true",
                        help="do not apt-get install poppler-utils when pdftoppm is missing")
    args = parser.parse_args(argv)

    pdftoppm = ensure_pdftoppm(not args.no_install)
    rows: list[dict[str, object]] = []
    corpus_docs: list[DocResult] = []
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp:
        folder = Path(tmp)
        startup: float | None = None
        if pdftoppm is not None:
            tiny = tiny_pdf(folder)
            times = [pdftoppm_ms(pdftoppm, tiny, 1, 72.0) for _ in range(STARTUP_RUNS)]
            startup = _median([t for t in times if t is not None])
            emit({"bench": "pdf_render", "result": "pdftoppm_startup", "runs": STARTUP_RUNS,
                  "pdftoppm_startup_ms": _r(startup)})

        files = sorted(args.corpus.glob("*.pdf")) if args.corpus.is_dir() else []
        if not files:
            note(f"no corpus PDFs in {args.corpus}: only the generated document is measured")
        if args.files:
            files = files[: args.files]
        for path in files:
            data = path.read_bytes()
            probe_doc = None
            try:
                probe_doc = pymupdf.open(stream=data, filetype="pdf")
                if probe_doc.needs_pass:
                    note(f"skipped {path.name}: encrypted (needs a password)")
                    continue
            except Exception as exc:
                note(f"skipped {path.name}: cannot open ({exc})")
                continue
            finally:
                if probe_doc is not None:
                    probe_doc.close()
            doc = measure_document(path.name, path, data, args, pdftoppm)
            if doc is None or not doc.raw_ms:
                continue
            corpus_docs.append(doc)
            row = summarise(path.name, [doc], startup, "document")
            emit(row)
            rows.append(row)

        generated = folder / f"generated-{args.pages}.pdf"
        data = generated_pdf(args.pages)
        generated.write_bytes(data)
        gen = measure_document(generated.name, generated, data, args, pdftoppm)
        gen_docs = [gen] if gen is not None else []
        for label, docs in ((generated.name, gen_docs),
                            ("corpus (all pages)", corpus_docs),
                            ("all pages", corpus_docs + gen_docs)):
            if docs:
                row = summarise(label, docs, startup, "document" if docs is gen_docs
                                else "summary")
                emit(row)
                rows.append(row)

    paging = run_paging(args)
    if paging is not None:
        emit(paging)
    overall = rows[-1] if rows else {}
    emit(verdicts(overall, paging))
    table(rows, paging)
    return 0


if __name__ == "__main__":
    sys.exit(main())
