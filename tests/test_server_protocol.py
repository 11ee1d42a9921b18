"""The chair server through a real websocket, against SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from typing import Any

import pytest
from sqlalchemy import func, select
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from meetingroom.server.storage.database import Database
from meetingroom.server.storage.models import Event
from meetingroom.sync.client.chair_client import ChairClient, ServerError
from meetingroom.sync.serving.endpoint import ChairServer, ServerConfig
from tests.conftest import Login
from tests.helpers.factories import PASSWORD, Hall
from tests.helpers.session_helpers import connect_once_a_slot_is_free, eventually


async def _raw(server: ChairServer) -> Any:
    ws = await connect(server.url)
    welcome = json.loads(await ws.recv())
    assert welcome["type"] == "welcome"
    return ws


async def _ask(ws: Any, payload: str | bytes) -> dict[str, Any]:
    await ws.send(payload)
    answer: dict[str, Any] = json.loads(await asyncio.wait_for(ws.recv(), 10))
    return answer


async def _start(chair: ChairClient, hall: Hall) -> None:
    await chair.subscribe(hall.meeting_id)
    await chair.command(hall.meeting_id, "meeting.start")


# --- authentication --------------------------------------------------------------------


async def test_login_succeeds_and_returns_a_token(server: ChairServer, hall: Hall) -> None:
    async with ChairClient(server.url) as client:
        assert client.welcome["protocol"] == 1
        result = await client.login("delegate1", PASSWORD)
        assert result["user"]["username"] == "delegate1"
        assert len(result["token"]) >= 32
        meetings = await client.list_meetings()
        assert [m["id"] for m in meetings] == [hall.meeting_id]
        assert meetings[0]["role"] == "delegate"


@pytest.mark.parametrize(("username", "password"), [("delegate1", "wrong password"),
                                                    ("nobody", PASSWORD)])
async def test_wrong_password_and_unknown_user_look_the_same(
        server: ChairServer, hall: Hall, username: str, password: str) -> None:
    async with ChairClient(server.url) as client:
        with pytest.raises(ServerError) as failure:
            await client.login(username, password)
        assert failure.value.code == "auth_failed"
        assert "wrong username or password" in failure.value.message
        with pytest.raises(ServerError) as refused:
            await client.list_meetings()
        assert refused.value.code == "not_authenticated"


async def test_token_resumes_on_a_new_connection_and_dies_on_logout(
        server: ChairServer, hall: Hall, login: Login) -> None:
    first = await login("delegate1")
    token = first.token
    async with ChairClient(server.url) as second:
        result = await second.resume(token)
        assert result["user"]["username"] == "delegate1"
        await second.logout()
    async with ChairClient(server.url) as third:
        with pytest.raises(ServerError) as failure:
            await third.resume(token)
        assert failure.value.code == "token_invalid"


# --- permissions -----------------------------------------------------------------------


async def test_command_from_user_without_permission_is_refused(
        server: ChairServer, hall: Hall, login: Login, database: Database) -> None:
    delegate = await login("delegate1")
    with pytest.raises(ServerError) as failure:
        await delegate.command(hall.meeting_id, "meeting.start")
    assert failure.value.code == "forbidden"
    outsider = await login("outsider")
    with pytest.raises(ServerError) as hidden:
        await outsider.command(hall.meeting_id, "meeting.start")
    assert hidden.value.code == "not_found"
    with pytest.raises(ServerError) as not_invited:
        await outsider.subscribe(hall.meeting_id)
    assert not_invited.value.code == "not_found"
    with database.reading() as s:
        assert s.scalar(select(func.count()).select_from(Event)) == 0


async def test_unknown_command_and_bad_arguments(server: ChairServer, hall: Hall,
                                                 login: Login) -> None:
    chair = await login("chair")
    with pytest.raises(ServerError) as unknown:
        await chair.command(hall.meeting_id, "meeting.explode")
    assert unknown.value.code == "unknown_command"
    await _start(chair, hall)
    with pytest.raises(ServerError) as bad:
        await chair.command(hall.meeting_id, "agenda.set_current", {"item_id": "first"})
    assert bad.value.code == "invalid_args"
    assert bad.value.details[0]["field"] == "item_id"
    with pytest.raises(ServerError) as state:
        await chair.command(hall.meeting_id, "meeting.start")
    assert state.value.code == "invalid_state"


# --- ordering, resume, idempotency ----------------------------------------------------


async def test_two_clients_see_the_same_events_in_the_same_order(
        server: ChairServer, hall: Hall, login: Login) -> None:
    chair, delegate = await login("chair"), await login("delegate1")
    await chair.subscribe(hall.meeting_id)
    await delegate.subscribe(hall.meeting_id)
    await chair.command(hall.meeting_id, "meeting.start")
    await asyncio.gather(*[
        chair.command(hall.meeting_id, "agenda.set_current", {"item_id": item})
        for item in [*hall.item_ids, hall.item_ids[0], hall.item_ids[1]]
    ])
    seen_by_chair = [await chair.next_event() for _ in range(6)]
    seen_by_delegate = [await delegate.next_event() for _ in range(6)]
    assert [e["seq"] for e in seen_by_chair] == list(range(1, 7))
    assert seen_by_chair == seen_by_delegate
    assert seen_by_chair[0]["event"] == "meeting.status_changed"


async def test_resume_after_disconnect_delivers_exactly_the_missed_events(
        server: ChairServer, hall: Hall, login: Login) -> None:
    chair, delegate = await login("chair"), await login("delegate2")
    await _start(chair, hall)
    subscribed = await delegate.subscribe(hall.meeting_id)
    assert subscribed["mode"] == "snapshot"
    assert next(i["title"] for i in subscribed["snapshot"]["agenda"]) == "Khai mạc"
    seen = delegate.last_seq[hall.meeting_id]
    token = delegate.token
    await delegate.close()

    for item in hall.item_ids:
        await chair.command(hall.meeting_id, "agenda.set_current", {"item_id": item})

    async with ChairClient(server.url) as back:
        await back.resume(token)
        result = await back.subscribe(hall.meeting_id, last_seq=seen)
        assert result == {"meeting_id": hall.meeting_id, "mode": "replay", "seq": seen + 3,
                          "role": "delegate", "replayed": 3}
        missed = [await back.next_event() for _ in range(3)]
        assert [e["seq"] for e in missed] == [seen + 1, seen + 2, seen + 3]
        assert [e["payload"]["item_id"] for e in missed] == hall.item_ids
        await chair.command(hall.meeting_id, "agenda.set_current", {"item_id": None})
        live = await back.next_event()
        assert live["seq"] == seen + 4
        # No event may be delivered twice: a stray repeat would come before the next one.
        await chair.command(hall.meeting_id, "agenda.set_current",
                            {"item_id": hall.item_ids[0]})
        assert (await back.next_event())["seq"] == seen + 5


async def test_client_far_behind_gets_a_snapshot(server: ChairServer, hall: Hall,
                                                 login: Login) -> None:
    chair = await login("chair")
    await _start(chair, hall)
    for n in range(60):  # the test server replays at most 50 events
        await chair.command(hall.meeting_id, "agenda.set_current",
                            {"item_id": hall.item_ids[n % 3]})
    delegate = await login("delegate1")
    result = await delegate.subscribe(hall.meeting_id, last_seq=2)
    assert result["mode"] == "snapshot"
    assert result["seq"] == 61
    assert result["snapshot"]["current_item_id"] == hall.item_ids[59 % 3]


async def test_duplicated_command_id_is_applied_once(
        server: ChairServer, hall: Hall, login: Login, database: Database) -> None:
    chair = await login("chair")
    await _start(chair, hall)
    command_id = uuid.uuid4().hex
    args = {"title": "Báo cáo bổ sung", "planned_minutes": 15}
    first = await chair.command(hall.meeting_id, "agenda.add_item", args,
                                command_id=command_id)
    again = await chair.command(hall.meeting_id, "agenda.add_item", args,
                                command_id=command_id)
    assert first["duplicate"] is False
    assert again["duplicate"] is True
    assert again["item"] == first["item"]
    assert again["seq"] == first["seq"]
    with database.reading() as s:
        added = s.scalars(select(Event).where(Event.type == "agenda.item_added")).all()
    assert len(added) == 1
    refused_id = uuid.uuid4().hex
    for _ in range(2):
        with pytest.raises(ServerError) as failure:
            await chair.command(hall.meeting_id, "meeting.start", command_id=refused_id)
        assert failure.value.code == "invalid_state"


async def test_agenda_editing_keeps_a_consistent_tree(server: ChairServer, hall: Hall,
                                                      login: Login) -> None:
    secretary = await login("secretary")
    await secretary.subscribe(hall.meeting_id)
    added = await secretary.command(hall.meeting_id, "agenda.add_item",
                                    {"title": "Thảo luận tổ", "parent_id": hall.item_ids[1]})
    child = added["item"]["id"]
    moved = await secretary.command(hall.meeting_id, "agenda.move_item",
                                    {"item_id": hall.item_ids[2], "position": 0})
    assert moved["item"]["position"] == 0
    with pytest.raises(ServerError) as cycle:
        await secretary.command(hall.meeting_id, "agenda.move_item",
                                {"item_id": hall.item_ids[1], "parent_id": child,
                                 "position": 0})
    assert cycle.value.code == "invalid_args"
    removed = await secretary.command(hall.meeting_id, "agenda.remove_item",
                                      {"item_id": hall.item_ids[1]})
    assert sorted(removed["removed"]) == sorted([hall.item_ids[1], child])
    fresh = await secretary.subscribe(hall.meeting_id, last_seq=0)
    agenda = fresh["snapshot"]["agenda"]
    assert [(i["id"], i["position"]) for i in agenda] == [(hall.item_ids[2], 0),
                                                          (hall.item_ids[0], 1)]


# --- hostile and malformed input ------------------------------------------------------


async def test_malformed_messages_get_error_codes_while_others_keep_working(
        server: ChairServer, hall: Hall, login: Login) -> None:
    chair = await login("chair")
    await chair.subscribe(hall.meeting_id)
    watcher = await login("delegate1")
    await watcher.subscribe(hall.meeting_id)
    ws = await _raw(server)
    try:
        cases: list[tuple[str | bytes, str]] = [
            ("{not json", "bad_json"),
            ("[1, 2, 3]", "bad_message"),
            (json.dumps({"id": "x1"}), "bad_message"),
            (json.dumps({"type": "launch_missiles", "id": "x2"}), "unknown_type"),
            (json.dumps({"type": "login", "id": "x3", "username": 5}), "bad_message"),
            (json.dumps({"type": "subscribe", "id": "x4", "meeting_id": 10**30}), "bad_message"),
            (json.dumps({"type": "list_meetings", "id": "x5"}), "not_authenticated"),
            (b"\x00\x01binary", "binary_not_supported"),
            (json.dumps({"type": "ping", "id": "x6", "pad": "x" * 70_000}), "too_large"),
            ("9" * 5000, "bad_json"),
            ("[" * 100_000 + "]" * 100_000, "too_large"),
            ("[" * 30_000 + "]" * 30_000, "bad_json"),
        ]
        for payload, code in cases:
            answer = await _ask(ws, payload)
            assert (answer["type"], answer["code"]) == ("error", code), payload[:40]
        labelled = await _ask(ws, json.dumps({"type": "login", "id": "x3"}))
        assert labelled["id"] == "x3"
        assert labelled["details"]
        pong = await _ask(ws, json.dumps({"type": "ping", "id": "alive"}))
        assert pong == {"type": "reply", "id": "alive", "ok": True, "result": {"pong": True}}
        # meanwhile, the real clients are unaffected
        await chair.command(hall.meeting_id, "meeting.start")
        assert (await watcher.next_event())["event"] == "meeting.status_changed"
    finally:
        await ws.close()


@pytest.mark.logs_errors("an unexpected failure is logged with its traceback")
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
async def test_an_unexpected_failure_is_internal_for_the_sender_only(
        server: ChairServer, hall: Hall, login: Login, database: Database,
        caplog: pytest.LogCaptureFixture) -> None:
    """A handler that fails in a way nobody planned for (here the database refuses one
    row for a reason no code expects) answers its sender ``internal``, logs the error
    once with its traceback, and the server goes on serving everyone, the sender too."""
    caplog.set_level(logging.INFO, logger="meetingroom")
    with database.engine.begin() as connection:
        connection.exec_driver_sql(
            "CREATE TRIGGER planted_fault BEFORE INSERT ON agenda_items "
            "WHEN NEW.title = 'Mục gây lỗi' BEGIN SELECT RAISE(ABORT, 'planted fault'); END")
    chair = await login("chair")
    await chair.subscribe(hall.meeting_id)
    watcher = await login("delegate1")
    await watcher.subscribe(hall.meeting_id)
    with pytest.raises(ServerError) as failed:
        await chair.command(hall.meeting_id, "agenda.add_item", {"title": "Mục gây lỗi"})
    assert failed.value.code == "internal", failed.value
    assert "nothing was changed" in str(failed.value)
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1, [r.getMessage() for r in errors]
    assert errors[0].exc_info is not None
    assert "planted fault" in caplog.text
    # The sender's connection and everyone else's go on working.
    added = await chair.command(hall.meeting_id, "agenda.add_item", {"title": "Mục tiếp"})
    assert added["item"]["title"] == "Mục tiếp"
    assert (await watcher.next_event())["event"] == "agenda.item_added"
    assert (await watcher.request("ping")) == {"pong": True}


async def test_frames_over_the_hard_limit_close_only_that_connection(
        server: ChairServer, hall: Hall, login: Login) -> None:
    delegate = await login("delegate1")
    ws = await _raw(server)
    await ws.send("x" * (server.config.hard_max_bytes + 1))
    with pytest.raises(ConnectionClosed):
        await asyncio.wait_for(ws.recv(), 10)
    assert ws.close_code == 1009
    assert (await delegate.request("ping")) == {"pong": True}


async def test_floods_are_rate_limited_then_disconnected(server: ChairServer, hall: Hall,
                                                         login: Login) -> None:
    bystander = await login("delegate2")
    ws = await _raw(server)
    ping = json.dumps({"type": "ping", "id": "p"})
    codes: list[str] = []
    try:
        for _ in range(400):
            await ws.send(ping)
        while True:
            message = json.loads(await asyncio.wait_for(ws.recv(), 10))
            codes.append(message.get("code", "ok"))
    except ConnectionClosed:
        pass
    assert "rate_limited" in codes
    assert codes.count("ok") <= server.config.rate_burst + 20
    assert ws.close_code == 1008
    assert (await bystander.request("ping")) == {"pong": True}


async def test_one_log_line_per_connection_login_command_and_error(
        server: ChairServer, hall: Hall, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="meetingroom")
    async with ChairClient(server.url) as chair:
        with pytest.raises(ServerError):
            await chair.login("chair", "not the password")
        await chair.login("chair", PASSWORD)
        await chair.command(hall.meeting_id, "meeting.start")
        with pytest.raises(ServerError):
            await chair.command(hall.meeting_id, "meeting.start")
    # The server logs the disconnect once it has seen it.
    await eventually(lambda: any(r.getMessage().startswith("disconnect ")
                                 for r in caplog.records))
    lines = [r.getMessage() for r in caplog.records if r.name.startswith("meetingroom")]
    kinds = [line.split(" ", 1)[0] for line in lines]
    assert kinds.count("connect") == 1
    assert kinds.count("disconnect") == 1
    assert kinds.count("login") == 2  # "login failed ..." and "login ..."
    assert kinds.count("command") == 2
    assert kinds.count("error") == 2
    text = "\n".join(lines)
    assert PASSWORD not in text
    assert "not the password" not in text


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("server_config", [ServerConfig(host="127.0.0.1", port=0,
                                                        max_connections_per_ip=3)])
async def test_connections_per_address_are_capped(server: ChairServer, hall: Hall) -> None:
    kept = [await _raw(server) for _ in range(3)]
    try:
        extra = await connect(server.url)
        with pytest.raises(ConnectionClosed) as refused:
            await asyncio.wait_for(extra.recv(), 10)
        assert refused.value.rcvd is not None
        assert refused.value.rcvd.code == 1013
        await kept[0].close()
        again = await connect_once_a_slot_is_free(server.url)
        await again.close()
    finally:
        for ws in kept:
            await ws.close()
