"""Slowing down password guessing: backoff per account and per address, then a lockout.

Kept in memory per server process: a restart forgives, which is acceptable for a
hall server and keeps a locked-out chair from being stuck on the database. The
same rules apply to unknown usernames, so answers never reveal which accounts
exist.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class _Record:
    failures: int = 0
    locked_until: float = 0.0
    first_failure: float = 0.0


@dataclass
class LoginGuard:
    #: Failed passwords for one account before it is locked for a while.
    free_attempts: int = 5
    base_lock_s: float = 30.0
    max_lock_s: float = 15 * 60.0
    #: Failed logins from one address (any accounts) within ``address_window_s``.
    address_limit: int = 30
    address_window_s: float = 10 * 60.0
    clock: Callable[[], float] = time.monotonic
    _accounts: dict[str, _Record] = field(default_factory=dict)
    _addresses: dict[str, _Record] = field(default_factory=dict)
    #: Logins are checked on several threads at once.
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def retry_after(self, username: str, address: str) -> float:
        """Seconds until this attempt may be made (0: go ahead)."""
        now = self.clock()
        with self._lock:
            waits = [r.locked_until - now for r in (self._accounts.get(username.lower()),
                                                    self._addresses.get(address)) if r]
        return max([0.0, *waits])

    def failed(self, username: str, address: str) -> None:
        with self._lock:
            self._failed(username, address, self.clock())

    def _failed(self, username: str, address: str, now: float) -> None:
        account = self._accounts.setdefault(username.lower(), _Record())
        account.failures += 1
        if account.failures >= self.free_attempts:
            over = account.failures - self.free_attempts
            account.locked_until = now + min(self.max_lock_s, self.base_lock_s * 2 ** over)
        place = self._addresses.setdefault(address, _Record(first_failure=now))
        if now - place.first_failure > self.address_window_s:
            place.failures, place.first_failure = 0, now
        place.failures += 1
        if place.failures >= self.address_limit:
            place.locked_until = now + self.base_lock_s * 2

    def succeeded(self, username: str) -> None:
        with self._lock:
            self._accounts.pop(username.lower(), None)
