"""Choosing the officer at the keyboard at start: the profiles, the last used preselected, and a
new profile (name, NIP, role) when needed. Creating a profile and signing in (which remembers
the profile as the last used) are use cases run on the write thread."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.db.models import Officer
from jipp_desktop.domain.errors import FieldError, ValidationFailed
from jipp_desktop.language import language
from jipp_desktop.reference.codes import ROLES
from jipp_desktop.services.officers import Actor, create_officer, list_officers, use_officer
from ui.context import AppContext
from ui.widgets.combos import code_combo
from ui.widgets.field_errors import FieldErrors
from ui.writes import failure_text

LAST_OFFICER_KEY = "officer/last"


class ProfileDialog(QDialog):
    """Lists the officer profiles and creates new ones.

    Attributes:
        profiles: the list of existing profiles.
        name, nip, role: the new-profile fields.
        chosen: the actor after the dialog is accepted.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pilih profil petugas"))
        # Wide enough for a name, a role and an 18-digit NIP on one line.
        self.setMinimumWidth(520)
        self._ctx = ctx
        db, settings = ctx.db, ctx.settings
        self.chosen: Actor | None = None
        lang = language()
        self.profiles = QListWidget()
        self.profiles.setObjectName("profiles")
        last = str(settings.value(LAST_OFFICER_KEY, ""))
        with db.session() as s:
            for officer in list_officers(s):
                text = f"{officer.name} — {ROLES.label(officer.role, lang)}"
                if officer.nip:
                    text += f" — NIP {officer.nip}"
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, officer.id)
                self.profiles.addItem(item)
                if officer.id == last:
                    self.profiles.setCurrentItem(item)
        if self.profiles.currentRow() < 0 and self.profiles.count():
            self.profiles.setCurrentRow(0)
        self.profiles.itemDoubleClicked.connect(lambda _i: self.accept())

        self.errors = FieldErrors()
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.nip = QLineEdit()
        self.nip.setObjectName("nip")
        self.nip.setPlaceholderText(self.tr("18 digit, boleh kosong"))
        self.nip.setMaxLength(24)  # 18 digits, or written in groups ("19630511 199103 1 009")
        self.role = code_combo(ROLES, lang)
        new_box = QGroupBox(self.tr("Profil baru"))
        form = QFormLayout(new_box)
        for label, name, widget in (
            (self.tr("Nama *"), "name", self.name),
            (self.tr("NIP"), "nip", self.nip),
            (self.tr("Peran *"), "role", self.role),
        ):
            form.addRow(label, widget)
            form.addRow("", self.errors.add(name, widget))
        self.create_button = QDialogButtonBox(QDialogButtonBox.StandardButton.Save)
        self.create_button.button(QDialogButtonBox.StandardButton.Save).setText(
            self.tr("Buat profil")
        )
        self.create_button.accepted.connect(self.create_profile)
        form.addRow(self.create_button)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Masuk"))
        self.sign_in = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Siapa yang bekerja di komputer ini?")))
        layout.addWidget(self.profiles)
        layout.addWidget(new_box)
        layout.addWidget(buttons)

    def create_profile(self) -> None:
        """Queues creating a profile from the new-profile fields; once stored it is selected."""
        self.create_button.setEnabled(False)
        self._ctx.writes.run(
            self,
            create_officer,
            self.name.text(),
            self.role.value(),
            self.nip.text().strip() or None,
            done=self._created,
            failed=self._refused,
        )

    def _created(self, officer: Officer) -> None:
        self.create_button.setEnabled(True)
        self.errors.clear()
        item = QListWidgetItem(officer.name)
        item.setData(Qt.ItemDataRole.UserRole, officer.id)
        self.profiles.insertItem(0, item)
        self.profiles.setCurrentItem(item)
        self.name.clear()
        self.nip.clear()

    def _refused(self, error: BaseException) -> None:
        self.create_button.setEnabled(True)
        self.sign_in.setEnabled(True)
        if isinstance(error, ValidationFailed):
            self.errors.show(error, language())
        else:
            QMessageBox.warning(self, self.windowTitle(), failure_text(error, language()))

    def accept(self) -> None:
        """Uses the selected profile (remembered as the last one used)."""
        item = self.profiles.currentItem()
        if item is None:
            self.errors.show(
                ValidationFailed(
                    [
                        FieldError(
                            "name",
                            "buat profil petugas terlebih dahulu",
                            "create an officer profile first",
                        )
                    ]
                ),
                language(),
            )
            return
        officer_id = str(item.data(Qt.ItemDataRole.UserRole))
        self.sign_in.setEnabled(False)
        # Remembered in the store as the last used; the dialog closes once that committed.
        self._ctx.writes.run(
            self, use_officer, officer_id, done=self._signed_in, failed=self._refused
        )

    def _signed_in(self, actor: Actor) -> None:
        self.chosen = actor
        self._ctx.settings.setValue(LAST_OFFICER_KEY, actor.id)
        super().accept()


def choose_profile(ctx: AppContext, parent: QWidget | None = None) -> Actor | None:
    """Asks who is at the keyboard; None when the officer cancels."""
    dialog = ProfileDialog(ctx, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return dialog.chosen
    return None
