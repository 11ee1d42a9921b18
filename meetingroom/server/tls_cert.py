"""A self-signed certificate for a hall server, made in one command.

A commune hall has no certificate authority; clients instead pin the
certificate's fingerprint the first time they connect (trust on first use)
and refuse loudly if it ever changes. The fingerprint printed here is what the
technician reads out to compare with what laptops show.
"""

from __future__ import annotations

import ipaddress
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from meetingroom.core.fingerprints import fingerprint

__all__ = ["fingerprint", "make_self_signed"]


def make_self_signed(folder: Path, names: list[str], *, days: int = 825) -> tuple[Path, Path,
                                                                                    str]:
    """Write cert.pem and key.pem (key readable by the owner only); return them and the
    fingerprint. ``names`` are host names and IP addresses the laptops will dial."""
    if not names:
        raise ValueError("give at least one host name or IP address")
    alt: list[x509.GeneralName] = []
    for name in names:
        try:
            alt.append(x509.IPAddress(ipaddress.ip_address(name)))
        except ValueError:
            alt.append(x509.DNSName(name))
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, names[0]),
                         x509.NameAttribute(NameOID.ORGANIZATION_NAME, "meetingroom")])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(minutes=5))
            .not_valid_after(now + timedelta(days=days))
            .add_extension(x509.SubjectAlternativeName(alt), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    folder.mkdir(parents=True, exist_ok=True)
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(key.private_bytes(serialization.Encoding.PEM,
                                       serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))
    return cert_file, key_file, fingerprint(cert.public_bytes(serialization.Encoding.DER))
