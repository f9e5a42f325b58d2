"""Creating, changing, deleting and finding innovation records."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import insert, or_, select, update
from sqlalchemy.orm import Session

from jipp_desktop.db.models import (
    Award,
    Innovation,
    Replication,
    Verification,
    new_id,
    utcnow,
)
from jipp_desktop.domain.errors import (
    FieldError,
    NotFound,
    ValidationFailed,
    WorkflowError,
)
from jipp_desktop.domain.fields import INNOVATION_FIELDS
from jipp_desktop.domain.printable import unprintable_error
from jipp_desktop.domain.text import clean_text, length_error
from jipp_desktop.domain.validation import normalise_title, validate_innovation
from jipp_desktop.services.changes import Change, record_change, record_changes
from jipp_desktop.services.lookup import StoreLookup
from jipp_desktop.services.officers import Actor, require_role

EDITORS = ("operator", "admin")
UNDER_REVIEW = ("submitted", "resubmitted")
# Fields the verification workflow sets; an edit of the record never touches them.
WORKFLOW_FIELDS = ("workflow", "last_verified_at", "submitted_by")
MAX_COMPETITION = 120
MAX_STAGE_REACHED = 60


@dataclass(frozen=True)
class AwardInput:
    """A competition result as entered: year, competition, stage reached."""

    year: int
    competition: str
    stage_reached: str


def innovation_values(innovation: Innovation) -> dict[str, Any]:
    """The record's field values, by field name (as the form and validation use them)."""
    return {f.name: getattr(innovation, f.name) for f in INNOVATION_FIELDS}


def get_innovation(session: Session, innovation_id: str) -> Innovation:
    """The (not deleted) innovation with this id."""
    innovation = session.get(Innovation, innovation_id)
    if innovation is None or innovation.deleted_at is not None:
        raise NotFound(
            f"inovasi {innovation_id} tidak ditemukan", f"innovation {innovation_id} not found"
        )
    return innovation


def clean_awards(awards: Sequence[AwardInput]) -> tuple[list[AwardInput], list[FieldError]]:
    """The awards with their texts cleaned, and what is wrong with them."""
    cleaned = [
        AwardInput(a.year, clean_text(a.competition), clean_text(a.stage_reached)) for a in awards
    ]
    errors = []
    this_year = date.today().year
    for i, a in enumerate(cleaned, 1):
        for name, text, most in (
            ("competition", a.competition, MAX_COMPETITION),
            ("stage_reached", a.stage_reached, MAX_STAGE_REACHED),
        ):
            err = length_error(name, text, most) or unprintable_error(
                name, text, "profil dan laporan", "the profile and reports"
            )
            if err is not None:
                errors.append(
                    FieldError(
                        "awards",
                        f"riwayat kompetisi baris {i}: {err.id}",
                        f"competition history row {i}: {err.en}",
                    )
                )
        if not 2000 <= a.year <= this_year or not a.competition or not a.stage_reached:
            errors.append(
                FieldError(
                    "awards",
                    f"riwayat kompetisi baris {i}: tahun (2000-{this_year}), kompetisi dan "
                    "tahap wajib diisi",
                    f"competition history row {i}: year (2000-{this_year}), competition and "
                    "stage are required",
                )
            )
    return cleaned, errors


def _number_taken(session: Session, number: str | None, record_id: str | None) -> list[FieldError]:
    """The registration number is unique (deleted records keep theirs until they sync)."""
    if not number:
        return []
    owner = session.scalar(select(Innovation.id).where(Innovation.registration_number == number))
    if owner is None or owner == record_id:
        return []
    return [
        FieldError(
            "registration_number",
            f"nomor registrasi {number} sudah dipakai inovasi lain",
            f"registration number {number} is already used by another innovation",
        )
    ]


def _raise_if(errors: list[FieldError]) -> None:
    if errors:
        raise ValidationFailed(errors)


def create_innovation(
    session: Session,
    actor: Actor,
    values: Mapping[str, Any],
    awards: Sequence[AwardInput] = (),
) -> Innovation:
    """Creates a draft innovation record.

    Raises:
        ValidationFailed: a field breaks a rule (every broken rule is listed).
        PermissionDenied: the actor is not an operator or admin.
    """
    require_role(actor, *EDITORS)
    cleaned, errors = validate_innovation(values, StoreLookup(session))
    awards, award_errors = clean_awards(awards)
    errors += award_errors
    errors += _number_taken(session, cleaned["registration_number"], None)
    _raise_if(errors)
    innovation = Innovation(
        **cleaned,
        id=new_id(),
        title_key=normalise_title(cleaned["title"]),
        workflow="draft",
        created_by=actor.id,
    )
    innovation.awards = [Award(**vars(a)) for a in awards]
    session.add(innovation)
    session.flush()
    record_change(session, actor, "innovation", innovation.id, "create", summary=innovation.title)
    return innovation


def update_innovation(
    session: Session,
    actor: Actor,
    innovation_id: str,
    changes: Mapping[str, Any],
    awards: Sequence[AwardInput] | None = None,
) -> Innovation:
    """Changes fields of a record; only the fields named in ``changes`` are touched.

    A record under review (submitted) cannot be edited. Editing a verified or rejected record
    sends it back to draft, since its content must be verified again.
    """
    require_role(actor, *EDITORS)
    innovation = get_innovation(session, innovation_id)
    if innovation.workflow in UNDER_REVIEW:
        raise WorkflowError(
            "inovasi sedang diverifikasi dan tidak dapat diubah",
            "the innovation is under verification and cannot be edited",
        )
    before = innovation_values(innovation)
    merged = {**before, **changes}
    cleaned, errors = validate_innovation(merged, StoreLookup(session), record_id=innovation.id)
    if awards is not None:
        awards, award_errors = clean_awards(awards)
        errors += award_errors
    errors += _number_taken(session, cleaned["registration_number"], innovation.id)
    _raise_if(errors)
    diff = {k: (before[k], cleaned[k]) for k in cleaned if before[k] != cleaned[k]}
    if awards is not None:
        old = [(a.year, a.competition, a.stage_reached) for a in innovation.awards]
        new = [(a.year, a.competition, a.stage_reached) for a in awards]
        if old != new:
            diff["awards"] = (
                [list(a) for a in old],
                [list(a) for a in new],
            )
            innovation.awards = [Award(**vars(a)) for a in awards]
    if not diff:
        return innovation
    for name, (_, after) in diff.items():
        if name != "awards":
            setattr(innovation, name, after)
    if "title" in diff:
        innovation.title_key = normalise_title(innovation.title)
    if innovation.workflow in ("verified", "rejected"):
        diff["workflow"] = (innovation.workflow, "draft")
        innovation.workflow = "draft"
    record_change(session, actor, "innovation", innovation.id, "update", diff)
    return innovation


def delete_innovation(session: Session, actor: Actor, innovation_id: str) -> None:
    """Tombstones a record (it stays in the store, hidden, until the deletion has synced)."""
    require_role(actor, *EDITORS)
    innovation = get_innovation(session, innovation_id)
    if innovation.workflow in UNDER_REVIEW and actor.role != "admin":
        raise WorkflowError(
            "inovasi sedang diverifikasi; hanya admin yang dapat menghapusnya",
            "the innovation is under verification; only an admin can delete it",
        )
    now = utcnow()
    innovation.deleted_at = now
    record_change(session, actor, "innovation", innovation.id, "delete", summary=innovation.title)
    # Its verifications and replications go with it, so no count, list or report shows them.
    for model, owner, entity in (
        (Verification, Verification.innovation_id, "verification"),
        (Replication, Replication.source_innovation_id, "replication"),
    ):
        dependants = list(
            session.scalars(
                select(model.id).where(owner == innovation.id, model.deleted_at.is_(None))
            )
        )
        if dependants:
            session.execute(update(model).where(model.id.in_(dependants)).values(deleted_at=now))
            record_changes(
                session,
                actor,
                entity,
                [Change(d, "delete", summary=innovation.title) for d in dependants],
            )


def find_duplicates(
    session: Session, agency_id: str, title: str, exclude_id: str | None = None
) -> list[Innovation]:
    """Records of the same agency whose normalised title is the same."""
    query = select(Innovation).where(
        Innovation.agency_id == agency_id,
        Innovation.title_key == normalise_title(title),
        Innovation.deleted_at.is_(None),
    )
    if exclude_id:
        query = query.where(Innovation.id != exclude_id)
    return list(session.scalars(query))


def possible_duplicates(
    session: Session, innovation: Innovation, limit: int = 5
) -> list[Innovation]:
    """Records that may be the same innovation: the same normalised title in the same agency
    or region, or titles sharing most words within the same region."""
    from jipp_desktop.services.search import similar_title_ids

    same_key = select(Innovation.id).where(
        Innovation.title_key == innovation.title_key,
        or_(
            Innovation.agency_id == innovation.agency_id,
            Innovation.region_code == innovation.region_code,
        ),
    )
    ids = list(session.scalars(same_key))
    ids += similar_title_ids(session, innovation, limit)
    seen: list[str] = []
    for i in ids:
        if i != innovation.id and i not in seen:
            seen.append(i)
    if not seen:
        return []
    found = session.scalars(
        select(Innovation).where(Innovation.id.in_(seen[:limit]), Innovation.deleted_at.is_(None))
    )
    return sorted(found, key=lambda r: seen.index(r.id))


def insert_innovations(
    session: Session,
    actor: Actor,
    rows: Iterable[Mapping[str, Any]],
    *,
    workflow: str = "draft",
    awards: Sequence[Mapping[str, Any]] = (),
    demo: bool = False,
) -> list[str]:
    """Bulk path for already validated rows (demo, import, sync): Core inserts, one audit entry
    per record, all in the caller's transaction.

    Each row holds cleaned field values (as :func:`validate_innovation` returns them) and may
    carry its own ``id``, ``workflow``, ``created_by``, ``created_at``, ``last_verified_at``
    and ``submitted_by``. ``awards`` are rows of the awards table for these records (they are
    part of the records' creation). ``demo`` marks them as demo data (never pushed).
    """
    require_role(actor, *EDITORS)
    now = utcnow()
    records = []
    for row in rows:
        record = {f.name: row.get(f.name) for f in INNOVATION_FIELDS}
        record["sdg_goals"] = record["sdg_goals"] or []
        record["secondary_sectors"] = record["secondary_sectors"] or []
        record["is_digital"] = bool(record["is_digital"])
        record["continuation"] = record["continuation"] or "unknown"
        record.update(
            id=row.get("id") or new_id(),
            title_key=normalise_title(record["title"]),
            workflow=row.get("workflow", workflow),
            created_by=row.get("created_by", actor.id),
            created_at=row.get("created_at", now),
            submitted_by=row.get("submitted_by"),
            last_verified_at=row.get("last_verified_at"),
            updated_at=now,
        )
        records.append(record)
    if records:
        # The table, not the mapped class: the ORM's bulk path splits the rows into a new batch
        # whenever the pattern of None values changes (thousands of small executes per chunk);
        # a Core insert is one executemany.
        session.execute(insert(Innovation.__table__), records)
        if awards:
            session.execute(insert(Award.__table__), list(awards))
        record_changes(
            session,
            actor,
            "innovation",
            [Change(r["id"], "create", summary=r["title"]) for r in records],
            demo=demo,
        )
    return [r["id"] for r in records]
