"""The side-panel models obey Qt's model contract and feed the views."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from meetingroom.core.pdf.document import SearchHit
from meetingroom.core.pdf.geometry import PdfRect
from meetingroom.core.pdf.outline import OutlineEntry
from meetingroom.ui.qt import QImage, Qt
from meetingroom.ui.reader.models import PAGE_ROLE, OutlineModel, SearchHitModel, ThumbnailModel
from tests.test_reader_support import opened_reader


def test_thumbnail_model_requests_lazily(qtmodeltester: ModelTester) -> None:
    asked: list[int] = []
    model = ThumbnailModel(asked.append)
    model.reset(5)
    qtmodeltester.check(model)
    assert model.rowCount() == 5
    assert model.index(2, 0).data(PAGE_ROLE) == 2
    for page in range(5):
        model.index(page, 0).data(Qt.ItemDataRole.DecorationRole)
        model.index(page, 0).data(Qt.ItemDataRole.DecorationRole)
    assert asked == [0, 1, 2, 3, 4]  # each page asked for once, when first shown
    image = QImage(10, 14, QImage.Format.Format_RGB888)
    model.set_thumbnail(2, image)
    assert model.index(2, 0).data(Qt.ItemDataRole.DecorationRole) is not None


def test_search_hit_model(qtmodeltester: ModelTester) -> None:
    model = SearchHitModel()
    model.append([SearchHit(0, PdfRect(0, 0, 1, 1), "ngân sách")])
    model.append([SearchHit(3, PdfRect(0, 0, 1, 1), "dự toán")])
    qtmodeltester.check(model)
    assert model.index(1, 0).data(PAGE_ROLE) == 3
    assert model.index(1, 0).data() == "Trang 4: dự toán"


def test_outline_model_builds_the_tree(qtmodeltester: ModelTester) -> None:
    model = OutlineModel()
    model.set_entries([
        OutlineEntry("Phần I", 0, 1),
        OutlineEntry("Mục 1", 1, 2),
        OutlineEntry("Mục 1.1", 2, 3),
        OutlineEntry("Phần II", 4, 1),
    ])
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    first = model.index(0, 0)
    assert model.index(0, 0, first).data() == "Mục 1"
    assert model.index(0, 0, model.index(0, 0, first)).data(PAGE_ROLE) == 2


def test_reader_panels_follow_the_document(qtbot: QtBot) -> None:
    reader = opened_reader(qtbot)
    assert reader.outline.rowCount() == 2
    assert reader.thumbnails.rowCount() == 6
    reader.sidebar.setCurrentWidget(reader.thumbnail_view)
    qtbot.waitUntil(
        lambda: reader.thumbnails.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is not None,
        timeout=10_000,
    )
    # Clicking an outline entry jumps to its page.
    section = reader.outline.index(1, 0)
    reader.outline_view.clicked.emit(section)
    assert reader.current_page() == 5
