"""Shared-memory slabs the reader's pages are drawn into and painted from (issue 20).

The render child draws a page straight into a slab; the window wraps the slab's
bytes in an image without copying them and keeps that image in its page cache.
A slab is lent out as one ``memoryview`` (its *lease*): whoever paints from it
holds the lease (PySide's ``QImage`` keeps a reference to the buffer it was made
over, for as long as it or any copy of it lives), so a slab is free again exactly
when nothing but the pool refers to its lease — the page left the cache. A free
slab is reused for the next page: its memory is already faulted in, in the window
and in the child, which an allocation per page is not.

A slab still lent out is never unmapped: closing it is put off until its lease
is let go (:func:`release_lingering`), since an image painted from unmapped
memory would take the window down.
"""

from __future__ import annotations

import contextlib
import sys
from multiprocessing.shared_memory import SharedMemory

#: Slabs are made in whole megabytes, so pages of nearly the same size share them.
_GRAIN = 1 << 20

#: Slabs closed by a pool while an image still used them, closed once let go.
_LINGERING: list[SharedMemory] = []


class _SlabMemory(SharedMemory):
    """Shared memory whose garbage collection leaves an image's pixels mapped: the
    image's buffer keeps the mapping alive (mapped until it goes), where the
    default ``__del__`` reports that as an error at the interpreter's exit."""

    def __del__(self) -> None:
        with contextlib.suppress(BufferError, OSError):
            self.close()


class Slab:
    """One block of shared memory that holds one page at a time."""

    def __init__(self, size: int) -> None:
        self.shm: SharedMemory = _SlabMemory(create=True, size=-(-size // _GRAIN) * _GRAIN)
        #: The view lent out with the page last drawn here; None when never lent.
        self.lease: memoryview | None = None
        #: A page is being drawn into it (asked of the child, not answered yet).
        self.asked = False

    @property
    def name(self) -> str:
        return self.shm.name

    @property
    def size(self) -> int:
        return self.shm.size

    def in_use(self) -> bool:
        """Asked for, or its last page still held (by an image, a cache, a caller)."""
        if self.asked:
            return True
        lease = self.lease
        # The references counted: this attribute, the local name, getrefcount's argument.
        return lease is not None and sys.getrefcount(lease) > 3

    def lend(self, nbytes: int) -> memoryview:
        """The first ``nbytes`` of the slab, as the one view its holder keeps."""
        view = self.shm.buf
        assert view is not None
        self.asked = False
        self.lease = view[:nbytes]
        return self.lease

    def close(self) -> None:
        """Unlink now; unmap now, or once the last image made over it is gone."""
        self.asked = False
        self.lease = None
        with contextlib.suppress(FileNotFoundError):
            self.shm.unlink()
        try:
            self.shm.close()
        except BufferError:  # an image still paints from it: unmap it later
            _LINGERING.append(self.shm)


def release_lingering() -> None:
    """Unmap the closed slabs no image uses any more."""
    for shm in list(_LINGERING):
        try:
            shm.close()
        except BufferError:
            continue
        _LINGERING.remove(shm)


class SlabPool:
    """The render pipe's slabs: one per page held by the window, and a few spare.

    Spares matter: a new slab costs its mapping in both processes and a page fault
    per 4 KB on its first page (~1 ms and 2-4 ms for an A4 page on a slow laptop,
    measured in the child), which dropping spare slabs too eagerly paid on most pages.
    """

    def __init__(self, spare: int = 4) -> None:
        self._slabs: list[Slab] = []
        self._spare = spare
        #: Names of slabs unlinked since the child last heard, so it unmaps them too.
        self._forgotten: list[str] = []
        #: Slabs made so far (tests: pages reuse them).
        self.made = 0

    def take(self, size: int) -> Slab:
        """A free slab of at least ``size`` bytes — the smallest, marked as asked."""
        free = [slab for slab in self._slabs if not slab.in_use()]
        fitting = [slab for slab in free if slab.size >= size]
        chosen = min(fitting, key=lambda slab: slab.size) if fitting else None
        if chosen is None:
            chosen = Slab(size)
            self._slabs.append(chosen)
            self.made += 1
        chosen.asked = True
        spare = sorted((slab for slab in free if slab is not chosen),
                       key=lambda slab: slab.size)
        for slab in spare[: max(0, len(spare) - self._spare)]:  # the smallest go first
            self._drop(slab)
        release_lingering()
        return chosen

    def forget(self) -> list[str]:
        """Names of the slabs dropped since the last call (for the child to unmap)."""
        names, self._forgotten = self._forgotten, []
        return names

    def slabs(self) -> int:
        return len(self._slabs)

    def held_bytes(self) -> int:
        return sum(slab.size for slab in self._slabs)

    def _drop(self, slab: Slab) -> None:
        self._slabs.remove(slab)
        self._forgotten.append(slab.name)
        slab.close()

    def close(self) -> None:
        for slab in list(self._slabs):
            self._drop(slab)
        self._forgotten.clear()
        release_lingering()
