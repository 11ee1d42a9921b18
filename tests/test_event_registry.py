"""One table of events (``core.events.EVENTS``): every event the server can emit has a
row naming its payload and the client's reducer (or why the client ignores it).

The server's code is read for its event constructors, so a new event without a row
fails here; the server refuses to append a payload that does not match its row; every
row's reducer exists on the laptop. ``opinion.reminded``, once dropped by the client
without a word, now reaches the delegate's window as a reminder bar.
"""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import ast
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from meetingroom.core.events import EVENTS, EventShapeError, Ignored, check_payload
from meetingroom.laptop.meeting_store import REDUCERS, MeetingState
from meetingroom.server.commands.registry import append_event
from meetingroom.server.storage.database import Database
from meetingroom.server.storage.models import Meeting
from tests.helpers.factories import Hall
from tests.helpers.processes import ServerProcess
from tests.test_ui_delegate import WAIT, click
from tests.test_ui_delegate import Hall as UiHall

SERVER = Path(__file__).resolve().parents[1] / "meetingroom" / "server"
#: The event constructors, and which positional argument is the event's type.
CONSTRUCTORS = {"emit": 0, "_emit": 1, "append_event": 2}


def _constructor_calls() -> Iterator[tuple[Path, ast.Call, ast.FunctionDef, ast.expr]]:
    for path in sorted(SERVER.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef):
                continue
            for node in ast.walk(function):
                if not isinstance(node, ast.Call):
                    continue
                name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
                position = CONSTRUCTORS.get(str(name))
                if position is not None and len(node.args) > position:
                    yield path, node, function, node.args[position]


def emitted_types() -> set[str]:
    """Every event type the server's code can append: the literal types given to its
    event constructors; a constructor handing on its own ``kind`` parameter is a wrapper
    whose callers give the literal (``ctx.emit``, ``speaking._emit``)."""
    found: set[str] = set()
    for path, _call, function, kind in _constructor_calls():
        if isinstance(kind, ast.Constant) and isinstance(kind.value, str):
            found.add(kind.value)
        else:
            where = f"{path.name}:{kind.lineno}"
            assert isinstance(kind, ast.Name), f"{where}: give the event type as a literal"
            assert kind.id in {a.arg for a in function.args.args}, \
                f"{where}: an event type that is neither a literal nor a wrapper's parameter"
    return found


def test_the_search_finds_the_server_s_events() -> None:
    """The reading of the code works: events from each kind of constructor are found."""
    found = emitted_types()
    assert {"opinion.reminded", "speech.ended", "opinion.closed", "vote.ballot_cast",
            "presenter.page_shared"} <= found
    assert len(found) >= 35


def test_every_event_the_server_emits_has_a_row_and_every_row_is_emitted() -> None:
    logged = {kind for kind, spec in EVENTS.items() if spec.logged}
    emitted = emitted_types()
    assert emitted - logged == set(), "events without a row in core/events.py EVENTS"
    assert logged - emitted == set(), "rows of EVENTS that no server code emits"


def test_every_row_names_a_reducer_that_exists_or_why_it_is_ignored() -> None:
    named = set()
    for kind, spec in EVENTS.items():
        assert spec.type == kind
        if isinstance(spec.reducer, Ignored):
            assert spec.reducer.reason.strip(), f"{kind}: ignored without a reason"
        else:
            assert spec.reducer in REDUCERS, f"{kind}: no reducer {spec.reducer!r}"
            named.add(spec.reducer)
        assert not spec.keys & spec.optional
    assert set(REDUCERS) == named, "reducers no event uses"


def test_payloads_are_checked_against_their_row() -> None:
    good = {"opinion_id": 1, "title": "t", "deadline": "2030-01-01T00:00:00Z",
            "not_answered": [3], "by": 2}
    assert check_payload("opinion.reminded", good).reducer == "opinion_reminded"
    for kind, payload in (("opinion.mystery", {}),
                          ("progress", {"from_seq": 1, "votes": []}),  # derived, never logged
                          ("opinion.reminded", {**good, "extra": 1}),
                          ("opinion.reminded", {k: v for k, v in good.items() if k != "by"}),
                          ("meeting.status_changed", {"status": "closed", "by": 1})):
        with pytest.raises(EventShapeError):
            check_payload(kind, payload)
    assert check_payload("meeting.updated", {"title": "Kỳ họp"}).type == "meeting.updated"


def test_the_server_appends_no_event_its_table_does_not_know(database: Database,
                                                            hall: Hall) -> None:
    with database.transaction() as session:
        meeting = session.get(Meeting, hall.meeting_id)
        assert meeting is not None
        before = meeting.last_seq
        with pytest.raises(EventShapeError):
            append_event(session, meeting, "opinion.forgotten", {"by": 1})
        assert meeting.last_seq == before
        appended = append_event(session, meeting, "agenda.current_changed",
                                {"item_id": None, "previous": None})
        assert appended.seq == before + 1


# --- opinion.reminded on the laptop -------------------------------------------------------


def _reminded(seq: int, not_answered: list[int], opinion_id: int = 7) -> dict[str, Any]:
    return {"type": "event", "meeting_id": 1, "seq": seq, "event": "opinion.reminded",
            "payload": {"opinion_id": opinion_id, "title": "Dự thảo quy chế",
                        "deadline": "2030-01-01T00:00:00+00:00",
                        "not_answered": not_answered, "by": 2}}


def test_a_reminder_is_kept_for_the_people_it_names_until_they_answer() -> None:
    state = MeetingState(1)
    state.apply_snapshot({"meeting": {"id": 1, "status": "published"}, "you": {"id": 5},
                          "opinions": []}, 0)
    assert state.apply(_reminded(1, [6, 8])) == set()
    assert state.reminders == {}
    assert state.apply(_reminded(2, [5, 6])) == {"reminders"}
    assert state.reminders[7]["times"] == 1
    state.apply(_reminded(3, [5]))
    assert state.reminders[7]["times"] == 2
    opinion = {"id": 7, "status": "open", "not_answered": [6], "title": "Dự thảo quy chế"}
    answered = {"type": "event", "meeting_id": 1, "seq": 4, "event": "opinion.answered",
                "payload": {"opinion": opinion, "user_id": 5, "changed": False}}
    assert state.apply(answered) == {"opinions", "reminders"}
    assert state.reminders == {}


@pytest.fixture
def ui_hall(qtbot: QtBot, tmp_path: Path) -> Iterator[UiHall]:
    server = ServerProcess(tmp_path / "server")
    server.start()
    with ExitStack() as stack:
        yield UiHall(qtbot, server, tmp_path / "profiles", stack)
    server.stop()


def test_the_delegate_sees_a_reminder_bar_and_dismisses_it(qtbot: QtBot,
                                                           ui_hall: UiHall) -> None:
    secretary = ui_hall.session("thuky")
    delegate = ui_hall.session("daibieu01")
    window = ui_hall.window(delegate, "daibieu01")
    bar = window.reminder_bar
    assert not bar.isVisible()
    title = "Lấy ý kiến về dự thảo Nghị quyết phí bến xe"
    deadline = (datetime.now(UTC) + timedelta(days=2)).replace(microsecond=0)
    secretary.submit("opinion.create", {"title": title, "deadline": deadline.isoformat()})
    qtbot.waitUntil(lambda: any(o["title"] == title
                                for o in secretary.state.opinions.values()), timeout=WAIT)
    opinion_id = next(int(o["id"]) for o in secretary.state.opinions.values()
                      if o["title"] == title)
    secretary.submit("opinion.remind", {"opinion_id": opinion_id})

    qtbot.waitUntil(bar.isVisible, timeout=WAIT)
    assert title in bar.label.text()
    assert "ý kiến bằng văn bản" in bar.label.text()
    assert bar.dismiss_button.text() == "Đã biết"
    click(qtbot, bar.dismiss_button)
    assert not bar.isVisible()
    # A second reminder of the same request is shown again.
    secretary.submit("opinion.remind", {"opinion_id": opinion_id})
    qtbot.waitUntil(bar.isVisible, timeout=WAIT)
    # Answering it takes the reminder away.
    delegate.submit("opinion.answer", {"opinion_id": opinion_id, "answer": "agree"})
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=WAIT)
