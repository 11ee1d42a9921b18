"""A session packet fetched by a hall of laptops at once, against a raw loopback socket copy.

    python -m bench.docs_transfer --clients 50 --mb 100 [--files 5] [--processes P]

A real ChairServer (temporary SQLite and blob folder) runs in its own process.
The secretary uploads a packet of generated PDFs (each padded to size with a
random embedded file, so nothing compresses) with ``transfer.upload`` and
attaches them; then N clients in P worker processes download every file with
``transfer.fetch_file`` (as the prefetch does) into their own temporary
``DocumentCache`` (binary pieces, verified, sealed). Two peers in the same run: the
same bytes sent by an asyncio streams server to N raw TCP readers (they only count
bytes), and **nginx** serving the same files over HTTP/1.1 keep-alive to N clients
that do exactly the client's work (range requests as large as our pieces, each piece
sealed into a ``DocumentCache`` as it comes, the whole file verified as the pieces
come): that ratio isolates the server. nginx is installed with apt-get when missing
(``nginx-light``, else ``nginx``); without it the peer is skipped.
``throughput_mb_s`` is total bytes delivered / wall time.

stdout: one JSON line; stderr: a table.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import logging
import multiprocessing as mp
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

import pymupdf

from bench._common import (
    cpu_seconds,
    emit,
    memory_mb,
    note,
    raise_open_files,
    recv,
    rounded,
    seed_hall,
    serve_chair,
    table,
)
from meetingroom.core.protocol import MAX_BINARY_FETCH_BYTES
from meetingroom.laptop.doc_cache import DocumentCache
from meetingroom.server.storage.database import Database
from meetingroom.sync.client.chair_client import ChairClient
from meetingroom.sync.client.transfer import Pace, fetch_file, upload

MB = 1024 * 1024
#: The nginx peer's range requests: as large as our biggest binary piece.
PIECE = MAX_BINARY_FETCH_BYTES
RAW_CHUNK = 256 * 1024


def make_pdf(size: int, title: str) -> bytes:
    """A few pages of text plus a random embedded file, to about ``size`` bytes."""
    doc = pymupdf.open()
    for n in range(3):
        page = doc.new_page()
        page.insert_text((72, 72), f"{title}, trang {n + 1}", fontsize=14)
    base = len(doc.tobytes())
    doc.embfile_add("phu-luc.bin", os.urandom(max(0, size - base - 2048)))
    data: bytes = doc.tobytes()
    doc.close()
    return data


# --- workers -------------------------------------------------------------------------------


def download_worker(tokens: list[str], folder: str, conn: Connection) -> None:
    """Process entry point: some laptops, each downloading the whole packet."""
    raise_open_files()
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    asyncio.run(_download_main(tokens, Path(folder), conn))


async def _download_main(tokens: list[str], folder: Path, conn: Connection) -> None:
    conn.send(("ready",))
    url, files = await recv(conn)
    clients = []
    for token in tokens:
        client = ChairClient(url, timeout=300, compress=False)  # a laptop's file connection
        await client.connect()
        await client.resume(token)
        clients.append(client)
    conn.send(("connected",))
    await recv(conn)  # go

    async def fetch_all(n: int, client: ChairClient) -> int:
        cache = DocumentCache(folder / f"laptop{n}", os.urandom(32))
        pace = Pace()  # one per laptop's link, shared by its files, as the prefetch's
        got = 0
        for sha, size in files:
            await fetch_file(client, sha, size, cache, pace=pace)  # as the prefetch does
            got += size
        return got

    started, cpu = time.time_ns(), time.process_time()
    outcome = await asyncio.gather(*(fetch_all(n, c) for n, c in enumerate(clients)),
                                   return_exceptions=True)
    finished, cpu = time.time_ns(), time.process_time() - cpu
    errors = [f"{type(e).__name__}: {e}"[:200] for e in outcome if isinstance(e, BaseException)]
    received = sum(b for b in outcome if isinstance(b, int))
    await asyncio.gather(*(c.close() for c in clients), return_exceptions=True)
    conn.send((started, finished, received, errors, cpu))


def raw_worker(count: int, conn: Connection) -> None:
    """Process entry point: raw TCP readers that count what arrives."""
    raise_open_files()
    asyncio.run(_raw_main(count, conn))


async def _raw_main(count: int, conn: Connection) -> None:
    conn.send(("ready",))
    port, total = await recv(conn)
    streams = [await asyncio.open_connection("127.0.0.1", port) for _ in range(count)]
    conn.send(("connected",))
    await recv(conn)

    async def read_all(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> int:
        writer.write(b"go\n")
        await writer.drain()
        got = 0
        while got < total:
            chunk = await reader.read(RAW_CHUNK)
            if not chunk:
                break
            got += len(chunk)
        writer.close()
        return got

    started = time.time_ns()
    sizes = await asyncio.gather(*(read_all(r, w) for r, w in streams))
    conn.send((started, time.time_ns(), sum(sizes), [], 0.0))


async def _raw_server(blobs: list[bytes]) -> asyncio.Server:
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readline()
        for blob in blobs:
            view = memoryview(blob)
            for start in range(0, len(blob), RAW_CHUNK):
                writer.write(view[start:start + RAW_CHUNK])
                await writer.drain()
        writer.close()
        with contextlib.suppress(ConnectionError):
            await writer.wait_closed()

    return await asyncio.start_server(handle, "127.0.0.1", 0)


def nginx_worker(count: int, folder: str, conn: Connection) -> None:
    """Process entry point: laptops fetching the packet from nginx, doing our client's work."""
    raise_open_files()
    asyncio.run(_nginx_main(count, Path(folder), conn))


async def _nginx_main(count: int, folder: Path, conn: Connection) -> None:
    conn.send(("ready",))
    port, files = await recv(conn)
    streams = [await asyncio.open_connection("127.0.0.1", port) for _ in range(count)]
    conn.send(("connected",))
    await recv(conn)

    async def get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, sha: str,
                  start: int, end: int) -> bytes:
        writer.write(f"GET /{sha} HTTP/1.1\r\nHost: bench\r\n"
                     f"Range: bytes={start}-{end - 1}\r\n\r\n".encode())
        head = await reader.readuntil(b"\r\n\r\n")
        length = next(int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                      if line.lower().startswith(b"content-length:"))
        return await reader.readexactly(length)

    async def fetch_all(n: int, reader: asyncio.StreamReader,
                        writer: asyncio.StreamWriter) -> int:
        cache = DocumentCache(folder / f"laptop{n}", os.urandom(32))
        got = 0
        for sha, size in files:
            # What ``transfer.download`` does with each piece and with the whole file.
            incoming = await asyncio.to_thread(cache.receive, sha, size)
            try:
                for start in range(0, size, PIECE):
                    data = await get(reader, writer, sha, start, min(size, start + PIECE))
                    if len(data) >= 256 * 1024:
                        await asyncio.to_thread(incoming.put, start, data)
                    else:
                        incoming.put(start, data)
                if not await asyncio.to_thread(incoming.finish):
                    raise RuntimeError("nginx copy failed verification")
            finally:
                incoming.close()
            got += size
        writer.close()
        return got

    started, cpu = time.time_ns(), time.process_time()
    outcome = await asyncio.gather(*(fetch_all(n, r, w) for n, (r, w) in enumerate(streams)),
                                   return_exceptions=True)
    finished, cpu = time.time_ns(), time.process_time() - cpu
    errors = [f"{type(e).__name__}: {e}"[:200] for e in outcome if isinstance(e, BaseException)]
    conn.send((started, finished, sum(b for b in outcome if isinstance(b, int)), errors, cpu))


def ensure_nginx() -> str | None:
    """The nginx binary, installed from the Debian packages when missing (None: no way)."""
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists()
                                      else None)
    if found:
        return found
    apt = ["apt-get", "install", "-y", "-q"]
    if os.geteuid() != 0:
        apt = ["sudo", "-n", *apt]
    for package in ("nginx-light", "nginx"):
        note(f"installing {package} for the nginx peer")
        if subprocess.run([*apt, package], capture_output=True).returncode == 0:
            break
    return shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists()
                                     else None)


def _start_nginx(binary: str, root: Path,
                 blobs: list[bytes]) -> tuple[subprocess.Popen[bytes], int]:
    files = root / "files"
    files.mkdir(parents=True)
    for blob in blobs:
        (files / hashlib.sha256(blob).hexdigest()).write_bytes(blob)
    with contextlib.closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    user = "user root;" if os.geteuid() == 0 else ""
    (root / "nginx.conf").write_text(f"""
{user}
worker_processes auto;
daemon off;
pid {root}/nginx.pid;
error_log {root}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    client_body_temp_path {root}/body;
    proxy_temp_path {root}/proxy;
    fastcgi_temp_path {root}/fastcgi;
    uwsgi_temp_path {root}/uwsgi;
    scgi_temp_path {root}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {files};
        default_type application/octet-stream;
    }}
}}
""")
    proc = subprocess.Popen([binary, "-p", str(root), "-c", str(root / "nginx.conf")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return proc, port


async def _nginx_round(blobs: list[bytes], counts: list[int],
                       tmp: Path) -> tuple[float, int, list[str], float, float] | None:
    """(wall, bytes, errors, the clients' CPU seconds, nginx's), or None without nginx."""
    binary = ensure_nginx()
    if binary is None:
        note("nginx is not installed and could not be: the nginx peer is skipped")
        return None
    proc, port = _start_nginx(binary, tmp / "nginx", blobs)
    try:
        for _ in range(100):
            with contextlib.suppress(OSError):
                _r, w = await asyncio.open_connection("127.0.0.1", port)
                w.close()
                break
            await asyncio.sleep(0.05)
        files = [(hashlib.sha256(b).hexdigest(), len(b)) for b in blobs]
        pairs = [_start(nginx_worker, count, str(tmp / f"nginx-worker{n}"))
                 for n, count in enumerate(counts)]
        served_before = _tree_cpu(proc.pid)
        wall, delivered, errors, clients_cpu = await _timed_round([c for _, c in pairs],
                                                                  (port, files))
        served = _tree_cpu(proc.pid) - served_before
        _join([p for p, _ in pairs])
        return wall, delivered, errors, clients_cpu, served
    finally:
        proc.terminate()
        with contextlib.suppress(Exception):
            proc.wait(10)


# --- coordinator ---------------------------------------------------------------------------


def _start(target: Any, *args: Any) -> tuple[BaseProcess, Connection]:
    ctx = mp.get_context("spawn")
    ours, theirs = ctx.Pipe()
    # Not a daemon: the server in it starts child processes of its own (the document
    # check); the coordinator joins and kills every worker when it is done.
    proc = ctx.Process(target=target, args=(*args, theirs), daemon=False)
    proc.start()
    return proc, ours


async def _timed_round(conns: list[Connection],
                       setup: Any) -> tuple[float, int, list[str], float]:
    """Hand each worker its set-up, wait for all to connect, start them together:
    (wall seconds, bytes delivered, errors, the workers' CPU seconds)."""
    await asyncio.gather(*(recv(c) for c in conns))  # ready
    for c in conns:
        c.send(setup)
    await asyncio.gather(*(recv(c) for c in conns))  # connected
    for c in conns:
        c.send("go")
    replies = await asyncio.gather(*(recv(c) for c in conns))
    wall = (max(r[1] for r in replies) - min(r[0] for r in replies)) / 1e9
    return (wall, sum(r[2] for r in replies), [e for r in replies for e in r[3]],
            sum(r[4] for r in replies))


def _per_gb(cpu_s: float, delivered: int) -> float:
    """CPU seconds per GiB of ``delivered`` bytes."""
    return round(cpu_s / (delivered / MB / 1024), 2)


def _tree_cpu(pid: int) -> float:
    """CPU seconds of a process and its children (nginx's master and workers)."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        children = []
    return cpu_seconds(pid) + sum(cpu_seconds(int(c)) for c in children)


def _join(procs: list[BaseProcess]) -> None:
    for p in procs:
        p.join(30)
        if p.is_alive():
            p.kill()


async def run(clients: int, mb: float, files: int, processes: int) -> dict[str, Any]:
    raise_open_files()
    processes = max(1, min(processes, clients))
    with tempfile.TemporaryDirectory(prefix="mr-bench-docs-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        db = Database(url)
        hall = seed_hall(db, clients)
        db.dispose()
        sizes = [int(mb * MB) // files] * files
        blobs = [make_pdf(size, f"Tài liệu kỳ họp số {n + 1}") for n, size in enumerate(sizes)]
        total_packet = sum(len(b) for b in blobs)
        server_proc, server_conn = _start(serve_chair, url, str(Path(tmp) / "blobs"), "warning")
        _, port, server_pid = await recv(server_conn)
        ws_url = f"ws://127.0.0.1:{port}"
        note(f"chair server pid {server_pid} at {ws_url}")
        try:
            secretary = ChairClient(ws_url, timeout=300)
            await secretary.connect()
            await secretary.resume(hall.secretary_token)
            started = time.monotonic()
            packet = []
            for n, blob in enumerate(blobs):
                sha = await upload(secretary, blob, f"tai-lieu-{n + 1}.pdf")
                await secretary.command(hall.meeting_id, "document.add", {
                    "sha256": sha, "title": f"Tài liệu {n + 1}",
                    "filename": f"tai-lieu-{n + 1}.pdf"})
                packet.append((sha, len(blob)))
            upload_s = time.monotonic() - started
            await secretary.close()
            note(f"uploaded {total_packet / MB:.1f} MB in {len(blobs)} PDFs in {upload_s:.1f} s")
            tokens = [token for _, token in hall.delegates]
            parts = [tokens[n::processes] for n in range(processes)]
            pairs = [_start(download_worker, part, str(Path(tmp) / f"worker{n}"))
                     for n, part in enumerate(parts)]
            served_before = cpu_seconds(server_pid)
            wall, delivered, errors, clients_cpu = await _timed_round([c for _, c in pairs],
                                                                      (ws_url, packet))
            served = cpu_seconds(server_pid) - served_before
            _join([p for p, _ in pairs])
            _, server_hwm = memory_mb(server_pid)
        finally:
            server_conn.send("stop")
            server_proc.join(60)
            if server_proc.is_alive():
                server_proc.kill()
        note(f"meetingroom: {delivered / MB:.0f} MB to {clients} clients in {wall:.1f} s")
        raw = await _raw_server(blobs)
        raw_port = next(iter(raw.sockets)).getsockname()[1]
        try:
            counts = [len(part) for part in parts]
            pairs = [_start(raw_worker, count) for count in counts]
            raw_wall, raw_delivered, raw_errors, _ = await _timed_round(
                [c for _, c in pairs], (raw_port, total_packet))
            _join([p for p, _ in pairs])
        finally:
            raw.close()
            await raw.wait_closed()
        note(f"raw sockets: {raw_delivered / MB:.0f} MB in {raw_wall:.1f} s")
        nginx = await _nginx_round(blobs, counts, Path(tmp))
        if nginx is not None:
            note(f"nginx: {nginx[1] / MB:.0f} MB in {nginx[0]:.1f} s")
    throughput = delivered / MB / wall
    nginx_throughput = nginx[1] / MB / nginx[0] if nginx is not None else None
    raw_throughput = raw_delivered / MB / raw_wall
    return {
        "clients": clients, "processes": processes, "files": files,
        "packet_mb": round(total_packet / MB, 1),
        "delivered_mb": round(delivered / MB, 1),
        "wall_s": round(wall, 2),
        "throughput_mb_s": round(throughput, 1),
        "raw_throughput_mb_s": round(raw_throughput, 1),
        "raw_wall_s": round(raw_wall, 2),
        "ratio_to_raw": round(throughput / raw_throughput, 3),
        "nginx_throughput_mb_s": (round(nginx_throughput, 1) if nginx_throughput
                                  else None),
        "ratio_to_nginx": (round(throughput / nginx_throughput, 3) if nginx_throughput
                           else None),
        "upload_s": round(upload_s, 2),
        "errors": len(errors) + len(raw_errors) + (len(nginx[2]) if nginx else 0),
        "complete": delivered == clients * total_packet,
        "server_rss_mb": rounded(server_hwm),
        # CPU seconds per GB delivered, server and clients, ours and nginx's round: on two
        # shared cores whatever one side spends the other cannot.
        "server_cpu_s_per_gb": _per_gb(served, delivered),
        "clients_cpu_s_per_gb": _per_gb(clients_cpu, delivered),
        "nginx_cpu_s_per_gb": _per_gb(nginx[4], nginx[1]) if nginx is not None else None,
        "nginx_clients_cpu_s_per_gb": (_per_gb(nginx[3], nginx[1]) if nginx is not None
                                       else None),
    }


COLUMNS = ["clients", "packet_mb", "delivered_mb", "wall_s", "throughput_mb_s",
           "raw_throughput_mb_s", "ratio_to_raw", "nginx_throughput_mb_s", "ratio_to_nginx",
           "upload_s", "errors", "server_rss_mb", "server_cpu_s_per_gb",
           "clients_cpu_s_per_gb", "nginx_cpu_s_per_gb", "nginx_clients_cpu_s_per_gb"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.docs_transfer", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--mb", type=float, default=100.0, help="size of the whole packet")
    parser.add_argument("--files", type=int, default=5, help="PDFs in the packet")
    parser.add_argument("--processes", type=int, default=min(4, max(2, os.cpu_count() or 2)))
    args = parser.parse_args(argv)
    result = asyncio.run(run(args.clients, args.mb, args.files, args.processes))
    emit(result)
    table([result], COLUMNS, f"docs_transfer ({os.cpu_count()} cores; MB = MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
