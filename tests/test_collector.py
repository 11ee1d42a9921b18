"""A server process collects garbage for a server's heap (``sync/serving/collector.py``).

Run in a child process: freezing the collector's generations is for the whole process,
and the test process must keep Python's defaults."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SERVE = """
import asyncio, gc, json, os, signal, sys
from meetingroom.server.service import MeetingService
from meetingroom.server.storage.database import Database
from meetingroom.sync.serving.endpoint import ChairServer, run
from meetingroom.sync.serving.socket_server import ServerConfig

before = gc.get_threshold()

def ready(server: ChairServer) -> None:
    print(json.dumps({"before": before, "after": gc.get_threshold(),
                      "frozen": gc.get_freeze_count(), "port": server.port}), flush=True)
    os.kill(os.getpid(), signal.SIGTERM)  # serve_until_signalled stops as it would

service = MeetingService(Database("sqlite:///" + sys.argv[1]))
asyncio.run(run(service, ServerConfig(host="127.0.0.1", port=0), ready))
"""


def test_the_served_process_collects_less_often_and_freezes_its_start_up(
        tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", SERVE, str(tmp_path / "hall.db")],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["port"] > 0
    assert seen["before"] == [700, 10, 10]  # Python's defaults, until the server is up
    from meetingroom.sync.serving.collector import MIDDLE, OLD, YOUNG

    assert seen["after"] == [YOUNG, MIDDLE, OLD]
    assert seen["frozen"] > 10_000  # the imports and the schema: never walked again
