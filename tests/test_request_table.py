"""One table of requests (``core.protocol.REQUESTS``), read by the server, the relay and
the client: each type's parser, who may send it, what a relay does with it.

The servers' handlers must match the table (a server missing one does not start), an
unknown type is refused once, by the parser, from the table; ``relay_status`` is parsed
once, as any request; the sender rule is enforced before any handler runs; a relay
answers, forwards or refuses as its column says.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from websockets.asyncio.client import connect

from meetingroom.core.protocol import (
    RELAY_SERVED,
    REQUEST_TYPES,
    REQUESTS,
    TRANSFER_TYPES,
    AtRelay,
    ErrorCode,
    ProtocolError,
    RelayStatus,
    RequestType,
    Sender,
    parse_request,
)
from meetingroom.sync.client.chair_client import ChairClient, ServerError
from meetingroom.sync.relay.hall_relay import RelayServer
from meetingroom.sync.serving.endpoint import ChairServer
from meetingroom.sync.serving.socket_server import RequestHandler, ServerConfig, SocketServer
from tests.conftest import Login
from tests.helpers.factories import PASSWORD, Hall
from tests.test_relay import Province, _client, _relay, province  # noqa: F401  (fixture)

SHA = "ab" * 32
#: A well-formed frame of every type: the sender rule is what answers it.
EXAMPLES: dict[RequestType, dict[str, Any]] = {
    RequestType.PING: {},
    RequestType.LOGIN: {"username": "nobody", "password": "wrong"},
    RequestType.RESUME: {"token": "not-a-token"},
    RequestType.LOGOUT: {},
    RequestType.LIST_MEETINGS: {},
    RequestType.SUBSCRIBE: {"meeting_id": 1},
    RequestType.UNSUBSCRIBE: {},
    RequestType.COMMAND: {"meeting_id": 1, "command": "attendance.check_in"},
    RequestType.FETCH_CHUNK: {"sha256": SHA, "offset": 0, "length": 1},
    RequestType.UPLOAD_STATUS: {"sha256": SHA, "size": 10},
    RequestType.UPLOAD_CHUNK: {"sha256": SHA, "size": 10, "offset": 0, "data": "AAAA"},
    RequestType.LIST_BODIES: {},
    RequestType.CREATE_MEETING: {"body_id": 1, "title": "Kỳ họp",
                                 "starts_at": "2030-12-10T08:00:00+07:00"},
    RequestType.CHANGE_PASSWORD: {"old_password": "a", "new_password": "b"},
    RequestType.ADMIN: {"action": "body.list"},
    RequestType.RELAY_STATUS: {"meeting_id": 1, "hall": "Xã An Bình"},
}


def frame(kind: str, request_id: str = "t-1", **fields: Any) -> str:
    return json.dumps({"type": kind, "id": request_id, **fields}, ensure_ascii=False)


# --- the table itself ------------------------------------------------------------------


def test_every_type_has_one_row_and_the_lists_are_read_from_it() -> None:
    assert set(REQUESTS) == set(RequestType) == set(EXAMPLES)
    for kind, spec in REQUESTS.items():
        assert spec.type is kind
        assert parse_request(frame(kind, **EXAMPLES[kind])).__class__ is spec.model
    assert tuple(t.value for t in RequestType) == REQUEST_TYPES
    assert {"fetch_chunk", "upload_status", "upload_chunk"} == TRANSFER_TYPES
    assert set(RequestType) - {RequestType.RELAY_STATUS} == RELAY_SERVED


def test_relay_status_is_parsed_once_as_any_request() -> None:
    parsed = parse_request(frame("relay_status", meeting_id=3, hall="Xã An Bình", present=2))
    assert isinstance(parsed, RelayStatus)
    assert (parsed.meeting_id, parsed.hall, parsed.present) == (3, "Xã An Bình", 2)
    with pytest.raises(ProtocolError) as bad:
        parse_request(frame("relay_status", "r-9", meeting_id=3, hall=""))
    assert bad.value.code is ErrorCode.BAD_MESSAGE
    assert bad.value.request_id == "r-9"
    assert [d["field"] for d in bad.value.details] == ["hall"]


def test_an_unknown_type_is_refused_by_the_parser_from_the_table() -> None:
    for text, served in ((frame("launch_missiles"), None),
                         (frame("relay_status", **EXAMPLES[RequestType.RELAY_STATUS]),
                          RELAY_SERVED)):
        with pytest.raises(ProtocolError) as refused:
            parse_request(text, served)
        assert (refused.value.code, refused.value.request_id) == (ErrorCode.UNKNOWN_TYPE,
                                                                  "t-1")


def test_each_server_has_a_handler_for_exactly_the_types_it_serves() -> None:
    chair = ChairServer.__new__(ChairServer)
    assert set(chair._request_handlers()) == set(RequestType)
    relay = RelayServer.__new__(RelayServer)
    assert set(relay._request_handlers()) == RELAY_SERVED


def test_a_server_missing_a_handler_does_not_start() -> None:
    class Forgetful(SocketServer):
        """Serves every type, handles only ping: a request added to the table and not
        to this server."""

        def _request_handlers(self) -> dict[RequestType, RequestHandler]:
            async def pong(_peer: Any, _request: Any) -> dict[str, Any]:
                return {"pong": True}
            return {RequestType.PING: pong}

    with pytest.raises(TypeError, match="serves"):
        Forgetful(ServerConfig(port=0))


async def test_the_client_sends_only_types_of_the_table(server: ChairServer) -> None:
    async with ChairClient(server.url, timeout=30) as client:
        with pytest.raises(ValueError, match="not a request type"):
            await client.request("launch_missiles")
        assert await client.request(RequestType.PING) == {"pong": True}


# --- the sender column, on a real server -------------------------------------------------


async def _answers(url: str, frames: list[str]) -> list[dict[str, Any]]:
    async with connect(url) as ws:
        await ws.recv()  # welcome
        out = []
        for text in frames:
            await ws.send(text)
            out.append(json.loads(await ws.recv()))
        return out


async def test_who_may_send_is_checked_from_the_table_before_any_handler(
        server: ChairServer, hall: Hall, login: Login) -> None:
    kinds = list(RequestType)
    answers = await _answers(server.url, [frame(k, f"q{i}", **EXAMPLES[k])
                                          for i, k in enumerate(kinds)])
    for kind, answer in zip(kinds, answers, strict=True):
        if REQUESTS[kind].sender is Sender.ANYONE:
            assert answer.get("code") != "not_authenticated", (kind, answer)
        else:
            assert answer["code"] == "not_authenticated", (kind, answer)
            assert answer["details"]["reason"] == "not_logged_in"
    assert answers[kinds.index(RequestType.PING)]["result"] == {"pong": True}
    assert answers[kinds.index(RequestType.LOGIN)]["code"] == "auth_failed"

    delegate = await login(hall.delegates[0])
    for kind in (k for k, s in REQUESTS.items() if s.sender is Sender.UPLOADER):
        with pytest.raises(ServerError) as refused:
            await delegate.request(kind, **EXAMPLES[kind])
        assert (refused.value.code, refused.value.details["reason"]) == \
            ("forbidden", "upload_forbidden")
    with pytest.raises(ServerError) as unsubscribed:
        await delegate.request(RequestType.RELAY_STATUS, meeting_id=hall.meeting_id, hall="X")
    assert unsubscribed.value.code == "not_subscribed"
    with pytest.raises(ServerError) as bad:
        await delegate.request(RequestType.RELAY_STATUS, meeting_id=hall.meeting_id, hall="")
    assert bad.value.code == "bad_message"


# --- the relay column, through a real relay ----------------------------------------------


async def test_a_relay_answers_forwards_or_refuses_as_the_table_says(
        province: Province, tmp_path: Path) -> None:  # noqa: F811
    hall = province.hall
    relay = await _relay(province.server.url, hall.meeting_id, "relay-a", "Xã An Bình",
                         tmp_path / "relay")
    clients: list[ChairClient] = []
    try:
        # Not a laptop's request: unknown at the relay, refused once by the parser.
        [unknown] = await _answers(relay.url, [frame("relay_status", **EXAMPLES[
            RequestType.RELAY_STATUS])])
        assert unknown["code"] == "unknown_type"
        laptop = await _client(relay.url, hall.delegates[0])
        direct = await _client(province.server.url, hall.delegates[0])
        clients += [laptop, direct]
        for kind in (k for k, s in REQUESTS.items() if s.at_relay is AtRelay.REFUSED):
            with pytest.raises(ServerError) as refused:
                await laptop.request(kind, **EXAMPLES[kind])
            assert refused.value.details["reason"] == "prepare_on_province", kind
        # Forwarded as they are: the answer is the province's own.
        for kind in (k for k, s in REQUESTS.items() if s.at_relay is AtRelay.FORWARD):
            outcomes = []
            for client in (laptop, direct):
                try:
                    outcomes.append(("ok", await client.request(kind, **EXAMPLES[kind])))
                except ServerError as exc:
                    outcomes.append((exc.code, exc.details))
            assert outcomes[0] == outcomes[1], kind
        assert await laptop.request(RequestType.LIST_BODIES) == {"bodies": []}
        # The forwarded change of password is the province's: it works with the right one.
        changed = await laptop.request(RequestType.CHANGE_PASSWORD, old_password=PASSWORD,
                                       new_password=PASSWORD + "-mới")
        assert changed["revoked_sessions"] >= 1
    finally:
        for opened in clients:
            await opened.close()
        await relay.stop()
