"""The code lists of the innovation record, each code with its Indonesian and English label.

Codes are the stable values stored in the database and sent over the wire; labels are what an
officer reads. Order is the order shown in dropdowns.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    """One entry of a code list."""

    code: str
    id: str
    en: str

    def label(self, lang: str = "id") -> str:
        """The label in ``lang`` ("id" or "en")."""
        return self.en if lang == "en" else self.id


class CodeList:
    """An ordered list of codes with labels, looked up by code or by label in either language."""

    def __init__(self, name: str, entries: list[tuple[str, str, str]]) -> None:
        self.name = name
        self.entries = [Code(*e) for e in entries]
        self._by_code = {c.code: c for c in self.entries}
        self._by_text: dict[str, str] = {}
        for c in self.entries:
            for text in (c.code, c.id, c.en):
                self._by_text[_fold(text)] = c.code

    def __iter__(self) -> Iterator[Code]:
        return iter(self.entries)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def codes(self) -> list[str]:
        """All codes, in display order."""
        return [c.code for c in self.entries]

    def label(self, code: str | None, lang: str = "id") -> str:
        """The label of ``code`` (the code itself when unknown, "" for None)."""
        if code is None:
            return ""
        c = self._by_code.get(code)
        return c.label(lang) if c else code

    def parse(self, text: str) -> str | None:
        """The code for a code or a label in Indonesian or English, case and spacing ignored."""
        return self._by_text.get(_fold(text))


def _fold(text: str) -> str:
    return " ".join(text.replace("_", " ").replace("/", " ").casefold().split())


FORMS = CodeList(
    "form",
    [
        ("governance", "Tata kelola pemerintahan", "Governance"),
        ("public_service", "Pelayanan publik", "Public service"),
        ("other", "Bentuk lainnya", "Other"),
    ],
)

INITIATORS = CodeList(
    "initiator",
    [
        ("regional_head", "Kepala daerah", "Regional head"),
        ("dprd", "Anggota DPRD", "Regional parliament (DPRD)"),
        ("agency", "OPD / instansi", "Agency"),
        ("civil_servant", "ASN", "Civil servant"),
        ("community", "Masyarakat", "Community"),
    ],
)

PHASES = CodeList(
    "phase",
    [
        ("creation", "Penciptaan", "Creation"),
        ("development", "Pengembangan", "Development"),
        ("institutionalisation", "Pelembagaan", "Institutionalisation"),
    ],
)

STAGES = CodeList(
    "stage",
    [
        ("initiative", "Inisiatif", "Initiative"),
        ("trial", "Uji coba", "Trial"),
        ("implementation", "Penerapan", "Implementation"),
    ],
)

# Government affairs after Law 23/2014 on Regional Government, plus the central affairs that
# ministries' innovations serve.
SECTORS = CodeList(
    "sector",
    [
        ("education", "Pendidikan", "Education"),
        ("health", "Kesehatan", "Health"),
        ("public_works", "Pekerjaan umum dan penataan ruang", "Public works and spatial planning"),
        ("housing", "Perumahan rakyat dan kawasan permukiman", "Housing and settlements"),
        (
            "public_order",
            "Ketenteraman, ketertiban umum dan pelindungan masyarakat",
            "Public order and community protection",
        ),
        ("social", "Sosial", "Social affairs"),
        ("labour", "Tenaga kerja", "Labour"),
        (
            "women_children",
            "Pemberdayaan perempuan dan pelindungan anak",
            "Women's empowerment and child protection",
        ),
        ("food", "Pangan", "Food"),
        ("land", "Pertanahan", "Land"),
        ("environment", "Lingkungan hidup", "Environment"),
        (
            "civil_registration",
            "Administrasi kependudukan dan pencatatan sipil",
            "Population administration and civil registration",
        ),
        ("village", "Pemberdayaan masyarakat dan desa", "Community and village empowerment"),
        (
            "family_planning",
            "Pengendalian penduduk dan keluarga berencana",
            "Population control and family planning",
        ),
        ("transport", "Perhubungan", "Transport"),
        ("communication", "Komunikasi dan informatika", "Communication and informatics"),
        ("cooperatives", "Koperasi, usaha kecil dan menengah", "Cooperatives and SMEs"),
        ("investment", "Penanaman modal", "Investment"),
        ("youth_sports", "Kepemudaan dan olahraga", "Youth and sports"),
        ("statistics", "Statistik", "Statistics"),
        ("culture", "Kebudayaan", "Culture"),
        ("library", "Perpustakaan", "Libraries"),
        ("archives", "Kearsipan", "Archives"),
        ("marine_fisheries", "Kelautan dan perikanan", "Marine affairs and fisheries"),
        ("tourism", "Pariwisata", "Tourism"),
        ("agriculture", "Pertanian", "Agriculture"),
        ("forestry", "Kehutanan", "Forestry"),
        ("energy_mineral", "Energi dan sumber daya mineral", "Energy and mineral resources"),
        ("trade", "Perdagangan", "Trade"),
        ("industry", "Perindustrian", "Industry"),
        ("finance", "Keuangan", "Finance"),
        ("law", "Hukum", "Law"),
        ("religion", "Agama", "Religious affairs"),
        ("other", "Lainnya", "Other"),
    ],
)

COMPETITION_CATEGORIES = CodeList(
    "competition_category",
    [
        ("general", "Kelompok umum", "General"),
        ("special", "Kelompok khusus", "Special"),
        ("replication", "Replikasi", "Replication"),
        ("none", "Tidak mengikuti kompetisi", "Not entered"),
    ],
)

REFORM_THEMES = CodeList(
    "reform_theme",
    [
        ("poverty", "Pengentasan kemiskinan", "Poverty alleviation"),
        ("investment", "Peningkatan investasi", "Investment"),
        (
            "digital_government",
            "Digitalisasi administrasi pemerintahan",
            "Digital government administration",
        ),
        (
            "local_products",
            "Peningkatan penggunaan produk dalam negeri",
            "Use of domestic products",
        ),
        (
            "presidential_priority",
            "Percepatan prioritas aktual presiden",
            "Presidential priorities (inflation, stunting)",
        ),
        ("none", "Tidak terkait RB tematik", "Not related"),
    ],
)

CONTINUATION = CodeList(
    "continuation",
    [
        ("continuing", "Berlanjut", "Continuing"),
        ("continuing_developed", "Berlanjut dengan pengembangan", "Continuing, developed further"),
        ("stopped", "Berhenti/vakum", "Stopped"),
        ("unknown", "Belum diketahui", "Unknown"),
    ],
)

WORKFLOW = CodeList(
    "workflow",
    [
        ("draft", "Draf", "Draft"),
        ("submitted", "Diajukan", "Submitted"),
        ("needs_revision", "Perlu perbaikan", "Needs revision"),
        ("resubmitted", "Diajukan ulang", "Resubmitted"),
        ("verified", "Terverifikasi", "Verified"),
        ("rejected", "Ditolak", "Rejected"),
    ],
)

# Where a record stands with the registry (the list's "Sinkron" column, the form's header).
SYNC_STATES = CodeList(
    "sync_state",
    [
        ("synced", "Tersinkron", "Synced"),
        ("pending", "Menunggu dikirim", "Pending"),
        ("conflict", "Konflik", "Conflict"),
        ("quarantined", "Dikarantina", "Quarantined"),
        ("demo", "Data demo", "Demo data"),
    ],
)

VERIFICATION_METHODS = CodeList(
    "method",
    [
        ("desk", "Desk (dokumen)", "Desk review"),
        ("phone", "Telepon", "Phone"),
        ("field_visit", "Kunjungan lapangan", "Field visit"),
    ],
)

VERIFICATION_OUTCOMES = CodeList(
    "outcome",
    [
        ("valid_continuing", "Valid - berlanjut", "Valid, continuing"),
        ("valid_stopped", "Valid - berhenti", "Valid, stopped"),
        ("needs_revision", "Perlu perbaikan", "Needs revision"),
        ("duplicate", "Duplikat", "Duplicate"),
        ("rejected", "Ditolak", "Rejected"),
    ],
)

LEGAL_BASIS_KINDS = CodeList(
    "legal_basis_kind",
    [
        ("perda", "Peraturan Daerah (Perda)", "Regional regulation (Perda)"),
        ("perkada", "Peraturan Kepala Daerah (Pergub/Perbup/Perwali)", "Regional head regulation"),
        ("sk_kepala_daerah", "Keputusan Kepala Daerah", "Regional head decree"),
        ("sk_kepala_opd", "Keputusan Kepala OPD", "Agency head decree"),
        ("permen", "Peraturan Menteri / Lembaga", "Ministerial or agency regulation"),
        ("kepmen", "Keputusan Menteri / Lembaga", "Ministerial or agency decree"),
        ("surat_edaran", "Surat Edaran", "Circular"),
        ("other", "Lainnya", "Other"),
    ],
)

REPLICATION_STATUS = CodeList(
    "replication_status",
    [
        ("waiting", "Menunggu", "Waiting"),
        ("agreed", "Disepakati", "Agreed"),
        ("implemented", "Diterapkan", "Implemented"),
        ("refused", "Ditolak", "Refused"),
    ],
)

AGENCY_KINDS = CodeList(
    "agency_kind",
    [
        ("ministry", "Kementerian", "Ministry"),
        ("agency", "Lembaga", "Agency"),
        ("province", "Pemerintah Provinsi", "Provincial government"),
        ("regency", "Pemerintah Kabupaten", "Regency government"),
        ("city", "Pemerintah Kota", "City government"),
        ("soe", "BUMN / BUMD", "State-owned enterprise"),
        ("other", "Lainnya", "Other"),
    ],
)

ROLES = CodeList(
    "role",
    [
        ("operator", "Operator", "Operator"),
        ("verifier", "Verifikator", "Verifier"),
        ("admin", "Admin", "Administrator"),
    ],
)

REGION_LEVELS = CodeList(
    "region_level",
    [
        ("province", "Provinsi", "Province"),
        ("regency", "Kabupaten", "Regency"),
        ("city", "Kota", "City"),
    ],
)

SDG_GOALS = range(1, 18)
