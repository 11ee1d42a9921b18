"""The secretary's records through the real server: participants, approval, conclusions."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from meetingroom.laptop.meeting_store import MeetingState
from meetingroom.server.storage.database import Database
from meetingroom.server.storage.models import User
from meetingroom.server.storage.types import utcnow
from meetingroom.sync.client.chair_client import ServerError
from meetingroom.sync.client.transfer import upload
from meetingroom.sync.serving.endpoint import ChairServer
from tests.conftest import Login
from tests.helpers.factories import Hall
from tests.helpers.session_helpers import until
from tests.test_reader_support import make_pdf


async def test_participants_are_added_changed_and_removed(server: ChairServer, hall: Hall,
                                                          login: Login,
                                                          database: Database) -> None:
    with database.reading() as session:
        outsider_user = session.scalar(select(User.id).where(User.username == "outsider"))
    secretary, outsider = await login("secretary"), await login("outsider")
    delegate = await login("delegate1")
    with pytest.raises(ServerError) as not_invited:
        await outsider.subscribe(hall.meeting_id)
    assert not_invited.value.code == "not_found"
    added = await secretary.command(hall.meeting_id, "participant.add",
                                    {"user_id": outsider_user, "role": "guest",
                                     "seat": "K-01"})
    outsider_id = added["participant"]["user_id"]
    assert added["participant"]["seat"] == "K-01"
    assert (await outsider.subscribe(hall.meeting_id))["role"] == "guest"
    changed = await secretary.command(hall.meeting_id, "participant.update",
                                      {"user_id": outsider_id, "role": "delegate"})
    assert changed["participant"]["role"] == "delegate"
    with pytest.raises(ServerError) as twice:
        await secretary.command(hall.meeting_id, "participant.add",
                                {"user_id": outsider_id, "role": "guest"})
    assert twice.value.code == "invalid_state"
    await secretary.command(hall.meeting_id, "participant.remove", {"user_id": outsider_id})
    with pytest.raises(ServerError) as removed:
        await outsider.subscribe(hall.meeting_id, last_seq=0)
    assert removed.value.code == "not_found"
    with pytest.raises(ServerError) as delegate_adds:
        await delegate.command(hall.meeting_id, "participant.add",
                               {"user_id": outsider_id, "role": "guest"})
    assert delegate_adds.value.code == "forbidden"


async def test_submitted_documents_wait_for_approval(server: ChairServer, hall: Hall,
                                                    login: Login) -> None:
    secretary, guest, delegate = await login("secretary"), await login("guest"), \
        await login("delegate1")
    await delegate.subscribe(hall.meeting_id)
    sha = await upload(secretary, make_pdf(2), "bao-cao-so.pdf")
    # A department (here the guest) submits; delegates see nothing until approval.
    submitted = (await guest.command(hall.meeting_id, "document.submit", {
        "sha256": sha, "title": "Báo cáo của Sở", "filename": "bao-cao-so.pdf"}))["document"]
    assert submitted["approval"] == "submitted"
    hidden = await until(delegate, "document.submitted")
    assert hidden["payload"] == {"hidden": True}
    snap = (await delegate.subscribe(hall.meeting_id, last_seq=0))["snapshot"]
    assert submitted["id"] not in [d["id"] for d in snap["documents"]]
    with pytest.raises(ServerError) as not_yet:
        await delegate.request("fetch_chunk", sha256=sha, offset=0, length=10)
    assert not_yet.value.code == "not_found"
    approved = await secretary.command(hall.meeting_id, "document.approve",
                                       {"document_id": submitted["id"]})
    assert approved["document"]["approval"] == "approved"
    assert (await delegate.request("fetch_chunk", sha256=sha, offset=0, length=10))["length"]
    second = (await guest.command(hall.meeting_id, "document.submit", {
        "sha256": sha, "title": "Bản khác", "filename": "x.pdf"}))["document"]
    with pytest.raises(ServerError) as short:
        await secretary.command(hall.meeting_id, "document.reject",
                                {"document_id": second["id"], "reason": "x"})
    assert short.value.code == "invalid_args"
    rejected = await secretary.command(hall.meeting_id, "document.reject", {
        "document_id": second["id"], "reason": "Thiếu chữ ký của Giám đốc Sở"})
    assert rejected["document"]["rejection_reason"] == "Thiếu chữ ký của Giám đốc Sở"


async def test_guests_learn_nothing_of_confidential_documents_from_events(
        server: ChairServer, hall: Hall, login: Login) -> None:
    secretary, guest, delegate = await login("secretary"), await login("guest"), \
        await login("delegate1")
    await guest.subscribe(hall.meeting_id)
    await delegate.subscribe(hall.meeting_id)
    sha = await upload(secretary, make_pdf(2), "mat.pdf")
    await secretary.command(hall.meeting_id, "document.add", {
        "sha256": sha, "title": "Tài liệu mật về nhân sự", "filename": "mat.pdf",
        "confidential": True})
    seen_by_guest = await until(guest, "document.added")
    seen_by_delegate = await until(delegate, "document.added")
    assert seen_by_guest["payload"] == {"hidden": True}
    assert seen_by_guest["seq"] == seen_by_delegate["seq"]
    assert seen_by_delegate["payload"]["document"]["title"] == "Tài liệu mật về nhân sự"
    state = MeetingState(hall.meeting_id, last_seq=seen_by_guest["seq"] - 1)
    assert state.apply(seen_by_guest) == set()
    assert state.last_seq == seen_by_guest["seq"]


async def test_conclusions_and_reminders(server: ChairServer, hall: Hall,
                                         login: Login) -> None:
    secretary, delegate = await login("secretary"), await login("delegate1")
    await delegate.subscribe(hall.meeting_id)
    item = await secretary.command(hall.meeting_id, "conclusion.set", {
        "item_id": hall.item_ids[1], "text": "Thống nhất dự toán ngân sách năm 2027."})
    assert item["conclusion"]["item_id"] == hall.item_ids[1]
    await secretary.command(hall.meeting_id, "conclusion.set",
                            {"text": "Kỳ họp hoàn thành chương trình đề ra."})
    snap = (await delegate.subscribe(hall.meeting_id, last_seq=0))["snapshot"]
    assert {c["item_id"] for c in snap["conclusions"]} == {hall.item_ids[1], None}
    opinion = (await secretary.command(hall.meeting_id, "opinion.create", {
        "title": "Ý kiến về dự thảo", "deadline": (utcnow() + timedelta(days=2)).isoformat()}
    ))["opinion"]
    await delegate.command(hall.meeting_id, "opinion.answer",
                           {"opinion_id": opinion["id"], "answer": "agree"})
    reminded = await secretary.command(hall.meeting_id, "opinion.remind",
                                       {"opinion_id": opinion["id"]})
    assert len(reminded["not_answered"]) == 3
    assert (await until(delegate, "opinion.reminded"))["payload"]["opinion_id"] == opinion["id"]


async def test_upload_permission_follows_the_person_not_the_connection(
        server: ChairServer, hall: Hall, login: Login) -> None:
    secretary = await login("secretary")
    sha = await upload(secretary, make_pdf(1), "a.pdf")
    await secretary.logout()
    await secretary.login("delegate1", "correct horse battery")
    with pytest.raises(ServerError) as refused:
        await secretary.request("upload_status", sha256=sha, size=10)
    assert refused.value.code == "forbidden"
