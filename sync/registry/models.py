"""The registry's tables (SQLAlchemy Core): a generic document store of the synced records plus
accounts, tokens, the audit trail and the stored files.

Every record, whatever its entity, is one row of ``records``: its JSON ``data`` (the desktop's
column names are the keys), its revision, the revision each field last changed in, the commit
sequence number ``seq`` pull reads by, and the scope columns (agency, region) pull and push
filter on. Migrations under ``migrations/`` create these tables; the two must agree
(tests/sync/test_registry_schema.py compares them).
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from jipp_desktop.db.tables import NAMING

# The desktop store's constraint names, so that the two schemas name alike.
metadata = MetaData(naming_convention=NAMING)


def _at(name: str, nullable: bool = False) -> Column[object]:
    """A timestamp column (stored as naive UTC, like the desktop's)."""
    return Column(name, DateTime(), nullable=nullable)


registry_info = Table(
    "registry_info",
    metadata,
    Column("id", Integer, primary_key=True),
    # Made once when the database is created; a restored copy gets a new one (cursors of the
    # old database are refused with 410).
    Column("database_id", String(36), nullable=False),
    _at("created_at"),
)

counters = Table(
    "counters",
    metadata,
    Column("name", String(40), primary_key=True),
    Column("value", BigInteger, nullable=False),
)

records = Table(
    "records",
    metadata,
    Column("entity", String(20), primary_key=True),
    Column("id", String(36), primary_key=True),
    Column("revision", Integer, nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("deleted", Boolean, nullable=False),
    Column("data", JSON, nullable=False),
    Column("field_revisions", JSON, nullable=False),
    # Scope: the agency and region the record belongs to (via its innovation for children).
    Column("agency_id", String(36)),
    Column("region_code", String(8)),
    # The innovation a verification, replication or attachment belongs to.
    Column("parent_id", String(36)),
    # A value unique per entity: an innovation's registration number, an agency's folded name.
    Column("unique_key", String(300)),
    # The file an attachment names.
    Column("file_sha256", String(64)),
    Column("created_by_account", Integer),
    _at("updated_at"),
    Index("ix_records_seq", "seq", unique=True),
    Index("ix_records_parent_id", "parent_id"),
    Index("ix_records_agency_id", "agency_id"),
    Index("ix_records_file_sha256", "file_sha256"),
    UniqueConstraint("entity", "unique_key", name="uq_records_entity_unique_key"),
)

applied_changes = Table(
    "applied_changes",
    metadata,
    Column("change_id", String(36), primary_key=True),
    Column("digest", String(64), nullable=False),
    Column("result", JSON),
    Column("account_id", Integer, nullable=False),
    Column("device_id", String(36), nullable=False),
    _at("at"),
)

accounts = Table(
    "accounts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(120), nullable=False, unique=True),
    Column("name", String(120), nullable=False),
    Column("role", String(10), nullable=False),
    Column("region_code", String(8)),
    Column("password_hash", String(200), nullable=False),
    Column("disabled", Boolean, nullable=False, default=False),
    Column("officer_id", String(36)),
    _at("created_at"),
)

account_agencies = Table(
    "account_agencies",
    metadata,
    Column("account_id", Integer, primary_key=True),
    Column("agency_id", String(36), primary_key=True),
)

tokens = Table(
    "tokens",
    metadata,
    # Only the SHA-256 of a token is kept: a copy of the database gives no one a login.
    Column("token_sha256", String(64), primary_key=True),
    Column("account_id", Integer, nullable=False, index=True),
    Column("device_id", String(36), nullable=False),
    _at("created_at"),
    _at("expires_at"),
)

login_failures = Table(
    "login_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(120), nullable=False),
    _at("at"),
    Index("ix_login_failures_username_at", "username", "at"),
)

officers = Table(
    "officers",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(120), nullable=False),
    Column("nip", String(18)),
    Column("role", String(10), nullable=False),
    Column("agency_id", String(36)),
    _at("updated_at"),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("account_id", Integer),
    Column("device_id", String(36)),
    Column("change_id", String(36)),
    Column("entity", String(20), nullable=False),
    Column("record_id", String(36), nullable=False),
    Column("action", String(10), nullable=False),  # create | update | delete
    Column("field", String(60)),
    # JSON text of the values (a create has the whole record in ``after``).
    Column("before", Text),
    Column("after", Text),
    _at("at"),
    Index("ix_audit_log_entity_record_id", "entity", "record_id"),
)

attachments = Table(
    "attachments",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("content", LargeBinary, nullable=False),
    _at("stored_at"),
)
