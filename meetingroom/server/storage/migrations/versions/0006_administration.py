"""administration: body hierarchy, term, time zone, seats, unit administrators

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("bodies") as batch:
        batch.add_column(sa.Column("code", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("parent_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("time_zone", sa.String(length=64), nullable=False,
                                   server_default="Asia/Ho_Chi_Minh"))
        batch.add_column(sa.Column("term_number", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("term_start", sa.Date(), nullable=True))
        batch.add_column(sa.Column("term_end", sa.Date(), nullable=True))
        batch.add_column(sa.Column("read_only", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
        batch.add_column(sa.Column("total_members_explicit", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
        batch.create_unique_constraint(batch.f("uq_bodies_code"), ["code"])
        batch.create_index(batch.f("ix_bodies_parent_id"), ["parent_id"], unique=False)
        batch.create_foreign_key(batch.f("fk_bodies_parent_id_bodies"), "bodies",
                                 ["parent_id"], ["id"], ondelete="RESTRICT")
    with op.batch_alter_table("bodies") as batch:
        batch.alter_column("time_zone", server_default=None)
        batch.alter_column("read_only", server_default=None)
        batch.alter_column("total_members_explicit", server_default=None)
    with op.batch_alter_table("body_members") as batch:
        batch.add_column(sa.Column("seat", sa.String(length=32), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("term_number", sa.Integer(), nullable=True))
    with op.batch_alter_table("body_members") as batch:
        batch.alter_column("seat", server_default=None)
    op.create_table(
        "body_admins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("body_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["body_id"], ["bodies.id"],
                                name=op.f("fk_body_admins_body_id_bodies"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_body_admins_user_id_users"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_body_admins")),
        sa.UniqueConstraint("body_id", "user_id", name=op.f("uq_body_admins_body_id")),
    )
    op.create_index(op.f("ix_body_admins_user_id"), "body_admins", ["user_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_body_admins_user_id"), table_name="body_admins")
    op.drop_table("body_admins")
    with op.batch_alter_table("body_members") as batch:
        batch.drop_column("term_number")
        batch.drop_column("seat")
    with op.batch_alter_table("bodies") as batch:
        batch.drop_constraint(batch.f("fk_bodies_parent_id_bodies"), type_="foreignkey")
        batch.drop_index(batch.f("ix_bodies_parent_id"))
        batch.drop_constraint(batch.f("uq_bodies_code"), type_="unique")
        for column in ("total_members_explicit", "read_only", "term_end", "term_start",
                       "term_number", "time_zone", "parent_id", "code"):
            batch.drop_column(column)
