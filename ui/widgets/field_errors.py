"""Showing a service's validation messages at the fields they name."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from jipp_desktop.domain.errors import ServiceError, ValidationFailed

ERROR_STYLE = "color: #b00020;"
INVALID_STYLE = "border: 1px solid #b00020;"


def error_label() -> QLabel:
    """A red, word-wrapped label under a field, hidden until it has a message."""
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class FieldErrors:
    """The error labels of a form's fields, by field name."""

    def __init__(self) -> None:
        self.labels: dict[str, QLabel] = {}
        self.widgets: dict[str, QWidget] = {}

    def add(self, name: str, widget: QWidget) -> QLabel:
        """Registers a field's widget; returns its error label to place under it."""
        label = error_label()
        label.setObjectName(f"error_{name}")
        self.labels[name] = label
        self.widgets[name] = widget
        return label

    def clear(self) -> None:
        """Hides every message."""
        for name in self.labels:
            self.clear_field(name)

    def clear_field(self, name: str) -> None:
        """Hides the message of one field (the officer has changed it)."""
        label = self.labels.get(name)
        if label is None or label.isHidden():
            return
        label.clear()
        label.hide()
        self.widgets[name].setStyleSheet("")

    def show_message(self, name: str, text: str) -> None:
        """Shows ``text`` at a field ("" hides its message)."""
        if not text:
            self.clear_field(name)
            return
        self.labels[name].setText(text)
        self.labels[name].show()
        self.widgets[name].setStyleSheet(INVALID_STYLE)

    def show(self, failure: ValidationFailed, lang: str) -> list[str]:
        """Shows each message at its field; returns the messages of fields the form lacks."""
        self.clear()
        unplaced = []
        for name, error in failure.by_field().items():
            label = self.labels.get(name)
            if label is None:
                unplaced.append(error.message(lang))
                continue
            label.setText(error.message(lang))
            label.show()
            self.widgets[name].setStyleSheet(INVALID_STYLE)
        return unplaced

    def report(self, error: ServiceError, message: QLabel, lang: str) -> None:
        """Shows why a save was refused: each field's message at its field, and in ``message``
        what the officer should do plus any message no field of this form can show."""
        if not isinstance(error, ValidationFailed):
            message.setText(error.message(lang))
            return
        unplaced = self.show(error, lang)
        parts = list(unplaced)
        if len(unplaced) < len(error.by_field()):
            parts.insert(
                0, QCoreApplication.translate("FieldErrors", "Periksa isian yang ditandai merah.")
            )
        message.setText(" ".join(parts))

    def first_invalid(self, failure: ValidationFailed) -> QWidget | None:
        """The widget of the first field with a message, in the form's order (to focus it)."""
        named = failure.by_field()
        for name, widget in self.widgets.items():
            if name in named:
                return widget
        return None
