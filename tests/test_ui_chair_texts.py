"""What the console and the big screen say, checked without a server."""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from meetingroom.laptop.meeting_store import MeetingState
from meetingroom.ui import i18n
from meetingroom.ui.chair.attendance_board import counts_line
from meetingroom.ui.chair.shortcuts import SHORTCUTS, with_key
from meetingroom.ui.chair.texts import (
    agenda_order,
    annul_question,
    clock_text,
    close_meeting_question,
    close_vote_question,
    duplicate_vote_question,
    item_title,
    next_in_queue,
    percent_text,
    result_view,
    rule_line,
    same_vote,
    start_question,
    tally_rows,
)
from tests.helpers.processes import ServerProcess
from tests.helpers.qt_sessions import WAIT, Bridges


def test_the_countdown_reads_mm_ss_and_shows_the_overrun() -> None:
    assert clock_text(420) == "07:00"
    assert clock_text(6.2) == "00:07"
    assert clock_text(0) == "00:00"
    assert clock_text(-0.4) == "+00:00"
    assert clock_text(-12.7) == "+00:12"
    assert clock_text(-75) == "+01:15"
    assert clock_text(3600) == "60:00"


def test_percentages_use_a_decimal_comma_and_round_half_up(qapp: object) -> None:
    translations = i18n.Translations()
    assert translations.install("en")
    assert percent_text(29, 51) == "56.86%"  # English windows: a decimal point
    translations.install("vi")
    assert percent_text(29, 51) == "56,86%"
    assert percent_text(2, 51) == "3,92%"
    assert percent_text(1, 8) == "12,50%"
    assert percent_text(1, 0) == "0,00%"


def test_tooltips_name_the_key() -> None:
    assert with_key("Mời người phát biểu tiếp theo", "call_next_speech") == \
        "Mời người phát biểu tiếp theo (F5)"
    assert with_key("x", "no such action") == "x"
    keys = [k for s in SHORTCUTS.values() for k in s.keys]
    assert len(keys) == len(set(keys)), "one action per key"


def _state() -> MeetingState:
    state = MeetingState(1)
    state.meeting = {"title": "Kỳ họp", "status": "in_progress"}
    state.body = {"kind": "hdnd", "show_open_tallies": True}
    for item_id, parent, position, title in ((1, None, 0, "Khai mạc"), (2, None, 1, "Tờ trình"),
                                             (3, 2, 0, "Thẩm tra"), (4, 2, 1, "Thảo luận"),
                                             (5, None, 2, "Bế mạc")):
        state.agenda[item_id] = {"id": item_id, "parent_id": parent, "position": position,
                                 "title": title}
    return state


def test_the_agenda_is_walked_in_reading_order() -> None:
    state = _state()
    assert agenda_order(state) == [1, 2, 3, 4, 5]
    assert item_title(state, 4) == "2.2. Thảo luận"
    assert item_title(state, None) == ""


def test_next_in_queue_prefers_the_called_person() -> None:
    state = _state()
    state.current_item_id = 2
    base = {"item_id": 2, "queue": "speech", "topic": ""}
    state.speeches = {
        1: {**base, "id": 1, "position": 0, "status": "waiting", "full_name": "A"},
        2: {**base, "id": 2, "position": 1, "status": "called", "full_name": "B"},
    }
    following = next_in_queue(state)
    assert following is not None
    assert following["full_name"] == "B"
    state.speeches[2]["status"] = "done"
    following = next_in_queue(state)
    assert following is not None
    assert following["full_name"] == "A"


def test_templates_name_the_rule() -> None:
    removal = {"matter": "removal", "label": "Bãi nhiệm đại biểu", "ballot": "secret",
               "ballot_choosable": True,
               "threshold": {"numerator": 2, "denominator": 3, "comparison": "at_least"}}
    assert rule_line(removal) == "Bãi nhiệm đại biểu (ít nhất 2/3, công khai hoặc kín)"
    resolution = {"matter": "resolution", "label": "Nghị quyết", "ballot": "open",
                  "threshold": {"numerator": 1, "denominator": 2, "comparison": "more_than"}}
    assert rule_line(resolution) == "Nghị quyết (quá nửa, công khai)"


def test_running_tallies_only_for_open_ballots_where_the_body_shows_them() -> None:
    vote: dict[str, Any] = {"secret": False, "options": ["Tán thành", "Không tán thành"],
                            "tally": {"options": [3, 1]}}
    assert tally_rows(vote, {"show_open_tallies": True}) == [("Tán thành", 3),
                                                             ("Không tán thành", 1)]
    assert tally_rows(vote, {"show_open_tallies": False}) == []
    assert tally_rows({**vote, "secret": True}, {"show_open_tallies": True}) == []


def test_results_of_every_kind() -> None:
    question = {"title": "Nghị quyết", "total_members": 51, "result": {
        "kind": "question", "total_members": 51, "voted": 45, "not_voted": 6,
        "not_voted_percent": 11.76, "passed": True, "decided_by_chair": False,
        "rule": {"numerator": 1, "denominator": 2, "comparison": "more_than"},
        "options": [{"label": "Tán thành", "count": 29, "percent": 56.86},
                    {"label": "Không tán thành", "count": 10, "percent": 19.61}]}}
    view = result_view(question)
    assert view is not None
    assert view.passed is True
    assert [row.percent for row in view.rows] == ["56,86%", "19,61%", "11,76%"]
    assert view.announcement == (  # worded here from the numbers
        "29/51 đại biểu tán thành, chiếm 56,86% tổng số đại biểu; 10 đại biểu không tán "
        "thành, chiếm 19,61%; 6 đại biểu không tham gia biểu quyết, chiếm 11,76%. "
        "Kết quả: được thông qua (quá nửa tổng số đại biểu).")
    assert view.verdict == "ĐƯỢC THÔNG QUA"
    assert view.rows[0].count == "29/51"
    assert view.rows[-1].label == "Không tham gia biểu quyết"
    election = {"title": "Bầu", "result": {
        "kind": "election", "total_members": 51, "ballots": 45, "not_voted": 6,
        "elected": ["Đỗ Minh Khoa"], "seats": 1,
        "rule": {"numerator": 1, "denominator": 2, "comparison": "more_than"},
        "candidates": [{"index": 0, "rank": 1, "name": "Đỗ Minh Khoa", "votes": 35,
                        "percent": 68.63, "elected": True, "tied_for_last_seat": False},
                       {"index": 1, "rank": 2, "name": "Lý Văn Tâm", "votes": 11,
                        "percent": 21.57, "elected": False, "tied_for_last_seat": False}]}}
    view = result_view(election, {"kind": "hdnd"})
    assert view is not None
    assert view.announcement == (
        "Số phiếu phát ra 45/51 đại biểu; Đỗ Minh Khoa: 35/51 phiếu, chiếm 68,63% tổng số "
        "đại biểu (trúng cử); Lý Văn Tâm: 11/51 phiếu, chiếm 21,57% tổng số đại biểu "
        "(không trúng cử); Điều kiện trúng cử: quá nửa tổng số đại biểu, tối đa 1 người.")
    assert view.verdict == "TRÚNG CỬ: Đỗ Minh Khoa"
    assert [r.mark for r in view.rows] == ["trúng cử", "không trúng cử"]
    confidence = {"title": "Tín nhiệm", "result": {
        "kind": "confidence", "total_members": 51, "ballots": 45, "not_voted": 6,
        "rule": {"numerator": 2, "denominator": 3, "comparison": "more_than"},
        "officials": [{"name": "Trần Thị Lan", "low_flag": True, "levels": [
            {"label": "Tín nhiệm cao", "count": 0, "percent": 0.0},
            {"label": "Tín nhiệm thấp", "count": 39, "percent": 76.47}]}]}}
    view = result_view(confidence, {"kind": "ubnd"})
    assert view is not None
    assert view.passed is None
    assert view.rows[0].percent == "76,47%"
    assert view.announcement == (
        "Số phiếu thu vào 45/51. Trần Thị Lan: 0 phiếu tín nhiệm cao (0,00%), 39 phiếu tín "
        "nhiệm thấp (76,47%) - có quá 2/3 tổng số thành viên đánh giá tín nhiệm thấp.")
    assert view.rows[0].mark == "tín nhiệm thấp quá ngưỡng"
    assert result_view({"title": "x", "result": None}) is None


def test_the_questions_before_irreversible_steps_give_the_numbers() -> None:
    state = _state()
    vote = {"id": 9, "item_id": 2, "title": "Nghị quyết A", "status": "open",
            "voted": [11], "eligible": [11, 12, 13], "total_members": 36}
    assert close_vote_question(state, vote).startswith(
        "Mới 1/3 đại biểu có mặt đã biểu quyết. Kết thúc và công bố kết quả?")
    assert "tổng số 36 đại biểu" in close_vote_question(state, vote)
    everyone = {**vote, "voted": [11, 12, 13]}
    assert close_vote_question(state, everyone).startswith("Tất cả 3/3 đại biểu có mặt")
    state.body["kind"] = "ubnd"
    assert "thành viên có mặt" in close_vote_question(state, vote)
    state.body["kind"] = "hdnd"

    assert annul_question({**vote, "voted": []}, "Sai danh sách").endswith(
        "Chưa có phiếu nào. Việc hủy được ghi vào biên bản, không hoàn tác được; có thể tổ "
        "chức biểu quyết lại.")
    closed = {**vote, "status": "closed"}
    assert "Kết quả đã công bố (1/36 phiếu)" in annul_question(closed, "Sai danh sách")

    rule = {"numerator": 2, "denominator": 3, "comparison": "at_least"}
    state.attendance_summary = {"quorum": {"met": False, "counted": 20, "total_members": 51,
                                           "required": 34, "rule": rule}}
    assert (start_question(state) or "").startswith(
        "Mới có 20/51 đại biểu có mặt, chưa đủ 2/3 (34). Vẫn khai mạc?")
    state.attendance_summary["quorum"]["rule"] = {**rule, "numerator": 1, "denominator": 2,
                                                  "comparison": "more_than"}
    assert "chưa quá 1/2 (cần 34)" in (start_question(state) or "")
    state.attendance_summary["quorum"]["met"] = True
    assert start_question(state) is None
    state.attendance_summary = {}
    assert (start_question(state) or "").startswith("Chưa có số liệu điểm danh. Vẫn khai mạc?")

    state.current_item_id = 3
    state.votes = {9: closed}
    assert "Đang ở mục 3/5 của chương trình; 1 biểu quyết đã công bố." in \
        close_meeting_question(state)

    state.votes = {9: vote}
    assert same_vote(state, "  nghị quyết   a ", 2) == vote
    assert same_vote(state, "Nghị quyết A", 3) is None
    assert same_vote(state, "Nghị quyết B", 2) is None
    assert duplicate_vote_question(vote).startswith(
        "Mục này đã có biểu quyết “Nghị quyết A” (Đang biểu quyết).")


def test_not_arrived_is_absent_only_once_the_session_is_open() -> None:
    counts = {"present": 3, "absent": 48, "absent_excused": 1, "absent_unexcused": 0,
              "not_arrived": 47, "left": 0, "represented": 0}
    assert counts_line(counts, "published") == (
        "Có mặt 3 · Chưa điểm danh 47 · Vắng 1 (có lý do 1) · Đã rời 0 · Ủy quyền 0")
    assert counts_line(counts, "in_progress") == (
        "Có mặt 3 · Vắng 48 (có lý do 1, chưa điểm danh 47) · Đã rời 0 · Ủy quyền 0")
    assert counts_line({}, "published") == ""


def test_the_big_screen_shows_an_overrun_in_red(qtbot: QtBot, tmp_path: Path) -> None:
    """The real big screen over the chair's real session: a question given ten seconds
    runs past them; the countdown passes zero and turns red."""
    from meetingroom.ui.chair.big_screen import BAD, BigScreen

    server = ServerProcess(tmp_path / "server")
    server.start()
    bridges = Bridges(qtbot, server, tmp_path / "profiles")
    try:
        chair = bridges.session("chutoa", server.meeting_id)
        item = min(chair.state.agenda)
        chair.submit("meeting.start")
        chair.submit("agenda.set_current", {"item_id": item})
        qtbot.waitUntil(lambda: chair.state.current_item_id == item, timeout=WAIT)
        asker = next(p["user_id"] for p in chair.state.participants.values()
                     if p.get("role") == "delegate")
        chair.submit("speech.grant", {"user_id": asker, "queue": "question", "limit_s": 10})
        qtbot.waitUntil(lambda: any(s.get("status") == "called"
                                    for s in chair.state.speeches.values()), timeout=WAIT)
        speech = next(i for i, s in chair.state.speeches.items() if s["status"] == "called")
        big = BigScreen(chair)
        qtbot.addWidget(big)
        big.resize(1280, 720)
        big.show()
        chair.submit("speech.start", {"speech_id": speech})
        qtbot.waitUntil(lambda: big.mode() == "speaker", timeout=WAIT)
        assert big.queue_label.text() == "CHẤT VẤN"
        # A whole second over on this clock, so the server's clock (which the paused
        # countdown then shows) is over too, whatever the two clocks' small difference.
        qtbot.waitUntil(lambda: big.countdown_text().startswith("+")
                        and big.countdown_text() != "+00:00", timeout=WAIT)
        chair.submit("speech.pause", {"speech_id": speech})  # the clock stands still
        qtbot.waitUntil(lambda: not chair.state.speeches[speech]["running"], timeout=WAIT)
        over = big.countdown_text()
        assert over.startswith("+00:")
        assert BAD in big.countdown.styleSheet()
        assert big.clock_note.text() == f"QUÁ GIỜ {over.removeprefix('+')}"
        # type scales with the window: smaller window, smaller countdown
        large = big.countdown.font().pixelSize()
        big.resize(640, 360)
        assert big.countdown.font().pixelSize() < large
    finally:
        bridges.close()
        server.stop()
