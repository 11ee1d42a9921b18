"""A hall logs in at once: password logins, and token resumes during a flood of wrong passwords.

    python -m bench.login_storm [--logins 100] [--resumes 100] [--flood 100] [--db URL]

A real ChairServer runs in its own process (SQLite in a temporary folder unless
``--db`` names a database). Then, all from this process with the real client:

1. **storm**: ``--logins`` connections send a password ``login`` at the same moment
   (every account's hash is Argon2id with the server's parameters); measured from the
   first request sent to the last reply, and each login's own latency;
2. **resume peer**: ``--resumes`` connections ``resume`` a token at once, nothing else
   running;
3. **resume under flood**: ``--flood`` connections (each from its own loopback address,
   so the per-address throttle does not stop them early) keep sending wrong passwords
   for unknown usernames (each one still costs a full hash against the dummy); while
   the password threads are busy, ``--resumes`` fresh connections resume at once.

The peer for the logins is one Argon2 verification on one core in this process
(``hash_ms``): ``storm_s`` cannot be below ``logins × hash_ms / cores``.

stdout: one JSON line; stderr: a table.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import argon2

from bench._common import (
    emit,
    note,
    percentile,
    raise_open_files,
    recv,
    rounded,
    seed_hall,
    serve_chair,
    table,
)
from bench.sync_scale import _start
from meetingroom.server.passwords import hash_password, verify_password
from meetingroom.server.storage.database import Database
from meetingroom.sync.client.chair_client import ChairClient, ServerError

PASSWORD = "bench-password-2026"
TIMEOUT = 300.0


def _ms(values: list[int], q: float) -> float | None:
    return rounded(percentile(values, q) / 1e6, 1) if values else None


async def _connect(url: str, count: int, address: str | None = None) -> list[ChairClient]:
    async def one(n: int) -> ChairClient:
        local = address or None
        client = ChairClient(url, timeout=TIMEOUT, local_address=local)
        await client.connect()
        return client
    return list(await asyncio.gather(*(one(n) for n in range(count))))


async def _timed(calls: list[Any]) -> tuple[float, list[int], int]:
    """Run the calls at once: (seconds first sent -> last answered, each one's ns, errors)."""
    latencies: list[int] = []
    errors = 0

    async def one(call: Any) -> None:
        nonlocal errors
        started = time.perf_counter_ns()
        try:
            await call
        except (ServerError, OSError, TimeoutError):
            errors += 1
            return
        latencies.append(time.perf_counter_ns() - started)

    started = time.perf_counter()
    await asyncio.gather(*(one(c) for c in calls))
    return time.perf_counter() - started, latencies, errors


async def _flood(url: str, count: int, stop: asyncio.Event, answered: list[str],
                 busy: asyncio.Event) -> None:
    """Wrong passwords from ``count`` addresses, one connection each, until ``stop``."""
    async def attacker(n: int) -> None:
        address = f"127.0.{1 + n // 250}.{2 + n % 250}"
        async with ChairClient(url, timeout=TIMEOUT, local_address=address) as client:
            for attempt in range(25):  # under the per-address limit (30 in 10 minutes)
                if stop.is_set():
                    return
                try:
                    await client.login(f"nobody-{n}-{attempt}", "wrong password")
                except ServerError as exc:
                    answered.append(str(exc.code))
                    if len(answered) >= min(count, 20):
                        busy.set()
    await asyncio.gather(*(attacker(n) for n in range(count)), return_exceptions=True)
    busy.set()


async def run(logins: int, resumes: int, flood: int, db_url: str | None,
              server_log: str) -> dict[str, Any]:
    raise_open_files()
    hasher = argon2.extract_parameters(hash_password(PASSWORD))
    sample = hash_password(PASSWORD)
    started = time.perf_counter()
    for _ in range(5):
        verify_password(sample, PASSWORD)
    hash_ms = (time.perf_counter() - started) / 5 * 1000
    with tempfile.TemporaryDirectory(prefix="mr-bench-") as tmp:
        url = db_url or f"sqlite:///{Path(tmp) / 'bench.db'}"
        db = Database(url)
        hall = seed_hall(db, max(logins, resumes), password=PASSWORD)
        db.dispose()
        server_proc, server_conn = _start(serve_chair, url, str(Path(tmp) / "blobs"),
                                          server_log)
        _, port, server_pid = await recv(server_conn)
        ws_url = f"ws://127.0.0.1:{port}"
        note(f"chair server pid {server_pid} at {ws_url}; Argon2id m={hasher.memory_cost} KiB "
             f"t={hasher.time_cost} p={hasher.parallelism}, one verify {hash_ms:.1f} ms")
        try:
            names = [name for name, _ in hall.delegates]
            tokens = [token for _, token in hall.delegates]
            clients = await _connect(ws_url, logins)
            storm_s, storm, storm_errors = await _timed(
                [c.login(name, PASSWORD) for c, name in zip(clients, names, strict=False)])
            note(f"storm: {logins} logins in {storm_s:.2f} s")
            for client in clients:
                await client.close()

            clients = await _connect(ws_url, resumes)
            quiet_s, quiet, quiet_errors = await _timed(
                [c.resume(t) for c, t in zip(clients, tokens, strict=False)])
            for client in clients:
                await client.close()

            stop = asyncio.Event()
            answered: list[str] = []
            busy = asyncio.Event()
            flooding = asyncio.create_task(_flood(ws_url, flood, stop, answered, busy))
            clients = await _connect(ws_url, resumes)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(busy.wait(), 60)  # the password threads are busy now
            before = len(answered)
            flood_s, flooded, flood_errors = await _timed(
                [c.resume(t) for c, t in zip(clients, tokens, strict=False)])
            during = len(answered) - before
            stop.set()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(flooding, 120)
            for client in clients:
                await client.close()
        finally:
            server_conn.send("stop")
            server_proc.join(60)
            if server_proc.is_alive():
                server_proc.kill()
    return {
        "argon2": f"id m={hasher.memory_cost}KiB t={hasher.time_cost} p={hasher.parallelism}",
        "hash_ms": round(hash_ms, 1),
        "logins": logins,
        "storm_s": round(storm_s, 2),
        "login_p50_ms": _ms(storm, 50),
        "login_p99_ms": _ms(storm, 99),
        "login_errors": storm_errors,
        "storm_floor_s": round(logins * hash_ms / 1000 / (os.cpu_count() or 1), 2),
        "resumes": resumes,
        "resume_quiet_s": round(quiet_s, 2),
        "resume_quiet_p99_ms": _ms(quiet, 99),
        "resume_flood_s": round(flood_s, 2),
        "resume_flood_p50_ms": _ms(flooded, 50),
        "resume_flood_p99_ms": _ms(flooded, 99),
        "resume_errors": quiet_errors + flood_errors,
        "flood_connections": flood,
        "wrong_passwords_answered_meanwhile": during,
        "wrong_password_codes": sorted(set(answered)),
    }


COLUMNS = ["argon2", "hash_ms", "logins", "storm_s", "login_p99_ms", "storm_floor_s",
           "resume_quiet_p99_ms", "resume_flood_p50_ms", "resume_flood_p99_ms",
           "wrong_passwords_answered_meanwhile"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.login_storm", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--logins", type=int, default=100)
    parser.add_argument("--resumes", type=int, default=100)
    parser.add_argument("--flood", type=int, default=100,
                        help="connections sending wrong passwords during the resumes")
    parser.add_argument("--db", default=None, help="database URL (default: temporary SQLite)")
    parser.add_argument("--server-log-level", default="error")
    args = parser.parse_args(argv)
    result = asyncio.run(run(args.logins, args.resumes, args.flood, args.db,
                             args.server_log_level))
    emit(result)
    table([result], COLUMNS, f"login_storm ({os.cpu_count()} cores; times in ms unless _s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
