"""Small, fast meetings for tests (the full demo seed is exercised in its own test)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from typing import Any

from meetingroom.core.vocabulary import BodyKind, Level, MeetingStatus, Role
from meetingroom.server.body_rules import default_rule_rows
from meetingroom.server.passwords import hash_password
from meetingroom.server.storage.database import Database
from meetingroom.server.storage.models import AgendaItem, Body, Meeting, Participant, User

PASSWORD = "correct horse battery"


@cache
def _hash() -> str:
    return hash_password(PASSWORD)


@dataclass
class Hall:
    meeting_id: int
    other_meeting_id: int
    chair: str = "chair"
    secretary: str = "secretary"
    guest: str = "guest"
    outsider: str = "outsider"
    admin: str = "admin"
    delegates: list[str] = field(default_factory=list)
    item_ids: list[int] = field(default_factory=list)


def make_hall(db: Database, *, delegates: int = 3,
              status: MeetingStatus = MeetingStatus.PUBLISHED,
              kind: BodyKind = BodyKind.HDND, **body_settings: Any) -> Hall:
    """A body, one meeting with chair, secretary, delegates and a guest, and a second meeting
    the ``outsider`` takes part in (to prove people of one meeting cannot act in another)."""
    with db.transaction() as s:
        body = Body(name="HĐND xã Hòa Bình" if kind is BodyKind.HDND else "UBND xã Hòa Bình",
                    kind=kind.value, level=Level.COMMUNE.value, total_members=delegates + 1,
                    vote_rules=default_rule_rows(kind), **body_settings)
        s.add(body)
        users = {name: User(username=name, full_name=f"Người dùng {name}",
                            password_hash=_hash(), is_admin=name == "admin")
                 for name in ["chair", "secretary", "guest", "outsider", "admin",
                              *[f"delegate{n}" for n in range(1, delegates + 1)]]}
        s.add_all(users.values())
        meeting = Meeting(body=body, title="Kỳ họp thứ nhất", status=status.value,
                          starts_at=datetime(2026, 12, 1, 1, 0, tzinfo=UTC),
                          location="Hội trường xã")
        other = Meeting(body=body, title="Phiên họp khác", status=MeetingStatus.PUBLISHED.value,
                        starts_at=datetime(2026, 12, 2, 1, 0, tzinfo=UTC))
        s.add_all([meeting, other])
        s.flush()
        items = [AgendaItem(meeting_id=meeting.id, title=title, position=n, planned_minutes=20)
                 for n, title in enumerate(["Khai mạc", "Báo cáo ngân sách", "Bế mạc"])]
        s.add_all(items)
        roles = {"chair": Role.CHAIR, "secretary": Role.SECRETARY, "guest": Role.GUEST}
        for name, user in users.items():
            if name.startswith("delegate"):
                s.add(Participant(meeting=meeting, user=user, role=Role.DELEGATE.value))
            elif name in roles:
                s.add(Participant(meeting=meeting, user=user, role=roles[name].value))
        s.add(Participant(meeting=other, user=users["outsider"], role=Role.CHAIR.value))
        s.flush()
        return Hall(meeting_id=meeting.id, other_meeting_id=other.id,
                    delegates=[f"delegate{n}" for n in range(1, delegates + 1)],
                    item_ids=[i.id for i in items])
