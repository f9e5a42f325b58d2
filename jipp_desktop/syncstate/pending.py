"""How much of the store waits for the registry."""

from __future__ import annotations

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from jipp_desktop.db.models import PENDING_SQL, SYNCABLE


def pending_count(session: Session) -> int:
    """Records with changes the registry has not acknowledged (``local_version >
    synced_version``); demo data is never pushed and so never pending. The condition is the
    partial index's own (models.PENDING_SQL), so the count costs the pending rows only."""
    total = 0
    for model in SYNCABLE:
        query = select(func.count()).select_from(model).where(text(PENDING_SQL))
        total += session.scalar(query) or 0
    return total
