"""The competition history of a record (year, competition, stage reached) as an editable table."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.services.innovations import AwardInput
from ui.widgets.field_errors import error_label


class AwardsEditor(QWidget):
    """Rows of competition results; a row the officer left incomplete is kept as entered so the
    service can name it.

    Signals:
        changed(): a row was added, removed or edited.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("awards")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Tahun"), self.tr("Kompetisi"), self.tr("Tahap dicapai")]
        )
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("Tambah baris"))
        self.remove_button = QPushButton(self.tr("Hapus baris"))
        self.error = error_label()
        self.error.setObjectName("error_awards")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        self.table.itemChanged.connect(lambda _i: self.changed.emit())

    def add_row(self, year: int | None = None, competition: str = "", stage: str = "") -> None:
        """Appends a row (blank by default)."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        texts = (str(year or date.today().year), competition or "KIPP", stage)
        for col, text in enumerate(texts):
            self.table.setItem(row, col, QTableWidgetItem(text))
        self.changed.emit()

    def remove_row(self) -> None:
        """Removes the selected row."""
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def awards(self) -> list[AwardInput]:
        """The rows as entered (a year that is not a number counts as 0, which the service
        refuses with the row number)."""
        out = []
        for row in range(self.table.rowCount()):
            texts = [
                (self.table.item(row, c).text() if self.table.item(row, c) else "").strip()
                for c in range(3)
            ]
            year = int(texts[0]) if texts[0].isdigit() else 0
            out.append(AwardInput(year, texts[1], texts[2]))
        return out

    def set_awards(self, awards: list[AwardInput]) -> None:
        """Shows stored rows."""
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for a in awards:
            self.add_row(a.year, a.competition, a.stage_reached)
        self.table.blockSignals(False)

    def set_read_only(self, read_only: bool) -> None:
        """Locks editing."""
        self.table.setEnabled(not read_only)
        self.add_button.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only)
