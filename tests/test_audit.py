"""The audit trail records every change and detects any later edit or deletion."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import delete, func, select, update

from meetingroom.server import audit
from meetingroom.server.storage.database import Database
from meetingroom.server.storage.models import AuditEntry
from meetingroom.sync.serving.endpoint import ChairServer
from tests.conftest import Login
from tests.helpers.factories import Hall
from tests.helpers.session_helpers import start_session
from tests.test_cli_and_demo import run_cli


async def test_changes_are_chained_and_tampering_is_detected(
        server: ChairServer, hall: Hall, login: Login, database: Database) -> None:
    chair, delegate = await login("chair"), await login("delegate1")
    await start_session(chair, hall.meeting_id, hall.item_ids[1])
    await delegate.command(hall.meeting_id, "attendance.check_in")
    vote = (await chair.command(hall.meeting_id, "vote.create", {
        "matter": "removal", "title": "Bãi nhiệm", "ballot": "secret"}))["vote"]
    await chair.command(hall.meeting_id, "vote.open", {"vote_id": vote["id"]})
    await delegate.command(hall.meeting_id, "vote.cast", {
        "vote_id": vote["id"], "choice": 1, "ballot_secret": "s" * 40})
    with database.reading() as session:
        verdict = audit.verify(session)
        assert verdict.ok, verdict.problems
        assert verdict.entries == 6
        rows = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        assert [r.action for r in rows] == ["meeting.start", "agenda.set_current",
                                            "attendance.check_in", "vote.create",
                                            "vote.open", "vote.cast"]
        assert rows[2].username == "delegate1"
        # Who voted is on record; what they chose is not.
        assert rows[-1].detail["args"]["choice"] == "…"
        assert "s" * 40 not in str(rows[-1].detail)

    # Change an old entry's content: detected at that entry.
    with database.transaction() as session:
        session.execute(update(AuditEntry).where(AuditEntry.action == "attendance.check_in")
                        .values(username="delegate2"))
    with database.reading() as session:
        tampered = audit.verify(session)
    assert not tampered.ok
    assert any("content changed" in p for p in tampered.problems)


async def test_deleting_entries_is_detected(server: ChairServer, hall: Hall, login: Login,
                                            database: Database) -> None:
    chair = await login("chair")
    await start_session(chair, hall.meeting_id, hall.item_ids[0])
    await chair.command(hall.meeting_id, "agenda.set_current", {"item_id": hall.item_ids[1]})
    with database.transaction() as session:
        first = session.scalar(select(func.min(AuditEntry.id)))
        session.execute(delete(AuditEntry).where(AuditEntry.id == first))
    with database.reading() as session:
        verdict = audit.verify(session)
    assert not verdict.ok
    assert any("does not follow" in p for p in verdict.problems)
    with database.transaction() as session:
        last = session.scalar(select(func.max(AuditEntry.id)))
        session.execute(delete(AuditEntry).where(AuditEntry.id >= last))
    with database.reading() as session:
        assert any("remain" in p for p in audit.verify(session).problems)


def test_meetingroom_audit_verify_fails_on_a_tampered_row(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'hall.db'}"
    seeded = run_cli("seed-demo", "--db", db_url)
    assert seeded.returncode == 0, seeded.stderr
    added = run_cli("user", "add", "--db", db_url, "kiemtoan", "--password-stdin",
                    stdin="một mật khẩu dài\n")
    assert added.returncode == 0, added.stderr
    intact = run_cli("audit", "verify", "--db", db_url)
    assert intact.returncode == 0, intact.stderr
    assert "intact" in intact.stdout
    database = Database(db_url)
    try:
        with database.transaction() as session:
            session.execute(update(AuditEntry).where(AuditEntry.action == "user.add")
                            .values(detail={"user_id": 1, "username": "someone-else"}))
    finally:
        database.dispose()
    broken = run_cli("audit", "verify", "--db", db_url)
    assert broken.returncode == 3
    assert "content changed" in broken.stderr
