"""The reports page: make a report in the background and see its pages, print it to a file
printer, save it, batch profiles with progress, bad parameters told in words."""

from __future__ import annotations

import io
import json
from datetime import date

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

import ui.reports.page as reports_page
from jipp_desktop.documents.periods import period_dates
from jipp_desktop.domain.list_filter import InnovationFilter
from tests.core.pdf_checks import flat, page_texts
from tests.ui.conftest import add_innovations
from ui.reports.page import ReportsPage
from ui.reports.preview import print_pdf
from ui.widgets.filter_bar import SETTINGS_KEY as FILTER_KEY


def type_date(qtbot, field, text: str) -> None:
    """Types a date into a period field as an officer would, then Tab."""
    field.window().activateWindow()
    qtbot.waitUntil(field.window().isActiveWindow)
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Tab)


def _page(ctx, qtbot) -> ReportsPage:
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def test_make_a_recap_and_see_its_pages(ctx, qtbot, db, operator, tmp_path):
    add_innovations(db, operator, 5)
    page = _page(ctx, qtbot)
    page.set_kind("recap")
    page.make()
    qtbot.waitUntil(lambda: page.preview.pdf is not None, timeout=15000)
    assert page.preview.page_count() == page.preview.pdf.pages >= 1
    assert "Jumlah inovasi: 5" in flat(" ".join(page_texts(page.preview.pdf.data)))
    saved = page.preview.save_to(tmp_path / "rekap.pdf")
    assert saved.read_bytes() == page.preview.pdf.data


def test_printing_sends_every_page_to_the_printer(ctx, qtbot, db, operator, tmp_path):
    add_innovations(db, operator, 3)
    page = _page(ctx, qtbot)
    page.set_kind("recap")
    page.make()
    qtbot.waitUntil(lambda: page.preview.pdf is not None, timeout=15000)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printed = print_pdf(page.preview.document, printer)
    assert printed == page.preview.pdf.pages
    reader = PdfReader(io.BytesIO((tmp_path / "printed.pdf").read_bytes()))
    assert len(reader.pages) == printed


def test_a_period_ending_before_it_starts_is_told(ctx, qtbot):
    page = _page(ctx, qtbot)
    page.set_kind("verification")
    type_date(qtbot, page.start, "1/5/2024")
    type_date(qtbot, page.end, "31/3/2024")
    page.make()
    qtbot.waitUntil(lambda: "periode tidak sah" in page.message.text(), timeout=15000)
    assert page.preview.pdf is None


def test_a_profile_needs_an_innovation(ctx, qtbot, db, operator):
    page = _page(ctx, qtbot)
    page.set_kind("innovation")
    page.make()
    assert page.message.text() == "Pilih inovasi terlebih dahulu."
    innovation_id = add_innovations(db, operator, 1)[0]
    page.set_innovation(innovation_id, "Inovasi Contoh Nomor 00000")
    page.make()
    qtbot.waitUntil(lambda: page.preview.pdf is not None, timeout=15000)
    assert "INOVASI CONTOH NOMOR 00000" in flat(page_texts(page.preview.pdf.data)[0])


def test_hub_report_from_the_chooser(ctx, qtbot):
    page = _page(ctx, qtbot)
    page.set_kind("hub")
    qtbot.waitUntil(lambda: page.hub.count() == 35)  # read on the read pool
    page.hub.setCurrentIndex(page.hub.findText("Kementerian Agama — 2023"))
    page.make()
    qtbot.waitUntil(lambda: page.preview.pdf is not None, timeout=15000)
    assert "Kementerian Agama" in flat(page_texts(page.preview.pdf.data)[0])


def test_batch_profiles_with_progress_into_a_folder(
    ctx, qtbot, db, operator, tmp_path, monkeypatch
):
    add_innovations(db, operator, 4)
    real = reports_page.batch_profiles
    seen: list[tuple[int, int]] = []

    def watched(*args, progress, **kwargs):
        def report(done: int, total: int) -> None:
            seen.append((done, total))
            progress(done, total)

        return real(*args, progress=report, **kwargs)

    monkeypatch.setattr(reports_page, "batch_profiles", watched)
    page = _page(ctx, qtbot)
    page.filters.set_filter(InnovationFilter(text="Contoh"))
    page.start_batch(tmp_path / "profil", one_file=False)
    qtbot.waitUntil(lambda: page.last_batch is not None, timeout=20000)
    assert page.last_batch.profiles == 4
    assert seen[0] == (0, 4) and seen[-1] == (4, 4)
    assert len(list((tmp_path / "profil").glob("*.pdf"))) == 4
    assert "4 profil inovasi" in page.message.text()


def test_batch_with_nothing_to_print_is_told(ctx, qtbot, tmp_path):
    page = _page(ctx, qtbot)
    page.filters.set_filter(InnovationFilter(text="tidakadasamasekali"))
    page.start_batch(tmp_path / "x.pdf", one_file=True)
    qtbot.waitUntil(lambda: "tidak ada inovasi" in page.message.text(), timeout=15000)
    assert not (tmp_path / "x.pdf").exists()


def test_dates_in_the_period_are_read_as_entered(ctx, qtbot):
    page = _page(ctx, qtbot)
    page.set_kind("verification")
    page.use_start.setChecked(True)
    type_date(qtbot, page.start, "20/10/2023")
    page.use_end.setChecked(False)
    request = page.request()
    assert request.start == date(2023, 10, 20) and request.end is None
    assert page.period.currentData() == "custom"


def test_the_verification_period_starts_as_this_month_and_offers_the_presets(ctx, qtbot):
    page = _page(ctx, qtbot)
    page.set_kind("verification")
    start, end = period_dates("this-month")
    assert page.period.currentText() == "Bulan ini"
    request = page.request()
    assert (request.start, request.end) == (start, end)
    assert page.use_start.isChecked() and page.start.date() == date(start.year, start.month, 1)
    page.period.setCurrentIndex(page.period.findData("last-year"))
    year = period_dates("last-year")[0].year
    request = page.request()
    assert (request.start, request.end) == (date(year, 1, 1), date(year, 12, 31))
    assert page.end.date() == date(year, 12, 31) and page.period.currentData() == "last-year"
    page.period.setCurrentIndex(page.period.findData("all"))
    assert not page.use_start.isChecked() and not page.use_end.isChecked()
    assert (page.request().start, page.request().end) == (None, None)


def test_the_page_takes_over_the_list_filter_when_shown(ctx, qtbot):
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    ctx.settings.setValue(FILTER_KEY, json.dumps(vars(InnovationFilter(phase="creation"))))
    page.show()
    assert page.filters.current().phase == "creation"
    assert page.request().filter == InnovationFilter(phase="creation")


def test_the_period_dates_are_typed_the_indonesian_way_and_tab_moves_on(ctx, qtbot):
    page = _page(ctx, qtbot)
    page.set_kind("verification")
    page.period.setCurrentIndex(page.period.findData("all"))
    type_date(qtbot, page.start, "1 Maret 2024")
    assert not page.start.hasFocus()  # Tab went on
    assert page.start.text() == "1 Mar 2024"  # the lists' format
    type_date(qtbot, page.end, "31-3-2024")
    assert page.period.currentData() == "custom"
    assert page.use_start.isChecked() and page.use_end.isChecked()
    request = page.request()
    assert (request.start, request.end) == (date(2024, 3, 1), date(2024, 3, 31))
    type_date(qtbot, page.end, "31/02/2024")
    assert page.request() is None
    assert page.message.text().startswith("Sampai: ")
    assert page.end.hasFocus()
    page.end.selectAll()
    qtbot.keyClick(page.end, Qt.Key.Key_Delete)
    qtbot.keyClick(page.end, Qt.Key.Key_Tab)
    assert not page.use_end.isChecked()  # emptied: the period stays open at its end
    assert page.request().end is None
