"""What the registry said of each pushed change, written to the store.

- ``applied`` / ``merged`` / ``duplicate``: the record is acknowledged up to the row's version
  only where no edit was made meanwhile (``local_version = upto_version``); the registry's copy
  becomes the base, its values the officer has not changed since (such as the registration
  number the registry assigns) are taken, the row goes and the record's later rows are based on
  the new revision.
- ``conflict``: the three-way merge of a pull (``reconcile``).
- ``rejected``: the record is quarantined with the reason.
- ``retry``: one more attempt; quarantined after ``MAX_ATTEMPTS``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.orm import Session

from jipp_desktop.db.models import OutboxChange, SyncProblem
from jipp_desktop.services.change_set import note_changes
from jipp_desktop.syncstate.problem_rows import (
    MAX_ATTEMPTS,
    QUARANTINED,
    RETRYING,
    clear_problem,
    get_problem,
    set_problem,
)
from jipp_desktop.syncstate.reconcile import reconcile
from jipp_desktop.syncstate.records import (
    RemoteCopy,
    canonical,
    canonical_data,
    expire,
    local_states,
    records_data,
    table_of,
    write_many,
)

ACCEPTED = ("applied", "merged", "duplicate")
_CHUNK = 500
NO_COPY = (
    "registri tidak mengirim salinannya untuk perubahan yang bertentangan",
    "the registry sent no copy with the conflicting change",
)
TOO_MANY = (
    f"registri belum dapat menerima perubahan ini setelah {MAX_ATTEMPTS} kali mencoba",
    f"the registry could not take this change after {MAX_ATTEMPTS} attempts",
)


@dataclass
class AckCounts:
    """What became of the pushed changes."""

    pushed: int = 0
    merged: int = 0
    conflicts: int = 0
    rejected: int = 0
    retried: int = 0
    quarantined: int = 0

    def add(self, other: AckCounts) -> None:
        """Adds another batch's counts to these."""
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def acknowledge(session: Session, results: Iterable[Any]) -> AckCounts:
    """Writes the registry's results of one push (``protocol.ChangeResult`` objects, or
    anything with their attributes) to the store, in the caller's transaction."""
    counts = AckCounts()
    results = list(results)
    rows = _rows(session, [r.change_id for r in results])
    accepted = []
    for result in results:
        row = rows.get(result.change_id)
        if row is None:
            continue  # answered before (a replayed batch) or replaced meanwhile
        # Its sync state moves; the registry's values (a registration number) may come in.
        note_changes(session, row.entity, [row.record_id], sync_state=True)
        outcome = result.outcome
        if outcome in ACCEPTED:
            accepted.append((row, result))
            counts.pushed += 1
            if outcome == "merged" or (outcome == "duplicate" and result.was == "merged"):
                counts.merged += 1
        elif outcome == "conflict":
            if _conflict(session, row, result) == "merged":
                counts.merged += 1
            else:
                counts.conflicts += 1
        elif outcome == "rejected":
            _quarantine(session, row, result)
            counts.rejected += 1
            counts.quarantined += 1
        elif _retry(session, row, result):
            counts.quarantined += 1
        else:
            counts.retried += 1
    by_entity: dict[str, list[tuple[OutboxChange, Any]]] = {}
    for row, result in accepted:
        by_entity.setdefault(row.entity, []).append((row, result))
    for entity, items in by_entity.items():
        _accept(session, entity, items)
    session.flush()
    return counts


def _rows(session: Session, change_ids: list[str]) -> dict[str, OutboxChange]:
    out = {}
    for start in range(0, len(change_ids), _CHUNK):
        chunk = change_ids[start : start + _CHUNK]
        query = select(OutboxChange).where(OutboxChange.change_id.in_(chunk))
        out.update({row.change_id: row for row in session.scalars(query)})
    return out


def _reason(result: Any) -> tuple[str, str] | None:
    reason = getattr(result, "reason", None)
    return (reason.id, reason.en) if reason is not None else None


def _reasons(result: Any) -> dict[str, dict[str, str]]:
    fields: Mapping[str, Any] = getattr(result, "fields", None) or {}
    return {name: {"id": text.id, "en": text.en} for name, text in fields.items()}


def _accept(session: Session, entity: str, items: list[tuple[OutboxChange, Any]]) -> None:
    """Applied, merged or duplicate changes of one entity, written in bulk."""
    ids = [row.record_id for row, _ in items]
    states = local_states(session, entity, ids)
    mine = records_data(session, entity, ids)
    takes: dict[str, dict[str, Any]] = {}
    bases: list[dict[str, Any]] = []
    settles: list[dict[str, Any]] = []
    revisions: dict[str, int] = {}
    for row, result in items:
        state = states.get(row.record_id)
        if state is None:
            continue
        sent = {name: change["new"] for name, change in (row.fields or {}).items()}
        base = {**(state.sync_base or {}), **sent}
        revision = result.revision
        if result.record is not None:
            copy = RemoteCopy.of(result.record)
            theirs = canonical_data(entity, copy.data)
            take = _assigned(entity, mine.get(row.record_id) or {}, base, theirs)
            if take:
                takes[row.record_id] = take
            revision = copy.revision
            bases.append({"b_id": row.record_id, "b_rev": revision, "b_base": theirs})
        elif (result.was or result.outcome) == "applied" and revision is not None:
            # Nothing but this change is in the registry's new revision.
            bases.append(
                {"b_id": row.record_id, "b_rev": revision, "b_base": canonical_data(entity, base)}
            )
        else:
            revision = None  # the merged copy comes with the pull
        settles.append({"b_id": row.record_id, "b_upto": row.upto_version})
        if revision is not None:
            revisions[row.record_id] = revision
    write_many(session, entity, takes)
    table = table_of(entity)
    connection = session.connection()
    if bases:
        connection.execute(
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values(server_revision=bindparam("b_rev"), sync_base=bindparam("b_base")),
            bases,
        )
    if settles:
        connection.execute(
            update(table)
            .where(table.c.id == bindparam("b_id"), table.c.local_version == bindparam("b_upto"))
            .values(synced_version=bindparam("b_upto")),
            settles,
        )
    seqs = [row.seq for row, _ in items]
    for row, _ in items:
        session.expunge(row)
    for start in range(0, len(seqs), _CHUNK):
        connection.execute(
            delete(OutboxChange).where(OutboxChange.seq.in_(seqs[start : start + _CHUNK]))
        )
    _rebase_later(session, entity, revisions)
    _clear_settled_problems(session, entity, ids)
    expire(session, entity, ids)


def _assigned(
    entity: str, mine: Mapping[str, Any], base: Mapping[str, Any], theirs: Mapping[str, Any]
) -> dict[str, Any]:
    """The registry's values of fields the officer has not changed since the change was sent
    (mine = the base plus what was sent): assigned ones, and others' merged changes."""
    take = {}
    for name, value in theirs.items():
        current = canonical(entity, name, mine.get(name))
        if current != value and current == canonical(entity, name, base.get(name)):
            take[name] = value
    return take


def _rebase_later(session: Session, entity: str, revisions: Mapping[str, int]) -> None:
    """The records' remaining outbox rows are based on their new revisions."""
    ids = list(revisions)
    later = []
    for start in range(0, len(ids), _CHUNK):
        query = select(OutboxChange.seq, OutboxChange.record_id).where(
            OutboxChange.entity == entity,
            OutboxChange.record_id.in_(ids[start : start + _CHUNK]),
        )
        later += [{"b_seq": r.seq, "b_rev": revisions[r.record_id]} for r in session.execute(query)]
    if later:
        session.connection().execute(
            update(OutboxChange.__table__)
            .where(OutboxChange.__table__.c.seq == bindparam("b_seq"))
            .values(base_revision=bindparam("b_rev")),
            later,
        )
        for obj in list(session.identity_map.values()):
            if isinstance(obj, OutboxChange) and obj.record_id in revisions:
                session.expire(obj)


def _clear_settled_problems(session: Session, entity: str, ids: list[str]) -> None:
    """A change taken by the registry ends its record's retries and quarantine."""
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        found = session.scalars(
            select(SyncProblem.record_id).where(
                SyncProblem.entity == entity,
                SyncProblem.record_id.in_(chunk),
                SyncProblem.state.in_((RETRYING, QUARANTINED)),
            )
        ).all()
        for record_id in found:
            clear_problem(session, entity, record_id)


def _conflict(session: Session, row: OutboxChange, result: Any) -> str:
    entity, record_id = row.entity, row.record_id
    state = local_states(session, entity, [record_id]).get(record_id)
    if state is None:
        session.delete(row)
        return "merged"
    if result.record is None:
        set_problem(
            session,
            entity,
            record_id,
            QUARANTINED,
            code=result.code or "conflict",
            reason=_reason(result) or NO_COPY,
        )
        return "conflict"
    copy = RemoteCopy.of(result.record)
    outcome = reconcile(session, copy, state, forced=result.conflicting or ())
    return "merged" if outcome == "merged" else "conflict"


def _quarantine(session: Session, row: OutboxChange, result: Any) -> None:
    reasons = _reasons(result)
    set_problem(
        session,
        row.entity,
        row.record_id,
        QUARANTINED,
        code=result.code or "rejected",
        reason=_reason(result),
        theirs=RemoteCopy.of(result.record) if result.record is not None else None,
        details={"reasons": reasons} if reasons else None,
        count_attempt=True,
    )


def _retry(session: Session, row: OutboxChange, result: Any) -> bool:
    """Counts the attempt; returns whether the record is now quarantined."""
    problem = get_problem(session, row.entity, row.record_id)
    attempts = (problem.attempts if problem is not None else 0) + 1
    quarantine = attempts >= MAX_ATTEMPTS
    set_problem(
        session,
        row.entity,
        row.record_id,
        QUARANTINED if quarantine else RETRYING,
        code=result.code or "retry",
        reason=(TOO_MANY if quarantine else None) or _reason(result),
        details={"exhausted": True} if quarantine else None,
        count_attempt=True,
    )
    return quarantine
