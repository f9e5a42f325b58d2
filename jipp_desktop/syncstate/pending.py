"""How much of the store waits for the registry."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jipp_desktop.services.stats import pending_by_kind

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session


def pending_count(session: Session | Connection) -> int:
    """Records with changes the registry has not acknowledged (``local_version >
    synced_version``); demo data is never pushed and so never pending. The condition is the
    partial index's own (tables.PENDING_SQL), so the count costs the pending rows only."""
    return sum(pending_by_kind(session).values())
