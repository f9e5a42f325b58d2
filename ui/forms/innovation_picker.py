"""A small dialog to find and choose an innovation by full-text search (replication source,
duplicate of). The search runs on the read pool as the officer types (it ranks matches over the
whole store); only the answer to the last text typed fills the list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.services.search import search_innovations
from ui.context import AppContext
from ui.store_reads import LatestRead

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Found = tuple[str, str, str]  # id, title, agency


class InnovationPicker(QDialog):
    """Search box and result list; the chosen record is ``(id, title)``.

    Attributes:
        search: the words to find.
        results: the records found (item data: ``(id, title)``).
        status: "Mencari…" while a search is out, else what it found.
        reads: the dialog's searches of the store.
    """

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
        self.status = QLabel()
        self.status.setObjectName("picker_status")
        self.reads = LatestRead(ctx, self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self._search)
        self.results.itemDoubleClicked.connect(lambda _i: self.accept())
        self.resize(560, 400)

    def _search(self, text: str) -> None:
        self.results.clear()
        if not text.strip():
            self.reads.drop()
            self.status.clear()
            return
        exclude = self._exclude

        def read(s: Session) -> list[Found]:
            return [
                (r.id, r.title, r.agency)
                for r in search_innovations(s, text, limit=30)
                if r.id != exclude
            ]

        self.status.setText(self.tr("Mencari…"))
        self.reads.request(read, self._show, self._failed)

    def _failed(self, message: str) -> None:
        self.status.setText(self.tr("Pencarian gagal: %1").replace("%1", message))

    def _show(self, found: list[Found]) -> None:
        self.results.clear()
        for record_id, title, agency in found:
            item = QListWidgetItem(f"{title} — {agency}")
            item.setData(Qt.ItemDataRole.UserRole, (record_id, title))
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
            self.status.clear()
        else:
            self.status.setText(self.tr("Tidak ada inovasi yang cocok."))

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
