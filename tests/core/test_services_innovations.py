"""Creating, changing, deleting and bulk-inserting innovation records."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from jipp_desktop.db.engine import Database
from jipp_desktop.db.models import AuditEntry, Innovation
from jipp_desktop.domain.errors import NotFound, PermissionDenied, ValidationFailed, WorkflowError
from jipp_desktop.services.audit import history
from jipp_desktop.services.innovations import (
    AwardInput,
    create_innovation,
    delete_innovation,
    find_duplicates,
    get_innovation,
    insert_innovations,
    possible_duplicates,
    update_innovation,
)
from jipp_desktop.services.officers import Actor
from jipp_desktop.services.search import search_innovations
from jipp_desktop.services.verification import submit
from tests.conftest import BALI, DENPASAR


def create(db: Database, actor: Actor, values: dict, **kw) -> str:
    with db.transaction() as s:
        return create_innovation(s, actor, values, **kw).id


def test_create_stores_a_draft_with_its_author(db: Database, operator: Actor, make_values) -> None:
    awards = [AwardInput(2023, "KIPP 2023", "Top 99")]
    iid = create(db, operator, make_values(), awards=awards)
    with db.session() as s:
        innovation = get_innovation(s, iid)
        assert innovation.workflow == "draft" and innovation.created_by == operator.id
        assert innovation.title_key == "layanan akta kelahiran langsung dari rumah sakit"
        assert [(a.year, a.stage_reached) for a in innovation.awards] == [(2023, "Top 99")]
        assert innovation.local_version > innovation.synced_version
        assert innovation.continuation == "unknown"


def test_create_lists_every_broken_rule_and_stores_nothing(
    db: Database, operator: Actor, make_values
) -> None:
    values = make_values(
        title="abc",
        region_code="99.99",
        year_started=1900,
        contact_email="bukan-surel",
        sdg_goals="3, 18",
        continuation="stopped",
    )
    with pytest.raises(ValidationFailed) as info, db.transaction() as s:
        create_innovation(s, operator, values, awards=[AwardInput(1990, "", "Top 99")])
    fields = {e.field for e in info.value.errors}
    assert fields == {
        "title",
        "region_code",
        "year_started",
        "contact_email",
        "sdg_goals",
        "continuation_reason",
        "awards",
    }
    assert "judul terlalu pendek" in info.value.message("id")
    assert "the title is too short" in info.value.message("en")
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Innovation)) == 0
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == 0


def test_region_must_lie_inside_the_agency_region(
    db: Database, operator: Actor, make_values
) -> None:
    with pytest.raises(ValidationFailed, match="di luar wilayah instansi"), db.transaction() as s:
        create_innovation(s, operator, make_values(region_code="52.01"))
    # A provincial agency may place an innovation in any of its regencies.
    create(db, operator, make_values(agency_id=BALI, region_code="51.03"))


def test_a_verifier_cannot_enter_records(db: Database, verifier: Actor, make_values) -> None:
    with pytest.raises(PermissionDenied, match="tidak berwenang"), db.transaction() as s:
        create_innovation(s, verifier, make_values())


def test_update_logs_each_changed_field(db: Database, operator: Actor, make_values) -> None:
    iid = create(db, operator, make_values())
    with db.transaction() as s:
        update_innovation(s, operator, iid, {"year_started": 2022, "title": "Akta Lahir Kilat"})
    with db.session() as s:
        entries = {e.field: (e.before, e.after) for e in history(s, iid) if e.action == "update"}
        assert entries == {
            "year_started": ("2021", "2022"),
            "title": ("Layanan Akta Kelahiran Langsung dari Rumah Sakit", "Akta Lahir Kilat"),
        }
        assert get_innovation(s, iid).title_key == "akta lahir kilat"


def test_update_without_change_logs_nothing(db: Database, operator: Actor, make_values) -> None:
    iid = create(db, operator, make_values())
    with db.transaction() as s:
        update_innovation(s, operator, iid, {"year_started": 2021})
    with db.session() as s:
        assert [e.action for e in history(s, iid)] == ["create"]


def test_records_under_review_cannot_be_edited(db: Database, operator: Actor, make_values) -> None:
    iid = create(db, operator, make_values())
    with db.transaction() as s:
        submit(s, operator, iid)
    with pytest.raises(WorkflowError, match="sedang diverifikasi"), db.transaction() as s:
        update_innovation(s, operator, iid, {"year_started": 2020})
    with pytest.raises(WorkflowError, match="hanya admin"), db.transaction() as s:
        delete_innovation(s, operator, iid)


def test_a_bad_update_leaves_the_record_as_it_was(
    db: Database, operator: Actor, make_values
) -> None:
    iid = create(db, operator, make_values())
    with pytest.raises(ValidationFailed), db.transaction() as s:
        update_innovation(s, operator, iid, {"launch_date": date(2020, 1, 1), "year_started": 2021})
    with db.session() as s:
        assert get_innovation(s, iid).launch_date is None


def test_delete_is_a_tombstone(db: Database, operator: Actor, make_values) -> None:
    iid = create(db, operator, make_values())
    with db.transaction() as s:
        delete_innovation(s, operator, iid)
    with db.session() as s:
        assert s.get(Innovation, iid).deleted_at is not None
        with pytest.raises(NotFound):
            get_innovation(s, iid)
        assert search_innovations(s, "akta") == []
        assert [e.action for e in history(s, iid)] == ["delete", "create"]


def test_duplicates_by_normalised_title(db: Database, operator: Actor, make_values) -> None:
    first = create(db, operator, make_values())
    with db.session() as s:
        same = find_duplicates(s, DENPASAR, "layanan akta KELAHIRAN, langsung dari rumah-sakit")
        assert [i.id for i in same] == [first]
        assert find_duplicates(s, BALI, "Layanan Akta Kelahiran Langsung dari Rumah Sakit") == []
    second = create(
        db, operator, make_values(title="Layanan Akta Kelahiran Langsung di Rumah Sakit Daerah")
    )
    with db.session() as s:
        assert [i.id for i in possible_duplicates(s, get_innovation(s, second))] == [first]


def test_one_shared_word_makes_no_possible_duplicate(
    db: Database, operator: Actor, make_values
) -> None:
    same = create(
        db, operator, make_values(title="PROCOSTO (Program Cold Storage Hasil Tangkapan Nelayan)")
    )
    create(db, operator, make_values(title="GEPAJEM (Gerakan Paspor Jemput Bola Daring)"))
    record = create(
        db,
        operator,
        make_values(title="PO-COSTO (Pojok Cold Storage Hasil Tangkapan Jemput Antar)"),
    )
    with db.session() as s:
        assert [i.id for i in possible_duplicates(s, get_innovation(s, record))] == [same]
    # A title of one telling word is still matched by it.
    short = create(db, operator, make_values(title="SIPANDU"))
    longer = create(db, operator, make_values(title="SIPANDU Online"))
    with db.session() as s:
        assert [i.id for i in possible_duplicates(s, get_innovation(s, longer))] == [short]


def test_bulk_insert_is_searchable_and_audited(db: Database, operator: Actor, make_values) -> None:
    rows = [make_values(title=f"Gerai Pajak Keliling Nomor {n}") for n in range(50)]
    with db.transaction() as s:
        ids = insert_innovations(s, operator, rows, workflow="submitted")
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Innovation)) == 50
        assert {r.id for r in search_innovations(s, "pajak keliling", limit=100)} == set(ids)
        logged = s.scalars(select(AuditEntry.record_id).where(AuditEntry.action == "create"))
        assert set(logged) == set(ids)
        assert get_innovation(s, ids[0]).workflow == "submitted"


def test_bulk_insert_needs_an_editor(db: Database, verifier: Actor, make_values) -> None:
    with pytest.raises(PermissionDenied), db.transaction() as s:
        insert_innovations(s, verifier, [make_values()])


def test_a_registration_number_is_used_once(db: Database, operator: Actor, make_values) -> None:
    with db.transaction() as s:
        first = create_innovation(s, operator, make_values(registration_number="JIPP-2023-000044"))
        other = create_innovation(s, operator, make_values(title="Gerai Pajak Keliling Desa"))
        first_id, other_id = first.id, other.id
    for attempt in (
        lambda s: create_innovation(
            s,
            operator,
            make_values(title="Mobil Layanan Dukcapil", registration_number="JIPP-2023-000044"),
        ),
        lambda s: update_innovation(
            s, operator, other_id, {"registration_number": "JIPP-2023-000044"}
        ),
    ):
        with pytest.raises(ValidationFailed) as info, db.transaction() as s:
            attempt(s)
        assert "registration_number" in info.value.by_field()
    with db.transaction() as s:  # keeping its own number is no conflict
        update_innovation(s, operator, first_id, {"unit_name": "Mal Pelayanan Publik"})


def test_registration_numbers_are_written_the_registry_way(
    db: Database, operator: Actor, make_values
) -> None:
    with db.transaction() as s:
        record = create_innovation(
            s, operator, make_values(registration_number=" jipp\u20102023\u2010000044 ")
        )
        assert record.registration_number == "JIPP-2023-000044"
    with pytest.raises(ValidationFailed) as info, db.transaction() as s:
        create_innovation(
            s,
            operator,
            make_values(title="Mobil Layanan Dukcapil", registration_number="Jipp-2023-000044"),
        )
    assert "registration_number" in info.value.by_field()
