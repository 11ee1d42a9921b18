"""The audit trail: every change, who made it and when, in one hash chain.

Each entry's hash covers its content and the previous entry's hash, so changing
or deleting any old entry breaks every hash after it. The head row holds the
newest hash and the count, so deleting the newest entries is caught too.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from meetingroom.server.storage.models import AuditEntry, AuditHead, table_of
from meetingroom.server.storage.types import utcnow

GENESIS = "0" * 64
#: Arguments never written to the trail: what a secret ballot says must stay unlinkable.
REDACTED_ARGS = frozenset({"ballot_secret", "choice", "candidates", "ratings", "password",
                           "annotations"})


def redact(args: dict[str, Any]) -> dict[str, Any]:
    return {k: ("…" if k in REDACTED_ARGS else v) for k, v in args.items()}


def _digest(prev_hash: str, at: datetime, user_id: int | None, username: str, action: str,
            meeting_id: int | None, detail: dict[str, Any]) -> str:
    body = json.dumps([prev_hash, at.isoformat(), user_id, username, action, meeting_id, detail],
                      ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def record(session: Session, action: str, *, user_id: int | None, username: str = "",
           meeting_id: int | None = None, detail: dict[str, Any] | None = None) -> AuditEntry:
    """Append one entry in the caller's transaction (so it commits with the change itself)."""
    head = session.scalar(select(AuditHead).where(AuditHead.id == 1).with_for_update())
    if head is None:
        head = AuditHead(id=1, last_hash=GENESIS, entries=0)
        session.add(head)
        session.flush()
    now = utcnow()
    at = now.replace(microsecond=now.microsecond // 1000 * 1000)
    body = json.loads(json.dumps(detail or {}, ensure_ascii=False, default=str))
    entry = AuditEntry(at=at, user_id=user_id, username=username, action=action[:64],
                       meeting_id=meeting_id, detail=body, prev_hash=head.last_hash,
                       hash=_digest(head.last_hash, at, user_id, username, action[:64],
                                    meeting_id, body))
    session.add(entry)
    head.last_hash = entry.hash
    head.entries += 1
    return entry


@dataclass(frozen=True)
class Entry:
    """One entry for ``record_many``."""

    action: str
    user_id: int | None
    username: str
    meeting_id: int | None
    detail: dict[str, Any]


def record_many(session: Session, entries: list[Entry]) -> None:
    """Append several entries in the caller's transaction: the same chain as ``record``
    one by one, written with one insert and one update of the head (group commit)."""
    if not entries:
        return
    head = session.execute(select(AuditHead.last_hash, AuditHead.entries)
                           .where(AuditHead.id == 1).with_for_update()).first()
    if head is None:
        session.execute(insert(table_of(AuditHead)), [{"id": 1, "last_hash": GENESIS,
                                                       "entries": 0}])
        last_hash, count = GENESIS, 0
    else:
        last_hash, count = head
    now = utcnow()
    at = now.replace(microsecond=now.microsecond // 1000 * 1000)
    rows = []
    for e in entries:
        body = json.loads(json.dumps(e.detail, ensure_ascii=False, default=str))
        digest = _digest(last_hash, at, e.user_id, e.username, e.action[:64], e.meeting_id,
                         body)
        rows.append({"at": at, "user_id": e.user_id, "username": e.username,
                     "action": e.action[:64], "meeting_id": e.meeting_id, "detail": body,
                     "prev_hash": last_hash, "hash": digest})
        last_hash = digest
    session.execute(insert(table_of(AuditEntry)), rows)
    heads = table_of(AuditHead)
    session.execute(update(heads).where(heads.c.id == 1)
                    .values(last_hash=last_hash, entries=count + len(rows)))


@dataclass(frozen=True)
class Verdict:
    ok: bool
    entries: int
    problems: list[str]


def verify(session: Session) -> Verdict:
    """Recompute the whole chain; every broken link is named by entry id."""
    problems: list[str] = []
    previous = GENESIS
    count = 0
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.id)):
        count += 1
        if entry.prev_hash != previous:
            problems.append(f"entry {entry.id}: does not follow the entry before it "
                            "— an entry was deleted or reordered")
        expected = _digest(entry.prev_hash, entry.at, entry.user_id, entry.username,
                           entry.action, entry.meeting_id, entry.detail)
        if expected != entry.hash:
            problems.append(f"entry {entry.id}: content changed after it was written")
        previous = entry.hash
    head = session.get(AuditHead, 1)
    if head is None:
        if count:
            problems.append("the chain head is missing")
    else:
        if head.entries != count:
            problems.append(f"{head.entries} entries were written but {count} remain")
        if head.last_hash != previous:
            problems.append("the newest entries were removed or replaced")
    return Verdict(not problems, count, problems)
