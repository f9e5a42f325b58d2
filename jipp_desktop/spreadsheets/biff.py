"""The cells of an .xls workbook (BIFF5/BIFF8 in an OLE2 compound file), counted before the
reader builds them.

calamine holds a sheet as the rectangle from its first to its last cell: three cells of a
5 KB .xls, at A1 and at IV65536, make 16.7 million cells and over a gigabyte. The records of
the workbook stream are scanned here (each cell record begins with its row and column; a
run of cells ends with its last column) and each sheet's rectangle is held to the same limit as
an .xlsx's (:func:`jipp_desktop.spreadsheets.unpacked.check_rectangle`).
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path

import olefile

_BOF, _EOF, _BOUNDSHEET = 0x0809, 0x000A, 0x0085
# Records that are one cell: FORMULA, BLANK, NUMBER, LABEL, BOOLERR, RK, LABELSST, RSTRING.
_CELL = frozenset((0x0006, 0x0201, 0x0203, 0x0204, 0x0205, 0x027E, 0x00FD, 0x00D6))
# Records that are a run of cells in one row (MULRK, MULBLANK): the last column ends them.
_RUN = frozenset((0x00BD, 0x00BE))
_HEAD = struct.Struct("<HH")
_WORD = struct.Struct("<H")


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


def sheet_extents(stream: bytes) -> Iterator[tuple[str, int, int]]:
    """(sheet name, last row, last column), both counted from 1, of each sheet of the stream
    that holds a cell, in the stream's order."""
    names: list[str] = []
    substream, depth = -1, 0
    last_row = last_column = 0
    at, end = 0, len(stream) - 4
    head, word = _HEAD.unpack_from, _WORD.unpack_from
    while at <= end:
        kind, size = head(stream, at)
        body = at + 4
        at = body + size
        if kind in _CELL:
            if depth == 1 and size >= 4:
                row, column = head(stream, body)
                if row >= last_row:
                    last_row = row + 1
                if column >= last_column:
                    last_column = column + 1
        elif kind in _RUN:
            if depth == 1 and size >= 6:
                row = word(stream, body)[0]
                column = word(stream, body + size - 2)[0]
                if row >= last_row:
                    last_row = row + 1
                if column >= last_column:
                    last_column = column + 1
        elif kind == _BOF:
            depth += 1
            if depth == 1:
                substream += 1
                last_row = last_column = 0
        elif kind == _EOF:
            depth -= 1
            if depth == 0 and substream > 0 and last_row:
                name = names[substream - 1] if substream <= len(names) else f"#{substream}"
                yield name, last_row, last_column
            depth = max(depth, 0)
        elif kind == _BOUNDSHEET and substream == 0:
            names.append(_sheet_name(stream[body:at]))
    # Cells count only at depth 1 of a sheet: the globals hold none, and a chart inside a sheet
    # is a substream of its own. A stream cut before its last EOF still counts its last sheet.
    if depth > 0 and substream > 0 and last_row:
        yield (
            names[substream - 1] if substream <= len(names) else f"#{substream}",
            last_row,
            last_column,
        )


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
