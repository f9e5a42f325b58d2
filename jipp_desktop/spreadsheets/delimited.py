"""Reading a CSV file as a sheet, as offices export lists from many tools: comma, semicolon
(what Excel writes where the decimal mark is a comma, as in Indonesia) or tab separated,
UTF-8 with or without a byte-order mark, UTF-16 with one, or Windows-1252.

The same limits hold as for workbooks: the file size, the rows, the rectangle of cells; a
NUL byte (a binary file) or an encoding that is none of these is refused. Cells are texts,
read by the same rules as a workbook's (a text starting with "=" is a text, never a formula).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

DELIMITERS = (";", ",", "\t")
# What programs write first in a text that is not a list: markup, a PDF, a JSON document.
_NOT_A_LIST = (b"<", b"{", b"[", b"%PDF")
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class DelimitedError(ValueError):
    """The text cannot be read as a list (the messages say why, in both languages)."""

    def __init__(self, id_text: str, en_text: str) -> None:
        super().__init__(en_text)
        self.id_text = id_text
        self.en_text = en_text


def looks_like_text(head: bytes) -> bool:
    """Whether a file's first bytes may be a CSV list: text (not markup or a PDF) whose first
    line holds a separator."""
    if head.startswith(_UTF16_BOMS):
        return True
    body = head.removeprefix(_UTF8_BOM).lstrip()
    if b"\x00" in head or not body or body.startswith(_NOT_A_LIST):
        return False
    first_line = body.split(b"\n", 1)[0]
    separated = any(d.encode() in first_line for d in DELIMITERS)
    return separated and all(b >= 0x20 or b in b"\t\r\n" for b in body[:512])


def decode(data: bytes) -> tuple[str, str]:
    """The text and the name of its encoding.

    Raises:
        DelimitedError: a NUL byte outside UTF-16, or bytes no accepted encoding reads.
    """
    if data.startswith(_UTF8_BOM):
        try:
            return data[len(_UTF8_BOM) :].decode("utf-8"), "UTF-8 (BOM)"
        except UnicodeDecodeError as exc:
            raise _bad_encoding(exc) from exc
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError as exc:
            raise _bad_encoding(exc) from exc
    if b"\x00" in data:
        raise DelimitedError(
            "berkas berisi bita NUL (bukan teks); simpan ulang sebagai CSV",
            "the file holds NUL bytes (it is not text); save it again as CSV",
        )
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as exc:
        raise _bad_encoding(exc) from exc


def _bad_encoding(exc: UnicodeDecodeError) -> DelimitedError:
    return DelimitedError(
        f"pengodean teks tidak dikenali (bita ke-{exc.start + 1}); simpan sebagai CSV UTF-8",
        f"the text encoding is not recognised (byte {exc.start + 1}); save as CSV UTF-8",
    )


def delimiter(text: str) -> str:
    """The separator that splits the first lines into the most (and the same number of)
    fields; a comma when nothing splits them."""
    sample = text[:65536].splitlines()[:20]
    best, best_score = ",", (0, 0)
    for candidate in DELIMITERS:
        try:
            widths = [len(r) for r in csv.reader(sample, delimiter=candidate) if r]
        except csv.Error:
            continue
        if not widths or max(widths) < 2:
            continue
        score = (sum(w == widths[0] for w in widths), widths[0])
        if score > best_score:
            best, best_score = candidate, score
    return best


@dataclass
class DelimitedSheet:
    """A CSV file's records as the rows of a sheet (all cells texts, "" when empty).

    Attributes:
        records: the rows.
        encoding: the encoding it was read in.
        separator: the field separator.
    """

    records: list[list[str]]
    encoding: str
    separator: str

    def iter_rows(self) -> Iterator[list[Any]]:
        """The rows from the top, as a workbook sheet gives them."""
        return iter(self.records)

    @property
    def width(self) -> int:
        """The most cells of any row."""
        return max((len(r) for r in self.records), default=0)


def read_delimited(data: bytes, max_rows: int, max_cells: int) -> DelimitedSheet:
    """The sheet a CSV file holds.

    Raises:
        DelimitedError: it is not readable text, has more than ``max_rows`` rows or more
            cells than ``max_cells``, or a field the CSV reader refuses (unclosed quote at
            the end of the file, a field larger than the file limit).
    """
    text, encoding = decode(data)
    separator = delimiter(text)
    records: list[list[str]] = []
    width = 0
    try:
        for record in csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=False):
            records.append(record)
            width = max(width, len(record))
            if len(records) > max_rows + 1:
                raise DelimitedError(
                    f"terlalu banyak baris (lebih dari {max_rows:,}); bagi menjadi beberapa "
                    "berkas".replace(",", "."),
                    f"too many rows (more than {max_rows:,}); split it into several files",
                )
            if len(records) * width > max_cells:
                raise DelimitedError(
                    f"terlalu banyak sel (lebih dari {max_cells:,}); bagi menjadi beberapa "
                    "berkas".replace(",", "."),
                    f"too many cells (more than {max_cells:,}); split it into several files",
                )
    except csv.Error as exc:
        raise DelimitedError(
            f"baris {len(records) + 1} tidak dapat dibaca sebagai CSV ({exc})",
            f"line {len(records) + 1} cannot be read as CSV ({exc})",
        ) from exc
    while records and not any(c.strip() for c in records[-1]):
        records.pop()
    return DelimitedSheet(records, encoding, separator)
