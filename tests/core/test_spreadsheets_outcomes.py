"""Verification decisions by spreadsheet: the template's outcome, method and notes columns, and
an import that records each decision on its stored record with the verification rules (four
eyes, a record under review, method and notes), in the import's one transaction."""

from __future__ import annotations

import json

import openpyxl
import pytest
from openpyxl.utils import column_index_from_string, range_boundaries
from sqlalchemy import func, select

from jipp_desktop.cli.main import main
from jipp_desktop.db.models import AuditEntry, Innovation, Verification
from jipp_desktop.domain.errors import PermissionDenied
from jipp_desktop.progress import Cancelled
from jipp_desktop.reference.codes import VERIFICATION_METHODS, VERIFICATION_OUTCOMES
from jipp_desktop.services.innovations import create_innovation
from jipp_desktop.services.verification import submit
from jipp_desktop.spreadsheets import importer
from jipp_desktop.spreadsheets.columns import FIELD_COLUMNS
from jipp_desktop.spreadsheets.error_workbook import write_error_workbook
from jipp_desktop.spreadsheets.headers import match_header
from jipp_desktop.spreadsheets.importer import import_spreadsheet
from jipp_desktop.spreadsheets.template import write_template

from ..conftest import innovation_values
from .spreadsheet_files import DECISION_HEADERS, decision, row, write_xlsx

TITLE = "Layanan Akta Kelahiran Nomor {n}"


def stored(db, author, n: int, submitter=None) -> str:
    """A record entered by ``author`` and, when ``submitter`` is given, sent for verification."""
    with db.transaction() as s:
        record = create_innovation(s, author, innovation_values(title=TITLE.format(n=n)))
        if submitter is not None:
            submit(s, submitter, record.id)
        return record.id


def decisions_file(tmp_path, rows, headers=None, name="putaran.xlsx"):
    return write_xlsx(tmp_path / name, rows, headers or DECISION_HEADERS)


def verifications(db) -> list[Verification]:
    with db.session() as s:
        return list(s.scalars(select(Verification).order_by(Verification.verified_at)))


def workflow(db, record_id: str) -> str:
    with db.session() as s:
        return s.get(Innovation, record_id).workflow


def audit_count(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(AuditEntry))


def test_template_has_the_verification_columns_with_dropdowns(db, tmp_path):
    path = tmp_path / "templat.xlsx"
    with db.session() as s:
        write_template(s, path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Data"]
    first = len(FIELD_COLUMNS) + 2  # after the fields and the awards
    heads = [ws.cell(1, first + i).value for i in range(3)]
    assert [match_header(h) for h in heads] == [
        "verification_outcome",
        "verification_method",
        "verification_notes",
    ]
    assert heads[0] == "Hasil verifikasi\nVerification outcome"

    def dropdown(column: int) -> list[str]:
        letter = openpyxl.utils.get_column_letter(column)
        for dv in ws.data_validations.dataValidation:
            if dv.type == "list" and f"{letter}2" in dv.sqref and f"{letter}2001" in dv.sqref:
                sheet, area = dv.formula1.lstrip("=").split("!")
                lists = wb[sheet.strip("'")]
                col, top, _, bottom = range_boundaries(area.replace("$", ""))
                return [lists.cell(r, col).value for r in range(top, bottom + 1)]
        return []

    outcomes = [c.id for c in VERIFICATION_OUTCOMES if c.code != "duplicate"]
    assert dropdown(first) == outcomes
    assert dropdown(first + 1) == [c.id for c in VERIFICATION_METHODS]
    assert dropdown(first + 2) == []  # notes are free text
    help_text = " ".join(str(c.value) for r in wb["Petunjuk"].iter_rows() for c in r if c.value)
    assert "Hasil verifikasi (Verification outcome)" in help_text
    assert "hanya diisi oleh verifikator atau admin" in help_text
    assert "Duplikat dicatat melalui formulir verifikasi" in help_text


def test_a_verifier_records_outcomes_for_submitted_records(db, officers, tmp_path):
    operator, verifier = officers["operator"], officers["verifier"]
    ids = [stored(db, operator, n, submitter=operator) for n in (1, 2, 3)]
    audit_before = audit_count(db)
    path = decisions_file(
        tmp_path,
        [
            decision(ids[0]),  # by id, Indonesian labels
            # by agency and title, English labels
            decision(None, TITLE.format(n=2), "Valid, stopped", "Phone", "Layanan dihentikan 2024"),
            decision(ids[2], None, "needs_revision", "field_visit", "Lengkapi dasar hukum"),
        ],
    )

    report = import_spreadsheet(db, verifier, path)

    assert (report.verified, report.invalid, report.new, report.committed) == (3, 0, 0, True)
    assert report.new + report.updated + report.duplicates + report.invalid == report.total
    stored_decisions = {v.innovation_id: v for v in verifications(db)}
    assert {v.outcome for v in stored_decisions.values()} == {
        "valid_continuing",
        "valid_stopped",
        "needs_revision",
    }
    assert {v.verifier_id for v in stored_decisions.values()} == {verifier.id}
    assert stored_decisions[ids[1]].method == "phone"
    assert stored_decisions[ids[2]].notes == "Lengkapi dasar hukum"
    with db.session() as s:
        first, second, third = (s.get(Innovation, i) for i in ids)
        assert (first.workflow, first.continuation) == ("verified", "continuing")
        assert (second.workflow, second.continuation) == ("verified", "stopped")
        assert second.continuation_reason == "Layanan dihentikan 2024"
        assert first.last_verified_at is not None and second.last_verified_at is not None
        assert third.workflow == "needs_revision" and third.last_verified_at is None
        created = s.scalars(
            select(AuditEntry.record_id).where(
                AuditEntry.entity == "verification", AuditEntry.action == "create"
            )
        ).all()
        assert len(created) == 3
        assert (
            s.scalar(
                select(func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.officer_id == verifier.id, AuditEntry.field == "workflow")
            )
            == 3
        )
    assert audit_count(db) > audit_before
    assert report.to_json()["verified"] == 3
    assert "keputusan verifikasi 3" in report.summary("id")
    assert "verification decisions 3" in report.summary("en")


def test_four_eyes_the_author_or_submitter_may_not_decide(db, officers, tmp_path):
    operator, admin = officers["operator"], officers["admin"]
    own = stored(db, admin, 1, submitter=admin)
    submitted_by_admin = stored(db, operator, 2, submitter=admin)
    fine = stored(db, operator, 3, submitter=operator)
    path = decisions_file(tmp_path, [decision(own), decision(submitted_by_admin), decision(fine)])

    report = import_spreadsheet(db, admin, path)

    assert (report.verified, report.invalid) == (1, 2)
    problems = [p for p in report.problems if p.kind == "invalid"]
    assert [(p.row, p.letter, p.header) for p in problems] == [
        (2, "D", "Hasil verifikasi"),
        (3, "D", "Hasil verifikasi"),
    ]
    # The verification service's own message (four eyes), in both languages.
    assert "tidak boleh memverifikasi inovasi yang ia masukkan" in problems[0].message("id")
    assert "may not verify a record they entered" in problems[1].message("en")
    assert [v.innovation_id for v in verifications(db)] == [fine]
    assert workflow(db, own) == workflow(db, submitted_by_admin) == "submitted"

    errors = tmp_path / "kesalahan.xlsx"
    assert write_error_workbook(path, report, errors) == 2
    sheet = openpyxl.load_workbook(errors).active
    outcome_cell = sheet.cell(2, 1 + column_index_from_string("D"))  # after "Baris asal"
    assert outcome_cell.value == "Valid - berlanjut"
    assert "tidak boleh memverifikasi" in outcome_cell.comment.text
    assert outcome_cell.fill.fgColor.rgb.endswith("FFC7CE")


def test_a_record_not_under_review_is_refused(db, officers, tmp_path):
    draft = stored(db, officers["operator"], 1)
    path = decisions_file(tmp_path, [decision(draft)])

    report = import_spreadsheet(db, officers["verifier"], path)

    (problem,) = report.problems
    assert (report.verified, report.invalid, problem.letter) == (0, 1, "D")
    assert "tidak sedang menunggu verifikasi (status: Draf)" in problem.message("id")
    assert verifications(db) == [] and workflow(db, draft) == "draft"


def test_missing_method_notes_and_bad_choices_are_refused(db, officers, tmp_path):
    operator, verifier = officers["operator"], officers["verifier"]
    ids = [stored(db, operator, n, submitter=operator) for n in range(1, 6)]
    path = decisions_file(
        tmp_path,
        [
            decision(ids[0], method=None),
            decision(ids[1], outcome="Perlu perbaikan", notes=None),
            decision(ids[2], outcome="Lulus"),
            decision(ids[3], outcome="Duplikat", notes="Sama dengan inovasi lain"),
            decision(ids[4], outcome=None, notes="Belum sempat diperiksa"),
        ],
    )
    audit_before = audit_count(db)

    report = import_spreadsheet(db, verifier, path)

    assert (report.verified, report.invalid) == (0, 5)
    where = {p.row: (p.letter, p.message("id")) for p in report.problems}
    assert where[2] == ("E", "metode verifikasi wajib dipilih")
    assert where[3][0] == "F" and "catatan wajib diisi untuk hasil ini" in where[3][1]
    assert (
        where[4][0] == "D"
        and "'Lulus' bukan pilihan yang sah untuk Hasil verifikasi" in (where[4][1])
    )
    assert where[5][0] == "D" and "tidak dapat dicatat dari lembar kerja" in where[5][1]
    assert where[6][0] == "D" and "tanpa hasil verifikasi" in where[6][1]
    assert verifications(db) == [] and audit_count(db) == audit_before
    assert {workflow(db, i) for i in ids} == {"submitted"}


def test_a_file_without_a_method_column_names_the_outcome_column(db, officers, tmp_path):
    record = stored(db, officers["operator"], 1, submitter=officers["operator"])
    path = write_xlsx(
        tmp_path / "a.xlsx",
        [[record, None, "Pemerintah Kota Denpasar", "Valid - berlanjut"]],
        ["ID sistem", "Judul inovasi", "Instansi", "Hasil validasi"],
    )

    report = import_spreadsheet(db, officers["verifier"], path)

    (problem,) = report.problems
    assert (problem.letter, problem.message("en")) == ("D", "choose a method")


def test_dry_run_checks_and_counts_but_writes_nothing(db, officers, tmp_path):
    operator, verifier = officers["operator"], officers["verifier"]
    ids = [stored(db, operator, n, submitter=operator) for n in (1, 2)]
    draft = stored(db, operator, 3)
    path = decisions_file(tmp_path, [decision(ids[0]), decision(ids[1]), decision(draft)])
    audit_before = audit_count(db)

    report = import_spreadsheet(db, verifier, path, dry_run=True)

    assert (report.verified, report.invalid, report.committed) == (2, 1, False)
    assert report.to_json()["verified"] == 2
    assert verifications(db) == [] and audit_count(db) == audit_before
    assert {workflow(db, i) for i in ids} == {"submitted"}

    committed = import_spreadsheet(db, verifier, path)  # the dry run left no lock behind
    assert (committed.verified, committed.committed) == (2, True)
    assert len(verifications(db)) == 2


def test_a_cancel_mid_commit_leaves_no_verification(db, officers, tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "BATCH", 2)
    operator, verifier = officers["operator"], officers["verifier"]
    ids = [stored(db, operator, n, submitter=operator) for n in range(1, 7)]
    path = decisions_file(tmp_path, [decision(i) for i in ids])
    audit_before = audit_count(db)
    done = []

    def cancel_halfway(rows: int, total: int) -> None:
        done.append(rows)
        if rows >= 4:
            raise Cancelled()

    with pytest.raises(Cancelled):
        import_spreadsheet(db, verifier, path, progress=cancel_halfway)

    assert max(done) >= 4  # decisions had been recorded in the transaction before the cancel
    assert verifications(db) == [] and audit_count(db) == audit_before
    assert {workflow(db, i) for i in ids} == {"submitted"}


def test_an_operator_filling_outcomes_is_refused_per_row(db, officers, tmp_path):
    operator, operator2 = officers["operator"], officers["operator2"]
    record = stored(db, operator2, 1, submitter=operator2)
    headers = [*DECISION_HEADERS, "Wilayah", "Tahap", "Urusan pemerintahan", "Tahun mulai"]
    extra = ["51.71", "Pengembangan", "Kesehatan", 2022]
    path = decisions_file(
        tmp_path,
        [
            decision(record, TITLE.format(n=1)) + extra,
            decision(None, "Antrean Daring Puskesmas", outcome=None, method=None) + extra,
        ],
        headers,
    )

    report = import_spreadsheet(db, operator, path)

    assert (report.new, report.verified, report.invalid) == (1, 0, 1)
    (problem,) = [p for p in report.problems if p.kind == "invalid"]
    assert (problem.row, problem.letter) == (2, "D")
    assert "perlu peran Verifikator / Admin" in problem.message("id")
    assert verifications(db) == [] and workflow(db, record) == "submitted"


def test_an_outcome_on_an_unmatched_row_is_refused_as_a_whole(db, officers, tmp_path):
    path = decisions_file(tmp_path, [decision(None, "Inovasi Yang Belum Tersimpan")])

    report = import_spreadsheet(db, officers["admin"], path)

    (problem,) = report.problems
    assert (report.new, report.invalid, problem.letter) == (0, 1, "D")
    assert "verification needs a stored record" in problem.message("en")
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Innovation)) == 0


def test_a_verifier_may_not_add_or_change_records(db, officers, tmp_path):
    operator, verifier = officers["operator"], officers["verifier"]
    record = stored(db, operator, 1, submitter=operator)
    draft = stored(db, operator, 2)
    headers = [*DECISION_HEADERS, "Tahap"]
    path = decisions_file(
        tmp_path,
        [
            [*decision(record), None],
            [*decision(None, "Sistem Informasi Desa", outcome=None, method=None), "Inisiatif"],
            [*decision(draft, outcome=None, method=None), "Penciptaan"],
            [*decision(draft, outcome=None, method=None), None],
        ],
        headers,
    )

    report = import_spreadsheet(db, verifier, path, on_duplicate="update")

    assert (report.verified, report.new, report.updated, report.invalid) == (1, 0, 0, 2)
    refused = {p.row: p.message("en") for p in report.problems if p.kind == "invalid"}
    assert set(refused) == {3, 4}
    assert all("a verifier can only record verification outcomes" in m for m in refused.values())
    with db.session() as s:
        assert s.get(Innovation, draft).phase == "development"
        assert s.scalar(select(func.count()).select_from(Innovation)) == 2

    with pytest.raises(PermissionDenied, match="tidak mempunyai kolom Hasil verifikasi"):
        import_spreadsheet(db, verifier, write_xlsx(tmp_path / "baru.xlsx", [row(9)]))


def test_import_json_reports_verified(db_path, officers, db, tmp_path, capsys):
    operator, verifier = officers["operator"], officers["verifier"]
    record = stored(db, operator, 1, submitter=operator)
    path = decisions_file(tmp_path, [decision(record)])

    with pytest.raises(SystemExit) as info:
        main(["--db", str(db_path), "--as", verifier.name, "import", str(path), "--json"])
    data = json.loads(capsys.readouterr().out)

    assert info.value.code == 0
    assert {k: data[k] for k in ("new", "updated", "duplicates", "invalid", "committed")} == {
        "new": 0, "updated": 0, "duplicates": 1, "invalid": 0, "committed": True,
    }  # fmt: skip
    assert data["verified"] == 1
    assert workflow(db, record) == "verified"
