"""Finding innovations: full-text search (SQLite FTS5) and filters, paged in SQL so that lists
over 100,000 records never load them all into Python.

The queries are Core selects over ``db.tables``: they run on a Session (the GUI) or on a bare
Connection (the `list` and `search` commands, which never import the ORM)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    ColumnElement,
    Float,
    Integer,
    Select,
    case,
    column,
    func,
    literal_column,
    select,
    table,
    text,
)
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Row

from jipp_desktop.db.first_page import FirstPageQuery
from jipp_desktop.db.schema import SCHEMA_HEAD
from jipp_desktop.db.tables import (
    UTCDateTime,
    agencies,
    innovations,
    regions,
    sync_records,
    utcnow,
)
from jipp_desktop.domain.list_filter import InnovationFilter, list_view_key

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

    from jipp_desktop.db.models import Innovation

REVERIFY_AFTER = timedelta(days=365)
_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(words: str) -> str | None:
    """An FTS5 MATCH expression for what the officer typed: every word must occur, as a prefix.

    Each word is quoted, so FTS5 syntax typed by the officer (AND, quotes, *) is taken as text.
    """
    tokens = _WORD.findall(words)
    if not tokens:
        return None
    return " ".join(f'"{t}"*' for t in tokens)


def _fts_rowids(query: str) -> Any:
    return text("SELECT rowid FROM innovation_fts WHERE innovation_fts MATCH :q").bindparams(
        q=query
    )


def apply_filter(query: Select[Any], f: InnovationFilter) -> Select[Any]:
    """Adds the filter's conditions to a select over innovations."""
    query = query.where(innovations.c.deleted_at.is_(None))
    q = fts_query(f.text)
    if q:
        query = query.where(literal_column("innovations.rowid").in_(_fts_rowids(q)))
    if f.region_code:
        query = query.where(innovations.c.region_code == f.region_code)
    elif f.province_code:
        query = query.where(
            (innovations.c.region_code == f.province_code)
            | innovations.c.region_code.like(f"{f.province_code}.%")
        )
    for field, value in (
        (innovations.c.agency_id, f.agency_id),
        (innovations.c.sector, f.sector),
        (innovations.c.phase, f.phase),
        (innovations.c.continuation, f.continuation),
        (innovations.c.workflow, f.workflow),
        (innovations.c.year_started, f.year),
    ):
        if value is not None and value != "":
            query = query.where(field == value)
    if f.needs_reverification:
        query = query.where(due_for_reverification())
    return query


def due_for_reverification(now: datetime | None = None) -> ColumnElement[bool]:
    """The records "Perlu verifikasi ulang" counts: verified ones whose last verification is
    more than 12 months before ``now`` (or carries no date). A draft, a record waiting for its
    first decision or a rejected one is not due for *re*-verification."""
    cutoff = (now or utcnow()) - REVERIFY_AFTER
    return (innovations.c.workflow == "verified") & (
        innovations.c.last_verified_at.is_(None) | (innovations.c.last_verified_at < cutoff)
    )


def count_innovations(session: Session | Connection, f: InnovationFilter) -> int:
    """How many innovations the filter keeps."""
    return session.scalar(apply_filter(select(func.count()).select_from(innovations), f)) or 0


# Where the record stands with the registry (a code of reference.codes.SYNC_STATES): a problem
# the sync noted (a primary-key look-up), else demo, pending or synced.
SYNC_STATE = func.coalesce(
    select(sync_records.c.state)
    .where(sync_records.c.entity == "innovation", sync_records.c.record_id == innovations.c.id)
    .scalar_subquery(),
    case(
        (innovations.c.is_demo.is_(True), "demo"),
        (innovations.c.local_version > innovations.c.synced_version, "pending"),
        else_="synced",
    ),
)


def sync_state(session: Session | Connection, innovation_id: str) -> str:
    """Where one record stands with the registry (a code of SYNC_STATES)."""
    return session.scalar(select(SYNC_STATE).where(innovations.c.id == innovation_id)) or "synced"


# The columns of the innovation list, in display order: key → SQL expression.
LIST_COLUMNS = {
    "registration_number": innovations.c.registration_number,
    "title": innovations.c.title,
    "agency": agencies.c.name,
    "region": regions.c.name,
    "sector": innovations.c.sector,
    "phase": innovations.c.phase,
    "workflow": innovations.c.workflow,
    "continuation": innovations.c.continuation,
    "year_started": innovations.c.year_started,
    "last_verified_at": innovations.c.last_verified_at,
    "updated_at": innovations.c.updated_at,
    "sync_state": SYNC_STATE,
}


def list_select(
    f: InnovationFilter, sort: str = "updated_at", descending: bool = True
) -> Select[Any]:
    """The select behind the innovation list (id first, then ``LIST_COLUMNS``)."""
    if sort not in LIST_COLUMNS:
        raise ValueError(f"cannot sort by {sort!r}")
    order = LIST_COLUMNS[sort]
    query = (
        select(innovations.c.id, *(c.label(k) for k, c in LIST_COLUMNS.items()))
        .select_from(innovations)
        .join(agencies, agencies.c.id == innovations.c.agency_id)
        .outerjoin(regions, regions.c.code == innovations.c.region_code)
    )
    query = apply_filter(query, f)
    return query.order_by(order.desc() if descending else order.asc(), innovations.c.id)


def list_innovations(
    session: Session | Connection,
    f: InnovationFilter,
    sort: str = "updated_at",
    descending: bool = True,
    offset: int = 0,
    limit: int = 200,
) -> list[Row[Any]]:
    """One page of the innovation list."""
    return list(session.execute(list_select(f, sort, descending).offset(offset).limit(limit)))


# bm25 weights of the FTS columns (title, summary, innovators, unit_name, registration_number,
# stakeholders): a word in the title says far more about what the innovation is than the same
# word somewhere in the summary.
BM25_WEIGHTS = "10.0, 1.0, 2.0, 2.0, 5.0, 1.0"
# Ranking every match of a word found in most of 100,000 records costs ~120 ms; the newest
# RANK_CANDIDATES matches are ranked instead, which is exact whenever there are fewer matches.
RANK_CANDIDATES = 2000
# The best-ranked titles sharing any word that are weighed as possible duplicates.
SIMILAR_CANDIDATES = 50


def list_ids(
    session: Session | Connection,
    f: InnovationFilter,
    sort: str = "updated_at",
    descending: bool = True,
) -> list[str]:
    """The ids of every record the filter keeps, in list order (a list's index of 100,000
    records costs a few MB, its rows would cost hundreds)."""
    return list(
        session.scalars(list_select(f, sort, descending).with_only_columns(innovations.c.id))
    )


def list_rows_by_id(
    session: Session | Connection, f: InnovationFilter, ids: list[str], sort: str = "updated_at"
) -> list[Row[Any] | None]:
    """The list rows of ``ids`` in that order (None for a record gone since the ids were read)."""
    found = {
        r[0]: r for r in session.execute(list_select(f, sort).where(innovations.c.id.in_(ids)))
    }
    return [found.get(i) for i in ids]


def search_innovations(
    session: Session | Connection, words: str, limit: int = 20, f: InnovationFilter | None = None
) -> list[Row[Any]]:
    """Innovations matching ``words``, best match first (FTS5 bm25 rank, title words weighing
    most), with list columns; with ``f``, only those its other conditions keep.

    When more than ``RANK_CANDIDATES`` records match, only the newest that many are ranked.
    """
    q = fts_query(words)
    if not q:
        return []
    fts = table("innovation_fts", column("rowid", Integer))
    candidates = select(
        fts.c.rowid.label("rid"),
        literal_column(f"bm25(innovation_fts, {BM25_WEIGHTS})", Float).label("score"),
    ).where(literal_column("innovation_fts").op("MATCH")(q))
    rest = (f or InnovationFilter()).with_(text="")
    # Narrow the candidates before ranking, or a filter (or deleted records, which stay in
    # the index as tombstones) could take the places of live matching records.
    # The unary + keeps FTS5 from taking the rowid list as its index (one MATCH lookup
    # per listed record: seconds on 100,000 records instead of ~20 ms).
    rowids = select(literal_column("innovations.rowid")).select_from(innovations)
    unindexed = literal_column("+innovation_fts.rowid", Integer)
    if rest != InnovationFilter():
        candidates = candidates.where(unindexed.in_(apply_filter(rowids, rest)))
    else:
        tombstones = rowids.where(innovations.c.deleted_at.is_not(None))
        candidates = candidates.where(unindexed.not_in(tombstones))
    pool = candidates.order_by(fts.c.rowid.desc()).limit(RANK_CANDIDATES).subquery("pool")
    ranked = (
        select(pool.c.rid, pool.c.score)
        .order_by(pool.c.score, pool.c.rid.desc())
        .limit(limit)
        .subquery("ranked")
    )
    query = (
        select(innovations.c.id, *(c.label(k) for k, c in LIST_COLUMNS.items()))
        .select_from(innovations)
        .join(ranked, ranked.c.rid == literal_column("innovations.rowid"))
        .join(agencies, agencies.c.id == innovations.c.agency_id)
        .outerjoin(regions, regions.c.code == innovations.c.region_code)
    )
    query = apply_filter(query, rest)
    return list(session.execute(query.order_by(ranked.c.score, ranked.c.rid.desc()).limit(limit)))


def _title_words(title: str) -> set[str]:
    """The words of a title that tell it apart (four letters or more), folded."""
    return {w.casefold() for w in _WORD.findall(title) if len(w) >= 4}


def similar_title_ids(
    session: Session | Connection, innovation: Innovation, limit: int = 5
) -> list[str]:
    """Ids of records in the same region (or agency) whose titles share most words: at least
    half of the shorter title's, and two unless a title has only one (one shared "Jemput"
    makes no duplicate; "SIPANDU" and "SIPANDU Online" may be one)."""
    words = _title_words(innovation.title)
    if not words:
        return []
    q = " OR ".join(f'"{w}"' for w in sorted(words))
    rows = session.execute(
        text(
            "SELECT i.id, i.title FROM innovation_fts f JOIN innovations i ON i.rowid = f.rowid "
            "WHERE innovation_fts MATCH :q AND i.deleted_at IS NULL AND i.id != :me "
            "AND (i.region_code IS :region OR i.agency_id = :agency) "
            "ORDER BY f.rank LIMIT :n"
        ),
        {
            "q": f"title : ({q})",
            "me": innovation.id,
            "region": innovation.region_code,
            "agency": innovation.agency_id,
            "n": SIMILAR_CANDIDATES,
        },
    )
    out = []
    for record_id, title in rows:
        other = _title_words(title)
        shared = len(words & other)
        shorter = min(len(words), len(other))
        if shared >= min(2, shorter) and 2 * shared >= shorter:
            out.append(record_id)
            if len(out) == limit:
                break
    return out


def first_page_query(
    f: InnovationFilter, sort: str = "updated_at", descending: bool = True, limit: int = 200
) -> FirstPageQuery | None:
    """The list view's count and first page compiled to plain SQL (see ``db.first_page``).

    None when the view's SQL depends on the moment it is run (the re-verification cutoff), so
    that a kept copy would go stale, or when a parameter would need SQLAlchemy's conversion.
    """
    if f.needs_reverification:
        return None
    dialect = sqlite.dialect()
    count = apply_filter(select(func.count()).select_from(innovations), f).compile(dialect=dialect)
    page = list_select(f, sort, descending).offset(0).limit(limit)
    compiled = page.compile(dialect=dialect)
    count_params = [count.params[name] for name in count.positiontup or ()]
    page_params = [compiled.params[name] for name in compiled.positiontup or ()]
    if not all(isinstance(p, str | int) for p in count_params + page_params):
        return None
    columns = [c.key for c in page.selected_columns]
    utc = [i for i, c in enumerate(page.selected_columns) if isinstance(c.type, UTCDateTime)]
    return FirstPageQuery(
        view=list_view_key(f, sort, descending),
        schema=SCHEMA_HEAD,
        count_sql=str(count),
        count_params=count_params,
        page_sql=str(compiled),
        page_params=page_params,
        columns=columns,
        utc_columns=utc,
    )
