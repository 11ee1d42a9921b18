"""Documents through the real server: upload, verified and resumable download, access,
wipe, expiry, versions, and a cache that never shows a PDF on disk."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import struct
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy
from sqlalchemy import select
from websockets.asyncio.client import connect
from websockets.asyncio.server import ServerConnection, serve

from meetingroom.core.pdf.annotation_store import AnnotationStore
from meetingroom.core.pdf.annotations import Annotation, AnnotationKind
from meetingroom.core.pdf.versions import carry_annotations
from meetingroom.core.protocol import (
    FEATURE_LEAN_FILES,
    LEGACY_BINARY_FETCH_BYTES,
    MAX_BINARY_FETCH_BYTES,
    MAX_FETCH_BYTES,
    WELCOME_KNOWN_HEADER,
    parse_binary_reply,
    welcome_digest,
)
from meetingroom.laptop.doc_cache import DocumentCache, sha256_hex
from meetingroom.server import service as service_module
from meetingroom.server.convert import find_office
from meetingroom.server.storage.database import Database
from meetingroom.server.storage.models import Document
from meetingroom.sync.client.chair_client import ChairClient, ConnectionLostError, ServerError
from meetingroom.sync.client.prefetch import Prefetcher
from meetingroom.sync.client.transfer import Pace, download, upload
from meetingroom.sync.serving.endpoint import ChairServer, ServerConfig
from tests.conftest import Login
from tests.helpers.factories import PASSWORD, Hall
from tests.test_reader_support import make_pdf

KEY = bytes(range(32))


def _big_pdf(pages: int = 40, filler_bytes: int = 3 * MAX_FETCH_BYTES) -> bytes:
    """Several fetch pieces long, with incompressible content so sizes are realistic."""
    import os

    data = make_pdf(pages, words=lambda i: f"Trang {i} " + os.urandom(8).hex())
    filler = os.urandom(filler_bytes // 2 + 1)
    return data + b"\n%" + filler.hex().encode()[:filler_bytes]


async def _publish(secretary: ChairClient, hall: Hall, data: bytes, *, confidential: bool = False,
                   title: str = "Tờ trình dự toán") -> dict[str, Any]:
    sha = await upload(secretary, data, "to-trinh.pdf")
    assert sha == sha256_hex(data)
    added = await secretary.command(hall.meeting_id, "document.add", {
        "sha256": sha, "title": title, "filename": "to-trinh.pdf",
        "item_id": hall.item_ids[1], "confidential": confidential})
    document: dict[str, Any] = added["document"]
    return document


async def test_upload_then_download_verified_into_an_encrypted_cache(
        server: ChairServer, hall: Hall, login: Login, tmp_path: Path) -> None:
    secretary, delegate = await login("secretary"), await login("delegate1")
    data = _big_pdf()
    document = await _publish(secretary, hall, data)
    assert document["pages"] == 40
    assert document["version"] == 1
    # Uploading the same file again sends nothing: the server already has it.
    status = await secretary.request("upload_status", sha256=document["sha256"],
                                     size=len(data))
    assert status["complete"] is True
    with pytest.raises(ServerError) as delegate_uploads:
        await delegate.request("upload_status", sha256=document["sha256"], size=len(data))
    assert delegate_uploads.value.code == "forbidden"

    cache = DocumentCache(tmp_path / "cache", KEY)
    seen: list[int] = []
    got = await download(delegate, document["sha256"], document["size_bytes"], cache,
                         progress=lambda _sha, done, _total: seen.append(done))
    assert got == data
    assert seen[-1] == len(data)
    # At rest: nothing on disk is a PDF or shows the document's words.
    for path in (tmp_path / "cache").rglob("*"):
        if path.is_file() and path.name != "index.sqlite3":
            raw = path.read_bytes()
            assert not raw.startswith(b"%PDF")
            assert b"PDF" not in raw[:64]
            assert data[:200] not in raw
    # Another key cannot read it (a copied folder is useless).
    assert DocumentCache(tmp_path / "cache", bytes(32)).read(document["sha256"]) is None


async def test_a_cut_download_resumes_where_it_stopped(server: ChairServer, hall: Hall,
                                                       login: Login, tmp_path: Path) -> None:
    secretary = await login("secretary")
    data = _big_pdf()
    document = await _publish(secretary, hall, data)
    cache = DocumentCache(tmp_path / "cache", KEY)
    first = await login("delegate1")

    piece = 64 * 1024

    def cut_after_two(_sha: str, done: int, _total: int) -> None:
        if done >= 2 * piece:
            asyncio.get_running_loop().create_task(first.close())

    with pytest.raises((ConnectionLostError, ServerError)):
        await download(first, document["sha256"], len(data), cache,
                       pace=Pace(largest=piece, parallel=1), progress=cut_after_two)
    kept = cache.pieces(document["sha256"])
    assert sum(kept.values()) >= 2 * piece
    assert sum(kept.values()) < len(data)
    # Pieces are not fsynced: one torn by a power cut fails to open and is fetched again.
    last = max(kept)
    torn = tmp_path / "cache" / ".parts" / f"{document['sha256']}.part"
    torn.write_bytes(torn.read_bytes()[:-100])
    again = await login("delegate1")
    reports: list[int] = []
    got = await download(again, document["sha256"], len(data), cache,
                         progress=lambda _s, done, _t: reports.append(done))
    assert got == data
    assert reports[0] == sum(kept.values()) - kept[last], \
        "the second run starts from what was kept"
    # Sealed once as it came: the finished file opens from the cache (a fresh instance),
    # the pieces are gone, and nothing at rest is the plaintext.
    assert DocumentCache(tmp_path / "cache", KEY).read(document["sha256"]) == got
    assert cache.pieces(document["sha256"]) == {}
    for path in (tmp_path / "cache").rglob("*"):
        if path.is_file() and path.name != "index.sqlite3":
            assert data[:4096] not in path.read_bytes()


async def test_a_fast_link_takes_pieces_as_big_as_the_server_says(
        server: ChairServer, hall: Hall, login: Login, tmp_path: Path) -> None:
    """Each piece costs the server an access check on its database thread: the welcome
    says how big a binary piece may be, the client takes that much, never more."""
    secretary, delegate = await login("secretary"), await login("delegate1")
    assert delegate.welcome["limits"]["max_binary_fetch_bytes"] == MAX_BINARY_FETCH_BYTES
    assert MAX_BINARY_FETCH_BYTES > LEGACY_BINARY_FETCH_BYTES
    data = _big_pdf(filler_bytes=MAX_BINARY_FETCH_BYTES + MAX_FETCH_BYTES)
    document = await _publish(secretary, hall, data)
    seen: list[int] = []
    got = await download(delegate, document["sha256"], len(data),
                         DocumentCache(tmp_path / "cache", KEY),
                         pace=Pace(first=8 * MAX_BINARY_FETCH_BYTES, parallel=1),
                         progress=lambda _s, done, _t: seen.append(done))
    assert got == data
    steps = [b - a for a, b in itertools.pairwise(seen)]
    assert steps[0] == MAX_BINARY_FETCH_BYTES
    assert max(steps) <= MAX_BINARY_FETCH_BYTES
    with pytest.raises(ServerError) as too_big:
        await delegate.request("fetch_chunk", sha256=document["sha256"], offset=0,
                               length=MAX_BINARY_FETCH_BYTES + 1, binary=True)
    assert too_big.value.code == "bad_message"


async def test_a_small_piece_comes_in_fragments_that_any_client_reads_whole(
        server: ChairServer, hall: Hall, login: Login) -> None:
    """A piece small enough for a slow link comes as one binary message in fragments
    (so a cut one leaves its whole fragments, ``ChairClient.take_partial``); a client
    that reads whole messages, as websockets gives them, gets the same reply."""
    secretary, delegate = await login("secretary"), await login("delegate1")
    data = _big_pdf(pages=2, filler_bytes=60_000)
    document = await _publish(secretary, hall, data)
    frames: list[tuple[int, bool]] = []
    async with connect(server.url, max_size=None) as raw:
        json.loads(await raw.recv())  # the welcome
        await raw.send(json.dumps({"type": "resume", "id": "r", "token": delegate.token}))
        assert json.loads(await raw.recv())["ok"]
        original = raw.process_event

        def seen(event: Any) -> None:
            frames.append((int(event.opcode), bool(event.fin)))
            original(event)

        raw.process_event = seen  # type: ignore[method-assign]
        await raw.send(json.dumps({"type": "fetch_chunk", "id": "p", "binary": True,
                                   "sha256": document["sha256"], "offset": 100,
                                   "length": 40_000}))
        message = await raw.recv()
    assert isinstance(message, bytes)
    header, piece = parse_binary_reply(message)
    assert header["id"] == "p"
    assert header["result"]["length"] == 40_000
    assert bytes(piece) == data[100:40_100]
    data_frames = [f for f in frames if f[0] in (0, 2)]  # not the closing handshake
    assert len(data_frames) > 2
    assert data_frames[0] == (2, False), data_frames
    assert data_frames[-1] == (0, True), data_frames
    assert all(f == (0, False) for f in data_frames[1:-1]), data_frames


async def test_a_lean_piece_on_a_connection_that_knows_the_welcome(
        server: ChairServer, hall: Hall, login: Login) -> None:
    """A laptop's file connection, opened again after every vote on a hall's shared air,
    names the welcome its other connection had (its digest) and is told "same" in 30
    bytes instead of 190. Its pieces asked ``lean`` come with a header that is the id
    alone, 12 bytes where the full reply took 93; ``lean`` without ``binary`` is
    refused. A connection that names another welcome, or none, gets the whole one."""
    secretary, delegate = await login("secretary"), await login("delegate1")
    assert FEATURE_LEAN_FILES in delegate.welcome["features"]
    data = _big_pdf(pages=2, filler_bytes=4_000)
    document = await _publish(secretary, hall, data)
    known = {WELCOME_KNOWN_HEADER: welcome_digest(delegate.welcome)}
    async with connect(server.url, max_size=None, additional_headers=known) as raw:
        assert await raw.recv() == '{"type":"welcome","same":true}'
        await raw.send(json.dumps({"type": "resume", "id": "r", "token": delegate.token,
                                   "files": True}))
        first = json.loads(await raw.recv())
        assert (first["type"], first["id"], first["ok"]) == ("reply", "r", True), first
        await raw.send(json.dumps({"type": "fetch_chunk", "id": "p9", "binary": True,
                                   "lean": True, "sha256": document["sha256"],
                                   "offset": 100, "length": 1024}))
        message = await raw.recv()
        assert isinstance(message, bytes)
        (length,) = struct.unpack_from(">I", message)
        assert json.loads(message[4:4 + length]) == {"id": "p9"}
        header, piece = parse_binary_reply(message)
        assert header == {"type": "reply", "id": "p9", "ok": True, "result": {}}
        assert bytes(piece) == data[100:1124]
        await raw.send(json.dumps({"type": "fetch_chunk", "id": "p10", "lean": True,
                                   "sha256": document["sha256"], "offset": 0,
                                   "length": 1024}))
        refused = json.loads(await raw.recv())
        assert (refused["id"], refused["code"]) == ("p10", "bad_message"), refused
    other = {WELCOME_KNOWN_HEADER: welcome_digest({**delegate.welcome, "protocol": 0})}
    for headers in (other, None):
        async with connect(server.url, max_size=None, additional_headers=headers) as raw:
            welcome = json.loads(await raw.recv())
            assert welcome == delegate.welcome


@contextlib.asynccontextmanager
async def _corrupting_relay(upstream: str, corrupt: int) -> AsyncIterator[tuple[str, list[int]]]:
    """A real network hop that damages the first ``corrupt`` file pieces it carries."""
    damaged: list[int] = []
    #: The offset each piece was asked at: a lean piece's header is its id alone.
    asked: dict[str, int] = {}

    async def relay(downstream: ServerConnection) -> None:
        async with connect(upstream, max_size=None) as up:
            async def to_server() -> None:
                async for frame in downstream:
                    if isinstance(frame, str) and '"fetch_chunk"' in frame:
                        request = json.loads(frame)
                        asked[request["id"]] = request["offset"]
                    await up.send(frame)

            async def to_client() -> None:
                async for frame in up:
                    if isinstance(frame, bytes):  # a binary piece: flip a byte of its data
                        header, data = parse_binary_reply(frame)
                        if len(damaged) < corrupt:
                            damaged.append(asked[header["id"]])
                            frame = frame[:-len(data)] + bytes([data[0] ^ 0xFF]) + \
                                bytes(data[1:])
                        await downstream.send(frame)
                        continue
                    text = frame
                    if '"chunk_sha256"' in text and len(damaged) < corrupt:
                        message = json.loads(text)
                        data = message["result"]["data"]
                        flipped = "A" if data[100] != "A" else "B"
                        message["result"]["data"] = data[:100] + flipped + data[101:]
                        damaged.append(message["result"]["offset"])
                        text = json.dumps(message)
                    await downstream.send(text)

            tasks = [asyncio.create_task(to_server()), asyncio.create_task(to_client())]
            _, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
            for task in pending:
                task.cancel()

    async with serve(relay, "127.0.0.1", 0, max_size=None) as proxy:
        port = next(iter(proxy.sockets)).getsockname()[1]
        yield f"ws://127.0.0.1:{port}", damaged


async def test_a_corrupted_piece_is_detected_and_fetched_again(
        server: ChairServer, hall: Hall, login: Login, tmp_path: Path) -> None:
    secretary = await login("secretary")
    data = _big_pdf()
    document = await _publish(secretary, hall, data)
    async with (_corrupting_relay(server.url, corrupt=1) as (url, damaged),
                ChairClient(url, timeout=15) as client):
        await client.login("delegate1", PASSWORD)
        got = await download(client, document["sha256"], len(data),
                             DocumentCache(tmp_path / "cache", KEY), parallel=1)
    assert damaged == [0]
    assert got == data


@pytest.mark.parametrize("server_config", [
    ServerConfig(host="127.0.0.1", port=0, ping_interval=0.002)])
async def test_pieces_sent_by_sendfile_stay_whole_while_pings_fly(
        server: ChairServer, hall: Hall, login: Login, tmp_path: Path) -> None:
    """A piece goes by ``sendfile``: the server's keepalive pings (every 2 ms here) and
    its pongs to the laptop's own pings wait until the piece's frame is out — one written
    inside it would cut the frame, and the laptop could read nothing after it."""
    secretary = await login("secretary")
    data = _big_pdf(filler_bytes=3 * MAX_BINARY_FETCH_BYTES)
    document = await _publish(secretary, hall, data)
    delegate = ChairClient(server.url, keepalive=0.002, compress=False)
    await delegate.connect()
    try:
        await delegate.login("delegate1", PASSWORD)
        for attempt in range(4):
            cache = DocumentCache(tmp_path / f"laptop{attempt}", KEY)
            # Bounded: a cut frame would leave the laptop waiting for an answer for ever.
            assert await asyncio.wait_for(
                download(delegate, document["sha256"], len(data), cache), 60) == data
    finally:
        await delegate.close()


async def test_access_is_checked_on_every_piece(server: ChairServer, hall: Hall, login: Login,
                                                database: Database) -> None:
    secretary, guest = await login("secretary"), await login("guest")
    delegate, outsider = await login("delegate1"), await login("outsider")
    secret = await _publish(secretary, hall, make_pdf(3), confidential=True, title="Mật")
    public = await _publish(secretary, hall, make_pdf(2), title="Công khai")
    for client, sha, allowed in [(guest, secret["sha256"], False),
                                 (guest, public["sha256"], True),
                                 (delegate, secret["sha256"], True),
                                 (delegate, public["sha256"], True),
                                 (outsider, public["sha256"], False)]:
        request = client.request("fetch_chunk", sha256=sha, offset=0, length=1024)
        if allowed:
            assert (await request)["length"] == 1024
        else:
            with pytest.raises(ServerError) as refused:
                await request
            assert refused.value.code == "not_found"
    # Withdrawn: nobody can fetch it any more, even with its name.
    await secretary.command(hall.meeting_id, "document.withdraw",
                            {"document_id": public["id"]})
    with pytest.raises(ServerError) as gone:
        await delegate.request("fetch_chunk", sha256=public["sha256"], offset=0, length=10)
    assert gone.value.code == "not_found"


async def test_a_readable_file_is_not_asked_of_the_rows_at_every_piece(
        server: ChairServer, hall: Hall, login: Login, database: Database, db_url: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A hall fetching its packet asks for thousands of pieces: a yes is remembered while
    nothing has written to the database. The database's mark of writes from elsewhere is
    looked at every ``READABLE_FOR_S``: what a second server process on the same
    database changes is seen after that, and while nothing changes the rows are not
    asked again, however long the packet takes."""
    monkeypatch.setattr(service_module, "READABLE_FOR_S", 0.5)
    secretary, delegate = await login("secretary"), await login("delegate1")
    document = await _publish(secretary, hall, make_pdf(2), title="Công khai")
    statements: list[str] = []
    sqlalchemy.event.listen(database.engine, "before_cursor_execute",
                            lambda *args: statements.append(args[2]))

    async def piece() -> int:
        reply = await delegate.request("fetch_chunk", sha256=document["sha256"], offset=0,
                                       length=100)
        return int(reply["length"])

    assert await piece() == 100
    asked = len(statements)
    assert asked > 0
    for _ in range(5):
        assert await piece() == 100
    assert len(statements) == asked  # nothing changed: the rows are not asked again
    await asyncio.sleep(0.6)
    assert await piece() == 100  # past READABLE_FOR_S: only the mark of writes is read
    assert not [s for s in statements[asked:] if "documents" in s], statements[asked:]
    # The same database written by another process: this server did not see it happen.
    other = Database(db_url)
    try:
        with other.transaction() as session:
            row = session.get(Document, document["id"])
            assert row is not None
            row.withdrawn_at = datetime.now(UTC)
    finally:
        other.dispose()
    await asyncio.sleep(0.6)
    with pytest.raises(ServerError) as gone:
        await piece()
    assert gone.value.code == "not_found"


async def test_a_cache_sealed_with_another_key_is_fetched_again(
        server: ChairServer, hall: Hall, login: Login, tmp_path: Path) -> None:
    """A laptop without a keyring gets a new cache key at each start: the files of the
    last start cannot be opened. Before, they still counted as downloaded — the packet
    complete, the reader told "not on this laptop" — and were never fetched again. Now
    the cache drops what it cannot open at the start, and the packet fetches it anew."""
    secretary, delegate = await login("secretary"), await login("delegate1")
    document = await _publish(secretary, hall, make_pdf(3, words=lambda i: f"khóa {i}"))
    meeting = {"id": hall.meeting_id}
    first = DocumentCache(tmp_path / "cache", KEY)
    assert (await Prefetcher(first).sync(delegate, meeting, [document])).complete
    assert DocumentCache(tmp_path / "cache", KEY).read(document["sha256"]) is not None

    restarted = DocumentCache(tmp_path / "cache", bytes(range(1, 33)))
    assert not restarted.has(document["sha256"])
    packet = await Prefetcher(restarted).sync(delegate, meeting, [document])
    assert packet.complete
    data = restarted.read(document["sha256"])
    assert data is not None
    assert sha256_hex(data) == document["sha256"]


async def test_wipe_expiry_and_new_versions(server: ChairServer, hall: Hall, login: Login,
                                            tmp_path: Path) -> None:
    secretary, delegate = await login("secretary"), await login("delegate1")
    await delegate.subscribe(hall.meeting_id)
    first = await _publish(secretary, hall, make_pdf(3, words=lambda i: f"bản một {i}"))
    other = await _publish(secretary, hall, make_pdf(2), title="Phụ lục")
    cache = DocumentCache(tmp_path / "cache", KEY)
    prefetcher = Prefetcher(cache)
    meeting = {"id": hall.meeting_id, "starts_at": "2026-12-01T01:00:00+00:00"}
    packet = await prefetcher.sync(delegate, meeting, [first, other])
    assert packet.complete
    assert packet.done == packet.total == first["size_bytes"] + other["size_bytes"]
    assert cache.has(first["sha256"])

    # A new version with the same page count: annotations follow, the old file goes.
    notes = AnnotationStore(tmp_path / "profile", "delegate1")
    notes.put(Annotation(first["sha256"], 1, AnnotationKind.NOTE, text="xem lại"))
    second_data = make_pdf(3, words=lambda i: f"bản hai {i}")
    new_sha = await upload(secretary, second_data, "to-trinh-v2.pdf")
    replaced = (await secretary.command(hall.meeting_id, "document.replace", {
        "document_id": first["id"], "sha256": new_sha}))["document"]
    assert replaced["version"] == 2
    assert replaced["previous_id"] == first["id"]
    snapshot = (await delegate.subscribe(hall.meeting_id, last_seq=0))["snapshot"]
    current = snapshot["documents"]
    assert {d["sha256"] for d in current} == {new_sha, other["sha256"]}
    await prefetcher.sync(delegate, meeting, current)
    assert cache.has(new_sha)
    assert not cache.has(first["sha256"])
    assert carry_annotations(notes, first["sha256"], new_sha, old_pages=3, new_pages=3) == 1
    assert [a.text for a in notes.annotations(new_sha)] == ["xem lại"]
    assert [a.text for a in notes.annotations(first["sha256"])] == ["xem lại"]
    assert carry_annotations(notes, first["sha256"], other["sha256"], old_pages=3,
                             new_pages=2) == 0

    # Remote wipe of a withdrawn document, then expiry of what is left.
    await secretary.command(hall.meeting_id, "document.withdraw",
                            {"document_id": other["id"]})
    remaining = (await delegate.subscribe(hall.meeting_id, last_seq=0))["snapshot"]["documents"]
    assert prefetcher.wipe(hall.meeting_id, remaining) == [other["sha256"]]
    assert not cache.has(other["sha256"])
    assert cache.purge_expired(datetime(2026, 12, 30, tzinfo=UTC)) == []
    assert cache.purge_expired(datetime(2026, 12, 1, tzinfo=UTC) + timedelta(days=31)) == \
        [new_sha]
    assert not cache.has(new_sha)


async def test_office_files_are_converted_or_refused_plainly(
        server: ChairServer, hall: Hall, login: Login) -> None:
    secretary = await login("secretary")
    odt = b"PK\x03\x04" + b"not really an odt, but LibreOffice will say so" * 10
    if find_office() is None:
        with pytest.raises(ServerError) as refused:
            await upload(secretary, odt, "du-thao.odt")
        assert refused.value.code == "unavailable"
        assert "LibreOffice" in refused.value.message
    else:  # pragma: no cover - only where LibreOffice is installed
        with pytest.raises(ServerError) as failed:
            await upload(secretary, odt, "du-thao.odt")
        assert failed.value.code == "unavailable"
    # A file that is neither PDF nor office is stored but cannot become a document.
    sha = await upload(secretary, b"just text, not a pdf", "ghi-chu.txt")
    with pytest.raises(ServerError) as not_pdf:
        await secretary.command(hall.meeting_id, "document.add",
                                {"sha256": sha, "title": "x", "filename": "ghi-chu.txt"})
    assert not_pdf.value.code == "invalid_args"


def test_upload_pieces_must_continue_the_file(database: Database, tmp_path: Path) -> None:
    from meetingroom.server.blobs import BlobStore

    blobs = BlobStore(tmp_path / "blobs")
    data = b"%PDF-1.7 " + bytes(range(256)) * 10
    sha = sha256_hex(data)
    assert blobs.append(sha, len(data), 0, data[:100]) == 100
    with pytest.raises(ValueError, match="expected offset 100"):
        blobs.append(sha, len(data), 50, data[50:100])
    assert blobs.append(sha, len(data), 100, data[100:]) == len(data)
    assert blobs.read(sha) == data
    wrong = sha256_hex(b"something else")
    with pytest.raises(ValueError, match="does not match"):
        blobs.append(wrong, 5, 0, b"hello")
    assert not blobs.has(wrong)
    with database.reading() as session:
        assert session.scalars(select(Document)).all() == []
