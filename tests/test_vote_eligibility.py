"""Property: whatever the roll call looks like, exactly the members present can vote, once.

Driven through the real command service and database (no sockets, so hypothesis
can try many roll calls quickly); the server tests cover the same path end to end.
"""

from __future__ import annotations

import secrets
import uuid
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from meetingroom.core.protocol import ProtocolError
from meetingroom.core.vocabulary import Attendance
from meetingroom.server.service import (
    BatchItem,
    CommandOutcome,
    Identity,
    MeetingService,
    ServiceSettings,
)
from meetingroom.server.storage.database import Database
from meetingroom.server.storage.models import Participant, User
from tests.helpers.factories import Hall, make_hall

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


@pytest.mark.parametrize("live", [True, False], ids=["live", "per_command"])
def test_a_secret_ballot_of_a_batch_asked_for_again_counts_once_it_is_sent_again(
        database: Database, live: bool) -> None:
    """Secret ballots sent together are each stored and counted. A batch whose ballot is
    stored (the ballots' transaction) and then refused in the voters' transaction (the
    member walked in, in the same batch, ahead of the stand-in's ballot) is asked for again
    whole: its ballots count for nothing until sent again, and a ballot sent again is
    adopted, even after dying a second time, and counted once. (Mutation testing found
    this path reached only by the crash tests, which run the server as a process: a ballot
    adopted without its new batch, or counted at once, went unnoticed in process; and on
    the per-command path, two voters' ballots of one batch taken for one seat. It also
    found on SQLite the walked-in member's check-in kept though its batch was rolled back:
    the savepoint taken before the batch's first write was the transaction itself.)"""
    hall = make_hall(database, stand_in_may_vote=True)
    m = hall.meeting_id
    service = MeetingService(database, ServiceSettings(live_meetings=live))
    with database.reading() as session:
        users = {u.username: Identity(u.id, u.username, u.full_name, u.is_admin)
                 for u in session.scalars(select(User))}

    def batch(*commands: tuple[str, str, dict[str, Any]]) -> list[CommandOutcome | str]:
        items = [BatchItem(users[who], uuid.uuid4().hex, m, name, args)
                 for who, name, args in commands]
        return [str(r.details.get("reason")) if isinstance(r, ProtocolError) else r
                for r in service.execute_batch(items)]

    def run(who: str, name: str, args: dict[str, Any] | None = None) -> None:
        (outcome,) = batch((who, name, args or {}))
        assert isinstance(outcome, CommandOutcome), (who, name, outcome)

    run("chair", "meeting.start")
    run("chair", "agenda.set_current", {"item_id": hall.item_ids[1]})
    run("delegate3", "attendance.mark_absent", {"reason": "Ốm"})
    run("delegate3", "attendance.set_stand_in", {"stand_in_user_id": users["guest"].user_id})
    for name in ("chair", "delegate1", "delegate2", "guest"):
        run(name, "attendance.check_in")
    (created,) = batch(("chair", "vote.create", {"matter": "removal", "title": "Bãi nhiệm",
                                                 "ballot": "secret"}))
    assert isinstance(created, CommandOutcome)
    vote_id = created.reply["result"]["vote"]["id"]
    run("chair", "vote.open", {"vote_id": vote_id})

    def cast(choice: int, **more: Any) -> dict[str, Any]:
        return {"vote_id": vote_id, "choice": choice, "ballot_secret": secrets.token_urlsafe(32),
                **more}

    together = batch(("delegate1", "vote.cast", cast(1)), ("delegate2", "vote.cast", cast(2)))
    assert all(isinstance(o, CommandOutcome) for o in together), together
    for_d3 = cast(0, on_behalf_of=users["delegate3"].user_id)
    walks_in: tuple[str, str, dict[str, Any]] = ("delegate3", "attendance.check_in", {})
    # The chair's ballot goes down with the batch and is never sent again: it never counts.
    assert batch(walks_in, ("guest", "vote.cast", for_d3),
                 ("chair", "vote.cast", cast(2))) == ["server_busy"] * 3
    # Nothing of the batch was kept: the member has still not walked in.
    assert batch(walks_in, ("guest", "vote.cast", for_d3)) == ["server_busy"] * 2
    (again,) = batch(("guest", "vote.cast", for_d3))
    assert isinstance(again, CommandOutcome), again
    assert (again.reply["result"]["member_user_id"], again.reply["result"]["changed"]) == (
        users["delegate3"].user_id, False)
    (closed,) = batch(("chair", "vote.close", {"vote_id": vote_id}))
    assert isinstance(closed, CommandOutcome)
    result = closed.reply["result"]["vote"]["result"]
    assert ([o["count"] for o in result["options"]], result["voted"]) == ([1, 1, 1], 3)
