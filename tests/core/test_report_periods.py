"""Named report periods: the verification report's presets, on their own and from the CLI."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from jipp_desktop.cli.main import main
from jipp_desktop.documents.periods import PERIOD_NAMES, PERIODS, period_dates, today_wib
from tests.core.pdf_checks import flat, page_texts


@pytest.mark.parametrize(
    ("name", "today", "expected"),
    [
        ("this-month", date(2025, 3, 12), (date(2025, 3, 1), date(2025, 3, 12))),
        ("last-month", date(2025, 3, 12), (date(2025, 2, 1), date(2025, 2, 28))),
        ("last-month", date(2025, 1, 5), (date(2024, 12, 1), date(2024, 12, 31))),
        ("this-quarter", date(2025, 5, 20), (date(2025, 4, 1), date(2025, 5, 20))),
        ("last-quarter", date(2025, 2, 1), (date(2024, 10, 1), date(2024, 12, 31))),
        ("this-year", date(2024, 2, 29), (date(2024, 1, 1), date(2024, 2, 29))),
        ("last-year", date(2024, 2, 29), (date(2023, 1, 1), date(2023, 12, 31))),
        ("last-12-months", date(2025, 3, 12), (date(2024, 4, 1), date(2025, 3, 12))),
        ("all", date(2025, 3, 12), (None, None)),
    ],
)
def test_each_period_is_whole_calendar_days_ending_no_later_than_today(name, today, expected):
    assert period_dates(name, today) == expected


def test_every_period_has_words_in_both_languages_and_an_unknown_one_is_refused():
    assert {p.name for p in PERIODS} == set(PERIOD_NAMES)
    assert all(p.label("id") and p.label("en") and p.label("id") != p.label("en") for p in PERIODS)
    with pytest.raises(KeyError):
        period_dates("next-year")


def test_today_is_counted_in_western_indonesian_time():
    # 20:00 UTC on 31 December is already 1 January in Jakarta.
    assert today_wib(datetime(2024, 12, 31, 20, 0, tzinfo=UTC)) == date(2025, 1, 1)


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(list(argv))
    out, err = capsys.readouterr()
    return int(exited.value.code or 0), out, err


def test_report_period_option_prints_the_preset_period(db, db_path, tmp_path, capsys):
    out = tmp_path / "verifikasi.pdf"
    code, stdout, _ = _run(
        capsys,
        "--db",
        str(db_path),
        "report",
        "verification",
        str(out),
        "--period",
        "last-year",
        "--json",
    )
    assert code == 0 and json.loads(stdout)["pages"] >= 1
    year = today_wib().year - 1
    text = flat(page_texts(out.read_bytes())[0])
    assert f"1 Januari {year}" in text and f"31 Desember {year}" in text


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("report", "recap", "x.pdf", "--period", "this-year"), "hanya untuk laporan verification"),
        (
            ("report", "verification", "x.pdf", "--period", "this-year", "--from", "2024-01-01"),
            "--period tidak dapat digabung",
        ),
    ],
)
def test_period_option_misuse_is_one_line_and_no_file(
    db, db_path, tmp_path, capsys, monkeypatch, argv, message
):
    monkeypatch.chdir(tmp_path)
    code, _, stderr = _run(capsys, "--db", str(db_path), *argv)
    assert code != 0 and message in stderr and stderr.count("\n") == 1
    assert not list(tmp_path.glob("x.*"))


def test_unknown_period_name_is_refused_by_the_parser(db_path, capsys):
    code, _, stderr = _run(
        capsys, "--db", str(db_path), "report", "verification", "x.pdf", "--period", "kemarin"
    )
    assert code == 2 and "kemarin" in stderr
