"""The hub report: a Hub JIPP's designation, the agencies it mentors, their innovations and the
replications to and from them."""

from __future__ import annotations

from collections import Counter

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph
from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from jipp_desktop.db.models import Agency, Hub, Innovation, Region, Replication
from jipp_desktop.documents.cohort import COHORT_LABELS
from jipp_desktop.documents.letterhead import Letterhead
from jipp_desktop.documents.pdf import PdfDocument, PdfMeta, content_width
from jipp_desktop.documents.report_base import build_report, heading, title_block
from jipp_desktop.documents.styles import BODY, pick
from jipp_desktop.documents.tables import (
    data_table,
    date_width,
    key_value_table,
    number,
    short_date,
    title_widths,
)
from jipp_desktop.progress import ProgressFn
from jipp_desktop.reference.codes import (
    AGENCY_KINDS,
    CONTINUATION,
    PHASES,
    REPLICATION_STATUS,
    WORKFLOW,
)
from jipp_desktop.services.hubs import get_hub

_Adopter = aliased(Agency)
_SourceAgency = aliased(Agency)


def _cohort_label(cohort: str, lang: str) -> str:
    labels = COHORT_LABELS.get(cohort)
    return (labels[1] if lang == "en" else labels[0]) if labels else cohort


def build_hub_report(
    session: Session,
    hub_id: str,
    letterhead: Letterhead,
    lang: str = "id",
    progress: ProgressFn | None = None,
) -> PdfDocument:
    """The report of one hub (landscape A4).

    Raises:
        NotFound: no such hub.
    """
    t = lambda id_text, en_text: pick(lang, id_text, en_text)  # noqa: E731
    hub = get_hub(session, hub_id)
    spoke_ids = [s.agency_id for s in hub.spokes]
    agencies = list(
        session.execute(
            select(Agency.id, Agency.name, Agency.kind, Region.name)
            .outerjoin(Region, Region.code == Agency.region_code)
            .where(Agency.id.in_([hub.agency_id, *spoke_ids]))
            .order_by(Agency.name)
        )
    )
    agency_ids = [a[0] for a in agencies]
    innovations = list(
        session.execute(
            select(
                Innovation.id,
                Innovation.registration_number,
                Innovation.title,
                Agency.name,
                Innovation.agency_id,
                Innovation.phase,
                Innovation.continuation,
                Innovation.workflow,
                Innovation.updated_at,
            )
            .join(Agency, Agency.id == Innovation.agency_id)
            .where(Innovation.agency_id.in_(agency_ids), Innovation.deleted_at.is_(None))
            .order_by(Agency.name, Innovation.title, Innovation.id)
        )
    )
    replications = list(
        session.execute(
            select(
                Innovation.title,
                _SourceAgency.name,
                _Adopter.name,
                Replication.status,
                Replication.agreement_date,
                Replication.implementation_date,
                Innovation.agency_id,
                Replication.updated_at,
            )
            .join(Innovation, Innovation.id == Replication.source_innovation_id)
            .join(_SourceAgency, _SourceAgency.id == Innovation.agency_id)
            .join(_Adopter, _Adopter.id == Replication.adopting_agency_id)
            .where(
                Replication.deleted_at.is_(None),
                or_(
                    Innovation.agency_id.in_(agency_ids),
                    Replication.adopting_agency_id.in_(agency_ids),
                ),
            )
            .order_by(Innovation.title, _Adopter.name)
        )
    )
    per_agency: dict[str, Counter[str]] = {a[0]: Counter() for a in agencies}
    for row in innovations:
        c = per_agency[row[4]]
        c["total"] += 1
        c[row[6]] += 1
        c[row[7]] += 1
    for row in replications:
        if row[6] in per_agency and row[3] == "implemented":
            per_agency[row[6]]["replicated"] += 1
    stamps = [r[8] for r in innovations] + [r[7] for r in replications] + [hub.updated_at]
    newest = max(s for s in stamps if s is not None)

    meta = PdfMeta(
        title=t("Laporan Hub JIPP", "Hub JIPP Report") + f": {hub.agency.name}",
        created=newest,
        author=letterhead.agency_name,
        landscape=True,
        footer_note=t("Laporan hub", "Hub report") + f" — {hub.agency.name}",
        lang=lang,
    )
    width = content_width(meta)
    story: list[Flowable] = title_block(
        t("Laporan Hub JIPP", "Hub JIPP Report"),
        [hub.agency.name, hub.decree],
    )
    story += heading(t("Penetapan", "Designation"))
    story += key_value_table(
        [
            (t("Instansi hub", "Hub agency"), hub.agency.name),
            (t("Dasar penetapan", "Decree"), hub.decree),
            (t("Tahun", "Year"), str(hub.year)),
            (t("Angkatan", "Cohort"), _cohort_label(hub.cohort, lang)),
            (
                t("Status", "Status"),
                t("Aktif", "Active") if hub.active else t("Tidak aktif", "Inactive"),
            ),
            (t("Instansi binaan", "Mentored agencies"), number(len(spoke_ids), lang)),
            (t("Inovasi", "Innovations"), number(len(innovations), lang)),
            (t("Replikasi", "Replications"), number(len(replications), lang)),
        ],
        (55 * mm, width - 55 * mm),
    )
    story += heading(t("Instansi hub dan binaannya", "The hub and the agencies it mentors"))
    counted = [
        t("Inovasi", "Innovations"),
        # Both kinds of continuing, as the recap's summary counts them: its innovations listed
        # below as "Berlanjut dengan pengembangan" are in this column too.
        t("Berlanjut (termasuk dengan pengembangan)", "Continuing (incl. developed)"),
        CONTINUATION.label("stopped", lang),
        WORKFLOW.label("verified", lang),
        t("Direplikasi", "Replicated"),
    ]
    story += data_table(
        [
            t("Instansi", "Agency"),
            t("Jenis", "Kind"),
            t("Wilayah", "Region"),
            t("Peran", "Role"),
            *counted,
        ],
        [
            [
                name,
                AGENCY_KINDS.label(kind, lang),
                region or "—",
                t("Hub", "Hub") if aid == hub.agency_id else t("Binaan", "Mentored"),
                per_agency[aid]["total"],
                per_agency[aid]["continuing"] + per_agency[aid]["continuing_developed"],
                per_agency[aid]["stopped"],
                per_agency[aid]["verified"],
                per_agency[aid]["replicated"],
            ]
            for aid, name, kind, region in agencies
        ],
        [62 * mm, 30 * mm, 38 * mm, 18 * mm, *title_widths(counted, width - 148 * mm)],
        numeric=range(4, 9),
        total=[
            t("Jumlah", "Total"),
            "",
            "",
            "",
            len(innovations),
            sum(c["continuing"] + c["continuing_developed"] for c in per_agency.values()),
            sum(c["stopped"] for c in per_agency.values()),
            sum(c["verified"] for c in per_agency.values()),
            sum(c["replicated"] for c in per_agency.values()),
        ],
        lang=lang,
    )
    story += heading(t("Inovasi", "Innovations"))
    if innovations:
        story += data_table(
            [
                t("Nomor registrasi", "Registration no."),
                t("Judul inovasi", "Title"),
                t("Instansi", "Agency"),
                t("Tahap", "Phase"),
                t("Keberlanjutan", "Continuation"),
                t("Status", "Status"),
            ],
            [
                [
                    reg or "",
                    title,
                    agency,
                    PHASES.label(phase, lang),
                    CONTINUATION.label(cont, lang),
                    WORKFLOW.label(wf, lang),
                ]
                for _id, reg, title, agency, _aid, phase, cont, wf, _u in innovations
            ],
            [30 * mm, width - 175 * mm, 55 * mm, 28 * mm, 35 * mm, 27 * mm],
            lang=lang,
        )
    else:
        story.append(
            Paragraph(t("Belum ada inovasi tercatat.", "No innovation recorded yet."), BODY)
        )
    story += heading(t("Replikasi", "Replications"))
    day_w = date_width(lang)
    if replications:
        story += data_table(
            [
                t("Inovasi sumber", "Source innovation"),
                t("Instansi sumber", "Source agency"),
                t("Instansi pereplikasi", "Adopting agency"),
                t("Status", "Status"),
                t("Kesepakatan", "Agreement"),
                t("Penerapan", "Implemented"),
            ],
            [
                [
                    title,
                    source,
                    adopter,
                    REPLICATION_STATUS.label(status, lang),
                    short_date(a, lang),
                    short_date(b, lang),
                ]
                for title, source, adopter, status, a, b, _aid, _u in replications
            ],
            [width - 134 * mm - 2 * day_w, 55 * mm, 55 * mm, 24 * mm, day_w, day_w],
            lang=lang,
        )
    else:
        story.append(Paragraph(t("Belum ada replikasi.", "No replication yet."), BODY))
    return build_report(story, meta, letterhead, progress=progress)


def hub_choices(session: Session) -> list[tuple[str, str]]:
    """(hub id, "agency — year") of every hub, for choosers."""
    rows = session.execute(
        select(Hub.id, Agency.name, Hub.year)
        .join(Agency, Agency.id == Hub.agency_id)
        .where(Hub.deleted_at.is_(None))
        .order_by(Agency.name)
    )
    return [(hid, f"{name} — {year}") for hid, name, year in rows]
