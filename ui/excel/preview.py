"""The import preview: counts of new, updated, duplicate and invalid rows, the table of
problems by row and column, and the officer's choice for rows that are already stored."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.spreadsheets.report import EXISTING, ImportReport, RowProblem

_Index = QModelIndex | QPersistentModelIndex


class ProblemModel(QAbstractTableModel):
    """The problems of an import: row, column, header, kind and message."""

    def __init__(
        self, problems: list[RowProblem], lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._problems = problems
        self._lang = lang
        self._heads = [
            self.tr("Baris"),
            self.tr("Kolom"),
            self.tr("Judul kolom"),
            self.tr("Jenis"),
            self.tr("Masalah"),
        ]
        self._kinds = {
            "invalid": self.tr("Tidak sah"),
            "duplicate_in_file": self.tr("Duplikat dalam berkas"),
            EXISTING: self.tr("Sudah tersimpan"),
        }

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of problems."""
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Five columns."""
        return 0 if parent.isValid() else len(self._heads)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._heads[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell text (the full message as tooltip)."""
        if not index.isValid():
            return None
        p = self._problems[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (
                p.row,
                p.letter,
                p.header,
                self._kinds.get(p.kind, p.kind),
                p.message(self._lang),
            )[index.column()]
        return None


class ImportPreviewDialog(QDialog):
    """Shows what an import would do before anything is written.

    Signals:
        choice_changed(on_duplicate): the officer switched between "skip" and "update"
            (the dry run is done again for that choice).
        commit_requested(on_duplicate): the officer asked to import.
        errors_requested(): the officer asked to save the error workbook.
    """

    choice_changed = Signal(str)
    commit_requested = Signal(str)
    errors_requested = Signal()

    def __init__(self, report: ImportReport, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pratinjau impor"))
        self.resize(900, 560)
        self._lang = lang
        layout = QVBoxLayout(self)
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        layout.addWidget(self.file_label)
        counts = QGroupBox(self.tr("Hasil pemeriksaan (belum disimpan)"))
        grid = QGridLayout(counts)
        self.count_labels: dict[str, QLabel] = {}
        names = (
            ("total", self.tr("Jumlah baris")),
            ("new", self.tr("Baru")),
            ("updated", self.tr("Diperbarui")),
            ("verified", self.tr("Keputusan verifikasi")),
            ("duplicates", self.tr("Duplikat (dilewati)")),
            ("invalid", self.tr("Tidak sah (ditolak)")),
        )
        for column, (key, text) in enumerate(names):
            value = QLabel()
            value.setObjectName(f"count_{key}")
            value.setStyleSheet("font-size: 18pt; font-weight: bold;")
            grid.addWidget(value, 0, column, Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(QLabel(text), 1, column, Qt.AlignmentFlag.AlignCenter)
            self.count_labels[key] = value
        layout.addWidget(counts)
        self.extra_label = QLabel()
        self.extra_label.setWordWrap(True)
        layout.addWidget(self.extra_label)
        choice = QGroupBox(self.tr("Baris yang sudah tersimpan (instansi dan judul sama)"))
        row = QHBoxLayout(choice)
        self.skip_radio = QRadioButton(self.tr("Lewati"))
        self.update_radio = QRadioButton(self.tr("Perbarui data yang tersimpan"))
        self._group = QButtonGroup(self)
        self._group.addButton(self.skip_radio)
        self._group.addButton(self.update_radio)
        row.addWidget(self.skip_radio)
        row.addWidget(self.update_radio)
        row.addStretch()
        layout.addWidget(choice)
        self.table = QTableView()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox()
        self.errors_button = QPushButton(self.tr("Simpan daftar kesalahan…"))
        self.commit_button = QPushButton(self.tr("Impor"))
        self.commit_button.setDefault(True)
        buttons.addButton(self.errors_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.commit_button, QDialogButtonBox.ButtonRole.AcceptRole)
        close = QPushButton(self.tr("Tutup"))
        buttons.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.errors_button.clicked.connect(self.errors_requested)
        self.commit_button.clicked.connect(lambda: self.commit_requested.emit(self.on_duplicate))
        self.set_report(report)
        self.skip_radio.toggled.connect(self._toggled)

    @property
    def on_duplicate(self) -> str:
        """The officer's choice: "skip" or "update"."""
        return "update" if self.update_radio.isChecked() else "skip"

    def _toggled(self, _checked: bool) -> None:
        self.choice_changed.emit(self.on_duplicate)

    def set_report(self, report: ImportReport) -> None:
        """Shows a (new) dry-run report."""
        self.report = report
        self.file_label.setText(
            self.tr("Berkas {file}, lembar \u201c{sheet}\u201d, judul kolom di baris {row}.")
            .replace("{file}", report.file)
            .replace("{sheet}", report.sheet)
            .replace("{row}", str(report.header_row))
        )
        for key, label in self.count_labels.items():
            label.setText(str(getattr(report, key)))
        if report.extra_columns:
            self.extra_label.setText(
                self.tr("Kolom diabaikan (tidak dikenali): ") + ", ".join(report.extra_columns)
            )
        else:
            self.extra_label.clear()
        self.skip_radio.blockSignals(True)
        self.update_radio.blockSignals(True)
        (self.update_radio if report.on_duplicate == "update" else self.skip_radio).setChecked(True)
        self.skip_radio.blockSignals(False)
        self.update_radio.blockSignals(False)
        self.table.setModel(ProblemModel(report.problems, self._lang, self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((60, 60, 180, 150)):
            self.table.setColumnWidth(column, width)
        self.errors_button.setEnabled(bool(report.rejected()))
        self.commit_button.setEnabled(report.new + report.updated + report.verified > 0)
