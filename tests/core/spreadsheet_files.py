"""Makes spreadsheet files for the spreadsheet tests: .xlsx (openpyxl), .xls (xlwt, or a
workbook stream written record by record for the hostile ones) and .ods (a minimal
OpenDocument zip written by hand: mimetype, manifest and content.xml)."""

from __future__ import annotations

import struct
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import openpyxl

HEADERS = [
    "Judul inovasi",
    "Instansi",
    "Wilayah",
    "Tahap",
    "Urusan pemerintahan",
    "Tahun mulai diterapkan",
    "Tanggal uji coba",
]


def row(n: int = 1, **changes: Any) -> list[Any]:
    """A valid row under ``HEADERS``: an innovation of Kota Denpasar."""
    values = {
        "Judul inovasi": f"Layanan Akta Kelahiran Nomor {n}",
        "Instansi": "Pemerintah Kota Denpasar",
        "Wilayah": "51.71",
        "Tahap": "Pengembangan",
        "Urusan pemerintahan": "Kesehatan",
        "Tahun mulai diterapkan": 2021,
        "Tanggal uji coba": date(2021, 3, 1),
    }
    values.update(changes)
    return [values[h] for h in HEADERS]


def write_xlsx(path: Path, rows: list[list[Any]], headers: list[str] | None = None) -> Path:
    """An .xlsx with a header row and ``rows``."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(headers or HEADERS)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def write_xls(path: Path, rows: list[list[Any]], headers: list[str] | None = None) -> Path:
    """An Excel 97-2003 .xls with a header row and ``rows`` (dates as real date cells)."""
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Data")
    date_style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for c, text in enumerate(headers or HEADERS):
        sheet.write(0, c, text)
    for r, values in enumerate(rows, 1):
        for c, value in enumerate(values):
            if isinstance(value, date):
                sheet.write(r, c, datetime(value.year, value.month, value.day), date_style)
            elif value is not None:
                sheet.write(r, c, value)
    book.save(str(path))
    return path


def _ods_cell(value: Any) -> str:
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, date):
        return (
            f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}">'
            f"<text:p>{value.isoformat()}</text:p></table:table-cell>"
        )
    if isinstance(value, int | float):
        return (
            f'<table:table-cell office:value-type="float" office:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    text = escape(str(value))
    return (
        f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'
    )


def write_ods(
    path: Path,
    rows: list[list[Any]],
    headers: list[str] | None = None,
    merged_row: int | None = None,
) -> Path:
    """An OpenDocument spreadsheet; ``merged_row`` (1-based) merges its first two cells."""
    xml_rows = []
    for number, values in enumerate([headers or HEADERS, *rows], 1):
        cells = [_ods_cell(v) for v in values]
        if number == merged_row:
            cells[0] = cells[0].replace(
                "<table:table-cell", '<table:table-cell table:number-columns-spanned="2"', 1
            )
            cells[1] = "<table:covered-table-cell/>"
        xml_rows.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Data">'
        + "".join(xml_rows)
        + "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:version="1.2"'
        ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(
            zipfile.ZipInfo("mimetype"),
            "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path


# A verifier's sheet in a validation round: the record, then the decision on it.
DECISION_HEADERS = [
    "ID sistem",
    "Judul inovasi",
    "Instansi",
    "Hasil verifikasi",
    "Metode verifikasi",
    "Catatan verifikasi",
]


def decision(
    record_id: str | None = None,
    title: str | None = None,
    outcome: str | None = "Valid - berlanjut",
    method: str | None = "Desk (dokumen)",
    notes: str | None = None,
    agency: str = "Pemerintah Kota Denpasar",
) -> list[Any]:
    """A row under ``DECISION_HEADERS``: a decision on a record found by id or title."""
    return [record_id, title, agency, outcome, method, notes]


def biff_record(kind: int, body: bytes = b"") -> bytes:
    """One BIFF record: its kind, its length and its body."""
    return struct.pack("<HH", kind, len(body)) + body


def biff_sheet(*records: bytes) -> bytes:
    """A worksheet substream: BOF, ``records``, EOF."""
    bof = biff_record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 6))
    return bof + b"".join(records) + biff_record(0x000A)


def biff_label(row: int, column: int, text: str) -> bytes:
    """A LABEL cell record (Latin-1 text)."""
    data = text.encode("latin-1")
    return biff_record(0x0204, struct.pack("<HHHHB", row, column, 0x0F, len(data), 0) + data)


def biff_globals(sheets: list[tuple[str, int]], *records: bytes) -> bytes:
    """The workbook globals: BOF, ``records``, a BOUNDSHEET per (name, stream position), EOF."""
    bof = biff_record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 6))
    bound = b"".join(
        biff_record(0x0085, struct.pack("<IBBBB", at, 0, 0, len(name), 0) + name.encode("latin-1"))
        for name, at in sheets
    )
    return bof + b"".join(records) + bound + biff_record(0x000A)


def write_biff(path: Path, stream: bytes) -> Path:
    """An .xls whose workbook stream is ``stream`` (padded with an unknown record to the size
    of the compound file's stream, which olefile can only overwrite in place)."""
    import olefile
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("S")
    for i in range(len(stream) // 90 + 50):
        sheet.write(i, 0, "x" * 90)
    book.save(str(path))
    with olefile.OleFileIO(str(path)) as ole:
        size = ole.get_size("Workbook")
    rest = size - len(stream)
    while rest > 0:
        chunk = min(rest - 4, 8000)
        if 0 < rest - chunk - 4 < 4:
            chunk -= 4
        stream += biff_record(0x1234, b"\0" * chunk)
        rest -= chunk + 4
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        ole.write_stream("Workbook", stream)
    return path
