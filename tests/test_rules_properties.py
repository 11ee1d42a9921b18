"""Property tests of the legal arithmetic in ``core.rules`` against hand-written oracles.

Every expected value below is computed inside the test with plain integers
(cross-multiplication for thresholds, ``divmod`` for half-up rounding), never by
calling the code under test, so a shared mistake cannot make both sides agree.
The law counts every threshold against the *total membership* of the body
(../shared/DOMAIN.md, "Vote rules"), and the oracles say so explicitly.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from meetingroom.core.rules.confidence import (
    ConfidenceResult,
    OfficialRating,
    tally_confidence,
    validate_ratings,
)
from meetingroom.core.rules.election import (
    candidate_key,
    duplicate_candidates,
    tally_election,
    validate_selection,
)
from meetingroom.core.rules.numbers import percent, percent_value, percent_vi
from meetingroom.core.rules.question import QuestionResult, QuestionRule, tally_question
from meetingroom.core.rules.quorum import MemberPresence, count_attendance, quorum, required_count
from meetingroom.core.rules.speech_clock import SpeechClock
from meetingroom.core.vocabulary import (
    CONFIDENCE_OPTIONS,
    DEFAULT_OPTIONS,
    LOW_CONFIDENCE_FLAG,
    QUORUM_DEFAULT,
    Attendance,
    Ballot,
    BodyKind,
    Comparison,
    Matter,
    Threshold,
    default_vote_rules,
)
from meetingroom.server.announcements import (
    announce_confidence,
    announce_election,
    announce_question,
    quorum_sentence,
)

HALF = Threshold(1, 2, Comparison.MORE_THAN)

# --------------------------------------------------------------------------- oracles


def oracle_met(numerator: int, denominator: int, comparison: Comparison, count: int,
               total: int) -> bool:
    """``count/total`` against ``numerator/denominator`` by integer cross-multiplication.

    An empty body (total <= 0) can never reach a share of itself.
    """
    if total <= 0:
        return False
    if comparison is Comparison.MORE_THAN:
        return count * denominator > numerator * total
    return count * denominator >= numerator * total


def oracle_met_t(threshold: Threshold, count: int, total: int) -> bool:
    """:func:`oracle_met` reading the three fields of a threshold (not its ``is_met``)."""
    return oracle_met(threshold.numerator, threshold.denominator, threshold.comparison,
                      count, total)


def oracle_hundredths(count: int, total: int) -> int:
    """``count * 100 / total`` in hundredths of a percent, rounded half up, with integers only."""
    if total <= 0:
        return 0
    quotient, remainder = divmod(count * 10_000, total)
    return quotient + (1 if 2 * remainder >= total else 0)


def oracle_percent_text(count: int, total: int) -> str:
    """The Vietnamese form a secretary writes by hand: "92,31%"."""
    hundredths = oracle_hundredths(count, total)
    return f"{hundredths // 100},{hundredths % 100:02d}%"


def shown_percent(value: float) -> str:
    """A percentage number from a result view, in the form the oracle writes."""
    return f"{value:.2f}".replace(".", ",") + "%"


def oracle_required(threshold: Threshold, total: int) -> int:
    """The smallest head count meeting ``threshold`` of ``total``; ``total + 1`` if none does."""
    return next((n for n in range(total + 1) if oracle_met_t(threshold, n, total)), total + 1)


# --------------------------------------------------------------------------- strategies

comparisons = st.sampled_from(list(Comparison))


@st.composite
def thresholds(draw: st.DrawFn) -> Threshold:
    """Any valid threshold: 0 <= numerator <= denominator, denominator >= 1."""
    denominator = draw(st.integers(1, 12))
    return Threshold(draw(st.integers(0, denominator)), denominator, draw(comparisons))


OPTION_SETS: list[tuple[str, ...]] = [
    DEFAULT_OPTIONS[:2],
    DEFAULT_OPTIONS,
    ("Đồng ý", "Không đồng ý", "Ý kiến khác"),
    ("Tán thành", "Không tán thành", "Không biểu quyết", "Ý kiến khác"),
]


@st.composite
def correlated_choices(draw: st.DrawFn, n_options: int, size: int) -> list[int]:
    """``size`` ballots drawn from a small pool, so a real majority (or a tie) is common.

    Independent uniform ballots almost never give "more than half of the total",
    which would leave the passing branch untested.
    """
    pool = draw(st.lists(st.integers(0, n_options - 1), min_size=1, max_size=5))
    return draw(st.lists(st.sampled_from(pool), min_size=size, max_size=size))


totals = st.one_of(st.integers(1, 12), st.integers(1, 200))


# --------------------------------------------------------------------------- Threshold


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 1000).flatmap(lambda d: st.tuples(st.integers(0, d), st.just(d))),
       comparisons, st.integers(0, 10**6), st.integers(-3, 10**6))
@example((2, 3), Comparison.AT_LEAST, 34, 51)
@example((2, 3), Comparison.AT_LEAST, 2 * 10**17 - 1, 3 * 10**17)  # floats round this to 2/3
@example((1, 2), Comparison.MORE_THAN, 10**17 + 1, 2 * 10**17)
@example((2, 3), Comparison.AT_LEAST, 33, 51)
@example((2, 3), Comparison.MORE_THAN, 34, 51)
@example((1, 2), Comparison.MORE_THAN, 26, 52)
@example((1, 2), Comparison.AT_LEAST, 26, 52)
@example((1, 2), Comparison.MORE_THAN, 0, 0)
def test_threshold_is_exact(fraction: tuple[int, int], comparison: Comparison, count: int,
                            total: int) -> None:
    """Exact rationals: a float 2/3 would misjudge boundary cases like 34 of 51."""
    numerator, denominator = fraction
    threshold = Threshold(numerator, denominator, comparison)
    assert threshold.is_met(count, total) == oracle_met(numerator, denominator, comparison,
                                                        count, total)


@pytest.mark.parametrize(
    ("threshold", "count", "total", "expected"),
    [
        (Threshold(2, 3, Comparison.AT_LEAST), 34, 51, True),  # 3*34 == 2*51 exactly
        (Threshold(2, 3, Comparison.AT_LEAST), 33, 51, False),
        (Threshold(2, 3, Comparison.MORE_THAN), 34, 51, False),
        (Threshold(2, 3, Comparison.MORE_THAN), 35, 51, True),
        (Threshold(1, 2, Comparison.MORE_THAN), 26, 52, False),  # exactly half is not "quá nửa"
        (Threshold(1, 2, Comparison.MORE_THAN), 27, 52, True),
        (Threshold(1, 2, Comparison.MORE_THAN), 26, 51, True),
        (Threshold(1, 2, Comparison.AT_LEAST), 26, 52, True),
        (Threshold(2, 3, Comparison.AT_LEAST), 0, 0, False),  # an empty body never decides
    ],
)
def test_threshold_boundaries(threshold: Threshold, count: int, total: int,
                              expected: bool) -> None:
    """The boundaries a secretary checks by hand, spelled out so a regression names itself."""
    assert threshold.is_met(count, total) is expected


@given(st.integers(-3, 20), st.integers(-3, 20), comparisons)
def test_threshold_rejects_impossible_fractions(numerator: int, denominator: int,
                                                comparison: Comparison) -> None:
    """Rules are data a province edits, so a nonsense fraction must be refused, not stored."""
    valid = denominator > 0 and 0 <= numerator <= denominator
    if valid:
        assert Threshold(numerator, denominator, comparison).fraction == Fraction(
            numerator, denominator)
    else:
        with pytest.raises(ValueError, match="invalid threshold"):
            Threshold(numerator, denominator, comparison)


def test_default_rules_match_the_domain_table() -> None:
    """The defaults are DOMAIN.md's table transcribed; a typo here changes the law applied."""
    hdnd = {spec.matter: spec for spec in default_vote_rules(BodyKind.HDND)}
    expected = {
        Matter.RESOLUTION: ((1, 2, Comparison.MORE_THAN), Ballot.OPEN),
        Matter.REMOVAL: ((2, 3, Comparison.AT_LEAST), Ballot.SECRET),
        Matter.ELECTION: ((1, 2, Comparison.MORE_THAN), Ballot.SECRET),
        Matter.DISMISSAL: ((1, 2, Comparison.MORE_THAN), Ballot.SECRET),
        Matter.CONFIDENCE: ((2, 3, Comparison.MORE_THAN), Ballot.SECRET),
    }
    assert set(hdnd) == set(expected)
    for matter, (fraction, ballot) in expected.items():
        t = hdnd[matter].threshold
        assert (t.numerator, t.denominator, t.comparison) == fraction, matter
        assert hdnd[matter].ballot is ballot, matter
        assert not hdnd[matter].chair_breaks_tie, matter
    assert hdnd[Matter.REMOVAL].ballot_choosable  # "open or secret, as the council decides"
    assert hdnd[Matter.CONFIDENCE].options == CONFIDENCE_OPTIONS
    assert hdnd[Matter.RESOLUTION].options == ("Tán thành", "Không tán thành", "Không biểu quyết")
    (ubnd,) = default_vote_rules(BodyKind.UBND)
    assert ubnd.matter is Matter.COMMITTEE_DECISION
    assert (ubnd.threshold.numerator, ubnd.threshold.denominator,
            ubnd.threshold.comparison) == (1, 2, Comparison.MORE_THAN)
    assert ubnd.chair_breaks_tie
    assert ubnd.ballot is Ballot.OPEN
    assert (LOW_CONFIDENCE_FLAG.numerator, LOW_CONFIDENCE_FLAG.denominator,
            LOW_CONFIDENCE_FLAG.comparison) == (2, 3, Comparison.MORE_THAN)
    assert (QUORUM_DEFAULT.numerator, QUORUM_DEFAULT.denominator,
            QUORUM_DEFAULT.comparison) == (2, 3, Comparison.AT_LEAST)


# --------------------------------------------------------------------------- percent_vi


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 10**6).flatmap(lambda t: st.tuples(st.integers(0, t), st.just(t))))
@example((48, 52))
@example((1, 8))  # 12,5% exactly: 12,50%
@example((1, 200))  # 0,5%: 0,50%
@example((1, 40_000))  # 0,0025%: below half a hundredth, so 0,00%
@example((1, 20_000))  # 0,005% exactly half a hundredth: half up gives 0,01%
@example((2, 3))  # 66,666..% -> 66,67%
@example((0, 1))
@example((1, 1))
def test_percent_vi_is_exact_half_up(case: tuple[int, int]) -> None:
    """Read back with a dot, the text equals the integer half-up rounding of count*100/total."""
    count, total = case
    text = percent_vi(count, total)
    assert re.fullmatch(r"\d{1,3},\d{2}%", text), text
    hundredths = oracle_hundredths(count, total)
    assert Decimal(text[:-1].replace(",", ".")) == Decimal(hundredths) / 100
    assert text == oracle_percent_text(count, total)
    assert percent(count, total) == Decimal(hundredths).scaleb(-2)
    assert percent_value(count, total) == hundredths / 100


def test_percent_vi_domain_examples() -> None:
    """The sample of DOMAIN.md and the half-up edge a float would get wrong."""
    assert percent_vi(48, 52) == "92,31%"
    assert percent_vi(1, 20_000) == "0,01%"  # exactly 0,005%: half up, not half even
    assert percent_vi(3, 40_000) == "0,01%"  # 0,0075%
    assert percent_vi(0, 0) == "0,00%"  # an empty body prints zero rather than failing


def test_percent_vi_has_no_double_rounding_for_huge_totals() -> None:
    """(5*10**28 - 1) / 10**33 is 0,00499..9% (31 nines): correct half-up is 0,00%."""
    count, total = 5 * 10**28 - 1, 10**33
    assert oracle_percent_text(count, total) == "0,00%"
    assert percent_vi(count, total) == "0,00%"


# --------------------------------------------------------------------------- tally_question


def _hand_count(ballots: Sequence[int], n_options: int) -> list[int]:
    """Tally marks, one option at a time: the slowest possible, obviously right count."""
    return [sum(1 for b in ballots if b == option) for option in range(n_options)]


@settings(max_examples=120, deadline=None)
@given(st.data())
def test_tally_question_matches_hand_count(data: st.DataObject) -> None:
    """Counts, turnout, pass/fail and every printed percentage agree with a hand tally.

    The pass check is against TOTAL membership: ballots not cast and abstentions
    count against the motion, exactly as the law reads.
    """
    total = data.draw(totals, label="total")
    options = data.draw(st.sampled_from(OPTION_SETS), label="options")
    threshold = data.draw(st.one_of(st.just(HALF), st.just(Threshold(2, 3, Comparison.AT_LEAST)),
                                    thresholds()), label="threshold")
    noun = data.draw(st.sampled_from(["đại biểu", "thành viên"]), label="noun")
    n_ballots = data.draw(st.one_of(st.just(total), st.integers(0, total)), label="n_ballots")
    ballots = data.draw(st.one_of(
        correlated_choices(len(options), n_ballots),
        st.lists(st.integers(0, len(options) - 1), min_size=n_ballots, max_size=n_ballots),
    ), label="ballots")
    rule = QuestionRule(threshold, options)

    result = tally_question(rule, total, ballots)

    counts = _hand_count(ballots, len(options))
    assert list(result.counts) == counts
    assert sum(result.counts) == len(ballots)  # no ballot counted twice or lost
    assert result.voted == len(ballots)
    assert result.voted + result.not_voted == total
    assert result.total_members == total
    assert result.passed == oracle_met_t(threshold, counts[0], total)
    assert not result.decided_by_chair

    view = result.view(rule)
    for option, count, shown in zip(options, counts, view["options"], strict=True):
        assert shown["label"] == option
        assert shown["count"] == count
        assert shown_percent(shown["percent"]) == oracle_percent_text(count, total)
    assert (shown_percent(view["not_voted_percent"])
            == oracle_percent_text(total - len(ballots), total))
    assert view["rule"]["base"] == "total_members"
    # Numbers only on the wire: each reader words them (issue 17).
    assert "announcement" not in view
    assert "text" not in view["rule"]
    assert not any("percent_text" in shown for shown in view["options"])

    text = announce_question(view, noun)
    first = (f"{counts[0]}/{total} {noun} {options[0].lower()}, chiếm "
             f"{oracle_percent_text(counts[0], total)} tổng số {noun}")
    assert first in text
    assert f"{counts[0]}/{total} {noun} {options[0].lower()}" in text
    assert "tổng số" in text
    for option, count in zip(options[1:], counts[1:], strict=True):
        assert f"{count} {noun} {option.lower()}, chiếm {oracle_percent_text(count, total)}" in text
    assert ("Kết quả: được thông qua" in text) == result.passed
    assert ("Kết quả: không được thông qua" in text) == (not result.passed)


@given(st.integers(1, 60).flatmap(lambda t: st.tuples(st.just(t), st.integers(t + 1, t + 5))))
def test_tally_question_refuses_more_ballots_than_members(case: tuple[int, int]) -> None:
    """A count above the membership means a duplicated ballot; it must fail loudly."""
    total, n_ballots = case
    with pytest.raises(ValueError, match="ballots for"):
        tally_question(QuestionRule(HALF, DEFAULT_OPTIONS), total, [0] * n_ballots)


@pytest.mark.parametrize("bad", [-1, 3, 99])
def test_tally_question_refuses_unknown_option(bad: int) -> None:
    """An option index outside the rule's labels is a corrupt ballot, not an abstention."""
    with pytest.raises(ValueError, match="out of range"):
        tally_question(QuestionRule(HALF, DEFAULT_OPTIONS), 10, [0, bad])


@pytest.mark.parametrize(
    ("for_", "against", "total", "passed"),
    [(48, 3, 52, True), (26, 20, 52, False), (27, 0, 52, True), (26, 0, 51, True)],
)
def test_domain_announcement_example(for_: int, against: int, total: int, passed: bool) -> None:
    """DOMAIN.md's wording, character for character, for the HĐND resolution rule."""
    (spec,) = [s for s in default_vote_rules(BodyKind.HDND) if s.matter is Matter.RESOLUTION]
    rule = QuestionRule(spec.threshold, spec.options)
    ballots = [0] * for_ + [1] * against
    result = tally_question(rule, total, ballots)
    assert result.passed is passed
    expected = (f"{for_}/{total} đại biểu tán thành, chiếm "
                f"{oracle_percent_text(for_, total)} tổng số đại biểu")
    text = announce_question(result.view(rule))
    assert expected in text
    if (for_, total) == (48, 52):
        assert "48/52 đại biểu tán thành, chiếm 92,31% tổng số đại biểu" in text


# --------------------------------------------------------------------------- tie-break


@settings(max_examples=120, deadline=None)
@given(st.data())
def test_chair_breaks_tie(data: st.DataObject) -> None:
    """UBND: on an equal for/against count the chair's side wins; otherwise the plain rule.

    The oracle: a tie is the whole membership split exactly in half, and the
    chair took a side (for or against); anything else, including a partial tie
    with abstentions, leaves the ordinary "more than half of total members" rule.
    """
    total = data.draw(st.integers(2, 60), label="total")
    tied = data.draw(st.booleans(), label="tied")
    if tied:
        # Mostly the whole membership split in half (the legal tie), sometimes a partial one.
        side = data.draw(st.one_of(st.just(total // 2), st.integers(1, total // 2)),
                         label="side")
        for_, against = side, side
    else:
        for_ = data.draw(st.integers(0, total), label="for")
        against = data.draw(st.integers(0, total - for_), label="against")
    abstain = data.draw(st.integers(0, total - for_ - against), label="abstain")
    ballots = data.draw(st.permutations([0] * for_ + [1] * against + [2] * abstain),
                        label="ballots")
    chair = data.draw(st.sampled_from([0, 1, 2, None]), label="chair")
    breaks = data.draw(st.booleans(), label="breaks")
    threshold = data.draw(st.one_of(st.just(HALF), thresholds()), label="threshold")
    rule = QuestionRule(threshold, DEFAULT_OPTIONS, chair_breaks_tie=breaks)

    result = tally_question(rule, total, ballots, chair_choice=chair)
    text = announce_question(result.view(rule), "thành viên")

    by_chair = breaks and for_ == against and 2 * for_ == total and chair in (0, 1)
    assert result.decided_by_chair is by_chair
    if by_chair:
        assert result.passed is (chair == 0)
        assert "quyết định theo ý kiến của Chủ tọa" in text
    else:
        assert result.passed is oracle_met_t(threshold, for_, total)
        assert "Chủ tọa" not in text


@pytest.mark.parametrize(
    ("ballots", "chair", "breaks", "passed", "by_chair"),
    [
        ([0] * 5 + [1] * 5, 0, True, True, True),  # DOMAIN: the side the chair voted with wins
        ([0] * 5 + [1] * 5, 1, True, False, True),
        ([0] * 5 + [1] * 4 + [2], 2, True, False, False),  # chair abstained: 5/10 is not > half
        ([0] * 5 + [1] * 4 + [2], 1, True, False, False),  # half for, 4 against: no tie
        ([0] * 5 + [1] * 5, None, True, False, False),  # chair did not vote
        ([0] * 5 + [1] * 5, 0, False, False, False),  # HĐND rule: no casting side
        ([0] * 4 + [1] * 4 + [2] * 2, 0, True, False, False),  # 4/10 for is never enough
        ([2] * 10, 0, True, False, False),  # 0 = 0 is no tie
        ([0] * 6 + [1] * 4, 1, True, True, False),  # no tie: plain majority
    ],
)
def test_tie_break_examples(ballots: list[int], chair: int | None, breaks: bool, passed: bool,
                            by_chair: bool) -> None:
    """A committee of 10: the cases a chair will ask about, checked one by one."""
    rule = QuestionRule(HALF, DEFAULT_OPTIONS, chair_breaks_tie=breaks)
    result = tally_question(rule, 10, ballots, chair_choice=chair)
    assert result.passed is passed
    assert result.decided_by_chair is by_chair


# --------------------------------------------------------------------------- elections


@st.composite
def election_cases(draw: st.DrawFn) -> tuple[int, int, int, list[frozenset[int]]]:
    """(candidates, seats, total, ballots) in three shapes, so every branch is reached.

    Independent random ballots rarely get anyone over half of the membership,
    so most runs share a few "slates", and some use a "ring": seats + 1
    candidates, each ballot naming all of them but one in turn, which makes them
    all reach the threshold with equal votes (a tie across the last seat).
    """
    n = draw(st.integers(1, 8), label="candidates")
    seats = draw(st.integers(1, 4), label="seats")
    subsets = st.frozensets(st.integers(0, n - 1), max_size=seats)
    mode = draw(st.sampled_from(["ring", "slates", "random"]), label="mode")
    if mode == "ring" and 2 <= seats < n:
        ring = range(seats + 1)
        rounds = draw(st.integers(1, 8), label="rounds")
        ballots = [frozenset(ring) - {left_out} for left_out in ring] * rounds
        ballots += draw(st.lists(subsets, max_size=3), label="extra")
        total = len(ballots) + draw(st.integers(0, 3), label="absent")
        return n, seats, total, ballots
    total = draw(totals, label="total")
    n_ballots = draw(st.one_of(st.just(total), st.integers(0, total)), label="n_ballots")
    if mode == "random":
        return n, seats, total, draw(st.lists(subsets, min_size=n_ballots, max_size=n_ballots))
    pool = draw(st.lists(subsets, min_size=1, max_size=4), label="pool")
    return n, seats, total, draw(st.lists(st.sampled_from(pool), min_size=n_ballots,
                                          max_size=n_ballots))


@settings(max_examples=150, deadline=None)
@given(election_cases(), st.one_of(st.just(HALF), thresholds()))
@example((3, 2, 5, [frozenset({0, 1}), frozenset({0, 2}), frozenset({1, 2}),
                    frozenset({0, 1}), frozenset({2})]), HALF)
@example((3, 2, 5, [frozenset({0, 1}), frozenset({0, 1}), frozenset({0, 2}),
                    frozenset({1, 2}), frozenset({0, 2})]), HALF)
def test_tally_election_matches_hand_count(case: tuple[int, int, int, list[frozenset[int]]],
                                           threshold: Threshold) -> None:
    """Votes, ranks, who is elected and who must face another round, from a declarative oracle.

    Oracle: among candidates reaching the threshold of total membership, one
    with ``v`` votes is elected iff at most ``seats`` of them have ``>= v``
    votes; it is tied for the last seat iff fewer than ``seats`` have more
    votes but more than ``seats`` have at least as many.
    """
    n, seats, total, ballots = case
    names = [f"Ứng viên {chr(65 + i)}" for i in range(n)]

    result = tally_election(names, seats, threshold, total, ballots)

    votes = [sum(1 for b in ballots if i in b) for i in range(n)]
    reached = [oracle_met_t(threshold, v, total) for v in votes]
    qualified_votes = [v for v, ok in zip(votes, reached, strict=True) if ok]
    assert result.seats == seats
    assert result.ballots == len(ballots)
    assert result.not_voted == total - len(ballots)
    assert sum(c.votes for c in result.candidates) == sum(len(b) for b in ballots)
    for i, c in enumerate(result.candidates):
        at_least = sum(1 for q in qualified_votes if q >= votes[i])
        more = sum(1 for q in qualified_votes if q > votes[i])
        assert (c.index, c.name) == (i, names[i])
        assert c.votes == votes[i]
        assert c.rank == 1 + sum(1 for other in votes if other > votes[i])
        assert c.reached_threshold == reached[i]
        assert c.elected == (reached[i] and at_least <= seats)
        assert c.tied_for_last_seat == (reached[i] and more < seats < at_least)
        assert not (c.elected and c.tied_for_last_seat)

    elected = [c for c in result.candidates if c.elected]
    assert len(elected) <= seats
    assert all(oracle_met_t(threshold, c.votes, total) for c in elected)
    assert result.elected == tuple(c.name for c in elected)
    losers = [c for c in result.candidates if c.reached_threshold and not c.elected]
    for winner in elected:
        assert all(winner.votes > loser.votes for loser in losers)
    tied = [c for c in result.candidates if c.tied_for_last_seat]
    text = announce_election(result.view(threshold))
    if tied:
        # One vote count, more tied than seats left, and every seat left unfilled by them.
        assert len({c.votes for c in tied}) == 1
        assert len(elected) < seats < len(elected) + len(tied)
        assert "phải bầu lại" in text
    for c in result.candidates:
        assert (f"{c.name}: {c.votes}/{total} phiếu, chiếm "
                f"{oracle_percent_text(c.votes, total)} tổng số đại biểu") in text


def test_election_tie_across_last_seat_example() -> None:
    """5 delegates, 2 seats, three candidates on 3 votes each: nobody may be declared elected."""
    ballots = [frozenset({0, 1}), frozenset({0, 2}), frozenset({1, 2}), frozenset({0, 1}),
               frozenset({2})]
    result = tally_election(["A", "B", "C"], 2, HALF, 5, ballots)
    assert [c.votes for c in result.candidates] == [3, 3, 3]
    assert result.elected == ()
    assert all(c.tied_for_last_seat for c in result.candidates)

    ballots = [frozenset({0, 1}), frozenset({0, 1}), frozenset({0, 2}), frozenset({1, 2}),
               frozenset({0, 2})]
    result = tally_election(["A", "B", "C"], 2, HALF, 5, ballots)
    assert [c.votes for c in result.candidates] == [4, 3, 3]
    assert result.elected == ("A",)
    assert [c.tied_for_last_seat for c in result.candidates] == [False, True, True]


@given(st.integers(1, 8), st.integers(1, 4),
       st.lists(st.integers(-2, 9), max_size=7))
def test_validate_selection_refuses_bad_ballots(candidates: int, seats: int,
                                                selection: list[int]) -> None:
    """Too many names, a name twice or an unknown candidate is refused when the ballot is cast."""
    bad = (len(set(selection)) != len(selection) or len(set(selection)) > seats
           or any(not 0 <= c < candidates for c in selection))
    if bad:
        with pytest.raises(ValueError):  # noqa: PT011 - three distinct messages, all refusals
            validate_selection(selection, candidates, seats)
    else:
        assert validate_selection(selection, candidates, seats) == frozenset(selection)


@given(st.integers(2, 8).flatmap(lambda n: st.tuples(
    st.just(n), st.integers(1, n - 1),
    st.integers(0, n - 1).flatmap(lambda c: st.just([c, c])))))
def test_validate_selection_names_the_duplicate(case: tuple[int, int, list[int]]) -> None:
    """The same candidate twice is refused even when the ballot is within the seat count."""
    candidates, seats, selection = case
    with pytest.raises(ValueError, match="named twice"):
        validate_selection(selection, candidates, seats)


@given(st.integers(1, 4).flatmap(lambda s: st.tuples(
    st.just(s), st.frozensets(st.integers(0, 7), min_size=s + 1, max_size=8))))
def test_tally_election_refuses_overfull_ballot(case: tuple[int, frozenset[int]]) -> None:
    """A stored ballot naming more than ``seats`` candidates is never counted."""
    seats, ballot = case
    with pytest.raises(ValueError, match="at most"):
        tally_election([str(i) for i in range(8)], seats, HALF, 10, [ballot])


# --------------------------------------------------------------------------- confidence


@st.composite
def confidence_cases(draw: st.DrawFn) -> tuple[int, int, list[dict[int, int]]]:
    """(officials, total, ballots); some runs lean to "thấp" so the flag is exercised.

    Flagging needs more than two thirds of the whole membership to rate one
    official "thấp", so the leaning runs use full turnout and complete ballots.
    """
    officials = draw(st.integers(1, 6), label="officials")
    total = draw(totals, label="total")
    n_ballots = draw(st.one_of(st.just(total), st.integers(0, total)), label="n_ballots")
    level_pool = draw(st.sampled_from([(0, 1, 2), (2,), (2, 2, 2, 2, 1), (0, 2)]), label="lean")
    levels = st.sampled_from(level_pool)
    ballot = draw(st.sampled_from([
        st.dictionaries(st.integers(0, officials - 1), levels),
        st.fixed_dictionaries({i: levels for i in range(officials)}),
    ]), label="ballot shape")
    ballots = draw(st.lists(ballot, min_size=n_ballots, max_size=n_ballots), label="ballots")
    return officials, total, ballots


@settings(max_examples=100, deadline=None)
@given(confidence_cases())
def test_tally_confidence_matches_hand_count(case: tuple[int, int, list[dict[int, int]]]) -> None:
    """Per official and level the counts match; the flag is "thấp" by > 2/3 of TOTAL members."""
    officials, total, ballots = case
    names = [f"Ông/Bà {i}" for i in range(officials)]

    result = tally_confidence(names, CONFIDENCE_OPTIONS, LOW_CONFIDENCE_FLAG, total, ballots)

    assert result.ballots == len(ballots)
    assert result.total_members == total
    assert result.levels == CONFIDENCE_OPTIONS
    view = result.view(LOW_CONFIDENCE_FLAG)
    text = announce_confidence(view)
    assert view["not_voted"] == total - len(ballots)
    for i, (official, shown) in enumerate(zip(result.officials, view["officials"], strict=True)):
        hand = [sum(1 for b in ballots if b.get(i) == level) for level in range(3)]
        rated = sum(1 for b in ballots if i in b)
        assert official.name == names[i]
        assert list(official.counts) == hand
        assert official.not_rated == len(ballots) - rated
        assert official.low_flag == (3 * hand[2] > 2 * total)
        assert [shown_percent(lv["percent"]) for lv in shown["levels"]] == [
            oracle_percent_text(c, total) for c in hand]
        part = f"{hand[2]} phiếu tín nhiệm thấp ({oracle_percent_text(hand[2], total)})"
        assert part in text
    assert f"Số phiếu thu vào {len(ballots)}/{total}." in text


@pytest.mark.parametrize(("low", "total", "flag"),
                         [(34, 51, False), (35, 51, True), (2, 3, False), (3, 3, True),
                          (7, 10, True), (6, 9, False)])
def test_confidence_flag_boundary(low: int, total: int, flag: bool) -> None:
    """"More than two thirds": exactly 2/3 (34 of 51) is not flagged, one more is."""
    ballots = [{0: 2}] * low
    result = tally_confidence(["X"], CONFIDENCE_OPTIONS, LOW_CONFIDENCE_FLAG, total, ballots)
    assert result.officials[0].low_flag is flag
    text = announce_confidence(result.view(LOW_CONFIDENCE_FLAG))
    assert ("quá 2/3 tổng số đại biểu đánh giá tín nhiệm thấp" in text) is flag


@pytest.mark.parametrize("ratings", [{5: 0}, {-1: 0}, {0: 3}, {0: -1}])
def test_validate_ratings_refuses_unknowns(ratings: dict[int, int]) -> None:
    """A rating for an official or level that does not exist is a corrupt ballot."""
    with pytest.raises(ValueError, match="unknown"):
        validate_ratings(ratings, 2, 3)


# --------------------------------------------------------------------------- quorum


presences = st.builds(MemberPresence, st.sampled_from(list(Attendance)), st.booleans(),
                      st.booleans())


@settings(max_examples=120, deadline=None)
@given(st.data())
def test_quorum_default_two_thirds(data: st.DataObject) -> None:
    """At least 2/3 of TOTAL members present; stand-ins count only where the body allows it."""
    total = data.draw(totals, label="total")
    members = data.draw(st.lists(presences, max_size=total), label="members")
    stand_ins = data.draw(st.booleans(), label="stand_ins_count")

    counts = count_attendance(total, members)
    state = quorum(counts, QUORUM_DEFAULT, stand_ins_count=stand_ins)

    present = sum(1 for m in members if m.attendance is Attendance.PRESENT)
    absent = [m for m in members if m.attendance is Attendance.ABSENT]
    represented = sum(1 for m in members
                      if m.attendance is not Attendance.PRESENT and m.represented)
    assert counts.present == present
    assert counts.absent_excused == sum(1 for m in absent if m.excused)
    assert counts.absent_unexcused == sum(1 for m in absent if not m.excused)
    assert counts.left == sum(1 for m in members if m.attendance is Attendance.LEFT)
    assert counts.not_arrived == (total - len(members)
                                  + sum(1 for m in members
                                        if m.attendance is Attendance.NOT_ARRIVED))
    assert counts.represented == represented
    assert counts.view()["absent"] == total - present

    counted = present + (represented if stand_ins else 0)
    assert state.counted == counted
    assert state.stand_ins_counted is stand_ins
    assert state.met == (3 * counted >= 2 * total)
    minimal = -(-2 * total // 3)  # ceil(2 * total / 3): smallest n with 3n >= 2 * total
    assert 3 * minimal >= 2 * total > 3 * (minimal - 1)
    assert state.required == minimal
    assert "text" not in state.view()  # numbers only on the wire
    assert f"Có mặt {counted}/{total} đại biểu" in quorum_sentence(state.view())
    assert f"tức {minimal})" in quorum_sentence(state.view())


@given(thresholds(), st.integers(0, 200))
def test_required_count_is_minimal_for_any_rule(threshold: Threshold, total: int) -> None:
    """The head count shown on the big screen is the least one that satisfies the rule."""
    assert required_count(threshold, total) == oracle_required(threshold, total)


@pytest.mark.parametrize(("total", "required"), [(51, 34), (52, 35), (3, 2), (1, 1), (500, 334)])
def test_quorum_required_examples(total: int, required: int) -> None:
    """2/3 of 51 is exactly 34; of 52 it is 34,67 so 35 people are needed."""
    assert required_count(QUORUM_DEFAULT, total) == required


def test_stand_ins_example() -> None:
    """33 of 51 present is short of 34; one authorised stand-in completes the quorum if allowed."""
    members = ([MemberPresence(Attendance.PRESENT)] * 33
               + [MemberPresence(Attendance.ABSENT, excused=True, represented=True)]
               + [MemberPresence(Attendance.PRESENT, represented=True)])  # present: not a stand-in
    counts = count_attendance(51, members[:34])
    assert not quorum(counts, QUORUM_DEFAULT, stand_ins_count=False).met
    assert quorum(counts, QUORUM_DEFAULT, stand_ins_count=True).met
    assert count_attendance(51, members).represented == 1


# --------------------------------------------------------------------------- speech clock


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 3600),
       st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2040, 1, 1),
                    timezones=st.just(UTC)),
       st.lists(st.integers(0, 10**10), max_size=12),
       st.integers(0, 10**10))
def test_speech_clock_sums_running_intervals(limit: int, start: datetime, steps: list[int],
                                             tail: int) -> None:
    """Start, then pause/resume alternately at increasing instants: elapsed is the running time.

    Steps are microseconds; the oracle sums the running intervals in integers, so
    the only slack allowed is float rounding of the banked seconds.
    """
    clock = SpeechClock(limit, 0.0, None).resumed(start)
    at = start
    running = True
    running_us = 0
    for step in steps:
        if running:
            running_us += step
        at += timedelta(microseconds=step)
        clock = clock.paused(at) if running else clock.resumed(at)
        running = not running
        assert (clock.running_since is None) is (not running)
    now = at + timedelta(microseconds=tail)
    if running:
        running_us += tail
    expected = running_us / 10**6
    assert math.isclose(clock.elapsed(now), expected, rel_tol=1e-12, abs_tol=1e-6)
    assert math.isclose(clock.remaining(now), limit - expected, rel_tol=1e-12, abs_tol=1e-6)
    assert clock.limit_s == limit


@given(st.floats(0, 10_000, allow_nan=False), st.integers(1, 10**9))
def test_speech_clock_ignores_a_clock_running_backwards(banked: float, skew_us: int) -> None:
    """A ``now`` before the resume instant (clock skew) adds nothing rather than subtracting."""
    since = datetime(2030, 5, 1, 8, 0, tzinfo=UTC)
    clock = SpeechClock(60, banked, since)
    assert clock.elapsed(since - timedelta(microseconds=skew_us)) == banked


def test_speech_clock_goes_negative_on_overrun() -> None:
    """A 3-minute limit, 2 min + pause + 90 s: 30 s over, shown as -30 on the big screen."""
    t0 = datetime(2030, 5, 1, 8, 0, tzinfo=UTC)
    clock = SpeechClock(180, 0.0, None).resumed(t0)
    clock = clock.paused(t0 + timedelta(minutes=2))
    assert clock.remaining(t0 + timedelta(hours=1)) == 60.0  # paused: time stands still
    clock = clock.resumed(t0 + timedelta(minutes=10))
    now = t0 + timedelta(minutes=11, seconds=30)
    assert clock.elapsed(now) == 210.0
    assert clock.remaining(now) == -30.0


def test_the_quorum_as_the_hall_reads_it() -> None:
    """The counts and the sentence exactly as the chair console and the big screen show
    them (the properties above check the numbers; this checks every field and word):
    10 members, 5 present, one excused and represented by a stand-in, one absent
    without excuse, one gone, two not yet arrived."""
    members = [*[MemberPresence(Attendance.PRESENT)] * 5,
               MemberPresence(Attendance.ABSENT, excused=True, represented=True),
               MemberPresence(Attendance.ABSENT), MemberPresence(Attendance.LEFT)]
    counts = count_attendance(10, members)
    assert counts.view() == {"total_members": 10, "present": 5, "absent": 5,
                             "absent_excused": 1, "absent_unexcused": 1, "left": 1,
                             "not_arrived": 2, "represented": 1}
    with_stand_ins = quorum(counts, HALF, stand_ins_count=True)
    assert with_stand_ins.view() == {
        "met": True, "counted": 6, "required": 6, "total_members": 10,
        "rule": {"numerator": 1, "denominator": 2, "comparison": "more_than"},
        "stand_ins_counted": True}
    assert quorum_sentence(with_stand_ins.view()) == (
        "Có mặt 6/10 đại biểu, chiếm 60,00% (cần quá 1/2 tổng số, tức 6). "
        "Đủ điều kiện tiến hành.")
    two_thirds = quorum(counts, Threshold(2, 3, Comparison.AT_LEAST), stand_ins_count=False)
    assert two_thirds.view() == {
        "met": False, "counted": 5, "required": 7, "total_members": 10,
        "rule": {"numerator": 2, "denominator": 3, "comparison": "at_least"},
        "stand_ins_counted": False}
    assert quorum_sentence(two_thirds.view(), "thành viên") == (
        "Có mặt 5/10 thành viên, chiếm 50,00% (cần ít nhất 2/3 tổng số, tức 7). "
        "Chưa đủ điều kiện tiến hành.")


# --------------------------------------------------------------------------- the wire views

# Mutation testing (docs/testing.md) found the views' keys, the boundary of "unknown" and
# the names that make two candidates one unchecked: every client reads these dicts by key,
# so a renamed key is a result nobody can see.


def test_the_question_result_view_exactly() -> None:
    """Every key and number of a vote's result as it goes on the wire."""
    rule = QuestionRule(HALF, DEFAULT_OPTIONS)
    view = tally_question(rule, 7, [0, 0, 0, 1, 2]).view(rule)
    assert view == {
        "options": [{"label": "Tán thành", "count": 3, "percent": 42.86},
                    {"label": "Không tán thành", "count": 1, "percent": 14.29},
                    {"label": "Không biểu quyết", "count": 1, "percent": 14.29}],
        "voted": 5, "not_voted": 2, "not_voted_percent": 28.57, "total_members": 7,
        "passed": False, "decided_by_chair": False,
        "rule": {"numerator": 1, "denominator": 2, "comparison": "more_than",
                 "base": "total_members"}}


def test_a_result_never_shows_under_a_rule_with_other_options() -> None:
    """Counts for three options shown under a two-option rule is a mix-up, not a result
    with the third count silently dropped."""
    result = QuestionResult((3, 1, 1), 5, 2, 7, passed=False, decided_by_chair=False)
    with pytest.raises(ValueError, match="zip"):
        result.view(QuestionRule(HALF, ("Có", "Không")))


def test_the_election_result_view_exactly() -> None:
    """Every key and number of an election's result as it goes on the wire."""
    ballots = [frozenset({0}), frozenset({0, 1}), frozenset({0}), frozenset({2})]
    view = tally_election(["A", "B", "C"], 2, HALF, 5, ballots).view(HALF)
    assert view == {
        "candidates": [
            {"index": 0, "name": "A", "votes": 3, "rank": 1, "percent": 60.0,
             "reached_threshold": True, "elected": True, "tied_for_last_seat": False},
            {"index": 1, "name": "B", "votes": 1, "rank": 2, "percent": 20.0,
             "reached_threshold": False, "elected": False, "tied_for_last_seat": False},
            {"index": 2, "name": "C", "votes": 1, "rank": 2, "percent": 20.0,
             "reached_threshold": False, "elected": False, "tied_for_last_seat": False}],
        "seats": 2, "ballots": 4, "not_voted": 1, "total_members": 5, "elected": ["A"],
        "rule": {"numerator": 1, "denominator": 2, "comparison": "more_than",
                 "base": "total_members"}}


def test_the_confidence_result_view_exactly() -> None:
    """Every key and number of a confidence rating's result as it goes on the wire."""
    ballots = [{0: 2, 1: 0}, {0: 2}, {0: 2, 1: 1}]
    view = tally_confidence(["X", "Y"], CONFIDENCE_OPTIONS, LOW_CONFIDENCE_FLAG, 4,
                            ballots).view(LOW_CONFIDENCE_FLAG)
    levels = list(CONFIDENCE_OPTIONS)
    assert view == {
        "levels": levels,
        "officials": [
            {"index": 0, "name": "X", "not_rated": 0, "low_flag": True,
             "levels": [{"label": levels[0], "count": 0, "percent": 0.0},
                        {"label": levels[1], "count": 0, "percent": 0.0},
                        {"label": levels[2], "count": 3, "percent": 75.0}]},
            {"index": 1, "name": "Y", "not_rated": 1, "low_flag": False,
             "levels": [{"label": levels[0], "count": 1, "percent": 25.0},
                        {"label": levels[1], "count": 1, "percent": 25.0},
                        {"label": levels[2], "count": 0, "percent": 0.0}]}],
        "ballots": 3, "not_voted": 1, "total_members": 4,
        "rule": {"numerator": 2, "denominator": 3, "comparison": "more_than",
                 "base": "total_members"}}


def test_a_confidence_result_never_drops_a_level() -> None:
    """Counts for three levels under two labels is a mix-up, not a shorter result."""
    result = ConfidenceResult((OfficialRating(0, "X", (1, 1, 1), 0, False),), ("a", "b"), 3, 3)
    with pytest.raises(ValueError, match="zip"):
        result.view(LOW_CONFIDENCE_FLAG)


# --------------------------------------------------------------------------- refusals, exactly


@pytest.mark.parametrize(("refused", "message"), [
    (lambda: validate_ratings({2: 0}, 2, 3), "unknown official"),
    (lambda: validate_ratings({0: 3}, 2, 3), "unknown confidence level"),
    (lambda: tally_confidence(["X"], CONFIDENCE_OPTIONS[:2], LOW_CONFIDENCE_FLAG, 3, []),
     "a confidence rating has exactly three levels"),
    (lambda: tally_confidence(["X"], CONFIDENCE_OPTIONS, LOW_CONFIDENCE_FLAG, 1, [{}, {}]),
     "2 ballots for 1 members"),
    (lambda: validate_selection([1, 1], 3, 2), "a candidate is named twice on one ballot"),
    (lambda: validate_selection([3], 3, 2), "unknown candidate"),
    (lambda: validate_selection([0, 1, 2], 3, 2), "a ballot may name at most 2 candidates"),
    (lambda: tally_election(["A"], 0, HALF, 3, []), "an election needs at least one seat"),
    (lambda: tally_election(["A"], 1, HALF, 1, [frozenset(), frozenset()]),
     "2 ballots for 1 members"),
    (lambda: QuestionRule(HALF, ("Có",)), "a vote needs at least two options"),
])
def test_each_refusal_says_what_is_wrong(refused: object, message: str) -> None:
    """The message goes into the server's log and the ``invalid ballot: …`` reply: it must
    name the fault the person fixing it has to find, exactly."""
    assert callable(refused)
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        refused()


@pytest.mark.parametrize(("officials", "levels"), [(1, 3), (3, 3), (4, 2)])
def test_validate_ratings_refuses_one_past_the_end(officials: int, levels: int) -> None:
    """Official ``officials`` and level ``levels`` are one past the last: refused."""
    with pytest.raises(ValueError, match="unknown official"):
        validate_ratings({officials: 0}, officials, levels)
    with pytest.raises(ValueError, match="unknown confidence level"):
        validate_ratings({0: levels}, officials, levels)
    assert validate_ratings({officials - 1: levels - 1}, officials, levels) == {
        officials - 1: levels - 1}


@pytest.mark.parametrize("candidates", [1, 2, 5])
def test_validate_selection_refuses_one_past_the_last_candidate(candidates: int) -> None:
    """Candidate ``candidates`` is one past the last: refused; the last one is fine."""
    with pytest.raises(ValueError, match="unknown candidate"):
        validate_selection([candidates], candidates, 1)
    assert validate_selection([candidates - 1], candidates, 1) == frozenset({candidates - 1})


# --------------------------------------------------------------------------- candidate names


@pytest.mark.parametrize(("a", "b"), [
    ("Lý Văn Tâm", "lý văn tâm"),
    ("Lý  Văn\tTâm ", " Lý Văn Tâm"),
    ("L\u00fd V\u0103n T\u00e2m", "Ly\u0301 Va\u0306n Ta\u0302m"),  # composed / decomposed
    ("ĐỖ THỊ HÀ", "đỗ thị hà"),
])
def test_one_person_written_two_ways_is_one_candidate(a: str, b: str) -> None:
    """Case, spacing and Unicode composition do not make a second candidate."""
    assert candidate_key(a) == candidate_key(b)
    assert duplicate_candidates(["Trần Minh", a, b]) == (1, 2)


def test_candidate_key_is_the_folded_name() -> None:
    """The key is the name itself, folded: different people stay different."""
    assert candidate_key("  Lý   Văn Tâm ") == "lý văn tâm"
    assert candidate_key("Le Van Tam") != candidate_key("Lê Văn Tâm")


@given(st.lists(st.sampled_from(["An", "an", "Bình", "Chi", " chi", "Dũng"]), max_size=6))
def test_duplicate_candidates_finds_the_first_repeat(names: list[str]) -> None:
    """The first name that repeats an earlier one, with the earlier one's position; None
    when all differ (oracle: a plain quadratic search on lower-cased, stripped names)."""
    folded = [n.strip().lower() for n in names]
    expected = next(((folded.index(k), j) for j, k in enumerate(folded)
                     if folded.index(k) < j), None)
    assert duplicate_candidates(names) == expected


# --------------------------------------------------------------------------- negative percents


@pytest.mark.parametrize(("count", "total", "shown"),
                         [(-1, 3, "-33.33"), (-2, 3, "-66.67"), (-5, 5, "-100.00")])
def test_percent_keeps_the_sign(count: int, total: int, shown: str) -> None:
    """A negative count (a correction, a difference between two counts) keeps its sign and
    rounds its size half up like any other."""
    assert percent(count, total) == Decimal(shown)
