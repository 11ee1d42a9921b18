"""A least-recently-used cache bounded by bytes, for rendered pages.

Rendered pages are large (an A4 page at 200 % on a HiDPI screen is ~30 MB)
so the cap is in megabytes, not in entries. The cache is generic and Qt-free
so it can be tested without a display; the reader stores QImages in it.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Collection, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class ByteBoundedLru(Generic[K, V]):
    """Evicts the least recently used entries once their total size passes the cap.

    ``pinned`` keys — the pages on screen — are never evicted, so the cap can
    be exceeded by what is visible but never by what was merely prefetched;
    an unpinned newcomer that does not fit is dropped instead.
    """

    def __init__(self, max_bytes: int, size_of: Callable[[V], int]) -> None:
        self.max_bytes = max_bytes
        self._size_of = size_of
        self._items: OrderedDict[K, tuple[V, int]] = OrderedDict()
        self.total_bytes = 0

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def get(self, key: K) -> V | None:
        item = self._items.get(key)
        if item is None:
            return None
        self._items.move_to_end(key)
        return item[0]

    def put(self, key: K, value: V, pinned: Collection[K] = ()) -> bool:
        """Insert; returns False when the entry itself had to be dropped."""
        self.pop(key)
        size = self._size_of(value)
        self._items[key] = (value, size)
        self.total_bytes += size
        for victim in list(self._items):
            if self.total_bytes <= self.max_bytes:
                break
            if victim in pinned or victim == key:
                continue
            self.pop(victim)
        if self.total_bytes > self.max_bytes and key not in pinned and len(self._items) > 1:
            self.pop(key)
            return False
        return True

    def fits(self, size: int) -> bool:
        return self.total_bytes + size <= self.max_bytes

    def make_room(self, size: int, keep: Collection[K]) -> bool:
        """Evict the least recently used entries outside ``keep`` until ``size`` fits.

        Without this, once the cache filled with pages read long ago, prefetching
        the next page never happened again (bench/pdf_render: 10 of 299 turns).
        """
        for victim in list(self._items):
            if self.fits(size):
                break
            if victim not in keep:
                self.pop(victim)
        return self.fits(size)

    def pop(self, key: K) -> V | None:
        item = self._items.pop(key, None)
        if item is None:
            return None
        self.total_bytes -= item[1]
        return item[0]

    def keys(self) -> list[K]:
        return list(self._items)

    def clear(self) -> None:
        self._items.clear()
        self.total_bytes = 0
