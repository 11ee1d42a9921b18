"""Accounts: guessing is slowed and locked out, passwords change, sessions end everywhere."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from meetingroom.server.login_guard import LoginGuard
from meetingroom.server.storage.database import Database
from meetingroom.server.storage.models import LoginToken, User
from meetingroom.server.storage.types import utcnow
from meetingroom.sync.client.chair_client import ChairClient, ConnectionLostError, ServerError
from meetingroom.sync.client.transfer import upload
from meetingroom.sync.serving.endpoint import ChairServer, ServerConfig
from tests.conftest import Login
from tests.helpers.factories import PASSWORD, Hall
from tests.test_reader_support import make_pdf


@pytest.fixture
def server_config() -> ServerConfig:
    return ServerConfig(host="127.0.0.1", port=0, deadline_sweep_seconds=0.2)


def test_the_guard_backs_off_and_forgives_a_success() -> None:
    now = [1000.0]
    guard = LoginGuard(clock=lambda: now[0])
    for _ in range(4):
        guard.failed("Delegate1", "10.0.0.5")
    assert guard.retry_after("delegate1", "10.0.0.5") == 0
    guard.failed("delegate1", "10.0.0.5")
    assert guard.retry_after("DELEGATE1", "10.0.0.5") == 30
    assert guard.retry_after("delegate1", "10.0.0.9") == 0  # only that place is held back
    guard.failed("delegate1", "10.0.0.5")
    assert guard.retry_after("delegate1", "10.0.0.5") == 60  # doubling each time
    now[0] += 61
    assert guard.retry_after("delegate1", "10.0.0.5") == 0
    guard.succeeded("delegate1", "10.0.0.5")
    guard.failed("delegate1", "10.0.0.5")
    assert guard.retry_after("delegate1", "10.0.0.5") == 0
    # One address trying many accounts is slowed too.
    for n in range(30):
        guard.failed(f"user{n}", "10.9.9.9")
    assert guard.retry_after("someone-new", "10.9.9.9") > 0
    # Many addresses guessing one account hold back every unknown device for it…
    for n in range(50):
        guard.failed("delegate2", f"10.1.0.{n}")
    assert guard.retry_after("delegate2", "10.2.0.1") == 60
    # …but a known device has its own, lenient counter: nobody else can exhaust it.
    assert guard.retry_after("delegate2", "10.9.9.9", "laptop") == 0
    for _ in range(10):
        guard.failed("delegate2", "10.9.9.9", "laptop")
    assert 0 < guard.retry_after("delegate2", "10.9.9.9", "laptop") <= 1
    for _ in range(20):
        guard.failed("delegate2", "10.9.9.9", "laptop")
    assert guard.retry_after("delegate2", "10.9.9.9", "laptop") <= 60


async def test_repeated_wrong_passwords_lock_the_account_for_a_while(
        server: ChairServer, hall: Hall) -> None:
    async with ChairClient(server.url) as client:
        for _ in range(5):
            with pytest.raises(ServerError) as wrong:
                await client.login("delegate1", "not the password")
            assert wrong.value.code == "auth_failed"
        with pytest.raises(ServerError) as locked:
            await client.login("delegate1", PASSWORD)  # even the right one, from here
        assert locked.value.code == "rate_limited"
        assert locked.value.details["retry_after"] > 0
        # Unknown names are treated the same, so the answer reveals nothing.
        for _ in range(5):
            with pytest.raises(ServerError):
                await client.login("no-such-user", "x")
        with pytest.raises(ServerError) as unknown:
            await client.login("no-such-user", "x")
        assert unknown.value.code == "rate_limited"
        await client.login("delegate2", PASSWORD)  # other accounts are not affected


async def test_changing_the_password_ends_every_other_session(
        server: ChairServer, hall: Hall, login: Login) -> None:
    laptop, tablet = await login("delegate1"), await login("delegate1")
    await tablet.subscribe(hall.meeting_id)
    with pytest.raises(ServerError) as wrong_old:
        await laptop.request("change_password", old_password="nope", new_password="x" * 12)
    assert wrong_old.value.code == "auth_failed"
    with pytest.raises(ServerError) as weak:
        await laptop.request("change_password", old_password=PASSWORD, new_password="short")
    assert weak.value.code == "invalid_args"
    changed = await laptop.request("change_password", old_password=PASSWORD,
                                   new_password="mật khẩu mới đủ dài")
    assert changed["revoked_sessions"] == 1
    await asyncio.wait_for(tablet.wait_closed(), 10)
    with pytest.raises(ConnectionLostError):
        await tablet.list_meetings()
    assert await laptop.list_meetings()  # this session goes on
    async with ChairClient(server.url) as fresh:
        with pytest.raises(ServerError):
            await fresh.login("delegate1", PASSWORD)
        await fresh.login("delegate1", "mật khẩu mới đủ dài")


@pytest.mark.logs_errors("a locked database is logged at ERROR for the operator")
async def test_a_locked_database_is_a_clear_error_and_nothing_half_done(
        server: ChairServer, hall: Hall, login: Login, database: Database) -> None:
    if database.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's write lock; PostgreSQL row locks wait instead")
    chair = await login("chair")
    await chair.subscribe(hall.meeting_id)
    blocker = database.engine.raw_connection()
    try:
        blocker.execute("PRAGMA busy_timeout=0")
        blocker.execute("BEGIN EXCLUSIVE")
        with pytest.raises(ServerError) as locked:
            await asyncio.wait_for(chair.command(hall.meeting_id, "meeting.start"), 30)
        assert locked.value.code == "unavailable"
    finally:
        blocker.rollback()
        blocker.close()
    started = await chair.command(hall.meeting_id, "meeting.start")
    assert started["status"] == "in_progress"


async def test_hashes_are_argon2id_and_tokens_expire(server: ChairServer, hall: Hall,
                                                     database: Database) -> None:
    with database.reading() as session:
        hashes = session.scalars(select(User.password_hash)).all()
    assert hashes
    assert all(h.startswith("$argon2id$") for h in hashes)
    async with ChairClient(server.url) as client:
        token = (await client.login("delegate1", PASSWORD))["token"]
    with database.transaction() as session:
        session.execute(update(LoginToken).values(expires_at=utcnow() - timedelta(seconds=1)))
    async with ChairClient(server.url) as client:
        with pytest.raises(ServerError) as expired:
            await client.resume(token)
        assert expired.value.code == "token_invalid"


async def test_a_password_change_closes_other_sessions_with_4001(
        server: ChairServer, hall: Hall, login: Login) -> None:
    laptop, tablet = await login("delegate2"), await login("delegate2")
    await laptop.request("change_password", old_password=PASSWORD,
                         new_password="một mật khẩu khác")
    await asyncio.wait_for(tablet.wait_closed(), 10)
    assert tablet.close_reason is not None
    assert "4001" in tablet.close_reason


async def test_a_damaged_pdf_is_refused_cleanly_on_attach(server: ChairServer, hall: Hall,
                                                          login: Login) -> None:
    secretary = await login("secretary")
    good = make_pdf(2)
    sha = await upload(secretary, good[:9] + bytes(200), "hong.pdf")
    with pytest.raises(ServerError) as refused:
        await secretary.command(hall.meeting_id, "document.add",
                                {"sha256": sha, "title": "Hỏng", "filename": "hong.pdf"})
    assert refused.value.code == "invalid_args"
    assert "PDF" in refused.value.message
    # A truncated file is either repaired (as every reader would) or refused; never a crash.
    cut = await upload(secretary, good[: len(good) // 3], "cat.pdf")
    outcome = await _answer(secretary.command(
        hall.meeting_id, "document.add", {"sha256": cut, "title": "Cắt", "filename": "cat.pdf"}))
    assert outcome in ("ok", "invalid_args")
    assert await secretary.command(hall.meeting_id, "document.add", {
        "sha256": await upload(secretary, good, "tot.pdf"), "title": "Tốt",
        "filename": "tot.pdf"})


async def _answer(request: Awaitable[object]) -> str:
    """"ok", or the error code a request was refused with."""
    try:
        await request
    except ServerError as refused:
        return refused.code
    return "ok"
