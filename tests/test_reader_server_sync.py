"""Annotations follow their owner through the real chair server; the presenter leads pages."""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from meetingroom.core.pdf.annotation_store import AnnotationStore
from meetingroom.core.pdf.annotations import Annotation, AnnotationKind
from meetingroom.core.pdf.document import sha256_hex
from meetingroom.core.pdf.geometry import PdfRect
from meetingroom.server.storage.database import Database
from meetingroom.server.storage.models import Document
from meetingroom.sync.client.annotation_sync import ChairAnnotationSync, batches
from meetingroom.sync.client.chair_client import ServerError
from meetingroom.sync.serving.endpoint import ChairServer
from tests.conftest import Login
from tests.helpers.factories import Hall
from tests.helpers.session_helpers import start_session, until
from tests.test_reader_support import make_pdf, new_reader, open_in


def add_document(database: Database, hall: Hall, data: bytes, *, confidential: bool) -> int:
    with database.transaction() as session:
        doc = Document(meeting_id=hall.meeting_id, title="Tờ trình", filename="to-trinh.pdf",
                       sha256=sha256_hex(data), pages=3, size_bytes=len(data),
                       confidential=confidential)
        session.add(doc)
        session.flush()
        return doc.id


async def test_annotations_reach_a_second_profile_through_the_server(
        qtbot: QtBot, server: ChairServer, hall: Hall, database: Database, login: Login,
        tmp_path: Path) -> None:
    data = make_pdf(3)
    sha = sha256_hex(data)
    add_document(database, hall, data, confidential=True)
    loop = asyncio.get_running_loop()
    laptop_a, laptop_b = await login("delegate1"), await login("delegate1")
    store_a = AnnotationStore(tmp_path / "a", "delegate1")
    store_b = AnnotationStore(tmp_path / "b", "delegate1")
    note = Annotation(sha, 1, AnnotationKind.HIGHLIGHT, rects=(PdfRect(72, 90, 300, 110),),
                      text="Dự toán ngân sách")
    await asyncio.to_thread(store_a.put, note)
    sync_a = ChairAnnotationSync(laptop_a, hall.meeting_id, loop)
    sync_b = ChairAnnotationSync(laptop_b, hall.meeting_id, loop)
    await asyncio.to_thread(store_a.synchronise, sync_a, sha)
    merged = await asyncio.to_thread(store_b.synchronise, sync_b, sha)
    assert [a.id for a in merged] == [note.id]

    # A deletion on laptop B travels back to laptop A as a tombstone.
    await asyncio.to_thread(store_b.put, note.tombstone())
    await asyncio.to_thread(store_b.synchronise, sync_b, sha)
    await asyncio.to_thread(store_a.synchronise, sync_a, sha)
    assert store_a.annotations(sha) == []

    # The reader on laptop B shows what the account holds (a new note made on A).
    second = Annotation(sha, 0, AnnotationKind.NOTE, text="Hỏi lại Sở Tài chính")
    await asyncio.to_thread(store_a.put, second)
    await asyncio.to_thread(store_a.synchronise, sync_a, sha)
    await asyncio.to_thread(store_b.synchronise, sync_b, sha)
    reader = open_in(qtbot, new_reader(qtbot, profile=tmp_path / "b", user="delegate1"), data)
    qtbot.waitUntil(lambda: [a.id for a in reader.annotations()] == [second.id], timeout=5000)
    reader.shutdown()

    # Other people never see them; a guest may not even name a confidential document.
    other = await login("delegate2")
    pulled = await other.command(hall.meeting_id, "annotations.pull", {"sha256": sha})
    assert pulled["annotations"] == []
    guest = await login("guest")
    with pytest.raises(ServerError) as hidden:
        await guest.command(hall.meeting_id, "annotations.pull", {"sha256": sha})
    assert hidden.value.code == "not_found"
    with pytest.raises(ServerError) as forged:
        await other.command(hall.meeting_id, "annotations.push",
                            {"sha256": sha, "annotations": [{"id": "x", "modified": "soon"}]})
    assert forged.value.code == "invalid_args"


def test_pushes_are_split_under_the_message_limit() -> None:
    items = [{"id": f"{n:032x}", "text": "ghi chú " * 200} for n in range(100)]
    split = batches(items)
    assert sum(len(b) for b in split) == 100
    assert len(split) > 1


async def test_the_presenter_leads_every_reader(server: ChairServer, hall: Hall,
                                                database: Database, login: Login) -> None:
    data = make_pdf(3)
    doc_id = add_document(database, hall, data, confidential=False)
    chair, d1, d2 = await login("chair"), await login("delegate1"), await login("delegate2")
    await start_session(chair, hall.meeting_id, hall.item_ids[1])
    await d2.subscribe(hall.meeting_id)
    with pytest.raises(ServerError) as not_leading:
        await d1.command(hall.meeting_id, "presenter.share_page",
                         {"document_id": doc_id, "page": 1})
    assert not_leading.value.code == "forbidden"
    with pytest.raises(ServerError) as beyond:
        await chair.command(hall.meeting_id, "presenter.share_page",
                            {"document_id": doc_id, "page": 3})
    assert beyond.value.code == "invalid_args"
    await chair.command(hall.meeting_id, "presenter.share_page",
                        {"document_id": doc_id, "page": 2})
    shared = await until(d2, "presenter.page_shared")
    assert shared["payload"] == {"document_id": doc_id, "sha256": sha256_hex(data), "page": 2,
                                 "by": shared["payload"]["by"]}
    # Whoever holds the floor may lead too.
    speech = (await d1.command(hall.meeting_id, "speech.register", {}))["speech"]
    await chair.command(hall.meeting_id, "speech.start", {"speech_id": speech["id"]})
    await d1.command(hall.meeting_id, "presenter.share_page", {"document_id": doc_id, "page": 0})
    assert (await until(d2, "presenter.page_shared"))["payload"]["page"] == 0
