"""Certificate fingerprints as people compare them — no cryptography library needed."""

from __future__ import annotations

import hashlib


def fingerprint(der: bytes) -> str:
    """SHA-256 of the certificate, as colon-separated hex (how browsers show it)."""
    digest = hashlib.sha256(der).hexdigest().upper()
    return ":".join(digest[i:i + 2] for i in range(0, len(digest), 2))
