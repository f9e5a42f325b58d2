"""Issue 11.5: a text that looks like a formula or an error code is written as text in every
workbook the app writes (export, error workbook, template), and an export still imports back."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl

from jipp_desktop.services.agencies import create_agency
from jipp_desktop.services.innovations import create_innovation
from jipp_desktop.spreadsheets.error_workbook import write_error_workbook
from jipp_desktop.spreadsheets.export import export_innovations
from jipp_desktop.spreadsheets.importer import import_spreadsheet
from jipp_desktop.spreadsheets.template import write_template

from .spreadsheet_files import HEADERS, row, write_xlsx

LINK = '=HYPERLINK("http://contoh.example/x","klik")'
HOSTILE = (LINK, "=1+1", "#N/A", "#REF!", "=cmd|' /C calc'!A0")


def no_formulas(path: Path) -> None:
    """No cell of any sheet is a formula or an error value (checked in the file's XML, and as
    openpyxl reads it)."""
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                xml = archive.read(name)
                assert b"<f>" not in xml and b"<f " not in xml, name
                assert b't="e"' not in xml, name
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        for r in ws.iter_rows():
            for c in r:
                assert c.data_type not in ("f", "e"), (ws.title, c.coordinate, c.value)


def test_export_and_template_write_formula_texts_as_text(db, operator, make_values, tmp_path):
    with db.transaction() as s:
        agency = create_agency(
            s, operator, {"name": '=HYPERLINK("http://x") Dinas', "kind": "ministry"}
        )
        agency_id = agency.id
        for i, text in enumerate(HOSTILE):
            create_innovation(
                s,
                operator,
                make_values(
                    title=f"{text} judul {i}" if i % 2 else text + " judul panjang",
                    agency_id=agency_id,
                    region_code=None,
                    unit_name=text,
                    innovators=text,
                ),
            )
    out = tmp_path / "ekspor.xlsx"
    with db.session() as s:
        export_innovations(s, out)
    no_formulas(out)
    ws = openpyxl.load_workbook(out).worksheets[0]
    header = [c.value for c in ws[1]]
    units = {r[header.index("Unit penyelenggara (OPD/UPP)")].value for r in ws.iter_rows(min_row=2)}
    assert units == set(HOSTILE)

    # The export reads back as the same records, unchanged.
    report = import_spreadsheet(db, operator, out, on_duplicate="update", dry_run=True)
    assert (report.total, report.unchanged, report.invalid, report.new) == (5, 5, 0, 0)

    template = tmp_path / "templat.xlsx"
    with db.session() as s:
        write_template(s, template)
    no_formulas(template)
    names = {c.value for col in openpyxl.load_workbook(template)["daftar"].iter_cols() for c in col}
    assert '=HYPERLINK("http://x") Dinas' in names


def texts_as_text(path: Path) -> Path:
    """The sender's file with every text cell a text (as Excel saves a text typed after ')."""
    wb = openpyxl.load_workbook(path)
    for r in wb.active.iter_rows():
        for c in r:
            if isinstance(c.value, str):
                c.data_type = "s"
    wb.save(path)
    return path


def test_error_workbook_writes_the_senders_formula_texts_as_text(db, operator, tmp_path):
    headers = [*HEADERS, '=HYPERLINK("http://x")']
    rows = [
        [*row(1, Tahap=LINK), "#N/A"],
        [*row(2, **{"Judul inovasi": "=1+1"}), "=SUM(A1:A9)"],
    ]
    source = texts_as_text(write_xlsx(tmp_path / "kiriman.xlsx", rows, headers))
    report = import_spreadsheet(db, operator, source, dry_run=True)
    out = tmp_path / "kesalahan.xlsx"

    assert write_error_workbook(source, report, out) >= 1

    no_formulas(out)
    ws = openpyxl.load_workbook(out).active
    values = {c.value for r in ws.iter_rows() for c in r}
    assert {LINK, "#N/A", '=HYPERLINK("http://x")'} <= values
