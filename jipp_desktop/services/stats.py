"""Counts for the dashboard, the recap and `stats --json` (tombstoned records are never
counted). Every grouping adds up to the number of innovations: a record without a value is
counted under ``unset`` ("Belum diisi"), and ``by_phase`` always has that key."""

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
from jipp_desktop.services.search import due_for_reverification

# The key of records without a value in the groupings (kept as the JSON key it always was).
UNSET = "unset"
# What an officer reads for UNSET and for the re-verification count, in every output.
UNSET_LABEL = ("Belum diisi", "Not set")
REVERIFICATION_LABEL = (
    "Perlu verifikasi ulang (terverifikasi > 12 bulan lalu)",
    "Due for re-verification (verified > 12 months ago)",
)


def unset_label(lang: str) -> str:
    """The words for a missing value ("Belum diisi") in the officer's language."""
    return UNSET_LABEL[1] if lang == "en" else UNSET_LABEL[0]


def reverification_label(lang: str) -> str:
    """The name of the re-verification count in the officer's language."""
    return REVERIFICATION_LABEL[1] if lang == "en" else REVERIFICATION_LABEL[0]


def needs_reverification(session: Session) -> int:
    """Verified innovations whose last verification is more than 12 months old."""
    query = select(func.count()).select_from(Innovation).where(Innovation.deleted_at.is_(None))
    return session.scalar(query.where(due_for_reverification())) or 0


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
        counts[code if code is not None else UNSET] = n
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
    """Innovations per government affair (sector code, UNSET when blank), largest first."""
    counts = _by(session, Innovation.sector, [])
    return dict(sorted(counts.items(), key=lambda kv: -kv[1]))


def by_province(session: Session) -> dict[str, int]:
    """Innovations per province code (national bodies' records under UNSET), largest first."""
    province = func.substr(Innovation.region_code, 1, 2)
    counts = _by(session, province, [])
    return dict(sorted(counts.items(), key=lambda kv: -kv[1]))


def _status_counts(session: Session) -> dict[str, dict[str, int]]:
    """Innovations by phase, by workflow and by continuation, from one pass over the covering
    index ix_innovations_counts (its column order makes the grouping free of sorting)."""
    out: dict[str, dict[str, int]] = {
        "by_phase": dict.fromkeys([*PHASES.codes(), UNSET], 0),
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
            code = code if code is not None else UNSET
            out[key][code] = out[key].get(code, 0) + n
    return out


def store_stats(session: Session) -> dict[str, Any]:
    """The counts of the `stats --json` of docs/ARCHITECTURE.md."""
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
        "needs_reverification": needs_reverification(session),
        **status,
    }
