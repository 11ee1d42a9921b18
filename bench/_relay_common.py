"""Process entry points for bench.relay_scale: the province, the hall relays, the laptops.

Each runs in its own ``spawn``-ed process and talks to the coordinator over a pipe:
it sends ``("ready", ...)`` first, then answers one message at a time until
``("close",)`` (or the pipe closing).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import logging
import os
import sys
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from bench._common import memory_mb, raise_open_files, recv, settle_simulated_laptops
from bench.sync_scale import Delegate, _bounded, _collect, _errors
from meetingroom.core.protocol import MAX_FETCH_BYTES
from meetingroom.server.blobs import BlobStore
from meetingroom.server.service import MeetingService
from meetingroom.server.storage.database import Database
from meetingroom.sync.relay.hall_relay import RelayServer, RelaySettings
from meetingroom.sync.serving.collector import tune_collector
from meetingroom.sync.serving.endpoint import ChairServer
from meetingroom.sync.serving.pieces import BinaryReply
from meetingroom.sync.serving.socket_server import ServerConfig

#: The longest any one phase may take inside a worker.
PHASE_TIMEOUT = 600.0


def _logging(level: str) -> None:
    raise_open_files()
    logging.basicConfig(level=getattr(logging, level.upper(), logging.ERROR),
                        format="%(asctime)s %(levelname)s %(name)s %(message)s",
                        stream=sys.stderr)


# --- the provincial chair server ---------------------------------------------------------


def serve_province(db_url: str, blob_dir: str, log_level: str, conn: Connection) -> None:
    """Process entry point: a real ChairServer that also counts the file bytes it serves.

    What ``meetingroom serve --db URL`` runs (fan-out over LISTEN/NOTIFY is on by itself
    with PostgreSQL), except that the per-address limits are lifted: every relay of the
    province comes from 127.0.0.1 here, whereas each commune has its own address.
    """
    _logging(log_level)
    asyncio.run(_serve_province(db_url, Path(blob_dir), conn))


async def _serve_province(db_url: str, blob_dir: Path, conn: Connection) -> None:
    db = Database(db_url)
    server = ChairServer(MeetingService(db, blobs=BlobStore(blob_dir)),
                         ServerConfig(host="127.0.0.1", port=0, max_connections_per_ip=100_000,
                                      ip_rate_per_second=1e9, ip_rate_burst=1e9))
    served = {"bytes": 0, "pieces": 0, "probes": 0}
    fetch = server._fetch_chunk

    async def counting_fetch(identity: Any, request: Any,
                             piece_limit: int) -> dict[str, Any] | BinaryReply:
        result = await fetch(identity, request, piece_limit)
        if request.length > 1:  # a relay's one-byte access probe is not a copy of the file
            answer = result.result if isinstance(result, BinaryReply) else result
            served["bytes"] += int(answer["length"])
            served["pieces"] += 1
        else:
            served["probes"] += 1
        return result

    server._fetch_chunk = counting_fetch  # type: ignore[method-assign]
    await server.start()
    tune_collector()  # as serve_until_signalled does
    conn.send(("ready", server.port, os.getpid()))
    try:
        while True:
            message = await recv(conn)
            if message == ("stats",):
                conn.send({**served, "connections": len(server._peers)})
            else:
                break
    except EOFError:
        pass
    finally:
        await server.stop()
        db.dispose()


# --- hall relays, many per process ---------------------------------------------------------


@dataclass(frozen=True)
class HallSpec:
    index: int
    name: str
    user: str
    token: str
    upstream: str
    folder: str


def relay_worker(specs: list[HallSpec], meeting_id: int, log_level: str,
                 conn: Connection) -> None:
    """Process entry point: several hall relays in one event loop.

    Each is a ``RelayServer`` with the settings ``meetingroom serve --relay-for URL
    --relay-meeting ID --relay-user NAME --relay-token-file F --relay-hall NAME
    --relay-dir DIR`` gives it (its own folder, SQLite store and blob store).
    """
    _logging(log_level)
    asyncio.run(_relay_main(specs, meeting_id, conn))


async def _relay_main(specs: list[HallSpec], meeting_id: int, conn: Connection) -> None:
    conn.send(("ready", os.getpid(), memory_mb(os.getpid())[0]))
    relays: dict[int, RelayServer] = {}

    async def start(spec: HallSpec) -> None:
        relay = RelayServer(RelaySettings(upstream=spec.upstream, meeting_id=meeting_id,
                                          user=spec.user, token=spec.token, hall=spec.name,
                                          folder=Path(spec.folder)),
                            ServerConfig(host="127.0.0.1", port=0))
        await relay.start()
        relays[spec.index] = relay
        await asyncio.wait_for(relay.link_up.wait(), PHASE_TIMEOUT)

    try:
        while True:
            message = await recv(conn)
            match message:
                case ("start", int(limit)):
                    errors = _errors(await _bounded([start(s) for s in specs], limit))
                    tune_collector()  # as serve_until_signalled does for each relay
                    conn.send(({i: r.url for i, r in relays.items()}, errors))
                case ("stats",):
                    conn.send([{"hall": i, "upstream_bytes": r.upstream_bytes,
                                "upstream_pieces": r.upstream_pieces,
                                "link": r.link_up.is_set(), "laptops": len(r._peers),
                                "pending": r.store.pending_count()}
                               for i, r in relays.items()])
                case ("close",):
                    break
                case _:
                    raise ValueError(f"unknown message {message!r}")
    except EOFError:
        pass
    finally:
        await asyncio.gather(*(r.stop() for r in relays.values()), return_exceptions=True)
        with contextlib.suppress(Exception):
            conn.send(("closed",))


# --- laptops, each connected to its hall's relay ---------------------------------------------


@dataclass(frozen=True)
class LaptopSpec:
    username: str
    token: str
    choice: int
    hall: int
    #: Whether this laptop downloads the document packet.
    reader: bool


def laptop_worker(specs: list[LaptopSpec], conn: Connection) -> None:
    """Process entry point: simulated laptops (the real ``ChairClient``), driven by the pipe."""
    _logging("warning")
    asyncio.run(_laptop_main(specs, conn))


async def _fetch_file(delegate: Delegate, sha: str, size: int, parallel: int = 4) -> int:
    """Read a whole document piece by piece as a laptop does, verifying every piece."""
    client = delegate.client
    assert client is not None
    gate = asyncio.Semaphore(parallel)

    async def piece(offset: int) -> int:
        async with gate:
            reply = await client.request("fetch_chunk", sha256=sha, offset=offset,
                                         length=min(MAX_FETCH_BYTES, size - offset))
        data = base64.b64decode(reply["data"])
        if hashlib.sha256(data).hexdigest() != reply["chunk_sha256"]:
            raise ValueError(f"piece at {offset} failed verification")
        return len(data)

    got = await asyncio.gather(*(piece(o) for o in range(0, size, MAX_FETCH_BYTES)))
    return sum(got)


async def _laptop_main(specs: list[LaptopSpec], conn: Connection) -> None:
    laptops = [(Delegate(s.username, s.token, s.choice), s) for s in specs]
    conn.send(("ready", os.getpid()))
    try:
        while True:
            message = await recv(conn)
            match message:
                case ("connect", dict(urls), int(meeting_id), int(limit)):
                    errors = _errors(await _bounded(
                        [d.open(urls[s.hall], meeting_id) for d, s in laptops
                         if s.hall in urls], limit))
                    settle_simulated_laptops()
                    conn.send(("connected", time.time_ns(), errors))
                case ("check_in", int(limit)):
                    errors = _errors(await _bounded(
                        [d.check_in() for d, _ in laptops if d.client], limit))
                    conn.send(("checked_in", time.time_ns(), errors))
                case ("collect", int(vote_id), float(wait)):
                    conn.send(await _collect([d for d, _ in laptops], vote_id, wait))
                case ("fetch", list(files)):
                    readers = [d for d, s in laptops if s.reader and d.client]
                    started = time.time_ns()
                    outcome = await asyncio.gather(
                        *(_fetch_file(d, sha, size) for d in readers for sha, size in files),
                        return_exceptions=True)
                    errors = [f"{type(e).__name__}: {e}"[:200] for e in outcome
                              if isinstance(e, BaseException)]
                    got = sum(b for b in outcome if isinstance(b, int))
                    conn.send((started, time.time_ns(), got, errors))
                case ("close",):
                    break
                case _:
                    raise ValueError(f"unknown message {message!r}")
    except EOFError:
        pass
    finally:
        await asyncio.gather(*(d.close() for d, _ in laptops))
        with contextlib.suppress(Exception):
            conn.send(("closed",))
