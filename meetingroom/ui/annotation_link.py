"""Personal annotations synced through the session's live connection.

One coroutine on the connection's loop (``annotation_sync.synchronise``): pull,
merge, push, with no thread blocked waiting on the loop. Offline, the task fails
with NotOnlineError and the annotations simply sync on the next open or change.
"""

from __future__ import annotations

from meetingroom.core.pdf.annotation_store import AnnotationStore
from meetingroom.core.pdf.annotations import Annotation
from meetingroom.sync.client.annotation_sync import ChairAnnotationSync, synchronise
from meetingroom.sync.client.connection import NotOnlineError
from meetingroom.ui.bridge import ServerBridge
from meetingroom.ui.tasks import Task


def annotation_sync(bridge: ServerBridge, meeting_id: int, store: AnnotationStore,
                    document_sha256: str) -> Task[list[Annotation]]:
    """The sync of one document's annotations, for the window to run with its callbacks."""

    async def run() -> list[Annotation]:
        client = bridge.connection.client
        if client is None:
            raise NotOnlineError("not connected")
        link = ChairAnnotationSync(client, meeting_id, bridge.loop)
        return await synchronise(store, link, document_sha256)

    return Task.on_loop(bridge.loop, run)
