"""schemathesis over the registry's published OpenAPI: generated requests of every operation,
logged in and not, never get a 5xx (bounded: a few dozen examples per operation)."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings

from sync.protocol import PROTOCOL, PROTOCOL_HEADER
from tests.sync.conftest import RegistryFactory

EXAMPLES = 30
BUDGET_SECONDS = 50


def fuzzer(
    operation: schemathesis.APIOperation,
    token: str | None,
    session: requests.Session,
    failures: list[str],
) -> Callable[[], None]:
    """A hypothesis test of one operation: generated cases, the protocol header set, logged
    in with ``token`` (or not)."""

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def run(case: schemathesis.Case) -> None:
        headers = dict(case.headers or {})
        headers[PROTOCOL_HEADER] = str(PROTOCOL)
        if token:
            headers["Authorization"] = f"Bearer {token}"
        else:
            headers.pop("Authorization", None)
        case.headers = headers
        response = case.call(session=session, timeout=30)
        if response.status_code >= 500:
            failures.append(f"{case.method} {case.path}: {response.status_code} {response.text}")
        elif response.status_code >= 400:
            assert {"code", "message", "fields"} <= set(response.json()), response.text

    return run


@pytest.mark.timeout(120)
def test_generated_requests_never_get_a_5xx(registry_factory: RegistryFactory) -> None:
    server = registry_factory()
    admin = server.as_("admin")
    schema = schemathesis.openapi.from_url(server.url + "/openapi.json")
    session = requests.Session()
    started = time.monotonic()
    failures: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8
    for operation in operations:
        for token in (admin.token, None):
            fuzzer(operation, token, session, failures)()
        assert time.monotonic() - started < BUDGET_SECONDS, "schemathesis over its time budget"
    assert failures == []
    assert server.five_hundreds() == []
