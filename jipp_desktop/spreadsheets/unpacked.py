"""What a spreadsheet unpacks to, checked before any reader holds it in memory.

A file's size does not bound what reading it costs: an .xlsx or .ods is a zip archive whose
parts can unpack to a thousand times their packed size (gigabytes of whitespace in 8 MB), and
the reader (calamine) holds a sheet as a rectangle of cells from its first to its last used
cell, so two cells, at A1 and at XFD1048576, make 17 billion (the process aborts on the
allocation). So, before calamine opens the file:

- every part's declared size and packing ratio (the zip directory's sizes, which Python's
  zipfile holds each part to as it reads it, checking its CRC), and the total;
- for .xlsx, each worksheet's cell positions (the ``r`` attribute of every cell, read in one
  streamed pass) give the rectangle the reader will build; a cell without a position is
  refused (the reader would place it after the previous one, out of this count);
- the shared strings' count;
- for .ods, the rows and columns that repeated rows and cells expand to (when they hold
  something: empty repeats are what office programs write at the end of every sheet).

Each limit has a one-line refusal naming the file and the part.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol
from xml.etree.ElementTree import ParseError, iterparse

from jipp_desktop.domain.errors import ServiceError

CHUNK = 1 << 22
LONGEST_TAG = 4 << 20
SMALL_PART = 1 << 20
_CELL_TAGS = (b"<c ", b"<c>", b"<c/>")
_PREFIXED_CELL = re.compile(rb"<[A-Za-z_][\w.-]*:c[\s/>]")
_CELL_REF = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?c\s(?:[^>]*?\s)?r\s*=\s*[\"']([A-Za-z]{1,3})([0-9]{1,7})[\"']"
)
_FAST_ROW = re.compile(rb'<c r="[A-Za-z]{1,3}([0-9]{1,7})"')
_FAST_WIDE_COLUMN = re.compile(rb'<c r="([A-Za-z]{2,3})[0-9]')
_SHARED_STRING = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s/>]")
_TABLE_NS = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE_NS = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


class Limits(Protocol):
    """The limits of :class:`~jipp_desktop.spreadsheets.source.ImportLimits` used here."""

    max_unpacked: int
    max_ratio: int
    max_cells: int
    max_rows: int


Fail = Callable[[str, str], ServiceError]


def _mb(size: int) -> str:
    return f"{size / 1e6:,.0f} MB"


def check_archive(archive: zipfile.ZipFile, limits: Limits, fail: Fail) -> None:
    """Refuses an archive whose declared sizes or packing ratios are beyond the limits."""
    total = 0
    for info in archive.infolist():
        total += info.file_size
        packed = max(info.compress_size, 1)
        if info.file_size > SMALL_PART and info.file_size / packed > limits.max_ratio:
            raise fail(
                f"bagian {info.filename!r} mengembang {info.file_size // packed:,}:1 menjadi "
                f"{_mb(info.file_size)}; ini bukan lembar kerja biasa (bom dekompresi), ditolak",
                f"part {info.filename!r} unpacks {info.file_size // packed:,}:1 to "
                f"{_mb(info.file_size)}; not an ordinary spreadsheet (a decompression bomb), "
                "refused",
            )
    if total > limits.max_unpacked:
        raise fail(
            f"isi berkas mengembang menjadi {_mb(total)} (paling besar "
            f"{_mb(limits.max_unpacked)}); bagi menjadi beberapa berkas",
            f"the file unpacks to {_mb(total)} (at most {_mb(limits.max_unpacked)}); split it "
            "into several files",
        )


def _column_number(letters: bytes) -> int:
    number = 0
    for c in letters.upper():
        number = number * 26 + c - 64
    return number


def _stream(archive: zipfile.ZipFile, part: str, fail: Fail) -> Iterator[bytes]:
    """The part's bytes in chunks cut after a tag's "<" boundary (a tag is never split)."""
    tail = b""
    with archive.open(part) as fh:
        while chunk := fh.read(CHUNK):
            data = tail + chunk
            cut = data.rfind(b"<")
            if cut <= 0:
                if len(data) > LONGEST_TAG:
                    raise fail(
                        f"bagian {part!r} rusak (tag XML yang tidak berakhir)",
                        f"part {part!r} is corrupt (an XML tag that never ends)",
                    )
                tail = data
                continue
            tail = data[cut:]
            yield data[:cut]
    if tail:
        yield tail


def check_xlsx_sheet(archive: zipfile.ZipFile, part: str, limits: Limits, fail: Fail) -> None:
    """Refuses a worksheet whose cells make a larger rectangle than the limits allow, or that
    has a cell without its position."""
    cells = positioned = 0
    last_row = last_column = 0
    for data in _stream(archive, part, fail):
        here = sum(data.count(tag) for tag in _CELL_TAGS)
        if b":c" in data:
            here += len(_PREFIXED_CELL.findall(data))
        cells += here
        # What Excel, LibreOffice and openpyxl write: r first, in double quotes (two quick
        # scans); anything else is read with the general pattern.
        rows = _FAST_ROW.findall(data)
        if len(rows) == here:
            # Columns A-Z need no look; only refs of two or three letters are read.
            columns = set(_FAST_WIDE_COLUMN.findall(data)) or ({b"Z"} if rows else set())
        else:
            refs = _CELL_REF.findall(data)
            rows = [row for _, row in refs]
            columns = {column for column, _ in refs}
        if not rows:
            continue
        positioned += len(rows)
        last_row = max(last_row, max(map(int, set(rows))))
        last_column = max(last_column, max(map(_column_number, columns)))
    if cells != positioned:
        raise fail(
            f"lembar {part!r} berisi sel tanpa posisi (atribut r); buka dan simpan berkas di "
            "Excel/LibreOffice lalu impor lagi",
            f"sheet {part!r} has cells without a position (r attribute); open and save the "
            "file in Excel/LibreOffice and import again",
        )
    check_rectangle(part, last_row, last_column, limits, fail)


def check_rectangle(part: str, rows: int, columns: int, limits: Limits, fail: Fail) -> None:
    """Refuses a sheet whose cells, from A1 to row ``rows`` and column ``columns``, make a
    larger rectangle (or more rows) than the limits allow."""
    if rows * columns > limits.max_cells or rows > limits.max_rows + 1000:
        raise fail(
            f"lembar {part!r} terbentang sampai baris {rows:,} dan kolom {columns:,} "
            f"({rows * columns:,} sel; paling banyak {limits.max_cells:,}); hapus isi sel yang "
            "jauh di luar data atau bagi menjadi beberapa berkas".replace(",", "."),
            f"sheet {part!r} reaches row {rows:,} and column {columns:,} ({rows * columns:,} "
            f"cells; at most {limits.max_cells:,}); clear the cells far outside the data or "
            "split it into several files",
        )


def check_shared_strings(archive: zipfile.ZipFile, limits: Limits, fail: Fail) -> None:
    """Refuses a shared-string table with more entries than a sheet may have cells."""
    part = "xl/sharedStrings.xml"
    if part not in archive.namelist():
        return
    count = 0
    for data in _stream(archive, part, fail):
        count += len(_SHARED_STRING.findall(data))
        if count > limits.max_cells:
            raise fail(
                f"tabel teks bersama berisi lebih dari {limits.max_cells:,} teks; ini bukan "
                "lembar kerja biasa, ditolak".replace(",", "."),
                f"the shared-string table holds more than {limits.max_cells:,} texts; not an "
                "ordinary spreadsheet, refused",
            )


def check_ods(archive: zipfile.ZipFile, limits: Limits, fail: Fail) -> None:
    """Refuses an OpenDocument sheet whose repeated rows and cells holding something expand
    beyond the limits."""
    table, row, cell = _TABLE_NS + "table", _TABLE_NS + "table-row", _TABLE_NS + "table-cell"
    covered = _TABLE_NS + "covered-table-cell"
    rows_repeated = _TABLE_NS + "number-rows-repeated"
    columns_repeated = _TABLE_NS + "number-columns-repeated"
    value_type = _OFFICE_NS + "value-type"
    name = ""
    row_number = last_row = last_column = 0
    column = 0
    row_used = 0
    try:
        for event, el in iterparse(archive.open("content.xml"), events=("start", "end")):
            tag = el.tag
            if tag == table:
                if event == "start":
                    name = el.get(_TABLE_NS + "name", "")
                    row_number = last_row = last_column = 0
                else:
                    check_rectangle(name, last_row, last_column, limits, fail)
                    el.clear()
            elif tag == row and event == "start":
                column = row_used = 0
            elif tag == row:
                repeat = int(el.get(rows_repeated, "1") or 1)
                if row_used:
                    last_row = row_number + repeat
                    last_column = max(last_column, row_used)
                row_number += repeat
                el.clear()
            elif tag in (cell, covered) and event == "end":
                repeat = int(el.get(columns_repeated, "1") or 1)
                column += repeat
                if el.get(value_type) is not None or len(el) or (el.text or "").strip():
                    row_used = column
                el.clear()
    except (ParseError, ValueError) as exc:
        raise fail(
            f"isi berkas rusak dan tidak dapat dibaca ({exc})",
            f"the file's content is corrupt and cannot be read ({exc})",
        ) from exc


def check_unpacked(path: Path, fmt: str, sheets: list[str], limits: Limits, fail: Fail) -> None:
    """Every check above for the file at ``path`` (``sheets``: the worksheet parts of an
    .xlsx). Also reads every part the checks need in full, so a truncated or tampered part
    (a bad CRC) is found here rather than inside the reader."""
    try:
        with zipfile.ZipFile(path) as archive:
            check_archive(archive, limits, fail)
            if fmt == "xlsx":
                for part in sheets:
                    check_xlsx_sheet(archive, part, limits, fail)
                check_shared_strings(archive, limits, fail)
            elif fmt == "ods":
                check_ods(archive, limits, fail)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, KeyError) as exc:
        raise fail(
            f"berkas rusak atau terpotong ({exc}); minta pengirim mengirim ulang",
            f"the file is corrupt or truncated ({exc}); ask for it again",
        ) from exc
