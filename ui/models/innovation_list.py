"""The innovation list as a Qt table model over the store, paged in SQL.

A list of 100,000 records never lives in Python: the model knows the count, keeps a few pages
of rows (an LRU cache) and, once a background job has read the ordered ids of the current
filter, fetches any page by its ids in a few milliseconds. Before those ids arrive, pages come
by OFFSET (fast near the top, where the officer starts).

At start, before the store is opened, the count and first page are read with the plain SQL
kept from the last run for the same view (``jipp_desktop.db.first_page``); once the store is
open that SQL is checked against what the core compiles now.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from shiboken6 import isValid

from jipp_desktop.db.first_page import FirstPageQuery
from jipp_desktop.domain.list_filter import InnovationFilter, list_view_key
from jipp_desktop.progress import ProgressFn
from jipp_desktop.reference.codes import CONTINUATION, PHASES, SECTORS, SYNC_STATES, WORKFLOW
from ui.context import AppContext
from ui.i18n import format_date

if TYPE_CHECKING:
    from jipp_desktop.db.engine import Database

PAGE = 200
CACHED_PAGES = 40
# The plain SQL of the last list view's count and first page, for the next start.
FIRST_PAGE_KEY = "innovations/first_page"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
# The list's columns, in the order of services.search.LIST_COLUMNS.
COLUMNS: list[str] = [
    "registration_number",
    "title",
    "agency",
    "region",
    "sector",
    "phase",
    "workflow",
    "continuation",
    "year_started",
    "last_verified_at",
    "updated_at",
    "sync_state",
]
CODE_COLUMNS = {
    "sector": SECTORS,
    "phase": PHASES,
    "workflow": WORKFLOW,
    "continuation": CONTINUATION,
    "sync_state": SYNC_STATES,
}
_Index = QModelIndex | QPersistentModelIndex


class InnovationListModel(QAbstractTableModel):
    """Rows of the innovation list for the current filter and sort order.

    Signals:
        reloaded(count): the filter or sort changed, or the data did; ``count`` rows now.
        ids_loaded(): the ordered ids of the current list are known (every page is cheap).
        read_failed(message): a background read of the list failed (the list still shows
            what it showed before).
    """

    reloaded = Signal(int)
    ids_loaded = Signal()
    read_failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._filter = InnovationFilter()
        self._wanted = self._filter
        self._sort = "updated_at"
        self._descending = True
        self._count = 0
        self._ids: list[str] | None = None
        self._pages: OrderedDict[int, list[Any]] = OrderedDict()
        self._generation = 0
        # At start: the read shown before the store was open, and the kept SQL it used.
        self._before_store: tuple[int, FirstPageQuery | None] = (-1, None)
        self._awaiting_store = False
        self._headers = [
            self.tr("No. registrasi"),
            self.tr("Judul inovasi"),
            self.tr("Instansi"),
            self.tr("Wilayah"),
            self.tr("Urusan"),
            self.tr("Tahap"),
            self.tr("Status alur"),
            self.tr("Keberlanjutan"),
            self.tr("Tahun"),
            self.tr("Terakhir diverifikasi"),
            self.tr("Diubah"),
            self.tr("Sinkron"),
        ]

    # -- what is shown -------------------------------------------------------------------

    @property
    def current_filter(self) -> InnovationFilter:
        """The filter last asked for (shown once its background read is done)."""
        return self._wanted

    @property
    def sort_key(self) -> tuple[str, bool]:
        """The sort column key and whether it is descending."""
        return self._sort, self._descending

    def set_filter(self, f: InnovationFilter, wait: bool = False) -> None:
        """Shows the records the filter keeps.

        The count and first page are read in the background (a search over 100,000 records
        must not freeze the window); ``reloaded`` says when they are shown. ``wait`` reads them
        at once instead (the first screen at start).
        """
        self._wanted = f
        if wait:
            self._filter = f
            self.reload()
            return
        self._generation += 1
        generation, sort, descending = self._generation, self._sort, self._descending
        db, display = self._ctx.db, self._display

        def work(_progress: ProgressFn) -> tuple[int, list[tuple[str, ...]]]:
            count, first = _first_page(db, f, sort, descending)
            return count, [display(r) for r in first]

        def done(result: tuple[int, list[tuple[str, ...]]]) -> None:
            # A newer filter, sort or reload came meanwhile: this answer is out of date. The
            # model may also be gone (its page closed) by the time the answer arrives.
            if isValid(self) and generation == self._generation:
                self._filter = f
                self._show(*result)
                self._keep_first_page_query()

        self._ctx.jobs.start(work, done, lambda e: self._failed(e, generation))

    def reload(self) -> None:
        """Reads the count and the first page again, at once (data changed, sort changed)."""
        self._filter = self._wanted
        self._generation += 1
        if not self._ctx.store_open:
            self._show_before_store()
            return
        count, first = _first_page(self._ctx.db, self._filter, self._sort, self._descending)
        self._show(count, [self._display(r) for r in first])
        self._keep_first_page_query()

    def _view(self) -> str:
        return list_view_key(self._filter, self._sort, self._descending)

    def _show_before_store(self) -> None:
        """At start, before the store is open: the rows by the SQL kept for this view when it
        fits, else none until the store has opened (in the background, see ``ui.app``)."""
        query = FirstPageQuery.from_json(self._ctx.settings.value(FIRST_PAGE_KEY))
        shown = None
        if query is not None and query.view == self._view():
            shown = query.read(self._ctx.store_path, ["id", *COLUMNS])
        try:
            rows = [self._display(r) for r in shown[1]] if shown else []
        except Exception:
            # Values of another shape (kept by another version): read them as usual.
            shown, rows = None, []
        self._show(shown[0] if shown else 0, rows)
        self._before_store = (self._generation, query if shown else None)
        if not self._awaiting_store:
            self._awaiting_store = True
            self._ctx.store_opened.connect(self._store_opened)

    def _store_opened(self) -> None:
        # Not at once: the store may have been opened by a read inside data() (no reset there).
        QTimer.singleShot(0, self, self._check_first_page)

    def _check_first_page(self) -> None:
        """Once the store is open: reads the list again unless it shows what the core's SQL
        for this view gives (the kept SQL is what it compiles now), then the ids."""
        generation, kept = self._before_store
        if generation != self._generation:
            return  # the list has been read again since, the usual way
        from jipp_desktop.services.search import first_page_query

        if kept is None or kept != first_page_query(
            self._filter, self._sort, self._descending, PAGE
        ):
            self.reload()
        elif self._count > PAGE:
            self._load_ids()

    def _keep_first_page_query(self) -> None:
        """Keeps the plain SQL of the view shown, for the next start."""
        from jipp_desktop.services.search import first_page_query

        query = first_page_query(self._filter, self._sort, self._descending, PAGE)
        text = query.to_json() if query is not None else ""
        if self._ctx.settings.value(FIRST_PAGE_KEY, "") != text:
            self._ctx.settings.setValue(FIRST_PAGE_KEY, text)

    def _show(self, count: int, first: list[tuple[str, ...]]) -> None:
        self.beginResetModel()
        self._pages.clear()
        self._ids = None
        self._count = count
        if first:
            self._pages[0] = first
        self.endResetModel()
        self.reloaded.emit(self._count)
        # Before the store is open (the first screen at start) the ids wait for it.
        if self._count > PAGE and self._ctx.store_open:
            self._load_ids()

    def _load_ids(self) -> None:
        generation = self._generation
        f, sort, descending = self._filter, self._sort, self._descending
        db = self._ctx.db

        def work(_progress: ProgressFn) -> list[str]:
            from jipp_desktop.services.search import list_ids

            with db.session() as s:
                return list_ids(s, f, sort, descending)

        def done(ids: list[str]) -> None:
            if isValid(self) and generation == self._generation:
                self._ids = ids
                self.ids_loaded.emit()

        self._ctx.jobs.start(work, done, lambda e: self._failed(e, generation))

    def _failed(self, error: BaseException, generation: int) -> None:
        from jipp_desktop.db.schema import describe_failure

        # An out-of-date read failing does not matter: a newer one has been asked for.
        if isValid(self) and generation == self._generation:
            self.read_failed.emit(describe_failure(error))

    def innovation_id(self, row: int) -> str | None:
        """The id of the record on ``row``."""
        record = self._record(row)
        return record[0] if record is not None else None

    def row_of(self, innovation_id: str) -> int | None:
        """The row of a record among the loaded ones (None when not known yet)."""
        if self._ids is not None:
            try:
                return self._ids.index(innovation_id)
            except ValueError:
                return None
        for page, rows in self._pages.items():
            for i, r in enumerate(rows):
                if r[0] == innovation_id:
                    return page * PAGE + i
        return None

    # -- paging --------------------------------------------------------------------------

    def _page(self, page: int) -> list[Any]:
        rows = self._pages.get(page)
        if rows is not None:
            self._pages.move_to_end(page)
            return rows
        from jipp_desktop.services.search import list_innovations, list_rows_by_id

        with self._ctx.db.session() as s:
            if self._ids is not None:
                chunk = self._ids[page * PAGE : (page + 1) * PAGE]
                # A record deleted since the ids were read leaves a gap; it shows blank
                # until the next reload (which data_changed triggers).
                rows = list_rows_by_id(s, self._filter, chunk, self._sort)
            else:
                rows = list_innovations(
                    s, self._filter, self._sort, self._descending, page * PAGE, PAGE
                )
        # Cells are formatted once per page, not on every paint (dates through Babel are the
        # slow part of scrolling).
        rows = [self._display(r) if r is not None else None for r in rows]
        self._pages[page] = rows
        if len(self._pages) > CACHED_PAGES:
            self._pages.popitem(last=False)
        return rows

    def _display(self, record: Any) -> tuple[str, ...]:
        """A record as (id, cell text per column)."""
        lang = self._ctx.lang
        cells = [record[0]]
        for key, value in zip(COLUMNS, record[1:], strict=True):
            if value is None:
                cells.append("")
            elif key in CODE_COLUMNS:
                cells.append(CODE_COLUMNS[key].label(value, lang))
            elif key in ("last_verified_at", "updated_at"):
                cells.append(format_date(value, lang))
            else:
                cells.append(str(value))
        return tuple(cells)

    def _record(self, row: int) -> Any:
        if not 0 <= row < self._count:
            return None
        rows = self._page(row // PAGE)
        i = row % PAGE
        return rows[i] if i < len(rows) else None

    # -- QAbstractTableModel -------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Rows: the count of the filtered list (none under an item)."""
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Columns of the list."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles; row numbers down the side."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(COLUMNS) else None
        return str(section + 1)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell's text (code labels and dates in the GUI language) or the record id."""
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            ID_ROLE,
        ):
            return None
        record = self._record(index.row())
        if record is None:
            return None
        if role == ID_ROLE:
            return record[0]
        text = record[index.column() + 1]
        if role == Qt.ItemDataRole.ToolTipRole:
            return text or None  # the whole text of a cell cut to its column
        return text

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorts by a column, in SQL (the view calls this when the officer clicks a header)."""
        if not 0 <= column < len(COLUMNS):
            return
        key, descending = COLUMNS[column], order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort, self._descending):
            return
        self._sort, self._descending = key, descending
        # Before the first reload there is nothing to re-read: the view is just being set up.
        if self._generation:
            self.reload()

    def column_of(self, key: str) -> int:
        """The column number of a column key."""
        return COLUMNS.index(key)


def _first_page(
    db: Database, f: InnovationFilter, sort: str, descending: bool
) -> tuple[int, list[Any]]:
    """How many records the view keeps, and its first page (none read when there are none)."""
    from jipp_desktop.services.search import count_innovations, list_innovations

    with db.session() as s:
        count = count_innovations(s, f)
        return count, list_innovations(s, f, sort, descending, 0, PAGE) if count else []
