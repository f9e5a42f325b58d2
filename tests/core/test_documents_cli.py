"""`letter COMMITMENT_ID OUT.pdf` and `report KIND OUT.pdf` from the command line."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from datetime import date

import pytest

from jipp_desktop.cli.main import main
from jipp_desktop.services.commitments import CommitmentInput, SignatoryInput, create_commitment
from tests.core.pdf_checks import flat, page_texts


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(list(argv))
    out, err = capsys.readouterr()
    return int(exited.value.code or 0), out, err


@pytest.fixture
def commitment_id(db, operator) -> str:
    data = CommitmentInput(
        number="005/PK/2024",
        title="Pernyataan Komitmen Replikasi Inovasi",
        place="Denpasar",
        signed_on=date(2024, 3, 14),
        clauses=("Mereplikasi inovasi layanan akta kelahiran.",),
        signatories=(
            SignatoryInput("Pemerintah Kota Denpasar", "I Gusti Ngurah Jaya", "Wali Kota"),
        ),
    )
    with db.transaction() as session:
        return create_commitment(session, operator, data).id


def test_letter_command_writes_the_pdf_and_reports_json(
    db, db_path, operator, commitment_id, tmp_path, capsys
):
    out = tmp_path / "surat.pdf"
    code, stdout, _ = _run(
        capsys,
        "--db",
        str(db_path),
        "--as",
        operator.name,
        "letter",
        commitment_id,
        str(out),
        "--json",
    )
    assert code == 0
    result = json.loads(stdout)
    data = out.read_bytes()
    assert result["path"] == str(out) and result["pages"] == 1
    assert result["sha256"] == hashlib.sha256(data).hexdigest()
    assert len(result["fingerprint"]) == 64
    text = flat(" ".join(page_texts(data)))
    assert "Denpasar, Kamis, 14 Maret 2024" in text and "I Gusti Ngurah Jaya" in text


def test_report_command_recap_with_filter(db, db_path, tmp_path, capsys):
    out = tmp_path / "rekap.pdf"
    code, stdout, _ = _run(
        capsys, "--db", str(db_path), "report", "recap", str(out), "--province", "51", "--json"
    )
    assert code == 0
    assert json.loads(stdout)["pages"] >= 1
    assert "Wilayah: Bali" in flat(" ".join(page_texts(out.read_bytes())))


def test_report_command_verification_period_in_words(db, db_path, tmp_path, capsys):
    out = tmp_path / "verifikasi.pdf"
    code, stdout, _ = _run(
        capsys,
        "--db",
        str(db_path),
        "report",
        "verification",
        str(out),
        "--from",
        "2024-01-01",
        "--to",
        "2024-03-31",
    )
    assert code == 0 and "verifikasi.pdf" in stdout
    text = flat(page_texts(out.read_bytes())[0])
    assert "Senin, 1 Januari 2024 – Minggu, 31 Maret 2024" in text


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("report", "bogus", "x.pdf"), "jenis laporan 'bogus' tidak dikenal"),
        (("report", "hub:nope", "x.pdf"), "hub nope tidak ditemukan"),
        (("report", "recap", "x.txt"), "harus berakhiran .pdf"),
        (("report", "recap", "x.pdf", "--phase", "xx"), "--phase 'xx'"),
        (("report", "recap", "x.pdf", "--from", "2024-01-01"), "hanya untuk laporan verification"),
        (
            ("report", "verification", "x.pdf", "--from", "2024-05-01", "--to", "2024-01-01"),
            "periode tidak sah",
        ),
        (("letter", "nope", "x.pdf"), "komitmen nope tidak ditemukan"),
    ],
)
def test_bad_input_gives_one_line_and_no_file(
    db, db_path, operator, tmp_path, capsys, argv, message, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    code, _, stderr = _run(capsys, "--db", str(db_path), "--as", operator.name, *argv)
    assert code != 0
    assert message in stderr and stderr.count("\n") == 1
    assert not list(tmp_path.glob("x.*"))


def test_bad_date_is_refused_by_the_parser(db_path, capsys):
    code, _, stderr = _run(
        capsys, "--db", str(db_path), "report", "verification", "x.pdf", "--from", "2024-13-01"
    )
    assert code == 2 and "bukan tanggal" in stderr


def test_separate_runs_give_the_same_bytes(db, db_path, operator, commitment_id, tmp_path):
    # Two processes with different hash seeds: nothing in the output may depend on either.
    digests = []
    for seed in ("1", "2"):
        for argv in (("letter", commitment_id), ("report", "recap")):
            out = tmp_path / f"{argv[0]}-{seed}.pdf"
            subprocess.run(
                [
                    sys.executable,
                    "-c",
                    "from jipp_desktop.cli.main import main; main()",
                    "--db",
                    str(db_path),
                    "--as",
                    operator.name,
                    *argv,
                    str(out),
                ],
                check=True,
                capture_output=True,
                env={**os.environ, "PYTHONHASHSEED": seed},
            )
            digests.append(hashlib.sha256(out.read_bytes()).hexdigest())
    assert digests[:2] == digests[2:]
