"""secret ballots written apart from "has voted": a batch tag and the committed batches

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN: a batch-mode copy would rebuild the table with a rowid.
    op.add_column("secret_ballots", sa.Column("batch", sa.String(length=32), nullable=True))
    op.create_table(
        "secret_ballot_batches",
        sa.Column("vote_id", sa.Integer(), nullable=False),
        sa.Column("batch", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["vote_id"], ["votes.id"],
                                name=op.f("fk_secret_ballot_batches_vote_id_votes"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("vote_id", "batch", name=op.f("pk_secret_ballot_batches")),
    )


def downgrade() -> None:
    op.drop_table("secret_ballot_batches")
    with op.batch_alter_table("secret_ballots") as batch:
        batch.drop_column("batch")
