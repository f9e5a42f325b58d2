"""Issue 11, as a property: arbitrary Unicode text and values, through the form's rules
(validate_innovation), the service, the export, the import and a PDF. Each input is either
refused with a clear message naming its field (and nothing is stored), or stored as the rules
cleaned it — and then the export imports back without a change, the rules give the same values
again, and a profile PDF of it is made (showing the title, when its font can print it).

Bounded: a few dozen examples, no deadline, one store for the whole test.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from jipp_desktop.db.engine import open_database
from jipp_desktop.documents.reports import ReportRequest, make_report
from jipp_desktop.domain.errors import ValidationFailed
from jipp_desktop.domain.fields import FIELDS_BY_NAME
from jipp_desktop.domain.validation import validate_innovation
from jipp_desktop.services.innovations import (
    create_innovation,
    delete_innovation,
    get_innovation,
    innovation_values,
)
from jipp_desktop.services.lookup import StoreLookup
from jipp_desktop.services.officers import Actor, create_officer
from jipp_desktop.spreadsheets.export import export_innovations
from jipp_desktop.spreadsheets.importer import import_spreadsheet
from tests.conftest import DENPASAR

from .pdf_checks import flat, page_texts

HOSTILE = [
    '=HYPERLINK("http://x")',
    "=1+1",
    "#N/A",
    "_x0041_",
    "a_x005F_b",
    "\x00\x07\x1b",
    "\u200b\u200b",
    "\u00ad",
    "\ufeff",
    "\u202e",
    "\ud800",
    "\ufffe",
    "Lаyanan",  # a Cyrillic а
    "e\u0301",
    "\r\n",
    "\u2028",
    "😀",
    "共同",
    "التزام",
    "-",
    " ",
    "",
]
# Any code point at all (controls, surrogates, unassigned, private use), and the hostile ones.
TEXT = st.one_of(
    st.text(st.characters(exclude_categories=()), max_size=40),
    st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=8)), max_size=6).map("".join),
)
PHASES = ["development", "creation", "institutionalisation"]
LONG = st.one_of(TEXT, TEXT, st.integers(0, 4).map(lambda n: "kata panjang " * (n * 300)))


def values() -> st.SearchStrategy[dict]:
    fields = {
        "unit_name": TEXT,
        "innovators": LONG,
        "stakeholders": TEXT,
        "summary": LONG,
        "background": LONG,
        "contact_name": TEXT,
        "registration_number": st.one_of(st.none(), TEXT),
        # Mostly values a record can have, sometimes anything at all.
        "year_started": st.one_of(
            *[st.integers(1945, 2024)] * 8, st.integers(-(10**25), 10**25), TEXT
        ),
        "trial_date": st.one_of(
            *[st.dates(date(1945, 1, 1), date(2024, 1, 1))] * 8,
            st.dates(date(1, 1, 1), date(9999, 1, 1)),
            TEXT,
        ),
        "sdg_goals": st.one_of(*[st.lists(st.integers(1, 17), max_size=4)] * 8, TEXT),
        "is_digital": st.one_of(*[st.booleans()] * 8, TEXT),
        "phase": st.one_of(*[st.sampled_from(PHASES)] * 8, TEXT),
        "contact_email": st.one_of(*[st.just("narahubung@contoh.example")] * 8, TEXT),
    }
    required = {
        "title": st.one_of(TEXT, *[TEXT.map(lambda t: "Layanan " + t)] * 4),
        "agency_id": st.just(DENPASAR),
        "region_code": st.just("51.71"),
    }
    return st.fixed_dictionaries(required, optional=fields)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("properti")
    db = open_database(folder / "jipp.db")
    with db.transaction() as s:
        actor = Actor.of(create_officer(s, "Dewi Lestari", "operator"))
    yield db, actor, folder
    db.close()


def clear_refusal(errors) -> None:
    assert errors
    for e in errors:
        assert e.field in FIELDS_BY_NAME, e
        assert e.id.strip() and e.en.strip() and "\n" not in e.en, e


@settings(
    max_examples=100,
    deadline=None,
    derandomize=True,  # the same examples on every run: CI passes or fails for the code
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(entered=values())
def test_what_is_stored_comes_back_out_or_is_refused_clearly(store, entered):
    db, actor, folder = store
    with db.session() as s:
        cleaned, errors = validate_innovation(entered, StoreLookup(s))
    event("refused by the rules" if errors else "stored")
    if errors:
        clear_refusal(errors)
        with pytest.raises(ValidationFailed), db.transaction() as s:
            create_innovation(s, actor, entered)
        return
    try:
        with db.transaction() as s:
            record = create_innovation(s, actor, entered).id
    except ValidationFailed as refused:  # a registration number an earlier example took
        clear_refusal(refused.errors)
        return
    try:
        with db.session() as s:
            stored = innovation_values(get_innovation(s, record))
            again, errors = validate_innovation(stored, StoreLookup(s))
        assert stored == cleaned
        assert errors == [] and again == stored

        out = folder / "ekspor.xlsx"
        with db.session() as s:
            assert export_innovations(s, out).count == 1
        report = import_spreadsheet(db, actor, out, on_duplicate="update", dry_run=True)
        assert (report.total, report.unchanged, report.invalid) == (1, 1, 0), report.problems

        pdf = make_report(db, ReportRequest(kind="innovation", target=record))
        assert pdf.pages >= 1
        # What the rules let in prints (they refuse what the documents' font cannot).
        assert flat(stored["title"]) in flat(" ".join(page_texts(pdf.data)))
    finally:
        with db.transaction() as s:
            delete_innovation(s, actor, record)
    assert not list(Path(folder).glob(".*"))
