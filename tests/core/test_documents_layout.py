"""How report sections fall on pages: a short table stays with its heading on one page, a
heading is never left at a page's foot, long tables repeat their header row."""

from __future__ import annotations

from datetime import date

import pytest
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from jipp_desktop.documents.letterhead import Letterhead
from jipp_desktop.documents.pdf import PdfMeta, content_width
from jipp_desktop.documents.report_base import build_report, heading, page_height
from jipp_desktop.documents.tables import data_table
from tests.core.pdf_checks import check_pages, flat, page_texts

META = PdfMeta(title="Uji tata letak", created=date(2026, 1, 5))
WIDTH = content_width(META)


def _table(rows: int, name: str) -> list:
    return data_table(
        ["Status", "Jumlah"],
        [[f"{name} baris {i + 1}", i + 1] for i in range(rows)],
        [WIDTH - 40 * mm, 40 * mm],
        numeric=[1],
        total=["Jumlah", rows * (rows + 1) // 2],
    )


@pytest.mark.parametrize("left", [20 * mm, 35 * mm, 55 * mm])
def test_a_short_table_stays_with_its_heading_on_one_page(left, tmp_path):
    # the page filled until ``left`` of room is left: heading and 6 rows do not fit under it
    story = [Spacer(1, page_height(META) - 60 * mm - left)]
    story += heading("Menurut status verifikasi")
    story += _table(6, "Status")
    document = build_report(story, META, Letterhead())
    pages = [flat(t) for t in page_texts(document.data)]
    holding = [i for i, t in enumerate(pages) if "Menurut status verifikasi" in t]
    assert len(holding) == 1
    page = pages[holding[0]]
    assert all(f"Status baris {i}" in page for i in range(1, 7))
    assert "Jumlah 21" in page
    check_pages(document.data, tmp_path / "png")


def test_a_long_table_starts_with_rows_under_its_heading_and_repeats_its_header(tmp_path):
    story = [Spacer(1, page_height(META) - 75 * mm)]
    story += heading("Daftar verifikasi")
    story += _table(120, "Daftar")
    document = build_report(story, META, Letterhead())
    pages = [flat(t) for t in page_texts(document.data)]
    first = next(i for i, t in enumerate(pages) if "Daftar verifikasi" in t)
    assert "Daftar baris 5 " in pages[first]  # never a heading with 3 rows at the foot
    assert len(pages) - first >= 3
    for text in pages[first:]:
        assert "Status Jumlah" in text
    check_pages(document.data, tmp_path / "png")
