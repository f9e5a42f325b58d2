"""Numbers that mean what they say: "Perlu verifikasi ulang" counts verified records last
verified more than 12 months ago (not drafts, not records waiting or rejected), the same in
`stats --json`, the list filter and the recap; a record without a phase is counted under
"Belum diisi" so every total adds up; chart numbers are written the Indonesian way."""

from __future__ import annotations

import json
from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import update

from jipp_desktop.cli.main import run
from jipp_desktop.db.models import Innovation, utcnow
from jipp_desktop.documents.letterhead import Letterhead
from jipp_desktop.documents.pdf import PdfMeta, content_width
from jipp_desktop.documents.recap import RecapData, recap_story
from jipp_desktop.documents.report_base import build_report
from jipp_desktop.documents.reports import ReportRequest, make_report
from jipp_desktop.domain.list_filter import InnovationFilter
from jipp_desktop.services.innovations import create_innovation
from jipp_desktop.services.search import count_innovations
from jipp_desktop.services.stats import store_stats
from tests.conftest import innovation_values
from tests.core.pdf_checks import flat, page_texts

# title → (workflow, phase, days since the last verification or None)
RECORDS = {
    "Draf Tanpa Tahap": ("draft", None, None),
    "Draf Lengkap": ("draft", "creation", None),
    "Menunggu Keputusan": ("submitted", "development", None),
    "Ditolak Karena Ganda": ("rejected", "development", 500),
    "Terverifikasi Baru": ("verified", "institutionalisation", 40),
    "Terverifikasi Lama": ("verified", "development", 400),
    "Terverifikasi Tanpa Tanggal": ("verified", "creation", None),
}


@pytest.fixture
def store(db, operator):
    with db.transaction() as session:
        for title, (workflow, phase, days) in RECORDS.items():
            record = create_innovation(
                session, operator, innovation_values(title=f"Layanan {title}", phase=phase)
            )
            session.execute(
                update(Innovation)
                .where(Innovation.id == record.id)
                .values(
                    workflow=workflow,
                    last_verified_at=utcnow() - timedelta(days=days) if days else None,
                )
            )
    return db


def test_due_for_reverification_counts_verified_records_older_than_12_months(store):
    with store.session() as session:
        stats = store_stats(session)
        listed = count_innovations(session, InnovationFilter(needs_reverification=True))
    # the one verified 400 days ago and the verified one with no date; not the rejected one
    # verified 500 days ago, not drafts nor the record waiting for its first decision
    assert stats["needs_reverification"] == listed == 2


def test_every_grouping_adds_up_with_unset_for_a_missing_phase(store):
    with store.session() as session:
        stats = store_stats(session)
    assert stats["innovations"] == len(RECORDS)
    assert stats["by_phase"]["unset"] == 1
    for key in ("by_phase", "by_workflow", "by_continuation"):
        assert sum(stats[key].values()) == stats["innovations"], key


def test_stats_json_keeps_its_keys_and_adds_the_reverification_count(store, capsys):
    assert run(["--db", str(store.path), "stats", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for key in ("innovations", "by_phase", "by_workflow", "by_continuation", "pending_changes"):
        assert key in data
    assert data["needs_reverification"] == 2
    assert sum(data["by_phase"].values()) == data["innovations"] == 7


def test_recap_counts_the_record_without_a_phase_and_the_reverification_due(store):
    document = make_report(store, ReportRequest("recap"))
    text = flat(" ".join(page_texts(document.data)))
    assert "Perlu verifikasi ulang (terverifikasi > 12 bulan lalu) 2" in text
    # the province table: total 7 = 2 creation + 3 development + 1 institutionalisation + 1 unset
    assert "Belum diisi" in text
    assert "Jumlah 7 2 3 1 1" in text
    assert "unset" not in text
    english = flat(" ".join(page_texts(make_report(store, ReportRequest("recap", lang="en")).data)))
    assert "Due for re-verification (verified > 12 months ago) 2" in english
    assert "Not set" in english


def test_recap_charts_write_numbers_the_indonesian_way_and_keep_labels_whole(tmp_path):
    data = RecapData(total=23_024)
    data.by_province["35"] = Counter(
        total=23_024,
        creation=20_019,
        development=3_005,
        continuing=11_000,
        continuing_developed=12_024,
        verified=23_024,
    )
    data.province_names["35"] = "Jawa Timur"
    meta = PdfMeta(title="Rekap", created=utcnow(), landscape=True)
    story = recap_story(data, "", content_width(meta), "id")
    document = build_report(story, meta, Letterhead())
    first = flat(page_texts(document.data)[0])
    assert "20.019" in first and "3.005" in first
    assert "20019" not in first
    # the continuation chart's labels, each whole (wrapped, not cut to "Berlanjut…")
    assert "Berlanjut dengan pengembangan" in first
    assert "Berlanjut…" not in first
