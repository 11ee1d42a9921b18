"""Times shown in the meeting body's own time zone, never in the laptop's.

A commune hall's laptop may be set to UTC, or brought from abroad; a meeting at 08:00 in
Hà Nội is at 08:00 on every screen and in every record. The server stores aware UTC and
sends the body's IANA zone with each meeting (``meeting["body"]["time_zone"]``).

Two functions are the only crossings between the stored instant and the body's wall
clock, used by the minutes, reports, invitations, the integration API and every window:
:func:`in_zone` (stored UTC → the body's wall time) and :func:`from_zone` — a wall time
typed for a body → aware UTC. Modules keep no zone constant of their own, so a body
outside Vietnam (or a zone with summer time) is right everywhere at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh"


@lru_cache(maxsize=64)
def zone(name: str | None) -> ZoneInfo:
    """The named zone; an unknown or missing name falls back to Vietnam's, not the laptop's."""
    try:
        return ZoneInfo(name or DEFAULT_TIME_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_TIME_ZONE)


def in_zone(value: str | datetime, name: str | None) -> datetime:
    """A stored time (aware datetime or ISO 8601 text, ``Z`` allowed) as the zone's wall time.

    A naive value is read as UTC, the way times are stored, and never as the laptop's
    local time (which is what ``datetime.astimezone`` would assume).
    """
    when = datetime.fromisoformat(value.replace("Z", "+00:00")) if isinstance(value, str) \
        else value
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(zone(name))


def from_zone(wall: datetime, name: str | None) -> datetime:
    """A wall-clock time typed for a body in zone ``name``, as the aware UTC instant to store.

    The wall time's own tzinfo, if any, is ignored: what a person typed is the body's
    time. In a zone with summer time, an hour that happens twice (clocks going back) is
    read as its first occurrence and an hour that is skipped as the time before the change
    (so 02:30 on a spring-forward night is 03:30 summer time).
    """
    return wall.replace(tzinfo=zone(name), fold=0).astimezone(UTC)


def iso_in_zone(value: str | datetime | None, name: str | None) -> str | None:
    """ISO 8601 with the body's offset, to the second: ``2026-12-03T08:00:00+07:00``."""
    return None if value is None else in_zone(value, name).isoformat(timespec="seconds")


def now_in_zone(name: str | None) -> datetime:
    """The present moment on the body's wall clock."""
    return in_zone(datetime.now(UTC), name)


def meeting_zone(meeting: Mapping[str, Any]) -> str:
    """The zone name of a meeting as the server sends it (its body's), Vietnam's if absent."""
    body = meeting.get("body")
    name = body.get("time_zone") if isinstance(body, Mapping) else None
    return str(name or meeting.get("time_zone") or DEFAULT_TIME_ZONE)


def meeting_start(meeting: Mapping[str, Any]) -> datetime:
    """When a meeting — a summary as the server sends it — starts, in its body's zone."""
    return in_zone(meeting["starts_at"], meeting_zone(meeting))
