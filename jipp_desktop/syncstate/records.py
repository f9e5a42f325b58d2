"""Records as they travel to and from the registry: each entity's wire fields, their canonical
JSON form, reading them from the store and writing the registry's copy back (docs/SYNC.md).

The wire fields of an entity are its model's content columns: not the id, the sync metadata
(versions, revision, base, demo mark), ``updated_at`` and ``deleted_at`` (a remote record has
its own ``updated_at`` and ``deleted``) or values derived from others (an innovation's
``title_key``). Children without identity of their own travel inside the parent as one field:
an innovation's ``awards``, a hub's ``spokes`` and a commitment's ``signatories``.

Writing the registry's copy is remote state, not a local change: it goes around
``services.changes.record_changes`` (no audit entry, no version bump, no outbox row) and keeps
the registry's ``updated_at``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from sqlalchemy import Column, Date, Table, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from jipp_desktop.db.models import Award, HubSpoke, Signatory, UTCDateTime
from jipp_desktop.domain.validation import normalise_title
from jipp_desktop.services.changes import SYNCED, wire_value

# Columns of a syncable table that are not content.
NOT_CONTENT = frozenset(
    {
        "id",
        "local_version",
        "synced_version",
        "server_revision",
        "sync_base",
        "is_demo",
        "title_key",
        "updated_at",
        "deleted_at",
    }
)
ENTITIES = tuple(SYNCED)
# Each entity's column whose value names a record for the officer (problem lists).
LABELS = {
    "agency": "name",
    "hub": "decree",
    "innovation": "title",
    "verification": "outcome",
    "replication": "status",
    "commitment": "title",
    "attachment": "original_name",
}
_CHUNK = 500


@dataclass(frozen=True)
class ChildList:
    """Children of a record that travel as one field of the parent holding the whole list.

    Attributes:
        name: the parent's field on the wire.
        table: the children's table.
        parent: the column naming the parent.
        columns: the children's columns on the wire, in order; a list of one column travels
            as plain values (a hub's spokes: agency ids).
        order: the columns the canonical list is sorted by.
    """

    name: str
    table: Table
    parent: str
    columns: tuple[str, ...]
    order: tuple[str, ...]

    @property
    def scalar(self) -> bool:
        """Whether each child travels as a plain value rather than an object."""
        return len(self.columns) == 1

    def canonical(self, value: Any) -> list[Any]:
        """The list in its wire form, sorted; older forms (rows as lists, as the audit log of
        some services holds them) are accepted."""
        if not value:
            return []
        if self.scalar:
            return sorted(value, key=lambda v: (v is None, str(v)))
        items = []
        for i, item in enumerate(value, 1):
            if isinstance(item, Mapping):
                row = {c: item.get(c) for c in self.columns}
            else:
                values = list(item)
                names = [c for c in self.columns if c != "position"]
                if "position" in self.columns and len(values) == len(names):
                    row = dict(zip(names, values, strict=True))
                    row["position"] = i
                else:
                    row = dict(zip(self.columns, values, strict=False))
            if "position" in self.columns and row.get("position") is None:
                row["position"] = i  # another device may send the list in order, unnumbered
            items.append({c: self._default(c, row.get(c)) for c in self.columns})
        return sorted(items, key=lambda r: tuple(_sort_key(r[c]) for c in self.order))

    def _default(self, name: str, value: Any) -> Any:
        """A value left out by the sender, as the column's default where it has one (a
        signatory sent without ``is_witness`` is no witness)."""
        column = self.table.c[name]
        if value is None and not column.nullable and column.default is not None:
            return column.default.arg  # type: ignore[attr-defined]
        return value


def _sort_key(value: Any) -> tuple[bool, str]:
    return (value is None, f"{value:020d}" if isinstance(value, int) else str(value))


CHILDREN: dict[str, ChildList] = {
    "innovation": ChildList(
        "awards",
        Award.__table__,  # type: ignore[arg-type]
        "innovation_id",
        ("year", "competition", "stage_reached"),
        ("year", "competition", "stage_reached"),
    ),
    "hub": ChildList(
        "spokes",
        HubSpoke.__table__,  # type: ignore[arg-type]
        "hub_id",
        ("agency_id",),
        ("agency_id",),
    ),
    "commitment": ChildList(
        "signatories",
        Signatory.__table__,  # type: ignore[arg-type]
        "commitment_id",
        (
            "position",
            "agency_id",
            "agency_name",
            "official_name",
            "official_position",
            "nip",
            "is_witness",
        ),
        ("position",),
    ),
}


def table_of(entity: str) -> Table:
    """The table of a syncable entity."""
    return SYNCED[entity].__table__  # type: ignore[attr-defined,no-any-return]


@cache
def columns_of(entity: str) -> tuple[Column[Any], ...]:
    """The content columns of an entity (its wire fields, children apart)."""
    return tuple(c for c in table_of(entity).columns if c.name not in NOT_CONTENT)


@cache
def wire_fields(entity: str) -> tuple[str, ...]:
    """Every wire field of an entity: its content columns, then its children's list."""
    names = tuple(c.name for c in columns_of(entity))
    child = CHILDREN.get(entity)
    return (*names, child.name) if child else names


def _column(entity: str, name: str) -> Column[Any] | None:
    column = table_of(entity).columns.get(name)
    return column if column is not None and name not in NOT_CONTENT else None


def _parse_datetime(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        moment = value
    else:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _parse_date(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


@cache
def _kinds(entity: str) -> dict[str, str]:
    """Each wire field's kind: datetime, date, child (the children's list) or plain."""
    kinds = {}
    for column in columns_of(entity):
        if isinstance(column.type, UTCDateTime):
            kinds[column.name] = "datetime"
        elif isinstance(column.type, Date):
            kinds[column.name] = "date"
        else:
            kinds[column.name] = "plain"
    child = CHILDREN.get(entity)
    if child:
        kinds[child.name] = "child"
    return kinds


def python_value(entity: str, name: str, value: Any) -> Any:
    """A wire value as the store's column holds it (dates and times parsed)."""
    kind = _kinds(entity).get(name)
    if kind == "datetime":
        return _parse_datetime(value)
    if kind == "date":
        return _parse_date(value)
    return value


def canonical(entity: str, name: str, value: Any) -> Any:
    """A field's value in its one wire form, so that equal values compare equal (times in UTC
    ISO form, children lists sorted)."""
    kind = _kinds(entity).get(name, "plain")
    if kind == "plain":
        if value is None or isinstance(value, str | int | float):
            return value
        return wire_value(value)
    if kind == "child":
        return CHILDREN[entity].canonical(value)
    return wire_value(python_value(entity, name, value))


def canonical_data(entity: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """The known wire fields of ``data`` in canonical form (unknown keys are left out)."""
    known = set(wire_fields(entity))
    return {k: canonical(entity, k, v) for k, v in data.items() if k in known}


def records_data(session: Session, entity: str, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The wire data of each of these records that exists (deleted ones too), by id."""
    table = table_of(entity)
    columns = columns_of(entity)
    child = CHILDREN.get(entity)
    out: dict[str, dict[str, Any]] = {}
    ids = list(dict.fromkeys(ids))
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        for row in session.execute(select(table.c.id, *columns).where(table.c.id.in_(chunk))):
            values = row._mapping
            out[row.id] = {c.name: wire_value(values[c.name]) for c in columns}
            if child:
                out[row.id][child.name] = []
        if child:
            rows: dict[str, list[Any]] = {}
            parent = child.table.c[child.parent]
            query = select(parent, *(child.table.c[c] for c in child.columns)).where(
                parent.in_(chunk)
            )
            for row in session.execute(query):
                item = dict(row._mapping)
                owner = item.pop(child.parent)
                rows.setdefault(owner, []).append(item[child.columns[0]] if child.scalar else item)
            for owner, items in rows.items():
                if owner in out:
                    out[owner][child.name] = child.canonical(items)
    return out


def record_data(session: Session, entity: str, record_id: str) -> dict[str, Any] | None:
    """The record's wire data (JSON-able; dates in ISO form), or None when there is none."""
    return records_data(session, entity, [record_id]).get(record_id)


def _row_values(entity: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """Column values of the fields ``data`` holds (children apart)."""
    values = {}
    for name, value in data.items():
        column = _column(entity, name)
        if column is not None:
            values[name] = python_value(entity, name, value)
    if entity == "innovation" and "title" in values:
        values["title_key"] = normalise_title(values["title"] or "")
    return values


def _child_rows(entity: str, record_id: str, value: Any) -> list[dict[str, Any]]:
    child = CHILDREN[entity]
    rows = []
    for item in child.canonical(value):
        row = {child.columns[0]: item} if child.scalar else dict(item)
        row[child.parent] = record_id
        rows.append(row)
    return rows


def _replace_children(session: Session, entity: str, children: Mapping[str, Any]) -> None:
    """Replaces the children lists of these records (record id → its whole list)."""
    child = CHILDREN[entity]
    if not children:
        return
    parent = child.table.c[child.parent]
    ids = list(children)
    for start in range(0, len(ids), _CHUNK):
        session.execute(delete(child.table).where(parent.in_(ids[start : start + _CHUNK])))
    rows = [
        r for record_id, value in children.items() for r in _child_rows(entity, record_id, value)
    ]
    if rows:
        session.execute(insert(child.table), rows)


def _defaults(entity: str) -> dict[str, Any]:
    """What a column holds when a pulled record does not carry it (its Python default)."""
    out = {}
    for column in columns_of(entity):
        default = column.default
        value = None
        if default is not None and getattr(default, "is_scalar", False):
            value = default.arg  # type: ignore[attr-defined]
        elif default is not None and getattr(default, "is_callable", False):
            value = default.arg(None)  # type: ignore[attr-defined]
        out[column.name] = value
    return out


@dataclass(frozen=True)
class RemoteCopy:
    """The registry's copy of one record as the store keeps it."""

    entity: str
    id: str
    revision: int
    deleted: bool
    data: dict[str, Any]
    updated_at: datetime

    @classmethod
    def of(cls, record: Any) -> RemoteCopy:
        """The copy of a ``protocol.RemoteRecord`` (or anything with its attributes)."""
        if isinstance(record, RemoteCopy):
            return record
        return cls(
            record.entity,
            record.id,
            int(record.revision),
            bool(record.deleted),
            dict(record.data),
            _parse_datetime(record.updated_at) or datetime.now(UTC),
        )

    def to_json(self) -> dict[str, Any]:
        """The copy as the store's JSON keeps it (a problem's registry copy)."""
        return {
            "entity": self.entity,
            "id": self.id,
            "revision": self.revision,
            "deleted": self.deleted,
            "data": canonical_data(self.entity, self.data),
            "updated_at": self.updated_at.isoformat(),
        }

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> RemoteCopy:
        """The copy :meth:`to_json` kept."""
        return cls(
            value["entity"],
            value["id"],
            int(value["revision"]),
            bool(value["deleted"]),
            dict(value["data"]),
            _parse_datetime(value["updated_at"]) or datetime.now(UTC),
        )


def insert_remote(session: Session, copies: Sequence[RemoteCopy]) -> None:
    """Inserts records the store does not have, as the registry has them (one entity)."""
    if not copies:
        return
    entity = copies[0].entity
    defaults = _defaults(entity)
    rows = []
    for copy in copies:
        data = canonical_data(entity, copy.data)
        row = {**defaults, **_row_values(entity, data)}
        if entity == "innovation":
            row["title_key"] = normalise_title(row.get("title") or "")
        updated = _parse_datetime(copy.updated_at)
        row.update(
            id=copy.id,
            local_version=0,
            synced_version=0,
            server_revision=copy.revision,
            sync_base=data,
            is_demo=False,
            updated_at=updated,
            deleted_at=updated if copy.deleted else None,
        )
        rows.append(row)
    session.execute(insert(table_of(entity)), rows)
    child = CHILDREN.get(entity)
    if child:
        _replace_children(
            session,
            entity,
            {c.id: c.data.get(child.name) for c in copies if child.name in c.data},
        )


def write_remote(
    session: Session,
    copy: RemoteCopy,
    fields: Iterable[str] | None = None,
    *,
    current: Mapping[str, Any] | None = None,
    base: Mapping[str, Any] | None = None,
    metadata: bool = True,
) -> None:
    """Writes the registry's values of ``fields`` (default: all it holds) into an existing record.

    Only columns whose value differs from ``current`` (read when not given) are written, so a
    reference to a record outside this device's scope is not checked again.

    Args:
        session: the caller's transaction.
        copy: the registry's copy.
        fields: the wire fields to take from it.
        current: the record's wire data, when the caller has it.
        base: the registry copy to keep as the merge base (default: ``copy.data``).
        metadata: also set the revision, the base, ``updated_at`` and the tombstone from the
            copy; without, only the fields are written.
    """
    entity = copy.entity
    table = table_of(entity)
    data = canonical_data(entity, copy.data)
    if current is None:
        current = record_data(session, entity, copy.id) or {}
    names = set(data) if fields is None else set(fields) & set(data)
    changed = {n: data[n] for n in names if canonical(entity, n, current.get(n)) != data[n]}
    values = _row_values(entity, changed)
    if metadata:
        updated = _parse_datetime(copy.updated_at)
        values.update(
            server_revision=copy.revision,
            sync_base=canonical_data(entity, base) if base is not None else data,
        )
        was_deleted = session.scalar(select(table.c.deleted_at).where(table.c.id == copy.id))
        if copy.deleted:
            values["deleted_at"] = was_deleted or updated
        else:
            values["deleted_at"] = None
        if changed or (copy.deleted != (was_deleted is not None)):
            values["updated_at"] = updated
    if values:
        session.execute(update(table).where(table.c.id == copy.id).values(**values))
    child = CHILDREN.get(entity)
    if child and child.name in changed:
        _replace_children(session, entity, {copy.id: changed[child.name]})
    expire(session, entity, [copy.id])


def apply_remote_data(
    session: Session,
    entity: str,
    record_id: str,
    data: Mapping[str, Any],
    *,
    revision: int,
    updated_at: datetime,
    deleted: bool = False,
) -> None:
    """Writes one record as the registry has it (inserted when the store lacks it), around
    ``record_changes``: no outbox row, no version bump, no audit entry; the registry's copy
    becomes the merge base and its ``updated_at`` the record's. The caller makes sure the
    record has no pending change (``syncstate.pull`` merges those instead)."""
    copy = RemoteCopy(entity, record_id, revision, deleted, dict(data), updated_at)
    if record_id in local_states(session, entity, [record_id]):
        write_remote(session, copy)
    elif not deleted:
        insert_remote(session, [copy])


def write_many(session: Session, entity: str, data: Mapping[str, Mapping[str, Any]]) -> None:
    """Writes wire values into many records (record id → its fields), one executemany per set
    of fields; no metadata, no audit."""
    if not data:
        return
    table = table_of(entity)
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for record_id, fields in data.items():
        values = _row_values(entity, fields)
        if values:
            key = tuple(sorted(values))
            groups.setdefault(key, []).append(
                {"b_id": record_id, **{f"b_{k}": v for k, v in values.items()}}
            )
    connection = session.connection()
    for names, rows in groups.items():
        query = (
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values({name: bindparam(f"b_{name}") for name in names})
        )
        connection.execute(query, rows)
    child = CHILDREN.get(entity)
    if child:
        lists = {i: f[child.name] for i, f in data.items() if child.name in f}
        _replace_children(session, entity, lists)
    expire(session, entity, list(data))


def write_remote_many(
    session: Session,
    entity: str,
    copies: Sequence[RemoteCopy],
    current: Mapping[str, Mapping[str, Any]],
    deleted: Mapping[str, bool],
) -> None:
    """Writes the registry's copies over records without pending changes, in bulk: the
    columns that differ from ``current`` (record id → its wire data), the revision, the base,
    the tombstone and, when content changed, the registry's ``updated_at``.

    Args:
        session: the caller's transaction.
        entity: the records' entity.
        copies: the registry's copies.
        current: the records' wire data now.
        deleted: whether each record is a tombstone now.
    """
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    children: dict[str, Any] = {}
    child = CHILDREN.get(entity)
    for copy in copies:
        data = canonical_data(entity, copy.data)
        mine = current.get(copy.id, {})
        changed = {n: v for n, v in data.items() if canonical(entity, n, mine.get(n)) != v}
        values = _row_values(entity, changed)
        values.update(server_revision=copy.revision, sync_base=data)
        was = deleted.get(copy.id, False)
        updated = _parse_datetime(copy.updated_at)
        if copy.deleted != was:
            values["deleted_at"] = updated if copy.deleted else None
        if changed or copy.deleted != was:
            values["updated_at"] = updated
        if child and child.name in changed:
            children[copy.id] = changed[child.name]
        key = tuple(sorted(values))
        groups.setdefault(key, []).append(
            {"b_id": copy.id, **{f"b_{k}": v for k, v in values.items()}}
        )
    table = table_of(entity)
    connection = session.connection()
    for names, rows in groups.items():
        query = (
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values({name: bindparam(f"b_{name}") for name in names})
        )
        connection.execute(query, rows)
    if child:
        _replace_children(session, entity, children)
    expire(session, entity, [c.id for c in copies])


def write_local(session: Session, entity: str, record_id: str, data: Mapping[str, Any]) -> None:
    """Writes wire values into a record's columns and children (no metadata, no audit)."""
    values = _row_values(entity, data)
    if values:
        table = table_of(entity)
        session.execute(update(table).where(table.c.id == record_id).values(**values))
    child = CHILDREN.get(entity)
    if child and child.name in data:
        _replace_children(session, entity, {record_id: data[child.name]})
    expire(session, entity, [record_id])


@dataclass(frozen=True)
class LocalState:
    """A record's sync metadata in the store."""

    local_version: int
    synced_version: int
    server_revision: int | None
    sync_base: dict[str, Any] | None
    is_demo: bool
    deleted: bool

    @property
    def pending(self) -> bool:
        """Whether the record has changes the registry has not acknowledged."""
        return self.local_version > self.synced_version


def local_states(session: Session, entity: str, ids: Iterable[str]) -> dict[str, LocalState]:
    """The sync metadata of each of these records that exists, by id."""
    table = table_of(entity)
    out = {}
    ids = list(dict.fromkeys(ids))
    for start in range(0, len(ids), _CHUNK):
        query = select(
            table.c.id,
            table.c.local_version,
            table.c.synced_version,
            table.c.server_revision,
            table.c.sync_base,
            table.c.is_demo,
            table.c.deleted_at,
        ).where(table.c.id.in_(ids[start : start + _CHUNK]))
        for row in session.execute(query):
            out[row.id] = LocalState(
                row.local_version,
                row.synced_version,
                row.server_revision,
                row.sync_base,
                bool(row.is_demo),
                row.deleted_at is not None,
            )
    return out


def expire(session: Session, entity: str, ids: Iterable[str]) -> None:
    """Loaded copies of these records re-read what was written to them in SQL."""
    model = SYNCED[entity]
    wanted = set(ids)
    for obj in list(session.identity_map.values()):
        if isinstance(obj, model) and obj.id in wanted:
            session.expire(obj)
