"""innovation search index without the 2- and 3-character prefix tables

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 17:20:00

Keeping the search index current costs more than everything else in a bulk insert, and the
prefix tables of 0002 (prefix='2 3') made up about a quarter of it: 100,000 demo innovations
took ~54 s with them (benchmarks/bench_store.py, on a loaded 2-core machine). Without them a
prefix query ("kelah*") scans the index's terms instead, which costs ~2 ms rather than ~0.5 ms
over 100,000 records: nothing an officer notices.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = "title, summary, innovators, unit_name, registration_number, stakeholders"
NEW = ", ".join(f"new.{c.strip()}" for c in COLUMNS.split(","))
OLD = ", ".join(f"old.{c.strip()}" for c in COLUMNS.split(","))


def _rebuild(options: str) -> None:
    """Recreates the index and its triggers with ``options``, then fills it from innovations."""
    for trigger in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER IF EXISTS innovations_fts_{trigger}")
    op.execute("DROP TABLE IF EXISTS innovation_fts")
    op.execute(
        f"CREATE VIRTUAL TABLE innovation_fts USING fts5({COLUMNS}, "
        "content='innovations', content_rowid='rowid', "
        f"tokenize='unicode61 remove_diacritics 2'{options})"
    )
    op.execute(
        "CREATE TRIGGER innovations_fts_insert AFTER INSERT ON innovations BEGIN "
        f"INSERT INTO innovation_fts(rowid, {COLUMNS}) VALUES (new.rowid, {NEW}); END"
    )
    op.execute(
        "CREATE TRIGGER innovations_fts_delete AFTER DELETE ON innovations BEGIN "
        f"INSERT INTO innovation_fts(innovation_fts, rowid, {COLUMNS}) "
        f"VALUES ('delete', old.rowid, {OLD}); END"
    )
    op.execute(
        f"CREATE TRIGGER innovations_fts_update AFTER UPDATE OF {COLUMNS} ON innovations BEGIN "
        f"INSERT INTO innovation_fts(innovation_fts, rowid, {COLUMNS}) "
        f"VALUES ('delete', old.rowid, {OLD}); "
        f"INSERT INTO innovation_fts(rowid, {COLUMNS}) VALUES (new.rowid, {NEW}); END"
    )
    op.execute("INSERT INTO innovation_fts(innovation_fts) VALUES ('rebuild')")


def upgrade() -> None:
    _rebuild("")


def downgrade() -> None:
    _rebuild(", prefix='2 3'")
