"""Counts for the dashboard, the recap and `stats --json` (tombstoned records are never
counted). Every grouping adds up to the number of innovations: a record without a value is
counted under ``unset`` ("Belum diisi"), and ``by_phase`` always has that key.

Core selects over ``db.tables``, on a Session (the dashboard) or a Connection (`stats`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, func, select, text

from jipp_desktop.db.tables import (
    PENDING_SQL,
    SYNCABLE_TABLES,
    agencies,
    commitments,
    hubs,
    innovations,
    regions,
    verifications,
)
from jipp_desktop.reference.codes import CONTINUATION, PHASES, WORKFLOW
from jipp_desktop.services.search import due_for_reverification

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

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


def needs_reverification(session: Session | Connection) -> int:
    """Verified innovations whose last verification is more than 12 months old."""
    query = select(func.count()).select_from(innovations).where(innovations.c.deleted_at.is_(None))
    return session.scalar(query.where(due_for_reverification())) or 0


def _count(session: Session | Connection, table: Table) -> int:
    return (
        session.scalar(select(func.count()).select_from(table).where(table.c.deleted_at.is_(None)))
        or 0
    )


def _by(session: Session | Connection, column: Any, codes: list[str]) -> dict[str, int]:
    rows = session.execute(
        select(column, func.count()).where(innovations.c.deleted_at.is_(None)).group_by(column)
    )
    counts = dict.fromkeys(codes, 0)
    for code, n in rows:
        counts[code if code is not None else UNSET] = n
    return counts


def pending_by_kind(session: Session | Connection) -> dict[str, int]:
    """Records with changes the registry has not acknowledged, per kind (table name → count),
    only kinds with any; demo data is never pushed and so never pending."""
    out = {}
    for table in SYNCABLE_TABLES:
        n = session.scalar(select(func.count()).select_from(table).where(text(PENDING_SQL)))
        if n:
            out[table.name] = n
    return out


def by_sector(session: Session | Connection) -> dict[str, int]:
    """Innovations per government affair (sector code, UNSET when blank), largest first."""
    counts = _by(session, innovations.c.sector, [])
    return dict(sorted(counts.items(), key=lambda kv: -kv[1]))


def by_province(session: Session | Connection) -> dict[str, int]:
    """Innovations per province code (national bodies' records under UNSET), largest first."""
    province = func.substr(innovations.c.region_code, 1, 2)
    counts = _by(session, province, [])
    return dict(sorted(counts.items(), key=lambda kv: -kv[1]))


def _status_counts(session: Session | Connection) -> dict[str, dict[str, int]]:
    """Innovations by phase, by workflow and by continuation, from one pass over the covering
    index ix_innovations_counts (its column order makes the grouping free of sorting)."""
    out: dict[str, dict[str, int]] = {
        "by_phase": dict.fromkeys([*PHASES.codes(), UNSET], 0),
        "by_workflow": dict.fromkeys(WORKFLOW.codes(), 0),
        "by_continuation": dict.fromkeys(CONTINUATION.codes(), 0),
    }
    rows = session.execute(
        select(
            innovations.c.phase, innovations.c.workflow, innovations.c.continuation, func.count()
        )
        .where(innovations.c.deleted_at.is_(None))
        .group_by(innovations.c.phase, innovations.c.workflow, innovations.c.continuation)
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


def store_stats(session: Session | Connection) -> dict[str, Any]:
    """The counts of the `stats --json` of docs/ARCHITECTURE.md."""
    levels = dict(
        session.execute(select(regions.c.level, func.count()).group_by(regions.c.level)).all()
    )
    pending = sum(pending_by_kind(session).values())
    status = _status_counts(session)
    return {
        "innovations": sum(status["by_workflow"].values()),
        "agencies": _count(session, agencies),
        "hubs": _count(session, hubs),
        "commitments": _count(session, commitments),
        "verifications": _count(session, verifications),
        "provinces": levels.get("province", 0),
        "regencies": levels.get("regency", 0),
        "cities": levels.get("city", 0),
        "pending_changes": pending,
        "needs_reverification": needs_reverification(session),
        **status,
    }
