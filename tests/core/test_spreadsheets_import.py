"""Importing innovation lists: the template and its real-world variants, per-row and per-column
messages, duplicates, dry run, and one transaction for the whole commit."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from datetime import date

import openpyxl
import pytest
from sqlalchemy import func, select

from jipp_desktop.db.models import AuditEntry, Innovation
from jipp_desktop.domain.errors import PermissionDenied
from jipp_desktop.progress import Cancelled
from jipp_desktop.services.innovations import create_innovation, get_innovation
from jipp_desktop.spreadsheets import importer
from jipp_desktop.spreadsheets.columns import FIELD_COLUMNS
from jipp_desktop.spreadsheets.importer import import_spreadsheet
from jipp_desktop.spreadsheets.template import EXAMPLE, write_template

from .spreadsheet_files import HEADERS, row, write_xlsx


def count(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Innovation))


def titles(db) -> set[str]:
    with db.session() as s:
        return set(s.scalars(select(Innovation.title)))


def test_filled_template_imports(db, operator, tmp_path):
    template = tmp_path / "templat.xlsx"
    with db.session() as s:
        write_template(s, template)
    wb = openpyxl.load_workbook(template)
    ws = wb["Data"]
    for i, col in enumerate(FIELD_COLUMNS, 1):
        ws.cell(2, i, EXAMPLE.get(col.key))
    wb.save(template)

    report = import_spreadsheet(db, operator, template)

    assert (report.new, report.invalid, report.committed) == (1, 0, True)
    with db.session() as s:
        record = s.scalars(select(Innovation)).one()
        assert record.region_code == "51.71"
        assert record.sector == "civil_registration"
        assert record.trial_date == date(2021, 3, 1)
        assert record.is_digital is True
        assert record.sdg_goals == [16]
        assert record.created_by == operator.id


def test_variants_reordered_english_text_dates_region_names_extra_columns(db, operator, tmp_path):
    headers = ["Region", "NOTES", "Title", "Year", "Trial date", "Agency", "Phase", "no."]
    rows = [
        [
            "Kota Denpasar",
            "x",
            "Antrean Daring Puskesmas",
            "2021",
            "20/10/2023",
            "Pemkot Denpasar",
            "Development",
            1,
        ],
        [
            "Kab. Badung",
            "",
            "Sistem Informasi Desa",
            2022,
            "20 Oktober 2023",
            "Pemerintah Kabupaten Badung",
            "penciptaan",
            2,
        ],
        [
            "51.03 Kabupaten Badung",
            "",
            "Layanan Pajak Keliling",
            2022,
            "Jumat, 20 Oktober 2023",
            "Kabupaten Badung",
            "Pelembagaan",
            3,
        ],
    ]
    path = write_xlsx(tmp_path / "variasi.xlsx", rows, headers)

    report = import_spreadsheet(db, operator, path)

    assert report.new == 3, [p.describe() for p in report.problems]
    assert report.extra_columns == ["B (NOTES)"]
    with db.session() as s:
        got = {r.title: r for r in s.scalars(select(Innovation))}
    assert got["Antrean Daring Puskesmas"].region_code == "51.71"
    assert got["Antrean Daring Puskesmas"].phase == "development"
    assert got["Sistem Informasi Desa"].region_code == "51.03"
    assert {r.trial_date for r in got.values()} == {date(2023, 10, 20)}
    assert got["Layanan Pajak Keliling"].phase == "institutionalisation"


def test_header_below_a_title_banner_and_blank_rows(db, operator, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["B1"] = "DATA INOVASI KOTA DENPASAR 2023"
    ws.append([])
    ws.append([None, *HEADERS])
    ws.append([None, *row(1)])
    ws.append([])
    ws.append([None, *row(2)])
    path = tmp_path / "banner.xlsx"
    wb.save(path)

    report = import_spreadsheet(db, operator, path)

    assert (report.header_row, report.total, report.new) == (3, 2, 2)


def test_each_problem_names_row_column_and_reason(db, operator, tmp_path):
    rows = [
        row(1),
        row(2, Tahap="Penciptan"),
        row(3, **{"Tanggal uji coba": "kemarin"}),
        row(4, Instansi="Kementerian Entah", **{"Tahun mulai diterapkan": 2999}),
        row(5, Wilayah="Kota Atlantis"),
        row(6, **{"Judul inovasi": "abc"}),
    ]
    path = write_xlsx(tmp_path / "salah.xlsx", rows)

    report = import_spreadsheet(db, operator, path)

    assert (report.new, report.invalid) == (1, 5)
    lines = [p.describe() for p in report.problems]
    assert any(
        line.startswith("Baris 3, kolom D (Tahap): 'Penciptan' bukan pilihan") for line in lines
    )
    assert any("Baris 4, kolom G (Tanggal uji coba): 'kemarin' bukan tanggal" in ln for ln in lines)
    assert any("Baris 5, kolom B (Instansi): instansi 'Kementerian Entah'" in ln for ln in lines)
    assert any(
        "Baris 5, kolom F (Tahun mulai diterapkan): tahun harus antara" in ln for ln in lines
    )
    assert any(
        "Baris 6, kolom C (Wilayah): wilayah 'Kota Atlantis' tidak dikenal" in ln for ln in lines
    )
    assert any("Baris 7, kolom A (Judul inovasi): judul terlalu pendek" in ln for ln in lines)
    english = [p.describe("en") for p in report.problems]
    assert any(
        ln.startswith("Row 3, column D (Tahap): 'Penciptan' is not a valid") for ln in english
    )


def test_rule_of_the_form_region_outside_agency(db, operator, tmp_path):
    path = write_xlsx(tmp_path / "x.xlsx", [row(1, Wilayah="Kabupaten Badung")])

    report = import_spreadsheet(db, operator, path)

    assert report.invalid == 1
    assert "di luar wilayah instansi" in report.problems[0].describe()
    assert report.problems[0].letter == "C"


def test_duplicates_within_the_file(db, operator, tmp_path):
    same = row(1, **{"Judul inovasi": "SI-PINTAR (Layanan)"})
    again = row(2, **{"Judul inovasi": "si pintar  layanan"})
    path = write_xlsx(tmp_path / "dup.xlsx", [same, row(3), again])

    report = import_spreadsheet(db, operator, path)

    assert (report.new, report.duplicates, report.duplicates_in_file) == (2, 1, 1)
    assert "sama dengan baris 2" in report.rejected()[4][0].message()


def test_duplicates_against_the_store_skip_or_update(db, operator, make_values, tmp_path):
    with db.transaction() as s:
        stored = create_innovation(s, operator, make_values(title="Layanan Akta Kelahiran Nomor 1"))
        stored_id = stored.id
    path = write_xlsx(tmp_path / "dup.xlsx", [row(1, Tahap="Pelembagaan"), row(2)])

    skipped = import_spreadsheet(db, operator, path)
    assert (skipped.new, skipped.duplicates, skipped.duplicates_in_db, skipped.updated) == (
        1,
        1,
        1,
        0,
    )
    with db.session() as s:
        assert get_innovation(s, stored_id).phase == "development"

    updated = import_spreadsheet(db, operator, path, on_duplicate="update")
    assert (updated.new, updated.updated, updated.duplicates_in_file) == (0, 1, 0)
    assert updated.duplicates == 1  # row 2, imported by the first run
    with db.session() as s:
        record = get_innovation(s, stored_id)
        assert record.phase == "institutionalisation"
        # cells the file leaves blank never erase stored values
        assert record.summary == make_values()["summary"]
        entries = s.scalars(
            select(AuditEntry).where(AuditEntry.record_id == stored_id, AuditEntry.field == "phase")
        ).all()
        assert [(e.before, e.after, e.officer_id) for e in entries] == [
            ("development", "institutionalisation", operator.id)
        ]


def test_dry_run_writes_nothing(db, operator, tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", [row(1), row(2), row(3, Tahap="?")])

    report = import_spreadsheet(db, operator, path, dry_run=True)

    assert (report.new, report.invalid, report.committed, report.dry_run) == (2, 1, False, True)
    assert count(db) == 0
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == 0


def test_a_failure_mid_commit_leaves_the_store_unchanged(db, operator, tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "BATCH", 3)
    path = write_xlsx(tmp_path / "a.xlsx", [row(n) for n in range(1, 11)])
    calls = []

    def cancel_halfway(done: int, total: int) -> None:
        calls.append(done)
        if done >= total // 2:
            raise Cancelled()

    with pytest.raises(Cancelled):
        import_spreadsheet(db, operator, path, progress=cancel_halfway)

    assert len(calls) > 1  # rows had been written in the transaction before the cancel
    assert count(db) == 0


def test_a_killed_import_leaves_the_store_unchanged(db, db_path, operator, make_values, tmp_path):
    with db.transaction() as s:
        create_innovation(s, operator, make_values(title="Sudah ada sebelumnya"))
    path = write_xlsx(tmp_path / "a.xlsx", [row(n) for n in range(1, 41)])
    marker = tmp_path / "killed-after"
    script = textwrap.dedent(
        f"""
        import os, signal
        from jipp_desktop.db.engine import open_database
        from jipp_desktop.services.officers import use_officer
        from jipp_desktop.spreadsheets import importer

        importer.BATCH = 5
        db = open_database({str(db_path)!r})
        with db.transaction() as s:
            actor = use_officer(s, {operator.id!r})

        def progress(done, total):
            if done >= 20:
                open({str(marker)!r}, "w").write(str(done))
                os.kill(os.getpid(), signal.SIGKILL)

        importer.import_spreadsheet(db, actor, {str(path)!r}, progress=progress)
        """
    )
    db.close()
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)

    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    assert int(marker.read_text()) >= 20
    assert titles(db) == {"Sudah ada sebelumnya"}


def test_only_editors_import(db, verifier, tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", [row(1)])
    with pytest.raises(PermissionDenied):
        import_spreadsheet(db, verifier, path)
    assert count(db) == 0


def test_registration_number_used_twice(db, operator, tmp_path):
    headers = [*HEADERS, "No. Registrasi"]
    rows = [[*row(1), "REG-001"], [*row(2), "REG-001"]]
    path = write_xlsx(tmp_path / "reg.xlsx", rows, headers)

    report = import_spreadsheet(db, operator, path)

    assert (report.new, report.invalid) == (1, 1)
    assert "nomor registrasi REG-001 sudah dipakai baris 2" in report.problems[0].message()
    assert report.problems[0].letter == "H"
    again = import_spreadsheet(
        db, operator, write_xlsx(tmp_path / "b.xlsx", [[*row(9), "REG-001"]], headers)
    )
    assert "sudah dipakai inovasi lain" in again.problems[0].message()


def test_a_verified_record_goes_back_to_draft_when_updated(db, operator, make_values, tmp_path):
    with db.transaction() as s:
        rec = create_innovation(s, operator, make_values(title="Layanan Akta Kelahiran Nomor 1"))
        rec.workflow = "verified"
        rec_id = rec.id
    path = write_xlsx(tmp_path / "a.xlsx", [row(1, Tahap="Pelembagaan")])

    report = import_spreadsheet(db, operator, path, on_duplicate="update")

    assert report.updated == 1
    with db.session() as s:
        assert get_innovation(s, rec_id).workflow == "draft"


def test_a_record_under_review_is_not_updated(db, operator, make_values, tmp_path):
    with db.transaction() as s:
        rec = create_innovation(s, operator, make_values(title="Layanan Akta Kelahiran Nomor 1"))
        rec.workflow = "submitted"
    path = write_xlsx(tmp_path / "a.xlsx", [row(1, Tahap="Pelembagaan")])

    report = import_spreadsheet(db, operator, path, on_duplicate="update")

    assert (report.updated, report.invalid) == (0, 1)
    assert "sedang diverifikasi" in report.problems[0].message()


def test_abbreviated_headers_and_short_labels(db, operator, tmp_path):
    headers = ["Nama Inovasi", "Instansi", "Tgl Uji Coba", "Status", "Alasan", "Urusan"]
    rows = [["Bank Sampah Digital", "Pemkot Denpasar", "1 Agustus 2022", "Berhenti", "Dana habis",
             "Lingkungan"]]  # fmt: skip
    path = write_xlsx(tmp_path / "singkat.xlsx", rows, headers)

    report = import_spreadsheet(db, operator, path)

    assert (report.new, report.extra_columns) == (1, [])
    with db.session() as s:
        record = s.scalars(select(Innovation)).one()
    assert (record.continuation, record.sector) == ("stopped", "environment")
    assert record.trial_date == date(2022, 8, 1)


def test_a_deleted_record_is_not_a_duplicate(db, operator, make_values, tmp_path):
    from jipp_desktop.services.innovations import delete_innovation

    with db.transaction() as s:
        old = create_innovation(s, operator, make_values(title="Layanan Akta Kelahiran Nomor 1"))
        delete_innovation(s, operator, old.id)
    path = write_xlsx(tmp_path / "a.xlsx", [row(1)])

    report = import_spreadsheet(db, operator, path)

    assert (report.new, report.duplicates) == (1, 0)


def test_registration_numbers_match_whatever_their_spacing_case_and_hyphens(db, operator, tmp_path):
    headers = [*HEADERS, "No. Registrasi"]
    first = import_spreadsheet(
        db, operator, write_xlsx(tmp_path / "a.xlsx", [[*row(1), "JIPP-2023-000044"]], headers)
    )
    assert first.new == 1
    variants = [[*row(2), " jipp-2023-000044 "], [*row(3), "JIPP\u20102023\u2010000044"]]
    again = import_spreadsheet(db, operator, write_xlsx(tmp_path / "b.xlsx", variants, headers))
    assert (again.new, again.invalid) == (0, 2)
    assert all("sudah dipakai inovasi lain" in p.message() for p in again.problems)
    assert count(db) == 1
