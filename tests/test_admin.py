"""Administration requests through a real server, against SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from meetingroom.server.admin.actions import ACTIONS
from meetingroom.sync.client.chair_client import ChairClient, ServerError
from meetingroom.sync.serving.endpoint import ChairServer
from tests.conftest import Login
from tests.helpers.factories import PASSWORD, Hall


async def _admin(client: ChairClient, action: str, **args: Any) -> dict[str, Any]:
    return await client.request("admin", action=action, args=args)


async def _refused(client: ChairClient, action: str, **args: Any) -> ServerError:
    with pytest.raises(ServerError) as caught:
        await _admin(client, action, **args)
    return caught.value


async def test_system_admin_sets_up_a_commune(server: ChairServer, hall: Hall,
                                              login: Login) -> None:
    admin = await login("admin")
    province = (await _admin(admin, "body.create", kind="hdnd", level="tinh",
                             name="HĐND tỉnh Mẫu", code="T01"))["body"]
    commune = (await _admin(admin, "body.create", kind="hdnd", level="xa", name="HĐND xã A",
                            code="X01", parent_id=province["id"], time_zone="Asia/Bangkok",
                            term={"number": 1, "start": "2026-07-01",
                                  "end": "2031-06-30"}))["body"]
    assert commune["parent_id"] == province["id"]
    assert commune["time_zone"] == "Asia/Bangkok"
    assert commune["term"]["start"] == "2026-07-01"
    assert commune["total_members"] == 0
    assert {r["matter"] for r in commune["vote_rules"]} >= {"resolution"}
    err = await _refused(admin, "body.create", kind="hdnd", level="huyen", name="HĐND huyện")
    assert err.code == "invalid_args"
    err = await _refused(admin, "body.create", kind="hdnd", level="xa", name="x",
                         time_zone="Mars/Olympus")
    assert err.code == "invalid_args"
    user = (await _admin(admin, "user.create", username="daibieu1", full_name="Đại biểu 1",
                         body_id=commune["id"], position="Đại biểu", seat="A1"))
    assert len(user["password"]) == 12
    got = (await _admin(admin, "body.get", body_id=commune["id"]))["body"]
    assert [m["username"] for m in got["members"]] == ["daibieu1"]
    assert got["total_members"] == 1
    for bad in ({"numerator": 0, "denominator": 2, "comparison": "more_than"},
                {"numerator": 3, "denominator": 2, "comparison": "more_than"}):
        err = await _refused(admin, "rule.set", body_id=commune["id"], matter="resolution",
                             threshold=bad, ballot="open", options=["yes", "no", "abstain"],
                             chair_breaks_tie=False, ballot_choosable=False)
        assert err.code == "invalid_args"
        assert err.details == {"field": "threshold", "reason": "out_of_range"}
    err = await _refused(admin, "body.update", body_id=commune["id"],
                         quorum={"numerator": 0, "denominator": 3, "comparison": "at_least"})
    assert err.details["reason"] == "out_of_range"
    err = await _refused(admin, "body.update", body_id=province["id"], parent_id=commune["id"])
    assert err.code == "invalid_args"


async def test_strict_types(server: ChairServer, hall: Hall, login: Login) -> None:
    admin = await login("admin")
    err = await _refused(admin, "body.get", body_id=True)
    assert err.code == "invalid_args"
    err = await _refused(admin, "admin.scope", extra=1)
    assert err.code == "invalid_args"
    err = await _refused(admin, "no.such")
    assert err.code == "unknown_command"


async def test_unit_admin_is_confined_to_their_body(server: ChairServer, hall: Hall,
                                                    login: Login) -> None:
    admin = await login("admin")
    mine = (await _admin(admin, "body.create", kind="hdnd", level="xa", name="Xã B"))["body"]
    other = (await _admin(admin, "body.create", kind="hdnd", level="xa", name="Xã C"))["body"]
    outsider = (await _admin(admin, "user.list"))["users"]
    chair_id = next(u["id"] for u in outsider if u["username"] == "chair")
    await _admin(admin, "body_admin.grant", body_id=mine["id"], user_id=chair_id)
    unit = await login("chair")
    scope = await _admin(unit, "admin.scope")
    assert scope == {"system_admin": False, "body_ids": [mine["id"]], "prepares": True}
    delegate_scope = await _admin(await login("delegate1"), "admin.scope")
    assert delegate_scope == {"system_admin": False, "body_ids": [], "prepares": False}
    assert [b["id"] for b in (await _admin(unit, "body.list"))["bodies"]] == [mine["id"]]
    made = await _admin(unit, "user.create", username="xab1", full_name="Xã B 1",
                        body_id=mine["id"])
    uid = made["user"]["id"]
    await _admin(unit, "member.update", body_id=mine["id"], user_id=uid, seat="B2")
    names = {u["username"] for u in (await _admin(unit, "user.list"))["users"]}
    assert "xab1" in names
    assert "delegate1" not in names
    for action, args in [("body.get", {"body_id": other["id"]}),
                         ("user.create", {"username": "z", "full_name": "Z",
                                          "body_id": other["id"]}),
                         ("body.create", {"kind": "hdnd", "level": "xa", "name": "D"}),
                         ("rule.reset", {"body_id": mine["id"], "matter": "resolution"}),
                         ("body_admin.grant", {"body_id": mine["id"], "user_id": uid})]:
        err = await _refused(unit, action, **args)
        assert err.code in ("forbidden", "not_found"), action
    delegate = next(u["id"] for u in outsider if u["username"] == "delegate1")
    err = await _refused(unit, "user.deactivate", user_id=delegate)
    assert err.code in ("forbidden", "not_found")
    await _admin(unit, "member.remove", body_id=mine["id"], user_id=uid)


async def test_deactivation_closes_the_live_connection(server: ChairServer, hall: Hall,
                                                       login: Login) -> None:
    admin = await login("admin")
    victim = await login("delegate1")
    users = (await _admin(admin, "user.list"))["users"]
    uid = next(u["id"] for u in users if u["username"] == "delegate1")
    await _admin(admin, "user.deactivate", user_id=uid)
    for _ in range(100):
        if victim.close_reason is not None:
            break
        await asyncio.sleep(0.05)
    assert victim.close_reason is not None
    async with ChairClient(server.url) as again:
        with pytest.raises(ServerError):
            await again.login("delegate1", PASSWORD)
    await _admin(admin, "user.activate", user_id=uid)
    reset = await _admin(admin, "user.reset_password", user_id=uid)
    async with ChairClient(server.url) as again:
        await again.login("delegate1", reset["password"])


async def test_import_dry_run_and_all_or_nothing(server: ChairServer, hall: Hall,
                                                 login: Login) -> None:
    admin = await login("admin")
    body = (await _admin(admin, "body.create", kind="hdnd", level="xa", name="Xã E"))["body"]
    rows = [{"username": "e1", "full_name": "E 1"}, {"username": "e 2", "full_name": "E 2"},
            {"username": "delegate1", "full_name": "Người dùng delegate1"}]
    preview = await _admin(admin, "user.import", body_id=body["id"], rows=rows, dry_run=True)
    assert preview["applied"] is False
    assert [r["status"] for r in preview["rows"]] == ["create", "error", "unchanged"]
    assert preview["rows"][1]["errors"] == [{"column": "username", "reason": "invalid"}]
    again = await _admin(admin, "user.import", body_id=body["id"], rows=rows, dry_run=False)
    assert again["applied"] is False
    names = {u["username"] for u in (await _admin(admin, "user.list"))["users"]}
    assert "e1" not in names
    done = await _admin(admin, "user.import", body_id=body["id"], rows=[rows[0], rows[2]],
                        dry_run=False)
    assert done["applied"] is True
    assert len(done["rows"][0]["password"]) == 12
    assert (await _admin(admin, "body.get", body_id=body["id"]))["body"]["total_members"] == 2


async def test_body_settings_as_data_and_what_a_unit_admin_may_change(
        server: ChairServer, hall: Hall, login: Login) -> None:
    admin = await login("admin")
    mine = (await _admin(admin, "body.create", kind="hdnd", level="xa", name="Xã G"))["body"]
    other = (await _admin(admin, "body.create", kind="hdnd", level="xa", name="Xã H"))["body"]
    changed = (await _admin(admin, "body.update", body_id=mine["id"],
                            option_labels=["Đồng ý", "Không đồng ý", "Ý kiến khác"],
                            chair_breaks_tie=True, stand_in_may_vote=True,
                            quorum={"numerator": 1, "denominator": 2,
                                    "comparison": "more_than"}))["body"]
    rules = {r["matter"]: r for r in changed["vote_rules"]}
    assert rules["resolution"]["options"] == ["Đồng ý", "Không đồng ý", "Ý kiến khác"]
    assert rules["resolution"]["chair_breaks_tie"] is True
    assert rules["confidence"]["options"][0] == "Tín nhiệm cao", "the law's levels stay"
    assert changed["stand_in_may_vote"] is True
    err = await _refused(admin, "body.update", body_id=mine["id"],
                         option_labels=["Đồng ý", "đồng ý"])
    assert err.details == {"field": "option_labels", "reason": "duplicate"}
    explicit = (await _admin(admin, "body.update", body_id=mine["id"], total_members=15))
    assert explicit["body"]["total_members"] == 15
    assert explicit["body"]["total_members_explicit"] is True
    derived = (await _admin(admin, "body.update", body_id=mine["id"], total_members=0))
    assert derived["body"]["total_members"] == 0
    assert derived["body"]["total_members_explicit"] is False

    users = (await _admin(admin, "user.list"))["users"]
    await _admin(admin, "body_admin.grant", body_id=mine["id"],
                 user_id=next(u["id"] for u in users if u["username"] == "chair"))
    unit = await login("chair")
    term = {"number": 2, "start": "2026-07-01", "end": "2031-06-30"}
    body = (await _admin(unit, "body.update", body_id=mine["id"], term=term,
                         total_members=17))["body"]
    assert body["term"] == term
    assert body["total_members"] == 17
    err = await _refused(unit, "body.update", body_id=mine["id"],
                         quorum={"numerator": 1, "denominator": 2, "comparison": "at_least"})
    assert (err.code, err.details) == ("forbidden", {"field": "quorum",
                                                     "reason": "system_admin_only"})
    err = await _refused(unit, "body.update", body_id=other["id"], term=term)
    assert (err.code, err.details["reason"]) == ("forbidden", "not_your_body")


def test_every_action_is_registered() -> None:
    assert {"admin.scope", "body.list", "body.get", "body.create", "body.update", "rule.set",
            "rule.reset", "member.add", "member.update", "member.remove", "user.list",
            "user.create", "user.deactivate", "user.activate", "user.reset_password",
            "user.import", "body_admin.grant", "body_admin.revoke"} <= set(ACTIONS)


async def test_unit_admin_manages_the_meetings_of_their_body_only(
        server: ChairServer, hall: Hall, login: Login) -> None:
    """Issue 16: a unit administrator has one body's meetings (list, create, prepare),
    invited or not, and no other body's."""
    admin = await login("admin")
    mine = (await _admin(admin, "body.create", kind="ubnd", level="xa", name="UBND xã B"))["body"]
    other = (await _admin(admin, "body.create", kind="ubnd", level="xa",
                          name="UBND xã C"))["body"]
    users = (await _admin(admin, "user.list"))["users"]
    guest_id = next(u["id"] for u in users if u["username"] == "guest")
    await _admin(admin, "body_admin.grant", body_id=mine["id"], user_id=guest_id)
    when = "2027-01-14T01:30:00+00:00"
    theirs = await admin.request("create_meeting", body_id=mine["id"], title="Phiên họp B",
                                 starts_at=when, location="")
    elsewhere = await admin.request("create_meeting", body_id=other["id"],
                                    title="Phiên họp C", starts_at=when, location="")

    unit = await login("guest")
    listed = {m["id"]: m for m in await unit.list_meetings()}
    assert theirs["meeting"]["id"] in listed, "a draft of their body, though not invited"
    assert listed[theirs["meeting"]["id"]]["role"] == "admin"
    assert elsewhere["meeting"]["id"] not in listed
    assert mine["id"] in {b["id"] for b in (await unit.request("list_bodies"))["bodies"]}
    made = await unit.request("create_meeting", body_id=mine["id"], title="Phiên họp B2",
                              starts_at=when, location="")
    assert made["meeting"]["role"] == "admin"
    with pytest.raises(ServerError) as refused:
        await unit.request("create_meeting", body_id=other["id"], title="X", starts_at=when,
                           location="")
    assert refused.value.code == "forbidden"

    meeting_id = theirs["meeting"]["id"]
    await unit.subscribe(meeting_id)
    await unit.command(meeting_id, "agenda.add_item", {"title": "Khai mạc"})
    await unit.command(meeting_id, "meeting.publish")
    with pytest.raises(ServerError) as hidden:
        await unit.subscribe(elsewhere["meeting"]["id"])
    assert hidden.value.code == "not_found"
