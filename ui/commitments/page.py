"""The commitments page: the list of statements of commitment (Pernyataan Komitmen)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from ui.commitments.model import CommitmentListModel
from ui.context import AppContext


class CommitmentsPage(QWidget):
    """Lists the commitments; reloads when a commitment changes.

    Attributes:
        model: the list's item model.
        table: the list view.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = CommitmentListModel(ctx.db, ctx.lang, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        ctx.data_changed.connect(self._on_data_changed)
        self.model.reload()

    def _on_data_changed(self, entity: str) -> None:
        if entity == "commitment":
            self.model.reload()
