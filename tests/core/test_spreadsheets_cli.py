"""The command-line contract of `template`, `import` and `export`: JSON keys, exit codes, one
line for a refused file."""

from __future__ import annotations

import json

import openpyxl
import pytest

from jipp_desktop.cli.main import main

from .spreadsheet_files import row, write_xlsx


def cli(capsys, db_path, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        main(["--db", str(db_path), *args])
    out, err = capsys.readouterr()
    return info.value.code, out, err


def test_import_json_and_exit_codes(db_path, operator, tmp_path, capsys):
    source = write_xlsx(tmp_path / "kiriman.xlsx", [row(1), row(2, Tahap="Penciptan")])
    errors = tmp_path / "kesalahan.xlsx"

    code, out, _ = cli(
        capsys, db_path, "import", str(source), "--dry-run", "--json", "--errors", str(errors)
    )
    data = json.loads(out)
    assert code == 0
    assert {k: data[k] for k in ("new", "updated", "duplicates", "invalid", "committed")} == {
        "new": 1, "updated": 0, "duplicates": 0, "invalid": 1, "committed": False,
    }  # fmt: skip
    assert data["problems"][0]["row"] == 3 and data["problems"][0]["column"] == "D"
    assert data["errors_file"] == str(errors) and errors.exists()

    code, out, _ = cli(capsys, db_path, "--as", operator.name, "import", str(source), "--json")
    assert code == 0 and json.loads(out)["committed"] is True

    code, out, _ = cli(capsys, db_path, "--lang", "en", "import", str(source))
    assert code == 0
    assert "duplicates 1" in out and "Committed." in out


def test_refused_file_gives_one_line_and_exit_1(db_path, operator, tmp_path, capsys):
    bad = tmp_path / "daftar.xlsx"
    bad.write_text("bukan lembar kerja")

    code, out, err = cli(capsys, db_path, "import", str(bad))

    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "bukan lembar kerja Excel, ODS atau CSV" in err


def test_template_and_filtered_export(db_path, operator, tmp_path, capsys):
    source = write_xlsx(tmp_path / "a.xlsx", [row(1), row(2, Tahap="Penciptaan")])
    cli(capsys, db_path, "import", str(source))

    code, _, _ = cli(capsys, db_path, "template", str(tmp_path / "t.xlsx"))
    assert code == 0 and "Petunjuk" in openpyxl.load_workbook(tmp_path / "t.xlsx").sheetnames

    out_file = tmp_path / "e.xlsx"
    code, out, _ = cli(
        capsys, db_path, "export", str(out_file), "--province", "51", "--phase", "Penciptaan",
        "--json",
    )  # fmt: skip
    assert code == 0 and json.loads(out)["count"] == 1

    code, _, err = cli(capsys, db_path, "export", str(out_file), "--phase", "tidak-ada")
    assert code == 1 and "--phase" in err
