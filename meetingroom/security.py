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

_hasher = PasswordHasher()

@cache
def _dummy_hash() -> str:
    """Verified against when the username is unknown, so both failures take the same time
    and a stranger cannot probe which usernames exist. Made on first use, not at import:
    the desktop client imports this module and should not spend 0.4 s starting up."""
    return _hasher.hash(secrets.token_urlsafe(16))

MIN_PASSWORD_LENGTH = 8


class WeakPasswordError(ValueError):
    pass


class AccountError(ValueError):
    """An account cannot be created or changed as asked (shown to the operator as is)."""


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
