"""Data tables that wrap long text, repeat their header row on every page and never overflow.

reportlab re-measures what is left of a table each time it splits one across a page, so a single
table over thousands of rows costs more than linear time (4,000 rows 7 s, 16,000 rows 62 s here).
Long tables are therefore cut into blocks of ``BLOCK_ROWS`` rows, each a table of its own with the
header row repeated on every page it spans.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_decimal
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table, TableStyle

from jipp_desktop.documents.fonts import FONT, FONT_BOLD
from jipp_desktop.documents.styles import (
    CELL,
    CELL_BOLD,
    HEAD,
    HEADER_FILL,
    INK,
    RULE,
    ZEBRA_FILL,
    esc,
    shown_in_cell,
)

BLOCK_ROWS = 300
# A table split across pages carries at least this many of its rows (a total row counts) to
# the next page: never "Sosial" and the total alone under a repeated header.
WIDOW_ROWS = 3
# The room under which a table that would leave fewer rows than that on a side of the break
# goes to the next page whole (a page's text area is taller: a table at its top always splits).
SMALL_ROOM = 200
# A date in a table cell ("7 Des 2026", "7 Dec 2026": day first in both languages, as the
# reports' headings write "Senin, 7 Desember 2026"), and written out in a field.
SHORT_DATE = "d MMM y"
LONG_DATE = "d MMMM y"
# The smallest size a column title is shrunk to so that its words stay whole.
MIN_HEAD_SIZE = 5.5
PADDING = 3
CELL_SIZE = CELL.fontSize
HEAD_RIGHT = HEAD.clone("HeadRight", alignment=TA_RIGHT)
Cell = str | int | float | None


def number(value: int | float, lang: str = "id") -> str:
    """A number with the officer's thousands separator ("12.345" in Indonesian)."""
    return format_decimal(value, locale=lang)


def fitted(text: str, width: float, style: ParagraphStyle = CELL) -> object:
    """``text`` as a cell: a plain string when it fits on one line, else a wrapping Paragraph.

    A plain string costs a fraction of a Paragraph to lay out, and most cells are short (the
    table's style gives a string the same font and size as ``style``).
    """
    if "\n" not in text and _width(text, style.fontName, style.fontSize) <= width - 2 * PADDING:
        return text
    return Paragraph(esc(shown_in_cell(text, width, style.fontSize)), style)


def short_date(value: date | datetime | None, lang: str = "id") -> str:
    """A date for a table cell: "7 Des 2026" / "7 Dec 2026" ("" for None)."""
    if value is None:
        return ""
    day = value.date() if isinstance(value, datetime) else value
    return format_date(day, SHORT_DATE, locale=lang)


@lru_cache(maxsize=8)
def date_width(lang: str = "id") -> float:
    """The width of a column of :func:`short_date` cells that never wraps a date onto two
    lines ("10 Jan" / "2026")."""
    widest = max(
        _width(short_date(date(2000, month, 28), lang), FONT, CELL_SIZE) for month in range(1, 13)
    )
    return widest + 2 * PADDING + 1


def title_widths(titles: Sequence[str], room: float, style: ParagraphStyle = HEAD) -> list[float]:
    """Widths for columns sharing ``room``: each as wide as its title's longest word needs (no
    title shrunk, none cut inside a word: "Institutionalisatio / n"), what is left shared
    equally; equal widths when the words do not fit side by side."""
    needs = [
        max(
            (_width(w, style.fontName, style.fontSize) for w in t.replace("/", " / ").split()),
            default=0,
        )
        + 2 * PADDING
        + 1
        for t in titles
    ]
    spare = room - sum(needs)
    if spare < 0:
        return [room / len(titles)] * len(titles)
    return [n + spare / len(titles) for n in needs]


class RowsTable(Table):
    """A table that, split across pages, tries to leave at least ``WIDOW_ROWS`` rows on each
    side of the break: it splits higher up when the page keeps enough rows for that, and near
    a page's foot (less than ``SMALL_ROOM`` left) it moves to the next page whole. With a lot
    of room left and too few rows to spare, it splits where reportlab does."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = super().split(availWidth, availHeight)
        if len(parts) != 2:
            return parts
        head = self.repeatRows
        kept = len(parts[0]._cellvalues) - head  # rows left on this page
        carried = len(self._cellvalues) - head - kept  # rows (and the total) on the next
        short = WIDOW_ROWS - carried
        if short > 0 and kept - short >= WIDOW_ROWS:
            # Split higher up, by the height of the rows still wanted on the next page, and
            # go there: the room left under the first part is not filled with the rest.
            moved = sum(self._rowHeights[head + kept - short : head + kept])
            again = super().split(availWidth, availHeight - moved)
            if len(again) == 2:
                return [again[0], CondPageBreak(availHeight), again[1]]
        if (short > 0 or kept < WIDOW_ROWS) and availHeight < SMALL_ROOM:
            return []  # a few rows at a page's foot, or a short rest: all on the next page
        return parts


@lru_cache(maxsize=4096)
def _width(text: str, font: str, size: float) -> float:
    """The printed width of ``text`` (cached: labels and headers repeat on every record)."""
    return stringWidth(text, font, size)


def _cell(value: Cell, width: float, wrap: bool, lang: str) -> object:
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return number(value, lang)
    return fitted(str(value), width) if wrap else str(value)


def _title(text: str, width: float, style: ParagraphStyle) -> object:
    """A column title as a cell: wrapped between words, never inside one ("Pengemban / gan"),
    in a smaller size when its longest word would not fit the column otherwise."""
    room = width - 2 * PADDING
    widest = max((_width(w, style.fontName, style.fontSize) for w in text.split()), default=0)
    if widest <= room:
        return fitted(text, width, style)
    size = max(MIN_HEAD_SIZE, 0.94 * style.fontSize * room / widest)
    small = style.clone(f"{style.name}{size:.2f}", fontSize=size, leading=size * 1.2)
    return Paragraph(esc(text), small)


def data_table(
    header: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    widths: Sequence[float],
    *,
    numeric: Iterable[int] = (),
    total: Sequence[Cell] | None = None,
    lang: str = "id",
) -> list[Flowable]:
    """A table as flowables: wrapped text, right-aligned numbers, the header on every page.

    Args:
        header: the column titles.
        rows: the rows; text cells wrap within their column, numbers are right-aligned.
        widths: the column widths (their sum is the table's width).
        numeric: the indexes of columns holding numbers (never wrapped).
        total: a last row printed in bold (e.g. totals).
        lang: the language numbers are written in.
    """
    if len(widths) != len(header):
        raise ValueError(f"{len(header)} columns but {len(widths)} widths")
    numeric_cols = set(numeric)
    head = [
        _title(h.replace("/", " / "), widths[i], HEAD_RIGHT if i in numeric_cols else HEAD)
        for i, h in enumerate(header)
    ]
    style = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
        ("LEADING", (0, 0), (-1, -1), CELL.leading),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD),
        ("FONTSIZE", (0, 0), (-1, 0), HEAD.fontSize),
        ("LEADING", (0, 0), (-1, 0), HEAD.leading),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, ZEBRA_FILL]),
    ]
    style += [("ALIGN", (c, 0), (c, -1), "RIGHT") for c in numeric_cols]
    block: list[list[object]] = []
    out: list[Flowable] = []

    def flush(last: bool) -> None:
        body = list(block)
        extra: list[tuple[object, ...]] = []
        if last and total is not None:
            body.append([_cell(v, 0, False, lang) for v in total])
            extra = [
                ("FONTNAME", (0, -1), (-1, -1), FONT_BOLD),
                ("LINEABOVE", (0, -1), (-1, -1), 0.8, RULE),
                ("BACKGROUND", (0, -1), (-1, -1), HEADER_FILL),
            ]
        if not body:
            return
        table = RowsTable([head, *body], colWidths=list(widths), repeatRows=1)
        table.setStyle(TableStyle(style + extra))
        # Under its left-aligned heading (a narrow table was centred on the page).
        table.hAlign = "LEFT"
        out.append(table)
        block.clear()

    for row in rows:
        block.append([_cell(v, widths[i], i not in numeric_cols, lang) for i, v in enumerate(row)])
        if len(block) == BLOCK_ROWS:
            flush(last=False)
    flush(last=True)
    return out


def key_value_table(
    items: Sequence[tuple[str, str]], widths: tuple[float, float]
) -> list[Flowable]:
    """Label → value lines (a record's fields), values wrapped; empty when ``items`` is."""
    if not items:
        return []
    data = [
        [fitted(label, widths[0], CELL_BOLD), fitted(value, widths[1])] for label, value in items
    ]
    table = Table(data, colWidths=list(widths))
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("FONTNAME", (0, 0), (0, -1), FONT_BOLD),
                ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
                ("LEADING", (0, 0), (-1, -1), CELL.leading),
                ("TEXTCOLOR", (0, 0), (-1, -1), INK),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
            ]
        )
    )
    return [table]
