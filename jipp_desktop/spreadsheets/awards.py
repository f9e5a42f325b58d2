"""The award text of the national registry's list ("Top 99/2015", "Top 45 KIPP 2021",
"Innovative Government Award 2022", "UN PSA 2019"; several separated by ";" or lines) parsed
into awards: year, competition and stage reached. "Tidak Ada" is none.

The export writes each award whole, "2019 Kompetisi Inovasi Pelayanan Publik (KIPP): Top 99"
(:func:`award_text`), which reads back as it was whatever the competition and stage."""

from __future__ import annotations

import re

from jipp_desktop.domain.errors import FieldError
from jipp_desktop.spreadsheets.headers import fold

AWARDS = "awards"
KIPP = "Kompetisi Inovasi Pelayanan Publik (KIPP)"
NONE = ("tidak ada", "tidak", "belum ada", "none", "")
_YEAR = re.compile(r"\b(20\d{2})\b")
_TOP = re.compile(r"\btop\s*(\d{1,3})\b")
_SPLIT = re.compile(r"[;\n]+")
# The export's own form: year, competition, colon, stage.
_WHOLE = re.compile(r"^\s*(\d{4})\s+([^:;\n]+?)\s*:\s*([^:;\n]+?)\s*$")
# Competitions by what their texts hold (folded), with the stage when the text names none.
_COMPETITIONS = (
    (("innovative government award", "iga"), "Innovative Government Award", "Penerima"),
    (
        ("un psa", "unpsa", "united nations public service award", "un public service award"),
        "United Nations Public Service Awards",
        "Penerima",
    ),
    (("kipp", "sinovik", "kompetisi inovasi pelayanan publik", "top"), KIPP, "Peserta"),
)


def parse_awards(text: str) -> tuple[list[tuple[int, str, str]], FieldError | None]:
    """The awards a cell names as (year, competition, stage reached), or why it cannot."""
    out: list[tuple[int, str, str]] = []
    for part in _SPLIT.split(text):
        folded = fold(part)
        if folded in NONE:
            continue
        whole = _WHOLE.match(part)
        if whole is not None:
            out.append((int(whole[1]), whole[2], whole[3]))
            continue
        year = _YEAR.search(part)
        if year is None:
            return [], FieldError(
                AWARDS,
                f"penghargaan {part.strip()!r} tanpa tahun (tulis mis. Top 99/2019)",
                f"award {part.strip()!r} has no year (write e.g. Top 99/2019)",
            )
        out.append((int(year[1]), *_competition(part, folded)))
    return out, None


def _named(folded: str) -> tuple[str, str] | None:
    """The competition a folded text names and its stage when the text names none."""
    for words, competition, default_stage in _COMPETITIONS:
        if any(re.search(rf"\b{w}\b", folded) for w in words):
            return competition, default_stage
    return None


def _competition(part: str, folded: str) -> tuple[str, str]:
    """The competition and stage one award text names."""
    top = _TOP.search(folded)
    named = _named(folded)
    if named is not None:
        return named[0], f"Top {top[1]}" if top else named[1]
    return " ".join(_YEAR.sub(" ", part).replace("/", " ").split()), "Penerima"


def award_key(year: int, competition: str, stage: str) -> tuple[int, str, str]:
    """What makes two awards the same whatever their spelling: the year, the competition as the
    registry names it ("KIPP", "Top 99/2019" and the export's full name are one), and the stage
    folded."""
    folded = fold(competition)
    named = _named(folded)
    return year, fold(named[0]) if named else folded, fold(stage)


def award_text(awards: list[tuple[int, str, str]]) -> str | None:
    """The awards as one cell, in the form :func:`parse_awards` reads back unchanged (a
    competition or stage holding ":" or ";" could not be read back, so it is written by the
    registry's spelling instead: the year after it)."""
    parts = []
    for year, competition, stage in awards:
        written = f"{year} {competition}: {stage}"
        if parse_awards(written)[0] != [(year, competition, stage)]:
            written = f"{competition} {stage} {year}"
        parts.append(written)
    return "; ".join(parts) or None
