"""Screens that read well at 1280×800: whole columns of the list, the sort order kept between
runs, the menu's texts, chart colours and labels, and what a new store says to do next."""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import QPieSeries
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from jipp_desktop.reference.codes import CONTINUATION, PHASES, WORKFLOW
from tests.ui.conftest import add_innovations, settle
from ui.main_window import MainWindow
from ui.models.innovation_list import COLUMNS
from ui.pages.innovations import InnovationsPage
from ui.widgets.charts import STATUS_COLOURS, chart_view, show_bars, show_donut


def visible_columns(page: InnovationsPage) -> dict[str, QRect]:
    """The columns wholly inside the list's visible width, by key."""
    table, header = page.table, page.table.horizontalHeader()
    width = table.viewport().width()
    out = {}
    for column, key in enumerate(COLUMNS):
        left = header.sectionViewportPosition(column)
        if left >= 0 and left + header.sectionSize(column) <= width:
            out[key] = QRect(left, 0, header.sectionSize(column), 1)
    return out


def test_at_1280_by_800_title_to_continuation_show_whole(ctx, operator, qtbot):
    add_innovations(ctx.db, operator, 3, phase="development")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    page = window.show_page("innovations")
    settle(ctx)
    shown = visible_columns(page)
    for key in ("title", "agency", "region", "phase", "workflow", "continuation"):
        assert key in shown, f"{key} off-screen: {sorted(shown)}"
    metrics = page.table.fontMetrics()
    for key, codes in (("phase", PHASES), ("workflow", WORKFLOW), ("continuation", CONTINUATION)):
        widest = max(metrics.horizontalAdvance(codes.label(c, "id")) for c in codes.codes())
        assert shown[key].width() > widest, key  # "Pengembangan", "Perlu perbaikan" whole


def test_the_sort_order_is_remembered_between_runs(ctx, operator, qtbot):
    add_innovations(ctx.db, operator, 3)
    page = InnovationsPage(ctx)
    qtbot.addWidget(page)
    title = page.model.column_of("title")
    page.table.sortByColumn(title, Qt.SortOrder.AscendingOrder)
    assert page.model.sort_key == ("title", False)
    page.close()
    again = InnovationsPage(ctx)
    qtbot.addWidget(again)
    assert again.model.sort_key == ("title", False)
    header = again.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        title,
        Qt.SortOrder.AscendingOrder,
    )


def test_the_view_menu_shows_the_ampersand_of_instansi_and_hub(window):
    view_menu = window.menuBar().actions()[1].menu()
    texts = [a.text() for a in view_menu.actions()]
    assert "Instansi && Hub" in texts  # shown as "Instansi & Hub", not "Instansi _Hub"


def test_a_new_store_says_what_to_do_next(window, qtbot):
    page = window.show_page("innovations")
    settle(window._ctx)
    assert page.empty_note.isVisibleTo(page)
    text = page.empty_note.text()
    assert "Buat inovasi baru" in text and "impor dari Excel" in text and "Sinkronisasi" in text
    page.filters.search.setText("tidak ada")
    page.filters.search.returnPressed.emit()
    qtbot.waitUntil(lambda: "cocok" in page.empty_note.text())


def test_the_dashboard_charts_of_a_new_store_say_how_data_comes_in(window):
    dashboard = window.show_page("dashboard")
    settle(window._ctx)
    for view in (dashboard.phase_chart, dashboard.status_chart, dashboard.sector_chart):
        chart = view.chart()
        assert not chart.series() and not chart.axes()  # no "0, 0, 1, 1" axes
        notes = [i for i in chart.childItems() if isinstance(i, QGraphicsSimpleTextItem)]
        assert notes and "Belum ada data" in notes[0].text()


def test_verified_is_green_and_rejected_red_in_the_donut(qtbot):
    view = chart_view("Progres verifikasi")
    qtbot.addWidget(view)
    codes = ["draft", "submitted", "verified", "rejected"]
    show_donut(view, [(c, 5) for c in codes], "id", [STATUS_COLOURS[c] for c in codes])
    (series,) = view.chart().series()
    assert isinstance(series, QPieSeries)
    colours = {s.label().split(" ")[0]: s.color().name() for s in series.slices()}
    assert colours["verified"] == "#2e7d32" and colours["rejected"] == "#c62828"


def test_bar_values_have_room_beyond_the_longest_bar(qtbot: Any):
    view = chart_view("10 provinsi terbanyak")
    qtbot.addWidget(view)
    show_bars(view, [("Jawa Timur", 20019), ("Bali", 512)], "Inovasi", lang="id")
    axis = next(a for a in view.chart().axes() if a.orientation() == Qt.Orientation.Horizontal)
    assert axis.max() >= 20019 * 1.2


def test_laporan_says_what_to_do_before_a_report_is_made(window):
    page = window.show_page("reports")
    preview = page.preview
    assert preview.placeholder.isVisibleTo(page) and not preview.view.isVisibleTo(page)
    text = preview.placeholder.text()
    assert "Buat laporan" in text and "impor dari Excel" in text
