"""title keys fold invisible characters and look-alike letters

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 09:00:00

The key two titles share (``innovations.title_key``) now ignores zero-width and other invisible
characters and reads a letter of another script that looks like a Latin one (a Cyrillic "а") as
that letter, so a visually identical title is a duplicate (issue 11). The key is derived from
the title and never synced: the stored keys are computed again with the domain's key
(``jipp_desktop.domain.text.fold_key``; a later change of that key needs a migration of its
own). Only rows whose key changes are written; the title and its search index are not touched.
"""

import re
import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 1000


def upgrade() -> None:
    from jipp_desktop.domain.text import fold_key

    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, title, title_key FROM innovations")).fetchall()
    changed = [
        {"id": record_id, "key": key}
        for record_id, title, old in rows
        if (key := fold_key(title or "")) != old
    ]
    for start in range(0, len(changed), BATCH):
        conn.execute(
            sa.text("UPDATE innovations SET title_key = :key WHERE id = :id"),
            changed[start : start + BATCH],
        )


_NON_WORD = re.compile(r"[^\w]+")


def _key_0005(title: str) -> str:
    """The title key of revision 0005 (case, accents, punctuation and spacing ignored)."""
    folded = title.casefold()
    decomposed = unicodedata.normalize("NFKD", folded)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", plain).split())


def downgrade() -> None:
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, title FROM innovations")).fetchall()
    params = [{"id": record_id, "key": _key_0005(title or "")} for record_id, title in rows]
    for start in range(0, len(params), BATCH):
        conn.execute(
            sa.text("UPDATE innovations SET title_key = :key WHERE id = :id"),
            params[start : start + BATCH],
        )
