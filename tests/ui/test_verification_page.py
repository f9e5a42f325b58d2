"""The verification workspace: queue, decisions, messages at fields, duplicates, evidence."""

from __future__ import annotations

from PySide6.QtCore import Qt

from jipp_desktop.services.attachments import attachments_of
from jipp_desktop.services.innovations import get_innovation
from jipp_desktop.services.verification import submit, verifications_of
from tests.ui.conftest import add_innovation
from ui.pages.verification import VerificationPage


def submitted(ctx, operator, **changes) -> str:
    innovation_id = add_innovation(ctx.db, operator, **changes)
    with ctx.db.transaction() as s:
        submit(s, operator, innovation_id)
    return innovation_id


def page_for(ctx, verifier, qtbot) -> VerificationPage:
    ctx.set_actor(verifier)
    page = VerificationPage(ctx)
    qtbot.addWidget(page)
    page.show()
    read(page, qtbot)
    return page


def read(page: VerificationPage, qtbot) -> None:
    """Waits for the queue and the record chosen to be read (on the read pool)."""
    qtbot.waitUntil(lambda: not page.is_loading, timeout=10000)


def test_missing_outcome_and_notes_are_named_at_their_fields(ctx, operator, verifier, qtbot):
    innovation_id = submitted(ctx, operator)
    page = page_for(ctx, verifier, qtbot)
    page.decide()
    qtbot.waitUntil(lambda: page.errors.labels["outcome"].isVisibleTo(page), timeout=10000)
    assert page.errors.labels["outcome"].text() == "hasil verifikasi wajib dipilih"
    assert page.errors.labels["method"].text() == "metode verifikasi wajib dipilih"
    page.outcome.set_value("needs_revision")
    page.method.set_value("phone")
    page.decide()
    qtbot.waitUntil(lambda: page.errors.labels["notes"].isVisibleTo(page), timeout=10000)
    assert "catatan wajib diisi" in page.errors.labels["notes"].text()
    with ctx.db.session() as s:
        assert get_innovation(s, innovation_id).workflow == "submitted"
        assert verifications_of(s, innovation_id) == []


def test_possible_duplicates_are_shown_and_must_be_checked_before_accepting(
    ctx, operator, verifier, qtbot
):
    add_innovation(ctx.db, operator, title="Layanan Akta Kelahiran dari Rumah Sakit")
    innovation_id = submitted(ctx, operator, title="Layanan Akta Kelahiran Rumah Sakit Daerah")
    page = page_for(ctx, verifier, qtbot)
    assert page.current_id() == innovation_id
    assert page.duplicates.count() == 1
    assert page.duplicates_label.text() == "Kemungkinan duplikat: 1"
    page.outcome.set_value("valid_continuing")
    page.method.set_value("desk")
    page.decide()
    assert "kemungkinan duplikat" in page.message.text()
    with ctx.db.session() as s:
        assert get_innovation(s, innovation_id).workflow == "submitted"
    # Marked as a duplicate of the other record instead.
    page.duplicates.setCurrentRow(0)
    page.outcome.set_value("duplicate")
    page.notes.setPlainText("Sama dengan rekaman RSUD yang sudah ada.")
    page.decide()
    qtbot.waitUntil(lambda: page.queue_list.count() == 0, timeout=10000)
    with ctx.db.session() as s:
        [decision] = verifications_of(s, innovation_id)
        assert decision.outcome == "duplicate"
        assert decision.duplicate_of_id is not None
        assert get_innovation(s, innovation_id).workflow == "rejected"


def test_keys_walk_the_queue_and_evidence_is_attached_to_the_decision(
    ctx, operator, verifier, qtbot, tmp_path, writes
):
    first = submitted(ctx, operator, title="Satu Pintu Perizinan Terpadu")
    second = submitted(ctx, operator, title="Posyandu Keliling Lansia", sector="health")
    writes.clear()
    page = page_for(ctx, verifier, qtbot)
    assert page.current_id() == first
    qtbot.keyClick(page.queue_list, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert page.current_id() == second
    read(page, qtbot)
    photo = tmp_path / "foto-lapangan.jpg"
    photo.write_bytes(b"\xff\xd8 foto")
    page.add_evidence_file(photo)
    page.outcome.set_value("valid_stopped")
    page.method.set_value("field_visit")
    page.notes.setPlainText("Layanan berhenti sejak 2023.")
    page.decide()
    qtbot.waitUntil(lambda: page.queue_list.count() == 1, timeout=10000)
    assert page.current_id() == first
    with ctx.db.session() as s:
        [decision] = verifications_of(s, second)
        [evidence] = attachments_of(s, decision.id)
        assert evidence.original_name == "foto-lapangan.jpg"
        assert get_innovation(s, second).continuation == "stopped"
    # The decision and its evidence: one use case, on the write thread.
    assert writes.names() == ["record_decision"] and writes.all_off_the_gui_thread()


def test_the_verifier_never_sees_records_they_entered(ctx, admin, qtbot):
    submitted(ctx, admin)
    page = page_for(ctx, admin, qtbot)
    assert page.queue_list.count() == 0
    assert page.queue_label.text() == "Antrean verifikasi: 0"
