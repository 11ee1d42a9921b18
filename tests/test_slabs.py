"""The render pipe's shared-memory slabs (issue 20.4): a slab lent out is not reused
nor unmapped while its view is held; let go, it takes the next page."""

from __future__ import annotations

from pathlib import Path

from meetingroom.core.pdf import slabs
from meetingroom.core.pdf.slabs import SlabPool


def _exists(name: str) -> bool:
    return (Path("/dev/shm") / name.lstrip("/")).exists() or not Path("/dev/shm").is_dir()


def test_a_slab_held_is_not_reused_and_one_let_go_is() -> None:
    pool = SlabPool(spare=1)
    first = pool.take(3 << 20)
    view = first.lend(3 << 20)
    view[:4] = b"page"
    second = pool.take(3 << 20)
    assert second is not first  # the first page is still held
    second.lend(10)
    del view
    assert pool.take(3 << 20) is first  # let go: reused, its memory already faulted in
    assert pool.made == 2
    pool.close()


def test_spare_slabs_beyond_the_limit_are_unlinked_and_named_for_the_child() -> None:
    pool = SlabPool(spare=1)
    taken = [pool.take(1 << 20) for _ in range(4)]
    for slab in taken:
        slab.lend(10)  # answered, nothing held
    names = {slab.name for slab in taken}
    kept = pool.take(1 << 20)
    forgotten = set(pool.forget())
    assert len(forgotten) == 2  # four free: one taken, one spare, two dropped
    assert forgotten < names
    assert kept.name not in forgotten
    assert not any(_exists(name) for name in forgotten)
    assert pool.forget() == []
    pool.close()


def test_closing_under_a_held_view_unlinks_now_and_unmaps_when_let_go() -> None:
    pool = SlabPool()
    slab = pool.take(1 << 20)
    view = slab.lend(1 << 20)
    view[:5] = b"still"
    pool.close()
    assert not _exists(slab.name)
    assert bytes(view[:5]) == b"still"  # mapped while held: painting it cannot crash
    assert slab.shm in slabs._LINGERING
    del view
    slabs.release_lingering()
    assert slab.shm not in slabs._LINGERING
