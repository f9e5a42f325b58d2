"""What an import found: counts of new, updated, duplicate and invalid rows, of verification
decisions applied, and each problem by row and column, in Indonesian or English."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jipp_desktop.language import language
from jipp_desktop.spreadsheets.headers import HeaderMap

INVALID = "invalid"
DUPLICATE_IN_FILE = "duplicate_in_file"
EXISTING = "existing"


@dataclass(frozen=True, slots=True)
class RowProblem:
    """One thing wrong with (or worth knowing about) one cell of one row.

    Attributes:
        row: the row number as the spreadsheet shows it.
        column: the absolute column index (0-based), None when the field has no column.
        letter: the column letter ("" when none).
        header: the column's header as written in the file ("" when none).
        field: the field name.
        kind: ``INVALID``, ``DUPLICATE_IN_FILE`` or ``EXISTING`` (a record already stored).
        id: the Indonesian message.
        en: the English message.
    """

    row: int
    column: int | None
    letter: str
    header: str
    field: str
    kind: str
    id: str
    en: str

    def message(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the current language)."""
        return self.en if (lang or language()) == "en" else self.id

    def where(self, lang: str | None = None) -> str:
        """ "Baris 5, kolom D (Tahap)" — where the problem is."""
        en = (lang or language()) == "en"
        place = f"{'Row' if en else 'Baris'} {self.row}"
        if self.letter:
            place += f", {'column' if en else 'kolom'} {self.letter} ({self.header})"
        return place

    def describe(self, lang: str | None = None) -> str:
        """Place and message on one line."""
        return f"{self.where(lang)}: {self.message(lang)}"


@dataclass(frozen=True, slots=True)
class ColumnUse:
    """Where one column of the file went.

    Attributes:
        index: the absolute column index (0-based).
        letter: the column letter.
        header: the header as written.
        key: the field it fills ("" when it is not read).
        how: "name", "values" (an ambiguous name decided by the values), "officer" (changed
            in the preview), "unknown" (not recognised) or "repeated" (another column holds
            the field).
        choices: for an ambiguous name, the fields it may mean.
    """

    index: int
    letter: str
    header: str
    key: str
    how: str
    choices: tuple[str, ...] = ()


def column_uses(header: HeaderMap) -> list[ColumnUse]:
    """Every column of the header row, in order, with the field it fills."""
    unknown = {i for i, _ in header.extra}
    repeated = {i for i, _ in header.repeated}
    out = []
    for index, text in sorted(header.headers.items()):
        key = header.columns.get(index, "")
        if index in unknown:
            how = "unknown"
        elif index in repeated:
            how = "repeated"
        else:
            how = header.how.get(index, "name")
        out.append(
            ColumnUse(index, header.letter(index), text, key, how, header.choices.get(index, ()))
        )
    return out


@dataclass
class ImportReport:
    """The outcome of an import or of its dry run.

    ``new + updated + duplicates + invalid == total``: duplicates are the rows not written
    because they repeat a stored record (skipped, or identical) or an earlier row of the file.
    ``verified`` counts the rows whose verification decision was applied (or, in a dry run,
    would be); those rows are also among the duplicates, as their fields are not written.
    """

    file: str
    format: str
    sheet: str
    header_row: int
    on_duplicate: str
    dry_run: bool
    total: int = 0
    new: int = 0
    updated: int = 0
    duplicates: int = 0
    duplicates_in_file: int = 0
    duplicates_in_db: int = 0
    unchanged: int = 0
    invalid: int = 0
    verified: int = 0
    committed: bool = False
    extra_columns: list[str] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    columns: list[ColumnUse] = field(default_factory=list)
    created_agencies: list[str] = field(default_factory=list)

    def rejected(self) -> dict[int, list[RowProblem]]:
        """The rows the sender must fix (invalid, or repeated in the file), with their problems."""
        out: dict[int, list[RowProblem]] = {}
        for p in self.problems:
            if p.kind in (INVALID, DUPLICATE_IN_FILE):
                out.setdefault(p.row, []).append(p)
        return out

    def summary(self, lang: str | None = None) -> str:
        """A few lines for the officer."""
        en = (lang or language()) == "en"
        if en:
            state = (
                "Dry run: nothing written."
                if self.dry_run
                else ("Committed." if self.committed else "Not committed.")
            )
            lines = [
                f"{self.file}, sheet {self.sheet!r} (header in row {self.header_row}): "
                f"{self.total} rows",
                f"new {self.new}, updated {self.updated}, duplicates {self.duplicates} "
                f"(in the file {self.duplicates_in_file}, already stored "
                f"{self.duplicates_in_db}), invalid {self.invalid}, "
                f"verification decisions {self.verified}",
            ]
            if self.extra_columns:
                lines.append("Columns ignored (not recognised): " + ", ".join(self.extra_columns))
        else:
            state = (
                "Uji coba: tidak ada yang disimpan."
                if self.dry_run
                else ("Tersimpan." if self.committed else "Tidak disimpan.")
            )
            lines = [
                f"{self.file}, lembar {self.sheet!r} (judul kolom di baris {self.header_row}): "
                f"{self.total} baris",
                f"baru {self.new}, diperbarui {self.updated}, duplikat {self.duplicates} "
                f"(dalam berkas {self.duplicates_in_file}, sudah tersimpan "
                f"{self.duplicates_in_db}), tidak sah {self.invalid}, "
                f"keputusan verifikasi {self.verified}",
            ]
            if self.extra_columns:
                lines.append("Kolom diabaikan (tidak dikenali): " + ", ".join(self.extra_columns))
        lines.append(state)
        return "\n".join(lines)

    def to_json(self, lang: str | None = None) -> dict[str, Any]:
        """The report as JSON data (the contract's keys and the details)."""
        return {
            "file": self.file,
            "format": self.format,
            "sheet": self.sheet,
            "header_row": self.header_row,
            "on_duplicate": self.on_duplicate,
            "dry_run": self.dry_run,
            "total": self.total,
            "new": self.new,
            "updated": self.updated,
            "duplicates": self.duplicates,
            "duplicates_in_file": self.duplicates_in_file,
            "duplicates_in_db": self.duplicates_in_db,
            "unchanged": self.unchanged,
            "invalid": self.invalid,
            "verified": self.verified,
            "committed": self.committed,
            "extra_columns": self.extra_columns,
            "columns": [
                {
                    "column": c.letter,
                    "header": c.header,
                    "field": c.key or None,
                    "how": c.how,
                }
                for c in self.columns
            ],
            "created_agencies": self.created_agencies,
            "problems": [
                {
                    "row": p.row,
                    "column": p.letter or None,
                    "header": p.header or None,
                    "field": p.field,
                    "kind": p.kind,
                    "message": p.message(lang),
                }
                for p in self.problems
            ],
        }
