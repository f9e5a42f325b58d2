"""The command line speaks the `--lang` language: messages, `stats` text (labels, not codes,
numbers the language's way) and `--help` with argparse's own words."""

from __future__ import annotations

import pytest

from jipp_desktop.cli.main import run
from jipp_desktop.demo.generator import add_demo_data


@pytest.fixture
def store(db):
    add_demo_data(db, 60, seed=3)
    return db


def test_report_message_in_each_language(store, tmp_path, capsys):
    out = tmp_path / "rekap.pdf"
    assert run(["--db", str(store.path), "report", "recap", str(out)]) == 0
    said = capsys.readouterr().out
    assert said.startswith("Laporan rekapitulasi ditulis ke") and "halaman" in said
    assert "recap" not in said.replace(str(out), "")
    assert run(["--lang", "en", "--db", str(store.path), "report", "recap", str(out)]) == 0
    assert capsys.readouterr().out.startswith("Recap report written to")


def test_stats_text_names_labels_not_codes(store, capsys):
    assert run(["--db", str(store.path), "stats"]) == 0
    text = capsys.readouterr().out
    assert "Menurut tahap: Penciptaan" in text
    assert "Perlu verifikasi ulang (terverifikasi > 12 bulan lalu):" in text
    for code in ("by_phase", "creation", "needs_revision", "continuing_developed", "unset"):
        assert code not in text
    assert "Provinsi: 38" in text and "Kabupaten: 416" in text
    assert run(["--lang", "en", "--db", str(store.path), "stats"]) == 0
    english = capsys.readouterr().out
    assert "By phase: Creation" in english and "Due for re-verification" in english


def test_help_in_the_chosen_language(capsys):
    with pytest.raises(SystemExit):
        run(["--help"])
    text = capsys.readouterr().out
    assert text.startswith("penggunaan: jipp-desktop")
    assert "opsi:" in text and "tampilkan bantuan ini lalu keluar" in text
    assert "jumlah data di basis data" in text
    with pytest.raises(SystemExit):
        run(["--lang", "en", "--help"])
    english = capsys.readouterr().out
    assert english.startswith("usage: jipp-desktop") and "counts of the store" in english
    run_bad = pytest.raises(SystemExit)
    with run_bad:
        run(["list", "bogus"])
    assert "pilihan tidak sah: 'bogus'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("command", "indonesian", "english"),
    [
        ("import", "periksa dan hitung; tidak menulis apa pun", "check and count; write nothing"),
        ("export", "cetak hasilnya sebagai JSON", "print the result as JSON"),
        ("report", "periode laporan verifikasi", "the verification report's period"),
    ],
)
def test_subcommand_help_in_the_chosen_language(capsys, command, indonesian, english):
    with pytest.raises(SystemExit):
        run([command, "--help"])
    text = capsys.readouterr().out
    assert indonesian in " ".join(text.split()) and english not in text
    with pytest.raises(SystemExit):
        run(["--lang", "en", command, "--help"])
    assert english in " ".join(capsys.readouterr().out.split())
