"""What the client does when the server misbehaves: unreadable frames, gaps in events.

Our server never does these things, so a tiny scripted ``websockets`` server
plays the part of a broken or buggy one.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from websockets.asyncio.server import ServerConnection, serve

from meetingroom.core.protocol import PROTOCOL_VERSION
from meetingroom.sync.client.chair_client import ChairClient, ConnectionLostError, ServerError
from meetingroom.sync.client.connection import (
    ConnectionState,
    ConnectionStatus,
    IncompatibleServerError,
    MeetingConnection,
)
from meetingroom.sync.client.local_store import LocalStore
from tests.test_sync_connection import FAST, Recorder

WELCOME = json.dumps({"type": "welcome", "protocol": 1, "server": "test", "limits": {}})
USER = {"id": 4, "username": "delegate1", "full_name": "Đại biểu", "is_admin": False}

Handler = Callable[[ServerConnection], Awaitable[None]]


@asynccontextmanager
async def scripted(handler: Handler) -> AsyncIterator[str]:
    async with serve(handler, "127.0.0.1", 0) as server:
        port = next(iter(server.sockets)).getsockname()[1]
        yield f"ws://127.0.0.1:{port}"


def _reply(request: dict[str, Any], result: dict[str, Any]) -> str:
    return json.dumps({"type": "reply", "id": request["id"], "ok": True, "result": result})


def _event(seq: int) -> str:
    return json.dumps({"type": "event", "meeting_id": 1, "seq": seq,
                       "event": "agenda.current_changed",
                       "payload": {"item_id": seq, "previous": None},
                       "at": "2026-12-01T01:00:00Z"})


@pytest.mark.parametrize(("frame", "close_code", "reason"), [
    ("{not json", 1007, "not JSON"),
    (b"\x00\x01binary", 1003, "binary"),
    ("[1, 2, 3]", 1007, "not an object"),
    ('{"type": "event", "seq": 1}', 1011, "KeyError"),  # a fault in the reader itself
])
async def test_an_unreadable_frame_is_a_lost_connection(
        frame: str | bytes, close_code: int, reason: str) -> None:
    closed: asyncio.Future[int | None] = asyncio.get_running_loop().create_future()

    async def handler(ws: ServerConnection) -> None:
        await ws.send(WELCOME)
        await ws.recv()
        await ws.send(frame)
        await ws.wait_closed()
        closed.set_result(ws.close_code)

    async with scripted(handler) as url:
        client = ChairClient(url, timeout=30)
        await client.connect()
        async with asyncio.timeout(5):  # far below the request timeout: no silent hang
            with pytest.raises(ConnectionLostError, match=reason):
                await client.request("ping")
            await client.wait_closed()
            assert await closed == close_code
        assert client.close_reason is not None
        assert reason in client.close_reason
        with pytest.raises(ConnectionLostError):
            await client.request("ping")
        await client.close()


async def test_a_session_treats_garbage_as_a_drop_and_reconnects(tmp_path: Path) -> None:
    connections = 0

    async def handler(ws: ServerConnection) -> None:
        nonlocal connections
        connections += 1
        await ws.send(WELCOME)
        request = json.loads(await ws.recv())
        if connections == 1:
            await ws.send("<html>proxy error</html>")
            await ws.wait_closed()
            return
        await ws.send(_reply(request, {"user": USER}))
        await ws.wait_closed()

    recorder, _status = await _session_until(handler, tmp_path, ConnectionState.ONLINE)
    offline = [s for s in recorder.statuses if s.state is ConnectionState.OFFLINE]
    assert len(offline) == 1
    assert "not JSON" in offline[0].reason


async def _session_until(handler: Callable[[ServerConnection], Awaitable[None]],
                         folder: Path, state: ConnectionState
                         ) -> tuple[Recorder, ConnectionStatus]:
    """A session against the scripted ``handler`` until it reaches ``state``: what it
    reported, and its status then."""
    recorder = Recorder()
    async with scripted(handler) as url:
        with LocalStore.open(folder) as store:
            session = MeetingConnection(url, store, "delegate1", listener=recorder, policy=FAST)
            await session.start("token")
            await recorder.until(lambda: recorder.state is state)
            status = session.status
            await session.close()
    return recorder, status


async def test_a_server_of_another_protocol_stops_the_session_and_says_why(
        tmp_path: Path) -> None:
    """A newer server: retrying cannot help, so the session stops at once with the error,
    its versions and its English text (mutation testing found the error built wrongly, a
    TypeError retried for ever, unchecked in this scope)."""
    greetings = 0
    newer = PROTOCOL_VERSION + 1

    async def handler(ws: ServerConnection) -> None:
        nonlocal greetings
        greetings += 1
        await ws.send(json.dumps({"type": "welcome", "protocol": newer, "server": "newer",
                                  "limits": {}}))
        await ws.wait_closed()

    _recorder, stopped = await _session_until(handler, tmp_path, ConnectionState.STOPPED)
    assert greetings == 1
    assert isinstance(stopped.error, IncompatibleServerError)
    assert (stopped.error.server_version, stopped.error.needed) == (newer, PROTOCOL_VERSION)
    assert stopped.reason == (f"the server speaks protocol {newer}; this program needs "
                              f"{PROTOCOL_VERSION}: update it")


async def test_a_gap_in_events_resubscribes_from_the_last_applied_seq(tmp_path: Path) -> None:
    asked_from: list[int] = []

    async def handler(ws: ServerConnection) -> None:
        await ws.send(WELCOME)
        async for frame in ws:
            request = json.loads(frame)
            if request["type"] == "resume":
                await ws.send(_reply(request, {"user": USER}))
            elif request["type"] == "subscribe":
                asked_from.append(request["last_seq"])
                if len(asked_from) == 1:
                    await ws.send(_reply(request, {
                        "meeting_id": 1, "mode": "snapshot", "seq": 0, "role": "delegate",
                        "snapshot": {"current_item_id": None}}))
                    for seq in (1, 3):  # event 2 went missing
                        await ws.send(_event(seq))
                else:
                    await ws.send(_reply(request, {"meeting_id": 1, "mode": "replay", "seq": 3,
                                                   "role": "delegate", "replayed": 2}))
                    for seq in (2, 3, 3, 4):  # a repeat, which must be ignored, then 4
                        await ws.send(_event(seq))

    recorder = Recorder()
    async with scripted(handler) as url:
        with LocalStore.open(tmp_path) as store:
            session = MeetingConnection(url, store, "delegate1", 1, listener=recorder,
                                        policy=FAST)
            await session.start("token")
            # The repeat came before event 4: once 4 is applied, a wrongly applied
            # repeat would be in the list.
            await recorder.until(lambda: any(e["seq"] == 4 for e in recorder.events))
            await session.close()
            cached = session.cached_meeting()
    assert asked_from == [0, 1]
    assert [e["seq"] for e in recorder.events] == [1, 2, 3, 4]
    assert any("gap" in s.reason for s in recorder.statuses)
    assert cached is not None
    assert [e["seq"] for e in cached.events] == [1, 2, 3, 4]


async def test_a_login_to_something_that_greets_otherwise_says_so(tmp_path: Path) -> None:
    """The address answers, but not as a chair server (another websocket service): the
    login fails with the server's error ``bad_message``, not as a lost connection — the
    window words them differently (mutation testing found the login's error replaced)."""

    async def handler(ws: ServerConnection) -> None:
        await ws.send(json.dumps({"type": "hello", "service": "something else"}))
        await ws.wait_closed()

    recorder = Recorder()
    async with scripted(handler) as url:
        with LocalStore.open(tmp_path) as store:
            session = MeetingConnection(url, store, "delegate1", listener=recorder, policy=FAST)
            await session.start()
            try:
                await recorder.until(lambda: recorder.state is ConnectionState.AUTH_REQUIRED)
                with pytest.raises(ServerError) as refused:
                    await session.login("secret")
                assert (refused.value.code, refused.value.message) == (
                    "bad_message", "unexpected greeting from the server")
            finally:
                await session.close()


class _ClumsyWindow(Recorder):
    """A window whose meeting view breaks on the first snapshot it is shown."""

    def on_meeting(self, meeting: Any) -> None:
        super().on_meeting(meeting)
        raise RuntimeError("the meeting view is gone")


@pytest.mark.logs_errors("a window that raised is logged at ERROR for the operator")
async def test_the_operator_log_says_each_status_and_each_unexpected_fault_once(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """What an operator reads when a hall's laptop misbehaves: one line per status, with
    its reason and its wait; a fault of the program (not of the link) as one warning with
    its traceback; a window that raised as one error with its traceback — and a broken
    link, which the status line already says, as no warning (mutation testing found
    these log lines unchecked)."""
    caplog.set_level(logging.INFO, logger="meetingroom")
    connections = 0

    async def handler(ws: ServerConnection) -> None:
        nonlocal connections
        connections += 1
        await ws.send(WELCOME)
        async for frame in ws:
            request = json.loads(frame)
            if connections == 1:  # a proxy's error page: a broken link
                await ws.send("<html>proxy error</html>")
                await ws.wait_closed()
                return
            elif request["type"] == "resume":
                await ws.send(_reply(request, {"user": USER}))
            elif connections == 2:  # a subscription answered without its mode: a fault
                await ws.send(_reply(request, {"meeting_id": 1, "seq": 0}))
            else:
                await ws.send(_reply(request, {
                    "meeting_id": 1, "mode": "snapshot", "seq": 0, "role": "delegate",
                    "snapshot": {"current_item_id": None}}))

    recorder = _ClumsyWindow()
    async with scripted(handler) as url:
        with LocalStore.open(tmp_path) as store:
            session = MeetingConnection(url, store, "delegate1", 1, listener=recorder,
                                        policy=FAST)
            await session.start("token")
            try:
                await recorder.until(lambda: recorder.state is ConnectionState.ONLINE)
            finally:
                await session.close()

    ours = [r for r in caplog.records if r.name == "meetingroom.connection"]
    states = [s.state for s in recorder.statuses]
    assert states == [ConnectionState.CONNECTING, ConnectionState.OFFLINE,
                      ConnectionState.CONNECTING, ConnectionState.OFFLINE,
                      ConnectionState.CONNECTING, ConnectionState.ONLINE,
                      ConnectionState.STOPPED]
    lost, fault = (s for s in recorder.statuses if s.state is ConnectionState.OFFLINE)
    assert lost.reason is not None
    assert "not JSON" in lost.reason
    assert fault.reason == "KeyError: 'mode'"
    assert lost.retry_in is not None
    assert fault.retry_in is not None
    status_lines = [r.getMessage() for r in ours if r.getMessage().startswith("connection ")]
    assert status_lines == [
        "connection connecting",
        f"connection offline reason={lost.reason!r} retry_in={lost.retry_in:.2f}",
        "connection connecting",
        f"connection offline reason=\"KeyError: 'mode'\" retry_in={fault.retry_in:.2f}",
        "connection connecting",
        "connection online",
        "connection stopped reason='closed'"]
    assert all(r.levelno == logging.INFO for r in ours
               if r.getMessage().startswith("connection "))

    # The broken link gets no warning of its own (the client's "dropping connection"
    # says what it was); the fault and the window's error get one each, with the
    # exception that caused them.
    problems = [r for r in caplog.records if r.levelno >= logging.WARNING
                and r.name != "meetingroom.client"]
    assert [(r.name, r.levelno, r.getMessage()) for r in problems] == [
        ("meetingroom.connection", logging.WARNING,
         "session error, reconnecting: KeyError: 'mode'"),
        ("meetingroom.connection", logging.ERROR, "session listener on_meeting failed")]
    crashed, window = problems
    assert crashed.exc_info is not None
    assert isinstance(crashed.exc_info[1], KeyError)
    assert window.exc_info is not None
    assert isinstance(window.exc_info[1], RuntimeError)
    assert str(window.exc_info[1]) == "the meeting view is gone"
