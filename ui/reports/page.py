"""The reports page: choose which report to make."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QVBoxLayout, QWidget

from ui.context import AppContext

REPORT_KINDS = (
    ("recap", "Rekapitulasi inovasi", "Innovation recap"),
    ("verification", "Laporan verifikasi", "Verification report"),
    ("hub", "Laporan hub", "Hub report"),
    ("innovation", "Profil inovasi", "Innovation profile"),
)


class ReportsPage(QWidget):
    """Chooses a report kind and its parameters.

    Attributes:
        kind: the report-kind chooser.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = QComboBox(self)
        for code, id_text, en_text in REPORT_KINDS:
            self.kind.addItem(en_text if ctx.lang == "en" else id_text, code)
        form = QFormLayout()
        form.addRow(self.tr("Jenis laporan"), self.kind)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
