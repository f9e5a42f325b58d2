"""The dashboard's bar charts read well: value axes in round steps (500, 1.000, …) leaving room
for the longest bar's value, values shown beside the bars, long government affairs
("Ketenteraman, ketertiban umum dan pelindungan masyarakat") whole on two lines with a
tooltip of the label and its count, and lanes tall enough that QtCharts hides no label."""

from __future__ import annotations

import itertools
import math
import re
from typing import Any

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QValueAxis
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from jipp_desktop.reference.codes import SECTORS
from tests.ui.conftest import add_innovations, settle
from ui.i18n import format_number
from ui.widgets.charts import (
    LINE_CHARS,
    VALUE_ROOM,
    bar_tips,
    chart_view,
    label_lines,
    show_bars,
    value_ticks,
)

LONG = "Ketenteraman, ketertiban umum dan pelindungan masyarakat"


def _nice(step: int) -> bool:
    """1, 2 or 5 × 10^n."""
    power = 10 ** math.floor(math.log10(step))
    return step in (power, 2 * power, 5 * power)


@pytest.mark.parametrize("maximum", [0, 1, 3, 7, 10, 87, 242, 451, 901, 1478, 1803, 20019])
def test_value_ticks_are_round_steps_covering_the_longest_bar(maximum):
    ticks = value_ticks(maximum)
    steps = {b - a for a, b in itertools.pairwise(ticks)}
    assert ticks[0] == 0 and len(steps) == 1, ticks
    (step,) = steps
    assert _nice(step), ticks
    assert ticks[-1] >= maximum * VALUE_ROOM, ticks  # room for the value beside the bar
    assert 2 <= len(ticks) <= 7, ticks  # few enough to read, no 0-1-2-…-20 ladder


def test_value_ticks_read_in_thousands():
    assert value_ticks(1478) == [0, 500, 1000, 1500, 2000]
    assert value_ticks(451) == [0, 200, 400, 600]
    assert value_ticks(3) == [0, 1, 2, 3, 4]
    assert [format_number(t, "id") for t in value_ticks(1478)][1:3] == ["500", "1.000"]


def _axes(view: Any) -> tuple[QBarCategoryAxis, QValueAxis]:
    axes = view.chart().axes()
    categories = next(a for a in axes if isinstance(a, QBarCategoryAxis))
    values = next(a for a in axes if isinstance(a, QValueAxis))
    return categories, values


def test_the_phase_chart_axis_ticks_are_round(qtbot):
    view = chart_view("Inovasi per tahap")
    qtbot.addWidget(view)
    items = [("Penciptaan", 621), ("Pengembangan", 1478), ("Pelembagaan", 901)]
    show_bars(view, items, "Inovasi", horizontal=False, lang="id")
    _, values = _axes(view)
    assert (values.min(), values.max(), values.tickCount()) == (0, 2000, 5)  # 0, 500, …, 2.000
    assert values.labelFormat() == "%.0f" and view.chart().localizeNumbers()
    assert view.chart().locale().toString(1000.0, "f", 0) == "1.000"


def test_bar_values_are_drawn_dark_beside_the_bars(qtbot):
    view = chart_view("10 provinsi terbanyak")
    qtbot.addWidget(view)
    show_bars(view, [("Jawa Timur", 207), ("Bali", 87)], "Inovasi", lang="id")
    (series,) = view.chart().series()
    (bars,) = series.barSets()
    assert isinstance(bars, QBarSet) and series.isLabelsVisible()
    # QtCharts draws them white by default: unseen on the white beyond the bar.
    assert bars.labelColor().lightness() < 100 and bars.labelColor() != QColor("white")


def _plain(label: str) -> str:
    return " ".join(re.sub(r"<br>", " ", re.sub(r"<(?!br>)[^>]+>", "", label)).split())


def test_a_long_government_affair_is_shown_whole_on_two_lines(qtbot):
    lines = label_lines(LONG)
    assert " ".join(lines) == LONG and len(lines) == 2
    assert all(len(line) <= LINE_CHARS for line in lines)
    assert label_lines("Kesehatan") == ["Kesehatan"]
    view = chart_view("10 urusan terbanyak")
    qtbot.addWidget(view)
    show_bars(view, [(LONG, 230), ("Kesehatan", 242)], "Inovasi", lang="id")
    categories, _ = _axes(view)
    assert not categories.truncateLabels()
    shown = [_plain(c) for c in categories.categories()]
    assert sorted(shown) == sorted([LONG, "Kesehatan"])  # no "…"
    assert all("…" not in c for c in categories.categories())
    # Hovering a bar tells its whole label and count (bars drawn bottom up).
    assert bar_tips(view) == ["Kesehatan: 242", f"{LONG}: 230"]


def test_a_name_like_markup_is_shown_as_written(qtbot):
    view = chart_view("10 provinsi terbanyak")
    qtbot.addWidget(view)
    show_bars(view, [("<b>Bali</b>", 5), ("Aceh & Nias", 3)], "Inovasi", lang="id")
    categories, _ = _axes(view)
    assert "Aceh & Nias" in categories.categories()  # plain text: "&" as it is
    (marked,) = [c for c in categories.categories() if "Bali" in c]
    assert "&lt;b&gt;Bali&lt;/b&gt;" in marked  # escaped in rich text, not bold


def test_every_government_affair_label_is_whole():
    for code in SECTORS.codes():
        for lang in ("id", "en"):
            text = SECTORS.label(code, lang)
            lines = label_lines(text)
            assert " ".join(lines) == " ".join(text.split()) and len(lines) <= 2, text


def test_the_lanes_are_tall_enough_for_two_line_labels(qtbot):
    longest = sorted((SECTORS.label(c, "id") for c in SECTORS.codes()), key=len)[-10:]
    view = chart_view("10 urusan terbanyak")
    qtbot.addWidget(view)
    show_bars(view, [(t, 250 - i) for i, t in enumerate(longest)], "Inovasi", lang="id")
    view.resize(520, view.minimumHeight())
    view.show()
    qtbot.waitExposed(view)
    QApplication.processEvents()
    categories, _ = _axes(view)
    metrics = QFontMetrics(QFont(categories.labelsFont()))
    lane = view.chart().plotArea().height() / len(longest)
    assert lane >= 2 * metrics.lineSpacing() + 2  # QtCharts hides a label it cannot fit


def test_the_dashboard_shows_a_long_affair_whole(window, ctx, operator):
    add_innovations(ctx.db, operator, 3, sector="public_order")
    add_innovations(ctx.db, operator, 2, sector="health")
    dashboard = window.show_page("dashboard")
    dashboard.refresh()
    settle(ctx)
    settle(ctx)
    categories, values = _axes(dashboard.sector_chart)
    shown = [_plain(c) for c in categories.categories()]
    assert SECTORS.label("public_order", "id") in shown
    assert f"{SECTORS.label('public_order', 'id')}: 3" in bar_tips(dashboard.sector_chart)
    assert values.max() == 4 and values.tickCount() == 5
