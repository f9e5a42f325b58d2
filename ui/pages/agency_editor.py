"""Agencies: a searchable list and the form to create or change one (each change one use case
on the write thread)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.domain.errors import ServiceError
from jipp_desktop.reference.codes import AGENCY_KINDS
from jipp_desktop.services.agencies import (
    create_agency,
    delete_agency,
    find_agencies,
    get_agency,
    update_agency,
)
from ui.context import AppContext
from ui.pages.changed_elsewhere import ChangedElsewhere, Elsewhere
from ui.store_reads import LatestRead
from ui.widgets.combos import code_combo, searchable_combo
from ui.widgets.field_errors import FieldErrors
from ui.writes import failure_text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from jipp_desktop.db.models import Agency
    from jipp_desktop.services.change_set import ChangeSet

AgencyRow = tuple[str, str, str, str | None]


class AgencyEditor(ChangedElsewhere, QWidget):
    """The agency list (name, kind, region) beside the agency form.

    The list is read on the read pool ("Memuat…" meanwhile); the agency shown is told when it
    changes elsewhere (a sync pull, another window): a clean form reads it again, one with unsaved
    edits keeps them and offers "Muat ulang".

    Attributes:
        search: filters the list by name.
        table: the agencies (item data of column 0: agency id).
        count: how many agencies the list shows, or "Memuat…" while it is read.
        name, kind, region, parent_agency, address: the form.
        reload_button: "Muat ulang", shown when the agency changed elsewhere while the form
            holds unsaved edits.

    Signals:
        settled(done): a queued save or delete ended: committed, or refused (the form says
            why).
    """

    settled = Signal(bool)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._id: str | None = None
        lang = ctx.lang
        self.search = QLineEdit()
        self.search.setObjectName("agency_search")
        self.search.setPlaceholderText(self.tr("Cari nama instansi…"))
        self.kind_filter = code_combo(AGENCY_KINDS, lang, self.tr("Semua jenis"))
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("agency_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Nama"), self.tr("Jenis"), self.tr("Wilayah")]
        )
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setColumnWidth(1, 170)
        self.table.setColumnWidth(2, 190)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.count = QLabel()
        self.count.setObjectName("agency_count")
        self.reads = LatestRead(ctx, self)
        self.reads.loading.connect(self._loading)

        self.errors = FieldErrors()
        self.name = QLineEdit()
        self.name.setObjectName("agency_name")
        self.kind = code_combo(AGENCY_KINDS, lang, "—")
        self.region = searchable_combo(ctx.reference.regions(), "—")
        self.parent_agency = searchable_combo(ctx.reference.agencies(), "—")
        self.address = QLineEdit()
        box = QGroupBox(self.tr("Data instansi"))
        form = QFormLayout(box)
        for label, key, widget in (
            (self.tr("Nama *"), "name", self.name),
            (self.tr("Jenis *"), "kind", self.kind),
            (self.tr("Wilayah"), "region_code", self.region),
            (self.tr("Instansi induk"), "parent_id", self.parent_agency),
            (self.tr("Alamat"), "address", self.address),
        ):
            form.addRow(label, widget)
            form.addRow("", self.errors.add(key, widget))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.new_button = QPushButton(self.tr("Baru"))
        self.save_button = QPushButton(self.tr("Simpan"))
        self.save_button.setObjectName("agency_save")
        self.delete_button = QPushButton(self.tr("Hapus"))
        self.reload_button = QPushButton(self.tr("Muat ulang"))
        self.reload_button.hide()
        buttons = QHBoxLayout()
        for b in (self.new_button, self.save_button, self.delete_button, self.reload_button):
            buttons.addWidget(b)
        form.addRow(buttons)
        form.addRow(self.message)

        left = QVBoxLayout()
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.kind_filter, 1)
        left.addLayout(filters)
        left.addWidget(self.table, 1)
        left.addWidget(self.count)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(box, 2)

        self.search.textChanged.connect(self.reload)
        self.kind_filter.currentIndexChanged.connect(self.reload)
        self.table.currentCellChanged.connect(lambda row, *_: self._select(row))
        self.new_button.clicked.connect(self.new)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.reload_button.clicked.connect(self._reload_shown)
        self._dirty = False
        for edit in (self.name, self.address):
            edit.textEdited.connect(self._edited)
        for combo in (self.kind, self.region, self.parent_agency):
            combo.activated.connect(self._edited)
        ctx.changed.connect(self._changed)
        self.reload()

    def _edited(self, *_args: object) -> None:
        self._dirty = True

    def _changed(self, changes: ChangeSet, initiator: object) -> None:
        if not changes.touches("agency"):
            return
        self.reload()
        if initiator is not self and changes.touches_record("agency", self._id):
            self._shown_changed_elsewhere()

    def elsewhere_text(self, what: Elsewhere) -> str:
        """The words for the agency in the form changed elsewhere."""
        if what == "kept":
            return self.tr(
                "Instansi ini telah diubah di tempat lain (mis. sinkronisasi). Perubahan Anda "
                "belum disimpan dan tidak ditimpa; simpan untuk memakainya, atau Muat ulang "
                "untuk membaca versi tersimpan."
            )
        if what == "deleted":
            return self.tr("Instansi ini telah dihapus di tempat lain.")
        return self.tr("Diperbarui: instansi ini diubah di tempat lain.")

    def reload(self) -> None:
        """Lists the agencies matching the search (read in the background; an answer to an
        older search is dropped)."""
        text, kind = self.search.text(), self.kind_filter.value()

        def read(s: Session) -> list[AgencyRow]:
            return [(a.id, a.name, a.kind, a.region_code) for a in find_agencies(s, text, kind)]

        self.reads.request(read, self._fill, self._read_failed)

    def _loading(self, busy: bool) -> None:
        if busy:
            self.count.setText(self.tr("Memuat…"))

    def _read_failed(self, message: str) -> None:
        self.count.setText(self.tr("Daftar tidak dapat dibaca: %1").replace("%1", message))

    def _fill(self, rows: list[AgencyRow]) -> None:
        lang = self._ctx.lang
        ref = self._ctx.reference
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for i, (aid, name, kind, code) in enumerate(rows):
            item = QTableWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, aid)
            self.table.setItem(i, 0, item)
            self.table.setItem(i, 1, QTableWidgetItem(AGENCY_KINDS.label(kind, lang)))
            self.table.setItem(i, 2, QTableWidgetItem(ref.region_name(code)))
        if self._id is not None:
            for i, (aid, *_rest) in enumerate(rows):
                if aid == self._id:
                    self.table.selectRow(i)
        self.table.blockSignals(False)
        self.count.setText(self.tr("%1 instansi").replace("%1", str(len(rows))))

    def _select(self, row: int) -> None:
        item = self.table.item(row, 0) if row >= 0 else None
        if item is None:
            return
        self._show(str(item.data(Qt.ItemDataRole.UserRole)))
        self.message.clear()

    def _show(self, agency_id: str) -> None:
        """Fills the form with the stored agency (a primary-key read: stays on the GUI
        thread)."""
        with self._ctx.db.session() as s:
            a = get_agency(s, agency_id)
            self._id = a.id
            self.name.setText(a.name)
            self.kind.set_value(a.kind)
            self.region.set_value(a.region_code)
            self.parent_agency.set_value(a.parent_id)
            self.address.setText(a.address or "")
        self.errors.clear()
        self.reload_button.hide()
        self._dirty = False

    def new(self) -> None:
        """Clears the form for a new agency."""
        self._id = None
        self.table.clearSelection()
        for w in (self.name, self.address):
            w.clear()
        for c in (self.kind, self.region, self.parent_agency):
            c.set_value(None)
        self.errors.clear()
        self.reload_button.hide()
        self._dirty = False
        self.message.setText(self.tr("Instansi baru"))
        self.name.setFocus()

    def values(self) -> dict[str, object]:
        """The form's values."""
        return {
            "name": self.name.text(),
            "kind": self.kind.value(),
            "region_code": self.region.value(),
            "parent_id": self.parent_agency.value(),
            "address": self.address.text(),
        }

    def save(self) -> bool:
        """Queues creating or updating the agency; returns whether it was queued
        (``settled`` tells the outcome)."""
        ctx = self._ctx
        self.save_button.setEnabled(False)
        self.message.setText(self.tr("Menyimpan…"))
        if self._id is None:
            ctx.writes.run(
                self,
                create_agency,
                ctx.actor,
                self.values(),
                done=self._saved,
                failed=self._refused,
            )
        else:
            ctx.writes.run(
                self,
                update_agency,
                ctx.actor,
                self._id,
                self.values(),
                done=self._saved,
                failed=self._refused,
            )
        return True

    def _saved(self, agency: Agency) -> None:
        self.save_button.setEnabled(True)
        self._id = agency.id  # only once committed
        self._dirty = False
        self.reload_button.hide()
        self.errors.clear()
        self.message.setText(self.tr("Instansi tersimpan."))
        self.settled.emit(True)

    def _refused(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, ServiceError):
            self.errors.report(error, self.message, self._ctx.lang)
        else:
            self.message.setText(failure_text(error, self._ctx.lang))
        self.settled.emit(False)

    def delete(self) -> None:
        """Deletes the selected agency (admins only; refused while innovations use it)."""
        if self._id is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Hapus instansi"), self.tr("Hapus instansi ini?")
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._ctx.writes.run(
            self, delete_agency, self._ctx.actor, self._id, done=self._deleted, failed=self._refused
        )

    def _deleted(self, _none: None) -> None:
        self._id = None
        self.new()
        self.message.setText(self.tr("Instansi dihapus."))
        self.settled.emit(True)
