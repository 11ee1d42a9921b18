"""Who may send what: every command × every kind of sender, from one table.

The table below is written from the rules (docs/protocol.md §6, the "roles"
column, and §6.1: the outsider's ``not_found``, the logged-out
``not_authenticated``), not read from ``REGISTRY``. A test checks that its rows
are exactly the registered commands, so a new command cannot be added without
saying here who may send it.

Every command is sent through a real server with an extra argument no schema
accepts (``__probe__``). §6.1 checks the role (step 6) before the arguments
(step 7), so a sender the rules allow gets ``invalid_args`` naming ``__probe__``
(the handler never ran, nothing changed) and a refused sender gets
``forbidden``, ``not_found`` or ``not_authenticated``. Rules finer than the role
(attendance for someone else, ballots without a seat, withdrawing someone
else's registration, leading the page without the floor) are checked with
real arguments in ``test_finer_rules_refuse_with_forbidden``.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy import select

from meetingroom.server.commands import REGISTRY
from meetingroom.server.storage.database import Database
from meetingroom.server.storage.models import Meeting
from meetingroom.sync.client.chair_client import ChairClient, ServerError
from meetingroom.sync.serving.endpoint import ChairServer, ServerConfig
from tests.helpers.factories import PASSWORD, Hall
from tests.helpers.session_helpers import start_session, until

#: Allowed: the role check passed (the answer is about the arguments or the state).
A = "allowed"
#: Refused because of the sender's role in the meeting.
F = "forbidden"

SENDERS = ("chair", "secretary", "delegate", "guest", "outsider", "admin", "logged_out")

#: What the rules say for the senders that take part in the meeting (chair, secretary,
#: delegate, guest) and for a system administrator who does not sit in it. The
#: outsider (a participant of another meeting only) always gets ``not_found`` and a
#: logged-out connection ``not_authenticated``: they are added by ``expected``.
#:                                   chair secretary delegate guest admin
RULES: dict[str, tuple[str, str, str, str, str]] = {
    "meeting.publish":          (A, A, F, F, A),
    "meeting.unpublish":        (A, A, F, F, A),
    "meeting.start":            (A, F, F, F, F),
    "meeting.close":            (A, F, F, F, F),
    "meeting.update":           (A, A, F, F, A),
    "agenda.add_item":          (A, A, F, F, A),
    "agenda.update_item":       (A, A, F, F, A),
    "agenda.move_item":         (A, A, F, F, A),
    "agenda.remove_item":       (A, A, F, F, A),
    "agenda.set_current":       (A, F, F, F, F),
    # "everyone" (for someone else only chair, secretary, admin: finer rule)
    "attendance.check_in":      (A, A, A, A, A),
    "attendance.check_out":     (A, A, A, A, A),
    "attendance.mark_absent":   (A, A, A, A, A),
    "attendance.set_stand_in":  (A, A, A, A, A),
    "speech.register":          (A, F, A, F, F),
    # chair, delegate (own only), secretary, admin
    "speech.withdraw":          (A, A, A, A, A),
    "speech.reorder":           (A, A, F, F, A),
    "speech.call":              (A, A, F, F, A),
    "speech.grant":             (A, A, F, F, A),
    "speech.start":             (A, A, F, F, A),
    "speech.pause":             (A, A, F, F, A),
    "speech.resume":            (A, A, F, F, A),
    "speech.end":               (A, A, F, F, A),
    "speech.set_limit":         (A, A, F, F, A),
    "vote.create":              (A, F, F, F, F),
    "vote.open":                (A, F, F, F, F),
    # chair, delegate; secretary, guest as stand-ins (finer rule); never admin
    "vote.cast":                (A, A, A, A, F),
    "vote.stop":                (A, F, F, F, F),
    "vote.close":               (A, F, F, F, F),
    "vote.annul":               (A, F, F, F, F),
    "opinion.create":           (A, A, F, F, A),
    "opinion.answer":           (A, F, A, F, F),
    "opinion.close":            (A, A, F, F, A),
    "document.add":             (A, A, F, F, A),
    "document.replace":         (A, A, F, F, A),
    "document.withdraw":        (A, A, F, F, A),
    # every participant
    "document.submit":          (A, A, A, A, F),
    "document.approve":         (A, A, F, F, A),
    "document.reject":          (A, A, F, F, A),
    "participant.add":          (A, A, F, F, A),
    "participant.update":       (A, A, F, F, A),
    "participant.remove":       (A, A, F, F, A),
    "participant.import":       (A, A, F, F, A),
    "conclusion.set":           (A, A, F, F, A),
    "opinion.remind":           (A, A, F, F, A),
    "minutes.generate":         (A, A, F, F, A),
    "minutes.export":           (A, A, F, F, A),
    "minutes.store_signed":     (A, A, F, F, A),
    "report.export":            (A, A, F, F, A),
    # chair, secretary; anyone whose speech holds the floor (finer rule)
    "presenter.share_page":     (A, A, A, A, F),
    # every participant (personal)
    "annotations.push":         (A, A, A, A, F),
    "annotations.pull":         (A, A, A, A, F),
}

#: Cells where the server does not do what docs/protocol.md §6 says. Each is asserted
#: by ``test_known_deviations_from_the_rules`` (strict xfail), so fixing the product or
#: the document makes that test pass and forces this entry to be removed.
KNOWN_DEVIATIONS: dict[tuple[str, str], str] = {}


def expected(command: str, sender: str) -> str:
    if sender == "outsider":
        return "not_found"
    if sender == "logged_out":
        return "not_authenticated"
    chair, secretary, delegate, guest, admin = RULES[command]
    return {"chair": chair, "secretary": secretary, "delegate": delegate, "guest": guest,
            "admin": admin}[sender]


def _outcome(error: ServerError | None) -> str:
    """allowed (the role check passed) or the refusal's code."""
    if error is None:
        return A
    if error.code == "invalid_args" and any(
            d.get("field") == "__probe__" for d in error.details or []):
        return A
    if error.code in ("forbidden", "not_found", "not_authenticated"):
        return str(error.code)
    return f"unexpected {error.code}: {error.message}"


@pytest.fixture
def server_config() -> ServerConfig:
    # One connection sends every command; the default burst of 60 would be too tight.
    return ServerConfig(host="127.0.0.1", port=0, rate_per_second=1000, rate_burst=1000)


@pytest.fixture
async def senders(server: ChairServer, hall: Hall) -> AsyncIterator[dict[str, ChairClient]]:
    clients: dict[str, ChairClient] = {}
    usernames = {"chair": hall.chair, "secretary": hall.secretary,
                 "delegate": hall.delegates[0], "guest": hall.guest,
                 "outsider": hall.outsider, "admin": hall.admin}
    try:
        for sender in SENDERS:
            client = ChairClient(server.url, timeout=15)
            await client.connect()
            clients[sender] = client
            if sender in usernames:
                await client.login(usernames[sender], PASSWORD)
        yield clients
    finally:
        for client in clients.values():
            await client.close()


async def _send(client: ChairClient, meeting_id: int, command: str,
                args: dict[str, Any]) -> ServerError | None:
    try:
        await client.command(meeting_id, command, args, command_id=uuid.uuid4().hex)
    except ServerError as exc:
        return exc
    return None


def test_every_command_has_a_row() -> None:
    assert set(RULES) == set(REGISTRY)
    assert all(len(row) == 5 for row in RULES.values())
    assert set(KNOWN_DEVIATIONS) <= {(c, s) for c in RULES for s in SENDERS}


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
async def test_every_command_against_every_sender(
        hall: Hall, senders: dict[str, ChairClient], database: Database) -> None:
    observed: dict[tuple[str, str], str] = {}
    for command in sorted(REGISTRY):
        for sender in SENDERS:
            answer = await _send(senders[sender], hall.meeting_id, command, {"__probe__": 1})
            observed[command, sender] = _outcome(answer)
    wrong = {cell: (got, expected(*cell)) for cell, got in observed.items()
             if cell not in KNOWN_DEVIATIONS and got != expected(*cell)}
    assert not wrong, wrong
    for cell, actual in KNOWN_DEVIATIONS.items():
        assert observed[cell] == actual, f"{cell}: fixed? remove it from KNOWN_DEVIATIONS"
    # Nothing was applied: every allowed command stopped at its arguments.
    with database.reading() as session:
        meeting = session.scalar(select(Meeting).where(Meeting.id == hall.meeting_id))
        assert meeting is not None
        assert (meeting.last_seq, meeting.status) == (0, "published")


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
async def test_known_deviations_from_the_rules(
        hall: Hall, senders: dict[str, ChairClient]) -> None:
    """Empty today; a deviation recorded here must still behave as the rules say."""
    for (command, sender) in KNOWN_DEVIATIONS:
        answer = await _send(senders[sender], hall.meeting_id, command, {"__probe__": 1})
        assert _outcome(answer) == expected(command, sender), (command, sender)


#: Requests that are not commands but are still gated by who the sender is.
#:                         chair secretary delegate guest outsider admin
REQUEST_RULES: dict[str, tuple[str, str, str, str, str, str]] = {
    # an uploader: an administrator, or the chair or secretary of any meeting
    "upload_status":  (A, A, F, F, A, A),
    # a preparer of the body: its chairs and secretaries (of any of its meetings), admins
    "create_meeting": (A, A, F, F, A, A),
}


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
async def test_uploading_and_creating_meetings_follow_the_person(
        hall: Hall, senders: dict[str, ChairClient], database: Database) -> None:
    with database.reading() as session:
        body_id = session.scalar(select(Meeting.body_id).where(Meeting.id == hall.meeting_id))
    fields: dict[str, dict[str, Any]] = {
        "upload_status": {"sha256": "0" * 64, "size": 10},
        "create_meeting": {"body_id": body_id, "title": "Phiên thử quyền",
                           "starts_at": "2027-01-05T08:00:00+07:00"},
    }
    wrong = {}
    for kind, row in REQUEST_RULES.items():
        for sender, rule in zip([*SENDERS[:6], "logged_out"], [*row, "not_authenticated"],
                                strict=True):
            try:
                await senders[sender].request(kind, **fields[kind])
                got = A
            except ServerError as exc:
                got = _outcome(exc)
            if got != rule:
                wrong[kind, sender] = (got, rule)
    assert not wrong, wrong


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
async def test_finer_rules_refuse_with_forbidden(
        hall: Hall, senders: dict[str, ChairClient]) -> None:
    """The rules §6 states beyond the role column, with real arguments in a live session."""
    m = hall.meeting_id
    chair, secretary, delegate = senders["chair"], senders["secretary"], senders["delegate"]
    guest, admin = senders["guest"], senders["admin"]
    assert chair.user
    assert delegate.user
    await start_session(chair, m, hall.item_ids[1])

    async def refused(client: ChairClient, command: str, args: dict[str, Any]) -> str:
        answer = await _send(client, m, command, args)
        return answer.code if answer else "ok"

    # Attendance for someone else: only chair, secretary, admin.
    assert await refused(delegate, "attendance.check_in", {"user_id": chair.user["id"]}) \
        == "forbidden"
    assert await refused(guest, "attendance.check_in", {"user_id": chair.user["id"]}) \
        == "forbidden"
    assert await refused(admin, "attendance.check_in", {"user_id": chair.user["id"]}) == "ok"
    for client in (delegate, secretary, guest):
        assert await refused(client, "attendance.check_in", {}) == "ok"
    # An administrator who does not sit in the meeting has no seat to check in.
    assert await refused(admin, "attendance.check_in", {}) == "not_found"

    # Withdrawing someone else's registration: chair, secretary, admin only.
    speech = (await delegate.command(m, "speech.register", {"topic": "Ngân sách"}))["speech"]
    for client in (guest,):
        assert await refused(client, "speech.withdraw", {"speech_id": speech["id"]}) \
            == "forbidden"
    own = await _send(delegate, m, "speech.withdraw", {"speech_id": speech["id"]})
    assert own is None

    # Leading everyone's page: chair, secretary, or whoever holds the floor.
    assert await refused(delegate, "presenter.share_page", {"document_id": 1, "page": 0}) \
        == "forbidden"
    assert await refused(guest, "presenter.share_page", {"document_id": 1, "page": 0}) \
        == "forbidden"
    granted = (await chair.command(m, "speech.grant", {"user_id": delegate.user["id"]}))
    await chair.command(m, "speech.start", {"speech_id": granted["speech"]["id"]})
    # Now the delegate holds the floor: past the permission check (no such document).
    assert await refused(delegate, "presenter.share_page", {"document_id": 999, "page": 0}) \
        == "not_found"
    await chair.command(m, "speech.end", {"speech_id": granted["speech"]["id"]})

    # Ballots: only seats vote; secretary and guest only as authorised stand-ins.
    vote = (await chair.command(m, "vote.create", {"matter": "resolution",
                                                   "title": "Nghị quyết thử"}))["vote"]
    await chair.command(m, "vote.open", {"vote_id": vote["id"]})
    await until(chair, "vote.opened")
    for client in (secretary, guest):
        assert await refused(client, "vote.cast", {"vote_id": vote["id"], "choice": 0}) \
            == "forbidden"
        assert await refused(client, "vote.cast", {"vote_id": vote["id"], "choice": 0,
                                                   "on_behalf_of": delegate.user["id"]}) \
            == "forbidden"
    assert await refused(admin, "vote.cast", {"vote_id": vote["id"], "choice": 0}) \
        == "forbidden"
    assert await refused(delegate, "vote.cast", {"vote_id": vote["id"], "choice": 0}) == "ok"
