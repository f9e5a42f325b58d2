"""Shared fixtures: a fresh store per test, officers in each role, valid innovation values."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The log of the test run goes to a folder of its own, never the user's data folder.
os.environ.setdefault("JIPP_LOG_DIR", tempfile.mkdtemp(prefix="jipp-test-log-"))

from jipp_desktop.db.engine import Database, open_database
from jipp_desktop.language import set_language
from jipp_desktop.reference.seed import reference_id
from jipp_desktop.services.officers import Actor, create_officer

DENPASAR = reference_id("agency", "Pemerintah Kota Denpasar")
BALI = reference_id("agency", "Pemerintah Provinsi Bali")


@pytest.fixture(autouse=True)
def _indonesian() -> Iterator[None]:
    set_language("id")
    yield
    set_language("id")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "jipp.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def officers(db: Database) -> dict[str, Actor]:
    """An operator, a second operator, a verifier and an admin."""
    people = {
        "operator": ("Dewi Lestari", "operator", "198503122010012003"),
        "operator2": ("Agus Salim", "operator", None),
        "verifier": ("Bambang Sutrisno", "verifier", "197811052005011002"),
        "admin": ("Rina Wulandari", "admin", None),
    }
    out = {}
    with db.transaction() as session:
        for key, (name, role, nip) in people.items():
            out[key] = Actor.of(create_officer(session, name, role, nip))
    return out


@pytest.fixture
def operator(officers: dict[str, Actor]) -> Actor:
    return officers["operator"]


@pytest.fixture
def verifier(officers: dict[str, Actor]) -> Actor:
    return officers["verifier"]


@pytest.fixture
def admin(officers: dict[str, Actor]) -> Actor:
    return officers["admin"]


def innovation_values(**changes: Any) -> dict[str, Any]:
    """A complete, valid innovation of Kota Denpasar (ready to submit)."""
    values: dict[str, Any] = {
        "title": "Layanan Akta Kelahiran Langsung dari Rumah Sakit",
        "agency_id": DENPASAR,
        "region_code": "51.71",
        "unit_name": "Dinas Kependudukan dan Pencatatan Sipil",
        "innovators": "Tim Disdukcapil Kota Denpasar",
        "year_started": 2021,
        "form": "public_service",
        "initiator": "agency",
        "sector": "civil_registration",
        "phase": "development",
        "stage": "implementation",
        "summary": "Orang tua menerima akta kelahiran bayi sebelum pulang dari rumah sakit.",
    }
    values.update(changes)
    return values


@pytest.fixture
def make_values() -> Any:
    return innovation_values
