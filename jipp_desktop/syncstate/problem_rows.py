"""The per-record problems of the sync (table ``sync_records``): a conflict for the officer, a
change the registry rejected (quarantined), or one it asked to send again (retrying).

``conflict`` (JSON) holds, when known, the registry's copy (``theirs``: entity, id, revision,
deleted, data, updated_at), for a conflict the conflicting fields (``fields``: field → {base,
mine, theirs}) and for a rejection the reasons per field (``reasons``: field → {id, en}).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete
from sqlalchemy.orm import Session

from jipp_desktop.db.models import SyncProblem, utcnow
from jipp_desktop.syncstate.records import RemoteCopy

CONFLICT = "conflict"
QUARANTINED = "quarantined"
RETRYING = "retrying"
# A change the registry asks to send again is quarantined at this many attempts.
MAX_ATTEMPTS = 5


def get_problem(session: Session, entity: str, record_id: str) -> SyncProblem | None:
    """The record's problem, if it has one."""
    return session.get(SyncProblem, (entity, record_id))


def set_problem(
    session: Session,
    entity: str,
    record_id: str,
    state: str,
    *,
    code: str | None = None,
    reason: tuple[str, str] | None = None,
    theirs: RemoteCopy | None = None,
    details: Mapping[str, Any] | None = None,
    count_attempt: bool = False,
) -> SyncProblem:
    """Records (or replaces) the record's problem; returns it.

    Args:
        session: the caller's transaction.
        entity: the record's entity.
        record_id: the record.
        state: conflict, quarantined or retrying.
        code: the registry's code (or the client's for a conflict).
        reason: the reason in Indonesian and English.
        theirs: the registry's copy, when known (kept when not given).
        details: more of the problem (``fields`` of a conflict, ``reasons`` of a rejection).
        count_attempt: one more attempt to send the change.
    """
    problem = get_problem(session, entity, record_id)
    if problem is None:
        problem = SyncProblem(entity=entity, record_id=record_id, attempts=0)
        session.add(problem)
    kept = dict(problem.conflict or {})
    value: dict[str, Any] = {k: v for k, v in kept.items() if k == "theirs"}
    if theirs is not None:
        value["theirs"] = theirs.to_json()
    value.update(details or {})
    problem.state = state
    problem.code = code
    problem.reason_id, problem.reason_en = reason if reason else (None, None)
    problem.conflict = value or None
    problem.attempts = (problem.attempts or 0) + (1 if count_attempt else 0)
    problem.at = utcnow()
    session.flush()
    return problem


def remember_theirs(session: Session, problem: SyncProblem, theirs: RemoteCopy) -> None:
    """Keeps the registry's newer copy with a problem (the officer resolves against it)."""
    kept = problem.conflict or {}
    old = kept.get("theirs")
    if old is None or int(old["revision"]) < theirs.revision:
        problem.conflict = {**kept, "theirs": theirs.to_json()}


def theirs_of(problem: SyncProblem | None) -> RemoteCopy | None:
    """The registry's copy a problem holds, if any."""
    if problem is None or not problem.conflict or not problem.conflict.get("theirs"):
        return None
    return RemoteCopy.from_json(problem.conflict["theirs"])


def clear_problem(session: Session, entity: str, record_id: str) -> None:
    """Forgets the record's problem."""
    session.execute(
        delete(SyncProblem).where(SyncProblem.entity == entity, SyncProblem.record_id == record_id)
    )
    for obj in list(session.identity_map.values()):
        if isinstance(obj, SyncProblem) and (obj.entity, obj.record_id) == (entity, record_id):
            session.expunge(obj)


def clear_problems(session: Session, entity: str, ids: list[str]) -> None:
    """Forgets the problems of these records (those settled by the registry's copy)."""
    for start in range(0, len(ids), 500):
        chunk = set(ids[start : start + 500])
        session.execute(
            delete(SyncProblem).where(
                SyncProblem.entity == entity, SyncProblem.record_id.in_(chunk)
            )
        )
        for obj in list(session.identity_map.values()):
            if isinstance(obj, SyncProblem) and obj.entity == entity and obj.record_id in chunk:
                session.expunge(obj)
