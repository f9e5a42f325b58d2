"""The read commands (`stats`, `list`, `search`) run on Core selects without loading the ORM,
which costs more than the read itself (benchmarks/bench_cli.py), and list what the GUI's
services list, in the same order."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from jipp_desktop.db.engine import open_database
from jipp_desktop.services.agencies import find_agencies
from jipp_desktop.services.commitments import list_commitments
from jipp_desktop.services.hubs import list_hubs

# Runs the installed command's entry in a fresh interpreter and then says on stderr whether
# the ORM was imported.
PROBE = (
    "import sys\n"
    "from ui.launcher import run\n"
    "code = run(sys.argv[1:])\n"
    "sys.stderr.write('ORM LOADED' if 'sqlalchemy.orm' in sys.modules else 'CORE ONLY')\n"
    "sys.exit(code)\n"
)
READS = [
    ("stats", "--json"),
    ("list", "innovations", "--limit", "15", "--json"),
    ("list", "agencies", "--limit", "15", "--json"),
    ("list", "hubs", "--limit", "15", "--json"),
    ("list", "commitments", "--limit", "15", "--json"),
    ("list", "verifications", "--limit", "15", "--json"),
    ("search", "layanan", "--limit", "5", "--json"),
]


def probe(store: Path, *args: str) -> tuple[Any, str]:
    p = subprocess.run(
        [sys.executable, "-c", PROBE, "--db", str(store), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout), p.stderr


@pytest.mark.parametrize("args", READS, ids=lambda a: " ".join(a[:2]))
def test_a_read_command_never_loads_the_orm(demo_path: Path, args: tuple[str, ...]) -> None:
    result, err = probe(demo_path, *args)
    assert err.endswith("CORE ONLY"), err
    assert result, "the command printed nothing to check"


def test_the_lists_show_what_the_services_of_the_gui_list(demo_path: Path) -> None:
    db = open_database(demo_path)
    try:
        with db.session() as s:
            agencies = [
                {"id": a.id, "name": a.name, "kind": a.kind, "region_code": a.region_code}
                for a in find_agencies(s, limit=40)
            ]
            hubs = [
                {
                    "id": h.id,
                    "name": h.agency.name,
                    "agency_id": h.agency_id,
                    "decree": h.decree,
                    "year": h.year,
                    "cohort": h.cohort,
                    "active": h.active,
                    "spokes": len(h.spokes),
                }
                for h in list_hubs(s)[:40]
            ]
            commitments = [
                {
                    "id": c.id,
                    "number": c.number,
                    "title": c.title,
                    "place": c.place,
                    "signed_on": c.signed_on.isoformat(),
                    "signatories": sum(1 for x in c.signatories if not x.is_witness),
                    "witnesses": sum(1 for x in c.signatories if x.is_witness),
                }
                for c in list_commitments(s, limit=40)
            ]
    finally:
        db.close()
    assert any(h["spokes"] for h in hubs)
    assert commitments
    assert probe(demo_path, "list", "agencies", "--limit", "40", "--json")[0] == agencies
    assert probe(demo_path, "list", "hubs", "--limit", "40", "--json")[0] == hubs
    assert probe(demo_path, "list", "commitments", "--limit", "40", "--json")[0] == commitments
