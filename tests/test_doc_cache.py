"""The laptop's encrypted document cache: a download is kept as the pieces it came in,
sealed once, and the finished file opens from them; files of the earlier whole-file
format still open."""

from __future__ import annotations

import hashlib
import itertools
import os
import threading
from pathlib import Path

import pytest

from meetingroom.laptop.doc_cache import _RECORD, MAGIC, PIECES_MAGIC, DocumentCache, Incoming

KEY = bytes(range(32))


def _file(size: int = 300_000) -> tuple[bytes, str]:
    data = os.urandom(size)
    return data, hashlib.sha256(data).hexdigest()


def test_pieces_in_any_order_make_the_file_sealed_once(tmp_path: Path) -> None:
    data, sha = _file()
    cache = DocumentCache(tmp_path / "cache", KEY)
    incoming = cache.receive(sha, len(data))
    cuts = [0, 70_000, 140_000, 210_000, len(data)]
    pieces = list(itertools.pairwise(cuts))
    for start, end in [pieces[2], pieces[0], pieces[3], pieces[1]]:
        incoming.put(start, memoryview(data)[start:end])
    assert incoming.finish()
    stored = cache.path(sha).read_bytes()
    assert stored.startswith(PIECES_MAGIC)
    # The pieces' ciphertext and their heads, nothing else: no second sealed copy.
    assert len(stored) == len(PIECES_MAGIC) + len(pieces) * (_RECORD.size + 16) + len(data)
    assert data[:4096] not in stored
    assert DocumentCache(tmp_path / "cache", KEY).read(sha) == data
    assert not list((tmp_path / "cache" / ".parts").iterdir())


def test_a_file_sealed_whole_by_an_earlier_version_still_opens(tmp_path: Path) -> None:
    data, sha = _file()
    cache = DocumentCache(tmp_path / "cache", KEY)
    head, sealed = cache._seal(data, sha)
    assert head.startswith(MAGIC)
    cache.path(sha).parent.mkdir(parents=True)
    cache.path(sha).write_bytes(head + sealed)
    assert cache.read(sha) == data


def test_a_wrong_file_is_not_kept_and_its_pieces_are_dropped(tmp_path: Path) -> None:
    data, sha = _file()
    cache = DocumentCache(tmp_path / "cache", KEY)
    incoming = cache.receive(sha, len(data))
    incoming.put(0, data[:100_000])
    incoming.put(100_000, b"\0" * (len(data) - 100_000))
    assert not incoming.finish()
    assert not cache.has(sha)
    assert cache.pieces(sha) == {}
    missing = cache.receive(sha, len(data))
    missing.put(0, data[:100_000])
    assert not missing.finish(), "a file with a piece missing is not the file"


@pytest.mark.parametrize("moved_to", [1, 1 << 60], ids=["one byte on", "far past the end"])
def test_a_piece_whose_head_was_altered_fails_to_open(tmp_path: Path, moved_to: int) -> None:
    """A piece moved inside the stored file fails its check. One moved far past the
    end would have the reader allocate 2^60 bytes first; it is refused before that.
    Either way the file is removed, so the packet fetches it again."""
    data, sha = _file()
    cache = DocumentCache(tmp_path / "cache", KEY)
    incoming = cache.receive(sha, len(data))
    incoming.put(0, data[:150_000])
    incoming.put(150_000, data[150_000:])
    assert incoming.finish()
    stored = bytearray(cache.path(sha).read_bytes())
    offset, length, nonce = _RECORD.unpack_from(stored, len(PIECES_MAGIC))
    _RECORD.pack_into(stored, len(PIECES_MAGIC), offset + moved_to, length, nonce)
    cache.path(sha).write_bytes(bytes(stored))
    assert cache.read(sha) is None
    assert not cache.has(sha)


def test_an_attempt_cut_off_resumes_from_its_pieces(tmp_path: Path) -> None:
    data, sha = _file()
    cache = DocumentCache(tmp_path / "cache", KEY)
    first = cache.receive(sha, len(data))
    first.put(0, data[:100_000])
    first.put(200_000, data[200_000:])
    first.close()
    again = DocumentCache(tmp_path / "cache", KEY).receive(sha, len(data), keep=True)
    assert again.have == {0: 100_000, 200_000: len(data) - 200_000}
    again.put(100_000, data[100_000:200_000])
    assert again.finish()
    assert bytes(again.data()) == data
    assert cache.read(sha) == data


def test_two_downloads_of_one_file_at_once_do_not_mix_their_pieces(tmp_path: Path) -> None:
    """Two meetings may share a document: each download appends to a record of its own,
    where a shared one would interleave; both finish, the cut one's record is resumed."""
    data, sha = _file()
    cache = DocumentCache(tmp_path / "cache", KEY)
    one, two = cache.receive(sha, len(data)), cache.receive(sha, len(data))
    halves = [(0, 150_000), (150_000, len(data))]

    def fill(incoming: Incoming, order: list[tuple[int, int]]) -> None:
        for start, end in order:
            incoming.put(start, data[start:end])

    threads = [threading.Thread(target=fill, args=(one, halves)),
               threading.Thread(target=fill, args=(two, halves[::-1]))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert one.finish()
    assert two.finish()
    assert cache.read(sha) == data
    assert not list((tmp_path / "cache" / ".parts").iterdir())
