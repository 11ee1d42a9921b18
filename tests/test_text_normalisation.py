"""Vietnamese text arrives in two spellings (NFC and decomposed NFD); the server keeps one.

A composing input method sends "Lý" as L + y + U+0301. Without normalisation the two
spellings of "Lý Văn Tâm" were two candidates (one person could split their own
votes), two agenda titles, and a login with the decomposed user name found nobody.
"""

from __future__ import annotations

import unicodedata

import pytest

from meetingroom.sync.client.chair_client import ChairClient, ServerError
from meetingroom.sync.serving.endpoint import ChairServer
from tests.conftest import Login
from tests.helpers.factories import PASSWORD, Hall
from tests.helpers.session_helpers import start_session, until

NAME = "Lý Văn Tâm"


def nfd(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text
    return decomposed


async def _refusal(chair: ChairClient, meeting_id: int, **args: object) -> ServerError:
    with pytest.raises(ServerError) as refused:
        await chair.command(meeting_id, "vote.create", {"matter": "election",
                                                        "title": "Bầu Phó Chủ tịch", **args})
    return refused.value


async def test_one_person_is_one_candidate_whatever_the_spelling(
        server: ChairServer, hall: Hall, login: Login) -> None:
    chair = await login("chair")
    await start_session(chair, hall.meeting_id, hall.item_ids[1])
    for other in (nfd(NAME), "lý văn tâm", "  LÝ   Văn\tTâm ", nfd("lý  VĂN tâm")):
        refused = await _refusal(chair, hall.meeting_id,
                                 candidates=["Đỗ Minh Khoa", NAME, other], seats=1)
        assert refused.code == "invalid_args", other
        assert refused.details == {"reason": "duplicate_candidate", "indexes": [1, 2]}, other
    blank = await _refusal(chair, hall.meeting_id, candidates=[NAME, "   "])
    assert blank.details == {"reason": "blank_candidate", "index": 1}
    # A decomposed name that is not a duplicate is stored composed, spaces tidied.
    created = await chair.command(hall.meeting_id, "vote.create", {
        "matter": "election", "title": nfd("Bầu Ủy viên"),
        "candidates": [nfd(NAME), " Đỗ  Minh Khoa "], "seats": 2})
    assert created["vote"]["candidates"] == [NAME, "Đỗ Minh Khoa"]
    assert created["vote"]["title"] == "Bầu Ủy viên"


async def test_an_election_cannot_have_more_seats_than_candidates(
        server: ChairServer, hall: Hall, login: Login) -> None:
    chair = await login("chair")
    await start_session(chair, hall.meeting_id, hall.item_ids[1])
    refused = await _refusal(chair, hall.meeting_id, candidates=[NAME, "Đỗ Minh Khoa"], seats=3)
    assert refused.code == "invalid_args"
    assert refused.details == {"reason": "seats_exceed_candidates", "seats": 3,
                               "candidates": 2}
    # As many seats as candidates is allowed (electing from a list of exactly the seats).
    created = await chair.command(hall.meeting_id, "vote.create", {
        "matter": "election", "title": "Bầu", "candidates": [NAME, "Đỗ Minh Khoa"],
        "seats": 2})
    assert created["vote"]["seats"] == 2


async def test_titles_reach_everyone_composed(server: ChairServer, hall: Hall,
                                              login: Login) -> None:
    chair, delegate = await login("chair"), await login(hall.delegates[0])
    await delegate.subscribe(hall.meeting_id)
    await chair.command(hall.meeting_id, "agenda.add_item",
                        {"title": nfd("Báo cáo kết quả giám sát"), "presenter": nfd(NAME)})
    event = await until(delegate, "agenda.item_added")
    assert event["payload"]["item"]["title"] == "Báo cáo kết quả giám sát"
    assert event["payload"]["item"]["presenter"] == NAME


async def test_a_decomposed_user_name_logs_in_to_the_composed_account(
        server: ChairServer, hall: Hall, login: Login) -> None:
    admin = await login("admin")
    made = await admin.request("admin", action="user.create", args={
        "username": nfd("tâm.lý"), "full_name": nfd(NAME), "password": PASSWORD})
    assert made["user"]["username"] == "tâm.lý"
    assert made["user"]["full_name"] == NAME
    for spelling in ("tâm.lý", nfd("tâm.lý")):
        async with ChairClient(server.url, timeout=60) as client:
            answer = await client.login(spelling, PASSWORD)
            assert answer["user"]["username"] == "tâm.lý"
    # The password is taken exactly as typed: its other spelling is another password.
    accented = "mật khẩu dài"
    await admin.request("admin", action="user.create", args={
        "username": "an", "full_name": "An", "password": accented})
    async with ChairClient(server.url, timeout=60) as client:
        with pytest.raises(ServerError) as wrong:
            await client.login("an", nfd(accented))
        assert wrong.value.code == "auth_failed"
        assert (await client.login("an", accented))["user"]["username"] == "an"


async def test_limits_apply_to_the_composed_text(server: ChairServer, hall: Hall,
                                                 login: Login) -> None:
    """NFC lengthens a few characters (U+0958 becomes two): a title within 500 characters
    as sent but not as stored is refused, never stored over its limit."""
    assert len(unicodedata.normalize("NFC", "\u0958")) == 2
    chair = await login("chair")
    with pytest.raises(ServerError) as refused:
        await chair.command(hall.meeting_id, "agenda.add_item", {"title": "\u0958" * 300})
    assert refused.value.code == "invalid_args"
    assert [d["field"] for d in refused.value.details] == ["title"]
