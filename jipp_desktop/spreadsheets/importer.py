"""Importing innovation rows from a spreadsheet: every row checked by the service rules of the
form, duplicates found (in the file, and against the store: same agency and normalised title,
or the record's own id from an export), then — unless it is a dry run — all accepted rows
written in ONE transaction. A failure, a cancel or a killed process leaves the store as before.

Rows are read, checked and written in batches, so memory stays bounded whatever the file size.

A row with a filled verification outcome is a verifier's decision on the stored record it
matches (see :mod:`jipp_desktop.spreadsheets.decisions`), applied in the same transaction. A
verifier may import a file that only carries decisions; any row of it that would add or change
a record is refused.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from jipp_desktop.db.engine import Database
from jipp_desktop.db.models import Innovation, new_id
from jipp_desktop.domain.errors import FieldError, PermissionDenied, ValidationFailed
from jipp_desktop.domain.fields import FIELDS_BY_NAME
from jipp_desktop.progress import ProgressFn, no_progress
from jipp_desktop.reference.codes import VERIFICATION_OUTCOMES
from jipp_desktop.services.agencies import create_agency, update_agency
from jipp_desktop.services.innovations import EDITORS, insert_innovations
from jipp_desktop.services.lookup import StoreLookup
from jipp_desktop.services.officers import Actor, require_role
from jipp_desktop.services.verification import VERIFIERS
from jipp_desktop.spreadsheets.agency_guess import guess_agency
from jipp_desktop.spreadsheets.awards import AWARDS
from jipp_desktop.spreadsheets.columns import AWARDS_COLUMN, OUTCOME
from jipp_desktop.spreadsheets.decisions import (
    DECISION_KEYS,
    Decision,
    apply_decision,
    precheck,
)
from jipp_desktop.spreadsheets.references import AgencyResolver, RegionResolver
from jipp_desktop.spreadsheets.report import (
    DUPLICATE_IN_FILE,
    EXISTING,
    INVALID,
    ImportReport,
    RowProblem,
    column_uses,
)
from jipp_desktop.spreadsheets.rows import Row, agency_texts, read_batches
from jipp_desktop.spreadsheets.source import ImportLimits, SheetSource, open_source
from jipp_desktop.spreadsheets.updates import (
    load_current,
    plan_update,
    rows_of_awards,
    write_updates,
)

BATCH = 1000
NOT_PERMITTED = FieldError(
    "title",
    "verifikator hanya dapat mencatat hasil verifikasi dari impor; menambah atau mengubah data "
    "inovasi memerlukan peran operator atau admin",
    "a verifier can only record verification outcomes by import; adding or changing innovation "
    "records needs the operator or admin role",
)
CHANGES_WITH_DECISION = FieldError(
    "title",
    "baris dengan hasil verifikasi tidak boleh sekaligus mengubah data inovasi; inovasi yang "
    "diverifikasi harus sedang menunggu verifikasi",
    "a row with a verification outcome cannot also change the record; the record verified "
    "must be waiting for verification",
)
IMPORT_CACHE_KIB = 64 * 1024
ON_DUPLICATE = ("skip", "update")


def _labels(name: str) -> tuple[str, str]:
    """The Indonesian and English names of what an update changed (the awards are no
    innovation field)."""
    label = AWARDS_COLUMN if name == "awards" else FIELDS_BY_NAME[name]
    return label.id, label.en


class _Import:
    """One run over the file; counts go into ``report``, writes into ``session``."""

    def __init__(
        self,
        session: Session,
        actor: Actor,
        source: SheetSource,
        report: ImportReport,
        commit: bool,
        create_agencies: bool = False,
    ) -> None:
        self.create_agencies = create_agencies
        self.session = session
        self.actor = actor
        self.source = source
        self.report = report
        self.commit = commit
        self.update = report.on_duplicate == "update"
        self.editor = actor.role in EDITORS
        self.has_awards = source.header.column_of(AWARDS) is not None
        self.lookup = StoreLookup(session)
        self.seen_keys: dict[tuple[str, str], int] = {}
        self.seen_numbers: dict[str, int] = {}
        # Record ids already used in the store (tombstones too) or by an earlier row.
        self.taken_ids: set[str] = set()

    def problem(self, row: Row, error: FieldError, kind: str = INVALID) -> None:
        header = self.source.header
        column = header.column_of(error.field)
        self.report.problems.append(
            RowProblem(
                row.number,
                column,
                header.letter(column) if column is not None else "",
                header.headers.get(column, "") if column is not None else "",
                error.field,
                kind,
                error.id,
                error.en,
            )
        )

    def run(self, db: Database, progress: ProgressFn) -> None:
        total = self.source.total_rows
        progress(0, total)
        created = self._create_agencies() if self.create_agencies else False
        # Rows naming a created agency are read in the session that holds it.
        for batch in read_batches(db, self.source, BATCH, self.session if created else None):
            self.flush(batch)
            progress(batch[-1].number, total)
        progress(total, total)

    def _create_agencies(self) -> bool:
        """Creates the agencies the file names and the store lacks, as guessed from their
        names, with the national code the file gives them, and gives that code to a stored
        agency that has none, in the import's session; True if it wrote any."""
        require_role(self.actor, "admin")
        regions = RegionResolver(self.session)
        agencies = AgencyResolver(self.session, regions)
        wrote = False
        for written, named in agency_texts(self.source).items():
            found = agencies.find(written) or agencies.by_code.get(named.code or "")
            try:
                if found is not None:
                    if not named.code or found in agencies.codes:
                        continue
                    agency = update_agency(
                        self.session, self.actor, found, {"national_code": named.code}
                    )
                else:
                    guess = guess_agency(written, regions, agencies)
                    values = {**vars(guess), "national_code": named.code}
                    agency = create_agency(self.session, self.actor, values)
                    self.report.created_agencies.append(
                        f"{agency.name} ({guess.describe(regions, agencies, 'id')})"
                    )
            except ValidationFailed as exc:
                for error in exc.errors:
                    self.report.problems.append(
                        self._agency_problem(named.row, error.id, error.en, written)
                    )
                continue
            agencies.add(agency.id, agency.name, agency.kind, agency.national_code)
            wrote = True
        return wrote

    def _agency_problem(self, number: int, id_text: str, en_text: str, text: str) -> RowProblem:
        header = self.source.header
        column = header.column_of("agency_id")
        assert column is not None
        return RowProblem(
            number,
            column,
            header.letter(column),
            header.headers.get(column, ""),
            "agency_id",
            INVALID,
            f"instansi {text!r} tidak dapat dibuat: {id_text}",
            f"agency {text!r} cannot be created: {en_text}",
        )

    def _matches(self, batch: list[Row]) -> None:
        # Tombstones are left out here, not in SQL: "deleted_at IS NULL" in the query makes
        # SQLite walk the (deleted_at, …) list index over every live record instead of the
        # selective key index.
        ids = {r.record_id for r in batch if r.record_id}
        known = set()
        if ids:
            found = list(
                self.session.execute(
                    select(Innovation.id, Innovation.deleted_at).where(Innovation.id.in_(ids))
                )
            )
            known = {record_id for record_id, deleted in found if deleted is None}
            self.taken_ids.update(record_id for record_id, _ in found)
        keys = {r.key for r in batch if r.key}
        by_key: dict[tuple[str, str], str] = {}
        if keys:
            rows = self.session.execute(
                select(
                    Innovation.agency_id,
                    Innovation.title_key,
                    Innovation.id,
                    Innovation.deleted_at,
                )
                .where(Innovation.title_key.in_({k[1] for k in keys}))
                .order_by(Innovation.created_at)
            )
            for agency, title_key, record_id, deleted in rows:
                if deleted is None and (agency, title_key) in keys:
                    by_key.setdefault((agency, title_key), record_id)
        for r in batch:
            if r.record_id in known:
                r.matched = r.record_id
            elif r.key in by_key:
                r.matched = by_key[r.key]

    def _stored_numbers(self, batch: list[Row]) -> dict[str, str]:
        key = "registration_number"
        numbers = {r.values[key] for r in batch if key in r.values}
        if not numbers:
            return {}
        # Tombstoned records keep their number (the column is unique), so they count too.
        rows = self.session.execute(
            select(Innovation.registration_number, Innovation.id).where(
                Innovation.registration_number.in_(numbers)
            )
        )
        return {number: record_id for number, record_id in rows}

    def flush(self, batch: list[Row]) -> None:
        if not batch:
            return
        self._matches(batch)
        stored_numbers = self._stored_numbers(batch)
        matched = [r.matched for r in batch if r.matched and self.update]
        current = load_current(self.session, matched, with_awards=self.has_awards)
        inserts: list[dict[str, Any]] = []
        awards: list[dict[str, Any]] = []
        updates: list[tuple[str, str, dict[str, tuple[Any, Any]]]] = []
        report = self.report
        for r in batch:
            report.total += 1
            key = self._key(r)
            if key is not None and key in self.seen_keys:
                report.duplicates += 1
                report.duplicates_in_file += 1
                first = self.seen_keys[key]
                self.problem(
                    r,
                    FieldError(
                        "title",
                        f"sama dengan baris {first} (instansi dan judul sama); baris ini dilewati",
                        f"same as row {first} (same agency and title); this row is skipped",
                    ),
                    DUPLICATE_IN_FILE,
                )
                continue
            number = r.values.get("registration_number")
            owner = stored_numbers.get(number) if number else None
            if number and (number in self.seen_numbers or owner not in (None, r.matched)):
                where_id = (
                    f"baris {self.seen_numbers[number]}"
                    if number in self.seen_numbers
                    else "inovasi lain yang sudah tersimpan"
                )
                where_en = (
                    f"row {self.seen_numbers[number]}"
                    if number in self.seen_numbers
                    else "another stored innovation"
                )
                r.errors.append(
                    FieldError(
                        "registration_number",
                        f"nomor registrasi {number} sudah dipakai {where_id}",
                        f"registration number {number} is already used by {where_en}",
                    )
                )
            if r.decision:
                self._decide(r, current)
                continue
            if r.matched and not self.update:
                report.duplicates += 1
                report.duplicates_in_db += 1
                by_id = r.matched == r.record_id
                self.problem(
                    r,
                    FieldError(
                        "title",
                        "sudah tersimpan (ID rekaman sama); dilewati"
                        if by_id
                        else "sudah tersimpan (instansi dan judul sama); dilewati",
                        "already stored (same record ID); skipped"
                        if by_id
                        else "already stored (same agency and title); skipped",
                    ),
                    EXISTING,
                )
                self._accept(r)
                continue
            failed = {e.field for e in r.errors}
            if r.matched:
                diff, rule_errors = plan_update(
                    current[r.matched], r.values, self.lookup, r.matched, r.awards
                )
            else:
                rule_errors = r.rule_errors
            errors = r.errors + [e for e in rule_errors if e.field not in failed]
            if not self.editor and (r.matched is None or diff or errors):
                errors = [NOT_PERMITTED]
            if errors:
                report.invalid += 1
                for e in errors:
                    self.problem(r, e)
                continue
            self._accept(r)
            if r.matched:
                report.duplicates_in_db += 1
                if diff:
                    report.updated += 1
                    updates.append((r.matched, current[r.matched]["workflow"], diff))
                    names_id = ", ".join(_labels(k)[0] for k in diff)
                    names_en = ", ".join(_labels(k)[1] for k in diff)
                    self.problem(
                        r,
                        FieldError(
                            "title",
                            f"sudah tersimpan; diperbarui: {names_id}",
                            f"already stored; updated: {names_en}",
                        ),
                        EXISTING,
                    )
                else:
                    report.duplicates += 1
                    report.unchanged += 1
            else:
                report.new += 1
                record_id = self._keep_id(r) or new_id()
                inserts.append({**r.cleaned, "id": record_id})
                awards += rows_of_awards(record_id, r.awards)
        if self.commit and inserts:
            # A verifier's file inserts nothing (and insert_innovations wants an editor).
            insert_innovations(self.session, self.actor, inserts, awards=awards)
        if self.commit:
            write_updates(self.session, self.actor, updates)

    def _decide(self, r: Row, current: dict[str, dict[str, Any]]) -> None:
        """A row carrying a verification decision: applied (or, in a dry run, checked) on its
        stored record, or the whole row refused — its fields are not written either way."""
        report = self.report
        errors = [e for e in r.errors if e.field in DECISION_KEYS]
        decision = Decision.of(r.decision)
        if not errors:
            errors = precheck(decision, r.matched)
        if not errors and self.update and r.matched:
            # Skipping never writes a row's fields; updating would, so they must not change.
            other = [e for e in r.errors if e.field not in DECISION_KEYS]
            # The awards cell is not compared: a decision row never adds to the record.
            diff, rule_errors = plan_update(current[r.matched], r.values, self.lookup, r.matched)
            if other or rule_errors or diff:
                errors = [NOT_PERMITTED] if not self.editor else other + rule_errors
            if diff and not errors:
                errors = [CHANGES_WITH_DECISION]
        if not errors:
            assert r.matched is not None
            errors = apply_decision(
                self.session, self.actor, r.matched, decision, commit=self.commit
            )
        if errors:
            report.invalid += 1
            for e in errors:
                self.problem(r, self._placed(e))
            return
        self._accept(r)
        report.verified += 1
        report.duplicates += 1
        report.duplicates_in_db += 1
        if self.update:
            report.unchanged += 1
        outcome = decision.outcome
        self.problem(
            r,
            FieldError(
                OUTCOME,
                f"sudah tersimpan; keputusan verifikasi: "
                f"{VERIFICATION_OUTCOMES.label(outcome, 'id')}",
                f"already stored; verification decision: "
                f"{VERIFICATION_OUTCOMES.label(outcome, 'en')}",
            ),
            EXISTING,
        )

    def _placed(self, error: FieldError) -> FieldError:
        """The error at the outcome column when the file lacks the column it names."""
        if error.field in DECISION_KEYS and self.source.header.column_of(error.field) is None:
            return FieldError(OUTCOME, error.id, error.en)
        return error

    def _keep_id(self, r: Row) -> str | None:
        """The id a new row keeps: the one another device's export wrote, so that both devices
        and the registry know the record by one id; None (a new id) when the cell is no UUID or
        the id is taken here (by a tombstone, or an earlier row of the file)."""
        try:
            record_id = str(uuid.UUID(r.record_id or ""))
        except ValueError:
            return None
        if record_id in self.taken_ids:
            return None
        self.taken_ids.add(record_id)
        return record_id

    @staticmethod
    def _key(r: Row) -> tuple[str, str] | None:
        """What makes two rows of the file the same record: the stored record a row matched
        (by the id an export wrote, or by agency and title), else agency and normalised
        title."""
        if r.matched is not None:
            return ("id", r.matched)
        return r.key

    def _accept(self, r: Row) -> None:
        key = self._key(r)
        if key is not None:
            self.seen_keys[key] = r.number
        number = r.values.get("registration_number")
        if number:
            self.seen_numbers[number] = r.number


@contextmanager
def _page_cache(session: Session) -> Iterator[None]:
    """A larger SQLite page cache while one transaction writes many rows.

    With the default 2 MB, a 100,000-row import keeps evicting index pages (the title key,
    full-text and list indexes) and reading them back, and slows down as the store grows.
    """
    before = session.execute(text("PRAGMA cache_size")).scalar()
    session.execute(text(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}"))
    try:
        yield
    finally:
        session.execute(text(f"PRAGMA cache_size = {int(before or -2000)}"))


def import_spreadsheet(
    db: Database,
    actor: Actor,
    path: Path | str,
    *,
    on_duplicate: str = "skip",
    dry_run: bool = False,
    progress: ProgressFn = no_progress,
    limits: ImportLimits | None = None,
    finish: Callable[[ImportReport], None] | None = None,
    mapping: dict[int, str] | None = None,
    create_agencies: bool = False,
) -> ImportReport:
    """Imports innovation records from an .xlsx, .xls or .ods file.

    Args:
        db: the store.
        actor: the officer importing: an operator or admin, or a verifier when the file has a
            verification outcome column (then only decisions on stored records are accepted).
        path: the file.
        on_duplicate: "skip" rows that match a stored record, or "update" that record with the
            row's filled cells (blank cells never erase stored values).
        dry_run: check and count only; nothing is written.
        progress: called with (rows done, rows in the sheet); raising ``Cancelled`` from it
            stops the import and rolls everything back.
        limits: the largest file accepted.
        finish: called with the report once every row is checked and, unless it is a dry
            run, before the commit: what it does (writing the error workbook) belongs to the
            same action, so when it raises nothing is committed.
        mapping: the officer's changes to which column holds which field (column index →
            field key, "" to leave a column out), as the preview offers them.
        create_agencies: create the agencies the file names and the store lacks (an admin
            only), their kind, region and parent guessed from the name, in the import's
            transaction (a dry run creates them only to check the rows, and keeps nothing).

    Returns:
        The counts and every problem, by row and column.

    Raises:
        SpreadsheetError: the file cannot be imported (nothing was written).
        PermissionDenied: the officer may neither create records nor verify, or is a verifier
            and the file has no verification outcome column.
    """
    if on_duplicate not in ON_DUPLICATE:
        raise ValueError(f"on_duplicate must be one of {ON_DUPLICATE}")
    require_role(actor, *EDITORS, *VERIFIERS)
    source = open_source(path, limits, mapping)
    header = source.header
    if actor.role not in EDITORS and header.column_of(OUTCOME) is None:
        raise PermissionDenied(
            "verifikator hanya dapat mengimpor hasil verifikasi, tetapi berkas ini tidak "
            "mempunyai kolom Hasil verifikasi",
            "a verifier can only import verification outcomes, but this file has no "
            "Verification outcome column",
        )
    report = ImportReport(
        file=Path(path).name,
        format=source.format,
        sheet=source.sheet_name,
        header_row=header.row,
        on_duplicate=on_duplicate,
        dry_run=dry_run,
        extra_columns=[
            f"{header.letter(i)} ({text})" for i, text in header.extra + header.repeated
        ],
        columns=column_uses(header),
    )
    if dry_run:
        with db.session() as session:
            _Import(session, actor, source, report, False, create_agencies).run(db, progress)
        if finish is not None:
            finish(report)
        _log_import(report, actor)
        return report
    with db.transaction() as session, _page_cache(session):
        _Import(session, actor, source, report, True, create_agencies).run(db, progress)
        if finish is not None:
            finish(report)
    report.committed = True
    _log_import(report, actor)
    return report


def _log_import(report: ImportReport, actor: Actor) -> None:
    logging.getLogger(__name__).info(
        "import %s (%s, sheet %s) by %s: new %d, updated %d, duplicates %d, invalid %d, "
        "verified %d, %s",
        report.file,
        report.format,
        report.sheet,
        actor.name,
        report.new,
        report.updated,
        report.duplicates,
        report.invalid,
        report.verified,
        "dry run" if report.dry_run else "committed" if report.committed else "not committed",
    )
