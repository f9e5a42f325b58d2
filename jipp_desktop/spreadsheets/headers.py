"""Recognising the header row of a spreadsheet: column names in Indonesian or English, the
labels of the form, common spellings from the national data rounds and the national systems'
own sheets (the registry's innovation list, the regional innovation index's export), in any
order.

Names are compared folded (case, accents, punctuation, the required-field star and spacing
ignored), so "Judul Inovasi *", "JUDUL_INOVASI" and "judul inovasi" are the same column.

A name says more or less: the form's own labels first, then the spellings of ``EXTRA_ALIASES``,
then the generic words of ``WEAK_ALIASES`` ("Tahun", "Status"), which yield to a better name
for the same field ("Tahun Implementasi"). Names that mean different fields in different
systems (``AMBIGUOUS``: "Jenis Inovasi" is digital/non-digital in one, the form in another)
are decided by the column's values (:mod:`jipp_desktop.spreadsheets.mapping`). Several
narrative columns for one narrative field ("Manfaat" and "Hasil" for the impact) are all
kept, their texts joined under their headers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import get_column_letter

from jipp_desktop.domain.fields import FIELDS_BY_NAME
from jipp_desktop.spreadsheets.columns import (
    AGENCY_CODE,
    AGENCY_CODE_COLUMN,
    AWARDS_COLUMN,
    FIELD_COLUMNS,
    ID_COLUMN,
    METHOD,
    NOTES,
    OUTCOME,
    READ_ONLY,
    VERIFICATION_COLUMNS,
)

HEADER_SEARCH_ROWS = 20
_NON_WORD = re.compile(r"[^\w]+")

# Spellings seen in the registries' own sheets and in offices' lists, beyond the form labels.
EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    "registration_number": (
        "no registrasi",
        "nomor reg",
        "no reg",
        "nomor registrasi inovasi",
        "registration no",
        "reg no",
        "kode inovasi",
        "kode nri",
        "nri",
        "no registrasi kode nri",
        "nomor registrasi nri",
    ),
    "title": ("judul", "nama inovasi", "innovation title", "innovation name", "judul inovasi"),
    "agency_id": (
        "nama instansi",
        "institusi",
        "nama institusi",
        "nama pemda",
        "pemerintah daerah",
        "nama k l pd",
        "k l pd",
        "instansi pengusul",
        "pemda",
        "k l pemda",
        "kementerian lembaga pemda",
        "agency name",
        "institution",
        "id instansi",
        "agency id",
    ),
    "unit_name": (
        "opd",
        "unit kerja",
        "upp",
        "unit",
        "perangkat daerah",
        "satuan kerja",
        "satker",
        "unit penyelenggara",
        "opd upp",
        "dibuat oleh",
        "dibuat oleh opd",
        "opd pengusul",
        "nama opd",
        "nama upp",
    ),
    "region_code": (
        "kode wilayah",
        "kabupaten kota",
        "kab kota",
        "kota kabupaten",
        "lokasi",
        "daerah",
        "kode daerah",
        "region code",
    ),
    "innovators": ("nama inovator", "penggagas", "innovator", "nama innovator", "tim inovator"),
    "stakeholders": ("nama pemangku", "pemangku", "pemangku kepentingan", "mitra"),
    "year_started": (
        "tahun mulai",
        "tahun penerapan",
        "tahun implementasi",
        "tahun inovasi",
        "year",
        "year started",
    ),
    "trial_date": (
        "waktu uji coba",
        "waktu uji",
        "waktu ujicoba",
        "waktu uji coba inovasi daerah",
        "tanggal ujicoba",
        "trial",
    ),
    "launch_date": (
        "waktu penerapan",
        "waktu penerapan inovasi daerah",
        "tanggal implementasi",
        "launch date",
        "go live",
        "implementation date",
    ),
    "form": ("bentuk", "bentuk inovasi daerah", "bentuk inovasi"),
    "is_digital": ("digital", "digital non digital", "jenis digital non digital", "is digital"),
    "initiator": ("inisiator inovasi", "inisiator inovasi daerah"),
    "initiator_name": ("nama inisiator inovasi", "nama penggagas", "initiator name"),
    "sector": (
        "urusan",
        "bidang",
        "sektor",
        "urusan inovasi",
        "bidang urusan",
        "sector",
        "urusan utama",
        "urusan pemerintahan utama",
    ),
    "secondary_sectors": (
        "urusan irisan",
        "urusan pemerintahan irisan",
        "irisan urusan",
        "urusan lain",
        "urusan terkait",
        "secondary sectors",
    ),
    "competition_category": ("kategori", "kategori kipp"),
    "sdg_goals": ("sdgs", "sdg", "tpb", "tujuan pembangunan berkelanjutan", "sdgs goals"),
    "reform_theme": ("tematik", "rb", "reform theme", "rb tematik inovasi", "tematik rb"),
    "phase": ("tahap inovasi", "fase", "tahap jipp", "fase inovasi"),
    "stage": ("tahap kematangan", "maturity", "tahapan inovasi daerah"),
    "summary": ("deskripsi", "ringkasan inovasi", "description", "abstrak"),
    "background": (
        "latar belakang",
        "background",
        "tujuan",
        "tujuan inovasi",
        "masalah",
        "permasalahan",
        "isu strategis",
    ),
    "novelty": ("metode baru", "keunggulan", "kebaruan inovasi", "keunggulan dan kebaruan"),
    "implementation": ("rancang bangun", "spesifikasi inovasi", "cara kerja"),
    "impact": ("manfaat", "manfaat inovasi", "hasil inovasi", "dampak"),
    "continuation": (
        "status inovasi",
        "status keberlanjutan inovasi",
        "keberlanjutan status",
        "status berlanjut berhenti",
    ),
    "continuation_reason": (
        "alasan",
        "keterangan status",
        "alasan berhenti",
        "alasan keberlanjutan",
    ),
    "legal_basis_kind": ("jenis regulasi", "jenis payung hukum", "jenis dasar hukum"),
    "legal_basis_number": ("dasar hukum", "payung hukum", "nomor regulasi", "regulasi"),
    "legal_basis_date": ("tanggal regulasi", "tanggal payung hukum"),
    "replicated_from_id": ("replikasi", "asal replikasi"),
    "video_url": ("video", "link video", "url video", "youtube"),
    # The registry's award text, parsed into awards (spreadsheets.awards).
    "awards": ("penghargaan", "prestasi", "riwayat penghargaan", "awards", "award"),
    "contact_name": ("kontak", "nama narahubung", "contact", "cp"),
    "contact_phone": (
        "telepon",
        "no hp",
        "nomor hp",
        "nomor telepon",
        "hp",
        "telp",
        "no telp",
        "whatsapp",
        "wa",
        "phone",
    ),
    "contact_email": ("email", "e mail", "surel", "alamat email"),
    "id": ("id", "uuid", "id inovasi"),
    # The agency's national code: finds the agency when its name does not, and is given to
    # the agencies an admin's import creates or that lack one (spreadsheets.agency_codes).
    AGENCY_CODE: (
        "kode instansi",
        "kode instansi nasional",
        "kode institusi",
        "kode k l pd",
        "agency code",
        "national agency code",
    ),
    # The verification rounds' own sheets (validasi dan pemutakhiran data). "Catatan" and
    # "Notes" alone are not taken: offices add such columns for themselves.
    OUTCOME: (
        "hasil validasi",
        "hasil verifikasi validasi",
        "keputusan verifikasi",
        "status verifikasi",
        "verification result",
        "validation outcome",
        "validation result",
    ),
    METHOD: ("metode", "metode validasi", "cara verifikasi", "method", "validation method"),
    NOTES: (
        "catatan verifikator",
        "catatan validasi",
        "catatan hasil verifikasi",
        "keterangan verifikasi",
        "verifier notes",
        "validation notes",
    ),
}
# Generic words that name a field only when no better-named column does (folded form).
WEAK_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("nama", "name"),
    "year_started": ("tahun",),
}
# Names that mean different fields in different systems, decided by the column's values: the
# first candidate whose values read as that field's, else the last ("" = not read).
AMBIGUOUS: dict[str, tuple[str, ...]] = {
    "jenis inovasi": ("is_digital", "form"),
    "jenis": ("is_digital", "form"),
    "tahapan": ("stage", "phase", ""),
    "tahapan inovasi": ("stage", "phase", ""),
    "kematangan": ("stage", ""),
    "keberlanjutan": ("continuation", "sustainability"),
    "status": ("continuation", ""),
    "hasil": (OUTCOME, "impact"),
    "outcome": (OUTCOME, "impact"),
}
# Columns an import knows but does not read: running numbers, what the export adds, and the
# national systems' columns that hold nothing of the record ("Aksi", "Last Update").
IGNORED_ALIASES = (
    "no",
    "no urut",
    "nomor urut",
    "urut",
    "nourut",
    "aksi",
    "last update",
    "jumlah replikasi",
    "prioritas",
    "program prioritas",
    "misi",
    "misi beririsan",
    "berkembang",
)
# How much a name says: the form's labels, common spellings, generic words.
LABEL, SPELLING, WEAK = 0, 1, 2
# Abbreviated words in headers ("Tgl Uji Coba", "Thn Penerapan"), expanded before matching.
ABBREVIATIONS = {"tgl": "tanggal", "thn": "tahun", "kab": "kabupaten", "ket": "keterangan"}


def fold(text: str) -> str:
    """The comparison key of a header: case, accents, punctuation and spacing ignored."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", plain.replace("_", " ")).split())


def _aliases() -> dict[str, tuple[str, int]]:
    table: dict[str, tuple[str, int]] = {}

    def add(text: str, key: str, rank: int) -> None:
        folded = fold(text)
        if folded in AMBIGUOUS:
            return  # decided by the values (the form's "Keberlanjutan" label among them)
        if folded in table and table[folded][0] != key:
            raise ValueError(f"header alias {text!r} names both {table[folded][0]} and {key}")
        table.setdefault(folded, (key, rank))

    for col in (
        *FIELD_COLUMNS,
        *VERIFICATION_COLUMNS,
        ID_COLUMN,
        AWARDS_COLUMN,
        AGENCY_CODE_COLUMN,
    ):
        for text in (col.id, col.en, col.key):
            add(text, col.key, LABEL)
    for key, extra in EXTRA_ALIASES.items():
        for text in extra:
            add(text, key, SPELLING)
    for key, extra in WEAK_ALIASES.items():
        for text in extra:
            add(text, key, WEAK)
    for col in READ_ONLY:
        for text in (col.id, col.en, col.key):
            add(text, "", LABEL)
    for text in IGNORED_ALIASES:
        add(text, "", LABEL)
    return table


ALIASES = _aliases()


def _candidates(text: str) -> list[str]:
    """The folded names a header cell may be read as: the whole, each line, each half of
    "Indonesian / English", each with its abbreviations expanded."""
    lines = text.splitlines()
    out: list[str] = []
    for candidate in (text, *lines, *(part for line in lines for part in line.split(" / "))):
        folded = fold(candidate)
        out.append(folded)
        out.append(" ".join(ABBREVIATIONS.get(w, w) for w in folded.split()))
    return out


def match_ranked(text: str) -> tuple[str, int] | tuple[tuple[str, ...], int] | None:
    """What a header names, with how much the name says: a column key ("" for known columns
    that are not read), or for an ambiguous name its candidate keys; None when unknown."""
    candidates = _candidates(text)
    for folded in candidates:
        if folded in ALIASES:
            return ALIASES[folded]
    for folded in candidates:
        if folded in AMBIGUOUS:
            return AMBIGUOUS[folded], SPELLING
    return None


def match_header(text: str) -> str | None:
    """The column key a header names ("" for known columns that are not read), or None; for
    an ambiguous name, its first candidate.

    A bilingual header ("Judul inovasi *" over "Title" in one cell, or "Hasil verifikasi /
    Verification outcome" on one line) matches by either part.
    """
    found = match_ranked(text)
    if found is None:
        return None
    key = found[0]
    return key[0] if isinstance(key, tuple) else key


# How a column came to hold its field (shown in the import preview).
BY_NAME, BY_VALUES, BY_OFFICER = "name", "values", "officer"


@dataclass
class HeaderMap:
    """Where the header row is and which column holds which field.

    Attributes:
        row: the header's row number as the spreadsheet shows it (1-based).
        columns: column index (0-based, absolute) → field name (or "id"). Several columns
            may hold one narrative (longtext) field; their texts are joined.
        headers: column index → the header text as written.
        extra: columns not recognised (index, text), ignored and reported.
        repeated: columns naming a field an earlier (or better-named) column already
            holds (index, text).
        pending: ambiguous columns not yet decided → their candidate keys.
        choices: the candidates an ambiguous column had (offered first in the preview).
        how: column index → BY_NAME, BY_VALUES or BY_OFFICER.
        ranks: column index → how much its name said (LABEL, SPELLING, WEAK).
    """

    row: int
    columns: dict[int, str] = field(default_factory=dict)
    headers: dict[int, str] = field(default_factory=dict)
    extra: list[tuple[int, str]] = field(default_factory=list)
    repeated: list[tuple[int, str]] = field(default_factory=list)
    pending: dict[int, tuple[str, ...]] = field(default_factory=dict)
    choices: dict[int, tuple[str, ...]] = field(default_factory=dict)
    how: dict[int, str] = field(default_factory=dict)
    ranks: dict[int, int] = field(default_factory=dict)

    def letter(self, index: int) -> str:
        """The column letter of an absolute column index."""
        return get_column_letter(index + 1)

    def column_of(self, key: str) -> int | None:
        """The index of the (first) column holding ``key``."""
        for index, name in self.columns.items():
            if name == key:
                return index
        return None

    def place(self, index: int, key: str, rank: int, how: str = BY_NAME) -> None:
        """Puts a column at ``key`` ("" = not read). A field other than a narrative one has
        one column: the better-named one keeps it, else the first; the other is repeated."""
        self.how[index] = how
        self.ranks[index] = rank
        self.repeated = [(i, t) for i, t in self.repeated if i != index]
        self.columns.pop(index, None)
        if key == "":
            return
        spec = FIELDS_BY_NAME.get(key)
        holder = self.column_of(key)
        if holder is not None and not (spec is not None and spec.kind == "longtext"):
            if rank >= self.ranks.get(holder, LABEL):
                self.repeated.append((index, self.headers[index]))
                return
            del self.columns[holder]
            self.repeated.append((holder, self.headers[holder]))
        self.columns[index] = key
        self.columns = dict(sorted(self.columns.items()))

    def remap(self, overrides: dict[int, str]) -> None:
        """The officer's changes: column index → field key ("" to leave a column out)."""
        for index, key in overrides.items():
            if index not in self.headers:
                continue
            if key:
                holder = self.column_of(key)
                spec = FIELDS_BY_NAME.get(key)
                if holder not in (None, index) and not (spec and spec.kind == "longtext"):
                    self.place(holder, "", LABEL, BY_OFFICER)
            self.pending.pop(index, None)
            self.extra = [(i, t) for i, t in self.extra if i != index]
            self.place(index, key, LABEL - 1, BY_OFFICER)


def map_header(cells: list[Any], row_number: int, first_column: int) -> HeaderMap:
    """Maps one candidate header row; ``first_column`` is the absolute index of ``cells[0]``.

    Ambiguous columns are left in ``pending`` for their values to decide.
    """
    header = HeaderMap(row_number)
    for offset, cell in enumerate(cells):
        text = str(cell).strip() if cell is not None else ""
        if not text:
            continue
        index = first_column + offset
        header.headers[index] = text
        found = match_ranked(text)
        if found is None:
            header.extra.append((index, text))
        elif isinstance(found[0], tuple):
            header.pending[index] = found[0]
            header.choices[index] = found[0]
        else:
            header.place(index, found[0], found[1])
    return header


def find_header(rows: list[list[Any]], first_column: int) -> HeaderMap | None:
    """The row among the first ones that names the most fields, if it names title and agency."""
    best: HeaderMap | None = None
    for number, cells in enumerate(rows[:HEADER_SEARCH_ROWS], 1):
        candidate = map_header(cells, number, first_column)
        named = len(candidate.columns) + len(candidate.pending)
        if best is None or named > len(best.columns) + len(best.pending):
            best = candidate
    if best is None or not {"title", "agency_id"} <= set(best.columns.values()):
        return None
    return best
