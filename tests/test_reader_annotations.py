"""Personal annotations: drawn in the reader, kept in the profile store, merged, exported."""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import asyncio
import json
from datetime import datetime
from pathlib import Path

import pymupdf
from pytestqt.qtbot import QtBot

from meetingroom.core.pdf.annotation_store import AnnotationStore
from meetingroom.core.pdf.annotations import Annotation, AnnotationKind, merge_annotations
from meetingroom.core.pdf.document import PdfDocument, sha256_hex
from meetingroom.core.pdf.export import export_annotated_copy
from meetingroom.core.pdf.geometry import PdfRect
from meetingroom.core.pdf.watermark import watermark_text
from meetingroom.server.storage.database import Database
from meetingroom.sync.client.annotation_sync import ChairAnnotationSync
from meetingroom.sync.serving.endpoint import ChairServer
from meetingroom.ui.qt import QPointF, Qt
from meetingroom.ui.reader import Tool
from tests.conftest import Login
from tests.helpers.factories import Hall
from tests.test_reader_server_sync import add_document
from tests.test_reader_support import make_pdf, new_reader, open_in, opened_reader

SHA = "ab" * 32


def _drag(qtbot: QtBot, reader: object, page: int, start: tuple[float, float],
          end: tuple[float, float]) -> None:
    canvas = reader.canvas  # type: ignore[attr-defined]
    a = canvas.view_point_of(page, start).toPoint()
    b = canvas.view_point_of(page, end).toPoint()
    qtbot.mousePress(canvas.viewport(), Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(canvas.viewport(), QPointF(a + b).toPoint() / 2)
    qtbot.mouseMove(canvas.viewport(), b)
    qtbot.mouseRelease(canvas.viewport(), Qt.MouseButton.LeftButton, pos=b)


def test_annotations_survive_closing_the_reader(qtbot: QtBot, tmp_path: Path) -> None:
    data = make_pdf(4)
    reader = open_in(qtbot, new_reader(qtbot, profile=tmp_path), data)
    canvas = reader.canvas
    qtbot.waitUntil(lambda: canvas.words(0) is not None)
    canvas.set_tool(Tool.HIGHLIGHT)
    with qtbot.waitSignal(reader.annotations_changed):
        _drag(qtbot, reader, 0, (75, 155), (200, 155))  # over "Dự toán ngân sách"
    highlight = reader.annotations()[0]
    assert highlight.kind is AnnotationKind.HIGHLIGHT
    assert "ngân" in highlight.text
    canvas.set_tool(Tool.INK)
    with qtbot.waitSignal(reader.annotations_changed):
        _drag(qtbot, reader, 0, (300, 300), (400, 380))
    note = reader.add_note(0, 50, 500, "Hỏi lại Sở Tài chính về điều 2")
    assert note is not None
    reader.add_annotation(
        Annotation(sha256_hex(data), 1, AnnotationKind.UNDERLINE, rects=(PdfRect(72, 80, 200, 95),))
    )
    doomed = Annotation(sha256_hex(data), 2, AnnotationKind.NOTE, anchor=(1, 1), text="xoá")
    reader.add_annotation(doomed)
    reader.delete_annotation(doomed.id)
    kinds = sorted(a.kind.value for a in reader.annotations())
    assert kinds == ["highlight", "ink", "note", "underline"]
    reader.close()  # waits for the store writes

    again = open_in(qtbot, new_reader(qtbot, profile=tmp_path), data)
    qtbot.waitUntil(lambda: len(again.annotations()) == 4)
    assert {a.id for a in again.annotations()} == {a.id for a in reader.annotations()}
    assert any(a.text == "Hỏi lại Sở Tài chính về điều 2" for a in again.annotations())
    # Another user on the same laptop sees none of them.
    other = open_in(qtbot, new_reader(qtbot, profile=tmp_path, user="dai-bieu-02"), data)
    qtbot.wait(50)
    assert other.annotations() == []


def test_annotations_are_json_round_trippable() -> None:
    ink = Annotation(SHA, 3, AnnotationKind.INK, strokes=(((1.0, 2.0), (3.5, 4.25)),))
    again = Annotation.from_json(json.loads(json.dumps(ink.to_json())))
    assert again == ink


def test_merge_is_union_with_last_writer_wins(tmp_path: Path) -> None:
    laptop = AnnotationStore(tmp_path / "laptop", "u1")
    tablet = AnnotationStore(tmp_path / "tablet", "u1")
    shared = Annotation(SHA, 0, AnnotationKind.NOTE, anchor=(1, 1), text="cũ", modified=100.0)
    only_laptop = Annotation(SHA, 1, AnnotationKind.HIGHLIGHT, modified=100.0)
    only_tablet = Annotation(SHA, 2, AnnotationKind.INK, modified=100.0)
    gone = Annotation(SHA, 3, AnnotationKind.NOTE, anchor=(1, 1), text="x", modified=100.0)
    for a in (shared, only_laptop, gone):
        laptop.put(a)
    for a in (shared, only_tablet, gone):
        tablet.put(a)
    tablet.put(shared.edited(text="mới"))  # the tablet edits later
    laptop.put(gone.tombstone())  # the laptop deletes

    merged_on_laptop = laptop.merge(SHA, tablet.annotations(SHA, include_deleted=True))
    merged_on_tablet = tablet.merge(SHA, laptop.annotations(SHA, include_deleted=True))
    assert merged_on_laptop == merged_on_tablet
    live = {a.id: a for a in laptop.annotations(SHA)}
    assert set(live) == {shared.id, only_laptop.id, only_tablet.id}
    assert live[shared.id].text == "mới"
    assert laptop.annotations(SHA) == tablet.annotations(SHA)
    # Merging is order-independent, even on equal timestamps.
    twin = Annotation(SHA, 0, AnnotationKind.NOTE, anchor=(1, 1), text="khác",
                      id=shared.id, modified=shared.modified)
    assert merge_annotations([shared], [twin]) == merge_annotations([twin], [shared])


async def test_store_synchronises_through_the_chair_server(
        server: ChairServer, hall: Hall, database: Database, login: Login,
        tmp_path: Path) -> None:
    """Two laptops of one person, each with its own store, meet in the account on the
    real chair server: a mark made on either ends up on both."""
    data = make_pdf(2)
    sha = sha256_hex(data)
    add_document(database, hall, data, confidential=False)
    loop = asyncio.get_running_loop()
    accounts = [ChairAnnotationSync(await login("delegate1"), hall.meeting_id, loop)
                for _ in range(2)]
    first = AnnotationStore(tmp_path / "a", "delegate1")
    second = AnnotationStore(tmp_path / "b", "delegate1")
    await asyncio.to_thread(first.put, Annotation(sha, 0, AnnotationKind.HIGHLIGHT))
    await asyncio.to_thread(first.synchronise, accounts[0], sha)
    await asyncio.to_thread(second.put, Annotation(sha, 1, AnnotationKind.UNDERLINE))
    assert len(await asyncio.to_thread(second.synchronise, accounts[1], sha)) == 2
    assert len(await asyncio.to_thread(first.synchronise, accounts[0], sha)) == 2


def test_export_burns_in_annotations_and_watermark(tmp_path: Path) -> None:
    data = make_pdf(3, rotate_last=True)
    sha = sha256_hex(data)
    note = Annotation(sha, 0, AnnotationKind.NOTE, anchor=(60, 400), text="Ý kiến: đồng ý")
    mark = watermark_text("Trần Thị Bích Ngọc", datetime(2026, 12, 8, 9, 30))
    target = export_annotated_copy(
        data,
        [note, Annotation(sha, 0, AnnotationKind.HIGHLIGHT, rects=(PdfRect(70, 85, 300, 105),))],
        tmp_path / "ban-cua-toi.pdf",
        watermark=mark,
    )
    with pymupdf.open(target) as doc:
        assert doc.page_count == 3
        for page in doc:
            assert "Trần Thị Bích Ngọc · 08/12/2026 09:30" in page.get_text()
        assert "Ý kiến: đồng ý" in doc[0].get_text()
        assert doc[0].get_drawings()  # the highlight is page content now
        assert doc[2].rotation == 90


def test_reader_export_of_a_confidential_document(qtbot: QtBot, tmp_path: Path) -> None:
    data = make_pdf(2)
    reader = opened_reader(qtbot, data, confidential=True)
    assert "Nguyễn Văn An" in (reader.watermark() or "")
    assert not reader.copy_action.isEnabled()
    assert reader.copy_selection() is False
    assert "không được sao chép" in reader.message()
    reader.add_note(0, 80, 300, "Ghi chú riêng")
    target = tmp_path / "xuat.pdf"
    with qtbot.waitSignal(reader.export_finished, timeout=10_000):
        reader.export_annotated_copy(target)
    with pymupdf.open(target) as doc:
        text = doc[0].get_text()
        assert "Nguyễn Văn An" in text
        assert "Ghi chú riêng" in text
        assert "Nguyễn Văn An" in doc[1].get_text()


def test_copy_selected_text_of_an_open_document(qtbot: QtBot) -> None:
    reader = opened_reader(qtbot, make_pdf(2))
    qtbot.waitUntil(lambda: reader.canvas.words(0) is not None)
    assert reader.canvas.select_words(0, (75, 125), (400, 125)).startswith("Báo cáo")
    assert reader.copy_selection()
    from meetingroom.ui.qt import QGuiApplication

    assert QGuiApplication.clipboard().text().startswith("Báo cáo tình hình")


def test_encrypted_export_keeps_the_password(tmp_path: Path) -> None:
    data = make_pdf(1, password="mat-khau")
    document = PdfDocument.open(data, "mat-khau")
    target = export_annotated_copy(
        data, [], tmp_path / "copy.pdf", watermark="Lê Văn Bình", password=document.password
    )
    document.close()
    with pymupdf.open(target) as doc:
        assert doc.needs_pass
        assert doc.authenticate("mat-khau")
        assert "Lê Văn Bình" in doc[0].get_text()
