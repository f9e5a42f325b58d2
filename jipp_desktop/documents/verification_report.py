"""The verification report: what was verified in a period, with which outcome, by whom."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph
from sqlalchemy import select
from sqlalchemy.orm import Session

from jipp_desktop.dates import long_date
from jipp_desktop.db.models import Agency, Innovation, Officer, Verification
from jipp_desktop.documents.letterhead import Letterhead
from jipp_desktop.documents.pdf import PdfDocument, PdfMeta, content_width
from jipp_desktop.documents.report_base import build_report, heading, title_block
from jipp_desktop.documents.styles import BODY, pick
from jipp_desktop.documents.tables import data_table, date_width, number, short_date
from jipp_desktop.domain.errors import FieldError, ValidationFailed
from jipp_desktop.progress import ProgressFn
from jipp_desktop.reference.codes import VERIFICATION_METHODS, VERIFICATION_OUTCOMES


@dataclass
class VerificationData:
    """The verifications of a period.

    Attributes:
        start: the first day (None: from the first verification).
        end: the last day (None: up to the last one).
        rows: (when, registration number, title, agency, verifier, method, outcome, notes),
            oldest first.
    """

    start: date | None
    end: date | None
    rows: list[tuple[Any, ...]] = field(default_factory=list)

    def count_by(self, index: int) -> Counter[str]:
        """How many rows have each value in column ``index``."""
        return Counter(r[index] for r in self.rows)


def check_period(start: date | None, end: date | None) -> None:
    """Refuses a period that ends before it starts."""
    if start and end and end < start:
        raise ValidationFailed(
            [
                FieldError(
                    "period",
                    f"periode tidak sah: tanggal akhir {end.isoformat()} sebelum tanggal awal "
                    f"{start.isoformat()}",
                    f"invalid period: the end {end.isoformat()} is before the start "
                    f"{start.isoformat()}",
                )
            ]
        )


def verification_data(session: Session, start: date | None, end: date | None) -> VerificationData:
    """The verifications made from ``start`` to ``end`` (both days included)."""
    check_period(start, end)
    query = (
        select(
            Verification.verified_at,
            Innovation.registration_number,
            Innovation.title,
            Agency.name,
            Officer.name,
            Verification.method,
            Verification.outcome,
            Verification.notes,
        )
        .join(Innovation, Innovation.id == Verification.innovation_id)
        .join(Agency, Agency.id == Innovation.agency_id)
        .join(Officer, Officer.id == Verification.verifier_id)
        .where(Verification.deleted_at.is_(None))
        .order_by(Verification.verified_at, Verification.id)
    )
    if start:
        query = query.where(Verification.verified_at >= datetime.combine(start, time(), UTC))
    if end:
        after = datetime.combine(end + timedelta(days=1), time(), UTC)
        query = query.where(Verification.verified_at < after)
    return VerificationData(start, end, [tuple(r) for r in session.execute(query)])


def period_text(start: date | None, end: date | None, lang: str = "id") -> str:
    """The period in words."""
    if start and end:
        return f"{long_date(start, lang)} – {long_date(end, lang)}"
    if start:
        return pick(lang, "sejak ", "from ") + long_date(start, lang)
    if end:
        return pick(lang, "sampai ", "until ") + long_date(end, lang)
    return pick(lang, "seluruh periode", "all time")


def verification_story(data: VerificationData, width: float, lang: str = "id") -> list[Flowable]:
    """The flowables of the verification report."""
    t = lambda id_text, en_text: pick(lang, id_text, en_text)  # noqa: E731
    story = title_block(
        t("Laporan Verifikasi Data Inovasi", "Innovation Verification Report"),
        [
            t("Periode: ", "Period: ") + period_text(data.start, data.end, lang),
            t("Jumlah verifikasi: ", "Verifications: ") + number(len(data.rows), lang),
        ],
    )
    outcomes = data.count_by(6)
    story += heading(t("Hasil verifikasi", "Outcomes"))
    story += data_table(
        [t("Hasil", "Outcome"), t("Jumlah", "Count")],
        [
            [VERIFICATION_OUTCOMES.label(c, lang), outcomes[c]]
            for c in VERIFICATION_OUTCOMES.codes()
        ],
        [90 * mm, 30 * mm],
        numeric=[1],
        total=[t("Jumlah", "Total"), len(data.rows)],
        lang=lang,
    )
    by_verifier: dict[str, Counter[str]] = {}
    for row in data.rows:
        by_verifier.setdefault(row[4], Counter())[row[6]] += 1
    story += heading(t("Menurut verifikator", "By verifier"))
    codes = VERIFICATION_OUTCOMES.codes()
    story += data_table(
        [
            t("Verifikator", "Verifier"),
            t("Jumlah", "Total"),
            *(VERIFICATION_OUTCOMES.label(c, lang) for c in codes),
        ],
        [
            [name, sum(c.values()), *(c[k] for k in codes)]
            for name, c in sorted(by_verifier.items())
        ],
        [70 * mm, 25 * mm] + [(width - 95 * mm) / len(codes)] * len(codes),
        numeric=range(1, len(codes) + 2),
        total=[t("Jumlah", "Total"), len(data.rows), *(outcomes[k] for k in codes)],
        lang=lang,
    )
    story += heading(t("Daftar verifikasi", "Verifications"))
    day_w = date_width(lang)  # "10 Jan 2026" on one line
    if not data.rows:
        story.append(
            Paragraph(
                t("Tidak ada verifikasi pada periode ini.", "No verification in this period."), BODY
            )
        )
        return story
    story += data_table(
        [
            t("Tanggal", "Date"),
            t("Nomor registrasi", "Registration no."),
            t("Judul inovasi", "Title"),
            t("Instansi", "Agency"),
            t("Verifikator", "Verifier"),
            t("Metode", "Method"),
            t("Hasil", "Outcome"),
            t("Catatan", "Notes"),
        ],
        [
            [
                short_date(at, lang),
                reg or "",
                title,
                agency,
                who,
                VERIFICATION_METHODS.label(method, lang),
                VERIFICATION_OUTCOMES.label(outcome, lang),
                notes or "",
            ]
            for at, reg, title, agency, who, method, outcome, notes in data.rows
        ],
        [day_w, 31 * mm, 52 * mm, 40 * mm, 27 * mm, 20 * mm, 22 * mm, width - 192 * mm - day_w],
        lang=lang,
    )
    return story


def build_verification_report(
    session: Session,
    start: date | None,
    end: date | None,
    letterhead: Letterhead,
    lang: str = "id",
    progress: ProgressFn | None = None,
) -> PdfDocument:
    """The verification report of a period (landscape A4)."""
    data = verification_data(session, start, end)
    newest = data.rows[-1][0] if data.rows else None
    meta = PdfMeta(
        title=pick(lang, "Laporan Verifikasi Data Inovasi", "Innovation Verification Report"),
        created=newest or end or start or date(2000, 1, 1),
        author=letterhead.agency_name,
        landscape=True,
        footer_note=pick(lang, "Laporan verifikasi", "Verification report")
        + f" — {period_text(start, end, lang)}",
        lang=lang,
    )
    story = verification_story(data, content_width(meta), lang)
    return build_report(story, meta, letterhead, progress=progress)
