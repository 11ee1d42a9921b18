"""A vote result worded in the window's language, from the server's numbers.

The server sends a result as counts, flags, threshold numbers and the body's own
labels (option labels, candidate names: data, shown as they are), never as a
sentence; this module makes the sentence read out in the hall ("48/52 đại biểu tán
thành, chiếm 92,31% tổng số đại biểu; …") in Vietnamese or English, with the
language's own decimal mark. The chair console, the result panel, the big screen and
the delegate's ballot all word a result here, so they say the same thing.

Results stored by older servers also carry ``announcement``, ``percent_text`` and a
rule ``text`` in Vietnamese; nothing here reads them, so an English window never shows
them. Strings go through ``QCoreApplication.translate`` with the context "results".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from meetingroom.core.rules.numbers import percent
from meetingroom.ui.i18n import percent_text
from meetingroom.ui.qt import QCoreApplication


def tr(text: str, disambiguation: str | None = None) -> str:
    return QCoreApplication.translate("results", text, disambiguation)


def share(count: int, total: int) -> str:
    """``count`` of ``total`` as the window writes a percentage: "92,31%" or "92.31%".

    Counted from the integers exactly as the minutes count (half-up, two places), so
    the screen and the printed minutes never differ by a rounding.
    """
    return percent_text(float(percent(int(count), int(total))))


def member_word(body: Mapping[str, Any] | None, count: int | None = None) -> str:
    """What the body calls its members: "thành viên" in a People's Committee. With
    ``count`` 1 the word for one (Vietnamese has one word; English says "1 delegate")."""
    ubnd = (body or {}).get("kind") == "ubnd"
    if count == 1:
        return tr("thành viên", "one") if ubnd else tr("đại biểu", "one")
    return tr("thành viên") if ubnd else tr("đại biểu")


def rule_words(rule: Mapping[str, Any]) -> str:
    """A threshold view as words: "quá nửa tổng số", "ít nhất 2/3 tổng số"."""
    numerator, denominator = rule.get("numerator", "?"), rule.get("denominator", "?")
    at_least = rule.get("comparison") == "at_least"
    if (numerator, denominator) == (1, 2):
        return tr("ít nhất một nửa tổng số") if at_least else tr("quá nửa tổng số")
    words = tr("ít nhất {share} tổng số") if at_least else tr("quá {share} tổng số")
    return words.format(share=f"{numerator}/{denominator}")


def condition(rule: Mapping[str, Any], body: Mapping[str, Any] | None) -> str:
    """"quá nửa tổng số đại biểu": the share a vote needs, with the body's member word."""
    return tr("{rule} {members}").format(rule=rule_words(rule), members=member_word(body))


def announcement(result: Mapping[str, Any] | None, body: Mapping[str, Any] | None) -> str:
    """The whole result as read out in the hall, in the window's language; "" for none."""
    if not result:
        return ""
    kind = result.get("kind")
    try:
        if kind == "election":
            return _election(result, body)
        if kind == "confidence":
            return _confidence(result, body)
        return _question(result, body)
    except (KeyError, TypeError, ValueError):
        return ""  # a result shape this version does not know: the table still shows it


def _question(result: Mapping[str, Any], body: Mapping[str, Any] | None) -> str:
    total = int(result["total_members"])
    noun = member_word(body)
    parts = []
    for index, option in enumerate(result["options"]):
        label, count = str(option["label"]), int(option["count"])
        words = {"label": label, "label_lower": label.lower(), "count": count, "total": total,
                 "members": noun, "percent": share(count, total)}
        if index == 0:
            parts.append(tr("{count}/{total} {members} {label_lower}, chiếm {percent} tổng số "
                            "{members}").format(**words))
        else:
            parts.append(tr("{count} {members} {label_lower}, chiếm {percent}").format(
                **{**words, "members": member_word(body, count)}))
    not_voted = int(result["not_voted"])
    parts.append(tr("{count} {members} không tham gia biểu quyết, chiếm {percent}").format(
        count=not_voted, members=member_word(body, not_voted), percent=share(not_voted, total)))
    verdict = (tr("Kết quả: được thông qua") if result.get("passed")
               else tr("Kết quả: không được thông qua"))
    if result.get("decided_by_chair"):
        verdict += " " + tr("(số phiếu ngang nhau, quyết định theo ý kiến của Chủ tọa)")
    return tr("{parts}. {verdict} ({condition}).").format(
        parts="; ".join(parts), verdict=verdict,
        condition=condition(result.get("rule") or {}, body))


def _election(result: Mapping[str, Any], body: Mapping[str, Any] | None) -> str:
    total = int(result["total_members"])
    noun = member_word(body)
    lines = [tr("Số phiếu phát ra {ballots}/{total} {members}").format(
        ballots=result.get("ballots", 0), total=total, members=noun)]
    for c in sorted(result["candidates"], key=lambda c: (int(c["rank"]), int(c["index"]))):
        status = (tr("trúng cử") if c.get("elected") else
                  tr("số phiếu ngang nhau, phải bầu lại") if c.get("tied_for_last_seat") else
                  tr("không trúng cử"))
        votes = int(c["votes"])
        lines.append(tr("{name}: {votes}/{total} phiếu, chiếm {percent} tổng số {members} "
                        "({status})").format(name=c["name"], votes=votes, total=total,
                                             percent=share(votes, total), members=noun,
                                             status=status))
    lines.append(tr("Điều kiện trúng cử: {condition}, tối đa {seats} người").format(
        condition=condition(result.get("rule") or {}, body), seats=result.get("seats", 1)))
    return "; ".join(lines) + "."


def _confidence(result: Mapping[str, Any], body: Mapping[str, Any] | None) -> str:
    total = int(result["total_members"])
    lines = []
    for o in result["officials"]:
        shares = ", ".join(
            tr("{count} phiếu {label_lower} ({percent})").format(
                count=lv["count"], label=lv["label"], label_lower=str(lv["label"]).lower(),
                percent=share(int(lv["count"]), total))
            for lv in o["levels"])
        flag = (" - " + tr("có {condition} đánh giá tín nhiệm thấp").format(
            condition=condition(result.get("rule") or {}, body)) if o.get("low_flag") else "")
        lines.append(f"{o['name']}: {shares}{flag}")
    return (tr("Số phiếu thu vào {ballots}/{total}.").format(
        ballots=result.get("ballots", 0), total=total) + " " + "; ".join(lines) + ".")
