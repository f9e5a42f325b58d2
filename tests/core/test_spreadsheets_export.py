"""The template, the error workbook and the export: what the officer and the sender see in them,
and that an exported file imports back without a change."""

from __future__ import annotations

import uuid
from datetime import date, datetime

import openpyxl
import pytest
from sqlalchemy import func, select

from jipp_desktop.db.engine import open_database
from jipp_desktop.db.models import AuditEntry, Innovation
from jipp_desktop.domain.list_filter import InnovationFilter
from jipp_desktop.progress import Cancelled
from jipp_desktop.services.innovations import create_innovation, innovation_values
from jipp_desktop.services.officers import Actor, create_officer
from jipp_desktop.spreadsheets.error_workbook import write_error_workbook
from jipp_desktop.spreadsheets.export import export_innovations
from jipp_desktop.spreadsheets.importer import import_spreadsheet
from jipp_desktop.spreadsheets.template import write_template

from .spreadsheet_files import HEADERS, row, write_xlsx

BADUNG = "Pemerintah Kabupaten Badung"


def test_template_has_headers_dropdowns_formats_and_instructions(db, tmp_path):
    path = tmp_path / "templat.xlsx"
    with db.session() as s:
        write_template(s, path)
    wb = openpyxl.load_workbook(path)

    assert wb.sheetnames == ["Data", "Petunjuk", "daftar"]
    assert wb["daftar"].sheet_state == "hidden"
    data = wb["Data"]
    headers = [c.value for c in data[1]]
    assert headers[1] == "Judul inovasi *\nTitle"
    assert "Tahap\nPhase" in headers
    assert data.freeze_panes == "C2"
    lists = {str(dv.sqref): dv.formula1 for dv in data.data_validations.dataValidation}
    phase_col = openpyxl.utils.get_column_letter(headers.index("Tahap\nPhase") + 1)
    phase_ref = lists[f"{phase_col}2:{phase_col}2001"]
    region_col = openpyxl.utils.get_column_letter(headers.index("Wilayah\nRegion") + 1)
    region_ref = lists[f"{region_col}2:{region_col}2001"]
    assert phase_ref.startswith("='daftar'!$")
    region_cells = wb["daftar"][region_ref.split("!")[1].replace("$", "")]
    regions = [c[0].value for c in region_cells]
    assert len(regions) == 38 + 514 and "51.71 Kota Denpasar" in regions
    phase_cells = wb["daftar"][phase_ref.split("!")[1].replace("$", "")]
    assert [c[0].value for c in phase_cells] == ["Penciptaan", "Pengembangan", "Pelembagaan"]
    date_col = headers.index("Tanggal uji coba\nTrial date") + 1
    assert data.cell(2, date_col).number_format == "DD/MM/YYYY"
    help_text = " ".join(
        str(c.value) for r in wb["Petunjuk"].iter_rows() for c in r if c.value is not None
    )
    assert "Isi satu inovasi per baris" in help_text
    assert "Layanan Akta Kelahiran Langsung dari Rumah Sakit" in help_text


def test_error_workbook_highlights_bad_cells_with_a_comment(db, operator, tmp_path):
    rows = [row(1), row(2, Tahap="Penciptan"), row(3), row(3)]
    source = write_xlsx(tmp_path / "kiriman.xlsx", rows)
    report = import_spreadsheet(db, operator, source, dry_run=True)
    out = tmp_path / "kesalahan.xlsx"

    assert write_error_workbook(source, report, out) == 2

    ws = openpyxl.load_workbook(out).active
    header = [c.value for c in ws[1]]
    assert header[0] == "Baris asal" and header[-1] == "Keterangan kesalahan"
    assert [r[0].value for r in ws.iter_rows(min_row=2)] == [3, 5]
    bad = ws.cell(2, 1 + 4)  # column D of the source (Tahap), after "Baris asal"
    assert bad.value == "Penciptan"
    assert bad.fill.fgColor.rgb.endswith("FFC7CE")
    assert "bukan pilihan yang sah untuk Tahap" in bad.comment.text
    assert ws.cell(2, 2).comment is None
    assert ws.cell(2, 7).value == 2021  # numbers stay numbers
    assert "Baris 3, kolom D (Tahap)" in ws.cell(2, len(header)).value
    assert "sama dengan baris 4" in ws.cell(3, 2).comment.text


def _stored(db, make_values, operator):
    with db.transaction() as s:
        a = create_innovation(
            s,
            operator,
            make_values(
                title="Akta Lahir dari Rumah Sakit",
                trial_date=date(2021, 3, 1),
                launch_date=date(2021, 7, 1),
                sdg_goals=[3, 16],
                is_digital=True,
                registration_number="0042",
                contact_phone="+62 800 0000 1234",
                summary="Baris pertama.\nBaris kedua.",
            ),
        )
        b = create_innovation(
            s,
            operator,
            make_values(
                title="Puskesmas Tanpa Antre",
                sector="health",
                phase="creation",
                continuation="stopped",
                continuation_reason="Anggaran dihentikan",
            ),
        )
        return a.id, b.id


def test_export_is_formatted_with_a_recap(db, operator, make_values, tmp_path):
    _stored(db, make_values, operator)
    out = tmp_path / "ekspor.xlsx"
    with db.session() as s:
        result = export_innovations(s, out, InnovationFilter(province_code="51"))

    assert result.count == 2
    wb = openpyxl.load_workbook(out)
    data, recap = wb["Data inovasi"], wb["Rekap"]
    assert data.freeze_panes == "D2"
    assert data.auto_filter.ref == "A1:AT3"
    assert data["A1"].font.b and data["A1"].fill.fgColor.rgb.endswith("1F4E79")
    assert data.column_dimensions["C"].width == 40
    headers = [c.value for c in data[1]]
    by_title = {
        r[2]: dict(zip(headers, r, strict=True)) for r in data.iter_rows(2, values_only=True)
    }
    first = by_title["Akta Lahir dari Rumah Sakit"]
    assert first["Tanggal uji coba"] == datetime(2021, 3, 1)
    assert first["Wilayah"] == "51.71 Kota Denpasar"
    assert first["Instansi"] == "Pemerintah Kota Denpasar"
    assert first["Tahap"] == "Pengembangan" and first["Inovasi digital"] == "Ya"
    assert first["Tujuan SDGs"] == "3, 16" and first["Provinsi"] == "Bali"
    recap_rows = [tuple(c for c in r if c is not None) for r in recap.iter_rows(values_only=True)]
    assert ("Saringan: Wilayah: Bali",) in recap_rows
    assert ("Jumlah", 2) in recap_rows
    assert ("Bali", 2, 1) in recap_rows
    assert ("Kesehatan", 1, 0.5) in recap_rows
    assert ("Berhenti/vakum", 1, 0.5) in recap_rows


def test_export_filters_and_english(db, operator, make_values, tmp_path):
    _stored(db, make_values, operator)
    out = tmp_path / "en.xlsx"
    with db.session() as s:
        result = export_innovations(s, out, InnovationFilter(phase="creation"), lang="en")
    assert result.count == 1
    ws = openpyxl.load_workbook(out)["Innovations"]
    assert ws["C1"].value == "Title" and ws["C2"].value == "Puskesmas Tanpa Antre"


def test_exported_file_imports_back_without_a_change(db, operator, make_values, tmp_path):
    ids = _stored(db, make_values, operator)
    with db.transaction() as s:
        # a record under verification, and two stored records sharing agency and title
        s.get(Innovation, ids[1]).workflow = "submitted"
        twin = create_innovation(s, operator, make_values(title="Akta Lahir dari Rumah Sakit"))
        ids = (*ids, twin.id)
    with db.session() as s:
        before = {i: innovation_values(s.get(Innovation, i)) for i in ids}
        audit_before = s.scalar(select(func.count()).select_from(AuditEntry))
    out = tmp_path / "ekspor.xlsx"
    with db.session() as s:
        export_innovations(s, out)

    report = import_spreadsheet(db, operator, out, on_duplicate="update")

    assert (report.new, report.updated, report.invalid, report.extra_columns) == (0, 0, 0, [])
    assert (report.duplicates, report.unchanged, report.duplicates_in_file) == (3, 3, 0)
    with db.session() as s:
        assert {i: innovation_values(s.get(Innovation, i)) for i in ids} == before
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == audit_before


def test_export_can_be_cancelled_and_leaves_no_file(db, operator, make_values, tmp_path):
    _stored(db, make_values, operator)
    out = tmp_path / "batal.xlsx"

    def cancel(done: int, total: int) -> None:
        raise Cancelled()

    with db.session() as s, pytest.raises(Cancelled):
        export_innovations(s, out, progress=cancel)
    assert not out.exists()


def test_records_exported_on_one_device_keep_their_ids_on_another(
    db, operator, make_values, tmp_path
):
    ids = _stored(db, make_values, operator)
    out = tmp_path / "ekspor.xlsx"
    with db.session() as s:
        export_innovations(s, out)
    other = open_database(tmp_path / "perangkat-lain.db")
    with other.transaction() as s:
        colleague = Actor.of(create_officer(s, "Agus Salim", "operator"))
    report = import_spreadsheet(other, colleague, out)
    assert report.new == len(ids) and report.committed
    with other.session() as s:
        assert set(s.scalars(select(Innovation.id))) == set(ids)
    # The same file again is the same records, not new ones.
    again = import_spreadsheet(other, colleague, out)
    assert (again.new, again.duplicates) == (0, len(ids))
    other.close()


def test_an_id_cell_that_is_no_uuid_gives_a_new_id(db, operator, tmp_path):
    path = write_xlsx(
        tmp_path / "id.xlsx",
        [[*row(1), "'; DROP TABLE innovations; --"]],
        headers=[*HEADERS, "ID sistem"],
    )
    report = import_spreadsheet(db, operator, path)
    assert report.new == 1
    with db.session() as s:
        uuid.UUID(s.scalar(select(Innovation.id)))


def test_an_export_read_back_says_its_rows_matched_by_record_id(
    db, operator, make_values, tmp_path
):
    with db.transaction() as s:
        create_innovation(s, operator, make_values())
    out = tmp_path / "ekspor.xlsx"
    with db.session() as s:
        export_innovations(s, out)
    report = import_spreadsheet(db, operator, out)
    assert report.duplicates_in_db == 1
    assert [p.id for p in report.problems] == ["sudah tersimpan (ID rekaman sama); dilewati"]
    # A row of another file, matched by agency and title, says so.
    other = write_xlsx(tmp_path / "lain.xlsx", [[make_values()["title"], "Pemkot Denpasar"]],
                       ["Judul Inovasi", "Institusi"])  # fmt: skip
    again = import_spreadsheet(db, operator, other)
    assert [p.id for p in again.problems] == ["sudah tersimpan (instansi dan judul sama); dilewati"]
