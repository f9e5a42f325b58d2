"""Turning spreadsheet cells into field values: real dates, Excel serial numbers and dates typed
as text ("20/10/2023", "20 Oktober 2023", "Jumat, 20 Oktober 2023"), numbers typed as text,
yes/no, and code-list labels in Indonesian or English.

Month and weekday names come from Babel's locale data (Indonesian and English), not from a
table of our own.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from babel import Locale

from jipp_desktop.domain.errors import FieldError
from jipp_desktop.domain.fields import FieldSpec
from jipp_desktop.domain.validation import normalise_registration_number
from jipp_desktop.reference.codes import SDG_NAMES
from jipp_desktop.spreadsheets.headers import fold

# Excel's day 0 in the 1900 date system (its phantom 29 February 1900 included).
EXCEL_EPOCH = date(1899, 12, 30)
LAST_SERIAL = 2958465  # 31 December 9999
BLANKS = ("", "-", "–", "—", "n/a", "N/A")
_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})$")
_YMD = re.compile(r"^(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
_TOKEN = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
# Older spellings still common in government letters; Babel knows only today's.
_OLD_SPELLINGS = {"pebruari": 2, "nopember": 11, "agt": 8, "agust": 8}
# How the national systems write digital or not ("Jenis Inovasi"), folded.
DIGITAL = frozenset({"digital", "sistem informasi", "aplikasi", "daring", "online", "ya", "yes"})
NOT_DIGITAL = frozenset(
    {"non digital", "nondigital", "bukan digital", "manual", "konvensional", "luring", "offline"}
)
_SDG_NUMBER = re.compile(r"\b(?:sdgs?|tpb|goal|tujuan)?\s*(\d{1,2})\b")
# Several choices in one cell: semicolons, lines or bars between them.
_LIST_SPLIT = re.compile(r"[;\n|]+")


@cache
def _month_names() -> dict[str, int]:
    names: dict[str, int] = dict(_OLD_SPELLINGS)
    for lang in ("id", "en"):
        months = Locale.parse(lang).months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in months[context][width].items():
                    names[fold(name)] = number
    return names


@cache
def _weekday_names() -> frozenset[str]:
    out: set[str] = set()
    for lang in ("id", "en"):
        days = Locale.parse(lang).days
        for width in ("wide", "abbreviated"):
            out.update(fold(d) for d in days["format"][width].values())
    return frozenset(out)


def _month(token: str) -> int | None:
    names = _month_names()
    if token in names:
        return names[token]
    if len(token) >= 3:
        hits = {n for name, n in names.items() if name.startswith(token)}
        if len(hits) == 1:
            return hits.pop()
    return None


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year <= date.today().year % 100 else 1900
    return year


def parse_date_text(text: str) -> date | None:
    """A date typed as text, day first as Indonesians write it; None when it is not one."""
    text = text.strip()
    if m := _YMD.match(text):
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
    elif m := _DMY.match(text):
        d, mo, y = int(m[1]), int(m[2]), _year(m[3])
    else:
        tokens = [fold(t) for t in _TOKEN.findall(text)]
        tokens = [t for t in tokens if t not in _weekday_names()]
        words = [t for t in tokens if not t.isdigit()]
        numbers = [t for t in tokens if t.isdigit()]
        if len(words) != 1 or len(numbers) != 2:
            return None
        month = _month(words[0])
        if month is None:
            return None
        day_text, year_text = numbers if len(numbers[1]) == 4 else numbers[::-1]
        if len(year_text) != 4:
            return None
        d, mo, y = int(day_text), month, int(year_text)
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def serial_to_date(serial: float) -> date | None:
    """The date of an Excel serial day number (a date cell that lost its date format)."""
    if not 1 <= serial <= LAST_SERIAL:
        return None
    return EXCEL_EPOCH + timedelta(days=int(serial))


def is_blank(raw: Any) -> bool:
    """Whether a cell counts as empty ("-" and "n/a" included, as offices write them)."""
    return raw is None or (isinstance(raw, str) and raw.strip() in BLANKS)


def number_text(raw: Any) -> str:
    """A cell as text: 2021.0 → "2021", dates in ISO form, other text stripped."""
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, datetime):
        return raw.date().isoformat() if raw.time() == datetime.min.time() else raw.isoformat()
    if isinstance(raw, date):
        return raw.isoformat()
    return str(raw).strip()


def digital_value(text: str) -> bool | None:
    """Whether a "Digital / Non Digital" text says digital; None when it says neither."""
    folded = fold(text)
    if folded in DIGITAL:
        return True
    if folded in NOT_DIGITAL:
        return False
    return None


@cache
def _sdg_names() -> tuple[tuple[str, int], ...]:
    names = [(fold(n), goal) for goal, both in SDG_NAMES.items() for n in both]
    return tuple(sorted(names, key=lambda item: -len(item[0])))


def parse_sdgs(text: str) -> list[int] | None:
    """The goal numbers a cell names: "SDG 9", "3, 4", "SDGs 3; SDGs 10", goal names in
    Indonesian or English ("Tanpa Kemiskinan", "Industri, Inovasi dan Infrastruktur"), or a
    mix; None when some part is neither."""
    rest = f" {fold(text)} "
    goals: set[int] = set()
    for name, goal in _sdg_names():
        if f" {name} " in rest:
            goals.add(goal)
            rest = rest.replace(f" {name} ", " ; ")
    for m in _SDG_NUMBER.finditer(rest):
        goals.add(int(m[1]))
    leftover = _SDG_NUMBER.sub(" ", rest).replace(";", " ")
    leftover = " ".join(w for w in leftover.split() if w not in ("dan", "and", "sdgs", "sdg"))
    if leftover or not goals:
        return None
    return sorted(goals)


def _choices(spec: FieldSpec) -> tuple[str, str]:
    assert spec.codes is not None
    entries = spec.codes.entries
    if len(entries) > 8:
        return (
            "lihat daftar pilihan pada lembar Petunjuk templat",
            "see the list of choices on the template's instructions sheet",
        )
    return (
        "pilih salah satu: " + ", ".join(c.id for c in entries),
        "choose one of: " + ", ".join(c.en for c in entries),
    )


def _code_by_words(spec: FieldSpec, text: str) -> str | None:
    """The code whose label holds every word of ``text``, when only one does ("Berhenti" for
    "Berhenti/vakum", "Lingkungan" for "Lingkungan hidup")."""
    assert spec.codes is not None
    words = set(fold(text).split())
    if not words:
        return None
    hits = {
        c.code for c in spec.codes for label in (c.id, c.en) if words <= set(fold(label).split())
    }
    return hits.pop() if len(hits) == 1 else None


def _parse_code_list(spec: FieldSpec, text: str) -> tuple[Any, FieldError | None]:
    """Several codes of one list, written by code or label and separated by ";" or lines
    (labels may hold commas, "Koperasi, usaha kecil dan menengah"); a part that reads as no
    label is tried once more split at its commas ("Kesehatan, Sosial")."""
    assert spec.codes is not None
    found: list[str] = []
    for part in (p.strip() for p in _LIST_SPLIT.split(text)):
        if not part:
            continue
        code = spec.codes.parse(part) or _code_by_words(spec, part)
        pieces = [code] if code else [spec.codes.parse(p) for p in part.split(",") if p.strip()]
        if not pieces or None in pieces:
            id_hint, en_hint = _choices(spec)
            return None, FieldError(
                spec.name,
                f"{part!r} bukan pilihan yang sah untuk {spec.id}; {id_hint}; beberapa "
                "pilihan dipisah titik koma",
                f"{part!r} is not a valid choice for {spec.en}; {en_hint}; separate several "
                "with semicolons",
            )
        found += [p for p in pieces if p is not None]
    return found, None


def parse_cell(spec: FieldSpec, raw: Any) -> tuple[Any, FieldError | None]:
    """The value for ``spec`` from a cell, or why it cannot be read.

    Region and agency cells are resolved elsewhere (they need the store); this returns their
    text. Values that parse here still go through the service rules afterwards.
    """
    name = spec.name
    if spec.kind == "date":
        if isinstance(raw, datetime):
            return raw.date(), None
        if isinstance(raw, date):
            return raw, None
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            parsed = serial_to_date(float(raw))
        else:
            parsed = parse_date_text(str(raw))
        if parsed is None:
            return None, FieldError(
                name,
                f"{number_text(raw)!r} bukan tanggal yang dikenali "
                "(tulis misalnya 20/10/2023 atau 20 Oktober 2023)",
                f"{number_text(raw)!r} is not a recognised date "
                "(write e.g. 20/10/2023 or 20 October 2023)",
            )
        return parsed, None
    if spec.kind == "int":
        if isinstance(raw, date):
            return raw.year, None
        return number_text(raw), None
    if spec.kind == "bool":
        if isinstance(raw, bool):
            return raw, None
        if isinstance(raw, int | float):
            return bool(raw), None
        digital = digital_value(str(raw))
        return (str(raw) if digital is None else digital), None
    if spec.kind == "codelist":
        return _parse_code_list(spec, number_text(raw))
    if spec.codes is not None:
        text = number_text(raw)
        code = spec.codes.parse(text) or _code_by_words(spec, text)
        if code is None:
            id_hint, en_hint = _choices(spec)
            return None, FieldError(
                name,
                f"{text!r} bukan pilihan yang sah untuk {spec.id}; {id_hint}",
                f"{text!r} is not a valid choice for {spec.en}; {en_hint}",
            )
        return code, None
    if spec.kind == "sdgs":
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            return ([int(raw)] if float(raw).is_integer() else number_text(raw)), None
        goals = parse_sdgs(str(raw))
        # Unreadable text goes on to the form's rules, which say what is wrong with it.
        return (number_text(raw) if goals is None else goals), None
    if name == "registration_number":  # compared with stored numbers before the form's rules
        return normalise_registration_number(number_text(raw)), None
    return number_text(raw), None
