"""Votes, elections and confidence ratings through the real server and real clients."""

from __future__ import annotations

import asyncio
import functools
import logging
import secrets
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import select, update

from meetingroom.core.vocabulary import BodyKind, Level
from meetingroom.server.announcements import announce
from meetingroom.server.body_rules import default_rule_rows
from meetingroom.server.storage.database import Database
from meetingroom.server.storage.models import (
    AgendaItem,
    AuditEntry,
    Body,
    Event,
    Meeting,
    OpenBallot,
    Participant,
    SecretBallot,
    User,
    Vote,
    VoteRule,
    VoteVoter,
)
from meetingroom.sync.client.chair_client import ChairClient, ServerError
from meetingroom.sync.serving.endpoint import ChairServer
from tests.conftest import BOTH_PATHS, Login
from tests.helpers.factories import Hall, make_hall
from tests.helpers.session_helpers import start_session, until


async def _user_ids(chair: ChairClient, meeting_id: int) -> dict[str, int]:
    snap = await chair.subscribe(meeting_id, last_seq=0)
    return {p["full_name"].removeprefix("Người dùng "): p["user_id"]
            for p in snap["snapshot"]["participants"]}


async def _present(clients: list[ChairClient], meeting_id: int) -> None:
    for client in clients:
        await client.command(meeting_id, "attendance.check_in")


async def _vote(chair: ChairClient, meeting_id: int, **args: Any) -> dict[str, Any]:
    created = await chair.command(meeting_id, "vote.create", args)
    vote: dict[str, Any] = created["vote"]
    opened = await chair.command(meeting_id, "vote.open", {"vote_id": vote["id"]})
    assert (opened["vote"]["id"], opened["vote"]["status"]) == (vote["id"], "open")
    assert opened["vote"]["opened_at"] is not None
    return vote


def _secret() -> str:
    return secrets.token_urlsafe(32)


@BOTH_PATHS
async def test_open_vote_counts_against_total_membership(
        server: ChairServer, hall: Hall, login: Login) -> None:
    chair = await login("chair")
    d1, d2, d3 = [await login(name) for name in hall.delegates]
    guest, outsider, admin = await login("guest"), await login("outsider"), await login("admin")
    await start_session(chair, hall.meeting_id, hall.item_ids[1])
    ids = await _user_ids(chair, hall.meeting_id)
    await _present([chair, d1, d2, guest], hall.meeting_id)  # delegate3 has not arrived
    await d1.subscribe(hall.meeting_id)
    vote = await _vote(chair, hall.meeting_id, matter="resolution",
                       title="Thông qua Nghị quyết về dự toán ngân sách năm 2027")
    assert {k: vote["rule"][k] for k in ("numerator", "denominator", "comparison")} == {
        "numerator": 1, "denominator": 2, "comparison": "more_than"}
    assert "text" not in vote["rule"]  # the threshold as numbers; each window words it
    assert vote["ballot"] == "open"
    assert vote["seats"] == 1  # a question fills no seats; every view shows one
    opened = await until(d1, "vote.opened")
    seats = sorted([ids["chair"], ids["delegate1"], ids["delegate2"]])
    stopped = (await chair.command(hall.meeting_id, "vote.stop", {"vote_id": vote["id"]})
               )["vote"]
    assert (stopped["eligible"], stopped["status"]) == (seats, "stopped")
    assert stopped["stopped_at"] is not None
    assert stopped["closed_at"] is None
    reopened = await chair.command(hall.meeting_id, "vote.open", {"vote_id": vote["id"]})
    assert reopened["vote"]["opened_at"] == stopped["opened_at"]  # first opened, kept
    # A delegate's laptop is told whether its own user may vote, not who else may.
    assert opened["payload"]["vote"]["eligible"] == [ids["delegate1"]]

    refusals = {
        "guest": (guest, "forbidden"),  # guests never vote
        "absent": (d3, "invalid_state"),  # not checked in
        "outsider": (outsider, "not_found"),  # not a participant of this meeting
        "admin": (admin, "forbidden"),
    }
    for who, (client, code) in refusals.items():
        with pytest.raises(ServerError) as refused:
            await client.command(hall.meeting_id, "vote.cast",
                                 {"vote_id": vote["id"], "choice": 0})
        assert refused.value.code == code, who
    with pytest.raises(ServerError) as shape:
        await d1.command(hall.meeting_id, "vote.cast", {"vote_id": vote["id"], "choice": 7})
    assert shape.value.code == "invalid_args"

    await d1.command(hall.meeting_id, "vote.cast", {"vote_id": vote["id"], "choice": 0})
    cast = await until(d1, "vote.ballot_cast")
    assert cast["payload"]["tally"] == {"options": [1, 0, 0]}  # open ballot, tallies shown
    assert (cast["payload"]["member_user_id"], cast["payload"]["by_stand_in"]) == (
        ids["delegate1"], False)
    with pytest.raises(ServerError) as again:
        await d1.command(hall.meeting_id, "vote.cast", {"vote_id": vote["id"], "choice": 1})
    assert again.value.code == "invalid_state"  # this body does not allow changes
    await d2.command(hall.meeting_id, "vote.cast", {"vote_id": vote["id"], "choice": 0})
    await chair.command(hall.meeting_id, "vote.cast", {"vote_id": vote["id"], "choice": 0})

    closed = (await chair.command(hall.meeting_id, "vote.close", {"vote_id": vote["id"]}))
    assert closed["vote"]["closed_at"] is not None
    result = closed["vote"]["result"]
    assert result["kind"] == "question"
    assert [o["count"] for o in result["options"]] == [3, 0, 0]
    assert result["not_voted"] == 1
    assert result["passed"] is True
    # Numbers on the wire, never a sentence: each client words it in its own language.
    assert not {"announcement", "not_voted_percent_text"} & set(result)
    assert "text" not in result["rule"]
    assert [o["percent"] for o in result["options"]] == [75.0, 0.0, 0.0]
    assert result["not_voted_percent"] == 25.0
    assert announce(result).startswith("3/4 đại biểu tán thành, chiếm 75,00% tổng số")
    assert result["by_member"] == sorted(
        [{"user_id": ids[n], "option": 0} for n in ("chair", "delegate1", "delegate2")],
        key=lambda b: b["user_id"])
    # The delegate's laptop gets the result's numbers; the names are the chair's.
    assert (await until(d1, "vote.closed"))["payload"]["vote"]["result"] == {
        k: v for k, v in result.items() if k != "by_member"}

    # Closed is final: no reopening, no late ballot; annul with a reason, then hold it again.
    with pytest.raises(ServerError) as reopen:
        await chair.command(hall.meeting_id, "vote.open", {"vote_id": vote["id"]})
    assert reopen.value.code == "invalid_state"
    with pytest.raises(ServerError) as late:
        await d1.command(hall.meeting_id, "vote.cast", {"vote_id": vote["id"], "choice": 1})
    assert late.value.code == "invalid_state"
    with pytest.raises(ServerError) as delegate_annuls:
        await d1.command(hall.meeting_id, "vote.annul", {"vote_id": vote["id"],
                                                         "reason": "Sai sót"})
    assert delegate_annuls.value.code == "forbidden"
    annulled = await chair.command(hall.meeting_id, "vote.annul",
                                   {"vote_id": vote["id"],
                                    "reason": "Hệ thống ghi nhận sai danh sách đại biểu"})
    assert annulled["vote"]["status"] == "annulled"
    repeat = await chair.command(hall.meeting_id, "vote.create", {"repeat_of": vote["id"]})
    assert repeat["vote"]["title"] == vote["title"]
    assert repeat["vote"]["repeat_of_id"] == vote["id"]
    assert repeat["vote"]["status"] == "draft"
    # Held again, a vote keeps what the chair chose for it: its agenda item (not the
    # current one), an open removal (the body's rule says secret), the candidates and
    # seats of an election (as many candidates as seats is allowed).
    for chosen in ({"matter": "removal", "title": "Bãi nhiệm", "ballot": "open", "seats": 2},
                   {"matter": "election", "title": "Bầu", "candidates": ["A", "B", "C"],
                    "seats": 2},
                   {"matter": "election", "title": "Bầu", "candidates": ["A"]}):
        first = (await chair.command(hall.meeting_id, "vote.create",
                                     {**chosen, "item_id": hall.item_ids[2]}))["vote"]
        # A question fills no seats, whatever the command says.
        assert first["seats"] == (chosen.get("seats", 1) if first["kind"] == "election" else 1)
        await chair.command(hall.meeting_id, "vote.annul",
                            {"vote_id": first["id"], "reason": "Sai danh sách"})
        again = (await chair.command(hall.meeting_id, "vote.create",
                                     {"repeat_of": first["id"]}))["vote"]
        kept = ("item_id", "matter", "title", "ballot", "candidates", "seats")
        assert {k: again[k] for k in kept} == {k: first[k] for k in kept}, chosen


async def test_committee_tie_goes_to_the_chairs_side(database: Database, server: ChairServer,
                                                     login: Login) -> None:
    hall = make_hall(database, kind=BodyKind.UBND)
    # A deputy (delegate3's user) chairs this meeting; the body's head ("chair", the
    # lowest user id) sits in it as a member and chairs the body's other meeting. Only
    # this meeting's chair breaks a tie (mutation testing found the chair looked up in
    # every meeting, or among every participant, unchecked: the lowest id decided).
    with database.transaction() as session:
        user = {u.username: u.id for u in session.scalars(select(User))}
        seat = [Participant.meeting_id == hall.meeting_id]
        session.execute(update(Participant).where(*seat, Participant.user_id == user["chair"])
                        .values(role="delegate"))
        session.execute(update(Participant).where(
            *seat, Participant.user_id == user["delegate3"]).values(role="chair"))
        session.execute(update(Participant).where(
            Participant.meeting_id == hall.other_meeting_id).values(user_id=user["chair"]))
    chair = await login("delegate3")
    delegates = [await login(name) for name in ("chair", "delegate1", "delegate2")]
    await start_session(chair, hall.meeting_id, hall.item_ids[1])
    await _present([chair, *delegates], hall.meeting_id)
    results = []
    for chair_side in (0, 1):
        vote = await _vote(chair, hall.meeting_id, matter="committee_decision",
                           title="Quyết định phê duyệt đề án")
        await chair.command(hall.meeting_id, "vote.cast", {"vote_id": vote["id"],
                                                           "choice": chair_side})
        sides = [chair_side, 1 - chair_side, 1 - chair_side] if chair_side == 0 else [0, 0, 1]
        for client, side in zip(delegates, sides, strict=True):
            await client.command(hall.meeting_id, "vote.cast", {"vote_id": vote["id"],
                                                                "choice": side})
        closed = await chair.command(hall.meeting_id, "vote.close", {"vote_id": vote["id"]})
        results.append(closed["vote"]["result"])
    # 2 for / 2 against of 4 members: not "more than half", but the chair's side decides.
    assert [r["options"][0]["count"] for r in results] == [2, 2]
    assert [(r["passed"], r["decided_by_chair"]) for r in results] == [(True, True),
                                                                       (False, True)]
    assert "announcement" not in results[0]
    assert "quyết định theo ý kiến của Chủ tọa" in announce(results[0], "thành viên")


async def test_fifty_delegates_vote_at_once_and_the_tally_is_exact(
        database: Database, server: ChairServer, login: Login) -> None:
    hall = make_hall(database, delegates=50)
    chair = await login("chair")
    await start_session(chair, hall.meeting_id, hall.item_ids[1])
    delegates = list(await asyncio.gather(*[login(name) for name in hall.delegates]))
    await asyncio.gather(*[d.subscribe(hall.meeting_id) for d in delegates])
    await asyncio.gather(*[d.command(hall.meeting_id, "attendance.check_in")
                           for d in delegates])
    vote = await _vote(chair, hall.meeting_id, matter="resolution",
                       title="Nghị quyết về kế hoạch đầu tư công")
    choices = [n % 3 for n in range(50)]  # 17 for, 17 against, 16 abstain
    replies = await asyncio.gather(*[
        d.command(hall.meeting_id, "vote.cast", {"vote_id": vote["id"], "choice": c})
        for d, c in zip(delegates, choices, strict=True)])
    assert all(r["accepted"] for r in replies)
    closed = await chair.command(hall.meeting_id, "vote.close", {"vote_id": vote["id"]})
    result = closed["vote"]["result"]
    assert [o["count"] for o in result["options"]] == [17, 17, 16]
    assert result["not_voted"] == 1  # the chair did not vote; 51 members in all
    assert result["passed"] is False  # 17/51 is not more than half
    assert result["options"][0]["percent"] == 33.33
    # Every delegate saw the same result (the numbers; who chose what is the chair's).
    seen = await asyncio.gather(*[until(d, "vote.closed") for d in delegates])
    numbers = {k: v for k, v in result.items() if k != "by_member"}
    assert all(e["payload"]["vote"]["result"] == numbers for e in seen)


@BOTH_PATHS
async def test_a_ballot_change_where_the_body_allows_it(database: Database, server: ChairServer,
                                                        login: Login) -> None:
    hall = make_hall(database, ballot_change_allowed=True)
    chair, d1, d2 = await login("chair"), await login("delegate1"), await login("delegate2")
    await start_session(chair, hall.meeting_id, hall.item_ids[1])
    await _present([d1, d2], hall.meeting_id)
    open_vote = await _vote(chair, hall.meeting_id, matter="resolution", title="Mở")
    await d1.command(hall.meeting_id, "vote.cast", {"vote_id": open_vote["id"], "choice": 0})
    changed = await d1.command(hall.meeting_id, "vote.cast",
                               {"vote_id": open_vote["id"], "choice": 1})
    assert changed["changed"] is True
    result = (await chair.command(hall.meeting_id, "vote.close",
                                  {"vote_id": open_vote["id"]}))["vote"]["result"]
    assert [o["count"] for o in result["options"]] == [0, 1, 0]

    secret_vote = await _vote(chair, hall.meeting_id, matter="removal", title="Bãi nhiệm",
                              ballot="secret")
    mine = _secret()
    args = {"vote_id": secret_vote["id"], "ballot_secret": mine}
    await d1.command(hall.meeting_id, "vote.cast", {**args, "choice": 0})
    with pytest.raises(ServerError) as stranger:  # another device cannot change it
        await d1.command(hall.meeting_id, "vote.cast",
                         {**args, "ballot_secret": _secret(), "choice": 1})
    assert (stranger.value.code, stranger.value.details["reason"],
            stranger.value.message) == (
        "invalid_args", "secret_ballot_unknown",
        "this device cannot change the earlier secret ballot")
    # Another member's device sending the same secret (a copied secret, a cloned device)
    # cannot replace the first member's ballot with its own: refused, nothing counted.
    with pytest.raises(ServerError) as copied:
        await d2.command(hall.meeting_id, "vote.cast", {**args, "choice": 1})
    assert (copied.value.code, copied.value.details, copied.value.message) == (
        "invalid_args", None, "ballot_secret already used"), copied.value
    await d1.command(hall.meeting_id, "vote.cast", {**args, "choice": 2})
    result = (await chair.command(hall.meeting_id, "vote.close",
                                  {"vote_id": secret_vote["id"]}))["vote"]["result"]
    assert [o["count"] for o in result["options"]] == [0, 0, 1]
    assert "by_member" not in result


@BOTH_PATHS
async def test_stand_in_votes_only_where_the_body_allows(database: Database,
                                                         server: ChairServer,
                                                         login: Login) -> None:
    hall = make_hall(database, stand_in_may_vote=True)
    chair, d3, guest = await login("chair"), await login("delegate3"), await login("guest")
    d1, secretary = await login("delegate1"), await login("secretary")
    await start_session(chair, hall.meeting_id, hall.item_ids[1])
    ids = await _user_ids(chair, hall.meeting_id)
    await d3.command(hall.meeting_id, "attendance.mark_absent", {"reason": "Ốm"})
    await d3.command(hall.meeting_id, "attendance.set_stand_in",
                     {"stand_in_user_id": ids["guest"]})
    await _present([d1, secretary], hall.meeting_id)
    d2 = await login("delegate2")  # in and out again: one member has left
    await d2.command(hall.meeting_id, "attendance.check_in")
    await d2.command(hall.meeting_id, "attendance.check_out")
    # The stand-in walks in: the member counts as represented, in the check-in's own
    # counts (kept up to date by the live meeting) as in a recount for a snapshot.
    arrived = await guest.command(hall.meeting_id, "attendance.check_in")
    assert (arrived["counts"]["represented"], arrived["counts"]["left"]) == (1, 1)
    recount = (await chair.subscribe(hall.meeting_id, last_seq=0))["snapshot"]["attendance"]
    assert (arrived["counts"], arrived["quorum"]) == (recount["counts"], recount["quorum"])
    vote = await _vote(chair, hall.meeting_id, matter="resolution", title="Ủy quyền")
    assert vote["id"]
    # Only the stand-in the absent member named may cast that member's ballot: another
    # present member or a present non-member is refused, and nothing is counted.
    for stranger in (d1, secretary):
        with pytest.raises(ServerError) as not_theirs:
            await stranger.command(hall.meeting_id, "vote.cast",
                                   {"vote_id": vote["id"], "choice": 1,
                                    "on_behalf_of": ids["delegate3"]})
        assert (not_theirs.value.code, not_theirs.value.details,
                not_theirs.value.message) == (
            "forbidden", {"reason": "not_your_stand_in"},
            "the sender does not stand in for this member"), not_theirs.value
    with pytest.raises(ServerError) as own:
        await guest.command(hall.meeting_id, "vote.cast", {"vote_id": vote["id"], "choice": 0})
    assert own.value.code == "forbidden"
    cast = await guest.command(hall.meeting_id, "vote.cast",
                               {"vote_id": vote["id"], "choice": 0,
                                "on_behalf_of": ids["delegate3"]})
    # The reply as stored for retries: whose seat, never the choice.
    assert {k: cast[k] for k in ("vote_id", "member_user_id", "accepted", "changed")} == {
        "vote_id": vote["id"], "member_user_id": ids["delegate3"], "accepted": True,
        "changed": False}  # the strangers' attempts left no ballot to change
    assert "choice" not in cast
    with database.reading() as session:  # the minutes say the seat voted by its stand-in
        assert session.scalars(select(VoteVoter.by_stand_in).where(
            VoteVoter.vote_id == vote["id"])).all() == [True]
    snap = await chair.subscribe(hall.meeting_id, last_seq=0)
    assert snap["snapshot"]["attendance"]["quorum"]["counted"] == 2  # delegate1 and the stand-in
    # The member walks in: from now on the member votes, never the stand-in.
    await d3.command(hall.meeting_id, "attendance.check_in")
    with pytest.raises(ServerError) as present:
        await guest.command(hall.meeting_id, "vote.cast",
                            {"vote_id": vote["id"], "choice": 1,
                             "on_behalf_of": ids["delegate3"]})
    assert (present.value.code, present.value.details, present.value.message) == (
        "invalid_state", {"reason": "member_present"}, "the member is present and votes")


@BOTH_PATHS
async def test_election_and_confidence_rating(server: ChairServer, hall: Hall,
                                              login: Login) -> None:
    chair = await login("chair")
    delegates = [await login(name) for name in hall.delegates]
    await start_session(chair, hall.meeting_id, hall.item_ids[1])
    await _present([chair, *delegates], hall.meeting_id)
    with pytest.raises(ServerError) as no_candidates:
        await chair.command(hall.meeting_id, "vote.create",
                            {"matter": "election", "title": "Bầu Phó Chủ tịch"})
    assert no_candidates.value.code == "invalid_args"
    with pytest.raises(ServerError) as fixed_ballot:
        await chair.command(hall.meeting_id, "vote.create",
                            {"matter": "election", "title": "Bầu", "ballot": "open",
                             "candidates": ["A"]})
    assert fixed_ballot.value.code == "invalid_args"  # elections are always secret
    election = await _vote(chair, hall.meeting_id, matter="election",
                           title="Bầu Phó Chủ tịch UBND", seats=1,
                           candidates=["Nguyễn Văn An", "Lê Thị Bình"])
    picks = [[0], [0], [1], [0]]  # of 4 members: An 3 (75%), Bình 1
    for client, pick in zip([chair, *delegates], picks, strict=True):
        await client.command(hall.meeting_id, "vote.cast",
                             {"vote_id": election["id"], "candidates": pick,
                              "ballot_secret": _secret()})
    with pytest.raises(ServerError) as too_many:
        await delegates[0].command(hall.meeting_id, "vote.cast",
                                   {"vote_id": election["id"], "candidates": [0, 1],
                                    "ballot_secret": _secret()})
    assert too_many.value.code in ("invalid_args", "invalid_state")
    result = (await chair.command(hall.meeting_id, "vote.close",
                                  {"vote_id": election["id"]}))["vote"]["result"]
    assert result["kind"] == "election"  # how each window knows which result to draw
    assert result["elected"] == ["Nguyễn Văn An"]
    assert [c["votes"] for c in result["candidates"]] == [3, 1]

    rating = await _vote(chair, hall.meeting_id, matter="confidence",
                         title="Lấy phiếu tín nhiệm", candidates=["Trần Văn C", "Phạm Thị D"])
    ballots = [{"0": 2, "1": 0}, {"0": 2, "1": 1}, {"0": 2}, {"0": 1, "1": 0}]
    for client, ratings in zip([chair, *delegates], ballots, strict=True):
        await client.command(hall.meeting_id, "vote.cast",
                             {"vote_id": rating["id"], "ratings": ratings,
                              "ballot_secret": _secret()})
    result = (await chair.command(hall.meeting_id, "vote.close",
                                  {"vote_id": rating["id"]}))["vote"]["result"]
    assert result["kind"] == "confidence"
    first, second = result["officials"]
    assert [lv["count"] for lv in first["levels"]] == [0, 1, 3]
    assert first["low_flag"] is True  # 3/4 rate "thấp": more than two thirds
    assert second["not_rated"] == 1
    assert second["low_flag"] is False


async def test_a_result_stored_with_sentences_reaches_clients_as_numbers(
        database: Database, server: ChairServer, login: Login) -> None:
    """A vote closed by a server before issue 17 kept Vietnamese sentences in its row and in
    its logged events; neither a snapshot nor a replay sends them to a client now."""
    hall = make_hall(database)
    chair = await login("chair")
    await start_session(chair, hall.meeting_id, hall.item_ids[1])
    await chair.command(hall.meeting_id, "attendance.check_in")
    vote = await _vote(chair, hall.meeting_id, matter="resolution", title="Nghị quyết cũ")
    await chair.command(hall.meeting_id, "vote.cast", {"vote_id": vote["id"], "choice": 0})
    await chair.command(hall.meeting_id, "vote.close", {"vote_id": vote["id"]})
    old = {"announcement": "1/4 đại biểu tán thành, chiếm 25,00% tổng số đại biểu; ...",
           "not_voted_percent_text": "75,00%"}
    with database.transaction() as session:
        row = session.get(Vote, vote["id"])
        assert row is not None
        assert row.result is not None
        row.result = {**row.result, **old,
                      "rule": {**row.result["rule"], "text": "quá nửa tổng số"},
                      "options": [{**o, "percent_text": "25,00%"} for o in row.result["options"]]}
        for event in session.scalars(select(Event).where(Event.meeting_id == hall.meeting_id,
                                                         Event.type.like("vote.%"))):
            if "vote" not in event.payload:
                continue
            logged = dict(event.payload["vote"])
            logged["rule"] = {**logged["rule"], "text": "quá nửa tổng số"}
            if logged.get("result"):
                logged["result"] = {**logged["result"], **old}
            event.payload = {**event.payload, "vote": logged}

    def no_sentences(view: dict[str, Any]) -> None:
        # A delegate's vote.closed carries what changed: the result, not the rule again.
        assert "text" not in view.get("rule", {})
        result = view["result"]
        assert not {"announcement", "not_voted_percent_text"} & set(result)
        assert "text" not in result["rule"]
        assert all("percent_text" not in o for o in result["options"])

    fresh = await login("delegate1")
    snapshot = await fresh.subscribe(hall.meeting_id, 0)
    assert snapshot["mode"] == "snapshot"
    (shown,) = [v for v in snapshot["snapshot"]["votes"] if v["id"] == vote["id"]]
    no_sentences(shown)
    catching_up = await login("delegate2")
    replay = await catching_up.subscribe(hall.meeting_id, 1)
    assert replay["mode"] == "replay"
    closed = await until(catching_up, "vote.closed")
    no_sentences(closed["payload"]["vote"])
    # The minutes still read the sentence out, worded again from the stored numbers.
    assert announce(closed["payload"]["vote"]["result"]).startswith(
        "1/4 đại biểu tán thành, chiếm 25,00% tổng số đại biểu")


async def _refusal(client: ChairClient, meeting_id: int, name: str,
                   args: dict[str, Any] | None = None, *,
                   said: set[str] | None = None) -> tuple[str, dict[str, Any]]:
    """The code and the details (reason and parameters) a refused command answers with;
    its English message (for the log) goes into ``said``."""
    with pytest.raises(ServerError) as refused:
        await client.command(meeting_id, name, args or {})
    if said is not None:
        said.add(refused.value.message)
    return refused.value.code, refused.value.details or {}


@BOTH_PATHS
async def test_each_vote_refusal_names_its_reason(server: ChairServer, hall: Hall,
                                                  login: Login, database: Database) -> None:
    """Every refusal of creating, opening and casting a vote, with the code, reason and
    parameters each window words it from (mutation testing found them unchecked: a wrong
    reason is the wrong sentence on the chair's or a delegate's screen)."""
    m = hall.meeting_id
    chair, d1, d2, guest = [await login(n) for n in ("chair", "delegate1", "delegate2",
                                                     "guest")]
    ids = await _user_ids(chair, m)
    said: set[str] = set()
    refusal = functools.partial(_refusal, said=said)
    refused = {"matter": "resolution", "title": "Nghị quyết"}
    await chair.command(m, "meeting.unpublish")  # a draft: votes wait for its publication
    assert await refusal(chair, m, "vote.create", {**refused, "item_id": hall.item_ids[1]}) == (
        "invalid_state", {"reason": "meeting_not_voting"})
    await chair.command(m, "meeting.publish")
    # Before the session: votes may be prepared, not opened; none without its agenda item.
    assert await refusal(chair, m, "vote.create", refused) == (
        "invalid_args", {"reason": "vote_needs_item"})
    draft = (await chair.command(m, "vote.create", {**refused, "item_id": hall.item_ids[1]}))
    vote_id = draft["vote"]["id"]
    assert await refusal(chair, m, "vote.open", {"vote_id": vote_id}) == (
        "invalid_state", {"reason": "session_not_in_progress"})
    await start_session(chair, m, hall.item_ids[1])

    create: list[tuple[dict[str, Any], str, dict[str, Any]]] = [
        ({**refused, "item_id": 999_999},
         "not_found", {"reason": "no_agenda_item", "item_id": 999_999}),
        ({"matter": "committee_decision", "title": "Quyết định"},
         "invalid_args", {"reason": "no_vote_rule", "matter": "committee_decision"}),
        ({"matter": "election", "title": "Bầu", "ballot": "open", "candidates": ["A"]},
         "invalid_args", {"reason": "matter_always", "ballot": "secret"}),
        ({"matter": "election", "title": "Bầu"},
         "invalid_args", {"reason": "needs_candidates"}),
        ({"matter": "election", "title": "Bầu", "candidates": ["A", "  "]},
         "invalid_args", {"reason": "blank_candidate", "index": 1}),
        ({"matter": "election", "title": "Bầu", "candidates": ["Lê A", "B", "lê  a"]},
         "invalid_args", {"reason": "duplicate_candidate", "indexes": [0, 2]}),
        ({"matter": "election", "title": "Bầu", "candidates": ["A", "B"], "seats": 3},
         "invalid_args", {"reason": "seats_exceed_candidates", "seats": 3, "candidates": 2}),
        ({"repeat_of": vote_id},
         "invalid_state", {"reason": "only_annulled_again"}),
        ({"repeat_of": 999_999},
         "not_found", {"reason": "no_vote", "vote_id": 999_999}),
        ({"matter": "resolution"}, "invalid_args", {}),  # no title, nothing to repeat
        ({"title": "Nghị quyết"}, "invalid_args", {}),  # no matter, nothing to repeat
        ({**refused, "candidates": ["A"]}, "invalid_args", {}),
    ]
    for args, code, details in create:
        assert await refusal(chair, m, "vote.create", args) == (code, details), args

    second = (await chair.command(m, "vote.create", refused))["vote"]["id"]
    # A vote open in the body's other meeting (chaired by the outsider) bars nothing here.
    with database.transaction() as session:
        item = AgendaItem(meeting_id=hall.other_meeting_id, title="Nghị quyết khác",
                          position=0, planned_minutes=10)
        session.add(item)
        session.flush()
        other_item = item.id
    outsider = await login("outsider")
    await start_session(outsider, hall.other_meeting_id, other_item)
    await _vote(outsider, hall.other_meeting_id, **refused)
    await chair.command(m, "vote.open", {"vote_id": vote_id})
    assert await refusal(chair, m, "vote.open", {"vote_id": vote_id}) == (
        "invalid_state", {"reason": "vote_transition", "status": "open", "target": "open"})
    assert await refusal(chair, m, "vote.open", {"vote_id": second}) == (
        "invalid_state", {"reason": "vote_already_open", "vote_id": vote_id})
    cast = {"vote_id": vote_id, "choice": 0}
    assert await refusal(d1, m, "vote.cast", cast) == (
        "invalid_state", {"reason": "check_in_first"})
    await _present([d1, d2, guest], m)
    assert await refusal(d1, m, "vote.cast", {**cast, "vote_id": 999_999}) == (
        "not_found", {"reason": "no_vote", "vote_id": 999_999})
    assert await refusal(guest, m, "vote.cast", cast) == (
        "forbidden", {"reason": "members_only_vote"})
    assert await refusal(d2, m, "vote.cast", {**cast, "on_behalf_of": ids["delegate3"]}) == (
        "forbidden", {"reason": "stand_in_may_not_vote"})
    assert await refusal(d1, m, "vote.cast", {"vote_id": vote_id, "candidates": [0]}) == (
        "invalid_args", {"reason": "ballot_shape", "expected": "choice"})
    assert await refusal(d1, m, "vote.cast", {**cast, "candidates": [0]}) == (
        "invalid_args", {"reason": "ballot_shape", "expected": "choice"})
    assert await refusal(d1, m, "vote.cast", {"vote_id": vote_id, "choice": 3}) == (
        "invalid_args", {"reason": "invalid_ballot"})
    assert await refusal(d1, m, "vote.cast", {**cast, "vote_id": second}) == (
        "invalid_state", {"reason": "vote_not_open", "status": "draft"})
    await d1.command(m, "vote.cast", cast)
    assert await refusal(d1, m, "vote.cast", cast) == (
        "invalid_state", {"reason": "already_voted"})
    await chair.command(m, "vote.close", {"vote_id": vote_id})
    assert await refusal(chair, m, "vote.open", {"vote_id": vote_id}) == (
        "invalid_state", {"reason": "vote_transition", "status": "closed", "target": "open"})
    secret = await _vote(chair, m, matter="removal", title="Bãi nhiệm", ballot="secret")
    assert await refusal(d1, m, "vote.cast", {"vote_id": secret["id"], "choice": 0}) == (
        "invalid_args", {})  # a laptop's mistake: no window words it
    # The message goes to the log (and the reply) as written; windows word the reason.
    assert said == {
        "a vote belongs to an agenda item; none given or current",
        "the session is not in progress", "no agenda item 999999 in this meeting",
        "no vote 999999 in this meeting", "an election or rating needs candidates",
        "a candidate's name is blank", "a candidate is listed twice",
        "more seats (3) than candidates (2)", "this matter is always voted secret",
        "this body has no vote rule for committee_decision",
        "only an annulled vote can be held again", f"vote {vote_id} is open; stop it first",
        "check in first", "only members vote", "this body does not let stand-ins vote",
        "a question ballot is given as 'choice'", "invalid ballot: no such option",
        "the vote is not open; the ballot was not counted",
        "already voted; this body does not allow changing a ballot",
        "a vote cannot go from closed to open", "matter and title are required",
        "a vote cannot go from open to open",
        "a secret ballot needs ballot_secret", "the meeting is closed or still a draft",
        "a question vote has no candidates"}



async def test_a_vote_takes_its_own_bodys_rule(database: Database, server: ChairServer,
                                               login: Login) -> None:
    """Another body (made first, so its rows come first) counts resolutions at three
    quarters; this body's resolution is still "more than half" (mutation testing found
    the rule look-up unchecked across bodies)."""
    with database.transaction() as session:
        rules = default_rule_rows(BodyKind.HDND)
        for rule in rules:
            rule.threshold_numerator, rule.threshold_denominator = 3, 4
        session.add(Body(name="HĐND tỉnh", kind=BodyKind.HDND.value,
                         level=Level.PROVINCE.value, total_members=30, vote_rules=rules))
    hall = make_hall(database)
    chair = await login("chair")
    await start_session(chair, hall.meeting_id, hall.item_ids[1])
    vote = (await chair.command(hall.meeting_id, "vote.create",
                                {"matter": "resolution", "title": "Nghị quyết"}))["vote"]
    assert (vote["rule"]["numerator"], vote["rule"]["denominator"]) == (1, 2)
    with database.reading() as session:  # the record says who prepared it
        assert session.scalar(select(Vote.created_by).where(Vote.id == vote["id"])) == \
            session.scalar(select(User.id).where(User.username == "chair"))


async def test_a_secret_vote_is_annulled_with_its_reason_and_time(
        server: ChairServer, hall: Hall, login: Login, database: Database) -> None:
    """Annulling a secret vote records when and why, and rewrites its ballots like a
    close does (mutation testing found no test annulling a secret vote: the rewrite
    called wrongly, or the time left out, passed every test)."""
    chair, d1, d2 = await login("chair"), await login("delegate1"), await login("delegate2")
    m = hall.meeting_id
    await start_session(chair, m, hall.item_ids[1])
    await _present([d1, d2], m)
    vote = await _vote(chair, m, matter="removal", title="Bãi nhiệm", ballot="secret")
    for delegate, choice in ((d1, 0), (d2, 1)):
        await delegate.command(m, "vote.cast", {"vote_id": vote["id"], "choice": choice,
                                                "ballot_secret": _secret()})

    def keys() -> set[str]:
        with database.reading() as session:
            return set(session.scalars(select(SecretBallot.ballot_key)
                                       .where(SecretBallot.vote_id == vote["id"])))

    before = keys()
    annulled = (await chair.command(m, "vote.annul", {"vote_id": vote["id"],
                                                      "reason": "Sai danh sách"}))["vote"]
    assert (annulled["status"], annulled["annul_reason"]) == ("annulled", "Sai danh sách")
    assert annulled["annulled_at"] is not None
    after = keys()
    assert len(after) == 2
    assert not after & before  # rewritten: fresh keys, none a voter's secret leads to


async def test_check_ins_and_open_ballots_are_written_by_the_live_meeting(
        server: ChairServer, hall: Hall, login: Login,
        caplog: pytest.LogCaptureFixture) -> None:
    """With one server and no other writer, check-ins and open ballots never fall back to
    the per-command path: the live meeting's bulk writes succeed. (The fallback catches
    any IntegrityError as a clash; mutation testing found live-path write mistakes, a
    ballot row without its member, rescued by it unseen.)"""
    caplog.set_level(logging.INFO, logger="meetingroom.server.service")
    chair, d1, d2, d3 = [await login(n) for n in ("chair", "delegate1", "delegate2",
                                                 "delegate3")]
    m = hall.meeting_id
    await start_session(chair, m, hall.item_ids[1])
    replies = await asyncio.gather(*(c.command(m, "attendance.check_in")
                                     for c in (chair, d1, d2, d3)))
    everyone = next(r["counts"] for r in replies if r["counts"]["present"] == 4)
    assert (everyone["not_arrived"], everyone["left"], everyone["absent"]) == (0, 0, 0)
    vote = await _vote(chair, m, matter="resolution", title="Nghị quyết")
    await asyncio.gather(*(c.command(m, "vote.cast", {"vote_id": vote["id"], "choice": n % 3})
                           for n, c in enumerate((chair, d1, d2, d3))))
    closed = await chair.command(m, "vote.close", {"vote_id": vote["id"]})
    assert closed["vote"]["status"] == "closed"
    assert "applied one by one" not in caplog.text


@BOTH_PATHS
async def test_open_ballots_are_changed_and_announced_after_a_reload(
        server: ChairServer, database: Database, login: Login,
        caplog: pytest.LogCaptureFixture) -> None:
    """A changed open ballot is announced with its running tally, before and after the
    live meeting reloads mid-vote (a pause and a reopen are written by the per-command
    path): the reload reads the voters and the open ballots back and counts them, so a
    change takes the earlier ballot out of the tally and is an update, never a second
    ballot. A changed secret ballot is announced to nobody. (Mutation testing found no
    test reloading an open vote, nor looking at a changed ballot's event.)"""
    caplog.set_level(logging.INFO, logger="meetingroom.server.service")
    hall = make_hall(database, ballot_change_allowed=True)
    m = hall.meeting_id
    chair, d1, d2, d3 = [await login(n) for n in ("chair", "delegate1", "delegate2",
                                                 "delegate3")]
    ids = await _user_ids(chair, m)
    await start_session(chair, m, hall.item_ids[1])
    await _present([d1, d2, d3], m)
    await chair.subscribe(m)
    vote = await _vote(chair, m, matter="resolution", title="Nghị quyết")

    async def cast(client: ChairClient, choice: int, on: int | None = None) -> dict[str, Any]:
        reply = await client.command(m, "vote.cast", {"vote_id": on or vote["id"],
                                                      "choice": choice})
        event = await until(chair, "vote.ballot_cast")
        assert event["seq"] == reply["seq"]
        with database.reading() as session:  # sent with the time it was logged at
            logged = session.scalar(select(Event.created_at).where(
                Event.meeting_id == m, Event.seq == event["seq"]))
        assert logged is not None
        assert datetime.fromisoformat(event["at"]) == logged, event
        payload: dict[str, Any] = event["payload"]
        return payload

    assert (await cast(d1, 0))["tally"] == {"options": [1, 0, 0]}
    changed = await cast(d1, 1)
    assert changed == {"vote_id": vote["id"], "member_user_id": ids["delegate1"],
                       "by_stand_in": False, "changed": True, "voted_count": 1,
                       "tally": {"options": [0, 1, 0]}}
    await cast(d2, 2)
    loads = server.service.live_loads
    await chair.command(m, "vote.stop", {"vote_id": vote["id"]})
    await chair.command(m, "vote.open", {"vote_id": vote["id"]})
    again = await cast(d1, 2)  # read back from the database: d1's ballot was option 1
    assert (again["changed"], again["voted_count"], again["tally"]) == (
        True, 2, {"options": [0, 0, 2]})
    assert await _refusal(d3, m, "vote.cast", {"vote_id": vote["id"], "choice": 7}) == (
        "invalid_args", {"reason": "invalid_ballot"})
    last = await cast(d3, 0)
    assert (last["changed"], last["voted_count"], last["tally"]) == (
        False, 3, {"options": [1, 0, 2]})
    if server.service.settings.live_meetings:
        assert server.service.live_loads == loads + 1
    closed = await chair.command(m, "vote.close", {"vote_id": vote["id"]})
    assert [o["count"] for o in closed["vote"]["result"]["options"]] == [1, 0, 2]
    assert "applied one by one" not in caplog.text

    secret = await _vote(chair, m, matter="removal", title="Bãi nhiệm", ballot="secret")
    mine = {"vote_id": secret["id"], "ballot_secret": _secret()}
    await d1.command(m, "vote.cast", {**mine, "choice": 0})
    first = await until(chair, "vote.ballot_cast")
    assert (first["payload"]["changed"], first["payload"]["tally"]) == (False, None)
    quiet = await d1.command(m, "vote.cast", {**mine, "choice": 1})
    assert quiet["changed"] is True
    with database.reading() as session:  # the audit trail places it in the log all the same
        logged = session.scalars(select(AuditEntry.detail).where(
            AuditEntry.action == "vote.cast").order_by(AuditEntry.id.desc())).first()
    assert logged is not None
    assert (logged["seq"], logged["events"]) == (quiet["seq"], [])
    await chair.command(m, "vote.close", {"vote_id": secret["id"]})
    after = await chair.next_event()  # the close stops the vote first
    assert (after["event"], after["seq"]) == ("vote.stopped", first["seq"] + 1), after

    # A change in a later open vote changes that vote's ballot, no other of the member's.
    later = await _vote(chair, m, matter="resolution", title="Nghị quyết khác")
    await cast(d1, 0, later["id"])
    assert (await cast(d1, 1, later["id"]))["tally"] == {"options": [0, 1, 0]}
    with database.reading() as session:
        kept = {(v, u): c["option"] for v, u, c in session.execute(select(
            OpenBallot.vote_id, OpenBallot.member_user_id, OpenBallot.choice))}
    assert kept == {(vote["id"], ids["delegate1"]): 2, (vote["id"], ids["delegate2"]): 2,
                    (vote["id"], ids["delegate3"]): 0, (later["id"], ids["delegate1"]): 1}
    assert "applied one by one" not in caplog.text


@BOTH_PATHS
async def test_an_open_election_shows_its_running_tally(
        server: ChairServer, database: Database, login: Login) -> None:
    """A body whose rules let an election be held openly shows the running tally per
    candidate, the first candidate too, and every candidate after the live meeting reloads
    mid-vote (mutation testing found the live meeting's election tally unchecked: it could
    drop candidate 0, or size the reloaded tally by the vote's three options)."""
    hall = make_hall(database)
    m = hall.meeting_id
    with database.transaction() as session:
        body_id = session.scalar(select(Meeting.body_id).where(Meeting.id == m))
        rule = session.scalar(select(VoteRule).where(VoteRule.body_id == body_id,
                                                     VoteRule.matter == "election"))
        assert rule is not None
        rule.ballot = "open"
    chair, d1, d2, d3 = [await login(n) for n in ("chair", "delegate1", "delegate2",
                                                 "delegate3")]
    await start_session(chair, m, hall.item_ids[1])
    await _present([d1, d2, d3], m)
    await chair.subscribe(m)
    election = await _vote(chair, m, matter="election", title="Bầu Ủy viên", seats=2,
                           candidates=["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường",
                                       "Phạm Thị Dung"])
    assert election["ballot"] == "open"
    tallies = []
    for client, picks in ((d1, [0, 1]), (d2, [0]), (d3, [2, 3])):
        if client is d3:  # a pause and a reopen: the live meeting reloads the tally
            await chair.command(m, "vote.stop", {"vote_id": election["id"]})
            await chair.command(m, "vote.open", {"vote_id": election["id"]})
        await client.command(m, "vote.cast", {"vote_id": election["id"], "candidates": picks})
        tallies.append((await until(chair, "vote.ballot_cast"))["payload"]["tally"])
    assert tallies == [{"candidates": [1, 1, 0, 0]}, {"candidates": [2, 1, 0, 0]},
                       {"candidates": [2, 1, 1, 1]}]
    result = (await chair.command(m, "vote.close", {"vote_id": election["id"]}))["vote"]["result"]
    assert [c["votes"] for c in result["candidates"]] == [2, 1, 1, 1]
