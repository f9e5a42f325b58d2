"""Long dates read as officers write them, in both languages."""

from datetime import date, datetime

from jipp_desktop.dates import long_date


def test_long_date_in_indonesian_and_english() -> None:
    assert long_date(date(2023, 10, 20)) == "Jumat, 20 Oktober 2023"
    assert long_date(date(2023, 10, 20), "en") == "Friday, 20 October 2023"


def test_single_digit_days_are_not_zero_padded() -> None:
    assert long_date(date(2024, 1, 1)) == "Senin, 1 Januari 2024"
    assert long_date(datetime(2024, 3, 5, 23, 0)) == "Selasa, 5 Maret 2024"
    assert long_date(None) == ""
