"""Several records selected in the list and sent for verification in one action (issue 12,
item 7): one use case on the write thread, the complete drafts go, a summary names the others
and what each lacks; a verifier finds the action off."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from jipp_desktop.services.innovations import get_innovation
from tests.ui.conftest import add_innovation, settle


def click_row(qtbot, page, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    rect = page.table.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def test_the_selected_drafts_go_in_one_action_and_the_summary_names_the_others(
    window, ctx, operator, writes, monkeypatch, qtbot
):
    complete = [add_innovation(ctx.db, operator, title=f"Inovasi Lengkap {n}") for n in "ABC"]
    lacking = [
        add_innovation(ctx.db, operator, title="Tanpa Ringkasan", summary=None),
        add_innovation(ctx.db, operator, title="Tanpa Inovator", innovators=None),
    ]
    page = window.show_page("innovations")
    page.model.reload()
    settle(ctx)
    assert page.model.rowCount() == 5
    assert page.submit_action.isEnabled()
    writes.clear()
    click_row(qtbot, page, 0)
    click_row(qtbot, page, 4, Qt.KeyboardModifier.ShiftModifier)
    assert len(page.selected_ids()) == 5
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[1:3]))
    page.submit_action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    [(title, text)] = shown
    assert title == "Sebagian tidak diajukan"
    headline, listed = text.split("\n\n")
    assert headline == "3 diajukan untuk verifikasi. 2 tidak dapat diajukan:"
    assert sorted(listed.splitlines()) == [
        "\u2022 Tanpa Inovator \u2014 Inovator: wajib diisi",
        "\u2022 Tanpa Ringkasan \u2014 Ringkasan: wajib diisi",
    ]
    assert writes.names() == ["submit_innovations"]
    assert writes.all_off_the_gui_thread()
    with ctx.db.session() as s:
        assert {get_innovation(s, i).workflow for i in complete} == {"submitted"}
        assert {get_innovation(s, i).workflow for i in lacking} == {"draft"}


def test_all_complete_says_how_many_went(window, ctx, operator, monkeypatch, qtbot):
    ids = [add_innovation(ctx.db, operator, title=f"Inovasi Siap {n}") for n in "AB"]
    page = window.show_page("innovations")
    page.model.reload()
    settle(ctx)
    page.table.selectAll()
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[1:3]))
    page.submit_selected()
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert told == [("Inovasi diajukan", "2 diajukan untuk verifikasi.")]
    with ctx.db.session() as s:
        assert {get_innovation(s, i).workflow for i in ids} == {"submitted"}


def test_a_verifier_finds_the_action_off(window, ctx, operator, verifier, writes):
    add_innovation(ctx.db, operator)
    page = window.show_page("innovations")
    assert page.submit_action.isEnabled()
    ctx.set_actor(verifier)
    assert not page.submit_action.isEnabled()
    assert "operator" in page.submit_action.toolTip()
    page.model.reload()
    settle(ctx)
    page.table.selectAll()
    writes.clear()
    page.submit_selected()
    settle(ctx)
    assert writes.names() == []
    ctx.set_actor(operator)
    assert page.submit_action.isEnabled()
