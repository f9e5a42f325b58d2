"""Issue 11.9 and the spreadsheet part of 11.10: decompression bombs and damaged parts. What a
file unpacks to and the rectangle of cells the reader would hold are checked before the reader
opens it; a damaged part is a one-line refusal, never a traceback or an aborted process."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from jipp_desktop.db.models import Innovation
from jipp_desktop.spreadsheets.importer import import_spreadsheet
from jipp_desktop.spreadsheets.source import ImportLimits, SpreadsheetError

from .spreadsheet_files import (
    biff_globals,
    biff_label,
    biff_record,
    biff_sheet,
    row,
    write_biff,
    write_ods,
    write_xlsx,
)

SHEET = "xl/worksheets/sheet1.xml"


def count(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Innovation))


def refused(db, operator, path: Path, *words: str, limits: ImportLimits | None = None) -> str:
    with pytest.raises(SpreadsheetError) as info:
        import_spreadsheet(db, operator, path, limits=limits)
    message = info.value.message("en")
    assert message.startswith(path.name) and "\n" not in message
    for word in words:
        assert word in message, message
    assert count(db) == 0
    return message


def rewrite(source: Path, target: Path, change: dict[str, bytes | None]) -> Path:
    """A copy of the .xlsx ``source`` with some parts replaced (None: removed)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename in change:
                continue
            new.writestr(info.filename, old.read(info.filename))
        for name, data in change.items():
            if data is not None:
                new.writestr(name, data)
    return target


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "baik.xlsx", [row(1), row(2)])


def sheet_xml(good: Path) -> bytes:
    with zipfile.ZipFile(good) as archive:
        return archive.read(SHEET)


def test_a_part_that_unpacks_a_thousandfold_is_refused(db, operator, good, tmp_path):
    xml = sheet_xml(good).replace(b"<sheetData>", b"<sheetData>" + b" " * (24 << 20))
    bomb = rewrite(good, tmp_path / "bom.xlsx", {SHEET: xml})
    assert bomb.stat().st_size < 200_000
    refused(db, operator, bomb, "unpacks", "decompression bomb", SHEET)


def test_a_file_unpacking_beyond_the_total_is_refused(db, operator, good, tmp_path):
    limits = ImportLimits(max_unpacked=10_000)
    refused(db, operator, good, "unpacks to", limits=limits)


def test_cells_at_the_far_corners_of_a_sheet_are_refused_before_the_reader(
    db, operator, good, tmp_path
):
    xml = sheet_xml(good).replace(
        b"</sheetData>",
        b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
    )
    corner = rewrite(good, tmp_path / "pojok.xlsx", {SHEET: xml})
    refused(db, operator, corner, "reaches row 1,048,576 and column 16,384")
    # Written another way (attributes in another order, single quotes, a namespace prefix).
    other = sheet_xml(good).replace(
        b"</sheetData>",
        b"<row><x:c xmlns:x='urn:x' t='n'  r = 'ZZZ900000'><x:v>1</x:v></x:c></row></sheetData>",
    )
    refused(
        db,
        operator,
        rewrite(good, tmp_path / "lain.xlsx", {SHEET: other}),
        "reaches row 900,000 and column 18,278",
    )


def test_the_reader_never_aborts_the_process_on_such_a_file(good, tmp_path):
    xml = sheet_xml(good).replace(
        b"</sheetData>", b'<row r="9"><c r="XFD1048576"><v>1</v></c></row></sheetData>'
    )
    corner = rewrite(good, tmp_path / "pojok.xlsx", {SHEET: xml})
    exe = Path(sys.executable).with_name("jipp-desktop")
    env = dict(os.environ, JIPP_DB=str(tmp_path / "s.db"))
    p = subprocess.run(
        [str(exe), "officer", "add", "Dewi Lestari", "--role", "operator"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert p.returncode == 0, p.stderr
    p = subprocess.run(
        [str(exe), "import", str(corner), "--dry-run"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert p.returncode == 1 and p.stdout == ""
    assert p.stderr.count("\n") == 1 and "sel" in p.stderr, p.stderr


def test_a_cell_without_a_position_is_refused(db, operator, good, tmp_path):
    xml = sheet_xml(good).replace(
        b"</sheetData>", b'<row r="9"><c t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    )
    loose = rewrite(good, tmp_path / "lepas.xlsx", {SHEET: xml})
    refused(db, operator, loose, "without a position")


def test_too_many_shared_strings_are_refused(db, operator, good, tmp_path):
    entries = b"".join(b"<si><t>teks %d</t></si>" % i for i in range(600))
    table = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        b'count="600" uniqueCount="600">' + entries + b"</sst>"
    )
    path = rewrite(good, tmp_path / "teks.xlsx", {"xl/sharedStrings.xml": table})
    limits = ImportLimits(max_cells=500)
    refused(db, operator, path, "shared-string table holds more than 500", limits=limits)


def test_repeated_ods_cells_that_expand_too_far_are_refused(db, operator, tmp_path):
    path = write_ods(tmp_path / "ulang.ods", [row(1)])
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    parts["content.xml"] = parts["content.xml"].replace(
        b"</table:table>",
        b'<table:table-row table:number-rows-repeated="10000">'
        b'<table:table-cell table:number-columns-repeated="2000" office:value-type="string">'
        b"<text:p>x</text:p></table:table-cell></table:table-row></table:table>",
    )
    bomb = tmp_path / "bom.ods"
    with zipfile.ZipFile(bomb, "w") as archive:
        archive.writestr("mimetype", parts.pop("mimetype"), compress_type=zipfile.ZIP_STORED)
        for name, data in parts.items():
            archive.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    refused(db, operator, bomb, "reaches row 10,002 and column 2,000")


def test_empty_repeats_as_office_programs_write_them_are_fine(db, operator, tmp_path):
    path = write_ods(tmp_path / "biasa.ods", [row(1)])
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    parts["content.xml"] = parts["content.xml"].replace(
        b"</table:table>",
        b'<table:table-row table:number-rows-repeated="1048570">'
        b'<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
        b"</table:table>",
    )
    trailing = tmp_path / "ekor.ods"
    with zipfile.ZipFile(trailing, "w") as archive:
        archive.writestr("mimetype", parts.pop("mimetype"), compress_type=zipfile.ZIP_STORED)
        for name, data in parts.items():
            archive.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    assert import_spreadsheet(db, operator, trailing).new == 1


def test_a_huge_mimetype_part_is_not_read_into_memory(db, operator, good, tmp_path):
    fake = rewrite(good, tmp_path / "mime.xlsx", {"mimetype": b" " * (8 << 20)})
    refused(db, operator, fake, "decompression bomb")


@pytest.mark.parametrize("part", [SHEET, "xl/_rels/workbook.xml.rels"])
def test_junk_after_a_parts_xml_root_is_a_one_line_refusal(db, operator, tmp_path, part):
    # A formula (saved with its value) makes the import read the sheet's and the workbook's
    # XML itself, where the junk used to end in a ParseError traceback.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Judul inovasi", "Instansi", "Tahun mulai diterapkan"])
    ws.append(["Layanan Akta Kelahiran", "Pemerintah Kota Denpasar", "=2020+1"])
    source = tmp_path / "rumus.xlsx"
    wb.save(source)
    with zipfile.ZipFile(source) as archive:
        sheet = (
            archive.read(SHEET)
            .replace(b"<v></v>", b"<v>2021</v>")
            .replace(b"<v />", b"<v>2021</v>")
        )
    good = rewrite(source, tmp_path / "baik.xlsx", {SHEET: sheet})
    assert import_spreadsheet(db, operator, good, dry_run=True).new == 1
    with zipfile.ZipFile(good) as archive:
        xml = archive.read(part)
    damaged = rewrite(good, tmp_path / "sampah.xlsx", {part: xml + b"<junk/>trailing junk"})
    refused(db, operator, damaged, "corrupt")
    # Junk after the workbook's root is past what the import reads of it: read as it is.
    with zipfile.ZipFile(good) as archive:
        xml = archive.read("xl/workbook.xml")
    tail = rewrite(good, tmp_path / "ekor.xlsx", {"xl/workbook.xml": xml + b"<junk/>"})
    assert import_spreadsheet(db, operator, tail, dry_run=True).new == 1


def test_an_ods_with_junk_after_its_root_is_a_one_line_refusal(db, operator, tmp_path):
    path = write_ods(tmp_path / "a.ods", [row(1)])
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    parts["content.xml"] += b"<junk/>"
    damaged = tmp_path / "b.ods"
    with zipfile.ZipFile(damaged, "w") as archive:
        archive.writestr("mimetype", parts.pop("mimetype"), compress_type=zipfile.ZIP_STORED)
        for name, data in parts.items():
            archive.writestr(name, data)
    refused(db, operator, damaged)


def test_an_ordinary_export_sized_file_passes_the_checks(db, operator, tmp_path):
    rows = [row(i) for i in range(1, 2001)]
    path = write_xlsx(tmp_path / "besar.xlsx", rows)
    assert import_spreadsheet(db, operator, path, dry_run=True).new == 2000


def _xls_with(path: Path, cells: list[tuple[int, int, object]]) -> Path:
    """An .xls of two good rows plus ``cells`` (row, column, value) anywhere on the sheet."""
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Data Inovasi")
    for c, text in enumerate(["Judul Inovasi", "Institusi"]):
        sheet.write(0, c, text)
    for r in (1, 2):
        sheet.write(r, 0, f"LAYANAN CEPAT {r} (Layanan Cepat Warga)")
        sheet.write(r, 1, "Pemkot Denpasar")
    for r, c, value in cells:
        sheet.write(r, c, value)
    book.save(str(path))
    return path


def test_xls_cells_at_the_far_corner_are_refused_before_the_reader(db, operator, tmp_path):
    # Three cells in 6 KB: the reader would build 16.7 million cells (over a gigabyte).
    corner = _xls_with(tmp_path / "pojok.xls", [(65535, 255, "x")])
    assert corner.stat().st_size < 10_000
    refused(db, operator, corner, "sheet 'Data Inovasi' reaches row 65,536 and column 256")
    # A number far down and a blank-styled run to the last column count the same.
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Lembar1")
    sheet.write(0, 0, "Judul Inovasi")
    sheet.write(60000, 0, 1.5)
    blank = xlwt.easyxf("pattern: pattern solid;")
    for c in range(1, 256):
        sheet.write(60001, c, None, blank)  # a MULBLANK record: its last column ends it
    book.save(str(tmp_path / "baris.xls"))
    refused(db, operator, tmp_path / "baris.xls", "reaches row 60,002 and column 256")


def test_a_damaged_xls_is_a_one_line_refusal(db, operator, tmp_path):
    good = _xls_with(tmp_path / "baik.xls", [])
    data = good.read_bytes()
    cut = tmp_path / "terpotong.xls"
    cut.write_bytes(data[:1536])
    refused(db, operator, cut, "corrupt")


def test_an_ordinary_xls_passes_the_check(db, operator, tmp_path):
    path = _xls_with(tmp_path / "biasa.xls", [(2, 5, "catatan di kolom F")])
    assert import_spreadsheet(db, operator, path, dry_run=True).new == 2


def _two_rows() -> list[bytes]:
    return [
        biff_label(0, 0, "Judul Inovasi"),
        biff_label(0, 1, "Institusi"),
        biff_label(1, 0, "LAYANAN CEPAT (Layanan Cepat Warga)"),
        biff_label(1, 1, "Pemkot Denpasar"),
    ]


def _workbook(sheets: list[tuple[str, bytes]], *globals_records: bytes) -> bytes:
    """Globals naming each sheet at its place, then the sheets."""
    size = len(biff_globals([(name, 0) for name, _ in sheets], *globals_records))
    places, at = [], size
    for name, body in sheets:
        places.append((name, at))
        at += len(body)
    return biff_globals(places, *globals_records) + b"".join(body for _, body in sheets)


def test_an_xls_sheet_is_read_where_the_workbook_says_it_is(db, operator, tmp_path):
    # The reader builds the sheet its BOUNDSHEET points at, here inside an unknown record
    # that a scan from the start would step over.
    hidden = biff_sheet(*_two_rows(), biff_label(65535, 255, "jauh"))
    plain = biff_globals([("Data", 0)])
    stream = biff_globals([("Data", len(plain) + 4)]) + biff_record(0x1234, hidden)
    path = write_biff(tmp_path / "tersembunyi.xls", stream)
    refused(db, operator, path, "sheet 'Data' reaches row 65,536 and column 256")


def test_xls_sheets_count_together_however_many_names_point_at_them(db, operator, tmp_path):
    # 65,536 × 151 cells is under the limit once; three names make the reader build it thrice.
    sheet = biff_sheet(*_two_rows(), biff_label(65535, 150, "jauh"))
    size = len(biff_globals([("A", 0), ("B", 0), ("C", 0)]))
    stream = biff_globals([("A", size), ("B", size), ("C", size)]) + sheet
    path = write_biff(tmp_path / "tiga-nama.xls", stream)
    refused(db, operator, path, "the workbook's sheets together span 29,687,808 cells")


def test_an_xls_declaring_an_impossible_size_is_refused(db, operator, tmp_path):
    # The reader reserves the declared rectangle first: four billion rows abort the process.
    huge = biff_record(0x0200, struct.pack("<IIHHH", 0, 0xFFFFFFFF, 0, 256, 0))
    path = write_biff(
        tmp_path / "dimensi.xls", _workbook([("Data", biff_sheet(huge, *_two_rows()))])
    )
    refused(db, operator, path, "sheet 'Data' declares a size no .xls sheet can have")
    large = biff_record(0x0200, struct.pack("<IIHHH", 0, 65536, 0, 256, 0))
    path = write_biff(
        tmp_path / "besar.xls", _workbook([("Data", biff_sheet(large, *_two_rows()))])
    )
    refused(db, operator, path, "reaches row 65,536 and column 256")


def test_an_xls_cut_inside_a_record_is_a_one_line_refusal(db, operator, tmp_path):
    sheet = biff_sheet(*_two_rows())
    stream = _workbook([("Data", sheet)])
    # The last record claims more bytes than the stream holds.
    cut = stream[:-4] + struct.pack("<HH", 0x0204, 0xFFFF)
    path = write_biff(tmp_path / "terpotong-dalam.xls", cut[:-1])
    refused(db, operator, path, "corrupt")


def test_a_sound_hand_made_xls_imports(db, operator, tmp_path):
    path = write_biff(tmp_path / "buatan.xls", _workbook([("Data", biff_sheet(*_two_rows()))]))
    assert import_spreadsheet(db, operator, path, dry_run=True).new == 1
