"""homes for the fields the national systems hold and the store lacked

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-09 09:00:00

The registry's list and the regional innovation index (IID) export hold three things an import
used to drop (issue 13): the initiator's name (IID "Nama Inisiator"), the secondary government
affairs (IID "Urusan Irisan", several per record) and the agency's national code. An
innovation gains ``initiator_name`` and ``secondary_sectors`` (a JSON list of sector codes,
``[]`` for stored records, as ``sdg_goals``); an agency gains ``national_code``. Columns are
added with ``ALTER TABLE ADD COLUMN``, never by rebuilding ``innovations`` (its full-text
triggers and indexes stay as they are).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("innovations", sa.Column("initiator_name", sa.String(120), nullable=True))
    op.add_column(
        "innovations",
        sa.Column("secondary_sectors", sa.JSON(), nullable=False, server_default="[]"),
    )
    op.add_column("agencies", sa.Column("national_code", sa.String(40), nullable=True))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN (SQLite 3.35+) rebuilds nothing, as in 0005 and 0007.
    op.execute("ALTER TABLE agencies DROP COLUMN national_code")
    op.execute("ALTER TABLE innovations DROP COLUMN secondary_sectors")
    op.execute("ALTER TABLE innovations DROP COLUMN initiator_name")
