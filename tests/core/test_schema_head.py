"""The schema head the app knows without Alembic is the head of the migration scripts."""

from jipp_desktop.db.engine import head_revision
from jipp_desktop.db.schema import SCHEMA_HEAD


def test_schema_head_constant_matches_the_migration_scripts() -> None:
    assert head_revision() == SCHEMA_HEAD
