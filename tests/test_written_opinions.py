"""Written opinions between meetings: answers, who has answered, totals, closing at the deadline."""

from __future__ import annotations

from datetime import timedelta

import pytest

from meetingroom.server.storage.types import utcnow
from meetingroom.sync.client.chair_client import ServerError
from meetingroom.sync.serving.endpoint import ChairServer, ServerConfig
from tests.conftest import Login
from tests.helpers.factories import Hall
from tests.helpers.session_helpers import until


@pytest.fixture
def server_config() -> ServerConfig:
    return ServerConfig(host="127.0.0.1", port=0, deadline_sweep_seconds=0.2)


async def test_opinions_are_answered_counted_and_closed_at_the_deadline(
        server: ChairServer, hall: Hall, login: Login) -> None:
    secretary = await login("secretary")
    d1, d2 = await login("delegate1"), await login("delegate2")
    await secretary.subscribe(hall.meeting_id)
    with pytest.raises(ServerError) as past:
        await secretary.command(hall.meeting_id, "opinion.create", {
            "title": "Dự thảo quy chế", "deadline": (utcnow() - timedelta(hours=1)).isoformat()})
    assert past.value.code == "invalid_args"
    with pytest.raises(ServerError) as delegate_asks:
        await d1.command(hall.meeting_id, "opinion.create", {
            "title": "x", "deadline": (utcnow() + timedelta(days=1)).isoformat()})
    assert delegate_asks.value.code == "forbidden"
    # The meeting is only published: written opinions need no session.
    opinion = (await secretary.command(hall.meeting_id, "opinion.create", {
        "title": "Lấy ý kiến về dự thảo Nghị quyết phí bến xe",
        "question": "Đề nghị đại biểu cho ý kiến", "deadline":
        (utcnow() + timedelta(seconds=3)).isoformat()}))["opinion"]
    assert len(opinion["asked"]) == 4
    assert opinion["answered"] == []

    await d1.command(hall.meeting_id, "opinion.answer",
                     {"opinion_id": opinion["id"], "answer": "agree"})
    with pytest.raises(ServerError) as bare_other:
        await d2.command(hall.meeting_id, "opinion.answer",
                         {"opinion_id": opinion["id"], "answer": "other"})
    assert bare_other.value.code == "invalid_args"
    answered = await d2.command(hall.meeting_id, "opinion.answer", {
        "opinion_id": opinion["id"], "answer": "other",
        "comment": "Đề nghị giảm mức phí cho xe khách tuyến xã"})
    assert answered["opinion"]["totals"] == {"agree": 1, "disagree": 0, "other": 1}
    changed = await d1.command(hall.meeting_id, "opinion.answer",
                               {"opinion_id": opinion["id"], "answer": "disagree"})
    assert changed["opinion"]["totals"] == {"agree": 0, "disagree": 1, "other": 1}
    assert len(changed["opinion"]["not_answered"]) == 2

    closed = await until(secretary, "opinion.closed", wait=20)
    assert closed["payload"]["at_deadline"] is True
    assert closed["payload"]["by"] is None
    assert closed["payload"]["opinion"]["status"] == "closed"
    with pytest.raises(ServerError) as late:
        await d1.command(hall.meeting_id, "opinion.answer",
                         {"opinion_id": opinion["id"], "answer": "agree"})
    assert late.value.code == "invalid_state"
