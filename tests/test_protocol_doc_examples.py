"""docs/protocol.md's examples and tables, checked against a real server.

An independent client written from the document found places where the document
and the server disagreed (issue 21): logout on a shared token, the list of request
types, fields missing from the subscribe and snapshot tables, the closed-meeting
check, the 1009 close reason, an English-only ``not_found``. Each test reads the
document's own words and compares them with what the server does, so the two can
only drift apart together with a failing test.
"""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path
from typing import Any

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from meetingroom.core.protocol import REQUEST_TYPES
from meetingroom.sync.client.chair_client import ChairClient, ServerError
from meetingroom.sync.serving.endpoint import ChairServer, ServerConfig
from meetingroom.sync.serving.rooms import RELAY_STATUS
from tests.conftest import Login
from tests.helpers.factories import Hall
from tests.helpers.session_helpers import start_session

DOC = (Path(__file__).resolve().parents[1] / "docs" / "protocol.md").read_text(encoding="utf-8")
NUMBER_WORDS = {15: "fifteen", 16: "sixteen", 17: "seventeen", 18: "eighteen"}


def section(heading: str) -> str:
    """The text under ``heading`` (a whole heading line) up to the next heading as high."""
    start = DOC.index(f"\n{heading}\n")
    level = heading.split(" ", 1)[0]
    ends = [m.start() for m in re.finditer(r"\n(#+) ", DOC[start + 1:])
            if len(m.group(1)) <= len(level)]
    return DOC[start:start + 1 + ends[0]] if ends else DOC[start:]


def json_blocks(text: str) -> list[dict[str, Any]]:
    return [json.loads(block) for block in re.findall(r"```json\n(.*?)```", text, re.S)
            if block.lstrip().startswith("{") and block.count("\n{") == 0]


def table_fields(text: str) -> set[str]:
    """The backticked names in the first column of the tables in ``text``."""
    return set(re.findall(r"^\| `([a-z_]+)` \|", text, re.M))


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_request_types_listed_are_the_server_s() -> None:
    row = next(line for line in section("### Requests (client → server)").splitlines()
               if line.startswith("| `type` |"))
    listed = set(re.findall(r"`([a-z_]+)`", row.split("|")[3].split("(else")[0]))
    assert listed == {*REQUEST_TYPES, RELAY_STATUS}
    count = NUMBER_WORDS[len(listed)]
    assert f"`type` is not one of the {count} request types" in DOC


@pytest.mark.parametrize("server_config", [ServerConfig(host="127.0.0.1", port=0,
                                                        deadline_sweep_seconds=3600)])
async def test_logout_closes_other_connections_of_the_token_with_4001(
        server: ChairServer, hall: Hall, login: Login) -> None:
    """The sweep is an hour away here: only the logout itself can close the other one."""
    assert "are **closed at once** with close code 4001" in section("### 4.4 `logout`")
    first = await login(hall.delegates[0])
    async with ChairClient(server.url, timeout=30) as second:
        assert first.token is not None
        await second.resume(first.token)
        await second.subscribe(hall.meeting_id)
        await first.logout()
        await asyncio.wait_for(second.wait_closed(), 30)
        assert second.close_reason == "connection closed (code 4001 session revoked or expired)"
    # The connection that logged out stays open, logged out.
    with pytest.raises(ServerError) as logged_out:
        await first.list_meetings()
    assert logged_out.value.code == "not_authenticated"
    assert await first.request("ping") == {"pong": True}


async def test_subscribe_reply_and_snapshot_fields_are_all_documented(
        server: ChairServer, hall: Hall, login: Login) -> None:
    chair, delegate = await login("chair"), await login(hall.delegates[0])
    await chair.command(hall.meeting_id, "conclusion.set",
                        {"item_id": hall.item_ids[0], "text": "Thống nhất thông qua"})
    reply_fields = table_fields(section("### 4.6 `subscribe`"))
    snapshot_fields = table_fields(section("### 11.2 Snapshot"))
    for client in (chair, delegate):
        reply = await client.subscribe(hall.meeting_id, last_seq=0)
        assert set(reply) <= reply_fields, set(reply) - reply_fields
        assert set(reply["snapshot"]) <= snapshot_fields, \
            set(reply["snapshot"]) - snapshot_fields
    chair_snapshot = (await chair.subscribe(hall.meeting_id, last_seq=0))["snapshot"]
    assert set(chair_snapshot) == snapshot_fields  # and nothing documented is missing
    assert chair_snapshot["conclusions"][0]["text"] == "Thống nhất thông qua"


async def test_a_closed_meeting_refuses_before_the_arguments_with_the_documented_words(
        server: ChairServer, hall: Hall, login: Login) -> None:
    example = json_blocks(section("### `meeting.close`"))[-1]
    assert example["code"] == "invalid_state"
    chair = await login("chair")
    await start_session(chair, hall.meeting_id, hall.item_ids[0])
    await chair.command(hall.meeting_id, "meeting.close")
    # Arguments of the wrong type: the closed meeting is still what is answered.
    with pytest.raises(ServerError) as refused:
        await chair.command(hall.meeting_id, "agenda.add_item", {"title": 5})
    assert (refused.value.code, refused.value.message) == (example["code"], example["message"])
    assert example["message"] in flat(section("## 6. Commands"))
    # What the table marks "also closed" still works: the write-up.
    await chair.command(hall.meeting_id, "conclusion.set", {"text": "Bế mạc kỳ họp"})


async def test_not_found_for_a_command_is_worded_as_for_subscribe(
        server: ChairServer, hall: Hall, login: Login) -> None:
    example = next(b for b in json_blocks(section("### 4.6 `subscribe`"))
                   if b.get("code") == "not_found")
    delegate = await login(hall.delegates[0])
    for attempt in (delegate.subscribe(99), delegate.command(99, "attendance.check_in")):
        with pytest.raises(ServerError) as refused:
            await attempt
        assert (refused.value.code, refused.value.message) == ("not_found", example["message"])


async def test_a_ballot_of_the_wrong_shape_gets_the_documented_words(
        server: ChairServer, hall: Hall, login: Login) -> None:
    words = flat(section("### `vote.cast`"))
    documented = re.search(r"else `invalid_args` \"([^\"]+)\" with `details: (\{[^`]+\})`",
                           words)
    assert documented is not None
    chair = await login("chair")
    await start_session(chair, hall.meeting_id, hall.item_ids[0])
    await chair.command(hall.meeting_id, "attendance.check_in")
    vote = (await chair.command(hall.meeting_id, "vote.create", {
        "matter": "resolution", "title": "Thông qua nghị quyết"}))["vote"]
    await chair.command(hall.meeting_id, "vote.open", {"vote_id": vote["id"]})
    with pytest.raises(ServerError) as refused:
        await chair.command(hall.meeting_id, "vote.cast",
                            {"vote_id": vote["id"], "candidates": [0]})
    assert refused.value.code == "invalid_args"
    assert refused.value.message == documented.group(1)
    assert refused.value.details == json.loads(documented.group(2))
    assert "a election" not in DOC


async def test_the_1009_close_reason_is_the_documented_one(server: ChairServer,
                                                         hall: Hall) -> None:
    """Both documented reasons: a plain frame's, then a deflated message's."""
    row = next(line for line in section("## 8. Close codes").splitlines()
               if line.startswith("| 1009 |"))
    reasons = re.findall(r"`([^`]+)`", row)
    assert len(reasons) == 2, row
    for compression, reason in zip((None, "deflate"), reasons, strict=True):
        pattern = re.escape(reason).replace("N", r"\d+")
        ws = await connect(server.url, max_size=None, compression=compression)
        await ws.recv()
        await ws.send("x" * (server.config.hard_max_bytes + 1))
        with pytest.raises(ConnectionClosed) as closed:
            await asyncio.wait_for(ws.recv(), 10)
        assert closed.value.rcvd is not None
        assert closed.value.rcvd.code == 1009
        assert re.fullmatch(pattern, closed.value.rcvd.reason), closed.value.rcvd.reason

