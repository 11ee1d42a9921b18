"""The token and cache-key vaults when the OS keyring backend itself fails.

keyring is not our component, so a backend of our own stands in for one that breaks
the way real ones do: a Secret Service whose D-Bus went away raises ``OSError``, a
locked Windows vault or a broken plug-in raises ``RuntimeError``, neither of them a
``KeyringError``. The vaults must then behave as with no keyring at all: nothing
remembered, nothing raised, one warning in the log, and nothing written anywhere else.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import pytest

from meetingroom.laptop.credentials import CacheKeyVault, TokenVault


class BrokenKeyring(keyring.backend.KeyringBackend):
    """Looks usable (priority 1) and fails on every use with ``error``."""

    priority = 1

    def __init__(self, error: type[Exception]) -> None:
        super().__init__()
        self.error = error
        self.calls = 0

    def _fail(self) -> None:
        self.calls += 1
        raise self.error("the keyring daemon went away")

    def get_password(self, service: str, username: str) -> str | None:
        self._fail()
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        self._fail()

    def delete_password(self, service: str, username: str) -> None:
        self._fail()


@pytest.fixture(autouse=True)
def restore_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    yield
    keyring.set_keyring(previous)


@pytest.mark.parametrize("error", [OSError, RuntimeError, PermissionError, ValueError])
def test_a_failing_backend_counts_as_no_keyring_with_one_warning(
        error: type[Exception], caplog: pytest.LogCaptureFixture, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    backend = BrokenKeyring(error)
    keyring.set_keyring(backend)
    tokens, cache = TokenVault(), CacheKeyVault()
    assert tokens.available()  # it looks fine until it is used
    with caplog.at_level(logging.WARNING, logger="meetingroom.laptop.credentials"):
        assert tokens.save("wss://hall:8765", "chair", "secret-token") is False
        assert tokens.load("wss://hall:8765", "chair") is None
        tokens.forget("wss://hall:8765", "chair")
        key, persists = cache.key("wss://hall:8765", "chair")
        assert len(key) == 32
        assert persists is False
        assert not tokens.available()  # the login window now says "no keyring"
    assert backend.calls == 1  # after the first failure it is not asked again
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1, [r.getMessage() for r in warnings]
    assert "keyring unusable" in warnings[0].getMessage()
    assert "secret-token" not in caplog.text
    assert list(tmp_path.iterdir()) == []  # nothing written in the clear instead


def test_the_cache_key_vault_falls_back_when_the_backend_fails_first(
        caplog: pytest.LogCaptureFixture) -> None:
    keyring.set_keyring(BrokenKeyring(OSError))
    with caplog.at_level(logging.WARNING, logger="meetingroom.laptop.credentials"):
        first, persists = CacheKeyVault().key("wss://hall:8765", "chair")
        second, _ = CacheKeyVault().key("wss://hall:8765", "chair")
        other_user, _ = CacheKeyVault().key("wss://hall:8765", "delegate1")
    assert persists is False
    # Memory only, but one key per user for the whole run: a second window on the same
    # cache reads what the first wrote instead of dropping it as sealed by a stranger.
    assert first == second
    assert other_user != first
    assert len([r for r in caplog.records if r.levelno >= logging.WARNING]) == 1


def test_a_new_backend_is_tried_again() -> None:
    """A failure marks that backend only: one installed later (a desktop session that
    started its keyring) is used."""
    keyring.set_keyring(BrokenKeyring(OSError))
    assert TokenVault().save("wss://hall:8765", "chair", "t") is False

    class Working(keyring.backend.KeyringBackend):
        priority = 1

        def __init__(self) -> None:
            super().__init__()
            self.stored: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.stored.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.stored[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.stored.pop((service, username), None)

    keyring.set_keyring(Working())
    assert TokenVault().save("wss://hall:8765", "chair", "t") is True
    assert TokenVault().load("wss://hall:8765", "chair") == "t"
