"""Answers to the workspace's own requests, matched to their callers by tag.

``ServerBridge.request`` answers every window on one signal; this keeps a
callback per tag, so each part of the workspace hears only its own answers.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from meetingroom.ui.bridge import ServerBridge
from meetingroom.ui.qt import QObject

Answer = Callable[[dict[str, Any] | None, str], None]  # result or None, error ("" when ok)


class Refused(str):
    """The error text of a refusal, carrying the server's code and details for wording."""

    code: str
    details: Any

    def __new__(cls, text: str, code: str, details: Any) -> Refused:
        made = super().__new__(cls, text)
        made.code, made.details = code, details
        return made


class Requests(QObject):
    def __init__(self, bridge: ServerBridge, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self._waiting: dict[str, Answer] = {}
        self._refusals: dict[str, tuple[str, Any]] = {}
        bridge.request_refused.connect(self._refused)
        bridge.request_finished.connect(self._finished)

    @property
    def busy(self) -> int:
        """Requests sent and not yet answered."""
        return len(self._waiting)

    def _tag(self, answer: Answer) -> str:
        tag = f"secretary-{uuid.uuid4().hex}"
        self._waiting[tag] = answer
        return tag

    def ask(self, kind: str, answer: Answer, **fields: Any) -> None:
        """A request that is not a queued command (``list_bodies``, ``create_meeting``)."""
        self.bridge.request(self._tag(answer), kind, **fields)

    def read(self, meeting_id: int, command: str, args: dict[str, Any], answer: Answer) -> None:
        """A command whose reply is wanted now (``report.export``, ``participant.import``).

        Its id is a fresh UUID (the idempotency key), passed as the client's request id.
        """
        self.ask("command", answer, meeting_id=meeting_id, command=command, args=args,
                 request_id=uuid.uuid4().hex)

    def upload(self, data: bytes, filename: str, answer: Answer) -> None:
        self.bridge.upload(self._tag(answer), data, filename)

    def _refused(self, tag: str, code: str, details: object) -> None:
        if tag in self._waiting:
            self._refusals[tag] = (code, details)

    def _finished(self, tag: str, result: object, error: str) -> None:
        answer = self._waiting.pop(tag, None)
        refusal = self._refusals.pop(tag, None)
        if refusal is not None:
            error = Refused(error, *refusal)
        if answer is not None:
            answer(result if isinstance(result, dict) else None, error)

    def close(self) -> None:
        self._waiting.clear()
        self._refusals.clear()
        self.bridge.request_refused.disconnect(self._refused)
        self.bridge.request_finished.disconnect(self._finished)
