"""The shell around the pages: navigation, status bar, officer profiles, settings, screenshots."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel

from jipp_desktop.db.engine import Database
from jipp_desktop.syncstate.device import mark_synced
from tests.ui.conftest import add_innovations, watch_writes
from ui.context import AppContext
from ui.launcher import run
from ui.main_window import PAGES, MainWindow
from ui.profile_dialog import ProfileDialog


def test_every_page_opens_from_the_navigation_and_by_shortcut(window, qtbot):
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == [
        "Beranda",
        "Inovasi",
        "Verifikasi",
        "Instansi & Hub",
        "Komitmen",
        "Laporan",
        "Sinkronisasi",
        "Pengaturan",
    ]
    for i, spec in enumerate(PAGES):
        window.nav.setCurrentRow(i)
        assert window.stack.currentWidget() is window.page(spec.key)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "verification"


def test_layout_and_page_are_remembered(ctx, qtbot):
    first = MainWindow(ctx)
    qtbot.addWidget(first)
    first.show()
    first.show_page("sync")
    first.resize(first.width(), 520)
    first.close()
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    assert again.current_page_key() == "sync"
    assert again.height() == 520


def test_status_bar_shows_pending_changes_and_last_sync(window, ctx, operator, qtbot):
    status = window.status  # its counts are read on the read pool
    qtbot.waitUntil(lambda: status.last_sync.text() == "Sinkronisasi terakhir: belum pernah")
    assert status.network.text() in ("● Daring", "○ Luring")
    from jipp_desktop.services.change_set import ChangeSet

    ids = add_innovations(ctx.db, operator, 3)
    ctx.changed.emit(ChangeSet({"innovation": frozenset(ids)}, sync_state=True), None)
    qtbot.waitUntil(lambda: status.pending.text() == "Belum disinkronkan: 3")
    with ctx.db.transaction() as s:
        mark_synced(s, datetime(2023, 10, 20, 7, 5, tzinfo=UTC))
    status.refresh()
    qtbot.waitUntil(lambda: "20 Okt 2023" in status.last_sync.text())


def test_sync_page_lists_unsynced_changes_by_kind(window, ctx, operator, qtbot):
    add_innovations(ctx.db, operator, 2)
    page = window.show_page("sync")
    page.reload()
    qtbot.waitUntil(lambda: not page.reads.busy)  # read on the read pool
    rows = {
        page.pending_table.item(r, 0).text(): page.pending_table.item(r, 1).text()
        for r in range(page.pending_table.rowCount())
    }
    assert rows == {"Inovasi": "2"}
    assert page.last_sync.text() == "Sinkronisasi terakhir: belum pernah"


def signing_in(db: Database, settings: QSettings) -> AppContext:
    """The context at start: the store open, no officer chosen yet."""
    return AppContext(db, None, settings, "id")


def test_profile_dialog_checks_the_nip_then_creates_and_remembers(db, settings, qtbot, monkeypatch):
    ctx = signing_in(db, settings)
    writes = watch_writes(ctx, monkeypatch)
    dialog = ProfileDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.profiles.count() == 0
    dialog.name.setText("Siti Rahma")
    dialog.nip.setText("12345")
    dialog.create_profile()
    label = dialog.errors.labels["nip"]
    qtbot.waitUntil(lambda: label.text() == "NIP harus 18 digit angka", timeout=10_000)
    assert dialog.profiles.count() == 0
    dialog.nip.setText("199001012015032001")
    dialog.role.set_value("verifier")
    dialog.create_profile()
    qtbot.waitUntil(lambda: dialog.profiles.count() == 1, timeout=10_000)
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.chosen is not None, timeout=10_000)
    assert dialog.chosen.role == "verifier"
    # Each step one use case on the write thread.
    assert writes.names() == ["create_officer", "create_officer", "use_officer"]
    assert writes.all_off_the_gui_thread()
    again = ProfileDialog(ctx)
    qtbot.addWidget(again)
    assert again.profiles.currentItem().text().startswith("Siti Rahma")


def test_settings_language_choice_and_extra_sections(window, ctx):
    page = window.show_page("settings")
    page.language.setCurrentIndex(page.language.findData("en"))
    assert ctx.settings.value("lang") == "en"
    assert "dibuka ulang" in page.language_note.text()
    page.add_section("Kop surat", QLabel("kop"))
    titles = [
        b.title()
        for b in page.findChildren(type(page.findChild(QLabel).parent()))
        if hasattr(b, "title")
    ]
    assert "Kop surat" in titles


def test_english_interface(ctx, qtbot):
    from ui.i18n import install_language

    install_language("en")
    try:
        ctx.lang = "en"
        win = MainWindow(ctx)
        qtbot.addWidget(win)
        assert win.nav.item(0).text() == "Dashboard"
        page = win.show_page("innovations")
        assert page.new_action.text() == "New innovation"
        assert page.model.headerData(1, Qt.Orientation.Horizontal) == "Title"
    finally:
        install_language("id")


def test_screenshot_mode_renders_every_screen_on_an_empty_store(tmp_path, qapp):
    out = tmp_path / "shots"
    code = run(["--db", str(tmp_path / "empty.db"), "--screenshot", str(out)])
    assert code == 0
    names = sorted(p.name for p in out.glob("*.png"))
    assert names == sorted([f"{s.key}.png" for s in PAGES] + ["innovation_form.png"])
    assert all(p.stat().st_size > 5000 for p in out.glob("*.png"))


def test_ctrl_n_opens_a_new_innovation_form(window, qtbot):
    from ui.forms.innovation_form import InnovationForm

    page = window.show_page("innovations")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    forms = [w for w in page._forms if isinstance(w, InnovationForm)]
    assert len(forms) == 1 and forms[0].windowTitle() == "Inovasi baru"


def test_profile_dialog_refuses_to_sign_in_without_a_profile(db, settings, qtbot):
    dialog = ProfileDialog(signing_in(db, settings))
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.chosen is None
    assert dialog.errors.labels["name"].text() == "buat profil petugas terlebih dahulu"
