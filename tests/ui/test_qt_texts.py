"""Qt's own texts read Indonesian in the Indonesian GUI: Qt ships no qtbase_id.qm, so
resources/translations/qt_id.ts translates the standard buttons, the text fields' context menu
and the non-native file dialog; the committed .qm is compiled from it."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths, Qt, QTranslator
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QFileSystemModel,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
)
from shiboken6 import Shiboken

from tests.ui.test_translations import messages, tool, untranslated
from ui.i18n import install_language

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "qt_id.ts"
QM = ROOT / "resources" / "translations" / "qt_id.qm"

Button = QMessageBox.StandardButton
Box = QDialogButtonBox.StandardButton
EVERY_BUTTON = (
    Button.Ok | Button.Save | Button.SaveAll | Button.Open | Button.Yes | Button.YesToAll
    | Button.No | Button.NoToAll | Button.Abort | Button.Retry | Button.Ignore | Button.Close
    | Button.Cancel | Button.Discard | Button.Help | Button.Apply | Button.Reset
    | Button.RestoreDefaults
)  # fmt: skip


def plain(text: str) -> str:
    """A text as the officer reads it: no mnemonic marker, no shortcut after the tab."""
    return text.split("\t", 1)[0].replace("&", "")


@pytest.fixture
def indonesian(qapp: QApplication) -> Iterator[None]:
    install_language("id")
    yield
    install_language("id")


@pytest.fixture
def qt_settings(tmp_path: Path) -> Iterator[Path]:
    """QFileDialog stores its state in the user's QtProject.conf when it closes: keep that here."""
    default = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    formats = (QSettings.Format.NativeFormat, QSettings.Format.IniFormat)
    for kind in formats:
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(tmp_path))
    yield tmp_path
    for kind in formats:
        QSettings.setPath(kind, QSettings.Scope.UserScope, default)


def file_dialog(folder: Path, mode: QFileDialog.AcceptMode) -> QFileDialog:
    dialog = QFileDialog(None, "", str(folder))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(mode)
    return dialog


def test_message_box_buttons_are_indonesian(indonesian: None, qtbot) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Hapus",
        "Hapus inovasi ini?",
        Button.Yes | Button.No | Button.Cancel,
    )
    qtbot.addWidget(box)
    assert plain(box.button(Button.Yes).text()) == "Ya"
    assert plain(box.button(Button.No).text()) == "Tidak"
    assert plain(box.button(Button.Cancel).text()) == "Batal"

    box.setDetailedText("Rincian teknis")
    [details] = [
        b for b in box.findChildren(QPushButton) if box.buttonRole(b) == box.ButtonRole.ActionRole
    ]
    assert details.text() == "Tampilkan Rincian..."
    details.click()
    assert details.text() == "Sembunyikan Rincian..."


def test_dialog_buttons_are_indonesian(indonesian: None, qtbot) -> None:
    box = QDialogButtonBox(Box.Ok | Box.Cancel | Box.Save | Box.Discard | Box.Close)
    qtbot.addWidget(box)
    texts = {which: plain(box.button(which).text()) for which in (Box.Ok, Box.Cancel, Box.Save)}
    assert texts == {Box.Ok: "OK", Box.Cancel: "Batal", Box.Save: "Simpan"}
    assert plain(box.button(Box.Discard).text()) == "Jangan Simpan"
    assert plain(box.button(Box.Close).text()) == "Tutup"


def test_text_field_context_menus_are_indonesian(indonesian: None, qtbot) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    menu = field.createStandardContextMenu()
    assert [plain(a.text()) for a in menu.actions() if not a.isSeparator()] == [
        "Urungkan", "Ulangi", "Potong", "Salin", "Tempel", "Hapus", "Pilih Semua",
    ]  # fmt: skip
    # The ampersand stays on a letter of the word, so Alt+letter still works.
    assert "&Salin\tCtrl+C" in [a.text() for a in menu.actions()]

    notes = QPlainTextEdit()
    qtbot.addWidget(notes)
    texts = [plain(a.text()) for a in notes.createStandardContextMenu().actions()]
    assert {"Salin", "Tempel", "Pilih Semua"} <= set(texts)


def test_file_dialog_is_indonesian(indonesian: None, qt_settings: Path, tmp_path: Path) -> None:
    dialog = file_dialog(tmp_path, QFileDialog.AcceptMode.AcceptSave)
    try:
        labels = {label.objectName(): plain(label.text()) for label in dialog.findChildren(QLabel)}
        assert labels["lookInLabel"] == "Lihat di:"
        assert labels["fileNameLabel"] == "Nama berkas:"
        assert labels["fileTypeLabel"] == "Jenis berkas:"
        assert dialog.windowTitle() == "Simpan Sebagai"
        buttons = dialog.findChild(QDialogButtonBox, "buttonBox")
        assert [plain(b.text()) for b in buttons.buttons()] == ["Simpan", "Batal"]
        model = dialog.findChild(QFileSystemModel)
        assert [model.headerData(i, Qt.Orientation.Horizontal) for i in range(4)] == [
            "Nama", "Ukuran", "Jenis", "Tanggal Diubah",
        ]  # fmt: skip
    finally:
        Shiboken.delete(dialog)  # now, while its settings still go to tmp_path


def test_english_brings_back_qt_english(indonesian: None, qtbot) -> None:
    install_language("en")
    box = QMessageBox(QMessageBox.Icon.Question, "Delete", "?", Button.Yes | Button.Cancel)
    qtbot.addWidget(box)
    assert box.button(Button.Yes).text() == "&Yes"
    assert box.button(Button.Cancel).text() == "Cancel"


class Recorder(QTranslator):
    """Notes every text Qt asks a translator for and answers none."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[tuple[str, str]] = set()

    def translate(self, context, source, disambiguation=None, n=-1):
        self.asked.add((context, source))
        return None

    def isEmpty(self) -> bool:
        return False


def test_every_qt_text_these_dialogs_ask_for_is_in_qt_id(qapp, qt_settings: Path, tmp_path: Path):
    # Installed before our translators, the recorder is asked last: only for a text qt_id.qm
    # lacks, e.g. one whose source a new Qt spells differently.
    recorder = Recorder()
    qapp.installTranslator(recorder)
    widgets = []
    try:
        install_language("id")
        box = QMessageBox(QMessageBox.Icon.Question, "", "", EVERY_BUTTON)
        box.setDetailedText("x")
        field, notes, progress = QLineEdit(), QPlainTextEdit(), QProgressDialog()
        widgets += [box, field, notes, progress]
        field.createStandardContextMenu()
        notes.createStandardContextMenu()
        for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
            dialog = file_dialog(tmp_path, mode)
            dialog.findChild(QFileSystemModel).headerData(2, Qt.Orientation.Horizontal)
            Shiboken.delete(dialog)
        folders = file_dialog(tmp_path, QFileDialog.AcceptMode.AcceptOpen)
        folders.setFileMode(QFileDialog.FileMode.Directory)
        Shiboken.delete(folders)
    finally:
        qapp.removeTranslator(recorder)
        for widget in widgets:
            Shiboken.delete(widget)
        install_language("id")
    ours = {context for context, _ in messages(TS)}
    assert sorted(key for key in recorder.asked if key[0] in ours) == []


def test_qt_id_is_complete_and_keeps_qt_markers() -> None:
    found = messages(TS)
    assert len(found) > 200
    assert untranslated(found) == []
    for (context, source), (_, text) in found.items():
        where = f"{context}: {source!r} → {text!r}"
        assert ("&" in source.replace("&&", "")) == ("&" in text.replace("&&", "")), where
        assert sorted(re.findall(r"%\d", source)) == sorted(re.findall(r"%\d", text)), where
        assert source.count("\n") == text.count("\n"), where
        assert source.endswith((":", " ", "...")) == text.endswith((":", " ", "...")), where


def test_committed_qt_id_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    qm = tmp_path / "qt_id.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), str(TS), "-qm", str(qm)], check=True, capture_output=True
    )
    assert qm.read_bytes() == QM.read_bytes(), "run scripts/update_translations.sh"
