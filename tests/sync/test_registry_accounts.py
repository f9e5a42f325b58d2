"""Accounts on the command line (``jipp-registry user …``), the login throttle, token expiry
and disabled accounts."""

from __future__ import annotations

import json
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import requests

from sync.protocol import PROTOCOL, PROTOCOL_HEADER
from tests.sync.conftest import RegistryFactory
from tests.sync.servers import DENPASAR, Registry, change, innovation_fields, new_id

HEADERS = {PROTOCOL_HEADER: str(PROTOCOL)}


def login(registry: Registry, username: str, password: str) -> requests.Response:
    return requests.post(
        registry.api + "/login",
        headers=HEADERS,
        json={"username": username, "password": password, "device_id": "perangkat-uji"},
        timeout=30,
    )


def test_user_commands(registry: Registry) -> None:
    name = f"dewi-{uuid.uuid4().hex[:6]}"
    registry.add_user(
        name,
        "operator",
        "sandi-awal-1",
        agencies=["pemerintah kota  denpasar", "Pemerintah Kabupaten Badung"],
        full_name="Dewi Lestari",
    )
    listed = json.loads(registry.cli("user", "list", "--json"))
    [me] = [a for a in listed if a["username"] == name]
    assert me["name"] == "Dewi Lestari" and me["role"] == "operator"
    assert DENPASAR in me["agency_ids"] and len(me["agency_ids"]) == 2
    assert "password" not in json.dumps(me) and me["disabled"] is False
    assert name in registry.cli("user", "list")
    assert login(registry, name, "sandi-awal-1").status_code == 200
    registry.cli("user", "password", name, password="sandi-baru-2")
    assert login(registry, name, "sandi-awal-1").status_code == 401
    token = login(registry, name, "sandi-baru-2").json()["token"]
    registry.cli("user", "disable", name)
    answer = login(registry, name, "sandi-baru-2")
    assert answer.status_code == 403 and answer.json()["code"] == "account_disabled"
    stale = requests.get(
        registry.api + "/pull", headers={**HEADERS, "Authorization": f"Bearer {token}"}, timeout=10
    )
    assert stale.status_code == 401
    registry.cli("user", "enable", name)
    assert login(registry, name, "sandi-baru-2").status_code == 200


def test_user_command_errors_are_one_line(registry: Registry) -> None:
    taken = registry.accounts()["op"][0]
    good = "sandi-yang-baik"
    cases = [
        (["user", "add", taken, "--role", "operator", "--region", "51"], good),
        (["user", "add", "x1", "--role", "operator", "--agency", "Dinas Antah Berantah"], good),
        (["user", "add", "x2", "--role", "operator", "--region", "99.99"], good),
        (["user", "add", "x3", "--role", "operator"], good),
        (["user", "add", "x4", "--role", "operator", "--region", "51"], "pendek"),
        (["user", "add", "x5", "--role", "boss"], good),
        (["user", "disable", "nobody-here"], None),
    ]
    with ThreadPoolExecutor(4) as pool:
        outputs = list(pool.map(lambda c: registry.cli(*c[0], password=c[1], check=False), cases))
    for (args, _), out in zip(cases, outputs, strict=True):
        lines = out.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("jipp-registry"), (args, out)
    done = registry.cli("user", "add", "x6", "--role", "operator", check=False)
    assert "JIPP_PASSWORD" in done  # no password and no terminal to ask on


def test_login_throttle(any_registry: Registry) -> None:
    name = f"throttle-{uuid.uuid4().hex[:6]}"
    any_registry.add_user(name, "operator", "sandi-benar-1", region="51")
    for _ in range(5):
        assert login(any_registry, name, "salah-salah").status_code == 401
    answer = login(any_registry, name, "sandi-benar-1")
    assert answer.status_code == 429 and answer.json()["code"] == "too_many_logins"
    assert 800 <= int(answer.headers["Retry-After"]) <= 900
    # Per username: others still log in; an unknown name is throttled the same way.
    assert any_registry.as_("op").token
    for _ in range(5):
        assert login(any_registry, "no-such-user", "x").status_code == 401
    assert login(any_registry, "no-such-user", "x").status_code == 429


def test_tokens_expire(registry_factory: RegistryFactory) -> None:
    short = registry_factory(token_hours=1.5 / 3600)  # 1.5 seconds
    short.add_user("singkat", "operator", "sandi-benar-1", region="51")
    client = short.client("singkat", "sandi-benar-1")
    assert client.pull_page().status_code == 200
    [result] = client.push(
        [change("innovation", new_id(), "create", innovation_fields(region_code="51.71"))]
    )
    assert result["outcome"] == "applied"
    time.sleep(1.6)
    answer = client.pull_page()
    assert answer.status_code == 401 and answer.json()["code"] == "token_expired"
    assert client.push_raw([]).status_code == 401
    assert client.login("singkat", "sandi-benar-1").status_code == 200
    assert client.pull_page().status_code == 200
