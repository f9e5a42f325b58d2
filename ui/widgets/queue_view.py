"""The verification queue's list view: whole titles (word-wrapped), and the row-by-number
calls the page and its keys use, over the filtered model."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from ui.models.verification_queue import ID_ROLE


class QueueView(QListView):
    """A list of the records waiting, as the filter shows them.

    Signals:
        currentRowChanged(row): another record was chosen (-1: none).
    """

    # Named as QListWidget's, which this view replaces.
    currentRowChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setAlternatingRowColors(True)
        self.setSpacing(1)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setResizeMode(QListView.ResizeMode.Adjust)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        """Shows a model and tells when the current row changes."""
        super().setModel(model)
        self.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.currentRowChanged.emit(
                current.row() if current.isValid() else -1
            )
        )

    def count(self) -> int:
        """Records shown."""
        model = self.model()
        return model.rowCount() if model is not None else 0

    def currentRow(self) -> int:
        """The row of the chosen record (-1: none)."""
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def setCurrentRow(self, row: int) -> None:
        """Chooses the record on ``row`` (-1 or out of range: none)."""
        model = self.model()
        index = model.index(row, 0) if model is not None and 0 <= row < self.count() else None
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        if index is None:
            self.selectionModel().setCurrentIndex(QModelIndex(), flags)
            return
        self.selectionModel().setCurrentIndex(index, flags)
        self.scrollTo(index)

    def id_at(self, row: int) -> str | None:
        """The id of the record on ``row``."""
        model = self.model()
        if model is None or not 0 <= row < self.count():
            return None
        return model.index(row, 0).data(ID_ROLE)
