"""A vote result in the window's language: the server sends numbers, each window words them.

A real server counts a real vote; the delegate's ballot panel, the chair's result panel
and the big screen show it in English and in Vietnamese. The wire result carries no
sentence, the Vietnamese wording matches the minutes', and a result stored by an older
server (with its Vietnamese sentences still in the database) is worded the same way.
"""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from meetingroom.server.announcements import announce
from meetingroom.ui import i18n
from meetingroom.ui.chair.big_screen import BigScreen
from meetingroom.ui.chair.result_panel import ResultPanel
from meetingroom.ui.delegate.vote_panel import VotePanel
from meetingroom.ui.qt import QLabel, QWidget
from meetingroom.ui.session import LiveMeeting
from tests.helpers.processes import ServerProcess
from tests.helpers.qt_sessions import WAIT, Bridges, open_the_session, pass_a_vote

TITLE = "Thông qua chương trình kỳ họp"
#: Words only the Vietnamese result sentence has (the option labels are the body's data).
VIETNAMESE_SENTENCE = ("chiếm", "được thông qua", "tổng số", "đại biểu", "không tham gia")
#: Old results kept their sentences in the vote row; they must never reach a screen.
LEGACY = {"announcement": "CÂU CŨ chiếm 99,99% tổng số đại biểu. Kết quả: được thông qua.",
          "not_voted_percent_text": "CŨ 0,00%"}


@pytest.fixture
def translations(qapp: object) -> Iterator[i18n.Translations]:
    installed = i18n.Translations()
    try:
        yield installed
    finally:
        installed.install("vi")  # every later test expects Vietnamese


def _texts(widget: QWidget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def _without_labels(text: str, result: dict[str, Any]) -> str:
    """``text`` less the body's own option labels, which are data in any language."""
    for option in result["options"]:
        text = text.replace(option["label"], "").replace(option["label"].lower(), "")
    return text


def _assert_no_sentence_on_the_wire(result: dict[str, Any]) -> None:
    assert not {"announcement", "not_voted_percent_text"} & set(result), result
    assert "text" not in result["rule"]
    assert all("percent_text" not in option for option in result["options"])


class Screens:
    """The three places a result is shown, over the chair's and a delegate's sessions."""

    def __init__(self, qtbot: QtBot, chair: LiveMeeting, delegate: LiveMeeting) -> None:
        self.chair, self.delegate = chair, delegate
        self.ballot = VotePanel(delegate)
        self.panel = ResultPanel()
        self.big = BigScreen(chair)
        for widget in (self.ballot, self.panel, self.big):
            qtbot.addWidget(widget)
        self.big.resize(1280, 720)
        self.big.show()

    def redraw(self, vote_id: int) -> None:
        self.ballot.refresh()
        self.panel.show_vote(self.chair.state.votes[vote_id], self.chair.state.body)
        self.big.refresh(set())

    def sentences(self) -> list[str]:
        return [self.ballot.announcement(), self.panel.announcement_label.text(),
                self.big.announcement_label.text()]


def _check_english(screens: Screens, result: dict[str, Any]) -> None:
    for sentence in screens.sentences():
        assert sentence.startswith("Tán thành: 2/"), sentence
        assert "of all delegates" in sentence
        assert "Result: not passed (more than half of all delegates)." in sentence
        rest = _without_labels(sentence, result)
        assert not any(word in rest for word in VIETNAMESE_SENTENCE), sentence
        assert "CŨ" not in sentence
    shares = f"{2 / result['total_members'] * 100:.2f}%"  # a decimal point in English
    assert shares in screens.sentences()[0]
    for shown in (_texts(screens.ballot), _texts(screens.panel), _texts(screens.big)):
        assert shares in shown
        assert not any(word in _without_labels(shown, result)
                       for word in ("chiếm", "được thông qua", "CŨ")), shown


def _check_vietnamese(screens: Screens, result: dict[str, Any]) -> None:
    minutes = " ".join(announce(result).split())
    for sentence in screens.sentences():
        assert " ".join(sentence.split()) == minutes  # the minutes' words, letter for letter
        assert "đại biểu tán thành, chiếm" in sentence
        assert "Kết quả: không được thông qua (quá nửa tổng số đại biểu)." in sentence
    shares = f"{2 / result['total_members'] * 100:.2f}%".replace(".", ",")
    assert shares in _texts(screens.ballot)
    assert shares in _texts(screens.panel)


@pytest.mark.qt_log_ignore(r"This plugin does not support (raise\(\)|propagateSizeHints)")
def test_a_result_is_worded_in_the_language_of_each_window(
        qtbot: QtBot, tmp_path: Path, translations: i18n.Translations) -> None:
    server = ServerProcess(tmp_path / "server")
    server.start()
    bridges = Bridges(qtbot, server, tmp_path / "profiles")
    try:
        chair = bridges.session("chutoa", server.meeting_id)
        delegate = bridges.session("daibieu01", server.meeting_id)
        open_the_session(qtbot, chair, delegate, min(chair.state.agenda))
        assert translations.install("en")
        screens = Screens(qtbot, chair, delegate)
        pass_a_vote(qtbot, chair, delegate, min(chair.state.agenda), TITLE)
        vote_id = next(i for i, v in chair.state.votes.items() if v["title"] == TITLE)
        qtbot.waitUntil(lambda: delegate.state.votes[vote_id].get("result") is not None,
                        timeout=WAIT)
        qtbot.waitUntil(lambda: screens.big.mode() == "result", timeout=WAIT)
        result = chair.state.votes[vote_id]["result"]
        _assert_no_sentence_on_the_wire(result)
        _assert_no_sentence_on_the_wire(delegate.state.votes[vote_id]["result"])
        screens.redraw(vote_id)
        _check_english(screens, result)

        translations.install("vi")
        screens.redraw(vote_id)
        _check_vietnamese(screens, result)
    finally:
        bridges.close()
        server.stop()

    # A result stored by an older server still holds its sentences: the wire drops them
    # and the English window words the numbers.
    database = sqlite3.connect(server.db.removeprefix("sqlite:///"))
    with database:
        (stored,) = database.execute("SELECT result FROM votes WHERE id = ?",
                                     (vote_id,)).fetchone()
        old = {**json.loads(stored), **LEGACY}
        old["rule"] = {**old["rule"], "text": "quá nửa tổng số"}
        old["options"] = [{**o, "percent_text": "CŨ"} for o in old["options"]]
        database.execute("UPDATE votes SET result = ? WHERE id = ?",
                         (json.dumps(old, ensure_ascii=False), vote_id))
    database.close()
    server.start()
    bridges = Bridges(qtbot, server, tmp_path / "profiles-again")
    try:
        chair = bridges.session("chutoa", server.meeting_id)
        delegate = bridges.session("daibieu01", server.meeting_id)
        _assert_no_sentence_on_the_wire(chair.state.votes[vote_id]["result"])
        assert translations.install("en")
        screens = Screens(qtbot, chair, delegate)
        screens.big.pinned_result = vote_id  # as it was when the vote closed
        screens.redraw(vote_id)
        assert screens.big.mode() == "result"
        _check_english(screens, chair.state.votes[vote_id]["result"])
    finally:
        bridges.close()
        server.stop()


def test_an_old_stored_result_is_worded_here_not_read_out(
        translations: i18n.Translations) -> None:
    """Without a server: the chair's table ignores an old result's Vietnamese fields."""
    from meetingroom.ui.chair.texts import result_view
    from meetingroom.ui.results import announcement

    result = {"kind": "question", "total_members": 51, "voted": 45, "not_voted": 6,
              "passed": True, "decided_by_chair": False,
              "rule": {"numerator": 1, "denominator": 2, "comparison": "more_than",
                       "text": "quá nửa tổng số"},
              "options": [{"label": "Tán thành", "count": 29, "percent_text": "CŨ"},
                          {"label": "Không tán thành", "count": 10, "percent_text": "CŨ"},
                          {"label": "Không biểu quyết", "count": 6, "percent_text": "CŨ"}],
              **LEGACY}
    assert translations.install("en")
    view = result_view({"title": "Nghị quyết", "result": result}, {"kind": "hdnd"})
    assert view is not None
    assert view.announcement == (
        "Tán thành: 29/51 delegates, 56.86% of all delegates; Không tán thành: 10 delegates, "
        "19.61%; Không biểu quyết: 6 delegates, 11.76%; 6 delegates did not vote, 11.76%. "
        "Result: passed (more than half of all delegates).")
    assert [row.percent for row in view.rows] == ["56.86%", "19.61%", "11.76%", "11.76%"]
    assert "members" in announcement(result, {"kind": "ubnd"})  # a committee's members
    translations.install("vi")
    view = result_view({"title": "Nghị quyết", "result": result}, {"kind": "hdnd"})
    assert view is not None
    assert view.announcement == announce(result)
    assert view.announcement.startswith("29/51 đại biểu tán thành, chiếm 56,86% tổng số đại")
    assert announcement(result, {"kind": "ubnd"}) == announce(result, "thành viên")


def test_one_delegate_is_one_delegate_in_english(translations: i18n.Translations) -> None:
    """"1 delegates" read out on the big screen (found walking the app): a count of one
    takes the word for one, in a council and in a committee."""
    from meetingroom.ui.results import announcement

    result = {"kind": "question", "total_members": 51, "voted": 50, "not_voted": 1,
              "passed": True, "decided_by_chair": False,
              "rule": {"numerator": 1, "denominator": 2, "comparison": "more_than"},
              "options": [{"label": "Tán thành", "count": 49},
                          {"label": "Không tán thành", "count": 1},
                          {"label": "Không biểu quyết", "count": 0}]}
    assert translations.install("en")
    assert announcement(result, {"kind": "hdnd"}) == (
        "Tán thành: 49/51 delegates, 96.08% of all delegates; Không tán thành: 1 delegate, "
        "1.96%; Không biểu quyết: 0 delegates, 0.00%; 1 delegate did not vote, 1.96%. "
        "Result: passed (more than half of all delegates).")
    assert "Không tán thành: 1 member, 1.96%" in announcement(result, {"kind": "ubnd"})
    translations.install("vi")
    assert "1 đại biểu không tán thành" in announcement(result, {"kind": "hdnd"})
