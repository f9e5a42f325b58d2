"""Other formats (.xls, .ods) import by the same rules; every kind of bad file is refused with a
clear message and changes nothing."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from jipp_desktop.db.models import Innovation
from jipp_desktop.spreadsheets.importer import import_spreadsheet
from jipp_desktop.spreadsheets.source import ImportLimits, SpreadsheetError

from .spreadsheet_files import HEADERS, row, write_ods, write_xls, write_xlsx


def count(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Innovation))


@pytest.mark.parametrize("writer", [write_xls, write_ods], ids=["xls", "ods"])
def test_xls_and_ods_import_with_the_same_rules(db, operator, tmp_path, writer):
    suffix = ".xls" if writer is write_xls else ".ods"
    rows = [row(1), row(2, Tahap="Penciptan"), row(3, **{"Tanggal uji coba": "20 Oktober 2023"})]
    path = writer(tmp_path / f"daftar{suffix}", rows)

    report = import_spreadsheet(db, operator, path)

    assert (report.format, report.new, report.invalid) == (suffix[1:], 2, 1)
    assert report.problems[0].describe().startswith("Baris 3, kolom D (Tahap)")
    with db.session() as s:
        years = set(s.scalars(select(Innovation.year_started)))
    assert years == {2021}


def refused(db, operator, path: Path, limits: ImportLimits | None = None) -> str:
    with pytest.raises(SpreadsheetError) as info:
        import_spreadsheet(db, operator, path, limits=limits)
    assert count(db) == 0
    message = info.value.message("id")
    assert message.startswith(path.name + ": ")
    assert "\n" not in message
    return message


def test_not_a_spreadsheet(db, operator, tmp_path):
    page = tmp_path / "daftar.xlsx"
    page.write_text("<!DOCTYPE html><html><body><table><tr><td>Judul</td></tr></table>")
    message = refused(db, operator, page)
    assert "bukan lembar kerja Excel, ODS atau CSV (berkas teks/HTML)" in message
    letter = tmp_path / "surat.csv"
    letter.write_text("Dengan hormat\nKami sampaikan daftar inovasi\n")
    assert "berkas teks" in refused(db, operator, letter)
    pdf = tmp_path / "surat.xls"
    pdf.write_bytes(b"%PDF-1.7\n...")
    assert "(berkas PDF)" in refused(db, operator, pdf)
    docx = tmp_path / "dokumen.xlsx"
    with zipfile.ZipFile(docx, "w") as z:
        z.writestr("word/document.xml", "<w/>")
    assert "arsip zip lain" in refused(db, operator, docx)


def test_empty_file(db, operator, tmp_path):
    path = tmp_path / "kosong.xlsx"
    path.write_bytes(b"")
    assert "berkas kosong" in refused(db, operator, path)


def test_corrupt_or_truncated(db, operator, tmp_path):
    good = write_xlsx(tmp_path / "utuh.xlsx", [row(n) for n in range(1, 50)])
    data = good.read_bytes()
    truncated = tmp_path / "terpotong.xlsx"
    truncated.write_bytes(data[: len(data) // 2])
    assert "rusak atau terpotong" in refused(db, operator, truncated)
    garbled = tmp_path / "rusak.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(garbled, "w") as dst:
        for item in src.infolist():
            body = src.read(item)
            if item.filename.startswith("xl/worksheets/"):
                body = body[: len(body) // 2]
            dst.writestr(item, body)
    assert "rusak" in refused(db, operator, garbled)


def test_password_protected(db, operator, tmp_path):
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = write_xlsx(tmp_path / "biasa.xlsx", [row(1)])
    locked = tmp_path / "terkunci.xlsx"
    with plain.open("rb") as src, locked.open("wb") as dst:
        OOXMLFile(src).encrypt("rahasia", dst)
    assert "dilindungi kata sandi" in refused(db, operator, locked)


def test_empty_sheet(db, operator, tmp_path):
    path = tmp_path / "kosong.xlsx"
    openpyxl.Workbook().save(path)
    assert "lembar kerja kosong" in refused(db, operator, path)
    only_header = write_xlsx(tmp_path / "judul.xlsx", [])
    assert "hanya berisi judul kolom" in refused(db, operator, only_header)


def test_no_recognisable_header(db, operator, tmp_path):
    path = write_xlsx(tmp_path / "asing.xlsx", [["a", "b"]], ["Nama barang", "Harga"])
    assert "tidak ditemukan baris judul kolom yang dikenali" in refused(db, operator, path)


def test_formulas_without_values(db, operator, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADERS)
    ws.append(row(1))
    ws.append([*row(2)[:5], "=2020+1", row(2)[6]])
    path = tmp_path / "rumus.xlsx"
    wb.save(path)
    message = refused(db, operator, path)
    assert "sel F3" in message and "rumus tanpa nilai tersimpan" in message


def test_merged_cells_in_the_data(db, operator, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADERS)
    ws.append(row(1))
    ws.append(row(2))
    ws.merge_cells("B2:B3")
    path = tmp_path / "gabung.xlsx"
    wb.save(path)
    assert "sel gabungan B2:B3" in refused(db, operator, path)
    ods = write_ods(tmp_path / "gabung.ods", [row(1), row(2)], merged_row=3)
    assert "sel gabungan pada baris 3" in refused(db, operator, ods)
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Data")
    for c, text in enumerate(HEADERS):
        sheet.write(0, c, text)
    sheet.write_merge(1, 2, 1, 1, "Pemerintah Kota Denpasar")
    for r in (1, 2):
        sheet.write(r, 0, f"Inovasi Gabungan Nomor {r}")
    xls = tmp_path / "gabung.xls"
    book.save(str(xls))
    assert "sel gabungan B2:B3" in refused(db, operator, xls)


def test_a_merged_title_above_the_header_is_fine(db, operator, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["DATA INOVASI"])
    ws.merge_cells("A1:G1")
    ws.append(HEADERS)
    ws.append(row(1))
    path = tmp_path / "judul.xlsx"
    wb.save(path)
    assert import_spreadsheet(db, operator, path).new == 1


def test_file_far_too_large(db, operator, tmp_path):
    path = write_xlsx(tmp_path / "besar.xlsx", [row(n) for n in range(1, 12)])
    too_many = refused(db, operator, path, ImportLimits(max_rows=10))
    assert "terlalu banyak baris (11; paling banyak 10)" in too_many
    too_big = refused(db, operator, path, ImportLimits(max_bytes=1000))
    assert "berkas terlalu besar" in too_big


def test_english_messages(db, operator, tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"")
    with pytest.raises(SpreadsheetError) as info:
        import_spreadsheet(db, operator, path)
    assert info.value.message("en") == "x.xlsx: the file is empty (0 bytes)"


def test_the_content_decides_the_format_not_the_name(db, operator, tmp_path):
    # A file named .xls that is really .xlsx is read by its content, not its name.
    path = tmp_path / "salah-nama.xls"
    path.write_bytes(write_xlsx(tmp_path / "a.xlsx", [row(1)]).read_bytes())
    assert import_spreadsheet(db, operator, path).new == 1


def test_hidden_sheets_are_not_read(db, operator, tmp_path):
    wb = openpyxl.Workbook()
    hidden = wb.active
    hidden.title = "lama"
    hidden.append(HEADERS)
    hidden.append(row(1))
    hidden.sheet_state = "hidden"
    data = wb.create_sheet("Data")
    data.append(HEADERS)
    data.append(row(2))
    path = tmp_path / "tersembunyi.xlsx"
    wb.save(path)

    report = import_spreadsheet(db, operator, path)

    assert (report.sheet, report.new) == ("Data", 1)
