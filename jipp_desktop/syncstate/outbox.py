"""The outbox as the sync reads it: the next batch to push (frozen when first sent), and the
bookkeeping that settles a record or puts its changes back in one row.

A row's new values are read from the record when the row is first sent and then frozen in
``fields``: a create sends every field as ``{old: None, new}``, an update the fields whose value
differs from ``old`` (an update left with none is dropped). Rows already sent go first, with
their own ``change_id``; a batch holds at most one row per record and stops at a record's second
row, so a later change waits for the acknowledgement of the earlier one and changes reach the
registry in the order they were made. Records in conflict or quarantine and demo records are
left out, and so are other officers' changes: each officer's go with their own account.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, delete, func, insert, select, update
from sqlalchemy.orm import Session

from jipp_desktop.db.models import Officer, OutboxChange, SyncProblem, new_id, utcnow
from jipp_desktop.syncstate.records import (
    canonical,
    local_states,
    record_data,
    records_data,
    table_of,
    wire_fields,
)

MAX_BATCH = 200
# Problem states whose records are not sent until the officer acts.
HELD = ("conflict", "quarantined")


@dataclass(frozen=True)
class Sender:
    """The officer whose changes are pushed, as the registry's ``Author`` names them."""

    id: str
    name: str
    nip: str | None
    role: str

    def author(self) -> dict[str, Any]:
        """The ``author`` of a change."""
        return {"id": self.id, "name": self.name, "nip": self.nip, "role": self.role}


def sender_of(session: Session, officer_id: str) -> Sender:
    """The stored officer as the sender of changes."""
    officer = session.get(Officer, officer_id)
    if officer is None:
        raise LookupError(f"no officer {officer_id}")
    return Sender(officer.id, officer.name, officer.nip, officer.role)


def held_records(session: Session) -> set[tuple[str, str]]:
    """Records in conflict or quarantine: (entity, id)."""
    rows = session.execute(
        select(SyncProblem.entity, SyncProblem.record_id).where(SyncProblem.state.in_(HELD))
    )
    return {(r.entity, r.record_id) for r in rows}


# What choosing a batch reads of each outbox row (not its JSON: most rows read are not picked).
_QUEUE_COLUMNS = (
    OutboxChange.seq,
    OutboxChange.entity,
    OutboxChange.record_id,
    OutboxChange.change_id,
    OutboxChange.officer_id,
)


def _queue_order(session: Session, page: int = 500) -> Iterator[Row[Any]]:
    """The outbox rows' queue columns, sent ones first, each part in the order the changes
    were made."""
    for sent in (True, False):
        last = 0
        while True:
            query = select(*_QUEUE_COLUMNS).where(OutboxChange.seq > last)
            query = query.where(
                OutboxChange.sent_at.is_not(None) if sent else OutboxChange.sent_at.is_(None)
            )
            rows = list(session.execute(query.order_by(OutboxChange.seq).limit(page)))
            yield from rows
            if len(rows) < page:
                break
            last = rows[-1].seq


def _candidates(
    session: Session,
    sender: Sender,
    exclude: Collection[str],
    in_flight: Collection[str],
    limit: int,
) -> list[OutboxChange]:
    """The rows of the next batch, in order, before freezing (see the module's description)."""
    held = held_records(session)
    picked: list[int] = []
    in_batch: set[tuple[str, str]] = set()
    blocked: set[tuple[str, str]] = set()
    flying: set[tuple[str, str]] = set()
    for row in _queue_order(session):
        key = (row.entity, row.record_id)
        if key in in_batch or key in flying:
            break
        if row.change_id in in_flight:
            flying.add(key)
            continue
        if key in blocked or key in held:
            continue
        if row.change_id in exclude or row.officer_id not in (None, sender.id):
            blocked.add(key)
            continue
        picked.append(row.seq)
        in_batch.add(key)
        if len(picked) >= limit:
            break
    # A batch is at most MAX_BATCH rows: one IN list.
    found = {
        row.seq: row
        for row in session.scalars(select(OutboxChange).where(OutboxChange.seq.in_(picked)))
    }
    return [found[seq] for seq in picked]


def _demo_ids(session: Session, rows: Iterable[OutboxChange]) -> set[tuple[str, str]]:
    by_entity: dict[str, list[str]] = {}
    for row in rows:
        by_entity.setdefault(row.entity, []).append(row.record_id)
    out = set()
    for entity, ids in by_entity.items():
        states = local_states(session, entity, ids)
        out |= {(entity, i) for i, s in states.items() if s.is_demo}
    return out


def next_batch(
    session: Session,
    sender: Sender,
    *,
    exclude: Collection[str] = (),
    in_flight: Collection[str] = (),
    limit: int = MAX_BATCH,
) -> list[dict[str, Any]]:
    """The next changes to push, as JSON-able ``Change`` messages; freezes unsent rows.

    The caller commits before sending, so that a change sent is always sent again with the
    same ``change_id`` and content.

    Args:
        session: a write transaction.
        sender: the officer pushing; rows of other officers wait for theirs.
        exclude: change ids already pushed in this exchange (a ``retry`` waits for the next).
        in_flight: change ids sent and not yet answered: left out, and the batch stops at a
            later change of their records (it waits for the answer).
        limit: the most changes in the batch.
    """
    rows = _candidates(session, sender, exclude, in_flight, limit)
    demo = _demo_ids(session, rows)
    unsent: dict[str, list[OutboxChange]] = {}
    for row in rows:
        if row.sent_at is None and (row.entity, row.record_id) not in demo:
            unsent.setdefault(row.entity, []).append(row)
    dropped: set[int] = set()
    now = utcnow()
    for entity, entity_rows in unsent.items():
        data = records_data(session, entity, [r.record_id for r in entity_rows])
        for row in entity_rows:
            fields = _frozen_fields(entity, row, data.get(row.record_id))
            if fields is None:
                _drop_empty(session, row)
                dropped.add(row.seq)
                continue
            row.fields = fields
            row.sent_at = now
    session.flush()
    return [
        _message(row, sender)
        for row in rows
        if row.seq not in dropped and (row.entity, row.record_id) not in demo
    ]


def _frozen_fields(
    entity: str, row: OutboxChange, data: Mapping[str, Any] | None
) -> dict[str, dict[str, Any]] | None:
    """The row's fields as sent; None when there is nothing to send."""
    if data is None:
        return None
    if row.operation == "create":
        return {name: {"old": None, "new": data[name]} for name in wire_fields(entity)}
    if row.operation == "delete":
        return {}
    known = set(wire_fields(entity))
    fields = {}
    for name, before in (row.old or {}).items():
        if name not in known:
            continue
        old = canonical(entity, name, before)
        if old != data[name]:
            fields[name] = {"old": old, "new": data[name]}
    return fields or None


def _drop_empty(session: Session, row: OutboxChange) -> None:
    """Drops an update that changes nothing; its record is settled unless an earlier row of it
    waits (then that row settles it up to this version)."""
    earlier = session.scalar(
        select(func.max(OutboxChange.seq)).where(
            OutboxChange.entity == row.entity,
            OutboxChange.record_id == row.record_id,
            OutboxChange.seq < row.seq,
        )
    )
    if earlier is not None:
        session.execute(
            update(OutboxChange)
            .where(OutboxChange.seq == earlier)
            .values(upto_version=row.upto_version)
        )
    else:
        settle(session, row.entity, row.record_id, row.upto_version)
    session.delete(row)


def _message(row: OutboxChange, sender: Sender) -> dict[str, Any]:
    return {
        "change_id": row.change_id,
        "entity": row.entity,
        "record_id": row.record_id,
        "operation": row.operation,
        "base_revision": row.base_revision,
        "fields": row.fields or {},
        "author": sender.author(),
        "made_at": row.made_at.isoformat(),
    }


def settle(session: Session, entity: str, record_id: str, version: int | None = None) -> None:
    """Marks the record acknowledged up to ``version`` (default: its current version), only
    where no newer local change was made meanwhile."""
    table = table_of(entity)
    query = update(table).where(table.c.id == record_id)
    if version is None:
        query = query.values(synced_version=table.c.local_version)
    else:
        query = query.where(table.c.local_version == version).values(synced_version=version)
    session.execute(query)


def rows_of(session: Session, entity: str, record_id: str) -> list[OutboxChange]:
    """The record's outbox rows, oldest first."""
    return list(
        session.scalars(
            select(OutboxChange)
            .where(OutboxChange.entity == entity, OutboxChange.record_id == record_id)
            .order_by(OutboxChange.seq)
        )
    )


def drop_rows(session: Session, entity: str, record_id: str) -> None:
    """Deletes every outbox row of the record."""
    session.execute(
        delete(OutboxChange).where(
            OutboxChange.entity == entity, OutboxChange.record_id == record_id
        )
    )


def rebase_later(session: Session, entity: str, record_id: str, revision: int) -> None:
    """The record's remaining rows are based on the registry's ``revision`` now."""
    session.execute(
        update(OutboxChange)
        .where(OutboxChange.entity == entity, OutboxChange.record_id == record_id)
        .values(base_revision=revision)
    )


def requeue(
    session: Session,
    entity: str,
    record_id: str,
    *,
    revision: int | None,
    theirs: Mapping[str, Any] | None,
    theirs_deleted: bool = False,
    officer_id: str | None = None,
) -> bool:
    """Replaces the record's outbox rows by one change from the registry's copy ``theirs``
    (at ``revision``) to the record as it is; settles the record when they already agree.

    Args:
        session: the caller's transaction.
        entity: the record's entity.
        record_id: the record.
        revision: the registry revision ``theirs`` is (None: the registry has no copy).
        theirs: the registry's data (None: the registry has no copy).
        theirs_deleted: the registry's copy is a tombstone.
        officer_id: the author of the new row (default: the author of its last row).

    Returns:
        Whether a change is queued.
    """
    rows = rows_of(session, entity, record_id)
    author = officer_id or next((r.officer_id for r in reversed(rows) if r.officer_id), None)
    touched: set[str] = set()
    for row in rows:
        touched |= set(row.old or {}) | set(row.fields or {})
    drop_rows(session, entity, record_id)
    state = local_states(session, entity, [record_id]).get(record_id)
    mine = record_data(session, entity, record_id)
    if state is None or mine is None:
        return False
    operation, old = _difference(entity, mine, state.deleted, theirs, theirs_deleted, touched)
    if operation is None:
        settle(session, entity, record_id)
        return False
    session.execute(
        insert(OutboxChange.__table__),
        [
            {
                "change_id": new_id(),
                "entity": entity,
                "record_id": record_id,
                "operation": operation,
                "base_revision": revision if theirs is not None else None,
                "old": old,
                "upto_version": state.local_version,
                "officer_id": author,
                "made_at": utcnow(),
            }
        ],
    )
    return True


def _difference(
    entity: str,
    mine: Mapping[str, Any],
    mine_deleted: bool,
    theirs: Mapping[str, Any] | None,
    theirs_deleted: bool,
    touched: set[str],
) -> tuple[str | None, dict[str, Any]]:
    """The change (operation, old values) that brings the registry's copy to the record."""
    if theirs is None:
        return (None, {}) if mine_deleted else ("create", {})
    if theirs_deleted:
        return None, {}
    if mine_deleted:
        return "delete", {}
    old = {}
    for name in wire_fields(entity):
        if name in theirs:
            value = canonical(entity, name, theirs[name])
            if canonical(entity, name, mine.get(name)) != value:
                old[name] = value
        elif name in touched:
            old[name] = None  # outside the account's view: sent as the officer wrote it
    return ("update", old) if old else (None, {})
