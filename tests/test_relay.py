"""Hall relays: a provincial meeting followed from two commune halls over weak uplinks.

A real provincial chair server, two real relays (``RelayServer``, as
``meetingroom serve --relay-for`` starts it) and delegates on each hall with the
plain client. Relay B's uplink runs through a TCP proxy the test can cut, as a
commune's Wi-Fi or 4G link would be.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from meetingroom.core.protocol import MAX_FETCH_BYTES
from meetingroom.core.vocabulary import Role
from meetingroom.laptop.doc_cache import DocumentCache, sha256_hex
from meetingroom.server.service import MeetingService, ServiceSettings
from meetingroom.server.storage.database import Database
from meetingroom.server.storage.models import Participant, User
from meetingroom.sync.client.chair_client import ChairClient, ServerError
from meetingroom.sync.client.transfer import download, upload
from meetingroom.sync.relay.hall_relay import RelayServer, RelaySettings
from meetingroom.sync.serving.endpoint import ChairServer
from meetingroom.sync.serving.pieces import BinaryReply
from meetingroom.sync.serving.socket_server import ServerConfig
from tests.helpers.factories import PASSWORD, Hall, _hash, make_hall
from tests.helpers.session_helpers import start_session, until
from tests.test_reader_support import make_pdf

KEY = bytes(range(32))


class NoticeClient(ChairClient):
    """The plain client, also keeping the notices it is sent (``relay.link``, ``room.changed``)."""

    def __init__(self, url: str, **kwargs: Any) -> None:
        super().__init__(url, **kwargs)
        self.notices: asyncio.Queue[dict[str, Any]] = asyncio.Queue()

    def _dispatch(self, frame: str | bytes) -> None:
        if isinstance(frame, str) and frame.startswith('{"type":"notice"'):
            import json

            self.notices.put_nowait(json.loads(frame))
            return
        super()._dispatch(frame)

    async def notice(self, name: str, wait: float = 15, **match: Any) -> dict[str, Any]:
        async with asyncio.timeout(wait):
            while True:
                found = await self.notices.get()
                payload = found["payload"]
                if found["notice"] == name and all(payload.get(k) == v
                                                   for k, v in match.items()):
                    return found


class Proxy:
    """A TCP relay between a hall and the province that the test can cut and restore."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.up = True
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    async def start(self) -> str:
        self._server = await asyncio.start_server(self._pipe, "127.0.0.1", 0)
        port = self._server.sockets[0].getsockname()[1]
        return f"ws://127.0.0.1:{port}"

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if not self.up:
            writer.transport.abort()
            return
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            writer.transport.abort()
            return
        self._writers |= {writer, up_writer}

        async def copy(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            with contextlib.suppress(Exception):
                while data := await src.read(65536):
                    dst.write(data)
                    await dst.drain()
            dst.transport.abort()

        await asyncio.gather(copy(reader, up_writer), copy(up_reader, writer))
        self._writers -= {writer, up_writer}

    def cut(self) -> None:
        self.up = False
        for writer in list(self._writers):
            writer.transport.abort()

    def restore(self) -> None:
        self.up = True

    async def stop(self) -> None:
        self.cut()
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()


@dataclass
class Province:
    server: ChairServer
    hall: Hall
    db: Database
    #: Lengths of the file pieces the province served (access probes not counted).
    pieces: list[int]


def _add_accounts(db: Database, hall: Hall, names: list[str], role: Role) -> None:
    with db.transaction() as s:
        for name in names:
            user = User(username=name, full_name=f"Người dùng {name}", password_hash=_hash())
            s.add(user)
            s.flush()
            s.add(Participant(meeting_id=hall.meeting_id, user_id=user.id, role=role.value))


@pytest.fixture
async def province(tmp_path: Path) -> AsyncIterator[Province]:
    db = Database(f"sqlite:///{tmp_path / 'province.db'}")
    hall = make_hall(db, delegates=4)
    _add_accounts(db, hall, ["relay-a", "relay-b"], Role.GUEST)
    server = ChairServer(MeetingService(db, ServiceSettings(replay_limit=50)),
                         ServerConfig(host="127.0.0.1", port=0))
    pieces: list[int] = []
    fetch = server._fetch_chunk

    async def counting_fetch(identity: Any, request: Any,
                             piece_limit: int) -> dict[str, Any] | BinaryReply:
        if request.length > 1:  # a relay's one-byte access probe is not a copy of the file
            pieces.append(request.length)
        return await fetch(identity, request, piece_limit)

    server._fetch_chunk = counting_fetch  # type: ignore[method-assign]
    await server.start()
    yield Province(server, hall, db, pieces)
    await server.stop()
    db.dispose()


async def _relay(upstream: str, meeting_id: int, user: str, hall: str,
                 folder: Path) -> RelayServer:
    relay = RelayServer(RelaySettings(upstream=upstream, meeting_id=meeting_id, user=user,
                                      password=PASSWORD, hall=hall, folder=folder,
                                      hold_seconds=1.0, status_seconds=2.0,
                                      retry_max_seconds=0.5, upstream_timeout=10),
                        ServerConfig(host="127.0.0.1", port=0))
    await relay.start()
    async with asyncio.timeout(15):
        await relay.link_up.wait()
    return relay


async def _client(url: str, username: str) -> NoticeClient:
    client = NoticeClient(url, timeout=15)
    await client.connect()
    await client.login(username, PASSWORD)
    return client


async def _emptied(relay: RelayServer, within: float = 20) -> None:
    """Wait until the relay has delivered every queued command."""
    for _ in range(int(within * 10)):
        if not relay.store.pending_count():
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"{relay.store.pending_count()} command(s) still queued")


def _big_pdf() -> bytes:
    data = make_pdf(12, words=lambda i: f"Trang {i} " + os.urandom(8).hex())
    return data + b"\n%" + os.urandom(MAX_FETCH_BYTES).hex().encode()[: 2 * MAX_FETCH_BYTES]


async def test_two_halls_vote_through_relays_and_survive_a_cut_uplink(
        province: Province, tmp_path: Path) -> None:
    hall, meeting = province.hall, province.hall.meeting_id
    proxy = Proxy(province.server.port)
    relay_a = await _relay(province.server.url, meeting, "relay-a", "Xã An Bình", tmp_path / "a")
    relay_b = await _relay(await proxy.start(), meeting, "relay-b", "Xã Bình Minh",
                           tmp_path / "b")
    clients: list[ChairClient] = []
    try:
        chair = await _client(province.server.url, "chair")
        secretary = await _client(province.server.url, "secretary")
        d1, d2 = [await _client(relay_a.url, n) for n in hall.delegates[:2]]
        d3, d4 = [await _client(relay_b.url, n) for n in hall.delegates[2:]]
        watcher = await _client(relay_b.url, "guest")  # an observer in hall B: only watches
        clients += [chair, secretary, d1, d2, d3, d4, watcher]

        await start_session(chair, meeting, hall.item_ids[1])
        for client in (d1, d2, d3, d4, watcher):
            sub = await client.subscribe(meeting)
            assert sub["mode"] == "snapshot"
            assert sub["relay"]["state"] == "up"
            await client.command(meeting, "attendance.check_in")
        # Quorum counts the delegates in the communes: they checked in as themselves.
        checked = await until(chair, "attendance.changed")
        assert checked["payload"]["by"] is not None
        with pytest.raises(ServerError) as observer:
            await watcher.command(meeting, "speech.register", {})
        assert observer.value.code == "forbidden"
        await d3.command(meeting, "speech.register", {})  # a commune delegate asks to speak
        await chair.command(meeting, "attendance.check_in")

        # The chair console sees both halls, their link and who is there.
        async with asyncio.timeout(15):
            while True:
                rooms = {r["hall"]: r for r in (await chair.subscribe(meeting))["rooms"]}
                if rooms.get("Xã Bình Minh", {}).get("present") == 3 and \
                        rooms.get("Xã An Bình", {}).get("present") == 2:
                    break
                await asyncio.sleep(0.3)
        assert {r["link"] for r in rooms.values()} == {"up"}

        # Documents: each relay fetches the file upstream once, however many laptops read it.
        data = _big_pdf()
        sha = await upload(secretary, data, "to-trinh.pdf")
        assert sha == sha256_hex(data)
        await secretary.command(meeting, "document.add", {
            "sha256": sha, "title": "Tờ trình", "filename": "to-trinh.pdf",
            "item_id": hall.item_ids[1]})
        for n, client in enumerate((d1, d2, d3, d4)):
            got = await download(client, sha, len(data),
                                 DocumentCache(tmp_path / f"cache{n}", KEY))
            assert got == data
        # Each hall fetched the file from the province once, whatever its piece sizes.
        assert sum(province.pieces) == 2 * len(data)
        assert relay_a.upstream_bytes == relay_b.upstream_bytes == len(data)

        # The vote: hall A votes with the link up; hall B's uplink is cut meanwhile.
        created = await chair.command(meeting, "vote.create", {
            "matter": "resolution", "title": "Thông qua Nghị quyết dự toán ngân sách 2027"})
        vote_id = created["vote"]["id"]
        await chair.command(meeting, "vote.open", {"vote_id": vote_id})
        opened = [await until(c, "vote.opened") for c in (chair, d1, d3)]
        assert len({o["seq"] for o in opened}) == 1  # the same numbers in every hall

        await d1.command(meeting, "vote.cast", {"vote_id": vote_id, "choice": 0})
        await d2.command(meeting, "vote.cast", {"vote_id": vote_id, "choice": 1})

        proxy.cut()
        down = await d3.notice("relay.link", state="down")
        assert down["payload"]["hall"] == "Xã Bình Minh"
        await watcher.notice("relay.link", state="down")
        assert (await chair.notice("room.changed", hall="Xã Bình Minh", link="down")
                )["payload"]["link"] == "down"

        ballots = {d3: (uuid.uuid4().hex, 0), d4: (uuid.uuid4().hex, 2)}
        for client, (command_id, choice) in ballots.items():
            with pytest.raises(ServerError) as waiting:
                await client.command(meeting, "vote.cast", {"vote_id": vote_id,
                                                            "choice": choice},
                                     command_id=command_id)
            assert waiting.value.code == "unavailable"
            assert waiting.value.details["queued"] is True
        assert relay_b.store.pending_count() == 2

        # The hall keeps reading while cut off: a laptop resumes and replays from the relay.
        again = NoticeClient(relay_b.url, timeout=15)
        await again.connect()
        clients.append(again)
        assert d3.token is not None
        await again.resume(d3.token)
        replay = await again.subscribe(meeting, last_seq=opened[1]["seq"] - 2)
        assert replay["mode"] == "replay"
        assert replay["relay"]["state"] == "down"
        assert (await until(again, "vote.opened"))["seq"] == opened[1]["seq"]
        cache = DocumentCache(tmp_path / "offline", KEY)
        assert await download(again, sha, len(data), cache) == data

        await asyncio.sleep(1.0)
        proxy.restore()
        await d3.notice("relay.link", state="up")
        await _emptied(relay_b)
        # The laptops resend their queued ballots with the same ids (as MeetingConnection
        # does): each is answered from the one delivery, never counted again.
        for client, (command_id, choice) in ballots.items():
            answer = await client.command(meeting, "vote.cast",
                                          {"vote_id": vote_id, "choice": choice},
                                          command_id=command_id)
            assert answer["seq"] > 0
        await chair.command(meeting, "vote.cast", {"vote_id": vote_id, "choice": 0})

        closed = await chair.command(meeting, "vote.close", {"vote_id": vote_id})
        result = closed["vote"]["result"]
        assert [o["count"] for o in result["options"]] == [3, 1, 1]
        assert result["not_voted"] == 0
        seen = [await until(c, "vote.closed") for c in (d1, d4, watcher)]
        assert {e["seq"] for e in seen} == {closed["seq"]}
        # The laptops get the result's numbers (who chose what stays the chair's).
        numbers = {k: v for k, v in result.items() if k != "by_member"}
        assert all(e["payload"]["vote"]["result"] == numbers for e in seen)
        assert {r["hall"]: r["link"] for r in (await chair.subscribe(meeting))["rooms"]} == {
            "Xã An Bình": "up", "Xã Bình Minh": "up"}
    finally:
        for opened_client in clients:
            with contextlib.suppress(Exception):
                await opened_client.close()
        await relay_a.stop()
        await relay_b.stop()
        await proxy.stop()


async def test_relay_keeps_its_queue_across_a_restart(province: Province, tmp_path: Path) -> None:
    """A command queued while the uplink is down survives the relay process ending."""
    hall, meeting = province.hall, province.hall.meeting_id
    proxy = Proxy(province.server.port)
    upstream = await proxy.start()
    relay = await _relay(upstream, meeting, "relay-a", "Xã An Bình", tmp_path / "a")
    chair = await _client(province.server.url, "chair")
    d1 = await _client(relay.url, hall.delegates[0])
    try:
        await start_session(chair, meeting, hall.item_ids[1])
        await d1.subscribe(meeting)
        proxy.cut()
        await d1.notice("relay.link", state="down")
        with pytest.raises(ServerError) as waiting:
            await d1.command(meeting, "attendance.check_in", command_id="check-in-1")
        assert waiting.value.code == "unavailable"
        await d1.close()
        await relay.stop()
        proxy.restore()
        relay = await _relay(upstream, meeting, "relay-a", "Xã An Bình", tmp_path / "a")
        await _emptied(relay)
        changed = await until(chair, "attendance.changed")
        assert changed["payload"]["counts"]["present"] >= 1
    finally:
        await chair.close()
        await relay.stop()
        await proxy.stop()


async def test_a_relay_passes_each_laptops_address_on_for_the_login_throttle(
        province: Province, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """Wrong passwords typed on one laptop in the hall do not lock the hall's others out."""
    hall, meeting = province.hall, province.hall.meeting_id
    relay = await _relay(province.server.url, meeting, "relay-a", "Xã An Bình", tmp_path / "a")
    try:
        async with ChairClient(relay.url, timeout=30, local_address="127.0.0.5") as guesser:
            codes = []
            for n in range(6):
                with pytest.raises(ServerError) as wrong:
                    await guesser.login(hall.delegates[0], f"guess {n}")
                codes.append(wrong.value.code)
            assert codes == ["auth_failed"] * 5 + ["rate_limited"]
        # The delegate's own laptop, at another seat of the same hall, is not held back,
        # although the province sees both logins come from the relay's one address.
        async with ChairClient(relay.url, timeout=30, local_address="127.0.0.6") as laptop:
            await laptop.login(hall.delegates[0], PASSWORD)
        # Nobody but a linked relay may claim to speak for a laptop's address.
        delegate = await _client(province.server.url, hall.delegates[1])
        try:
            async with ChairClient(province.server.url, timeout=30) as liar:
                with pytest.raises(ServerError) as refused:
                    await liar.login(hall.delegates[0], PASSWORD, via_relay={
                        "token": str(delegate.token), "address": "127.0.0.77"})
                assert refused.value.code == "forbidden"
        finally:
            await delegate.close()
        assert "not a linked relay" in caplog.text
    finally:
        await relay.stop()
