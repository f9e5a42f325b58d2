"""A commitment prefilled from a hub event: one signatory row per hub agency of a cohort.

For the 12 ministries and agencies of 20 October 2023 (``ministries_2023``) the prefill is the
published event: the joint commitment to form Hub JIPP, in Jakarta, on that date, with the
Ministry of PANRB as witness. Officials' names, positions and NIPs are left for the officer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jipp_desktop.dates import long_date
from jipp_desktop.db.models import Agency, Hub
from jipp_desktop.domain.errors import NotFound
from jipp_desktop.reference.hubs import (
    JOINT_COMMITMENT_DATE,
    MINISTRIES_2023,
    MINISTRY_OF_REFORM,
)
from jipp_desktop.reference.seed import reference_id
from jipp_desktop.services.commitments import CommitmentInput, SignatoryInput

MINISTRIES_COHORT = "ministries_2023"
COHORT_LABELS = {
    "pilot_2020": ("Hub percontohan 2020", "2020 pilot hubs"),
    "2021": ("Hub 2021", "2021 hubs"),
    MINISTRIES_COHORT: (
        "12 kementerian/lembaga — komitmen bersama 20 Oktober 2023",
        "12 ministries/agencies — joint commitment of 20 October 2023",
    ),
}
HUB_CLAUSES = (
    "Membentuk Hub Jaringan Inovasi Pelayanan Publik (JIPP) di lingkungan instansi masing-masing "
    "dan menetapkan unit kerja yang mengelolanya.",
    "Memberikan komitmen pimpinan yang kuat bagi pembinaan inovasi pelayanan publik, termasuk "
    "dukungan kebijakan, anggaran dan sumber daya manusia.",
    "Menggali dan mengembangkan potensi inovasi pelayanan publik melalui tahap penciptaan, "
    "pengembangan dan pelembagaan.",
    "Mendorong replikasi inovasi pelayanan publik yang baik kepada instansi lain.",
    "Melakukan validasi dan pemutakhiran data inovasi secara berkala pada Jaringan Inovasi "
    "Pelayanan Publik Nasional (JIPPNas).",
)


@dataclass(frozen=True)
class CohortInfo:
    """A hub cohort as offered in "Buat dari acara hub…"."""

    cohort: str
    label_id: str
    label_en: str
    year: int
    hubs: int

    def label(self, lang: str = "id") -> str:
        """The label in ``lang``."""
        return self.label_en if lang == "en" else self.label_id


def list_cohorts(session: Session) -> list[CohortInfo]:
    """The cohorts of active hubs, oldest first, with how many hubs each has."""
    rows = session.execute(
        select(Hub.cohort, func.min(Hub.year), func.count())
        .where(Hub.deleted_at.is_(None), Hub.active.is_(True))
        .group_by(Hub.cohort)
        .order_by(func.min(Hub.year), Hub.cohort)
    )
    out = []
    for cohort, year, count in rows:
        id_label, en_label = COHORT_LABELS.get(cohort, (f"Hub {cohort}", f"Hubs {cohort}"))
        out.append(CohortInfo(cohort, id_label, en_label, year, count))
    return out


def _ordered_agencies(session: Session, cohort: str) -> list[Agency]:
    agencies = list(
        session.scalars(
            select(Agency)
            .join(Hub, Hub.agency_id == Agency.id)
            .where(Hub.cohort == cohort, Hub.deleted_at.is_(None), Hub.active.is_(True))
            .order_by(Agency.name)
        )
    )
    if cohort == MINISTRIES_COHORT:
        # Keep the order of the published list of the 12 signatories.
        rank = {reference_id("agency", name): i for i, (name, _) in enumerate(MINISTRIES_2023)}
        agencies.sort(key=lambda a: (rank.get(a.id, len(rank)), a.name))
    return agencies


def commitment_for_cohort(
    session: Session, cohort: str, signed_on: date | None = None
) -> CommitmentInput:
    """A commitment ready to complete: one signatory row per hub agency of ``cohort``.

    Args:
        session: an open session.
        cohort: the hubs' cohort code (e.g. ``ministries_2023``).
        signed_on: the date; the published date for the 2023 joint commitment, else today.

    Raises:
        NotFound: no active hub belongs to the cohort.
    """
    agencies = _ordered_agencies(session, cohort)
    if not agencies:
        raise NotFound(
            f"tidak ada hub aktif pada angkatan {cohort}", f"no active hub in cohort {cohort}"
        )
    signers = [
        SignatoryInput(agency_name=a.name, official_name="", official_position="", agency_id=a.id)
        for a in agencies
    ]
    reform_id = reference_id("agency", MINISTRY_OF_REFORM)
    witness = SignatoryInput(
        agency_name=MINISTRY_OF_REFORM,
        official_name="",
        official_position="Deputi Bidang Pelayanan Publik",
        agency_id=reform_id if session.get(Agency, reform_id) else None,
        is_witness=True,
    )
    if cohort == MINISTRIES_COHORT:
        day = signed_on or JOINT_COMMITMENT_DATE
        title = "Pernyataan Komitmen Bersama Pembentukan Hub JIPP"
        opening = (
            f"Pada hari ini, {long_date(day)}, kami yang bertanda tangan di bawah ini, "
            f"pimpinan {len(agencies)} kementerian/lembaga, menyatakan komitmen bersama untuk:"
        )
    else:
        day = signed_on or date.today()
        id_label = COHORT_LABELS.get(cohort, (f"Hub {cohort}", ""))[0]
        title = f"Pernyataan Komitmen Bersama {id_label}"
        opening = (
            f"Kami yang bertanda tangan di bawah ini, pimpinan {len(agencies)} instansi Hub JIPP, "
            "menyatakan komitmen bersama untuk:"
        )
    return CommitmentInput(
        number=f"…/KOMITMEN/HUB-JIPP/{day.year}",
        title=title,
        place="Jakarta",
        signed_on=day,
        opening=opening,
        clauses=HUB_CLAUSES,
        signatories=(*signers, witness),
        # A joint commitment of many hubs, witnessed by the ministry that runs JIPP, is
        # printed under the ministry's letterhead.
        letterhead_agency=MINISTRY_OF_REFORM,
    )
