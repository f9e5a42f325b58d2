"""Recognising the header row of a spreadsheet: column names in Indonesian or English, the
labels of the form, common spellings from the national data rounds, in any order.

Names are compared folded (case, accents, punctuation, the required-field star and spacing
ignored), so "Judul Inovasi *", "JUDUL_INOVASI" and "judul inovasi" are the same column.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import get_column_letter

from jipp_desktop.spreadsheets.columns import (
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
    ),
    "title": ("judul", "nama inovasi", "innovation title", "innovation name", "nama", "name"),
    "agency_id": (
        "nama instansi",
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
    "innovators": ("nama inovator", "penggagas", "innovator"),
    "year_started": (
        "tahun",
        "tahun mulai",
        "tahun penerapan",
        "tahun implementasi",
        "tahun inovasi",
        "year",
        "year started",
    ),
    "trial_date": ("waktu uji coba", "tanggal ujicoba", "trial"),
    "launch_date": (
        "waktu penerapan",
        "tanggal implementasi",
        "launch date",
        "go live",
        "implementation date",
    ),
    "form": ("bentuk", "jenis inovasi"),
    "is_digital": ("digital", "digital non digital", "jenis digital non digital", "is digital"),
    "initiator": ("inisiator inovasi",),
    "sector": ("urusan", "bidang", "sektor", "urusan inovasi", "bidang urusan", "sector"),
    "competition_category": ("kategori", "kategori kipp"),
    "sdg_goals": ("sdgs", "sdg", "tpb", "tujuan pembangunan berkelanjutan", "sdgs goals"),
    "reform_theme": ("tematik", "rb", "reform theme"),
    "phase": ("tahapan", "tahap inovasi", "fase"),
    "stage": ("kematangan", "tahap kematangan", "maturity"),
    "summary": ("deskripsi", "ringkasan inovasi", "description", "abstrak"),
    "background": ("latar belakang", "background"),
    "continuation": (
        "status",
        "status inovasi",
        "status keberlanjutan inovasi",
        "keberlanjutan status",
        "status berlanjut berhenti",
    ),
    "continuation_reason": ("alasan", "keterangan status", "alasan berhenti"),
    "legal_basis_kind": ("jenis regulasi", "jenis payung hukum"),
    "legal_basis_number": ("dasar hukum", "payung hukum", "nomor regulasi", "regulasi"),
    "legal_basis_date": ("tanggal regulasi", "tanggal payung hukum"),
    "replicated_from_id": ("replikasi", "asal replikasi"),
    "video_url": ("video", "link video", "url video", "youtube"),
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
    # The verification rounds' own sheets (validasi dan pemutakhiran data). "Catatan" and
    # "Notes" alone are not taken: offices add such columns for themselves.
    OUTCOME: (
        "hasil",
        "hasil validasi",
        "hasil verifikasi validasi",
        "keputusan verifikasi",
        "status verifikasi",
        "outcome",
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
# Columns an import knows but does not read: running numbers and what the export adds.
IGNORED_ALIASES = ("no", "no urut", "nomor urut", "urut", "nourut")
# Abbreviated words in headers ("Tgl Uji Coba", "Thn Penerapan"), expanded before matching.
ABBREVIATIONS = {"tgl": "tanggal", "thn": "tahun", "kab": "kabupaten", "ket": "keterangan"}


def fold(text: str) -> str:
    """The comparison key of a header: case, accents, punctuation and spacing ignored."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", plain.replace("_", " ")).split())


def _aliases() -> dict[str, str]:
    table: dict[str, str] = {}

    def add(text: str, key: str) -> None:
        folded = fold(text)
        if table.get(folded, key) != key:
            raise ValueError(f"header alias {text!r} names both {table[folded]} and {key}")
        table[folded] = key

    for col in (*FIELD_COLUMNS, *VERIFICATION_COLUMNS, ID_COLUMN):
        for text in (col.id, col.en, col.key):
            add(text, col.key)
    for key, extra in EXTRA_ALIASES.items():
        for text in extra:
            add(text, key)
    for col in READ_ONLY:
        for text in (col.id, col.en, col.key):
            add(text, "")
    for text in IGNORED_ALIASES:
        add(text, "")
    return table


ALIASES = _aliases()


def match_header(text: str) -> str | None:
    """The column key a header names ("" for known columns that are not read), or None.

    A bilingual header ("Judul inovasi *" over "Title" in one cell, or "Hasil verifikasi /
    Verification outcome" on one line) matches by either part.
    """
    lines = text.splitlines()
    candidates = [text, *lines, *(part for line in lines for part in line.split(" / "))]
    for candidate in candidates:
        folded = fold(candidate)
        key = ALIASES.get(folded)
        if key is None:
            expanded = " ".join(ABBREVIATIONS.get(w, w) for w in folded.split())
            key = ALIASES.get(expanded)
        if key is not None:
            return key
    return None


@dataclass
class HeaderMap:
    """Where the header row is and which column holds which field.

    Attributes:
        row: the header's row number as the spreadsheet shows it (1-based).
        columns: column index (0-based, absolute) → field name (or "id").
        headers: column index → the header text as written.
        extra: columns not recognised (index, text), ignored and reported.
        repeated: columns naming a field an earlier column already names (index, text).
    """

    row: int
    columns: dict[int, str] = field(default_factory=dict)
    headers: dict[int, str] = field(default_factory=dict)
    extra: list[tuple[int, str]] = field(default_factory=list)
    repeated: list[tuple[int, str]] = field(default_factory=list)

    def letter(self, index: int) -> str:
        """The column letter of an absolute column index."""
        return get_column_letter(index + 1)

    def column_of(self, key: str) -> int | None:
        """The index of the column holding ``key``."""
        for index, name in self.columns.items():
            if name == key:
                return index
        return None


def map_header(cells: list[Any], row_number: int, first_column: int) -> HeaderMap:
    """Maps one candidate header row; ``first_column`` is the absolute index of ``cells[0]``."""
    header = HeaderMap(row_number)
    for offset, cell in enumerate(cells):
        text = str(cell).strip() if cell is not None else ""
        if not text:
            continue
        index = first_column + offset
        header.headers[index] = text
        key = match_header(text)
        if key is None:
            header.extra.append((index, text))
        elif key == "":
            continue
        elif key in header.columns.values():
            header.repeated.append((index, text))
        else:
            header.columns[index] = key
    return header


def find_header(rows: list[list[Any]], first_column: int) -> HeaderMap | None:
    """The row among the first ones that names the most fields, if it names title and agency."""
    best: HeaderMap | None = None
    for number, cells in enumerate(rows[:HEADER_SEARCH_ROWS], 1):
        candidate = map_header(cells, number, first_column)
        if best is None or len(candidate.columns) > len(best.columns):
            best = candidate
    if best is None or not {"title", "agency_id"} <= set(best.columns.values()):
        return None
    return best
