"""``POST /push``: each change in its own transaction (docs/SYNC.md, "Push").

On PostgreSQL every change commits on its own, so concurrent server processes hold the sequence
counter only for the moment of one change's commit. On SQLite, where writers take turns anyway,
a batch is one transaction and each change a savepoint in it: a refused change rolls back its
savepoint only, and the batch commits once (one WAL commit instead of one per change). That
transaction holds the write lock throughout, so the batch's claims, audit entries and counters
are kept in a :class:`~sync.registry.store.Batch` and written once at its end.

1. The change id is claimed in ``applied_changes`` (primary key) with a digest of the change; a
   second claim of the same id waits for the first and then fails, and the stored result is
   answered (``duplicate``) or, for other content, ``change_id_reused``. (SQLite: the batch's
   ids claimed before are read at its start; a claim is queued once its change is applied.)
2. The record is locked, the account's scope checked (before and after the change).
3. Against the base revision: a changed field whose registry revision is newer than the base
   and whose value differs is a conflict; none → ``applied`` (base current) or ``merged``.
4. The entity's rules (sync.registry.rules) check role, domain rules, workflow and four eyes.
5. The writes get their sequence numbers last and commit with the stored result. A refused or
   conflicting change rolls back, claim included, so sending it again re-evaluates it.
"""

from __future__ import annotations

import hashlib
import json
import logging
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError, IntegrityError

from jipp_desktop.domain.errors import FieldError
from sync.protocol import MAX_CHANGE_BYTES, Change, ChangeResult, Push, PushResult, Text
from sync.registry import models, store
from sync.registry.clock import utcnow
from sync.registry.db import is_transient, read_only, savepoint
from sync.registry.pull import remote
from sync.registry.rules import RULES
from sync.registry.rules.base import (
    Context,
    Refusal,
    Rejected,
    Retry,
    Scope,
    invalid,
    require_scope,
)
from sync.registry.scope import AccountInfo
from sync.registry.store import AuditEntry, Stored, Write
from sync.registry.wire import DERIVED, SYNC_META, coerce, entity_fields

log = logging.getLogger("jipp_registry")


_CLAIM = models.applied_changes.insert()
_STORE_RESULT = (
    update(models.applied_changes)
    .where(models.applied_changes.c.change_id == bindparam("claimed"))
    .values(result=bindparam("result"))
)


class _Taken(Exception):
    """The change id is in applied_changes already."""


class _Discard(Exception):
    """Roll the change's transaction back and answer ``result``."""

    def __init__(self, result: ChangeResult) -> None:
        super().__init__(result.outcome)
        self.result = result


def canonical_json(change: Change) -> str:
    """A change's content as canonical JSON (what its digest is of)."""
    return json.dumps(change.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))


def push(engine: Engine, account: AccountInfo, body: Push) -> PushResult:
    """Applies a batch: one result per change, in the order sent."""
    remember_officers(engine, account, body.changes)
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            return PushResult(results=_apply_grouped(connection, account, body))
        # One connection for the batch, one transaction per change.
        return PushResult(
            results=[
                apply_change(engine, connection, account, body.device_id, c) for c in body.changes
            ]
        )


def _apply_grouped(connection: Connection, account: AccountInfo, body: Push) -> list[ChangeResult]:
    """The batch in one transaction, each change in a savepoint of it (SQLite)."""
    try:
        with connection.begin():
            batch = store.Batch()
            claims = _claims(connection, [c.change_id for c in body.changes])
            results = [
                _apply_in_batch(connection, batch, claims, account, body.device_id, c)
                for c in body.changes
            ]
            batch.flush(connection)
            return results
    except DBAPIError as exc:
        if not is_transient(exc):
            raise
        # Nothing of the batch was committed: every change is sent again.
        log.info("batch %s: retry after %s", body.batch_id, type(exc.orig).__name__)
        return [_retry(c, "busy") for c in body.changes]


def _claims(connection: Connection, change_ids: list[str]) -> dict[str, tuple[str, Any]]:
    """The change ids of a batch claimed before: change id → (digest, stored result)."""
    table = models.applied_changes
    rows = connection.execute(
        select(table.c.change_id, table.c.digest, table.c.result).where(
            table.c.change_id.in_(change_ids)
        )
    )
    return {row.change_id: (row.digest, row.result) for row in rows}


def _apply_in_batch(
    connection: Connection,
    batch: store.Batch,
    claims: dict[str, tuple[str, Any]],
    account: AccountInfo,
    device_id: str,
    change: Change,
) -> ChangeResult:
    """One change in a savepoint of the batch's transaction (SQLite). The write lock is held
    throughout, so the change id is claimed by looking it up in ``claims`` (the batch's
    earlier changes included); the claim is inserted with the batch's other rows at its end."""
    text = canonical_json(change)
    if len(text) > MAX_CHANGE_BYTES:
        return _too_large(change)
    digest = hashlib.sha256(text.encode()).hexdigest()
    if change.change_id in claims:
        return _replay(change, digest, *claims[change.change_id])
    try:
        with savepoint(connection), batch.change():
            result = evaluate(Context(connection, account, device_id, change, batch=batch))
            if result.outcome not in ("applied", "merged"):
                raise _Discard(result)
    except _Discard as discarded:
        return discarded.result
    except (Refusal, DBAPIError) as exc:
        return _failed(change, exc)
    stored = result.model_dump(mode="json")
    claims[change.change_id] = (digest, stored)
    batch.insert_later(models.applied_changes, [_claim(change, digest, stored, account, device_id)])
    return result


def apply_change(
    engine: Engine,
    connection: Connection,
    account: AccountInfo,
    device_id: str,
    change: Change,
) -> ChangeResult:
    """One change in its own transaction (PostgreSQL; see the module's docstring)."""
    text = canonical_json(change)
    if len(text) > MAX_CHANGE_BYTES:
        return _too_large(change)
    digest = hashlib.sha256(text.encode()).hexdigest()
    try:
        with connection.begin():
            try:
                connection.execute(_CLAIM, _claim(change, digest, None, account, device_id))
            except IntegrityError as exc:
                raise _Taken from exc
            result = evaluate(Context(connection, account, device_id, change))
            if result.outcome not in ("applied", "merged"):
                raise _Discard(result)
            connection.execute(
                _STORE_RESULT,
                {"claimed": change.change_id, "result": result.model_dump(mode="json")},
            )
        return result
    except _Discard as discarded:
        return discarded.result
    except _Taken:
        table = models.applied_changes
        with engine.connect() as reader, read_only(reader).begin():
            row = reader.execute(
                select(table.c.digest, table.c.result).where(table.c.change_id == change.change_id)
            ).first()
        if row is None:
            return _retry(change, "busy")
        return _replay(change, digest, row.digest, row.result)
    except (Refusal, DBAPIError) as exc:
        return _failed(change, exc)


def _failed(change: Change, exc: Refusal | DBAPIError) -> ChangeResult:
    """The answer to a change the rules refused or the database turned away."""
    if isinstance(exc, Refusal):
        return _refused(change, exc)
    if isinstance(exc, IntegrityError) or is_transient(exc):
        # Another writer took the same record or number in the meantime (or the store was
        # busy): the next try sees its write and decides again.
        log.info("change %s: retry after %s", change.change_id, type(exc.orig).__name__)
        return _retry(change, "busy")
    raise exc


def _claim(
    change: Change, digest: str, result: Any, account: AccountInfo, device_id: str
) -> dict[str, Any]:
    """The row of ``applied_changes`` claiming a change id."""
    return {
        "change_id": change.change_id,
        "digest": digest,
        "result": result,
        "account_id": account.id,
        "device_id": device_id,
        "at": utcnow(),
    }


def _too_large(change: Change) -> ChangeResult:
    return ChangeResult(
        change_id=change.change_id,
        outcome="rejected",
        code="too_large",
        reason=Text(
            id=f"perubahan ini lebih dari {MAX_CHANGE_BYTES} bita",
            en=f"this change is larger than {MAX_CHANGE_BYTES} bytes",
        ),
    )


def _refused(change: Change, refusal: Refusal) -> ChangeResult:
    return ChangeResult(
        change_id=change.change_id,
        outcome=refusal.outcome,  # type: ignore[arg-type]
        code=refusal.code,
        reason=refusal.reason,
        fields=refusal.fields,
    )


def _retry(change: Change, code: str) -> ChangeResult:
    return ChangeResult(
        change_id=change.change_id,
        outcome="retry",
        code=code,
        reason=Text(
            id="registri sedang sibuk dengan data yang sama; kirim ulang",
            en="the registry was busy with the same data; send again",
        ),
    )


def _replay(change: Change, digest: str, claimed_digest: str, result: Any) -> ChangeResult:
    """The answer to a change id that was claimed before, with ``claimed_digest`` and the
    stored ``result`` (None while its change is still being applied)."""
    if result is None:
        return _retry(change, "busy")
    if claimed_digest != digest:
        return ChangeResult(
            change_id=change.change_id,
            outcome="rejected",
            code="change_id_reused",
            reason=Text(
                id="id perubahan ini sudah dipakai untuk perubahan lain",
                en="this change id was used for another change",
            ),
        )
    stored = ChangeResult.model_validate(result)
    return ChangeResult(
        change_id=change.change_id,
        outcome="duplicate",
        was=stored.outcome,  # type: ignore[arg-type]
        revision=stored.revision,
        record=stored.record,
    )


def clean_fields(entity: str, change: Change) -> dict[str, Any]:
    """The change's new values in canonical form; unknown fields and wrong types refused."""
    specs = entity_fields(entity)
    ignored = SYNC_META | DERIVED.get(entity, frozenset())
    out: dict[str, Any] = {}
    errors: list[FieldError] = []
    for name, field_change in change.fields.items():
        if name in ignored:
            continue
        spec = specs.get(name)
        if spec is None:
            errors.append(FieldError(name, "kolom tidak dikenal", "unknown field"))
            continue
        value, error = coerce(spec, field_change.new)
        if error is not None:
            errors.append(error)
        out[name] = value
    if errors:
        raise invalid(errors)
    return out


def evaluate(ctx: Context) -> ChangeResult:
    """What the change does to the registry (writes made in ``ctx.connection``)."""
    change, connection = ctx.change, ctx.connection
    rules = RULES[change.entity]
    stored = store.load(connection, change.entity, change.record_id, lock=True, batch=ctx.batch)
    if change.operation == "delete":
        return _delete(ctx, stored)
    incoming = clean_fields(change.entity, change)
    defaults = dict.fromkeys(entity_fields(change.entity))
    if stored is None:
        if change.operation == "update":
            raise Retry(
                "not_found",
                "data ini belum ada di registri; kirim ulang setelah pembuatannya terkirim",
                "the registry does not have this record yet; send again after its creation",
            )
        data = {**defaults, **incoming}
        changed = set(data)
        require_scope(ctx, rules.scope(ctx, data))
        rules.create(ctx, data, changed)
        outcome = "applied"
    else:
        if stored.deleted:
            raise Rejected(
                "deleted",
                "data ini sudah dihapus di registri",
                "the registry has deleted this record",
            )
        require_scope(ctx, Scope(stored.agency_id, stored.region_code))
        base = change.base_revision or 0
        effective: dict[str, Any] = {}
        conflicting: list[str] = []
        for name, value in incoming.items():
            if stored.data.get(name) == value:
                continue
            if stored.field_revision(name) > base:
                conflicting.append(name)
            else:
                effective[name] = value
        if conflicting:
            return _conflict(ctx, stored, sorted(conflicting), "conflict")
        data = {**defaults, **stored.data, **effective}
        changed = set(effective)
        require_scope(ctx, rules.scope(ctx, data))
        rules.update(ctx, stored, data, changed)
        outcome = "applied" if base >= stored.revision else "merged"
        if not changed and not ctx.extra_writes:
            return ChangeResult(
                change_id=change.change_id,
                outcome=outcome,  # type: ignore[arg-type]
                revision=stored.revision,
                record=remote(stored, ctx.account),
            )
    write = _record_write(ctx, stored, data, changed)
    store.write(
        connection,
        [write, *ctx.extra_writes],
        account_id=ctx.account.id,
        device_id=ctx.device_id,
        change_id=change.change_id,
        batch=ctx.batch,
    )
    return ChangeResult(
        change_id=change.change_id,
        outcome=outcome,  # type: ignore[arg-type]
        revision=write.revision,
        record=remote(write, ctx.account),
    )


def _record_write(
    ctx: Context, stored: Stored | None, data: dict[str, Any], changed: set[str]
) -> Write:
    rules = RULES[ctx.change.entity]
    scope = rules.scope(ctx, data)
    if stored is None:
        revision, field_revisions = 1, {}
        # A create is one entry naming the record (its values are in the stored result).
        audit = [AuditEntry("create", None, None, _summary(data))]
    else:
        revision = stored.revision + 1
        field_revisions = {**stored.field_revisions, **dict.fromkeys(changed, revision)}
        audit = [
            AuditEntry("update", name, stored.data.get(name), data.get(name))
            for name in sorted(changed)
        ]
    return Write(
        entity=ctx.change.entity,
        id=ctx.change.record_id,
        revision=revision,
        deleted=False,
        data=data,
        field_revisions=field_revisions,
        agency_id=scope.agency_id,
        region_code=scope.region_code,
        parent_id=scope.parent_id,
        unique_key=rules.unique_key(data),
        file_sha256=rules.file_sha256(data),
        created_by_account=ctx.account.id if stored is None else stored.created_by_account,
        is_new=stored is None,
        audit=audit,
    )


def _summary(data: dict[str, Any]) -> Any:
    """What a create's audit entry names: the record's title, name or number."""
    for name in ("title", "name", "decree", "number", "original_name", "outcome", "status"):
        if data.get(name):
            return data[name]
    return None


def _conflict(ctx: Context, stored: Stored, fields: list[str], code: str) -> ChangeResult:
    reason = (
        Text(
            id="data ini diubah di registri sejak salinan Anda; penghapusan tidak dilakukan",
            en="the registry changed this record since your copy; it was not deleted",
        )
        if code == "deleted"
        else Text(
            id="kolom yang sama diubah di registri dengan nilai lain: " + ", ".join(fields),
            en="the registry changed the same fields to other values: " + ", ".join(fields),
        )
    )
    return ChangeResult(
        change_id=ctx.change.change_id,
        outcome="conflict",
        revision=stored.revision,
        record=remote(stored, ctx.account),
        conflicting=fields,
        code=code,
        reason=reason,
    )


def _delete(ctx: Context, stored: Stored | None) -> ChangeResult:
    change = ctx.change
    if stored is None or stored.deleted:
        # Nothing to delete: the state the device wants already holds.
        return ChangeResult(
            change_id=change.change_id,
            outcome="applied",
            revision=stored.revision if stored else None,
            record=remote(stored, ctx.account) if stored else None,
        )
    require_scope(ctx, Scope(stored.agency_id, stored.region_code))
    base = change.base_revision or 0
    if base < stored.revision:
        since = sorted(n for n, r in stored.field_revisions.items() if int(r) > base)
        return _conflict(ctx, stored, since, "deleted")
    rules = RULES[change.entity]
    rules.delete(ctx, stored)
    tombstone = store.successor(
        stored, deleted=True, audit=[AuditEntry("delete", None, stored.data, None)]
    )
    if change.entity == "agency":
        tombstone.unique_key = None  # its name is free again
    store.write(
        ctx.connection,
        [tombstone, *ctx.extra_writes],
        account_id=ctx.account.id,
        device_id=ctx.device_id,
        change_id=change.change_id,
        batch=ctx.batch,
    )
    return ChangeResult(
        change_id=change.change_id,
        outcome="applied",
        revision=tombstone.revision,
        record=remote(tombstone, ctx.account),
    )


_seen_officers: dict[str, tuple[Any, ...]] = {}


def remember_officers(engine: Engine, account: AccountInfo, changes: list[Change]) -> None:
    """Every change's author becomes a known officer (``GET /reference``); the account is
    linked to the officer it acts as."""
    agency = next(iter(account.agency_ids)) if len(account.agency_ids) == 1 else None
    authors = {c.author.id: c.author for c in changes}
    fresh = {
        a.id: (a.name, a.nip, a.role, agency)
        for a in authors.values()
        if _seen_officers.get(a.id) != (a.name, a.nip, a.role, agency)
    }
    last = changes[-1].author.id if changes else None
    if not fresh and (last is None or last == account.officer_id):
        return
    try:
        with engine.begin() as connection:
            dialect_insert = pg_insert if connection.dialect.name == "postgresql" else sqlite_insert
            now = utcnow()
            for officer_id, (name, nip, role, agency_id) in fresh.items():
                values = {"name": name, "nip": nip, "role": role, "agency_id": agency_id}
                connection.execute(
                    dialect_insert(models.officers)
                    .values(id=officer_id, updated_at=now, **values)
                    .on_conflict_do_update(
                        index_elements=["id"], set_={**values, "updated_at": now}
                    )
                )
            if last is not None and last != account.officer_id:
                connection.execute(
                    update(models.accounts)
                    .where(models.accounts.c.id == account.id)
                    .values(officer_id=last)
                )
        _seen_officers.update(fresh)
    except DBAPIError as exc:  # the officers list is a convenience; the changes go on
        log.warning("officers not updated: %s", exc)
