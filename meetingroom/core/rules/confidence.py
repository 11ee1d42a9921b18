"""Confidence ratings (lấy phiếu tín nhiệm): three levels per official, not pass/fail."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from meetingroom.core.rules.numbers import percent_value
from meetingroom.core.rules.question import rule_view
from meetingroom.core.vocabulary import Threshold

#: Index of the "tín nhiệm thấp" level among the three options.
LOW = 2


@dataclass(frozen=True)
class OfficialRating:
    index: int
    name: str
    counts: tuple[int, ...]  # per level: cao, tín nhiệm, thấp
    not_rated: int  # ballots that left this official blank
    low_flag: bool


@dataclass(frozen=True)
class ConfidenceResult:
    officials: tuple[OfficialRating, ...]
    levels: tuple[str, ...]
    ballots: int
    total_members: int

    def view(self, threshold: Threshold) -> dict[str, Any]:
        return {
            "levels": list(self.levels),
            "officials": [
                {"index": o.index, "name": o.name, "not_rated": o.not_rated,
                 "low_flag": o.low_flag,
                 "levels": [{"label": label, "count": count,
                             "percent": percent_value(count, self.total_members)}
                            for label, count in zip(self.levels, o.counts, strict=True)]}
                for o in self.officials
            ],
            "ballots": self.ballots,
            "not_voted": self.total_members - self.ballots,
            "total_members": self.total_members,
            "rule": rule_view(threshold),
        }


def validate_ratings(ratings: Mapping[int, int], officials: int, levels: int) -> dict[int, int]:
    if any(not 0 <= o < officials for o in ratings):
        raise ValueError("unknown official")
    if any(not 0 <= level < levels for level in ratings.values()):
        raise ValueError("unknown confidence level")
    return dict(ratings)


def tally_confidence(names: Sequence[str], levels: Sequence[str], low_flag: Threshold,
                     total_members: int, ballots: Sequence[Mapping[int, int]]
                     ) -> ConfidenceResult:
    """Counts per official and level; flag when "thấp" meets ``low_flag`` of total membership."""
    if len(levels) != 3:
        raise ValueError("a confidence rating has exactly three levels")
    if len(ballots) > total_members:
        raise ValueError(f"{len(ballots)} ballots for {total_members} members")
    counts = [[0, 0, 0] for _ in names]
    for ballot in ballots:
        for official, level in validate_ratings(ballot, len(names), len(levels)).items():
            counts[official][level] += 1
    officials = tuple(
        OfficialRating(i, names[i], tuple(counts[i]), len(ballots) - sum(counts[i]),
                       low_flag.is_met(counts[i][LOW], total_members))
        for i in range(len(names)))
    return ConfidenceResult(officials, tuple(levels), len(ballots), total_members)

