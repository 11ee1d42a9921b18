"""wss:// with a certificate: the documented way to run outside a test."""

from __future__ import annotations

import re
import ssl
from datetime import UTC, datetime, timedelta
from ipaddress import ip_address
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from meetingroom.core.protocol import MAX_BINARY_FETCH_BYTES, MEMORY_BINARY_FETCH_BYTES
from meetingroom.server.service import MeetingService
from meetingroom.server.storage.database import Database
from meetingroom.sync.client.chair_client import ChairClient, ServerError
from meetingroom.sync.client.pinning import CertificateChangedError, PinStore
from meetingroom.sync.serving.endpoint import ChairServer, ServerConfig, tls_context
from tests.helpers.factories import PASSWORD, Hall
from tests.test_cli_and_demo import run_cli


def _self_signed(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "hoi-truong.local")])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(minutes=1)).not_valid_after(now + timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ip_address("127.0.0.1"))]),
                           critical=False)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_file, key_file


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
async def test_login_over_tls(database: Database, hall: Hall, tmp_path: Path) -> None:
    cert, key = _self_signed(tmp_path)
    server = ChairServer(MeetingService(database),
                         ServerConfig(port=0, tls=tls_context(str(cert), str(key))))
    await server.start()
    try:
        assert server.url.startswith("wss://")
        trusting = ssl.create_default_context(cafile=str(cert))
        async with ChairClient(server.url, ssl_context=trusting) as client:
            assert (await client.login("delegate1", PASSWORD))["user"]["username"] == "delegate1"
            # TLS encrypts every byte in the process, so a piece is built in memory: the
            # welcome says the smaller limit, and the server holds the client to it.
            said = client.welcome["limits"]["max_binary_fetch_bytes"]
            assert said == MEMORY_BINARY_FETCH_BYTES < MAX_BINARY_FETCH_BYTES
            with pytest.raises(ServerError) as too_big:
                await client.request("fetch_chunk", sha256="0" * 64, offset=0,
                                     length=MEMORY_BINARY_FETCH_BYTES + 1, binary=True)
            assert too_big.value.code == "invalid_args"
        with pytest.raises(ssl.SSLCertVerificationError):
            async with ChairClient(server.url, ssl_context=ssl.create_default_context()):
                pass
    finally:
        await server.stop()


async def test_tls_init_and_trust_on_first_use(database: Database, hall: Hall,
                                               tmp_path: Path) -> None:
    made = run_cli("tls-init", "--dir", str(tmp_path / "tls"), "127.0.0.1", "hoi-truong.local")
    assert made.returncode == 0, made.stderr
    printed = re.search(r"(?:[0-9A-F]{2}:){31}[0-9A-F]{2}", made.stdout)
    assert printed is not None
    again = run_cli("tls-init", "--dir", str(tmp_path / "tls"), "127.0.0.1")
    assert again.returncode == 1
    assert "--force" in again.stderr
    pins = PinStore(tmp_path / "profile" / "known_servers.json")
    server = ChairServer(MeetingService(database), ServerConfig(port=0, tls=tls_context(
        str(tmp_path / "tls" / "cert.pem"), str(tmp_path / "tls" / "key.pem"))))
    await server.start()
    port = server.port
    try:
        async with ChairClient(server.url, pins=pins) as client:
            await client.login("delegate1", PASSWORD)
        assert pins.pinned(server.url) == printed.group(0)
        async with ChairClient(server.url, pins=pins) as client:  # same certificate: fine
            await client.login("delegate1", PASSWORD)
    finally:
        await server.stop()
    # The server comes back with another certificate (a reinstall, or an impostor).
    other_cert, other_key = _self_signed(tmp_path)
    impostor = ChairServer(MeetingService(database), ServerConfig(
        port=port, tls=tls_context(str(other_cert), str(other_key))))
    await impostor.start()
    try:
        with pytest.raises(CertificateChangedError) as changed:
            async with ChairClient(impostor.url, pins=pins):
                pass
        assert "certificate of server" in str(changed.value)
        assert changed.value.server
        assert changed.value.presented
        pins.forget(impostor.url)  # the technician confirmed the new certificate
        async with ChairClient(impostor.url, pins=pins) as client:
            await client.login("delegate1", PASSWORD)
    finally:
        await impostor.stop()
