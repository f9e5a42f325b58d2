"""The registry's envelope: status, protocol header, login, tokens, HTTP errors as Problems,
OpenAPI; and the basic round trip of push and pull (on SQLite and on PostgreSQL)."""

from __future__ import annotations

import http.client
import json
import shutil
import subprocess
import uuid

import pytest
import requests

from sync.protocol import MAX_ATTACHMENT_BYTES, MAX_BODY_BYTES, PROTOCOL, PROTOCOL_HEADER
from sync.registry.pull import encode_cursor
from tests.sync.servers import (
    HOST,
    Registry,
    author,
    change,
    innovation_fields,
    new_id,
)

HEADERS = {PROTOCOL_HEADER: str(PROTOCOL)}


def is_problem(answer: requests.Response, status: int, code: str | None = None) -> dict:
    assert answer.status_code == status, answer.text
    body = answer.json()
    assert set(body) == {"code", "message", "fields"}, body
    assert body["message"]["id"] and body["message"]["en"]
    if code:
        assert body["code"] == code, body
    return body


def test_status_needs_no_login(any_registry: Registry) -> None:
    answer = requests.get(any_registry.api + "/status", headers=HEADERS, timeout=10)
    assert answer.status_code == 200
    body = answer.json()
    assert body["protocol"] == PROTOCOL and body["min_protocol"] == 1
    expected = "sqlite" if any_registry.db_url.startswith("sqlite") else "postgresql"
    assert body["database"] == expected


@pytest.mark.parametrize("header", [None, "0", "abc"])
def test_missing_or_old_protocol_is_426(registry: Registry, header: str | None) -> None:
    headers = {} if header is None else {PROTOCOL_HEADER: header}
    for method, path in (("GET", "/status"), ("POST", "/push"), ("GET", "/pull")):
        answer = requests.request(method, registry.api + path, headers=headers, timeout=10)
        is_problem(answer, 426, "protocol_too_old")


def test_openapi_is_published(registry: Registry) -> None:
    spec = requests.get(registry.url + "/openapi.json", timeout=10).json()
    paths = set(spec["paths"])
    assert {
        "/api/v1/status",
        "/api/v1/login",
        "/api/v1/push",
        "/api/v1/pull",
        "/api/v1/reference",
        "/api/v1/attachments/missing",
        "/api/v1/attachments/{sha256}",
    } <= paths
    assert "Problem" in spec["components"]["schemas"]
    assert "ChangeResult" in spec["components"]["schemas"]


def test_login_and_tokens(any_registry: Registry) -> None:
    username, _password = any_registry.accounts()["op"]
    client = any_registry.as_("op")
    assert client.account["role"] == "operator"
    assert client.account["agency_ids"] == ["5f1900b7-3a65-5bdf-b88f-4e4f72a287c5"]
    assert client.http.get(any_registry.api + "/reference", timeout=10).status_code == 200
    bad = requests.post(
        any_registry.api + "/login",
        headers=HEADERS,
        json={"username": username, "password": "wrong-password", "device_id": "d"},
        timeout=10,
    )
    is_problem(bad, 401, "bad_login")
    for headers in ({}, {"Authorization": "Bearer nope"}, {"Authorization": "Basic x"}):
        answer = requests.get(
            any_registry.api + "/pull", headers={**HEADERS, **headers}, timeout=10
        )
        is_problem(answer, 401)
        assert answer.headers["WWW-Authenticate"] == "Bearer"


def test_client_mistakes_are_4xx_problems(registry: Registry) -> None:
    client = registry.as_("op")
    post = client.http.post
    answer = post(
        registry.api + "/push",
        data=b'{"protocol": 1, "device_id": ',
        headers={"Content-Type": "application/json"},
        timeout=10,
    )
    is_problem(answer, 400, "malformed_json")
    body = {"protocol": 1, "device_id": "d", "batch_id": "b", "changes": [], "extra": 1}
    is_problem(post(registry.api + "/push", json=body, timeout=10), 422, "invalid")
    body = {"protocol": "one", "device_id": "d", "batch_id": "b", "changes": []}
    problem = is_problem(post(registry.api + "/push", json=body, timeout=10), 422, "invalid")
    assert "protocol" in problem["fields"]
    many = [change("innovation", new_id(), "create", {"title": "x"}) for _ in range(201)]
    is_problem(client.push_raw(many), 413, "batch_too_large")
    is_problem(client.pull_page(limit=501), 422)
    is_problem(client.pull_page(cursor="not-a-cursor"), 400, "bad_cursor")
    is_problem(client.http.get(registry.api + "/nothing", timeout=10), 404)
    is_problem(client.http.delete(registry.api + "/push", timeout=10), 405)
    assert registry.five_hundreds() == []


def _raw_request(
    registry: Registry, method: str, path: str, headers: dict, chunks
) -> tuple[int, dict]:
    """Sends a request by hand (for bodies requests would not send), returns status, body."""
    connection = http.client.HTTPConnection(HOST, registry.port, timeout=30)
    connection.putrequest(method, registry.api.removeprefix(registry.url) + path)
    for name, value in {**HEADERS, **headers}.items():
        connection.putheader(name, value)
    connection.endheaders()
    try:
        for chunk in chunks:
            connection.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        connection.send(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass
    answer = connection.getresponse()
    status, body = answer.status, json.loads(answer.read() or b"{}")
    connection.close()
    return status, body


def test_oversized_bodies_are_413(registry: Registry) -> None:
    client = registry.as_("op")
    auth = {"Authorization": client.http.headers["Authorization"]}
    # Declared too large: refused before a byte is read.
    status, body = _raw_request(
        registry,
        "POST",
        "/push",
        {**auth, "Content-Length": str(MAX_BODY_BYTES + 1), "Content-Type": "application/json"},
        [],
    )
    assert (status, body["code"]) == (413, "too_large")
    # Chunked, no length: refused once the body read passes the limit.
    megabyte = b" " * 2**20
    status, body = _raw_request(
        registry,
        "POST",
        "/push",
        {**auth, "Transfer-Encoding": "chunked", "Content-Type": "application/json"},
        [megabyte] * (MAX_BODY_BYTES // 2**20 + 2),
    )
    assert status == 413 and body["code"] == "too_large"
    sha = "0" * 64
    status, body = _raw_request(
        registry,
        "PUT",
        f"/attachments/{sha}",
        {**auth, "Transfer-Encoding": "chunked", "Content-Type": "application/octet-stream"},
        [megabyte] * (MAX_ATTACHMENT_BYTES // 2**20 + 2),
    )
    assert status == 413
    assert registry.five_hundreds() == []


def test_push_then_pull(any_registry: Registry) -> None:
    op = any_registry.as_("op")
    record = new_id()
    [result] = op.push([change("innovation", record, "create", innovation_fields())])
    assert result["outcome"] == "applied" and result["revision"] == 1
    data = result["record"]["data"]
    number = data["registration_number"]
    assert number.startswith("JIPP-") and len(number) == len("JIPP-2025-000001")
    assert data["workflow"] == "draft" and data["contact_name"] == "Made Wirawan"
    # The same number comes back in the pull, for the same agency with its contacts ...
    fresh = any_registry.as_("op2")
    records, cursor = fresh.pull_all()
    mine = [r for r in records if r["id"] == record]
    assert len(mine) == 1 and mine[0]["data"]["registration_number"] == number
    assert mine[0]["data"]["contact_email"] == "made@denpasarkota.go.id"
    assert {r["entity"] for r in records} >= {"agency", "hub", "innovation"}
    # ... to a region's verifier without them, and not at all to another agency.
    seen_by_region = [r for r in any_registry.as_("ver").pull_all()[0] if r["id"] == record]
    assert len(seen_by_region) == 1
    assert "contact_email" not in seen_by_region[0]["data"]
    assert not [r for r in any_registry.as_("op_badung").pull_all()[0] if r["id"] == record]
    # The next pull from the cursor has only what changed since: the edit.
    [edit] = op.push([change("innovation", record, "update", {"unit_name": "Disdukcapil"}, base=1)])
    assert edit["outcome"] == "applied" and edit["revision"] == 2
    later, _ = fresh.pull_all(cursor)
    assert [(r["id"], r["revision"]) for r in later if r["id"] == record] == [(record, 2)]
    # A delete comes as a tombstone.
    [gone] = op.push([change("innovation", record, "delete", base=2)])
    assert gone["outcome"] == "applied" and gone["record"]["deleted"] is True
    tombstones, _ = fresh.pull_all(cursor)
    assert [r["deleted"] for r in tombstones if r["id"] == record] == [True]


def test_pull_pages_and_cursor_checks(any_registry: Registry) -> None:
    op = any_registry.as_("op")
    ids = [new_id() for _ in range(7)]
    op.push(
        [
            change("innovation", i, "create", innovation_fields(title=f"Inovasi halaman {n}"))
            for n, i in enumerate(ids)
        ]
    )
    everything, last = op.pull_all(limit=500)
    paged, last_paged = op.pull_all(limit=3)
    assert [(r["entity"], r["id"]) for r in paged] == [(r["entity"], r["id"]) for r in everything]
    assert last == last_paged
    assert op.pull_page(last).json()["changes"] == []
    # Another database, another scope: 410; the cursor is opaque but checked.
    other_db = encode_cursor(1, str(uuid.uuid4()), "x")
    is_problem(op.pull_page(other_db), 410, "cursor_gone")
    is_problem(any_registry.as_("op_badung").pull_page(last), 410, "cursor_gone")


def test_reference_lists_authors(any_registry: Registry) -> None:
    op = any_registry.as_("op")
    who = author("Ni Luh Sari", "operator", str(uuid.uuid4()))
    op.push([change("innovation", new_id(), "create", innovation_fields(), by=who)])
    officers = op.http.get(any_registry.api + "/reference", timeout=10).json()["officers"]
    assert {
        "id": who["id"],
        "name": "Ni Luh Sari",
        "nip": None,
        "role": "operator",
    }.items() <= next(o for o in officers if o["id"] == who["id"]).items()


def test_access_log_is_json_without_secrets(registry: Registry) -> None:
    username, password = registry.accounts()["op"]
    client = registry.client(username, password)
    client.pull_page()
    lines = [json.loads(line) for line in registry.access_log.read_text().splitlines()]
    assert lines, "no access log"
    for line in lines:
        assert set(line) == {"time", "method", "path", "status", "ms", "account"}
    text = registry.access_log.read_text()
    assert password not in text and client.token not in text
    assert any(line["account"] == username and line["path"] == "/api/v1/pull" for line in lines)


def test_https_with_a_certificate(registry_factory, tmp_path) -> None:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed (needed to make a test certificate)")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    server = registry_factory(extra_args=["--cert", str(cert), "--key", str(key)])
    assert server.url.startswith("https://")
    answer = requests.get(server.api + "/status", headers=HEADERS, timeout=10, verify=str(cert))
    assert answer.status_code == 200
    with pytest.raises(requests.exceptions.SSLError):
        requests.get(server.api + "/status", headers=HEADERS, timeout=10)
    plain = server.api.replace("https://", "http://")
    with pytest.raises(requests.exceptions.ConnectionError):
        requests.get(plain + "/status", headers=HEADERS, timeout=10)
