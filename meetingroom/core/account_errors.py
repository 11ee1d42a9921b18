"""Why an account cannot be made or changed as asked.

Shared so the command line can report them without importing the server's password
hashing: the desktop bundle, which runs the same command line, carries no Argon2.
"""

from __future__ import annotations


class WeakPasswordError(ValueError):
    pass


class AccountError(ValueError):
    """An account cannot be created or changed as asked (shown to the operator as is)."""
