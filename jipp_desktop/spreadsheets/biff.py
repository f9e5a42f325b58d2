"""The cells of an .xls workbook (BIFF5/BIFF8 in an OLE2 compound file), counted before the
reader builds them.

calamine builds every sheet of the workbook when it opens it, each as the rectangle from its
first to its last cell, reserving first the rectangle the sheet's DIMENSIONS record declares:
three cells of a 6 KB .xls at A1 and IV65536 make 16.7 million cells (1.1 GB), and a
DIMENSIONS of four billion rows makes the process abort. So each sheet is read here as
calamine reads it, from the position its BOUNDSHEET record gives, to the EOF that closes it
(an embedded chart's own BOF…EOF skipped), and what it would build is counted: the declared
dimensions, which must be possible in the format, and the cell records (each starts with its
row and column; a run of cells ends with its last column). The rectangles of all sheets
together are held to the import's cell limit. A workbook with a password (FILEPASS) is left to
the reader, which says so: its cell records are encrypted.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import olefile

_BOF, _EOF, _BOUNDSHEET, _DIMENSIONS, _FILEPASS = 0x0809, 0x000A, 0x0085, 0x0200, 0x002F
# Records that are one cell: FORMULA, BLANK, NUMBER, LABEL, BOOLERR, RK, LABELSST, RSTRING.
_CELL = frozenset((0x0006, 0x0201, 0x0203, 0x0204, 0x0205, 0x027E, 0x00FD, 0x00D6))
# Records that are a run of cells in one row (MULRK, MULBLANK): the last column ends them.
_RUN = frozenset((0x00BD, 0x00BE))
# The most a sheet of the format can hold.
MAX_ROWS, MAX_COLUMNS = 65536, 256
_HEAD = struct.Struct("<HH")
_WORD = struct.Struct("<H")
_LONG = struct.Struct("<I")


class XlsUnreadable(Exception):
    """The file is no readable .xls compound document."""


def workbook_stream(path: Path) -> bytes:
    """The workbook stream of the .xls at ``path`` ("Workbook", or "Book" for BIFF5)."""
    try:
        with olefile.OleFileIO(str(path)) as ole:
            for name in ("Workbook", "Book"):
                if ole.exists(name):
                    return ole.openstream(name).read()
    except (OSError, ValueError, struct.error, IndexError) as exc:  # olefile's own errors
        raise XlsUnreadable(str(exc)) from exc
    raise XlsUnreadable("no Workbook stream")


@dataclass(frozen=True)
class SheetExtent:
    """What the reader would build for one sheet: up to ``rows`` × ``columns`` cells (from A1),
    or, when ``impossible``, a declared size no .xls sheet can have."""

    name: str
    rows: int
    columns: int
    impossible: bool = False


def sheet_extents(stream: bytes) -> list[SheetExtent] | None:
    """The extent of every sheet the workbook globals name, or None for an encrypted workbook.

    Raises:
        XlsUnreadable: the stream ends inside a record, or a sheet's position is outside it.
    """
    sheets: list[tuple[str, int]] = []
    for kind, body, size in _records(stream, 0):
        if kind == _FILEPASS:
            return None
        if kind == _BOUNDSHEET and size >= 8:
            sheets.append(
                (_sheet_name(stream[body : body + size]), _LONG.unpack_from(stream, body)[0])
            )
        elif kind == _EOF:
            break
    # A sheet named twice is built twice, but read here once.
    read: dict[int, SheetExtent] = {}
    out = []
    for name, position in sheets:
        if position not in read:
            read[position] = _extent(stream, name, position)
        out.append(replace(read[position], name=name))
    return out


def _records(stream: bytes, at: int) -> Iterator[tuple[int, int, int]]:
    """(kind, body position, body size) of each record from ``at`` on."""
    end = len(stream)
    while at + 4 <= end:
        kind, size = _HEAD.unpack_from(stream, at)
        body = at + 4
        if body + size > end:
            raise XlsUnreadable(f"a record at byte {at} runs past the end of the workbook stream")
        yield kind, body, size
        at = body + size


def _extent(stream: bytes, name: str, position: int) -> SheetExtent:
    """The sheet whose BOF is at ``position``, read as the reader reads it."""
    if position + 4 > len(stream) or _HEAD.unpack_from(stream, position)[0] != _BOF:
        raise XlsUnreadable(f"sheet {name!r} does not start where the workbook says")
    depth = 0
    rows = columns = 0
    head, word = _HEAD.unpack_from, _WORD.unpack_from
    for kind, body, size in _records(stream, position):
        if kind == _BOF:
            depth += 1
        elif kind == _EOF:
            depth -= 1
            if depth == 0:
                break
        elif depth != 1:
            continue  # an embedded chart's records
        elif kind in _CELL:
            if size >= 4:
                row, column = head(stream, body)
                rows, columns = max(rows, row + 1), max(columns, column + 1)
        elif kind in _RUN:
            if size >= 6:
                row = word(stream, body)[0]
                column = word(stream, body + size - 2)[0]
                rows, columns = max(rows, row + 1), max(columns, column + 1)
        elif kind == _DIMENSIONS:
            declared = _dimensions(stream, body, size)
            if declared is None:
                return SheetExtent(name, 0, 0, impossible=True)
            rows, columns = max(rows, declared[0]), max(columns, declared[1])
    return SheetExtent(name, rows, columns)


def _dimensions(stream: bytes, body: int, size: int) -> tuple[int, int] | None:
    """The rows and columns a DIMENSIONS record declares (BIFF8: 14 bytes, rows as 32 bits;
    BIFF5: 10 bytes), or None when no sheet of the format can have them."""
    if size >= 14:
        first_row, last_row = struct.unpack_from("<II", stream, body)
        first_column, last_column = struct.unpack_from("<HH", stream, body + 8)
    elif size >= 10:
        first_row, last_row, first_column, last_column = struct.unpack_from("<HHHH", stream, body)
    else:
        return None
    if (
        last_row > MAX_ROWS
        or last_column > MAX_COLUMNS
        or first_row > last_row
        or first_column > last_column
    ):
        return None
    return last_row, last_column


def _sheet_name(record: bytes) -> str:
    """The name a BOUNDSHEET record gives (BIFF8: a flagged UTF-16 or Latin-1 string after
    six bytes; BIFF5: a byte string), or "?" when it cannot be read."""
    if len(record) < 8:
        return "?"
    length, flags = record[6], record[7]
    if flags in (0, 1) and len(record) >= 8 + length * (2 if flags else 1):
        text = record[8 : 8 + length * (2 if flags else 1)]
        return text.decode("utf-16-le" if flags else "latin-1", "replace")
    return record[7 : 7 + length].decode("latin-1", "replace")
