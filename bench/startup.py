"""Cold start of the client to a painted login window, and of the server to ``/healthz``.

    python -m bench.startup [--runs 5]

* client: a fresh process ``python -m bench._startup_client`` (the real
  ``meetingroom client`` entry point, offscreen, with empty settings, data and
  keyring folders) from ``Popen`` to the end of the login dialog's first paint;
  the client has no exit-when-shown switch, so the helper wraps the dialog's
  paintEvent in its own process and says so. ``client_interpreter_ms`` is the
  share before the helper's first line ran (Python itself).
* server: ``python -m meetingroom serve --db sqlite:///<tmp> --port 0`` from
  ``Popen`` to the first ``200`` from ``/healthz``, both on a new database
  (migrations run) and on one that already exists.

"Cold" means a new process each run; the OS file cache stays warm (dropping it
needs root and disturbs everything else on the machine). One JSON object per
result on stdout; a table on stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from pathlib import Path

TARGET_CLIENT_S = 1.5
TIMEOUT_S = 60.0


def emit(result: dict[str, object]) -> None:
    print(json.dumps(result, ensure_ascii=False), flush=True)


def _isolated_env(folder: Path) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(folder / "config"),
        "XDG_DATA_HOME": str(folder / "data"),
        "XDG_CACHE_HOME": str(folder / "cache"),
        "PYTHONUNBUFFERED": "1",
        "MEETINGROOM_LOG": "warning",
    }


def client_once(folder: Path) -> dict[str, float]:
    """Seconds from spawn to the login window painted, and to the process gone."""
    command = [sys.executable, "-m", "bench._startup_client", "--settings",
               str(folder / "settings.json"), "--data-dir", str(folder / "profiles"),
               "--server", "ws://127.0.0.1:9", "--user", "daibieu01"]
    spawned = time.time()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=_isolated_env(folder),
                            cwd=Path(__file__).resolve().parents[1])
    try:
        out, err = proc.communicate(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
    gone = time.time()
    stamps = dict(re.findall(r"^(started|imported|painted|cpu) ([\d.]+)$", out, re.M))
    if "painted" not in stamps:
        raise RuntimeError(f"the client did not show its login window ({proc.returncode}):\n"
                           f"{out}\n{err[-2000:]}")
    return {
        "window_s": float(stamps["painted"]) - spawned,
        "interpreter_s": float(stamps["started"]) - spawned,
        "exit_s": gone - spawned,
        "cpu_s": float(stamps.get("cpu", "nan")),
    }


def server_once(db: str, folder: Path) -> float:
    """Seconds from spawn to the first 200 from /healthz."""
    command = [sys.executable, "-m", "meetingroom", "serve", "--db", db, "--port", "0"]
    spawned = time.time()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=_isolated_env(folder))
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        match = re.search(r"health: (http\S+)\)", line)
        if match is None:
            raise RuntimeError(f"the server did not start: {line!r}")
        url = match[1]
        deadline = spawned + TIMEOUT_S
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    if response.status == 200:
                        return time.time() - spawned
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.002)
        raise RuntimeError(f"{url} did not answer within {TIMEOUT_S:.0f} s")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()
        if proc.stderr is not None:
            proc.stderr.close()


def _ms(values: Sequence[float]) -> dict[str, float]:
    ms = [v * 1000 for v in values]
    return {"p50_ms": round(statistics.median(ms), 1), "min_ms": round(min(ms), 1),
            "max_ms": round(max(ms), 1)}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.startup")
    parser.add_argument("--runs", type=int, default=5, help="starts of each kind")
    args = parser.parse_args(argv)
    runs = max(1, args.runs)
    rows: list[tuple[str, dict[str, object]]] = []
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        root = Path(tmp)
        client = [client_once(Path(tempfile.mkdtemp(dir=root))) for _ in range(runs)]
        window = _ms([c["window_s"] for c in client])
        result: dict[str, object] = {
            "bench": "startup", "result": "client_login_window", "runs": runs, **window,
            "interpreter_p50_ms": _ms([c["interpreter_s"] for c in client])["p50_ms"],
            "process_exit_p50_ms": _ms([c["exit_s"] for c in client])["p50_ms"],
            "cpu_p50_ms": _ms([c["cpu_s"] for c in client])["p50_ms"],
            "load_avg_1m": round(os.getloadavg()[0], 2),
            "cpus": os.cpu_count(),
            "target_ms": TARGET_CLIENT_S * 1000,
            "target_ok": window["p50_ms"] <= TARGET_CLIENT_S * 1000,
            "how": "bench._startup_client: meetingroom.cli.main(['client', ...]) with "
                   "LoginDialog.paintEvent wrapped to exit after the first paint",
        }
        emit(result)
        rows.append(("client → login window painted", result))

        fresh = []
        folder = Path(tempfile.mkdtemp(dir=root))
        for index in range(runs):
            fresh.append(server_once(f"sqlite:///{folder / f'new-{index}.db'}", folder))
        result = {"bench": "startup", "result": "server_healthz_new_db", "runs": runs,
                  **_ms(fresh)}
        emit(result)
        rows.append(("server → /healthz (new database)", result))

        db = f"sqlite:///{folder / 'new-0.db'}"  # created and migrated above
        existing = [server_once(db, folder) for _ in range(runs)]
        result = {"bench": "startup", "result": "server_healthz_existing_db", "runs": runs,
                  **_ms(existing)}
        emit(result)
        rows.append(("server → /healthz (existing database)", result))

    out = sys.stderr
    print(f"\nstart-up, {runs} runs each (ms)", file=out)
    print(f"{'what':40}  {'p50':>8}  {'min':>8}  {'max':>8}", file=out)
    for label, row in rows:
        print(f"{label:40}  {row['p50_ms']:>8}  {row['min_ms']:>8}  {row['max_ms']:>8}",
              file=out)
    client_row = rows[0][1]
    print(f"client: interpreter start p50 {client_row['interpreter_p50_ms']} ms, CPU time to "
          f"the window p50 {client_row['cpu_p50_ms']} ms (load {client_row['load_avg_1m']} on "
          f"{client_row['cpus']} cores); target "
          f"≤ {TARGET_CLIENT_S * 1000:.0f} ms: {'ok' if client_row['target_ok'] else 'MISSED'}",
          file=out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
