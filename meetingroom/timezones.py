"""Times shown in the meeting body's own time zone, never in the laptop's.

A commune hall's laptop may be set to UTC, or brought from abroad; a meeting at 08:00 in
Hà Nội is at 08:00 on every screen and in every record. The server stores aware UTC and
sends the body's IANA zone with each meeting (``meeting["body"]["time_zone"]``).
"""

from __future__ import annotations

from datetime import datetime
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
    """An aware datetime or ISO 8601 string (``Z`` allowed), converted to the zone."""
    when = datetime.fromisoformat(value.replace("Z", "+00:00")) if isinstance(value, str) \
        else value
    return when.astimezone(zone(name))


def meeting_zone(meeting: dict[str, Any]) -> str:
    body = meeting.get("body")
    name = body.get("time_zone") if isinstance(body, dict) else None
    return str(name or meeting.get("time_zone") or DEFAULT_TIME_ZONE)


def meeting_start(meeting: dict[str, Any]) -> datetime:
    """When a meeting (a summary as the server sends it) starts, in its body's zone."""
    return in_zone(meeting["starts_at"], meeting_zone(meeting))
