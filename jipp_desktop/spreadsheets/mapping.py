"""Which column goes where when a header's name alone does not say: the column's values
decide ("Jenis Inovasi" holding "Digital" / "Non Digital" is the digital flag, holding
"Inovasi Pelayanan Publik" the form; "Keberlanjutan" holding "Ya" / "Tidak" is the
continuation, holding sentences the sustainability narrative).

Of the candidates of :data:`~jipp_desktop.spreadsheets.headers.AMBIGUOUS`, the one that reads
the most of the sampled values wins if it reads at least ``SHARE`` of them (so a few typos do
not move a column); otherwise the last, the fallback. The import preview shows the
outcome, and the officer may change any column before the commit
(:meth:`~jipp_desktop.spreadsheets.headers.HeaderMap.remap`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from jipp_desktop.domain.fields import FIELDS_BY_NAME
from jipp_desktop.reference.codes import VERIFICATION_OUTCOMES
from jipp_desktop.spreadsheets.columns import OUTCOME
from jipp_desktop.spreadsheets.headers import BY_VALUES, SPELLING, HeaderMap
from jipp_desktop.spreadsheets.values import digital_value, is_blank, number_text, parse_cell

SAMPLE_ROWS = 200
SHARE = 0.5


def _reads_as(key: str) -> Callable[[Any], bool]:
    """Whether a cell reads as a value of ``key`` (narratives read anything)."""
    if key == OUTCOME:
        return lambda raw: VERIFICATION_OUTCOMES.parse(number_text(raw)) is not None
    if key == "is_digital":
        return lambda raw: isinstance(raw, bool) or digital_value(number_text(raw)) is not None
    spec = FIELDS_BY_NAME[key]
    if spec.codes is not None:
        return lambda raw: parse_cell(spec, raw)[1] is None
    return lambda raw: True


def decide(candidates: tuple[str, ...], values: list[Any]) -> str:
    """The candidate key the values read as: the last one when none reads enough of them,
    the last field named when the column is empty."""
    if not values:
        named = [k for k in candidates if k]
        return named[-1] if named else ""
    read = {key: sum(1 for v in values if _reads_as(key)(v)) for key in candidates[:-1]}
    best = max(read, key=lambda k: read[k])  # the first of equals
    return best if read[best] >= SHARE * len(values) else candidates[-1]


def settle(header: HeaderMap, rows: Iterable[list[Any]], first_column: int) -> None:
    """Decides every pending (ambiguous) column of ``header`` by the values under it in the
    first ``SAMPLE_ROWS`` data rows of ``rows`` (the sheet's rows from the top)."""
    if not header.pending:
        return
    samples: dict[int, list[Any]] = {i: [] for i in header.pending}
    for number, cells in enumerate(rows, 1):
        if number <= header.row:
            continue
        if number > header.row + SAMPLE_ROWS:
            break
        for index in samples:
            position = index - first_column
            raw = cells[position] if 0 <= position < len(cells) else None
            if not is_blank(raw):
                samples[index].append(raw)
    pending, header.pending = header.pending, {}
    for index, candidates in pending.items():
        header.place(index, decide(candidates, samples[index]), SPELLING, BY_VALUES)
