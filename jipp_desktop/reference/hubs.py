"""The Hub JIPP designations known from public reporting (docs/ARCHITECTURE.md, "Public facts").

Only hubs whose names were published are listed: the 2020 pilot provinces (Decree of the
Minister of PANRB No. 94/2020), the 2021 provinces (No. 359/2021), the three provinces that
signed their commitment on 28 September 2022, the seven of 14 March 2023, the 12 ministries
and agencies that signed the joint commitment of 20 October 2023, and of the 14 provinces of
Decree No. 305/2024 the one named in public reporting (Sulawesi Barat); an admin adds the
rest, and the registry's list is the authority once it syncs.
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
DECREE_2021 = "Keputusan Menteri PANRB Nomor 359 Tahun 2021"
COMMITMENT_2022 = "Penandatanganan Komitmen Hub JIPP (28 September 2022)"
COMMITMENT_2023_PROVINCES = "Komitmen Bersama Hub JIPP (14 Maret 2023)"
DECREE_2024 = "Keputusan Menteri PANRB Nomor 305 Tahun 2024"
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
PROVINCES_2022 = ("Sumatera Utara", "Banten", "Nusa Tenggara Timur")
# As the region list names them (DI Yogyakarta is "Daerah Istimewa Yogyakarta").
PROVINCES_2023 = (
    "Jambi",
    "Lampung",
    "Jawa Barat",
    "Daerah Istimewa Yogyakarta",
    "Nusa Tenggara Barat",
    "Maluku Utara",
    "Kalimantan Timur",
)
PROVINCES_2024 = ("Sulawesi Barat",)
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
        HubDesignation(province_agency_name(p), "province", p, COMMITMENT_2022, 2022, "2022")
        for p in PROVINCES_2022
    ]
    out += [
        HubDesignation(
            province_agency_name(p), "province", p, COMMITMENT_2023_PROVINCES, 2023, "2023"
        )
        for p in PROVINCES_2023
    ]
    out += [
        HubDesignation(name, kind, None, COMMITMENT_2023, 2023, "ministries_2023")
        for name, kind in MINISTRIES_2023
    ]
    out += [
        HubDesignation(province_agency_name(p), "province", p, DECREE_2024, 2024, "2024")
        for p in PROVINCES_2024
    ]
    return out
