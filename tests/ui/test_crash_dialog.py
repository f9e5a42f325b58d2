"""An unexpected error shows the crash dialog in the officer's language; the form being typed
stays open, keeps its text and can still be saved; "Salin detail" copies what support needs."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from jipp_desktop import __version__, app_log
from jipp_desktop.services.innovations import get_innovation
from tests.conftest import DENPASAR
from tests.ui.conftest import settled
from ui import crash_dialog
from ui.app import _report_unexpected
from ui.forms.innovation_form import InnovationForm
from ui.i18n import install_language


def broken_slot() -> None:
    raise RuntimeError("tombol rusak di halaman uji")


@pytest.fixture
def excepthook(monkeypatch, tmp_path):
    """The app's hook for errors no slot handled, as run_gui installs it."""
    monkeypatch.setenv(app_log.LOG_DIR_ENV, str(tmp_path / "log"))
    app_log.start_logging()
    monkeypatch.setattr(sys, "excepthook", _report_unexpected)
    monkeypatch.setattr(crash_dialog, "_open", None)
    yield
    if crash_dialog._open is not None:
        crash_dialog._open.close()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_shows_the_dialog_and_the_form_can_still_be_saved(
    ctx, qtbot, excepthook, capsys
):
    form = InnovationForm(ctx)
    form.show()
    form.editors["title"].set_value("Antrean Daring Puskesmas Kota")
    form.editors["agency_id"].set_value(DENPASAR)

    QTimer.singleShot(0, broken_slot)  # a slot raising, as a broken button would
    qtbot.waitUntil(lambda: crash_dialog._open is not None and crash_dialog._open.isVisible())

    dialog = crash_dialog._open
    texts = [label.text() for label in dialog.findChildren(type(dialog.reason))]
    assert texts[0].startswith("Terjadi kesalahan yang tidak terduga. Pekerjaan yang sedang")
    assert dialog.reason.text() == "RuntimeError: tombol rusak di halaman uji"
    assert form.isVisible() and form.editors["title"].value() == "Antrean Daring Puskesmas Kota"
    assert "Traceback" in capsys.readouterr().err  # and on stderr, as before

    dialog.copy_button.click()
    copied = QApplication.clipboard().text()
    assert copied.startswith(f"JIPP Desktop {__version__}")
    assert "RuntimeError: tombol rusak di halaman uji" in copied and "broken_slot" in copied
    assert "ERROR" in copied and "unexpected error" in copied  # the log's last lines
    assert dialog.copy_button.text() == "Detail disalin"

    assert settled(qtbot, form, form.save_draft)
    with ctx.db.session() as s:
        assert get_innovation(s, form.innovation_id).title == "Antrean Daring Puskesmas Kota"
    form.close()


@pytest.mark.qt_no_exception_capture
def test_a_second_error_joins_the_open_dialog(ctx, qtbot, excepthook):
    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: crash_dialog._open is not None)
    first = crash_dialog._open
    QTimer.singleShot(0, lambda: {}["judul"])
    qtbot.waitUntil(lambda: "KeyError" in first.details.toPlainText())

    assert crash_dialog._open is first
    assert first.reason.text().startswith("2 kesalahan tidak terduga; yang pertama: RuntimeError")
    assert first.details.toPlainText().count(f"JIPP Desktop {__version__}") == 2


@pytest.mark.qt_no_exception_capture
def test_the_dialog_speaks_english_when_the_officer_chose_it(ctx, qtbot, excepthook):
    install_language("en")
    try:
        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: crash_dialog._open is not None)
        dialog = crash_dialog._open
        texts = [label.text() for label in dialog.findChildren(type(dialog.reason))]
        assert any(t.startswith("An unexpected error occurred") for t in texts)
        assert dialog.copy_button.text() == "Copy details"
    finally:
        install_language("id")
