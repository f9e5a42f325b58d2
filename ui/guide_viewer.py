"""Bantuan → Panduan pengguna: the user guide as a PDF, made in the background by the core's
``documents.guide`` in the officer's language and shown in the app's PDF preview (print, save)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.context import AppContext


def show_guide(ctx: AppContext, parent: QWidget) -> None:
    """Makes the guide's PDF off the GUI thread, then opens it in a preview window."""
    from jipp_desktop.documents.guide import GuideMissing, guide_pdf
    from ui.reports.preview import PreviewDialog

    lang = ctx.lang
    title = QCoreApplication.translate("GuideViewer", "Panduan pengguna")

    def shown(pdf: object) -> None:
        name = "jipp-desktop-guide.pdf" if lang == "en" else "panduan-jipp-desktop.pdf"
        dialog = PreviewDialog(pdf, title, name, parent)  # type: ignore[arg-type]
        dialog.setObjectName("guide_preview")
        dialog.show()

    def failed(error: BaseException) -> None:
        text = str(error) if isinstance(error, GuideMissing | OSError) else repr(error)
        QMessageBox.warning(
            parent,
            title,
            QCoreApplication.translate("GuideViewer", "Panduan tidak dapat dibuka: %1").replace(
                "%1", text
            ),
        )

    ctx.jobs.start(lambda _progress: guide_pdf(lang), shown, failed)
