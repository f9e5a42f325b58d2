"""What a walk through every page of every document found, and its fixes: a split table never
leaves one row and the total alone on a page, column titles keep one size and whole words,
dates in table cells on one line and day first in both languages, a narrow table under its
heading, the top-provinces chart only when there are provinces to rank, the hub table's
continuing column says it counts both kinds, a profile never verified says so without
contradicting its history, one witness is "Saksi", a short last row of signatures is centred,
a guide chapter's title has room under it."""

from __future__ import annotations

import dataclasses
import io
import re
from collections.abc import Iterator
from datetime import date

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Spacer
from sqlalchemy import func, select

from jipp_desktop.db.engine import Database, open_database
from jipp_desktop.db.models import HubSpoke, Innovation, Verification
from jipp_desktop.demo.generator import add_demo_data
from jipp_desktop.documents.fonts import FONT_BOLD
from jipp_desktop.documents.guide import guide_pdf
from jipp_desktop.documents.letter import make_letter
from jipp_desktop.documents.letterhead import Letterhead
from jipp_desktop.documents.pdf import PdfMeta, content_width
from jipp_desktop.documents.report_base import build_report, heading
from jipp_desktop.documents.reports import ReportRequest, make_report
from jipp_desktop.documents.tables import WIDOW_ROWS, data_table, number
from jipp_desktop.domain.list_filter import InnovationFilter
from jipp_desktop.reference.hubs import MINISTRIES_2023
from jipp_desktop.services.commitments import CommitmentInput, SignatoryInput, create_commitment
from tests.core.pdf_checks import check_pages, flat, page_texts

META = PdfMeta(title="Uji halaman", created=date(2026, 1, 5))
WIDTH = content_width(META)
# "7 Des 2026", "10 Jan 2026", "28 Sep 2026": a table cell's date.
SHORT_DATE = re.compile(r"^\d{1,2} [A-Z][a-z]{2,3} \d{4}$")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(tmp_path_factory.mktemp("demo") / "jipp.db")
    add_demo_data(database, 400)
    yield database
    database.close()


@dataclasses.dataclass(frozen=True)
class Run:
    """A piece of text as drawn: its words, font size and where its baseline starts (pt)."""

    text: str
    size: float
    x: float
    y: float


def runs(data: bytes, page: int) -> list[Run]:
    """The text runs of one page (0-based), in drawing order."""
    out: list[Run] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if text.strip():
            out.append(Run(text.strip(), size, cm[4] + tm[4], cm[5] + tm[5]))

    PdfReader(io.BytesIO(data)).pages[page].extract_text(visitor_text=visit)
    return out


def page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


# --- tables split across pages ---------------------------------------------------------


@pytest.mark.parametrize("rows", range(30, 40))  # page 1 holds 33
def test_a_split_table_carries_at_least_three_rows_to_the_next_page(rows):
    total = rows * (rows + 1) // 2
    story = [Spacer(1, 20 * mm), *heading("Daftar panjang")]
    story += data_table(
        ["Uraian", "Jumlah"],
        [[f"Daftar baris {i + 1}", i + 1] for i in range(rows)],
        [WIDTH - 40 * mm, 40 * mm],
        numeric=[1],
        total=["Jumlah", total],
    )
    document = build_report(story, META, Letterhead())
    pages = [flat(t) for t in page_texts(document.data)]
    for text in pages[1:]:
        carried = text.count("Daftar baris ") + (f"Jumlah {number(total)}" in text)
        assert carried >= WIDOW_ROWS, f"{rows} rows: {carried} on a page: {text[:80]}"
    shown = [int(n) for text in pages for n in re.findall(r"Daftar baris (\d+)", text)]
    assert shown == list(range(1, rows + 1))  # every row once, in order


def test_a_narrow_table_starts_under_its_heading(demo):
    document = make_report(demo, ReportRequest("verification"))
    first = runs(document.data, 0)
    title = next(r for r in first if r.text == "Hasil verifikasi")
    cell = next(r for r in first if r.text == "Valid - berlanjut")
    assert abs(cell.x - title.x) < 4  # the cell's padding, not centred 70 mm further right


# --- column titles ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
def test_recap_column_titles_keep_one_size_and_whole_words(demo, lang):
    document = make_report(demo, ReportRequest("recap", lang=lang))
    texts = [flat(t) for t in page_texts(document.data)]
    heading_text = "Menurut provinsi" if lang == "id" else "By province"
    page = next(i for i, t in enumerate(texts) if heading_text in t)
    drawn = runs(document.data, page)
    first_cell = "Provinsi" if lang == "id" else "Province"
    start = next(i for i, r in enumerate(drawn) if r.text == first_cell)
    # the header row: the runs in the header's font size after its first cell
    header = [r for r in drawn[start : start + 14] if r.size < 8]
    words = " ".join(r.text for r in header)
    assert {r.size for r in header} == {7.5}, [(r.text, r.size) for r in header]
    expected = (
        ["Pengembangan", "Pelembagaan", "Terverifikasi", "pengembangan"]
        if lang == "id"
        else ["Development", "Institutionalisation", "Verified", "developed"]
    )
    for word in expected:
        assert word in words.split(), words  # never "Institutionalisatio n"


# --- dates in tables ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
def test_table_dates_stay_on_one_line_and_put_the_day_first(demo, lang):
    document = make_report(demo, ReportRequest("verification", lang=lang))
    dates = [
        r.text
        for page in range(1, min(page_count(document.data), 6))
        for r in runs(document.data, page)
        if re.match(r"^\d{1,2} [A-Z][a-z]{2,3}\b", r.text) or re.match(r"^[A-Z][a-z]{2} \d", r.text)
    ]
    assert len(dates) > 20
    for text in dates:
        assert SHORT_DATE.match(text), f"a date cut over two lines or month first: {text!r}"
    two_digit = [d for d in dates if d[:2].isdigit()]
    assert two_digit  # "10 Jan 2026" — the dates that used to wrap


def test_a_profile_writes_dates_day_first_in_english(demo):
    with demo.session() as session:
        innovation_id = session.scalar(
            select(Verification.innovation_id)
            .join(Innovation, Innovation.id == Verification.innovation_id)
            .where(Innovation.trial_date.is_not(None))
            .limit(1)
        )
    document = make_report(demo, ReportRequest("innovation", innovation_id, lang="en"))
    text = flat(" ".join(page_texts(document.data)))
    months = "January|February|March|April|May|June|July|August|September|October|November|December"
    assert re.search(rf"Trial date \d{{1,2}} ({months}) \d{{4}}", text), text[:600]
    assert not re.search(rf"\b({months}) \d{{1,2}}, \d{{4}}", text)  # not "March 12, 2016"


# --- recap: the top provinces ------------------------------------------------------------


def test_the_top_provinces_chart_only_ranks_several_provinces(demo):
    whole = flat(" ".join(page_texts(make_report(demo, ReportRequest("recap")).data)))
    assert "15 provinsi dengan inovasi terbanyak" in whole
    with demo.session() as session:
        province = session.scalar(
            select(func.substr(Innovation.region_code, 1, 2))
            .where(Innovation.region_code.is_not(None))
            .limit(1)
        )
    one = make_report(demo, ReportRequest("recap", filter=InnovationFilter(province_code=province)))
    text = flat(" ".join(page_texts(one.data)))
    assert "Menurut provinsi" in text
    assert "provinsi dengan inovasi terbanyak" not in text  # no chart of a single bar


# --- hub report ---------------------------------------------------------------------------


def test_the_hub_table_says_its_continuing_column_counts_both_kinds(demo):
    with demo.session() as session:
        hub_id = session.scalar(
            select(HubSpoke.hub_id).group_by(HubSpoke.hub_id).order_by(func.count().desc())
        )
    document = make_report(demo, ReportRequest("hub", hub_id))
    text = flat(" ".join(page_texts(document.data)))
    assert "Berlanjut (termasuk dengan pengembangan)" in text
    english = make_report(demo, ReportRequest("hub", hub_id, lang="en"))
    assert "Continuing (incl. developed)" in flat(" ".join(page_texts(english.data)))


# --- profile ------------------------------------------------------------------------------


def test_a_profile_never_verified_does_not_contradict_its_history(demo):
    with demo.session() as session:
        innovation_id = session.scalar(
            select(Verification.innovation_id)
            .join(Innovation, Innovation.id == Verification.innovation_id)
            .where(Innovation.last_verified_at.is_(None), Verification.outcome == "needs_revision")
            .limit(1)
        )
    assert innovation_id, "the demo has a record sent back for revision, never verified"
    document = make_report(demo, ReportRequest("innovation", innovation_id))
    text = flat(" ".join(page_texts(document.data)))
    assert "Riwayat verifikasi" in text and "Perlu perbaikan" in text
    assert "Belum pernah terverifikasi" in text
    assert "Belum pernah diverifikasi" not in text  # it was checked: see its history


# --- the letter ---------------------------------------------------------------------------


def _commitment(db, operator, signers: int, witnesses: int) -> str:
    names = [name for name, _ in MINISTRIES_2023]
    people = [
        SignatoryInput(names[i % len(names)], f"Pejabat Penanda Tangan {i + 1:02d}", "Sekjen", None)
        for i in range(signers)
    ]
    people += [
        SignatoryInput(
            "Kementerian PANRB",
            f"Saksi Penanda Tangan {i + 1:02d}",
            "Deputi",
            None,
            is_witness=True,
        )
        for i in range(witnesses)
    ]
    data = CommitmentInput(
        number="002/KOMITMEN/HUB-JIPP/X/2023",
        title="Pernyataan Komitmen Bersama",
        place="Jakarta",
        signed_on=date(2023, 10, 20),
        opening="Kami yang bertanda tangan di bawah ini menyatakan komitmen untuk:",
        clauses=("Membentuk Hub JIPP.",),
        signatories=tuple(people),
    )
    with db.transaction() as session:
        return create_commitment(session, operator, data).id


@pytest.mark.parametrize(("witnesses", "words"), [(1, "Saksi,"), (2, "Saksi-saksi,")])
def test_one_witness_is_saksi_more_are_saksi_saksi(db, operator, witnesses, words):
    cid = _commitment(db, operator, 3, witnesses)
    text = flat(" ".join(page_texts(make_letter(db, operator, cid).document.data)))
    assert f"{words} Kementerian PANRB" in text
    if witnesses == 1:
        assert "Saksi-saksi" not in text


def test_a_short_last_row_of_signatures_is_centred(db, operator, tmp_path):
    cid = _commitment(db, operator, 7, 0)  # rows of 3, 3 and 1
    document = make_letter(db, operator, cid).document
    texts = [flat(t) for t in page_texts(document.data)]
    page = next(i for i, t in enumerate(texts) if "Pejabat Penanda Tangan 07" in t)
    name = next(r for r in runs(document.data, page) if r.text == "Pejabat Penanda Tangan 07")
    width = stringWidth(name.text, FONT_BOLD, name.size)
    assert abs(name.x + width / 2 - 105 * mm) < 2 * mm  # under the middle of the page
    check_pages(document.data, tmp_path / "png")


# --- the guide ----------------------------------------------------------------------------


def test_a_guide_chapter_title_has_room_under_it():
    document = guide_pdf("id")
    drawn = runs(document.data, 1)  # the first chapter: "Memasang JIPP Desktop"
    title = next(r for r in drawn if r.text.startswith("Memasang JIPP Desktop"))
    after = next(r for r in drawn if r.y < title.y - 1)
    # the next line's leading (14 pt) and the title's space after (8 pt)
    assert title.y - after.y >= 20, (title, after)  # 14 pt before
