"""How the chair server holds up as the hall grows: connect, check in, vote, against a bare peer.

    python -m bench.sync_scale --delegates 1000 [--db URL] [--votes V] [--processes P]

A real ChairServer runs in its own process (SQLite in a temporary folder unless
``--db`` names a database); N simulated delegates use the real ``ChairClient``,
spread over P worker processes. Logins are made directly in the database and
the clients ``resume`` (N Argon2 logins at ~170 ms each would only measure the
hash). Each delegate subscribes, checks in, and casts a ballot as soon as it
sees ``vote.opened`` (the storm: a whole hall in the same instant), or, with
``--press-over S``, after its own random pause of up to S seconds, as people
press; the chair (in this process) creates, opens and closes V
votes. Afterwards the same N connections receive a same-sized broadcast from a
bare ``websockets.broadcast`` server, the peer the vote-open latency is
compared with. All times are ``time.time_ns()`` on one machine.

stdout: one JSON line per run; stderr: a table.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import contextlib
import json
import logging
import multiprocessing as mp
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.asyncio.server import ServerConnection, broadcast, serve
from websockets.exceptions import ConnectionClosed

from bench._common import (
    cpu_seconds,
    emit,
    memory_mb,
    note,
    percentile,
    raise_open_files,
    recv,
    rounded,
    seed_hall,
    serve_chair,
    settle_simulated_laptops,
    table,
)
from meetingroom.server.storage.database import Database
from meetingroom.sync.client.chair_client import ChairClient

log = logging.getLogger("bench.sync_scale")

#: How long one phase may take before the run reports what it has and moves on.
PHASE_TIMEOUT = 600.0
MS = 1e6


class StampedQueue(asyncio.Queue[dict[str, Any]]):
    """The client's event queue, stamping each event with its arrival time as it is parsed
    (and, for a ``CountingClient``, the bytes received on the connection so far)."""

    counter: CountingClient | None = None

    def put_nowait(self, item: dict[str, Any]) -> None:
        item["_recv_ns"] = time.time_ns()
        item["_bytes"] = self.counter.received_bytes if self.counter else 0
        super().put_nowait(item)


class CountingClient(ChairClient):
    """The real client, counting the bytes of every frame the server sends it."""

    received_bytes = 0

    def _dispatch(self, frame: str | bytes) -> None:
        self.received_bytes += len(frame.encode() if isinstance(frame, str) else frame)
        super()._dispatch(frame)


#: Events whose arrival means the delegate's counts include every ballot up to their seq.
COUNTING = frozenset({"progress", "vote.ballot_cast"})


# --- a simulated delegate ----------------------------------------------------------------


@dataclass(eq=False)
class Delegate:
    username: str
    token: str
    choice: int
    client: ChairClient | None = None
    user_id: int = 0
    meeting_id: int = 0
    opened_ns: dict[int, int] = field(default_factory=dict)
    cast_sent_ns: dict[int, int] = field(default_factory=dict)
    tally_ns: dict[int, int] = field(default_factory=dict)
    acked: set[int] = field(default_factory=set)
    failed: dict[int, str] = field(default_factory=dict)
    done: defaultdict[int, asyncio.Event] = field(
        default_factory=lambda: defaultdict(asyncio.Event))
    frame_bytes: dict[str, int] = field(default_factory=dict)
    tasks: set[asyncio.Task[None]] = field(default_factory=set)
    #: Per vote: the seq of this delegate's ballot and when it was sent.
    ballot_seq: dict[int, int] = field(default_factory=dict)
    #: Per vote: (seq, arrival ns) of every frame that carried counts.
    arrivals: defaultdict[int, list[tuple[int, int]]] = field(
        default_factory=lambda: defaultdict(list))
    #: Per vote: bytes received when it opened, and when its last count arrived.
    bytes_at_open: dict[int, int] = field(default_factory=dict)
    bytes_at_count: dict[int, int] = field(default_factory=dict)
    open_vote: int | None = None
    closed: defaultdict[int, asyncio.Event] = field(
        default_factory=lambda: defaultdict(asyncio.Event))
    #: Seconds between seeing a vote open and pressing: 0 for the storm (every seat at
    #: once), else this delegate's own draw from ``--press-over`` (a hall of people).
    think_s: float = 0.0

    async def open(self, url: str, meeting_id: int) -> None:
        client = CountingClient(url, timeout=PHASE_TIMEOUT, close_timeout=5)
        client.events = queue = StampedQueue()
        queue.counter = client
        await client.connect()
        self.client, self.meeting_id = client, meeting_id
        result = await client.resume(self.token)
        self.user_id = int(result["user"]["id"])
        await client.subscribe(meeting_id, last_seq=0)
        self._spawn(self._consume(client))

    def _spawn(self, coro: Any) -> None:
        task = asyncio.ensure_future(coro)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _consume(self, client: ChairClient) -> None:
        while True:
            event = await client.events.get()
            kind = event["event"]
            if kind not in self.frame_bytes and kind.startswith("vote."):
                copy = {k: v for k, v in event.items() if k != "_recv_ns"}
                self.frame_bytes[kind] = len(json.dumps(copy, ensure_ascii=False).encode())
            if kind in COUNTING and self.open_vote is not None:
                self.arrivals[self.open_vote].append((int(event["seq"]), event["_recv_ns"]))
                self.bytes_at_count[self.open_vote] = event["_bytes"]
            if kind in ("vote.stopped", "vote.closed"):
                self.closed[int(event["payload"]["vote"]["id"])].set()
                self.open_vote = None
            if kind == "vote.opened":
                vote_id = int(event["payload"]["vote"]["id"])
                if vote_id not in self.opened_ns:
                    self.opened_ns[vote_id] = event["_recv_ns"]
                    self.bytes_at_open[vote_id] = event["_bytes"]
                    self.open_vote = vote_id
                    self._spawn(self._cast(client, vote_id))
            elif kind == "vote.ballot_cast" and \
                    event["payload"]["member_user_id"] == self.user_id:
                vote_id = int(event["payload"]["vote_id"])
                self.tally_ns.setdefault(vote_id, event["_recv_ns"] - self.cast_sent_ns[vote_id])
                self._finish(vote_id)

    async def _cast(self, client: ChairClient, vote_id: int) -> None:
        if self.think_s:
            await asyncio.sleep(self.think_s)
        self.cast_sent_ns[vote_id] = time.time_ns()
        try:
            reply = await client.command(self.meeting_id, "vote.cast",
                                         {"vote_id": vote_id, "choice": self.choice})
        except Exception as exc:
            self.failed[vote_id] = f"{type(exc).__name__}: {exc}"[:200]
            self.done[vote_id].set()
            return
        if reply.get("accepted"):
            self.acked.add(vote_id)
            self.ballot_seq[vote_id] = int(reply["seq"])
        self._finish(vote_id)

    def _finish(self, vote_id: int) -> None:
        if vote_id in self.tally_ns and (vote_id in self.acked or vote_id in self.failed):
            self.done[vote_id].set()

    async def check_in(self) -> None:
        assert self.client is not None
        await self.client.command(self.meeting_id, "attendance.check_in")

    async def close(self) -> None:
        for task in list(self.tasks):
            task.cancel()
        if self.client is not None:
            with contextlib.suppress(Exception):
                await self.client.close()


async def _bounded(coros: list[Any], limit: int) -> list[BaseException | None]:
    gate = asyncio.Semaphore(limit)

    async def one(coro: Any) -> BaseException | None:
        async with gate:
            try:
                await coro
            except Exception as exc:
                return exc
            return None

    return list(await asyncio.gather(*(one(c) for c in coros)))


def _errors(outcomes: list[BaseException | None]) -> list[str]:
    return [f"{type(e).__name__}: {e}"[:200] for e in outcomes if e is not None]


def delegate_worker(accounts: list[tuple[str, str, int]], press_over: float,
                    conn: Connection) -> None:
    """Process entry point: a slice of the hall, driven by commands from the coordinator."""
    raise_open_files()
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    asyncio.run(_delegate_main(accounts, press_over, conn))


async def _delegate_main(accounts: list[tuple[str, str, int]], press_over: float,
                         conn: Connection) -> None:
    # Each delegate's pause is drawn from its name: the same hall presses the same way
    # in every run.
    delegates = [Delegate(name, token, choice,
                          think_s=random.Random(name).uniform(0, press_over))
                 for name, token, choice in accounts]
    conn.send(("ready",))
    try:
        while True:
            message = await recv(conn)
            match message:
                case ("connect", str(url), int(meeting_id), int(limit)):
                    errors = _errors(await _bounded(
                        [d.open(url, meeting_id) for d in delegates], limit))
                    settle_simulated_laptops()
                    conn.send(("connected", time.time_ns(), errors))
                case ("check_in", int(limit)):
                    errors = _errors(await _bounded(
                        [d.check_in() for d in delegates if d.client], limit))
                    conn.send(("checked_in", time.time_ns(), errors))
                case ("collect", int(vote_id), float(wait)):
                    conn.send(await _collect(delegates, vote_id, wait))
                case ("counts", int(vote_id), float(wait)):
                    conn.send(await _counts(delegates, vote_id, wait))
                case ("close",):
                    break
                case _:
                    raise ValueError(f"unknown message {message!r}")
    finally:
        await asyncio.gather(*(d.close() for d in delegates))
        conn.send(("closed",))


async def _collect(delegates: list[Delegate], vote_id: int, wait: float) -> dict[str, Any]:
    waits = [d.done[vote_id].wait() for d in delegates if d.client]
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(asyncio.gather(*waits), wait)
    sizes: dict[str, int] = {}
    for d in delegates:
        for kind, size in d.frame_bytes.items():
            sizes[kind] = max(sizes.get(kind, 0), size)
    return {
        "opened_ns": [d.opened_ns[vote_id] for d in delegates if vote_id in d.opened_ns],
        "tally_ns": [d.tally_ns[vote_id] for d in delegates if vote_id in d.tally_ns],
        "acked": [d.user_id for d in delegates if vote_id in d.acked],
        "failed": [d.failed[vote_id] for d in delegates if vote_id in d.failed],
        "missed_open": sum(1 for d in delegates if d.client and vote_id not in d.opened_ns),
        "frame_bytes": sizes,
    }


async def _counts(delegates: list[Delegate], vote_id: int, wait: float) -> dict[str, Any]:
    """After the vote closed: when each delegate saw which counts, and the bytes it took."""
    waits = [d.closed[vote_id].wait() for d in delegates if d.client]
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(asyncio.gather(*waits), wait)
    return {
        "ballots": [(d.ballot_seq[vote_id], d.cast_sent_ns[vote_id]) for d in delegates
                    if vote_id in d.ballot_seq],
        "arrivals": [d.arrivals[vote_id] for d in delegates if d.client],
        "bytes": [d.bytes_at_count[vote_id] - d.bytes_at_open[vote_id] for d in delegates
                  if vote_id in d.bytes_at_count and vote_id in d.bytes_at_open],
        "frames": [len(d.arrivals[vote_id]) for d in delegates if d.client],
    }


def seen_by_all(ballots: list[tuple[int, int]],
                arrivals: list[list[tuple[int, int]]]) -> tuple[list[int], int]:
    """For each ballot (seq, sent ns): ns from sent until every connection in ``arrivals``
    had a count that includes it (a frame with a seq at or after the ballot's); and how
    many ballots some connection never saw counted."""
    ballots = sorted(ballots)
    seqs = [seq for seq, _ in ballots]
    seen = [0] * len(ballots)
    unseen = [False] * len(ballots)
    for frames in arrivals:
        lo = 0
        for seq, ns in sorted(frames):
            hi = bisect.bisect_right(seqs, seq)
            for j in range(lo, hi):
                seen[j] = max(seen[j], ns)
            lo = max(lo, hi)
        for j in range(lo, len(ballots)):
            unseen[j] = True
    latencies = [seen[j] - sent for j, (_, sent) in enumerate(ballots) if not unseen[j]]
    return latencies, sum(unseen)


# --- the bare websockets peer ------------------------------------------------------------


def serve_baseline(conn: Connection) -> None:
    """Process entry point: a bare websockets server that broadcasts on a trigger."""
    raise_open_files()
    asyncio.run(_serve_baseline(conn))


async def _serve_baseline(conn: Connection) -> None:
    listeners: set[ServerConnection] = set()

    async def handle(ws: ServerConnection) -> None:
        if ws.request is not None and ws.request.path == "/trigger":
            async for frame in ws:
                order = json.loads(frame)
                pad = "x" * max(0, int(order["size"]) - 40)
                broadcast(listeners, json.dumps({"i": order["i"], "pad": pad}))
            return
        listeners.add(ws)
        try:
            await ws.wait_closed()
        finally:
            listeners.discard(ws)

    async with serve(handle, "127.0.0.1", 0) as server:
        port = next(iter(server.sockets)).getsockname()[1]
        conn.send(("ready", port, os.getpid()))
        with contextlib.suppress(EOFError):
            await recv(conn)


def baseline_worker(count: int, conn: Connection) -> None:
    raise_open_files()
    asyncio.run(_baseline_main(count, conn))


async def _baseline_main(count: int, conn: Connection) -> None:
    arrivals: list[dict[int, int]] = [{} for _ in range(count)]
    sockets: list[ClientConnection] = []
    readers: list[asyncio.Task[None]] = []
    counts: defaultdict[int, int] = defaultdict(int)
    everyone: defaultdict[int, asyncio.Event] = defaultdict(asyncio.Event)
    conn.send(("ready",))

    async def read(ws: ClientConnection, seen: dict[int, int]) -> None:
        with contextlib.suppress(ConnectionClosed):
            async for frame in ws:
                now = time.time_ns()
                i = int(json.loads(frame)["i"])  # parse it, as a client must
                seen[i] = now
                counts[i] += 1
                if counts[i] >= len(sockets):
                    everyone[i].set()

    async def open_one(url: str, n: int) -> None:
        ws = await connect(url, max_size=16 * 1024 * 1024, open_timeout=PHASE_TIMEOUT)
        sockets.append(ws)
        readers.append(asyncio.create_task(read(ws, arrivals[n])))

    try:
        while True:
            message = await recv(conn)
            match message:
                case ("connect", str(url), int(limit)):
                    errors = _errors(await _bounded(
                        [open_one(url, n) for n in range(count)], limit))
                    settle_simulated_laptops()  # as ours: the peer's clients alike
                    conn.send(("connected", time.time_ns(), errors))
                case ("collect", int(i), float(wait)):
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(everyone[i].wait(), wait)
                    conn.send({"opened_ns": [a[i] for a in arrivals if i in a]})
                case ("close",):
                    break
    finally:
        await asyncio.gather(*(ws.close() for ws in sockets), return_exceptions=True)
        for task in readers:
            task.cancel()
        conn.send(("closed",))


# --- the coordinator -----------------------------------------------------------------------


@dataclass
class Workers:
    procs: list[BaseProcess]
    conns: list[Connection]

    async def ready(self) -> None:
        await asyncio.gather(*(recv(c) for c in self.conns))

    async def ask(self, message: tuple[Any, ...]) -> list[Any]:
        for c in self.conns:
            c.send(message)
        return list(await asyncio.gather(*(recv(c) for c in self.conns)))

    async def close(self) -> None:
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.ask(("close",)), 60)
        for p in self.procs:
            p.join(10)
            if p.is_alive():
                p.kill()


def _start(target: Any, *args: Any) -> tuple[BaseProcess, Connection]:
    ctx = mp.get_context("spawn")
    ours, theirs = ctx.Pipe()
    # Not a daemon: the server in it starts child processes of its own (the document
    # check); the coordinator joins and kills every worker when it is done.
    proc = ctx.Process(target=target, args=(*args, theirs), daemon=False)
    proc.start()
    return proc, ours


def _spread(items: list[Any], parts: int) -> list[list[Any]]:
    return [items[n::parts] for n in range(parts) if items[n::parts]]


class Profiler:
    """Optional py-spy recordings of the server, one raw (collapsed-stack) file per phase,
    and of the simulated laptops' processes during the votes (``votes-laptopN.txt``):
    what a delegate sees late may be the laptops' own work, on the same cores."""

    def __init__(self, folder: str | None, pid: int, rate: int = 50) -> None:
        self.folder, self.pid, self.rate = folder, pid, rate
        #: The simulated laptops' processes, recorded in the votes phase only.
        self.laptops: list[int] = []
        self._procs: list[subprocess.Popen[bytes]] = []

    def start(self, phase: str) -> None:
        self.stop()
        if self.folder is None:
            return
        Path(self.folder).mkdir(parents=True, exist_ok=True)
        self._record(self.pid, f"{phase}.txt")
        if phase == "votes":
            for n, pid in enumerate(self.laptops):
                self._record(pid, f"{phase}-laptop{n}.txt")

    def _record(self, pid: int, name: str) -> None:
        assert self.folder is not None
        spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
        self._procs.append(subprocess.Popen(
            [spy, "record", "-p", str(pid), "-r", str(self.rate), "-f", "raw",
             "--nonblocking", "-o", str(Path(self.folder) / name)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))

    def stop(self) -> None:
        procs, self._procs = self._procs, []
        for proc in procs:
            proc.send_signal(signal.SIGINT)
        for proc in procs:
            proc.wait(60)


def _ms(values: list[int], q: float) -> float:
    return percentile([v / MS for v in values], q)


async def run(delegates: int, db_url: str | None, votes: int, processes: int,
              connect_limit: int, server_log: str,
              profile: str | None = None, press_over: float = 0.0,
              profile_rate: int = 50) -> dict[str, Any]:
    raise_open_files()
    with tempfile.TemporaryDirectory(prefix="mr-bench-") as tmp:
        url = db_url or f"sqlite:///{Path(tmp) / 'bench.db'}"
        started = time.monotonic()
        db = Database(url)
        hall = seed_hall(db, delegates)
        db.dispose()
        note(f"seeded {delegates} delegates in {time.monotonic() - started:.1f} s "
             f"(sessions made directly in the database; clients resume, no Argon2 login)")
        server_proc, server_conn = _start(serve_chair, url, str(Path(tmp) / "blobs"), server_log)
        _, port, server_pid = await recv(server_conn)
        ws_url = f"ws://127.0.0.1:{port}"
        note(f"chair server pid {server_pid} at {ws_url}")
        try:
            result = await _chair_run(hall, ws_url, server_pid, votes, processes, connect_limit,
                                      Profiler(profile and f"{profile}/n{delegates}",
                                               server_pid, profile_rate), press_over)
        finally:
            server_conn.send("stop")
            server_proc.join(60)
            if server_proc.is_alive():
                server_proc.kill()
        size = result.pop("_open_frame_bytes")
        if votes == 0:
            return result
        base_proc, base_conn = _start(serve_baseline)
        _, base_port, _ = await recv(base_conn)
        try:
            pairs = [_start(baseline_worker, len(part))
                     for part in _spread(list(range(delegates)), processes)]
            workers = Workers([p for p, _ in pairs], [c for _, c in pairs])
            await workers.ready()
            replies = await workers.ask(("connect", f"ws://127.0.0.1:{base_port}",
                                         max(1, connect_limit // processes)))
            base_errors = [e for r in replies for e in r[2]]
            latencies: list[int] = []
            async with connect(f"ws://127.0.0.1:{base_port}/trigger") as trigger:
                for i in range(max(votes, 3)):
                    await asyncio.sleep(0.2)
                    sent = time.time_ns()
                    await trigger.send(json.dumps({"i": i, "size": size}))
                    for reply in await workers.ask(("collect", i, 60.0)):
                        latencies += [t - sent for t in reply["opened_ns"]]
            await workers.close()
        finally:
            base_conn.send("stop")
            base_proc.join(30)
            if base_proc.is_alive():
                base_proc.kill()
        base_p99 = _ms(latencies, 99)
        result["baseline_vote_open_p99_ms"] = rounded(base_p99, 2)
        result["baseline_vote_open_p50_ms"] = rounded(_ms(latencies, 50), 2)
        result["baseline_frame_bytes"] = size
        result["baseline_errors"] = len(base_errors)
        open_p99 = result["vote_open_p99_ms"]
        result["ratio_vs_baseline"] = (round(open_p99 / base_p99, 2)
                                       if open_p99 is not None and base_p99 > 0 else None)
        return result


async def _chair_run(hall: Any, url: str, server_pid: int, votes: int, processes: int,
                     connect_limit: int, profiler: Profiler,
                     press_over: float) -> dict[str, Any]:
    chair = ChairClient(url, timeout=PHASE_TIMEOUT)
    chair.events = StampedQueue()
    await chair.connect()
    await chair.resume(hall.chair_token)
    await chair.subscribe(hall.meeting_id, last_seq=0)
    await chair.command(hall.meeting_id, "meeting.start")
    await chair.command(hall.meeting_id, "agenda.set_current", {"item_id": hall.item_id})
    chair_arrivals: list[tuple[int, int]] = []
    drain = asyncio.create_task(_drain(chair, chair_arrivals))
    accounts = [(name, token, n % 3) for n, (name, token) in enumerate(hall.delegates)]
    parts = _spread(accounts, processes)
    pairs = [_start(delegate_worker, part, press_over) for part in parts]
    workers = Workers([p for p, _ in pairs], [c for _, c in pairs])
    await workers.ready()
    profiler.laptops = [p.pid or 0 for p in workers.procs]
    per_worker = max(1, connect_limit // len(parts))
    n = len(accounts)
    try:
        profiler.start("connect")
        t0 = time.time_ns()
        replies = await workers.ask(("connect", url, hall.meeting_id, per_worker))
        connect_s = (max(r[1] for r in replies) - t0) / 1e9
        connect_errors = [e for r in replies for e in r[2]]
        _, idle_hwm = memory_mb(server_pid)
        profiler.start("check_in")
        t0 = time.time_ns()
        replies = await workers.ask(("check_in", per_worker))
        check_in_s = (max(r[1] for r in replies) - t0) / 1e9
        check_in_errors = [e for r in replies for e in r[2]]
        await asyncio.sleep(0.5)
        opened: list[int] = []
        tallies: list[int] = []
        open_reply: list[int] = []
        lost = missing = failed = missed_open = 0
        frame_bytes: dict[str, int] = {}
        vote_s: list[float] = []
        seen_all: list[int] = []
        per_vote_bytes: list[int] = []
        per_vote_frames: list[int] = []
        unseen = 0
        profiler.start("votes")
        # Who is busy while the hall votes: the server, or the simulated laptops around it
        # on the same cores (CPU seconds over the votes' wall time).
        votes_started = time.monotonic()
        pids = [server_pid, *(p.pid or 0 for p in workers.procs)]
        cpu_before = [cpu_seconds(pid) for pid in pids]
        for v in range(votes):
            created = await chair.command(hall.meeting_id, "vote.create", {
                "matter": "resolution", "title": f"Nghị quyết đo tải số {v + 1}",
                "item_id": hall.item_id})
            vote_id = int(created["vote"]["id"])
            await asyncio.sleep(0.3)
            sent = time.time_ns()
            await chair.command(hall.meeting_id, "vote.open", {"vote_id": vote_id})
            open_reply.append(time.time_ns() - sent)
            collected = await workers.ask(("collect", vote_id, PHASE_TIMEOUT))
            vote_s.append((time.time_ns() - sent) / 1e9)
            closed = await chair.command(hall.meeting_id, "vote.close", {"vote_id": vote_id})
            counted = {b["user_id"] for b in closed["vote"]["result"].get("by_member", [])}
            for part in collected:
                opened += [t - sent for t in part["opened_ns"]]
                tallies += part["tally_ns"]
                acked = set(part["acked"])
                lost += len(acked - counted)
                missing += len(acked) - len(part["tally_ns"])
                failed += len(part["failed"])
                missed_open += part["missed_open"]
                for kind, size in part["frame_bytes"].items():
                    frame_bytes[kind] = max(frame_bytes.get(kind, 0), size)
            counts = await workers.ask(("counts", vote_id, 120.0))
            ballots = [tuple(b) for part in counts for b in part["ballots"]]
            everyone = [[tuple(a) for a in arr] for part in counts for arr in part["arrivals"]]
            seen, not_seen = seen_by_all(ballots, [*everyone, list(chair_arrivals)])
            seen_all += seen
            unseen += not_seen
            per_vote_bytes += [b for part in counts for b in part["bytes"]]
            per_vote_frames += [f for part in counts for f in part["frames"]]
            chair_arrivals.clear()
            note(f"  vote {v + 1}/{votes}: {len(counted)} ballots counted, "
                 f"{vote_s[-1]:.1f} s from open to the last tally event")
        votes_wall = time.monotonic() - votes_started
        cpu_used = [cpu_seconds(pid) - before
                    for pid, before in zip(pids, cpu_before, strict=True)]
        rss, hwm = memory_mb(server_pid)
    finally:
        profiler.stop()
        drain.cancel()
        await workers.close()
        await chair.close()
    return {
        "delegates": n,
        "press_over_s": press_over,
        "processes": len(parts),
        "votes": votes,
        "connect_s": round(connect_s, 2),
        "connect_errors": len(connect_errors),
        "check_in_s": round(check_in_s, 2),
        "check_in_errors": len(check_in_errors),
        "vote_open_p50_ms": rounded(_ms(opened, 50), 2),
        "vote_open_p99_ms": rounded(_ms(opened, 99), 2),
        "vote_open_max_ms": rounded(_ms(opened, 100), 2),
        "vote_open_reply_ms": rounded(_ms(open_reply, 50), 2),
        "tally_p50_ms": rounded(_ms(tallies, 50), 2),
        "tally_p99_ms": rounded(_ms(tallies, 99), 2),
        # Ballot sent -> a count including it seen by the chair console and every delegate.
        "tally_all_p50_ms": rounded(_ms(seen_all, 50), 2),
        "tally_all_p99_ms": rounded(_ms(seen_all, 99), 2),
        "ballots_not_seen_by_all": unseen,
        # Bytes a delegate received from a vote's opening to its last count (progress
        # frames, its own ballot's event): what one vote costs each delegate's link.
        "bytes_per_delegate_per_vote": rounded(percentile(per_vote_bytes, 50), 0)
        if per_vote_bytes else None,
        "bytes_per_delegate_per_vote_max": max(per_vote_bytes, default=None),
        # Frames with counts per delegate per vote: bounded by the vote's length / 50 ms
        # (plus its own ballot), not by the hall.
        "count_frames_per_delegate_per_vote": rounded(percentile(per_vote_frames, 50), 0)
        if per_vote_frames else None,
        "vote_s": round(max(vote_s, default=0.0), 2),
        # Share of one core each used over the votes phase (its pauses between votes
        # included): the server's, and the simulated laptops' processes together.
        "server_cpu_share": rounded(cpu_used[0] / votes_wall, 2),
        "clients_cpu_share": rounded(sum(cpu_used[1:]) / votes_wall, 2),
        "lost_ballots": lost,
        "failed_ballots": failed,
        "missing_tally_events": missing,
        "missed_open_events": missed_open,
        "server_rss_mb": rounded(hwm),
        "server_rss_end_mb": rounded(rss),
        "server_rss_connected_mb": rounded(idle_hwm),
        "frame_bytes": frame_bytes,
        "logins": "direct-db-session+resume",
        "_open_frame_bytes": frame_bytes.get("vote.opened", 0),
    }


async def _drain(client: ChairClient, arrivals: list[tuple[int, int]]) -> None:
    """The chair console's copy: when each ballot reached it (with the voter's name)."""
    while True:
        event = await client.events.get()
        if event["event"] in COUNTING:
            arrivals.append((int(event["seq"]), event["_recv_ns"]))


COLUMNS = ["delegates", "press_over_s", "connect_s", "check_in_s", "vote_open_p50_ms",
           "vote_open_p99_ms", "baseline_vote_open_p99_ms", "ratio_vs_baseline",
           "tally_p50_ms", "tally_p99_ms", "tally_all_p99_ms", "bytes_per_delegate_per_vote",
           "count_frames_per_delegate_per_vote", "vote_s", "server_cpu_share",
           "clients_cpu_share", "lost_ballots", "server_rss_mb"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.sync_scale", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--delegates", type=int, nargs="+", default=[50],
                        help="hall sizes to run, one result line each")
    parser.add_argument("--db", default=None, help="database URL (default: temporary SQLite)")
    parser.add_argument("--votes", type=int, default=3)
    parser.add_argument("--processes", type=int, default=min(4, max(2, os.cpu_count() or 2)),
                        help="worker processes for the simulated delegates")
    parser.add_argument("--connect-concurrency", type=int, default=64,
                        help="connections being opened at once, over all workers")
    parser.add_argument("--server-log-level", default="warning")
    parser.add_argument("--press-over", type=float, default=0.0, metavar="SECONDS",
                        help="each delegate presses a random 0..SECONDS after the vote "
                             "opens, as a hall of people does (default 0: every seat at "
                             "once, the storm)")
    parser.add_argument("--py-spy", metavar="DIR", default=None,
                        help="record the server with py-spy per phase, and the simulated "
                             "laptops during the votes (raw stacks in DIR)")
    parser.add_argument("--py-spy-rate", type=int, default=50, metavar="HZ",
                        help="py-spy's samples a second (default 50)")
    args = parser.parse_args(argv)
    rows = []
    for n in args.delegates:
        note(f"--- {n} delegates, {args.votes} vote(s), {args.processes} worker processes")
        result = asyncio.run(run(n, args.db, args.votes, args.processes,
                                 args.connect_concurrency, args.server_log_level,
                                 args.py_spy, args.press_over, args.py_spy_rate))
        emit(result)
        rows.append(result)
    table(rows, COLUMNS, f"sync_scale ({os.cpu_count()} cores; times in ms unless _s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
