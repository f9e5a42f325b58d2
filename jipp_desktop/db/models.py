"""Typed SQLAlchemy models for every entity of the JIPP Desktop store.

Syncable records carry :class:`SyncMixin`: a UUID made on the device, a version pair (pending
while ``local_version > synced_version``), the registry revision and copy the local one is based
on, ``updated_at`` and a tombstone (``deleted_at``) instead of a hard delete. Reference data
(regions) and local-only tables (settings, audit log, the sync outbox) do not sync; officers come
from the registry as reference data. docs/SYNC.md describes the sync columns.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """The current time, timezone-aware in UTC."""
    return datetime.now(UTC)


def new_id() -> str:
    """A device-made record id (UUID4, canonical text form)."""
    return str(uuid.uuid4())


class UTCDateTime(TypeDecorator[datetime]):
    """Stores aware datetimes as naive UTC and gives them back aware (SQLite has no time zones)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where UTC is expected")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    """Declarative base with stable constraint names (needed by Alembic batch mode on SQLite)."""

    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON, list[Any]: JSON}


class SyncMixin:
    """Sync metadata carried by every record that travels to the registry."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    # Bumped by every local change (services.changes.record_changes) ...
    local_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # ... and set to the version the registry acknowledged, only while no newer edit was made.
    synced_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    server_revision: Mapped[int | None] = mapped_column(Integer, default=None)
    # The registry's copy as last received: the base of a three-way merge.
    sync_base: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # Moved by content changes only (record_changes); sync metadata writes leave it.
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)


class Region(Base):
    """A province, regency or city with its Ministry of Home Affairs code (reference data)."""

    __tablename__ = "regions"

    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    name: Mapped[str] = mapped_column(String(120), index=True)
    level: Mapped[str] = mapped_column(String(10), index=True)  # province | regency | city
    parent_code: Mapped[str | None] = mapped_column(ForeignKey("regions.code"), index=True)


class Officer(Base):
    """The person at the keyboard: a local profile that a registry account matches."""

    __tablename__ = "officers"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(120))
    nip: Mapped[str | None] = mapped_column(String(18), unique=True)
    role: Mapped[str] = mapped_column(String(10))  # operator | verifier | admin
    agency_id: Mapped[str | None] = mapped_column(ForeignKey("agencies.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(default=None)
    # A profile made on this device (offered at start), or an officer the registry told of.
    is_local: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")


class Agency(SyncMixin, Base):
    """A government body (ministry, agency, province, regency, city, enterprise)."""

    __tablename__ = "agencies"

    name: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    region_code: Mapped[str | None] = mapped_column(ForeignKey("regions.code"), index=True)
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("agencies.id"))
    address: Mapped[str | None] = mapped_column(String(300))
    # The code the national systems know the agency by (migration 0008).
    national_code: Mapped[str | None] = mapped_column(String(40), default=None)


class Hub(SyncMixin, Base):
    """A Hub JIPP designation of an agency, with the agencies it mentors (its spokes)."""

    __tablename__ = "hubs"

    agency_id: Mapped[str] = mapped_column(ForeignKey("agencies.id"), index=True)
    decree: Mapped[str] = mapped_column(String(200))
    year: Mapped[int] = mapped_column(Integer)
    cohort: Mapped[str] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    agency: Mapped[Agency] = relationship(lazy="joined")
    spokes: Mapped[list[HubSpoke]] = relationship(
        cascade="all, delete-orphan", order_by="HubSpoke.agency_id"
    )


class HubSpoke(Base):
    """An agency mentored by a hub."""

    __tablename__ = "hub_spokes"

    hub_id: Mapped[str] = mapped_column(ForeignKey("hubs.id", ondelete="CASCADE"), primary_key=True)
    agency_id: Mapped[str] = mapped_column(ForeignKey("agencies.id"), primary_key=True)


class Innovation(SyncMixin, Base):
    """An innovation record, after the national registry's record."""

    __tablename__ = "innovations"

    # identity
    registration_number: Mapped[str | None] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    title_key: Mapped[str] = mapped_column(String(300), index=True)
    agency_id: Mapped[str] = mapped_column(ForeignKey("agencies.id"), index=True)
    unit_name: Mapped[str | None] = mapped_column(String(200))
    region_code: Mapped[str | None] = mapped_column(ForeignKey("regions.code"), index=True)
    innovators: Mapped[str | None] = mapped_column(Text)
    stakeholders: Mapped[str | None] = mapped_column(Text)
    year_started: Mapped[int | None] = mapped_column(Integer, index=True)
    trial_date: Mapped[date | None] = mapped_column(Date)
    launch_date: Mapped[date | None] = mapped_column(Date)
    # classification
    form: Mapped[str | None] = mapped_column(String(20))
    is_digital: Mapped[bool] = mapped_column(Boolean, default=False)
    initiator: Mapped[str | None] = mapped_column(String(20))
    initiator_name: Mapped[str | None] = mapped_column(String(120), default=None)
    sector: Mapped[str | None] = mapped_column(String(40), index=True)
    # The other affairs it touches (the IID's "Urusan Irisan"): sector codes (migration 0008).
    secondary_sectors: Mapped[list[Any]] = mapped_column(JSON, default=list, server_default="[]")
    competition_category: Mapped[str | None] = mapped_column(String(20))
    sdg_goals: Mapped[list[Any]] = mapped_column(JSON, default=list)
    reform_theme: Mapped[str | None] = mapped_column(String(30))
    phase: Mapped[str | None] = mapped_column(String(20), index=True)
    stage: Mapped[str | None] = mapped_column(String(20))
    # narrative
    summary: Mapped[str | None] = mapped_column(Text)
    background: Mapped[str | None] = mapped_column(Text)
    novelty: Mapped[str | None] = mapped_column(Text)
    implementation: Mapped[str | None] = mapped_column(Text)
    impact: Mapped[str | None] = mapped_column(Text)
    adaptability: Mapped[str | None] = mapped_column(Text)
    resources_used: Mapped[str | None] = mapped_column(Text)
    sustainability: Mapped[str | None] = mapped_column(Text)
    # status
    continuation: Mapped[str] = mapped_column(String(24), default="unknown", index=True)
    continuation_reason: Mapped[str | None] = mapped_column(Text)
    last_verified_at: Mapped[datetime | None] = mapped_column(default=None, index=True)
    workflow: Mapped[str] = mapped_column(String(16), default="draft", index=True)
    # legal basis
    legal_basis_kind: Mapped[str | None] = mapped_column(String(20))
    legal_basis_number: Mapped[str | None] = mapped_column(String(120))
    legal_basis_date: Mapped[date | None] = mapped_column(Date)
    # links and contact
    replicated_from_id: Mapped[str | None] = mapped_column(ForeignKey("innovations.id"))
    video_url: Mapped[str | None] = mapped_column(String(300))
    contact_name: Mapped[str | None] = mapped_column(String(120))
    contact_phone: Mapped[str | None] = mapped_column(String(20))
    contact_email: Mapped[str | None] = mapped_column(String(120))
    # authorship
    created_by: Mapped[str | None] = mapped_column(ForeignKey("officers.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    submitted_by: Mapped[str | None] = mapped_column(ForeignKey("officers.id"))

    agency: Mapped[Agency] = relationship(lazy="joined")
    awards: Mapped[list[Award]] = relationship(
        cascade="all, delete-orphan", order_by="Award.year", lazy="selectin"
    )

    __table_args__ = (
        Index("ix_innovations_agency_title_key", "agency_id", "title_key"),
        # Covering index of the dashboard counts (migration 0003 says why).
        Index(
            "ix_innovations_counts",
            "deleted_at",
            "phase",
            "workflow",
            "continuation",
            "sector",
            "region_code",
        ),
        # The list's default orders, over records that are not deleted.
        Index("ix_innovations_live_updated_at", "deleted_at", "updated_at"),
        Index("ix_innovations_live_title", "deleted_at", "title"),
        # Verified records due for re-verification (migration 0009 says why).
        Index(
            "ix_innovations_live_reverify",
            "workflow",
            "last_verified_at",
            sqlite_where=text("deleted_at IS NULL"),
        ),
    )


class Award(Base):
    """A competition result of an innovation (e.g. KIPP 2023, Top 45)."""

    __tablename__ = "awards"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    innovation_id: Mapped[str] = mapped_column(
        ForeignKey("innovations.id", ondelete="CASCADE"), index=True
    )
    year: Mapped[int] = mapped_column(Integer)
    competition: Mapped[str] = mapped_column(String(120))
    stage_reached: Mapped[str] = mapped_column(String(60))


class Verification(SyncMixin, Base):
    """A verifier's decision on an innovation record (validasi)."""

    __tablename__ = "verifications"

    innovation_id: Mapped[str] = mapped_column(ForeignKey("innovations.id"), index=True)
    verifier_id: Mapped[str] = mapped_column(ForeignKey("officers.id"))
    verified_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    method: Mapped[str] = mapped_column(String(12))
    outcome: Mapped[str] = mapped_column(String(20), index=True)
    continuation: Mapped[str | None] = mapped_column(String(24))
    duplicate_of_id: Mapped[str | None] = mapped_column(ForeignKey("innovations.id"))
    notes: Mapped[str | None] = mapped_column(Text)

    # Counting the verifications that are not deleted reads this index, not the table (0009).
    __table_args__ = (
        Index("ix_verifications_live", "innovation_id", sqlite_where=text("deleted_at IS NULL")),
    )


class Replication(SyncMixin, Base):
    """Another agency adopting an innovation: interest → agreement → implementation."""

    __tablename__ = "replications"

    source_innovation_id: Mapped[str] = mapped_column(ForeignKey("innovations.id"), index=True)
    adopting_agency_id: Mapped[str] = mapped_column(ForeignKey("agencies.id"), index=True)
    status: Mapped[str] = mapped_column(String(12), default="waiting")
    interest_date: Mapped[date | None] = mapped_column(Date)
    agreement_date: Mapped[date | None] = mapped_column(Date)
    agreement_number: Mapped[str | None] = mapped_column(String(120))
    implementation_date: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)


class Commitment(SyncMixin, Base):
    """A statement of commitment (Pernyataan Komitmen) with its signatories and witnesses."""

    __tablename__ = "commitments"

    number: Mapped[str] = mapped_column(String(120))
    title: Mapped[str] = mapped_column(String(300))
    place: Mapped[str] = mapped_column(String(120))
    signed_on: Mapped[date] = mapped_column(Date)
    opening: Mapped[str | None] = mapped_column(Text)
    clauses: Mapped[list[Any]] = mapped_column(JSON, default=list)
    hub_id: Mapped[str | None] = mapped_column(ForeignKey("hubs.id"))
    # The letterhead the letter is printed under: a signing agency's name and its address
    # (None: the first signing agency's, see documents.letterhead.commitment_letterhead).
    letterhead_agency: Mapped[str | None] = mapped_column(String(200), default=None)
    letterhead_address: Mapped[str | None] = mapped_column(String(400), default=None)

    signatories: Mapped[list[Signatory]] = relationship(
        cascade="all, delete-orphan", order_by="Signatory.position", lazy="selectin"
    )


class Signatory(Base):
    """A signatory (or witness) of a commitment."""

    __tablename__ = "signatories"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    commitment_id: Mapped[str] = mapped_column(
        ForeignKey("commitments.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    agency_id: Mapped[str | None] = mapped_column(ForeignKey("agencies.id"))
    agency_name: Mapped[str] = mapped_column(String(200))
    official_name: Mapped[str] = mapped_column(String(120))
    official_position: Mapped[str] = mapped_column(String(200))
    nip: Mapped[str | None] = mapped_column(String(18))
    is_witness: Mapped[bool] = mapped_column(Boolean, default=False)


class CommitmentDocument(Base):
    """A PDF made from a commitment: when, by whom, and its content fingerprint."""

    __tablename__ = "commitment_documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    commitment_id: Mapped[str] = mapped_column(ForeignKey("commitments.id"), index=True)
    generated_at: Mapped[datetime] = mapped_column(default=utcnow)
    officer_id: Mapped[str | None] = mapped_column(ForeignKey("officers.id"))
    sha256: Mapped[str] = mapped_column(String(64))
    path: Mapped[str | None] = mapped_column(String(500))


class Attachment(SyncMixin, Base):
    """Evidence attached to an innovation or a verification, stored by content hash."""

    __tablename__ = "attachments"

    owner_kind: Mapped[str] = mapped_column(String(20))  # innovation | verification
    owner_id: Mapped[str] = mapped_column(String(36), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    original_name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[datetime] = mapped_column(default=utcnow)
    added_by: Mapped[str | None] = mapped_column(ForeignKey("officers.id"))


class AuditEntry(Base):
    """One change: who, when, which record, which field, before and after."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    officer_id: Mapped[str | None] = mapped_column(ForeignKey("officers.id"))
    officer_name: Mapped[str] = mapped_column(String(120))
    entity: Mapped[str] = mapped_column(String(30))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    action: Mapped[str] = mapped_column(String(10))  # create | update | delete | restore
    field: Mapped[str | None] = mapped_column(String(60))
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)


class Setting(Base):
    """A stored application setting that the core needs (letterhead, sync cursor, …)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class OutboxChange(Base):
    """A local change not yet acknowledged by the registry (docs/SYNC.md, "The device's store").

    ``old`` holds the changed fields' values before the first unsent change; the new values are
    read from the record when the row is first sent and then frozen in ``fields``.
    """

    __tablename__ = "sync_outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    change_id: Mapped[str] = mapped_column(String(36), unique=True, default=new_id)
    entity: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    operation: Mapped[str] = mapped_column(String(10))  # create | update | delete
    base_revision: Mapped[int | None] = mapped_column(Integer, default=None)
    old: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    fields: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    upto_version: Mapped[int] = mapped_column(Integer)
    officer_id: Mapped[str | None] = mapped_column(String(36))
    made_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(default=None)


class SyncProblem(Base):
    """A record the sync could not settle: a conflict for the officer, or a quarantined change."""

    __tablename__ = "sync_records"

    entity: Mapped[str] = mapped_column(String(20), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    state: Mapped[str] = mapped_column(String(12))  # conflict | quarantined
    code: Mapped[str | None] = mapped_column(String(40))
    reason_id: Mapped[str | None] = mapped_column(Text)
    reason_en: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    conflict: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    at: Mapped[datetime] = mapped_column(default=utcnow)


SYNCABLE: tuple[type[SyncMixin], ...] = (
    Agency,
    Hub,
    Innovation,
    Verification,
    Replication,
    Commitment,
    Attachment,
)

# What "pending" means, for queries and for the partial index that makes counting it cost the
# pending rows rather than the table (SQLite uses the index only for this exact condition).
PENDING_SQL = "local_version > synced_version AND is_demo = 0"

for _model in SYNCABLE:
    Index(
        f"ix_{_model.__tablename__}_pending",  # type: ignore[attr-defined]
        _model.id,
        sqlite_where=text(PENDING_SQL),
    )
