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
    """An ordered list of codes with labels, looked up by code or by label in either language,
    or by another spelling the national systems use (``aliases``: code → spellings)."""

    def __init__(
        self,
        name: str,
        entries: list[tuple[str, str, str]],
        aliases: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.name = name
        self.entries = [Code(*e) for e in entries]
        self._by_code = {c.code: c for c in self.entries}
        self._by_text: dict[str, str] = {}
        for c in self.entries:
            for text in (c.code, c.id, c.en):
                self._by_text[_fold(text)] = c.code
        for code, spellings in (aliases or {}).items():
            if code not in self._by_code:
                raise ValueError(f"alias of unknown {name} code {code!r}")
            for text in spellings:
                if self._by_text.setdefault(_fold(text), code) != code:
                    raise ValueError(f"{name} spelling {text!r} names two codes")

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

    def labels(self, codes: list[str], lang: str = "id") -> str:
        """Several codes' labels as one text: "Kesehatan; Sosial" (labels may hold commas)."""
        return "; ".join(self.label(code, lang) for code in codes)

    def parse(self, text: str) -> str | None:
        """The code for a code or a label in Indonesian or English, case and spacing ignored."""
        return self._by_text.get(_fold(text))


def _fold(text: str) -> str:
    for mark in "_/,.()-":
        text = text.replace(mark, " ")
    return " ".join(text.casefold().split())


FORMS = CodeList(
    "form",
    [
        ("governance", "Tata kelola pemerintahan", "Governance"),
        ("public_service", "Pelayanan publik", "Public service"),
        ("other", "Bentuk lainnya", "Other"),
    ],
    # The regional innovation index's (IID) labels of "Bentuk Inovasi Daerah".
    {
        "governance": (
            "Inovasi Tata Kelola Pemerintahan Daerah",
            "Inovasi Tata Kelola Pemerintahan",
            "Tata Kelola",
            "tata_kelola",
        ),
        "public_service": ("Inovasi Pelayanan Publik", "Pelayanan", "Layanan"),
        "other": (
            "Inovasi Daerah Lainnya sesuai dengan Urusan Pemerintah yang menjadi kewenangan Daerah",
            "Inovasi Daerah Lainnya sesuai dengan Urusan Pemerintahan yang menjadi kewenangan "
            "Daerah",
            "Inovasi Daerah Lainnya",
            "Inovasi lainnya",
            "Lainnya",
            "daerah",
        ),
    },
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
    {
        "regional_head": ("Kepala Daerah", "Bupati", "Walikota", "Wali Kota", "Gubernur"),
        "dprd": ("Anggota DPRD", "DPRD"),
        "agency": (
            "OPD",
            "Perangkat Daerah",
            "Organisasi Perangkat Daerah",
            "Instansi",
            "Kementerian/Lembaga",
            "Unit Kerja",
        ),
        "civil_servant": ("ASN", "Aparatur Sipil Negara", "PNS", "Pegawai"),
        "community": ("Masyarakat", "Komunitas", "Warga"),
    },
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
    {
        "trial": ("Ujicoba", "Uji-coba", "uji_coba", "Tahap uji coba"),
        "initiative": ("Tahap inisiatif", "Inisiasi"),
        "implementation": ("Tahap penerapan", "Diterapkan", "Implementasi"),
    },
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
        # The affairs the regional innovation index lists beyond Law 23/2014's.
        ("encryption", "Persandian", "Encryption and coding"),
        ("transmigration", "Transmigrasi", "Transmigration"),
        ("planning", "Perencanaan", "Development planning"),
        ("personnel", "Kepegawaian", "Civil service personnel"),
        ("training", "Pendidikan dan pelatihan", "Education and training of officials"),
        ("research", "Penelitian dan pengembangan", "Research and development"),
        ("other", "Lainnya", "Other"),
    ],
    # The IID's and the registry's spellings (older spellings of the law's names included).
    {
        "public_works": ("Pekerjaan Umum", "PUPR", "Penataan Ruang"),
        "housing": (
            "Perumahan Rakyat dan Kawasan Pemukiman",
            "Perumahan dan Kawasan Permukiman",
            "Perumahan",
        ),
        "public_order": (
            "Ketentraman, Ketertiban Umum, dan Perlindungan Masyarakat",
            "Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat",
            "Ketentraman dan Ketertiban Umum",
            "Trantibum",
            "Linmas",
        ),
        "social": ("Sosial",),
        "labour": ("Ketenagakerjaan", "Tenaga Kerja dan Transmigrasi"),
        "women_children": (
            "Pemberdayaan Perempuan dan Perlindungan Anak",
            "PPPA",
            "P3A",
        ),
        "food": ("Ketahanan Pangan",),
        # The IID's list writes "Pertahanan" (defence) where the law's affair is land.
        "land": ("Pertahanan", "Agraria"),
        "civil_registration": ("Adminduk", "Dukcapil", "Kependudukan dan Pencatatan Sipil"),
        "village": ("Pemberdayaan Masyarakat Desa", "PMD"),
        "family_planning": ("Keluarga Berencana", "KB", "Pengendalian Penduduk dan KB"),
        "communication": ("Kominfo", "Komunikasi dan Digital", "Informatika"),
        "cooperatives": (
            "Koperasi, Usaha Kecil, dan Menengah",
            "Koperasi dan UKM",
            "Koperasi dan UMKM",
            "UMKM",
        ),
        "youth_sports": ("Pemuda dan Olahraga", "Kepemudaan dan Keolahragaan"),
        "energy_mineral": ("ESDM",),
        "other": (
            "Fungsi lain sesuai dengan Ketentuan Peraturan Perundang-undangan",
            "Fungsi Penunjang Lainnya",
            "Fungsi lain",
        ),
        "training": ("Diklat", "Pengembangan Sumber Daya Manusia", "Pengembangan SDM"),
        "research": ("Litbang", "Penelitian, Pengembangan dan Inovasi", "Riset dan Inovasi"),
        "planning": ("Perencanaan Pembangunan", "Bappeda"),
        "personnel": ("Kepegawaian Daerah", "BKD", "BKPSDM"),
        "finance": ("Keuangan Daerah", "Pengelolaan Keuangan"),
    },
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
    # The IID's "Tematik" labels.
    {
        "poverty": ("Penanggulangan Kemiskinan", "Kemiskinan"),
        "investment": ("Kemudahan Investasi", "Investasi"),
        "digital_government": (
            "Digitalisasi Layanan Pemerintahan",
            "Digitalisasi Administrasi Pemerintahan",
            "Digitalisasi",
        ),
        "local_products": ("Peningkatan Penggunaan Produk Dalam Negeri", "P3DN"),
        "presidential_priority": ("Prioritas Aktual Presiden", "Percepatan Prioritas Presiden"),
        "none": ("Non Tematik", "Non-Tematik", "Bukan Tematik", "Tidak Tematik"),
    },
)

CONTINUATION = CodeList(
    "continuation",
    [
        ("continuing", "Berlanjut", "Continuing"),
        ("continuing_developed", "Berlanjut dengan pengembangan", "Continuing, developed further"),
        ("stopped", "Berhenti/vakum", "Stopped"),
        ("unknown", "Belum diketahui", "Unknown"),
    ],
    # The registry's "Keberlanjutan" column is Ya/Tidak.
    {
        "continuing": ("Ya", "Yes", "Masih berjalan", "Berjalan", "Aktif", "Lanjut"),
        "continuing_developed": ("Berlanjut dan dikembangkan", "Dikembangkan"),
        "stopped": ("Tidak", "No", "Berhenti", "Vakum", "Tidak berjalan", "Tidak aktif"),
    },
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
        ("desk", "Pemeriksaan dokumen", "Desk review"),
        ("phone", "Telepon", "Phone"),
        ("field_visit", "Kunjungan lapangan", "Field visit"),
    ],
    # The label of earlier exports and error workbooks, and the words officers use.
    aliases={"desk": ("Desk (dokumen)", "Desk", "Dokumen", "Verifikasi dokumen")},
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
    {
        "perda": ("Perda", "Peraturan Daerah", "Peraturan Daerah Provinsi", "Qanun"),
        "perkada": (
            "Perkada",
            "Peraturan Kepala Daerah",
            "Peraturan Bupati",
            "Peraturan Walikota",
            "Peraturan Wali Kota",
            "Peraturan Gubernur",
            "Perbup",
            "Perwali",
            "Perwal",
            "Pergub",
            "Peraturan Kepala Daerah/Peraturan Daerah",
        ),
        "sk_kepala_daerah": (
            "SK Kepala Daerah",
            "SK Bupati",
            "SK Walikota",
            "SK Wali Kota",
            "SK Gubernur",
            "Keputusan Bupati",
            "Keputusan Walikota",
            "Keputusan Wali Kota",
            "Keputusan Gubernur",
            "Kepbup",
            "Kepwal",
            "Kepgub",
        ),
        "sk_kepala_opd": (
            "SK Kepala Perangkat Daerah",
            "SK Kepala OPD",
            "SK Kepala Dinas",
            "Keputusan Kepala Dinas",
            "SK Kadis",
        ),
        "permen": ("Permen", "Peraturan Menteri", "Peraturan Lembaga", "Peraturan Badan"),
        "kepmen": ("Kepmen", "Keputusan Menteri", "SK Menteri", "Keputusan Kepala Badan"),
        "surat_edaran": ("SE", "Surat Edaran Bupati", "Surat Edaran Walikota"),
    },
)

REPLICATION_STATUS = CodeList(
    "replication_status",
    [
        ("waiting", "Menunggu", "Waiting"),
        ("agreed", "Disepakati", "Agreed"),
        ("implemented", "Diterapkan", "Implemented"),
        ("refused", "Ditolak", "Refused"),
    ],
    # The registry's replication statuses.
    {
        "waiting": ("menunggu", "menunggu persetujuan", "diajukan", "pending"),
        "agreed": ("disetujui", "setuju", "sepakat", "approved"),
        "implemented": ("implemen", "implementasi", "diimplementasikan", "direplikasi"),
        "refused": ("tolak", "tidak disetujui", "rejected"),
    },
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
        ("village", "Pemerintah Desa", "Village government"),
        ("university", "Perguruan tinggi", "University"),
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
# The goals' names as Indonesia's SDG secretariat (Bappenas) and the UN write them.
SDG_NAMES: dict[int, tuple[str, str]] = {
    1: ("Tanpa Kemiskinan", "No Poverty"),
    2: ("Tanpa Kelaparan", "Zero Hunger"),
    3: ("Kehidupan Sehat dan Sejahtera", "Good Health and Well-being"),
    4: ("Pendidikan Berkualitas", "Quality Education"),
    5: ("Kesetaraan Gender", "Gender Equality"),
    6: ("Air Bersih dan Sanitasi Layak", "Clean Water and Sanitation"),
    7: ("Energi Bersih dan Terjangkau", "Affordable and Clean Energy"),
    8: ("Pekerjaan Layak dan Pertumbuhan Ekonomi", "Decent Work and Economic Growth"),
    9: ("Industri, Inovasi dan Infrastruktur", "Industry, Innovation and Infrastructure"),
    10: ("Berkurangnya Kesenjangan", "Reduced Inequalities"),
    11: ("Kota dan Permukiman yang Berkelanjutan", "Sustainable Cities and Communities"),
    12: (
        "Konsumsi dan Produksi yang Bertanggung Jawab",
        "Responsible Consumption and Production",
    ),
    13: ("Penanganan Perubahan Iklim", "Climate Action"),
    14: ("Ekosistem Lautan", "Life Below Water"),
    15: ("Ekosistem Daratan", "Life on Land"),
    16: (
        "Perdamaian, Keadilan dan Kelembagaan yang Tangguh",
        "Peace, Justice and Strong Institutions",
    ),
    17: ("Kemitraan untuk Mencapai Tujuan", "Partnerships for the Goals"),
}
