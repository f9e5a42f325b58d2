"""The tables of the JIPP Desktop store, as SQLAlchemy Core: one definition of the schema.

The ORM classes of :mod:`jipp_desktop.db.models` are mapped onto these tables; code that only
reads (the `stats`, `list` and `search` commands, the dashboard's counts) selects from them
directly, on a Session or a bare Connection, so that a command-line run that only reads never
imports or configures the ORM (which costs more than the read itself).

Syncable tables carry :func:`_sync_columns`: a UUID made on the device, a version pair (pending
while ``local_version > synced_version``), the registry revision and copy the local one is based
on, ``updated_at`` and a tombstone (``deleted_at``) instead of a hard delete. Reference data
(regions) and local-only tables (settings, audit log, the sync outbox) do not sync; officers come
from the registry as reference data. docs/SYNC.md describes the sync columns.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    text,
)
from sqlalchemy.engine import Dialect

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
# Stable constraint names: Alembic's batch mode on SQLite needs them.
metadata = MetaData(naming_convention=NAMING)


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


def _required(name: str, type_: object, **kw: object) -> Column[object]:
    """A NOT NULL column."""
    return Column(name, type_, nullable=False, **kw)  # type: ignore[call-overload]


def _sync_columns() -> list[Column[object]]:
    """Sync metadata carried by every record that travels to the registry."""
    return [
        Column("id", String(36), primary_key=True, default=new_id),
        # Bumped by every local change (services.changes.record_changes) ...
        _required("local_version", Integer, default=0, server_default="0"),
        # ... and set to the version the registry acknowledged, only while no newer edit was
        # made.
        _required("synced_version", Integer, default=0, server_default="0"),
        Column("server_revision", Integer, default=None),
        # The registry's copy as last received: the base of a three-way merge.
        Column("sync_base", JSON, default=None),
        _required("is_demo", Boolean, default=False, server_default="0"),
        # Moved by content changes only (record_changes); sync metadata writes leave it.
        _required("updated_at", UTCDateTime(), default=utcnow),
        Column("deleted_at", UTCDateTime(), default=None),
    ]


# A province, regency or city with its Ministry of Home Affairs code (reference data).
regions = Table(
    "regions",
    metadata,
    Column("code", String(8), primary_key=True),
    _required("name", String(120), index=True),
    _required("level", String(10), index=True),  # province | regency | city
    Column("parent_code", ForeignKey("regions.code"), index=True),
)

# The person at the keyboard: a local profile that a registry account matches.
officers = Table(
    "officers",
    metadata,
    Column("id", String(36), primary_key=True, default=new_id),
    _required("name", String(120)),
    Column("nip", String(18), unique=True),
    _required("role", String(10)),  # operator | verifier | admin
    Column("agency_id", ForeignKey("agencies.id")),
    _required("created_at", UTCDateTime(), default=utcnow),
    Column("last_used_at", UTCDateTime(), default=None),
    # A profile made on this device (offered at start), or an officer the registry told of.
    _required("is_local", Boolean, default=True, server_default="1"),
)

# A government body (ministry, agency, province, regency, city, enterprise).
agencies = Table(
    "agencies",
    metadata,
    _required("name", String(200), index=True),
    _required("kind", String(20)),
    Column("region_code", ForeignKey("regions.code"), index=True),
    Column("parent_id", ForeignKey("agencies.id")),
    Column("address", String(300)),
    # The code the national systems know the agency by (migration 0008).
    Column("national_code", String(40), default=None),
    *_sync_columns(),
)

# A Hub JIPP designation of an agency, with the agencies it mentors (its spokes).
hubs = Table(
    "hubs",
    metadata,
    _required("agency_id", ForeignKey("agencies.id"), index=True),
    _required("decree", String(200)),
    _required("year", Integer),
    _required("cohort", String(20)),
    _required("active", Boolean, default=True),
    *_sync_columns(),
)

# An agency mentored by a hub.
hub_spokes = Table(
    "hub_spokes",
    metadata,
    Column("hub_id", ForeignKey("hubs.id", ondelete="CASCADE"), primary_key=True),
    Column("agency_id", ForeignKey("agencies.id"), primary_key=True),
)

# An innovation record, after the national registry's record.
innovations = Table(
    "innovations",
    metadata,
    # identity
    Column("registration_number", String(40), unique=True),
    _required("title", String(300)),
    _required("title_key", String(300), index=True),
    _required("agency_id", ForeignKey("agencies.id"), index=True),
    Column("unit_name", String(200)),
    Column("region_code", ForeignKey("regions.code"), index=True),
    Column("innovators", Text),
    Column("stakeholders", Text),
    Column("year_started", Integer, index=True),
    Column("trial_date", Date),
    Column("launch_date", Date),
    # classification
    Column("form", String(20)),
    _required("is_digital", Boolean, default=False),
    Column("initiator", String(20)),
    Column("initiator_name", String(120), default=None),
    Column("sector", String(40), index=True),
    # The other affairs it touches (the IID's "Urusan Irisan"): sector codes (migration 0008).
    _required("secondary_sectors", JSON, default=list, server_default="[]"),
    Column("competition_category", String(20)),
    _required("sdg_goals", JSON, default=list),
    Column("reform_theme", String(30)),
    Column("phase", String(20), index=True),
    Column("stage", String(20)),
    # narrative
    Column("summary", Text),
    Column("background", Text),
    Column("novelty", Text),
    Column("implementation", Text),
    Column("impact", Text),
    Column("adaptability", Text),
    Column("resources_used", Text),
    Column("sustainability", Text),
    # status
    _required("continuation", String(24), default="unknown", index=True),
    Column("continuation_reason", Text),
    Column("last_verified_at", UTCDateTime(), default=None, index=True),
    _required("workflow", String(16), default="draft", index=True),
    # legal basis
    Column("legal_basis_kind", String(20)),
    Column("legal_basis_number", String(120)),
    Column("legal_basis_date", Date),
    # links and contact
    Column("replicated_from_id", ForeignKey("innovations.id")),
    Column("video_url", String(300)),
    Column("contact_name", String(120)),
    Column("contact_phone", String(20)),
    Column("contact_email", String(120)),
    # authorship
    Column("created_by", ForeignKey("officers.id")),
    _required("created_at", UTCDateTime(), default=utcnow),
    Column("submitted_by", ForeignKey("officers.id")),
    *_sync_columns(),
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

# A competition result of an innovation (e.g. KIPP 2023, Top 45).
awards = Table(
    "awards",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _required("innovation_id", ForeignKey("innovations.id", ondelete="CASCADE"), index=True),
    _required("year", Integer),
    _required("competition", String(120)),
    _required("stage_reached", String(60)),
)

# A verifier's decision on an innovation record (validasi).
verifications = Table(
    "verifications",
    metadata,
    _required("innovation_id", ForeignKey("innovations.id"), index=True),
    _required("verifier_id", ForeignKey("officers.id")),
    _required("verified_at", UTCDateTime(), default=utcnow, index=True),
    _required("method", String(12)),
    _required("outcome", String(20), index=True),
    Column("continuation", String(24)),
    Column("duplicate_of_id", ForeignKey("innovations.id")),
    Column("notes", Text),
    *_sync_columns(),
    # Counting the verifications that are not deleted reads this index, not the table (0009).
    Index("ix_verifications_live", "innovation_id", sqlite_where=text("deleted_at IS NULL")),
)

# Another agency adopting an innovation: interest → agreement → implementation.
replications = Table(
    "replications",
    metadata,
    _required("source_innovation_id", ForeignKey("innovations.id"), index=True),
    _required("adopting_agency_id", ForeignKey("agencies.id"), index=True),
    _required("status", String(12), default="waiting"),
    Column("interest_date", Date),
    Column("agreement_date", Date),
    Column("agreement_number", String(120)),
    Column("implementation_date", Date),
    Column("notes", Text),
    *_sync_columns(),
)

# A statement of commitment (Pernyataan Komitmen) with its signatories and witnesses.
commitments = Table(
    "commitments",
    metadata,
    _required("number", String(120)),
    _required("title", String(300)),
    _required("place", String(120)),
    _required("signed_on", Date),
    Column("opening", Text),
    _required("clauses", JSON, default=list),
    Column("hub_id", ForeignKey("hubs.id")),
    # The letterhead the letter is printed under: a signing agency's name and its address
    # (None: the first signing agency's, see documents.letterhead.commitment_letterhead).
    Column("letterhead_agency", String(200), default=None),
    Column("letterhead_address", String(400), default=None),
    *_sync_columns(),
)

# A signatory (or witness) of a commitment.
signatories = Table(
    "signatories",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _required("commitment_id", ForeignKey("commitments.id", ondelete="CASCADE"), index=True),
    _required("position", Integer),
    Column("agency_id", ForeignKey("agencies.id")),
    _required("agency_name", String(200)),
    _required("official_name", String(120)),
    _required("official_position", String(200)),
    Column("nip", String(18)),
    _required("is_witness", Boolean, default=False),
)

# A PDF made from a commitment: when, by whom, and its content fingerprint.
commitment_documents = Table(
    "commitment_documents",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _required("commitment_id", ForeignKey("commitments.id"), index=True),
    _required("generated_at", UTCDateTime(), default=utcnow),
    Column("officer_id", ForeignKey("officers.id")),
    _required("sha256", String(64)),
    Column("path", String(500)),
)

# Evidence attached to an innovation or a verification, stored by content hash.
attachments = Table(
    "attachments",
    metadata,
    _required("owner_kind", String(20)),  # innovation | verification
    _required("owner_id", String(36), index=True),
    _required("sha256", String(64), index=True),
    _required("original_name", String(255)),
    _required("media_type", String(100)),
    _required("size", Integer),
    _required("added_at", UTCDateTime(), default=utcnow),
    Column("added_by", ForeignKey("officers.id")),
    *_sync_columns(),
)

# One change: who, when, which record, which field, before and after.
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _required("at", UTCDateTime(), default=utcnow, index=True),
    Column("officer_id", ForeignKey("officers.id")),
    _required("officer_name", String(120)),
    _required("entity", String(30)),
    _required("record_id", String(36), index=True),
    _required("action", String(10)),  # create | update | delete | restore
    Column("field", String(60)),
    Column("before", Text),
    Column("after", Text),
)

# A stored application setting that the core needs (letterhead, sync cursor, …).
settings = Table(
    "settings",
    metadata,
    Column("key", String(80), primary_key=True),
    _required("value", Text),
)

# A local change not yet acknowledged by the registry (docs/SYNC.md, "The device's store").
# ``old`` holds the changed fields' values before the first unsent change; the new values are
# read from the record when the row is first sent and then frozen in ``fields``.
sync_outbox = Table(
    "sync_outbox",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    _required("change_id", String(36), unique=True, default=new_id),
    _required("entity", String(20)),
    _required("record_id", String(36), index=True),
    _required("operation", String(10)),  # create | update | delete
    Column("base_revision", Integer, default=None),
    _required("old", JSON, default=dict),
    Column("fields", JSON, default=None),
    _required("upto_version", Integer),
    Column("officer_id", String(36)),
    _required("made_at", UTCDateTime(), default=utcnow),
    Column("sent_at", UTCDateTime(), default=None),
)

# A record the sync could not settle: a conflict for the officer, or a quarantined change.
sync_records = Table(
    "sync_records",
    metadata,
    Column("entity", String(20), primary_key=True),
    Column("record_id", String(36), primary_key=True),
    _required("state", String(12)),  # conflict | quarantined
    Column("code", String(40)),
    Column("reason_id", Text),
    Column("reason_en", Text),
    _required("attempts", Integer, default=0),
    Column("conflict", JSON, default=None),
    _required("at", UTCDateTime(), default=utcnow),
)

# The tables of the records that travel to the registry.
SYNCABLE_TABLES: tuple[Table, ...] = (
    agencies,
    hubs,
    innovations,
    verifications,
    replications,
    commitments,
    attachments,
)

# What "pending" means, for queries and for the partial index that makes counting it cost the
# pending rows rather than the table (SQLite uses the index only for this exact condition).
PENDING_SQL = "local_version > synced_version AND is_demo = 0"

for _table in SYNCABLE_TABLES:
    Index(f"ix_{_table.name}_pending", _table.c.id, sqlite_where=text(PENDING_SQL))
