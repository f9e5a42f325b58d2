"""The rules an innovation record must keep, checked the same way for the form, an import row
and a sync change.

:func:`validate_innovation` is pure: it gets what it needs to know about the store from a
:class:`ReferenceLookup`, so the importer can check 100,000 rows without a query per row.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any, Protocol

from jipp_desktop.domain.errors import FieldError
from jipp_desktop.domain.fields import FIELDS_BY_NAME, INNOVATION_FIELDS, LIST_KINDS, FieldSpec
from jipp_desktop.domain.printable import unprintable_error
from jipp_desktop.domain.text import clean_text, fold_key, length_error
from jipp_desktop.reference.codes import SDG_GOALS

EARLIEST_YEAR = 1945
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*\.[^\s]+$", re.IGNORECASE)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
_PHONE = re.compile(r"^\+?[0-9][0-9 \-]{6,18}$")
# Hyphen-like characters that word processors and spreadsheets put in place of "-".
_DASHES = re.compile(r"[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
MAX_AGENCY_CODE = 40
_AGENCY_CODE = re.compile(r"[0-9A-Z]+(?:[./-][0-9A-Z]+)*")
# What a NIP's groups are written apart with: spaces (also non-breaking), dots, hyphens.
_NIP_SEPARATORS = re.compile(r"[\s.\-\u2010-\u2015]+")


class ReferenceLookup(Protocol):
    """What validation needs to know about the store."""

    def region_exists(self, code: str) -> bool:
        """Whether ``code`` is a known province, regency or city."""
        ...

    def agency_region(self, agency_id: str) -> tuple[bool, str | None]:
        """Whether the agency exists, and its region code (None for national bodies)."""
        ...

    def innovation_exists(self, innovation_id: str) -> bool:
        """Whether a (not deleted) innovation has this id."""
        ...


def normalise_title(title: str) -> str:
    """The key that two titles share when they name the same innovation.

    Case, accents, punctuation, spacing, invisible characters and look-alike letters of other
    scripts are ignored: "SI-PINTAR  (Layanan)", "si pintar layanan" and "SI-PINTAR Lаyanan"
    (a Cyrillic а) give the same key (see :func:`jipp_desktop.domain.text.fold_key`).
    """
    return fold_key(title)


def normalise_registration_number(text: str) -> str:
    """A registration number as the registry writes it: no spaces, upper case, plain hyphens
    (" jipp‐2023‐000044 " and "JIPP-2023-000044" are the same number)."""
    return _DASHES.sub("-", "".join(text.split())).upper()


def normalise_agency_code(text: str) -> str:
    """An agency's national code as stored: without spaces, upper case, plain hyphens."""
    return _DASHES.sub("-", "".join(text.split())).upper()


def agency_code_error(code: str, field: str = "national_code") -> FieldError | None:
    """Checks an agency's national code (as :func:`normalise_agency_code` gives it): letters,
    digits and the marks . - / between them, at most 40 characters."""
    if len(code) > MAX_AGENCY_CODE or not _AGENCY_CODE.fullmatch(code):
        return FieldError(
            field,
            f"kode instansi {code!r} tidak sah: huruf, angka dan tanda . - / saja, paling "
            f"banyak {MAX_AGENCY_CODE} karakter",
            f"agency code {code!r} is not valid: letters, digits and . - / only, at most "
            f"{MAX_AGENCY_CODE} characters",
        )
    return None


def agency_code_taken(code: str) -> FieldError:
    """The error for an agency's national code that another live agency already has."""
    return FieldError(
        "national_code",
        f"kode instansi {code} sudah dipakai instansi lain",
        f"agency code {code} is already used by another agency",
    )


def normalise_nip(text: str) -> str:
    """A NIP as it is stored: its 18 digits without the spaces, dots or hyphens it is often
    written with ("19630511 199103 1 009", "19630511.199103.1.009"); any other text stays as
    it is, for :func:`nip_error` to say what is wrong with it."""
    stripped = text.strip()
    joined = _NIP_SEPARATORS.sub("", stripped)
    return joined if joined.isdigit() else stripped


def nip_error(nip: str, field: str = "nip") -> FieldError | None:
    """Checks an 18-digit NIP (as :func:`normalise_nip` gives it): birth date (YYYYMMDD),
    appointment month (YYYYMM), sex (1/2)."""
    if not re.fullmatch(r"\d{18}", nip):
        return FieldError(field, "NIP harus 18 digit angka", "NIP must be 18 digits")
    try:
        born = date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        return FieldError(
            field,
            "8 digit pertama NIP bukan tanggal lahir yang sah (TTTTBBHH)",
            "the first 8 digits of the NIP are not a valid birth date (YYYYMMDD)",
        )
    appointed_year, appointed_month = int(nip[8:12]), int(nip[12:14])
    if not 1 <= appointed_month <= 12 or appointed_year < born.year + 15:
        return FieldError(
            field,
            "digit 9-14 NIP bukan bulan pengangkatan yang sah (TTTTBB)",
            "digits 9-14 of the NIP are not a valid appointment month (YYYYMM)",
        )
    if nip[14] not in "12":
        return FieldError(
            field, "digit ke-15 NIP harus 1 atau 2", "digit 15 of the NIP must be 1 or 2"
        )
    return None


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


def _entered(spec: FieldSpec, value: Any) -> Any:
    """A value as it enters the domain: a text cleaned (:func:`clean_text`: NFC, without
    control, zero-width and other invisible characters); anything else as it is."""
    if isinstance(value, str):
        return clean_text(value, multiline=spec.kind == "longtext")
    return value


def _coerce(spec: FieldSpec, value: Any) -> tuple[Any, FieldError | None]:
    """Turns a value into the field's type, or says why it cannot."""
    name = spec.name
    if spec.kind in ("int",):
        if isinstance(value, bool):
            return None, FieldError(name, "harus berupa angka", "must be a number")
        try:
            if isinstance(value, float) and not value.is_integer():
                raise ValueError
            return int(str(value).strip().removesuffix(".0")), None
        except ValueError:
            return None, FieldError(name, "harus berupa bilangan bulat", "must be a whole number")
    if spec.kind == "date":
        if isinstance(value, date):
            return value, None
        try:
            return date.fromisoformat(str(value).strip()), None
        except ValueError:
            return None, FieldError(
                name, "harus berupa tanggal (TTTT-BB-HH)", "must be a date (YYYY-MM-DD)"
            )
    if spec.kind == "bool":
        if isinstance(value, bool):
            return value, None
        text = str(value).strip().casefold()
        if text in ("ya", "yes", "true", "1", "y"):
            return True, None
        if text in ("tidak", "no", "false", "0", "n", "t"):
            return False, None
        return None, FieldError(name, "harus Ya atau Tidak", "must be Yes or No")
    if spec.kind == "sdgs":
        items = value if isinstance(value, list | tuple) else re.split(r"[,;\s]+", str(value))
        try:
            goals = sorted({int(str(g).strip()) for g in items if str(g).strip()})
        except ValueError:
            return None, FieldError(
                name, "harus nomor tujuan SDGs (1-17)", "must be SDG goal numbers (1-17)"
            )
        bad = [g for g in goals if g not in SDG_GOALS]
        if bad:
            return None, FieldError(
                name,
                f"tujuan SDGs {bad[0]} tidak ada (1-17)",
                f"SDG goal {bad[0]} does not exist (1-17)",
            )
        return goals, None
    if spec.kind == "codelist":
        return _code_list(spec, value)
    # A text came in cleaned (_entered); anything else becomes one.
    text = (
        value
        if isinstance(value, str)
        else clean_text(str(value), multiline=spec.kind == "longtext")
    )
    if spec.name == "registration_number":
        text = normalise_registration_number(text)
    return text, None


def _code_list(spec: FieldSpec, value: Any) -> tuple[Any, FieldError | None]:
    """Several codes of the field's list, each once, in the list's order."""
    assert spec.codes is not None
    items = value if isinstance(value, list | tuple) else re.split(r"[,;\n]+", str(value))
    given = [str(item).strip() for item in items if str(item).strip()]
    for code in given:
        if code not in spec.codes:
            return None, FieldError(
                spec.name,
                f"nilai {code!r} tidak ada dalam daftar {spec.id.lower()}",
                f"{code!r} is not in the list of {spec.en.lower()}",
            )
    return [c for c in spec.codes.codes() if c in given], None


def _check_value(spec: FieldSpec, value: Any, today: date) -> FieldError | None:
    name = spec.name
    if spec.kind == "codelist":
        return None
    if spec.codes is not None and value not in spec.codes:
        return FieldError(
            name,
            f"nilai {value!r} tidak ada dalam daftar {spec.id.lower()}",
            f"{value!r} is not in the list of {spec.en.lower()}",
        )
    if isinstance(value, str):
        if spec.max_len and (too_long := length_error(name, value, spec.max_len)):
            return too_long
        if err := unprintable_error(name, value, "profil dan laporan", "the profile and reports"):
            return err
        if spec.max_words and len(value.split()) > spec.max_words:
            return FieldError(
                name,
                f"terlalu panjang ({len(value.split())} kata; paling banyak {spec.max_words})",
                f"too long ({len(value.split())} words; at most {spec.max_words})",
            )
    if spec.kind == "url" and not _URL.match(value):
        return FieldError(
            name, "bukan tautan yang sah (http:// atau https://)", "not a valid http(s) link"
        )
    if spec.kind == "email" and not _EMAIL.match(value):
        return FieldError(name, "bukan alamat surel yang sah", "not a valid e-mail address")
    if spec.kind == "phone" and not _PHONE.match(value):
        return FieldError(name, "bukan nomor telepon yang sah", "not a valid phone number")
    if spec.kind == "int" and name == "year_started" and not EARLIEST_YEAR <= value <= today.year:
        return FieldError(
            name,
            f"tahun harus antara {EARLIEST_YEAR} dan {today.year}",
            f"the year must be between {EARLIEST_YEAR} and {today.year}",
        )
    if spec.kind == "date" and not date(EARLIEST_YEAR, 1, 1) <= value <= today:
        return FieldError(
            name,
            f"tanggal harus antara 1 Januari {EARLIEST_YEAR} dan hari ini",
            f"the date must be between 1 January {EARLIEST_YEAR} and today",
        )
    if name == "title" and len(value) < 5:
        return FieldError(
            name,
            "judul terlalu pendek (paling sedikit 5 karakter)",
            "the title is too short (at least 5 characters)",
        )
    return None


def _cross_checks(
    v: Mapping[str, Any], lookup: ReferenceLookup, submit: bool, record_id: str | None
) -> list[FieldError]:
    errors: list[FieldError] = []
    if v.get("region_code") and not lookup.region_exists(v["region_code"]):
        errors.append(
            FieldError(
                "region_code",
                f"kode wilayah {v['region_code']} tidak dikenal",
                f"region code {v['region_code']} is not known",
            )
        )
    if v.get("agency_id"):
        exists, agency_region = lookup.agency_region(v["agency_id"])
        if not exists:
            errors.append(
                FieldError("agency_id", "instansi tidak ditemukan", "the agency does not exist")
            )
        elif (
            agency_region
            and v.get("region_code")
            and not (
                v["region_code"] == agency_region
                or v["region_code"].startswith(agency_region + ".")
            )
        ):
            errors.append(
                FieldError(
                    "region_code",
                    f"wilayah {v['region_code']} berada di luar wilayah instansi ({agency_region})",
                    f"region {v['region_code']} lies outside the agency's region ({agency_region})",
                )
            )
    if v.get("trial_date") and v.get("launch_date") and v["trial_date"] > v["launch_date"]:
        errors.append(
            FieldError(
                "launch_date",
                "tanggal penerapan tidak boleh sebelum tanggal uji coba",
                "the go-live date cannot be before the trial date",
            )
        )
    if v.get("year_started") and v.get("launch_date") and v["launch_date"].year < v["year_started"]:
        errors.append(
            FieldError(
                "launch_date",
                "tanggal penerapan tidak boleh sebelum tahun mulai diterapkan",
                "the go-live date cannot be before the year first implemented",
            )
        )
    ref = v.get("replicated_from_id")
    if ref and (ref == record_id or not lookup.innovation_exists(ref)):
        errors.append(
            FieldError(
                "replicated_from_id",
                "inovasi asal replikasi tidak ditemukan",
                "the innovation it was replicated from does not exist",
            )
        )
    legal = [v.get(k) for k in ("legal_basis_kind", "legal_basis_number", "legal_basis_date")]
    if any(legal) and not (legal[0] and legal[1]):
        missing = "legal_basis_kind" if not legal[0] else "legal_basis_number"
        errors.append(
            FieldError(
                missing,
                "dasar hukum perlu jenis dan nomor",
                "a legal basis needs both its kind and its number",
            )
        )
    if submit and v.get("phase") == "institutionalisation" and not (legal[0] and legal[1]):
        errors.append(
            FieldError(
                "legal_basis_number",
                "inovasi tahap pelembagaan wajib mempunyai dasar hukum",
                "an innovation in the institutionalisation phase needs a legal basis",
            )
        )
    if v.get("continuation") == "stopped" and not v.get("continuation_reason"):
        errors.append(
            FieldError(
                "continuation_reason",
                "alasan wajib diisi bila inovasi berhenti",
                "give the reason when the innovation has stopped",
            )
        )
    return errors


def validate_innovation(
    values: Mapping[str, Any],
    lookup: ReferenceLookup,
    *,
    submit: bool = False,
    record_id: str | None = None,
    today: date | None = None,
) -> tuple[dict[str, Any], list[FieldError]]:
    """Checks a whole innovation record.

    Args:
        values: field name → value; unknown names are an error, missing ones are blank.
        lookup: what the store knows (regions, agencies, innovations).
        submit: check completeness for submission too, not only what a draft needs.
        record_id: the record's own id when it already exists.
        today: the date to judge "in the future" against.

    Returns:
        The cleaned values (every field, blanks as None) and the list of broken rules.
    """
    today = today or date.today()
    errors: list[FieldError] = []
    cleaned: dict[str, Any] = {}
    for name in values:
        if name not in FIELDS_BY_NAME:
            errors.append(FieldError(name, "kolom tidak dikenal", "unknown field"))
    for spec in INNOVATION_FIELDS:
        raw = _entered(spec, values.get(spec.name))
        if _blank(raw):
            cleaned[spec.name] = [] if spec.kind in LIST_KINDS else None
            if spec.draft or (submit and spec.submit):
                errors.append(FieldError(spec.name, "wajib diisi", "is required"))
            continue
        value, err = _coerce(spec, raw)
        if err is None:
            err = _check_value(spec, value, today)
        if err is not None:
            errors.append(err)
            cleaned[spec.name] = None
        else:
            cleaned[spec.name] = value
    if cleaned.get("is_digital") is None:
        cleaned["is_digital"] = False
    if cleaned.get("continuation") is None:
        cleaned["continuation"] = "unknown"
    failed = {e.field for e in errors}
    errors += [
        e for e in _cross_checks(cleaned, lookup, submit, record_id) if e.field not in failed
    ]
    return cleaned, errors
