"""bench.relay_scale still runs: a province, two hall relays, two laptops each, 1 MB.

Not a performance test: nothing is timed; the subprocess timeout only stops a hang.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.timeout(660)
def test_relay_scale_runs_small() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bench.relay_scale", "--halls", "2", "--laptops", "2",
         "--mb", "1", "--votes", "2", "--vote-gap", "0.2", "--processes", "1",
         "--laptop-processes", "1"],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 1, done.stdout
    result: dict[str, Any] = json.loads(lines[0])
    assert "relay_scale" in done.stderr, "the readable table goes to stderr"
    for key in ("halls", "laptops", "connect_s", "vote_open_p50_ms", "vote_open_p99_ms",
                "upstream_copies_per_hall", "ratio_upstream_copies", "per_hall_rss_mb",
                "province_rss_mb", "lost_ballots"):
        assert key in result, key
    assert (result["halls"], result["laptops"]) == (2, 2)
    assert result["relays_linked"] == 2
    assert result["connect_errors"] == result["missed_open_events"] == 0
    assert result["vote_open_p99_ms"] is not None
    assert result["lost_ballots"] == 0
    assert result["failed_ballots"] == 0
    assert result["ballots_counted"] == 8  # two votes of four, a pause between them
    assert result["vote_gap_s"] == 0.2
    assert result["doc_errors"] == 0
    # One copy of the packet crossed each hall's uplink, however many laptops read it.
    assert result["upstream_copies_per_hall"] == pytest.approx(1.0, abs=0.01)
    assert result["upstream_copies_max"] == pytest.approx(1.0, abs=0.01)
    assert result["ratio_upstream_copies"] == pytest.approx(1.0, abs=0.01)
    assert result["per_hall_rss_mb"] > 0
    assert result["province_rss_mb"] > 0
