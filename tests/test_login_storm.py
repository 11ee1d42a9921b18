"""Password logins at hall scale: Argon2id at OWASP's minimum, old hashes upgraded at login,
and a ``resume`` (a token, no hash) never queued behind a storm of password checks.

Real server and database; no timing asserts: the resume is checked by what had
finished when it was answered.
"""

from __future__ import annotations

import asyncio

import argon2
from argon2 import PasswordHasher
from sqlalchemy import select

from meetingroom.server.storage.database import Database
from meetingroom.server.storage.models import User
from meetingroom.sync.client.chair_client import ChairClient
from meetingroom.sync.serving.endpoint import ChairServer
from tests.helpers.factories import PASSWORD, make_hall

STORM = 12


async def test_a_hash_made_with_older_parameters_is_upgraded_at_login(
        server: ChairServer, database: Database) -> None:
    hall = make_hall(database)
    old = PasswordHasher(time_cost=3, memory_cost=64 * 1024, parallelism=4)  # the old default
    with database.transaction() as session:
        user = session.scalar(select(User).where(User.username == hall.delegates[0]))
        assert user is not None
        user.password_hash = old.hash(PASSWORD)
    async with ChairClient(server.url, timeout=60) as client:
        await client.login(hall.delegates[0], PASSWORD)
    with database.reading() as session:
        stored = session.scalar(select(User.password_hash).where(
            User.username == hall.delegates[0]))
    assert stored is not None
    upgraded = argon2.extract_parameters(stored)
    assert upgraded.type is argon2.Type.ID
    assert (upgraded.memory_cost, upgraded.time_cost, upgraded.parallelism) == (19 * 1024, 2, 1)
    async with ChairClient(server.url, timeout=60) as client:  # the new hash still opens it
        await client.login(hall.delegates[0], PASSWORD)


async def test_resume_is_answered_while_a_storm_of_password_logins_waits(
        server: ChairServer, database: Database) -> None:
    hall = make_hall(database, delegates=STORM)
    async with ChairClient(server.url, timeout=120) as first:
        token = (await first.login(hall.chair, PASSWORD))["token"]
    clients = [ChairClient(server.url, timeout=120) for _ in range(STORM)]
    resumer = ChairClient(server.url, timeout=120)
    for client in [*clients, resumer]:
        await client.connect()
    finished: list[str] = []
    try:
        async def login(client: ChairClient, username: str) -> None:
            await client.login(username, PASSWORD)
            finished.append(username)

        storm = [asyncio.create_task(login(c, name))
                 for c, name in zip(clients, hall.delegates, strict=True)]
        # Every login is sent before the resume (a request is pending once it is sent).
        while not all(c._pending for c in clients):  # noqa: ASYNC110 - no event to wait on
            await asyncio.sleep(0)
        await resumer.resume(token)
        done_before_resume = len(finished)
        await asyncio.gather(*storm)
    finally:
        for client in [*clients, resumer]:
            await client.close()
    assert len(finished) == STORM  # the storm completes
    # Sharing the hash threads, the resume waited for all but the last couple of logins.
    assert done_before_resume <= STORM // 2, done_before_resume
