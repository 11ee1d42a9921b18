"""Result of an ordinary vote: one option per ballot, counted against total membership.

Results are numbers, flags and the body's own labels, never sentences: each client
words them in its reader's language, and the server words them in Vietnamese only for
the legal documents (``meetingroom.server.announcements``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from meetingroom.core.rules.numbers import percent_value
from meetingroom.core.vocabulary import Threshold


@dataclass(frozen=True)
class QuestionRule:
    """The rule a vote was opened under, copied onto the vote so later edits cannot change it."""

    threshold: Threshold
    options: tuple[str, ...]
    chair_breaks_tie: bool = False

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

    def view(self, rule: QuestionRule) -> dict[str, Any]:
        return {
            "options": [
                {"label": label, "count": count,
                 "percent": percent_value(count, self.total_members)}
                for label, count in zip(rule.options, self.counts, strict=True)
            ],
            "voted": self.voted,
            "not_voted": self.not_voted,
            "not_voted_percent": percent_value(self.not_voted, self.total_members),
            "total_members": self.total_members,
            "passed": self.passed,
            "decided_by_chair": self.decided_by_chair,
            "rule": rule_view(rule.threshold),
        }


def rule_view(threshold: Threshold) -> dict[str, Any]:
    """The threshold as codes and numbers; each reader words it ("quá nửa", "more than half")."""
    return {"numerator": threshold.numerator, "denominator": threshold.denominator,
            "comparison": str(threshold.comparison), "base": "total_members"}


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
    return QuestionResult(tuple(counts), voted, total_members - voted, total_members, passed,
                          decided_by_chair)

