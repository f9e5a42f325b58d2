"""The ORM classes of the JIPP Desktop store, mapped onto the Core tables of
:mod:`jipp_desktop.db.tables` (the one definition of the schema, its columns, defaults and
indexes). The annotations here type the attributes; the columns come from the tables.

Syncable records carry :class:`SyncMixin` (the sync columns, described in ``tables``).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import DeclarativeBase, Mapped, relationship

from jipp_desktop.db import tables

# Re-exported: what code that works with the ORM classes also needs.
from jipp_desktop.db.tables import PENDING_SQL as PENDING_SQL
from jipp_desktop.db.tables import UTCDateTime as UTCDateTime
from jipp_desktop.db.tables import new_id as new_id
from jipp_desktop.db.tables import utcnow as utcnow


class Base(DeclarativeBase):
    """Declarative base over the store's metadata."""

    metadata = tables.metadata


class SyncMixin:
    """Sync metadata carried by every record that travels to the registry."""

    id: Mapped[str]
    # Bumped by every local change (services.changes.record_changes) ...
    local_version: Mapped[int]
    # ... and set to the version the registry acknowledged, only while no newer edit was made.
    synced_version: Mapped[int]
    server_revision: Mapped[int | None]
    # The registry's copy as last received: the base of a three-way merge.
    sync_base: Mapped[dict[str, Any] | None]
    is_demo: Mapped[bool]
    # Moved by content changes only (record_changes); sync metadata writes leave it.
    updated_at: Mapped[datetime]
    deleted_at: Mapped[datetime | None]


class Region(Base):
    """A province, regency or city with its Ministry of Home Affairs code (reference data)."""

    __table__ = tables.regions

    code: Mapped[str]
    name: Mapped[str]
    level: Mapped[str]
    parent_code: Mapped[str | None]


class Officer(Base):
    """The person at the keyboard: a local profile that a registry account matches."""

    __table__ = tables.officers

    id: Mapped[str]
    name: Mapped[str]
    nip: Mapped[str | None]
    role: Mapped[str]
    agency_id: Mapped[str | None]
    created_at: Mapped[datetime]
    last_used_at: Mapped[datetime | None]
    # A profile made on this device (offered at start), or an officer the registry told of.
    is_local: Mapped[bool]


class Agency(SyncMixin, Base):
    """A government body (ministry, agency, province, regency, city, enterprise)."""

    __table__ = tables.agencies

    name: Mapped[str]
    kind: Mapped[str]
    region_code: Mapped[str | None]
    parent_id: Mapped[str | None]
    address: Mapped[str | None]
    # The code the national systems know the agency by (migration 0008).
    national_code: Mapped[str | None]


class Hub(SyncMixin, Base):
    """A Hub JIPP designation of an agency, with the agencies it mentors (its spokes)."""

    __table__ = tables.hubs

    agency_id: Mapped[str]
    decree: Mapped[str]
    year: Mapped[int]
    cohort: Mapped[str]
    active: Mapped[bool]

    agency: Mapped[Agency] = relationship(lazy="joined")
    spokes: Mapped[list[HubSpoke]] = relationship(
        cascade="all, delete-orphan", order_by="HubSpoke.agency_id"
    )


class HubSpoke(Base):
    """An agency mentored by a hub."""

    __table__ = tables.hub_spokes

    hub_id: Mapped[str]
    agency_id: Mapped[str]


class Innovation(SyncMixin, Base):
    """An innovation record, after the national registry's record."""

    __table__ = tables.innovations

    # identity
    registration_number: Mapped[str | None]
    title: Mapped[str]
    title_key: Mapped[str]
    agency_id: Mapped[str]
    unit_name: Mapped[str | None]
    region_code: Mapped[str | None]
    innovators: Mapped[str | None]
    stakeholders: Mapped[str | None]
    year_started: Mapped[int | None]
    trial_date: Mapped[date | None]
    launch_date: Mapped[date | None]
    # classification
    form: Mapped[str | None]
    is_digital: Mapped[bool]
    initiator: Mapped[str | None]
    initiator_name: Mapped[str | None]
    sector: Mapped[str | None]
    # The other affairs it touches (the IID's "Urusan Irisan"): sector codes (migration 0008).
    secondary_sectors: Mapped[list[Any]]
    competition_category: Mapped[str | None]
    sdg_goals: Mapped[list[Any]]
    reform_theme: Mapped[str | None]
    phase: Mapped[str | None]
    stage: Mapped[str | None]
    # narrative
    summary: Mapped[str | None]
    background: Mapped[str | None]
    novelty: Mapped[str | None]
    implementation: Mapped[str | None]
    impact: Mapped[str | None]
    adaptability: Mapped[str | None]
    resources_used: Mapped[str | None]
    sustainability: Mapped[str | None]
    # status
    continuation: Mapped[str]
    continuation_reason: Mapped[str | None]
    last_verified_at: Mapped[datetime | None]
    workflow: Mapped[str]
    # legal basis
    legal_basis_kind: Mapped[str | None]
    legal_basis_number: Mapped[str | None]
    legal_basis_date: Mapped[date | None]
    # links and contact
    replicated_from_id: Mapped[str | None]
    video_url: Mapped[str | None]
    contact_name: Mapped[str | None]
    contact_phone: Mapped[str | None]
    contact_email: Mapped[str | None]
    # authorship
    created_by: Mapped[str | None]
    created_at: Mapped[datetime]
    submitted_by: Mapped[str | None]

    agency: Mapped[Agency] = relationship(lazy="joined")
    awards: Mapped[list[Award]] = relationship(
        cascade="all, delete-orphan", order_by="Award.year", lazy="selectin"
    )


class Award(Base):
    """A competition result of an innovation (e.g. KIPP 2023, Top 45)."""

    __table__ = tables.awards

    id: Mapped[int]
    innovation_id: Mapped[str]
    year: Mapped[int]
    competition: Mapped[str]
    stage_reached: Mapped[str]


class Verification(SyncMixin, Base):
    """A verifier's decision on an innovation record (validasi)."""

    __table__ = tables.verifications

    innovation_id: Mapped[str]
    verifier_id: Mapped[str]
    verified_at: Mapped[datetime]
    method: Mapped[str]
    outcome: Mapped[str]
    continuation: Mapped[str | None]
    duplicate_of_id: Mapped[str | None]
    notes: Mapped[str | None]


class Replication(SyncMixin, Base):
    """Another agency adopting an innovation: interest → agreement → implementation."""

    __table__ = tables.replications

    source_innovation_id: Mapped[str]
    adopting_agency_id: Mapped[str]
    status: Mapped[str]
    interest_date: Mapped[date | None]
    agreement_date: Mapped[date | None]
    agreement_number: Mapped[str | None]
    implementation_date: Mapped[date | None]
    notes: Mapped[str | None]


class Commitment(SyncMixin, Base):
    """A statement of commitment (Pernyataan Komitmen) with its signatories and witnesses."""

    __table__ = tables.commitments

    number: Mapped[str]
    title: Mapped[str]
    place: Mapped[str]
    signed_on: Mapped[date]
    opening: Mapped[str | None]
    clauses: Mapped[list[Any]]
    hub_id: Mapped[str | None]
    # The letterhead the letter is printed under: a signing agency's name and its address
    # (None: the first signing agency's, see documents.letterhead.commitment_letterhead).
    letterhead_agency: Mapped[str | None]
    letterhead_address: Mapped[str | None]

    signatories: Mapped[list[Signatory]] = relationship(
        cascade="all, delete-orphan", order_by="Signatory.position", lazy="selectin"
    )


class Signatory(Base):
    """A signatory (or witness) of a commitment."""

    __table__ = tables.signatories

    id: Mapped[int]
    commitment_id: Mapped[str]
    position: Mapped[int]
    agency_id: Mapped[str | None]
    agency_name: Mapped[str]
    official_name: Mapped[str]
    official_position: Mapped[str]
    nip: Mapped[str | None]
    is_witness: Mapped[bool]


class CommitmentDocument(Base):
    """A PDF made from a commitment: when, by whom, and its content fingerprint."""

    __table__ = tables.commitment_documents

    id: Mapped[int]
    commitment_id: Mapped[str]
    generated_at: Mapped[datetime]
    officer_id: Mapped[str | None]
    sha256: Mapped[str]
    path: Mapped[str | None]


class Attachment(SyncMixin, Base):
    """Evidence attached to an innovation or a verification, stored by content hash."""

    __table__ = tables.attachments

    owner_kind: Mapped[str]
    owner_id: Mapped[str]
    sha256: Mapped[str]
    original_name: Mapped[str]
    media_type: Mapped[str]
    size: Mapped[int]
    added_at: Mapped[datetime]
    added_by: Mapped[str | None]


class AuditEntry(Base):
    """One change: who, when, which record, which field, before and after."""

    __table__ = tables.audit_log

    id: Mapped[int]
    at: Mapped[datetime]
    officer_id: Mapped[str | None]
    officer_name: Mapped[str]
    entity: Mapped[str]
    record_id: Mapped[str]
    action: Mapped[str]
    field: Mapped[str | None]
    before: Mapped[str | None]
    after: Mapped[str | None]


class Setting(Base):
    """A stored application setting that the core needs (letterhead, sync cursor, …)."""

    __table__ = tables.settings

    key: Mapped[str]
    value: Mapped[str]


class OutboxChange(Base):
    """A local change not yet acknowledged by the registry (docs/SYNC.md, "The device's store").

    ``old`` holds the changed fields' values before the first unsent change; the new values are
    read from the record when the row is first sent and then frozen in ``fields``.
    """

    __table__ = tables.sync_outbox

    seq: Mapped[int]
    change_id: Mapped[str]
    entity: Mapped[str]
    record_id: Mapped[str]
    operation: Mapped[str]
    base_revision: Mapped[int | None]
    old: Mapped[dict[str, Any]]
    fields: Mapped[dict[str, Any] | None]
    upto_version: Mapped[int]
    officer_id: Mapped[str | None]
    made_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]


class SyncProblem(Base):
    """A record the sync could not settle: a conflict for the officer, or a quarantined change."""

    __table__ = tables.sync_records

    entity: Mapped[str]
    record_id: Mapped[str]
    state: Mapped[str]
    code: Mapped[str | None]
    reason_id: Mapped[str | None]
    reason_en: Mapped[str | None]
    attempts: Mapped[int]
    conflict: Mapped[dict[str, Any] | None]
    at: Mapped[datetime]


SYNCABLE: tuple[type[SyncMixin], ...] = (
    Agency,
    Hub,
    Innovation,
    Verification,
    Replication,
    Commitment,
    Attachment,
)
