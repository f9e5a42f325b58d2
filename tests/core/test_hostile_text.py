"""Issue 11.8: control and invisible characters. Texts are cleaned where they enter the domain
(NFC, no controls, no zero-width or other invisible characters), titles are compared on a
folded key (invisible characters and look-alike letters ignored), every export that includes
such a record works, and an import with --errors never commits before its error workbook is
written."""

from __future__ import annotations

import json
import sqlite3

import openpyxl
import pytest
from sqlalchemy import func, select

from jipp_desktop.cli.main import main
from jipp_desktop.db.models import Innovation
from jipp_desktop.domain.errors import ValidationFailed
from jipp_desktop.domain.text import clean_text, fold_key
from jipp_desktop.domain.validation import validate_innovation
from jipp_desktop.services.agencies import create_agency
from jipp_desktop.services.commitments import (
    CommitmentInput,
    SignatoryInput,
    create_commitment,
)
from jipp_desktop.services.innovations import create_innovation, find_duplicates
from jipp_desktop.services.lookup import StoreLookup
from jipp_desktop.services.officers import create_officer
from jipp_desktop.spreadsheets.export import ExportRefused, export_innovations
from jipp_desktop.spreadsheets.importer import import_spreadsheet
from tests.conftest import DENPASAR

from .spreadsheet_files import row, write_xlsx

TITLE = "Layanan Akta Kelahiran Langsung"
ZWSP, SOFT_HYPHEN, BOM, RLO = "\u200b", "\u00ad", "\ufeff", "\u202e"
CYRILLIC_A, CYRILLIC_O = "\u0430", "\u043e"


def test_controls_and_invisible_characters_are_taken_out_at_entry():
    assert clean_text("Judul\x00 ber\x07isi\x1b[31m kendali") == "Judul berisi[31m kendali"
    assert clean_text(f"{ZWSP}{ZWSP}{BOM}{SOFT_HYPHEN}\u2060\u3164") == ""
    assert clean_text(f"Lay{SOFT_HYPHEN}anan{ZWSP} {RLO}Akta") == "Layanan Akta"
    assert clean_text("Cafe\u0301") == "Café"  # NFC
    assert clean_text("a\ud800b\ufffe\U0001ffffc") == "abc"  # surrogates, noncharacters
    assert clean_text("  satu\r\ndua\u2028tiga\t empat\x0bx ", multiline=True) == (
        "satu\ndua\ntiga\t empat\nx"
    )
    assert clean_text("satu\r\ndua\u00a0\u3000tiga") == "satu dua tiga"


def test_the_form_rules_store_clean_texts_and_refuse_an_invisible_title(db, make_values):
    with db.session() as s:
        lookup = StoreLookup(s)
        cleaned, errors = validate_innovation(
            make_values(title="Layanan\x00 Akta\x07 Bayi\x1b", summary="Ring\x00kasan\r\nbaru"),
            lookup,
        )
        assert errors == []
        assert cleaned["title"] == "Layanan Akta Bayi"
        assert cleaned["summary"] == "Ringkasan\nbaru"
        _, errors = validate_innovation(make_values(title=ZWSP * 12), lookup)
        assert [(e.field, e.en) for e in errors] == [("title", "is required")]


@pytest.mark.parametrize(
    "twin",
    [
        TITLE.replace("Akta", f"Ak{ZWSP}ta"),
        TITLE.replace("Kelahiran", f"Kela{SOFT_HYPHEN}hiran"),
        TITLE.replace("a", CYRILLIC_A).replace("o", CYRILLIC_O),
        f"{BOM}{TITLE}{RLO}",
        TITLE.upper().replace("A", "\u0410"),  # a Cyrillic capital А
        "Ｌａｙａｎａｎ Akta Kelahiran Langsung",  # full-width letters
    ],
)
def test_a_visually_identical_title_is_a_duplicate(db, operator, make_values, twin):
    with db.transaction() as s:
        create_innovation(s, operator, make_values(title=TITLE))
    assert fold_key(twin) == fold_key(TITLE)
    with db.session() as s:
        assert len(find_duplicates(s, DENPASAR, twin)) == 1


def test_an_import_row_with_a_look_alike_title_is_the_stored_record(db, operator, tmp_path):
    with db.transaction() as s:
        create_innovation(s, operator, {"title": TITLE, "agency_id": DENPASAR})
    twin = TITLE.replace("a", CYRILLIC_A)
    source = write_xlsx(tmp_path / "kiriman.xlsx", [row(1, **{"Judul inovasi": twin})])

    report = import_spreadsheet(db, operator, source)

    assert (report.new, report.duplicates_in_db) == (0, 1)


def test_other_services_clean_their_texts_and_compare_agency_names_folded(db, operator):
    with db.transaction() as s:
        agency = create_agency(s, operator, {"name": f"Dinas\x00 Contoh{ZWSP}", "kind": "other"})
        assert agency.name == "Dinas Contoh"
        officer = create_officer(s, "Dewi\x1b Kartika\u200d", "operator")
        assert officer.name == "Dewi Kartika"
        commitment = create_commitment(
            s,
            operator,
            CommitmentInput(
                number="001/KOM\x00/2024",
                title="Komitmen\x07 Bersama",
                place="Jakarta",
                signed_on=__import__("datetime").date(2024, 1, 5),
                clauses=("Butir\x00 satu\r\nbaris dua", ZWSP),
                signatories=(SignatoryInput("Instansi\x1b", "Nama\u200b", "Jabatan"),),
            ),
        )
        assert (commitment.number, commitment.title) == ("001/KOM/2024", "Komitmen Bersama")
        assert commitment.clauses == ["Butir satu\nbaris dua"]
        assert commitment.signatories[0].agency_name == "Instansi"
    with db.transaction() as s, pytest.raises(ValidationFailed, match="sudah ada"):
        create_agency(s, operator, {"name": f"Dinas C{CYRILLIC_O}nt{CYRILLIC_O}h", "kind": "other"})


def test_records_entered_with_controls_export_and_read_back(db, operator, make_values, tmp_path):
    with db.transaction() as s:
        create_innovation(
            s,
            operator,
            make_values(title="Layanan\x00 Bel\x07 Esc\x1b", innovators="Tim\x00 A\r\nTim B"),
        )
    out = tmp_path / "ekspor.xlsx"
    with db.session() as s:
        assert export_innovations(s, out).count == 1
    ws = openpyxl.load_workbook(out).worksheets[0]
    header = [c.value for c in ws[1]]
    assert ws.cell(2, header.index("Judul inovasi") + 1).value == "Layanan Bel Esc"
    assert ws.cell(2, header.index("Inovator") + 1).value == "Tim A\nTim B"
    report = import_spreadsheet(db, operator, out, on_duplicate="update", dry_run=True)
    assert (report.unchanged, report.invalid) == (1, 0)


def test_a_stored_control_character_from_before_refuses_the_export_by_name(
    db, db_path, operator, make_values, tmp_path
):
    with db.transaction() as s:
        record = create_innovation(s, operator, make_values()).id
    con = sqlite3.connect(db_path)  # as a store written before texts were cleaned at entry
    con.execute("UPDATE innovations SET unit_name = 'Dinas\x07' WHERE id = ?", (record,))
    con.commit()
    con.close()
    out = tmp_path / "ekspor.xlsx"

    with db.session() as s, pytest.raises(ExportRefused) as info:
        export_innovations(s, out)

    message = info.value.message("en")
    assert record in message and "Service unit" in message and "U+0007" in message
    assert not out.exists() and not list(tmp_path.glob("*.part"))


def cli(capsys, db_path, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        main(["--db", str(db_path), *args])
    out, err = capsys.readouterr()
    return info.value.code, out, err


def count(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Innovation))


def test_import_with_errors_writes_a_senders_control_characters_and_commits(
    db, db_path, operator, tmp_path, capsys
):
    # calamine decodes the workbook escape _x0000_ into NUL: a sender's file can carry one.
    bad = row(2, Tahap="Penciptan_x0000__x0007_", **{"Judul inovasi": "Judul_x001B_ buruk"})
    source = write_xlsx(tmp_path / "kiriman.xlsx", [row(1), bad])
    errors = tmp_path / "kesalahan.xlsx"

    code, out, err = cli(capsys, db_path, "import", str(source), "--errors", str(errors), "--json")

    assert code == 0, err
    data = json.loads(out)
    assert (data["new"], data["invalid"], data["committed"]) == (1, 1, True)
    assert data["errors_file"] == str(errors)
    cells = [c.value for c in openpyxl.load_workbook(errors).active[2]]
    assert "Penciptan\ufffd\ufffd" in cells
    assert count(db) == 1


def test_an_error_workbook_that_cannot_be_written_leaves_nothing_committed(
    db, db_path, operator, tmp_path, capsys, monkeypatch
):
    source = write_xlsx(tmp_path / "kiriman.xlsx", [row(1), row(2, Tahap="Penciptan")])

    def fail(*_args, **_kw):
        raise PermissionError(13, "Permission denied", str(tmp_path / "kesalahan.xlsx"))

    monkeypatch.setattr("jipp_desktop.spreadsheets.error_workbook.write_error_workbook", fail)
    code, out, err = cli(
        capsys, db_path, "import", str(source), "--errors", str(tmp_path / "kesalahan.xlsx")
    )

    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "nothing was imported" in err
    assert count(db) == 0
