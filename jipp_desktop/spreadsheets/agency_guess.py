"""What an agency the store lacks probably is, from its name alone: a police unit (under
Polri), a state-owned or regional enterprise, a village, a university, an office of a central
body (under that body), with the region its name mentions. An admin creates it from the import
(``--create-agencies`` or the preview) with this guess, shown; an operator is told what to ask
an admin for.
"""

from __future__ import annotations

from dataclasses import dataclass

from jipp_desktop.reference.codes import AGENCY_KINDS
from jipp_desktop.reference.seed import reference_id
from jipp_desktop.spreadsheets.headers import fold
from jipp_desktop.spreadsheets.references import AgencyResolver, RegionResolver

POLRI = "Kepolisian Negara Republik Indonesia"
# Police units by the level of region they serve (folded prefixes).
_POLICE = (
    ("polda ", "province"),
    ("kepolisian daerah ", "province"),
    ("polrestabes ", "city"),
    ("polresta ", "city"),
    ("polres ", "regency"),
    ("kepolisian resor ", "regency"),
    ("polsek ", None),
    ("polsekta ", None),
    ("kepolisian sektor ", None),
)
_ENTERPRISE = ("pt ", "perum ", "perumda ", "pdam ", "bumd ", "bumn ", "bank ", "pd ")
_VILLAGE = ("desa ", "pemerintah desa ", "pemdes ", "kelurahan ", "nagari ", "gampong ")
_UNIVERSITY = ("universitas", "institut", "politeknik", "sekolah tinggi", "akademi")


@dataclass(frozen=True)
class AgencyGuess:
    """An agency to create: its name, kind, region and parent as guessed from the name."""

    name: str
    kind: str
    region_code: str | None
    parent_id: str | None

    def describe(self, regions: RegionResolver, agencies: AgencyResolver, lang: str) -> str:
        """ "Lembaga, wilayah Kabupaten Malang, induk Kepolisian Negara Republik Indonesia"."""
        parts = [AGENCY_KINDS.label(self.kind, lang)]
        if self.region_code:
            word = "region" if lang == "en" else "wilayah"
            parts.append(f"{word} {regions.names.get(self.region_code, self.region_code)}")
        if self.parent_id:
            word = "under" if lang == "en" else "induk"
            parts.append(f"{word} {agencies.names.get(self.parent_id, self.parent_id)}")
        return ", ".join(parts)


def _region_in(text: str, regions: RegionResolver, level: str | None) -> str | None:
    """The region the longest tail of the words names ("Desa Sukamaju Kabupaten Bogor")."""
    words = fold(text).split()
    for start in range(len(words)):
        code = regions.in_level(" ".join(words[start:]), level)
        if code is not None:
            return code
    return None


def guess_agency(text: str, regions: RegionResolver, agencies: AgencyResolver) -> AgencyGuess:
    """The kind, region and parent of an agency named ``text`` that the store lacks."""
    name = " ".join(text.split())
    folded = fold(name) + " "
    for prefix, level in _POLICE:
        if folded.startswith(prefix):
            region = _region_in(folded[len(prefix) :], regions, level)
            return AgencyGuess(name, "agency", region, reference_id("agency", POLRI))
    if folded.startswith(_ENTERPRISE) or " persero " in folded or "tbk " in folded:
        return AgencyGuess(name, "soe", _region_in(name, regions, None), None)
    if folded.startswith(_VILLAGE):
        return AgencyGuess(name, "village", _region_in(name, regions, "regency"), None)
    if any(word in folded for word in _UNIVERSITY):
        return AgencyGuess(name, "university", _region_in(name, regions, None), None)
    # An office of a central body: "Kanwil Kemenkumham Jawa Timur", "Balai Besar POM Denpasar".
    words = folded.split()
    for size in range(len(words), 0, -1):
        for start in range(len(words) - size + 1):
            part = " ".join(words[start : start + size])
            if len(part) < 3:  # "ma", "bi": too short to stand for a body inside a name
                continue
            parent = agencies.find(part)
            if parent is not None and agencies.kinds.get(parent) in ("ministry", "agency"):
                return AgencyGuess(name, "agency", _region_in(name, regions, None), parent)
    return AgencyGuess(name, "other", _region_in(name, regions, None), None)
