"""The import preview: counts of new, updated, duplicate and invalid rows, the table of
problems by row and column, the officer's choice for rows that are already stored, and the
table of where each column of the file went, where the officer may move a column to another
field or leave it out (the dry run is then done again with that mapping)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
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
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.spreadsheets.columns import mapping_targets
from jipp_desktop.spreadsheets.headers import BY_NAME, BY_OFFICER, BY_VALUES
from jipp_desktop.spreadsheets.report import EXISTING, ColumnUse, ImportReport, RowProblem

_Index = QModelIndex | QPersistentModelIndex


class _ListModel(QAbstractTableModel):
    """A read-only table over a list: one row per item, the columns named by ``_heads``."""

    _heads: list[str]

    def __init__(self, items: Sequence[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items = items

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of items."""
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of column titles."""
        return 0 if parent.isValid() else len(self._heads)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._heads[section]
        return None


class ProblemModel(_ListModel):
    """The problems of an import: row, column, header, kind and message."""

    def __init__(
        self, problems: list[RowProblem], lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(problems, parent)
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


class ColumnModel(_ListModel):
    """Where each column of the file went: letter, header, the field it fills, and why (by
    its name, by its values, by the officer's choice, not recognised, or a second column for
    a field another one holds)."""

    def __init__(self, uses: list[ColumnUse], lang: str, parent: QWidget | None = None) -> None:
        super().__init__(uses, parent)
        self.uses = uses
        self._lang = lang
        self._labels = {c.key: c.en if lang == "en" else c.id for c in mapping_targets()}
        self._heads = [
            self.tr("Kolom"),
            self.tr("Judul kolom"),
            self.tr("Diimpor ke"),
            self.tr("Alasan"),
        ]
        self._how = {
            BY_NAME: self.tr("menurut judul kolom"),
            BY_VALUES: self.tr("menurut isi kolom"),
            BY_OFFICER: self.tr("diubah petugas"),
            "unknown": self.tr("judul tidak dikenali"),
            "repeated": self.tr("kolom lain sudah mengisi bidang ini"),
        }

    def target(self, key: str) -> str:
        """The name of the field a column fills, "(tidak diimpor)" for none."""
        return self._labels.get(key, key) if key else self.tr("(tidak diimpor)")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell text; the column's key under ``UserRole``."""
        if not index.isValid():
            return None
        use = self.uses[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return use.key
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (
                use.letter,
                use.header,
                self.target(use.key),
                self._how.get(use.how, use.how),
            )[index.column()]
        return None


class ImportPreviewDialog(QDialog):
    """Shows what an import would do before anything is written.

    Signals:
        choice_changed(on_duplicate): the officer switched between "skip" and "update"
            (the dry run is done again for that choice).
        commit_requested(on_duplicate): the officer asked to import.
        errors_requested(): the officer asked to save the error workbook.
        mapping_changed(): the officer moved a column to another field or left it out
            (``mapping`` holds every such change; the dry run is done again with it).
    """

    mapping_changed = Signal()
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
        choice = QGroupBox(
            self.tr("Baris yang sudah tersimpan (ID rekaman, atau instansi dan judul sama)")
        )
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
        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, self.tr("Masalah per baris"))
        self.tabs.addTab(self._columns_tab(), self.tr("Kolom berkas"))
        layout.addWidget(self.tabs, 1)
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

    def _columns_tab(self) -> QWidget:
        """The table of where each column went, and the choice to move the selected one."""
        tab = QWidget()
        box = QVBoxLayout(tab)
        self.columns_table = QTableView()
        self.columns_table.setObjectName("columns_table")
        self.columns_table.setAlternatingRowColors(True)
        self.columns_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.columns_table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.columns_table.horizontalHeader().setStretchLastSection(True)
        self.columns_table.verticalHeader().hide()
        box.addWidget(self.columns_table, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Impor kolom terpilih ke:")))
        self.target_combo = QComboBox()
        self.target_combo.setObjectName("column_target")
        self.target_combo.addItem(self.tr("(tidak diimpor)"), "")
        for column in mapping_targets():
            self.target_combo.addItem(column.en if self._lang == "en" else column.id, column.key)
        self.target_combo.setEnabled(False)
        row.addWidget(self.target_combo, 1)
        box.addLayout(row)
        self.mapping: dict[int, str] = {}
        self.target_combo.activated.connect(self._target_chosen)
        return tab

    def _selected_use(self) -> ColumnUse | None:
        rows = self.columns_table.selectionModel().selectedRows()
        return self.report.columns[rows[0].row()] if rows else None

    def _column_selected(self) -> None:
        use = self._selected_use()
        self.target_combo.setEnabled(use is not None)
        if use is not None:
            self.target_combo.setCurrentIndex(max(0, self.target_combo.findData(use.key)))

    def _target_chosen(self, position: int) -> None:
        use = self._selected_use()
        key = self.target_combo.itemData(position)
        if use is None or key == use.key:
            return
        self.mapping[use.index] = key
        self.mapping_changed.emit()

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
        selected = self._selected_use() if self.columns_table.model() is not None else None
        self.columns_table.setModel(ColumnModel(report.columns, self._lang, self.columns_table))
        self.columns_table.selectionModel().selectionChanged.connect(self._column_selected)
        for column, width in enumerate((60, 220, 220)):
            self.columns_table.setColumnWidth(column, width)
        if selected is not None:
            # The same column stays chosen after the dry run done again for a change.
            at = next((i for i, u in enumerate(report.columns) if u.index == selected.index), 0)
            self.columns_table.selectRow(at)
        self._column_selected()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((60, 60, 180, 150)):
            self.table.setColumnWidth(column, width)
        self.errors_button.setEnabled(bool(report.rejected()))
        self.commit_button.setEnabled(report.new + report.updated + report.verified > 0)
