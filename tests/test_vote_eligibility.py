"""Property: whatever the roll call looks like, exactly the members present can vote, once.

Driven through the real command service and database (no sockets, so hypothesis
can try many roll calls quickly); the server tests cover the same path end to end.
"""

from __future__ import annotations

import uuid
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from meetingroom.core.protocol import ProtocolError
from meetingroom.core.vocabulary import Attendance
from meetingroom.server.service import Identity, MeetingService
from meetingroom.server.storage.database import Database
from meetingroom.server.storage.models import Participant, User
from tests.helpers.factories import Hall

PEOPLE = ["chair", "secretary", "guest", "delegate1", "delegate2", "delegate3"]
VOTERS = {"chair", "delegate1", "delegate2", "delegate3"}


def _run(service: MeetingService, who: Identity, meeting_id: int, name: str,
         args: dict[str, Any]) -> dict[str, Any] | str:
    """The command's result, or the refusal's error code."""
    try:
        reply = service.execute(who, uuid.uuid4().hex, meeting_id, name, args).reply
    except ProtocolError as exc:
        return str(exc.code)
    result: dict[str, Any] = reply["result"]
    return result


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(roll_call=st.lists(st.sampled_from(list(Attendance)), min_size=len(PEOPLE),
                          max_size=len(PEOPLE)),
       choices=st.lists(st.integers(0, 2), min_size=len(PEOPLE), max_size=len(PEOPLE)))
def test_only_present_members_vote_and_only_once(database: Database, hall: Hall,
                                                  roll_call: list[Attendance],
                                                  choices: list[int]) -> None:
    service = MeetingService(database)
    with database.reading() as session:
        users = {u.username: Identity(u.id, u.username, u.full_name, u.is_admin)
                 for u in session.scalars(select(User))}
    chair = users["chair"]
    if _run(service, chair, hall.meeting_id, "meeting.start", {}) not in ("invalid_state",):
        _run(service, chair, hall.meeting_id, "agenda.set_current",
             {"item_id": hall.item_ids[0]})
    with database.transaction() as session:
        for name, state in zip(PEOPLE, roll_call, strict=True):
            session.execute(update(Participant).where(
                Participant.meeting_id == hall.meeting_id,
                Participant.user_id == users[name].user_id).values(attendance=state.value))
    created = _run(service, chair, hall.meeting_id, "vote.create",
                   {"matter": "resolution", "title": "Nghị quyết"})
    assert isinstance(created, dict)
    vote_id = created["vote"]["id"]
    assert isinstance(_run(service, chair, hall.meeting_id, "vote.open", {"vote_id": vote_id}),
                      dict)

    accepted: list[str] = []
    for name, choice in zip([*PEOPLE, "outsider", "admin"], [*choices, 0, 0], strict=True):
        outcome = _run(service, users[name], hall.meeting_id, "vote.cast",
                       {"vote_id": vote_id, "choice": choice})
        present = name in PEOPLE and roll_call[PEOPLE.index(name)] is Attendance.PRESENT
        if name in VOTERS and present:
            assert isinstance(outcome, dict), (name, outcome)
            accepted.append(name)
        elif name == "outsider":
            assert outcome == "not_found"
        elif name in VOTERS:
            assert outcome == "invalid_state", (name, outcome)  # absent, left or not arrived
        elif present or name == "admin":
            assert outcome == "forbidden", (name, outcome)  # guests, secretary, admin
        else:
            assert outcome in ("forbidden", "invalid_state"), (name, outcome)
    for name in accepted:  # a second ballot is refused, never counted
        assert _run(service, users[name], hall.meeting_id, "vote.cast",
                    {"vote_id": vote_id, "choice": 0}) == "invalid_state"

    closed = _run(service, chair, hall.meeting_id, "vote.close", {"vote_id": vote_id})
    assert isinstance(closed, dict)
    result = closed["vote"]["result"]
    expected = [0, 0, 0]
    for name in accepted:
        expected[choices[PEOPLE.index(name)]] += 1
    assert [o["count"] for o in result["options"]] == expected
    assert result["voted"] == len(accepted)
    assert result["not_voted"] == 4 - len(accepted)
    assert result["passed"] == (2 * expected[0] > 4)
