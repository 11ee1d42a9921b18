"""Meeting documents on a laptop: encrypted at rest, verified, wiped when no longer allowed.

Every file is AES-GCM encrypted with a key from the OS keyring and bound to its
SHA-256 — the authenticated data, so a copied cache folder shows no PDF and a
swapped file fails to decrypt. An index remembers which meeting each file is
for and until when, so expiry and remote wipe delete exactly what they should.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"MRC1"
NONCE_BYTES = 12
#: The label of the index's proof that the cache's files are sealed with this key.
_KEY_PROOF = "key of this cache"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _atomic_write(target: Path, *parts: bytes | memoryview, durable: bool = True) -> None:
    """Write ``parts`` to ``target`` whole or not at all. ``durable=False`` skips the fsync:
    for a download's pieces, which a power cut may leave torn — a torn piece fails to
    open and is fetched again, so the wait for the disk buys nothing there."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    try:
        with os.fdopen(fd, "wb") as handle:
            for part in parts:
                handle.write(part)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class DocumentCache:
    def __init__(self, folder: Path, key: bytes) -> None:
        if len(key) != 32:
            raise ValueError("the cache key must be 32 bytes")
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._aead = AESGCM(key)
        self._index = folder / "index.sqlite3"
        with self._db() as db:
            db.execute("CREATE TABLE IF NOT EXISTS held (sha256 TEXT NOT NULL, "
                       "meeting_id INTEGER NOT NULL, expires_at TEXT, "
                       "PRIMARY KEY (sha256, meeting_id))")
            db.execute("CREATE TABLE IF NOT EXISTS sealed_by (proof BLOB NOT NULL)")
            row = db.execute("SELECT proof FROM sealed_by").fetchone()
            if row is None or self._open(row[0], _KEY_PROOF) is None:
                self._drop_files()
                db.execute("DELETE FROM sealed_by")
                db.execute("INSERT INTO sealed_by VALUES (?)",
                           (b"".join(self._seal(b"", _KEY_PROOF)),))

    def _drop_files(self) -> None:
        """Delete every file and piece: the cache was sealed with another key — a machine
        without a keyring has a new one each start, a keyring may lose one — or by a
        version that kept no proof of its key. Unreadable files kept would count as downloaded —
        the packet complete, the reader saying the document is not on this laptop — and
        would never be fetched again; gone, they are."""
        for entry in self.folder.iterdir():
            if entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)

    @contextlib.contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self._index, timeout=10)
        try:
            with db:
                yield db
        finally:
            db.close()

    # --- sealing ---------------------------------------------------------------------

    def _seal(self, data: bytes | bytearray | memoryview, label: str) -> tuple[bytes, bytes]:
        """The sealed form in two parts (header, ciphertext): written one after the other,
        a large file is not copied once more to join them."""
        nonce = os.urandom(NONCE_BYTES)
        return MAGIC + nonce, self._aead.encrypt(nonce, data, label.encode())

    def _open(self, blob: bytes, label: str) -> bytes | None:
        if not blob.startswith(MAGIC):
            return None
        nonce = blob[len(MAGIC):len(MAGIC) + NONCE_BYTES]
        try:
            return self._aead.decrypt(nonce, blob[len(MAGIC) + NONCE_BYTES:], label.encode())
        except InvalidTag:
            return None

    # --- whole files -----------------------------------------------------------------

    def path(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError("not a SHA-256 hex digest")
        return self.folder / sha256[:2] / f"{sha256}.enc"

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def put(self, sha256: str, data: bytes) -> None:
        if sha256_hex(data) != sha256:
            raise ValueError("the file does not match its SHA-256")
        self._put_verified(sha256, data)

    def _put_verified(self, sha256: str, data: bytes | bytearray | memoryview) -> None:
        _atomic_write(self.path(sha256), *self._seal(data, sha256))

    def read(self, sha256: str) -> bytes | None:
        """The plaintext, or None when missing, tampered with, or sealed with another key."""
        path = self.path(sha256)
        if not path.is_file():
            return None
        data = self._open(path.read_bytes(), sha256)
        if data is None or sha256_hex(data) != sha256:
            path.unlink(missing_ok=True)  # unreadable: fetch it again rather than keep junk
            return None
        return data

    # --- pieces of a download in progress -----------------------------------------------

    def _parts(self, sha256: str) -> Path:
        self.path(sha256)
        return self.folder / ".parts" / sha256

    def put_piece(self, sha256: str, offset: int, data: bytes | memoryview) -> None:
        _atomic_write(self._parts(sha256) / f"{offset:016d}",
                      *self._seal(data, f"{sha256}:{offset}"), durable=False)

    def _kept(self, sha256: str) -> Iterator[tuple[int, bytes]]:
        """The pieces of a download in progress that still open (others are deleted)."""
        folder = self._parts(sha256)
        if folder.is_dir():
            for piece in folder.iterdir():
                if piece.name.isdigit():
                    data = self._open(piece.read_bytes(), f"{sha256}:{int(piece.name)}")
                    if data is None:
                        piece.unlink(missing_ok=True)
                    else:
                        yield int(piece.name), data

    def pieces(self, sha256: str) -> dict[int, int]:
        """Offsets already downloaded → their lengths (what a resumed download skips)."""
        return {offset: len(data) for offset, data in self._kept(sha256)}

    def receive(self, sha256: str, size: int) -> Incoming:
        """Start (or resume) downloading a file: the pieces kept from an earlier attempt
        are already in it."""
        return Incoming(self, sha256, size)

    # --- what may stay on this laptop ---------------------------------------------------

    def hold(self, meeting_id: int, sha256: str, expires_at: datetime | None) -> None:
        with self._db() as db:
            db.execute("INSERT OR REPLACE INTO held VALUES (?, ?, ?)",
                       (sha256, meeting_id, expires_at.isoformat() if expires_at else None))

    def retain(self, meeting_id: int, allowed: set[str]) -> list[str]:
        """Remote wipe: forget this meeting's files that are no longer allowed; delete orphans."""
        with self._db() as db:
            held = {row[0] for row in db.execute(
                "SELECT sha256 FROM held WHERE meeting_id = ?", (meeting_id,))}
            for sha in held - allowed:
                db.execute("DELETE FROM held WHERE sha256 = ? AND meeting_id = ?",
                           (sha, meeting_id))
        return self._delete_orphans(held - allowed)

    def forget_meeting(self, meeting_id: int) -> list[str]:
        return self.retain(meeting_id, set())

    def purge_expired(self, now: datetime) -> list[str]:
        with self._db() as db:
            expired = {row[0] for row in db.execute(
                "SELECT sha256 FROM held WHERE expires_at IS NOT NULL AND expires_at <= ?",
                (now.isoformat(),))}
            db.execute("DELETE FROM held WHERE expires_at IS NOT NULL AND expires_at <= ?",
                       (now.isoformat(),))
        return self._delete_orphans(expired)

    def _delete_orphans(self, candidates: set[str]) -> list[str]:
        deleted = []
        with self._db() as db:
            for sha in sorted(candidates):
                still = db.execute("SELECT 1 FROM held WHERE sha256 = ?", (sha,)).fetchone()
                if still is None:
                    self.path(sha).unlink(missing_ok=True)
                    shutil.rmtree(self._parts(sha), ignore_errors=True)
                    deleted.append(sha)
        return deleted


class Incoming:
    """A download in progress: every piece sealed into the cache as it arrives, so a cut
    download resumes from them; the plaintext is gathered once in memory, so the finished
    file is hashed once and sealed once — never read back, opened and joined again.

    ``put`` may run on several threads at once (pieces never overlap).
    """

    def __init__(self, cache: DocumentCache, sha256: str, size: int) -> None:
        self.cache, self.sha256, self.size = cache, sha256, size
        self._whole = bytearray(size)
        #: Offset → length of the pieces held.
        self.have: dict[int, int] = {}
        for offset, data in cache._kept(sha256):
            if offset + len(data) <= size:
                self._whole[offset:offset + len(data)] = data
                self.have[offset] = len(data)

    def put(self, offset: int, data: bytes | memoryview) -> None:
        if offset < 0 or offset + len(data) > self.size:
            raise ValueError("a piece outside the file")
        self.cache.put_piece(self.sha256, offset, data)
        self._whole[offset:offset + len(data)] = data
        self.have[offset] = len(data)

    def finish(self) -> memoryview | None:
        """The verified file, now sealed in the cache, as a read-only view of the bytes
        gathered, not a copy; None when the pieces do not add up to the file its SHA-256
        names (they are dropped: the next attempt starts over)."""
        whole, parts = self._whole, self.cache._parts(self.sha256)
        if sum(self.have.values()) != self.size or \
                hashlib.sha256(whole).hexdigest() != self.sha256:
            shutil.rmtree(parts, ignore_errors=True)
            self.have.clear()
            return None
        self.cache._put_verified(self.sha256, whole)
        shutil.rmtree(parts, ignore_errors=True)
        return memoryview(whole).toreadonly()
