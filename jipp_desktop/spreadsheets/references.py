"""Resolving what a cell names to what the store holds: a region by code or name ("51.71",
"Kota Denpasar", "Kab. Badung", "Kabupaten Badung", "51.03 Kabupaten Badung"), an agency by id
or name ("Pemerintah Kota Denpasar", "Pemkot Denpasar", or the region it governs), and the
innovation a record was replicated from (by id or registration number).

Everything is loaded once per import, so resolving 100,000 rows costs no query per row.
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from jipp_desktop.db.models import Agency, Innovation, Region
from jipp_desktop.domain.errors import FieldError
from jipp_desktop.spreadsheets.headers import fold

_CODE = re.compile(r"^(\d{2}(?:\.\d{2})?)\b\s*[-–:]?\s*(.*)$")
# Abbreviations of region and government names in offices' lists (folded form).
_REGION_PREFIXES = (
    ("kab ", "kabupaten "),
    ("kabupaten ", "kabupaten "),
    ("kota ", "kota "),
    ("kotamadya ", "kota "),
    ("prov ", ""),
    ("provinsi ", ""),
    ("propinsi ", ""),
)
_AGENCY_PREFIXES = (
    ("pemkot ", "pemerintah kota "),
    ("pemkab ", "pemerintah kabupaten "),
    ("pemprov ", "pemerintah provinsi "),
    ("pemda ", "pemerintah "),
)


class RegionResolver:
    """Finds a region by code, name, abbreviated name, or "code name"."""

    def __init__(self, session: Session) -> None:
        self.names: dict[str, str] = {}
        self._by_name: dict[str, str] = {}
        bare: dict[str, set[str]] = {}
        for code, name in session.execute(select(Region.code, Region.name)):
            self.names[code] = name
            self._by_name[fold(name)] = code
            stripped = re.sub(r"^(kabupaten|kota) ", "", fold(name))
            bare.setdefault(stripped, set()).add(code)
        # A bare name ("Badung") stands for a region only when no other region shares it.
        for text, codes in bare.items():
            if len(codes) == 1 and text not in self._by_name:
                self._by_name[text] = next(iter(codes))
        self._ambiguous = {text for text, codes in bare.items() if len(codes) > 1}

    def _by_text(self, text: str) -> str | None:
        folded = fold(text)
        if folded in self._by_name:
            return self._by_name[folded]
        for short, full in _REGION_PREFIXES:
            if folded.startswith(short):
                expanded = full + folded[len(short) :]
                if expanded in self._by_name:
                    return self._by_name[expanded]
        return None

    def resolve(self, text: str) -> tuple[str | None, FieldError | None]:
        """The region code the text names, or why it names none."""
        text = text.strip()
        if m := _CODE.match(text):
            code, rest = m[1], m[2].strip()
            if code not in self.names:
                return None, FieldError(
                    "region_code",
                    f"kode wilayah {code} tidak dikenal",
                    f"region code {code} is not known",
                )
            if rest and self._by_text(rest) not in (code, None):
                return None, FieldError(
                    "region_code",
                    f"kode {code} ({self.names[code]}) tidak cocok dengan nama {rest!r}",
                    f"code {code} ({self.names[code]}) does not match the name {rest!r}",
                )
            return code, None
        code = self._by_text(text)
        if code is not None:
            return code, None
        if fold(text) in self._ambiguous:
            return None, FieldError(
                "region_code",
                f"{text!r} dapat berarti kabupaten atau kota; tulis 'Kabupaten {text}' "
                f"atau 'Kota {text}'",
                f"{text!r} may be the regency or the city; write 'Kabupaten {text}' "
                f"or 'Kota {text}'",
            )
        return None, FieldError(
            "region_code",
            f"wilayah {text!r} tidak dikenal (tulis kode, mis. 51.71, atau nama, "
            "mis. Kota Denpasar)",
            f"region {text!r} is not known (write its code, e.g. 51.71, or its name, "
            "e.g. Kota Denpasar)",
        )


class AgencyResolver:
    """Finds an agency by id, by name (with Pemkot/Pemkab/Pemprov), or by the region it governs."""

    def __init__(self, session: Session, regions: RegionResolver) -> None:
        self._regions = regions
        self.names: dict[str, str] = {}
        self._by_name: dict[str, str] = {}
        self._by_region: dict[str, str] = {}
        rows = session.execute(
            select(Agency.id, Agency.name, Agency.kind, Agency.region_code).where(
                Agency.deleted_at.is_(None)
            )
        )
        for agency_id, name, kind, region in rows:
            self.names[agency_id] = name
            self._by_name[fold(name)] = agency_id
            if kind in ("province", "regency", "city") and region:
                self._by_region[region] = agency_id

    def resolve(self, text: str) -> tuple[str | None, FieldError | None]:
        """The agency id the text names, or why it names none."""
        text = text.strip()
        if text in self.names:
            return text, None
        folded = fold(text)
        if folded in self._by_name:
            return self._by_name[folded], None
        for short, full in _AGENCY_PREFIXES:
            if folded.startswith(short):
                expanded = full + folded[len(short) :]
                if expanded in self._by_name:
                    return self._by_name[expanded], None
        region, _ = self._regions.resolve(text)
        if region in self._by_region:
            return self._by_region[region], None
        return None, FieldError(
            "agency_id",
            f"instansi {text!r} tidak ditemukan; tulis nama seperti pada daftar instansi "
            "(mis. Pemerintah Kota Denpasar)",
            f"agency {text!r} not found; write its name as in the list of agencies "
            "(e.g. Pemerintah Kota Denpasar)",
        )


class InnovationResolver:
    """Finds the innovation a record was replicated from, by id or registration number."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._cache: dict[str, str | None] = {}

    def resolve(self, text: str) -> tuple[str | None, FieldError | None]:
        """The id of the innovation the text names, or why it names none."""
        text = text.strip()
        if text not in self._cache:
            self._cache[text] = self._session.scalar(
                select(Innovation.id).where(
                    (Innovation.id == text) | (Innovation.registration_number == text),
                    Innovation.deleted_at.is_(None),
                )
            )
        found = self._cache[text]
        if found is None:
            return None, FieldError(
                "replicated_from_id",
                f"inovasi asal replikasi {text!r} tidak ditemukan (tulis ID atau nomor registrasi)",
                f"the innovation {text!r} it was replicated from was not found "
                "(write its id or registration number)",
            )
        return found, None
