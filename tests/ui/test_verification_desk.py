"""The verification desk as a verifier uses it: the record's earlier decisions and what changed
since, the queue's search and filters, the "duplicate of" choice, and what an operator may not
touch."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from jipp_desktop.reference.seed import reference_id
from jipp_desktop.services.innovations import update_innovation
from jipp_desktop.services.verification import VerificationInput, submit, verifications_of, verify
from tests.conftest import BALI
from tests.ui.conftest import add_innovation
from ui.pages.verification import VerificationPage

SURABAYA = reference_id("agency", "Pemerintah Kota Surabaya")


def submitted(ctx: Any, officer: Any, **changes: Any) -> str:
    innovation_id = add_innovation(ctx.db, officer, **changes)
    with ctx.db.transaction() as s:
        submit(s, officer, innovation_id)
    return innovation_id


def page_for(ctx: Any, officer: Any, qtbot: Any) -> VerificationPage:
    ctx.set_actor(officer)
    page = VerificationPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    read(page, qtbot)
    return page


def read(page: VerificationPage, qtbot: Any) -> None:
    """Waits for the queue and the record chosen to be read (on the read pool)."""
    qtbot.waitUntil(lambda: not page.is_loading, timeout=10000)


def test_the_record_pane_shows_earlier_decisions_with_notes_and_what_changed_since(
    ctx, operator, verifier, officers, qtbot
):
    innovation_id = submitted(ctx, operator, year_started=2021)
    note = "Tahun mulai diterapkan berbeda dengan tanggal pada SK pembentukan."
    with ctx.db.transaction() as s:
        verify(s, verifier, innovation_id, VerificationInput("needs_revision", "phone", note))
    with ctx.db.transaction() as s:
        update_innovation(s, operator, innovation_id, {"year_started": 2020})
        submit(s, operator, innovation_id)
    page = page_for(ctx, officers["admin"], qtbot)
    assert page.current_id() == innovation_id
    text = page.record.toPlainText()
    assert "Riwayat verifikasi" in text
    assert note in text
    assert "Perlu perbaikan" in text and "Telepon" in text and verifier.name in text
    assert "Diubah sejak keputusan terakhir" in text
    changed = text.split("Diubah sejak keputusan terakhir", 1)[1]
    assert "Tahun mulai diterapkan" in changed
    assert "2021 → 2020" in changed
    # The queue says it came back, when and from whom.
    line = page.queue_list.model().index(0, 0).data()
    assert "diajukan ulang" in line and operator.name in line


def test_a_first_submission_has_no_history_section(ctx, operator, verifier, qtbot):
    submitted(ctx, operator)
    page = page_for(ctx, verifier, qtbot)
    text = page.record.toPlainText()
    assert "Riwayat verifikasi" not in text
    assert "Diubah sejak keputusan terakhir" not in text


def test_the_queue_is_searched_and_filtered_and_keys_move_through_what_is_shown(
    ctx, operator, officers, verifier, qtbot
):
    denpasar = submitted(ctx, operator, title="Layanan Akta Kelahiran dari Rumah Sakit")
    bali = submitted(
        ctx, officers["operator2"], title="Sistem Informasi Irigasi Subak", agency_id=BALI,
        region_code="51",
    )  # fmt: skip
    surabaya = submitted(
        ctx, operator, title="Surabaya Single Window Perizinan", agency_id=SURABAYA,
        region_code="35.78",
    )  # fmt: skip
    page = page_for(ctx, verifier, qtbot)
    assert page.queue_list.count() == 3
    assert page.queue_label.text() == "Antrean verifikasi: 3"
    # Whole titles, the submitter and the submission date on each line.
    first = page.queue_list.model().index(0, 0).data()
    assert first.startswith("Layanan Akta Kelahiran dari Rumah Sakit\n")
    assert operator.name in first and "diajukan" in first
    assert page.queue_list.wordWrap()

    page.queue_province.set_value("51")
    assert page.queue_list.count() == 2
    assert page.queue_label.text() == "Antrean verifikasi: 2 dari 3"
    assert page.queue_regency.isEnabled()
    page.queue_regency.set_value("51.71")
    assert [page.queue_list.id_at(i) for i in range(page.queue_list.count())] == [denpasar]
    page.queue_regency.set_value(None)
    page.queue_submitter.set_value(officers["operator2"].id)
    assert page.current_id() == bali
    page.queue_submitter.set_value(None)
    page.queue_province.set_value(None)
    page.queue_agency.set_value(SURABAYA)
    assert page.current_id() == surabaya and page.queue_list.count() == 1
    page.queue_agency.set_value(None)

    page.queue_search.setText("subak")
    assert page.queue_list.count() == 1 and page.current_id() == bali
    read(page, qtbot)
    page.queue_search.setText("")
    page.queue_workflow.set_value("resubmitted")
    assert page.queue_list.count() == 0
    assert page.queue_label.text() == "Antrean verifikasi: 0 dari 3"
    assert not page.decide_button.isEnabled()
    page.queue_workflow.set_value(None)

    # Ctrl+Down goes through the filtered queue only.
    page.queue_search.setText("a")  # all three titles have an "a"
    page.queue_province.set_value("51")
    page.queue_list.setFocus()
    page.queue_list.setCurrentRow(0)
    assert page.current_id() == denpasar
    qtbot.keyClick(page.queue_list, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert page.current_id() == bali
    qtbot.keyClick(page.queue_list, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert page.current_id() == bali  # the end of what is shown: Surabaya is filtered out
    read(page, qtbot)
    assert "Subak" in page.record.toPlainText()


def test_duplicate_of_is_chosen_in_its_own_control_and_stored(ctx, operator, verifier, qtbot):
    original = add_innovation(ctx.db, operator, title="Layanan Akta Kelahiran dari Rumah Sakit")
    copy = submitted(ctx, operator, title="Layanan Akta Kelahiran Rumah Sakit Daerah")
    page = page_for(ctx, verifier, qtbot)
    assert page.current_id() == copy
    assert page.duplicate_of.isEnabled() and page.find_duplicate.isEnabled()
    assert page.duplicate_of.value() is None
    page.duplicates.setCurrentRow(0)  # choosing a listed duplicate fills the control
    assert page.duplicate_of.value() == original
    page.outcome.set_value("duplicate")
    page.method.set_value("desk")
    page.notes.setPlainText("Sama dengan rekaman yang sudah ada.")
    page.decide()
    qtbot.waitUntil(lambda: page.queue_list.count() == 0, timeout=10000)
    with ctx.db.session() as s:
        (decision,) = verifications_of(s, copy)
        assert decision.duplicate_of_id == original


def test_an_operator_sees_the_queue_but_every_decision_control_is_off(
    ctx, operator, officers, qtbot
):
    submitted(ctx, officers["operator2"])
    page = page_for(ctx, operator, qtbot)
    assert page.role_note.isVisibleTo(page)
    for w in (
        page.outcome, page.method, page.continuation, page.notes, page.duplicate_of,
        page.find_duplicate, page.confirm_duplicates, page.add_evidence, page.decide_button,
    ):  # fmt: skip
        assert not w.isEnabled(), w.objectName() or w
