"""Words and numbers the chair console and the big screen both show.

Plain functions over the client's state, so the console and the hall display
say exactly the same thing, and a test can check them without a window.
Strings go through ``QCoreApplication.translate`` with the context "chair".
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from meetingroom.laptop.meeting_store import MeetingState
from meetingroom.ui import results
from meetingroom.ui.qt import QT_TRANSLATE_NOOP, QCoreApplication


def tr(text: object) -> str:
    """Words ``text`` in the "chair" context; a ``QT_TRANSLATE_NOOP`` mark is taken as is."""
    return QCoreApplication.translate("chair", str(text))


def clock_text(seconds: float) -> str:
    """A countdown as mm:ss ("07:00"); an overrun as "+00:12" (time past the limit)."""
    if seconds >= 0:
        whole = math.ceil(seconds - 1e-9)  # 6.2 s left shows 00:07, 0.0 shows 00:00
        sign = ""
    else:
        whole = math.floor(-seconds)
        sign = "+"
    minutes, secs = divmod(int(whole), 60)
    return f"{sign}{minutes:02d}:{secs:02d}"


def percent_text(count: int, total: int) -> str:
    """In the window's language: a decimal comma in Vietnamese ("56,86%"), a point in
    English; rounded half-up exactly, as the minutes round."""
    return results.share(count, total)


MEETING_STATUS = {
    "draft": QT_TRANSLATE_NOOP("chair", "Dự thảo"),
    "published": QT_TRANSLATE_NOOP("chair", "Chưa khai mạc"),
    "in_progress": QT_TRANSLATE_NOOP("chair", "Đang họp"),
    "closed": QT_TRANSLATE_NOOP("chair", "Đã bế mạc"),
}
VOTE_STATUS = {
    "draft": QT_TRANSLATE_NOOP("chair", "Chưa mở"),
    "open": QT_TRANSLATE_NOOP("chair", "Đang biểu quyết"),
    "stopped": QT_TRANSLATE_NOOP("chair", "Đã dừng nhận phiếu"),
    "closed": QT_TRANSLATE_NOOP("chair", "Đã công bố kết quả"),
    "annulled": QT_TRANSLATE_NOOP("chair", "Đã hủy"),
}
QUEUE_NAMES = {
    "speech": QT_TRANSLATE_NOOP("chair", "Phát biểu"),
    "question": QT_TRANSLATE_NOOP("chair", "Chất vấn"),
}
ROLE_NAMES = {
    "chair": QT_TRANSLATE_NOOP("chair", "Chủ tọa"),
    "secretary": QT_TRANSLATE_NOOP("chair", "Thư ký"),
    "delegate": QT_TRANSLATE_NOOP("chair", "Đại biểu"),
    "guest": QT_TRANSLATE_NOOP("chair", "Khách mời"),
    "admin": QT_TRANSLATE_NOOP("chair", "Quản trị"),
}
BALLOT_NAMES = {
    "open": QT_TRANSLATE_NOOP("chair", "công khai"),
    "secret": QT_TRANSLATE_NOOP("chair", "bỏ phiếu kín"),
}


def member_word(state: MeetingState) -> str:
    """"đại biểu" in a council, "thành viên" in a committee (as the server's texts say)."""
    return tr("thành viên") if state.body.get("kind") == "ubnd" else tr("đại biểu")


def meeting_status(state: MeetingState) -> str:
    status = str(state.meeting.get("status", ""))
    return tr(MEETING_STATUS.get(status, status))


def vote_status(vote: dict[str, Any]) -> str:
    status = str(vote.get("status", ""))
    return tr(VOTE_STATUS.get(status, status))


def rule_line(rule: dict[str, Any]) -> str:
    """One vote rule of the body as a template name: "Nghị quyết (quá nửa, công khai)"."""
    threshold = rule.get("threshold", {})
    share = f"{threshold.get('numerator')}/{threshold.get('denominator')}"
    if share == "1/2":
        share = tr("nửa")
    words = tr("quá") if threshold.get("comparison") == "more_than" else tr("ít nhất")
    ballot = tr(BALLOT_NAMES.get(str(rule.get("ballot")), str(rule.get("ballot"))))
    if rule.get("ballot_choosable"):
        ballot = tr("công khai hoặc kín")
    return f"{rule.get('label', rule.get('matter'))} ({words} {share}, {ballot})"


def item_title(state: MeetingState, item_id: int | None) -> str:
    """The item with its agenda number ("3.2. Thảo luận tại hội trường")."""
    if item_id is None or item_id not in state.agenda:
        return ""
    parts: list[str] = []
    node: int | None = item_id
    while node is not None and node in state.agenda:
        item = state.agenda[node]
        siblings = [int(i["id"]) for i in state.children(item["parent_id"])]
        parts.append(str(siblings.index(node) + 1) if node in siblings else "?")
        node = item["parent_id"]
    return ".".join(reversed(parts)) + ". " + str(state.agenda[item_id]["title"])


def agenda_order(state: MeetingState) -> list[int]:
    """Every item, depth first, as the agenda is read out: 1, 2, 3, 3.1, 3.2, 4 …"""
    order: list[int] = []

    def walk(parent: int | None) -> None:
        for child in state.children(parent):
            order.append(int(child["id"]))
            walk(int(child["id"]))

    walk(None)
    return order


def quorum_sentence(state: MeetingState) -> str:
    """The quorum as read out in the hall, worded here from the server's numbers."""
    quorum = state.attendance_summary.get("quorum") or {}
    rule = quorum.get("rule") or {}
    counted, total = int(quorum.get("counted", 0)), int(quorum.get("total_members", 0))
    verdict = (tr("Đủ điều kiện tiến hành") if quorum.get("met")
               else tr("Chưa đủ điều kiện tiến hành"))
    words = tr("quá") if rule.get("comparison") == "more_than" else tr("ít nhất")
    return tr("Có mặt {counted}/{total} {noun}, chiếm {percent} (cần {words} {n}/{d} tổng "
              "số, tức {required}). {verdict}.").format(
        counted=counted, total=total, noun=member_word(state),
        percent=percent_text(counted, total), words=words, n=rule.get("numerator", "?"),
        d=rule.get("denominator", "?"), required=quorum.get("required", 0), verdict=verdict)


def quorum_short(state: MeetingState) -> str:
    """"Có mặt 46/51 · Đủ điều kiện tiến hành" for a footer line."""
    quorum = state.attendance_summary.get("quorum") or {}
    if not quorum:
        return ""
    verdict = (tr("Đủ điều kiện tiến hành") if quorum.get("met")
               else tr("Chưa đủ điều kiện tiến hành"))
    return tr("Có mặt {counted}/{total} (cần {required})").format(
        counted=quorum.get("counted", 0), total=quorum.get("total_members", 0),
        required=quorum.get("required", 0)) + " · " + verdict


def next_in_queue(state: MeetingState) -> dict[str, Any] | None:
    """Who follows: a called person first, then the head of the speaking queue."""
    item = state.current_item_id
    if item is None:
        return None
    rows = state.queue(item, "speech") + state.queue(item, "question")
    called = [r for r in rows if r["status"] == "called"]
    first = called or rows
    return first[0] if first else None


def focus_vote(state: MeetingState) -> dict[str, Any] | None:
    """The vote the hall should look at: the open or stopped one, else none."""
    live = [v for v in state.votes.values() if v["status"] in ("open", "stopped")]
    return max(live, key=lambda v: int(v["id"])) if live else None


def latest_result(state: MeetingState) -> dict[str, Any] | None:
    """The most recently closed vote, whose result is announced."""
    closed = [v for v in state.votes.values() if v["status"] == "closed" and v.get("result")]
    return max(closed, key=lambda v: (str(v.get("closed_at") or ""), int(v["id"]))) \
        if closed else None


@dataclass(frozen=True)
class ResultRow:
    label: str
    count: str
    percent: str
    mark: str = ""  # "trúng cử", "tín nhiệm thấp" …


@dataclass(frozen=True)
class ResultView:
    """A vote result laid out for a table: rows, a verdict and the text read out (worded
    here in the window's language from the server's numbers)."""

    title: str
    rows: list[ResultRow]
    verdict: str
    passed: bool | None  # None: not pass/fail (a confidence rating)
    announcement: str
    turnout: str


def result_view(vote: dict[str, Any], body: dict[str, Any] | None = None) -> ResultView | None:
    """The result of ``vote`` for the console and the big screen; ``body`` (the state's)
    says what its members are called. Old sentence fields in a stored result are ignored."""
    result = vote.get("result")
    if not result:
        return None
    total = int(result.get("total_members", vote.get("total_members", 0)))
    kind = result.get("kind")
    rows: list[ResultRow] = []
    passed: bool | None
    if kind == "question":
        for option in result.get("options", []):
            rows.append(ResultRow(str(option["label"]), f"{option['count']}/{total}",
                                  percent_text(int(option["count"]), total)))
        rows.append(ResultRow(tr("Không tham gia biểu quyết"), f"{result['not_voted']}/{total}",
                              percent_text(int(result["not_voted"]), total)))
        passed = bool(result.get("passed"))
        verdict = tr("ĐƯỢC THÔNG QUA") if passed else tr("KHÔNG ĐƯỢC THÔNG QUA")
        turnout = tr("Đã biểu quyết {voted}/{total}").format(voted=result.get("voted", 0),
                                                             total=total)
    elif kind == "election":
        for cand in result.get("candidates", []):
            mark = tr("trúng cử") if cand.get("elected") else (
                tr("phải bầu lại") if cand.get("tied_for_last_seat") else tr("không trúng cử"))
            rows.append(ResultRow(str(cand["name"]), f"{cand['votes']}/{total}",
                                  percent_text(int(cand["votes"]), total), mark))
        elected = result.get("elected", [])
        passed = bool(elected)
        verdict = (tr("TRÚNG CỬ: {names}").format(names=", ".join(elected)) if elected
                   else tr("KHÔNG CÓ NGƯỜI TRÚNG CỬ"))
        turnout = tr("Số phiếu thu vào {ballots}/{total}").format(
            ballots=result.get("ballots", 0), total=total)
    else:
        for official in result.get("officials", []):
            levels = "; ".join(f"{lv['label']}: {lv['count']}" for lv in official["levels"])
            low = (percent_text(int(official["levels"][-1]["count"]), total)
                   if official["levels"] else "")
            rows.append(ResultRow(str(official["name"]), levels, low,
                                  tr("tín nhiệm thấp quá ngưỡng") if official.get("low_flag")
                                  else ""))
        passed = None
        verdict = tr("KẾT QUẢ LẤY PHIẾU TÍN NHIỆM")
        turnout = tr("Số phiếu thu vào {ballots}/{total}").format(
            ballots=result.get("ballots", 0), total=total)
    return ResultView(str(vote.get("title", "")), rows, verdict, passed,
                      results.announcement(result, body), turnout)


def tally_rows(vote: dict[str, Any], body: dict[str, Any]) -> list[tuple[str, int]]:
    """Running counts of an open ballot where the body shows them; else nothing."""
    tally = vote.get("tally")
    if vote.get("secret") or not body.get("show_open_tallies") or not tally:
        return []
    if "options" in tally:
        return list(zip(vote.get("options", []), tally["options"], strict=False))
    if "candidates" in tally:
        return list(zip(vote.get("candidates", []), tally["candidates"], strict=False))
    return []


# --- questions before the chair's irreversible steps ---------------------------------
# Each says what will happen with the real numbers; the console asks them through
# meetingroom.ui.confirm.confirm, where "Quay lại" is the default answer.

def close_vote_question(state: MeetingState, vote: dict[str, Any]) -> str:
    """"Mới 1/36 đại biểu có mặt đã biểu quyết. Kết thúc và công bố kết quả?" and why it
    matters: the result counts against all members and cannot be taken back."""
    voted = set(vote.get("voted", []))
    seats = len(voted | set(vote.get("eligible", [])))
    members = member_word(state)
    if not seats:
        first = tr("Chưa có {members} nào có mặt để biểu quyết.").format(members=members)
    elif len(voted) < seats:
        first = tr("Mới {voted}/{seats} {members} có mặt đã biểu quyết.").format(
            voted=len(voted), seats=seats, members=members)
    else:
        first = tr("Tất cả {voted}/{seats} {members} có mặt đã biểu quyết.").format(
            voted=len(voted), seats=seats, members=members)
    total = int(vote.get("total_members") or 0)
    return (first + " " + tr("Kết thúc và công bố kết quả?") + "\n\n"
            + tr("Kết quả được tính trên tổng số {total} {members}, hiện ngay trên mọi màn "
                 "hình và không mở lại được.").format(total=total, members=members))


def annul_question(vote: dict[str, Any], reason: str) -> str:
    """Annulling throws away the ballots (or the announced result) for good."""
    voted = len(vote.get("voted", []))
    total = int(vote.get("total_members") or 0)
    first = tr("Hủy biểu quyết “{title}” với lý do “{reason}”?").format(
        title=vote.get("title", ""), reason=reason)
    if vote.get("status") == "closed":
        then = tr("Kết quả đã công bố ({voted}/{total} phiếu) bị hủy trên mọi màn hình.").format(
            voted=voted, total=total)
    elif voted:
        then = tr("{voted} phiếu đã bỏ bị hủy.").format(voted=voted)
    else:
        then = tr("Chưa có phiếu nào.")
    return (first + "\n\n" + then + " "
            + tr("Việc hủy được ghi vào biên bản, không hoàn tác được; có thể tổ chức biểu "
                 "quyết lại."))


def start_question(state: MeetingState) -> str | None:
    """None when the quorum is present; else "Mới có 20/51 đại biểu có mặt, chưa đủ 2/3
    (34). Vẫn khai mạc?" (the session may still be opened: the chair decides)."""
    quorum = state.attendance_summary.get("quorum") or {}
    if quorum.get("met"):
        return None
    members = member_word(state)
    if not quorum:
        first = tr("Chưa có số liệu điểm danh.")
    else:
        rule = quorum.get("rule") or {}
        share = f"{rule.get('numerator', '?')}/{rule.get('denominator', '?')}"
        numbers = {"counted": quorum.get("counted", 0), "total": quorum.get("total_members", 0),
                   "members": members, "share": share, "required": quorum.get("required", 0)}
        if rule.get("comparison") == "more_than":
            first = tr("Mới có {counted}/{total} {members} có mặt, chưa quá {share} "
                       "(cần {required}).").format(**numbers)
        else:
            first = tr("Mới có {counted}/{total} {members} có mặt, chưa đủ {share} "
                       "({required}).").format(**numbers)
    return (first + " " + tr("Vẫn khai mạc?") + "\n\n"
            + tr("Mọi màn hình chuyển sang trạng thái đang họp; không quay lại được."))


def close_meeting_question(state: MeetingState) -> str:
    """Closing the session ends every change: say where the agenda and the votes stand."""
    order = agenda_order(state)
    current = state.current_item_id
    place = order.index(current) + 1 if current in order else 0
    announced = sum(1 for v in state.votes.values() if v.get("status") == "closed")
    return (tr("Bế mạc kỳ họp “{title}”?").format(title=state.meeting.get("title", ""))
            + "\n\n"
            + tr("Đang ở mục {place}/{items} của chương trình; {announced} biểu quyết đã công "
                 "bố.").format(place=place, items=len(order), announced=announced) + " "
            + tr("Sau khi bế mạc không ai điểm danh, biểu quyết hay thay đổi được gì nữa."))


def same_vote(state: MeetingState, title: str, item_id: int | None) -> dict[str, Any] | None:
    """An earlier vote with this title on the same item (or on the meeting), if any."""
    wanted = " ".join(title.split()).casefold()
    same = [v for v in state.votes.values()
            if v.get("item_id") == item_id
            and " ".join(str(v.get("title", "")).split()).casefold() == wanted]
    return max(same, key=lambda v: int(v["id"])) if same else None


def duplicate_vote_question(vote: dict[str, Any]) -> str:
    return (tr("Mục này đã có biểu quyết “{title}” ({status}).").format(
        title=vote.get("title", ""), status=vote_status(vote)) + " "
        + tr("Tạo thêm một biểu quyết cùng nội dung?"))
