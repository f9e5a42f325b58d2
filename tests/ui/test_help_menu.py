"""The Bantuan menu: the user guide opens as a PDF preview in the officer's language; About
shows the version, the store and its schema, the log and the bundled licences; Settings shows
the log too."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel

from jipp_desktop import __version__, app_log
from jipp_desktop.db.engine import head_revision
from jipp_desktop.documents.guide import guide_pdf
from ui.reports.preview import PreviewDialog


def help_actions(window) -> list[str]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "Ba&ntuan")
    return [a.text() for a in menu.actions() if a.text()]


def test_the_guide_opens_from_bantuan_as_a_pdf_preview(window, qtbot):
    assert help_actions(window) == ["Panduan pengguna", "Tentang JIPP Desktop"]

    window.guide_action.trigger()

    def preview() -> PreviewDialog | None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, PreviewDialog)]
        return found[0] if found and found[0].isVisible() else None

    qtbot.waitUntil(lambda: preview() is not None, timeout=20_000)
    dialog = preview()
    assert dialog.windowTitle() == "Panduan pengguna"
    assert dialog.preview.page_count() == guide_pdf("id").pages
    dialog.close()


def test_about_shows_version_store_schema_log_and_licences(window, ctx, qtbot):
    dialog = window.about()
    qtbot.addWidget(dialog)
    labels = " | ".join(label.text() for label in dialog.findChildren(QLabel))

    assert __version__ in labels
    assert str(ctx.store_path) in labels
    assert head_revision() in labels
    assert str(app_log.log_path()) in labels
    works = [dialog.works.item(i).text() for i in range(dialog.works.count())]
    assert any(w.startswith("DejaVu Sans") for w in works)
    assert any("wilayah" in w for w in works)
    assert "Bitstream" in dialog.licence.toPlainText()
    dialog.works.setCurrentRow(1)
    assert "MIT License" in dialog.licence.toPlainText()
    dialog.works.setCurrentRow(2)
    assert "UNICODE" in dialog.licence.toPlainText().upper()
    dialog.close()


def test_settings_show_where_the_log_is(window):
    page = window.show_page("settings")
    assert page.log_path.text() == str(app_log.log_path())
