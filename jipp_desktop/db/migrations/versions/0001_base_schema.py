"""base schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-22 16:44:48.431012
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "regions",
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("level", sa.String(length=10), nullable=False),
        sa.Column("parent_code", sa.String(length=8), nullable=True),
        sa.ForeignKeyConstraint(
            ["parent_code"], ["regions.code"], name=op.f("fk_regions_parent_code_regions")
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_regions")),
    )
    with op.batch_alter_table("regions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_regions_level"), ["level"], unique=False)
        batch_op.create_index(batch_op.f("ix_regions_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_regions_parent_code"), ["parent_code"], unique=False)

    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "agencies",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("region_code", sa.String(length=8), nullable=True),
        sa.Column("parent_id", sa.String(length=36), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("dirty", sa.Boolean(), nullable=False),
        sa.Column("server_revision", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["agencies.id"], name=op.f("fk_agencies_parent_id_agencies")
        ),
        sa.ForeignKeyConstraint(
            ["region_code"], ["regions.code"], name=op.f("fk_agencies_region_code_regions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agencies")),
    )
    with op.batch_alter_table("agencies", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agencies_dirty"), ["dirty"], unique=False)
        batch_op.create_index(batch_op.f("ix_agencies_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_agencies_region_code"), ["region_code"], unique=False)

    op.create_table(
        "hubs",
        sa.Column("agency_id", sa.String(length=36), nullable=False),
        sa.Column("decree", sa.String(length=200), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("cohort", sa.String(length=20), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("dirty", sa.Boolean(), nullable=False),
        sa.Column("server_revision", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agencies.id"], name=op.f("fk_hubs_agency_id_agencies")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hubs")),
    )
    with op.batch_alter_table("hubs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hubs_agency_id"), ["agency_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_hubs_dirty"), ["dirty"], unique=False)

    op.create_table(
        "officers",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("nip", sa.String(length=18), nullable=True),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("agency_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_used_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agencies.id"], name=op.f("fk_officers_agency_id_agencies")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_officers")),
        sa.UniqueConstraint("nip", name=op.f("uq_officers_nip")),
    )
    op.create_table(
        "attachments",
        sa.Column("owner_kind", sa.String(length=20), nullable=False),
        sa.Column("owner_id", sa.String(length=36), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("original_name", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("added_by", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("dirty", sa.Boolean(), nullable=False),
        sa.Column("server_revision", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["added_by"], ["officers.id"], name=op.f("fk_attachments_added_by_officers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
    )
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attachments_dirty"), ["dirty"], unique=False)
        batch_op.create_index(batch_op.f("ix_attachments_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attachments_sha256"), ["sha256"], unique=False)

    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("officer_id", sa.String(length=36), nullable=True),
        sa.Column("officer_name", sa.String(length=120), nullable=False),
        sa.Column("entity", sa.String(length=30), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=True),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["officers.id"], name=op.f("fk_audit_log_officer_id_officers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_log_record_id"), ["record_id"], unique=False)

    op.create_table(
        "commitments",
        sa.Column("number", sa.String(length=120), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("place", sa.String(length=120), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.Column("opening", sa.Text(), nullable=True),
        sa.Column("clauses", sa.JSON(), nullable=False),
        sa.Column("hub_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("dirty", sa.Boolean(), nullable=False),
        sa.Column("server_revision", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["hub_id"], ["hubs.id"], name=op.f("fk_commitments_hub_id_hubs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commitments")),
    )
    with op.batch_alter_table("commitments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_commitments_dirty"), ["dirty"], unique=False)

    op.create_table(
        "hub_spokes",
        sa.Column("hub_id", sa.String(length=36), nullable=False),
        sa.Column("agency_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agencies.id"], name=op.f("fk_hub_spokes_agency_id_agencies")
        ),
        sa.ForeignKeyConstraint(
            ["hub_id"], ["hubs.id"], name=op.f("fk_hub_spokes_hub_id_hubs"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("hub_id", "agency_id", name=op.f("pk_hub_spokes")),
    )
    op.create_table(
        "innovations",
        sa.Column("registration_number", sa.String(length=40), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("title_key", sa.String(length=300), nullable=False),
        sa.Column("agency_id", sa.String(length=36), nullable=False),
        sa.Column("unit_name", sa.String(length=200), nullable=True),
        sa.Column("region_code", sa.String(length=8), nullable=True),
        sa.Column("innovators", sa.Text(), nullable=True),
        sa.Column("stakeholders", sa.Text(), nullable=True),
        sa.Column("year_started", sa.Integer(), nullable=True),
        sa.Column("trial_date", sa.Date(), nullable=True),
        sa.Column("launch_date", sa.Date(), nullable=True),
        sa.Column("form", sa.String(length=20), nullable=True),
        sa.Column("is_digital", sa.Boolean(), nullable=False),
        sa.Column("initiator", sa.String(length=20), nullable=True),
        sa.Column("sector", sa.String(length=40), nullable=True),
        sa.Column("competition_category", sa.String(length=20), nullable=True),
        sa.Column("sdg_goals", sa.JSON(), nullable=False),
        sa.Column("reform_theme", sa.String(length=30), nullable=True),
        sa.Column("phase", sa.String(length=20), nullable=True),
        sa.Column("stage", sa.String(length=20), nullable=True),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("background", sa.Text(), nullable=True),
        sa.Column("novelty", sa.Text(), nullable=True),
        sa.Column("implementation", sa.Text(), nullable=True),
        sa.Column("impact", sa.Text(), nullable=True),
        sa.Column("adaptability", sa.Text(), nullable=True),
        sa.Column("resources_used", sa.Text(), nullable=True),
        sa.Column("sustainability", sa.Text(), nullable=True),
        sa.Column("continuation", sa.String(length=24), nullable=False),
        sa.Column("continuation_reason", sa.Text(), nullable=True),
        sa.Column("last_verified_at", sa.DateTime(), nullable=True),
        sa.Column("workflow", sa.String(length=16), nullable=False),
        sa.Column("legal_basis_kind", sa.String(length=20), nullable=True),
        sa.Column("legal_basis_number", sa.String(length=120), nullable=True),
        sa.Column("legal_basis_date", sa.Date(), nullable=True),
        sa.Column("replicated_from_id", sa.String(length=36), nullable=True),
        sa.Column("video_url", sa.String(length=300), nullable=True),
        sa.Column("contact_name", sa.String(length=120), nullable=True),
        sa.Column("contact_phone", sa.String(length=20), nullable=True),
        sa.Column("contact_email", sa.String(length=120), nullable=True),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("submitted_by", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("dirty", sa.Boolean(), nullable=False),
        sa.Column("server_revision", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agencies.id"], name=op.f("fk_innovations_agency_id_agencies")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["officers.id"], name=op.f("fk_innovations_created_by_officers")
        ),
        sa.ForeignKeyConstraint(
            ["region_code"], ["regions.code"], name=op.f("fk_innovations_region_code_regions")
        ),
        sa.ForeignKeyConstraint(
            ["replicated_from_id"],
            ["innovations.id"],
            name=op.f("fk_innovations_replicated_from_id_innovations"),
        ),
        sa.ForeignKeyConstraint(
            ["submitted_by"], ["officers.id"], name=op.f("fk_innovations_submitted_by_officers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_innovations")),
        sa.UniqueConstraint("registration_number", name=op.f("uq_innovations_registration_number")),
    )
    with op.batch_alter_table("innovations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_innovations_agency_id"), ["agency_id"], unique=False)
        batch_op.create_index(
            "ix_innovations_agency_title_key", ["agency_id", "title_key"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_innovations_continuation"), ["continuation"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_innovations_dirty"), ["dirty"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_innovations_last_verified_at"), ["last_verified_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_innovations_phase"), ["phase"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_innovations_region_code"), ["region_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_innovations_sector"), ["sector"], unique=False)
        batch_op.create_index(batch_op.f("ix_innovations_title_key"), ["title_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_innovations_workflow"), ["workflow"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_innovations_year_started"), ["year_started"], unique=False
        )

    op.create_table(
        "awards",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("innovation_id", sa.String(length=36), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("competition", sa.String(length=120), nullable=False),
        sa.Column("stage_reached", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(
            ["innovation_id"],
            ["innovations.id"],
            name=op.f("fk_awards_innovation_id_innovations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_awards")),
    )
    with op.batch_alter_table("awards", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_awards_innovation_id"), ["innovation_id"], unique=False
        )

    op.create_table(
        "commitment_documents",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("commitment_id", sa.String(length=36), nullable=False),
        sa.Column("generated_at", sa.DateTime(), nullable=False),
        sa.Column("officer_id", sa.String(length=36), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("path", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["commitment_id"],
            ["commitments.id"],
            name=op.f("fk_commitment_documents_commitment_id_commitments"),
        ),
        sa.ForeignKeyConstraint(
            ["officer_id"],
            ["officers.id"],
            name=op.f("fk_commitment_documents_officer_id_officers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commitment_documents")),
    )
    with op.batch_alter_table("commitment_documents", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_commitment_documents_commitment_id"), ["commitment_id"], unique=False
        )

    op.create_table(
        "replications",
        sa.Column("source_innovation_id", sa.String(length=36), nullable=False),
        sa.Column("adopting_agency_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("interest_date", sa.Date(), nullable=True),
        sa.Column("agreement_date", sa.Date(), nullable=True),
        sa.Column("agreement_number", sa.String(length=120), nullable=True),
        sa.Column("implementation_date", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("dirty", sa.Boolean(), nullable=False),
        sa.Column("server_revision", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["adopting_agency_id"],
            ["agencies.id"],
            name=op.f("fk_replications_adopting_agency_id_agencies"),
        ),
        sa.ForeignKeyConstraint(
            ["source_innovation_id"],
            ["innovations.id"],
            name=op.f("fk_replications_source_innovation_id_innovations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_replications")),
    )
    with op.batch_alter_table("replications", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_replications_adopting_agency_id"), ["adopting_agency_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_replications_dirty"), ["dirty"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_replications_source_innovation_id"),
            ["source_innovation_id"],
            unique=False,
        )

    op.create_table(
        "signatories",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("commitment_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.String(length=36), nullable=True),
        sa.Column("agency_name", sa.String(length=200), nullable=False),
        sa.Column("official_name", sa.String(length=120), nullable=False),
        sa.Column("official_position", sa.String(length=200), nullable=False),
        sa.Column("nip", sa.String(length=18), nullable=True),
        sa.Column("is_witness", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agencies.id"], name=op.f("fk_signatories_agency_id_agencies")
        ),
        sa.ForeignKeyConstraint(
            ["commitment_id"],
            ["commitments.id"],
            name=op.f("fk_signatories_commitment_id_commitments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signatories")),
    )
    with op.batch_alter_table("signatories", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_signatories_commitment_id"), ["commitment_id"], unique=False
        )

    op.create_table(
        "verifications",
        sa.Column("innovation_id", sa.String(length=36), nullable=False),
        sa.Column("verifier_id", sa.String(length=36), nullable=False),
        sa.Column("verified_at", sa.DateTime(), nullable=False),
        sa.Column("method", sa.String(length=12), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("continuation", sa.String(length=24), nullable=True),
        sa.Column("duplicate_of_id", sa.String(length=36), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("dirty", sa.Boolean(), nullable=False),
        sa.Column("server_revision", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["duplicate_of_id"],
            ["innovations.id"],
            name=op.f("fk_verifications_duplicate_of_id_innovations"),
        ),
        sa.ForeignKeyConstraint(
            ["innovation_id"],
            ["innovations.id"],
            name=op.f("fk_verifications_innovation_id_innovations"),
        ),
        sa.ForeignKeyConstraint(
            ["verifier_id"], ["officers.id"], name=op.f("fk_verifications_verifier_id_officers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verifications")),
    )
    with op.batch_alter_table("verifications", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_verifications_dirty"), ["dirty"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_verifications_innovation_id"), ["innovation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_verifications_outcome"), ["outcome"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_verifications_verified_at"), ["verified_at"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("verifications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_verifications_verified_at"))
        batch_op.drop_index(batch_op.f("ix_verifications_outcome"))
        batch_op.drop_index(batch_op.f("ix_verifications_innovation_id"))
        batch_op.drop_index(batch_op.f("ix_verifications_dirty"))

    op.drop_table("verifications")
    with op.batch_alter_table("signatories", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_signatories_commitment_id"))

    op.drop_table("signatories")
    with op.batch_alter_table("replications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_replications_source_innovation_id"))
        batch_op.drop_index(batch_op.f("ix_replications_dirty"))
        batch_op.drop_index(batch_op.f("ix_replications_adopting_agency_id"))

    op.drop_table("replications")
    with op.batch_alter_table("commitment_documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_commitment_documents_commitment_id"))

    op.drop_table("commitment_documents")
    with op.batch_alter_table("awards", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_awards_innovation_id"))

    op.drop_table("awards")
    with op.batch_alter_table("innovations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_innovations_year_started"))
        batch_op.drop_index(batch_op.f("ix_innovations_workflow"))
        batch_op.drop_index(batch_op.f("ix_innovations_title_key"))
        batch_op.drop_index(batch_op.f("ix_innovations_sector"))
        batch_op.drop_index(batch_op.f("ix_innovations_region_code"))
        batch_op.drop_index(batch_op.f("ix_innovations_phase"))
        batch_op.drop_index(batch_op.f("ix_innovations_last_verified_at"))
        batch_op.drop_index(batch_op.f("ix_innovations_dirty"))
        batch_op.drop_index(batch_op.f("ix_innovations_continuation"))
        batch_op.drop_index("ix_innovations_agency_title_key")
        batch_op.drop_index(batch_op.f("ix_innovations_agency_id"))

    op.drop_table("innovations")
    op.drop_table("hub_spokes")
    with op.batch_alter_table("commitments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_commitments_dirty"))

    op.drop_table("commitments")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_record_id"))
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))

    op.drop_table("audit_log")
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachments_sha256"))
        batch_op.drop_index(batch_op.f("ix_attachments_owner_id"))
        batch_op.drop_index(batch_op.f("ix_attachments_dirty"))

    op.drop_table("attachments")
    op.drop_table("officers")
    with op.batch_alter_table("hubs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hubs_dirty"))
        batch_op.drop_index(batch_op.f("ix_hubs_agency_id"))

    op.drop_table("hubs")
    with op.batch_alter_table("agencies", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agencies_region_code"))
        batch_op.drop_index(batch_op.f("ix_agencies_name"))
        batch_op.drop_index(batch_op.f("ix_agencies_dirty"))

    op.drop_table("agencies")
    op.drop_table("settings")
    with op.batch_alter_table("regions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_regions_parent_code"))
        batch_op.drop_index(batch_op.f("ix_regions_name"))
        batch_op.drop_index(batch_op.f("ix_regions_level"))

    op.drop_table("regions")
