"""Opening a spreadsheet to import, refusing bad files with a clear message before anything is
read into the store: not a spreadsheet, corrupt or truncated, password-protected, empty, without
a recognisable header, formulas without values, merged cells in the data, or too large.

Cells are read with python-calamine (xlsx, xls, ods); the few things calamine cannot tell are
inspected in the file itself: encryption (an encrypted workbook is an OLE compound file holding
an "EncryptionInfo" stream, not a zip), formulas saved without a value (xlsx), merged cells in
an ods file. A text file is read as CSV (:mod:`jipp_desktop.spreadsheets.delimited`).

Which column holds which field comes from the header (:mod:`~jipp_desktop.spreadsheets.headers`),
decided by the values where a name is ambiguous (:mod:`~jipp_desktop.spreadsheets.mapping`),
and changed where the officer said so.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError, iterparse

from openpyxl.utils import get_column_letter
from python_calamine import (
    CalamineError,
    CalamineSheet,
    CalamineWorkbook,
    PasswordError,
    SheetTypeEnum,
    SheetVisibleEnum,
)

from jipp_desktop.domain.errors import ServiceError
from jipp_desktop.spreadsheets.biff import XlsUnreadable, sheet_extents, workbook_stream
from jipp_desktop.spreadsheets.delimited import (
    DelimitedError,
    DelimitedSheet,
    looks_like_text,
    read_delimited,
)
from jipp_desktop.spreadsheets.headers import HEADER_SEARCH_ROWS, HeaderMap, find_header
from jipp_desktop.spreadsheets.mapping import settle
from jipp_desktop.spreadsheets.unpacked import check_rectangle, check_unpacked

ZIP_MAGIC = b"PK\x03\x04"
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
_SHEET_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_TABLE_NS = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[ >/]")


class SpreadsheetError(ServiceError):
    """The file cannot be imported; nothing was read into the store."""


@dataclass(frozen=True)
class ImportLimits:
    """How large a file the import accepts.

    calamine holds the whole sheet's cells while rows are read, about 20 times the size of
    the .xlsx (a 100,000-row × 42-column export, 20 MB, peaks near 440 MB), so the file size
    bounds the memory an import needs.

    The file size alone does not bound it: an archive's parts can unpack to a thousand times
    their size, and the reader holds a sheet's whole rectangle of cells, first used cell to
    last. The other limits are checked before the reader opens the file
    (:mod:`jipp_desktop.spreadsheets.unpacked`).

    Attributes:
        max_bytes: the largest file size.
        max_rows: the most data rows on the sheet.
        max_unpacked: the most an .xlsx or .ods may unpack to (all its parts).
        max_ratio: the most a part larger than 1 MB may unpack to per packed byte.
        max_cells: the largest rectangle of cells (rows × columns) a sheet may span, and the
            most shared texts it may have (12 million: 200,000 rows of 60 columns).
    """

    max_bytes: int = 50 * 1024 * 1024
    max_rows: int = 200_000
    max_unpacked: int = 1024 * 1024 * 1024
    max_ratio: int = 100
    max_cells: int = 12_000_000


def _fail(path: Path, id_text: str, en_text: str) -> SpreadsheetError:
    return SpreadsheetError(f"{path.name}: {id_text}", f"{path.name}: {en_text}")


def _has_encryption_stream(path: Path) -> bool:
    with path.open("rb") as fh:
        tail = b""
        while chunk := fh.read(1 << 20):
            if _ENCRYPTION_STREAM in tail + chunk:
                return True
            tail = chunk[-len(_ENCRYPTION_STREAM) :]
    return False


def sniff_format(path: Path) -> str:
    """The real format of the file ("xlsx", "xls", "ods" or "csv"), whatever its name says.

    Raises:
        SpreadsheetError: the file is missing, empty, not a spreadsheet, corrupt or encrypted.
    """
    if not path.is_file():
        raise _fail(path, "berkas tidak ditemukan", "file not found")
    with path.open("rb") as fh:
        head = fh.read(4096)
    if not head:
        raise _fail(path, "berkas kosong (0 bita)", "the file is empty (0 bytes)")
    if head.startswith(ZIP_MAGIC):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
                if (
                    "mimetype" in names
                    and archive.getinfo("mimetype").file_size <= 2 * len(ODS_MIMETYPE)
                    and archive.read("mimetype").strip() == ODS_MIMETYPE
                ):
                    return "ods"
                if "xl/workbook.xml" in names:
                    return "xlsx"
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise _fail(
                path,
                "berkas rusak atau terpotong (arsip tidak utuh); minta pengirim mengirim ulang",
                "the file is corrupt or truncated (incomplete archive); ask for it again",
            ) from exc
        raise _fail(
            path,
            "bukan lembar kerja (arsip zip lain, mis. dokumen Word); pilih berkas .xlsx, .xls "
            "atau .ods",
            "not a spreadsheet (another zip archive, e.g. a Word document); choose an .xlsx, "
            ".xls or .ods file",
        )
    if head.startswith(CFB_MAGIC):
        if _has_encryption_stream(path):
            raise _fail(
                path,
                "buku kerja dilindungi kata sandi; buka di Excel, hapus kata sandinya, simpan, "
                "lalu impor lagi",
                "the workbook is password-protected; open it in Excel, remove the password, "
                "save, and import again",
            )
        return "xls"
    if looks_like_text(head):
        return "csv"
    kind = "PDF" if head.startswith(b"%PDF") else "teks/HTML" if head.isascii() else "lain"
    kind_en = {"teks/HTML": "text/HTML", "lain": "another kind"}.get(kind, kind)
    raise _fail(
        path,
        f"bukan lembar kerja Excel, ODS atau CSV (berkas {kind}); pilih berkas .xlsx, .xls, "
        ".ods atau .csv",
        f"not an Excel, ODS or CSV spreadsheet (a {kind_en} file); choose an .xlsx, .xls, "
        ".ods or .csv file",
    )


def _xlsx_sheet_parts(archive: zipfile.ZipFile) -> list[str]:
    """Every worksheet part the workbook's relationships name (what the reader may load)."""
    rels = "xl/_rels/workbook.xml.rels"
    if rels not in archive.namelist():
        return [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
    parts = []
    for _, el in iterparse(archive.open(rels)):
        if el.tag == _PKG_REL_NS + "Relationship" and el.get("Type", "").endswith("/worksheet"):
            target = el.get("Target", "")
            part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            if part in archive.namelist():
                parts.append(part)
    return parts


def _xlsx_sheet_part(archive: zipfile.ZipFile, sheet_name: str) -> str | None:
    ns_sheet = _SHEET_NS + "sheet"
    rel_id = None
    for _, el in iterparse(archive.open("xl/workbook.xml")):
        if el.tag == ns_sheet and el.get("name") == sheet_name:
            rel_id = el.get(_REL_NS + "id")
            break
    if rel_id is None or "xl/_rels/workbook.xml.rels" not in archive.namelist():
        return None
    for _, el in iterparse(archive.open("xl/_rels/workbook.xml.rels")):
        if el.tag == _PKG_REL_NS + "Relationship" and el.get("Id") == rel_id:
            target = el.get("Target", "")
            return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return None


def formula_without_value(path: Path, sheet_name: str) -> str | None:
    """The first cell (e.g. "D5") of an xlsx sheet holding a formula saved without its value.

    Excel saves each formula's last result, which is what an import reads; files made by
    programs often do not, and such cells would read as empty.
    """
    with zipfile.ZipFile(path) as archive:
        part = _xlsx_sheet_part(archive, sheet_name)
        if part is None or part not in archive.namelist():
            return None
        with archive.open(part) as fh:
            found, tail = False, b""
            while chunk := fh.read(1 << 20):
                if _FORMULA_TAG.search(tail + chunk):
                    found = True
                    break
                tail = chunk[-16:]
        if not found:
            return None
        cell_tag, f_tag, v_tag = _SHEET_NS + "c", _SHEET_NS + "f", _SHEET_NS + "v"
        for _, el in iterparse(archive.open(part)):
            if el.tag == cell_tag:
                has_formula = el.find(f_tag) is not None
                value = el.find(v_tag)
                if has_formula and (value is None or not (value.text or "").strip()):
                    return el.get("r", "?")
                el.clear()
    return None


def _ods_merged_row(path: Path, sheet_name: str) -> int | None:
    """The 1-based row of the first merged (covered) cell on an ods sheet, if any."""
    row = 0
    in_sheet = False
    with zipfile.ZipFile(path) as archive:
        for event, el in iterparse(archive.open("content.xml"), events=("start", "end")):
            if el.tag == _TABLE_NS + "table":
                in_sheet = event == "start" and el.get(_TABLE_NS + "name") == sheet_name
                if event == "end" and el.get(_TABLE_NS + "name") == sheet_name:
                    return None
            elif in_sheet and el.tag == _TABLE_NS + "table-row" and event == "start":
                row += 1
            elif in_sheet and el.tag == _TABLE_NS + "table-row" and event == "end":
                row += int(el.get(_TABLE_NS + "number-rows-repeated", "1")) - 1
                el.clear()
            elif in_sheet and el.tag == _TABLE_NS + "covered-table-cell" and event == "start":
                return row
    return None


@dataclass
class SheetSource:
    """An opened sheet with a recognised header, ready to read row by row.

    Attributes:
        path: the file.
        format: "xlsx", "xls", "ods" or "csv".
        sheet_name: the sheet whose header was recognised (a CSV file's name).
        header: where the header is and what each column holds.
        total_rows: the sheet's last row number (for progress).
    """

    path: Path
    format: str
    sheet_name: str
    header: HeaderMap
    total_rows: int
    first_column: int
    _sheet: CalamineSheet | DelimitedSheet

    def rows(self) -> Iterator[tuple[int, list[Any]]]:
        """The data rows under the header as (row number, cells), blank rows left out.

        ``cells[i]`` is the cell in absolute column ``first_column + i``.
        """
        for number, cells in enumerate(self._sheet.iter_rows(), 1):
            if number <= self.header.row:
                continue
            if any(c not in ("", None) for c in cells):
                yield number, cells


def open_source(
    path: Path | str,
    limits: ImportLimits | None = None,
    mapping: dict[int, str] | None = None,
) -> SheetSource:
    """Opens a spreadsheet for import and finds its data sheet and header.

    Args:
        path: the file.
        limits: the largest file accepted.
        mapping: the officer's changes to which column holds which field (absolute column
            index → field key, "" to leave a column out).

    Raises:
        SpreadsheetError: the file cannot be imported (the message says why and what to do).
    """
    limits = limits or ImportLimits()
    path = Path(path)
    fmt = sniff_format(path)
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise _fail(
            path,
            f"berkas terlalu besar ({size / 1e6:.1f} MB; paling besar "
            f"{limits.max_bytes / 1e6:.0f} MB); bagi menjadi beberapa berkas",
            f"the file is too large ({size / 1e6:.1f} MB; at most "
            f"{limits.max_bytes / 1e6:.0f} MB); split it into several files",
        )
    if fmt == "csv":
        return _open_delimited(path, limits, mapping or {})
    if fmt in ("xlsx", "ods"):
        _check_unpacked(path, fmt, limits)
    elif fmt == "xls":
        _check_xls(path, limits)
    try:
        with path.open("rb") as fh:
            workbook = CalamineWorkbook.from_filelike(fh)
    except PasswordError as exc:
        raise _fail(
            path,
            "buku kerja dilindungi kata sandi; hapus kata sandinya lalu impor lagi",
            "the workbook is password-protected; remove the password and import again",
        ) from exc
    except (CalamineError, ValueError, OverflowError, UnicodeError, OSError) as exc:
        raise _fail(
            path,
            f"berkas rusak dan tidak dapat dibaca ({exc})",
            f"the file is corrupt and cannot be read ({exc})",
        ) from exc
    any_cells = False
    for meta in workbook.sheets_metadata:
        # Hidden sheets hold lists and helpers (the template's "daftar"), never the data.
        if meta.typ != SheetTypeEnum.WorkSheet or meta.visible != SheetVisibleEnum.Visible:
            continue
        try:
            sheet = workbook.get_sheet_by_name(meta.name)
        except (CalamineError, ValueError, OverflowError, UnicodeError) as exc:
            raise _fail(
                path,
                f"lembar {meta.name!r} rusak dan tidak dapat dibaca ({exc})",
                f"sheet {meta.name!r} is corrupt and cannot be read ({exc})",
            ) from exc
        if sheet.start is None:
            continue
        any_cells = True
        first_column = sheet.start[1]
        header = find_header(list(islice(sheet.iter_rows(), HEADER_SEARCH_ROWS)), first_column)
        if header is None:
            continue
        settle(header, sheet.iter_rows(), first_column)
        header.remap(mapping or {})
        last_row = sheet.end[0] + 1 if sheet.end else 0
        source = SheetSource(path, fmt, meta.name, header, last_row, first_column, sheet)
        try:
            _check_sheet(source, sheet, limits)
        except (ParseError, zipfile.BadZipFile, zlib.error, EOFError, KeyError) as exc:
            # Junk after a part's XML root, a truncated part, a missing one: the file is
            # damaged, whichever check met it first.
            raise _corrupt(path, exc) from exc
        return source
    if not any_cells:
        raise _empty(path)
    raise _no_header(path)


def _empty(path: Path) -> SpreadsheetError:
    return _fail(
        path,
        "lembar kerja kosong; tidak ada data untuk diimpor",
        "the sheet is empty; there is no data to import",
    )


def _no_header(path: Path) -> SpreadsheetError:
    return _fail(
        path,
        f"tidak ditemukan baris judul kolom yang dikenali pada {HEADER_SEARCH_ROWS} baris "
        "pertama (perlu paling sedikit kolom 'Judul inovasi' dan 'Instansi'; pakai templat "
        "impor)",
        f"no recognisable header row in the first {HEADER_SEARCH_ROWS} rows (at least the "
        "columns 'Title' and 'Agency' are needed; use the import template)",
    )


def _open_delimited(path: Path, limits: ImportLimits, mapping: dict[int, str]) -> SheetSource:
    """A CSV file as the sheet to import, by the same limits and header rules."""
    try:
        sheet = read_delimited(path.read_bytes(), limits.max_rows, limits.max_cells)
    except DelimitedError as exc:
        raise _fail(path, exc.id_text, exc.en_text) from exc
    except OSError as exc:
        raise _corrupt(path, exc) from exc
    if not any(any(c.strip() for c in r) for r in sheet.records):
        raise _empty(path)
    header = find_header(sheet.records[:HEADER_SEARCH_ROWS], 0)
    if header is None:
        raise _no_header(path)
    settle(header, sheet.iter_rows(), 0)
    header.remap(mapping)
    source = SheetSource(path, "csv", path.name, header, len(sheet.records), 0, sheet)
    if source.total_rows - header.row <= 0:
        raise _fail(
            path,
            "berkas hanya berisi judul kolom, tanpa baris data",
            "the file has only the header, no data rows",
        )
    return source


def _check_unpacked(path: Path, fmt: str, limits: ImportLimits) -> None:
    def fail(id_text: str, en_text: str) -> SpreadsheetError:
        return _fail(path, id_text, en_text)

    try:
        with zipfile.ZipFile(path) as archive:
            sheets = _xlsx_sheet_parts(archive) if fmt == "xlsx" else []
    except (zipfile.BadZipFile, ParseError, OSError) as exc:
        raise _corrupt(path, exc) from exc
    check_unpacked(path, fmt, sheets, limits, fail)


def _check_xls(path: Path, limits: ImportLimits) -> None:
    def fail(id_text: str, en_text: str) -> SpreadsheetError:
        return _fail(path, id_text, en_text)

    try:
        sheets = sheet_extents(workbook_stream(path))
    except XlsUnreadable as exc:
        raise _corrupt(path, exc) from exc
    if sheets is None:
        return  # encrypted: the reader says it needs a password
    for sheet in sheets:
        if sheet.impossible:
            raise fail(
                f"lembar {sheet.name!r} menyatakan ukuran yang tidak mungkin untuk berkas .xls "
                "(lebih dari 65.536 baris atau 256 kolom); berkas rusak atau dibuat untuk "
                "mengacaukan pembaca",
                f"sheet {sheet.name!r} declares a size no .xls sheet can have (over 65,536 rows "
                "or 256 columns); the file is damaged or made to upset the reader",
            )
        check_rectangle(sheet.name, sheet.rows, sheet.columns, limits, fail)
    total = sum(sheet.rows * sheet.columns for sheet in sheets)
    if total > limits.max_cells:
        raise fail(
            f"lembar-lembar buku kerja ini bersama-sama terbentang {total:,} sel (paling banyak "
            f"{limits.max_cells:,}); simpan lembar data saja dalam berkas baru".replace(",", "."),
            f"the workbook's sheets together span {total:,} cells (at most "
            f"{limits.max_cells:,}); save the data sheet alone in a new file",
        )


def _corrupt(path: Path, exc: BaseException) -> SpreadsheetError:
    return _fail(
        path,
        f"berkas rusak dan tidak dapat dibaca ({exc}); minta pengirim mengirim ulang",
        f"the file is corrupt and cannot be read ({exc}); ask for it again",
    )


def _check_sheet(source: SheetSource, sheet: CalamineSheet, limits: ImportLimits) -> None:
    path, name, header_row = source.path, source.sheet_name, source.header.row
    data_rows = source.total_rows - header_row
    if data_rows <= 0:
        raise _fail(
            path,
            f"lembar {name!r} hanya berisi judul kolom, tanpa baris data",
            f"sheet {name!r} has only the header, no data rows",
        )
    if data_rows > limits.max_rows:
        raise _fail(
            path,
            f"terlalu banyak baris ({data_rows:,}; paling banyak {limits.max_rows:,}); "
            "bagi menjadi beberapa berkas".replace(",", "."),
            f"too many rows ({data_rows:,}; at most {limits.max_rows:,}); "
            "split it into several files",
        )
    merged = sheet.merged_cell_ranges or []
    for (r1, c1), (r2, c2) in merged:
        if r2 + 1 >= header_row:
            ref = f"{get_column_letter(c1 + 1)}{r1 + 1}:{get_column_letter(c2 + 1)}{r2 + 1}"
            raise _fail(
                path,
                f"lembar {name!r} berisi sel gabungan {ref} di judul kolom atau data; "
                "pisahkan sel (Unmerge) dan isi setiap baris",
                f"sheet {name!r} has merged cells {ref} in the header or the data; "
                "unmerge them and fill every row",
            )
    if source.format == "ods":
        row = _ods_merged_row(path, name)
        if row is not None and row >= header_row:
            raise _fail(
                path,
                f"lembar {name!r} berisi sel gabungan pada baris {row}; pisahkan sel dan isi "
                "setiap baris",
                f"sheet {name!r} has merged cells in row {row}; unmerge them and fill every row",
            )
    if source.format == "xlsx":
        cell = formula_without_value(path, name)
        if cell is not None:
            raise _fail(
                path,
                f"sel {cell} pada lembar {name!r} berisi rumus tanpa nilai tersimpan; buka dan "
                "simpan berkas di Excel/LibreOffice, atau tempel sebagai nilai (Paste Values)",
                f"cell {cell} on sheet {name!r} holds a formula without a saved value; open and "
                "save the file in Excel/LibreOffice, or paste as values",
            )
