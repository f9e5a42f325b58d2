"""The signatories table of the commitment editor: one row per signatory or witness, the NIP
checked as it is typed."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from jipp_desktop.domain.validation import nip_error
from jipp_desktop.services.commitments import SignatoryInput

COLUMNS = (
    ("agency_name", "Instansi", "Agency"),
    ("official_name", "Nama pejabat", "Official's name"),
    ("official_position", "Jabatan", "Position"),
    ("nip", "NIP", "NIP"),
    ("is_witness", "Saksi", "Witness"),
)
NIP_COLUMN = 3
WITNESS_COLUMN = 4
ERROR_BRUSH = QBrush(QColor("#fde2e4"))


@dataclass(frozen=True)
class NipProblem:
    """A NIP that breaks the rules, by row (0-based)."""

    row: int
    id: str
    en: str

    def message(self, lang: str) -> str:
        """Names the row and the column: "Baris 3, NIP: NIP harus 18 digit angka"."""
        if lang == "en":
            return f"Row {self.row + 1}, NIP: {self.en}"
        return f"Baris {self.row + 1}, NIP: {self.id}"


class SignatoryModel(QAbstractTableModel):
    """Editable signatories and witnesses, in signing order.

    Signals:
        nip_checked(): the NIP problems changed (see :meth:`problems`).
    """

    nip_checked = Signal()

    def __init__(self, lang: str = "id", parent: Any = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._rows: list[SignatoryInput] = []

    def set_rows(self, rows: list[SignatoryInput]) -> None:
        """Replaces every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()
        self.nip_checked.emit()

    def rows(self) -> list[SignatoryInput]:
        """The rows as entered."""
        return list(self._rows)

    def problems(self) -> list[NipProblem]:
        """Every NIP that breaks the rules."""
        out = []
        for i, row in enumerate(self._rows):
            if row.nip:
                err = nip_error(row.nip)
                if err:
                    out.append(NipProblem(i, err.id, err.en))
        return out

    def add_row(self, witness: bool = False) -> int:
        """Adds an empty row at the end; returns its number."""
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(SignatoryInput("", "", "", None, is_witness=witness))
        self.endInsertRows()
        return row

    def remove_row(self, row: int) -> None:
        """Removes a row."""
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
            self.nip_checked.emit()

    def move_row(self, row: int, delta: int) -> int:
        """Moves a row up (-1) or down (+1); returns where it went."""
        target = row + delta
        if not (0 <= row < len(self._rows) and 0 <= target < len(self._rows)):
            return row
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + (1 if delta > 0 else 0))
        self._rows.insert(target, self._rows.pop(row))
        self.endMoveRows()
        self.nip_checked.emit()
        return target

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """The number of rows (0 under any parent: a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """The number of columns."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles, and row numbers down the side."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        if 0 <= section < len(COLUMNS):
            _, id_text, en_text = COLUMNS[section]
            return en_text if self._lang == "en" else id_text
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        """Every cell is editable; the witness cell is a check box."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == WITNESS_COLUMN:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Cell text; the NIP cell is tinted with its problem as tool tip."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        name = COLUMNS[index.column()][0]
        if index.column() == WITNESS_COLUMN:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if row.is_witness else Qt.CheckState.Unchecked
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return getattr(row, name) or ""
        if index.column() == NIP_COLUMN and row.nip:
            err = nip_error(row.nip)
            if err and role == Qt.ItemDataRole.BackgroundRole:
                return ERROR_BRUSH
            if err and role == Qt.ItemDataRole.ToolTipRole:
                return err.message(self._lang)
        return None

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        """Stores an edited cell (text trimmed; the NIP is checked at once)."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        row = self._rows[index.row()]
        if index.column() == WITNESS_COLUMN:
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            self._rows[index.row()] = replace(row, is_witness=checked)
        else:
            if role != Qt.ItemDataRole.EditRole:
                return False
            text = " ".join(str(value or "").split())
            name = COLUMNS[index.column()][0]
            self._rows[index.row()] = replace(
                row, **{name: text or (None if name == "nip" else "")}
            )
        self.dataChanged.emit(index, index)
        if index.column() == NIP_COLUMN:
            self.nip_checked.emit()
        return True
