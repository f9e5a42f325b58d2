"""The innovation list model and page: paged in SQL, searchable, filterable, sortable."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select, update
from sqlalchemy.exc import OperationalError

from jipp_desktop.db.models import Innovation, utcnow
from jipp_desktop.domain.list_filter import InnovationFilter
from jipp_desktop.services import search
from tests.ui.conftest import add_innovation, add_innovations, settle
from ui.models.innovation_list import ID_ROLE, PAGE, InnovationListModel


def test_model_passes_qt_model_tester(ctx, operator, qtmodeltester):
    add_innovations(ctx.db, operator, 30)
    model = InnovationListModel(ctx)
    model.reload()
    qtmodeltester.check(model)
    assert model.rowCount() == 30


def test_rows_beyond_the_first_page_come_by_id_after_the_background_read(ctx, operator, qtbot):
    ids = add_innovations(ctx.db, operator, PAGE * 2 + 50)
    model = InnovationListModel(ctx)
    with qtbot.waitSignal(model.ids_loaded, timeout=10000):
        model.reload()
    assert model.rowCount() == len(ids)
    # Sorted by title ascending: the last row is the highest number.
    with qtbot.waitSignal(model.ids_loaded, timeout=10000):
        model.sort(model.column_of("title"), Qt.SortOrder.AscendingOrder)
    last = model.index(model.rowCount() - 1, model.column_of("title"))
    assert model.data(last) == f"Inovasi Contoh Nomor {len(ids) - 1:05d}"
    assert model.data(last, ID_ROLE) in ids


def test_codes_and_dates_show_as_indonesian_labels(ctx, operator):
    add_innovation(ctx.db, operator, phase="institutionalisation", sector="health")
    model = InnovationListModel(ctx)
    model.reload()
    assert model.data(model.index(0, model.column_of("phase"))) == "Pelembagaan"
    assert model.data(model.index(0, model.column_of("sector"))) == "Kesehatan"
    assert model.data(model.index(0, model.column_of("workflow"))) == "Draf"
    assert model.data(model.index(0, model.column_of("region"))) == "Kota Denpasar"


def test_search_box_finds_by_words_of_the_title(window, operator, qtbot):
    add_innovations(window._ctx.db, operator, 5)
    add_innovation(window._ctx.db, operator, title="Posyandu Keliling Digital Banjar")
    page = window.show_page("innovations")
    page.model.reload()
    assert page.model.rowCount() == 6
    qtbot.keyClicks(page.filters.search, "posyandu kelil")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    title = page.model.data(page.model.index(0, page.model.column_of("title")))
    assert title == "Posyandu Keliling Digital Banjar"
    assert page.count_label.text() == "1 inovasi"


def test_province_filter_cascades_to_regencies_and_filters(window, operator, qtbot):
    from tests.conftest import BALI

    add_innovations(window._ctx.db, operator, 3)
    add_innovation(
        window._ctx.db, operator, title="Inovasi Provinsi Bali", agency_id=BALI, region_code="51"
    )
    page = window.show_page("innovations")
    bar = page.filters
    assert not bar.regency.isEnabled()
    bar.province.set_value("51")
    assert bar.regency.isEnabled()
    names = [bar.regency.itemText(i) for i in range(bar.regency.count())]
    assert "Kota Denpasar" in names and "Kabupaten Badung" in names
    settle(window._ctx)
    assert page.model.rowCount() == 4
    bar.regency.set_value("51.71")
    settle(window._ctx)
    assert page.model.rowCount() == 3
    bar.province.set_value("52")
    settle(window._ctx)
    assert page.model.rowCount() == 0
    assert page.current_filter() == InnovationFilter(province_code="52")


def test_filters_are_remembered_between_runs(ctx, operator, qtbot):
    from ui.pages.innovations import InnovationsPage

    page = InnovationsPage(ctx)
    qtbot.addWidget(page)
    page.filters.phase.set_value("creation")
    page.filters.reverify.setChecked(True)
    again = InnovationsPage(ctx)
    qtbot.addWidget(again)
    assert again.current_filter() == InnovationFilter(phase="creation", needs_reverification=True)


def test_needs_reverification_filter(window, operator):
    add_innovations(window._ctx.db, operator, 3)
    with window._ctx.db.transaction() as s:
        first, second = s.scalars(select(Innovation.id).order_by(Innovation.title).limit(2))
        for record, days in ((first, 400), (second, 30)):
            s.execute(
                update(Innovation)
                .where(Innovation.id == record)
                .values(workflow="verified", last_verified_at=utcnow() - timedelta(days=days))
            )
    page = window.show_page("innovations")
    page.filters.reverify.setChecked(True)
    settle(window._ctx)
    # Only the record verified more than 12 months ago; never-verified ones are not *re*-due.
    assert page.model.rowCount() == 1
    assert page.model.index(0, 0).data(ID_ROLE) == first
    assert page.filters.reverify.text() == "Perlu verifikasi ulang (terverifikasi > 12 bulan lalu)"


def test_continuation_and_year_filters(window, operator):
    add_innovations(window._ctx.db, operator, 2)
    add_innovation(window._ctx.db, operator, title="Inovasi Tahun Lalu Sekali", year_started=2019)
    page = window.show_page("innovations")
    page.filters.year.set_value(2019)
    settle(window._ctx)
    assert page.model.rowCount() == 1
    page.filters.year.set_value(None)
    page.filters.continuation.set_value("unknown")
    settle(window._ctx)
    assert page.model.rowCount() == 3
    page.filters.continuation.set_value("stopped")
    settle(window._ctx)
    assert page.model.rowCount() == 0


def test_submitting_an_incomplete_draft_from_the_list_says_what_is_missing(
    window, ctx, operator, monkeypatch, qtbot
):
    from PySide6.QtWidgets import QMessageBox

    from jipp_desktop.services.innovations import get_innovation

    innovation_id = add_innovation(ctx.db, operator, summary=None, innovators=None)
    page = window.show_page("innovations")
    page.model.reload()
    page.table.selectRow(0)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[1:3]))
    page.submit_selected()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    [(title, text)] = shown
    assert title == "Tidak dapat diajukan"
    assert text.splitlines() == ["Inovator: wajib diisi", "Ringkasan: wajib diisi"]
    with ctx.db.session() as s:
        assert get_innovation(s, innovation_id).workflow == "draft"


def test_deleting_asks_and_a_record_under_review_is_refused(
    window, ctx, operator, monkeypatch, qtbot
):
    from PySide6.QtWidgets import QMessageBox

    from jipp_desktop.services.innovations import get_innovation
    from jipp_desktop.services.verification import submit

    innovation_id = add_innovation(ctx.db, operator)
    with ctx.db.transaction() as s:
        submit(s, operator, innovation_id)
    page = window.show_page("innovations")
    page.model.reload()
    page.table.selectRow(0)
    asked, warned = [], []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes,
    )
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    page.delete_selected()
    qtbot.waitUntil(lambda: bool(warned), timeout=10_000)
    assert asked and "Layanan Akta Kelahiran" in asked[0]
    assert warned == ["inovasi sedang diverifikasi; hanya admin yang dapat menghapusnya"]
    with ctx.db.session() as s:
        assert get_innovation(s, innovation_id).deleted_at is None


def test_a_failed_background_read_is_said_and_the_list_kept(
    window, ctx, operator, qtbot, monkeypatch
):
    add_innovations(ctx.db, operator, 3)
    page = window.show_page("innovations")
    page.model.reload()
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: said.append(text))

    def broken(*_args, **_kwargs):
        raise OperationalError("SELECT", {}, sqlite3.OperationalError("disk I/O error"))

    monkeypatch.setattr(search, "count_innovations", broken)
    page.filters.search.setText("Contoh")
    page.filters.search.returnPressed.emit()
    qtbot.waitUntil(lambda: said != [])
    assert said == ["kesalahan basis data / database error: disk I/O error"]
    assert page.model.rowCount() == 3
