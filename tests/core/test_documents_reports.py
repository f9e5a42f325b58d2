"""The reports: recap totals equal the database, verification period, hub, profile, batch;
text, fonts, every page rendered within the margins, repeated table headers, determinism."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from jipp_desktop.db.engine import Database, open_database
from jipp_desktop.db.models import Hub, HubSpoke, Innovation, Replication, Verification
from jipp_desktop.demo.generator import add_demo_data
from jipp_desktop.documents import tables
from jipp_desktop.documents.batch import batch_profiles
from jipp_desktop.documents.recap import recap_data
from jipp_desktop.documents.reports import ReportRequest, make_report, parse_kind
from jipp_desktop.domain.errors import NotFound, ValidationFailed
from jipp_desktop.domain.list_filter import InnovationFilter
from jipp_desktop.progress import Cancelled
from jipp_desktop.services.search import count_innovations
from jipp_desktop.services.stats import store_stats
from tests.core.pdf_checks import check_pages, embedded_fonts, flat, page_texts

COUNT = 400


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Database:
    database = open_database(tmp_path_factory.mktemp("demo") / "jipp.db")
    add_demo_data(database, COUNT)
    yield database
    database.close()


def _number(text: str, label: str) -> int:
    match = re.search(re.escape(label) + r"\s*([\d.]+)", text)
    assert match, f"{label!r} not in the text"
    return int(match.group(1).replace(".", ""))


def test_recap_totals_equal_the_database(demo, tmp_path):
    document = make_report(demo, ReportRequest("recap"))
    text = flat(" ".join(page_texts(document.data)))
    with demo.session() as session:
        stats = store_stats(session)
    assert _number(text, "Jumlah inovasi:") == stats["innovations"] == COUNT
    assert "REKAPITULASI INOVASI PELAYANAN PUBLIK" in text
    # the province table's total row: total, then each phase, in the order of the columns
    phases = stats["by_phase"]
    expected_total = (
        f"Jumlah {COUNT} {phases['creation']} {phases['development']} "
        f"{phases['institutionalisation']}"
    )
    assert expected_total in text.replace(".", "")
    assert _number(text, "Terverifikasi") == stats["by_workflow"]["verified"]
    assert _number(text, "Berhenti/vakum") == stats["by_continuation"]["stopped"]
    assert {"DejaVuSans", "DejaVuSans-Bold"} <= embedded_fonts(document.data)
    check_pages(document.data, tmp_path / "png")


def test_recap_follows_the_list_filter(demo):
    f = InnovationFilter(province_code="35", phase="development")
    with demo.session() as session:
        expected = count_innovations(session, f)
        data = recap_data(session, f)
    assert data.total == expected
    assert set(data.by_province) <= {"35"}
    text = flat(" ".join(page_texts(make_report(demo, ReportRequest("recap", filter=f)).data)))
    assert _number(text, "Jumlah inovasi:") == expected
    assert "Wilayah: Jawa Timur; Tahap: Pengembangan" in text


def test_reports_are_deterministic(demo):
    first = make_report(demo, ReportRequest("recap"))
    assert make_report(demo, ReportRequest("recap")).data == first.data
    verification = make_report(demo, ReportRequest("verification"))
    assert make_report(demo, ReportRequest("verification")).data == verification.data


def test_verification_report_covers_its_period(demo, tmp_path):
    with demo.session() as session:
        first, _last = session.execute(
            select(func.min(Verification.verified_at), func.max(Verification.verified_at))
        ).one()
    start = first.date()
    end = date(start.year, 12, 31)
    with demo.session() as session:
        expected = session.scalar(
            select(func.count())
            .select_from(Verification)
            .where(func.date(Verification.verified_at).between(start, end))
        )
    document = make_report(demo, ReportRequest("verification", start=start, end=end))
    pages = [flat(t) for t in page_texts(document.data)]
    text = " ".join(pages)
    assert _number(text, "Jumlah verifikasi:") == expected
    assert "LAPORAN VERIFIKASI DATA INOVASI" in text
    assert "Periode: " in text and str(start.year) in text
    check_pages(document.data, tmp_path / "png")
    whole = make_report(demo, ReportRequest("verification"))
    with demo.session() as session:
        total = session.scalar(select(func.count()).select_from(Verification))
    assert _number(flat(page_texts(whole.data)[0]), "Jumlah verifikasi:") == total


def test_a_period_ending_before_it_starts_is_refused(demo):
    with pytest.raises(ValidationFailed) as caught:
        make_report(
            demo, ReportRequest("verification", start=date(2024, 5, 1), end=date(2024, 3, 31))
        )
    assert "tanggal akhir 2024-03-31 sebelum tanggal awal 2024-05-01" in caught.value.message("id")
    assert "before the start" in caught.value.message("en")


def test_long_tables_repeat_their_header_on_every_page(demo, monkeypatch):
    # small blocks so that a 400-record store has several of them
    monkeypatch.setattr(tables, "BLOCK_ROWS", 40)
    document = make_report(demo, ReportRequest("verification"))
    pages = [flat(t) for t in page_texts(document.data)]
    listing = next(i for i, t in enumerate(pages) if "Daftar verifikasi" in t)
    assert len(pages) - listing >= 3
    for text in pages[listing:]:
        assert "Tanggal Nomor registrasi Judul inovasi Instansi Verifikator" in text


def test_hub_report_lists_its_agencies_innovations_and_replications(demo, tmp_path):
    with demo.session() as session:
        hub_id = session.scalar(
            select(HubSpoke.hub_id).group_by(HubSpoke.hub_id).order_by(func.count().desc())
        )
        hub = session.get(Hub, hub_id)
        agencies = [hub.agency_id, *(s.agency_id for s in hub.spokes)]
        names = [hub.agency.name]
        innovations = session.scalar(
            select(func.count())
            .select_from(Innovation)
            .where(Innovation.agency_id.in_(agencies), Innovation.deleted_at.is_(None))
        )
    document = make_report(demo, ReportRequest("hub", hub_id))
    text = flat(" ".join(page_texts(document.data)))
    assert "LAPORAN HUB JIPP" in text and names[0] in text
    assert _number(text, "Inovasi") == innovations
    check_pages(document.data, tmp_path / "png")


def test_innovation_profile_prints_every_section_and_history(demo, tmp_path):
    with demo.session() as session:
        innovation_id = session.scalar(
            select(Replication.source_innovation_id)
            .join(Verification, Verification.innovation_id == Replication.source_innovation_id)
            .join(Innovation, Innovation.id == Replication.source_innovation_id)
            .where(Innovation.contact_phone.is_not(None))
        )
        innovation = session.get(Innovation, innovation_id)
        title, number, phone = (
            innovation.title,
            innovation.registration_number,
            innovation.contact_phone,
        )
    document = make_report(demo, ReportRequest("innovation", innovation_id))
    text = flat(" ".join(page_texts(document.data)))
    assert title.upper() in text and number in text
    for section in (
        "Identitas",
        "Klasifikasi",
        "Uraian",
        "Status",
        "Dasar hukum",
        "Riwayat verifikasi",
        "Replikasi",
    ):
        assert section in text
    assert phone not in text and "(data pribadi, tidak dicetak)" in text
    personal = make_report(demo, ReportRequest("innovation", innovation_id, personal=True))
    assert phone in flat(" ".join(page_texts(personal.data)))
    check_pages(document.data, tmp_path / "png")


def test_a_replica_names_the_innovation_it_replicates(demo):
    with demo.transaction() as session:
        source, replica = session.scalars(select(Innovation).order_by(Innovation.id).limit(2))
        replica.replicated_from_id = source.id
        source_title, replica_id = source.title, replica.id
    text = flat(
        " ".join(page_texts(make_report(demo, ReportRequest("innovation", replica_id)).data))
    )
    assert f"Replikasi dari {source_title}" in text


def test_english_labels_on_request(demo):
    text = flat(" ".join(page_texts(make_report(demo, ReportRequest("recap", lang="en")).data)))
    assert "PUBLIC SERVICE INNOVATION RECAP" in text and f"Innovations: {COUNT}" in text


@pytest.mark.parametrize("kind", ["recap", "verification"])
def test_page_numbers_speak_the_report_language(demo, kind):
    english = page_texts(make_report(demo, ReportRequest(kind, lang="en")).data)
    indonesian = page_texts(make_report(demo, ReportRequest(kind, lang="id")).data)
    pages = len(english)
    assert f"Page 1 of {pages}" in flat(english[0]) and "Halaman" not in flat(" ".join(english))
    assert f"Halaman 1 dari {len(indonesian)}" in flat(indonesian[0])


@pytest.mark.parametrize(
    ("kind", "words"),
    [("bogus", "tidak dikenal"), ("hub", "memerlukan ID"), ("recap:1", "tidak menerima ID")],
)
def test_bad_report_kinds_are_refused(kind, words):
    with pytest.raises(ValidationFailed) as caught:
        parse_kind(kind)
    assert words in caught.value.message("id")


def test_unknown_hub_or_innovation_is_refused(demo):
    for request in (ReportRequest("hub", "nope"), ReportRequest("innovation", "nope")):
        with pytest.raises(NotFound):
            make_report(demo, request)


def test_batch_profiles_into_one_pdf(demo, tmp_path):
    f = InnovationFilter(province_code="51")
    with demo.session() as session:
        expected = count_innovations(session, f)
    seen: list[tuple[int, int]] = []
    result = batch_profiles(
        demo, f, tmp_path / "profil.pdf", progress=lambda d, t: seen.append((d, t))
    )
    data = (tmp_path / "profil.pdf").read_bytes()
    pages = page_texts(data)
    assert result.profiles == expected and result.pages == len(pages)
    assert sum("Riwayat verifikasi" in p for p in pages) == expected
    assert seen and seen[-1][0] <= seen[-1][1]
    check_pages(data, tmp_path / "png")


def test_batch_profiles_into_a_folder_and_cancel_leaves_nothing(demo, tmp_path):
    f = InnovationFilter(province_code="51")
    result = batch_profiles(demo, f, tmp_path / "out", one_file=False)
    files = sorted((tmp_path / "out").glob("*.pdf"))
    assert len(files) == result.profiles == len(result.paths)

    def cancel_after_two(done: int, total: int) -> None:
        if done >= 2:
            raise Cancelled()

    with pytest.raises(Cancelled):
        batch_profiles(demo, f, tmp_path / "cancelled", one_file=False, progress=cancel_after_two)
    assert list((tmp_path / "cancelled").glob("*.pdf")) == []
    with pytest.raises(Cancelled):
        batch_profiles(demo, f, tmp_path / "one.pdf", progress=cancel_after_two)
    assert not Path(tmp_path / "one.pdf").exists()


def test_a_filter_that_keeps_nothing_is_refused(demo, tmp_path):
    with pytest.raises(NotFound) as caught:
        batch_profiles(demo, InnovationFilter(text="zzzqqqxxx"), tmp_path / "x.pdf")
    assert "tidak ada inovasi" in caught.value.message("id")
