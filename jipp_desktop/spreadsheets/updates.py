"""Updating existing records from import rows in bulk: one query to load a batch, one bulk
UPDATE by primary key, and one audit entry per changed field — the same rules and the same log
as :func:`jipp_desktop.services.innovations.update_innovation`, without a round trip per row.

Awards a row names that its record lacks are added (``"awards"`` in the plan, as the form's
edit logs it); awards are never removed by an import, since a national sheet often lists only
the latest of a record's awards.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from jipp_desktop.db.models import Award as AwardRow
from jipp_desktop.db.models import Innovation
from jipp_desktop.domain.errors import FieldError
from jipp_desktop.domain.fields import INNOVATION_FIELDS
from jipp_desktop.domain.validation import ReferenceLookup, normalise_title, validate_innovation
from jipp_desktop.services.changes import Change, record_changes
from jipp_desktop.services.innovations import UNDER_REVIEW
from jipp_desktop.services.officers import Actor
from jipp_desktop.spreadsheets.awards import award_key

_FIELD_COLUMNS = [getattr(Innovation, f.name) for f in INNOVATION_FIELDS]

# An award as (year, competition, stage reached).
Award = tuple[int, str, str]


def rows_of_awards(record_id: str, awards: Iterable[Sequence[Any]]) -> list[dict[str, Any]]:
    """Rows of the awards table for one record's (year, competition, stage reached)."""
    return [
        {"innovation_id": record_id, "year": y, "competition": c, "stage_reached": s}
        for y, c, s in awards
    ]


def load_current(
    session: Session, ids: Iterable[str], *, with_awards: bool = True
) -> dict[str, dict[str, Any]]:
    """The stored field values, workflow and awards (year, competition, stage reached; in the
    order they were recorded) of the records with these ids; without ``with_awards`` (a file
    with no awards column) the awards are not read and left empty."""
    wanted = list(set(ids))
    if not wanted:
        return {}
    rows = session.execute(
        select(Innovation.id, Innovation.workflow, *_FIELD_COLUMNS).where(Innovation.id.in_(wanted))
    )
    out: dict[str, dict[str, Any]] = {}
    for row in rows:
        values = {f.name: row[i + 2] for i, f in enumerate(INNOVATION_FIELDS)}
        values["workflow"] = row[1]
        values["awards"] = []
        out[row[0]] = values
    if not with_awards:
        return out
    awards = session.execute(
        select(AwardRow.innovation_id, AwardRow.year, AwardRow.competition, AwardRow.stage_reached)
        .where(AwardRow.innovation_id.in_(wanted))
        .order_by(AwardRow.id)
    )
    for record_id, year, competition, stage in awards:
        out[record_id]["awards"].append((year, competition, stage))
    return out


def plan_update(
    current: Mapping[str, Any],
    changes: Mapping[str, Any],
    lookup: ReferenceLookup,
    record_id: str,
    awards: Iterable[Award] = (),
) -> tuple[dict[str, tuple[Any, Any]], list[FieldError]]:
    """What an update would change (field → (before, after)), or the rules it breaks.

    Only the fields in ``changes`` are touched: a blank cell never erases a stored value.
    ``awards`` (the row's) that the record lacks are added after its own.
    """
    before = {f.name: current[f.name] for f in INNOVATION_FIELDS}
    cleaned, errors = validate_innovation({**before, **changes}, lookup, record_id=record_id)
    if errors:
        return {}, errors
    diff: dict[str, tuple[Any, Any]] = {
        k: (before[k], cleaned[k]) for k in cleaned if before[k] != cleaned[k]
    }
    stored: list[Award] = current["awards"]
    known = {award_key(*a) for a in stored}
    added: list[Award] = []
    for award in awards:
        if (key := award_key(*award)) not in known:
            known.add(key)
            added.append(award)
    if added:
        diff["awards"] = ([list(a) for a in stored], [list(a) for a in stored + added])
    if diff and current["workflow"] in UNDER_REVIEW:
        # Unchanged rows of such a record are fine (an export read back); changes are not.
        return {}, [
            FieldError(
                "title",
                "inovasi ini sedang diverifikasi sehingga tidak dapat diperbarui dari impor",
                "this innovation is under verification and cannot be updated by an import",
            )
        ]
    return diff, []


def write_updates(
    session: Session,
    actor: Actor,
    updates: list[tuple[str, str, dict[str, tuple[Any, Any]]]],
) -> None:
    """Writes planned updates: (record id, its workflow, field → (before, after)).

    A verified or rejected record goes back to draft, as an edit in the form does.
    """
    if not updates:
        return
    params: list[dict[str, Any]] = []
    award_rows: list[dict[str, Any]] = []
    changes: list[Change] = []
    for record_id, workflow, diff in updates:
        diff = dict(diff)
        row: dict[str, Any] = {"id": record_id}
        for name, (before, after) in diff.items():
            if name == "awards":
                award_rows += rows_of_awards(record_id, after[len(before) :])
            else:
                row[name] = after
        if "title" in diff:
            row["title_key"] = normalise_title(diff["title"][1])
        if workflow in ("verified", "rejected"):
            diff["workflow"] = (workflow, "draft")
            row["workflow"] = "draft"
        params.append(row)
        changes.append(Change(record_id, "update", diff))
    session.execute(update(Innovation), params)
    if award_rows:
        session.execute(insert(AwardRow.__table__), award_rows)
    record_changes(session, actor, "innovation", changes)
