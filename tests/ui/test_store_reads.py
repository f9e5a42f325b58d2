"""Reads that grow with the store run on the read pool (the agency and hub lists, the status
bar's counts, the reports page's hubs) with "Memuat…" meanwhile and the newest request winning;
the agency and hub editors are told when their record changes elsewhere."""

from __future__ import annotations

import time
from typing import Any

import pytest

import jipp_desktop.syncstate.pending as pending_module
import ui.pages.agency_editor as agency_editor
import ui.pages.hub_editor as hub_editor
import ui.reports.page as reports_page
from jipp_desktop.services.agencies import update_agency
from jipp_desktop.services.change_set import ChangeSet
from jipp_desktop.services.hubs import get_hub, update_hub
from tests.conftest import DENPASAR
from tests.ui.conftest import add_innovation, on_threads, settle, settled
from ui.pages.agency_editor import AgencyEditor
from ui.pages.hub_editor import HubEditor
from ui.reports.page import ReportsPage
from ui.status_bar import SyncStatusBar


def test_the_lists_and_counts_are_read_off_the_gui_thread(
    ctx: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    agencies = on_threads(monkeypatch, agency_editor, "find_agencies")
    hubs = on_threads(monkeypatch, hub_editor, "list_hubs")
    choices = on_threads(monkeypatch, reports_page, "hub_choices")
    counts = on_threads(monkeypatch, pending_module, "pending_count")
    add_innovation(ctx.db, ctx.actor)  # one change waiting for the registry

    agency_page = AgencyEditor(ctx)
    hub_page = HubEditor(ctx)
    report_page = ReportsPage(ctx)
    bar = SyncStatusBar(ctx)
    for widget in (agency_page, hub_page, report_page, bar):
        qtbot.addWidget(widget)
    # Until the answers arrive the views say they are loading.
    assert agency_page.count.text() == "Memuat…"
    assert hub_page.count.text() == "Memuat…"
    assert report_page.hub.placeholderText() == "Memuat…"

    qtbot.waitUntil(lambda: agency_page.table.rowCount() > 600)
    qtbot.waitUntil(lambda: hub_page.table.rowCount() == 35)
    qtbot.waitUntil(lambda: report_page.hub.count() == 35)
    qtbot.waitUntil(lambda: bar.pending.text() == "Belum disinkronkan: 1")
    assert agency_page.count.text() == f"{agency_page.table.rowCount()} instansi"
    assert hub_page.count.text() == "35 hub"
    assert report_page.hub.placeholderText() == ""
    for calls in (agencies, hubs, choices, counts):
        assert calls and not any(calls)


def test_an_older_search_answered_late_is_dropped(
    ctx: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = agency_editor.find_agencies

    def slow_when_unfiltered(session: Any, text: str = "", *args: Any) -> Any:
        if not text:
            time.sleep(0.8)  # the whole list answers after the search typed meanwhile
        return real(session, text, *args)

    monkeypatch.setattr(agency_editor, "find_agencies", slow_when_unfiltered)
    page = AgencyEditor(ctx)
    qtbot.addWidget(page)
    page.search.setText("Denpasar")
    qtbot.waitUntil(lambda: page.count.text() != "Memuat…")
    settle(ctx)  # the unfiltered answer has come too, and was dropped
    names = [page.table.item(i, 0).text() for i in range(page.table.rowCount())]
    assert names and all("Denpasar" in name for name in names)
    assert page.count.text() == f"{len(names)} instansi"


def _editor_on(editor: Any, qtbot: Any, record_id: str) -> None:
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor.table.rowCount() > 0)
    for row in range(editor.table.rowCount()):
        if editor.table.item(row, 0).data(0x0100) == record_id:  # Qt.UserRole
            editor.table.setCurrentCell(row, 0)
            return
    raise AssertionError(f"{record_id} is not listed")


def test_the_agency_editor_reloads_a_changed_agency_and_keeps_unsaved_edits(
    ctx: Any, qtbot: Any
) -> None:
    clean, edited, elsewhere = AgencyEditor(ctx), AgencyEditor(ctx), AgencyEditor(ctx)
    agency_id = DENPASAR
    for editor in (clean, edited, elsewhere):
        _editor_on(editor, qtbot, agency_id)
    qtbot.keyClicks(edited.address, "Jl. Contoh No. 1")

    elsewhere.name.setText("Pemerintah Kota Denpasar (Diubah)")
    assert settled(qtbot, elsewhere, elsewhere.save)

    # The clean editor read the agency again; the edited one was told and kept its edit.
    assert clean.name.text() == "Pemerintah Kota Denpasar (Diubah)"
    assert clean.message.text() == "Diperbarui: instansi ini diubah di tempat lain."
    assert edited.name.text() != "Pemerintah Kota Denpasar (Diubah)"
    assert edited.address.text() == "Jl. Contoh No. 1"
    assert "tidak ditimpa" in edited.message.text()
    assert edited.reload_button.isVisibleTo(edited)
    assert not clean.reload_button.isVisibleTo(clean)
    edited.reload_button.click()
    assert edited.name.text() == "Pemerintah Kota Denpasar (Diubah)"
    assert edited.address.text() == ""
    assert not edited.reload_button.isVisibleTo(edited)
    # The lists show the new name once their background read answers.
    qtbot.waitUntil(
        lambda: any(
            clean.table.item(i, 0).text() == "Pemerintah Kota Denpasar (Diubah)"
            for i in range(clean.table.rowCount())
        )
    )

    with ctx.db.transaction() as s:  # a change the GUI did not make (as a sync pull does)
        update_agency(s, ctx.actor, agency_id, {"address": "Jl. Dari Registri"})
    ctx.changed.emit(ChangeSet({"agency": frozenset({agency_id})}, origin="registry"), None)
    assert clean.address.text() == "Jl. Dari Registri"
    assert edited.address.text() == "Jl. Dari Registri"


def test_the_hub_editor_reloads_a_changed_designation_and_keeps_unsaved_edits(
    ctx: Any, qtbot: Any
) -> None:
    clean, edited, elsewhere = HubEditor(ctx), HubEditor(ctx), HubEditor(ctx)
    qtbot.addWidget(clean)
    qtbot.waitUntil(lambda: clean.table.rowCount() == 35)
    hub_id = str(clean.table.item(0, 0).data(0x0100))
    with ctx.db.session() as s:
        decree = get_hub(s, hub_id).decree
    for editor in (clean, edited, elsewhere):
        _editor_on(editor, qtbot, hub_id)
    assert clean.decree.text() == decree
    qtbot.keyClicks(edited.cohort, "Angkatan Uji")

    elsewhere.decree.setText("Keputusan Menteri PANRB Nomor 99 Tahun 2099 (contoh)")
    assert settled(qtbot, elsewhere, elsewhere.save)

    assert clean.decree.text() == "Keputusan Menteri PANRB Nomor 99 Tahun 2099 (contoh)"
    assert clean.message.text() == "Diperbarui: penetapan hub ini diubah di tempat lain."
    assert edited.decree.text() == decree
    assert edited.cohort.text().endswith("Angkatan Uji")
    assert "tidak ditimpa" in edited.message.text()
    assert edited.reload_button.isVisibleTo(edited)
    edited.reload_button.click()
    assert edited.decree.text() == "Keputusan Menteri PANRB Nomor 99 Tahun 2099 (contoh)"
    assert not edited.cohort.text().endswith("Angkatan Uji")

    with ctx.db.transaction() as s:  # as a sync pull writes it
        update_hub(s, ctx.actor, hub_id, {"decree": "Keputusan Dari Registri Nomor 1"})
    ctx.changed.emit(ChangeSet({"hub": frozenset({hub_id})}, origin="registry"), None)
    assert clean.decree.text() == "Keputusan Dari Registri Nomor 1"
