"""The Dashboard page (Beranda): counts and charts of the store — innovations by phase,
sector, province and status, verification progress, records due for re-verification and
changes not yet synced. Counting 100,000 records runs off the GUI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from jipp_desktop.progress import ProgressFn
from jipp_desktop.reference.codes import PHASES, SECTORS, WORKFLOW
from jipp_desktop.services.stats import UNSET, by_province, by_sector, pending_by_kind, store_stats
from ui.context import AppContext
from ui.i18n import format_number
from ui.widgets.charts import STATUS_COLOURS, chart_view, show_bars, show_donut

if TYPE_CHECKING:
    from jipp_desktop.services.change_set import ChangeSet

TOP = 10
# The kinds of record the dashboard counts.
COUNTED = ("innovation", "verification", "agency", "hub", "commitment")


def dashboard_figures(ctx: AppContext) -> dict[str, Any]:
    """Every figure the dashboard shows (runs on a worker thread)."""
    with ctx.db.session() as s:
        figures = store_stats(s)
        figures["by_sector"] = by_sector(s)
        figures["by_province"] = by_province(s)
        # The same count as `stats --json` and the recap: verified > 12 months ago.
        figures["due"] = figures["needs_reverification"]
        figures["pending_by_kind"] = pending_by_kind(s)
    return figures


class Tile(QFrame):
    """A big number with a caption."""

    def __init__(self, caption: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("–")
        self.value.setObjectName(f"tile_{name}")
        self.value.setStyleSheet("font-size: 22pt; font-weight: bold; color: #1565c0;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)


class DashboardPage(QWidget):
    """Tiles and charts; refreshed in the background whenever data changes.

    Attributes:
        figures: the last figures shown (None until the first load finished).
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self._ctx = ctx
        self.figures: dict[str, Any] | None = None
        self._loading = False
        self._again = False
        self.tiles = {
            "innovations": Tile(self.tr("Inovasi"), "innovations"),
            "verified": Tile(self.tr("Terverifikasi"), "verified"),
            "waiting": Tile(self.tr("Menunggu verifikasi"), "waiting"),
            "due": Tile(self.tr("Perlu verifikasi ulang (terverifikasi > 12 bulan lalu)"), "due"),
            "pending": Tile(self.tr("Perubahan belum disinkronkan"), "pending"),
        }
        row = QHBoxLayout()
        for tile in self.tiles.values():
            row.addWidget(tile)
        self.phase_chart = chart_view(self.tr("Inovasi per tahap"))
        self.status_chart = chart_view(self.tr("Progres verifikasi (status alur)"))
        self.sector_chart = chart_view(self.tr("10 urusan terbanyak"))
        self.province_chart = chart_view(self.tr("10 provinsi terbanyak"))
        grid = QGridLayout()
        grid.addWidget(self.phase_chart, 0, 0)
        grid.addWidget(self.status_chart, 0, 1)
        grid.addWidget(self.sector_chart, 1, 0)
        grid.addWidget(self.province_chart, 1, 1)
        self.state = QLabel(self.tr("Menghitung…"))
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(row)
        layout.addWidget(self.state)
        layout.addLayout(grid, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        ctx.changed.connect(self._changed)
        self.refresh()

    def _changed(self, changes: ChangeSet, _initiator: object) -> None:
        # Counts of records, and of the changes waiting for the registry.
        if changes.sync_state or changes.touches(*COUNTED):
            self.refresh()

    def refresh(self) -> None:
        """Counts again in the background (one count at a time)."""
        if self._loading:
            self._again = True
            return
        self._loading = True
        ctx = self._ctx

        def work(_progress: ProgressFn) -> dict[str, Any]:
            return dashboard_figures(ctx)

        def shown(figures: dict[str, Any]) -> None:
            if isValid(self):  # the page may be gone when the counts arrive
                self._show(figures)

        def failed(error: BaseException) -> None:
            if isValid(self):
                self._failed(error)

        ctx.jobs.start(work, shown, failed)

    def _failed(self, error: BaseException) -> None:
        self._loading = False
        self.state.setText(self.tr("Gagal menghitung: %1").replace("%1", str(error)))

    def _show(self, figures: dict[str, Any]) -> None:
        self._loading = False
        if self._again:
            self._again = False
            self.refresh()
        self.figures = figures
        lang = self._ctx.lang
        workflow = figures["by_workflow"]
        values = {
            "innovations": figures["innovations"],
            "verified": workflow.get("verified", 0),
            "waiting": workflow.get("submitted", 0) + workflow.get("resubmitted", 0),
            "due": figures["due"],
            "pending": figures["pending_changes"],
        }
        for key, tile in self.tiles.items():
            tile.value.setText(format_number(values[key], lang))
        self.state.setText("")
        unset = self.tr("Belum diisi")
        show_bars(
            self.phase_chart,
            [
                (PHASES.label(c, lang) if c != UNSET else unset, n)
                for c, n in _known(figures["by_phase"])
            ],
            self.tr("Inovasi"),
            horizontal=False,
            lang=lang,
        )
        show_donut(
            self.status_chart,
            [(WORKFLOW.label(c, lang), n) for c, n in workflow.items()],
            lang,
            [STATUS_COLOURS.get(c) for c in workflow],
        )
        sectors = list(figures["by_sector"].items())[:TOP]
        show_bars(
            self.sector_chart,
            [(SECTORS.label(c, lang) if c != UNSET else unset, n) for c, n in sectors],
            self.tr("Inovasi"),
            lang=lang,
        )
        ref = self._ctx.reference
        provinces = [
            (ref.region_name(c) or self.tr("Nasional (K/L)"), n)
            for c, n in list(figures["by_province"].items())[:TOP]
        ]
        show_bars(self.province_chart, provinces, self.tr("Inovasi"), lang=lang)


def _known(counts: dict[str, int]) -> list[tuple[str, int]]:
    """Counts without the UNSET ("Belum diisi") bucket when it is empty."""
    return [(c, n) for c, n in counts.items() if c != UNSET or n]
