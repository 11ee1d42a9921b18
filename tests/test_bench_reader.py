"""Smoke test of the render and start-up benchmarks at tiny sizes: they run and report.

Numbers are not asserted (a shared machine makes them noisy); the fields are.
pdftoppm is used if installed; the test never installs it (--no-install).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> list[dict[str, object]]:
    done = subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=100,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, done.stderr[-3000:]
    assert "\n" in done.stderr  # the human-readable table
    return lines


def _by_result(lines: list[dict[str, object]], result: str) -> list[dict[str, object]]:
    return [line for line in lines if line.get("result") == result]


def test_pdf_render_reports_every_field() -> None:
    lines = _run("bench.pdf_render", "--pages", "5", "--files", "2",
                 "--max-pages-per-file", "2", "--no-install")
    documents = _by_result(lines, "document")
    assert any(str(d["name"]).startswith("generated-5") for d in documents)
    for row in documents + _by_result(lines, "summary"):
        for key in ("raw_p50_ms", "reader_p50_ms", "pdftoppm_p50_ms", "reader_vs_raw",
                    "pymupdf_vs_pdftoppm", "pymupdf_vs_pdftoppm_startup_corrected", "dpi"):
            assert key in row, (key, row)
        assert isinstance(row["reader_vs_raw"], float)
    (paging,) = _by_result(lines, "paging")
    for key in ("prefetched_turn_p50_ms", "cache_peak_mb", "cache_cap_mb", "vmhwm_mb",
                "turns_prefetched"):
        assert key in paging, key
    assert paging["cache_under_cap"] is True
    (targets,) = _by_result(lines, "targets")
    assert {"reader_vs_raw_ok", "pymupdf_vs_pdftoppm_ok", "prefetched_turn_ok"} <= set(targets)


def test_startup_reports_client_and_server() -> None:
    lines = _run("bench.startup", "--runs", "1")
    (client,) = _by_result(lines, "client_login_window")
    assert isinstance(client["p50_ms"], float)
    assert client["p50_ms"] > 0
    assert {"cpu_p50_ms", "target_ok", "interpreter_p50_ms"} <= set(client)
    for result in ("server_healthz_new_db", "server_healthz_existing_db"):
        (server,) = _by_result(lines, result)
        assert isinstance(server["p50_ms"], float)
        assert server["p50_ms"] > 0
