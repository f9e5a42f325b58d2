"""A small dialog to find and choose an innovation by full-text search (replication source,
duplicate of)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.services.search import search_innovations
from ui.context import AppContext


class InnovationPicker(QDialog):
    """Search box and result list; the chosen record is ``(id, title)``."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, exclude_id: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pilih inovasi"))
        self._ctx = ctx
        self._exclude = exclude_id
        self.search = QLineEdit()
        self.search.setObjectName("picker_search")
        self.search.setPlaceholderText(self.tr("Ketik kata dari judul atau instansi…"))
        self.results = QListWidget()
        self.results.setObjectName("picker_results")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self._search)
        self.results.itemDoubleClicked.connect(lambda _i: self.accept())
        self.resize(560, 400)

    def _search(self, text: str) -> None:
        self.results.clear()
        with self._ctx.db.session() as s:
            rows = search_innovations(s, text, limit=30)
        for r in rows:
            if r.id == self._exclude:
                continue
            item = QListWidgetItem(f"{r.title} — {r.agency}")
            item.setData(Qt.ItemDataRole.UserRole, (r.id, r.title))
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def chosen(self) -> tuple[str, str] | None:
        """The selected record's id and title."""
        item = self.results.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None


def pick_innovation(
    ctx: AppContext, parent: QWidget, exclude_id: str | None = None
) -> tuple[str, str] | None:
    """Asks for an innovation; None when cancelled."""
    dialog = InnovationPicker(ctx, parent, exclude_id)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return dialog.chosen()
    return None
