"""A provincial session followed from many commune halls, each through its own relay.

    python -m bench.relay_scale --halls 5 20 50 --laptops 10 [--mb 100] [--db URL]
        [--province-processes 1 2] [--processes P] [--laptop-processes Q] [--votes V]
        [--vote-gap SECONDS]

A real provincial ``ChairServer`` runs in its own process (SQLite in a temporary
folder unless ``--db`` names a database; with PostgreSQL ``--province-processes 2``
runs two on the same database, fanning events out with LISTEN/NOTIFY, the relays
spread over both as a balancer would). The meeting has H×L delegates and one
relay account per hall (a ``guest`` participant, as docs/operations.md sets them
up). H hall relays (``RelayServer`` with the settings ``meetingroom serve
--relay-for`` gives it, each with its own folder) run in P worker processes, many
per process; L simulated laptops per hall (the real ``ChairClient``) connect to
their hall's relay from Q more worker processes. Sessions, of the relays and of
the laptops, are made directly in the database and ``resume``d (the relay checks
each laptop's token upstream on that user's own connection).

Measured:

- ``connect_s``: every laptop resumed and subscribed through its relay;
- ``vote_open_p50/p99_ms``: the chair (in this process, directly on the first
  province process) opens a vote (``--vote-gap`` seconds after the last one closed);
  from just before its send to each laptop's receipt of ``vote.opened``
  (``time.time_ns()``, one machine). Every laptop then casts its ballot through its
  relay; ``lost_ballots`` are acknowledged ballots missing from the closed vote's count;
- ``upstream_copies_per_hall``: the secretary uploads an M MB packet; two laptops
  (``--readers``) in each of the first ``--doc-halls`` halls read it at the same
  time; the bytes each relay fetched upstream / the packet size (target 1.0), and
  ``ratio_upstream_copies``: the file bytes the province served / (halls × packet);
- memory: ``per_hall_rss_mb`` is the VmRSS of the relay worker processes / halls
  (``per_hall_marginal_rss_mb`` first subtracts each worker's RSS before its
  relays started: the interpreter and imports), ``province_rss_mb`` the
  province process(es).

stdout: one JSON line per configuration; stderr: a table.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import math
import multiprocessing as mp
import os
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from bench._common import (
    SeededHall,
    emit,
    memory_mb,
    note,
    percentile,
    raise_open_files,
    recv,
    rounded,
    seed_hall,
    table,
)
from bench._relay_common import (
    HallSpec,
    LaptopSpec,
    laptop_worker,
    relay_worker,
    serve_province,
)
from bench.docs_transfer import make_pdf
from meetingroom.core.vocabulary import Role
from meetingroom.server.passwords import hash_password, new_token, token_digest
from meetingroom.server.storage.database import Database
from meetingroom.server.storage.models import LoginToken, Participant, User
from meetingroom.server.storage.types import utcnow
from meetingroom.sync.client.chair_client import ChairClient, ServerError
from meetingroom.sync.client.transfer import upload

log = logging.getLogger("bench.relay_scale")

MB = 1024 * 1024
MS = 1e6
#: How long one phase may take before the run reports what it has and moves on.
PHASE_TIMEOUT = 600.0


@dataclass
class Province:
    hall: SeededHall
    #: (username, session token) of every hall's relay account.
    relays: list[tuple[str, str]] = field(default_factory=list)


def seed_province(db: Database, halls: int, laptops: int) -> Province:
    """The meeting (chair, secretary, halls×laptops delegates) plus one relay guest per hall."""
    hall = seed_hall(db, halls * laptops)
    run = uuid.uuid4().hex[:8]
    password_hash = hash_password(uuid.uuid4().hex)
    expires = utcnow() + timedelta(days=1)
    relays: list[tuple[str, str]] = []
    with db.transaction() as s:
        users = [User(username=f"r{run}-hall{n}", full_name=f"Hội trường xã số {n}",
                      password_hash=password_hash, is_admin=False) for n in range(halls)]
        s.add_all(users)
        s.flush()
        s.add_all([Participant(meeting_id=hall.meeting_id, user_id=u.id, role=Role.GUEST.value)
                   for u in users])
        for user in users:
            token = new_token()
            s.add(LoginToken(token_hash=token_digest(token), user_id=user.id,
                              expires_at=expires))
            relays.append((user.username, token))
    return Province(hall, relays)


# --- processes -------------------------------------------------------------------------------


@dataclass
class Pool:
    procs: list[BaseProcess]
    conns: list[Connection]
    pids: list[int] = field(default_factory=list)
    ready: list[Any] = field(default_factory=list)

    async def wait_ready(self) -> None:
        self.ready = list(await asyncio.gather(*(recv(c) for c in self.conns)))

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


def _pool(target: Any, args: list[tuple[Any, ...]]) -> Pool:
    ctx = mp.get_context("spawn")
    procs: list[BaseProcess] = []
    conns: list[Connection] = []
    for extra in args:
        ours, theirs = ctx.Pipe()
        # Not a daemon: the server in it starts child processes of its own (the document
        # check); the coordinator joins and kills every worker when it is done.
        proc = ctx.Process(target=target, args=(*extra, theirs), daemon=False)
        proc.start()
        procs.append(proc)
        conns.append(ours)
    return Pool(procs, conns)


def _spread(items: list[Any], parts: int) -> list[list[Any]]:
    return [items[n::parts] for n in range(parts) if items[n::parts]]


def _ms(values: list[int], q: float) -> float:
    return percentile([v / MS for v in values], q)


def _rss(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        with contextlib.suppress(OSError):
            total += memory_mb(pid)[0]
    return total


# --- one configuration -------------------------------------------------------------------------


@dataclass(frozen=True)
class Config:
    halls: int
    laptops: int
    mb: float
    files: int
    db_url: str | None
    province_processes: int
    processes: int
    laptop_processes: int
    votes: int
    doc_halls: int
    readers: int
    connect_limit: int
    log_level: str
    #: Seconds between a vote's close and the next one's creation (0: back to back).
    vote_gap: float = 0.0


async def run(cfg: Config) -> dict[str, Any]:
    raise_open_files()
    if cfg.province_processes > 1 and not (cfg.db_url or "").startswith("postgres"):
        raise SystemExit("--province-processes 2 needs --db postgresql://…")
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="mr-bench-relay-") as tmp:
        url = cfg.db_url or f"sqlite:///{Path(tmp) / 'province.db'}"
        db = Database(url)
        province = seed_province(db, cfg.halls, cfg.laptops)
        db.dispose()
        note(f"seeded {cfg.halls} halls × {cfg.laptops} delegates + {cfg.halls} relay accounts "
             f"in {time.monotonic() - started:.1f} s (sessions made in the database)")
        servers = _pool(serve_province, [(url, str(Path(tmp) / "blobs"), cfg.log_level)
                                         for _ in range(cfg.province_processes)])
        try:
            await servers.wait_ready()
            servers.pids = [int(r[2]) for r in servers.ready]
            upstreams = [f"ws://127.0.0.1:{r[1]}" for r in servers.ready]
            note(f"province: {', '.join(upstreams)} (pids {servers.pids})")
            result = await _measure(cfg, province, upstreams, servers, Path(tmp))
        finally:
            await servers.close()
    result["run_s"] = round(time.monotonic() - started, 1)
    return result


async def _measure(cfg: Config, province: Province, upstreams: list[str], servers: Pool,
                   tmp: Path) -> dict[str, Any]:
    hall = province.hall
    meeting = hall.meeting_id
    chair = ChairClient(upstreams[0], timeout=PHASE_TIMEOUT)
    await chair.connect()
    await chair.resume(hall.chair_token)
    await chair.subscribe(meeting, last_seq=0)
    await chair.command(meeting, "meeting.start")
    await chair.command(meeting, "agenda.set_current", {"item_id": hall.item_id})
    drain = asyncio.create_task(_drain(chair))

    # The packet: uploaded and attached by the secretary before the halls link up.
    files: list[tuple[str, int]] = []
    if cfg.mb > 0:
        secretary = ChairClient(upstreams[0], timeout=PHASE_TIMEOUT)
        await secretary.connect()
        await secretary.resume(hall.secretary_token)
        t0 = time.monotonic()
        for n in range(cfg.files):
            blob = make_pdf(int(cfg.mb * MB) // cfg.files, f"Tài liệu kỳ họp tỉnh số {n + 1}")
            sha = await _upload(secretary, blob, f"tai-lieu-{n + 1}.pdf")
            await secretary.command(meeting, "document.add", {
                "sha256": sha, "title": f"Tài liệu {n + 1}", "filename": f"tai-lieu-{n + 1}.pdf",
                "item_id": hall.item_id})
            files.append((sha, len(blob)))
        await secretary.close()
        note(f"packet: {sum(s for _, s in files) / MB:.1f} MB in {len(files)} file(s), "
             f"uploaded in {time.monotonic() - t0:.1f} s")
    packet = sum(s for _, s in files)

    specs = [HallSpec(n, f"Xã số {n + 1}", user, token, upstreams[n % len(upstreams)],
                      str(tmp / "relays" / f"hall{n}"))
             for n, (user, token) in enumerate(province.relays)]
    relays = _pool(relay_worker, [(part, meeting, cfg.log_level)
                                  for part in _spread(specs, cfg.processes)])
    accounts = [LaptopSpec(name, token, n % 3, n // cfg.laptops,
                           reader=(n // cfg.laptops < cfg.doc_halls
                                   and n % cfg.laptops < cfg.readers))
                for n, (name, token) in enumerate(hall.delegates)]
    laptops = _pool(laptop_worker, [(part,) for part in
                                    _spread(accounts, cfg.laptop_processes)])
    n_laptops = len(accounts)
    try:
        await relays.wait_ready()
        await laptops.wait_ready()
        relays.pids = [int(r[1]) for r in relays.ready]
        relay_base_rss = sum(float(r[2]) for r in relays.ready)
        laptops.pids = [int(r[1]) for r in laptops.ready]

        t0 = time.time_ns()
        replies = await relays.ask(("start", max(1, 32 // len(relays.conns))))
        relays_start_s = (time.time_ns() - t0) / 1e9
        urls: dict[int, str] = {}
        relay_errors: list[str] = []
        for got, errors in replies:
            urls.update(got)
            relay_errors += errors
        note(f"{len(urls)} relays linked in {relays_start_s:.1f} s over {len(relays.pids)} "
             f"process(es); {len(relay_errors)} error(s) {relay_errors[:2]}")

        per_worker = max(1, cfg.connect_limit // len(laptops.conns))
        t0 = time.time_ns()
        replies = await laptops.ask(("connect", urls, meeting, per_worker))
        connect_s = (max(r[1] for r in replies) - t0) / 1e9
        connect_errors = [e for r in replies for e in r[2]]
        note(f"{n_laptops} laptops resumed and subscribed through their relays in "
             f"{connect_s:.1f} s; {len(connect_errors)} error(s) {connect_errors[:2]}")
        t0 = time.time_ns()
        replies = await laptops.ask(("check_in", per_worker))
        check_in_s = (max(r[1] for r in replies) - t0) / 1e9
        check_in_errors = [e for r in replies for e in r[2]]
        note(f"{n_laptops} laptops checked in through their relays in {check_in_s:.1f} s; "
             f"{len(check_in_errors)} error(s) {check_in_errors[:2]}")
        await asyncio.sleep(1.5)  # the relays' status reports settle

        opened: list[int] = []
        tallies: list[int] = []
        lost = failed = missed_open = counted_total = 0
        failures: dict[str, int] = {}
        for v in range(cfg.votes):
            created = await chair.command(meeting, "vote.create", {
                "matter": "resolution", "title": f"Nghị quyết đo tải tỉnh số {v + 1}",
                "item_id": hall.item_id})
            vote_id = int(created["vote"]["id"])
            await asyncio.sleep(0.3)
            sent = time.time_ns()
            await chair.command(meeting, "vote.open", {"vote_id": vote_id})
            collected = await laptops.ask(("collect", vote_id, 120.0))
            vote_s = (time.time_ns() - sent) / 1e9
            closed = await chair.command(meeting, "vote.close", {"vote_id": vote_id})
            await asyncio.sleep(cfg.vote_gap)
            counted = {b["user_id"] for b in closed["vote"]["result"].get("by_member", [])}
            counted_total += len(counted)
            this_open: list[int] = []
            for part in collected:
                this_open += [t - sent for t in part["opened_ns"]]
                tallies += part["tally_ns"]
                lost += len(set(part["acked"]) - counted)
                failed += len(part["failed"])
                for message in part["failed"]:
                    failures[message[:120]] = failures.get(message[:120], 0) + 1
                missed_open += part["missed_open"]
            opened += this_open
            note(f"  vote {v + 1}/{cfg.votes}: open seen on {len(this_open)}/{n_laptops} "
                 f"laptops, p50 {_ms(this_open, 50):.0f} p99 {_ms(this_open, 99):.0f} ms; "
                 f"{len(counted)} ballots counted; {vote_s:.1f} s to the last tally")

        relay_rss = _rss(relays.pids)
        province_rss = _rss(servers.pids)
        laptop_rss = _rss(laptops.pids)

        # Documents: readers in the first doc halls ask their relay at the same time.
        doc_s = math.nan
        doc_errors: list[str] = []
        copies: list[float] = []
        served_bytes = 0
        doc_halls = min(cfg.doc_halls, cfg.halls) if files else 0
        if files:
            before = sum(int(s["bytes"]) for s in await servers.ask(("stats",)))
            replies = await laptops.ask(("fetch", files))
            doc_s = (max(r[1] for r in replies) - min(r[0] for r in replies)) / 1e9
            doc_errors = [e for r in replies for e in r[3]]
            delivered = sum(int(r[2]) for r in replies)
            served_bytes = sum(int(s["bytes"]) for s in await servers.ask(("stats",))) - before
            stats = [s for part in await relays.ask(("stats",)) for s in part]
            copies = [s["upstream_bytes"] / packet for s in stats if s["hall"] < doc_halls]
            note(f"packet read by {cfg.readers} laptop(s) in each of {doc_halls} hall(s): "
                 f"{delivered / MB:.0f} MB delivered in {doc_s:.1f} s; upstream "
                 f"{served_bytes / MB:.0f} MB; {len(doc_errors)} error(s) {doc_errors[:2]}")
    finally:
        await laptops.close()
        await relays.close()
        drain.cancel()
        await chair.close()

    halls = cfg.halls
    return {
        "halls": halls,
        "laptops": cfg.laptops,
        "delegates": n_laptops,
        "province_processes": cfg.province_processes,
        "database": "postgresql" if (cfg.db_url or "").startswith("postgres") else "sqlite",
        "relay_processes": len(relays.pids),
        "laptop_processes": len(laptops.pids),
        "relays_linked": len(urls),
        "relays_start_s": round(relays_start_s, 2),
        "relay_errors": len(relay_errors),
        "connect_s": round(connect_s, 2),
        "connect_errors": len(connect_errors),
        "check_in_s": round(check_in_s, 2),
        "check_in_errors": len(check_in_errors),
        "votes": cfg.votes,
        "vote_gap_s": cfg.vote_gap,
        "vote_open_p50_ms": rounded(_ms(opened, 50), 2),
        "vote_open_p99_ms": rounded(_ms(opened, 99), 2),
        "vote_open_max_ms": rounded(_ms(opened, 100), 2),
        "tally_p50_ms": rounded(_ms(tallies, 50), 2),
        "tally_p99_ms": rounded(_ms(tallies, 99), 2),
        "ballots_counted": counted_total,
        "lost_ballots": lost,
        "failed_ballots": failed,
        "failed_reasons": dict(sorted(failures.items(), key=lambda kv: -kv[1])[:3]),
        "missed_open_events": missed_open,
        "packet_mb": round(packet / MB, 2),
        "doc_halls": doc_halls,
        "readers_per_hall": cfg.readers,
        "doc_s": rounded(doc_s, 2),
        "doc_errors": len(doc_errors),
        "upstream_copies_per_hall": (round(sum(copies) / len(copies), 3) if copies else None),
        "upstream_copies_max": round(max(copies), 3) if copies else None,
        "ratio_upstream_copies": (round(served_bytes / (doc_halls * packet), 3)
                                  if doc_halls and packet else None),
        "per_hall_rss_mb": rounded(relay_rss / halls, 2),
        "per_hall_marginal_rss_mb": rounded((relay_rss - relay_base_rss) / halls, 2),
        "relay_workers_rss_mb": rounded(relay_rss),
        "province_rss_mb": rounded(province_rss),
        "laptop_workers_rss_mb": rounded(laptop_rss),
        "logins": "direct-db-session+resume",
    }


async def _upload(client: ChairClient, data: bytes, filename: str) -> str:
    """``transfer.upload``, resumed after a ``rate_limited`` answer.

    On loopback the pipelined pieces can outrun the server's transfer budget (400
    pieces/s): ``upload`` then fails instead of slowing down; it resumes from what the
    server already has, so this waits a moment and calls it again.
    """
    for _ in range(30):
        try:
            return await upload(client, data, filename)
        except ServerError as exc:
            if exc.code != "rate_limited":
                raise
            note("  upload: rate_limited by the server; resuming in 2 s")
            await asyncio.sleep(2.0)
    raise RuntimeError("the packet upload kept being rate-limited")


async def _drain(client: ChairClient) -> None:
    while True:
        await client.events.get()


COLUMNS = ["halls", "laptops", "province_processes", "connect_s", "vote_open_p50_ms",
           "vote_open_p99_ms", "tally_p99_ms", "lost_ballots", "upstream_copies_per_hall",
           "ratio_upstream_copies", "per_hall_rss_mb", "per_hall_marginal_rss_mb",
           "province_rss_mb", "run_s"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.relay_scale", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--halls", type=int, nargs="+", default=[5],
                        help="numbers of halls to run, one result line each")
    parser.add_argument("--laptops", type=int, default=10, help="laptops per hall")
    parser.add_argument("--mb", type=float, default=100.0, help="size of the document packet")
    parser.add_argument("--files", type=int, default=1, help="files in the packet")
    parser.add_argument("--doc-halls", type=int, default=10,
                        help="halls whose laptops read the packet (0: none)")
    parser.add_argument("--readers", type=int, default=2,
                        help="laptops per such hall that read it, at the same time")
    parser.add_argument("--db", default=None, help="database URL (default: temporary SQLite)")
    parser.add_argument("--province-processes", type=int, nargs="+", default=[1],
                        help="provincial server processes (2 needs PostgreSQL); each value "
                             "is run for each number of halls")
    parser.add_argument("--processes", type=int, default=2,
                        help="worker processes holding the relays")
    parser.add_argument("--laptop-processes", type=int, default=2,
                        help="worker processes holding the simulated laptops")
    parser.add_argument("--votes", type=int, default=3)
    parser.add_argument("--vote-gap", type=float, default=0.0, metavar="SECONDS",
                        help="pause between one vote's close and the next (a hall's votes "
                             "are minutes apart; 0: back to back, the hardest case)")
    parser.add_argument("--connect-concurrency", type=int, default=64,
                        help="laptops connecting at once, over all workers")
    parser.add_argument("--log-level", default="error",
                        help="log level of the province and relay processes")
    args = parser.parse_args(argv)
    rows = []
    for halls in args.halls:
        for processes in args.province_processes:
            cfg = Config(halls=halls, laptops=args.laptops, mb=args.mb, files=args.files,
                         db_url=args.db, province_processes=processes,
                         processes=args.processes, laptop_processes=args.laptop_processes,
                         votes=args.votes, doc_halls=args.doc_halls, readers=args.readers,
                         connect_limit=args.connect_concurrency, log_level=args.log_level,
                         vote_gap=args.vote_gap)
            note(f"--- {halls} halls × {args.laptops} laptops, {processes} province "
                 f"process(es), {args.processes} relay + {args.laptop_processes} laptop "
                 f"worker processes")
            result = asyncio.run(run(cfg))
            emit(result)
            rows.append(result)
    table(rows, COLUMNS, f"relay_scale ({os.cpu_count()} cores; times in ms unless _s; "
                         f"rss in MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
