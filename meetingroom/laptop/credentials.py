"""Session tokens in the operating system's keyring, and an honest answer when there is none.

"Remember me" keeps the token (never the password) in the OS keyring. A
headless Linux has no keyring backend: then nothing is remembered, the
window says so, and the user types the password each time. A backend that
fails when used, with whatever exception (``OSError`` from a vanished D-Bus,
``RuntimeError`` from a locked vault, not only ``KeyringError``), counts as no
keyring from then on, with one warning in the log. Nothing secret is ever
written to a file of ours.
"""

from __future__ import annotations

import base64
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import keyring
from keyring.errors import PasswordDeleteError

log = logging.getLogger("meetingroom.laptop.credentials")
T = TypeVar("T")
SERVICE = "meetingroom"

#: For logs; the login window words it for the user.
NO_KEYRING = "no OS keyring is available here, so the login cannot be remembered"


def _account(server: str, username: str) -> str:
    return f"{username}@{server}"


#: The backend that failed this run (whatever it raised): from then on it counts as no
#: keyring at all, so the user is told so once instead of seeing an error on every use.
_failed_backend: object | None = None


def _current_backend() -> object | None:
    try:
        return keyring.get_keyring()
    except Exception as exc:  # a backend that cannot even be set up
        _give_up(None, "set up", exc)
        return None


def _usable() -> bool:
    backend = _current_backend()
    if backend is None or backend is _failed_backend:
        return False
    return float(getattr(backend, "priority", 0) or 0) > 0


def _give_up(backend: object | None, doing: str, exc: BaseException) -> None:
    """Count ``backend`` as no keyring from now on; say so once (never the secret).

    A backend may fail with anything, not only ``KeyringError``: a D-Bus socket gone
    (``OSError``), a locked Windows vault (``RuntimeError``), a broken plug-in. Each is
    "no keyring": nothing is remembered, and nothing secret is ever written elsewhere.
    """
    global _failed_backend
    if backend is not None and backend is _failed_backend:
        return
    _failed_backend = backend
    log.warning("keyring unusable (%s failed: %s); going on without it", doing,
                type(exc).__name__)


def _call(doing: str, action: Callable[[], T]) -> tuple[bool, T | None]:
    """(True, result), or (False, None) once the backend failed, whatever it raised."""
    backend = _current_backend()
    try:
        return True, action()
    except Exception as exc:
        _give_up(backend, doing, exc)
        return False, None


@dataclass
class TokenVault:
    """Remembers one session token per (server, user) in the OS keyring."""

    service: str = SERVICE

    def available(self) -> bool:
        return _usable()

    def load(self, server: str, username: str) -> str | None:
        if not self.available():
            return None
        _ok, token = _call("read", lambda: keyring.get_password(
            self.service, _account(server, username)))
        return token

    def save(self, server: str, username: str, token: str) -> bool:
        """True when the token is now remembered; False (and nothing written) otherwise."""
        if not self.available():
            return False
        ok, _none = _call("write", lambda: keyring.set_password(
            self.service, _account(server, username), token))
        return ok

    def forget(self, server: str, username: str) -> None:
        if not self.available():
            return
        backend = _current_backend()
        try:
            keyring.delete_password(self.service, _account(server, username))
        except PasswordDeleteError:
            pass  # nothing stored: nothing remains
        except Exception as exc:  # the backend went away: nothing can remain readable to us
            _give_up(backend, "delete", exc)


@dataclass
class CacheKeyVault:
    """The key of the encrypted document cache, kept in the OS keyring.

    Without a keyring the key lives only in memory for this run: documents then
    stay encrypted on disk but are fetched again after a restart, which is the
    price of never writing the key next to the data. Within the run it is one key
    per (server, user): each window that opens the same cache must be able to read
    what the others wrote, or the cache would drop their files as sealed by a stranger.
    """

    service: str = SERVICE + "-cache"

    def key(self, server: str, username: str) -> tuple[bytes, bool]:
        """(32-byte key, whether it persists across runs)."""
        account = _account(server, username)
        if not _usable():
            return _this_run(self.service, account), False
        ok, stored = _call("read", lambda: keyring.get_password(self.service, account))
        if ok and stored:
            try:
                return base64.b64decode(stored, validate=True), True
            except ValueError:
                log.warning("the stored cache key is unreadable; using a fresh one this run")
                return _this_run(self.service, account), False
        fresh = _this_run(self.service, account)
        if ok and _call("write", lambda: keyring.set_password(
                self.service, account, base64.b64encode(fresh).decode("ascii")))[0]:
            return fresh, True
        return fresh, False


#: Keys that live only as long as this process, by (service, account).
_run_keys: dict[tuple[str, str], bytes] = {}


def _this_run(service: str, account: str) -> bytes:
    """The key this process uses for ``account`` when no keyring keeps one: made once."""
    return _run_keys.setdefault((service, account), os.urandom(32))
