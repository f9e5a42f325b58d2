"""Putting values into the cells of the workbooks this app writes, so that every text stays text.

openpyxl guesses a cell's type from its value: a string starting with ``=`` becomes a live
formula (``=HYPERLINK("http://…")`` in a title would run in the reader's Excel), one of Excel's
error codes (``#N/A``) becomes an error value, and a string is cut at 32,767 characters without
a word. Everything written here goes through :func:`cell` (write-only sheets) or :func:`put`
(ordinary sheets), which give every ``str`` the string type, whatever it starts with, and
escape a ``_xHHHH_`` in it, which readers would otherwise decode as an escaped character.

:func:`cell_text_problem` says why a text cannot go into a cell at all (longer than a cell
holds, or a character XML forbids); an export refuses such a value, naming it, rather than cut
or drop it, and the error workbook, which writes back what a sender sent, marks it instead.
"""

from __future__ import annotations

import re
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.worksheet.worksheet import Worksheet

# The longest text a cell holds (Excel's limit; openpyxl cuts longer texts silently).
MAX_CELL_TEXT = 32767
# What XML 1.0 (and so a workbook) cannot hold: C0 controls but tab, line feed and carriage
# return; surrogates; U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ERROR_CODES = frozenset(ERROR_CODES)
# A workbook escapes characters as _xHHHH_ (readers such as Excel and calamine decode them), so
# a text that itself holds such a sequence has its underscore escaped (_x005F_) to read back.
_ESCAPE_LOOKALIKE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")


def _typed_otherwise(value: str) -> bool:
    """Whether openpyxl would give this string another type than text, or a reader would
    decode part of it."""
    return (len(value) > 1 and value[0] == "=") or value in _ERROR_CODES or "_x" in value


def _as_written(value: str) -> str:
    return _ESCAPE_LOOKALIKE.sub("_x005F_", value) if "_x" in value else value


def cell(ws: Any, value: Any) -> Any:
    """``value`` for a row of a write-only sheet: as it is, or — a text openpyxl would take for
    a formula or an error code — a cell holding it as text."""
    if isinstance(value, str) and _typed_otherwise(value):
        out = WriteOnlyCell(ws, _as_written(value))
        out.data_type = "s"
        return out
    return value


def styled(ws: Any, value: Any) -> WriteOnlyCell:
    """A write-only cell holding ``value`` (a text as text), ready to be styled."""
    if isinstance(value, str):
        out = WriteOnlyCell(ws, _as_written(value))
        out.data_type = "s"
        return out
    return WriteOnlyCell(ws, value)


def put(ws: Worksheet, row: int, column: int, value: Any) -> Any:
    """Writes ``value`` into a cell of an ordinary sheet (a text as text); returns the cell."""
    if isinstance(value, str):
        target = ws.cell(row, column, _as_written(value))
        target.data_type = "s"
        return target
    return ws.cell(row, column, value)


def cell_text_problem(value: str) -> tuple[str, str] | None:
    """Why ``value`` cannot be written into a cell as it is (Indonesian, English), or None."""
    if len(_as_written(value)) > MAX_CELL_TEXT:
        size, most = f"{len(_as_written(value)):,}", f"{MAX_CELL_TEXT:,}"
        return (
            f"{size.replace(',', '.')} karakter; satu sel menampung paling banyak "
            f"{most.replace(',', '.')}",
            f"{size} characters; a cell holds at most {most}",
        )
    bad = _NOT_XML.search(value)
    if bad is not None:
        code = f"U+{ord(bad.group()):04X}"
        return (
            f"berisi karakter kendali {code} pada posisi {bad.start() + 1}",
            f"holds the control character {code} at position {bad.start() + 1}",
        )
    return None


def shown_as_sent(value: str) -> str:
    """A sender's text as a cell can show it: characters XML forbids as U+FFFD, and a text
    longer than a cell cut, with a mark saying so (for the error workbook, never for data)."""
    value = _NOT_XML.sub("\ufffd", value)
    if len(_as_written(value)) > MAX_CELL_TEXT:
        mark = f" […{len(value):,} karakter / characters]"
        keep = MAX_CELL_TEXT - len(mark)
        while len(_as_written(value[:keep])) > MAX_CELL_TEXT - len(mark):
            keep -= (len(_as_written(value[:keep])) - keep) or 1
        value = value[:keep] + mark
    return value


def row(ws: Any, values: list[Any]) -> list[Any]:
    """The values of one row of a write-only sheet, every text as text."""
    return [cell(ws, v) if isinstance(v, str) else v for v in values]


def first_unwritable(values: list[Any]) -> tuple[int, tuple[str, str]] | None:
    """The position of the first text of ``values`` a cell cannot hold as it is, and why."""
    for i, value in enumerate(values):
        if isinstance(value, str) and (
            len(_as_written(value)) > MAX_CELL_TEXT or _NOT_XML.search(value)
        ):
            problem = cell_text_problem(value)
            assert problem is not None
            return i, problem
    return None
