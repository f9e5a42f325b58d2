"""Small QtCharts builders for the dashboard: horizontal bars and a donut."""

from __future__ import annotations

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QGraphicsSimpleTextItem

# QtCharts elides category labels that do not fit beside the bars; shorter ones stay readable.
LABEL_CHARS = 30
PALETTE = ["#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#c62828", "#00838f", "#5d4037"]
# The workflow's colours: verified green, waiting blue, to revise orange, rejected red.
STATUS_COLOURS = {
    "draft": "#9e9e9e",
    "submitted": "#1565c0",
    "resubmitted": "#64b5f6",
    "needs_revision": "#ef6c00",
    "verified": "#2e7d32",
    "rejected": "#c62828",
}
# Room beyond the longest bar for its value, as a share of the longest bar.
VALUE_ROOM = 1.22


def chart_view(title: str) -> QChartView:
    """An empty chart view with a title, antialiased."""
    view = QChartView(_chart(title))
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(280)
    return view


def _show_empty(chart: QChart) -> None:
    """A chart with nothing to count says how data comes in, in place of empty axes."""
    text = QCoreApplication.translate(
        "Charts",
        "Belum ada data.\nBuat inovasi baru, impor dari Excel,\natau sinkronkan dengan registri.",
    )
    note = QGraphicsSimpleTextItem(text, chart)
    note.setBrush(QColor("#666666"))
    font = QFont(note.font())
    font.setPointSizeF(font.pointSizeF() + 1)
    note.setFont(font)

    def centre() -> None:
        box = note.boundingRect()
        area = chart.rect()
        note.setPos(area.center().x() - box.width() / 2, area.center().y() - box.height() / 2)

    chart.geometryChanged.connect(centre)
    centre()
    chart.legend().hide()


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    return chart


def _fresh_chart(view: QChartView) -> QChart:
    """A new chart for the view: axes laid out for the old data would elide the new labels."""
    old = view.chart()
    chart = _chart(old.title())
    view.setChart(chart)
    old.deleteLater()
    return chart


def _localize(chart: QChart, lang: str) -> None:
    """Numbers on the chart in the language's style ("20.019" in Indonesian): QtCharts formats
    bar labels and axis values with the chart's locale."""
    language = QLocale.Language.Indonesian if lang == "id" else QLocale.Language.English
    chart.setLocale(QLocale(language, QLocale.Country.AnyCountry))
    chart.setLocalizeNumbers(True)


def show_bars(
    view: QChartView,
    items: list[tuple[str, int]],
    label: str,
    horizontal: bool = True,
    lang: str = "id",
) -> None:
    """Replaces the chart's series with one bar per (category, count), numbers in ``lang``'s
    style."""
    chart = _fresh_chart(view)
    _localize(chart, lang)
    if not any(n for _, n in items):
        _show_empty(chart)
        return
    bars = QBarSet(label)
    bars.setColor(QColor(PALETTE[0]))
    for _, n in items:
        bars.append(n)
    series = QHorizontalBarSeries() if horizontal else QBarSeries()
    series.append(bars)
    series.setLabelsVisible(True)
    # The value beside its bar (inside, a count wider than a short bar was cut or overlapped).
    series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
    series.setBarWidth(0.75)
    # Labels are formatted with "g" and this many digits: enough that 20019 is not "2e+04".
    series.setLabelsPrecision(15)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    # Horizontal bars list the first category at the bottom; reverse so the largest is on top.
    names = [name for name, _ in items]
    if horizontal:
        names.reverse()
        bars.remove(0, bars.count())
        for _, n in reversed(items):
            bars.append(n)
    categories.append([_short(n) for n in names])
    small = QFont(categories.labelsFont())
    small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
    categories.setLabelsFont(small)
    categories.setTruncateLabels(False)
    values = QValueAxis()
    # "%.0f", not "%d": a localized chart formats only floating-point conversions.
    values.setLabelFormat("%.0f")
    values.setRange(0, max([n for _, n in items] + [1]) * VALUE_ROOM)
    cat_side = Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom
    val_side = Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft
    chart.addAxis(categories, cat_side)
    chart.addAxis(values, val_side)
    series.attachAxis(categories)
    series.attachAxis(values)
    chart.legend().hide()


def show_donut(
    view: QChartView,
    items: list[tuple[str, int]],
    lang: str = "id",
    colours: list[str | None] | None = None,
) -> None:
    """Replaces the chart's series with a donut of (label, count), blank slices left out,
    counts in ``lang``'s style; ``colours`` gives each item's colour (else the palette's)."""
    chart = _fresh_chart(view)
    _localize(chart, lang)
    if not any(n for _, n in items):
        _show_empty(chart)
        return
    locale = chart.locale()
    series = QPieSeries()
    series.setHoleSize(0.45)
    for i, (name, n) in enumerate(items):
        if n:
            piece = series.append(f"{name} ({locale.toString(n)})", n)
            colour = colours[i] if colours and i < len(colours) else None
            piece.setColor(QColor(colour or PALETTE[i % len(PALETTE)]))
    chart.addSeries(series)
    chart.legend().show()
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"
