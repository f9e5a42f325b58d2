"""a commitment carries its own letterhead

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-08 09:00:00

A letter was printed under the one letterhead of Settings, whoever signed it (a Gorontalo
commitment under the Ministry's, issue 12). The letterhead now belongs to the commitment:
``letterhead_agency`` is the name of the signing agency whose letterhead heads the letter and
``letterhead_address`` the address printed under it. Both travel to the registry with the
commitment. Stored commitments keep NULL: their letter is headed by the first signing agency
(``documents.letterhead.commitment_letterhead``) until the officer chooses and saves; writing a
value here would be a content change the registry never hears of. Columns are added, never by
rebuilding the table.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("commitments", sa.Column("letterhead_agency", sa.String(200), nullable=True))
    op.add_column("commitments", sa.Column("letterhead_address", sa.String(400), nullable=True))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN (SQLite 3.35+) rebuilds nothing, as in 0005.
    op.execute("ALTER TABLE commitments DROP COLUMN letterhead_address")
    op.execute("ALTER TABLE commitments DROP COLUMN letterhead_agency")
