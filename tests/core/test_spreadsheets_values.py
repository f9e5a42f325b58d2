"""Reading cells: dates in the ways offices write them, codes, and regions and agencies by name."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from jipp_desktop.domain.fields import FIELDS_BY_NAME
from jipp_desktop.spreadsheets.headers import match_header
from jipp_desktop.spreadsheets.references import AgencyResolver, RegionResolver
from jipp_desktop.spreadsheets.values import parse_cell, parse_date_text

from ..conftest import BALI, DENPASAR


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20/10/2023", date(2023, 10, 20)),
        ("20-10-2023", date(2023, 10, 20)),
        ("20.10.23", date(2023, 10, 20)),
        ("2023-10-20", date(2023, 10, 20)),
        ("2023-10-20 00:00:00", date(2023, 10, 20)),
        ("20 Oktober 2023", date(2023, 10, 20)),
        ("Jumat, 20 Oktober 2023", date(2023, 10, 20)),
        ("20 Okt 2023", date(2023, 10, 20)),
        ("17 Agustus 1945", date(1945, 8, 17)),
        ("1 Nopember 2021", date(2021, 11, 1)),
        ("October 20, 2023", date(2023, 10, 20)),
        ("31/02/2023", None),
        ("kemarin", None),
        ("Oktober 2023", None),
    ],
)
def test_dates_typed_as_text(text, expected):
    assert parse_date_text(text) == expected


def test_date_cells_serial_numbers_and_datetimes():
    spec = FIELDS_BY_NAME["trial_date"]
    assert parse_cell(spec, 45219.0) == (date(2023, 10, 20), None)
    assert parse_cell(spec, datetime(2023, 10, 20, 9, 30)) == (date(2023, 10, 20), None)
    value, error = parse_cell(spec, "besok")
    assert value is None and "'besok' bukan tanggal yang dikenali" in error.id


def test_codes_by_label_code_english_or_a_unique_word():
    phase = FIELDS_BY_NAME["phase"]
    assert parse_cell(phase, "PENGEMBANGAN")[0] == "development"
    assert parse_cell(phase, "Institutionalisation")[0] == "institutionalisation"
    assert parse_cell(phase, "creation")[0] == "creation"
    status = FIELDS_BY_NAME["continuation"]
    assert parse_cell(status, "Vakum")[0] == "stopped"
    # "Berlanjut" is a label of its own, not the first word of another
    assert parse_cell(status, "berlanjut")[0] == "continuing"
    assert parse_cell(FIELDS_BY_NAME["sector"], "Adminduk")[0] == "civil_registration"
    value, error = parse_cell(FIELDS_BY_NAME["sector"], "Urusan Antariksa")
    assert value is None and "lembar Petunjuk" in error.id


def test_headers_in_their_common_spellings():
    assert match_header("JUDUL_INOVASI") == "title"
    assert match_header("Nama Inovasi") == "title"
    assert match_header("Kab/Kota") == "region_code"
    assert match_header("Tgl. Penerapan") == "launch_date"
    assert match_header("Urusan Pemerintahan") == "sector"
    assert match_header("No.") == ""  # known, not read
    assert match_header("Catatan") is None


def test_regions_by_code_name_and_abbreviation(db):
    with db.session() as s:
        regions = RegionResolver(s)
        agencies = AgencyResolver(s, regions)
    assert regions.resolve("51.71") == ("51.71", None)
    assert regions.resolve("Kota Denpasar")[0] == "51.71"
    assert regions.resolve("Kab. Badung")[0] == "51.03"
    assert regions.resolve("kabupaten badung")[0] == "51.03"
    assert regions.resolve("51.03 Kabupaten Badung")[0] == "51.03"
    assert regions.resolve("Provinsi Bali")[0] == "51"
    code, error = regions.resolve("51.03 Kota Denpasar")
    assert code is None and "tidak cocok" in error.id
    code, error = regions.resolve("Bandung")
    assert code is None and "'Kabupaten Bandung' atau 'Kota Bandung'" in error.id
    assert agencies.resolve("Pemkot Denpasar")[0] == DENPASAR
    assert agencies.resolve("Pemerintah Provinsi Bali")[0] == BALI
    assert agencies.resolve("Kota Denpasar")[0] == DENPASAR
    assert agencies.resolve(DENPASAR)[0] == DENPASAR
