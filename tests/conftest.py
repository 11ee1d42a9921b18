"""Shared fixtures: real databases (SQLite and PostgreSQL), real servers on port 0."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

# Qt's offscreen screen is 800×800 unless told otherwise; tests run on a common desktop
# monitor (tests/helpers/screens/), and a small-screen journey on a 1366×768 laptop.
SCREENS = Path(__file__).resolve().parent / "helpers" / "screens"
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREENS / 'desktop.json'}"

from meetingroom.server.service import MeetingService, ServiceSettings  # noqa: E402  (after the screen is chosen)
from meetingroom.server.storage.database import Database, normalise_url  # noqa: E402  (after the screen is chosen)
from meetingroom.sync.client.chair_client import ChairClient  # noqa: E402  (after the screen is chosen)
from meetingroom.sync.serving.endpoint import ChairServer, ServerConfig  # noqa: E402  (after the screen is chosen)
from tests.helpers.factories import PASSWORD, Hall, make_hall  # noqa: E402  (after the screen is chosen)
from tests.helpers.signing_keys import usb_token  # noqa: E402, F401  (the session token fixture)

pytest_plugins = ["tests.helpers.logfail"]

PG_ENV = "MEETINGROOM_TEST_PG_URL"


def _postgres_admin_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get("CI"):
            pytest.fail(f"{PG_ENV} is not set: CI must test against a real PostgreSQL "
                        "(scripts/test starts one)")
        pytest.skip(f"{PG_ENV} not set; run scripts/test to start a throw-away PostgreSQL")
    return normalise_url(url)


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    admin_url = _postgres_admin_url()
    name = f"mr_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    base, _, _ = admin_url.rpartition("/")
    try:
        yield f"{base}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'meetingroom.db'}"
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    db = Database(db_url)
    yield db
    db.dispose()


@pytest.fixture
def hall(database: Database) -> Hall:
    return make_hall(database)


@pytest.fixture
def server_config() -> ServerConfig:
    return ServerConfig(host="127.0.0.1", port=0)


@pytest.fixture
async def server(database: Database, server_config: ServerConfig,
                 request: pytest.FixtureRequest) -> AsyncIterator[ChairServer]:
    # ``@pytest.mark.parametrize("server", PATHS, indirect=True)`` runs a test on both the
    # live meeting's fast path and the per-command path (``live_meetings=False``: what a
    # clash with another writer falls back to), so the two copies of a rule cannot drift.
    live = getattr(request, "param", True)
    chair_server = ChairServer(
        MeetingService(database, ServiceSettings(replay_limit=50, live_meetings=live)),
        server_config)
    await chair_server.start()
    yield chair_server
    await chair_server.stop()


Login = Callable[[str], Awaitable[ChairClient]]

#: Run a test against both paths a check-in or a ballot can take (see ``server``).
BOTH_PATHS = pytest.mark.parametrize("server", [True, False], indirect=True,
                                     ids=["live", "per_command"])


@pytest.fixture
async def login(server: ChairServer) -> AsyncIterator[Login]:
    clients: list[ChairClient] = []

    async def open_as(username: str) -> ChairClient:
        # Generous: a burst of Argon2 logins on a busy 2-core machine queues for seconds.
        client = ChairClient(server.url, timeout=60)
        await client.connect()
        clients.append(client)
        await client.login(username, PASSWORD)
        return client

    yield open_as
    for client in clients:
        await client.close()
