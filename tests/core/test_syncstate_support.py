"""Helpers of the syncstate tests: the registry's answers made from a device's own records
(no registry process: these tests are about the store's side). Holds no tests itself."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select

from jipp_desktop.db.engine import Database
from jipp_desktop.db.models import OutboxChange, SyncProblem
from jipp_desktop.services.officers import Actor
from jipp_desktop.syncstate.acks import acknowledge
from jipp_desktop.syncstate.outbox import Sender, next_batch, sender_of
from jipp_desktop.syncstate.records import record_data, table_of
from sync.protocol import ChangeResult, RemoteRecord


def remote(
    db: Database,
    entity: str,
    record_id: str,
    revision: int,
    deleted: bool = False,
    **changes: Any,
) -> RemoteRecord:
    """The registry's copy of a record as ``db`` holds it, with ``changes``."""
    with db.session() as s:
        data = record_data(s, entity, record_id)
    assert data is not None
    return RemoteRecord(
        entity=entity,  # type: ignore[arg-type]
        id=record_id,
        revision=revision,
        deleted=deleted,
        data={**data, **changes},
        updated_at=datetime.now(UTC),
    )


def sender(db: Database, actor: Actor) -> Sender:
    with db.session() as s:
        return sender_of(s, actor.id)


def batch(db: Database, actor: Actor, **kw: Any) -> list[dict[str, Any]]:
    """The next batch, frozen and committed as the engine does."""
    who = sender(db, actor)
    with db.transaction() as s:
        return next_batch(s, who, **kw)


def applied(db: Database, change: dict[str, Any], revision: int, **assigned: Any) -> None:
    """The registry applied ``change`` as ``revision`` (assigning ``assigned``)."""
    record = remote(db, change["entity"], change["record_id"], revision, **assigned)
    if change["operation"] != "create":
        sent = {k: v["new"] for k, v in change["fields"].items()}
        record = record.model_copy(update={"data": {**record.data, **sent, **assigned}})
    ack(
        db,
        ChangeResult(
            change_id=change["change_id"], outcome="applied", revision=revision, record=record
        ),
    )


def ack(db: Database, *results: ChangeResult) -> None:
    with db.transaction() as s:
        acknowledge(s, results)


def versions(db: Database, entity: str, record_id: str) -> tuple[int, int, int | None]:
    table = table_of(entity)
    with db.session() as s:
        row = s.execute(
            select(table.c.local_version, table.c.synced_version, table.c.server_revision).where(
                table.c.id == record_id
            )
        ).one()
    return row.local_version, row.synced_version, row.server_revision


def outbox(db: Database) -> list[OutboxChange]:
    with db.session() as s:
        return list(s.scalars(select(OutboxChange).order_by(OutboxChange.seq)))


def problem(db: Database, entity: str, record_id: str) -> SyncProblem | None:
    with db.session() as s:
        return s.get(SyncProblem, (entity, record_id))


def count_problems(db: Database) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(SyncProblem)) or 0
