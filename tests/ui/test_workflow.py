"""The day's work through the real windows: an operator creates an innovation in the form, sees
a validation message, saves it, finds it, submits it; a verifier verifies it; the dashboard
counts it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from shiboken6 import isValid

from jipp_desktop.services.innovations import get_innovation
from jipp_desktop.services.verification import verifications_of
from tests.conftest import DENPASAR
from tests.ui.conftest import add_innovations, settle
from ui.forms.innovation_form import InnovationForm


def fill(target: InnovationForm, **values: object) -> None:
    for name, value in values.items():
        target.editors[name].set_value(value)
        target.editors[name].changed.emit()


def test_operator_records_and_submits_verifier_verifies_dashboard_counts(
    window, ctx, officers, qtbot, monkeypatch
):
    dashboard = window.show_page("dashboard")
    qtbot.waitUntil(lambda: dashboard.figures is not None)
    assert dashboard.tiles["verified"].value.text() == "0"

    page = window.show_page("innovations")
    form = page.new_innovation()
    title_edit = form.editors["title"].widget
    qtbot.keyClicks(title_edit, "Abc")
    with qtbot.waitSignal(form.settled, timeout=10_000):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    error = form.errors.labels["title"]
    assert error.isVisible()
    assert error.text() == "judul terlalu pendek (paling sedikit 5 karakter)"
    assert form.errors.labels["agency_id"].text() == "wajib diisi"
    assert page.model.rowCount() == 0  # nothing stored

    title_edit.clear()
    qtbot.keyClicks(title_edit, "Jemput Bola Akta Kelahiran Denpasar")
    fill(form, agency_id=DENPASAR, region_code="51.71")
    assert form.is_dirty
    with qtbot.waitSignal(form.settled, timeout=10_000):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not form.errors.labels["title"].isVisible()
    assert form.message.text() == "Draf tersimpan."
    assert not form.is_dirty
    innovation_id = form.innovation_id
    assert innovation_id is not None

    # Submitting an incomplete draft names the missing fields and changes nothing.
    with qtbot.waitSignal(form.settled, timeout=10_000):
        qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert form.errors.labels["summary"].text() == "wajib diisi"
    with ctx.db.session() as s:
        assert get_innovation(s, innovation_id).workflow == "draft"

    fill(
        form,
        innovators="Tim Disdukcapil",
        year_started=2022,
        form="public_service",
        initiator="agency",
        sector="civil_registration",
        phase="development",
        stage="implementation",
        summary="Petugas menjemput berkas akta kelahiran di rumah warga.",
    )
    # Closing with unsaved edits asks; the officer answers "Save".
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *args, **kw: asked.append(args[1]) or QMessageBox.StandardButton.Save,
    )
    form.close()
    assert asked == ["Perubahan belum disimpan"]
    # It closes once the save has committed (and is deleted with it).
    qtbot.waitUntil(lambda: not isValid(form) or not form.isVisible(), timeout=10_000)
    with ctx.db.session() as s:
        assert get_innovation(s, innovation_id).summary.startswith("Petugas menjemput")

    # Found by search and by filter.
    from jipp_desktop.services.change_set import ChangeSet

    added = add_innovations(ctx.db, officers["operator"], 3)
    ctx.changed.emit(ChangeSet({"innovation": frozenset(added)}), None)
    assert page.model.rowCount() == 4
    page.filters.search.setText("jemput bola")
    page.filters.search.returnPressed.emit()
    settle(ctx)
    assert page.model.rowCount() == 1
    page.filters.clear()
    page.filters.sector.set_value("civil_registration")
    page.filters.province.set_value("51")
    page.filters.phase.set_value("development")
    settle(ctx)
    assert page.model.rowCount() == 4
    page.filters.search.setText("jemput")
    page.filters.search.returnPressed.emit()
    settle(ctx)
    assert page.model.rowCount() == 1

    form = page.open_form(innovation_id)
    assert form.editors["year_started"].value() == 2022
    with qtbot.waitSignal(form.settled, timeout=10_000):
        qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert form.message.text() == "Diajukan untuk verifikasi."
    assert not form.save_button.isEnabled()  # under review: read-only
    # The change set made the list read again.
    state = page.model.column_of("workflow")
    qtbot.waitUntil(lambda: page.model.data(page.model.index(0, state)) == "Diajukan")
    form.close()
    assert not form.isVisible()

    # Another officer, a verifier, verifies it.
    ctx.set_actor(officers["verifier"])
    review = window.show_page("verification")
    qtbot.waitUntil(lambda: not review.is_loading, timeout=10000)  # read on the read pool
    assert review.queue_list.count() == 1
    assert "Jemput Bola Akta Kelahiran Denpasar" in review.record.toPlainText()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    review.queue_list.setFocus()
    qtbot.keyClick(review, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(
        review, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert review.outcome.value() == "valid_continuing"
    assert review.method.value() == "desk"
    qtbot.keyClicks(review.notes, "Dicek lewat dokumen SK.")
    qtbot.keyClick(review.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: review.queue_list.count() == 0, timeout=10000)
    assert review.message.text() == "Keputusan tersimpan."
    with ctx.db.session() as s:
        record = get_innovation(s, innovation_id)
        assert record.workflow == "verified"
        assert record.continuation == "continuing"
        [decision] = verifications_of(s, innovation_id)
        assert decision.verifier_id == officers["verifier"].id
        assert decision.notes == "Dicek lewat dokumen SK."

    window.show_page("dashboard")
    qtbot.waitUntil(lambda: dashboard.tiles["verified"].value.text() == "1", timeout=10000)
    assert dashboard.tiles["innovations"].value.text() == "4"
    assert window.status.pending.text().startswith("Belum disinkronkan: ")


def test_verifier_cannot_verify_own_queue_and_operator_sees_why(window, ctx):
    review = window.show_page("verification")
    assert review.role_note.isVisible()
    assert "Hanya verifikator atau admin" in review.role_note.text()
    assert not review.decide_button.isEnabled()
