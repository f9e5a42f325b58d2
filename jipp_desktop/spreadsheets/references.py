"""Resolving what a cell names to what the store holds: a region by code or name ("51.71",
"5171", "Kota Denpasar", "Kab. Badung", "Kabupaten Badung", "51.03 Kabupaten Badung", "DKI
Jakarta", "DIY", "Jatim"), an agency by id, name, short form ("Kemenkumham", "ATR/BPN") or
the region it governs ("Pemerintah Kota Denpasar", "Pemkot Denpasar", "Pemprov DKI
Jakarta"), and the innovation a record was replicated from (by id or registration number).

Everything is loaded once per import, so resolving 100,000 rows costs no query per row.
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from jipp_desktop.db.models import Agency, Innovation, Region
from jipp_desktop.domain.errors import FieldError
from jipp_desktop.reference.agencies import central_agencies
from jipp_desktop.reference.seed import reference_id
from jipp_desktop.spreadsheets.headers import fold

# "51", "51.71", "5171" (as LAN writes codes), each perhaps followed by the name.
_CODE = re.compile(r"^(\d{2})(?:\.?(\d{2}))?(?!\d)(?:\.0)?\s*[-–:]?\s*(.*)$")
# The common names of provinces beside the official ones (folded form).
PROVINCE_FORMS = {
    "31": ("dki jakarta", "jakarta", "dki", "daerah khusus jakarta", "provinsi dki jakarta"),
    "34": ("di yogyakarta", "diy", "daerah istimewa yogyakarta", "d i yogyakarta", "jogja"),
    "11": ("nanggroe aceh darussalam", "nad"),
    "12": ("sumut",),
    "13": ("sumbar",),
    "16": ("sumsel",),
    "19": ("babel", "bangka belitung"),
    "21": ("kepri",),
    "32": ("jabar",),
    "33": ("jateng",),
    "35": ("jatim",),
    "52": ("ntb",),
    "53": ("ntt",),
    "61": ("kalbar",),
    "62": ("kalteng",),
    "63": ("kalsel",),
    "64": ("kaltim",),
    "65": ("kaltara",),
    "71": ("sulut",),
    "72": ("sulteng",),
    "73": ("sulsel",),
    "74": ("sultra",),
    "76": ("sulbar",),
    "82": ("malut",),
}
# Abbreviations of region and government names in offices' lists (folded form).
_REGION_PREFIXES = (
    ("kab ", "kabupaten "),
    ("kabupaten ", "kabupaten "),
    ("kota ", "kota "),
    ("kotamadya ", "kota "),
    ("kota adm ", "kota "),
    ("kota administrasi ", "kota "),
    ("kab adm ", "kabupaten "),
    ("kabupaten administrasi ", "kabupaten "),
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
# A regional government's name before its region, and the level it names (folded form).
_GOVERNMENT_PREFIXES = (
    ("pemerintah provinsi ", "province"),
    ("pemprov ", "province"),
    ("pemerintah kabupaten ", "regency"),
    ("pemkab ", "regency"),
    ("pemerintah kota ", "city"),
    ("pemkot ", "city"),
    ("pemerintah daerah ", None),
    ("pemda ", None),
    ("pemerintah ", None),
)
_LEVEL_WORD = {"regency": "kabupaten ", "city": "kota "}


class RegionResolver:
    """Finds a region by code, name, abbreviated name, or "code name"."""

    def __init__(self, session: Session) -> None:
        self.names: dict[str, str] = {}
        self.levels: dict[str, str] = {}
        self._by_name: dict[str, str] = {}
        bare: dict[str, set[str]] = {}
        for code, name, level in session.execute(select(Region.code, Region.name, Region.level)):
            self.names[code] = name
            self.levels[code] = level
            folded = fold(name)
            # "Kota Administrasi Jakarta Pusat" is "Kota Jakarta Pusat" to everyone.
            folded = re.sub(r"^(kabupaten|kota) administrasi ", r"\1 ", folded)
            self._by_name[fold(name)] = code
            self._by_name[folded] = code
            stripped = re.sub(r"^(kabupaten|kota) ", "", folded)
            bare.setdefault(stripped, set()).add(code)
        for code, forms in PROVINCE_FORMS.items():
            if code in self.names:
                for form in forms:
                    self._by_name.setdefault(form, code)
        # A bare name ("Badung") stands for a region only when no other region shares it.
        for text, codes in bare.items():
            if len(codes) == 1 and text not in self._by_name:
                self._by_name[text] = next(iter(codes))
        self._ambiguous = {text for text, codes in bare.items() if len(codes) > 1}

    def in_level(self, text: str, level: str | None) -> str | None:
        """The region a name names at a level ("Badung" as a regency is Kabupaten Badung)."""
        if level in _LEVEL_WORD:
            code = self._by_text(_LEVEL_WORD[level] + fold(text))
            if code is not None:
                return code
        code = self._by_text(text)
        if code is not None and level is not None and self.levels.get(code) != level:
            return None
        return code

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
            code, rest = (f"{m[1]}.{m[2]}" if m[2] else m[1]), m[3].strip()
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
        self.kinds: dict[str, str] = {}
        self._by_name: dict[str, str] = {}
        self._by_region: dict[str, str] = {}
        # National code → agency id, and each agency's code (agencies without one left out).
        self.by_code: dict[str, str] = {}
        self.codes: dict[str, str] = {}
        rows = session.execute(
            select(
                Agency.id, Agency.name, Agency.kind, Agency.region_code, Agency.national_code
            ).where(Agency.deleted_at.is_(None))
        )
        for agency_id, name, kind, region, code in rows:
            self.names[agency_id] = name
            self.kinds[agency_id] = kind
            if code:
                self.by_code[code] = agency_id
                self.codes[agency_id] = code
            self._by_name[fold(name)] = agency_id
            if kind in ("province", "regency", "city") and region:
                self._by_region[region] = agency_id
        for central in central_agencies():
            agency_id = reference_id("agency", central.name)
            if agency_id in self.names:
                for short in central.short_forms:
                    self._by_name.setdefault(fold(short), agency_id)

    def add(self, agency_id: str, name: str, kind: str, code: str | None = None) -> None:
        """Knows an agency created (or given its national code) during the import."""
        self.names[agency_id] = name
        self.kinds[agency_id] = kind
        self._by_name[fold(name)] = agency_id
        if code:
            self.by_code[code] = agency_id
            self.codes[agency_id] = code

    def find(self, text: str) -> str | None:
        """The agency id the text names, or None."""
        text = text.strip()
        if text in self.names:
            return text
        folded = fold(text)
        for key in (folded, folded.removesuffix(" ri"), folded.removesuffix(" republik indonesia")):
            if key in self._by_name:
                return self._by_name[key]
        for short, full in _AGENCY_PREFIXES:
            if folded.startswith(short):
                expanded = full + folded[len(short) :]
                if expanded in self._by_name:
                    return self._by_name[expanded]
        return self._by_region.get(self._government_region(text) or "")

    def _government_region(self, text: str) -> str | None:
        """The region a regional government's name governs ("Pemprov DKI Jakarta" → 31)."""
        folded = fold(text)
        for prefix, level in _GOVERNMENT_PREFIXES:
            if folded.startswith(prefix):
                return self._regions.in_level(folded[len(prefix) :], level)
        region, _ = self._regions.resolve(text)
        return region

    def resolve(self, text: str) -> tuple[str | None, FieldError | None]:
        """The agency id the text names, or why it names none."""
        found = self.find(text)
        if found is not None:
            return found, None
        from jipp_desktop.spreadsheets.agency_guess import guess_agency

        guess = guess_agency(text, self._regions, self)
        return None, FieldError(
            "agency_id",
            f"instansi {text!r} tidak ditemukan; tulis nama seperti pada daftar instansi "
            "(mis. Pemerintah Kota Denpasar), atau minta admin membuatnya "
            f"({guess.describe(self._regions, self, 'id')}; impor --create-agencies)",
            f"agency {text!r} not found; write its name as in the list of agencies "
            "(e.g. Pemerintah Kota Denpasar), or ask an admin to create it "
            f"({guess.describe(self._regions, self, 'en')}; import --create-agencies)",
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
