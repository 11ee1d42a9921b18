"""Schema, migrations and engine settings on both databases."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from meetingroom.server.storage.database import Database, alembic_config, normalise_url, upgrade
from meetingroom.server.storage.models import Base


def test_migrations_build_exactly_the_models(database: Database) -> None:
    with database.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_downgrade_and_upgrade_round_trip(database: Database) -> None:
    config = alembic_config(database.engine)
    with database.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "base")
    assert "events" not in inspect(database.engine).get_table_names()
    upgrade(database.engine)
    assert {"events", "meetings", "users", "vote_rules", "command_results"} <= set(
        inspect(database.engine).get_table_names())


def test_sqlite_runs_in_wal_mode(tmp_path: object) -> None:
    db = Database(f"sqlite:///{tmp_path}/wal.db")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.dispose()


def test_urls_people_type_are_understood() -> None:
    assert normalise_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("/var/lib/meetingroom/x.db") == "sqlite:////var/lib/meetingroom/x.db"
