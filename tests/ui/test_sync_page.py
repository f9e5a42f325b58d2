"""The Sync page against a real registry on 127.0.0.1: the officer sets the connection, syncs
in the background with progress, resolves a conflict field by field and sees a rejection with
the registry's reason, then discards it."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from jipp_desktop.db.models import Innovation
from jipp_desktop.reference.seed import reference_id
from jipp_desktop.services.innovations import create_innovation, update_innovation
from tests.conftest import innovation_values
from tests.sync.conftest import registry, registry_factory  # noqa: F401 (fixtures)
from tests.sync.test_client_support import Device
from ui.sync.conflict_dialog import ConflictDialog

BADUNG = reference_id("agency", "Pemerintah Kabupaten Badung")


@pytest.fixture
def page(window: Any, ctx: Any, registry: Any, monkeypatch: pytest.MonkeyPatch) -> Any:  # noqa: F811
    monkeypatch.delenv("JIPP_PASSWORD", raising=False)
    # No keyring backend in the tests: the password stays in the session.
    monkeypatch.setattr("sync.client.credentials.keyring_usable", lambda: False)
    username, password = registry.accounts("op")["op"]
    sync_page = window.show_page("sync")
    sync_page.url.setText(registry.url)
    sync_page.username.setText(username)
    sync_page.password.setText(password)
    sync_page.auto.setChecked(False)
    return sync_page


def sync(page: Any, ctx: Any, qtbot: Any) -> Any:
    stages: list[str] = []
    ctx.sync.progressed.connect(lambda stage, _d, _t: stages.append(stage))
    with qtbot.waitSignal(ctx.sync.finished, timeout=60_000) as done:
        page.sync_button.click()
        assert page.cancel_button.isEnabled() and not page.sync_button.isEnabled()
    assert {"status", "login", "push", "pull"} <= set(stages)
    qtbot.waitUntil(lambda: page.sync_button.isEnabled())
    qtbot.waitUntil(lambda: not page.reads.busy)  # the page reads the store again
    return done.args[0]


def new(ctx: Any, **values: Any) -> str:
    with ctx.db.transaction() as s:
        return create_innovation(s, ctx.actor, innovation_values(**values)).id


def test_configure_sync_resolve_a_conflict_and_see_a_rejection(
    page: Any,
    ctx: Any,
    qtbot: Any,
    registry: Any,  # noqa: F811
    tmp_path: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    record_id = new(ctx, title="Layanan Akta Dari Halaman Sinkronisasi")
    result = sync(page, ctx, qtbot)
    assert (result.pushed, result.pending) == (1, 0)
    assert "Terkirim 1 perubahan" in page.result.text()
    assert page.total.text().endswith(": 0")
    assert "belum pernah" not in page.last_sync.text()
    assert ctx.sync.config.url == registry.url  # remembered for the next start

    # A colleague changes the summary on another device; so does this officer.
    other = Device(tmp_path / "rekan.db", registry, "rekan")
    other.sync("op2")
    colleague = other.officer("op2")
    with other.write() as s:
        update_innovation(s, colleague, record_id, {"summary": "Ringkasan versi rekan."})
    other.sync("op2")
    with ctx.db.transaction() as s:
        update_innovation(s, ctx.actor, record_id, {"summary": "Ringkasan versi saya."})
    result = sync(page, ctx, qtbot)
    assert result.conflicts == 1
    assert page.problems_table.rowCount() == 1
    assert page.problems_table.item(0, 2).text() == "Konflik"
    assert "Ringkasan" in page.problems_table.item(0, 3).text()

    page.problems_table.selectRow(0)
    assert page.resolve_button.isEnabled() and not page.discard_button.isEnabled()
    seen: dict[str, Any] = {}

    def choose_mine(dialog: ConflictDialog) -> int:
        table = dialog.table
        seen["row"] = [table.item(0, c).text() for c in range(4)]
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        seen["ok_before"] = ok.isEnabled()
        dialog.choose("summary", "mine")
        seen["ok_after"] = ok.isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ConflictDialog, "exec", choose_mine)
    with qtbot.waitSignal(ctx.changed, timeout=10_000):
        page.resolve_selected()
    assert seen["row"][2:] == ["Ringkasan versi saya.", "Ringkasan versi rekan."]
    assert (seen["ok_before"], seen["ok_after"]) == (False, True)
    qtbot.waitUntil(lambda: page.problems_table.rowCount() == 0)
    assert sync(page, ctx, qtbot).pushed == 1
    other.sync("op2")
    assert other.get(record_id).summary == "Ringkasan versi saya."

    # A record of an agency outside the account's: refused, with the registry's reason.
    foreign = new(
        ctx, title="Inovasi Kabupaten Badung Dari Denpasar", agency_id=BADUNG, region_code="51.03"
    )
    result = sync(page, ctx, qtbot)
    assert result.rejected == 1
    assert page.problems_table.item(0, 2).text() == "Ditolak registri"
    assert page.problems_table.item(0, 3).text()  # the reason, in Indonesian
    page.problems_table.selectRow(0)
    assert page.retry_button.isEnabled() and page.discard_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(ctx.changed, timeout=10_000):
        page.discard_selected()
    qtbot.waitUntil(lambda: page.problems_table.rowCount() == 0)
    with ctx.db.session() as s:
        assert s.get(Innovation, foreign).deleted_at is not None  # never reached the registry
    qtbot.waitUntil(lambda: window_status(page).pending.text() == "Belum disinkronkan: 0")
    other.close()


def window_status(page: Any) -> Any:
    return page.window().status


def test_an_unreachable_registry_says_so_and_keeps_the_changes(
    page: Any, ctx: Any, qtbot: Any
) -> None:
    new(ctx, title="Layanan Yang Menunggu Koneksi")
    page.url.setText("http://127.0.0.1:9")  # nothing listens there
    with qtbot.waitSignal(ctx.sync.failed, timeout=60_000) as failed:
        page.sync_button.click()
    message, transient = failed.args
    assert transient and "1 perubahan menunggu dikirim" in message
    assert page.result.text() == message
    qtbot.waitUntil(lambda: window_status(page).pending.text() == "Belum disinkronkan: 1")


def test_an_address_without_scheme_is_refused(page: Any, ctx: Any) -> None:
    page.url.setText("registri.contoh.go.id")
    page.sync_button.click()
    assert "https://" in page.result.text()
    assert not ctx.sync.running


def test_closing_the_window_during_a_sync_loses_nothing(
    page: Any,
    ctx: Any,
    qtbot: Any,
    registry: Any,  # noqa: F811
    tmp_path: Any,
) -> None:
    ids = [new(ctx, title=f"Layanan Ditutup Saat Sinkron {n}") for n in range(30)]
    page.sync_button.click()
    assert ctx.sync.running
    page.window().close()  # cancels the exchange and waits for it
    assert ctx.jobs.wait_idle(60_000)
    # Whatever was acknowledged is settled; the rest waits, and the next exchange sends it.
    from sync.client.engine import synchronise

    username, password = registry.accounts("op")["op"]
    result = synchronise(ctx.db, ctx.actor, registry.url, username, password)
    assert result.pending == 0 and result.problems == []
    other = Device(tmp_path / "rekan2.db", registry, "rekan2")
    other.sync("op2")
    for record_id in ids:
        assert other.get(record_id).title.startswith("Layanan Ditutup Saat Sinkron")
    other.close()


def test_a_pulled_record_refreshes_the_open_list_and_form_and_spares_unsaved_edits(
    page: Any,
    window: Any,
    ctx: Any,
    qtbot: Any,
    registry: Any,  # noqa: F811
    tmp_path: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ui.forms.innovation_form import InnovationForm

    record_id = new(ctx, title="Layanan Yang Diubah Rekan Di Registri")
    sync(page, ctx, qtbot)
    from tests.ui.conftest import settle

    listing = window.page("innovations")
    listing.model.reload()
    settle(ctx)
    before = listing.model.rowCount()  # the registry may hold earlier tests' records too
    assert before >= 1
    clean = InnovationForm(ctx, record_id)
    edited = InnovationForm(ctx, record_id)
    edited.editors["unit_name"].set_value("Unit Yang Sedang Diketik")
    edited.editors["unit_name"].changed.emit()

    other = Device(tmp_path / "rekan.db", registry, "rekan")
    other.sync("op2")
    colleague = other.officer("op2")
    with other.write() as s:
        update_innovation(s, colleague, record_id, {"title": "Judul Baru Dari Rekan"})
        create_innovation(s, colleague, innovation_values(title="Inovasi Baru Milik Rekan"))
    other.sync("op2")

    sync(page, ctx, qtbot)
    # The pulled records reached the views as a change set: the list reads again, the
    # clean form shows the colleague's title, the edited one keeps the officer's edit.
    qtbot.waitUntil(lambda: listing.model.rowCount() == before + 1, timeout=10_000)
    qtbot.waitUntil(
        lambda: clean.editors["title"].value() == "Judul Baru Dari Rekan", timeout=10_000
    )
    assert edited.editors["unit_name"].value() == "Unit Yang Sedang Diketik"
    assert edited.editors["title"].value() == "Layanan Yang Diubah Rekan Di Registri"
    assert "tidak ditimpa" in edited.message.text()
    discard = QMessageBox.StandardButton.Discard
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: discard)
    other.close()
