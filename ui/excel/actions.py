"""What the Innovations page and the File menu call: import (choose a file → background dry run
→ preview → background commit), export of the filtered list, and saving the template. Every
long step runs off the GUI thread behind a progress dialog with Cancel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from jipp_desktop.domain.list_filter import InnovationFilter
from jipp_desktop.progress import Cancelled, ProgressFn
from ui.context import AppContext
from ui.excel.preview import ImportPreviewDialog
from ui.jobs import run_with_progress
from ui.writes import failure_text


def choose_open_file(parent: QWidget) -> str:
    """Asks for the spreadsheet to import ("" when the officer cancels)."""
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("excel", "Impor dari Excel"),
        "",
        QCoreApplication.translate("excel", "Lembar kerja (*.xlsx *.xls *.ods)"),
    )
    return path


def choose_save_file(parent: QWidget, title: str, suggested: str) -> str:
    """Asks where to save an .xlsx ("" when the officer cancels); adds the suffix if missing."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, "Excel (*.xlsx)")
    if path and not path.lower().endswith(".xlsx"):
        path += ".xlsx"
    return path


def _notify(parent: QWidget, title: str, text: str, warning: bool = False) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information,
        title,
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("excel_message")
    box.open()
    return box


def _failure(parent: QWidget, ctx: AppContext, title: str) -> Any:
    def handle(error: BaseException) -> None:
        if isinstance(error, Cancelled):
            return
        text = failure_text(error, ctx.lang)
        _notify(parent, title, text, warning=True)

    return handle


class _ImportFlow(QObject):
    """One import, from the dry run to the commit; lives as long as its preview dialog."""

    def __init__(self, parent: QWidget, ctx: AppContext, path: str) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.ctx = ctx
        self.path = path
        self.dialog: ImportPreviewDialog | None = None

    def dry_run(self, on_duplicate: str = "skip") -> None:
        from jipp_desktop.spreadsheets.importer import import_spreadsheet

        ctx, path = self.ctx, self.path
        mapping = self._mapping()

        def work(progress: ProgressFn) -> Any:
            return import_spreadsheet(
                ctx.db,
                ctx.actor,
                path,
                on_duplicate=on_duplicate,
                dry_run=True,
                progress=progress,
                mapping=mapping,
            )

        run_with_progress(
            ctx.jobs,
            self.dialog or self.parent_widget,
            QCoreApplication.translate("excel", "Memeriksa berkas…"),
            work,
            self._show,
            _failure(
                self.parent_widget,
                ctx,
                QCoreApplication.translate("excel", "Berkas tidak dapat diimpor"),
            ),
        )

    def _mapping(self) -> dict[int, str]:
        """The officer's column changes in the preview (none before it opens)."""
        return dict(self.dialog.mapping) if self.dialog is not None else {}

    def _remapped(self) -> None:
        assert self.dialog is not None
        self.dry_run(self.dialog.on_duplicate)

    def _show(self, report: Any) -> None:
        if self.dialog is None:
            self.dialog = ImportPreviewDialog(report, self.ctx.lang, self.parent_widget)
            self.dialog.setObjectName("import_preview")
            self.dialog.choice_changed.connect(self.dry_run)
            self.dialog.mapping_changed.connect(self._remapped)
            self.dialog.commit_requested.connect(self.commit)
            self.dialog.errors_requested.connect(self.save_errors)
            self.dialog.finished.connect(self.deleteLater)
            self.dialog.open()
        else:
            self.dialog.set_report(report)

    def commit(self, on_duplicate: str) -> None:
        from jipp_desktop.spreadsheets.importer import import_spreadsheet

        ctx, path = self.ctx, self.path
        assert self.dialog is not None
        # The import opens its one transaction itself (after reading the file).
        ctx.writes.run(
            self.dialog,
            import_spreadsheet,
            ctx.actor,
            path,
            on_duplicate=on_duplicate,
            mapping=self._mapping(),
            done=self._committed,
            failed=_failure(
                self.dialog,
                ctx,
                QCoreApplication.translate("excel", "Impor gagal; tidak ada yang disimpan"),
            ),
            progress_title=QCoreApplication.translate("excel", "Mengimpor…"),
            with_store=True,
        )

    def _committed(self, report: Any) -> None:
        if self.dialog is not None:
            self.dialog.set_report(report)
            self.dialog.commit_button.setEnabled(False)
            self.dialog.skip_radio.setEnabled(False)
            self.dialog.update_radio.setEnabled(False)
        _notify(
            self.dialog or self.parent_widget,
            QCoreApplication.translate("excel", "Impor selesai"),
            QCoreApplication.translate(
                "excel", "{new} inovasi baru dan {updated} diperbarui telah disimpan."
            )
            .replace("{new}", str(report.new))
            .replace("{updated}", str(report.updated)),
        )

    def save_errors(self) -> None:
        from jipp_desktop.spreadsheets.error_workbook import write_error_workbook

        assert self.dialog is not None
        report = self.dialog.report
        suggested = str(Path(self.path).with_name(Path(self.path).stem + "-kesalahan.xlsx"))
        out = choose_save_file(
            self.dialog, QCoreApplication.translate("excel", "Simpan daftar kesalahan"), suggested
        )
        if not out:
            return
        path, lang = self.path, self.ctx.lang

        def work(progress: ProgressFn) -> Any:
            return write_error_workbook(path, report, out, lang=lang, progress=progress)

        run_with_progress(
            self.ctx.jobs,
            self.dialog,
            QCoreApplication.translate("excel", "Menyimpan daftar kesalahan…"),
            work,
            lambda n: _notify(
                self.dialog or self.parent_widget,
                QCoreApplication.translate("excel", "Daftar kesalahan tersimpan"),
                QCoreApplication.translate("excel", "{n} baris yang ditolak disimpan di {path}.")
                .replace("{n}", str(n))
                .replace("{path}", out),
            ),
            _failure(
                self.dialog,
                self.ctx,
                QCoreApplication.translate("excel", "Daftar kesalahan tidak dapat disimpan"),
            ),
        )


def import_innovations(parent: QWidget, ctx: AppContext) -> None:
    """Import from a spreadsheet: choose the file, check it in the background, preview, commit."""
    path = choose_open_file(parent)
    if not path:
        return
    _ImportFlow(parent, ctx, path).dry_run()


def export_innovations(parent: QWidget, ctx: AppContext, f: InnovationFilter) -> None:
    """Exports the innovations the filter keeps (the list as the officer sees it)."""
    out = choose_save_file(
        parent, QCoreApplication.translate("excel", "Ekspor ke Excel"), "inovasi.xlsx"
    )
    if not out:
        return
    from jipp_desktop.spreadsheets.export import export_innovations as export

    def work(progress: ProgressFn) -> Any:
        with ctx.db.session() as session:
            return export(session, out, f, lang=ctx.lang, progress=progress)

    run_with_progress(
        ctx.jobs,
        parent,
        QCoreApplication.translate("excel", "Mengekspor…"),
        work,
        lambda result: _notify(
            parent,
            QCoreApplication.translate("excel", "Ekspor selesai"),
            QCoreApplication.translate("excel", "{n} inovasi diekspor ke {path}.")
            .replace("{n}", str(result.count))
            .replace("{path}", str(result.path)),
        ),
        _failure(parent, ctx, QCoreApplication.translate("excel", "Ekspor gagal")),
    )


def save_template(parent: QWidget, ctx: AppContext) -> None:
    """Saves the import template (with the store's regions and agencies as dropdowns)."""
    out = choose_save_file(
        parent,
        QCoreApplication.translate("excel", "Simpan templat impor"),
        "templat-impor-inovasi.xlsx",
    )
    if not out:
        return
    from jipp_desktop.spreadsheets.template import write_template

    def work(progress: ProgressFn) -> Any:
        with ctx.db.session() as session:
            return write_template(session, out)

    run_with_progress(
        ctx.jobs,
        parent,
        QCoreApplication.translate("excel", "Menyimpan templat…"),
        work,
        lambda path: _notify(
            parent,
            QCoreApplication.translate("excel", "Templat tersimpan"),
            QCoreApplication.translate("excel", "Templat impor disimpan di {path}.").replace(
                "{path}", str(path)
            ),
        ),
        _failure(parent, ctx, QCoreApplication.translate("excel", "Templat tidak dapat disimpan")),
    )
