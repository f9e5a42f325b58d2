"""The evidence files of a record: add (copied into the content-addressed store off the GUI
thread), open (a copy under its own name) and remove; both changes are use cases run on the
write thread (``ui.writes``)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.domain.errors import ServiceError
from jipp_desktop.progress import Cancelled
from jipp_desktop.services.attachments import (
    add_attachments,
    attachments_of,
    export_attachment,
    remove_attachment,
)
from ui.context import AppContext
from ui.i18n import format_number
from ui.writes import failure_text


class AttachmentsPanel(QWidget):
    """Lists a record's attachments with add, open and remove buttons.

    Attributes:
        files: the list (item data: attachment id).
    """

    def __init__(self, ctx: AppContext, owner_kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._owner_kind = owner_kind
        self.owner_id: str | None = None
        self.files = QListWidget()
        self.files.setObjectName("attachments")
        self.note = QLabel(self.tr("Simpan rekaman terlebih dahulu untuk menambah lampiran."))
        self.add_button = QPushButton(self.tr("Tambah…"))
        self.open_button = QPushButton(self.tr("Buka"))
        self.remove_button = QPushButton(self.tr("Hapus"))
        row = QHBoxLayout()
        for b in (self.add_button, self.open_button, self.remove_button):
            row.addWidget(b)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.files)
        layout.addLayout(row)
        self.add_button.clicked.connect(self.choose_files)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.files.itemDoubleClicked.connect(lambda _i: self.open_selected())
        self.set_owner(None)

    def set_owner(self, owner_id: str | None) -> None:
        """Shows the attachments of a record (none for an unsaved one)."""
        self.owner_id = owner_id
        self.note.setVisible(owner_id is None)
        for b in (self.add_button, self.open_button, self.remove_button):
            b.setEnabled(owner_id is not None)
        self.reload()

    def reload(self) -> None:
        """Reads the list again."""
        self.files.clear()
        if self.owner_id is None:
            return
        with self._ctx.db.session() as s:
            for a in attachments_of(s, self.owner_id):
                size = format_number(max(1, a.size // 1024), self._ctx.lang)
                item = QListWidgetItem(f"{a.original_name}  ({size} KB)")
                item.setData(Qt.ItemDataRole.UserRole, a.id)
                self.files.addItem(item)

    def choose_files(self) -> None:
        """Asks for files and attaches them."""
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Tambah lampiran"))
        if paths:
            self.add_files([Path(p) for p in paths])

    def add_files(self, paths: list[Path]) -> None:
        """Attaches files in one background write (all or none)."""
        owner_id, ctx = self.owner_id, self._ctx
        if owner_id is None:
            return
        ctx.writes.run(
            self,
            add_attachments,
            ctx.actor,
            ctx.attachments_folder,
            self._owner_kind,
            owner_id,
            list(paths),
            done=lambda _ids: self.reload(),
            failed=self._failed,
            progress_title=self.tr("Menyimpan lampiran…"),
        )

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ServiceError):
            QMessageBox.warning(self, self.tr("Lampiran"), error.message(self._ctx.lang))
        elif not isinstance(error, Cancelled):
            QMessageBox.critical(self, self.tr("Lampiran"), failure_text(error, self._ctx.lang))

    def _selected(self) -> str | None:
        item = self.files.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def open_selected(self) -> Path | None:
        """Opens a copy of the selected file with the system's viewer; returns the copy."""
        attachment_id = self._selected()
        if attachment_id is None:
            return None
        from jipp_desktop.db.models import Attachment

        with self._ctx.db.session() as s:
            attachment = s.get(Attachment, attachment_id)
            assert attachment is not None
            folder = Path(tempfile.mkdtemp(prefix="jipp-"))
            try:
                # Into the fresh folder, under a safe form of the original name: a name holding
                # "../" or an absolute path never leads outside it.
                copy = export_attachment(self._ctx.attachments_folder, attachment, folder)
            except ServiceError as exc:
                self._failed(exc)
                return None
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy)))
        return copy

    def remove_selected(self) -> None:
        """Removes the selected attachment."""
        attachment_id = self._selected()
        if attachment_id is None:
            return
        self._ctx.writes.run(
            self,
            remove_attachment,
            self._ctx.actor,
            attachment_id,
            done=lambda _none: self.reload(),
            failed=self._failed,
        )
