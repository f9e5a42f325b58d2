"""The error workbook: the rows an import rejected, written back as the sender wrote them, with
each bad cell highlighted and a comment saying why, so the sender can fix and resend the file.

The file is read again (rows are not kept in memory during the import) and written with
openpyxl's write-only mode, so a file with many rejected rows stays cheap.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from jipp_desktop.language import language
from jipp_desktop.outputs import atomic_output, check_output
from jipp_desktop.progress import ProgressFn, no_progress
from jipp_desktop.spreadsheets import cells, styles
from jipp_desktop.spreadsheets.report import ImportReport, RowProblem
from jipp_desktop.spreadsheets.source import ImportLimits, open_source

AUTHOR = "JIPP Desktop"
SHEET = {"id": "Baris ditolak", "en": "Rejected rows"}
ROW_HEADER = {"id": "Baris asal", "en": "Source row"}
NOTES_HEADER = {"id": "Keterangan kesalahan", "en": "Problems"}


def _cell(ws: WriteOnlyWorksheet, value: Any, problems: list[RowProblem], lang: str) -> Any:
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # calamine reads every number as float; 2021 stays 2021
    if value == "":
        value = None
    if isinstance(value, str):
        # As sent, but a cell must be able to hold it: a control character shows as U+FFFD,
        # an overlong text is cut with a mark saying so.
        value = cells.shown_as_sent(value)
    if not problems:
        return cells.cell(ws, value)
    cell = cells.styled(ws, value)
    cell.fill, cell.font = styles.PROBLEM_FILL, styles.PROBLEM_FONT
    text = cells.shown_as_sent("\n".join(p.message(lang) for p in problems))
    cell.comment = Comment(text, AUTHOR, width=320, height=110)
    return cell


def write_error_workbook(
    source_path: Path | str,
    report: ImportReport,
    out_path: Path | str,
    *,
    lang: str | None = None,
    limits: ImportLimits | None = None,
    progress: ProgressFn = no_progress,
) -> int:
    """Writes the rejected rows of ``report`` (read again from ``source_path``) to ``out_path``.

    Each row keeps its cells as sent, in the file's own columns, plus its row number in the
    source and a last column listing every problem; bad cells are red with a comment.

    Returns:
        The number of rows written.
    """
    lang = lang or language()
    out_path = check_output(out_path, inputs=[Path(source_path)])
    rejected = report.rejected()
    source = open_source(source_path, limits)
    header = source.header
    first, last = source.first_column, max(header.headers) if header.headers else 0
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(SHEET[lang])
    widths = [12] + [24] * (last - first + 1) + [90]
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "B2"
    heads = [ROW_HEADER[lang]]
    heads += [cells.shown_as_sent(header.headers.get(i, "")) for i in range(first, last + 1)]
    heads.append(NOTES_HEADER[lang])
    head_cells = []
    for text in heads:
        cell = cells.styled(ws, text)
        cell.font, cell.fill = styles.HEADER_FONT, styles.HEADER_FILL
        cell.alignment = styles.HEADER_ALIGN
        head_cells.append(cell)
    ws.append(head_cells)
    written = 0
    for number, sent in source.rows():
        problems = rejected.get(number)
        if problems is None:
            continue
        by_column: dict[int | None, list[RowProblem]] = {}
        for p in problems:
            by_column.setdefault(p.column, []).append(p)
        row: list[Any] = [number]
        for index in range(first, last + 1):
            offset = index - first
            value = sent[offset] if offset < len(sent) else None
            row.append(_cell(ws, value, by_column.get(index, []), lang))
        text = cells.shown_as_sent("\n".join(p.describe(lang) for p in problems))
        notes = cells.styled(ws, text)
        notes.alignment = styles.WRAP_LEFT
        row.append(notes)
        # Tall enough to show every problem (about 80 characters a line in that column).
        lines = sum(1 + len(line) // 80 for line in text.splitlines())
        ws.row_dimensions[written + 2].height = 15 * lines
        ws.append(row)
        written += 1
        if written % 1000 == 0:
            progress(written, len(rejected))
    with atomic_output(out_path, inputs=[Path(source_path)]) as partial:
        wb.save(partial)
    progress(len(rejected), len(rejected))
    return written
