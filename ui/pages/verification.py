"""The Verification page (Verifikasi): the queue of submitted records, the record beside the
verification form, possible duplicates, and keys to go through a long queue fast.

Keys: Ctrl+Down / Ctrl+Up next and previous record; Alt+1…5 outcome; Alt+Shift+1…3 method;
Ctrl+Return records the decision and moves to the next record.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.domain.errors import ServiceError, ValidationFailed
from jipp_desktop.progress import Cancelled
from jipp_desktop.reference.codes import CONTINUATION, VERIFICATION_METHODS, VERIFICATION_OUTCOMES
from jipp_desktop.services.innovations import get_innovation, possible_duplicates
from jipp_desktop.services.verification import (
    VERIFIERS,
    VerificationInput,
    queue,
    record_decision,
)
from ui.context import AppContext
from ui.i18n import format_date, format_number
from ui.widgets.combos import code_combo
from ui.widgets.field_errors import FieldErrors
from ui.widgets.record_view import RecordView
from ui.writes import failure_text

if TYPE_CHECKING:
    from jipp_desktop.services.change_set import ChangeSet

QUEUE_LIMIT = 2000


class VerificationPage(QWidget):
    """Queue, record and decision side by side.

    Attributes:
        queue_list: the records waiting (item data: innovation id).
        record: the selected record.
        duplicates: possible duplicates of the selected record.
        outcome, method, continuation, notes: the decision.
        confirm_duplicates: must be ticked to accept a record that has possible duplicates.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verification")
        self._ctx = ctx
        self._evidence: list[Path] = []
        lang = ctx.lang
        self.queue_list = QListWidget()
        self.queue_list.setObjectName("queue")
        self.queue_list.setAlternatingRowColors(True)
        self.queue_list.setSpacing(1)
        self.queue_label = QLabel()
        self.role_note = QLabel()
        self.role_note.setWordWrap(True)
        self.role_note.setStyleSheet("color: #8a5a00;")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.queue_label)
        left_layout.addWidget(self.role_note)
        left_layout.addWidget(self.queue_list, 1)

        self.record = RecordView(ctx)
        self.duplicates = QListWidget()
        self.duplicates.setObjectName("duplicates")
        self.duplicates.setMaximumHeight(110)
        self.duplicates_label = QLabel()
        self.duplicates_label.setStyleSheet("color: #b00020; font-weight: bold;")
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.record, 1)
        middle_layout.addWidget(self.duplicates_label)
        middle_layout.addWidget(self.duplicates)

        self.errors = FieldErrors()
        self.outcome = code_combo(VERIFICATION_OUTCOMES, lang, "—")
        self.outcome.setObjectName("outcome")
        self.method = code_combo(VERIFICATION_METHODS, lang, "—")
        self.method.setObjectName("method")
        self.continuation = code_combo(CONTINUATION, lang, self.tr("(menurut hasil)"))
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.confirm_duplicates = QCheckBox(self.tr("Kemungkinan duplikat sudah saya periksa"))
        self.confirm_duplicates.setObjectName("confirm_duplicates")
        self.evidence_list = QListWidget()
        self.evidence_list.setMaximumHeight(70)
        self.add_evidence = QPushButton(self.tr("Tambah bukti…"))
        self.decide_button = QPushButton(self.tr("Simpan keputusan (Ctrl+Enter)"))
        self.decide_button.setObjectName("decide")
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        box = QGroupBox(self.tr("Keputusan verifikasi"))
        form = QFormLayout(box)
        for label, name, widget in (
            (self.tr("Hasil * (Alt+1…5)"), "outcome", self.outcome),
            (self.tr("Metode * (Alt+Shift+1…3)"), "method", self.method),
            (self.tr("Status keberlanjutan"), "continuation", self.continuation),
            (self.tr("Catatan"), "notes", self.notes),
        ):
            form.addRow(label, widget)
            form.addRow("", self.errors.add(name, widget))
        self.duplicate_of = QLabel()
        form.addRow(self.tr("Duplikat dari"), self.duplicate_of)
        form.addRow("", self.errors.add("duplicate_of_id", self.duplicates))
        form.addRow(self.confirm_duplicates)
        form.addRow(self.tr("Bukti"), self.evidence_list)
        form.addRow("", self.add_evidence)
        form.addRow(self.decide_button)
        form.addRow(self.message)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(middle)
        splitter.addWidget(box)
        splitter.setSizes([320, 540, 380])
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.queue_list.currentRowChanged.connect(self._show_current)
        self.duplicates.currentRowChanged.connect(self._duplicate_chosen)
        self.decide_button.clicked.connect(self.decide)
        self.add_evidence.clicked.connect(self._choose_evidence)
        self._shortcuts()
        ctx.changed.connect(self._data_changed)
        ctx.actor_changed.connect(self.reload)
        self.reload()

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut

        def key(sequence: str, slot: object) -> None:
            QShortcut(QKeySequence(sequence), self, slot, context=context)

        key("Ctrl+Down", lambda: self._step(1))
        key("Ctrl+Up", lambda: self._step(-1))
        key("Ctrl+Return", self.decide)
        key("Ctrl+Enter", self.decide)
        for i in range(len(VERIFICATION_OUTCOMES.codes())):
            key(f"Alt+{i + 1}", lambda i=i: self.outcome.setCurrentIndex(i + 1))
        for i in range(len(VERIFICATION_METHODS.codes())):
            key(f"Alt+Shift+{i + 1}", lambda i=i: self.method.setCurrentIndex(i + 1))

    # -- queue ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Reads the queue again, keeping the selected record when it is still waiting."""
        keep = self.current_id()
        actor = self._ctx.actor
        allowed = actor.role in VERIFIERS
        self.role_note.setVisible(not allowed)
        self.role_note.setText(
            self.tr("Hanya verifikator atau admin yang dapat memverifikasi. Anda: %1.").replace(
                "%1", actor.name
            )
        )
        self.queue_list.blockSignals(True)
        self.queue_list.clear()
        with self._ctx.db.session() as s:
            records = queue(s, actor, QUEUE_LIMIT) if actor.id else []
            for r in records:
                when = format_date(r.updated_at, self._ctx.lang)
                item = QListWidgetItem(f"{r.title}\n{r.agency.name} · {when}")
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                item.setToolTip(r.title)
                self.queue_list.addItem(item)
        self.queue_list.blockSignals(False)
        count = format_number(self.queue_list.count(), self._ctx.lang)
        self.queue_label.setText(self.tr("Antrean verifikasi: %1").replace("%1", count))
        row = 0
        for i in range(self.queue_list.count()):
            if self.queue_list.item(i).data(Qt.ItemDataRole.UserRole) == keep:
                row = i
        self.queue_list.setCurrentRow(row if self.queue_list.count() else -1)
        self._show_current()
        for w in (self.outcome, self.method, self.notes, self.decide_button):
            w.setEnabled(allowed and self.queue_list.count() > 0)

    def _data_changed(self, changes: ChangeSet, initiator: object) -> None:
        # A decision of this page has read the queue again already.
        if initiator is not self and changes.touches("innovation", "verification"):
            self.reload()

    def current_id(self) -> str | None:
        """The id of the record being verified."""
        item = self.queue_list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def _step(self, delta: int) -> None:
        row = self.queue_list.currentRow() + delta
        if 0 <= row < self.queue_list.count():
            self.queue_list.setCurrentRow(row)

    def _show_current(self) -> None:
        self.errors.clear()
        self.duplicates.clear()
        self.duplicate_of.clear()
        self._duplicate_id: str | None = None
        self._evidence = []
        self.evidence_list.clear()
        self.confirm_duplicates.setChecked(False)
        innovation_id = self.current_id()
        if innovation_id is None:
            self.record.show_record(None)
            self.duplicates_label.setText("")
            self.duplicates.hide()
            self.confirm_duplicates.hide()
            return
        with self._ctx.db.session() as s:
            record = get_innovation(s, innovation_id)
            self.record.show_record(record)
            for d in possible_duplicates(s, record):
                item = QListWidgetItem(f"{d.title} — {d.agency.name}")
                item.setData(Qt.ItemDataRole.UserRole, (d.id, d.title))
                self.duplicates.addItem(item)
        self.duplicates.blockSignals(True)
        self.duplicates.setCurrentRow(-1)
        self.duplicates.blockSignals(False)
        n = self.duplicates.count()
        self.duplicates_label.setText(
            self.tr("Kemungkinan duplikat: %1").replace("%1", str(n)) if n else ""
        )
        self.duplicates.setVisible(n > 0)
        self.confirm_duplicates.setVisible(n > 0)

    def _duplicate_chosen(self, row: int) -> None:
        item = self.duplicates.item(row) if row >= 0 else None
        if item is None:
            return
        self._duplicate_id, title = item.data(Qt.ItemDataRole.UserRole)
        self.duplicate_of.setText(title)

    def _choose_evidence(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Bukti verifikasi"))
        for p in paths:
            self.add_evidence_file(Path(p))

    def add_evidence_file(self, path: Path) -> None:
        """Adds a file to attach to the decision as evidence."""
        self._evidence.append(path)
        self.evidence_list.addItem(path.name)

    # -- deciding ------------------------------------------------------------------------

    def decide(self) -> None:
        """Records the decision on the current record, then moves to the next one."""
        innovation_id = self.current_id()
        if innovation_id is None or not self.decide_button.isEnabled():
            return
        outcome = self.outcome.value() or ""
        if (
            outcome.startswith("valid")
            and self.duplicates.count()
            and not self.confirm_duplicates.isChecked()
        ):
            self._say(
                self.tr(
                    "Rekaman ini mempunyai kemungkinan duplikat. Periksa daftarnya, lalu "
                    "centang \u201cKemungkinan duplikat sudah saya periksa\u201d."
                ),
                error=True,
            )
            self.confirm_duplicates.setFocus()
            return
        data = VerificationInput(
            outcome=outcome,
            method=self.method.value() or "",
            notes=self.notes.toPlainText(),
            continuation=self.continuation.value(),
            duplicate_of_id=self._duplicate_id,
        )
        ctx, evidence, row = self._ctx, list(self._evidence), self.queue_list.currentRow()

        def done(_verification_id: str) -> None:
            self.notes.clear()
            self.outcome.set_value(None)
            self.continuation.set_value(None)
            self.reload()
            self.queue_list.setCurrentRow(min(row, self.queue_list.count() - 1))
            self._say(self.tr("Keputusan tersimpan."))

        self.decide_button.setEnabled(False)
        self._say(self.tr("Menyimpan…"))
        ctx.writes.run(
            self,
            record_decision,
            ctx.actor,
            ctx.attachments_folder,
            innovation_id,
            data,
            evidence,
            done=done,
            failed=self._failed,
            progress_title=self.tr("Menyimpan keputusan…"),
        )

    def _failed(self, error: BaseException) -> None:
        self.decide_button.setEnabled(True)
        if isinstance(error, ValidationFailed):
            self.errors.show(error, self._ctx.lang)
            self._say(self.tr("Periksa isian yang ditandai merah."), error=True)
        elif isinstance(error, ServiceError):
            self._say(error.message(self._ctx.lang), error=True)
        elif not isinstance(error, Cancelled):
            self._say(failure_text(error, self._ctx.lang), error=True)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
