"""The vocabulary of councils and their meetings, shared by storage, protocol and UI.

Values are short ASCII codes so they survive every database and wire format;
the Vietnamese wording shown to people lives with the labels below and in the
UI translations, not in stored data.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction


class BodyKind(StrEnum):
    HDND = "hdnd"  # Hội đồng nhân dân: elected council
    UBND = "ubnd"  # Ủy ban nhân dân: executive committee


class Level(StrEnum):
    PROVINCE = "tinh"
    DISTRICT = "huyen"  # abolished 1 July 2025; kept so archived sessions stay readable
    COMMUNE = "xa"


#: Levels a new body may be created at; districts only exist in archives.
LIVE_LEVELS = frozenset({Level.PROVINCE, Level.COMMUNE})


class MeetingStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    IN_PROGRESS = "in_progress"
    CLOSED = "closed"


#: The only moves a meeting's status may make; anything else is refused.
MEETING_TRANSITIONS: dict[MeetingStatus, frozenset[MeetingStatus]] = {
    MeetingStatus.DRAFT: frozenset({MeetingStatus.PUBLISHED}),
    MeetingStatus.PUBLISHED: frozenset({MeetingStatus.DRAFT, MeetingStatus.IN_PROGRESS}),
    MeetingStatus.IN_PROGRESS: frozenset({MeetingStatus.CLOSED}),
    MeetingStatus.CLOSED: frozenset(),
}


class Role(StrEnum):
    """A person's role *in one meeting* — a user may chair one and attend another."""

    CHAIR = "chair"
    SECRETARY = "secretary"
    DELEGATE = "delegate"
    GUEST = "guest"


class Comparison(StrEnum):
    MORE_THAN = "more_than"  # "quá nửa": strictly greater
    AT_LEAST = "at_least"  # "ít nhất hai phần ba": greater or equal


class Ballot(StrEnum):
    OPEN = "open"  # công khai
    SECRET = "secret"  # bỏ phiếu kín


class Matter(StrEnum):
    """Kinds of matter a vote decides; each body maps them to a rule row."""

    RESOLUTION = "resolution"
    REMOVAL = "removal"
    ELECTION = "election"
    DISMISSAL = "dismissal"
    CONFIDENCE = "confidence"
    COMMITTEE_DECISION = "committee_decision"


DEFAULT_OPTIONS = ("Tán thành", "Không tán thành", "Không biểu quyết")
CONFIDENCE_OPTIONS = ("Tín nhiệm cao", "Tín nhiệm", "Tín nhiệm thấp")


@dataclass(frozen=True)
class Threshold:
    """A share of the *total membership* that must be reached — the law's reference base."""

    numerator: int
    denominator: int
    comparison: Comparison

    def __post_init__(self) -> None:
        if self.denominator <= 0 or not 0 <= self.numerator <= self.denominator:
            raise ValueError(f"invalid threshold {self.numerator}/{self.denominator}")

    @property
    def fraction(self) -> Fraction:
        return Fraction(self.numerator, self.denominator)

    def is_met(self, count: int, total_membership: int) -> bool:
        """Exact rational comparison, so 2/3 of 51 is never rounded the wrong way."""
        if total_membership <= 0:
            return False
        share = Fraction(count, total_membership)
        if self.comparison is Comparison.MORE_THAN:
            return share > self.fraction
        return share >= self.fraction


@dataclass(frozen=True)
class VoteRuleSpec:
    """Defaults a new body starts from; stored per body so a province can change them."""

    matter: Matter
    label: str
    threshold: Threshold
    ballot: Ballot
    options: tuple[str, ...]
    chair_breaks_tie: bool = False
    #: The council decides per vote whether the ballot is open or secret (bãi nhiệm).
    ballot_choosable: bool = False


HALF = Threshold(1, 2, Comparison.MORE_THAN)
TWO_THIRDS = Threshold(2, 3, Comparison.AT_LEAST)
QUORUM_DEFAULT = Threshold(2, 3, Comparison.AT_LEAST)
LOW_CONFIDENCE_FLAG = Threshold(2, 3, Comparison.MORE_THAN)


class VoteKind(StrEnum):
    """The shape of a ballot: one option, a set of candidates, or a level per official."""

    QUESTION = "question"
    ELECTION = "election"
    CONFIDENCE = "confidence"


KIND_OF_MATTER: dict[Matter, VoteKind] = {
    Matter.RESOLUTION: VoteKind.QUESTION,
    Matter.REMOVAL: VoteKind.QUESTION,
    Matter.DISMISSAL: VoteKind.QUESTION,
    Matter.COMMITTEE_DECISION: VoteKind.QUESTION,
    Matter.ELECTION: VoteKind.ELECTION,
    Matter.CONFIDENCE: VoteKind.CONFIDENCE,
}


class VoteStatus(StrEnum):
    DRAFT = "draft"  # created, not yet open
    OPEN = "open"
    STOPPED = "stopped"  # no more ballots; may be reopened before it is closed
    CLOSED = "closed"  # result announced; final
    ANNULLED = "annulled"  # void, with a reason; held again as a new vote


VOTE_TRANSITIONS: dict[VoteStatus, frozenset[VoteStatus]] = {
    VoteStatus.DRAFT: frozenset({VoteStatus.OPEN, VoteStatus.ANNULLED}),
    VoteStatus.OPEN: frozenset({VoteStatus.STOPPED, VoteStatus.ANNULLED}),
    VoteStatus.STOPPED: frozenset({VoteStatus.OPEN, VoteStatus.CLOSED, VoteStatus.ANNULLED}),
    VoteStatus.CLOSED: frozenset({VoteStatus.ANNULLED}),
    VoteStatus.ANNULLED: frozenset(),
}


class Attendance(StrEnum):
    """Where a participant stands for today's roll call (điểm danh)."""

    NOT_ARRIVED = "not_arrived"
    PRESENT = "present"
    LEFT = "left"  # checked in, then out
    ABSENT = "absent"  # reported absent, with a reason


class QueueKind(StrEnum):
    SPEECH = "speech"  # phát biểu
    QUESTION = "question"  # chất vấn


class SpeechStatus(StrEnum):
    WAITING = "waiting"  # registered, not yet called
    CALLED = "called"  # invited to the floor, not yet speaking
    SPEAKING = "speaking"
    PAUSED = "paused"
    DONE = "done"
    WITHDRAWN = "withdrawn"


#: Speeches that hold the floor; only one per meeting at a time.
ON_THE_FLOOR = frozenset({SpeechStatus.SPEAKING, SpeechStatus.PAUSED})


class OpinionAnswer(StrEnum):
    AGREE = "agree"  # Đồng ý
    DISAGREE = "disagree"  # Không đồng ý
    OTHER = "other"  # Ý kiến khác


#: Roles that hold a seat in the body: they count for quorum and may vote.
MEMBER_ROLES = frozenset({Role.CHAIR, Role.DELEGATE})


def default_vote_rules(kind: BodyKind) -> list[VoteRuleSpec]:
    """The rules of ../shared/DOMAIN.md as starting data for a new body of this kind."""
    if kind is BodyKind.UBND:
        return [
            VoteRuleSpec(
                Matter.COMMITTEE_DECISION,
                "Quyết định của Ủy ban nhân dân",
                HALF,
                Ballot.OPEN,
                DEFAULT_OPTIONS,
                chair_breaks_tie=True,
            )
        ]
    return [
        VoteRuleSpec(Matter.RESOLUTION, "Nghị quyết", HALF, Ballot.OPEN, DEFAULT_OPTIONS),
        VoteRuleSpec(Matter.REMOVAL, "Bãi nhiệm đại biểu", TWO_THIRDS, Ballot.SECRET,
                     DEFAULT_OPTIONS, ballot_choosable=True),
        VoteRuleSpec(Matter.ELECTION, "Bầu cử chức danh", HALF, Ballot.SECRET, DEFAULT_OPTIONS),
        VoteRuleSpec(Matter.DISMISSAL, "Miễn nhiệm chức danh", HALF, Ballot.SECRET,
                     DEFAULT_OPTIONS),
        # Not pass/fail: the threshold flags an official rated "thấp" by more than 2/3.
        VoteRuleSpec(Matter.CONFIDENCE, "Lấy phiếu tín nhiệm", LOW_CONFIDENCE_FLAG,
                     Ballot.SECRET, CONFIDENCE_OPTIONS),
    ]


def minutes_filename(meeting_id: int) -> str:
    """The file name of a meeting's minutes document: the server gives each new version
    this name, and the secretary's workspace finds the current minutes by it."""
    return f"bien-ban-{meeting_id}.pdf"
