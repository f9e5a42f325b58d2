"""Reading and writing records: the row lock, the commit sequence and the audit trail.

A change's writes are collected and written together at the end of its transaction
(:func:`write`), after one ``UPDATE counters … RETURNING`` has given them their ``seq``: the
counter row stays locked until commit, so sequence numbers commit in order with any number of
processes, and a pull that has seen ``seq = n`` never later meets a commit below n.

On SQLite a batch of changes is one transaction holding the write lock throughout; a
:class:`Batch` then takes the counters in memory and inserts the rows nobody reads back during
the batch once at its end (see there).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, bindparam, insert, select, update
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
_COUNTER = select(models.counters.c.value).where(models.counters.c.name == bindparam("counter"))
_UNIQUE = select(records.c.id).where(
    records.c.entity == bindparam("entity"), records.c.unique_key == bindparam("key")
)


class Batch:
    """The changes of one SQLite batch: one transaction that holds the write lock from its
    ``BEGIN IMMEDIATE`` to its commit, each change in a savepoint of it.

    With no other writer possible meanwhile, what would cost a statement per change costs one
    for the batch:

    - counters (``seq``, registration numbers) are read once and taken in memory; :meth:`flush`
      writes their last values, so they commit with the records numbered from them;
    - claims of applied changes and audit entries are queued and inserted by :meth:`flush`,
      one statement per table (a query of a record's audit trail is preceded by
      :meth:`write_audit_of`);
    - a record read is remembered until the batch writes it (records themselves are written at
      once: the rules read them in SQL too).

    :meth:`change` wraps one change: when the change raises, what it took or queued is undone,
    as its savepoint undoes its statements.
    """

    def __init__(self) -> None:
        self._counters: dict[str, int] = {}
        self._in_table: dict[str, int | None] = {}
        self._queued: dict[Table, list[dict[str, Any]]] = {}
        self._audited: set[tuple[str, str]] = set()  # the records of the queued audit entries
        self._records: dict[tuple[str, str], Stored | None] = {}

    @contextmanager
    def change(self) -> Iterator[None]:
        """One change: what it took and queued is dropped when it raises (rows it wrote for
        :meth:`write_audit_of` are queued again: its savepoint undid them)."""
        counters = dict(self._counters)
        # A table's rows are written by replacing its list, so each list keeps what it held.
        queued = {table: (rows, len(rows)) for table, rows in self._queued.items()}
        try:
            yield
        except BaseException:
            self._counters = counters
            self._queued = {}
            for table, (rows, length) in queued.items():
                del rows[length:]
                self._queued[table] = rows
            self._audited = {
                (r["entity"], r["record_id"]) for r in self._queued.get(models.audit_log, [])
            }
            self._records.clear()
            raise

    def load(self, connection: Connection, entity: str, record_id: str) -> Stored | None:
        """The record, read once until the batch writes it."""
        key = (entity, record_id)
        if key not in self._records:
            row = connection.execute(_LOAD, {"entity": entity, "record_id": record_id}).first()
            self._records[key] = None if row is None else Stored(*row)
        return self._records[key]

    def written(self, entity: str, record_id: str) -> None:
        """Forgets a record the batch has just written."""
        self._records.pop((entity, record_id), None)

    def take(self, connection: Connection, name: str, count: int) -> int:
        """Takes ``count`` values of a counter (made at 0 when missing); returns the last."""
        if name not in self._counters:
            if name not in self._in_table:
                self._in_table[name] = connection.scalar(_COUNTER, {"counter": name})
            self._counters[name] = int(self._in_table[name] or 0)
        self._counters[name] += count
        return self._counters[name]

    def insert_later(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """Queues rows for :meth:`flush`."""
        self._queued.setdefault(table, []).extend(rows)
        if table is models.audit_log:
            self._audited.update((r["entity"], r["record_id"]) for r in rows)

    def write_audit_of(self, connection: Connection, entity: str, record_id: str) -> None:
        """Writes the queued audit entries when one is of this record (its trail is read
        next)."""
        if (entity, record_id) in self._audited:
            self._write(connection, models.audit_log)

    def flush(self, connection: Connection) -> None:
        """Inserts the queued rows and writes the counters taken (before the commit)."""
        for table in list(self._queued):
            self._write(connection, table)
        taken = [
            {"name": name, "value": value}
            for name, value in self._counters.items()
            if value != self._in_table[name]
        ]
        if taken:
            upsert = sqlite_insert(models.counters)
            connection.execute(
                upsert.on_conflict_do_update(
                    index_elements=["name"], set_={"value": upsert.excluded.value}
                ),
                taken,
            )

    def _write(self, connection: Connection, table: Table) -> None:
        rows = self._queued.get(table)
        if rows:
            self._queued[table] = []
            if table is models.audit_log:
                self._audited = set()
            connection.execute(table.insert(), rows)


def load(
    connection: Connection,
    entity: str,
    record_id: str,
    lock: bool = False,
    batch: Batch | None = None,
) -> Stored | None:
    """The record, locked for the rest of the transaction when ``lock`` (PostgreSQL's
    ``FOR UPDATE``; SQLite's transaction holds the write lock already)."""
    if batch is not None:
        return batch.load(connection, entity, record_id)
    query = _LOAD_LOCKED if lock and connection.dialect.name == "postgresql" else _LOAD
    row = connection.execute(query, {"entity": entity, "record_id": record_id}).first()
    return None if row is None else Stored(*row)


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


def next_seq(connection: Connection, count: int = 1, batch: Batch | None = None) -> int:
    """Takes ``count`` sequence numbers; returns the first. Locks the counter row to commit."""
    if batch is not None:
        last = batch.take(connection, "seq", count)
    else:
        last = connection.scalar(_NEXT, {"counter": "seq", "step": count})
    return int(last) - count + 1


def next_number(connection: Connection, name: str, batch: Batch | None = None) -> int:
    """The next value of a named counter (made at 0 when missing)."""
    if batch is not None:
        return batch.take(connection, name, 1)
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
    batch: Batch | None = None,
) -> None:
    """Writes the records with fresh sequence numbers, and their audit entries."""
    if not writes:
        return
    first = next_seq(connection, len(writes), batch)
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
        if batch is not None:
            batch.written(w.entity, w.id)
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
    if batch is not None:
        batch.insert_later(models.audit_log, audit_rows)
    elif audit_rows:
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
