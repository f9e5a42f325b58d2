"""Reading and writing records: the row lock, the commit sequence and the audit trail.

A change's writes are collected and written together at the end of its transaction
(:func:`write`), after one ``UPDATE counters … RETURNING`` has given them their ``seq``: the
counter row stays locked until commit, so sequence numbers commit in order with any number of
processes, and a pull that has seen ``seq = n`` never later meets a commit below n.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from sync.registry import models
from sync.registry.clock import aware, utcnow

records = models.records


@dataclass
class Stored:
    """A record as the registry holds it."""

    entity: str
    id: str
    revision: int
    seq: int
    deleted: bool
    data: dict[str, Any]
    field_revisions: dict[str, int]
    agency_id: str | None
    region_code: str | None
    parent_id: str | None
    unique_key: str | None
    file_sha256: str | None
    created_by_account: int | None
    updated_at: Any

    def field_revision(self, name: str) -> int:
        """The revision the field last changed in (its creation's when never changed)."""
        return int(self.field_revisions.get(name, 1))


@dataclass
class NewRecord:
    """A record to insert as it is (seeding)."""

    entity: str
    id: str
    data: dict[str, Any]
    agency_id: str | None
    region_code: str | None
    parent_id: str | None = None
    unique_key: str | None = None


@dataclass
class AuditEntry:
    """One line of the audit trail."""

    action: str  # create | update | delete
    field: str | None
    before: Any
    after: Any


@dataclass
class Write:
    """One record's new state, written by :func:`write` with the change's other writes."""

    entity: str
    id: str
    revision: int
    deleted: bool
    data: dict[str, Any]
    field_revisions: dict[str, int]
    agency_id: str | None
    region_code: str | None
    parent_id: str | None
    unique_key: str | None
    file_sha256: str | None
    created_by_account: int | None
    is_new: bool
    audit: list[AuditEntry] = field(default_factory=list)
    seq: int = 0
    updated_at: Any = None


_COLUMNS = (
    records.c.entity,
    records.c.id,
    records.c.revision,
    records.c.seq,
    records.c.deleted,
    records.c.data,
    records.c.field_revisions,
    records.c.agency_id,
    records.c.region_code,
    records.c.parent_id,
    records.c.unique_key,
    records.c.file_sha256,
    records.c.created_by_account,
    records.c.updated_at,
)


# Statements built once: building a statement costs more than running it on SQLite.
_LOAD = select(*_COLUMNS).where(
    records.c.entity == bindparam("entity"), records.c.id == bindparam("record_id")
)
_LOAD_LOCKED = _LOAD.with_for_update()
_INSERT = records.insert()
_UPDATE = (
    update(records)
    .where(records.c.entity == bindparam("w_entity"), records.c.id == bindparam("w_id"))
    .values(
        {
            name: bindparam(name)
            for name in (
                "revision",
                "seq",
                "deleted",
                "data",
                "field_revisions",
                "agency_id",
                "region_code",
                "parent_id",
                "unique_key",
                "file_sha256",
                "updated_at",
            )
        }
    )
)
_AUDIT = models.audit_log.insert()
_NEXT = (
    update(models.counters)
    .where(models.counters.c.name == bindparam("counter"))
    .values(value=models.counters.c.value + bindparam("step"))
    .returning(models.counters.c.value)
)
_UNIQUE = select(records.c.id).where(
    records.c.entity == bindparam("entity"), records.c.unique_key == bindparam("key")
)


def load(connection: Connection, entity: str, record_id: str, lock: bool = False) -> Stored | None:
    """The record, locked for the rest of the transaction when ``lock`` (PostgreSQL's
    ``FOR UPDATE``; SQLite's transaction holds the write lock already)."""
    query = _LOAD_LOCKED if lock and connection.dialect.name == "postgresql" else _LOAD
    row = connection.execute(query, {"entity": entity, "record_id": record_id}).first()
    return None if row is None else Stored(*row)


def live(connection: Connection, entity: str, record_id: str | None) -> Stored | None:
    """The record when it exists and is not deleted."""
    if not record_id or not isinstance(record_id, str):
        return None
    found = load(connection, entity, record_id)
    return None if found is None or found.deleted else found


def children(
    connection: Connection, parent_id: str, entities: tuple[str, ...], lock: bool = False
) -> list[Stored]:
    """The live records of ``entities`` that belong to an innovation."""
    query = (
        select(*_COLUMNS)
        .where(
            records.c.parent_id == parent_id,
            records.c.entity.in_(entities),
            records.c.deleted.is_(False),
        )
        .order_by(records.c.entity, records.c.id)
    )
    if lock and connection.dialect.name == "postgresql":
        query = query.with_for_update()
    return [Stored(*row) for row in connection.execute(query)]


def successor(
    stored: Stored,
    *,
    changes: dict[str, Any] | None = None,
    deleted: bool = False,
    audit: list[AuditEntry] | None = None,
) -> Write:
    """The next revision of a stored record: ``changes`` applied, or a tombstone."""
    revision = stored.revision + 1
    field_revisions = dict(stored.field_revisions)
    for name in changes or {}:
        field_revisions[name] = revision
    return Write(
        entity=stored.entity,
        id=stored.id,
        revision=revision,
        deleted=deleted,
        data={**stored.data, **(changes or {})},
        field_revisions=field_revisions,
        agency_id=stored.agency_id,
        region_code=stored.region_code,
        parent_id=stored.parent_id,
        unique_key=stored.unique_key,
        file_sha256=stored.file_sha256,
        created_by_account=stored.created_by_account,
        is_new=False,
        audit=audit or [],
    )


def unique_owner(connection: Connection, entity: str, key: str) -> str | None:
    """The id of the record of ``entity`` holding ``key``."""
    return connection.scalar(_UNIQUE, {"entity": entity, "key": key})


def next_seq(connection: Connection, count: int = 1) -> int:
    """Takes ``count`` sequence numbers; returns the first. Locks the counter row to commit."""
    last = connection.scalar(_NEXT, {"counter": "seq", "step": count})
    return int(last) - count + 1


def next_number(connection: Connection, name: str) -> int:
    """The next value of a named counter (made at 0 when missing)."""
    value = connection.scalar(_NEXT, {"counter": name, "step": 1})
    if value is not None:
        return int(value)
    dialect_insert = pg_insert if connection.dialect.name == "postgresql" else sqlite_insert
    connection.execute(
        dialect_insert(models.counters)
        .values(name=name, value=0)
        .on_conflict_do_nothing(index_elements=["name"])
    )
    return int(connection.scalar(_NEXT, {"counter": name, "step": 1}))


def audit_text(value: Any) -> str | None:
    """A value as the audit trail keeps it (JSON)."""
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def write(
    connection: Connection,
    writes: list[Write],
    *,
    account_id: int | None,
    device_id: str | None,
    change_id: str | None,
) -> None:
    """Writes the records with fresh sequence numbers, and their audit entries."""
    if not writes:
        return
    first = next_seq(connection, len(writes))
    now = utcnow()
    audit_rows = []
    for offset, w in enumerate(writes):
        w.seq, w.updated_at = first + offset, now
        values = {
            "revision": w.revision,
            "seq": w.seq,
            "deleted": w.deleted,
            "data": w.data,
            "field_revisions": w.field_revisions,
            "agency_id": w.agency_id,
            "region_code": w.region_code,
            "parent_id": w.parent_id,
            "unique_key": w.unique_key,
            "file_sha256": w.file_sha256,
            "updated_at": now,
        }
        if w.is_new:
            connection.execute(
                _INSERT,
                {
                    "entity": w.entity,
                    "id": w.id,
                    "created_by_account": w.created_by_account,
                    **values,
                },
            )
        else:
            connection.execute(_UPDATE, {"w_entity": w.entity, "w_id": w.id, **values})
        audit_rows += [
            {
                "account_id": account_id,
                "device_id": device_id,
                "change_id": change_id,
                "entity": w.entity,
                "record_id": w.id,
                "action": a.action,
                "field": a.field,
                "before": audit_text(a.before),
                "after": audit_text(a.after),
                "at": now,
            }
            for a in w.audit
        ]
    if audit_rows:
        connection.execute(_AUDIT, audit_rows)


def write_new_records(connection: Connection, new: list[NewRecord]) -> None:
    """Inserts records as revision 1 (seeding), in one statement."""
    first = next_seq(connection, len(new))
    now = utcnow()
    connection.execute(
        insert(records),
        [
            {
                "entity": r.entity,
                "id": r.id,
                "revision": 1,
                "seq": first + i,
                "deleted": False,
                "data": r.data,
                "field_revisions": {},
                "agency_id": r.agency_id,
                "region_code": r.region_code,
                "parent_id": r.parent_id,
                "unique_key": r.unique_key,
                "file_sha256": None,
                "created_by_account": None,
                "updated_at": now,
            }
            for i, r in enumerate(new)
        ],
    )


def updated_at(stored: Stored | Write) -> Any:
    """The record's last write time, aware."""
    return aware(stored.updated_at)
