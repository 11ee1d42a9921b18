"""Roll call and the speaker queues, through the real server and real clients."""

from __future__ import annotations

import asyncio
import functools
from typing import Any

import pytest
from sqlalchemy import select

from meetingroom.core.vocabulary import Attendance, BodyKind, Level, Role
from meetingroom.server.body_rules import default_rule_rows
from meetingroom.server.storage.database import Database
from meetingroom.server.storage.models import (
    AgendaItem,
    Body,
    BodyAdmin,
    Meeting,
    Participant,
    SpeechRequest,
    User,
)
from meetingroom.server.storage.types import utcnow
from meetingroom.sync.client.chair_client import ChairClient, ServerError
from meetingroom.sync.serving.endpoint import ChairServer
from tests.conftest import BOTH_PATHS, Login
from tests.helpers.factories import Hall
from tests.helpers.session_helpers import start_session, until


async def _ids(client_login: Login, hall: Hall) -> dict[str, int]:
    chair = await client_login("chair")
    snap = await chair.subscribe(hall.meeting_id)
    await chair.close()
    return {p["full_name"].removeprefix("Người dùng "): p["user_id"]
            for p in snap["snapshot"]["participants"]}


@BOTH_PATHS
async def test_check_in_counts_and_quorum_follow_the_body_rule(
        server: ChairServer, hall: Hall, login: Login) -> None:
    ids = await _ids(login, hall)
    secretary, d1 = await login("secretary"), await login("delegate1")
    # delegate3 sent word, without an excuse: absent, not "not arrived" (mutation testing
    # found the check-in's running counts unchecked with an unexcused absence).
    await secretary.command(hall.meeting_id, "attendance.mark_absent",
                            {"user_id": ids["delegate3"], "excused": False})
    await secretary.subscribe(hall.meeting_id)
    # 4 members (chair + 3 delegates): 2/3 "at least" needs 3 present.
    result = await d1.command(hall.meeting_id, "attendance.check_in")
    assert result["counts"] == {
        "total_members": 4, "present": 1, "absent": 3, "absent_excused": 0,
        "absent_unexcused": 1, "left": 0, "not_arrived": 2, "represented": 0}
    assert result["quorum"] == {
        "met": False, "counted": 1, "required": 3, "total_members": 4,
        "rule": {"numerator": 2, "denominator": 3, "comparison": "at_least"},
        "stand_ins_counted": False}  # numbers only: each window words them
    await secretary.command(hall.meeting_id, "attendance.check_in",
                            {"user_id": ids["delegate2"]})
    done = await secretary.command(hall.meeting_id, "attendance.check_in",
                                   {"user_id": ids["chair"]})
    assert done["quorum"]["met"] is True
    event = await until(secretary, "attendance.changed")
    assert event["payload"]["participant"]["user_id"] == ids["delegate1"]
    # A delegate cannot record someone else, and cannot check in twice.
    with pytest.raises(ServerError) as refused:
        await d1.command(hall.meeting_id, "attendance.check_in", {"user_id": ids["delegate3"]})
    assert refused.value.code == "forbidden"
    with pytest.raises(ServerError) as twice:
        await d1.command(hall.meeting_id, "attendance.check_in")
    assert twice.value.code == "invalid_state"
    # Leaving breaks the quorum again.
    left = await d1.command(hall.meeting_id, "attendance.check_out")
    assert left["counts"]["left"] == 1
    assert left["quorum"]["met"] is False


async def test_absence_with_reason_and_stand_in(server: ChairServer, hall: Hall,
                                                login: Login) -> None:
    ids = await _ids(login, hall)
    secretary, d3 = await login("secretary"), await login("delegate3")
    with pytest.raises(ServerError) as no_reason:
        await d3.command(hall.meeting_id, "attendance.mark_absent", {"reason": " "})
    assert no_reason.value.code == "invalid_args"
    absent = await d3.command(hall.meeting_id, "attendance.mark_absent",
                              {"reason": "Đi công tác tại Hà Nội"})
    assert absent["participant"]["attendance"] == "absent"
    assert absent["counts"]["absent_excused"] == 1
    # A member cannot stand in for another member; the guest can.
    with pytest.raises(ServerError) as member:
        await secretary.command(hall.meeting_id, "attendance.set_stand_in",
                                {"user_id": ids["delegate3"], "stand_in_user_id": ids["delegate1"]})
    assert member.value.code == "invalid_args"
    stood = await d3.command(hall.meeting_id, "attendance.set_stand_in",
                             {"stand_in_user_id": ids["guest"]})
    assert stood["participant"]["stand_in_user_id"] == ids["guest"]
    guest = await login("guest")
    await guest.command(hall.meeting_id, "attendance.check_in")
    snap = await guest.subscribe(hall.meeting_id)
    counts = snap["snapshot"]["attendance"]["counts"]
    assert counts["represented"] == 1
    # This body does not let stand-ins vote, so they do not count for the quorum either.
    assert snap["snapshot"]["attendance"]["quorum"]["counted"] == 0


async def test_speaking_queue_from_registration_to_totals(
        server: ChairServer, hall: Hall, login: Login) -> None:
    chair, d1, d2 = await login("chair"), await login("delegate1"), await login("delegate2")
    item = hall.item_ids[1]
    await start_session(chair, hall.meeting_id, item)
    await d2.subscribe(hall.meeting_id)
    first = (await d1.command(hall.meeting_id, "speech.register",
                              {"topic": "Về thu ngân sách"}))["speech"]
    second = (await d2.command(hall.meeting_id, "speech.register", {}))["speech"]
    question = (await d2.command(hall.meeting_id, "speech.register",
                                 {"queue": "question", "topic": "Nợ đọng xây dựng cơ bản"}))
    assert (first["position"], second["position"]) == (0, 1)
    assert first["limit_s"] == 420
    assert question["speech"]["limit_s"] == 180
    with pytest.raises(ServerError) as twice:
        await d1.command(hall.meeting_id, "speech.register", {})
    assert twice.value.code == "invalid_state"
    with pytest.raises(ServerError) as not_yours:
        await d1.command(hall.meeting_id, "speech.withdraw", {"speech_id": second["id"]})
    assert not_yours.value.code == "forbidden"
    with pytest.raises(ServerError) as delegate_calls:
        await d1.command(hall.meeting_id, "speech.call", {})
    assert delegate_calls.value.code == "forbidden"

    reordered = await chair.command(hall.meeting_id, "speech.reorder",
                                    {"queue": "speech", "order": [second["id"], first["id"]]})
    assert reordered["order"] == [second["id"], first["id"]]
    called = (await chair.command(hall.meeting_id, "speech.call", {}))["speech"]
    assert called["id"] == second["id"]
    assert called["status"] == "called"
    # The speech clock is checked by what it shows, not against this machine's own clock
    # (two roundings to 0.1 s and a loaded machine made real-time bounds flaky): it runs
    # while the speech runs, stands still while paused, and goes on from there.
    started = (await chair.command(hall.meeting_id, "speech.start",
                                   {"speech_id": second["id"]}))["speech"]
    assert started["running"]
    assert started["remaining_s"] <= 420
    with pytest.raises(ServerError) as floor:
        await chair.command(hall.meeting_id, "speech.start", {"speech_id": first["id"]})
    assert floor.value.code == "invalid_state"

    async def shown() -> dict[str, Any]:
        """The speech as a snapshot shows it (the first at a seq is built then)."""
        snap = (await d2.subscribe(hall.meeting_id, last_seq=0))["snapshot"]
        found: dict[str, Any] = next(s for s in snap["speeches"] if s["id"] == second["id"])
        return found

    await asyncio.sleep(0.3)  # let the clock run
    paused = (await chair.command(hall.meeting_id, "speech.pause",
                                  {"speech_id": second["id"]}))["speech"]
    assert not paused["running"]
    assert paused["elapsed_s"] > 0
    await asyncio.sleep(0.3)  # paused time does not count: the clock shows the same
    assert (await shown())["elapsed_s"] == paused["elapsed_s"]
    again = (await chair.command(hall.meeting_id, "speech.resume",
                                 {"speech_id": second["id"]}))["speech"]
    assert again["running"]
    assert again["elapsed_s"] >= paused["elapsed_s"]
    ended = await chair.command(hall.meeting_id, "speech.end", {"speech_id": second["id"]})
    assert ended["speech"]["status"] == "done"
    assert ended["totals"]["item"]["speeches"] == 1
    assert ended["totals"]["speaker"][0]["seconds"] == ended["speech"]["elapsed_s"]

    # A debate reply and a withdrawal; then every client sees the same queue in its snapshot.
    reply = (await d1.command(hall.meeting_id, "speech.register",
                              {"queue": "question", "reply_to": second["id"]}))["speech"]
    assert reply["reply_to_id"] == second["id"]
    assert reply["limit_s"] == 120
    await d1.command(hall.meeting_id, "speech.withdraw", {"speech_id": first["id"]})
    event = await until(d2, "speech.withdrawn")
    assert event["payload"]["order"] == []
    snap = (await d2.subscribe(hall.meeting_id, last_seq=0))["snapshot"]
    statuses = {s["id"]: s["status"] for s in snap["speeches"]}
    assert statuses[first["id"]] == "withdrawn"
    assert statuses[second["id"]] == "done"
    assert snap["speaking_totals"][0]["user_id"] == second["user_id"]


async def test_the_chair_gives_the_floor_to_a_guest(server: ChairServer, hall: Hall,
                                                    login: Login) -> None:
    ids = await _ids(login, hall)
    chair = await login("chair")
    await start_session(chair, hall.meeting_id, hall.item_ids[1])
    granted = await chair.command(hall.meeting_id, "speech.grant",
                                  {"user_id": ids["guest"], "queue": "question",
                                   "limit_s": 300, "topic": "Trả lời chất vấn"})
    assert granted["speech"]["status"] == "called"
    assert granted["member"] is False
    assert granted["speech"]["limit_s"] == 300
    guest = await login("guest")
    with pytest.raises(ServerError) as refused:
        await guest.command(hall.meeting_id, "speech.register", {})
    assert refused.value.code == "forbidden"


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
async def test_each_roll_call_refusal_names_its_reason(
        server: ChairServer, hall: Hall, login: Login) -> None:
    """Every refusal of the roll call, with the code and reason each window words it from
    (mutation testing found the reasons unchecked: a wrong one is the wrong sentence on a
    delegate's screen)."""
    ids = await _ids(login, hall)
    m = hall.meeting_id
    chair, secretary = await login("chair"), await login("secretary")
    d1, d2, d3, guest = [await login(n) for n in ("delegate1", "delegate2", "delegate3",
                                                   "guest")]
    said: set[str] = set()
    refusal = functools.partial(_refusal, said=said)
    await chair.command(m, "meeting.unpublish")  # a draft: only its preparers see it
    assert await refusal(secretary, m, "attendance.check_in") == (
        "invalid_state", {"reason": "attendance_not_open"})
    await chair.command(m, "meeting.publish")
    assert await refusal(d1, m, "attendance.check_in", {"user_id": ids["delegate2"]}) == (
        "forbidden", {"reason": "attendance_for_others"})
    assert await refusal(secretary, m, "attendance.check_in", {"user_id": 999_999}) == (
        "not_found", {"reason": "not_a_participant", "user_id": 999_999})
    await d1.command(m, "attendance.check_in")
    assert await refusal(d1, m, "attendance.check_in") == (
        "invalid_state", {"reason": "already_checked_in"})
    assert await refusal(d2, m, "attendance.check_out") == (
        "invalid_state", {"reason": "not_checked_in"})
    assert await refusal(d2, m, "attendance.mark_absent", {"reason": "  "}) == (
        "invalid_args", {"reason": "absence_needs_reason"})
    assert await refusal(guest, m, "attendance.set_stand_in",
                          {"stand_in_user_id": ids["secretary"]}) == (
        "invalid_args", {"reason": "stand_in_members_only"})
    assert await refusal(d1, m, "attendance.set_stand_in",
                          {"stand_in_user_id": ids["guest"]}) == (
        "invalid_state", {"reason": "member_present"})
    await d2.command(m, "attendance.mark_absent", {"reason": "Công tác"})
    await d3.command(m, "attendance.mark_absent", {"reason": "Ốm"})
    for seated in ("delegate2", "delegate1"):  # themself, or another member
        assert await refusal(d2, m, "attendance.set_stand_in",
                              {"stand_in_user_id": ids[seated]}) == (
            "invalid_args", {"reason": "stand_in_has_seat"}), seated
    await d2.command(m, "attendance.set_stand_in", {"stand_in_user_id": ids["guest"]})
    assert await refusal(d3, m, "attendance.set_stand_in",
                          {"stand_in_user_id": ids["guest"]}) == (
        "invalid_state", {"reason": "already_standing_in", "member_id": ids["delegate2"]})
    # Naming the same stand-in again is no conflict with oneself.
    await d2.command(m, "attendance.set_stand_in", {"stand_in_user_id": ids["guest"]})
    # The message goes to the log (and the reply) as written; windows word the reason.
    assert said == {
        "attendance is recorded for a published or running meeting",
        "attendance for others is recorded by the secretary or chair",
        "user 999999 is not a participant of this meeting", "already checked in",
        "not checked in", "an excused absence needs a reason",
        "a stand-in is authorised by a member",
        "the member is present; check out or mark absent first",
        "a stand-in must not hold a seat of their own",
        f"already standing in for member {ids['delegate2']}"}



@BOTH_PATHS
async def test_the_secretary_keeps_the_roll_for_the_person_named(
        server: ChairServer, hall: Hall, login: Login) -> None:
    """Check-out, absence and stand-in recorded by the secretary land on the person named,
    never on the secretary, with the action the windows show and the times the minutes
    print (mutation testing found all three unchecked)."""
    ids = await _ids(login, hall)
    m = hall.meeting_id
    secretary, watcher = await login("secretary"), await login("chair")
    await watcher.subscribe(m)
    await secretary.command(m, "attendance.check_in")
    await until(watcher, "attendance.changed")  # the secretary's own

    async def recorded(name: str, args: dict[str, Any]) -> dict[str, Any]:
        reply = await secretary.command(m, name, args)
        event = await until(watcher, "attendance.changed")
        assert event["payload"]["participant"] == reply["participant"]
        assert event["payload"]["action"] == name.removeprefix("attendance."), event
        participant: dict[str, Any] = reply["participant"]
        return participant

    d1 = ids["delegate1"]
    assert (await recorded("attendance.check_in", {"user_id": d1}))["user_id"] == d1
    left = await recorded("attendance.check_out", {"user_id": d1})
    assert (left["user_id"], left["attendance"]) == (d1, "left")
    assert left["checked_in_at"] is not None
    assert left["checked_out_at"] is not None
    away = await recorded("attendance.mark_absent", {"user_id": d1, "reason": "Ốm"})
    assert (away["user_id"], away["attendance"], away["reason"]) == (d1, "absent", "Ốm")
    assert away["checked_out_at"] is not None  # he had been in the hall
    back = await recorded("attendance.check_in", {"user_id": d1})
    assert (back["attendance"], back["reason"], back["excused"]) == ("present", "", False)
    never = await recorded("attendance.mark_absent",
                           {"user_id": ids["delegate2"], "reason": "Công tác"})
    assert (never["user_id"], never["checked_out_at"]) == (ids["delegate2"], None)
    stand_in = await recorded("attendance.set_stand_in",
                              {"user_id": ids["delegate2"], "stand_in_user_id": ids["guest"]})
    assert (stand_in["user_id"], stand_in["stand_in_user_id"]) == (ids["delegate2"],
                                                                   ids["guest"])
    snap = await secretary.subscribe(m, last_seq=0)
    mine = next(p for p in snap["snapshot"]["attendance"]["participants"]
                if p["user_id"] == ids["secretary"])
    assert mine["attendance"] == "present"  # the secretary's own line never moved
    # What the check-in wrote, read back from the database: delegate1's line as answered
    # (the absence's reason and excuse cleared, the times kept).
    again = next(p for p in snap["snapshot"]["attendance"]["participants"] if p["user_id"] == d1)
    assert again == back


@BOTH_PATHS
async def test_standing_in_at_another_meeting_is_no_conflict(
        server: ChairServer, hall: Hall, login: Login, database: Database) -> None:
    """The guest stands in for a member at the body's other meeting; here a member may
    still name them (mutation testing found the "already standing in" check unchecked
    for its own meeting: it would have looked across every meeting)."""
    ids = await _ids(login, hall)
    with database.transaction() as session:
        session.add_all([
            Participant(meeting_id=hall.other_meeting_id, user_id=ids["guest"],
                        role=Role.GUEST.value),
            Participant(meeting_id=hall.other_meeting_id, user_id=ids["delegate1"],
                        role=Role.DELEGATE.value, attendance=Attendance.ABSENT.value,
                        stand_in_user_id=ids["guest"])])
        outsider = session.scalar(select(User.id).where(User.username == "outsider"))
    # The outsider sits in the other meeting only: here they are nobody.
    secretary = await login("secretary")
    assert await _refusal(secretary, hall.meeting_id, "attendance.check_in",
                          {"user_id": outsider}) == (
        "not_found", {"reason": "not_a_participant", "user_id": outsider})
    d3 = await login("delegate3")
    await d3.command(hall.meeting_id, "attendance.mark_absent", {"reason": "Ốm"})
    stood = await d3.command(hall.meeting_id, "attendance.set_stand_in",
                             {"stand_in_user_id": ids["guest"]})
    assert stood["participant"]["stand_in_user_id"] == ids["guest"]


@BOTH_PATHS
async def test_who_may_check_in_or_vote_here_at_all(
        server: ChairServer, hall: Hall, login: Login, database: Database) -> None:
    """The refusals a check-in or a ballot meets before its own rules: a meeting the sender
    cannot see, a command their role may not send, arguments of the wrong shape, a closed
    meeting; with the code, reason, parameters and message. The live meeting checks these
    itself (mutation testing found its copy unchecked: only the per-command path's was)."""
    m = hall.meeting_id
    chair, d1 = await login("chair"), await login("delegate1")
    outsider, admin = await login("outsider"), await login("admin")
    with database.transaction() as session:
        outsider_id = session.scalar(select(User.id).where(User.username == "outsider"))
        body_id = session.scalar(select(Meeting.body_id).where(Meeting.id == m))
        other_body = Body(name="HĐND xã Hòa Lạc", kind=BodyKind.HDND.value,
                          level=Level.COMMUNE.value, total_members=5,
                          vote_rules=default_rule_rows(BodyKind.HDND))
        session.add(other_body)
        session.flush()
        # The outsider administers another body: that makes them nobody here.
        session.add(BodyAdmin(body_id=other_body.id, user_id=outsider_id))
    said: set[str] = set()
    refusal = functools.partial(_refusal, said=said)
    unseen = ("not_found", {"reason": "meeting_not_found", "meeting_id": m})
    ballot = {"vote_id": 1, "choice": 0}
    await chair.command(m, "meeting.unpublish")  # a draft: only its preparers see it
    assert await refusal(d1, m, "attendance.check_in") == unseen
    await chair.command(m, "meeting.publish")
    assert await refusal(outsider, m, "attendance.check_in") == unseen
    assert await refusal(outsider, m, "vote.cast", ballot) == unseen
    not_allowed = ("forbidden", {"reason": "command_not_allowed", "command": "vote.cast"})
    assert await refusal(admin, m, "vote.cast", ballot) == not_allowed
    with database.transaction() as session:
        session.add(BodyAdmin(body_id=body_id, user_id=outsider_id))
    # Now the outsider administers this meeting's body: seen, but no seat and no ballot.
    assert await refusal(outsider, m, "vote.cast", ballot) == not_allowed
    assert await refusal(outsider, m, "attendance.check_in") == (
        "not_found", {"reason": "not_a_participant", "user_id": outsider_id})
    code, details = await refusal(d1, m, "attendance.check_in", {"user_id": "everyone"})
    assert code == "invalid_args"
    assert "reason" not in details, details  # the fields' own complaints, no reason
    await start_session(chair, m, hall.item_ids[1])
    await chair.command(m, "meeting.close")
    assert await refusal(d1, m, "attendance.check_in") == (
        "invalid_state", {"reason": "meeting_closed"})
    assert said == {
        f"no meeting {m} for this user", "role admin may not send vote.cast",
        f"user {outsider_id} is not a participant of this meeting",
        "invalid arguments for attendance.check_in",
        "the meeting is closed; nothing changes it"}


async def test_each_speaking_refusal_names_its_reason(
        server: ChairServer, hall: Hall, login: Login, database: Database) -> None:
    """Every refusal of the speaker queues, with the code, reason and parameters each
    window words it from (mutation testing found the speaking reasons unchecked, and a
    speech or agenda item of another meeting never tried)."""
    ids = await _ids(login, hall)
    m = hall.meeting_id
    with database.transaction() as session:
        elsewhere = AgendaItem(meeting_id=hall.other_meeting_id, title="Khác", position=0,
                               planned_minutes=5)
        session.add(elsewhere)
        session.flush()
        # On the floor at the other meeting: it holds no floor here.
        foreign = SpeechRequest(meeting_id=hall.other_meeting_id, agenda_item_id=elsewhere.id,
                                queue="speech", user_id=ids["delegate1"], limit_seconds=60,
                                status="speaking", running_since=utcnow())
        session.add(foreign)
        session.flush()
        other_item, other_speech = elsewhere.id, foreign.id
    chair, d1, d2 = await login("chair"), await login("delegate1"), await login("delegate2")
    said: set[str] = set()
    refusal = functools.partial(_refusal, said=said)
    not_in_progress = {"reason": "session_not_in_progress"}
    await chair.command(m, "meeting.unpublish")  # a draft: nobody registers yet
    assert await refusal(chair, m, "speech.register",
                          {"item_id": hall.item_ids[0]}) == ("invalid_state", not_in_progress)
    await chair.command(m, "meeting.publish")
    # Published, not started: one registers ahead, but on a named or the current item.
    assert await refusal(d1, m, "speech.register") == (
        "invalid_args", {"reason": "no_current_item"})
    for item in (999_999, other_item):
        assert await refusal(d1, m, "speech.register", {"item_id": item}) == (
            "not_found", {"reason": "no_agenda_item", "item_id": item}), item
    early = (await d1.command(m, "speech.register", {"item_id": hall.item_ids[1]}))["speech"]
    assert early["item_id"] == hall.item_ids[1]
    assert await refusal(chair, m, "speech.call", {"item_id": hall.item_ids[1]}) == (
        "invalid_state", not_in_progress)
    for name in ("speech.start", "speech.resume"):
        assert await refusal(chair, m, name, {"speech_id": early["id"]}) == (
            "invalid_state", not_in_progress), name
    assert await refusal(chair, m, "speech.grant", {"user_id": ids["guest"],
                                                     "item_id": hall.item_ids[1]}) == (
        "invalid_state", not_in_progress)
    await start_session(chair, m, hall.item_ids[1])
    for speech in (999_999, other_speech):
        assert await refusal(d1, m, "speech.register", {"reply_to": speech}) == (
            "not_found", {"reason": "no_speech", "speech_id": speech}), speech
        for name in ("speech.withdraw", "speech.start", "speech.pause", "speech.resume",
                     "speech.end"):
            assert await refusal(chair, m, name, {"speech_id": speech}) == (
                "not_found", {"reason": "no_speech", "speech_id": speech}), (name, speech)
        assert await refusal(chair, m, "speech.call", {"speech_id": speech}) == (
            "not_found", {"reason": "no_speech", "speech_id": speech}), speech
        assert await refusal(chair, m, "speech.set_limit",
                              {"speech_id": speech, "limit_s": 60}) == (
            "not_found", {"reason": "no_speech", "speech_id": speech}), speech
        assert await refusal(chair, m, "speech.grant",
                              {"user_id": ids["guest"], "reply_to": speech}) == (
            "not_found", {"reason": "no_speech", "speech_id": speech}), speech
    assert await refusal(d1, m, "speech.register") == (
        "invalid_state", {"reason": "already_registered", "speech_id": early["id"]})
    assert await refusal(d2, m, "speech.withdraw", {"speech_id": early["id"]}) == (
        "forbidden", {"reason": "withdraw_own_only"})
    assert await refusal(chair, m, "speech.reorder", {"queue": "speech", "order": []}) == (
        "invalid_args", {"reason": "order_mismatch", "waiting": [early["id"]]})
    assert await refusal(chair, m, "speech.call", {"queue": "question"}) == (
        "invalid_state", {"reason": "nobody_waiting"})
    wrong = {"reason": "speech_wrong_status", "status": "waiting"}
    for name in ("speech.pause", "speech.resume", "speech.end"):
        assert await refusal(chair, m, name, {"speech_id": early["id"]}) == (
            "invalid_state", wrong), name
    await chair.command(m, "speech.call", {"speech_id": early["id"]})
    assert await refusal(chair, m, "speech.call", {"speech_id": early["id"]}) == (
        "invalid_state", {**wrong, "status": "called"})
    # Nobody else waits: a called speech is not "waiting" for the next call either.
    assert await refusal(chair, m, "speech.call") == (
        "invalid_state", {"reason": "nobody_waiting"})
    later = (await d2.command(m, "speech.register"))["speech"]
    await chair.command(m, "speech.start", {"speech_id": early["id"]})
    assert await refusal(chair, m, "speech.start", {"speech_id": later["id"]}) == (
        "invalid_state", {"reason": "speech_holds_floor", "speech_id": early["id"],
                          "name": "Người dùng delegate1"})
    assert await refusal(chair, m, "speech.resume", {"speech_id": early["id"]}) == (
        "invalid_state", {**wrong, "status": "speaking"})
    await chair.command(m, "speech.pause", {"speech_id": early["id"]})
    assert await refusal(chair, m, "speech.start", {"speech_id": early["id"]}) == (
        "invalid_state", {**wrong, "status": "paused"})
    assert await refusal(chair, m, "speech.pause", {"speech_id": early["id"]}) == (
        "invalid_state", {**wrong, "status": "paused"})
    # A paused speech still holds the floor.
    assert await refusal(chair, m, "speech.start", {"speech_id": later["id"]}) == (
        "invalid_state", {"reason": "speech_holds_floor", "speech_id": early["id"],
                          "name": "Người dùng delegate1"})
    await chair.command(m, "speech.end", {"speech_id": early["id"]})
    done = {**wrong, "status": "done"}
    for name in ("speech.withdraw", "speech.start", "speech.end"):
        assert await refusal(chair, m, name, {"speech_id": early["id"]}) == (
            "invalid_state", done), name
    assert await refusal(chair, m, "speech.set_limit",
                          {"speech_id": early["id"], "limit_s": 60}) == ("invalid_state", done)
    await d2.command(m, "speech.withdraw", {"speech_id": later["id"]})
    assert await refusal(chair, m, "speech.withdraw", {"speech_id": later["id"]}) == (
        "invalid_state", {**wrong, "status": "withdrawn"})
    # The message goes to the log (and the reply) as written; windows word the reason.
    assert said == {
        "the session is not in progress", "no agenda item given and none is current",
        "no agenda item 999999 in this meeting", f"no agenda item {other_item} in this meeting",
        "no speech request 999999 in this meeting",
        f"no speech request {other_speech} in this meeting",
        "already registered in this queue", "only one's own registration is withdrawn",
        "the order must list exactly the waiting registrations", "nobody is waiting",
        *(f"the speech is {status}; expected {expected}" for status, expected in [
            ("waiting", "speaking, paused"), ("waiting", "paused"), ("waiting", "speaking"),
            ("called", "waiting"), ("speaking", "paused"), ("paused", "waiting, called"),
            ("paused", "speaking"), ("done", "waiting, called"),
            ("done", "speaking, paused"), ("done", "waiting, called, speaking, paused"),
            ("withdrawn", "waiting, called")]),
        f"speech {early['id']} holds the floor; end it first"}



async def test_the_queue_order_limits_and_totals_everyone_sees(
        server: ChairServer, hall: Hall, login: Login) -> None:
    """Positions after a withdrawal, a grant and a start; each queue's own time limit and a
    changed one; who did it in every event; the totals at the end (mutation testing found
    all of them unchecked, and ``speech.set_limit`` never called)."""
    ids = await _ids(login, hall)
    m, item = hall.meeting_id, hall.item_ids[1]
    chair, d1, d2, d3 = [await login(n) for n in ("chair", "delegate1", "delegate2",
                                                 "delegate3")]
    await start_session(chair, m, item)
    await d3.subscribe(m)

    async def seen(kind: str, reply: dict[str, Any], by: int) -> None:
        event = await until(d3, kind)
        shown = {k: v for k, v in reply.items() if k not in ("seq", "duplicate")}
        assert event["payload"] == {**shown, "by": by}, event

    one = await d1.command(m, "speech.register", {"topic": "  Thu ngân sách  "})
    await seen("speech.registered", one, ids["delegate1"])
    assert (one["speech"]["topic"], one["speech"]["position"]) == ("Thu ngân sách", 0)
    assert (one["speech"]["status"], one["speech"]["limit_s"]) == ("waiting", 420)
    two = (await d2.command(m, "speech.register"))["speech"]
    three = (await d3.command(m, "speech.register"))["speech"]
    assert (two["position"], three["position"]) == (1, 2)
    ask = (await d2.command(m, "speech.register", {"queue": "question"}))["speech"]
    assert (ask["position"], ask["limit_s"], ask["queue"]) == (0, 180, "question")
    withdrawn = await d2.command(m, "speech.withdraw", {"speech_id": two["id"]})
    assert withdrawn["order"] == [one["speech"]["id"], three["id"]]
    assert withdrawn["speech"]["status"] == "withdrawn"
    await seen("speech.withdrawn", withdrawn, ids["delegate2"])
    snap = (await d3.subscribe(m, last_seq=0))["snapshot"]
    positions = {s["id"]: s["position"] for s in snap["speeches"]}
    assert positions[three["id"]] == 1  # moved up behind the first

    reordered = await chair.command(m, "speech.reorder",
                                    {"queue": "speech", "order": [three["id"],
                                                                  one["speech"]["id"]]})
    await seen("speech.reordered", reordered, ids["chair"])
    assert {k: reordered[k] for k in ("item_id", "queue", "order")} == {
        "item_id": item, "queue": "speech", "order": [three["id"], one["speech"]["id"]]}

    # The chair gives the floor to a delegate unregistered: first in the queue, called.
    granted = await chair.command(m, "speech.grant", {"user_id": ids["delegate2"],
                                                      "topic": " Trả lời "})
    await seen("speech.called", granted, ids["chair"])
    assert granted["granted"] is True
    assert granted["member"] is True
    assert granted["order"] == [granted["speech"]["id"], three["id"], one["speech"]["id"]]
    assert (granted["speech"]["status"], granted["speech"]["limit_s"],
            granted["speech"]["topic"], granted["speech"]["user_id"]) == (
        "called", 420, "Trả lời", ids["delegate2"])
    assert granted["speech"]["called_at"] is not None
    assert (granted["speech"]["elapsed_s"], granted["speech"]["running"]) == (0, False)
    answer = (await chair.command(m, "speech.grant",
                                  {"user_id": ids["guest"], "queue": "question",
                                   "reply_to": ask["id"]}))["speech"]
    assert (answer["limit_s"], answer["reply_to_id"]) == (120, ask["id"])
    asked = (await chair.command(m, "speech.grant", {"user_id": ids["delegate1"],
                                                     "queue": "question"}))["speech"]
    assert asked["limit_s"] == 180  # the question queue's own limit

    # A longer time for one speech, then started straight from the queue (never called).
    longer = await chair.command(m, "speech.set_limit",
                                 {"speech_id": one["speech"]["id"], "limit_s": 600})
    await seen("speech.limit_changed", longer, ids["chair"])
    assert longer["speech"]["limit_s"] == 600
    started = await chair.command(m, "speech.start", {"speech_id": one["speech"]["id"]})
    assert started["order"] == [granted["speech"]["id"], three["id"]]
    assert started["speech"]["called_at"] == started["speech"]["started_at"]
    assert started["speech"]["remaining_s"] <= 600 < started["speech"]["remaining_s"] + 5
    shorter = await chair.command(m, "speech.set_limit",
                                  {"speech_id": one["speech"]["id"], "limit_s": 30})
    assert shorter["speech"]["limit_s"] == 30
    paused = await chair.command(m, "speech.pause", {"speech_id": one["speech"]["id"]})
    assert paused["speech"]["status"] == "paused"
    await seen("speech.paused", paused, ids["chair"])
    resumed = await chair.command(m, "speech.resume", {"speech_id": one["speech"]["id"]})
    assert (resumed["speech"]["status"], resumed["speech"]["running"]) == ("speaking", True)
    ended = await chair.command(m, "speech.end", {"speech_id": one["speech"]["id"]})
    await seen("speech.ended", ended, ids["chair"])
    speech = ended["speech"]
    assert (speech["status"], speech["running"]) == ("done", False)
    assert speech["ended_at"] is not None
    assert ended["totals"]["speaker"] == [
        {"item_id": item, "queue": "speech", "user_id": ids["delegate1"], "speeches": 1,
         "seconds": speech["elapsed_s"]}]
    assert ended["totals"]["speaker_meeting"] == ended["totals"]["speaker"]
    assert ended["totals"]["item"] == {"speeches": 1, "seconds": speech["elapsed_s"]}
    # A second speech on the item: the item's totals add up both, the speaker's only theirs.
    await chair.command(m, "speech.start", {"speech_id": three["id"]})
    second = await chair.command(m, "speech.end", {"speech_id": three["id"]})
    assert [r["user_id"] for r in second["totals"]["speaker"]] == [ids["delegate3"]]
    assert second["totals"]["item"]["speeches"] == 2
    assert second["totals"]["item"]["seconds"] == round(
        speech["elapsed_s"] + second["speech"]["elapsed_s"], 1)


async def test_a_named_agenda_item_is_used_not_the_current_one(
        server: ChairServer, hall: Hall, login: Login, database: Database) -> None:
    """Registration, reordering, calling and a grant on an item named other than the one
    under discussion act on that item's queue; a called speaker may still withdraw
    (mutation testing found each of them unchecked)."""
    ids = await _ids(login, hall)
    m, current, later = hall.meeting_id, hall.item_ids[1], hall.item_ids[2]
    chair, d1, d2 = await login("chair"), await login("delegate1"), await login("delegate2")
    await start_session(chair, m, current)
    here = (await d1.command(m, "speech.register"))["speech"]
    ahead = [(await d.command(m, "speech.register", {"item_id": later}))["speech"]
             for d in (d1, d2)]
    assert [(s["item_id"], s["position"]) for s in ahead] == [(later, 0), (later, 1)]
    order = [ahead[1]["id"], ahead[0]["id"]]
    reordered = await chair.command(m, "speech.reorder",
                                    {"queue": "speech", "item_id": later, "order": order})
    assert (reordered["item_id"], reordered["order"]) == (later, order)
    called = (await chair.command(m, "speech.call", {"item_id": later}))["speech"]
    assert called["id"] == ahead[1]["id"]
    assert called["called_at"] is not None
    granted = await chair.command(m, "speech.grant", {"user_id": ids["guest"],
                                                      "item_id": later})
    assert granted["speech"]["item_id"] == later
    assert granted["order"] == [granted["speech"]["id"], *order]
    withdrawn = await d2.command(m, "speech.withdraw", {"speech_id": called["id"]})
    assert withdrawn["speech"]["status"] == "withdrawn"
    assert withdrawn["order"] == [granted["speech"]["id"], ahead[0]["id"]]
    # The current item's queue never moved.
    snap = (await chair.subscribe(m, last_seq=0))["snapshot"]
    mine = next(s for s in snap["speeches"] if s["id"] == here["id"])
    assert (mine["item_id"], mine["position"], mine["status"]) == (current, 0, "waiting")

    # Totals: the item's own speeches, the speaker's on this item and in the whole meeting.
    for speech in (here, granted["speech"]):  # delegate1 here, the guest on the later item
        await chair.command(m, "speech.start", {"speech_id": speech["id"]})
        await chair.command(m, "speech.pause", {"speech_id": speech["id"]})
        with database.transaction() as session:  # a known time: 12.345 s and 20 s
            row = session.get(SpeechRequest, speech["id"])
            assert row is not None
            row.banked_seconds = 12.345 if speech is here else 20.0
        await chair.command(m, "speech.end", {"speech_id": speech["id"]})
    await chair.command(m, "speech.start", {"speech_id": ahead[0]["id"]})
    await chair.command(m, "speech.pause", {"speech_id": ahead[0]["id"]})
    with database.transaction() as session:
        row = session.get(SpeechRequest, ahead[0]["id"])
        assert row is not None
        row.banked_seconds = 7.14
    ended = await chair.command(m, "speech.end", {"speech_id": ahead[0]["id"]})
    assert ended["totals"]["item"] == {"speeches": 2, "seconds": 27.1}  # 20 + 7.1
    assert ended["totals"]["speaker"] == [
        {"item_id": later, "queue": "speech", "user_id": ids["delegate1"], "speeches": 1,
         "seconds": 7.1}]
    assert ended["totals"]["speaker_meeting"] == [
        {"item_id": current, "queue": "speech", "user_id": ids["delegate1"], "speeches": 1,
         "seconds": 12.3},
        {"item_id": later, "queue": "speech", "user_id": ids["delegate1"], "speeches": 1,
         "seconds": 7.1}]
