"""People's names in the order a Vietnamese council reads a list: by given name.

A Vietnamese full name is written family name first and given name last
("Nguyễn Văn An"); a roll call, a seating list or a list of speakers is ordered
by the given name, then by the rest ("An" of Hồ Văn before "An" of Nguyễn Văn).
Letters follow the Vietnamese alphabet, not code points: "Hồ" before "Huỳnh"
(o before u, whatever the tone mark), "Ánh" next to "An", "Đ" after "D".
Python's ``sorted`` on the raw strings gets all three wrong, so every list of
people the windows show sorts with :func:`name_key`.
"""

from __future__ import annotations

from functools import total_ordering

from meetingroom.ui.qt import QCollator, QCollatorSortKey, QLocale

_collator: QCollator | None = None


def _vietnamese() -> QCollator:
    # One collator for the process: building one loads the locale's rules.
    global _collator
    if _collator is None:
        _collator = QCollator(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        _collator.setNumericMode(True)  # "Tổ 2" before "Tổ 10"
    return _collator


def reading_order(full_name: str) -> str:
    """The name as it is sorted: the given name, then the rest in written order."""
    words = full_name.split()
    return " ".join(words[-1:] + words[:-1])


@total_ordering
class NameKey:
    """A sort key that also works inside a tuple: Qt's own key compares equal only to
    itself, so ``(role, key)`` tuples would never reach their next element."""

    __slots__ = ("_key",)

    def __init__(self, key: QCollatorSortKey) -> None:
        self._key = key

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NameKey) and self._key.compare(other._key) == 0

    def __lt__(self, other: NameKey) -> bool:
        return self._key.compare(other._key) < 0

    __hash__ = None  # type: ignore[assignment]


def name_key(full_name: object) -> NameKey:
    """A sort key for ``sorted(..., key=...)``, alone or inside a tuple of keys."""
    return NameKey(_vietnamese().sortKey(reading_order(str(full_name or ""))))


def sort_people(people: list[str]) -> list[str]:
    """Names in the council's order (see the module's docstring)."""
    return sorted(people, key=name_key)
