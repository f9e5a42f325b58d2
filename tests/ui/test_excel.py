"""The Excel actions in the GUI: the import preview shows the counts and problems before
anything is written, commit happens in the background, export runs off the GUI thread."""

from __future__ import annotations

import threading

import openpyxl
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy import func, select

from jipp_desktop.db.models import Innovation
from jipp_desktop.domain.list_filter import InnovationFilter
from tests.core.spreadsheet_files import row, write_xlsx
from tests.ui.conftest import add_innovations
from ui.excel import actions
from ui.excel.preview import ImportPreviewDialog


def stored(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Innovation))


def message_box(text: str) -> QMessageBox | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and text in widget.text() and widget.isVisible():
            return widget
    return None


def test_import_preview_shows_counts_then_commits(ctx, qtbot, tmp_path, monkeypatch):
    source = write_xlsx(tmp_path / "kiriman.xlsx", [row(1), row(2), row(3, Tahap="Penciptan")])
    monkeypatch.setattr(actions, "choose_open_file", lambda parent: str(source))
    parent = QWidget()
    qtbot.addWidget(parent)

    actions.import_innovations(parent, ctx)

    qtbot.waitUntil(lambda: parent.findChild(ImportPreviewDialog) is not None, timeout=10000)
    dialog = parent.findChild(ImportPreviewDialog)
    assert dialog.count_labels["new"].text() == "2"
    assert dialog.count_labels["invalid"].text() == "1"
    assert dialog.count_labels["duplicates"].text() == "0"
    model = dialog.table.model()
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == 4 and model.index(0, 1).data() == "D"
    assert "Penciptan" in model.index(0, 4).data()
    assert stored(ctx.db) == 0  # the preview wrote nothing

    errors_out = tmp_path / "kesalahan.xlsx"
    monkeypatch.setattr(actions, "choose_save_file", lambda *a: str(errors_out))
    dialog.errors_button.click()
    qtbot.waitUntil(errors_out.exists, timeout=10000)
    assert openpyxl.load_workbook(errors_out).active.cell(2, 1).value == 4

    with qtbot.waitSignal(ctx.changed, timeout=10000) as changed:
        dialog.commit_button.click()
    changes, _initiator = changed.args
    assert len(changes.ids("innovation")) == 2 and changes.sync_state
    assert stored(ctx.db) == 2
    qtbot.waitUntil(lambda: message_box("2 inovasi baru") is not None, timeout=5000)


def test_switching_to_update_runs_the_check_again(ctx, qtbot, tmp_path, monkeypatch):
    add_innovations(ctx.db, ctx.actor, 1)
    with ctx.db.session() as s:
        title = s.scalar(select(Innovation.title))
    source = write_xlsx(
        tmp_path / "a.xlsx", [row(1, **{"Judul inovasi": title, "Tahap": "Pelembagaan"})]
    )
    monkeypatch.setattr(actions, "choose_open_file", lambda parent: str(source))
    parent = QWidget()
    qtbot.addWidget(parent)
    actions.import_innovations(parent, ctx)
    qtbot.waitUntil(lambda: parent.findChild(ImportPreviewDialog) is not None, timeout=10000)
    dialog = parent.findChild(ImportPreviewDialog)
    assert dialog.count_labels["duplicates"].text() == "1"
    assert not dialog.commit_button.isEnabled()

    dialog.update_radio.setChecked(True)

    qtbot.waitUntil(lambda: dialog.count_labels["updated"].text() == "1", timeout=10000)
    assert dialog.commit_button.isEnabled()


def test_a_bad_file_gets_a_clear_message(ctx, qtbot, tmp_path, monkeypatch):
    # A text file is read as CSV whatever its name says; a PDF named .xlsx is no sheet at all.
    bad = tmp_path / "bukan.xlsx"
    bad.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    monkeypatch.setattr(actions, "choose_open_file", lambda parent: str(bad))
    parent = QWidget()
    qtbot.addWidget(parent)

    actions.import_innovations(parent, ctx)

    qtbot.waitUntil(lambda: message_box("bukan lembar kerja") is not None, timeout=10000)
    assert parent.findChild(ImportPreviewDialog) is None


def test_export_runs_in_the_background(ctx, qtbot, tmp_path, monkeypatch):
    add_innovations(ctx.db, ctx.actor, 3)
    out = tmp_path / "ekspor.xlsx"
    monkeypatch.setattr(actions, "choose_save_file", lambda *a: str(out))
    from jipp_desktop.spreadsheets import export

    threads = []
    real = export.export_innovations

    def recording(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(export, "export_innovations", recording)
    parent = QWidget()
    qtbot.addWidget(parent)

    actions.export_innovations(parent, ctx, InnovationFilter(province_code="51"))

    qtbot.waitUntil(lambda: message_box("3 inovasi diekspor") is not None, timeout=10000)
    assert threads and threads[0] is not threading.main_thread()
    assert openpyxl.load_workbook(out)["Data inovasi"].max_row == 4


def test_save_template(ctx, qtbot, tmp_path, monkeypatch):
    out = tmp_path / "templat.xlsx"
    monkeypatch.setattr(actions, "choose_save_file", lambda *a: str(out))
    parent = QWidget()
    qtbot.addWidget(parent)

    actions.save_template(parent, ctx)

    qtbot.waitUntil(lambda: message_box("Templat impor disimpan") is not None, timeout=10000)
    assert openpyxl.load_workbook(out).sheetnames == ["Data", "Petunjuk", "daftar"]


def test_cancelling_the_commit_keeps_nothing(ctx, qtbot, tmp_path, monkeypatch):
    import time

    from PySide6.QtWidgets import QProgressDialog, QPushButton

    from jipp_desktop.spreadsheets import importer

    source = write_xlsx(tmp_path / "banyak.xlsx", [row(n) for n in range(1, 41)])
    monkeypatch.setattr(actions, "choose_open_file", lambda parent: str(source))
    monkeypatch.setattr(importer, "BATCH", 2)
    real_insert = importer.insert_innovations

    def slow_insert(*args, **kwargs):
        time.sleep(0.05)  # a commit long enough for the officer to press Cancel
        return real_insert(*args, **kwargs)

    monkeypatch.setattr(importer, "insert_innovations", slow_insert)
    parent = QWidget()
    qtbot.addWidget(parent)
    actions.import_innovations(parent, ctx)
    qtbot.waitUntil(lambda: parent.findChild(ImportPreviewDialog) is not None, timeout=10000)
    dialog = parent.findChild(ImportPreviewDialog)

    dialog.commit_button.click()
    qtbot.waitUntil(
        lambda: any(p.isVisible() for p in dialog.findChildren(QProgressDialog)), timeout=5000
    )
    progress = next(p for p in dialog.findChildren(QProgressDialog) if p.isVisible())
    progress.findChild(QPushButton).click()

    assert ctx.jobs.wait_idle()
    qtbot.wait(50)
    assert stored(ctx.db) == 0
    assert message_box("inovasi baru") is None


def test_problem_model_passes_the_model_tester(db, operator, qtmodeltester, tmp_path):
    from jipp_desktop.spreadsheets.importer import import_spreadsheet
    from ui.excel.preview import ProblemModel

    source = write_xlsx(tmp_path / "a.xlsx", [row(1, Tahap="?"), row(2, Wilayah="Atlantis")])
    report = import_spreadsheet(db, operator, source, dry_run=True)
    model = ProblemModel(report.problems, "en")

    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert "region 'Atlantis' is not known" in model.index(1, 4).data()


def test_a_file_of_verification_decisions_can_be_committed(qtbot) -> None:
    from jipp_desktop.spreadsheets.report import ImportReport
    from ui.excel.preview import ImportPreviewDialog

    report = ImportReport(
        file="keputusan.xlsx",
        format="xlsx",
        sheet="Data",
        header_row=1,
        on_duplicate="skip",
        dry_run=True,
        extra_columns=[],
    )
    report.total = report.verified = report.duplicates = 3
    dialog = ImportPreviewDialog(report, "id")
    qtbot.addWidget(dialog)
    assert dialog.count_labels["verified"].text() == "3"
    assert dialog.commit_button.isEnabled()
