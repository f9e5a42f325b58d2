"""Dropdowns filled from code lists and reference data, holding the stored value as item data."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from jipp_desktop.reference.codes import CodeList
from ui.reference import Choice


class ValueCombo(QComboBox):
    """A combo box whose entries carry a value; the first entry may be a blank choice."""

    def __init__(self, blank: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._blank = blank
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(10)
        if blank is not None:
            self.addItem(blank, None)

    def set_choices(self, choices: Iterable[tuple[Any, str]]) -> None:
        """Replaces the entries (keeping the blank one), keeping the value when still there."""
        keep = self.value()
        self.blockSignals(True)
        self.clear()
        if self._blank is not None:
            self.addItem(self._blank, None)
        for value, text in choices:
            self.addItem(text, value)
        self.set_value(keep)
        self.blockSignals(False)

    def value(self) -> Any:
        """The value of the chosen entry (None for the blank one)."""
        return self.currentData()

    def set_value(self, value: Any) -> None:
        """Chooses the entry with this value (the blank one when absent)."""
        i = self.findData(value) if value is not None else -1
        self.setCurrentIndex(i if i >= 0 else (0 if self._blank is not None else -1))


def code_combo(codes: CodeList, lang: str, blank: str | None = None) -> ValueCombo:
    """A dropdown of a code list's labels in ``lang``."""
    combo = ValueCombo(blank)
    combo.set_choices((c.code, c.label(lang)) for c in codes)
    return combo


class SearchableCombo(ValueCombo):
    """A long dropdown (agencies, regions) the officer types into to find an entry.

    The blank entry has no text, so the box starts empty (its meaning shows greyed, as a
    placeholder) and what is typed is only the search. Leaving the box keeps what it says
    honest: the entry whose name was typed in full is chosen, emptied text chooses the blank
    entry, and a search left unfinished gives way to the name of the entry still chosen.
    """

    def __init__(self, placeholder: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__("" if placeholder is not None else None, parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        edit = self.lineEdit()
        if placeholder:
            edit.setPlaceholderText(placeholder)
        completer = self.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        edit.editingFinished.connect(self._settle_text)

    def _settle_text(self) -> None:
        text = self.lineEdit().text().strip()
        chosen = self.itemText(self.currentIndex())  # currentText() is what was typed
        if text == chosen:
            return
        found = self.findText(text, Qt.MatchFlag.MatchFixedString) if text else 0
        if found >= 0 and (text or self._blank is not None):
            self.setCurrentIndex(found)
            self.activated.emit(found)
        else:
            self.lineEdit().setText(chosen)


def searchable_combo(choices: Iterable[Choice], placeholder: str | None = None) -> ValueCombo:
    """A long dropdown (agencies, regions) the officer can type into to find an entry;
    ``placeholder`` says what the empty box means (and gives it a blank entry)."""
    combo = SearchableCombo(placeholder)
    combo.set_choices((c.value, c.text) for c in choices)
    return combo
