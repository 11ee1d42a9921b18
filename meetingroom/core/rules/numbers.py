"""Vietnamese number wording for announcements: comma decimals, exact rounding."""

from __future__ import annotations

from decimal import Decimal


def percent(count: int, total: int) -> Decimal:
    """``count / total`` as a percentage rounded half-up to two places, computed exactly.

    Floats would print 2/3 of 51 members as 66,66% on some inputs; the legal
    announcement must match what a secretary computes by hand.
    """
    if total <= 0:
        return Decimal("0.00")
    # Hundredths of a percent, rounded half-up in integers: no intermediate rounding.
    hundredths, remainder = divmod(abs(count) * 10000, total)
    if 2 * remainder >= total:
        hundredths += 1
    return Decimal(hundredths if count >= 0 else -hundredths).scaleb(-2)


def percent_vi(count: int, total: int) -> str:
    """"92,31%": the form read out in the hall and printed in the minutes."""
    return f"{percent(count, total):.2f}".replace(".", ",") + "%"


def percent_value(count: int, total: int) -> float:
    """The same percentage as a number for clients that draw bars."""
    return float(percent(count, total))
