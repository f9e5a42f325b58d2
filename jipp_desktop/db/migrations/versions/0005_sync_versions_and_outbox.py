"""sync: a version pair per record, the registry's copy, demo marks, the outbox and problems

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 22:50:00

The boolean ``dirty`` could not tell an edit made while a push was in flight from the one the
registry acknowledged; it becomes ``local_version`` / ``synced_version`` (docs/SYNC.md). Columns
are added, never by rebuilding a table: rebuilding ``innovations`` would drop its search
triggers. ``dirty`` goes with ``ALTER TABLE … DROP COLUMN`` (SQLite 3.35+), which rebuilds
nothing. A record that was dirty gets version 1 and, unless it is a tombstone the registry never
saw, a queued ``create`` in the outbox.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = {
    "agencies": "agency",
    "hubs": "hub",
    "innovations": "innovation",
    "verifications": "verification",
    "replications": "replication",
    "commitments": "commitment",
    "attachments": "attachment",
}
# A UUID4 in canonical form, made by SQLite (the change ids of the queued creates).
UUID_SQL = (
    "lower(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-' || "
    "substr('89ab', 1 + (abs(random()) % 4), 1) || substr(h, 18, 3) || '-' || substr(h, 21, 12))"
)


def upgrade() -> None:
    for table in TABLES:
        op.add_column(
            table, sa.Column("local_version", sa.Integer(), nullable=False, server_default="0")
        )
        op.add_column(
            table, sa.Column("synced_version", sa.Integer(), nullable=False, server_default="0")
        )
        op.add_column(table, sa.Column("sync_base", sa.JSON(), nullable=True))
        op.add_column(table, sa.Column("is_demo", sa.Boolean(), nullable=False, server_default="0"))
    op.add_column(
        "officers", sa.Column("is_local", sa.Boolean(), nullable=False, server_default="1")
    )
    op.create_table(
        "sync_outbox",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("change_id", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("operation", sa.String(length=10), nullable=False),
        sa.Column("base_revision", sa.Integer(), nullable=True),
        sa.Column("old", sa.JSON(), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=True),
        sa.Column("upto_version", sa.Integer(), nullable=False),
        sa.Column("officer_id", sa.String(length=36), nullable=True),
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_outbox")),
        sa.UniqueConstraint("change_id", name=op.f("uq_sync_outbox_change_id")),
    )
    op.create_index(op.f("ix_sync_outbox_record_id"), "sync_outbox", ["record_id"])
    op.create_table(
        "sync_records",
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=True),
        sa.Column("reason_id", sa.Text(), nullable=True),
        sa.Column("reason_en", sa.Text(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("conflict", sa.JSON(), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "record_id", name=op.f("pk_sync_records")),
    )
    for table, entity in TABLES.items():
        op.execute(
            f"INSERT INTO sync_outbox (change_id, entity, record_id, operation, old, "
            f"upto_version, made_at) SELECT {UUID_SQL}, '{entity}', id, 'create', '{{}}', 1, "
            f"updated_at FROM (SELECT hex(randomblob(16)) AS h, id, updated_at FROM {table} "
            "WHERE dirty AND deleted_at IS NULL)"
        )
        op.execute(
            f"UPDATE {table} SET local_version = 1, "
            "synced_version = CASE WHEN deleted_at IS NULL THEN 0 ELSE 1 END WHERE dirty"
        )
        op.drop_index(f"ix_{table}_dirty", table_name=table)
        op.execute(f"ALTER TABLE {table} DROP COLUMN dirty")
    # The pending count of the status bar and `stats`: a partial index holds only the pending
    # rows, so counting them does not scan the table.
    for table in TABLES:
        op.create_index(
            f"ix_{table}_pending",
            table,
            ["id"],
            sqlite_where=sa.text("local_version > synced_version AND is_demo = 0"),
        )


def downgrade() -> None:
    for table in TABLES:
        op.drop_index(f"ix_{table}_pending", table_name=table)
        op.add_column(table, sa.Column("dirty", sa.Boolean(), nullable=False, server_default="1"))
        op.execute(f"UPDATE {table} SET dirty = (local_version > synced_version)")
        op.create_index(f"ix_{table}_dirty", table, ["dirty"])
        for column in ("is_demo", "sync_base", "synced_version", "local_version"):
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    op.drop_table("sync_records")
    op.drop_index(op.f("ix_sync_outbox_record_id"), table_name="sync_outbox")
    op.drop_table("sync_outbox")
    op.execute("ALTER TABLE officers DROP COLUMN is_local")
