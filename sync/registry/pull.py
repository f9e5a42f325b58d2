"""``GET /pull``: the records changed since a cursor, in commit order, in the account's scope.

The cursor is opaque to the device: base64url of JSON ``{"s": seq, "d": database id, "h": scope
digest}``. Sequence numbers commit in order (sync.registry.store), so a page ends at the counter
value read before it and nothing committed later can land below it. A cursor of another
database (a restored copy) or of another scope (the account's agencies or region changed) is
refused with 410: the device pulls from the beginning.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from sqlalchemy import Engine, select

from sync.protocol import MAX_PULL_PAGE, PullPage, RemoteRecord
from sync.registry import models
from sync.registry.clock import aware
from sync.registry.db import read_only
from sync.registry.scope import CONTACT_FIELDS, AccountInfo
from sync.registry.store import Stored, Write


class BadCursor(ValueError):
    """The cursor is not one this registry made."""


class StaleCursor(ValueError):
    """The cursor is of another database or another scope."""


def encode_cursor(seq: int, database_id: str, scope_digest: str) -> str:
    """The opaque cursor."""
    text = json.dumps({"s": seq, "d": database_id, "h": scope_digest}, separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, database_id: str, scope_digest: str) -> int:
    """The sequence number of a cursor of this database and scope."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        parsed = json.loads(raw)
        seq, db, digest = parsed["s"], parsed["d"], parsed["h"]
    except (binascii.Error, ValueError, KeyError, TypeError) as exc:
        raise BadCursor(cursor) from exc
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 0:
        raise BadCursor(cursor)
    if db != database_id or digest != scope_digest:
        raise StaleCursor(cursor)
    return seq


def visible_data(
    entity: str, data: dict[str, Any], agency_id: str | None, account: AccountInfo
) -> dict[str, Any]:
    """The record's data as this account may see it: contact details only for accounts of the
    record's agency and admins (left out, not blanked: absent means "not sent")."""
    if entity == "innovation" and not account.sees_contacts(agency_id):
        return {k: v for k, v in data.items() if k not in CONTACT_FIELDS}
    return data


def remote(record: Stored | Write, account: AccountInfo) -> RemoteRecord:
    """The wire copy of a stored or just written record."""
    return RemoteRecord(
        entity=record.entity,  # type: ignore[arg-type]
        id=record.id,
        revision=record.revision,
        deleted=record.deleted,
        data=visible_data(record.entity, record.data, record.agency_id, account),
        updated_at=aware(record.updated_at),
    )


def pull(
    engine: Engine, account: AccountInfo, database_id: str, cursor: str, limit: int
) -> PullPage:
    """One page of changes after ``cursor`` (empty: from the beginning)."""
    digest = account.scope_digest()
    after = decode_cursor(cursor, database_id, digest) if cursor else 0
    limit = max(1, min(limit, MAX_PULL_PAGE))
    r = models.records.c
    with engine.connect() as connection, read_only(connection).begin():
        ceiling = int(
            connection.scalar(
                select(models.counters.c.value).where(models.counters.c.name == "seq")
            )
            or 0
        )
        rows = connection.execute(
            select(r.entity, r.id, r.revision, r.deleted, r.data, r.agency_id, r.updated_at, r.seq)
            .where(r.seq > after, r.seq <= ceiling, account.pull_filter())
            .order_by(r.seq)
            .limit(limit + 1)
        ).all()
    has_more = len(rows) > limit
    rows = rows[:limit]
    last = rows[-1].seq if has_more else max(ceiling, after)
    return PullPage(
        changes=[
            RemoteRecord(
                entity=row.entity,
                id=row.id,
                revision=row.revision,
                deleted=row.deleted,
                data=visible_data(row.entity, row.data, row.agency_id, account),
                updated_at=aware(row.updated_at),
            )
            for row in rows
        ],
        next_cursor=encode_cursor(last, database_id, digest),
        has_more=has_more,
    )
