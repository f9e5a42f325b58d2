"""indexes for the dashboard counts and the default list orders

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 17:10:00

Measured on 100,000 innovations (benchmarks/bench_store.py): `stats` took 380 ms, scanning the
whole table once per count because every count also asks `deleted_at IS NULL`; with a covering
index led by deleted_at it takes ~65 ms. The first page of the list, newest change first or by
title, took ~200 ms (a sort of every row); with (deleted_at, updated_at) and (deleted_at, title)
it takes ~5 ms.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = {
    "ix_innovations_counts": [
        "deleted_at",
        "phase",
        "workflow",
        "continuation",
        "sector",
        "region_code",
    ],
    "ix_innovations_live_updated_at": ["deleted_at", "updated_at"],
    "ix_innovations_live_title": ["deleted_at", "title"],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "innovations", columns)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="innovations")
