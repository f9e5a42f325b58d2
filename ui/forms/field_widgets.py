"""One editing widget per kind of innovation field (domain/fields.py), each able to show a
stored value, give back what the officer entered, and say when it changed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from jipp_desktop.domain.fields import FieldSpec
from jipp_desktop.reference.codes import SDG_GOALS
from ui.context import AppContext
from ui.widgets.combos import ValueCombo, code_combo, searchable_combo
from ui.widgets.date_field import DateField


class FieldEditor(QObject):
    """Adapts one widget to a field: ``value()``, ``set_value()`` and ``changed``.

    Attributes:
        spec: the field.
        widget: the widget placed in the form.
    """

    changed = Signal()

    def __init__(self, spec: FieldSpec, widget: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.widget = widget
        widget.setObjectName(spec.name)

    def value(self) -> Any:
        """What the officer entered (None when blank)."""
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        """Shows a stored value."""
        raise NotImplementedError

    def set_read_only(self, read_only: bool) -> None:
        """Locks the widget (a record under review cannot be edited)."""
        self.widget.setEnabled(not read_only)

    def problem(self) -> str:
        """Why what was entered cannot be read at all ("" when it can; the rules then judge
        the value)."""
        return ""


class LineEditor(FieldEditor):
    """Text, URL, e-mail, phone and whole numbers."""

    def __init__(self, spec: FieldSpec, parent: QObject | None = None) -> None:
        edit = QLineEdit()
        super().__init__(spec, edit, parent)
        # No setMaxLength: it would cut a pasted (or stored) text without a word; the rules
        # say "too long (N characters; at most M)" under the field instead.
        if spec.kind == "int":
            edit.setValidator(QIntValidator(0, 9999, edit))
            edit.setMaximumWidth(90)
        edit.textEdited.connect(self.changed)
        self.edit = edit

    def value(self) -> Any:
        """The trimmed text (a number for whole-number fields), None when blank."""
        text = self.edit.text().strip()
        if not text:
            return None
        return int(text) if self.spec.kind == "int" and text.isdigit() else text

    def set_value(self, value: Any) -> None:
        """Shows the value as text."""
        self.edit.setText("" if value is None else str(value))

    def set_read_only(self, read_only: bool) -> None:
        """Read-only text stays selectable."""
        self.edit.setReadOnly(read_only)


class LongTextEditor(FieldEditor):
    """Narrative fields."""

    def __init__(self, spec: FieldSpec, parent: QObject | None = None) -> None:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(96 if spec.section == "narrative" else 60)
        super().__init__(spec, edit, parent)
        edit.textChanged.connect(self.changed)
        self.edit = edit

    def value(self) -> Any:
        """The text, None when blank."""
        return self.edit.toPlainText().strip() or None

    def set_value(self, value: Any) -> None:
        """Shows the text."""
        self.edit.setPlainText("" if value is None else str(value))

    def set_read_only(self, read_only: bool) -> None:
        """Read-only text stays selectable."""
        self.edit.setReadOnly(read_only)


class DateEditor(FieldEditor):
    """A date typed the Indonesian way or picked from a calendar; blank means no date."""

    def __init__(self, spec: FieldSpec, lang: str, parent: QObject | None = None) -> None:
        edit = DateField(lang)
        super().__init__(spec, edit, parent)
        edit.date_changed.connect(self.changed)
        self.edit = edit

    def value(self) -> Any:
        """The date, None when blank."""
        return self.edit.date()

    def set_value(self, value: Any) -> None:
        """Shows a date (blank for None)."""
        self.edit.set_date(value)

    def problem(self) -> str:
        """Why the typed text is no date ("" when it is one)."""
        return self.edit.problem()

    def set_read_only(self, read_only: bool) -> None:
        """Read-only text stays selectable; the calendar is off."""
        self.edit.setReadOnly(read_only)
        self.edit.calendar_action.setEnabled(not read_only)


class BoolEditor(FieldEditor):
    """A yes/no field."""

    def __init__(self, spec: FieldSpec, parent: QObject | None = None) -> None:
        box = QCheckBox()
        super().__init__(spec, box, parent)
        box.toggled.connect(self.changed)
        self.box = box

    def value(self) -> Any:
        """Whether it is ticked."""
        return self.box.isChecked()

    def set_value(self, value: Any) -> None:
        """Ticks it for a true value."""
        self.box.setChecked(bool(value))


class ComboEditor(FieldEditor):
    """Code lists, agencies and regions."""

    def __init__(self, spec: FieldSpec, combo: ValueCombo, parent: QObject | None = None) -> None:
        super().__init__(spec, combo, parent)
        combo.currentIndexChanged.connect(self.changed)
        self.combo = combo

    def value(self) -> Any:
        """The chosen value."""
        return self.combo.value()

    def set_value(self, value: Any) -> None:
        """Chooses the entry of a value."""
        self.combo.set_value(value)


class SdgEditor(FieldEditor):
    """The 17 SDG goals as tick boxes."""

    def __init__(self, spec: FieldSpec, parent: QObject | None = None) -> None:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[int, QCheckBox] = {}
        for i, goal in enumerate(SDG_GOALS):
            check = QCheckBox(str(goal))
            check.setObjectName(f"sdg_{goal}")
            grid.addWidget(check, i // 9, i % 9)
            self.boxes[goal] = check
        super().__init__(spec, box, parent)
        for check in self.boxes.values():
            check.toggled.connect(self.changed)

    def value(self) -> Any:
        """The ticked goals."""
        return [g for g, c in self.boxes.items() if c.isChecked()]

    def set_value(self, value: Any) -> None:
        """Ticks the stored goals."""
        goals = set(value or [])
        for g, c in self.boxes.items():
            c.setChecked(g in goals)


class CodeListEditor(FieldEditor):
    """Several codes of one list (secondary government affairs): a short list of tick boxes
    that scrolls, the ticked ones kept in the list's order."""

    VISIBLE_ROWS = 6

    def __init__(self, spec: FieldSpec, lang: str, parent: QObject | None = None) -> None:
        assert spec.codes is not None
        view = QListWidget()
        for code in spec.codes:
            item = QListWidgetItem(code.label(lang))
            item.setData(Qt.ItemDataRole.UserRole, code.code)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            view.addItem(item)
        view.setFixedHeight(view.sizeHintForRow(0) * self.VISIBLE_ROWS + 2 * view.frameWidth())
        super().__init__(spec, view, parent)
        self.view = view
        view.itemChanged.connect(lambda _item: self.changed.emit())

    def _items(self) -> list[QListWidgetItem]:
        return [self.view.item(i) for i in range(self.view.count())]

    def value(self) -> Any:
        """The ticked codes."""
        return [
            i.data(Qt.ItemDataRole.UserRole)
            for i in self._items()
            if i.checkState() == Qt.CheckState.Checked
        ]

    def set_value(self, value: Any) -> None:
        """Ticks the stored codes."""
        chosen = set(value or [])
        for item in self._items():
            ticked = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)


class InnovationLinkEditor(FieldEditor):
    """The innovation a record replicates: chosen with a search, shown by title."""

    def __init__(self, spec: FieldSpec, ctx: AppContext, parent: QObject | None = None) -> None:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.title = QLineEdit()
        self.title.setReadOnly(True)
        self.title.setPlaceholderText(self.tr("bukan replikasi"))
        self.choose = QPushButton(self.tr("Pilih…"))
        self.clear = QPushButton(self.tr("Kosongkan"))
        row.addWidget(self.title, 1)
        row.addWidget(self.choose)
        row.addWidget(self.clear)
        super().__init__(spec, box, parent)
        self._ctx = ctx
        self._id: str | None = None
        self.exclude_id: str | None = None
        self.choose.clicked.connect(self._pick)
        self.clear.clicked.connect(lambda: self._set(None, ""))

    def _pick(self) -> None:
        from ui.forms.innovation_picker import pick_innovation

        picked = pick_innovation(self._ctx, self.widget, self.exclude_id)
        if picked is not None:
            self._set(*picked)

    def _set(self, innovation_id: str | None, title: str) -> None:
        changed = innovation_id != self._id
        self._id = innovation_id
        self.title.setText(title)
        if changed:
            self.changed.emit()

    def value(self) -> Any:
        """The id of the source innovation."""
        return self._id

    def set_value(self, value: Any) -> None:
        """Shows the source innovation's title."""
        title = ""
        if value:
            from jipp_desktop.services.innovations import get_innovation

            with self._ctx.db.session() as s:
                title = get_innovation(s, value).title
        self._id = value
        self.title.setText(title)


def make_editor(spec: FieldSpec, ctx: AppContext, parent: QObject | None = None) -> FieldEditor:
    """The editor for a field's kind."""
    blank = "—"
    if spec.kind in ("text", "url", "email", "phone", "int"):
        return LineEditor(spec, parent)
    if spec.kind == "longtext":
        return LongTextEditor(spec, parent)
    if spec.kind == "date":
        return DateEditor(spec, ctx.lang, parent)
    if spec.kind == "bool":
        return BoolEditor(spec, parent)
    if spec.kind == "code":
        assert spec.codes is not None
        return ComboEditor(spec, code_combo(spec.codes, ctx.lang, blank), parent)
    if spec.kind == "codelist":
        return CodeListEditor(spec, ctx.lang, parent)
    search = QCoreApplication.translate("FieldEditor", "ketik untuk mencari…")
    if spec.kind == "agency":
        return ComboEditor(spec, searchable_combo(ctx.reference.agencies(), search), parent)
    if spec.kind == "region":
        return ComboEditor(spec, searchable_combo(ctx.reference.regions(), search), parent)
    if spec.kind == "sdgs":
        return SdgEditor(spec, parent)
    if spec.kind == "innovation":
        return InnovationLinkEditor(spec, ctx, parent)
    raise ValueError(f"no editor for field kind {spec.kind!r}")
