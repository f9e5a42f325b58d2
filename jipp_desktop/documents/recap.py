"""The recap report (rekapitulasi): counts by province, sector, phase and status, with charts,
for the innovations a list filter keeps.

Every figure is counted in SQL (GROUP BY), so the report over 100,000 innovations reads a few
thousand rows, not the records.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle
from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from jipp_desktop.dates import long_date
from jipp_desktop.db.models import Agency, Innovation, Region
from jipp_desktop.documents.fonts import FONT, FONT_BOLD
from jipp_desktop.documents.letterhead import Letterhead
from jipp_desktop.documents.pdf import PdfDocument, PdfMeta, content_width
from jipp_desktop.documents.report_base import build_report, heading, title_block
from jipp_desktop.documents.styles import HEADING, INK, esc, pick
from jipp_desktop.documents.tables import data_table, number, title_widths
from jipp_desktop.domain.list_filter import InnovationFilter
from jipp_desktop.progress import ProgressFn
from jipp_desktop.reference.codes import CONTINUATION, PHASES, SECTORS, WORKFLOW
from jipp_desktop.services.search import apply_filter, due_for_reverification
from jipp_desktop.services.stats import UNSET, reverification_label, unset_label

NO_REGION = "-"
TOP_PROVINCES = 15
BAR_COLOURS = ("#3e7cb1", "#81a4cd", "#f4a259", "#bc4b51", "#5b8e7d", "#8cb369")


@dataclass
class RecapData:
    """The counts of the recap.

    Attributes:
        total: innovations kept by the filter.
        by_province: province code ("-" for national bodies) → Counter of phase, continuation
            and workflow codes, plus "total".
        by_sector: sector code ("" when not set) → Counter of continuation codes and "total".
        province_names: province code → name.
        newest: the newest change among the counted records (the report's data date).
        due: verified records whose last verification is more than 12 months old.
    """

    total: int = 0
    by_province: dict[str, Counter[str]] = field(default_factory=dict)
    by_sector: dict[str, Counter[str]] = field(default_factory=dict)
    province_names: dict[str, str] = field(default_factory=dict)
    newest: datetime | None = None
    due: int = 0

    def sum_of(self, key: str) -> int:
        """The total of one code over every province (e.g. "continuing", "verified")."""
        return sum(c[key] for c in self.by_province.values())


def recap_data(session: Session, f: InnovationFilter) -> RecapData:
    """Counts the innovations ``f`` keeps by province, phase, continuation, workflow and sector."""
    province = case(
        (Innovation.region_code.is_(None), NO_REGION),
        else_=func.substr(Innovation.region_code, 1, 2),
    ).label("province")
    grouped = apply_filter(
        select(
            province,
            Innovation.phase,
            Innovation.continuation,
            Innovation.workflow,
            func.count(),
            func.max(Innovation.updated_at),
        ).select_from(Innovation),
        f,
    ).group_by(province, Innovation.phase, Innovation.continuation, Innovation.workflow)
    data = RecapData()
    for prov, phase, continuation, workflow, count, newest in session.execute(grouped):
        counter = data.by_province.setdefault(prov, Counter())
        counter["total"] += count
        counter[phase or UNSET] += count
        counter[continuation] += count
        counter[workflow] += count
        data.total += count
        if newest is not None and (data.newest is None or newest > data.newest):
            data.newest = newest
    sectors = apply_filter(
        select(Innovation.sector, Innovation.continuation, func.count()).select_from(Innovation),
        f,
    ).group_by(Innovation.sector, Innovation.continuation)
    for sector, continuation, count in session.execute(sectors):
        counter = data.by_sector.setdefault(sector or "", Counter())
        counter["total"] += count
        counter[continuation] += count
    due = apply_filter(select(func.count()).select_from(Innovation), f)
    data.due = session.scalar(due.where(due_for_reverification())) or 0
    codes = [c for c in data.by_province if c != NO_REGION]
    names = session.execute(select(Region.code, Region.name).where(Region.code.in_(codes)))
    data.province_names = {code: name for code, name in names}
    return data


def describe_filter(session: Session, f: InnovationFilter, lang: str = "id") -> str:
    """The filter in words ("Provinsi: Bali; Tahap: Pengembangan"), or "" when it keeps all."""
    parts: list[str] = []
    if f.text:
        parts.append(f"{pick(lang, 'Kata kunci', 'Words')}: {f.text}")
    if f.region_code or f.province_code:
        code = f.region_code or f.province_code
        name = session.scalar(select(Region.name).where(Region.code == code)) or code
        parts.append(f"{pick(lang, 'Wilayah', 'Region')}: {name}")
    if f.agency_id:
        name = session.scalar(select(Agency.name).where(Agency.id == f.agency_id)) or f.agency_id
        parts.append(f"{pick(lang, 'Instansi', 'Agency')}: {name}")
    for label_id, label_en, codes, value in (
        ("Urusan", "Sector", SECTORS, f.sector),
        ("Tahap", "Phase", PHASES, f.phase),
        ("Keberlanjutan", "Continuation", CONTINUATION, f.continuation),
        ("Status", "Workflow", WORKFLOW, f.workflow),
    ):
        if value:
            parts.append(f"{pick(lang, label_id, label_en)}: {codes.label(value, lang)}")
    if f.year:
        parts.append(f"{pick(lang, 'Tahun mulai', 'Year started')}: {f.year}")
    if f.needs_reverification:
        parts.append(reverification_label(lang))
    return "; ".join(parts)


def _bar_chart(
    title: str, labels: list[str], values: list[int], width: float, lang: str
) -> Drawing:
    height = 62 * mm
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 14 * mm
    chart.width, chart.height = width - 16 * mm, height - 24 * mm
    chart.data = [values]
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = lambda v: number(v, lang)
    # Each label on as many lines as it needs under its bar (cut, "Berlanjut…" twice could not
    # be told apart); the plot is raised by the lines of the longest.
    # A word wider than its bar's slot makes the labels smaller (not run into each other).
    slot = chart.width / max(len(labels), 1) - 3
    widest = max((stringWidth(w, FONT, 7) for label in labels for w in label.split()), default=1)
    size = max(5.0, min(7.0, 7 * slot / widest))
    wrapped = ["\n".join(simpleSplit(label, FONT, size, slot)) for label in labels]
    lines = max((w.count("\n") + 1 for w in wrapped), default=1)
    chart.y = 6 * mm + lines * size * 1.2
    chart.height = height - 19 * mm - lines * size * 1.2
    chart.categoryAxis.categoryNames = wrapped
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = size
    chart.categoryAxis.labels.leading = size * 1.2
    chart.categoryAxis.labels.angle = 0
    chart.barLabelFormat = lambda v: number(v, lang)
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    chart.bars.strokeColor = None
    for i in range(len(values)):
        chart.bars[(0, i)].fillColor = _colour(i)
    drawing.add(chart)
    return _with_title(drawing, title)


def _with_title(drawing: Drawing, title: str) -> Drawing:
    """Adds a chart's centred title at the top of its drawing."""
    drawing.add(
        String(
            drawing.width / 2,
            drawing.height - 6 * mm,
            title,
            fontName=FONT_BOLD,
            fontSize=9,
            textAnchor="middle",
            fillColor=INK,
        )
    )
    return drawing


def _province_chart(
    title: str, labels: list[str], values: list[int], width: float, lang: str
) -> Drawing:
    bar = 4.2 * mm
    height = bar * len(labels) + 18 * mm
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 48 * mm, 6 * mm
    chart.width, chart.height = width - 62 * mm, bar * len(labels)
    chart.data = [values[::-1]]
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = lambda v: number(v, lang)
    chart.categoryAxis.categoryNames = labels[::-1]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.barLabelFormat = lambda v: number(v, lang)
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 6.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    chart.bars.strokeColor = None
    chart.bars[0].fillColor = _colour(0)
    drawing.add(chart)
    return _with_title(drawing, title)


def _colour(i: int) -> HexColor:
    return HexColor(BAR_COLOURS[i % len(BAR_COLOURS)])


def recap_story(
    data: RecapData, filter_text: str, width: float, lang: str = "id"
) -> list[Flowable]:
    """The flowables of the recap."""
    t = lambda id_text, en_text: pick(lang, id_text, en_text)  # noqa: E731
    lines = [
        t("Keadaan data: ", "Data as of: ") + long_date(data.newest, lang) if data.newest else "",
        t("Filter: ", "Filter: ") + filter_text
        if filter_text
        else t("Semua inovasi", "All innovations"),
        t("Jumlah inovasi: ", "Innovations: ") + number(data.total, lang),
    ]
    story = title_block(
        t("Rekapitulasi Inovasi Pelayanan Publik", "Public Service Innovation Recap"), lines
    )
    continuing = data.sum_of("continuing") + data.sum_of("continuing_developed")
    summary = [
        (t("Jumlah inovasi", "Innovations"), data.total),
        (t("Terverifikasi", "Verified"), data.sum_of("verified")),
        (t("Berlanjut (termasuk dengan pengembangan)", "Continuing (incl. developed)"), continuing),
        (CONTINUATION.label("stopped", lang), data.sum_of("stopped")),
        (CONTINUATION.label("unknown", lang), data.sum_of("unknown")),
        (reverification_label(lang), data.due),
    ]
    left = 92 * mm
    summary_table = data_table(
        [t("Uraian", "Item"), t("Jumlah", "Count")],
        summary,
        [left - 24 * mm, 24 * mm],
        numeric=[1],
        lang=lang,
    )
    chart_w = (width - left - 8 * mm) / 2
    # A record without a phase is counted under "Belum diisi": the phases add up to the total.
    phase_codes = [*PHASES.codes(), *([UNSET] if data.sum_of(UNSET) else [])]
    phases = [PHASES.label(c, lang) if c != UNSET else unset_label(lang) for c in phase_codes]
    conts = [CONTINUATION.label(c, lang) for c in CONTINUATION.codes()]
    top = Table(
        [
            [
                [Paragraph(esc(t("Ringkasan", "Summary")), HEADING), *summary_table],
                _bar_chart(
                    t("Menurut tahap", "By phase"),
                    phases,
                    [data.sum_of(c) for c in phase_codes],
                    chart_w,
                    lang,
                ),
                _bar_chart(
                    t("Menurut keberlanjutan", "By continuation"),
                    conts,
                    [data.sum_of(c) for c in CONTINUATION.codes()],
                    chart_w,
                    lang,
                ),
            ]
        ],
        colWidths=[left + 4 * mm, chart_w + 2 * mm, chart_w + 2 * mm],
    )
    top.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    story.append(top)

    # by province
    story += heading(t("Menurut provinsi", "By province"))
    provinces = sorted(
        (c for c in data.by_province if c != NO_REGION), key=lambda c: data.province_names.get(c, c)
    )
    prov_cols = ["total", *phase_codes, *CONTINUATION.codes(), "verified"]
    header = [
        t("Provinsi", "Province"),
        t("Jumlah", "Total"),
        *phases,
        CONTINUATION.label("continuing", lang),
        t("Berlanjut + pengembangan", "Continuing, developed"),
        CONTINUATION.label("stopped", lang),
        CONTINUATION.label("unknown", lang),
        WORKFLOW.label("verified", lang),
    ]
    rows = [
        [data.province_names.get(c, c), *(data.by_province[c][k] for k in prov_cols)]
        for c in provinces
    ]
    if NO_REGION in data.by_province:
        rows.append(
            [
                t("Instansi pusat (tanpa wilayah)", "Central bodies (no region)"),
                *(data.by_province[NO_REGION][k] for k in prov_cols),
            ]
        )
    total_row = [t("Jumlah", "Total"), *(data.sum_of(k) for k in prov_cols)]
    name_w = 52 * mm
    story += data_table(
        header,
        rows,
        [name_w, *title_widths(header[1:], width - name_w)],
        numeric=range(1, len(prov_cols) + 1),
        total=total_row,
        lang=lang,
    )
    # The largest provinces as bars; none for one province (a recap of Bali: one bar under
    # "15 provinsi dengan inovasi terbanyak").
    if len(provinces) > 1:
        top = sorted(provinces, key=lambda c: -data.by_province[c]["total"])[:TOP_PROVINCES]
        story += [
            Spacer(1, 4 * mm),
            KeepTogether(
                [
                    _province_chart(
                        t(
                            f"{len(top)} provinsi dengan inovasi terbanyak",
                            f"The {len(top)} provinces with most innovations",
                        ),
                        [data.province_names.get(c, c) for c in top],
                        [data.by_province[c]["total"] for c in top],
                        width,
                        lang,
                    )
                ]
            ),
        ]

    # by sector
    story += heading(t("Menurut urusan pemerintahan", "By government affair"))
    sector_cols = ["total", *CONTINUATION.codes()]
    sector_rows = [
        [
            SECTORS.label(s, lang) if s else unset_label(lang),
            *(data.by_sector[s][k] for k in sector_cols),
        ]
        for s in sorted(data.by_sector, key=lambda s: (-data.by_sector[s]["total"], s))
    ]
    sector_total = [
        t("Jumlah", "Total"),
        *(sum(c[k] for c in data.by_sector.values()) for k in sector_cols),
    ]
    name_w = 62 * mm
    col_w = (width - name_w) / len(sector_cols)
    story += data_table(
        [t("Urusan", "Sector"), t("Jumlah", "Total"), *conts],
        sector_rows,
        [name_w] + [col_w] * len(sector_cols),
        numeric=range(1, len(sector_cols) + 1),
        total=sector_total,
        lang=lang,
    )

    # by workflow status
    story += heading(t("Menurut status verifikasi", "By verification status"))
    story += data_table(
        [t("Status", "Status"), t("Jumlah", "Count")],
        [[WORKFLOW.label(c, lang), data.sum_of(c)] for c in WORKFLOW.codes()],
        [width - 40 * mm, 40 * mm],
        numeric=[1],
        total=[t("Jumlah", "Total"), data.total],
        lang=lang,
    )
    return story


def build_recap(
    session: Session,
    f: InnovationFilter,
    letterhead: Letterhead,
    lang: str = "id",
    progress: ProgressFn | None = None,
) -> PdfDocument:
    """The recap report for the innovations ``f`` keeps."""
    data = recap_data(session, f)
    meta = PdfMeta(
        title=pick(
            lang, "Rekapitulasi Inovasi Pelayanan Publik", "Public Service Innovation Recap"
        ),
        created=data.newest or datetime(2000, 1, 1),
        author=letterhead.agency_name,
        landscape=True,
        footer_note=pick(
            lang, "Rekapitulasi inovasi — JIPP Desktop", "Innovation recap — JIPP Desktop"
        ),
        lang=lang,
    )
    story = recap_story(data, describe_filter(session, f, lang), content_width(meta), lang)
    return build_report(story, meta, letterhead, progress=progress)
