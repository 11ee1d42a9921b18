"""Passwords and session tokens.

Passwords are kept only as Argon2id hashes. Session tokens are random and only
their SHA-256 is stored: a token is already high-entropy, so a slow hash would
add cost to every reconnect without adding safety.
"""

from __future__ import annotations

import hashlib
import secrets
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from meetingroom.core.account_errors import WeakPasswordError

#: Argon2id at OWASP's recommended minimum (m = 19 MiB, t = 2, p = 1): about 50 ms of one
#: core on the 2-core development machine under load, so a hall's 100 logins at once take
#: ~2.5 s on two threads (``bench.login_storm``). argon2-cffi's default (64 MiB, t = 3,
#: p = 4) took ~260 ms and four threads' worth of memory bandwidth per login. Hashes made
#: with other parameters are rehashed at the next successful login (``needs_rehash``).
ARGON2_TIME_COST = 2
ARGON2_MEMORY_KIB = 19 * 1024
ARGON2_PARALLELISM = 1
_hasher = PasswordHasher(time_cost=ARGON2_TIME_COST, memory_cost=ARGON2_MEMORY_KIB,
                         parallelism=ARGON2_PARALLELISM)

@cache
def _dummy_hash() -> str:
    """Verified against when the username is unknown, so both failures take the same time
    and a stranger cannot probe which usernames exist. Made on first use, not at import:
    a command-line tool that never checks a password should not spend 0.4 s starting up."""
    return _hasher.hash(secrets.token_urlsafe(16))

MIN_PASSWORD_LENGTH = 8


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise WeakPasswordError(
            f"Mật khẩu phải có ít nhất {MIN_PASSWORD_LENGTH} ký tự "
            f"(password must be at least {MIN_PASSWORD_LENGTH} characters)"
        )


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when ``password`` matches; a missing user is checked against a dummy hash."""
    try:
        return _hasher.verify(password_hash or _dummy_hash(), password) \
            and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
