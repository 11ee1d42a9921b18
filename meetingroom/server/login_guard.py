"""Slowing down password guessing without handing an attacker a way to lock people out.

A lockout per account alone is a weapon: anyone who knows a delegate's username
could keep them out before a vote by typing wrong passwords, and a lockout per
address shuts out everyone behind one NAT or one relay hall. So failures are
counted on four separate counters, and each one only ever holds back the
attempts it describes:

- **(account, address)**: ``free_attempts`` failures, then a lock that doubles
  from ``base_lock_s`` up to ``max_lock_s``. Guessing from one place is slow;
  the same account from another address is not affected.
- **address**: ``address_limit`` failures (any accounts) within
  ``address_window_s`` lock that address for ``address_lock_s``: one machine
  cannot sweep the hall's usernames.
- **account, from anywhere**: ``account_limit`` failures (any addresses) within
  ``account_window_s`` lock the account for ``account_lock_s``, doubling: a
  botnet cannot guess one password from many addresses either.
- **known device**: a login that presents a device secret the server recorded
  for the account — the laptop held a valid token for it before — is judged by
  its own, lenient counter only — ``device_free_attempts`` failures, then at
  most ``device_max_lock_s``. An attacker without the laptop cannot touch it,
  so the delegate's own laptop always gets in with the right password.

Kept in memory per server process: a restart forgives, which is acceptable for
a hall server and keeps a locked-out chair from being stuck on the database.
The same rules apply to unknown usernames, so answers never reveal which
accounts exist.
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
    #: Failed passwords for one account from one address before that pair is locked.
    free_attempts: int = 5
    base_lock_s: float = 30.0
    max_lock_s: float = 15 * 60.0
    #: Failed logins from one address (any accounts) within ``address_window_s``.
    address_limit: int = 30
    address_window_s: float = 10 * 60.0
    address_lock_s: float = 60.0
    #: Failed logins for one account from any addresses within ``account_window_s``.
    account_limit: int = 50
    account_window_s: float = 10 * 60.0
    account_lock_s: float = 60.0
    #: A known device: its own failures only, and short waits.
    device_free_attempts: int = 10
    device_base_lock_s: float = 1.0
    device_max_lock_s: float = 60.0
    clock: Callable[[], float] = time.monotonic
    _pairs: dict[tuple[str, str], _Record] = field(default_factory=dict)
    _addresses: dict[str, _Record] = field(default_factory=dict)
    _accounts: dict[str, _Record] = field(default_factory=dict)
    _devices: dict[tuple[str, str], _Record] = field(default_factory=dict)
    #: Logins are checked on several threads at once.
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def retry_after(self, username: str, address: str, device: str | None = None) -> float:
        """Seconds until this attempt may be made (0: go ahead).

        ``device`` is the digest of a device secret the server knows for this account
        (None for anything else: an unknown or absent device counts for nothing).
        """
        now = self.clock()
        name = username.lower()
        with self._lock:
            if device is not None:
                records = [self._devices.get((name, device))]
            else:
                records = [self._pairs.get((name, address)), self._addresses.get(address),
                           self._accounts.get(name)]
            waits = [r.locked_until - now for r in records if r]
        return max([0.0, *waits])

    def failed(self, username: str, address: str, device: str | None = None) -> None:
        with self._lock:
            self._failed(username.lower(), address, device, self.clock())

    def _failed(self, name: str, address: str, device: str | None, now: float) -> None:
        if device is not None:
            known = self._devices.setdefault((name, device), _Record())
            known.failures += 1
            if known.failures >= self.device_free_attempts:
                over = min(known.failures - self.device_free_attempts, 30)
                known.locked_until = now + min(self.device_max_lock_s,
                                               self.device_base_lock_s * 2 ** over)
            return
        pair = self._pairs.setdefault((name, address), _Record())
        pair.failures += 1
        if pair.failures >= self.free_attempts:
            over = min(pair.failures - self.free_attempts, 30)
            pair.locked_until = now + min(self.max_lock_s, self.base_lock_s * 2 ** over)
        place = _windowed(self._addresses, address, now, self.address_window_s)
        if place.failures >= self.address_limit:
            place.locked_until = now + self.address_lock_s
        account = _windowed(self._accounts, name, now, self.account_window_s)
        if account.failures >= self.account_limit:
            over = min((account.failures - self.account_limit) // self.account_limit, 30)
            account.locked_until = now + min(self.max_lock_s, self.account_lock_s * 2 ** over)

    def succeeded(self, username: str, address: str, device: str | None = None) -> None:
        """The right password: forgive this pair (and this device), nothing wider."""
        name = username.lower()
        with self._lock:
            self._pairs.pop((name, address), None)
            if device is not None:
                self._devices.pop((name, device), None)


def _windowed(records: dict[str, _Record], key: str, now: float, window: float) -> _Record:
    """The record for ``key`` with one more failure, restarted when its window is over."""
    record = records.setdefault(key, _Record(first_failure=now))
    if now - record.first_failure > window:
        record.failures, record.first_failure = 0, now
    record.failures += 1
    return record
