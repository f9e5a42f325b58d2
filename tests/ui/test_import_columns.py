"""The import preview's column table: each header of the file, the field it went to and why;
the officer moves a column to another field or leaves it out, the dry run is done again with
that mapping, and the commit stores what the preview showed."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from jipp_desktop.db.models import Innovation
from tests.core.spreadsheet_files import write_xlsx
from ui.excel import actions
from ui.excel.preview import ImportPreviewDialog

HEADERS = ["Nama Pemda", "Nama Inovasi", "Nama Inisiator", "Urusan Irisan", "Manfaat", "Hasil"]
ROWS = [
    [
        "Kota Denpasar",
        "KIOS DUKCAPIL (Kios Layanan Adminduk Mandiri)",
        "Contoh Inisiator, S.Kom.",
        "Kesehatan; Sosial",
        "Warga mengurus akta tanpa antre.",
        "Layanan tetap berjalan dengan anggaran daerah.",
    ]
]


def rows_of(dialog: ImportPreviewDialog) -> dict[str, tuple[str, str]]:
    model = dialog.columns_table.model()
    return {
        model.index(r, 1).data(): (model.index(r, 2).data(), model.index(r, 3).data())
        for r in range(model.rowCount())
    }


def choose(dialog: ImportPreviewDialog, header: str, target: str) -> None:
    model = dialog.columns_table.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 1).data() == header)
    dialog.columns_table.selectRow(row)
    combo = dialog.target_combo
    position = combo.findText(target)
    assert position >= 0, target
    combo.setCurrentIndex(position)
    combo.activated.emit(position)


def test_the_officer_moves_a_column_and_leaves_one_out(ctx, qtbot, tmp_path, monkeypatch):
    source = write_xlsx(tmp_path / "iid.xlsx", ROWS, HEADERS)
    monkeypatch.setattr(actions, "choose_open_file", lambda parent: str(source))
    parent = QWidget()
    qtbot.addWidget(parent)

    actions.import_innovations(parent, ctx)

    qtbot.waitUntil(lambda: parent.findChild(ImportPreviewDialog) is not None, timeout=10000)
    dialog = parent.findChild(ImportPreviewDialog)
    dialog.tabs.setCurrentIndex(1)
    shown = rows_of(dialog)
    assert shown["Nama Pemda"] == ("Instansi", "menurut judul kolom")
    assert shown["Nama Inisiator"] == ("Nama inisiator", "menurut judul kolom")
    assert shown["Urusan Irisan"] == ("Urusan irisan", "menurut judul kolom")
    assert shown["Hasil"] == ("Signifikansi dan dampak", "menurut isi kolom")
    assert not dialog.target_combo.isEnabled()  # nothing chosen yet

    with qtbot.waitSignal(dialog.mapping_changed):
        choose(dialog, "Hasil", "Keberlanjutan")
    qtbot.waitUntil(lambda: rows_of(dialog)["Hasil"][1] == "diubah petugas", timeout=10000)
    assert rows_of(dialog)["Hasil"][0] == "Keberlanjutan"
    assert dialog.target_combo.currentText() == "Keberlanjutan"  # the same column stays chosen
    choose(dialog, "Nama Inisiator", "(tidak diimpor)")
    qtbot.waitUntil(
        lambda: rows_of(dialog)["Nama Inisiator"] == ("(tidak diimpor)", "diubah petugas"),
        timeout=10000,
    )
    assert dialog.count_labels["new"].text() == "1"
    with ctx.db.session() as s:
        assert s.scalar(select(Innovation)) is None  # the preview wrote nothing

    dialog.commit_button.click()
    qtbot.waitUntil(lambda: not dialog.commit_button.isEnabled(), timeout=10000)
    with ctx.db.session() as s:
        record = s.scalars(select(Innovation)).one()
        assert record.sustainability == "Layanan tetap berjalan dengan anggaran daerah."
        assert record.impact == "Warga mengurus akta tanpa antre."
        assert record.initiator_name is None
        assert record.secondary_sectors == ["health", "social"]
