"""The innovation form: every field, messages at fields, awards, attachments, history, guard."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from jipp_desktop.domain.fields import INNOVATION_FIELDS
from jipp_desktop.services.attachments import attachments_of
from jipp_desktop.services.innovations import get_innovation
from tests.conftest import innovation_values
from tests.ui.conftest import add_innovation, settled
from ui.forms.innovation_form import InnovationForm


def test_form_has_an_editor_for_every_field_and_marks_required_ones(ctx):
    form = InnovationForm(ctx)
    assert set(form.editors) == {f.name for f in INNOVATION_FIELDS}
    labels = {
        w.buddy().objectName(): w.text()
        for w in form.findChildren(type(form.message))
        if w.buddy() is not None
    }
    assert labels["title"] == "Judul inovasi **"
    assert labels["summary"] == "Ringkasan *"
    assert labels["video_url"] == "Tautan video"
    form.close()


def test_every_value_round_trips_through_the_form(ctx, operator, qtbot, writes):
    values = innovation_values(
        registration_number="JIPP-2021-000001",
        trial_date=date(2021, 3, 1),
        launch_date=date(2021, 6, 1),
        is_digital=True,
        sdg_goals=[3, 16],
        legal_basis_kind="perkada",
        legal_basis_number="Perwali No. 12 Tahun 2021",
        legal_basis_date=date(2021, 5, 20),
        video_url="https://video.contoh.example/akta",
        contact_email="akta@contoh.example",
        contact_phone="+62 800 0000 1234",
    )
    form = InnovationForm(ctx)
    for name, value in values.items():
        form.editors[name].set_value(value)
    assert settled(qtbot, form, form.save_draft)
    assert writes.names() == ["save_innovation"] and writes.all_off_the_gui_thread()
    with ctx.db.session() as s:
        stored = get_innovation(s, form.innovation_id)
        for name, value in values.items():
            assert getattr(stored, name) == value, name
    form.close()


def test_bad_values_get_their_message_at_the_field_and_nothing_is_stored(ctx, qtbot):
    form = InnovationForm(ctx)
    for name, value in innovation_values(
        video_url="bukan alamat", contact_email="tanpa-at", year_started=2999
    ).items():
        form.editors[name].set_value(value)
    assert not settled(qtbot, form, form.save_draft)
    for field in ("video_url", "contact_email", "year_started"):
        assert form.errors.labels[field].isVisibleTo(form), field
        assert form.errors.labels[field].text()
    assert "isian yang ditandai merah" in form.message.text()
    assert form.innovation_id is None
    form.close()


def test_competition_history_rows_are_checked_and_saved(ctx, operator, qtbot):
    innovation_id = add_innovation(ctx.db, operator)
    form = InnovationForm(ctx, innovation_id)
    form.awards.add_row(2022, "KIPP", "Top 45")
    form.awards.add_row(1990, "KIPP", "Top 99")
    assert not settled(qtbot, form, form.save_draft)
    assert form.errors.labels["awards"].text().startswith("riwayat kompetisi baris 2")
    form.awards.table.selectRow(1)
    form.awards.remove_row()
    assert settled(qtbot, form, form.save_draft)
    with ctx.db.session() as s:
        [award] = get_innovation(s, innovation_id).awards
        assert (award.year, award.stage_reached) == (2022, "Top 45")
    form.history.load(innovation_id)
    qtbot.waitUntil(lambda: not form.history.reads.busy)  # read on the read pool
    changes = [form.history.item(r, 2).text() for r in range(form.history.rowCount())]
    assert "diubah: awards" in changes and "dibuat" in changes
    form.close()


def test_unsaved_edits_guard_cancel_keeps_the_form_discard_drops_edits(ctx, operator, monkeypatch):
    innovation_id = add_innovation(ctx.db, operator)
    form = InnovationForm(ctx, innovation_id)
    form.show()
    form.editors["unit_name"].set_value("Unit Baru")
    form.editors["unit_name"].changed.emit()
    answer = [QMessageBox.StandardButton.Cancel]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answer[0])
    form.close()
    assert form.isVisible()
    answer[0] = QMessageBox.StandardButton.Discard
    form.close()
    assert not form.isVisible()
    with ctx.db.session() as s:
        assert (
            get_innovation(s, innovation_id).unit_name == "Dinas Kependudukan dan Pencatatan Sipil"
        )


def test_attachments_are_added_in_the_background_opened_and_removed(
    ctx, operator, tmp_path, qtbot, monkeypatch, writes
):
    innovation_id = add_innovation(ctx.db, operator)
    writes.clear()
    evidence = tmp_path / "sk-walikota.pdf"
    evidence.write_bytes(b"%PDF-1.4 contoh")
    form = InnovationForm(ctx, innovation_id)
    panel = form.attachments
    assert panel.add_button.isEnabled()
    panel.add_files([evidence])
    qtbot.waitUntil(lambda: panel.files.count() == 1, timeout=10000)
    assert panel.files.item(0).text().startswith("sk-walikota.pdf")
    panel.files.setCurrentRow(0)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    copy = panel.open_selected()
    assert opened and opened[0].toLocalFile() == str(copy)
    assert copy is not None and copy.read_bytes() == b"%PDF-1.4 contoh"
    assert copy.name == "sk-walikota.pdf"
    panel.remove_selected()
    qtbot.waitUntil(lambda: panel.files.count() == 0, timeout=10000)
    with ctx.db.session() as s:
        assert attachments_of(s, innovation_id) == []
    assert writes.names() == ["add_attachments", "remove_attachment"]
    assert writes.all_off_the_gui_thread()
    form.close()


def test_missing_attachment_file_is_refused_with_its_name(
    ctx, operator, tmp_path, qtbot, monkeypatch
):
    innovation_id = add_innovation(ctx.db, operator)
    form = InnovationForm(ctx, innovation_id)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    form.attachments.add_files([tmp_path / "tidak-ada.pdf"])
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "tidak-ada.pdf" in shown[0] and "berkas tidak ada" in shown[0]
    assert form.attachments.files.count() == 0
    form.close()


def test_a_record_under_review_opens_read_only(ctx, operator):
    from jipp_desktop.services.verification import submit

    innovation_id = add_innovation(ctx.db, operator)
    with ctx.db.transaction() as s:
        submit(s, operator, innovation_id)
    form = InnovationForm(ctx, innovation_id)
    assert not form.save_button.isEnabled()
    assert form.editors["title"].widget.isReadOnly()
    assert "sedang diverifikasi" in form.message.text()
    form.close()
