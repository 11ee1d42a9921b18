"""Personal annotations synced to the user's account on the chair server.

The window syncs a document as one coroutine on the connection's own loop
(:func:`synchronise`: pull, merge, push), so no thread sits blocked waiting on
that loop; the merge's disk work goes to a thread meanwhile. The blocking
``push``/``pull`` — the core's :class:`AnnotationSync` — remain for callers on
another thread than the loop's: each call hops onto the loop and waits there.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence
from typing import Any

from meetingroom.core.pdf.annotation_store import AnnotationStore
from meetingroom.core.pdf.annotations import Annotation
from meetingroom.sync.client.chair_client import ChairClient

#: Keep each push well under the server's 64 KiB message limit.
BATCH_BYTES = 40_000


def batches(items: Sequence[dict[str, Any]], limit: int = BATCH_BYTES) -> list[list[dict[str,
                                                                                     Any]]]:
    out: list[list[dict[str, Any]]] = [[]]
    size = 0
    for item in items:
        item_size = len(json.dumps(item, ensure_ascii=False).encode()) + 2
        if out[-1] and (size + item_size > limit or len(out[-1]) >= 500):
            out.append([])
            size = 0
        out[-1].append(item)
        size += item_size
    return [batch for batch in out if batch]


class ChairAnnotationSync:
    """:class:`meetingroom.core.pdf.annotations.AnnotationSync` over a chair-server connection."""

    def __init__(self, client: ChairClient, meeting_id: int, loop: asyncio.AbstractEventLoop,
                 *, timeout: float = 30.0) -> None:
        self._client = client
        self._meeting_id = meeting_id
        self._loop = loop
        self._timeout = timeout

    async def pull_async(self, document_sha256: str) -> list[Annotation]:
        """The account's versions, awaited on the connection's loop."""
        reply = await self._client.command(self._meeting_id, "annotations.pull",
                                           {"sha256": document_sha256})
        return [Annotation.from_json(raw) for raw in reply["annotations"]]

    async def push_async(self, document_sha256: str,
                         annotations: Sequence[Annotation]) -> None:
        """Every version this laptop holds, in batches under the message limit."""
        for batch in batches([a.to_json() for a in annotations]):
            await self._client.command(self._meeting_id, "annotations.push",
                                       {"sha256": document_sha256, "annotations": batch})

    def _call(self, name: str, args: dict[str, Any]) -> dict[str, Any]:
        future = asyncio.run_coroutine_threadsafe(
            self._client.command(self._meeting_id, name, args), self._loop)
        return future.result(self._timeout)

    def push(self, document_sha256: str, annotations: Sequence[Annotation]) -> None:
        for batch in batches([a.to_json() for a in annotations]):
            self._call("annotations.push", {"sha256": document_sha256, "annotations": batch})

    def pull(self, document_sha256: str) -> list[Annotation]:
        reply = self._call("annotations.pull", {"sha256": document_sha256})
        return [Annotation.from_json(raw) for raw in reply["annotations"]]


async def synchronise(store: AnnotationStore, sync: ChairAnnotationSync,
                      document_sha256: str) -> list[Annotation]:
    """Pull, merge, push (as :meth:`AnnotationStore.synchronise`), awaited on the loop.

    The merge reads and writes the store on disk, so it runs in a thread while the
    loop goes on serving the connection. Returns the visible annotations.
    """
    theirs = await sync.pull_async(document_sha256)
    merged = await asyncio.to_thread(store.merge, document_sha256, theirs)
    await sync.push_async(document_sha256, merged)
    return [a for a in merged if not a.deleted]
