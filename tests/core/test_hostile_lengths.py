"""Issue 11.1: text longer than a spreadsheet cell. Every text field has a length limit below a
cell's 32,767 characters that the form's rules (so the form, the import and the registry)
enforce; the export never cuts a text; an update from an old, cut export never cuts a record."""

from __future__ import annotations

import sqlite3
from datetime import date

import openpyxl
import pytest
from sqlalchemy import select

from jipp_desktop.db.models import Innovation
from jipp_desktop.domain.errors import ValidationFailed
from jipp_desktop.domain.fields import INNOVATION_FIELDS, TEXT_KINDS
from jipp_desktop.domain.validation import validate_innovation
from jipp_desktop.services.agencies import create_agency
from jipp_desktop.services.commitments import (
    CommitmentInput,
    SignatoryInput,
    create_commitment,
)
from jipp_desktop.services.innovations import create_innovation, update_innovation
from jipp_desktop.services.lookup import StoreLookup
from jipp_desktop.services.verification import VerificationInput, submit, verify
from jipp_desktop.spreadsheets.cells import MAX_CELL_TEXT
from jipp_desktop.spreadsheets.export import ExportRefused, export_innovations
from jipp_desktop.spreadsheets.importer import import_spreadsheet

HUGE = "x" * 400_000


def test_every_text_field_has_a_limit_below_a_spreadsheet_cell():
    texts = [f for f in INNOVATION_FIELDS if f.kind in TEXT_KINDS]
    assert {f.name for f in texts} >= {"title", "summary", "background", "contact_name"}
    for spec in texts:
        assert spec.max_len is not None and spec.max_len < MAX_CELL_TEXT, spec.name


@pytest.mark.parametrize("spec", [f for f in INNOVATION_FIELDS if f.kind in TEXT_KINDS])
def test_the_form_rules_refuse_a_text_over_its_limit(db, make_values, spec):
    assert spec.max_len is not None
    with db.session() as s:
        values = make_values(**{spec.name: "a" * (spec.max_len + 1)})
        _, errors = validate_innovation(values, StoreLookup(s))
    assert spec.name in {e.field for e in errors}


def test_a_400000_character_summary_is_refused_by_the_service(db, operator, make_values):
    with db.transaction() as s, pytest.raises(ValidationFailed) as info:
        create_innovation(s, operator, make_values(summary=HUGE))
    assert info.value.by_field()["summary"].en == "too long (400000 characters; at most 3000)"


def stored_summary(db, record: str) -> str:
    with db.session() as s:
        return s.scalar(select(Innovation.summary).where(Innovation.id == record))


def test_an_old_overlong_record_is_neither_cut_by_export_nor_by_an_update_import(
    db, db_path, operator, make_values, tmp_path
):
    with db.transaction() as s:
        record = create_innovation(s, operator, make_values()).id
    con = sqlite3.connect(db_path)  # stored before the limit (e.g. through an older app)
    con.execute("UPDATE innovations SET summary = ? WHERE id = ?", (HUGE, record))
    con.commit()
    con.close()

    with db.session() as s, pytest.raises(ExportRefused, match="Ringkasan"):
        export_innovations(s, tmp_path / "ekspor.xlsx")
    assert not (tmp_path / "ekspor.xlsx").exists()

    # What the old export wrote: the summary cut at a cell's 32,767 characters.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["ID sistem", "Judul inovasi", "Instansi", "Ringkasan"])
    ws.append([record, make_values()["title"], "Pemerintah Kota Denpasar", HUGE[:MAX_CELL_TEXT]])
    old_export = tmp_path / "ekspor-lama.xlsx"
    wb.save(old_export)
    report = import_spreadsheet(db, operator, old_export, on_duplicate="update")

    assert (report.updated, report.invalid) == (0, 1)
    assert "at most 3000" in report.problems[0].en
    assert stored_summary(db, record) == HUGE

    # Nor does the form cut it: another edit is refused, naming the summary.
    with db.transaction() as s, pytest.raises(ValidationFailed) as info:
        update_innovation(s, operator, record, {"unit_name": "Dinas Baru"})
    assert "summary" in info.value.by_field()
    assert stored_summary(db, record) == HUGE


def test_the_other_services_limit_their_texts(db, operator, verifier, make_values):
    with db.transaction() as s, pytest.raises(ValidationFailed, match="name: terlalu panjang"):
        create_agency(s, operator, {"name": "D" * 201, "kind": "other"})
    signer = SignatoryInput("Instansi", "Nama", "Jabatan")
    for change, field in (
        ({"number": "1" * 121}, "number"),
        ({"title": "T" * 301}, "title"),
        ({"clauses": ("k" * 2001,)}, "clauses"),
        ({"signatories": (SignatoryInput("I" * 201, "Nama", "Jabatan"),)}, "signatories[1]"),
    ):
        data = {
            "number": "001/2024",
            "title": "Komitmen bersama",
            "place": "Jakarta",
            "signed_on": date(2024, 1, 5),
            "clauses": ("Satu",),
            "signatories": (signer,),
        } | change
        with db.transaction() as s, pytest.raises(ValidationFailed) as info:
            create_commitment(s, operator, CommitmentInput(**data))
        assert field in info.value.by_field(), change
    with db.transaction() as s:
        record = create_innovation(s, operator, make_values()).id
        submit(s, operator, record)
    with db.transaction() as s, pytest.raises(ValidationFailed, match="notes: terlalu panjang"):
        verify(s, verifier, record, VerificationInput("rejected", "desk", notes="n" * 2001))


def test_a_long_text_within_its_limit_goes_through_export_and_import_whole(
    db, operator, make_values, tmp_path
):
    long = {
        spec.name: ("kata " * spec.max_len)[: spec.max_len].strip()
        for spec in INNOVATION_FIELDS
        if spec.kind == "longtext" and spec.max_len and spec.name != "summary"
    }
    with db.transaction() as s:
        create_innovation(s, operator, make_values(**long))
    out = tmp_path / "ekspor.xlsx"
    with db.session() as s:
        export_innovations(s, out)
    report = import_spreadsheet(db, operator, out, on_duplicate="update", dry_run=True)
    assert (report.unchanged, report.invalid) == (1, 0)
    with db.session() as s:
        lookup = StoreLookup(s)
        assert validate_innovation(make_values(**long), lookup)[1] == []
