"""Registry fixtures, shared with the client tests (see tests/sync/servers.py)."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import urllib3

from tests.sync.servers import PostgresCluster, Registry, postgres_cluster

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)

_counter = itertools.count(1)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresCluster]:
    """A PostgreSQL cluster for the session (skipped when PostgreSQL is not installed)."""
    if PostgresCluster.find_bindir() is None:
        pytest.skip("PostgreSQL is not installed (no initdb/pg_ctl; apt-get install postgresql)")
    with postgres_cluster() as cluster:
        yield cluster


RegistryFactory = Callable[..., Registry]


@pytest.fixture(scope="session")
def registry_factory(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[RegistryFactory]:
    """Starts registry servers: ``registry_factory(db_url=None, backend="sqlite", **options)``
    (options: workers, token_hours, extra_args, env, start=True); all stop at the end."""
    started: list[Registry] = []

    def make(
        db_url: str | None = None, backend: str = "sqlite", start: bool = True, **options: Any
    ) -> Registry:
        folder: Path = tmp_path_factory.mktemp(f"registry{next(_counter)}")
        if db_url is None:
            if backend == "postgresql":
                db_url = request.getfixturevalue("postgres").new_database()
            else:
                db_url = f"sqlite:///{folder / 'registry.db'}"
        server = Registry(db_url, folder, **options)
        started.append(server)
        if start:
            server.start()
        return server

    yield make
    for server in started:
        server.stop()


@pytest.fixture(scope="session")
def registry(registry_factory: RegistryFactory) -> Registry:
    """A registry server on SQLite for the whole session."""
    return registry_factory()


@pytest.fixture(scope="session")
def registry_pg(registry_factory: RegistryFactory) -> Registry:
    """A registry server on PostgreSQL for the whole session."""
    return registry_factory(backend="postgresql")


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def any_registry(request: pytest.FixtureRequest) -> Registry:
    """The registry on SQLite, then on PostgreSQL."""
    name = "registry" if request.param == "sqlite" else "registry_pg"
    return request.getfixturevalue(name)
