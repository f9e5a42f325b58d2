"""The Settings page (Pengaturan): language, the officer at the keyboard, where the data lives;
other parts of the app add their own sections (e.g. the letterhead) with :meth:`add_section`."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.app_log import log_path
from jipp_desktop.reference.codes import ROLES
from ui.context import AppContext
from ui.reports.letterhead import LetterheadSettings

LANG_KEY = "lang"


class SettingsPage(QWidget):
    """Settings in sections.

    Attributes:
        language: the language chooser (Bahasa Indonesia, English).
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings")
        self._ctx = ctx
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem("Bahasa Indonesia", "id")
        self.language.addItem("English", "en")
        saved = str(ctx.settings.value(LANG_KEY, ctx.lang))
        self.language.setCurrentIndex(max(0, self.language.findData(saved)))
        self.language_note = QLabel()
        self.language_note.setWordWrap(True)
        lang_box = QWidget()
        lang_form = QFormLayout(lang_box)
        lang_form.addRow(self.tr("Bahasa tampilan"), self.language)
        lang_form.addRow("", self.language_note)

        self.officer = QLabel()
        self.officer.setObjectName("officer")
        switch = QPushButton(self.tr("Ganti petugas…"))
        officer_box = QWidget()
        officer_form = QFormLayout(officer_box)
        officer_form.addRow(self.tr("Petugas"), self.officer)
        officer_form.addRow("", switch)

        store_box = QWidget()
        store_form = QFormLayout(store_box)
        store_form.addRow(self.tr("Basis data"), QLabel(str(ctx.store_path)))
        store_form.addRow(self.tr("Folder lampiran"), QLabel(str(ctx.attachments_folder)))
        self.log_path = QLabel(str(log_path()))
        self.log_path.setObjectName("log_path")
        store_form.addRow(self.tr("Log"), self.log_path)

        body = QWidget()
        self._sections = QVBoxLayout(body)
        self._sections.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        self.add_section(self.tr("Bahasa"), lang_box)
        self.add_section(self.tr("Petugas"), officer_box)
        self.add_section(self.tr("Penyimpanan"), store_box)
        self.add_section(self.tr("Kop surat"), LetterheadSettings(ctx))

        self.language.currentIndexChanged.connect(self._language_chosen)
        switch.clicked.connect(self._switch_officer)
        ctx.actor_changed.connect(self._show_officer)
        self._show_officer()

    def add_section(self, title: str, widget: QWidget) -> None:
        """Adds a titled section (below the ones already there)."""
        box = QGroupBox(title)
        inner = QVBoxLayout(box)
        inner.addWidget(widget)
        self._sections.insertWidget(self._sections.count() - 1, box)

    def _language_chosen(self) -> None:
        lang = self.language.currentData()
        self._ctx.settings.setValue(LANG_KEY, lang)
        self._ctx.settings.sync()
        if lang == self._ctx.lang:
            self.language_note.clear()
        else:
            self.language_note.setText(
                self.tr("Bahasa baru dipakai setelah JIPP Desktop dibuka ulang.")
            )

    def _show_officer(self) -> None:
        actor = self._ctx.actor
        self.officer.setText(f"{actor.name} — {ROLES.label(actor.role, self._ctx.lang)}")

    def _switch_officer(self) -> None:
        window = self.window()
        switch = getattr(window, "switch_officer", None)
        if switch is not None:
            switch()
