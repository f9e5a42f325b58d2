"""The records the sync could not settle, for the officer: conflicts to resolve field by field,
and quarantined changes to retry or discard. Each action is one transaction of the caller's,
audited under the officer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from jipp_desktop.db.models import SyncProblem, utcnow
from jipp_desktop.domain.errors import FieldError, NotFound, ValidationFailed
from jipp_desktop.language import language
from jipp_desktop.services.audit import log_entries
from jipp_desktop.services.change_set import note_changes
from jipp_desktop.services.changes import Change, record_changes
from jipp_desktop.services.officers import Actor
from jipp_desktop.syncstate.merge import DELETED, merge_record
from jipp_desktop.syncstate.outbox import drop_rows, requeue, settle
from jipp_desktop.syncstate.problem_rows import (
    CONFLICT,
    QUARANTINED,
    RETRYING,
    clear_problem,
    get_problem,
    theirs_of,
)
from jipp_desktop.syncstate.reconcile import set_base
from jipp_desktop.syncstate.records import (
    LABELS,
    RemoteCopy,
    canonical,
    local_states,
    python_value,
    record_data,
    table_of,
    wire_fields,
    write_local,
    write_remote,
)

MINE = "mine"
THEIRS = "theirs"


@dataclass(frozen=True)
class SyncIssue:
    """One record the sync could not settle.

    Attributes:
        entity: the record's entity.
        record_id: the record.
        kind: ``conflict`` (for the officer to resolve), ``rejected`` (the registry refused the
            change), ``quarantined`` (sent too often without success) or ``retrying``.
        code: the registry's (or the client's) code.
        reason_id: why, in Indonesian.
        reason_en: why, in English.
        label: the record's title or name.
        attempts: how often the change was sent without success.
        fields: for a conflict, field → {base, mine, theirs} (``deleted`` when one side
            deleted the record).
        reasons: for a rejection, the reasons per field (field → {id, en}).
        at: when the problem arose.
    """

    entity: str
    record_id: str
    kind: str
    code: str | None
    reason_id: str | None
    reason_en: str | None
    label: str | None
    attempts: int
    fields: dict[str, dict[str, Any]] = field(default_factory=dict)
    reasons: dict[str, dict[str, str]] = field(default_factory=dict)
    at: datetime | None = None

    def message(self, lang: str | None = None) -> str:
        """The reason in ``lang`` (default: the current language), with the field reasons."""
        en = (lang or language()) == "en"
        text = (self.reason_en if en else self.reason_id) or self.code or ""
        extra = "; ".join(f"{k}: {v['en' if en else 'id']}" for k, v in self.reasons.items())
        return f"{text}; {extra}" if text and extra else text or extra

    def as_json(self) -> dict[str, Any]:
        """The issue for ``--json`` output and the GUI."""
        return {
            "id": self.record_id,
            "entity": self.entity,
            "kind": self.kind,
            "code": self.code,
            "message": self.message(),
            "label": self.label,
            "attempts": self.attempts,
            "fields": self.fields,
        }


def _kind(problem: SyncProblem) -> str:
    if problem.state == QUARANTINED:
        exhausted = bool((problem.conflict or {}).get("exhausted"))
        return "quarantined" if exhausted else "rejected"
    return problem.state


def _label(session: Session, entity: str, record_id: str) -> str | None:
    table = table_of(entity)
    value = session.scalar(select(table.c[LABELS[entity]]).where(table.c.id == record_id))
    return None if value is None else str(value)


def _conflict_fields(session: Session, problem: SyncProblem) -> dict[str, dict[str, Any]]:
    """A conflict's fields as they stand now (the officer may have edited meanwhile)."""
    theirs = theirs_of(problem)
    state = local_states(session, problem.entity, [problem.record_id]).get(problem.record_id)
    mine = record_data(session, problem.entity, problem.record_id)
    if theirs is None or state is None or mine is None:
        return dict((problem.conflict or {}).get("fields") or {})
    merge = merge_record(
        problem.entity, state.sync_base, mine, state.deleted, theirs.data, theirs.deleted
    )
    return merge.conflicts


def problem_count(session: Session) -> int:
    """How many records the sync could not settle (the status bar's count; no merging)."""
    return session.scalar(select(func.count()).select_from(SyncProblem)) or 0


def list_problems(session: Session, kinds: tuple[str, ...] | None = None) -> list[SyncIssue]:
    """Every record the sync could not settle, conflicts first, then the oldest first."""
    order = {"conflict": 0, "rejected": 1, "quarantined": 2, "retrying": 3}
    issues = []
    for problem in session.scalars(select(SyncProblem).order_by(SyncProblem.at)):
        kind = _kind(problem)
        if kinds is not None and kind not in kinds:
            continue
        details = problem.conflict or {}
        issues.append(
            SyncIssue(
                entity=problem.entity,
                record_id=problem.record_id,
                kind=kind,
                code=problem.code,
                reason_id=problem.reason_id,
                reason_en=problem.reason_en,
                label=_label(session, problem.entity, problem.record_id),
                attempts=problem.attempts,
                fields=_conflict_fields(session, problem) if kind == CONFLICT else {},
                reasons=dict(details.get("reasons") or {}),
                at=problem.at,
            )
        )
    return sorted(issues, key=lambda i: order.get(i.kind, 9))


def _problem(session: Session, entity: str, record_id: str, *states: str) -> SyncProblem:
    problem = get_problem(session, entity, record_id)
    if problem is None or problem.state not in states:
        raise NotFound(
            f"tidak ada masalah sinkronisasi untuk {entity} {record_id}",
            f"no sync problem for {entity} {record_id}",
        )
    return problem


def _audit(
    session: Session, actor: Actor, entity: str, record_id: str, action: str, text: str
) -> None:
    log_entries(session, actor, [(entity, record_id, action, None, None, text)])
    # The record (back to the registry's copy, or resolved) and the sync's problems changed.
    note_changes(session, entity, [record_id], sync_state=True)


def _chosen(
    entity: str, name: str, choice: Any, mine: Mapping[str, Any], theirs: Mapping[str, Any]
) -> Any:
    if choice == MINE:
        return canonical(entity, name, mine.get(name))
    if choice == THEIRS:
        return canonical(entity, name, theirs.get(name))
    return canonical(entity, name, choice)


def resolve_conflict(
    session: Session,
    actor: Actor,
    entity: str,
    record_id: str,
    choices: Mapping[str, Any],
) -> None:
    """Resolves a conflict field by field; the result goes to the registry as a new change on
    its revision (or, when it is the registry's copy, the record is settled).

    Fields the officer did not touch take the registry's value; each conflicting field takes
    the officer's (``"mine"``), the registry's (``"theirs"``) or the value given. The officer's
    choices are recorded as a change of theirs (``record_changes``: audited), the record's
    unsent changes are replaced by one change on the registry's revision and the conflict is
    cleared.

    Raises:
        NotFound: the record is not in conflict.
        ValidationFailed: a conflicting field has no choice, a choice names an unknown field,
            or the officer keeps an edit of a record the registry deleted.
    """
    problem = _problem(session, entity, record_id, CONFLICT)
    theirs = theirs_of(problem)
    state = local_states(session, entity, [record_id]).get(record_id)
    mine = record_data(session, entity, record_id)
    if theirs is None or state is None or mine is None:
        raise NotFound(f"{entity} {record_id} tidak ditemukan", f"{entity} {record_id} not found")
    merge = merge_record(entity, state.sync_base, mine, state.deleted, theirs.data, theirs.deleted)
    known = {*wire_fields(entity), DELETED}
    errors = [
        FieldError(name, "bidang tidak dikenal", "unknown field")
        for name in choices
        if name not in known
    ]
    errors += [
        FieldError(name, "pilih nilai saya atau nilai registri", "choose mine or the registry's")
        for name in merge.conflicts
        if name not in choices
    ]
    if errors:
        raise ValidationFailed(errors)
    summary = ", ".join(
        f"{name}={choice if choice in (MINE, THEIRS) else 'value'}"
        for name, choice in choices.items()
    )
    if DELETED in merge.conflicts:
        _resolve_deletion(session, actor, theirs, state.deleted, choices[DELETED])
    else:
        _resolve_fields(session, actor, theirs, mine, merge.take, choices)
    clear_problem(session, entity, record_id)
    _audit(session, actor, entity, record_id, "resolve", summary)


def _resolve_fields(
    session: Session,
    actor: Actor,
    theirs: RemoteCopy,
    mine: dict[str, Any],
    take: Mapping[str, Any],
    choices: Mapping[str, Any],
) -> None:
    entity, record_id = theirs.entity, theirs.id
    if take:
        write_remote(session, theirs, take, current=mine, metadata=False)
        mine = {**mine, **take}
    chosen = {
        name: _chosen(entity, name, choice, mine, theirs.data)
        for name, choice in choices.items()
        if name != DELETED
    }
    changed = {n: v for n, v in chosen.items() if v != canonical(entity, n, mine.get(n))}
    if changed:
        _check(session, entity, record_id, {**mine, **changed}, changed)
        write_local(session, entity, record_id, changed)
        record_changes(
            session,
            actor,
            entity,
            [
                Change(
                    record_id,
                    "update",
                    {
                        n: (python_value(entity, n, mine.get(n)), python_value(entity, n, v))
                        for n, v in changed.items()
                    },
                )
            ],
        )
    set_base(session, theirs)
    requeue(
        session,
        entity,
        record_id,
        revision=theirs.revision,
        theirs=theirs.data,
        officer_id=actor.id,
    )


def _check(
    session: Session,
    entity: str,
    record_id: str,
    values: Mapping[str, Any],
    changed: Mapping[str, Any],
) -> None:
    """The rules of the domain hold for an innovation's resolved values."""
    if entity != "innovation":
        return
    from jipp_desktop.domain.validation import validate_innovation
    from jipp_desktop.services.lookup import StoreLookup

    python = {n: python_value(entity, n, v) for n, v in values.items()}
    _, errors = validate_innovation(python, StoreLookup(session), record_id=record_id)
    errors = [e for e in errors if e.field in changed]
    if errors:
        raise ValidationFailed(errors)


def _resolve_deletion(
    session: Session, actor: Actor, theirs: RemoteCopy, mine_deleted: bool, choice: Any
) -> None:
    entity, record_id = theirs.entity, theirs.id
    if choice == THEIRS:
        # The registry's copy as it is: its tombstone, or the record it kept.
        write_remote(session, theirs)
        drop_rows(session, entity, record_id)
        settle(session, entity, record_id)
        return
    if choice != MINE:
        raise ValidationFailed(
            [FieldError(DELETED, "pilih 'mine' atau 'theirs'", "choose 'mine' or 'theirs'")]
        )
    if theirs.deleted and not mine_deleted:
        raise ValidationFailed(
            [
                FieldError(
                    DELETED,
                    "registri sudah menghapus catatan ini; perubahan tidak dapat dikirim",
                    "the registry has deleted this record; the edit cannot be sent",
                )
            ]
        )
    set_base(session, theirs)
    requeue(
        session,
        entity,
        record_id,
        revision=theirs.revision,
        theirs=theirs.data,
        officer_id=actor.id,
    )


def retry(session: Session, actor: Actor, entity: str, record_id: str) -> None:
    """Sends a quarantined record again at the next sync, as it is now (the cause may be gone,
    or the officer may have corrected it since): its changes become one change from the
    registry's copy (a create when the registry has none). The registry stored nothing under
    the refused change's id, so nothing is lost by replacing it."""
    _problem(session, entity, record_id, QUARANTINED, RETRYING)
    state = local_states(session, entity, [record_id]).get(record_id)
    if state is not None:
        known = state.server_revision is not None and state.sync_base is not None
        requeue(
            session,
            entity,
            record_id,
            revision=state.server_revision if known else None,
            theirs=state.sync_base if known else None,
        )
    clear_problem(session, entity, record_id)
    _audit(session, actor, entity, record_id, "retry", "sync")


def discard(session: Session, actor: Actor, entity: str, record_id: str) -> None:
    """Drops the record's unsent changes: it goes back to the registry's copy (the newest the
    sync has seen), or is tombstoned when the registry never had it.

    Raises:
        NotFound: the record does not exist.
    """
    state = local_states(session, entity, [record_id]).get(record_id)
    if state is None:
        raise NotFound(f"{entity} {record_id} tidak ditemukan", f"{entity} {record_id} not found")
    theirs = theirs_of(get_problem(session, entity, record_id))
    if theirs is None and state.sync_base is not None and state.server_revision is not None:
        theirs = RemoteCopy(
            entity, record_id, state.server_revision, False, state.sync_base, utcnow()
        )
    if theirs is not None:
        write_remote(session, theirs)
    elif not state.deleted:
        table = table_of(entity)
        session.execute(update(table).where(table.c.id == record_id).values(deleted_at=utcnow()))
    drop_rows(session, entity, record_id)
    settle(session, entity, record_id)
    clear_problem(session, entity, record_id)
    _audit(session, actor, entity, record_id, "discard", "sync")
