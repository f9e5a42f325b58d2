"""The innovation profile: one innovation, every field by section, its awards, verification
history and replications.

Profiles are loaded in bulk (:func:`load_profiles`: a handful of queries for any number of
innovations), so a batch of thousands of profiles is not a query per record.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from babel.dates import format_date
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer
from sqlalchemy import select
from sqlalchemy.orm import Session

from jipp_desktop.dates import long_date
from jipp_desktop.db.models import Agency, Innovation, Officer, Region, Replication, Verification
from jipp_desktop.documents.letterhead import Letterhead
from jipp_desktop.documents.pdf import PdfDocument, PdfMeta, content_width
from jipp_desktop.documents.report_base import build_report, heading, title_block
from jipp_desktop.documents.styles import BODY, JUSTIFIED, esc, pick, text_pieces
from jipp_desktop.documents.tables import (
    LONG_DATE,
    data_table,
    date_width,
    key_value_table,
    short_date,
)
from jipp_desktop.domain.errors import NotFound
from jipp_desktop.domain.fields import INNOVATION_FIELDS, SECTIONS, FieldSpec
from jipp_desktop.progress import ProgressFn
from jipp_desktop.reference.codes import (
    CONTINUATION,
    REPLICATION_STATUS,
    VERIFICATION_METHODS,
    VERIFICATION_OUTCOMES,
    WORKFLOW,
)

# Personal data of the contact person is left off printed profiles unless asked for.
PERSONAL_FIELDS = ("contact_phone", "contact_email")
LONG_TEXT = BODY.clone("LongText", spaceBefore=4)
# A long text in pieces (see text_pieces): the pieces follow one another without a gap.
LONG_FIRST = LONG_TEXT.clone("LongTextFirst", spaceAfter=0)
LONG_MORE = BODY.clone("LongTextMore", spaceBefore=0, spaceAfter=0)


@dataclass
class ProfileData:
    """One innovation with everything its profile prints.

    Attributes:
        innovation: the record (agency and awards loaded).
        region: the region's name, with its province for a regency or city.
        replicated_from: the title of the innovation it replicates.
        verifications: (when, verifier, method, outcome, continuation, notes), oldest first.
        replications: (adopting agency, status, interest, agreement, implementation).
    """

    innovation: Innovation
    region: str = ""
    replicated_from: str = ""
    verifications: list[tuple[Any, ...]] = field(default_factory=list)
    replications: list[tuple[Any, ...]] = field(default_factory=list)


class RegionNames:
    """Region names by code, read once (552 rows) and shared by every profile of a batch."""

    def __init__(self, session: Session) -> None:
        self._names = {
            code: name for code, name in session.execute(select(Region.code, Region.name))
        }

    def describe(self, code: str | None) -> str:
        """ "Kota Denpasar, Bali" for a regency or city, the name for a province."""
        if not code:
            return ""
        name = self._names.get(code, code)
        province = code.split(".")[0]
        if province != code and province in self._names:
            return f"{name}, {self._names[province]}"
        return name


def load_profiles(
    session: Session, ids: Sequence[str], regions: RegionNames | None = None
) -> list[ProfileData]:
    """The profiles of ``ids`` (in that order; deleted or unknown ids are left out)."""
    regions = regions or RegionNames(session)
    found = {
        i.id: i
        for i in session.scalars(
            select(Innovation).where(Innovation.id.in_(ids), Innovation.deleted_at.is_(None))
        ).unique()
    }
    verifications: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for row in session.execute(
        select(
            Verification.innovation_id,
            Verification.verified_at,
            Officer.name,
            Verification.method,
            Verification.outcome,
            Verification.continuation,
            Verification.notes,
        )
        .join(Officer, Officer.id == Verification.verifier_id)
        .where(Verification.innovation_id.in_(found), Verification.deleted_at.is_(None))
        .order_by(Verification.verified_at, Verification.id)
    ):
        verifications[row[0]].append(tuple(row[1:]))
    replications: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for row in session.execute(
        select(
            Replication.source_innovation_id,
            Agency.name,
            Replication.status,
            Replication.interest_date,
            Replication.agreement_date,
            Replication.implementation_date,
        )
        .join(Agency, Agency.id == Replication.adopting_agency_id)
        .where(Replication.source_innovation_id.in_(found), Replication.deleted_at.is_(None))
        .order_by(Replication.interest_date, Agency.name)
    ):
        replications[row[0]].append(tuple(row[1:]))
    sources = {i.replicated_from_id for i in found.values() if i.replicated_from_id}
    titles = {
        source_id: title
        for source_id, title in session.execute(
            select(Innovation.id, Innovation.title).where(Innovation.id.in_(sources))
        )
    }
    return [
        ProfileData(
            innovation=found[i],
            region=regions.describe(found[i].region_code),
            replicated_from=titles.get(found[i].replicated_from_id or "", ""),
            verifications=verifications.get(i, []),
            replications=replications.get(i, []),
        )
        for i in ids
        if i in found
    ]


def _value(spec: FieldSpec, profile: ProfileData, lang: str, personal: bool) -> str:
    innovation = profile.innovation
    value = getattr(innovation, spec.name)
    if spec.name in PERSONAL_FIELDS and value and not personal:
        return pick(lang, "(data pribadi, tidak dicetak)", "(personal data, not printed)")
    if value is None or value == "" or value == []:
        return ""
    if spec.kind == "code" and spec.codes is not None:
        return spec.codes.label(value, lang)
    if spec.kind == "codelist" and spec.codes is not None:
        return spec.codes.labels(value, lang)
    if spec.kind == "bool":
        return pick(lang, "Ya", "Yes") if value else pick(lang, "Tidak", "No")
    if spec.kind == "date":
        # Day first in English too ("12 March 2016", as the heading's "Monday, 15 April 2024").
        return format_date(value, LONG_DATE, locale=lang)
    if spec.kind == "sdgs":
        return ", ".join(f"SDG {g}" for g in value)
    if spec.kind == "region":
        return profile.region
    if spec.kind == "agency":
        return innovation.agency.name
    if spec.kind == "innovation":
        return profile.replicated_from or value
    return str(value)


def profile_story(
    profile: ProfileData, width: float, lang: str = "id", personal: bool = False
) -> list[Flowable]:
    """The flowables of one profile."""
    t = lambda id_text, en_text: pick(lang, id_text, en_text)  # noqa: E731
    innovation = profile.innovation
    lines = [
        innovation.agency.name,
        " · ".join(
            part
            for part in (
                innovation.registration_number,
                WORKFLOW.label(innovation.workflow, lang),
                CONTINUATION.label(innovation.continuation, lang),
            )
            if part
        ),
        t("Terakhir diverifikasi: ", "Last verified: ")
        + long_date(innovation.last_verified_at, lang)
        if innovation.last_verified_at
        # Never verified, though perhaps checked: its history may list "Perlu perbaikan".
        else t("Belum pernah terverifikasi", "Never verified"),
    ]
    story = title_block(innovation.title, lines)
    widths = (52 * mm, width - 52 * mm)
    for section, labels in SECTIONS.items():
        specs = [f for f in INNOVATION_FIELDS if f.section == section]
        values = [(f, _value(f, profile, lang, personal)) for f in specs]
        # Short values, and long texts left empty, fit the label/value table; long texts
        # written out follow as paragraphs under their label.
        short = [(f.label(lang), v or "—") for f, v in values if f.kind != "longtext" or not v]
        long = [(f.label(lang), v) for f, v in values if f.kind == "longtext" and v]
        story += heading(labels[1] if lang == "en" else labels[0])
        story += key_value_table(short, widths)
        # Label and text in one paragraph: the label never ends a page alone, and one
        # paragraph lays out faster than two kept together.
        for label, text in long:
            pieces = text_pieces(text)
            head = f'<font size="8"><b>{esc(label)}</b></font><br/>{esc(pieces[0])}'
            story.append(Paragraph(head, LONG_TEXT if len(pieces) == 1 else LONG_FIRST))
            story += [Paragraph(esc(p), LONG_MORE) for p in pieces[1:]]
    if innovation.awards:
        story += heading(t("Penghargaan dan kompetisi", "Awards and competitions"))
        story += data_table(
            [t("Tahun", "Year"), t("Kompetisi", "Competition"), t("Capaian", "Stage reached")],
            [[str(a.year), a.competition, a.stage_reached] for a in innovation.awards],
            [20 * mm, width - 70 * mm, 50 * mm],
            lang=lang,
        )
    story += heading(t("Riwayat verifikasi", "Verification history"))
    day_w = date_width(lang)  # "18 Mar 2024" on one line
    wide = max(day_w, 25 * mm)
    if profile.verifications:
        story += data_table(
            [
                t("Tanggal", "Date"),
                t("Verifikator", "Verifier"),
                t("Metode", "Method"),
                t("Hasil", "Outcome"),
                t("Keberlanjutan", "Continuation"),
                t("Catatan", "Notes"),
            ],
            [
                [
                    short_date(at, lang),
                    who,
                    VERIFICATION_METHODS.label(method, lang),
                    VERIFICATION_OUTCOMES.label(outcome, lang),
                    CONTINUATION.label(cont, lang),
                    notes or "",
                ]
                for at, who, method, outcome, cont, notes in profile.verifications
            ],
            [day_w, 32 * mm, 24 * mm, 28 * mm, 26 * mm, width - 110 * mm - day_w],
            lang=lang,
        )
    else:
        story.append(Paragraph(t("Belum ada verifikasi.", "No verification yet."), JUSTIFIED))
    if profile.replications:
        story += heading(t("Replikasi", "Replications"))
        story += data_table(
            [
                t("Instansi pereplikasi", "Adopting agency"),
                t("Status", "Status"),
                t("Minat", "Interest"),
                t("Kesepakatan", "Agreement"),
                t("Penerapan", "Implemented"),
            ],
            [
                [
                    agency,
                    REPLICATION_STATUS.label(status, lang),
                    short_date(a, lang),
                    short_date(b, lang),
                    short_date(c, lang),
                ]
                for agency, status, a, b, c in profile.replications
            ],
            [width - 25 * mm - 3 * wide, 25 * mm, wide, wide, wide],
            lang=lang,
        )
    story.append(Spacer(1, 2 * mm))
    return story


def profile_meta(title: str, created: datetime, letterhead: Letterhead, lang: str) -> PdfMeta:
    """The document information of a profile (or a batch of them)."""
    return PdfMeta(
        title=title,
        created=created,
        author=letterhead.agency_name,
        footer_note=pick(
            lang, "Profil inovasi — JIPP Desktop", "Innovation profile — JIPP Desktop"
        ),
        lang=lang,
    )


def build_profile(
    session: Session,
    innovation_id: str,
    letterhead: Letterhead,
    lang: str = "id",
    personal: bool = False,
    progress: ProgressFn | None = None,
) -> PdfDocument:
    """The profile of one innovation.

    Raises:
        NotFound: no such (undeleted) innovation.
    """
    profiles = load_profiles(session, [innovation_id])
    if not profiles:
        raise NotFound(
            f"inovasi {innovation_id} tidak ditemukan", f"innovation {innovation_id} not found"
        )
    profile = profiles[0]
    meta = profile_meta(
        f"{pick(lang, 'Profil inovasi', 'Innovation profile')}: {profile.innovation.title}",
        profile.innovation.updated_at,
        letterhead,
        lang,
    )
    story = profile_story(profile, content_width(meta), lang, personal)
    return build_report(story, meta, letterhead, progress=progress)
