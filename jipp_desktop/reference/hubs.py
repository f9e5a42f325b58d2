"""The Hub JIPP designations known from public reporting (see DESIGN.md).

Only hubs whose names were published are listed: the 2020 pilot provinces (Decree of the
Minister of PANRB No. 94/2020), the 2021 provinces, and the 12 ministries and agencies that
signed the joint commitment of 20 October 2023.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class HubDesignation:
    """A published hub designation: which agency, by which decree, in which cohort."""

    agency_name: str
    kind: str  # agency kind code
    province_name: str | None
    decree: str
    year: int
    cohort: str


DECREE_2020 = "Keputusan Menteri PANRB Nomor 94 Tahun 2020"
DECREE_2021 = "Keputusan Menteri PANRB Tahun 2021"
COMMITMENT_2023 = "Pernyataan Komitmen Bersama Pembentukan Hub JIPP (20 Oktober 2023)"
JOINT_COMMITMENT_DATE = date(2023, 10, 20)

PILOT_2020 = (
    "Jawa Timur",
    "Sumatera Selatan",
    "Sulawesi Selatan",
    "Jawa Tengah",
    "Sumatera Barat",
    "Kepulauan Bangka Belitung",
    "Kalimantan Selatan",
    "Gorontalo",
)
PROVINCES_2021 = ("Bali", "Riau", "Kalimantan Barat", "Maluku")
MINISTRIES_2023 = (
    ("Kementerian Agama", "ministry"),
    ("Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional", "ministry"),
    ("Kementerian Hukum dan Hak Asasi Manusia", "ministry"),
    ("Kementerian Kelautan dan Perikanan", "ministry"),
    ("Kementerian Keuangan", "ministry"),
    ("Kementerian Perdagangan", "ministry"),
    ("Kementerian Pertanian", "ministry"),
    ("Kementerian Sosial", "ministry"),
    ("Kepolisian Negara Republik Indonesia", "agency"),
    ("Mahkamah Agung", "agency"),
    ("Badan Pengawas Obat dan Makanan", "agency"),
    ("Kejaksaan Agung", "agency"),
)
MINISTRY_OF_REFORM = "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi"


def province_agency_name(province: str) -> str:
    """The name of a province's government as an agency."""
    return f"Pemerintah Provinsi {province}"


def designations() -> list[HubDesignation]:
    """Every published hub designation, oldest first."""
    out = [
        HubDesignation(province_agency_name(p), "province", p, DECREE_2020, 2020, "pilot_2020")
        for p in PILOT_2020
    ]
    out += [
        HubDesignation(province_agency_name(p), "province", p, DECREE_2021, 2021, "2021")
        for p in PROVINCES_2021
    ]
    out += [
        HubDesignation(name, kind, None, COMMITMENT_2023, 2023, "ministries_2023")
        for name, kind in MINISTRIES_2023
    ]
    return out
