"""The commitments page: the list of statements of commitment (Pernyataan Komitmen), the editor,
a prefill from a hub event, and the printed letter."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.documents.cohort import commitment_for_cohort, list_cohorts
from jipp_desktop.documents.letter import LetterResult, make_letter
from jipp_desktop.domain.errors import NotFound, ServiceError, ValidationFailed
from jipp_desktop.services.commitments import (
    commitment_input,
    create_commitment,
    delete_commitment,
    get_commitment,
    update_commitment,
)
from ui.commitments.editor import CommitmentEditor
from ui.commitments.model import CommitmentListModel
from ui.context import AppContext
from ui.reports.preview import PreviewDialog
from ui.writes import failure_text

if TYPE_CHECKING:
    from jipp_desktop.db.models import Commitment
    from jipp_desktop.services.change_set import ChangeSet

ERROR_STYLE = "color: #b00020;"


class CommitmentsPage(QWidget):
    """The commitments: list at the left, editor at the right.

    Attributes:
        model: the list's item model; ``table`` shows it.
        editor: the form of the commitment chosen (or a new one).
        message: a line telling what happened (saved, failed…).
        preview: the letter preview window last opened (None before).
        current_id: the id of the commitment in the editor (None for a new one).
        count: how many commitments the list shows, or "Memuat…" while it is read (on the
            read pool: the list grows with the store).
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("commitments")
        self.ctx = ctx
        self.current_id: str | None = None
        self.preview: PreviewDialog | None = None
        self._dirty = False
        # The first answer of the list opens its newest commitment, unless the officer has
        # chosen or started one meanwhile.
        self._open_newest = True
        self.model = CommitmentListModel(ctx, ctx.lang, self)
        self.table = QTableView(self)
        self.table.setObjectName("commitment_list")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        # At 1280×800 the title reads whole (wrapped over lines) and the date with its header:
        # number and place keep fixed widths, the date and count their contents, the title the
        # rest; a cut number or place shows whole as its tooltip.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(60)
        self.table.setColumnWidth(0, 120)
        self.table.setColumnWidth(2, 100)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.count = QLabel(self)
        self.count.setObjectName("commitment_count")
        self.editor = CommitmentEditor(ctx.lang, self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)

        new = QPushButton(self.tr("Baru"))
        from_hub = QPushButton(self.tr("Buat dari acara hub…"))
        self.save_button = QPushButton(self.tr("Simpan"))
        self.print_button = QPushButton(self.tr("Cetak surat"))
        self.delete_button = QPushButton(self.tr("Hapus"))
        bar = QHBoxLayout()
        for b in (new, from_hub, self.save_button, self.print_button, self.delete_button):
            bar.addWidget(b)
        bar.addStretch(1)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.message)
        right_layout.addWidget(self.editor, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        # Half the width for the list: at 1280×800 its title and date read whole.
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([620, 620])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

        new.clicked.connect(self.new_commitment)
        from_hub.clicked.connect(self._ask_cohort)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_letter)
        self.delete_button.clicked.connect(self._ask_delete)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.editor.edited.connect(self._mark_dirty)
        ctx.changed.connect(self._on_data_changed)
        self.model.reads.loading.connect(self._list_loading)
        self.model.loaded.connect(self._list_loaded)
        self.model.read_failed.connect(self._list_failed)
        self._update_buttons()
        self.model.reload()

    # --- the list ---------------------------------------------------------------------------

    def _list_loading(self, busy: bool) -> None:
        if busy:
            self.count.setText(self.tr("Memuat…"))

    def _list_failed(self, message: str) -> None:
        self.count.setText(self.tr("Daftar tidak dapat dibaca: %1").replace("%1", message))

    def _list_loaded(self) -> None:
        self.count.setText(self.tr("%1 komitmen").replace("%1", str(self.model.rowCount())))
        newest, self._open_newest = self._open_newest, False
        if self.current_id is not None:
            self._select(self.current_id)
        elif newest and not self._dirty and self.model.rowCount() > 0:
            # Open on the newest commitment rather than a blank form.
            self.table.selectRow(0)

    # --- choosing ---------------------------------------------------------------------------

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        if rows:
            self.open_commitment(self.model.row_id(rows[0].row()))

    def open_commitment(self, commitment_id: str) -> None:
        """Shows a stored commitment in the editor (a read by id: stays on the GUI thread)."""
        self._open_newest = False
        with self.ctx.db.session() as session:
            data = commitment_input(get_commitment(session, commitment_id))
        self.current_id = commitment_id
        self.editor.load(data)
        self._dirty = False
        self._say("")
        self._update_buttons()

    def new_commitment(self) -> None:
        """Starts a blank commitment."""
        self._open_newest = False
        self.table.clearSelection()
        self.current_id = None
        self.editor.load(None)
        self._dirty = False
        self._say(self.tr("Komitmen baru: isi lalu simpan."))
        self._update_buttons()

    def prefill_from_cohort(self, cohort: str) -> None:
        """Starts a new commitment with one signatory row per hub agency of ``cohort`` (the
        hubs of one cohort, a few dozen at most: read on the GUI thread)."""
        self._open_newest = False
        with self.ctx.db.session() as session:
            data = commitment_for_cohort(session, cohort)
        self.table.clearSelection()
        self.current_id = None
        self.editor.load(data)
        self._dirty = True
        signers = sum(1 for s in data.signatories if not s.is_witness)
        self._say(
            self.tr(
                "%1 baris penanda tangan disiapkan: isi nama, jabatan dan NIP, lalu simpan."
            ).replace("%1", str(signers))
        )
        self._update_buttons()

    def _ask_cohort(self) -> None:
        with self.ctx.db.session() as session:
            cohorts = list_cohorts(session)
        if not cohorts:
            self._say(self.tr("Belum ada hub aktif."), error=True)
            return
        labels = [f"{c.label(self.ctx.lang)} ({c.hubs} hub)" for c in cohorts]
        chosen, ok = QInputDialog.getItem(
            self, self.tr("Buat dari acara hub"), self.tr("Angkatan hub:"), labels, 0, False
        )
        if ok:
            self.prefill_from_cohort(cohorts[labels.index(chosen)].cohort)

    # --- saving -------------------------------------------------------------------------------

    def save(self, then: Any = None) -> None:
        """Saves the editor's commitment in the background (one transaction).

        Args:
            then: called with the commitment id once saved.
        """
        if not self.editor.check_nips():
            self._say(self.tr("Periksa NIP yang ditandai."), error=True)
            return
        if problem := self.editor.date_problem():
            self.editor.errors.show_message("signed_on", problem)
            self.editor.signed_on.setFocus()
            self._say(self.tr("Periksa tanggal yang ditandai."), error=True)
            return
        data = self.editor.value()
        current = self.current_id
        actor = self.ctx.actor

        def saved(commitment: Commitment) -> None:
            commitment_id = commitment.id
            self.current_id = commitment_id
            self._dirty = False
            self.editor.errors.clear()
            self.model.reload()  # selects it once read
            self._say(self.tr("Komitmen tersimpan."))
            self._update_buttons()
            if then is not None:
                then(commitment_id)

        self.save_button.setEnabled(False)
        self._say(self.tr("Menyimpan…"))
        if current is None:
            self.ctx.writes.run(
                self, create_commitment, actor, data, done=saved, failed=self._failed
            )
        else:
            self.ctx.writes.run(
                self, update_commitment, actor, current, data, done=saved, failed=self._failed
            )

    def _failed(self, error: BaseException) -> None:
        self._update_buttons()
        if isinstance(error, ValidationFailed):
            rest = self.editor.show_errors(error)
            self._say(
                "\n".join(
                    [self.tr("Komitmen belum tersimpan: periksa isian yang ditandai."), *rest]
                ),
                error=True,
            )
        elif isinstance(error, ServiceError):
            self._say(error.message(self.ctx.lang), error=True)
        else:
            self._say(
                self.tr("Gagal: %1").replace("%1", failure_text(error, self.ctx.lang)), error=True
            )

    def _ask_delete(self) -> None:
        if self.current_id is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Hapus komitmen"),
            self.tr("Hapus komitmen %1?").replace("%1", self.editor.number.text()),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_current()

    def delete_current(self) -> None:
        """Deletes (tombstones) the commitment in the editor."""
        current = self.current_id
        if current is None:
            return

        def deleted(_result: Any) -> None:
            self.model.reload()
            self.new_commitment()
            self._say(self.tr("Komitmen dihapus."))

        self.ctx.writes.run(
            self, delete_commitment, self.ctx.actor, current, done=deleted, failed=self._failed
        )

    # --- the letter ---------------------------------------------------------------------------

    def print_letter(self) -> None:
        """Makes the letter (saving unsaved changes first) and shows its preview."""
        if self.current_id is None or self._dirty:
            self.save(then=self._make_letter)
        else:
            self._make_letter(self.current_id)

    def _make_letter(self, commitment_id: str) -> None:
        def made(result: LetterResult) -> None:
            number = self.editor.number.text()
            title = self.tr("Surat komitmen %1").replace("%1", number)
            safe = "".join(c if c.isalnum() else "-" for c in number).strip("-") or "komitmen"
            self.preview = PreviewDialog(result.document, title, f"komitmen-{safe}.pdf", self)
            self.preview.show()
            self._say(
                self.tr("Surat dibuat (%1 halaman), sidik isi %2.")
                .replace("%1", str(result.document.pages))
                .replace("%2", result.fingerprint[:16] + "…")
            )

        self.print_button.setEnabled(False)
        # The letter records its fingerprint: a use case that opens its own transaction.
        self.ctx.writes.run(
            self,
            make_letter,
            self.ctx.actor,
            commitment_id,
            done=made,
            failed=self._failed_letter,
            with_store=True,
        )

    def _failed_letter(self, error: BaseException) -> None:
        self._update_buttons()
        self._failed(error)

    # --- helpers -------------------------------------------------------------------------------

    def _mark_dirty(self) -> None:
        self._dirty = True

    def _select(self, commitment_id: str) -> None:
        row = self.model.row_of(commitment_id)
        if row >= 0:
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(row)
            self.table.selectionModel().blockSignals(False)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(True)
        self.print_button.setEnabled(True)
        self.delete_button.setEnabled(self.current_id is not None)

    def _on_data_changed(self, changes: ChangeSet, initiator: object) -> None:
        # A save or delete of this page has read the list again already.
        if initiator is not self and changes.touches("commitment"):
            self.model.reload()  # keeps the commitment shown selected once read
            if changes.touches_record("commitment", self.current_id):
                self._shown_changed_elsewhere()

    def _shown_changed_elsewhere(self) -> None:
        """The commitment in the editor was changed elsewhere (a sync pull, another window):
        read again, unless the editor holds unsaved edits (then the officer is told)."""
        assert self.current_id is not None
        if self._dirty:
            self._say(
                self.tr(
                    "Komitmen ini telah diubah di tempat lain (mis. sinkronisasi). Perubahan Anda "
                    "belum disimpan dan tidak ditimpa."
                ),
                error=True,
            )
            return
        try:
            self.open_commitment(self.current_id)
        except NotFound:
            self.new_commitment()
            self._say(self.tr("Komitmen ini telah dihapus di tempat lain."), error=True)
            return
        self._say(self.tr("Diperbarui: komitmen ini diubah di tempat lain."))
