"""The fields of an innovation record, declared once for the form, import, export and reports.

Each :class:`FieldSpec` says what kind of value a field holds, its labels, which code list it
draws from, and whether a draft or a submission needs it.
"""

from __future__ import annotations

from dataclasses import dataclass

from jipp_desktop.reference import codes
from jipp_desktop.reference.codes import CodeList

SECTIONS = {
    "identity": ("Identitas", "Identity"),
    "classification": ("Klasifikasi", "Classification"),
    "narrative": ("Uraian", "Narrative"),
    "status": ("Status", "Status"),
    "legal": ("Dasar hukum", "Legal basis"),
    "links": ("Tautan & kontak", "Links & contact"),
}


@dataclass(frozen=True)
class FieldSpec:
    """One field of the innovation record.

    Attributes:
        name: the attribute name on :class:`~jipp_desktop.db.models.Innovation`.
        kind: text, longtext, int, date, bool, code, codelist (several codes of one list),
            sdgs, region, agency, innovation, url, email or phone.
        id: the Indonesian label.
        en: the English label.
        section: the form section (a key of ``SECTIONS``).
        draft: needed even for a draft.
        submit: needed before the record can be submitted for verification.
        codes: the code list for kinds "code" and "codelist".
        max_len: the longest text allowed (characters, after cleaning). Every field an officer
            types text into has one, below a spreadsheet cell's 32,767 characters, so that
            the form, the import, the export and the registry (which all check these rules)
            keep a text whole; ``TEXT_KINDS`` are the kinds that must have it.
        max_words: the most words allowed (summary).
    """

    name: str
    kind: str
    id: str
    en: str
    section: str
    draft: bool = False
    submit: bool = False
    codes: CodeList | None = None
    max_len: int | None = None
    max_words: int | None = None

    def label(self, lang: str = "id") -> str:
        """The label in ``lang``."""
        return self.en if lang == "en" else self.id


def _f(name: str, kind: str, id_: str, en: str, section: str, **kw: object) -> FieldSpec:
    return FieldSpec(name, kind, id_, en, section, **kw)  # type: ignore[arg-type]


INNOVATION_FIELDS: tuple[FieldSpec, ...] = (
    _f(
        "registration_number",
        "text",
        "Nomor registrasi",
        "Registration number",
        "identity",
        max_len=40,
    ),
    _f("title", "text", "Judul inovasi", "Title", "identity", draft=True, submit=True, max_len=300),
    _f("agency_id", "agency", "Instansi", "Agency", "identity", draft=True, submit=True),
    _f(
        "unit_name", "text", "Unit penyelenggara (OPD/UPP)", "Service unit", "identity", max_len=200
    ),
    _f("region_code", "region", "Wilayah", "Region", "identity", submit=True),
    _f("innovators", "longtext", "Inovator", "Innovators", "identity", submit=True, max_len=2000),
    _f(
        "stakeholders", "longtext", "Pemangku kepentingan", "Stakeholders", "identity", max_len=2000
    ),
    _f(
        "year_started",
        "int",
        "Tahun mulai diterapkan",
        "Year first implemented",
        "identity",
        submit=True,
    ),
    _f("trial_date", "date", "Tanggal uji coba", "Trial date", "identity"),
    _f("launch_date", "date", "Tanggal penerapan", "Go-live date", "identity"),
    _f("form", "code", "Bentuk inovasi", "Form", "classification", submit=True, codes=codes.FORMS),
    _f("is_digital", "bool", "Inovasi digital", "Digital", "classification"),
    _f(
        "initiator",
        "code",
        "Inisiator",
        "Initiator",
        "classification",
        submit=True,
        codes=codes.INITIATORS,
    ),
    _f(
        "initiator_name",
        "text",
        "Nama inisiator",
        "Initiator's name",
        "classification",
        max_len=120,
    ),
    _f(
        "sector",
        "code",
        "Urusan pemerintahan",
        "Government affair",
        "classification",
        submit=True,
        codes=codes.SECTORS,
    ),
    _f(
        "secondary_sectors",
        "codelist",
        "Urusan irisan",
        "Secondary government affairs",
        "classification",
        codes=codes.SECTORS,
    ),
    _f(
        "competition_category",
        "code",
        "Kategori kompetisi",
        "Competition category",
        "classification",
        codes=codes.COMPETITION_CATEGORIES,
    ),
    _f("sdg_goals", "sdgs", "Tujuan SDGs", "SDG goals", "classification"),
    _f(
        "reform_theme",
        "code",
        "RB tematik",
        "Reform theme",
        "classification",
        codes=codes.REFORM_THEMES,
    ),
    _f("phase", "code", "Tahap", "Phase", "classification", submit=True, codes=codes.PHASES),
    _f(
        "stage",
        "code",
        "Tingkat kematangan",
        "Stage",
        "classification",
        submit=True,
        codes=codes.STAGES,
    ),
    _f(
        "summary",
        "longtext",
        "Ringkasan",
        "Summary",
        "narrative",
        submit=True,
        max_words=200,
        max_len=3000,
    ),
    _f(
        "background",
        "longtext",
        "Latar belakang dan tujuan",
        "Background and aims",
        "narrative",
        max_len=20000,
    ),
    _f("novelty", "longtext", "Kebaruan", "Novelty", "narrative", max_len=20000),
    _f("implementation", "longtext", "Implementasi", "Implementation", "narrative", max_len=20000),
    _f(
        "impact",
        "longtext",
        "Signifikansi dan dampak",
        "Significance and impact",
        "narrative",
        max_len=20000,
    ),
    _f(
        "adaptability",
        "longtext",
        "Adaptabilitas / replikasi",
        "Adaptability",
        "narrative",
        max_len=20000,
    ),
    _f("resources_used", "longtext", "Sumber daya", "Resources", "narrative", max_len=20000),
    _f("sustainability", "longtext", "Keberlanjutan", "Sustainability", "narrative", max_len=20000),
    _f(
        "continuation",
        "code",
        "Status keberlanjutan",
        "Continuation",
        "status",
        codes=codes.CONTINUATION,
    ),
    _f(
        "continuation_reason",
        "longtext",
        "Alasan status",
        "Reason for the status",
        "status",
        max_len=2000,
    ),
    _f(
        "legal_basis_kind",
        "code",
        "Jenis dasar hukum",
        "Legal basis kind",
        "legal",
        codes=codes.LEGAL_BASIS_KINDS,
    ),
    _f(
        "legal_basis_number",
        "text",
        "Nomor dasar hukum",
        "Legal basis number",
        "legal",
        max_len=120,
    ),
    _f("legal_basis_date", "date", "Tanggal dasar hukum", "Legal basis date", "legal"),
    _f("replicated_from_id", "innovation", "Replikasi dari", "Replicated from", "links"),
    _f("video_url", "url", "Tautan video", "Video link", "links", max_len=300),
    _f("contact_name", "text", "Narahubung", "Contact person", "links", max_len=120),
    _f("contact_phone", "phone", "Telepon narahubung", "Contact phone", "links", max_len=20),
    _f("contact_email", "email", "Surel narahubung", "Contact e-mail", "links", max_len=120),
)

FIELDS_BY_NAME: dict[str, FieldSpec] = {f.name: f for f in INNOVATION_FIELDS}
# The kinds whose value is free text (every one of them has a max_len).
TEXT_KINDS = ("text", "longtext", "url", "email", "phone")
# The kinds whose value is a list (blank: the empty list).
LIST_KINDS = ("sdgs", "codelist")
