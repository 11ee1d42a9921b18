"""The benchmarks still run: tiny sizes, real processes, the JSON they promise.

Not a performance test: nothing here is timed. A benchmark that hangs is stopped by
the subprocess timeout, a ceiling far above any run on a busy machine, not a
measurement.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 1, done.stdout
    result: dict[str, Any] = json.loads(lines[0])
    assert done.stderr.strip(), "the readable table goes to stderr"
    return result


@pytest.mark.timeout(660)
def test_sync_scale_runs_small() -> None:
    result = _run("bench.sync_scale", "--delegates", "5", "--votes", "1", "--processes", "2")
    for key in ("delegates", "connect_s", "vote_open_p50_ms", "vote_open_p99_ms",
                "tally_p99_ms", "lost_ballots", "server_rss_mb", "baseline_vote_open_p99_ms",
                "ratio_vs_baseline", "tally_all_p99_ms", "bytes_per_delegate_per_vote"):
        assert key in result, key
    assert result["delegates"] == 5
    assert result["ballots_not_seen_by_all"] == 0
    assert result["bytes_per_delegate_per_vote"] > 0
    assert result["lost_ballots"] == 0
    assert result["failed_ballots"] == 0
    assert result["missed_open_events"] == 0
    assert result["vote_open_p99_ms"] is not None
    assert result["server_rss_mb"] > 0


@pytest.mark.timeout(660)
def test_login_storm_runs_small() -> None:
    result = _run("bench.login_storm", "--logins", "4", "--resumes", "4", "--flood", "3")
    for key in ("argon2", "hash_ms", "storm_s", "login_p99_ms", "resume_quiet_p99_ms",
                "resume_flood_p99_ms"):
        assert key in result, key
    assert result["argon2"] == "id m=19456KiB t=2 p=1"
    assert result["login_errors"] == 0
    assert result["resume_errors"] == 0


@pytest.mark.timeout(660)
def test_docs_transfer_runs_small() -> None:
    result = _run("bench.docs_transfer", "--clients", "3", "--mb", "2", "--files", "2",
                  "--processes", "2")
    for key in ("clients", "throughput_mb_s", "raw_throughput_mb_s", "ratio_to_raw"):
        assert key in result, key
    assert result["clients"] == 3
    assert result["errors"] == 0
    assert result["complete"] is True
    assert result["throughput_mb_s"] > 0
