"""The Verification page (Verifikasi): the queue of submitted records, the record beside the
verification form, possible duplicates, and keys to go through a long queue fast.

Keys: Ctrl+Down / Ctrl+Up next and previous record; Alt+1…5 outcome; Alt+Shift+1…3 method;
Ctrl+Return records the decision and moves to the next record.

The queue (up to ``QUEUE_LIMIT`` records) and the record chosen in it (its decisions, what changed
since, its possible duplicates: a full-text search over the store) are read on the read pool,
each with the newest request winning (``ui.store_reads``): the queue says "memuat…" meanwhile,
and a record still being read cannot be decided.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
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
from jipp_desktop.reference.codes import (
    CONTINUATION,
    VERIFICATION_METHODS,
    VERIFICATION_OUTCOMES,
    WORKFLOW,
)
from jipp_desktop.services.innovations import get_innovation, possible_duplicates
from jipp_desktop.services.verification import (
    VERIFIERS,
    VerificationInput,
    record_decision,
)
from jipp_desktop.services.verification_desk import (
    SUBMITTED,
    QueueEntry,
    changes_since_decision,
    decisions_of,
    queue_entries,
)
from ui.context import AppContext
from ui.i18n import format_number
from ui.models.verification_queue import QueueCriteria, QueueFilter, QueueModel
from ui.store_reads import LatestRead
from ui.widgets.combos import ValueCombo, code_combo, searchable_combo
from ui.widgets.field_errors import FieldErrors
from ui.widgets.queue_view import QueueView
from ui.widgets.record_view import RecordView, ShownRecord
from ui.writes import failure_text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from jipp_desktop.services.change_set import ChangeSet
    from jipp_desktop.services.officers import Actor
    from jipp_desktop.services.verification_desk import Decision, FieldChange

QUEUE_LIMIT = 2000
# A record read longer than this says "Memuat rekaman…" (a quick one just replaces the last).
RECORD_WAIT_MS = 150


def read_queue(s: Session, actor: Actor) -> list[QueueEntry]:
    """The queue as the page lists it (on the read pool)."""
    return queue_entries(s, actor, QUEUE_LIMIT) if actor.id else []


@dataclass(frozen=True)
class RecordDetail:
    """What the page shows of the record chosen (plain values, read on the read pool).

    Attributes:
        record: the record's fields.
        decisions: its earlier verification decisions.
        changes: what changed in it since the last one.
        duplicates: (id, title, agency name) of its possible duplicates.
    """

    record: ShownRecord
    decisions: list[Decision]
    changes: list[FieldChange]
    duplicates: list[tuple[str, str, str]]


def record_detail(s: Session, innovation_id: str) -> RecordDetail:
    """Reads the record chosen in the queue with its history and possible duplicates."""
    record = get_innovation(s, innovation_id)
    return RecordDetail(
        ShownRecord.of(record),
        decisions_of(s, innovation_id),
        changes_since_decision(s, innovation_id),
        [(d.id, d.title, d.agency.name) for d in possible_duplicates(s, record)],
    )


class VerificationPage(QWidget):
    """Queue, record and decision side by side.

    Attributes:
        queue_list: the records waiting (item data: innovation id).
        record: the selected record.
        duplicates: possible duplicates of the selected record.
        outcome, method, continuation, notes: the decision.
        confirm_duplicates: must be ticked to accept a record that has possible duplicates.
        queue_reads, record_reads: the page's reads of the store (the queue; the record
            chosen), each on the read pool with the newest request winning.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verification")
        self._ctx = ctx
        self._evidence: list[Path] = []
        self._shown_id: str | None = None
        lang = ctx.lang
        self.queue_reads = LatestRead(ctx, self)
        self.queue_reads.loading.connect(self._queue_loading)
        self.record_reads = LatestRead(ctx, self)
        self._record_wait = QTimer(self)
        self._record_wait.setSingleShot(True)
        self._record_wait.setInterval(RECORD_WAIT_MS)
        self._record_wait.timeout.connect(self._record_slow)
        self.queue_model = QueueModel(lang, self)
        self.queue_filter = QueueFilter(self)
        self.queue_filter.setSourceModel(self.queue_model)
        self.queue_list = QueueView()
        self.queue_list.setObjectName("queue")
        self.queue_list.setModel(self.queue_filter)
        self.queue_label = QLabel()
        self.role_note = QLabel()
        self.role_note.setWordWrap(True)
        self.role_note.setStyleSheet("color: #8a5a00;")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.queue_label)
        left_layout.addWidget(self.role_note)
        left_layout.addLayout(self._queue_filters())
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
        self.duplicate_of = ValueCombo("")
        self.duplicate_of.setObjectName("duplicate_of")
        self.duplicate_of.setPlaceholderText(self.tr("pilih dari kemungkinan duplikat"))
        self.duplicate_of.setMinimumContentsLength(18)
        self.find_duplicate = QPushButton(self.tr("Cari…"))
        self.find_duplicate.setObjectName("find_duplicate")
        self.find_duplicate.setToolTip(self.tr("Cari inovasi lain yang diduplikasi rekaman ini"))
        duplicate_row = QHBoxLayout()
        duplicate_row.addWidget(self.duplicate_of, 1)
        duplicate_row.addWidget(self.find_duplicate)
        form.addRow(self.tr("Duplikat dari"), duplicate_row)
        form.addRow("", self.errors.add("duplicate_of_id", self.duplicate_of))
        form.addRow(self.confirm_duplicates)
        form.addRow(self.tr("Bukti"), self.evidence_list)
        form.addRow("", self.add_evidence)
        form.addRow(self.decide_button)
        form.addRow(self.message)

        # The record is what the verifier reads: the decision keeps to a column's width.
        box.setMaximumWidth(400)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(middle)
        splitter.addWidget(box)
        splitter.setSizes([330, 560, 350])
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.queue_list.currentRowChanged.connect(self._show_current)
        self.duplicates.currentRowChanged.connect(self._duplicate_chosen)
        self.find_duplicate.clicked.connect(self._find_duplicate)
        self.decide_button.clicked.connect(self.decide)
        self.add_evidence.clicked.connect(self._choose_evidence)
        self._shortcuts()
        ctx.changed.connect(self._data_changed)
        ctx.actor_changed.connect(self.reload)
        self._apply_role(False)  # nothing to decide until the queue is read
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

    def _queue_filters(self) -> QGridLayout:
        """Search, province, regency/city, agency, status and submitter above the queue."""
        self.queue_search = QLineEdit()
        self.queue_search.setObjectName("queue_search")
        self.queue_search.setPlaceholderText(self.tr("Cari judul atau instansi…"))
        self.queue_search.setClearButtonEnabled(True)
        self.queue_province = searchable_combo([], self.tr("Semua provinsi"))
        self.queue_province.setObjectName("queue_province")
        self.queue_regency = ValueCombo(self.tr("Semua kab/kota"))
        self.queue_regency.setObjectName("queue_regency")
        self.queue_regency.setEnabled(False)
        self.queue_agency = searchable_combo([], self.tr("Semua instansi"))
        self.queue_agency.setObjectName("queue_agency")
        self.queue_workflow = ValueCombo(self.tr("Semua status"))
        self.queue_workflow.setObjectName("queue_workflow")
        self.queue_workflow.set_choices(
            (code, WORKFLOW.label(code, self._ctx.lang)) for code in SUBMITTED
        )
        self.queue_submitter = ValueCombo(self.tr("Semua pengaju"))
        self.queue_submitter.setObjectName("queue_submitter")
        for combo in (self.queue_province, self.queue_agency):
            combo.setMinimumContentsLength(8)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.queue_search, 0, 0, 1, 2)
        grid.addWidget(self.queue_province, 1, 0)
        grid.addWidget(self.queue_regency, 1, 1)
        grid.addWidget(self.queue_agency, 2, 0, 1, 2)
        grid.addWidget(self.queue_workflow, 3, 0)
        grid.addWidget(self.queue_submitter, 3, 1)
        self.queue_search.textChanged.connect(self._filter_queue)
        self.queue_province.currentIndexChanged.connect(self._province_chosen)
        for combo in (
            self.queue_regency,
            self.queue_agency,
            self.queue_workflow,
            self.queue_submitter,
        ):
            combo.currentIndexChanged.connect(self._filter_queue)
        return grid

    def reload(self, *, then_row: int | None = None) -> None:
        """Reads the queue again (in the background), keeping the selected record when it is
        still waiting (``then_row``: choosing the record on that row of the filtered queue,
        or the last, instead: the next one after a decision)."""
        actor = self._ctx.actor
        allowed = actor.role in VERIFIERS
        self.role_note.setVisible(not allowed)
        self.role_note.setText(
            self.tr("Hanya verifikator atau admin yang dapat memverifikasi. Anda: %1.").replace(
                "%1", actor.name
            )
        )
        self.queue_reads.request(
            lambda s: read_queue(s, actor),
            lambda entries: self._queue_read(entries, then_row),
            self._queue_failed,
        )

    @property
    def is_loading(self) -> bool:
        """Whether the queue or the record chosen is being read."""
        return self.queue_reads.busy or self.record_reads.busy

    def _queue_loading(self, busy: bool) -> None:
        if busy:
            self.queue_label.setText(self.tr("Antrean verifikasi: memuat…"))

    def _queue_failed(self, message: str) -> None:
        self.queue_label.setText(self.tr("Antrean tidak dapat dibaca: %1").replace("%1", message))

    def _queue_read(self, entries: list[QueueEntry], then_row: int | None) -> None:
        keep = self.current_id()
        self.queue_list.blockSignals(True)
        self.queue_model.set_entries(entries)
        self._fill_filter_choices(entries)
        self.queue_list.blockSignals(False)
        shown = self.queue_list.count()
        if then_row is not None and shown:
            keep = self.queue_list.id_at(min(then_row, shown - 1))
        self._choose(keep, refresh=True)

    def _apply_role(self, allowed: bool) -> None:
        """Only a verifier or an admin may decide: every control of the decision follows."""
        can = allowed and self.queue_list.count() > 0
        for w in (
            self.outcome,
            self.method,
            self.continuation,
            self.notes,
            self.duplicate_of,
            self.find_duplicate,
            self.confirm_duplicates,
            self.add_evidence,
            self.decide_button,
        ):
            w.setEnabled(can)

    def _fill_filter_choices(self, entries: list[QueueEntry]) -> None:
        """The provinces, agencies and submitters found in the queue."""
        ref = self._ctx.reference
        provinces = {e.province_code for e in entries if e.province_code}
        agencies = {e.agency_id: e.agency_name for e in entries}
        submitters = {e.submitted_by: e.submitter_name for e in entries if e.submitted_by}
        for combo, choices in (
            (
                self.queue_province,
                sorted(((c, ref.region_name(c) or c) for c in provinces), key=lambda c: c[1]),
            ),
            (self.queue_agency, sorted(agencies.items(), key=lambda c: c[1])),
            (self.queue_submitter, sorted(submitters.items(), key=lambda c: c[1])),
        ):
            combo.blockSignals(True)
            combo.set_choices(choices)
            combo.blockSignals(False)
        self._fill_regencies()
        self._apply_filter()

    def _fill_regencies(self) -> None:
        code = self.queue_province.value()
        regions = {
            e.region_code
            for e in self.queue_model.entries
            if code and e.province_code == code and e.region_code != code
        }
        ref = self._ctx.reference
        self.queue_regency.blockSignals(True)
        self.queue_regency.set_choices(
            sorted(((c, ref.region_name(c) or c) for c in regions if c), key=lambda c: c[1])
        )
        self.queue_regency.setEnabled(bool(code))
        self.queue_regency.blockSignals(False)

    def _province_chosen(self) -> None:
        self._fill_regencies()
        self._filter_queue()

    def queue_criteria(self) -> QueueCriteria:
        """What the queue's filters keep."""
        return QueueCriteria(
            text=self.queue_search.text().strip(),
            province_code=self.queue_province.value(),
            region_code=self.queue_regency.value(),
            agency_id=self.queue_agency.value(),
            workflow=self.queue_workflow.value(),
            submitted_by=self.queue_submitter.value(),
        )

    def _filter_queue(self) -> None:
        keep = self.current_id()
        self._apply_filter()
        self._choose(keep)

    def _apply_filter(self) -> None:
        """Filters the queue as its controls say and counts what is shown."""
        self.queue_list.blockSignals(True)
        self.queue_filter.set_criteria(self.queue_criteria())
        self.queue_list.blockSignals(False)
        shown, total = self.queue_list.count(), self.queue_model.rowCount()
        lang = self._ctx.lang
        if shown == total:
            text = self.tr("Antrean verifikasi: %1").replace("%1", format_number(total, lang))
        else:
            text = (
                self.tr("Antrean verifikasi: %1 dari %2")
                .replace("%1", format_number(shown, lang))
                .replace("%2", format_number(total, lang))
            )
        self.queue_label.setText(text)

    def _choose(self, innovation_id: str | None, refresh: bool = False) -> None:
        """Shows ``innovation_id`` when the filtered queue has it, else its first record
        (``refresh``: read the record shown again even when it stays the same)."""
        row = 0
        for i in range(self.queue_list.count()):
            if self.queue_list.id_at(i) == innovation_id:
                row = i
                break
        shown = row if self.queue_list.count() else -1
        self.queue_list.blockSignals(True)
        self.queue_list.setCurrentRow(shown)
        self.queue_list.blockSignals(False)
        if refresh or innovation_id is None or self.current_id() != innovation_id:
            self._show_current()
        self._apply_role(self._ctx.actor.role in VERIFIERS)

    def _data_changed(self, changes: ChangeSet, initiator: object) -> None:
        # A decision of this page has read the queue again already.
        if initiator is not self and changes.touches("innovation", "verification"):
            self.reload()

    def current_id(self) -> str | None:
        """The id of the record being verified."""
        return self.queue_list.id_at(self.queue_list.currentRow())

    def _step(self, delta: int) -> None:
        row = self.queue_list.currentRow() + delta
        if 0 <= row < self.queue_list.count():
            self.queue_list.setCurrentRow(row)

    def _show_current(self) -> None:
        """Reads the record chosen in the queue (in the background; stepping through the queue
        fast, only the last one chosen is shown)."""
        self.errors.clear()
        self.duplicates.clear()
        self.duplicate_of.set_choices([])
        self._evidence = []
        self.evidence_list.clear()
        self.confirm_duplicates.setChecked(False)
        self.duplicates_label.setText("")
        self.duplicates.hide()
        self.confirm_duplicates.hide()
        self._shown_id = None
        innovation_id = self.current_id()
        if innovation_id is None:
            self.record_reads.drop()
            self._record_wait.stop()
            self.record.show_record(None)
            return
        self._record_wait.start()
        self.record_reads.request(
            lambda s: record_detail(s, innovation_id), self._show_detail, self._detail_failed
        )

    def _record_slow(self) -> None:
        if self.record_reads.busy:
            self.record.show_loading()

    def _detail_failed(self, message: str) -> None:
        self._record_wait.stop()
        self.record.setPlainText(self.tr("Rekaman tidak dapat dibaca: %1").replace("%1", message))

    def _show_detail(self, detail: RecordDetail) -> None:
        self._record_wait.stop()
        self._shown_id = detail.record.id
        self.record.show_record(detail.record, detail.decisions, detail.changes)
        for d, title, agency in detail.duplicates:
            item = QListWidgetItem(f"{title} — {agency}")
            item.setData(Qt.ItemDataRole.UserRole, (d, title))
            self.duplicates.addItem(item)
        self.duplicate_of.set_choices(
            (d, f"{title} — {agency}") for d, title, agency in detail.duplicates
        )
        self.duplicate_of.set_value(None)
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
        self.duplicate_of.set_value(item.data(Qt.ItemDataRole.UserRole)[0])

    def _find_duplicate(self) -> None:
        """Chooses the record this one duplicates by a search over the store."""
        from ui.forms.innovation_picker import pick_innovation

        picked = pick_innovation(self._ctx, self, self.current_id())
        if picked is None:
            return
        innovation_id, title = picked
        if self.duplicate_of.findData(innovation_id) < 0:
            self.duplicate_of.addItem(title, innovation_id)
        self.duplicate_of.set_value(innovation_id)

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
        if self._shown_id != innovation_id:
            # Its duplicates and history are not shown yet: nothing to decide on.
            self._say(self.tr("Rekaman masih dimuat; tunggu sebentar."), error=True)
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
            duplicate_of_id=self.duplicate_of.value(),
        )
        ctx, evidence, row = self._ctx, list(self._evidence), self.queue_list.currentRow()

        def done(_verification_id: str) -> None:
            self.notes.clear()
            self.outcome.set_value(None)
            self.continuation.set_value(None)
            self.reload(then_row=row)  # the next record, once the queue is read
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
