"""Small QtCharts builders for the dashboard: horizontal bars and a donut."""

from __future__ import annotations

import html
import itertools
import math
import textwrap

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
from PySide6.QtCore import QCoreApplication, QLocale, QMargins, Qt
from PySide6.QtGui import QColor, QCursor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QGraphicsSimpleTextItem, QToolTip

# A category label longer than this wraps between words onto lines of about equal length
# ("Ketenteraman, ketertiban umum" / "dan pelindungan masyarakat"): whole, and no wider than
# the label area can be beside the bars.
LINE_CHARS = 34
# The value printed beside a bar (QtCharts draws it white, unseen outside the bar).
VALUE_COLOUR = "#333333"
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
# About this many steps on the value axis.
TICK_STEPS = 4
MIN_HEIGHT = 200
# The chart's room above and below its bars besides the title and the value axis's labels
# (frames, margins, ticks), in pixels.
CHROME = 40


def chart_view(title: str) -> QChartView:
    """An empty chart view with a title, antialiased."""
    view = QChartView(_chart(title))
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(MIN_HEIGHT)
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
    # Less blank above and below the plot: the lanes of ten bars get the height.
    chart.setMargins(QMargins(16, 4, 20, 4))
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
    bars.setLabelColor(QColor(VALUE_COLOUR))
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
    align = "right" if horizontal else "center"
    lines = [label_lines(n) for n in names]
    categories.append([_label_text(t, align) for t in lines])
    small = QFont(categories.labelsFont())
    small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
    categories.setLabelsFont(small)
    categories.setTruncateLabels(False)
    values = QValueAxis()
    # "%.0f", not "%d": a localized chart formats only floating-point conversions.
    values.setLabelFormat("%.0f")
    ticks = value_ticks(max(n for _, n in items))
    values.setRange(0, ticks[-1])
    values.setTickCount(len(ticks))
    values.setMinorTickCount(0)
    if horizontal:
        # QtCharts hides a label that would overlap its neighbour: each bar's lane is made
        # tall enough for its label and the next one's.
        lane = lane_height([len(t) for t in lines], QFontMetrics(small).lineSpacing())
        chrome = (
            CHROME
            + QFontMetrics(chart.titleFont()).height()
            + QFontMetrics(values.labelsFont()).height()
        )
        view.setMinimumHeight(max(MIN_HEIGHT, math.ceil(lane * len(lines) + chrome)))
    cat_side = Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom
    val_side = Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft
    chart.addAxis(categories, cat_side)
    chart.addAxis(values, val_side)
    series.attachAxis(categories)
    series.attachAxis(values)
    chart.legend().hide()
    locale = chart.locale()
    _tips(view, bars, [_tip(name, n, locale) for name, n in zip(names, _counts(bars), strict=True)])


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


def value_ticks(maximum: float) -> list[int]:
    """The value axis's ticks for bars up to ``maximum``: 0 and steps of 1, 2 or 5 × 10^n
    ("0, 500, 1.000, 1.500, 2.000") up to a round number leaving room for the longest bar's
    value beside it."""
    need = max(maximum * VALUE_ROOM, 1.0)
    step = _nice_step(need / TICK_STEPS)
    top = math.ceil(need / step - 1e-9) * step
    return list(range(0, top + 1, step))


def _nice_step(raw: float) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50, … at least ``raw`` (counts step by whole ones)."""
    if raw <= 1:
        return 1
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5):
        if factor * power >= raw - 1e-9:
            return int(factor * power)
    return int(10 * power)


def lane_height(line_counts: list[int], line_spacing: int) -> float:
    """The height each bar's lane needs so that neighbouring labels of these many lines do
    not overlap (a label is its lines and a pixel above and below), the first and the last
    label within the bars' height (QtCharts hides a label reaching beyond it)."""
    heights = [n * line_spacing + 2 for n in line_counts]
    pairs = [(a + b) / 2 for a, b in itertools.pairwise(heights)]
    return max([*pairs, heights[0], heights[-1]]) + 1


def label_lines(text: str) -> list[str]:
    """A category label as the lines shown beside its bar: the whole text, a long one wrapped
    between words onto lines of about equal length."""
    text = " ".join(text.split())
    if len(text) <= LINE_CHARS:
        return [text]
    count = math.ceil(len(text) / LINE_CHARS)
    width = math.ceil(len(text) / count)
    while True:
        lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
        if len(lines) <= count:
            return lines
        width += 1


def _label_text(lines: list[str], align: str) -> str:
    """The axis label for ``lines``: plain text for one, rich text (which QtCharts lays out
    on several lines) for more, or for a name QtCharts would take for markup ("<b>")."""
    if len(lines) == 1 and "<" not in lines[0]:
        return lines[0]
    body = "<br>".join(html.escape(line, quote=False) for line in lines)
    return f'<div align="{align}">{body}</div>'


def _counts(bars: QBarSet) -> list[int]:
    return [int(bars.at(i)) for i in range(bars.count())]


def _tip(name: str, count: int, locale: QLocale) -> str:
    return f"{name}: {locale.toString(count)}"


def bar_tips(view: QChartView) -> list[str]:
    """Each bar's tooltip, in the order the bars are drawn: its whole label and its count
    ("Jawa Timur: 20.019")."""
    return list(getattr(view, "_bar_tips", []))


def _tips(view: QChartView, bars: QBarSet, tips: list[str]) -> None:
    """Hovering a bar shows its tooltip."""
    view._bar_tips = tips  # type: ignore[attr-defined]

    def hovered(inside: bool, index: int) -> None:
        if inside and 0 <= index < len(tips):
            QToolTip.showText(QCursor.pos(), tips[index], view)
        else:
            QToolTip.hideText()

    bars.hovered.connect(hovered)
