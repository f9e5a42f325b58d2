"""What the verification desk reads beside the record: the queue with who submitted each
record and when, the record's earlier decisions with their notes, and what changed in it since
the last decision (from the audit log)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jipp_desktop.db.models import AuditEntry, Innovation, Officer, Verification
from jipp_desktop.services.officers import Actor
from jipp_desktop.services.verification import SUBMISSION_FIELDS, queue

SUBMITTED = ("submitted", "resubmitted")


@dataclass(frozen=True)
class QueueEntry:
    """One record waiting for verification, as the queue lists it."""

    id: str
    title: str
    agency_id: str
    agency_name: str
    region_code: str | None
    workflow: str
    submitted_at: datetime | None
    submitted_by: str | None
    submitter_name: str

    @property
    def province_code(self) -> str | None:
        """The province of the record's region ("51" for "51.71")."""
        return self.region_code.split(".", 1)[0] if self.region_code else None


def queue_entries(session: Session, actor: Actor, limit: int | None = None) -> list[QueueEntry]:
    """The records this actor may verify, oldest submission first, with who submitted each
    and when (the last time its workflow became submitted or resubmitted; None when this
    store holds no such entry, e.g. for a record imported or pulled as submitted)."""
    records = queue(session, actor, limit)
    ids = [r.id for r in records]
    submitted_at: dict[str, datetime] = {}
    for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
        rows = session.execute(
            select(AuditEntry.record_id, func.max(AuditEntry.at))
            .where(
                AuditEntry.entity == "innovation",
                AuditEntry.record_id.in_(chunk),
                AuditEntry.field == "workflow",
                AuditEntry.after.in_(SUBMITTED),
            )
            .group_by(AuditEntry.record_id)
        )
        submitted_at.update({record_id: at for record_id, at in rows})
    submitters = {r.submitted_by for r in records if r.submitted_by}
    names = dict(
        session.execute(select(Officer.id, Officer.name).where(Officer.id.in_(submitters))).all()
    )
    entries = [
        QueueEntry(
            id=r.id,
            title=r.title,
            agency_id=r.agency_id,
            agency_name=r.agency.name,
            region_code=r.region_code,
            workflow=r.workflow,
            submitted_at=submitted_at.get(r.id),
            submitted_by=r.submitted_by,
            submitter_name=names.get(r.submitted_by or "", ""),
        )
        for r in records
    ]
    # Records whose submission this store never saw (imported, pulled) come first, in the
    # queue's order; the rest by submission. (No naive datetime.min stands in for the missing
    # date: the audit log's times are aware, and comparing the two raised TypeError as soon as
    # the queue held both kinds.)
    first = {r.id: i for i, r in enumerate(records)}
    return sorted(
        entries,
        key=lambda e: (
            e.submitted_at is not None,
            e.submitted_at or datetime.min,
            first[e.id],
        ),
    )


@dataclass(frozen=True)
class Decision:
    """An earlier verification decision on a record."""

    verified_at: datetime
    verifier_name: str
    outcome: str
    method: str
    continuation: str | None
    notes: str | None


def decisions_of(session: Session, innovation_id: str) -> list[Decision]:
    """A record's verification decisions, newest first, with the verifier's name."""
    rows = session.execute(
        select(Verification, Officer.name)
        .outerjoin(Officer, Officer.id == Verification.verifier_id)
        .where(Verification.innovation_id == innovation_id, Verification.deleted_at.is_(None))
        .order_by(Verification.verified_at.desc())
    )
    return [
        Decision(v.verified_at, name or "", v.outcome, v.method, v.continuation, v.notes)
        for v, name in rows
    ]


@dataclass(frozen=True)
class FieldChange:
    """A field changed since the last decision: its value then and now, and who changed it."""

    field: str
    before: str | None
    after: str | None
    officers: tuple[str, ...]


def changes_since_decision(session: Session, innovation_id: str) -> list[FieldChange]:
    """What was edited in the record since its last decision, one entry per field (the value
    at the decision and the value now), in the order first changed; none when it was never
    decided (everything is new then)."""
    last = session.scalar(
        select(func.max(AuditEntry.id)).where(
            AuditEntry.entity == "innovation",
            AuditEntry.record_id == innovation_id,
            AuditEntry.action == "decide",
        )
    )
    if last is None:
        last = session.scalar(
            select(func.max(AuditEntry.id))
            .join(Verification, Verification.id == AuditEntry.record_id)
            .where(
                AuditEntry.entity == "verification",
                Verification.innovation_id == innovation_id,
            )
        )
    if last is None:
        return []
    entries = session.scalars(
        select(AuditEntry)
        .where(
            AuditEntry.entity == "innovation",
            AuditEntry.record_id == innovation_id,
            AuditEntry.id > last,
            AuditEntry.action == "update",
            AuditEntry.field.is_not(None),
            AuditEntry.field.not_in(SUBMISSION_FIELDS),
        )
        .order_by(AuditEntry.id)
    )
    by_field: dict[str, FieldChange] = {}
    for e in entries:
        assert e.field is not None
        seen = by_field.get(e.field)
        officers = seen.officers if seen else ()
        if e.officer_name not in officers:
            officers = (*officers, e.officer_name)
        by_field[e.field] = FieldChange(
            e.field, seen.before if seen else e.before, e.after, officers
        )
    return [c for c in by_field.values() if c.before != c.after]


def innovation_title(session: Session, innovation_id: str) -> str:
    """The title of a record (for the "duplicate of" choice)."""
    return session.scalar(select(Innovation.title).where(Innovation.id == innovation_id)) or ""
