"""One way for the GUI to change data: every change a core use case run on the write thread
(``ui.writes``), the window alive while another program holds the store, saves completed before
a form or the app closes, and the change set telling every view what changed."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox
from shiboken6 import isValid
from sqlalchemy import func, select

import ui
from jipp_desktop.db.models import Innovation
from jipp_desktop.services.innovations import get_innovation
from tests.conftest import innovation_values
from tests.ui.conftest import add_innovation, add_innovations, settled
from ui.forms.innovation_form import InnovationForm

HOLD_S = 3.0  # how long another program holds the store's write lock (busy timeout is 10 s)
SHORT_TIMEOUT_MS = 1_000  # the busy timeout where a test waits it out
TICK_MS = 50


def test_no_file_of_the_gui_opens_a_transaction() -> None:
    root = Path(ui.__file__).parent
    opening = [
        str(path.relative_to(root.parent))
        for path in sorted(root.rglob("*.py"))
        if "transaction(" in path.read_text(encoding="utf-8")
    ]
    assert opening == []


def test_the_helper_runs_only_a_core_service(ctx: Any) -> None:
    with pytest.raises(TypeError, match="one core service"):
        ctx.writes.run(None, lambda session: None)
    assert ctx.writes.pending == 0


@pytest.fixture(autouse=True)
def discard_at_close(monkeypatch: pytest.MonkeyPatch) -> None:
    """A form left with unsaved edits at the end of a test is closed without asking."""
    discard = QMessageBox.StandardButton.Discard
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: discard)


def count(ctx: Any) -> int:
    live = select(func.count()).select_from(Innovation).where(Innovation.deleted_at.is_(None))
    with ctx.db.session() as s:
        return s.scalar(live)


def filled_form(ctx: Any, qtbot: Any, **values: Any) -> InnovationForm:
    """A new form (deleted when closed; the context's teardown closes it) filled in."""
    form = InnovationForm(ctx)
    form.show()
    for name, value in innovation_values(**values).items():
        form.editors[name].set_value(value)
        form.editors[name].changed.emit()
    return form


class Locker:
    """Another program writing: holds the store's write lock from its own connection."""

    def __init__(self, path: Path) -> None:
        self._con = sqlite3.connect(str(path), timeout=1, isolation_level=None)
        self._con.execute("BEGIN IMMEDIATE")

    def release(self) -> None:
        self._con.execute("ROLLBACK")
        self._con.close()


def test_a_save_waits_for_another_writer_while_the_window_keeps_running(
    window: Any, ctx: Any, qtbot: Any, writes: Any
) -> None:
    form = filled_form(ctx, qtbot, title="Layanan Antre Saat Basis Data Sibuk")
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    locker = Locker(ctx.db.path)
    try:
        asked = time.monotonic()
        assert form.save_draft()
        assert time.monotonic() - asked < 0.5  # queued, not waited for on the GUI thread
        qtbot.wait(int(HOLD_S * 1000))
        # Still waiting for the lock: said so, the values kept (read-only, not lost).
        assert form.is_saving and form.message.text() == "Menyimpan…"
        assert window.status.saving.isVisible() and window.status.saving.text() == "Menyimpan…"
        assert form.editors["title"].value() == "Layanan Antre Saat Basis Data Sibuk"
        assert form.editors["title"].widget.isReadOnly()
        assert count(ctx) == 0
        held = [t for t in ticks if t >= asked]
    finally:
        locker.release()
    qtbot.waitUntil(lambda: not form.is_saving, timeout=10_000)
    timer.stop()
    # The event loop ran throughout: timer ticks all along, no gap of a frozen window.
    assert len(held) >= HOLD_S * 1000 / TICK_MS * 0.6
    gaps = [b - a for a, b in zip([asked, *held], held, strict=False)]
    assert max(gaps) < 0.5
    # Then the save landed, on the write thread.
    assert form.message.text() == "Draf tersimpan."
    assert not form.editors["title"].widget.isReadOnly()
    assert count(ctx) == 1
    assert writes.names() == ["save_innovation"] and writes.all_off_the_gui_thread()
    assert not window.status.saving.isVisible()


def test_a_save_held_past_the_busy_timeout_says_the_store_is_busy_and_keeps_the_form(
    ctx: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch, writes: Any
) -> None:
    # The store waits BUSY_TIMEOUT_MS (10 s) for another writer; 1 s here keeps the test short.
    monkeypatch.setattr("jipp_desktop.db.engine.BUSY_TIMEOUT_MS", SHORT_TIMEOUT_MS)
    ctx.db.engine.dispose()  # the pooled connections were opened with the 10 s timeout
    title = "Layanan Ditolak Saat Basis Data Sibuk"
    form = filled_form(ctx, qtbot, title=title)
    locker = Locker(ctx.db.path)
    try:
        asked = time.monotonic()
        assert form.save_draft()
        assert form.message.text() == "Menyimpan…"
        qtbot.waitUntil(lambda: not form.is_saving, timeout=5_000)
        waited = time.monotonic() - asked
        # Still held: the save gave up after the busy timeout and says why, in Indonesian.
        assert waited >= SHORT_TIMEOUT_MS / 1000 * 0.9
        text = form.message.text()
        assert text == (
            "Belum tersimpan: basis data sedang dipakai program lain (mis. sinkronisasi, "
            "impor, atau jendela lain) terlalu lama; coba lagi sebentar lagi. Isian Anda tetap "
            "di formulir."
        )
        assert "locked" not in text and "database" not in text and "Error" not in text
        # The form as the officer left it: open, editable, the input intact, nothing stored.
        assert form.isVisible() and form.is_dirty and form.innovation_id is None
        assert form.editors["title"].value() == title
        assert not form.editors["title"].widget.isReadOnly() and form.save_button.isEnabled()
        assert count(ctx) == 0
    finally:
        locker.release()
    # Once the other program lets go, the same form saves.
    assert settled(qtbot, form, form.save_draft)
    assert form.message.text() == "Draf tersimpan."
    assert count(ctx) == 1
    assert writes.names() == ["save_innovation"] * 2 and writes.all_off_the_gui_thread()


def test_a_form_closed_while_its_save_waits_closes_once_it_is_stored(ctx: Any, qtbot: Any) -> None:
    form = filled_form(ctx, qtbot, title="Ditutup Sebelum Tersimpan")
    locker = Locker(ctx.db.path)
    try:
        assert form.save_draft()
        form.close()
        qtbot.wait(300)
        assert form.isVisible()
        assert form.message.text() == "Menyimpan… formulir ditutup setelah tersimpan."
    finally:
        locker.release()
    qtbot.waitUntil(lambda: not isValid(form) or not form.isVisible(), timeout=10_000)
    assert count(ctx) == 1


def test_quitting_while_a_save_waits_exits_once_it_is_stored(
    window: Any, ctx: Any, qtbot: Any
) -> None:
    form = filled_form(ctx, qtbot, title="Disimpan Sebelum Aplikasi Ditutup")
    locker = Locker(ctx.db.path)
    try:
        assert form.save_draft()
        window.close()
        qtbot.wait(300)
        assert window.isVisible()
        assert "ditutup setelah selesai" in window.status.currentMessage()
    finally:
        locker.release()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    assert count(ctx) == 1


def test_quitting_while_a_refused_save_waits_keeps_the_app_open_with_the_reason(
    window: Any, ctx: Any, qtbot: Any
) -> None:
    form = filled_form(ctx, qtbot, title="Abc")  # too short: the service refuses it
    locker = Locker(ctx.db.path)
    try:
        assert form.save_draft()
        window.close()
    finally:
        locker.release()
    qtbot.waitUntil(lambda: not form.is_saving, timeout=10_000)
    qtbot.wait(100)
    assert window.isVisible() and form.isVisible()
    assert "tidak dapat disimpan" in window.status.currentMessage()
    assert form.errors.labels["title"].text().startswith("judul terlalu pendek")
    assert form.editors["title"].value() == "Abc"  # the form as the officer left it
    assert count(ctx) == 0


def test_a_change_set_refreshes_the_list_the_dashboard_and_the_status_bar(
    window: Any, ctx: Any, operator: Any, qtbot: Any, writes: Any
) -> None:
    add_innovations(ctx.db, operator, 2)
    dashboard = window.show_page("dashboard")
    qtbot.waitUntil(lambda: dashboard.tiles["innovations"].value.text() == "2", timeout=10_000)
    page = window.show_page("innovations")
    page.model.reload()  # the records were added behind the GUI's back
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10_000)
    window.status.refresh()  # counts read on the read pool
    qtbot.waitUntil(lambda: window.status.pending.text() == "Belum disinkronkan: 2")
    writes.clear()

    form = filled_form(ctx, qtbot, title="Satu Lagi Dari Formulir")
    assert settled(qtbot, form, form.save_draft)
    # One notification, carrying which records of which kind changed; each view decided.
    [(changes, initiator)] = writes.changes
    assert initiator is form and changes.ids("innovation") == {form.innovation_id}
    assert changes.sync_state and changes.origin == "local"
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10_000)
    qtbot.waitUntil(lambda: dashboard.tiles["innovations"].value.text() == "3", timeout=10_000)
    qtbot.waitUntil(lambda: window.status.pending.text() == "Belum disinkronkan: 3")


def test_an_open_form_reloads_a_record_changed_elsewhere_and_keeps_unsaved_edits(
    ctx: Any, operator: Any, qtbot: Any
) -> None:
    from jipp_desktop.services.innovations import update_innovation

    record_id = add_innovation(ctx.db, operator)
    clean = InnovationForm(ctx, record_id)
    edited = InnovationForm(ctx, record_id)
    elsewhere = InnovationForm(ctx, record_id)
    title = clean.editors["title"].value()
    edited.editors["unit_name"].set_value("Unit Yang Sedang Diketik")
    edited.editors["unit_name"].changed.emit()

    elsewhere.editors["title"].set_value("Judul Diubah Di Jendela Lain")
    elsewhere.editors["title"].changed.emit()
    assert settled(qtbot, elsewhere, elsewhere.save_draft)

    # The clean form read the record again; the edited one was told, its edit kept.
    assert clean.editors["title"].value() == "Judul Diubah Di Jendela Lain"
    assert clean.message.text() == "Diperbarui: rekaman ini diubah di tempat lain."
    assert edited.editors["title"].value() == title
    assert edited.editors["unit_name"].value() == "Unit Yang Sedang Diketik"
    assert "tidak ditimpa" in edited.message.text() and edited.reload_button.isVisibleTo(edited)
    edited.reload_button.click()
    assert edited.editors["title"].value() == "Judul Diubah Di Jendela Lain"
    assert not edited.is_dirty

    with ctx.db.transaction() as s:  # a change the GUI did not make (as a sync pull does)
        update_innovation(s, operator, record_id, {"title": "Judul Dari Registri"})
    from jipp_desktop.services.change_set import ChangeSet

    ctx.changed.emit(ChangeSet({"innovation": frozenset({record_id})}, origin="registry"), None)
    assert clean.editors["title"].value() == "Judul Dari Registri"
    with ctx.db.session() as s:
        assert get_innovation(s, record_id).unit_name != "Unit Yang Sedang Diketik"
