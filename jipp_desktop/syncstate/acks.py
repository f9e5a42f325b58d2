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

from sqlalchemy import select
from sqlalchemy.orm import Session

from jipp_desktop.db.models import OutboxChange
from jipp_desktop.syncstate.outbox import rebase_later, settle
from jipp_desktop.syncstate.problem_rows import (
    MAX_ATTEMPTS,
    QUARANTINED,
    RETRYING,
    clear_problem,
    get_problem,
    set_problem,
)
from jipp_desktop.syncstate.reconcile import reconcile, set_base
from jipp_desktop.syncstate.records import (
    RemoteCopy,
    canonical,
    canonical_data,
    local_states,
    record_data,
    write_remote,
)

ACCEPTED = ("applied", "merged", "duplicate")
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
    for result in results:
        row = session.scalar(select(OutboxChange).where(OutboxChange.change_id == result.change_id))
        if row is None:
            continue  # answered before (a replayed batch) or replaced meanwhile
        outcome = result.outcome
        if outcome in ACCEPTED:
            _accepted(session, row, result)
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
        else:
            if _retry(session, row, result):
                counts.quarantined += 1
            else:
                counts.retried += 1
    session.flush()
    return counts


def _reason(result: Any) -> tuple[str, str] | None:
    reason = getattr(result, "reason", None)
    return (reason.id, reason.en) if reason is not None else None


def _reasons(result: Any) -> dict[str, dict[str, str]]:
    fields: Mapping[str, Any] = getattr(result, "fields", None) or {}
    return {name: {"id": text.id, "en": text.en} for name, text in fields.items()}


def _accepted(session: Session, row: OutboxChange, result: Any) -> None:
    entity, record_id = row.entity, row.record_id
    state = local_states(session, entity, [record_id]).get(record_id)
    if state is not None:
        sent = {name: change["new"] for name, change in (row.fields or {}).items()}
        base = {**(state.sync_base or {}), **sent}
        revision = result.revision
        if result.record is not None:
            copy = RemoteCopy.of(result.record)
            _take_assigned(session, copy, base)
            set_base(session, copy)
            revision = copy.revision
        elif (result.was or result.outcome) == "applied" and revision is not None:
            # Nothing but this change is in the registry's new revision.
            set_base(session, RemoteCopy(entity, record_id, revision, False, base, row.made_at))
        else:
            revision = None  # the merged copy comes with the pull
        settle(session, entity, record_id, row.upto_version)
        if revision is not None:
            rebase_later(session, entity, record_id, revision)
    session.delete(row)
    session.flush()
    problem = get_problem(session, entity, record_id)
    if problem is not None and problem.state in (RETRYING, QUARANTINED):
        clear_problem(session, entity, record_id)


def _take_assigned(session: Session, copy: RemoteCopy, base: Mapping[str, Any]) -> None:
    """Takes the registry's values of fields the officer has not changed since the change was
    sent (mine = the base plus what was sent): assigned ones, and others' merged changes."""
    entity = copy.entity
    mine = record_data(session, entity, copy.id) or {}
    theirs = canonical_data(entity, copy.data)
    take = [
        name
        for name, value in theirs.items()
        if canonical(entity, name, mine.get(name)) != value
        and canonical(entity, name, mine.get(name)) == canonical(entity, name, base.get(name))
    ]
    if take:
        write_remote(session, copy, take, current=mine, metadata=False)


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
