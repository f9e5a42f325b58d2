"""Agencies and hub designations: view, create, change, with messages at fields."""

from __future__ import annotations

from jipp_desktop.services.agencies import find_agencies
from jipp_desktop.services.hubs import list_hubs
from tests.conftest import BALI, DENPASAR
from tests.ui.conftest import settled
from ui.pages.agencies import AgenciesPage


def test_new_agency_is_checked_then_stored_and_listed(ctx, qtbot, writes):
    page = AgenciesPage(ctx)
    qtbot.addWidget(page)
    editor = page.agencies
    editor.new()
    editor.name.setText("X")
    assert not settled(qtbot, editor, editor.save)
    assert editor.errors.labels["name"].text() == "nama instansi wajib diisi"
    assert editor.errors.labels["kind"].text() == "jenis instansi wajib dipilih"
    editor.name.setText("Dinas Inovasi Daerah Contoh")
    editor.kind.set_value("other")
    editor.region.set_value("51.71")
    assert settled(qtbot, editor, editor.save)
    # Both tries were one use case each, on the write thread.
    assert writes.names() == ["create_agency", "create_agency"]
    assert writes.all_off_the_gui_thread()
    editor.search.setText("inovasi daerah contoh")  # the list is read on the read pool
    qtbot.waitUntil(lambda: editor.table.rowCount() == 1)
    assert editor.table.item(0, 2).text() == "Kota Denpasar"
    with ctx.db.session() as s:
        [agency] = find_agencies(s, "Dinas Inovasi Daerah Contoh")
        assert agency.region_code == "51.71"
    # The new agency is offered at once in other dropdowns (reference cache dropped).
    assert "Dinas Inovasi Daerah Contoh" in [c.text for c in ctx.reference.agencies()]


def test_regional_government_without_region_is_refused(ctx, qtbot):
    page = AgenciesPage(ctx)
    qtbot.addWidget(page)
    editor = page.agencies
    editor.new()
    editor.name.setText("Pemerintah Kabupaten Contoh Baru")
    editor.kind.set_value("regency")
    assert not settled(qtbot, editor, editor.save)
    assert editor.errors.labels["region_code"].text() == "pemerintah daerah wajib mempunyai wilayah"


def test_hub_designation_with_spokes(ctx, admin, qtbot, writes):
    ctx.set_actor(admin)
    page = AgenciesPage(ctx)
    qtbot.addWidget(page)
    hubs = page.hubs
    qtbot.waitUntil(lambda: hubs.table.rowCount() > 0)  # read on the read pool
    before = hubs.table.rowCount()
    assert before >= 20  # the published designations are seeded
    hubs.new()
    hubs.agency.set_value(DENPASAR)
    hubs.decree.setText("x")
    assert not settled(qtbot, hubs, hubs.save)
    assert hubs.errors.labels["decree"].text() == "dasar penetapan wajib diisi"
    hubs.decree.setText("Keputusan Menteri PANRB (contoh) 2024")
    hubs.year.setValue(2024)
    hubs.spoke_choice.set_value(BALI)
    hubs._add_spoke()
    hubs.spoke_choice.set_value(DENPASAR)
    hubs._add_spoke()
    assert not settled(qtbot, hubs, hubs.save)
    assert hubs.errors.labels["spokes"].text() == "hub tidak dapat membina dirinya sendiri"
    hubs.spokes.setCurrentRow(1)
    hubs._remove_spoke()
    assert settled(qtbot, hubs, hubs.save)
    assert writes.names() == ["save_hub"] * 3 and writes.all_off_the_gui_thread()
    # The change set made the list read again.
    qtbot.waitUntil(lambda: hubs.table.rowCount() == before + 1)
    with ctx.db.session() as s:
        [hub] = [h for h in list_hubs(s) if h.agency_id == DENPASAR]
        assert [sp.agency_id for sp in hub.spokes] == [BALI]


def test_a_message_for_a_field_the_form_lacks_is_still_shown(qapp) -> None:
    from PySide6.QtWidgets import QLabel, QLineEdit

    from jipp_desktop.domain.errors import FieldError, ValidationFailed
    from ui.widgets.field_errors import FieldErrors

    errors, message = FieldErrors(), QLabel()
    errors.add("name", QLineEdit())
    errors.report(
        ValidationFailed([FieldError("spokes", "hub tidak dapat membina dirinya", "x")]),
        message,
        "id",
    )
    assert message.text() == "hub tidak dapat membina dirinya"
    errors.report(ValidationFailed([FieldError("name", "nama wajib diisi", "x")]), message, "id")
    assert message.text() == "Periksa isian yang ditandai merah."
    assert errors.labels["name"].text() == "nama wajib diisi"
