"""The client's envelope against real registries: the protocol header, a refused login, an
unreachable or busy registry (with what is left said in one line), a pull cursor the registry
no longer knows, TLS verified against a CA file, and a login that expires mid-exchange."""

from __future__ import annotations

import datetime as dt
import ipaddress
import time
from pathlib import Path

import pytest

from jipp_desktop.services.settings import get_setting
from sync.client.engine import SyncFailed, synchronise
from sync.client.errors import Busy, CursorExpired, NotAuthorised, Unreachable, UpdateRequired
from sync.client.http import RegistryClient
from sync.protocol import PROTOCOL_HEADER
from tests.sync.servers import HOST, free_port
from tests.sync.test_client_support import FaultProxy, device_maker, new_innovation


@pytest.fixture
def devices(tmp_path, registry):
    yield from device_maker(tmp_path, registry)


def test_a_client_too_old_for_the_registry_is_told_to_update(devices, registry):
    (a,) = devices("a")
    client = RegistryClient(registry.url)
    client.session.headers[PROTOCOL_HEADER] = "0"
    username, password = a.account("op")
    with pytest.raises(SyncFailed) as failed:
        synchronise(a.db, a.officer("op"), registry.url, username, password, client=client)
    assert isinstance(failed.value.cause, UpdateRequired)
    assert "perbarui JIPP Desktop" in failed.value.message("id")
    assert "please update JIPP Desktop" in failed.value.message("en")


def test_a_wrong_password_is_refused_in_one_line(devices):
    (a,) = devices("a")
    new_innovation(a, a.officer("op"), title="Inovasi Dengan Kata Sandi Salah")
    username, _ = a.account("op")
    process = a.cli(
        "--as",
        a.officer("op").id,
        "sync",
        "--registry",
        a.url,
        "--user",
        username,
        env={"JIPP_PASSWORD": "salah-sekali"},
    )
    _, err = process.communicate(timeout=120)
    assert process.returncode == 1
    assert err.count("\n") == 1 and "1 perubahan menunggu dikirim" in err
    with pytest.raises(SyncFailed) as failed:
        synchronise(a.db, a.officer("op"), a.url, username, "salah-sekali")
    assert isinstance(failed.value.cause, NotAuthorised)


def test_an_unreachable_registry_says_what_waits(devices):
    (a,) = devices("a")
    for i in range(3):
        new_innovation(a, a.officer("op"), title=f"Inovasi Menunggu Registri {i}")
    code, body, err = a.cli_sync("op", registry_url=f"http://{HOST}:{free_port()}")
    assert code == 4 and body is None
    assert err.strip() == (
        f"jipp-desktop: registri http://{HOST}:{err.split(':')[3].split()[0]} tidak terjangkau; "
        "3 perubahan menunggu dikirim"
    ) or ("tidak terjangkau; 3 perubahan menunggu dikirim" in err and err.count("\n") == 1)
    process = a.cli("--lang", "en", "sync", "--status", "--json")
    out, _ = process.communicate(timeout=60)
    assert '"pending": 3' in out
    with pytest.raises(SyncFailed) as failed:
        synchronise(a.db, a.officer("op"), f"http://{HOST}:{free_port()}", "x", "y")
    assert isinstance(failed.value.cause, Unreachable) and failed.value.transient
    assert failed.value.message("en").endswith("unreachable; 3 changes waiting")


def test_a_busy_registry_is_waited_for_as_long_as_it_asks(devices, registry):
    (a,) = devices("a")
    busy = FaultProxy(registry.url, rate=1.0, faults=("error_503",), retry_after=600)
    try:
        a.url = busy.url
        started = time.monotonic()
        with pytest.raises(SyncFailed) as failed:
            a.sync("op")
        assert time.monotonic() - started < 10  # not waited out inside the request
        assert isinstance(failed.value.cause, Busy) and failed.value.cause.retry_after == 600
        # Until then the device does not ask again.
        a.url = registry.url
        with pytest.raises(SyncFailed) as again:
            a.sync("op")
        assert again.value.cause.code == "backoff"
        assert busy.faults["error_503"] == 1
    finally:
        busy.stop()


def test_a_cursor_of_another_scope_starts_the_pull_over(devices, registry):
    (a,) = devices("a")
    new_innovation(a, a.officer("op"), title="Inovasi Untuk Kursor Yang Usang")
    first = a.sync("op")
    assert first.pulled > 0
    with a.db.session() as s:
        denpasar_cursor = get_setting(s, "sync.cursor")
    # Another account (another scope) on the same store: the registry refuses the cursor (410)
    # and the client pulls from the beginning.
    client = RegistryClient(registry.url)
    username, password = a.account("op_badung")
    client.login(username, password, "device")
    before = len(_gone(registry))
    with pytest.raises(CursorExpired):
        client.pull(denpasar_cursor)
    # The access log is written as the request finishes: wait for the refused pull's line.
    refused = _wait_for_gone(registry, before + 1)
    assert a.sync("op_badung").problems == []
    assert _wait_for_gone(registry, refused + 1) == refused + 1
    with a.db.session() as s:
        assert get_setting(s, "sync.cursor") not in ("", denpasar_cursor)


def _wait_for_gone(registry, count: int, seconds: float = 5.0) -> int:
    """The number of refused pulls in the log once it reaches ``count`` (or the time is up)."""
    deadline = time.monotonic() + seconds
    while len(_gone(registry)) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    return len(_gone(registry))


def _gone(registry) -> list[str]:
    """The registry's access log lines of pulls refused with 410."""
    return [
        line
        for line in registry.access_log.read_text().splitlines()
        if '"status": 410' in line and "/pull" in line
    ]


def _certificate(folder: Path) -> tuple[Path, Path, Path]:
    """A CA and a certificate for 127.0.0.1 that it signed: (ca, cert, key)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "JIPP Test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, HOST)]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(HOST))]),
            critical=False,
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    paths = folder / "ca.pem", folder / "cert.pem", folder / "key.pem"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return paths


def test_tls_is_verified_against_the_ca_file(tmp_path, registry_factory):
    ca, cert, key = _certificate(tmp_path)
    secure = registry_factory(extra_args=["--cert", str(cert), "--key", str(key)])
    assert secure.url.startswith("https://")
    (a,) = device_maker_list(tmp_path, secure, "a")
    try:
        new_innovation(a, a.officer("op"), title="Inovasi Lewat TLS")
        with pytest.raises(SyncFailed) as failed:
            a.sync("op")
        assert failed.value.cause.code == "tls"
        assert "--ca-file" in failed.value.message("en")
        assert a.sync("op", ca_file=ca).pushed == 1
        code, body, err = a.cli_sync("op", "--ca-file", str(ca))
        assert code == 0, err
        assert body["pending"] == 0
    finally:
        a.close()


def device_maker_list(tmp_path, registry, *names):
    maker = device_maker(tmp_path, registry)
    return next(maker)(*names)


def test_a_login_that_expires_mid_exchange_is_renewed(tmp_path, registry_factory):
    brief = registry_factory(token_hours=1 / 3600)  # a login lasts a second
    (a,) = device_maker_list(tmp_path, brief, "a")
    try:
        op = a.officer("op")
        for i in range(450):
            new_innovation(a, op, title=f"Inovasi Sesi Singkat {i}")
        slow = FaultProxy(brief.url, rate=1.0, faults=("delay",))
        try:
            a.url = slow.url
            result = a.sync("op")  # three batches, more than a second
        finally:
            slow.stop()
        assert (result.pushed, result.pending) == (450, 0)
    finally:
        a.close()
