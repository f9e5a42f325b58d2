"""innovation full-text search (FTS5), kept in step with edits by triggers

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 17:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# External-content FTS5 table over the innovations' own rowid: the text lives once, in
# innovations; the index is updated by the triggers below, so Core bulk inserts, ORM edits and
# sync pages all keep it current without the services having to remember.
COLUMNS = "title, summary, innovators, unit_name, registration_number, stakeholders"
NEW = ", ".join(f"new.{c.strip()}" for c in COLUMNS.split(","))
OLD = ", ".join(f"old.{c.strip()}" for c in COLUMNS.split(","))


def upgrade() -> None:
    op.execute(
        f"CREATE VIRTUAL TABLE innovation_fts USING fts5({COLUMNS}, "
        "content='innovations', content_rowid='rowid', "
        "tokenize='unicode61 remove_diacritics 2', prefix='2 3')"
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


def downgrade() -> None:
    for trigger in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER IF EXISTS innovations_fts_{trigger}")
    op.execute("DROP TABLE IF EXISTS innovation_fts")
