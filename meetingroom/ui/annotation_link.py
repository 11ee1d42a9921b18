"""Personal annotations synced through the session's live connection.

Runs on a worker thread (never the GUI thread): each call hops onto the
connection's event loop and waits there. Offline, it raises NotOnlineError and
the annotations simply sync on the next open or change.
"""

from __future__ import annotations

from collections.abc import Sequence

from meetingroom.core.pdf.annotations import Annotation
from meetingroom.sync.client.annotation_sync import ChairAnnotationSync
from meetingroom.sync.client.connection import NotOnlineError
from meetingroom.ui.bridge import ServerBridge


class BridgeAnnotationSync:
    def __init__(self, bridge: ServerBridge, meeting_id: int) -> None:
        self._bridge = bridge
        self._meeting_id = meeting_id

    def _link(self) -> ChairAnnotationSync:
        client = self._bridge.connection.client
        if client is None:
            raise NotOnlineError("not connected")
        return ChairAnnotationSync(client, self._meeting_id, self._bridge.loop)

    def push(self, document_sha256: str, annotations: Sequence[Annotation]) -> None:
        self._link().push(document_sha256, annotations)

    def pull(self, document_sha256: str) -> list[Annotation]:
        return self._link().pull(document_sha256)
