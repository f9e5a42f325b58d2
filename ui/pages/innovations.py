"""The Innovations page (Inovasi): search, filters and the list of records, with the actions
on them (new, open, submit, delete, Excel import/export)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
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
from ui.models.innovation_list import CODE_COLUMNS, InnovationListModel
from ui.widgets.filter_bar import FilterBar
from ui.writes import failure_text

if TYPE_CHECKING:
    from jipp_desktop.services.change_set import ChangeSet
    from jipp_desktop.services.submission import SubmissionSummary

HEADER_KEY = "innovations/header"
# The summary of a submission of many records names this many refused ones, then counts the rest.
REFUSALS_SHOWN = 15


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
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSortIndicator(self.model.column_of("updated_at"), Qt.SortOrder.DescendingOrder)
        header.setSectionsMovable(True)
        self._lay_out_columns()
        saved = ctx.settings.value(HEADER_KEY)
        if isinstance(saved, QByteArray | bytes):
            header.restoreState(QByteArray(saved))
        # The remembered sort order comes with the header; the model takes it before its first
        # read, so the list is read once.
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.table.setSortingEnabled(True)
        header.sectionResized.connect(self._save_header)
        header.sectionMoved.connect(self._save_header)
        header.sortIndicatorChanged.connect(self._save_header)
        self.empty_note = QLabel(self.table.viewport())
        self.empty_note.setObjectName("empty_note")
        self.empty_note.setWordWrap(True)
        self.empty_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_note.setStyleSheet("color: #555; font-size: 11pt; padding: 24px;")
        self.empty_note.hide()
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
        ctx.ready.connect(self._apply_role)
        ctx.actor_changed.connect(self._apply_role)
        if ctx.is_ready:
            self._apply_role()
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

    def selected_ids(self) -> list[str]:
        """The ids of every selected record, in the list's order."""
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [i for i in (self.model.innovation_id(r) for r in rows) if i]

    def _apply_role(self) -> None:
        """Submitting is for operators and admins: for a verifier the action is off."""
        if not self._ctx.is_ready:
            return
        # The services import SQLAlchemy, which the first screen is shown without.
        from jipp_desktop.services.innovations import EDITORS

        allowed = self._ctx.actor.role in EDITORS
        self.submit_action.setEnabled(allowed)
        self.submit_action.setToolTip(
            self.tr("Ajukan inovasi yang dipilih untuk verifikasi")
            if allowed
            else self.tr("Hanya operator atau admin yang dapat mengajukan inovasi.")
        )

    def _lay_out_columns(self) -> None:
        """The first layout (before the officer changes it): what is read most comes first,
        and the columns of code labels are as wide as their longest label, so that at
        1280×800 title to continuation show whole."""
        header = self.table.horizontalHeader()
        order = [
            "title", "agency", "region", "phase", "workflow", "continuation",
            "last_verified_at", "sector", "year_started", "registration_number", "updated_at",
            "sync_state",
        ]  # fmt: skip
        for visual, key in enumerate(order):
            header.moveSection(header.visualIndex(self.model.column_of(key)), visual)
        widths = {"title": 280, "agency": 190, "region": 130, "registration_number": 140}
        widths |= {"sector": 160, "year_started": 60, "last_verified_at": 110}
        widths |= {"updated_at": 100}
        metrics = self.table.fontMetrics()
        padding = 24
        for key, codes in CODE_COLUMNS.items():
            labels = [codes.label(c, self._ctx.lang) for c in codes.codes()]
            heading = str(
                self.model.headerData(self.model.column_of(key), Qt.Orientation.Horizontal)
            )
            widths.setdefault(
                key, max(metrics.horizontalAdvance(t) for t in [*labels, heading]) + padding
            )
        for key, width in widths.items():
            self.table.setColumnWidth(self.model.column_of(key), width)

    def _show_empty_note(self, count: int) -> None:
        """What to do next when the list is empty: on a new store, how records come in."""
        if count or not self._ctx.store_open:
            self.empty_note.hide()
            return
        if self.model.current_filter == InnovationFilter():
            text = self.tr(
                "Belum ada inovasi di basis data ini.\n\nBuat inovasi baru (Ctrl+N), impor dari "
                "Excel (Berkas › Impor dari Excel…; templatnya di Berkas › Templat impor…), "
                "atau ambil data dari registri di halaman Sinkronisasi."
            )
        else:
            text = self.tr(
                "Tidak ada inovasi yang cocok dengan pencarian dan filter ini.\n\n"
                "Ubah pencarian, atau tekan \u201cHapus filter\u201d."
            )
        self.empty_note.setText(text)
        self.empty_note.setGeometry(self.table.viewport().rect())
        self.empty_note.show()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keeps the empty-list note over the whole list."""
        super().resizeEvent(event)
        self.empty_note.setGeometry(self.table.viewport().rect())

    def _show_count(self, count: int) -> None:
        self._show_empty_note(count)
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
        """Sends the selected records for verification in one action (one transaction on the
        write thread): the complete ones go, and a summary names the others and what each
        lacks."""
        ids = self.selected_ids()
        if not ids or not self.submit_action.isEnabled():
            return
        from jipp_desktop.services.submission import submit_innovations

        self._ctx.writes.run(
            self,
            submit_innovations,
            self._ctx.actor,
            ids,
            done=self._show_submission,
            failed=lambda error: QMessageBox.warning(
                self, self.tr("Tidak dapat diajukan"), failure_text(error, self._ctx.lang)
            ),
        )

    def _reasons(self, error: BaseException, separator: str) -> str:
        """Why a record was not submitted: each field and what it lacks, or the refusal."""
        lang = self._ctx.lang
        if isinstance(error, ValidationFailed):
            return separator.join(
                f"{FIELDS_BY_NAME[e.field].label(lang)}: {e.message(lang)}"
                if e.field in FIELDS_BY_NAME
                else e.message(lang)
                for e in error.by_field().values()
            )
        return failure_text(error, lang)

    def _show_submission(self, summary: SubmissionSummary) -> None:
        lang = self._ctx.lang
        if not summary.submitted and len(summary.refused) == 1:
            # One record: its reasons one a line, as the form would mark them.
            text = self._reasons(summary.refused[0].error, "\n")
            QMessageBox.warning(self, self.tr("Tidak dapat diajukan"), text)
            return
        headline = self.tr("%1 diajukan untuk verifikasi.").replace(
            "%1", format_number(len(summary.submitted), lang)
        )
        if not summary.refused:
            QMessageBox.information(self, self.tr("Inovasi diajukan"), headline)
            return
        headline += " " + self.tr("%1 tidak dapat diajukan:").replace(
            "%1", format_number(len(summary.refused), lang)
        )
        lines = [
            f"\u2022 {r.title or r.id} \u2014 {self._reasons(r.error, '; ')}"
            for r in summary.refused[:REFUSALS_SHOWN]
        ]
        if len(summary.refused) > REFUSALS_SHOWN:
            rest = format_number(len(summary.refused) - REFUSALS_SHOWN, lang)
            lines.append(self.tr("… dan %1 lainnya.").replace("%1", rest))
        QMessageBox.warning(
            self, self.tr("Sebagian tidak diajukan"), "\n\n".join([headline, "\n".join(lines)])
        )

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
