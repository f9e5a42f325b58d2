"""Full-text search and the list filters, and the counts of `stats`."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from jipp_desktop.db.engine import Database
from jipp_desktop.db.models import Innovation
from jipp_desktop.domain.list_filter import InnovationFilter
from jipp_desktop.services import search as search_module
from jipp_desktop.services.innovations import (
    create_innovation,
    delete_innovation,
    insert_innovations,
    update_innovation,
)
from jipp_desktop.services.officers import Actor
from jipp_desktop.services.search import (
    count_innovations,
    fts_query,
    list_innovations,
    search_innovations,
)
from jipp_desktop.services.stats import store_stats
from tests.conftest import BALI

TITLES = {
    "akta": "Layanan Akta Kelahiran Langsung dari Rumah Sakit",
    "gizi": "SIPEGIBA — Sistem Informasi Pemantauan Gizi Balita",
    "pajak": "Gerai Pajak Keliling",
}


@pytest.fixture
def ids(db: Database, operator: Actor, make_values) -> dict[str, str]:
    out = {}
    with db.transaction() as s:
        out["akta"] = create_innovation(s, operator, make_values(title=TITLES["akta"])).id
        out["gizi"] = create_innovation(
            s,
            operator,
            make_values(
                title=TITLES["gizi"],
                sector="health",
                phase="creation",
                stage="trial",
                summary="Kader posyandu mencatat berat badan balita setiap bulan.",
            ),
        ).id
        out["pajak"] = create_innovation(
            s,
            operator,
            make_values(
                title=TITLES["pajak"],
                agency_id=BALI,
                region_code="51.03",
                sector="finance",
                summary="Mobil pajak datang ke desa; tidak perlu ke kantor Samsat.",
            ),
        ).id
    return out


def found(db: Database, words: str, **kw) -> list[str]:
    with db.session() as s:
        return [r.title for r in search_innovations(s, words, **kw)]


def test_fts_query_quotes_what_the_officer_typed() -> None:
    assert fts_query("akta  lahir") == '"akta"* "lahir"*'
    assert fts_query('gizi" OR NOT *') == '"gizi"* "OR"* "NOT"*'
    assert fts_query(" ?! ") is None


def test_words_prefixes_and_accents(db: Database, ids: dict[str, str]) -> None:
    assert found(db, "akta kelahiran") == [TITLES["akta"]]
    assert found(db, "kelah") == [TITLES["akta"]]  # the last word may be a prefix
    assert found(db, "GIZI balita") == [TITLES["gizi"]]
    assert found(db, "sipegiba") == [TITLES["gizi"]]
    assert found(db, "samsat") == [TITLES["pajak"]]  # words of the summary count too
    assert found(db, "akta balita") == []  # every word must occur
    assert found(db, 'pajak" OR "akta') == []  # FTS syntax is taken as text


def test_title_words_rank_above_summary_words(
    db: Database, operator: Actor, ids: dict[str, str], make_values
) -> None:
    with db.transaction() as s:
        create_innovation(
            s,
            operator,
            make_values(
                title="Layanan Kesehatan Jemput Bola",
                summary="Petugas datang ke rumah; pajak tidak dipungut. " * 3,
            ),
        )
    assert found(db, "pajak")[0] == TITLES["pajak"]


def test_edits_and_deletes_reach_the_index(
    db: Database, operator: Actor, ids: dict[str, str]
) -> None:
    with db.transaction() as s:
        update_innovation(s, operator, ids["pajak"], {"title": "Mobil Retribusi Keliling"})
    assert found(db, "gerai") == []
    assert found(db, "retribusi") == ["Mobil Retribusi Keliling"]
    with db.transaction() as s:
        delete_innovation(s, operator, ids["akta"])
    assert found(db, "akta") == []


def test_filters(db: Database, ids: dict[str, str]) -> None:
    with db.session() as s:

        def listed(**kw) -> set[str]:
            f = InnovationFilter(**kw)
            rows = list_innovations(s, f)
            assert count_innovations(s, f) == len(rows)
            return {r.id for r in rows}

        assert listed() == set(ids.values())
        assert listed(province_code="51") == set(ids.values())
        assert listed(region_code="51.03") == {ids["pajak"]}
        assert listed(agency_id=BALI) == {ids["pajak"]}
        assert listed(sector="health") == {ids["gizi"]}
        assert listed(phase="creation", text="balita") == {ids["gizi"]}
        assert listed(workflow="verified") == set()
        # None is verified: none is due for *re*-verification (drafts are not).
        assert listed(needs_reverification=True) == set()
        assert listed(province_code="52") == set()
        by_title = [
            r.title for r in list_innovations(s, InnovationFilter(), sort="title", descending=False)
        ]
        assert by_title == sorted(TITLES.values())
        with pytest.raises(ValueError, match="cannot sort"):
            list_innovations(s, InnovationFilter(), sort="password")


def test_search_with_a_filter(db: Database, ids: dict[str, str]) -> None:
    assert found(db, "keliling", f=InnovationFilter(sector="finance")) == [TITLES["pajak"]]
    assert found(db, "keliling", f=InnovationFilter(sector="health")) == []


def test_many_matches_rank_only_the_newest_candidates(
    db: Database, operator: Actor, make_values, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [make_values(title=f"Pelayanan Terpadu Nomor {n:03d}") for n in range(30)]
    with db.transaction() as s:
        insert_innovations(s, operator, rows)
    monkeypatch.setattr(search_module, "RANK_CANDIDATES", 10)
    hits = found(db, "pelayanan terpadu", limit=30)
    assert len(hits) == 10
    assert set(hits) == {f"Pelayanan Terpadu Nomor {n:03d}" for n in range(20, 30)}


def test_stats_count_only_live_records(db: Database, operator: Actor, ids: dict[str, str]) -> None:
    with db.transaction() as s:
        delete_innovation(s, operator, ids["akta"])
    with db.session() as s:
        stats = store_stats(s)
        assert s.scalar(select(func.count()).select_from(Innovation)) == 3
        assert s.execute(text("SELECT count(*) FROM audit_log")).scalar() == 4
    assert stats["innovations"] == 2
    assert stats["by_phase"] == {
        "creation": 1,
        "development": 1,
        "institutionalisation": 0,
        "unset": 0,
    }
    assert stats["by_workflow"]["draft"] == 2 and sum(stats["by_workflow"].values()) == 2
    assert stats["by_continuation"] == {
        "continuing": 0,
        "continuing_developed": 0,
        "stopped": 0,
        "unknown": 2,
    }
    # Made and deleted before any sync: the registry never hears of it, nothing is pending.
    assert stats["pending_changes"] == 2
    assert stats["hubs"] == 35 and stats["verifications"] == 0


def test_a_filter_narrows_the_candidates_before_ranking(
    db: Database, operator: Actor, make_values, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.transaction() as s:
        old = create_innovation(
            s,
            operator,
            make_values(title="Pelayanan Terpadu Provinsi", agency_id=BALI, region_code="51"),
        ).id
        rows = [make_values(title=f"Pelayanan Terpadu Nomor {n:03d}") for n in range(30)]
        insert_innovations(s, operator, rows)
    monkeypatch.setattr(search_module, "RANK_CANDIDATES", 10)
    assert "Pelayanan Terpadu Provinsi" not in found(db, "pelayanan terpadu", limit=30)
    with db.session() as s:
        hits = search_innovations(s, "pelayanan terpadu", f=InnovationFilter(agency_id=BALI))
    assert [h.id for h in hits] == [old]


def test_deleted_best_matches_do_not_hide_live_ones(
    db: Database, operator: Actor, make_values
) -> None:
    with db.transaction() as s:
        made = [
            create_innovation(
                s, operator, make_values(title=f"Layanan Keliling Nomor {n} untuk Warga")
            ).id
            for n in range(5)
        ]
    with db.transaction() as s:
        for record_id in made[-3:]:  # the newest, ranked first among equals
            delete_innovation(s, operator, record_id)
    with db.session() as s:
        hits = [r.id for r in search_innovations(s, "keliling", limit=2)]
    assert hits and set(hits) <= set(made[:2])
    assert len(hits) == 2
