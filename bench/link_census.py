"""What fills a weak link: bytes each delegate receives, by message kind and phase.

``bench.weak_link --census`` installs a ``Census`` in its own process: every frame a
laptop's session receives through the shaped link (its ``ChairClient``s whose URL is
the link's) is counted by what it is — ``event:<type>``, ``events`` (a batch),
``reply:<request type>``, ``error:<request type>``, ``file data``, ``notice:<name>``
— and by the phase the bench is in (``votes``: a vote open until every answer is in;
``return``: the link back after the outage until every laptop is online; ``other``).
Bytes are the websocket frame with its payload as the laptop reads it: a frame that
came deflated is counted inflated, so a kind's share can exceed what it took of the
link; keepalive pings and the opening handshakes are not frames of ours and are left
to the difference with the link's own count.

Counting wraps ``ChairClient.request`` (to know which request a reply answers),
``ChairClient._dispatch`` and ``ChairClient._binary_frame`` (file data, taken as it is
parsed) for the bench only; nothing in the project depends on it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from meetingroom.sync.client.chair_client import ChairClient


def frame_size(payload: int) -> int:
    """Bytes of a server's websocket frame with ``payload`` bytes (no mask)."""
    return payload + (2 if payload < 126 else 4 if payload < 65536 else 10)


def kind_of(frame: str | bytes, kinds: dict[str, str]) -> str:
    """What ``frame`` is, by the names in the module's docstring."""
    if isinstance(frame, bytes):
        return "file data"
    try:
        message = json.loads(frame)
    except ValueError:
        return "unreadable"
    kind = message.get("type")
    if kind == "event":
        return f"event:{message.get('event')}"
    if kind == "events":
        return "events (batch)"
    if kind == "notice":
        return f"notice:{message.get('notice')}"
    if kind in ("reply", "error"):
        return f"{kind}:{kinds.pop(str(message.get('id')), '?')}"
    return str(kind)


class Census:
    """Bytes by phase and kind, received by the sessions of one link (see module)."""

    def __init__(self, url: str, phase: Callable[[], str]) -> None:
        self.url = url
        self.phase = phase
        #: phase → kind → [frames, bytes]
        self.counts: dict[str, dict[str, list[int]]] = defaultdict(
            lambda: defaultdict(lambda: [0, 0]))
        self._kinds: dict[str, str] = {}
        self._saved: tuple[Any, Any, Any] | None = None

    def install(self) -> None:
        census = self
        request, dispatch = ChairClient.request, ChairClient._dispatch
        binary = ChairClient._binary_frame
        self._saved = (request, dispatch, binary)

        async def counted_request(client: ChairClient, kind: Any, *,
                                  request_id: str | None = None, **fields: Any) -> Any:
            if client.url == census.url:
                request_id = request_id or f"c{id(fields)}-{len(census._kinds)}"
                census._kinds[request_id] = str(getattr(kind, "value", kind))
            return await request(client, kind, request_id=request_id, **fields)

        def count(client: ChairClient, frame: str | bytes | bytearray | memoryview) -> None:
            if client.url == census.url:
                size = frame_size(len(frame.encode() if isinstance(frame, str) else frame))
                kind = "file data" if not isinstance(frame, str) else kind_of(frame,
                                                                              census._kinds)
                cell = census.counts[census.phase()][kind]
                cell[0] += 1
                cell[1] += size

        def counted_dispatch(client: ChairClient, frame: str | bytes) -> None:
            count(client, frame)
            dispatch(client, frame)

        def counted_binary(client: ChairClient, frame: bytes | bytearray | memoryview) -> None:
            count(client, frame)
            binary(client, frame)

        setattr(ChairClient, "request", counted_request)  # noqa: B010 (a bench's wrapper)
        setattr(ChairClient, "_dispatch", counted_dispatch)  # noqa: B010
        setattr(ChairClient, "_binary_frame", counted_binary)  # noqa: B010

    def uninstall(self) -> None:
        if self._saved is not None:
            setattr(ChairClient, "request", self._saved[0])  # noqa: B010
            setattr(ChairClient, "_dispatch", self._saved[1])  # noqa: B010
            setattr(ChairClient, "_binary_frame", self._saved[2])  # noqa: B010
            self._saved = None

    def report(self, delegates: int, link_bytes: dict[str, int]) -> list[dict[str, Any]]:
        """Rows: phase, kind, frames and bytes per delegate, share of the phase's link
        bytes (what the shaper carried down in that phase)."""
        rows = []
        for phase, kinds in sorted(self.counts.items()):
            total = link_bytes.get(phase) or 0
            for kind, (frames, size) in sorted(kinds.items(), key=lambda kv: -kv[1][1]):
                rows.append({"phase": phase, "kind": kind,
                             "frames/delegate": round(frames / delegates, 1),
                             "bytes/delegate": round(size / delegates),
                             "share": round(size / total, 3) if total else None})
            counted = sum(size for _f, size in kinds.values())
            rows.append({"phase": phase, "kind": "(link, all)", "frames/delegate": None,
                         "bytes/delegate": round(total / delegates),
                         "share": round(counted / total, 3) if total else None})
        return rows
