"""Replications, commitments, agencies, hubs and officer profiles: each service's rules."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from jipp_desktop.db.engine import Database
from jipp_desktop.db.models import Hub
from jipp_desktop.domain.errors import (
    NotFound,
    PermissionDenied,
    ValidationFailed,
    WorkflowError,
)
from jipp_desktop.services.agencies import (
    create_agency,
    delete_agency,
    find_agencies,
    update_agency,
)
from jipp_desktop.services.audit import history
from jipp_desktop.services.commitments import (
    CommitmentInput,
    SignatoryInput,
    commitment_input,
    create_commitment,
    delete_commitment,
    get_commitment,
    list_commitments,
    update_commitment,
)
from jipp_desktop.services.hubs import get_hub, list_hubs, set_spokes, update_hub
from jipp_desktop.services.innovations import create_innovation
from jipp_desktop.services.officers import (
    Actor,
    create_officer,
    find_officer,
    list_officers,
    use_officer,
)
from jipp_desktop.services.replications import (
    advance_replication,
    replication_count,
    replications_of,
    start_replication,
)
from tests.conftest import BALI, DENPASAR

BADUNG = "Pemerintah Kabupaten Badung"


def badung(db: Database) -> str:
    with db.session() as s:
        return find_agencies(s, "Kabupaten Badung")[0].id


@pytest.fixture
def source(db: Database, operator: Actor, make_values) -> str:
    with db.transaction() as s:
        return create_innovation(s, operator, make_values()).id


# --- replications -------------------------------------------------------------------------


def test_replication_goes_from_interest_to_implementation(
    db: Database, operator: Actor, source: str
) -> None:
    with db.transaction() as s:
        rid = start_replication(s, operator, source, badung(db), date(2024, 1, 10)).id
        advance_replication(s, operator, rid, "agreed", date(2024, 2, 1), "  12/BK/2024 ")
        advance_replication(s, operator, rid, "implemented", date(2024, 6, 1))
    with db.session() as s:
        [r] = replications_of(s, source)
        assert (r.status, r.agreement_number, r.implementation_date) == (
            "implemented",
            "12/BK/2024",
            date(2024, 6, 1),
        )
        assert replication_count(s, source) == 1
        assert [e.field for e in history(s, rid) if e.action == "update"].count("status") == 2


def test_replication_rules(db: Database, operator: Actor, source: str) -> None:
    with pytest.raises(ValidationFailed, match="sendiri"), db.transaction() as s:
        start_replication(s, operator, source, DENPASAR)
    with db.transaction() as s:
        rid = start_replication(s, operator, source, badung(db)).id
    with pytest.raises(ValidationFailed, match="sudah tercatat"), db.transaction() as s:
        start_replication(s, operator, source, badung(db))
    with pytest.raises(WorkflowError, match="Menunggu ke Diterapkan"), db.transaction() as s:
        advance_replication(s, operator, rid, "implemented")
    with pytest.raises(ValidationFailed, match="nomor bukti"), db.transaction() as s:
        advance_replication(s, operator, rid, "agreed", agreement_number=" ")
    with pytest.raises(NotFound), db.transaction() as s:
        advance_replication(s, operator, "no-such-id", "agreed", agreement_number="1")


# --- commitments --------------------------------------------------------------------------


def commitment(**changes) -> CommitmentInput:
    values = {
        "number": "01/PK/2024",
        "title": "Pernyataan Komitmen Replikasi Inovasi",
        "place": "Denpasar",
        "signed_on": date(2024, 5, 2),
        "clauses": ("Mereplikasi inovasi", ""),
        "signatories": (
            SignatoryInput("Pemerintah Kota Denpasar", "I Made Sudarsana", "Sekretaris Daerah"),
            SignatoryInput(
                "Kementerian PANRB", "Sri Handayani", "Deputi", "197811052005011002", None, True
            ),
        ),
    }
    return CommitmentInput(**(values | changes))


def test_commitment_is_stored_with_ordered_signatories(db: Database, operator: Actor) -> None:
    with db.transaction() as s:
        cid = create_commitment(s, operator, commitment()).id
    with db.session() as s:
        c = get_commitment(s, cid)
        assert c.clauses == ["Mereplikasi inovasi"]
        assert [(x.position, x.is_witness) for x in c.signatories] == [(1, False), (2, True)]
        assert commitment_input(c).signatories[1].nip == "197811052005011002"


def test_commitment_rules_name_the_signatory(db: Database, operator: Actor) -> None:
    bad = commitment(
        number=" ",
        clauses=(),
        signatories=(
            SignatoryInput("Pemerintah Kota Denpasar", "", "Sekretaris Daerah"),
            SignatoryInput("Kementerian PANRB", "Sri", "Deputi", "1978", None, False),
        ),
    )
    with pytest.raises(ValidationFailed) as info, db.transaction() as s:
        create_commitment(s, operator, bad)
    message = info.value.message("id")
    assert "nomor wajib diisi" in message and "paling sedikit satu butir" in message
    assert "penanda tangan 1: instansi, nama dan jabatan" in message
    assert "penanda tangan 2: NIP harus 18 digit" in message
    no_signer = "paling sedikit satu penanda tangan"
    with pytest.raises(ValidationFailed, match=no_signer), db.transaction() as s:
        create_commitment(s, operator, commitment(signatories=()))


def test_commitment_update_and_delete(db: Database, operator: Actor, verifier: Actor) -> None:
    with db.transaction() as s:
        cid = create_commitment(s, operator, commitment()).id
    with db.transaction() as s:
        update_commitment(s, operator, cid, commitment(place="Badung"))
    with pytest.raises(PermissionDenied), db.transaction() as s:
        delete_commitment(s, verifier, cid)
    with db.transaction() as s:
        delete_commitment(s, operator, cid)
    with db.session() as s:
        fields = [e.field for e in history(s, cid) if e.action == "update"]
        assert fields == ["place"]
        assert list_commitments(s) == []


# --- agencies and hubs --------------------------------------------------------------------


def test_agency_rules(db: Database, operator: Actor, admin: Actor, source: str) -> None:
    with pytest.raises(ValidationFailed) as info, db.transaction() as s:
        create_agency(s, operator, {"name": BADUNG.lower(), "kind": "regency"})
    assert {e.field for e in info.value.errors} == {"name", "region_code"}
    with db.transaction() as s:
        aid = create_agency(
            s,
            operator,
            {"name": "Dinas Kesehatan Kota Denpasar", "kind": "other", "parent_id": DENPASAR},
        ).id
        update_agency(s, operator, aid, {"address": "Jl. Contoh No. 1, Denpasar"})
    with pytest.raises(PermissionDenied), db.transaction() as s:
        delete_agency(s, operator, aid)
    with pytest.raises(WorkflowError, match="1 inovasi"), db.transaction() as s:
        delete_agency(s, admin, DENPASAR)
    with db.transaction() as s:
        delete_agency(s, admin, aid)
    with db.session() as s:
        assert find_agencies(s, "Dinas Kesehatan Kota Denpasar") == []


def test_hub_spokes_and_changes(db: Database, admin: Actor) -> None:
    with db.session() as s:
        bali_hub = s.scalars(select(Hub.id).where(Hub.agency_id == BALI)).one()
        assert len(list_hubs(s)) == 35  # every published cohort (docs/ARCHITECTURE.md)
    with db.transaction() as s:
        set_spokes(s, admin, bali_hub, [DENPASAR, badung(db)])
        update_hub(s, admin, bali_hub, {"active": False})
    with pytest.raises(ValidationFailed, match="dirinya sendiri"), db.transaction() as s:
        set_spokes(s, admin, bali_hub, [BALI])
    with pytest.raises(ValidationFailed, match="tahun"), db.transaction() as s:
        update_hub(s, admin, bali_hub, {"year": 1999})
    with db.session() as s:
        hub = get_hub(s, bali_hub)
        assert {x.agency_id for x in hub.spokes} == {DENPASAR, badung(db)}
        assert hub.active is False
        assert len(list_hubs(s, active_only=True)) == 34


# --- officers -----------------------------------------------------------------------------


def test_officer_rules_and_last_used(db: Database) -> None:
    with pytest.raises(ValidationFailed) as info, db.transaction() as s:
        create_officer(s, " ", "boss", "198513322010012003")
    assert {e.field for e in info.value.errors} == {"name", "role", "nip"}
    with db.transaction() as s:
        create_officer(s, "Putu Ayu", "operator", "198503122010012003")
        create_officer(s, "Komang Adi", "verifier")
    with pytest.raises(ValidationFailed, match="sudah dipakai"), db.transaction() as s:
        create_officer(s, "Lain", "operator", "198503122010012003")
    with db.transaction() as s:
        assert use_officer(s, "komang adi").role == "verifier"
    with db.transaction() as s:
        assert use_officer(s, None).name == "Komang Adi"
        assert find_officer(s, "198503122010012003").name == "Putu Ayu"
        assert list_officers(s)[0].name == "Komang Adi"
    with pytest.raises(NotFound), db.transaction() as s:
        use_officer(s, "nobody")


# --- settings -----------------------------------------------------------------------------


def test_settings_are_stored_and_replaced(db: Database) -> None:
    from jipp_desktop.services.settings import get_setting, set_setting

    with db.session() as s:
        assert get_setting(s, "letterhead.name", "—") == "—"
    with db.transaction() as s:
        set_setting(s, "letterhead.name", "Pemerintah Kota Denpasar")
    with db.transaction() as s:
        set_setting(s, "letterhead.name", "Pemerintah Provinsi Bali")
    with db.session() as s:
        assert get_setting(s, "letterhead.name") == "Pemerintah Provinsi Bali"
