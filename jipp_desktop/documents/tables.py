"""Data tables that wrap long text, repeat their header row on every page and never overflow.

reportlab re-measures what is left of a table each time it splits one across a page, so a single
table over thousands of rows costs more than linear time (4,000 rows 7 s, 16,000 rows 62 s here).
Long tables are therefore cut into blocks of ``BLOCK_ROWS`` rows, each a table of its own with the
header row repeated on every page it spans.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from babel.numbers import format_decimal
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

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
        table = Table([head, *body], colWidths=list(widths), repeatRows=1)
        table.setStyle(TableStyle(style + extra))
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
