"""Keys for signature tests: a throw-away CA, signer certificates as PKCS#12 files, and a
SoftHSM2 token holding a signer's key and certificate (the stand-in for a USB token).

SoftHSM2 is a Debian package (``softhsm2``, installed by scripts/test); tests that need a
token skip only when ``softhsm2-util`` is absent from this machine.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

_NUMBERS = itertools.count(1)
SOFTHSM_LIBS = ("/usr/lib/softhsm/libsofthsm2.so",
                "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
                "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so")
needs_softhsm = pytest.mark.skipif(shutil.which("softhsm2-util") is None,
                                   reason="softhsm2-util is not installed (scripts/test "
                                          "installs the softhsm2 package)")


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "HĐND xã Hòa Bình"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common)])


@dataclass(frozen=True)
class Authority:
    key: rsa.RSAPrivateKey
    cert: x509.Certificate
    pem_path: Path


@dataclass(frozen=True)
class Holder:
    name: str
    key: rsa.RSAPrivateKey
    cert: x509.Certificate
    p12_path: Path
    password: str


def make_authority(folder: Path, common: str = "CA thử nghiệm ký số") -> Authority:
    folder.mkdir(parents=True, exist_ok=True)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(_name(common)).issuer_name(_name(common))
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False,
                                         key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, key_cert_sign=True, crl_sign=True,
                                         encipher_only=False, decipher_only=False),
                           critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                           critical=False)
            .sign(key, hashes.SHA256()))
    path = folder / "ca.pem"
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return Authority(key, cert, path)


def issue(authority: Authority, folder: Path, name: str, password: str = "mật-khẩu-1") -> Holder:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(_name(name))
            .issuer_name(authority.cert.subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(hours=1)).not_valid_after(now + timedelta(days=7))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True,
                                         key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False,
                                         decipher_only=False), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]),
                           critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                authority.key.public_key()), critical=False)
            .sign(authority.key, hashes.SHA256()))
    path = folder / f"{abs(hash(name))}.p12"
    path.write_bytes(pkcs12.serialize_key_and_certificates(
        name.encode("utf-8"), key, cert, [authority.cert],
        serialization.BestAvailableEncryption(password.encode("utf-8"))))
    return Holder(name, key, cert, path, password)


@dataclass(frozen=True)
class Token:
    library: str
    label: str
    key_label: str
    pin: str
    env: dict[str, str]


_STORE: list[Path] = []  # the one SoftHSM2 configuration of this test process


def _store() -> Path:
    """One token directory per test process: the PKCS#11 library reads SOFTHSM2_CONF once,
    when it is first loaded, and keeps it; every token of this run lives here."""
    if not _STORE:
        folder = Path(tempfile.mkdtemp(prefix="meetingroom-softhsm-"))
        (folder / "tokens").mkdir()
        conf = folder / "softhsm2.conf"
        conf.write_text(f"directories.tokendir = {folder / 'tokens'}\n"
                        "objectstore.backend = file\nlog.level = ERROR\n", encoding="utf-8")
        os.environ["SOFTHSM2_CONF"] = str(conf)
        _STORE.append(folder)
    return _STORE[0]


_CERT_SCRIPT = """
import sys, pkcs11
from pkcs11 import Attribute, CertificateType, ObjectClass
library, label, key_label, pin = sys.argv[1:5]
subject, der = (bytes.fromhex(a) for a in sys.argv[5:7])
token = pkcs11.lib(library).get_token(token_label=label)
with token.open(rw=True, user_pin=pin) as session:
    session.create_object({Attribute.CLASS: ObjectClass.CERTIFICATE,
                           Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                           Attribute.TOKEN: True, Attribute.LABEL: key_label,
                           Attribute.ID: b"\\x01", Attribute.SUBJECT: subject,
                           Attribute.VALUE: der})
"""


def softhsm_token(folder: Path, holder: Holder, *, label: str = "ThuKy-USB",
                  key_label: str = "chu-ky", pin: str = "123456") -> Token:
    """A fresh SoftHSM2 token holding ``holder``'s key and certificate, with a label of its
    own (``label`` and a number) in this process's token store."""
    library = next((lib for lib in SOFTHSM_LIBS if Path(lib).exists()), None)
    if library is None:
        pytest.skip("the SoftHSM2 library is not installed")
    _store()
    label = f"{label}-{next(_NUMBERS)}"
    env = dict(os.environ)
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", label,
                    "--pin", pin, "--so-pin", "654321"], env=env, check=True,
                   capture_output=True, timeout=60)
    folder.mkdir(parents=True, exist_ok=True)
    key_pem = folder / "key.pem"
    key_pem.write_bytes(holder.key.private_bytes(serialization.Encoding.PEM,
                                                 serialization.PrivateFormat.PKCS8,
                                                 serialization.NoEncryption()))
    subprocess.run(["softhsm2-util", "--import", str(key_pem), "--token", label,
                    "--label", key_label, "--id", "01", "--pin", pin], env=env, check=True,
                   capture_output=True, timeout=60)
    key_pem.unlink()
    # softhsm2-util imports keys only: the certificate goes on through PKCS#11 itself
    # (in a child process, so this one's library never caches an old token list), where
    # a real token carries it beside the key.
    subprocess.run([sys.executable, "-c", _CERT_SCRIPT, library, label, key_label, pin,
                    holder.cert.subject.public_bytes().hex(),
                    holder.cert.public_bytes(serialization.Encoding.DER).hex()],
                   env=env, check=True, capture_output=True, timeout=60)
    return Token(library, label, key_label, pin, env)


@dataclass(frozen=True)
class UsbToken:
    """The one SoftHSM2 token of a test run, its CA and the holder whose key it carries.

    One per process: the PKCS#11 library lists tokens once, when it is first loaded, so a
    token made after a test has signed in this process would never be seen."""

    authority: Authority
    holder: Holder
    token: Token


@pytest.fixture(scope="session")
def usb_token(tmp_path_factory: pytest.TempPathFactory) -> UsbToken:
    if shutil.which("softhsm2-util") is None:
        pytest.skip("softhsm2-util is not installed (scripts/test installs softhsm2)")
    folder = tmp_path_factory.mktemp("usb-token")
    authority = make_authority(folder / "ca")
    holder = issue(authority, folder, "Chủ tọa Trần Văn Bình")
    return UsbToken(authority, holder, softhsm_token(folder / "hsm", holder))
