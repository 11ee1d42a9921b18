"""The client when the server drops a frame for rate: the request fails at once.

The server refuses a frame over the connection's budget unread, so its answer, a
``rate_limited`` error, has ``id: null``. It reads a connection's frames in order and
answers each once, so that error answers the oldest request still waiting, and only
it. Before, ``ChairClient`` filed the error as unsolicited and let the request wait
its whole timeout (30 s by default) for an answer that could never come.
"""

from __future__ import annotations

import asyncio

import pytest

from meetingroom.sync.client.chair_client import ChairClient, ServerError
from meetingroom.sync.serving.endpoint import ChairServer, ServerConfig
from tests.helpers.factories import Hall

#: Three messages, then (practically) nothing more for the test's lifetime.
TINY = ServerConfig(host="127.0.0.1", port=0, rate_per_second=0.001, rate_burst=3)
#: Long enough that a request left waiting would fail the test as a timeout, not pass.
PATIENT = 60.0


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("server_config", [TINY])
async def test_a_request_dropped_for_rate_fails_at_once_with_rate_limited(
        server: ChairServer, hall: Hall) -> None:
    async with ChairClient(server.url, timeout=PATIENT) as client:
        for _ in range(3):
            assert await client.request("ping") == {"pong": True}
        with pytest.raises(ServerError) as refused:
            await client.request("ping")
        assert refused.value.code == "rate_limited"
        assert client.unsolicited.empty()  # it answered our request: not a stray error


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("server_config", [TINY])
async def test_only_the_dropped_requests_fail_and_each_gets_its_own_answer(
        server: ChairServer, hall: Hall) -> None:
    """Six requests at once on a budget of three: the first three are answered, the last
    three each get their own rate_limited, none waits and none takes another's answer."""
    async with ChairClient(server.url, timeout=PATIENT) as client:
        outcomes = await asyncio.gather(
            client.request("ping"),
            client.request("login", username="nobody", password="wrong"),
            client.request("ping"),
            client.request("ping"),
            client.request("list_meetings"),
            client.request("ping"),
            return_exceptions=True)
        codes = [o.code if isinstance(o, ServerError) else type(o).__name__
                 for o in outcomes]
        assert codes == ["dict", "auth_failed", "dict", "rate_limited", "rate_limited",
                         "rate_limited"], outcomes
        assert client.unsolicited.empty()
