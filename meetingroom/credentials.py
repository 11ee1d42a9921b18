"""Session tokens in the operating system's keyring, and an honest answer when there is none.

"Remember me" keeps the token (never the password) in the OS keyring. A
headless Linux has no keyring backend: then nothing is remembered, the
window says so, and the user types the password each time. Nothing secret is
ever written to a file of ours.
"""

from __future__ import annotations

import base64
import contextlib
import logging
import os
from dataclasses import dataclass

import keyring
from keyring.errors import KeyringError

log = logging.getLogger("meetingroom.credentials")
SERVICE = "meetingroom"

NO_KEYRING = ("Máy này không có kho khóa bảo mật (keyring), nên không thể ghi nhớ đăng nhập; "
              "bạn sẽ nhập mật khẩu mỗi lần (no OS keyring is available here, so the login "
              "cannot be remembered)")


def _account(server: str, username: str) -> str:
    return f"{username}@{server}"


@dataclass
class TokenVault:
    """Remembers one session token per (server, user) in the OS keyring."""

    service: str = SERVICE

    def available(self) -> bool:
        backend = keyring.get_keyring()
        return float(getattr(backend, "priority", 0) or 0) > 0

    def load(self, server: str, username: str) -> str | None:
        if not self.available():
            return None
        try:
            return keyring.get_password(self.service, _account(server, username))
        except KeyringError as exc:
            log.warning("keyring read failed: %s", type(exc).__name__)
            return None

    def save(self, server: str, username: str, token: str) -> bool:
        """True when the token is now remembered; False (and nothing written) otherwise."""
        if not self.available():
            return False
        try:
            keyring.set_password(self.service, _account(server, username), token)
        except KeyringError as exc:
            log.warning("keyring write failed: %s", type(exc).__name__)
            return False
        return True

    def forget(self, server: str, username: str) -> None:
        if not self.available():
            return
        # Nothing stored, or the backend went away: either way nothing remains.
        with contextlib.suppress(KeyringError):
            keyring.delete_password(self.service, _account(server, username))


@dataclass
class CacheKeyVault:
    """The key of the encrypted document cache, kept in the OS keyring.

    Without a keyring the key lives only in memory for this run: documents then
    stay encrypted on disk but are fetched again after a restart, which is the
    price of never writing the key next to the data.
    """

    service: str = SERVICE + "-cache"

    def key(self, server: str, username: str) -> tuple[bytes, bool]:
        """(32-byte key, whether it persists across runs)."""
        vault = TokenVault(self.service)
        account = _account(server, username)
        if vault.available():
            try:
                stored = keyring.get_password(self.service, account)
                if stored:
                    return base64.b64decode(stored), True
                fresh = os.urandom(32)
                keyring.set_password(self.service, account,
                                     base64.b64encode(fresh).decode("ascii"))
                return fresh, True
            except (KeyringError, ValueError) as exc:
                log.warning("keyring unusable for the cache key: %s", type(exc).__name__)
        return os.urandom(32), False
