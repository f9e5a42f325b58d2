"""The audit log: every change, who made it, when, to which record and field, before and after.

Entries are written by :func:`jipp_desktop.services.changes.record_changes` in the caller's
session, so they commit (or roll back) with the change itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from jipp_desktop.db.models import AuditEntry, utcnow
from jipp_desktop.services.officers import Actor


def audit_text(value: Any) -> str | None:
    """How a value is written in the audit log (dates in ISO form, lists as JSON)."""
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def log_entries(
    session: Session,
    actor: Actor,
    entries: Iterable[tuple[str, str, str, str | None, str | None, str | None]],
) -> None:
    """Adds entries (entity, record id, action, field, before, after) in one bulk insert."""
    now = utcnow()
    rows = [
        {
            "at": now,
            "officer_id": actor.id,
            "officer_name": actor.name,
            "entity": entity,
            "record_id": record_id,
            "action": action,
            "field": field,
            "before": before,
            "after": after,
        }
        for entity, record_id, action, field, before, after in entries
    ]
    if rows:
        # Core insert on the table: one executemany (see services.innovations.insert_innovations).
        session.execute(insert(AuditEntry.__table__), rows)


def history(session: Session, record_id: str) -> list[AuditEntry]:
    """A record's changes, newest first."""
    return list(
        session.scalars(
            select(AuditEntry)
            .where(AuditEntry.record_id == record_id)
            .order_by(AuditEntry.id.desc())
        )
    )
