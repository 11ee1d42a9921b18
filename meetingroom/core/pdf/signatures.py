"""Digital signatures on PDFs (ký số): PAdES signing with pyHanko, and what a signed PDF says.

Signing happens where the private key is: a PKCS#12 file on the secretary's laptop, or a
USB token reached through its PKCS#11 library, the way Vietnamese officials sign. Each
signature is an incremental update, so the chair's signature after the secretary's leaves
the secretary's signature valid. :func:`signature_statuses` reads every signature of a
PDF: who signed, the certificate's name, when, the time the signer's software claimed,
and one verdict: valid; changed after signing, the signed bytes no longer match, or later
updates went beyond what a signature permits; or signed by someone this computer does
not trust, no path to a trusted root in ``trust_roots``.

pyHanko takes most of a second to import: it is imported inside the functions, which the
desktop calls on a worker thread, never at start-up.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pyhanko.sign.signers import Signer


#: pyHanko logs a signer it cannot trust as an error with a traceback; here that is a
#: verdict shown to the reader ("signer not trusted"), not a fault of the program.
_QUIET = ("pyhanko.sign.validation.generic_cms", "pyhanko_certvalidator")


def _quiet_pyhanko() -> None:
    for name in _QUIET:
        logging.getLogger(name).setLevel(logging.CRITICAL)


class SigningError(Exception):
    """Signing could not be done; the message says why in words a secretary can act on."""


class Verdict(StrEnum):
    VALID = "valid"
    CHANGED = "changed"  # the signed content was altered after signing
    UNTRUSTED = "untrusted"  # intact, but the signer's certificate is not trusted here
    INVALID = "invalid"  # the signature itself does not verify


@dataclass(frozen=True)
class SignatureStatus:
    field: str
    signer: str
    signed_at: datetime | None
    verdict: Verdict
    #: Whether the signature covers the whole file (false when someone signed after).
    whole_file: bool

    def view(self) -> dict[str, Any]:
        return {"field": self.field, "signer": self.signer,
                "signed_at": self.signed_at.isoformat() if self.signed_at else None,
                "verdict": self.verdict.value, "whole_file": self.whole_file}


def has_signatures(data: bytes) -> bool:
    """A cheap look for a signature dictionary, before paying for pyHanko."""
    return b"/ByteRange" in data and (b"/Sig" in data)


def _signer_name(cert: Any) -> str:
    try:
        name = cert.subject.native.get("common_name")
    except Exception:  # an unreadable certificate still gets a line in the list
        name = None
    if isinstance(name, list):
        name = name[0] if name else None
    return str(name) if name else str(cert.subject.human_friendly)


def _load_certificates(paths: Sequence[Path]) -> list[Any]:
    from asn1crypto import pem, x509

    certs = []
    for path in paths:
        raw = path.read_bytes()
        if pem.detect(raw):
            for _kind, _headers, der in pem.unarmor(raw, multiple=True):
                certs.append(x509.Certificate.load(der))
        else:
            certs.append(x509.Certificate.load(raw))
    return certs


def trust_roots_in(folder: Path | None) -> list[Path]:
    """The certificate files (PEM or DER: .pem, .crt, .cer) in a folder of trusted roots."""
    if folder is None or not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if p.suffix.lower() in (".pem", ".crt", ".cer") and p.is_file())


TRUST_ENV = "MEETINGROOM_TRUSTED_SIGNERS"


def trusted_signers_folder() -> Path:
    """Where this computer keeps the root certificates it trusts for signed documents (the
    province's signing CA): $MEETINGROOM_TRUSTED_SIGNERS, else ``trusted-signers`` in the
    user's configuration folder."""
    import os

    from platformdirs import user_config_dir

    chosen = os.environ.get(TRUST_ENV)
    return Path(chosen) if chosen else Path(user_config_dir("meetingroom")) / "trusted-signers"


def signature_statuses(data: bytes, trust_roots: Sequence[Path] = ()) -> list[SignatureStatus]:
    """Every signature of ``data`` in signing order, with its verdict; [] for none."""
    if not has_signatures(data):
        return []
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError as ValidationError
    from pyhanko_certvalidator import ValidationContext

    _quiet_pyhanko()
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
    except Exception:  # not a PDF pyHanko can read: it carries no readable signature
        return []
    roots = _load_certificates(trust_roots)
    statuses = []
    for sig in embedded:
        context = ValidationContext(trust_roots=roots, allow_fetching=False)
        name = sig.field_name or ""
        try:
            cert = sig.signer_cert
            signer = _signer_name(cert)
        except Exception:
            signer = ""
        try:
            status = validate_pdf_signature(sig, context)
        except (ValidationError, ValueError):
            statuses.append(SignatureStatus(name, signer, None, Verdict.INVALID, False))
            continue
        whole = str(status.coverage).endswith("ENTIRE_FILE")
        changed = not status.intact or (
            status.modification_level is not None
            and status.modification_level > ModificationLevel.FORM_FILLING) \
            or status.docmdp_ok is False
        if changed:
            verdict = Verdict.CHANGED
        elif not status.valid:
            verdict = Verdict.INVALID
        elif not status.trusted:
            verdict = Verdict.UNTRUSTED
        else:
            verdict = Verdict.VALID
        statuses.append(SignatureStatus(name, signer, status.signer_reported_dt, verdict,
                                        whole))
    return statuses


# --- signing ---------------------------------------------------------------------------


def p12_signer(path: Path, password: str) -> Signer:
    from pyhanko.sign import signers

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SigningError(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        signer: Signer | None = signers.SimpleSigner.load_pkcs12_data(
            raw, other_certs=(), passphrase=password.encode("utf-8"))
    except (ValueError, TypeError) as exc:
        raise SigningError(f"{path.name}: wrong password or not a PKCS#12 file") from exc
    if signer is None:
        raise SigningError(f"{path.name}: wrong password or not a PKCS#12 file")
    return signer


@contextmanager
def pkcs11_signer(library: str, token_label: str, key_label: str,
                  pin: str) -> Iterator[Signer]:
    """A signer on a PKCS#11 token; the token's session is closed when the block ends."""
    try:
        from pkcs11 import PKCS11Error
        from pyhanko.config.pkcs11 import TokenCriteria
        from pyhanko.sign import pkcs11 as hanko_pkcs11
    except ImportError as exc:  # the pkcs11 extra is a dependency; say so if it is missing
        raise SigningError(f"PKCS#11 support is not installed: {exc}") from exc
    try:
        session = hanko_pkcs11.open_pkcs11_session(
            library, token_criteria=TokenCriteria(label=token_label), user_pin=pin)
    except (PKCS11Error, OSError, RuntimeError) as exc:
        raise SigningError(f"cannot open the token '{token_label}' with {library}: "
                           f"{type(exc).__name__} {exc}".strip()) from exc
    try:
        yield hanko_pkcs11.PKCS11Signer(session, key_label=key_label, cert_label=key_label)
    finally:
        session.close()


def sign_pdf(data: bytes, signer: Signer, *, field_name: str, reason: str = "",
             location: str = "") -> bytes:
    """``data`` with one more PAdES (B-B) signature, appended as an incremental update."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    except Exception as exc:
        raise SigningError(f"not a PDF that can be signed: {exc}") from exc
    taken = {name for name, _value, _ref in fields.enumerate_sig_fields(writer)}
    base, number = field_name, 1
    while field_name in taken:
        number += 1
        field_name = f"{base}{number}"
    meta = signers.PdfSignatureMetadata(field_name=field_name, md_algorithm="sha256",
                                        subfilter=fields.SigSeedSubFilter.PADES,
                                        reason=reason or None, location=location or None)
    try:
        out = signers.sign_pdf(writer, meta, signer=signer,
                               new_field_spec=fields.SigFieldSpec(sig_field_name=field_name))
    except Exception as exc:  # a token that refuses, a key that does not match its cert…
        raise SigningError(f"signing failed: {type(exc).__name__}: {exc}") from exc
    signed: bytes = out.getvalue()
    return signed
