"""Trust on first use for hall servers with self-signed certificates.

The first connection to a wss:// server records its certificate's fingerprint
in the user's profile; every later connection must present the same one. A
change is refused with a warning a person can act on (ask the technician to
compare the fingerprint printed by ``meetingroom tls-init``), never accepted
silently: a changed certificate is exactly what an impostor on the hall Wi-Fi
would present.
"""

from __future__ import annotations

import json
import ssl
import threading
from pathlib import Path
from urllib.parse import urlsplit

from meetingroom.core.fingerprints import fingerprint


class CertificateChangedError(Exception):
    """The server presented a different certificate than the one pinned for it."""

    def __init__(self, server: str, pinned: str, presented: str) -> None:
        super().__init__(
            f"WARNING: the certificate of server {server} changed; refusing to connect. "
            f"Pinned {pinned[:23]}…, presented {presented[:23]}…")
        self.server = server
        self.pinned = pinned
        self.presented = presented


def tofu_context() -> ssl.SSLContext:
    """TLS without CA checks: the pin, checked right after the handshake, replaces them."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


class PinStore:
    """``known_servers.json`` in a profile folder: host:port → fingerprint."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    @staticmethod
    def key(url: str) -> str:
        parts = urlsplit(url)
        return f"{parts.hostname}:{parts.port or 443}"

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def pinned(self, url: str) -> str | None:
        with self._lock:
            return self._read().get(self.key(url))

    def check(self, url: str, der: bytes) -> str:
        """Pin on first use; raise CertificateChangedError on a different certificate."""
        presented = fingerprint(der)
        with self._lock:
            pins = self._read()
            known = pins.get(self.key(url))
            if known is None:
                pins[self.key(url)] = presented
                self.path.parent.mkdir(parents=True, exist_ok=True)
                tmp = self.path.with_suffix(".tmp")
                tmp.write_text(json.dumps(pins, indent=1, sort_keys=True), encoding="utf-8")
                tmp.replace(self.path)
                return presented
        if known != presented:
            raise CertificateChangedError(self.key(url), known, presented)
        return presented

    def forget(self, url: str) -> None:
        """After the technician confirms a new certificate — a reinstalled server."""
        with self._lock:
            pins = self._read()
            if pins.pop(self.key(url), None) is not None:
                self.path.write_text(json.dumps(pins, indent=1, sort_keys=True),
                                     encoding="utf-8")
