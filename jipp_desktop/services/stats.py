"""Counts for the dashboard and `stats --json` (tombstoned records are never counted)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from jipp_desktop.db.models import (
    PENDING_SQL,
    SYNCABLE,
    Agency,
    Commitment,
    Hub,
    Innovation,
    Region,
    Verification,
)
from jipp_desktop.reference.codes import CONTINUATION, PHASES, WORKFLOW


def _count(session: Session, model: Any) -> int:
    return (
        session.scalar(select(func.count()).select_from(model).where(model.deleted_at.is_(None)))
        or 0
    )


def _by(session: Session, column: Any, codes: list[str]) -> dict[str, int]:
    rows = session.execute(
        select(column, func.count()).where(Innovation.deleted_at.is_(None)).group_by(column)
    )
    counts = dict.fromkeys(codes, 0)
    for code, n in rows:
        counts[code if code is not None else "unset"] = n
    return counts


def pending_by_kind(session: Session) -> dict[str, int]:
    """Records with changes the registry has not acknowledged, per kind (table name → count),
    only kinds with any; demo data is never pushed and so never pending."""
    out = {}
    for model in SYNCABLE:
        n = session.scalar(select(func.count()).select_from(model).where(text(PENDING_SQL)))
        if n:
            out[model.__tablename__] = n
    return out


def by_sector(session: Session) -> dict[str, int]:
    """Innovations per government affair (sector code, "unset" when blank), largest first."""
    counts = _by(session, Innovation.sector, [])
    return dict(sorted(counts.items(), key=lambda kv: -kv[1]))


def by_province(session: Session) -> dict[str, int]:
    """Innovations per province code (national bodies' records under "unset"), largest first."""
    province = func.substr(Innovation.region_code, 1, 2)
    counts = _by(session, province, [])
    return dict(sorted(counts.items(), key=lambda kv: -kv[1]))


def _status_counts(session: Session) -> dict[str, dict[str, int]]:
    """Innovations by phase, by workflow and by continuation, from one pass over the covering
    index ix_innovations_counts (its column order makes the grouping free of sorting)."""
    out: dict[str, dict[str, int]] = {
        "by_phase": dict.fromkeys(PHASES.codes(), 0),
        "by_workflow": dict.fromkeys(WORKFLOW.codes(), 0),
        "by_continuation": dict.fromkeys(CONTINUATION.codes(), 0),
    }
    rows = session.execute(
        select(Innovation.phase, Innovation.workflow, Innovation.continuation, func.count())
        .where(Innovation.deleted_at.is_(None))
        .group_by(Innovation.phase, Innovation.workflow, Innovation.continuation)
    )
    for phase, workflow, continuation, n in rows:
        for key, code in (
            ("by_phase", phase),
            ("by_workflow", workflow),
            ("by_continuation", continuation),
        ):
            code = code if code is not None else "unset"
            out[key][code] = out[key].get(code, 0) + n
    return out


def store_stats(session: Session) -> dict[str, Any]:
    """The counts of DESIGN.md's `stats --json`."""
    levels = dict(session.execute(select(Region.level, func.count()).group_by(Region.level)).all())
    pending = sum(pending_by_kind(session).values())
    status = _status_counts(session)
    return {
        "innovations": sum(status["by_workflow"].values()),
        "agencies": _count(session, Agency),
        "hubs": _count(session, Hub),
        "commitments": _count(session, Commitment),
        "verifications": _count(session, Verification),
        "provinces": levels.get("province", 0),
        "regencies": levels.get("regency", 0),
        "cities": levels.get("city", 0),
        "pending_changes": pending,
        **status,
    }
