"""The Innovations page (Inovasi): search, filters and the list of records, with the actions
on them (new, open, submit, delete, Excel import/export)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.domain.errors import ValidationFailed
from jipp_desktop.domain.fields import FIELDS_BY_NAME
from jipp_desktop.domain.list_filter import InnovationFilter
from ui.context import AppContext
from ui.i18n import format_number
from ui.models.innovation_list import InnovationListModel
from ui.widgets.filter_bar import FilterBar
from ui.writes import failure_text

if TYPE_CHECKING:
    from jipp_desktop.services.change_set import ChangeSet

HEADER_KEY = "innovations/header"


class InnovationsPage(QWidget):
    """The innovation list with its search box, filters and actions.

    Attributes:
        model: the list model.
        table: the list view.
        filters: the search box and filters.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("innovations")
        self._ctx = ctx
        self._forms: list[QWidget] = []
        self.filters = FilterBar(ctx)
        self.model = InnovationListModel(ctx, self)
        self.table = QTableView()
        self.table.setObjectName("innovation_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSortIndicator(self.model.column_of("updated_at"), Qt.SortOrder.DescendingOrder)
        header.setSectionsMovable(True)
        widths = (("registration_number", 150), ("title", 340), ("agency", 220), ("region", 150))
        for key, width in (*widths, ("sector", 160)):
            self.table.setColumnWidth(self.model.column_of(key), width)
        saved = ctx.settings.value(HEADER_KEY)
        if isinstance(saved, QByteArray | bytes):
            header.restoreState(QByteArray(saved))
        # The remembered sort order comes with the header; the model takes it before its first
        # read, so the list is read once.
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.table.setSortingEnabled(True)
        header.sectionResized.connect(self._save_header)
        header.sectionMoved.connect(self._save_header)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")

        self.actions_bar = QToolBar()
        # Ctrl+N belongs to the main window's File menu (one owner, no ambiguous shortcut).
        self.new_action = self._action(self.tr("Inovasi baru"), None, self.new_innovation)
        self.open_action = self._action(self.tr("Buka"), "Return", self.open_selected)
        # Return opens the record only from the list; in the search box it applies the search.
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.open_action)
        self.submit_action = self._action(
            self.tr("Ajukan untuk verifikasi"), "Ctrl+Shift+S", self.submit_selected
        )
        self.delete_action = self._action(
            self.tr("Hapus"), QKeySequence.StandardKey.Delete, self.delete_selected
        )
        self.actions_bar.addSeparator()
        self.import_action = self._action(self.tr("Impor dari Excel…"), None, self.import_excel)
        self.export_action = self._action(self.tr("Ekspor ke Excel…"), None, self.export_excel)
        self.template_action = self._action(self.tr("Templat impor…"), None, self.save_template)

        top = QHBoxLayout()
        top.addWidget(self.actions_bar, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)

        # The press selected the row: open it (once the start-up has chosen the officer).
        self.table.doubleClicked.connect(ctx.after_ready(self.open_selected))
        self.filters.changed.connect(self.model.set_filter)
        self.model.reloaded.connect(self._show_count)
        self.model.read_failed.connect(self._read_failed)
        ctx.changed.connect(self._data_changed)
        self.model.set_filter(self.filters.current(), wait=True)

    def _action(self, text: str, shortcut: object, slot: object) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)  # type: ignore[arg-type]
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        # Every action needs the officer: until the start-up has chosen one, it waits.
        action.triggered.connect(self._ctx.after_ready(slot))  # type: ignore[arg-type]
        self.actions_bar.addAction(action)
        self.addAction(action)
        return action

    def current_filter(self) -> InnovationFilter:
        """The filter the list shows (what "Ekspor ke Excel…" exports)."""
        return self.model.current_filter

    def selected_id(self) -> str | None:
        """The id of the selected record."""
        index = self.table.currentIndex()
        return self.model.innovation_id(index.row()) if index.isValid() else None

    def _show_count(self, count: int) -> None:
        if not self._ctx.store_open and count == 0:
            # At start, when no rows could be read before the store opens.
            self.count_label.setText(self.tr("Memuat…"))
            return
        text = self.tr("%1 inovasi").replace("%1", format_number(count, self._ctx.lang))
        self.count_label.setText(text)

    def _read_failed(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Daftar inovasi tidak dapat dibaca"), message)

    def _save_header(self) -> None:
        self._ctx.settings.setValue(HEADER_KEY, self.table.horizontalHeader().saveState())

    def _data_changed(self, changes: ChangeSet, _initiator: object) -> None:
        if changes.touches("innovation", "verification", "agency"):
            self.model.reload()

    # -- actions -------------------------------------------------------------------------

    def new_innovation(self) -> QWidget:
        """Opens an empty innovation form."""
        return self.open_form(None)

    def open_selected(self) -> QWidget | None:
        """Opens the selected record in the form."""
        innovation_id = self.selected_id()
        return self.open_form(innovation_id) if innovation_id else None

    def open_form(self, innovation_id: str | None) -> QWidget:
        """Opens the form of a record (a new one when ``innovation_id`` is None)."""
        from ui.forms.innovation_form import InnovationForm

        for form in self._forms:
            if innovation_id and getattr(form, "innovation_id", None) == innovation_id:
                form.raise_()
                form.activateWindow()
                return form
        form = InnovationForm(self._ctx, innovation_id, self.window())
        self._forms.append(form)
        form.destroyed.connect(lambda _o=None, f=form: self._forget_form(f))
        form.show()
        return form

    def _forget_form(self, form: QWidget) -> None:
        if form in self._forms:
            self._forms.remove(form)

    def submit_selected(self) -> None:
        """Sends the selected record for verification."""
        innovation_id = self.selected_id()
        if not innovation_id:
            return
        from jipp_desktop.services.verification import submit

        self._ctx.writes.run(
            self, submit, self._ctx.actor, innovation_id, failed=self._submit_refused
        )

    def _submit_refused(self, error: BaseException) -> None:
        lang = self._ctx.lang
        if isinstance(error, ValidationFailed):
            lines = [
                f"{FIELDS_BY_NAME[e.field].label(lang)}: {e.message(lang)}"
                if e.field in FIELDS_BY_NAME
                else e.message(lang)
                for e in error.by_field().values()
            ]
            text = "\n".join(lines)
        else:
            text = failure_text(error, lang)
        QMessageBox.warning(self, self.tr("Tidak dapat diajukan"), text)

    def delete_selected(self) -> None:
        """Deletes the selected record after asking."""
        innovation_id = self.selected_id()
        if not innovation_id:
            return
        title = self.model.data(self.table.currentIndex().siblingAtColumn(1))
        answer = QMessageBox.question(
            self,
            self.tr("Hapus inovasi"),
            self.tr("Hapus inovasi \u201c%1\u201d?").replace("%1", str(title)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        from jipp_desktop.services.innovations import delete_innovation

        self._ctx.writes.run(
            self,
            delete_innovation,
            self._ctx.actor,
            innovation_id,
            failed=lambda error: QMessageBox.warning(
                self, self.tr("Tidak dapat dihapus"), failure_text(error, self._ctx.lang)
            ),
        )

    def import_excel(self) -> None:
        """Imports innovations from a spreadsheet (the Excel engineer's dialog)."""
        from ui.excel.actions import import_innovations

        import_innovations(self, self._ctx)

    def export_excel(self) -> None:
        """Exports the records the list shows to a workbook."""
        from ui.excel.actions import export_innovations

        export_innovations(self, self._ctx, self.current_filter())

    def save_template(self) -> None:
        """Saves the import template."""
        from ui.excel.actions import save_template

        save_template(self, self._ctx)
