"""The fields the national systems hold travel between devices through a real registry: an
innovation's initiator's name, secondary government affairs and awards, an agency's national
code; the registry checks them by the desktop's rules."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from jipp_desktop.db.models import Agency, Innovation
from jipp_desktop.reference.seed import reference_id
from jipp_desktop.services.agencies import update_agency
from jipp_desktop.services.changes import Change, record_changes
from jipp_desktop.services.innovations import AwardInput, create_innovation
from tests.conftest import DENPASAR, innovation_values
from tests.sync.test_client_support import assert_agree, device_maker, registry_records, update

BADUNG = reference_id("agency", "Pemerintah Kabupaten Badung")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def registry(registry_factory, request):
    # A registry of its own on each backend: the devices below must agree on everything they
    # see, which other tests' records (of other Bali agencies, seen by admin_bali only) would
    # upset.
    return registry_factory(backend=request.param)


@pytest.fixture
def devices(tmp_path, registry):
    yield from device_maker(tmp_path, registry)


def test_they_reach_a_second_device(devices, registry):
    a, b = devices("a", "b")
    admin = a.officer("admin_bali")
    a.sync("admin_bali")  # the registry's copy of the reference agencies first
    with a.write() as s:
        update_agency(s, admin, DENPASAR, {"national_code": "51.71"})
        record_id = create_innovation(
            s,
            admin,
            innovation_values(
                title="KIOS DUKCAPIL (Kios Layanan Adminduk Mandiri)",
                initiator_name="Dr. Contoh Inisiator, M.Si.",
                secondary_sectors=["health", "social"],
            ),
            [AwardInput(2019, "Kompetisi Inovasi Pelayanan Publik (KIPP)", "Top 99")],
        ).id
    result = a.sync("admin_bali")
    assert (result.pending, result.problems) == (0, [])

    b.sync("op2")

    found = b.get(record_id)
    assert (found.initiator_name, found.secondary_sectors) == (
        "Dr. Contoh Inisiator, M.Si.",
        ["health", "social"],
    )
    assert [(w.year, w.stage_reached) for w in found.awards] == [(2019, "Top 99")]
    with b.db.session() as s:
        assert s.get(Agency, DENPASAR).national_code == "51.71"
    # An edit on the second device comes back to the first.
    update(b, b.officer("op2"), record_id, secondary_sectors=["education"])
    assert b.sync("op2").pushed == 1
    a.sync("admin_bali")
    assert a.get(record_id).secondary_sectors == ["education"]
    assert_agree(a, b, registry_records=registry_records(registry))


def test_the_registry_refuses_what_the_desktop_would(devices):
    (a,) = devices("a")
    with a.write() as s:
        record_id = create_innovation(
            s, a.officer("op"), innovation_values(title="SAPA WARGA (Sistem Aduan Warga)")
        ).id
    a.sync("op")
    # A change another client could send: an affair not in the list.
    with a.write() as s:
        record = s.get(Innovation, record_id)
        before = record.secondary_sectors
        record.secondary_sectors = ["juggling"]
        record_changes(
            s,
            a.officer("op"),
            "innovation",
            [Change(record_id, "update", {"secondary_sectors": (before, ["juggling"])})],
        )
    result = a.sync("op")
    assert result.rejected == 1
    [problem] = [p for p in result.problems if p["id"] == record_id]
    assert "urusan irisan" in problem["message"]


def test_the_registry_refuses_a_national_code_another_agency_has(devices):
    a, b = devices("a", "b")
    a.sync("admin_bali")
    b.sync("admin_bali")
    with a.write() as s:
        update_agency(s, a.officer("admin_bali"), DENPASAR, {"national_code": "51.03"})
    assert a.sync("admin_bali").problems == []
    # The second device has not heard of it yet, so its own check lets it pass.
    with b.write() as s:
        update_agency(s, b.officer("admin_bali"), BADUNG, {"national_code": "51.03"})

    result = b.sync("admin_bali")

    assert result.rejected == 1
    [problem] = [p for p in result.problems if p["id"] == BADUNG]
    assert "kode instansi 51.03 sudah dipakai" in problem["message"]
    with b.db.session() as s:
        assert s.get(Agency, DENPASAR).national_code == "51.03"


def test_agencies_that_already_share_a_code_can_still_change_the_rest(devices, registry):
    (a,) = devices("a")
    a.sync("admin_bali")
    # Two agencies that came to share a code before the registry checked it.
    engine = sa.create_engine(registry.db_url)
    with engine.begin() as c:
        for record_id in (DENPASAR, BADUNG):
            stored = c.execute(
                sa.text("SELECT data FROM records WHERE entity = 'agency' AND id = :i"),
                {"i": record_id},
            ).scalar()
            data = stored if isinstance(stored, dict) else json.loads(stored)
            data["national_code"] = "51.09"
            c.execute(
                sa.text("UPDATE records SET data = :d WHERE entity = 'agency' AND id = :i"),
                {"d": json.dumps(data), "i": record_id},
            )
    engine.dispose()
    for record_id in (DENPASAR, BADUNG):
        with a.write() as s:
            update_agency(s, a.officer("admin_bali"), record_id, {"address": "Jl. Contoh No. 1"})
        result = a.sync("admin_bali")
        assert (result.rejected, result.problems) == (0, []), record_id
