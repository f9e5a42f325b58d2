"""How much of the store waits for the registry."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jipp_desktop.db.models import SYNCABLE


def pending_count(session: Session) -> int:
    """Records with changes the registry has not acknowledged (``local_version >
    synced_version``); demo data is never pushed and so never pending."""
    total = 0
    for model in SYNCABLE:
        total += (
            session.scalar(
                select(func.count())
                .select_from(model)
                .where(model.local_version > model.synced_version, model.is_demo.is_(False))
            )
            or 0
        )
    return total
