"""Demo commitments: the joint commitment of the 12 ministries and agencies of 20 October 2023
(once per store) and, on every run, provincial hubs' commitments with the regencies and cities
they mentor. Officials' names and NIPs are made up; agencies, date and place are public facts.
"""

from __future__ import annotations

import random
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from jipp_desktop.db.models import Agency, Commitment, Hub, HubSpoke
from jipp_desktop.demo.records import make_nip, person_name
from jipp_desktop.demo.vocabulary import POSITIONS
from jipp_desktop.reference.hubs import JOINT_COMMITMENT_DATE, MINISTRIES_2023, MINISTRY_OF_REFORM
from jipp_desktop.reference.seed import reference_id, regions
from jipp_desktop.services.commitments import CommitmentInput, SignatoryInput, create_commitment
from jipp_desktop.services.officers import Actor

JOINT_TITLE = "Pernyataan Komitmen Bersama Pembentukan Hub JIPP"
JOINT_CLAUSES = (
    "Membentuk Hub JIPP di lingkungan instansi masing-masing sebagai simpul pembinaan inovasi "
    "pelayanan publik.",
    "Melakukan pendampingan penciptaan, pengembangan, dan pelembagaan inovasi pelayanan publik "
    "pada unit kerja dan instansi binaan.",
    "Mendorong replikasi inovasi pelayanan publik yang telah terbukti berhasil.",
    "Melakukan validasi dan pemutakhiran data inovasi pada Jaringan Inovasi Pelayanan Publik "
    "Nasional (JIPPNas).",
    "Melaporkan pelaksanaan pembinaan inovasi kepada Kementerian PANRB secara berkala.",
)
HUB_TITLE = "Pernyataan Komitmen Pembinaan dan Replikasi Inovasi Pelayanan Publik"
HUB_CLAUSES = (
    "Menetapkan tim pembina inovasi pelayanan publik di setiap perangkat daerah.",
    "Mengikuti lokakarya dan pendampingan yang diselenggarakan Hub JIPP provinsi.",
    "Mereplikasi paling sedikit satu inovasi pelayanan publik setiap tahun.",
    "Memutakhirkan data inovasi daerah pada JIPPNas paling lambat akhir tahun berjalan.",
)
MONTHS_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
# Police officers carry an NRP, not a civil servant's NIP.
NO_NIP = frozenset({"Kepolisian Negara Republik Indonesia"})


def _joint_commitment(rng: random.Random, taken: set[str]) -> CommitmentInput:
    signers = []
    for name, _kind in MINISTRIES_2023:
        signers.append(
            SignatoryInput(
                agency_name=name,
                official_name=person_name(rng),
                official_position=f"{rng.choice(POSITIONS)} {name}",
                nip=None if name in NO_NIP else make_nip(rng, taken),
                agency_id=reference_id("agency", name),
            )
        )
    signers.append(
        SignatoryInput(
            agency_name=MINISTRY_OF_REFORM,
            official_name=person_name(rng),
            official_position="Deputi Bidang Pelayanan Publik",
            nip=make_nip(rng, taken),
            agency_id=reference_id("agency", MINISTRY_OF_REFORM),
            is_witness=True,
        )
    )
    return CommitmentInput(
        number="001/KB/HUB-JIPP/X/2023",
        title=JOINT_TITLE,
        place="Jakarta",
        signed_on=JOINT_COMMITMENT_DATE,
        opening=(
            "Pada hari ini, Jumat tanggal dua puluh bulan Oktober tahun dua ribu dua puluh tiga, "
            "bertempat di Jakarta, kami yang bertanda tangan di bawah ini menyatakan komitmen "
            "bersama untuk:"
        ),
        clauses=JOINT_CLAUSES,
        signatories=tuple(signers),
    )


def _hub_commitment(
    session: Session, rng: random.Random, taken: set[str], hub: Hub, serial: int
) -> CommitmentInput:
    province = session.get(Agency, hub.agency_id)
    assert province is not None and province.region_code is not None
    spokes = session.scalars(
        select(Agency)
        .join(HubSpoke, HubSpoke.agency_id == Agency.id)
        .where(HubSpoke.hub_id == hub.id)
    ).all()
    cities = [r.name for r in regions() if r.parent_code == province.region_code]
    towns = [c.removeprefix("Kota ") for c in cities if c.startswith("Kota ")]
    place = towns[0] if towns else province.name.removeprefix("Pemerintah Provinsi ")
    # Never after the day the demo runs.
    signed = min(
        date(rng.randint(2024, 2025), rng.randint(1, 12), rng.randint(1, 28)), date.today()
    )
    signers = [
        SignatoryInput(
            agency_name=a.name,
            official_name=person_name(rng),
            official_position="Sekretaris Daerah",
            nip=make_nip(rng, taken),
            agency_id=a.id,
        )
        for a in (province, *spokes)
    ]
    return CommitmentInput(
        number=f"{serial:03d}/PK-JIPP/{MONTHS_ROMAN[signed.month - 1]}/{signed.year}",
        title=HUB_TITLE,
        place=place,
        signed_on=signed,
        clauses=HUB_CLAUSES,
        signatories=tuple(signers),
        hub_id=hub.id,
    )


def add_commitments(session: Session, actor: Actor, rng: random.Random) -> int:
    """Adds the 2023 joint commitment when missing and two provincial hub commitments."""
    taken: set[str] = set()
    added = 0
    have_joint = session.scalar(
        select(Commitment.id).where(
            Commitment.title == JOINT_TITLE,
            Commitment.signed_on == JOINT_COMMITMENT_DATE,
            Commitment.deleted_at.is_(None),
        )
    )
    if not have_joint:
        create_commitment(session, actor, _joint_commitment(rng, taken), demo=True)
        added += 1
    hubs = session.scalars(
        select(Hub)
        .join(Agency, Agency.id == Hub.agency_id)
        .where(Agency.kind == "province", Hub.deleted_at.is_(None))
        .order_by(Hub.id)
    ).all()
    serial = 1 + len(session.scalars(select(Commitment.id)).all())
    for hub in rng.sample(list(hubs), min(2, len(hubs))):
        create_commitment(
            session, actor, _hub_commitment(session, rng, taken, hub, serial), demo=True
        )
        serial += 1
        added += 1
    return added
