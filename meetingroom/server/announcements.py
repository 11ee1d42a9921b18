"""A vote result worded in Vietnamese, as read out in the hall and printed in the minutes.

The wire carries results as numbers, flags and the body's own labels (see
``meetingroom.core.rules``); each client words them in its reader's language. The
server words them only for outputs that are not a screen: the minutes and other legal
documents, the reports and the integration API, which are Vietnamese by law. Every
sentence is made here from the stored result view, so a result stored before the
views lost their sentences reads exactly the same as a new one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from meetingroom.core.rules.numbers import percent_vi

#: Fields results stored by older versions still carry; they never go on the wire again.
LEGACY_SENTENCES = ("announcement", "percent_text", "not_voted_percent_text", "text")


def rule_words(rule: Mapping[str, Any]) -> str:
    """"quá nửa tổng số", "ít nhất 2/3 tổng số" from a threshold view."""
    fraction = (rule.get("numerator"), rule.get("denominator"))
    at_least = rule.get("comparison") == "at_least"
    if fraction == (1, 2):
        share = "một nửa" if at_least else "nửa"
    else:
        share = f"{fraction[0]}/{fraction[1]}"
    return f"{'ít nhất' if at_least else 'quá'} {share} tổng số"


def announce(result: Mapping[str, Any], noun: str = "đại biểu") -> str:
    """The whole announcement of a result view of any kind; "" for no result.

    ``noun`` is what the body calls its members ("thành viên" in a committee).
    """
    if not result:
        return ""
    kind = result.get("kind", "question")
    if kind == "election":
        return announce_election(result, noun)
    if kind == "confidence":
        return announce_confidence(result, noun)
    return announce_question(result, noun)


def announce_question(result: Mapping[str, Any], noun: str = "đại biểu") -> str:
    """"48/52 đại biểu tán thành, chiếm 92,31% tổng số đại biểu; ..." as read out in the hall."""
    total = int(result["total_members"])
    parts = []
    for index, option in enumerate(result["options"]):
        label, count = str(option["label"]).lower(), int(option["count"])
        if index == 0:
            parts.append(f"{count}/{total} {noun} {label}, chiếm "
                         f"{percent_vi(count, total)} tổng số {noun}")
        else:
            parts.append(f"{count} {noun} {label}, chiếm {percent_vi(count, total)}")
    not_voted = int(result["not_voted"])
    parts.append(f"{not_voted} {noun} không tham gia biểu quyết, chiếm "
                 f"{percent_vi(not_voted, total)}")
    verdict = ("Kết quả: được thông qua" if result.get("passed")
               else "Kết quả: không được thông qua")
    if result.get("decided_by_chair"):
        verdict += " (số phiếu ngang nhau, quyết định theo ý kiến của Chủ tọa)"
    return "; ".join(parts) + f". {verdict} ({rule_words(result['rule'])} {noun})."


def announce_election(result: Mapping[str, Any], noun: str = "đại biểu") -> str:
    """"Số phiếu phát ra 45/51 đại biểu; Đỗ Minh Khoa: 35/51 phiếu, ... (trúng cử); ..."."""
    total = int(result["total_members"])
    lines = [f"Số phiếu phát ra {result['ballots']}/{total} {noun}"]
    for c in sorted(result["candidates"], key=lambda c: (int(c["rank"]), int(c["index"]))):
        status = ("trúng cử" if c.get("elected") else
                  "số phiếu ngang nhau, phải bầu lại" if c.get("tied_for_last_seat") else
                  "không trúng cử")
        votes = int(c["votes"])
        lines.append(f"{c['name']}: {votes}/{total} phiếu, chiếm "
                     f"{percent_vi(votes, total)} tổng số {noun} ({status})")
    lines.append(f"Điều kiện trúng cử: {rule_words(result['rule'])} {noun}, "
                 f"tối đa {result['seats']} người")
    return "; ".join(lines) + "."


def announce_confidence(result: Mapping[str, Any], noun: str = "đại biểu") -> str:
    """"Số phiếu thu vào 45/51. Nguyễn Văn Bình: 35 phiếu tín nhiệm cao (68,63%), ..."."""
    total = int(result["total_members"])
    lines = []
    for o in result["officials"]:
        shares = ", ".join(f"{lv['count']} phiếu {str(lv['label']).lower()} "
                           f"({percent_vi(int(lv['count']), total)})" for lv in o["levels"])
        flag = (f" - có {rule_words(result['rule'])} {noun} đánh giá tín nhiệm thấp"
                if o.get("low_flag") else "")
        lines.append(f"{o['name']}: {shares}{flag}")
    return f"Số phiếu thu vào {result['ballots']}/{total}. " + "; ".join(lines) + "."


def without_sentences(result: dict[str, Any] | None) -> dict[str, Any] | None:
    """A stored result as the wire carries it: the sentences older versions stored dropped.

    Results closed before the change still hold ``announcement``, ``percent_text`` and a
    rule ``text`` in the database; the screens must word those in their own language too.
    """
    if result is None:
        return None
    stripped: dict[str, Any] = _strip(result)
    return stripped


def event_without_sentences(kind: str, payload: dict[str, Any]) -> dict[str, Any]:
    """A stored event's payload as the wire carries it: a vote event logged by an older
    server loses its rule ``text`` and its result's sentences when it is replayed."""
    vote = payload.get("vote")
    if not kind.startswith("vote.") or not isinstance(vote, dict):
        return payload
    rule, result = vote.get("rule"), vote.get("result")
    if not (isinstance(rule, dict) and "text" in rule) and not isinstance(result, dict):
        return payload
    cleaned = dict(vote)
    if isinstance(rule, dict):
        cleaned["rule"] = {k: v for k, v in rule.items() if k != "text"}
    if isinstance(result, dict):
        cleaned["result"] = without_sentences(result)
    return {**payload, "vote": cleaned}


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in LEGACY_SENTENCES}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def quorum_sentence(quorum: Mapping[str, Any], noun: str = "đại biểu") -> str:
    """"Có mặt 46/51 đại biểu, chiếm 90,20% (cần ít nhất 2/3 tổng số, tức 34). Đủ điều
    kiện tiến hành." from a quorum view, for the minutes."""
    rule = quorum.get("rule") or {}
    base = "quá" if rule.get("comparison") == "more_than" else "ít nhất"
    counted, total = int(quorum["counted"]), int(quorum["total_members"])
    verdict = "Đủ điều kiện tiến hành" if quorum.get("met") else "Chưa đủ điều kiện tiến hành"
    return (f"Có mặt {counted}/{total} {noun}, chiếm {percent_vi(counted, total)} (cần {base} "
            f"{rule.get('numerator')}/{rule.get('denominator')} tổng số, tức "
            f"{quorum['required']}). {verdict}.")
