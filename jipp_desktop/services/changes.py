"""The one way a change is recorded: its audit entries, the record's version bump and a row in
the sync outbox, all in the caller's transaction (docs/SYNC.md, "The device's store").

Every service, the importer, the demo and the letterhead call :func:`record_changes` after
writing a record (it also notes the record in the transaction's change set, see
:mod:`jipp_desktop.services.change_set`); a test (tests/core/test_changes.py) fails when a
syncable row is written without it. Records of the demo are marked ``is_demo`` and get no
outbox row: they are never pushed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from jipp_desktop.db.models import (
    Agency,
    Attachment,
    Commitment,
    Hub,
    Innovation,
    OutboxChange,
    Replication,
    SyncMixin,
    Verification,
    new_id,
    utcnow,
)
from jipp_desktop.services.audit import audit_text, log_entries
from jipp_desktop.services.change_set import note_changes
from jipp_desktop.services.officers import Actor

Operation = Literal["create", "update", "delete"]

# Entity name (in the audit log, the outbox and on the wire) → its model.
SYNCED: dict[str, type[SyncMixin]] = {
    "agency": Agency,
    "hub": Hub,
    "innovation": Innovation,
    "verification": Verification,
    "replication": Replication,
    "commitment": Commitment,
    "attachment": Attachment,
}
# SQLite's limit on bound parameters is far above this; it keeps each IN (…) list small.
_CHUNK = 500


@dataclass(frozen=True)
class Change:
    """One change to one record.

    Attributes:
        record_id: the record's id.
        operation: create, update or delete (a tombstone).
        fields: for an update, each changed field → (before, after).
        summary: for a create or delete, the record's title or name (for the audit log).
        decision: an update that a verifier's decision made (audited as "decide", so that the
            four-eyes rule can tell it from an edit of the record's content).
    """

    record_id: str
    operation: Operation
    fields: Mapping[str, tuple[Any, Any]] = field(default_factory=dict)
    summary: str | None = None
    decision: bool = False


def wire_value(value: Any) -> Any:
    """A value as JSON carries it: dates and times in ISO form, the rest as it is."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [wire_value(v) for v in value]
    if isinstance(value, list):
        return [wire_value(v) for v in value]
    return value


def record_change(
    session: Session,
    actor: Actor,
    entity: str,
    record_id: str,
    operation: Operation,
    fields: Mapping[str, tuple[Any, Any]] | None = None,
    summary: str | None = None,
    *,
    demo: bool = False,
) -> None:
    """Records one change (see :func:`record_changes`)."""
    change = Change(record_id, operation, fields or {}, summary)
    record_changes(session, actor, entity, [change], demo=demo)


def record_changes(
    session: Session,
    actor: Actor,
    entity: str,
    changes: Iterable[Change],
    *,
    demo: bool = False,
) -> None:
    """Records changes already written to the records of ``entity``.

    Writes the audit entries; for a syncable entity also bumps each record's
    ``local_version``, moves its ``updated_at`` and queues the change in the outbox, folded
    into the record's unsent change if it has one.

    Args:
        session: the caller's session; everything commits or rolls back with the change.
        actor: who made the change.
        entity: the entity's name ("innovation", "agency", …, or a local one like "setting").
        changes: what changed; an update without changed fields is ignored.
        demo: the records are demo data: marked so, and never queued for the registry.
    """
    changes = [c for c in changes if c.operation != "update" or c.fields]
    if not changes:
        return
    log_entries(session, actor, _audit_rows(entity, changes))
    model = SYNCED.get(entity)
    note_changes(session, entity, (c.record_id for c in changes), sync_state=model is not None)
    if model is None:
        return
    session.flush()
    now = utcnow()
    for start in range(0, len(changes), _CHUNK):
        chunk = changes[start : start + _CHUNK]
        ids = [c.record_id for c in chunk]
        table = model.__table__
        values: dict[str, Any] = {"local_version": table.c.local_version + 1, "updated_at": now}
        if demo:
            values["is_demo"] = True
        session.execute(update(table).where(table.c.id.in_(ids)).values(**values))
        _expire(session, model, set(ids))
        _queue(session, actor, entity, model, chunk, now)


def _audit_rows(
    entity: str, changes: Sequence[Change]
) -> Iterable[tuple[str, str, str, str | None, str | None, str | None]]:
    for c in changes:
        if c.operation == "create":
            yield entity, c.record_id, "create", None, None, c.summary
        elif c.operation == "delete":
            yield entity, c.record_id, "delete", None, c.summary, None
        else:
            action = "decide" if c.decision else "update"
            for name, (before, after) in c.fields.items():
                yield entity, c.record_id, action, name, audit_text(before), audit_text(after)


def _expire(session: Session, model: type[SyncMixin], ids: set[str]) -> None:
    """Loaded copies of the records re-read their version and time (changed in SQL)."""
    for obj in list(session.identity_map.values()):
        if isinstance(obj, model) and obj.id in ids:
            session.expire(obj, ["local_version", "updated_at", "is_demo"])


def _queue(
    session: Session,
    actor: Actor,
    entity: str,
    model: type[SyncMixin],
    changes: Sequence[Change],
    now: datetime,
) -> None:
    """Adds the changes to the outbox, folding each into its record's unsent change."""
    table = model.__table__
    ids = [c.record_id for c in changes]
    state = {
        row.id: row
        for row in session.execute(
            select(
                table.c.id, table.c.local_version, table.c.server_revision, table.c.is_demo
            ).where(table.c.id.in_(ids))
        )
    }
    # The record's latest unsent change, when the same officer made it: the registry checks
    # each change against its author's account, so another officer's edit is a change of its
    # own (queued after, never folded into an earlier one).
    unsent = {
        row.record_id: row
        for row in session.scalars(
            select(OutboxChange)
            .where(
                OutboxChange.entity == entity,
                OutboxChange.record_id.in_(ids),
                OutboxChange.sent_at.is_(None),
            )
            .order_by(OutboxChange.seq)
        )
    }
    unsent = {rid: row for rid, row in unsent.items() if row.officer_id == actor.id}
    new_rows = []
    settled = []
    for c in changes:
        record = state[c.record_id]
        if record.is_demo:
            continue
        old = {name: wire_value(before) for name, (before, _) in c.fields.items()}
        queued = unsent.get(c.record_id)
        if queued is None:
            new_rows.append(
                {
                    "change_id": new_id(),
                    "entity": entity,
                    "record_id": c.record_id,
                    "operation": c.operation,
                    "base_revision": record.server_revision,
                    "old": old,
                    "upto_version": record.local_version,
                    "officer_id": actor.id,
                    "made_at": now,
                }
            )
            continue
        if c.operation == "delete" and queued.operation == "create":
            # Made and deleted before the registry heard of it: there is nothing to send.
            session.execute(delete(OutboxChange).where(OutboxChange.seq == queued.seq))
            settled.append(c.record_id)
            continue
        if queued.operation == "update":
            queued.operation = c.operation if c.operation == "delete" else "update"
            queued.old = {**old, **queued.old}
        queued.upto_version = record.local_version
        queued.made_at = now
    if new_rows:
        session.execute(insert(OutboxChange.__table__), new_rows)
    if settled:
        session.execute(
            update(table)
            .where(table.c.id.in_(settled))
            .values(synced_version=table.c.local_version)
        )
    session.flush()
