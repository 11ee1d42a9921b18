"""Wrong passwords slow the guesser down without letting anyone lock a delegate out.

The attack of issue 21: someone who knows a delegate's username types wrong
passwords from many addresses (or from the hall's shared address) before a vote.
The delegate's own laptop, which held a valid token for the account before, must
still get in with the right password at once.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from sqlalchemy import select
from websockets.asyncio.server import ServerConnection, serve

from meetingroom.server.passwords import token_digest
from meetingroom.server.storage.database import Database
from meetingroom.server.storage.models import KnownDevice, User
from meetingroom.sync.client.chair_client import ChairClient, ServerError
from meetingroom.sync.client.local_store import LocalStore, Scope
from meetingroom.sync.serving.endpoint import ChairServer
from tests.helpers.factories import PASSWORD, Hall
from tests.test_sync_connection import logged_in, session_for

ATTACKERS = [f"127.0.0.{n}" for n in range(2, 22)]


async def _wrong_passwords(url: str, username: str, address: str, times: int) -> list[str]:
    """The codes the server answered ``times`` wrong passwords from ``address`` with."""
    codes = []
    async with ChairClient(url, timeout=60, local_address=address) as client:
        for n in range(times):
            with pytest.raises(ServerError) as wrong:
                await client.login(username, f"guess {n}")
            codes.append(wrong.value.code)
    return codes


async def test_twenty_addresses_of_wrong_passwords_do_not_keep_the_laptop_out(
        server: ChairServer, hall: Hall, database: Database, tmp_path: Path) -> None:
    delegate = hall.delegates[0]
    laptop = tmp_path / "laptop"
    # Yesterday: the delegate logged in on their laptop (it held a valid token), then
    # logged out, so today it must type the password again.
    async with session_for(server.url, laptop, delegate, hall.meeting_id) as (session, rec):
        await logged_in(session, rec)
        await session.logout()
    with LocalStore.open(laptop) as store:
        secret = store.device_secret(Scope(server.url, delegate))
    with database.reading() as s:
        user_id = s.scalar(select(User.id).where(User.username == delegate))
        assert s.get(KnownDevice, (user_id, token_digest(secret))) is not None

    # The attack: 20 addresses × 10 wrong passwords.
    answers = await asyncio.gather(*(_wrong_passwords(server.url, delegate, a, 10)
                                     for a in ATTACKERS))
    codes = [c for codes in answers for c in codes]
    assert set(codes) == {"auth_failed", "rate_limited"}  # the guessing was slowed down

    # The laptop logs in through the real client, with no wait imposed on it.
    async with session_for(server.url, laptop, delegate, hall.meeting_id) as (session, rec):
        await logged_in(session, rec)
    # Also from an attacked address (a NAT, a hall's shared address) with the right password.
    async with ChairClient(server.url, timeout=60, local_address=ATTACKERS[0]) as client:
        await client.login(delegate, PASSWORD, device=secret)
        # …and a typo there costs the laptop nothing either: its own counter starts at one.
        await client.logout()
        with pytest.raises(ServerError) as typo:
            await client.login(delegate, "typo", device=secret)
        assert typo.value.code == "auth_failed"
        await client.login(delegate, PASSWORD, device=secret)

    # Anyone else — no device, or a made-up one — is still held back for that account.
    async with ChairClient(server.url, timeout=60, local_address="127.0.0.30") as client:
        with pytest.raises(ServerError) as stranger:
            await client.login(delegate, PASSWORD)
        assert stranger.value.code == "rate_limited"
        assert 0 < stranger.value.details["retry_after"] <= 15 * 60
        with pytest.raises(ServerError) as forged:
            await client.login(delegate, PASSWORD, device="x" * 43)
        assert forged.value.code == "rate_limited"
        # Other delegates are not affected at all, even from an attacker's address.
    async with ChairClient(server.url, timeout=60, local_address=ATTACKERS[1]) as client:
        await client.login(hall.delegates[1], PASSWORD)


async def test_one_address_of_wrong_passwords_does_not_lock_the_others_behind_it(
        server: ChairServer, hall: Hall, tmp_path: Path) -> None:
    shared = "127.0.0.40"  # the hall's NAT
    devices: dict[str, str] = {}
    for name in hall.delegates:
        async with ChairClient(server.url, timeout=60, local_address=shared) as client:
            devices[name] = f"device-of-{name}-0123456789"
            await client.login(name, PASSWORD, device=devices[name])
    for n in range(6):  # 30 wrong passwords for many accounts behind the NAT
        await _wrong_passwords(server.url, f"nobody{n}", shared, 5)
    async with ChairClient(server.url, timeout=60, local_address=shared) as client:
        with pytest.raises(ServerError) as swept:
            await client.login("someone-new", PASSWORD)
        assert swept.value.code == "rate_limited"  # that address may not sweep usernames
        for name in hall.delegates:  # …but the hall's own laptops all get in
            await client.login(name, PASSWORD, device=devices[name])
            await client.logout()


async def test_a_server_from_before_device_secrets_still_lets_the_new_client_in() -> None:
    """Protocol 1 servers refuse unknown fields: the client then logs in without one."""
    seen: list[dict[str, object]] = []

    async def old_server(connection: ServerConnection) -> None:
        await connection.send(json.dumps({"type": "welcome", "protocol": 1}))
        async for frame in connection:
            request = json.loads(frame)
            seen.append(request)
            if "device" in request:
                await connection.send(json.dumps({
                    "type": "error", "id": request["id"], "ok": False,
                    "code": "bad_message", "message": "invalid message",
                    "details": [{"field": "device",
                                 "problem": "Extra inputs are not permitted"}]}))
            else:
                result: dict[str, object] = {"user": {"id": 1, "username": "delegate1"}}
                if request["type"] == "login":
                    result["token"] = "t" * 43
                await connection.send(json.dumps({"type": "reply", "id": request["id"],
                                                  "ok": True, "result": result}))

    async with serve(old_server, "127.0.0.1", 0) as listening:
        port = listening.sockets[0].getsockname()[1]
        async with ChairClient(f"ws://127.0.0.1:{port}", timeout=10) as client:
            await client.login("delegate1", PASSWORD, device="d" * 43)
            await client.resume("t" * 43, device="d" * 43)
    assert [(r["type"], "device" in r) for r in seen] == [
        ("login", True), ("login", False), ("resume", True), ("resume", False)]
