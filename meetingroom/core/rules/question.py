"""Result of an ordinary vote: one option per ballot, counted against total membership."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from meetingroom.core.rules.numbers import percent_value, percent_vi
from meetingroom.core.vocabulary import Comparison, Threshold


@dataclass(frozen=True)
class QuestionRule:
    """The rule a vote was opened under, copied onto the vote so later edits cannot change it."""

    threshold: Threshold
    options: tuple[str, ...]
    chair_breaks_tie: bool = False
    noun: str = "đại biểu"  # "thành viên" for a committee

    def __post_init__(self) -> None:
        if len(self.options) < 2:
            raise ValueError("a vote needs at least two options")


@dataclass(frozen=True)
class QuestionResult:
    counts: tuple[int, ...]
    voted: int
    not_voted: int
    total_members: int
    passed: bool
    #: The for/against counts were equal and the chair's side decided (UBND rule).
    decided_by_chair: bool
    announcement: str

    def view(self, rule: QuestionRule) -> dict[str, Any]:
        return {
            "options": [
                {"label": label, "count": count,
                 "percent": percent_value(count, self.total_members),
                 "percent_text": percent_vi(count, self.total_members)}
                for label, count in zip(rule.options, self.counts, strict=True)
            ],
            "voted": self.voted,
            "not_voted": self.not_voted,
            "not_voted_percent_text": percent_vi(self.not_voted, self.total_members),
            "total_members": self.total_members,
            "passed": self.passed,
            "decided_by_chair": self.decided_by_chair,
            "rule": rule_view(rule.threshold),
            "announcement": self.announcement,
        }


def rule_view(threshold: Threshold) -> dict[str, Any]:
    return {"numerator": threshold.numerator, "denominator": threshold.denominator,
            "comparison": str(threshold.comparison), "base": "total_members",
            "text": rule_words(threshold)}


def rule_words(threshold: Threshold) -> str:
    if (threshold.numerator, threshold.denominator) == (1, 2):
        share = "một nửa" if threshold.comparison is Comparison.AT_LEAST else "nửa"
    else:
        share = f"{threshold.numerator}/{threshold.denominator}"
    base = "quá" if threshold.comparison is Comparison.MORE_THAN else "ít nhất"
    return f"{base} {share} tổng số"


def tally_question(rule: QuestionRule, total_members: int, ballots: Sequence[int],
                   chair_choice: int | None = None) -> QuestionResult:
    """Count ballots (option indexes); option 0 is "for", option 1 is "against".

    ``chair_choice`` is the chair's own ballot in an open vote; it only matters
    when the rule lets the chair's side break a tie between for and against.
    A tie here is the whole membership split exactly in half ("ngang nhau"):
    the casting side must never pass a decision fewer than half the members
    supported, so 4 for / 4 against of 10 is simply not passed.
    """
    counts = [0] * len(rule.options)
    for choice in ballots:
        if not 0 <= choice < len(counts):
            raise ValueError(f"ballot option {choice} out of range")
        counts[choice] += 1
    voted = len(ballots)
    if voted > total_members:
        raise ValueError(f"{voted} ballots for {total_members} members")
    passed = rule.threshold.is_met(counts[0], total_members)
    decided_by_chair = False
    if (rule.chair_breaks_tie and counts[0] == counts[1] and 2 * counts[0] == total_members
            and chair_choice in (0, 1)):
        decided_by_chair = True
        passed = chair_choice == 0
    result = QuestionResult(tuple(counts), voted, total_members - voted, total_members, passed,
                            decided_by_chair, "")
    return replace(result, announcement=announce_question(rule, result))


def announce_question(rule: QuestionRule, result: QuestionResult) -> str:
    """"48/52 đại biểu tán thành, chiếm 92,31% tổng số đại biểu; ..." as read out in the hall."""
    total = result.total_members
    noun = rule.noun
    parts = []
    for index, (label, count) in enumerate(zip(rule.options, result.counts, strict=True)):
        if index == 0:
            parts.append(f"{count}/{total} {noun} {label.lower()}, chiếm "
                         f"{percent_vi(count, total)} tổng số {noun}")
        else:
            parts.append(f"{count} {noun} {label.lower()}, chiếm {percent_vi(count, total)}")
    parts.append(f"{result.not_voted} {noun} không tham gia biểu quyết, chiếm "
                 f"{percent_vi(result.not_voted, total)}")
    verdict = "Kết quả: được thông qua" if result.passed else "Kết quả: không được thông qua"
    if result.decided_by_chair:
        verdict += " (số phiếu ngang nhau, quyết định theo ý kiến của Chủ tọa)"
    return "; ".join(parts) + f". {verdict} ({rule_words(rule.threshold)} {noun})."
