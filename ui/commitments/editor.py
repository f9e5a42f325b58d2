"""The commitment editor: number, title, place, date, opening, numbered clauses, signatories
and witnesses; messages appear at the fields they are about."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.dates import long_date
from jipp_desktop.domain.errors import FieldError, ValidationFailed
from jipp_desktop.services.commitments import CommitmentInput, signing_agencies
from ui.commitments.signatories import SignatoryModel
from ui.widgets.date_field import DateField
from ui.widgets.field_errors import FieldErrors


def _buttons(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for b in buttons:
        row.addWidget(b)
    row.addStretch(1)
    return row


class CommitmentEditor(QWidget):
    """The form of one commitment.

    Attributes:
        number, title, place: the line edits.
        signed_on: the date picker; ``date_text`` shows the date in words.
        opening: the opening text.
        clauses: the numbered clauses (edit in place; add, remove, move).
        signatories: the signatories and witnesses (model) shown in ``table``.
        letterhead: the signing agency whose letterhead heads the letter (its choices follow
            the table); ``letterhead_address`` the address printed under its name.
        errors: the message label of each field.

    Signals:
        edited(): the officer changed something.
    """

    edited = Signal()

    def __init__(self, lang: str = "id", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self.hub_id: str | None = None
        self.number = QLineEdit()
        self.number.setObjectName("number")
        self.title = QLineEdit()
        self.title.setObjectName("title")
        self.place = QLineEdit()
        self.place.setObjectName("place")
        # The app's one date field: typed the Indonesian way, Tab moves on, calendar near today.
        self.signed_on = DateField(lang)
        self.signed_on.setObjectName("signed_on")
        self.date_text = QLabel()
        self.opening = QPlainTextEdit()
        self.opening.setObjectName("opening")
        self.opening.setMaximumHeight(70)

        self.clauses = QListWidget()
        self.clauses.setObjectName("clauses")
        self.clauses.setWordWrap(True)
        self.clauses.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        add_clause = QPushButton(self.tr("Tambah butir"))
        remove_clause = QPushButton(self.tr("Hapus butir"))
        clause_up = QPushButton(self.tr("Naik"))
        clause_down = QPushButton(self.tr("Turun"))

        self.signatories = SignatoryModel(lang, self)
        self.table = QTableView()
        self.table.setObjectName("signatories")
        self.table.setModel(self.signatories)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(3, 170)  # room for 18 digits
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        add_signer = QPushButton(self.tr("Tambah penanda tangan"))
        add_witness = QPushButton(self.tr("Tambah saksi"))
        remove_signer = QPushButton(self.tr("Hapus baris"))
        signer_up = QPushButton(self.tr("Naik"))
        signer_down = QPushButton(self.tr("Turun"))
        self.letterhead = QComboBox()
        self.letterhead.setObjectName("letterhead_agency")
        self.letterhead.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.letterhead.setPlaceholderText(self.tr("Isi instansi penanda tangan dahulu"))
        self.letterhead_address = QPlainTextEdit()
        self.letterhead_address.setObjectName("letterhead_address")
        self.letterhead_address.setMaximumHeight(52)
        self.letterhead_address.setPlaceholderText(
            self.tr("Kosong: alamat instansi yang tersimpan di daftar instansi")
        )

        self.errors = FieldErrors()
        form = QFormLayout()
        for label, name, widget in (
            (self.tr("Nomor"), "number", self.number),
            (self.tr("Judul"), "title", self.title),
            (self.tr("Tempat"), "place", self.place),
        ):
            form.addRow(label, widget)
            form.addRow("", self.errors.add(name, widget))
        date_row = QHBoxLayout()
        date_row.addWidget(self.signed_on)
        date_row.addWidget(self.date_text, 1)
        form.addRow(self.tr("Tanggal"), date_row)
        form.addRow("", self.errors.add("signed_on", self.signed_on))
        form.addRow(self.tr("Pembuka"), self.opening)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Butir komitmen (berurutan)")))
        layout.addWidget(self.clauses, 1)
        layout.addLayout(_buttons(add_clause, remove_clause, clause_up, clause_down))
        layout.addWidget(self.errors.add("clauses", self.clauses))
        layout.addWidget(QLabel(self.tr("Penanda tangan dan saksi")))
        layout.addWidget(self.table, 2)
        layout.addLayout(_buttons(add_signer, add_witness, remove_signer, signer_up, signer_down))
        layout.addWidget(self.errors.add("signatories", self.table))
        letterhead_form = QFormLayout()
        letterhead_form.addRow(self.tr("Kop surat"), self.letterhead)
        letterhead_form.addRow("", self.errors.add("letterhead_agency", self.letterhead))
        letterhead_form.addRow(self.tr("Alamat kop surat"), self.letterhead_address)
        letterhead_form.addRow("", self.errors.add("letterhead_address", self.letterhead_address))
        layout.addLayout(letterhead_form)

        add_clause.clicked.connect(self.add_clause)
        remove_clause.clicked.connect(self._remove_clause)
        clause_up.clicked.connect(lambda: self._move_clause(-1))
        clause_down.clicked.connect(lambda: self._move_clause(1))
        add_signer.clicked.connect(lambda: self._add_signer(False))
        add_witness.clicked.connect(lambda: self._add_signer(True))
        remove_signer.clicked.connect(self._remove_signer)
        signer_up.clicked.connect(lambda: self._move_signer(-1))
        signer_down.clicked.connect(lambda: self._move_signer(1))
        self.signed_on.date_changed.connect(self._show_date)
        self.signed_on.problem_changed.connect(self._date_problem)
        self.signatories.nip_checked.connect(self.check_nips)
        for signal in (
            self.signatories.dataChanged,
            self.signatories.rowsInserted,
            self.signatories.rowsRemoved,
            self.signatories.rowsMoved,
            self.signatories.modelReset,
        ):
            signal.connect(self._offer_letterheads)
        for signal in (
            self.number.textEdited,
            self.title.textEdited,
            self.place.textEdited,
            self.signed_on.date_changed,
            self.opening.textChanged,
            self.clauses.itemChanged,
            self.signatories.dataChanged,
            self.signatories.rowsInserted,
            self.signatories.rowsRemoved,
            self.signatories.rowsMoved,
            self.letterhead.activated,
            self.letterhead_address.textChanged,
        ):
            signal.connect(self.edited)
        self.load(None)

    # --- loading and reading -------------------------------------------------------------

    def load(self, data: CommitmentInput | None) -> None:
        """Shows a commitment (a blank form for None)."""
        blockers = [
            self.number,
            self.title,
            self.place,
            self.signed_on,
            self.opening,
            self.clauses,
            self.letterhead_address,
        ]
        for w in blockers:
            w.blockSignals(True)
        data = data or CommitmentInput("", "", "", date.today())
        self.hub_id = data.hub_id
        self.number.setText(data.number)
        self.title.setText(data.title)
        self.place.setText(data.place)
        self.signed_on.set_date(data.signed_on)
        self.opening.setPlainText(data.opening)
        self.clauses.clear()
        for clause in data.clauses:
            self._append_clause(clause)
        self.letterhead_address.setPlainText(data.letterhead_address)
        for w in blockers:
            w.blockSignals(False)
        self.signatories.set_rows(list(data.signatories))
        self._offer_letterheads(chosen=data.letterhead_agency)
        self.errors.clear()
        self._show_date()

    def value(self) -> CommitmentInput:
        """The commitment as entered."""
        return CommitmentInput(
            number=self.number.text(),
            title=self.title.text(),
            place=self.place.text(),
            # Blank: None, and the service says the date is required, at the field.
            signed_on=self.signed_on.date(),  # type: ignore[arg-type]
            opening=self.opening.toPlainText(),
            clauses=tuple(self.clauses.item(i).text() for i in range(self.clauses.count())),
            signatories=tuple(self.signatories.rows()),
            hub_id=self.hub_id,
            letterhead_agency=self.letterhead.currentText(),
            letterhead_address=self.letterhead_address.toPlainText(),
        )

    # --- messages --------------------------------------------------------------------------

    def check_nips(self) -> bool:
        """Shows the NIP problems under the table; True when there are none."""
        problems = self.signatories.problems()
        label = self.errors.labels["signatories"]
        if problems:
            label.setText("\n".join(p.message(self._lang) for p in problems))
            label.show()
        else:
            label.clear()
            label.hide()
        return not problems

    def show_errors(self, failure: ValidationFailed) -> list[str]:
        """Shows a service's messages at their fields; returns the ones with no field here.

        Messages about one signatory row ("signatories[3]") go under the table.
        """
        merged: list[FieldError] = []
        rows: list[str] = []
        for error in failure.errors:
            if error.field.startswith("signatories["):
                rows.append(error.message(self._lang))
            else:
                merged.append(error)
        if rows:
            merged.append(FieldError("signatories", "\n".join(rows), "\n".join(rows)))
        return self.errors.show(ValidationFailed(merged), self._lang)

    # --- clauses and rows -------------------------------------------------------------------

    def _append_clause(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.clauses.addItem(item)
        return item

    def add_clause(self, text: str = "") -> None:
        """Adds a clause at the end and starts editing it."""
        item = self._append_clause(text or self.tr("Butir komitmen baru"))
        self.clauses.setCurrentItem(item)
        self.clauses.editItem(item)
        self.edited.emit()

    def _remove_clause(self) -> None:
        row = self.clauses.currentRow()
        if row >= 0:
            self.clauses.takeItem(row)
            self.edited.emit()

    def _move_clause(self, delta: int) -> None:
        row = self.clauses.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.clauses.count():
            return
        item = self.clauses.takeItem(row)
        self.clauses.insertItem(target, item)
        self.clauses.setCurrentRow(target)
        self.edited.emit()

    def _add_signer(self, witness: bool) -> None:
        row = self.signatories.add_row(witness)
        index = self.signatories.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def _remove_signer(self) -> None:
        self.signatories.remove_row(self.table.currentIndex().row())

    def _move_signer(self, delta: int) -> None:
        row = self.table.currentIndex().row()
        if row >= 0:
            target = self.signatories.move_row(row, delta)
            self.table.selectRow(target)

    def _offer_letterheads(self, *_args: object, chosen: str | None = None) -> None:
        """Offers the signing agencies as letterheads, keeping the choice while it signs
        (the first signing agency when it no longer does, or for a commitment stored before
        the choice existed)."""
        keep = (chosen if chosen is not None else self.letterhead.currentText()).casefold()
        agencies = signing_agencies(self.signatories.rows())
        self.letterhead.blockSignals(True)
        self.letterhead.clear()
        self.letterhead.addItems(agencies)
        found = next((i for i, a in enumerate(agencies) if a.casefold() == keep), 0)
        self.letterhead.setCurrentIndex(found if agencies else -1)
        self.letterhead.blockSignals(False)

    def date_problem(self) -> str:
        """Why the typed date is no date ("" when it is one or blank)."""
        return self.signed_on.problem()

    def _date_problem(self, message: str) -> None:
        if message:
            self.errors.show_message("signed_on", message)
        else:
            self.errors.clear_field("signed_on")

    def _show_date(self) -> None:
        value = self.signed_on.date()
        self.date_text.setText(long_date(value, self._lang))
