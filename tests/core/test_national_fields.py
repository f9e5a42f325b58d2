"""The fields the national systems hold and the store once lacked: the initiator's name, the
secondary government affairs, the agency's national code and the awards, kept by the form's
rules, exported and imported back, and refused with a message when they are wrong; NIPs as
officers write them ("19630511 199103 1 009") stored as their 18 digits."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from jipp_desktop.db.engine import open_database
from jipp_desktop.db.models import Agency, AuditEntry, Award, Innovation, Officer, Signatory
from jipp_desktop.domain.errors import ValidationFailed
from jipp_desktop.domain.validation import normalise_nip, validate_innovation
from jipp_desktop.reference.seed import reference_id
from jipp_desktop.services.agencies import update_agency
from jipp_desktop.services.commitments import CommitmentInput, SignatoryInput, create_commitment
from jipp_desktop.services.innovations import AwardInput, create_innovation
from jipp_desktop.services.lookup import StoreLookup
from jipp_desktop.services.officers import Actor, create_officer, find_officer
from jipp_desktop.services.verification import submit
from jipp_desktop.spreadsheets.export import export_innovations
from jipp_desktop.spreadsheets.importer import import_spreadsheet

from .spreadsheet_files import DECISION_HEADERS, decision, write_xlsx

DENPASAR = reference_id("agency", "Pemerintah Kota Denpasar")
AWARDS = [
    AwardInput(2019, "Kompetisi Inovasi Pelayanan Publik (KIPP)", "Top 99"),
    AwardInput(2021, "Penghargaan Inovasi Daerah Provinsi Bali", "Juara 1, kategori kota"),
]


def _record(db, operator, make_values) -> str:
    with db.transaction() as s:
        update_agency(s, operator, DENPASAR, {"national_code": " 51.71-pd "})
        record = create_innovation(
            s,
            operator,
            make_values(
                initiator_name="Dr. Contoh Inisiator, M.Si.",
                secondary_sectors=["social", "health", "health"],
            ),
            AWARDS,
        )
        return record.id


def test_the_form_rules_keep_the_new_fields(db, operator, make_values):
    record_id = _record(db, operator, make_values)
    with db.session() as s:
        record = s.get(Innovation, record_id)
        # Each affair once, in the list's order; the code as the national systems write it.
        assert record.secondary_sectors == ["health", "social"]
        assert record.initiator_name == "Dr. Contoh Inisiator, M.Si."
        assert s.get(Agency, DENPASAR).national_code == "51.71-PD"
        lookup = StoreLookup(s)
        _, errors = validate_innovation(
            make_values(secondary_sectors=["health", "juggling"]), lookup
        )
        assert [(e.field, e.id) for e in errors] == [
            ("secondary_sectors", "nilai 'juggling' tidak ada dalam daftar urusan irisan")
        ]
        _, errors = validate_innovation(make_values(initiator_name="x" * 121), lookup)
        assert [e.field for e in errors] == ["initiator_name"]


def test_a_bad_or_taken_agency_code_is_refused_and_nothing_changes(db, operator):
    bali = reference_id("agency", "Pemerintah Provinsi Bali")
    with db.transaction() as s:
        update_agency(s, operator, DENPASAR, {"national_code": "5171"})
    for code, words in (("51 71 ?", "tidak sah"), ("5171", "sudah dipakai")):
        with db.transaction() as s, pytest.raises(ValidationFailed) as caught:
            update_agency(s, operator, bali, {"national_code": code})
        assert (
            words in caught.value.errors[0].id and caught.value.errors[0].field == "national_code"
        )
    with db.session() as s:
        assert s.get(Agency, bali).national_code is None


def test_export_then_import_on_another_device_keeps_them(db, operator, make_values, tmp_path):
    record_id = _record(db, operator, make_values)
    out = tmp_path / "ekspor.xlsx"
    with db.session() as s:
        export_innovations(s, out)
    sheet = openpyxl.load_workbook(out).active
    header = [c.value for c in sheet[1]]
    cells = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert cells["Urusan irisan"] == "Kesehatan; Sosial"
    assert cells["Nama inisiator"] == "Dr. Contoh Inisiator, M.Si."
    assert cells["Kode instansi"] == "51.71-PD"
    assert cells["Penghargaan"] == (
        "2019 Kompetisi Inovasi Pelayanan Publik (KIPP): Top 99; "
        "2021 Penghargaan Inovasi Daerah Provinsi Bali: Juara 1, kategori kota"
    )

    other = open_database(tmp_path / "lain.db")
    with other.transaction() as s:
        admin = Actor.of(create_officer(s, "Rina Wulandari", "admin"))
    report = import_spreadsheet(other, admin, out, create_agencies=True)

    assert (report.new, report.invalid, report.committed) == (1, 0, True), [
        p.describe() for p in report.problems
    ]
    with other.session() as s:
        record = s.get(Innovation, record_id)
        assert (record.initiator_name, record.secondary_sectors) == (
            "Dr. Contoh Inisiator, M.Si.",
            ["health", "social"],
        )
        awards = [(a.year, a.competition, a.stage_reached) for a in record.awards]
        assert awards == [(a.year, a.competition, a.stage_reached) for a in AWARDS]
        # An admin's import gives the code to the agency that had none.
        assert s.get(Agency, DENPASAR).national_code == "51.71-PD"
    other.close()


def test_an_agency_is_found_by_its_code_when_its_name_is_not(db, operator, tmp_path):
    with db.transaction() as s:
        update_agency(s, operator, DENPASAR, {"national_code": "5171"})
    path = write_xlsx(
        tmp_path / "kode.xlsx",
        [
            ["KIOS DUKCAPIL (Kios Layanan Adminduk)", "Disdukcapil Dps", "5171"],
            ["SAPA WARGA (Sistem Aduan Warga)", "Dinas Entah Mana", "9999"],
        ],
        ["Judul Inovasi", "Institusi", "Kode Instansi"],
    )

    report = import_spreadsheet(db, operator, path)

    assert (report.new, report.invalid) == (1, 1)
    assert report.problems[0].row == 3 and report.problems[0].field == "agency_id"
    with db.session() as s:
        assert s.scalars(select(Innovation.agency_id)).all() == [DENPASAR]


def test_a_registry_award_text_and_an_unreadable_one(db, operator, tmp_path):
    path = write_xlsx(
        tmp_path / "penghargaan.xlsx",
        [
            ["LAPAK ASIK (Layanan Pertanahan Akhir Pekan)", "Pemkot Denpasar", "Top 45/2021"],
            ["SI-CEPAT (Sistem Cepat Tanggap)", "Pemkot Denpasar", "Juara harapan"],
        ],
        ["Judul Inovasi", "Institusi", "Penghargaan"],
    )
    report = import_spreadsheet(db, operator, path)
    assert (report.new, report.invalid) == (1, 1)
    assert "tanpa tahun" in report.problems[0].id
    with db.session() as s:
        assert [(a.year, a.stage_reached) for a in s.scalars(select(Award))] == [(2021, "Top 45")]


def test_an_update_adds_the_awards_a_record_lacks_and_keeps_its_own(
    db, operator, make_values, tmp_path
):
    record_id = _record(db, operator, make_values)
    with db.session() as s:
        title = s.get(Innovation, record_id).title
    path = write_xlsx(
        tmp_path / "penghargaan.xlsx",
        [[title, "Pemkot Denpasar", "Top 45/2021; Top 99/2019; IGA 2022"]],
        ["Judul Inovasi", "Institusi", "Penghargaan"],
    )

    report = import_spreadsheet(db, operator, path, on_duplicate="update")

    assert (report.updated, report.invalid) == (1, 0)
    assert "Penghargaan" in report.problems[0].id
    with db.session() as s:
        awards = s.scalars(select(Award).where(Award.innovation_id == record_id).order_by(Award.id))
        assert [(a.year, a.stage_reached) for a in awards] == [
            (2019, "Top 99"),  # the record's own, kept (KIPP Top 99 2019 is the same award)
            (2021, "Juara 1, kategori kota"),
            (2021, "Top 45"),
            (2022, "Penerima"),
        ]
        logged = s.scalars(
            select(AuditEntry).where(
                AuditEntry.record_id == record_id, AuditEntry.field == "awards"
            )
        ).all()
        assert len(logged) == 1 and "Top 45" in logged[0].after
    # The same file again adds nothing: the record is unchanged.
    again = import_spreadsheet(db, operator, path, on_duplicate="update")
    assert (again.updated, again.unchanged) == (0, 1)


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("19630511 199103 1 009", "196305111991031009"),
        ("19630511.199103.1.009", "196305111991031009"),
        ("19630511-199103-1-009", "196305111991031009"),
        ("196305111991031009", "196305111991031009"),
        (" 19630511\u00a0199103 1 009 ", "196305111991031009"),
        ("NIP 19630511", "NIP 19630511"),  # not a NIP: left for the rules to refuse
    ],
)
def test_a_nip_as_written(written, stored):
    assert normalise_nip(written) == stored


def test_nips_written_with_spaces_are_stored_as_18_digits(db, operator):
    with db.transaction() as s:
        officer = create_officer(s, "Made Wirawan", "verifier", "19630511 199103 1 009")
        assert officer.nip == "196305111991031009"
        assert find_officer(s, "19630511 199103 1 009").id == officer.id
        commitment = create_commitment(
            s,
            operator,
            CommitmentInput(
                number="001/KOM/2023",
                title="Pernyataan Komitmen Replikasi Inovasi",
                place="Denpasar",
                signed_on=date(2023, 10, 20),
                clauses=("Mereplikasi inovasi dan melaporkan hasilnya.",),
                signatories=(
                    SignatoryInput(
                        "Pemerintah Kota Denpasar",
                        "Contoh Pejabat, S.H.",
                        "Kepala Dinas",
                        nip="19700101 199503 1 001",
                    ),
                ),
            ),
        )
        commitment_id = commitment.id
    with db.session() as s:
        nips = s.scalars(select(Signatory.nip).where(Signatory.commitment_id == commitment_id))
        assert list(nips) == ["197001011995031001"]
        with pytest.raises(ValidationFailed) as caught:
            create_officer(s, "Putu Ayu", "operator", "19630511 199103 3 009")
        assert caught.value.errors[0].id == "digit ke-15 NIP harus 1 atau 2"
        assert s.scalar(select(Officer).where(Officer.name == "Putu Ayu")) is None


def test_the_template_has_homes_for_them(db, tmp_path: Path):
    from jipp_desktop.spreadsheets.template import write_template

    out = tmp_path / "templat.xlsx"
    with db.session() as s:
        write_template(s, out)
    header = [str(c.value).split("\n")[0] for c in openpyxl.load_workbook(out)["Data"][1]]
    assert {"Nama inisiator", "Urusan irisan", "Penghargaan"} <= set(header)


def _awards_of(db, record_id: str) -> list[tuple[int, str, str]]:
    with db.session() as s:
        rows = s.scalars(select(Award).where(Award.innovation_id == record_id).order_by(Award.id))
        return [(a.year, a.competition, a.stage_reached) for a in rows]


def _title_of(db, record_id: str) -> str:
    with db.session() as s:
        return s.get(Innovation, record_id).title


@pytest.mark.parametrize(
    "written",
    [
        "Top 99/2019",  # the registry's list
        "2019 kompetisi inovasi pelayanan publik (KIPP): top 99",  # the export's, in other case
        "KIPP Top 99 2019",
    ],
)
def test_an_award_the_record_has_in_another_spelling_is_not_added_again(
    db, operator, make_values, tmp_path, written
):
    with db.transaction() as s:
        record_id = create_innovation(
            s, operator, make_values(), [AwardInput(2019, "KIPP", "Top 99")]
        ).id
    path = write_xlsx(
        tmp_path / "ejaan.xlsx",
        [[_title_of(db, record_id), "Pemkot Denpasar", written]],
        ["Judul Inovasi", "Institusi", "Penghargaan"],
    )
    report = import_spreadsheet(db, operator, path, on_duplicate="update")
    assert (report.updated, report.unchanged) == (0, 1)
    assert _awards_of(db, record_id) == [(2019, "KIPP", "Top 99")]


def test_one_record_named_twice_in_a_file_gets_its_awards_once(db, operator, make_values, tmp_path):
    with db.transaction() as s:
        record_id = create_innovation(s, operator, make_values()).id
    title = _title_of(db, record_id)
    path = write_xlsx(
        tmp_path / "dua-kali.xlsx",
        [
            [record_id, title, "Pemkot Denpasar", "Top 45/2021"],
            ["", title, "Pemkot Denpasar", "Top 45/2021"],
        ],
        ["ID", "Judul Inovasi", "Institusi", "Penghargaan"],
    )
    report = import_spreadsheet(db, operator, path, on_duplicate="update")
    assert (report.updated, report.duplicates_in_file) == (1, 1)
    assert [(y, s) for y, _, s in _awards_of(db, record_id)] == [(2021, "Top 45")]


def test_a_decision_row_with_an_awards_cell_is_decided(db, operator, admin, make_values, tmp_path):
    with db.transaction() as s:
        record_id = create_innovation(s, operator, make_values()).id
        submit(s, operator, record_id)
    path = write_xlsx(
        tmp_path / "keputusan.xlsx",
        [[*decision(record_id=record_id), "Top 99/2019"]],
        [*DECISION_HEADERS, "Penghargaan"],
    )
    report = import_spreadsheet(db, admin, path, on_duplicate="update")
    assert (report.verified, report.invalid) == (1, 0)
    assert _awards_of(db, record_id) == []  # a decision row adds nothing to the record


def test_awards_the_form_would_refuse_are_refused_by_the_import(
    db, operator, make_values, tmp_path
):
    with db.transaction() as s:
        record_id = create_innovation(s, operator, make_values()).id
    title = _title_of(db, record_id)
    path = write_xlsx(
        tmp_path / "tolak.xlsx",
        [
            [title, "Pemkot Denpasar", "Top 5/2099"],
            [title, "Pemkot Denpasar", "Lomba " + "Inovasi " * 30 + "2020"],
            [title, "Pemkot Denpasar", "创新奖 2021"],
        ],
        ["Judul Inovasi", "Institusi", "Penghargaan"],
    )
    report = import_spreadsheet(db, operator, path, on_duplicate="update")
    assert report.invalid == 3
    messages = [p.en for p in report.problems]
    assert "year (2000-" in messages[0]
    assert "too long" in messages[1]
    assert "U+521B" in messages[2]
    assert _awards_of(db, record_id) == []
