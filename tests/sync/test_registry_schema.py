"""The registry's own migrations build exactly its tables (SQLite and PostgreSQL), starting
twice migrates and seeds once, and the desktop's core never imports the sync package."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select

from jipp_desktop.reference.seed import reference_id
from sync.registry import models
from sync.registry.db import make_engine, normalise_url, prepare
from sync.registry.seed import reference_records
from tests.sync.servers import ROOT, PostgresCluster


def _check(url: str) -> None:
    engine = make_engine(url, pool_size=1)
    try:
        first = prepare(engine)
        assert prepare(engine) == first  # the database id is made once
        with engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection), models.metadata)
            assert diff == []
            r = models.records.c
            count = connection.scalar(select(func.count()).select_from(models.records))
            assert count == len(reference_records())
            denpasar = connection.execute(
                select(r.data, r.region_code).where(
                    r.entity == "agency", r.id == reference_id("agency", "Pemerintah Kota Denpasar")
                )
            ).one()
            assert denpasar.data["name"] == "Pemerintah Kota Denpasar"
            assert denpasar.region_code == "51.71"
            assert (
                connection.scalar(
                    select(func.count()).select_from(models.records).where(r.entity == "hub")
                )
                > 0
            )
    finally:
        engine.dispose()


def test_migrations_match_the_models_on_sqlite(tmp_path: Path) -> None:
    _check(f"sqlite:///{tmp_path / 'registry.db'}")


def test_migrations_match_the_models_on_postgresql(postgres: PostgresCluster) -> None:
    _check(postgres.new_database())


def test_database_urls() -> None:
    assert normalise_url("postgresql://u:p@h:5/db") == "postgresql+psycopg://u:p@h:5/db"
    assert normalise_url("sqlite:///x.db").startswith("sqlite+pysqlite:///x.db")
    with pytest.raises(ValueError):
        normalise_url("mysql://h/db")


def test_the_core_never_imports_sync() -> None:
    offenders = []
    for path in sorted((ROOT / "jipp_desktop").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            offenders += [f"{path}: {n}" for n in names if n == "sync" or n.startswith("sync.")]
    assert offenders == []
