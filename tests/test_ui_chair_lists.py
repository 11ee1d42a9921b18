"""The chair's lists of people against a real server: Vietnamese order, several at once.

Seven delegates of the demo hall are renamed before the server starts so that
the three traps of a Vietnamese list are all there: the given name decides
("… An" before "… Ánh" before "… Bình"), letters sort by the alphabet and not
by code point ("Hồ" before "Huỳnh"), and "Đ" comes after "D".
"""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from meetingroom.laptop.profiles import profile_for
from meetingroom.server.storage.database import Database
from meetingroom.server.storage.models import User
from meetingroom.ui.chair import ChairConsole
from meetingroom.ui.models.list_models import ROW_ROLE
from meetingroom.ui.names import sort_people
from meetingroom.ui.qt import QListView, Qt
from meetingroom.ui.session import LiveMeeting
from tests.helpers.processes import ServerProcess
from tests.helpers.qt_sessions import WAIT, Bridges

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                                       "This plugin does not support raise")

RENAMED = {"daibieu01": "Nguyễn Văn An", "daibieu02": "Huỳnh Thị Bình",
           "daibieu03": "Hồ Văn An", "daibieu04": "Lê Thị Ánh", "daibieu05": "Đặng Văn Đức",
           "daibieu06": "Dương Văn Đức", "daibieu07": "Huỳnh Văn An"}
IN_ORDER = ["Hồ Văn An", "Huỳnh Văn An", "Nguyễn Văn An", "Lê Thị Ánh", "Huỳnh Thị Bình",
            "Dương Văn Đức", "Đặng Văn Đức"]


@pytest.fixture
def renamed_server(tmp_path: Path) -> Iterator[ServerProcess]:
    server = ServerProcess(tmp_path / "server")
    db = Database(server.db)
    with db.transaction() as session:
        for user in session.scalars(select(User).where(User.username.in_(RENAMED))):
            user.full_name = RENAMED[user.username]
    db.dispose()
    server.start()
    yield server
    server.stop()


def ours(names: list[str]) -> list[str]:
    """The renamed people among a list's lines, in the list's order."""
    found = []
    for line in names:
        found += [n for n in IN_ORDER if line.startswith(n + " (") or line.startswith(n + ":")
                  or line == n]
    return found


def list_lines(view: QListView) -> list[str]:
    model = view.model()
    assert model is not None
    return [str(model.index(n, 0).data()) for n in range(model.rowCount())]


def ctrl_click(qtbot: QtBot, view: QListView, name: str) -> None:
    model = view.model()
    assert model is not None
    index = next(model.index(n, 0) for n in range(model.rowCount())
                 if str(model.index(n, 0).data()).startswith(name + ":"))
    view.scrollTo(index)
    viewport = view.viewport()
    assert viewport is not None
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     view.visualRect(index).center())


def test_sort_people_reads_the_given_name_then_the_rest() -> None:
    assert sort_people(list(reversed(IN_ORDER))) == IN_ORDER
    assert sort_people(sorted(IN_ORDER)) == IN_ORDER


def test_the_chair_sees_people_in_vietnamese_order_and_checks_in_several_at_once(
        qtbot: QtBot, renamed_server: ServerProcess, tmp_path: Path) -> None:
    bridges = Bridges(qtbot, renamed_server, tmp_path / "profiles")
    try:
        chair = bridges.session("chutoa", renamed_server.meeting_id)
        console = ChairConsole(chair, profile_for(renamed_server.url, "chutoa",
                                                  root=tmp_path / "profiles"))
        qtbot.addWidget(console)
        console.show()
        board = console.attendance
        qtbot.waitUntil(lambda: len(ours(list_lines(board.list))) == len(IN_ORDER),
                        timeout=WAIT)
        assert ours(list_lines(board.list)) == IN_ORDER
        grant = console.speakers.grant_person
        assert ours([grant.itemText(n) for n in range(grant.count())]) == IN_ORDER

        # --- three proxies, chosen with Ctrl+click, checked in with one button ---------
        qtbot.waitUntil(board.check_in_button.isEnabled, timeout=WAIT)
        chosen = ["Lê Thị Ánh", "Hồ Văn An", "Đặng Văn Đức"]
        for name in chosen:
            ctrl_click(qtbot, board.list, name)
        assert sorted(board.selected_users()) == sorted(
            int(row["user_id"]) for row in chair.attendance_model.rows()
            if chair.state.name_of(row["user_id"]) in chosen)
        # Someone else checks in meanwhile: the list is rebuilt, the selection stays.
        other: LiveMeeting = bridges.session("daibieu10", renamed_server.meeting_id)
        other.check_in()
        qtbot.waitUntil(lambda: chair.state.attendance_summary.get("counts", {})
                        .get("present") == 1, timeout=WAIT)
        assert len(board.selected_users()) == 3
        qtbot.mouseClick(board.check_in_button, Qt.MouseButton.LeftButton)

        def present() -> set[str]:
            return {chair.state.name_of(r["user_id"]) for r in chair.attendance_model.rows()
                    if r["attendance"] == "present"}

        qtbot.waitUntil(lambda: set(chosen) <= present(), timeout=WAIT)
        assert chair.state.attendance_summary["counts"]["present"] == 4
        rows = [board.list.model().index(n, 0).data(ROW_ROLE)
                for n in range(board.list.model().rowCount())]
        assert [chair.state.name_of(r["user_id"]) for r in rows] == sort_people(
            [chair.state.name_of(r["user_id"]) for r in rows])
        console.close()
    finally:
        bridges.close()
