"""Bringing the registry's newer copy into a record with pending changes (a pulled record, or
the copy a push conflict returns): merged where the officer's and the registry's changes touch
different fields, else a conflict for the officer. A pending edit is never overwritten."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from sqlalchemy import update
from sqlalchemy.orm import Session

from jipp_desktop.domain.fields import INNOVATION_FIELDS
from jipp_desktop.syncstate.merge import DELETED, merge_record
from jipp_desktop.syncstate.outbox import HELD, drop_rows, requeue, settle
from jipp_desktop.syncstate.problem_rows import (
    CONFLICT,
    clear_problem,
    get_problem,
    remember_theirs,
    set_problem,
)
from jipp_desktop.syncstate.records import (
    LocalState,
    RemoteCopy,
    canonical_data,
    expire,
    record_data,
    table_of,
    write_remote,
)

Reconciled = Literal["merged", "conflict", "held"]
_LABELS = {f.name: (f.id, f.en) for f in INNOVATION_FIELDS}
_LABELS[DELETED] = ("penghapusan", "deletion")


def field_label(entity: str, name: str) -> tuple[str, str]:
    """A field's name for the officer, in Indonesian and English."""
    if entity == "innovation" or name == DELETED:
        return _LABELS.get(name, (name, name))
    return name, name


def conflict_reason(entity: str, names: Iterable[str]) -> tuple[str, str]:
    """Why a record is in conflict, in both languages."""
    labels = [field_label(entity, n) for n in names]
    return (
        "diubah juga di registri dengan nilai lain: " + ", ".join(lbl[0] for lbl in labels),
        "also changed on the registry to another value: " + ", ".join(lbl[1] for lbl in labels),
    )


def set_base(session: Session, copy: RemoteCopy) -> None:
    """The registry's copy becomes the record's merge base (metadata only)."""
    table = table_of(copy.entity)
    session.execute(
        update(table)
        .where(table.c.id == copy.id)
        .values(server_revision=copy.revision, sync_base=canonical_data(copy.entity, copy.data))
    )
    expire(session, copy.entity, [copy.id])


def reconcile(
    session: Session, copy: RemoteCopy, state: LocalState, forced: Iterable[str] = ()
) -> Reconciled:
    """Merges the registry's copy into a pending record.

    Fields the officer did not touch take the registry's value, the base becomes the copy and
    the record's outbox rows are replaced by one change on its revision; fields both sides
    changed to different values make a conflict instead (nothing of the record is written). A
    record already in conflict or quarantine keeps its problem and remembers the copy.

    Args:
        session: the caller's transaction.
        copy: the registry's copy.
        state: the record's sync state.
        forced: fields the registry found conflicting with a pushed change.
    """
    entity, record_id = copy.entity, copy.id
    problem = get_problem(session, entity, record_id)
    if problem is not None and problem.state in HELD:
        remember_theirs(session, problem, copy)
        return "held"
    mine = record_data(session, entity, record_id) or {}
    merge = merge_record(
        entity, state.sync_base, mine, state.deleted, copy.data, copy.deleted, forced
    )
    if merge.both_deleted:
        write_remote(session, copy, current=mine)
        drop_rows(session, entity, record_id)
        settle(session, entity, record_id)
        clear_problem(session, entity, record_id)
        return "merged"
    if merge.conflicts:
        set_problem(
            session,
            entity,
            record_id,
            CONFLICT,
            code="deleted" if DELETED in merge.conflicts else "conflict",
            reason=conflict_reason(entity, merge.conflicts),
            theirs=copy,
            details={"fields": merge.conflicts},
        )
        return "conflict"
    write_remote(session, copy, merge.take, current=mine, metadata=False)
    set_base(session, copy)
    requeue(session, entity, record_id, revision=copy.revision, theirs=copy.data)
    return "merged"
