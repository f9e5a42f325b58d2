"""The Qt item model of the commitment list, read on the read pool (the list grows with the
store; an answer to an older request is dropped)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from jipp_desktop.services.commitments import list_commitments
from ui.i18n import format_date
from ui.store_reads import LatestRead

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ui.context import AppContext

ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class CommitmentRow:
    """One line of the list."""

    id: str
    number: str
    title: str
    place: str
    signed_on: date
    signatories: int


def commitment_rows(session: Session) -> list[CommitmentRow]:
    """The list's lines (read on the read pool; plain values, no ORM objects)."""
    return [
        CommitmentRow(
            c.id,
            c.number,
            c.title,
            c.place,
            c.signed_on,
            sum(1 for s in c.signatories if not s.is_witness),
        )
        for c in list_commitments(session)
    ]


class CommitmentListModel(QAbstractTableModel):
    """Commitments, newest first: number, title, place and date, number of signatories.

    Attributes:
        reads: the list's reads of the store (``reads.loading`` says when one is out).

    Signals:
        loaded(): new rows were shown.
        read_failed(message): the list could not be read.
    """

    loaded = Signal()
    read_failed = Signal(str)

    HEADERS = (
        ("Nomor", "Number"),
        ("Judul", "Title"),
        ("Tempat", "Place"),
        ("Tanggal", "Date"),
        ("Penanda tangan", "Signatories"),
    )

    def __init__(self, ctx: AppContext, lang: str = "id", parent: Any = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._rows: list[CommitmentRow] = []
        self.reads = LatestRead(ctx, self)

    def reload(self) -> None:
        """Reads the list again from the store, in the background (``loaded`` follows)."""
        self.reads.request(commitment_rows, self.set_rows, self.read_failed.emit)

    def set_rows(self, rows: list[CommitmentRow]) -> None:
        """Shows these rows."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()
        self.loaded.emit()

    def row_id(self, row: int) -> str:
        """The commitment id on ``row``."""
        return self._rows[row].id

    def row_of(self, commitment_id: str) -> int:
        """The row showing ``commitment_id`` (-1 when not listed)."""
        for i, r in enumerate(self._rows):
            if r.id == commitment_id:
                return i
        return -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """The number of commitments (0 under any parent: a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """The number of columns."""
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles in the officer's language."""
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < len(self.HEADERS):
            return None
        id_text, en_text = self.HEADERS[section]
        return en_text if self._lang == "en" else id_text

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """The text of a cell, or the commitment id under ``ID_ROLE``."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return row.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            col = index.column()
            if col == 3:
                # The app's one date format, as in the innovation list (12 Mar 2025).
                return format_date(row.signed_on, self._lang)
            return (row.number, row.title, row.place, None, row.signatories)[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
