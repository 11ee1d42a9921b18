"""bench.weak_link still runs: three delegates behind the shaping proxy, one vote, a short
outage. Not a performance test: nothing is timed except a ceiling that catches a hang."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.timeout(200)
def test_weak_link_runs_small() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bench.weak_link", "--delegates", "3", "--kbit", "256",
         "--delay", "0.02", "--jitter", "0.01", "--votes", "3", "--between", "3",
         "--outage", "3",
         "--packet-kb", "60", "--census"],
        cwd=ROOT, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 1, done.stdout
    result: dict[str, Any] = json.loads(lines[0])
    assert "weak_link" in done.stderr, "the readable table goes to stderr"
    census = done.stderr.split("by phase and kind", 1)[-1]
    for kind in ("file data", "event:vote.opened", "reply:command"):
        assert kind in census, f"the census counts {kind}"
    assert result["ballots"] == 9
    assert result["lost"] == result["duplicated"] == 0
    assert result["back_p99_s"] is not None, "every laptop came back after the outage"
    for key in ("ballot_p50_s", "ballot_p99_s", "prefetch_share", "prefetch_share_carrying",
                "kept_kb", "spurious_disconnects"):
        assert key in result, key
