"""Rule rows a new body starts with, so every way of creating a body gets the same law."""

from __future__ import annotations

from meetingroom.core.vocabulary import BodyKind, default_vote_rules
from meetingroom.server.storage.models import VoteRule


def default_rule_rows(kind: BodyKind) -> list[VoteRule]:
    return [
        VoteRule(matter=spec.matter.value, label=spec.label,
                 threshold_numerator=spec.threshold.numerator,
                 threshold_denominator=spec.threshold.denominator,
                 comparison=spec.threshold.comparison.value, ballot=spec.ballot.value,
                 options=list(spec.options), chair_breaks_tie=spec.chair_breaks_tie,
                 ballot_choosable=spec.ballot_choosable)
        for spec in default_vote_rules(kind)
    ]
