"""The columns of the template and the export, and how each value is written into a cell.

The innovation fields come from :data:`~jipp_desktop.domain.fields.INNOVATION_FIELDS`; the export
adds a few read-only columns (record id, province, workflow, dates) that an import recognises and
uses only to find the record again. The template ends with three verification columns, where a
verifier records a decision on a stored record (see :mod:`jipp_desktop.spreadsheets.decisions`).
"""

from __future__ import annotations

from dataclasses import dataclass

from jipp_desktop.domain.fields import INNOVATION_FIELDS, FieldSpec
from jipp_desktop.reference.codes import VERIFICATION_METHODS, VERIFICATION_OUTCOMES, CodeList

YES_NO = {"id": ("Ya", "Tidak"), "en": ("Yes", "No")}


@dataclass(frozen=True)
class Column:
    """One column of a workbook this app writes.

    Attributes:
        key: the field name, or one of ``READ_ONLY`` for export-only columns.
        id: the Indonesian header.
        en: the English header.
        spec: the field, for importable columns.
        width: a sensible column width (characters).
        codes: the code list of a coded column that is not an innovation field.
    """

    key: str
    id: str
    en: str
    spec: FieldSpec | None
    width: int
    codes: CodeList | None = None

    def header(self, lang: str) -> str:
        """The header in ``lang``; "both" gives the bilingual template header."""
        star = " *" if self.spec is not None and self.spec.draft else ""
        if lang == "both":
            return f"{self.id}{star}\n{self.en}" if self.id != self.en else self.id + star
        return self.en if lang == "en" else self.id


def _width(spec: FieldSpec) -> int:
    if spec.kind == "longtext":
        return 50
    if spec.name in ("title", "agency_id"):
        return 40
    if spec.kind in ("date", "int", "bool", "sdgs"):
        return 16
    if spec.kind == "region":
        return 30
    if spec.codes is not None:
        return 24
    return 22


FIELD_COLUMNS: tuple[Column, ...] = tuple(
    Column(s.name, s.id, s.en, s, _width(s)) for s in INNOVATION_FIELDS
)

ID_COLUMN = Column("id", "ID sistem", "System ID", None, 38)
# The competition history, one cell ("2019 Kompetisi Inovasi Pelayanan Publik (KIPP): Top 99;
# …"), read by spreadsheets.awards.
AWARDS_COLUMN = Column("awards", "Penghargaan", "Awards", None, 40)
AGENCY_CODE = "agency_code"
# The national code of the row's agency (the agency's, not the innovation's): the export
# writes it after the agency, an import finds the agency by it when the name does not.
AGENCY_CODE_COLUMN = Column(AGENCY_CODE, "Kode instansi", "Agency code", None, 16)
# Export-only columns: an import recognises them and does not report them as unknown.
READ_ONLY: tuple[Column, ...] = (
    Column("province", "Provinsi", "Province", None, 24),
    Column("workflow", "Status alur kerja", "Workflow", None, 16),
    Column("last_verified_at", "Terakhir diverifikasi", "Last verified", None, 20),
    Column("updated_at", "Terakhir diubah", "Last changed", None, 20),
)

OUTCOME = "verification_outcome"
METHOD = "verification_method"
NOTES = "verification_notes"
# A verifier's decision on a stored record, after the innovation fields of the template.
VERIFICATION_COLUMNS: tuple[Column, ...] = (
    Column(OUTCOME, "Hasil verifikasi", "Verification outcome", None, 24, VERIFICATION_OUTCOMES),
    Column(METHOD, "Metode verifikasi", "Verification method", None, 22, VERIFICATION_METHODS),
    Column(NOTES, "Catatan verifikasi", "Verification notes", None, 50),
)


def mapping_targets() -> tuple[Column, ...]:
    """Every column an import reads, as the preview offers them for the officer to move a
    column of the file to: the fields, the awards, the agency code, the record id and the
    verification columns."""
    return (*FIELD_COLUMNS, AWARDS_COLUMN, AGENCY_CODE_COLUMN, ID_COLUMN, *VERIFICATION_COLUMNS)


def template_columns() -> tuple[Column, ...]:
    """The columns of the import template, in order: the fields, the awards, then the
    verification ones."""
    return (*FIELD_COLUMNS, AWARDS_COLUMN, *VERIFICATION_COLUMNS)


def export_columns() -> tuple[Column, ...]:
    """The columns of an export, in order: id, the fields, then the read-only extras."""
    return (ID_COLUMN, *FIELD_COLUMNS, AWARDS_COLUMN, AGENCY_CODE_COLUMN, *READ_ONLY)


def region_text(code: str | None, name: str | None) -> str | None:
    """A region as written in cells and dropdowns: "51.71 Kota Denpasar"."""
    if not code:
        return None
    return f"{code} {name}" if name else code
