"""The export of the (filtered) innovation list to a formatted workbook: styled header, sensible
column widths, frozen panes, autofilter, real dates, and a recap sheet with counts by province,
sector, phase and status.

Rows stream from SQL into openpyxl's write-only mode, so 100,000 records never sit in memory at
once. The data sheet has the import's columns, so an exported file imports back unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from jipp_desktop.dates import long_date
from jipp_desktop.db.models import Agency, Award, Innovation, Region
from jipp_desktop.domain.errors import ServiceError
from jipp_desktop.domain.fields import INNOVATION_FIELDS
from jipp_desktop.domain.list_filter import InnovationFilter
from jipp_desktop.language import language
from jipp_desktop.outputs import atomic_output, check_output
from jipp_desktop.progress import ProgressFn, no_progress
from jipp_desktop.reference import codes
from jipp_desktop.services.search import LIST_COLUMNS, apply_filter
from jipp_desktop.spreadsheets import cells, styles
from jipp_desktop.spreadsheets.awards import award_text
from jipp_desktop.spreadsheets.columns import YES_NO, Column, export_columns, region_text

DATA_SHEET = {"id": "Data inovasi", "en": "Innovations"}
RECAP_SHEET = {"id": "Rekap", "en": "Recap"}
PAGE = 1000
_Province = aliased(Region)


class ExportRefused(ServiceError):
    """A stored value cannot be written into a cell as it is; nothing was written."""


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote: the file and how many records."""

    path: Path
    count: int


def _select(f: InnovationFilter, sort: str, descending: bool) -> Any:
    order = LIST_COLUMNS[sort]
    query = (
        select(
            Innovation.id,
            *(getattr(Innovation, spec.name) for spec in INNOVATION_FIELDS),
            Agency.name,
            Agency.national_code,
            Region.name,
            _Province.name,
            Innovation.workflow,
            Innovation.last_verified_at,
            Innovation.updated_at,
        )
        .select_from(Innovation)
        .join(Agency, Agency.id == Innovation.agency_id)
        .outerjoin(Region, Region.code == Innovation.region_code)
        .outerjoin(_Province, _Province.code == func.substr(Innovation.region_code, 1, 2))
    )
    query = apply_filter(query, f)
    return query.order_by(order.desc() if descending else order.asc(), Innovation.id)


def _converters(lang: str) -> list[Any]:
    """One function per field turning the stored value into the cell value."""
    yes, no = YES_NO["en" if lang == "en" else "id"]
    out: list[Any] = []
    for spec in INNOVATION_FIELDS:
        if spec.kind == "codelist":
            assert spec.codes is not None
            out.append(lambda v, c=spec.codes: c.labels(v, lang) if v else None)
        elif spec.codes is not None:
            labels = {c.code: c.label(lang) for c in spec.codes}
            out.append(labels.get)
        elif spec.kind == "bool":
            out.append(lambda v, yes=yes, no=no: None if v is None else (yes if v else no))
        elif spec.kind == "sdgs":
            out.append(lambda v: ", ".join(str(g) for g in v) if v else None)
        else:
            out.append(None)
    return out


def _awards_of(session: Session, ids: list[str]) -> dict[str, list[tuple[int, str, str]]]:
    """The awards of one page of records, by record, in the order the record lists them."""
    out: dict[str, list[tuple[int, str, str]]] = {}
    query = (
        select(Award.innovation_id, Award.year, Award.competition, Award.stage_reached)
        .where(Award.innovation_id.in_(ids))
        .order_by(Award.innovation_id, Award.year, Award.id)
    )
    for record_id, year, competition, stage in session.execute(query):
        out.setdefault(record_id, []).append((year, competition, stage))
    return out


def _naive(value: Any) -> Any:
    return value.replace(tzinfo=None) if value is not None else None


def _header_row(ws: WriteOnlyWorksheet, texts: list[str]) -> list[WriteOnlyCell]:
    out = []
    for text in texts:
        cell = cells.styled(ws, text)
        cell.font, cell.fill = styles.HEADER_FONT, styles.HEADER_FILL
        cell.alignment, cell.border = styles.HEADER_ALIGN, styles.HEADER_BORDER
        out.append(cell)
    return out


def _refuse(columns: tuple[Column, ...], out: list[Any]) -> None:
    """Refuses the export when a value of this row cannot go into a cell as it is (longer than
    a cell holds, or a control character kept from before texts were cleaned at entry): the
    record and the field are named, so the officer can correct it in the form."""
    found = cells.first_unwritable(out)
    if found is None:
        return
    index, (why_id, why_en) = found
    column = columns[index]
    record, title = out[0], str(out[1 + [c.key for c in columns[1:]].index("title")] or "")
    raise ExportRefused(
        f"inovasi {record} ({title[:60]!r}), kolom {column.id}: {why_id}; perbaiki di "
        "formulir lalu ekspor lagi (tidak ada berkas yang ditulis)",
        f"innovation {record} ({title[:60]!r}), column {column.en}: {why_en}; correct it in "
        "the form and export again (no file was written)",
    )


def _write_data(
    session: Session,
    ws: WriteOnlyWorksheet,
    f: InnovationFilter,
    lang: str,
    sort: str,
    descending: bool,
    total: int,
    progress: ProgressFn,
) -> int:
    columns = export_columns()
    for i, col in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(i)].width = col.width
    ws.freeze_panes = "D2"
    ws.append(_header_row(ws, [c.header(lang) for c in columns]))
    converters = _converters(lang)
    workflow = {c.code: c.label(lang) for c in codes.WORKFLOW}
    n_fields = len(INNOVATION_FIELDS)
    agency_pos = 1 + [s.name for s in INNOVATION_FIELDS].index("agency_id")
    region_pos = 1 + [s.name for s in INNOVATION_FIELDS].index("region_code")
    count = 0
    result = session.execute(_select(f, sort, descending).execution_options(yield_per=PAGE))
    for page in result.partitions():
        awards = _awards_of(session, [row[0] for row in page])
        for row in page:
            out = list(row[: 1 + n_fields])
            for i, convert in enumerate(converters, 1):
                if convert is not None and out[i] is not None:
                    out[i] = convert(out[i])
            agency_name, agency_code, region_name, province_name = row[1 + n_fields : 5 + n_fields]
            out[agency_pos] = agency_name
            out[region_pos] = region_text(out[region_pos], region_name)
            wf, verified, updated = row[5 + n_fields :]
            out += [award_text(awards.get(row[0], [])), agency_code, province_name]
            out += [workflow.get(wf, wf), _naive(verified), _naive(updated)]
            _refuse(columns, out)
            ws.append(cells.row(ws, out))
            count += 1
            if count % PAGE == 0:
                progress(count, total)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"
    return count


def _counts(session: Session, f: InnovationFilter, key: Any) -> list[tuple[Any, int]]:
    query = apply_filter(select(key, func.count()).select_from(Innovation), f)
    return [(k, n) for k, n in session.execute(query.group_by(key).order_by(func.count().desc()))]


def _write_recap(
    session: Session, ws: WriteOnlyWorksheet, f: InnovationFilter, lang: str, total: int
) -> None:
    en = lang == "en"
    ws.column_dimensions["A"].width = 58
    ws.column_dimensions["B"].width = 12
    ws.column_dimensions["C"].width = 10
    title = cells.styled(ws, "Recap of innovations" if en else "Rekapitulasi inovasi")
    title.font = styles.TITLE_FONT
    ws.append([title])
    from jipp_desktop.documents.recap import describe_filter  # the PDF recap's words too

    described = describe_filter(session, f, lang) or ("all innovations" if en else "semua inovasi")
    ws.append(cells.row(ws, [("Filter: " if en else "Saringan: ") + described]))
    made = long_date(date.today(), lang)
    ws.append(cells.row(ws, [("Made on " if en else "Dibuat pada ") + made]))
    ws.append(cells.row(ws, ["Total" if en else "Jumlah", total]))
    none = "(none)" if en else "(tidak diisi)"
    provinces = select(Region.code, Region.name).where(Region.level == "province")
    province_names = {code: name for code, name in session.execute(provinces)}
    province_key = func.substr(Innovation.region_code, 1, 2)
    sections = [
        (
            "By province" if en else "Menurut provinsi",
            "Province" if en else "Provinsi",
            _counts(session, f, province_key),
            lambda k: province_names.get(k, k),
        ),
        (
            "By sector" if en else "Menurut urusan pemerintahan",
            "Sector" if en else "Urusan",
            _counts(session, f, Innovation.sector),
            lambda k: codes.SECTORS.label(k, lang),
        ),
        (
            "By phase" if en else "Menurut tahap",
            "Phase" if en else "Tahap",
            _counts(session, f, Innovation.phase),
            lambda k: codes.PHASES.label(k, lang),
        ),
        (
            "By status" if en else "Menurut status keberlanjutan",
            "Status",
            _counts(session, f, Innovation.continuation),
            lambda k: codes.CONTINUATION.label(k, lang),
        ),
        (
            "By workflow" if en else "Menurut alur kerja",
            "Workflow" if en else "Alur kerja",
            _counts(session, f, Innovation.workflow),
            lambda k: codes.WORKFLOW.label(k, lang),
        ),
    ]
    for heading, column, counts, label in sections:
        ws.append([])
        head = cells.styled(ws, heading)
        head.font = styles.SECTION_FONT
        ws.append([head])
        ws.append(_header_row(ws, [column, "Count" if en else "Jumlah", "%"]))
        for key, n in counts:
            share = WriteOnlyCell(ws, n / total if total else 0)
            share.number_format = "0.0%"
            ws.append(cells.row(ws, [label(key) if key is not None else none, n, share]))


def _discard(wb: Workbook) -> None:
    """Closes a write-only workbook that will not be saved and removes its temporary files."""
    for ws in wb.worksheets:
        try:
            ws.close()
            ws._writer.cleanup()  # type: ignore[union-attr]  # openpyxl's temporary sheet file
        except Exception:
            pass


def export_innovations(
    session: Session,
    path: Path | str,
    f: InnovationFilter | None = None,
    *,
    lang: str | None = None,
    sort: str = "updated_at",
    descending: bool = True,
    progress: ProgressFn = no_progress,
) -> ExportResult:
    """Writes the innovations the filter keeps to a formatted workbook.

    Args:
        session: a session to read from.
        path: the .xlsx file to write (replaced when it exists).
        f: the list's filter (all innovations when None).
        lang: "id" or "en" for headers and labels (default: the current language).
        sort: a key of ``LIST_COLUMNS``, as the list sorts.
        descending: sort order, as the list sorts.
        progress: called with (records written, total); may raise ``Cancelled``.
    """
    f = f or InnovationFilter()
    lang = lang or language()
    path = check_output(path)
    total = session.scalar(apply_filter(select(func.count()).select_from(Innovation), f)) or 0
    progress(0, total)
    wb = Workbook(write_only=True)
    data = wb.create_sheet(DATA_SHEET[lang])
    recap = wb.create_sheet(RECAP_SHEET[lang])
    try:
        count = _write_data(session, data, f, lang, sort, descending, total, progress)
        _write_recap(session, recap, f, lang, count)
    except BaseException:
        _discard(wb)
        raise
    with atomic_output(path) as partial:
        wb.save(partial)
    progress(total, total)
    return ExportResult(path, count)
