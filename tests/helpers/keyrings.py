"""A keyring that works, for tests on a headless machine that has none.

The tests' default is no keyring at all (``keyring.backends.fail``), as on a bare Linux;
a test of what a remembered login or a persistent cache key does sets this one, which
keeps its secrets in a dict for as long as the test process lives: what a desktop's
Secret Service or Windows' Credential Manager would hold across restarts of the client.
"""

from __future__ import annotations

import keyring.backend

from meetingroom.laptop.credentials import SERVICE


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A working keyring that lives in a dict."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)

    def tokens(self) -> dict[tuple[str, str], str]:
        """The session tokens (the document cache keeps its own key under another service)."""
        return {k: v for k, v in self.secrets.items() if k[0] == SERVICE}
