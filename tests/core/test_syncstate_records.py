"""Records on the wire: which fields travel, in which form, and written back unchanged."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import func, select

from jipp_desktop.db.engine import open_database
from jipp_desktop.db.models import AuditEntry, Commitment, Hub, Innovation, OutboxChange
from jipp_desktop.services.commitments import CommitmentInput, SignatoryInput, create_commitment
from jipp_desktop.services.hubs import list_hubs, set_spokes
from jipp_desktop.services.innovations import AwardInput, create_innovation
from jipp_desktop.syncstate.records import (
    CHILDREN,
    RemoteCopy,
    apply_remote_data,
    canonical,
    insert_remote,
    record_data,
    wire_fields,
    write_remote,
)
from jipp_desktop.syncstate.transaction import remote_transaction
from tests.conftest import BALI, DENPASAR, innovation_values


def test_wire_fields_leave_out_sync_metadata_and_derived_values():
    fields = wire_fields("innovation")
    for name in ("id", "local_version", "synced_version", "server_revision", "sync_base"):
        assert name not in fields
    assert "title_key" not in fields and "updated_at" not in fields and "deleted_at" not in fields
    assert fields[-1] == "awards" and "created_by" in fields
    assert wire_fields("hub")[-1] == "spokes"
    assert wire_fields("commitment")[-1] == "signatories"


def test_canonical_values_compare_equal_whatever_their_spelling():
    assert canonical("innovation", "last_verified_at", "2024-05-01T03:00:00Z") == canonical(
        "innovation", "last_verified_at", datetime(2024, 5, 1, 10, 0, tzinfo=UTC).replace(hour=3)
    )
    assert canonical("innovation", "launch_date", date(2024, 5, 1)) == "2024-05-01"
    assert canonical("innovation", "awards", [[2023, "KIPP", "Top 45"]]) == [
        {"year": 2023, "competition": "KIPP", "stage_reached": "Top 45"}
    ]
    assert canonical("hub", "spokes", ["b", "a"]) == ["a", "b"]
    assert CHILDREN["commitment"].canonical([["a1", "Agency", "Name", "Head", None, False]]) == [
        {
            "position": 1,
            "agency_id": "a1",
            "agency_name": "Agency",
            "official_name": "Name",
            "official_position": "Head",
            "nip": None,
            "is_witness": False,
        }
    ]


def test_a_record_written_back_on_another_device_reads_the_same(db, operator, admin, tmp_path):
    with db.transaction() as s:
        innovation = create_innovation(
            s,
            operator,
            innovation_values(launch_date=date(2022, 3, 1)),
            awards=[AwardInput(2023, "KIPP", "Top 99"), AwardInput(2022, "KIPP", "Top 45")],
        )
        hub = list_hubs(s)[0]
        set_spokes(s, admin, hub.id, [DENPASAR])
        commitment = create_commitment(
            s,
            operator,
            CommitmentInput(
                number="001/2024",
                title="Komitmen Replikasi",
                place="Denpasar",
                signed_on=date(2024, 1, 2),
                opening="Pada hari ini",
                clauses=("Satu", "Dua"),
                hub_id=None,
                signatories=(
                    SignatoryInput("Pemprov Bali", "I Wayan", "Gubernur", agency_id=BALI),
                ),
            ),
        )
    ids = {"innovation": innovation.id, "hub": hub.id, "commitment": commitment.id}
    with db.session() as s:
        data = {e: record_data(s, e, i) for e, i in ids.items()}
    assert data["innovation"]["launch_date"] == "2022-03-01"
    assert [a["year"] for a in data["innovation"]["awards"]] == [2022, 2023]
    assert data["hub"]["spokes"] == [DENPASAR]
    assert data["commitment"]["signatories"][0]["official_name"] == "I Wayan"

    other = open_database(tmp_path / "other.db")
    try:
        now = datetime.now(UTC)
        with remote_transaction(other) as s:
            insert_remote(
                s, [RemoteCopy("innovation", ids["innovation"], 1, False, data["innovation"], now)]
            )
            insert_remote(
                s, [RemoteCopy("commitment", ids["commitment"], 1, False, data["commitment"], now)]
            )
            # The hub is reference data both devices have: written over.
            write_remote(s, RemoteCopy("hub", ids["hub"], 1, False, data["hub"], now))
        with other.session() as s:
            assert {e: record_data(s, e, i) for e, i in ids.items()} == data
            assert s.get(Innovation, ids["innovation"]).title_key
            assert s.get(Hub, ids["hub"]).server_revision == 1
            assert s.get(Commitment, ids["commitment"]).local_version == 0
    finally:
        other.close()


def test_apply_remote_data_inserts_then_overwrites_without_recording_a_change(
    db, operator, tmp_path
):
    with db.transaction() as s:
        record_id = create_innovation(s, operator, innovation_values()).id
    with db.session() as s:
        data = record_data(s, "innovation", record_id)
    other = open_database(tmp_path / "other.db")
    try:
        at = datetime(2025, 1, 2, 3, 4, tzinfo=UTC)
        with remote_transaction(other) as s:
            apply_remote_data(s, "innovation", record_id, data, revision=1, updated_at=at)
        with remote_transaction(other) as s:
            apply_remote_data(
                s,
                "innovation",
                record_id,
                {**data, "impact": "Baru."},
                revision=2,
                updated_at=at.replace(day=3),
            )
        with other.session() as s:
            found = s.get(Innovation, record_id)
            assert (found.impact, found.server_revision, found.local_version) == ("Baru.", 2, 0)
            assert found.updated_at == at.replace(day=3)
            assert found.sync_base["impact"] == "Baru."
            assert s.scalar(select(func.count()).select_from(OutboxChange)) == 0
            assert s.scalar(select(func.count()).select_from(AuditEntry)) == 0
    finally:
        other.close()
