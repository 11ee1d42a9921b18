"""Helpers shared by the benchmarks: seeding, limits, percentiles, memory and output."""

from __future__ import annotations

import asyncio
import json
import logging
import math
import os
import resource
import sys
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from meetingroom.core.vocabulary import BodyKind, Level, MeetingStatus, Role
from meetingroom.server.blobs import BlobStore
from meetingroom.server.body_rules import default_rule_rows
from meetingroom.server.passwords import hash_password, new_token, token_digest
from meetingroom.server.service import MeetingService
from meetingroom.server.storage.database import Database
from meetingroom.server.storage.models import (
    AgendaItem,
    Body,
    LoginToken,
    Meeting,
    Participant,
    User,
)
from meetingroom.server.storage.types import utcnow
from meetingroom.sync.serving.collector import tune_collector
from meetingroom.sync.serving.endpoint import ChairServer, ServerConfig


def raise_open_files() -> int:
    """Lift the soft open-files limit to the hard one; return the new soft limit."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY:
        hard = 1 << 20
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def settle_simulated_laptops() -> None:
    """Call in a process of simulated laptops once they are connected: their state is
    frozen out of the cyclic collector's walks, as the server's start-up state is.

    One such process holds 500 or 1,000 clients, their snapshots and connections: a heap
    no laptop has. Its full collections took 60–200 ms each, some while a vote ran, and
    every client of the process stamped its arrivals that much late: what the vote_open
    and tally percentiles then measured was the simulator's pause, not the server's
    delivery. A real laptop's process holds one client."""
    tune_collector()


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def memory_mb(pid: int) -> tuple[float, float]:
    """(VmRSS, VmHWM) of a process in MiB, from /proc (psutil is not a dependency)."""
    rss = hwm = math.nan
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) / 1024
            elif line.startswith("VmHWM:"):
                hwm = int(line.split()[1]) / 1024
    return rss, hwm


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds a process (its threads included) has used, from /proc."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return math.nan
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rounded(value: float, digits: int = 1) -> float | None:
    return None if math.isnan(value) else round(value, digits)


def emit(result: dict[str, Any]) -> None:
    """One JSON object per line on stdout: the machine-readable result."""
    print(json.dumps(result, ensure_ascii=False), flush=True)


def table(rows: list[dict[str, Any]], columns: list[str], title: str) -> None:
    """A readable table of ``rows`` on stderr."""
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    out = [title, "  ".join(c.rjust(w) for c, w in zip(columns, widths, strict=True)),
           "  ".join("-" * w for w in widths)]
    out += ["  ".join(v.rjust(w) for v, w in zip(r, widths, strict=True)) for r in cells]
    print("\n".join(out), file=sys.stderr, flush=True)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.1f}" if abs(value) >= 10 else f"{value:.2f}"
    return str(value)


def note(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


async def recv(conn: Connection) -> Any:
    """Receive from a pipe without blocking the event loop."""
    return await asyncio.get_running_loop().run_in_executor(None, conn.recv)


# --- seeding ------------------------------------------------------------------------------


@dataclass
class SeededHall:
    meeting_id: int
    item_id: int
    chair_token: str
    #: (username, session token) of every simulated delegate.
    delegates: list[tuple[str, str]] = field(default_factory=list)
    secretary_token: str = ""


def seed_hall(db: Database, delegates: int, *, password: str = "bench-password-2026") -> SeededHall:
    """A published meeting with a chair, a secretary and ``delegates`` delegates, all logged in.

    Logins are made directly in the database (a new token, its digest in ``LoginToken``)
    instead of through Argon2: the clients then ``resume``. Every account shares one
    password hash, so seeding 2,000 accounts takes about a second.
    """
    run = uuid.uuid4().hex[:8]  # unique names: a PostgreSQL URL may point at a used database
    password_hash = hash_password(password)
    expires = utcnow() + timedelta(days=1)
    with db.transaction() as s:
        body = Body(name=f"HĐND bench {run}", kind=BodyKind.HDND.value,
                    level=Level.PROVINCE.value, total_members=delegates + 1,
                    vote_rules=default_rule_rows(BodyKind.HDND))
        s.add(body)
        names = [f"b{run}-chair", f"b{run}-secretary",
                 *[f"b{run}-d{n}" for n in range(1, delegates + 1)]]
        users = [User(username=name, full_name=f"Đại biểu {name}", password_hash=password_hash,
                      is_admin=False) for name in names]
        s.add_all(users)
        meeting = Meeting(body=body, title=f"Kỳ họp đo tải {run}",
                          status=MeetingStatus.PUBLISHED.value,
                          starts_at=datetime.now(UTC), location="Hội trường")
        s.add(meeting)
        s.flush()
        item = AgendaItem(meeting_id=meeting.id, title="Biểu quyết", position=0,
                          planned_minutes=60)
        s.add(item)
        roles = [Role.CHAIR, Role.SECRETARY, *[Role.DELEGATE] * delegates]
        s.add_all([Participant(meeting_id=meeting.id, user_id=u.id, role=r.value, seat=str(n))
                   for n, (u, r) in enumerate(zip(users, roles, strict=True), start=1)])
        tokens = [new_token() for _ in users]
        s.add_all([LoginToken(token_hash=token_digest(t), user_id=u.id, expires_at=expires)
                   for u, t in zip(users, tokens, strict=True)])
        s.flush()
        return SeededHall(meeting_id=meeting.id, item_id=item.id, chair_token=tokens[0],
                          secretary_token=tokens[1],
                          delegates=list(zip(names[2:], tokens[2:], strict=True)))


# --- the chair server in its own process --------------------------------------------------


def serve_chair(db_url: str, blob_dir: str, log_level: str, conn: Connection) -> None:
    """Process entry point: run a real ChairServer on port 0, send the port, stop on request."""
    raise_open_files()
    logging.basicConfig(level=getattr(logging, log_level.upper(), logging.WARNING),
                        format="%(asctime)s %(levelname)s %(name)s %(message)s",
                        stream=sys.stderr)
    asyncio.run(_serve_chair(db_url, Path(blob_dir), conn))


async def _serve_chair(db_url: str, blob_dir: Path, conn: Connection) -> None:
    db = Database(db_url)
    # Every simulated laptop comes from 127.0.0.1: lift the per-address limits, which
    # exist for hostile input, not for a hall measured from one machine.
    server = ChairServer(MeetingService(db, blobs=BlobStore(blob_dir)),
                         ServerConfig(host="127.0.0.1", port=0, max_connections_per_ip=100_000,
                                      ip_rate_per_second=1e9, ip_rate_burst=1e9))
    await server.start()
    tune_collector()  # as serve_until_signalled does
    conn.send(("ready", server.port, os.getpid()))
    try:
        await recv(conn)  # any message (or the pipe closing) means stop
    except EOFError:
        pass
    finally:
        await server.stop()
        db.dispose()
