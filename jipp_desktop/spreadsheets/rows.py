"""Reading import rows: cells to field values (regions, agencies and codes resolved), each row
checked by the form's rules, a batch at a time so memory stays bounded. The verification
columns are read apart, into the row's decision."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from jipp_desktop.db.engine import Database
from jipp_desktop.domain.errors import FieldError
from jipp_desktop.domain.fields import FIELDS_BY_NAME, INNOVATION_FIELDS
from jipp_desktop.domain.validation import (
    normalise_agency_code,
    normalise_title,
    validate_innovation,
)
from jipp_desktop.services.innovations import AwardInput, clean_awards
from jipp_desktop.services.lookup import StoreLookup
from jipp_desktop.spreadsheets.awards import AWARDS, parse_awards
from jipp_desktop.spreadsheets.columns import AGENCY_CODE
from jipp_desktop.spreadsheets.decisions import DECISION_KEYS, parse_decision_cell
from jipp_desktop.spreadsheets.references import (
    AgencyResolver,
    InnovationResolver,
    RegionResolver,
)
from jipp_desktop.spreadsheets.source import SheetSource
from jipp_desktop.spreadsheets.values import is_blank, number_text, parse_cell

REPEATING = ("region", "agency", "bool", "sdgs")


@dataclass
class Row:
    """One data row: its number, parsed values, and what is wrong with them.

    ``decision`` holds the filled verification cells (column key → code or notes).
    """

    number: int
    values: dict[str, Any]
    errors: list[FieldError]
    record_id: str | None = None
    key: tuple[str, str] | None = None
    matched: str | None = None
    cleaned: dict[str, Any] = field(default_factory=dict)
    rule_errors: list[FieldError] = field(default_factory=list)
    decision: dict[str, Any] = field(default_factory=dict)
    awards: list[tuple[int, str, str]] = field(default_factory=list)
    agency_code: str | None = None


class RowReader:
    """Turns the cells of one row into field values, resolving regions and agencies."""

    def __init__(self, session: Session, source: SheetSource) -> None:
        regions = RegionResolver(session)
        self._agencies = AgencyResolver(session, regions)
        self._resolvers: dict[str, Callable[[str], tuple[Any, FieldError | None]]] = {
            "region": regions.resolve,
            "agency": self._agencies.resolve,
            "innovation": InnovationResolver(session).resolve,
        }
        self._memo: dict[tuple[str, Any], tuple[Any, FieldError | None]] = {}
        self._repeating = {
            f.name for f in INNOVATION_FIELDS if f.codes is not None or f.kind in REPEATING
        }
        offset = source.first_column
        header = source.header
        keys = list(header.columns.values())
        # Narrative fields several columns hold ("Manfaat" and "Hasil" for the impact).
        self._joined = {k for k in keys if keys.count(k) > 1}
        self._columns = [
            (index - offset, key, header.headers[index]) for index, key in header.columns.items()
        ]

    def _parse(self, key: str, raw: Any) -> tuple[Any, FieldError | None]:
        spec = FIELDS_BY_NAME[key]
        resolve = self._resolvers.get(spec.kind)
        if resolve is not None:
            return resolve(number_text(raw))
        return parse_cell(spec, raw)

    def read(self, number: int, cells: list[Any]) -> Row:
        row = Row(number, {}, [])
        memo = self._memo
        parts: dict[str, list[tuple[str, str]]] = {}
        for position, key, head in self._columns:
            raw = cells[position] if 0 <= position < len(cells) else None
            if is_blank(raw):
                continue
            if key in self._joined:
                parts.setdefault(key, []).append((head, number_text(raw)))
                continue
            if key == "id":
                row.record_id = str(raw).strip()
                continue
            if key == AGENCY_CODE:
                row.agency_code = normalise_agency_code(number_text(raw)) or None
                continue
            if key == AWARDS:
                parsed, error = parse_awards(number_text(raw))
                if error is not None:
                    row.errors.append(error)
                # The form's rules for awards (year, lengths, printable text).
                cleaned, errors = clean_awards([AwardInput(*a) for a in parsed])
                row.errors += errors
                if not errors:
                    row.awards = [(a.year, a.competition, a.stage_reached) for a in cleaned]
                continue
            if key in DECISION_KEYS:
                value, error = parse_decision_cell(key, raw)
                if error is not None:
                    row.errors.append(error)
                row.decision[key] = value
                continue
            if key in self._repeating:
                # Codes, regions and agencies repeat down a column: parse each text once.
                found = memo.get((key, raw))
                if found is None:
                    found = memo[(key, raw)] = self._parse(key, raw)
                value, error = found
            else:
                value, error = self._parse(key, raw)
            if error is not None:
                row.errors.append(error)
            else:
                row.values[key] = value
        for key, texts in parts.items():
            row.values[key] = (
                texts[0][1]
                if len(texts) == 1
                else "\n\n".join(f"{head}: {text}" for head, text in texts)
            )
        coded = self._agencies.by_code.get(row.agency_code or "")
        if coded is not None and "agency_id" not in row.values:
            # The name reads as no agency the store knows; the national code does.
            row.values["agency_id"] = coded
            row.errors = [e for e in row.errors if e.field != "agency_id"]
        title, agency = row.values.get("title"), row.values.get("agency_id")
        if isinstance(title, str) and title.strip() and agency:
            row.key = (agency, normalise_title(title))
        return row


def read_batches(
    db: Database, source: SheetSource, size: int, session: Session | None = None
) -> Iterator[list[Row]]:
    """The sheet's rows, read and checked by the form's rules, ``size`` at a time; in
    ``session`` when given (one that already holds agencies the import created)."""
    if session is not None:
        yield from _batches(session, source, size)
        return
    with db.session() as own:
        yield from _batches(own, source, size)


def _batches(session: Session, source: SheetSource, size: int) -> Iterator[list[Row]]:
    reader = RowReader(session, source)
    lookup = StoreLookup(session)
    batch: list[Row] = []
    for number, cells in source.rows():
        row = reader.read(number, cells)
        row.cleaned, row.rule_errors = validate_innovation(row.values, lookup)
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


@dataclass(frozen=True)
class AgencyText:
    """An agency as a file names it: the first row naming it, and the national code that
    row gives (the agency code column's)."""

    row: int
    code: str | None


def agency_texts(source: SheetSource) -> dict[str, AgencyText]:
    """Each text of the agency column, with the first row it is on and that row's code."""
    index = source.header.column_of("agency_id")
    out: dict[str, AgencyText] = {}
    if index is None:
        return out
    position = index - source.first_column
    code_index = source.header.column_of(AGENCY_CODE)
    for number, cells in source.rows():
        raw = cells[position] if 0 <= position < len(cells) else None
        if is_blank(raw) or number_text(raw) in out:
            continue
        code = None
        if code_index is not None:
            at = code_index - source.first_column
            written = cells[at] if 0 <= at < len(cells) else None
            code = None if is_blank(written) else normalise_agency_code(number_text(written))
        out[number_text(raw)] = AgencyText(number, code or None)
    return out
