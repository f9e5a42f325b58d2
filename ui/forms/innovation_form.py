"""The innovation form: every field of the record by section, competition history,
attachments and change history; save as draft or submit for verification.

Messages from the services appear at the fields they name. Closing with unsaved edits asks
first. A record under verification opens read-only.

A save is one use case (``save_innovation``) queued on the write thread: the form says
"Menyimpan…" and holds its values (read-only) until it has committed, or says why not and is
editable again. Closed meanwhile, it closes once the save has committed (or stays open with the
reason). A change of the record made elsewhere (a sync pull, another window) reloads the form,
or, when it holds unsaved edits, is told above the buttons, never written over them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.domain.errors import FieldError, NotFound, ValidationFailed
from jipp_desktop.domain.fields import INNOVATION_FIELDS, SECTIONS
from jipp_desktop.reference.codes import SYNC_STATES, WORKFLOW
from jipp_desktop.services.innovations import (
    UNDER_REVIEW,
    AwardInput,
    get_innovation,
    innovation_values,
)
from jipp_desktop.services.search import sync_state
from jipp_desktop.services.submission import SavedInnovation, save_innovation
from ui.context import AppContext
from ui.forms.attachments import AttachmentsPanel
from ui.forms.awards import AwardsEditor
from ui.forms.field_widgets import (
    ComboEditor,
    DateEditor,
    FieldEditor,
    InnovationLinkEditor,
    make_editor,
)
from ui.forms.history import HistoryTable
from ui.widgets.field_errors import FieldErrors
from ui.writes import failure_text

if TYPE_CHECKING:
    from jipp_desktop.services.change_set import ChangeSet


class InnovationForm(QDialog):
    """Edits one innovation record (a new one when ``innovation_id`` is None).

    Attributes:
        innovation_id: the record's id once it is stored.
        editors: the field editors by field name.
        errors: the error labels by field name.
        message: the banner above the buttons (workflow state, save result, errors).

    Signals:
        saved(innovation_id): the record was stored (as a draft or submitted).
        settled(stored): a queued save ended: committed (True) or refused (False, the form
            says why).
    """

    saved = Signal(str)
    settled = Signal(bool)

    def __init__(
        self, ctx: AppContext, innovation_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("innovation_form")
        self.setWindowFlag(Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._ctx = ctx
        self.innovation_id = innovation_id
        self._dirty = False
        self._saving = False
        self._close_when_saved = False
        self._workflow = "draft"
        self.editors: dict[str, FieldEditor] = {}
        self.errors = FieldErrors()

        self.tabs = QTabWidget()
        self.tabs.addTab(self._fields_tab(), self.tr("Data inovasi"))
        self.awards = AwardsEditor()
        self.errors.labels["awards"] = self.awards.error
        self.errors.widgets["awards"] = self.awards.table
        self.tabs.addTab(self.awards, self.tr("Riwayat kompetisi"))
        self.attachments = AttachmentsPanel(ctx, "innovation")
        self.tabs.addTab(self.attachments, self.tr("Lampiran"))
        self.history = HistoryTable(ctx)
        self.tabs.addTab(self.history, self.tr("Riwayat perubahan"))

        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.sync_state = QLabel()
        self.sync_state.setObjectName("sync_state")
        self.save_button = QPushButton(self.tr("Simpan draf"))
        self.save_button.setObjectName("save")
        self.save_button.setToolTip("Ctrl+S")
        self.submit_button = QPushButton(self.tr("Ajukan untuk verifikasi"))
        self.submit_button.setObjectName("submit")
        self.close_button = QPushButton(self.tr("Tutup"))
        # Shown when the record changed elsewhere while the form holds unsaved edits.
        self.reload_button = QPushButton(self.tr("Muat ulang"))
        self.reload_button.setObjectName("reload")
        self.reload_button.setToolTip(
            self.tr("Buang perubahan di formulir dan baca data tersimpan")
        )
        self.reload_button.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.sync_state)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.submit_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save_draft)
        self.submit_button.clicked.connect(self.submit_for_verification)
        self.close_button.clicked.connect(self.close)
        self.reload_button.clicked.connect(self._load)
        ctx.changed.connect(self._changed_elsewhere)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_draft)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.submit_for_verification)

        for name, editor in self.editors.items():
            editor.changed.connect(self._mark_dirty)
            # A message stays only while the officer has not touched its field.
            editor.changed.connect(lambda n=name: self.errors.clear_field(n))
            if isinstance(editor, DateEditor):
                editor.edit.problem_changed.connect(
                    lambda text, n=name: self.errors.show_message(n, text)
                )
        self.awards.changed.connect(self._mark_dirty)
        self.awards.changed.connect(lambda: self.errors.clear_field("awards"))
        agency = self.editors["agency_id"]
        assert isinstance(agency, ComboEditor)
        self._region_from_agency: str | None = None
        agency.combo.activated.connect(self._agency_chosen)
        self.resize(940, 760)
        self._load()

    # -- building ------------------------------------------------------------------------

    def _fields_tab(self) -> QWidget:
        lang = self._ctx.lang
        body = QWidget()
        column = QVBoxLayout(body)
        legend = QLabel(
            self.tr("** wajib diisi untuk menyimpan draf; * wajib diisi sebelum diajukan.")
        )
        legend.setObjectName("legend")
        column.addWidget(legend)
        field_labels: list[QLabel] = []
        for section, labels in SECTIONS.items():
            box = QGroupBox(labels[1] if lang == "en" else labels[0])
            box.setObjectName(f"section_{section}")
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for spec in (f for f in INNOVATION_FIELDS if f.section == section):
                editor = make_editor(spec, self._ctx, self)
                self.editors[spec.name] = editor
                mark = " **" if spec.draft else (" *" if spec.submit else "")
                label = QLabel(spec.label(lang) + mark)
                label.setBuddy(editor.widget)
                field_labels.append(label)
                cell = QWidget()
                cell_layout = QVBoxLayout(cell)
                cell_layout.setContentsMargins(0, 0, 0, 0)
                cell_layout.setSpacing(2)
                cell_layout.addWidget(editor.widget)
                cell_layout.addWidget(self.errors.add(spec.name, editor.widget))
                form.addRow(label, cell)
            column.addWidget(box)
        # One label column for every section, so the fields line up down the whole form.
        widest = max(label.sizeHint().width() for label in field_labels)
        for label in field_labels:
            label.setMinimumWidth(widest)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.fields_area = scroll
        return scroll

    # -- loading -------------------------------------------------------------------------

    def _load(self) -> None:
        link = self.editors["replicated_from_id"]
        assert isinstance(link, InnovationLinkEditor)
        link.exclude_id = self.innovation_id
        if self.innovation_id is None:
            self.setWindowTitle(self.tr("Inovasi baru"))
            agency = self._ctx.actor.agency_id
            if agency:
                self.editors["agency_id"].set_value(agency)
                self._agency_chosen()  # its region too, as when the officer chooses it
            self._workflow = "draft"
        else:
            with self._ctx.db.session() as s:
                record = get_innovation(s, self.innovation_id)
                values = innovation_values(record)
                awards = [AwardInput(a.year, a.competition, a.stage_reached) for a in record.awards]
                self._workflow = record.workflow
                synced = sync_state(s, self.innovation_id)
            self.sync_state.setText(
                self.tr("Sinkron: %1").replace("%1", SYNC_STATES.label(synced, self._ctx.lang))
            )
            for name, editor in self.editors.items():
                editor.set_value(values.get(name))
            self.awards.set_awards(awards)
            self.setWindowTitle(self.tr("Inovasi: %1").replace("%1", values["title"] or ""))
        self.attachments.set_owner(self.innovation_id)
        self.history.load(self.innovation_id)
        self._apply_workflow()
        self.reload_button.hide()
        self._dirty = False

    def _changed_elsewhere(self, changes: ChangeSet, initiator: object) -> None:
        """A committed change (a sync pull, another window) touched the record shown."""
        if initiator is self or self._saving:
            return  # a save of this form reloads it itself
        if changes.touches("attachment") and initiator is not self.attachments:
            self.attachments.reload()
        if not changes.touches_record("innovation", self.innovation_id):
            return
        if self._dirty:
            self.reload_button.show()
            self._say(
                self.tr(
                    "Rekaman ini telah diubah di tempat lain (mis. sinkronisasi) sejak dibuka. "
                    "Perubahan Anda belum disimpan dan tidak ditimpa; simpan untuk memakainya, "
                    "atau Muat ulang untuk membaca versi tersimpan."
                ),
                error=True,
            )
            return
        try:
            self._load()
        except NotFound:
            for editor in self.editors.values():
                editor.set_read_only(True)
            self.awards.set_read_only(True)
            self.save_button.setEnabled(False)
            self.submit_button.setEnabled(False)
            self._say(self.tr("Rekaman ini telah dihapus di tempat lain."), error=True)
            return
        self._say(self.tr("Diperbarui: rekaman ini diubah di tempat lain."))

    def _apply_workflow(self) -> None:
        locked = self._workflow in UNDER_REVIEW or self._saving
        for editor in self.editors.values():
            editor.set_read_only(locked)
        self.awards.set_read_only(locked)
        self.save_button.setEnabled(not locked)
        self.submit_button.setEnabled(
            not self._saving
            and self._workflow in ("draft", "needs_revision", "verified", "rejected")
        )
        state = WORKFLOW.label(self._workflow, self._ctx.lang)
        if self._saving:
            self._say(self.tr("Menyimpan…"))
        elif locked:
            self._say(
                self.tr("Status: %1 — sedang diverifikasi, tidak dapat diubah.").replace(
                    "%1", state
                )
            )
        else:
            self._say(self.tr("Status: %1").replace("%1", state))

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020;" if error else "")

    # -- editing -------------------------------------------------------------------------

    def _mark_dirty(self) -> None:
        self._dirty = True

    def _agency_chosen(self) -> None:
        """Fills the region from the chosen agency when the officer has not chosen another."""
        region = self.editors["region_code"]
        code = self._ctx.reference.agency_region(self.editors["agency_id"].value())
        current = region.value()
        if code and current in (None, self._region_from_agency) and current != code:
            region.set_value(code)
            self._region_from_agency = code

    @property
    def is_dirty(self) -> bool:
        """Whether there are edits not yet saved."""
        return self._dirty

    @property
    def is_saving(self) -> bool:
        """Whether a save is queued or running."""
        return self._saving

    def values(self) -> dict[str, Any]:
        """The field values as entered."""
        return {name: editor.value() for name, editor in self.editors.items()}

    def save_draft(self) -> bool:
        """Queues storing the record as it is (a draft); returns whether it was queued (the
        outcome follows: ``saved`` and ``settled``)."""
        return self._store(then_submit=False)

    def submit_for_verification(self) -> bool:
        """Queues storing the record and sending it for verification in one step; returns
        whether it was queued."""
        return self._store(then_submit=True)

    def _store(self, then_submit: bool) -> bool:
        if self._workflow in UNDER_REVIEW or self._saving:
            return False
        ctx = self._ctx
        unreadable = [
            FieldError(name, editor.problem(), editor.problem())
            for name, editor in self.editors.items()
            if editor.problem()
        ]
        if unreadable:
            self._show_errors(ValidationFailed(unreadable))
            return False
        values = self.values()
        awards = self.awards.awards()
        self._saving = True
        self._apply_workflow()  # read-only while it waits: nothing typed meanwhile is lost

        def stored(saved: SavedInnovation) -> None:
            self._saving = False
            self.errors.clear()
            self.innovation_id = saved.id
            self._workflow = saved.workflow
            self._load()
            self._say(
                self.tr("Diajukan untuk verifikasi.") if then_submit else self.tr("Draf tersimpan.")
            )
            self.saved.emit(saved.id)
            self.settled.emit(True)
            if self._close_when_saved:
                QDialog.reject(self)

        def refused(error: BaseException) -> None:
            self._saving = False
            self._close_when_saved = False
            self._apply_workflow()
            if isinstance(error, ValidationFailed):
                self._show_errors(error)
            else:
                # E.g. another program held the store past its busy timeout: the officer's
                # input stays in the form, editable again, to be saved once the store is free.
                self._say(
                    self.tr("Belum tersimpan: %1. Isian Anda tetap di formulir.").replace(
                        "%1", failure_text(error, ctx.lang)
                    ),
                    error=True,
                )
            self.settled.emit(False)

        ctx.writes.run(
            self,
            save_innovation,
            ctx.actor,
            self.innovation_id,
            values,
            awards,
            then_submit=then_submit,
            done=stored,
            failed=refused,
        )
        return True

    def _show_errors(self, failure: ValidationFailed) -> None:
        unplaced = self.errors.show(failure, self._ctx.lang)
        count = len(failure.by_field())
        text = self.tr("Periksa %1 isian yang ditandai merah.").replace("%1", str(count))
        if unplaced:
            text += " " + " ".join(unplaced)
        self._say(text, error=True)
        widget = self.errors.first_invalid(failure)
        if widget is not None:
            on_fields = widget is not self.awards.table
            self.tabs.setCurrentIndex(0 if on_fields else 1)
            if on_fields:
                self.fields_area.ensureWidgetVisible(widget, 50, 80)
            widget.setFocus()

    def reject(self) -> None:
        """Closing (Escape, the window's close button, "Tutup") asks before unsaved edits are
        lost; QDialog's close event comes here too. While a save waits or runs, the form closes
        once it has committed (or stays open with the reason it was refused)."""
        if self._saving:
            self._close_when_saved = True
            self._say(self.tr("Menyimpan… formulir ditutup setelah tersimpan."))
            return
        if self._dirty:
            answer = QMessageBox.question(
                self,
                self.tr("Perubahan belum disimpan"),
                self.tr("Simpan perubahan pada inovasi ini sebelum menutup?"),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save:
                if self.save_draft():
                    self._close_when_saved = True
                return
        self._dirty = False
        super().reject()
