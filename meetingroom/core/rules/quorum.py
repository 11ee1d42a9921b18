"""Attendance counts and whether the session may proceed."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from meetingroom.core.vocabulary import Attendance, Comparison, Threshold


@dataclass(frozen=True)
class MemberPresence:
    """One seat-holder's roll-call state, as the quorum rule needs it."""

    attendance: Attendance
    excused: bool = False
    #: An authorised stand-in (ủy quyền) is in the hall for this absent member.
    represented: bool = False


@dataclass(frozen=True)
class AttendanceCounts:
    total_members: int
    present: int
    absent_excused: int
    absent_unexcused: int
    left: int
    not_arrived: int
    represented: int

    def view(self) -> dict[str, int]:
        return {
            "total_members": self.total_members,
            "present": self.present,
            "absent": self.total_members - self.present,
            "absent_excused": self.absent_excused,
            "absent_unexcused": self.absent_unexcused,
            "left": self.left,
            "not_arrived": self.not_arrived,
            "represented": self.represented,
        }


def count_attendance(total_members: int, members: Iterable[MemberPresence]) -> AttendanceCounts:
    present = excused = unexcused = left = represented = 0
    for member in members:
        if member.attendance is Attendance.PRESENT:
            present += 1
            continue
        if member.represented:
            represented += 1
        if member.attendance is Attendance.ABSENT:
            if member.excused:
                excused += 1
            else:
                unexcused += 1
        elif member.attendance is Attendance.LEFT:
            left += 1
    # Members of the body not invited to this meeting have not arrived either.
    not_arrived = total_members - present - excused - unexcused - left
    return AttendanceCounts(total_members, present, excused, unexcused, left,
                            max(not_arrived, 0), represented)


def required_count(threshold: Threshold, total_members: int) -> int:
    """The smallest head count that satisfies the threshold (exact, no rounding).

    Worked out rather than searched for: every check-in recounts the quorum, and a
    search from zero made a roll call of N members cost N² comparisons.
    """
    if total_members > 0:
        exact = Fraction(threshold.numerator * total_members, threshold.denominator)
        count = (math.floor(exact) + 1 if threshold.comparison is Comparison.MORE_THAN
                 else math.ceil(exact))
        if count <= total_members:
            return count
    return total_members + 1  # none: e.g. "more than all", or no members


@dataclass(frozen=True)
class QuorumState:
    met: bool
    counted: int
    required: int
    total_members: int
    threshold: Threshold
    stand_ins_counted: bool

    def view(self) -> dict[str, Any]:
        return {
            "met": self.met,
            "counted": self.counted,
            "required": self.required,
            "total_members": self.total_members,
            "rule": {"numerator": self.threshold.numerator,
                     "denominator": self.threshold.denominator,
                     "comparison": str(self.threshold.comparison)},
            "stand_ins_counted": self.stand_ins_counted,
        }


def quorum(counts: AttendanceCounts, threshold: Threshold, *,
           stand_ins_count: bool) -> QuorumState:
    """Members present (plus stand-ins when they may vote) against the body's quorum rule."""
    counted = counts.present + (counts.represented if stand_ins_count else 0)
    return QuorumState(threshold.is_met(counted, counts.total_members), counted,
                       required_count(threshold, counts.total_members), counts.total_members,
                       threshold, stand_ins_count)
