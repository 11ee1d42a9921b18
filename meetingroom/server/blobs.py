"""Content-addressed file storage for meeting documents.

Files are named by their SHA-256, so the same PDF attached to two meetings is
stored once and a transfer can be verified against its own name.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy import make_url

from meetingroom.core.pdf.check import Limits, Verdict, check_file
from meetingroom.server.storage.database import normalise_url

#: Largest piece of a file sent in one reply (base64 keeps the frame under 1 MiB).
CHUNK_BYTES = 512 * 1024


def default_blob_dir(db_url: str) -> Path:
    """Next to an SQLite file (so a hall server is one folder to back up), else the data dir."""
    url = make_url(normalise_url(db_url))
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database).parent / "blobs"
    return Path(user_data_dir("meetingroom")) / "blobs"


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)
        #: What the document check allows a file (tests shorten the time per page).
        self.check_limits = Limits()

    def path(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a SHA-256 hex digest: {sha256[:80]!r}")
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def put(self, data: bytes) -> str:
        """Store ``data``, return its digest; written atomically so a crash leaves no half file."""
        digest = hashlib.sha256(data).hexdigest()
        target = self.path(digest)
        if target.is_file():
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return digest

    def read(self, sha256: str) -> bytes:
        return self.path(sha256).read_bytes()

    def size(self, sha256: str) -> int:
        return self.path(sha256).stat().st_size

    def read_range(self, sha256: str, offset: int, length: int) -> bytes:
        with self.path(sha256).open("rb") as handle:
            handle.seek(offset)
            return handle.read(length)

    def read_into(self, sha256: str, offset: int, target: memoryview) -> None:
        """Fill ``target`` with the file's bytes from ``offset`` — no copy of its own;
        OSError when the file ends first."""
        with self.path(sha256).open("rb", buffering=0) as handle:
            handle.seek(offset)
            done = 0
            while done < len(target):
                got = handle.readinto(target[done:])
                if not got:
                    raise OSError(f"{sha256[:12]} ends before {offset + len(target)}")
                done += got

    # --- conversions ---------------------------------------------------------------

    def _conversion(self, sha256: str) -> Path:
        self.path(sha256)
        return self.root / ".converted" / sha256

    def converted(self, sha256: str) -> str | None:
        """The PDF an office file was already converted to, so it is converted once."""
        marker = self._conversion(sha256)
        if not marker.is_file():
            return None
        pdf = marker.read_text(encoding="ascii").strip()
        return pdf if self.has(pdf) else None

    def remember_conversion(self, sha256: str, pdf_sha256: str) -> None:
        marker = self._conversion(sha256)
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_text(pdf_sha256, encoding="ascii")

    # --- the document check ----------------------------------------------------------

    def _verdict_marker(self, sha256: str) -> Path:
        self.path(sha256)
        return self.root / ".checked" / sha256

    def verdict(self, sha256: str) -> Verdict | None:
        """The document check's verdict on a stored file, if it was checked already."""
        marker = self._verdict_marker(sha256)
        try:
            return Verdict.from_json(marker.read_text(encoding="utf-8"))
        except OSError:
            return None

    def check(self, sha256: str) -> Verdict:
        """Run the document check once per file (in a child process, see pdf.check) and
        remember the verdict beside the file: the server calls this off the database
        thread before ``document.add``, so the command itself only reads the verdict."""
        known = self.verdict(sha256)
        if known is not None:
            return known
        verdict = check_file(self.path(sha256), self.check_limits)
        marker = self._verdict_marker(sha256)
        marker.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=marker.parent, prefix=".incoming-")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(verdict.to_json())
        os.replace(tmp, marker)
        return verdict

    # --- uploads in pieces ------------------------------------------------------------

    def _part(self, sha256: str) -> Path:
        self.path(sha256)  # validates the name
        return self.root / ".uploads" / f"{sha256}.part"

    def received(self, sha256: str) -> int:
        """Bytes of an unfinished upload already here, so a cut upload resumes, not restarts."""
        part = self._part(sha256)
        return part.stat().st_size if part.is_file() else 0

    def append(self, sha256: str, size: int, offset: int, data: bytes | memoryview) -> int:
        """Add the next piece of an upload; when the last arrives, verify and adopt it.

        Returns the bytes received so far. Raises ValueError when the piece does not
        continue the upload or the finished file does not hash to ``sha256``.
        """
        part = self._part(sha256)
        have = self.received(sha256)
        if offset != have:
            raise ValueError(f"expected offset {have}, got {offset}")
        if have + len(data) > size:
            raise ValueError("more data than the announced size")
        part.parent.mkdir(parents=True, exist_ok=True)
        with part.open("ab") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        have += len(data)
        if have == size:
            digest = hashlib.sha256()
            with part.open("rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
            if digest.hexdigest() != sha256:
                part.unlink()
                raise ValueError("the uploaded file does not match its SHA-256; send it again")
            target = self.path(sha256)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(part, target)
        return have
