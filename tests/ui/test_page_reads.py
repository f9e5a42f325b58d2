"""Reads that grow with the store, on the read pool for the rest of the GUI: the verification
queue (and the record chosen in it), the sync page, the commitments list, a record's history
and the innovation picker. Each says it is loading, then shows the rows; a change set makes it
read again; a later read supersedes an earlier one."""

from __future__ import annotations

import time
from datetime import date
from typing import Any

import pytest

import ui.commitments.model as commitment_model
import ui.forms.history as history_module
import ui.forms.innovation_picker as picker_module
import ui.pages.sync as sync_module
import ui.pages.verification as verification_module
from jipp_desktop.services.change_set import ChangeSet
from jipp_desktop.services.commitments import CommitmentInput, SignatoryInput, create_commitment
from jipp_desktop.services.innovations import insert_innovations
from jipp_desktop.services.verification import submit
from tests.conftest import innovation_values
from tests.ui.conftest import add_innovation, on_threads, settle
from ui.commitments.page import CommitmentsPage
from ui.forms.innovation_form import InnovationForm
from ui.forms.innovation_picker import InnovationPicker
from ui.pages.sync import SyncPage
from ui.pages.verification import VerificationPage

QUEUE = 500


def _submitted(ctx: Any, officer: Any, n: int) -> list[str]:
    """``n`` records waiting for verification (stored as submitted, through the bulk path)."""
    from jipp_desktop.domain.validation import validate_innovation
    from jipp_desktop.services.lookup import StoreLookup

    with ctx.db.transaction() as s:
        lookup = StoreLookup(s)
        rows = []
        for i in range(n):
            cleaned, errors = validate_innovation(
                innovation_values(title=f"Inovasi Antrean Nomor {i:05d}"), lookup
            )
            assert not errors, errors
            rows.append(cleaned)
        return insert_innovations(s, officer, rows, workflow="submitted")


def _page(ctx: Any, officer: Any, qtbot: Any) -> VerificationPage:
    ctx.set_actor(officer)
    page = VerificationPage(ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def test_the_verification_queue_and_its_record_are_read_off_the_gui_thread(
    ctx: Any, operator: Any, verifier: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    queue = on_threads(monkeypatch, verification_module, "queue_entries")
    duplicates = on_threads(monkeypatch, verification_module, "possible_duplicates")
    decisions = on_threads(monkeypatch, verification_module, "decisions_of")
    _submitted(ctx, operator, QUEUE)

    page = _page(ctx, verifier, qtbot)
    # Until the answer arrives the queue says it is loading; nothing can be decided.
    assert page.queue_label.text() == "Antrean verifikasi: memuat…"
    assert not page.decide_button.isEnabled()
    qtbot.waitUntil(lambda: not page.is_loading, timeout=10_000)
    assert page.queue_list.count() == QUEUE
    assert page.queue_label.text() == "Antrean verifikasi: 500"
    assert page.current_id() == page.queue_list.id_at(0)
    assert "Inovasi Antrean Nomor" in page.record.toPlainText()
    assert page.decide_button.isEnabled()
    for calls in (queue, duplicates, decisions):
        assert calls and not any(calls)

    # A record submitted elsewhere (another window, a sync pull): the change set reads again.
    other = add_innovation(ctx.db, operator, title="Layanan Diajukan Di Jendela Lain")
    with ctx.db.transaction() as s:
        submit(s, operator, other)
    ctx.changed.emit(ChangeSet({"innovation": frozenset({other})}, origin="registry"), None)
    assert page.queue_label.text() == "Antrean verifikasi: memuat…"
    qtbot.waitUntil(lambda: page.queue_list.count() == QUEUE + 1, timeout=10_000)
    assert not any(queue)


def test_stepping_through_the_queue_shows_the_last_record_chosen_only(
    ctx: Any, operator: Any, verifier: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    titles = dict(zip(_submitted(ctx, operator, 2), ("Nomor 00000", "Nomor 00001"), strict=True))
    real = verification_module.record_detail
    asked: list[str] = []

    def slow_at_first(session: Any, innovation_id: str) -> Any:
        asked.append(innovation_id)
        if len(asked) == 1:
            time.sleep(0.8)  # answers after the record chosen meanwhile
        return real(session, innovation_id)

    monkeypatch.setattr(verification_module, "record_detail", slow_at_first)
    page = _page(ctx, verifier, qtbot)
    qtbot.waitUntil(lambda: bool(asked) and page.record_reads.busy)
    first = page.current_id()
    assert first == asked[0]
    # Still being read: slow, it says so, and its decision waits.
    qtbot.waitUntil(lambda: "Memuat rekaman…" in page.record.toPlainText())
    page.outcome.set_value("valid_continuing")
    page.method.set_value("desk")
    page.decide()
    assert page.message.text() == "Rekaman masih dimuat; tunggu sebentar."
    page.queue_list.setCurrentRow(1)
    second = page.current_id()
    assert second != first
    qtbot.waitUntil(lambda: not page.is_loading, timeout=10_000)
    settle(ctx)  # the first record's answer has come too, and was dropped
    assert page.current_id() == second
    assert titles[second] in page.record.toPlainText()
    assert titles[first] not in page.record.toPlainText()


def test_the_sync_page_reads_its_queue_and_problems_off_the_gui_thread(
    ctx: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sync.client.credentials.keyring_usable", lambda: False)
    state = on_threads(monkeypatch, sync_module, "sync_page_state")
    add_innovation(ctx.db, ctx.actor)  # one change waiting for the registry
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    assert page.total.text() == "Memuat…"
    qtbot.waitUntil(lambda: page.total.text() == "Jumlah perubahan belum disinkronkan: 1")
    assert page.pending_table.rowCount() == 1
    assert page.pending_table.item(0, 0).text() == "Inovasi"
    assert page.last_sync.text() == "Sinkronisasi terakhir: belum pernah"

    add_innovation(ctx.db, ctx.actor, title="Layanan Kedua Yang Menunggu")
    ctx.changed.emit(ChangeSet(sync_state=True), None)
    qtbot.waitUntil(lambda: page.total.text() == "Jumlah perubahan belum disinkronkan: 2")
    assert len(state) == 2 and not any(state)


def _commitment(ctx: Any, number: str, signed_on: date) -> str:
    data = CommitmentInput(
        number=number,
        title="Pernyataan Komitmen Replikasi",
        place="Denpasar",
        signed_on=signed_on,
        clauses=("Mereplikasi inovasi.",),
        signatories=(
            SignatoryInput("Pemerintah Kota Denpasar", "I Gusti Ngurah Jaya", "Wali Kota"),
        ),
    )
    with ctx.db.transaction() as s:
        return create_commitment(s, ctx.actor, data).id


def test_the_commitments_list_is_read_off_the_gui_thread(
    ctx: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed = on_threads(monkeypatch, commitment_model, "list_commitments")
    newest = _commitment(ctx, "010/PK/2024", date(2024, 3, 14))
    _commitment(ctx, "005/PK/2023", date(2023, 10, 20))
    page = CommitmentsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.count.text() == "Memuat…"
    assert page.model.rowCount() == 0
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert page.count.text() == "2 komitmen"
    # Its first answer opens the newest commitment.
    assert page.current_id == newest and page.editor.number.text() == "010/PK/2024"

    # One added elsewhere: the change set reads the list again, the one shown stays chosen.
    added = _commitment(ctx, "011/PK/2024", date(2024, 5, 2))
    ctx.changed.emit(ChangeSet({"commitment": frozenset({added})}, origin="registry"), None)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    assert page.count.text() == "3 komitmen"
    assert page.current_id == newest
    chosen = page.table.selectionModel().selectedRows()
    assert [page.model.row_id(i.row()) for i in chosen] == [newest]
    assert len(listed) == 2 and not any(listed)


def test_a_records_history_is_read_off_the_gui_thread(
    ctx: Any, operator: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    read = on_threads(monkeypatch, history_module, "history")
    record_id = add_innovation(ctx.db, operator)
    form = InnovationForm(ctx, record_id)
    qtbot.addWidget(form)
    assert form.history.rowCount() == 1 and form.history.item(0, 0).text() == "Memuat…"
    qtbot.waitUntil(lambda: not form.history.reads.busy)
    assert [form.history.item(r, 2).text() for r in range(form.history.rowCount())] == ["dibuat"]
    assert form.history.item(0, 1).text() == operator.name
    assert read and not any(read)
    form.close()


def test_the_innovation_picker_searches_off_the_gui_thread(
    ctx: Any, operator: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    searched = on_threads(monkeypatch, picker_module, "search_innovations")
    mine = add_innovation(ctx.db, operator, title="Layanan Akta Kelahiran Dari Rumah Sakit")
    other = add_innovation(ctx.db, operator, title="Layanan Akta Kematian Dari Kelurahan")
    picker = InnovationPicker(ctx, None, exclude_id=mine)
    qtbot.addWidget(picker)
    picker.search.setText("akta")
    assert picker.status.text() == "Mencari…"
    qtbot.waitUntil(lambda: picker.results.count() == 1)
    assert picker.chosen() == (other, "Layanan Akta Kematian Dari Kelurahan")
    assert picker.status.text() == ""
    picker.search.setText("tidakadayangcocok")
    qtbot.waitUntil(lambda: picker.status.text() == "Tidak ada inovasi yang cocok.")
    assert picker.chosen() is None
    assert len(searched) == 2 and not any(searched)


def test_a_later_search_in_the_picker_supersedes_an_earlier_one(
    ctx: Any, operator: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = picker_module.search_innovations

    def slow_for_akta(session: Any, words: str, **kwargs: Any) -> Any:
        if words == "akta":
            time.sleep(0.8)  # the answer comes after the words typed meanwhile
        return real(session, words, **kwargs)

    monkeypatch.setattr(picker_module, "search_innovations", slow_for_akta)
    add_innovation(ctx.db, operator, title="Layanan Akta Kelahiran Dari Rumah Sakit")
    posyandu = add_innovation(ctx.db, operator, title="Posyandu Keliling Lansia Di Desa")
    picker = InnovationPicker(ctx)
    qtbot.addWidget(picker)
    picker.search.setText("akta")
    picker.search.setText("posyandu")
    qtbot.waitUntil(lambda: not picker.reads.busy)
    settle(ctx)  # the slow answer has come too, and was dropped
    assert picker.results.count() == 1
    assert picker.chosen() == (posyandu, "Posyandu Keliling Lansia Di Desa")
