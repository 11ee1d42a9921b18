"""Per-user folders, so two delegates sharing a laptop never see each other's notes or cache."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import platformdirs

APP = "meetingroom"


def _safe(part: str) -> str:
    """A folder name from a user or host name that works on Windows, macOS and Linux."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", part.strip()).strip("._")
    return cleaned[:80] or "_"


@dataclass(frozen=True)
class Profile:
    folder: Path
    server: str
    username: str

    @property
    def annotations(self) -> Path:
        return self.folder / "annotations"

    @property
    def notes(self) -> Path:
        return self.folder / "notes.sqlite3"

    @property
    def settings(self) -> Path:
        return self.folder / "settings.json"


def profile_for(server: str, username: str, root: Path | None = None) -> Profile:
    """The folder of one user on one chair server, created with owner-only permissions."""
    base = root or Path(platformdirs.user_data_dir(APP, appauthor=False))
    host = urlsplit(server).netloc or server
    folder = base / "profiles" / _safe(host) / _safe(username.lower())
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return Profile(folder, server, username)
