"""Elections (bầu cử): candidates, seats, and who is elected."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from meetingroom.core.rules.numbers import percent_value
from meetingroom.core.rules.question import rule_view
from meetingroom.core.vocabulary import Threshold


def candidate_key(name: str) -> str:
    """What makes two candidate names the same person on a ballot: the same letters after
    Unicode NFC, case folding and collapsing white space ("Lý  Văn Tâm", "lý văn tâm" and
    the decomposed spelling are one candidate, so nobody can split their own votes)."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def duplicate_candidates(names: Sequence[str]) -> tuple[int, int] | None:
    """The positions of the first name that repeats an earlier one, or None."""
    seen: dict[str, int] = {}
    for index, name in enumerate(names):
        key = candidate_key(name)
        if key in seen:
            return seen[key], index
        seen[key] = index
    return None


@dataclass(frozen=True)
class CandidateResult:
    index: int
    name: str
    votes: int
    rank: int  # 1 = most votes; equal votes share a rank
    reached_threshold: bool
    elected: bool
    #: Tied with others for the last seat: nobody in the tie is elected; a new round decides.
    tied_for_last_seat: bool


@dataclass(frozen=True)
class ElectionResult:
    candidates: tuple[CandidateResult, ...]
    seats: int
    ballots: int
    not_voted: int
    total_members: int

    @property
    def elected(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.candidates if c.elected)

    def view(self, threshold: Threshold) -> dict[str, Any]:
        return {
            "candidates": [
                {"index": c.index, "name": c.name, "votes": c.votes, "rank": c.rank,
                 "percent": percent_value(c.votes, self.total_members),
                 "reached_threshold": c.reached_threshold, "elected": c.elected,
                 "tied_for_last_seat": c.tied_for_last_seat}
                for c in self.candidates
            ],
            "seats": self.seats,
            "ballots": self.ballots,
            "not_voted": self.not_voted,
            "total_members": self.total_members,
            "elected": list(self.elected),
            "rule": rule_view(threshold),
        }


def validate_selection(selection: Sequence[int], candidates: int, seats: int) -> frozenset[int]:
    """A ballot names at most ``seats`` distinct candidates; anything else is refused at cast."""
    chosen = frozenset(selection)
    if len(chosen) != len(selection):
        raise ValueError("a candidate is named twice on one ballot")
    if len(chosen) > seats:
        raise ValueError(f"a ballot may name at most {seats} candidates")
    if any(not 0 <= c < candidates for c in chosen):
        raise ValueError("unknown candidate")
    return chosen


def tally_election(names: Sequence[str], seats: int, threshold: Threshold, total_members: int,
                   ballots: Sequence[frozenset[int]]) -> ElectionResult:
    """Each candidate needs the threshold of *total membership*; the seats go by rank.

    When more candidates reach the threshold than there are seats and the last
    seat is tied, none of the tied candidates is declared elected: the law asks
    for another round between them, and software must not pick one.
    """
    if seats < 1:
        raise ValueError("an election needs at least one seat")
    votes = [0] * len(names)
    for ballot in ballots:
        for index in validate_selection(sorted(ballot), len(names), seats):
            votes[index] += 1
    if len(ballots) > total_members:
        raise ValueError(f"{len(ballots)} ballots for {total_members} members")
    reached = [threshold.is_met(v, total_members) for v in votes]
    ranks = [1 + sum(1 for other in votes if other > v) for v in votes]
    qualified = sorted((i for i in range(len(names)) if reached[i]), key=lambda i: -votes[i])
    elected: set[int] = set()
    tied: set[int] = set()
    if len(qualified) <= seats:
        elected.update(qualified)
    else:
        cutoff = votes[qualified[seats - 1]]
        above = [i for i in qualified if votes[i] > cutoff]
        at_cutoff = [i for i in qualified if votes[i] == cutoff]
        elected.update(above)
        if len(above) + len(at_cutoff) <= seats:
            elected.update(at_cutoff)
        else:
            tied.update(at_cutoff)
    results = tuple(
        CandidateResult(i, names[i], votes[i], ranks[i], reached[i], i in elected, i in tied)
        for i in range(len(names)))
    return ElectionResult(results, seats, len(ballots), total_members - len(ballots),
                          total_members)

