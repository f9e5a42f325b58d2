"""Made-up records that read like real ones: innovation rows, officers and NIPs.

Everything is drawn from one :class:`random.Random`, so the same seed on the same store gives
the same data.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from jipp_desktop.demo.vocabulary import (
    FIRST_NAMES,
    GENERAL_TITLES,
    LAST_NAMES,
    LEADS,
    QUALIFIERS,
    SECTOR_TITLES,
    SMALL_WORDS,
    Theme,
)

VOWELS = frozenset("aiueoAIUEO")

# (workflow, weight): most records in a store under validation are verified; every state occurs.
WORKFLOW_WEIGHTS: tuple[tuple[str, int], ...] = (
    ("draft", 14),
    ("submitted", 12),
    ("needs_revision", 8),
    ("resubmitted", 5),
    ("verified", 51),
    ("rejected", 10),
)
# What a verification found, for verified records: (continuation, weight). The 2023 update
# round found about two thirds continuing and one in seven stopped (docs/ARCHITECTURE.md).
VERIFIED_CONTINUATION: tuple[tuple[str, int], ...] = (
    ("continuing", 52),
    ("continuing_developed", 22),
    ("stopped", 16),
)
STOP_REASONS = (
    "Anggaran operasional tidak dialokasikan lagi sejak tahun lalu",
    "Inovator dimutasi dan belum ada pengganti yang melanjutkan",
    "Aplikasi tidak diperbarui setelah kontrak pemeliharaan berakhir",
    "Layanan digabung ke Mal Pelayanan Publik kabupaten",
)
REVISION_NOTES = (
    "Ringkasan belum menjelaskan dampak; lengkapi data sebelum dan sesudah inovasi",
    "Dasar hukum yang dilampirkan tidak sesuai dengan nama inovasi",
    "Tahun mulai diterapkan berbeda dengan tanggal pada SK; mohon diperiksa",
    "Bukti dukung berupa foto kegiatan belum diunggah",
)
REJECT_NOTES = (
    "Kegiatan rutin dinas, bukan inovasi pelayanan publik",
    "Inovasi tidak dapat dihubungi dan tidak ada bukti pelaksanaan",
)


def weighted(rng: random.Random, table: tuple[tuple[str, int], ...]) -> str:
    """One code of ``table`` drawn after its weights."""
    codes, weights = zip(*table, strict=True)
    return rng.choices(codes, weights)[0]


def person_name(rng: random.Random) -> str:
    """A made-up Indonesian name."""
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def titled_name(rng: random.Random, sector: str) -> str:
    """A made-up innovator's name, most often with the academic titles its field's officers
    hold ("dr. Ayu Lestari, M.Kes.", "Ir. Joko Wibowo, M.T.", "Sari Halim, S.E., M.Si.")."""
    name = person_name(rng)
    if rng.random() < 0.25:
        return name
    before, after = rng.choice(SECTOR_TITLES.get(sector, GENERAL_TITLES))
    return f"{before}{name}, {after}" if after else f"{before}{name}"


def make_nip(rng: random.Random, taken: set[str]) -> str:
    """A made-up NIP in the valid form: birth date, appointment month, sex, serial number."""
    while True:
        born = date(rng.randint(1966, 1996), rng.randint(1, 12), rng.randint(1, 28))
        appointed = born.year + rng.randint(22, 28)
        nip = (
            f"{born:%Y%m%d}{appointed}{rng.randint(1, 12):02d}{rng.choice('12')}"
            f"{rng.randint(1, 999):03d}"
        )
        if nip not in taken:
            taken.add(nip)
            return nip


def _syllable(word: str) -> str:
    """The opening syllable of a word (letters up to and including the first vowel)."""
    letters = [c for c in word if c.isalpha()]
    for i, c in enumerate(letters):
        if c in VOWELS:
            return "".join(letters[: i + 1])
    return "".join(letters[:2])


def acronym(description: str, rng: random.Random) -> str:
    """An acronym in the registry's manner from the description's opening syllables."""
    words = [w for w in description.split() if w.casefold() not in SMALL_WORDS]
    lead: list[str] = []
    if words[:2] == ["Sistem", "Informasi"]:
        # "Sistem Informasi" is always "SI" ("SIMPEL", "SIPANDAI").
        lead, words = ["SI"], words[2:]
    picked = words[: rng.randint(2, min(4, len(words)))] if len(words) > 2 else words
    parts = lead + [_syllable(w) for w in picked]
    if rng.random() < 0.3 and len(parts[-1]) < 3:
        # Many acronyms close on a consonant ("SIMPEL", "LAKSA"): keep one more letter.
        tail = "".join(c for c in picked[-1] if c.isalpha())
        parts[-1] = tail[: len(parts[-1]) + 1]
    style = rng.random()
    if style < 0.3:
        # Read as a word and written like one: "SiPandu", "Gelit".
        head = "Si" if parts[0] == "SI" and len(parts) > 1 else ""
        return head + "".join(parts[1:] if head else parts).capitalize()
    if style < 0.4 and len(parts) > 2:
        # The digital ones often lead with E- as a word: "E-Peken".
        return f"E-{''.join(parts[1:]).capitalize()}"
    parts = [p.upper() for p in parts]
    if style < 0.6 and len(parts) > 2:
        return f"{parts[0]}-{''.join(parts[1:])}"
    return "".join(parts)


@dataclass(frozen=True)
class Place:
    """Where an innovation comes from: its agency and region."""

    agency_id: str
    agency_name: str
    region_code: str | None
    region_name: str | None
    short_name: str


def _dates(rng: random.Random, today: date) -> tuple[int, date, date]:
    year = rng.randint(2014, min(2024, today.year))
    trial = min(date(year, rng.randint(1, 9), rng.randint(1, 28)), today)
    launch = trial + timedelta(days=rng.randint(30, 200))
    return year, trial, min(launch, today)


def _in_sentence(topic: str) -> str:
    """A title's Title Case topic as it reads inside a sentence: lower case but for acronyms
    ("Perekaman KTP Elektronik" → "perekaman KTP elektronik", "Pengembangan BUMDes")."""
    return " ".join(w if any(c.isupper() for c in w[1:]) else w.lower() for w in topic.split())


def _listing(items: list[str]) -> str:
    """Items as a sentence lists them: "a dan b", "a, b, dan c"."""
    return " dan ".join(items) if len(items) < 3 else f"{', '.join(items[:-1])}, dan {items[-1]}"


def _partners(rng: random.Random, theme: Theme, unit: str) -> list[str]:
    """Up to three of the theme's stakeholders other than the unit itself (a Puskesmas
    Kecamatan does not work together with "puskesmas", a Kantor Urusan Agama with "KUA")."""
    initials = "".join(w[0] for w in unit.split() if w.casefold() not in SMALL_WORDS)
    others = [
        s for s in theme.stakeholders if s.casefold() not in unit.casefold() and s != initials
    ]
    return rng.sample(others, k=min(3, len(others)))


def innovation_row(
    rng: random.Random, seq: int, place: Place, theme: Theme, today: date
) -> dict[str, Any]:
    """A complete innovation record (every field a submission needs), valid by the rules.

    Its title, summary, background, novelty and impact all tell the story of one of the
    theme's cases: its topic, the problem it answers, what residents can now do, through which
    channel and what improved.
    """
    case = rng.choice(theme.cases)
    topic = _in_sentence(case.topic)
    description = f"{rng.choice(LEADS)} {case.topic} {rng.choice(QUALIFIERS)}"
    short = acronym(description, rng)
    unit = rng.choice(theme.units)
    year, trial, launch = _dates(rng, today)
    stakeholders = _partners(rng, theme, unit)
    channel = rng.choice(case.channels)
    where = place.region_name or place.short_name
    phase = rng.choices(("creation", "development", "institutionalisation"), (2, 5, 3))[0]
    stage = "initiative" if phase == "creation" and rng.random() < 0.5 else "implementation"
    if phase == "creation" and stage != "initiative":
        stage = "trial"
    leader = titled_name(rng, theme.sector)
    outcome = f"{case.outcome[0].upper()}{case.outcome[1:]}"
    summary = (
        f"{short} adalah inovasi {unit} {place.short_name} untuk {topic}. "
        f"Sebelumnya, {case.problem}. Melalui {channel}, warga {where} kini dapat "
        f"{case.action}. Inovasi ini melibatkan {_listing(stakeholders)}. Sejak diterapkan "
        f"pada {year}, {case.outcome} membaik {rng.randint(12, 68)} persen."
    )
    row: dict[str, Any] = {
        "registration_number": f"JIPP-{year}-{seq:06d}",
        "title": f"{short} ({description})",
        "agency_id": place.agency_id,
        "unit_name": unit,
        "region_code": place.region_code,
        "innovators": f"{leader} dan Tim Inovasi {unit}",
        "stakeholders": ", ".join(stakeholders),
        "year_started": year,
        "trial_date": trial,
        "launch_date": launch,
        "form": "public_service" if rng.random() < 0.8 else "governance",
        "is_digital": description.startswith(("Sistem", "Aplikasi")) or rng.random() < 0.3,
        "initiator": rng.choices(
            ("regional_head", "dprd", "agency", "civil_servant", "community"), (2, 1, 5, 3, 1)
        )[0],
        "sector": theme.sector,
        "competition_category": rng.choices(("general", "special", "none"), (5, 1, 4))[0],
        "sdg_goals": sorted(rng.sample(range(1, 18), k=rng.randint(1, 3))),
        "reform_theme": rng.choice(
            ("poverty", "investment", "digital_government", "presidential_priority", "none")
        ),
        "phase": phase,
        "stage": stage,
        "summary": summary,
        "background": f"{case.problem[0].upper()}{case.problem[1:]}. Pemerintah perlu cara "
        f"yang lebih dekat dengan warga untuk {topic}.",
        "novelty": f"Pertama di {where} yang menjalankan layanan ini melalui {channel}.",
        "implementation": f"Dijalankan oleh {unit} bersama {stakeholders[0]} sejak {year}.",
        "impact": f"{outcome} membaik dalam dua tahun pertama.",
        "continuation": "unknown",
        "contact_name": leader,
        "contact_phone": f"+62 800 0000 {rng.randint(0, 9999):04d}",
        "contact_email": f"inovasi{seq}@contoh.example",
    }
    if phase == "institutionalisation":
        row["legal_basis_kind"] = rng.choice(("perkada", "sk_kepala_daerah", "sk_kepala_opd"))
        row["legal_basis_number"] = f"Nomor {rng.randint(1, 80)} Tahun {launch.year}"
        row["legal_basis_date"] = launch
    return row


def moment(rng: random.Random, after: date, today: date) -> datetime:
    """A time between ``after`` and ``today`` (UTC, office hours in western Indonesia)."""
    start = max(after, date(2023, 1, 2))
    span = max((today - start).days, 1)
    day = start + timedelta(days=rng.randint(0, span - 1))
    return datetime(day.year, day.month, day.day, rng.randint(1, 9), rng.randint(0, 59), tzinfo=UTC)
