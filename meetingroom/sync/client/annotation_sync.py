"""Personal annotations synced to the user's account on the chair server.

The reader's store calls this from its worker thread; the connection lives on
an asyncio loop in another thread, so each call hops onto that loop and waits
for the reply there, never on the GUI thread.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence
from typing import Any

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
