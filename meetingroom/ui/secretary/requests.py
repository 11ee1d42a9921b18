"""The workspace's requests to the server, each answered to the part that asked.

Every request is a :class:`~meetingroom.ui.tasks.Task` with its own callbacks, so
no answer is matched to its caller by a tag any more; this keeps the sections'
one-callback form ``answer(result or None, error text or "")`` and words the
failure (a refusal keeps the server's code and details, :class:`Refused`).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from meetingroom.sync.client.chair_client import ServerError
from meetingroom.ui.bridge import ServerBridge, describe_failure
from meetingroom.ui.qt import QObject
from meetingroom.ui.tasks import Task

Answer = Callable[[dict[str, Any] | None, str], None]  # result or None, error ("" when ok)


class Refused(str):
    """The error text of a refusal, carrying the server's code and details for wording."""

    code: str
    details: Any

    def __new__(cls, text: str, code: str, details: Any) -> Refused:
        made = super().__new__(cls, text)
        made.code, made.details = code, details
        return made


def error_text(exc: Exception) -> str:
    """The sentence for a failed request; a refusal also keeps its code and details."""
    text = describe_failure(exc)
    if isinstance(exc, ServerError):
        return Refused(text, exc.code, exc.details)
    return text


class Requests(QObject):
    """The answers go to the workspace while it lives; ``close`` silences the rest."""

    def __init__(self, bridge: ServerBridge, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self._busy = 0
        self._closed = False

    @property
    def busy(self) -> int:
        """Requests sent and not yet answered."""
        return self._busy

    def _run(self, task: Task[Any], answer: Answer,
             shape: Callable[[Any], object] = lambda result: result) -> None:
        self._busy += 1

        def answered(result: object) -> None:
            self._busy -= 1
            if not self._closed:
                shaped = shape(result)
                answer(shaped if isinstance(shaped, dict) else None, "")

        def failed(exc: Exception) -> None:
            self._busy -= 1
            if not self._closed:
                answer(None, error_text(exc))

        task.success(answered).failure(failed).run(self)

    def ask(self, kind: str, answer: Answer, **fields: Any) -> None:
        """A request that is not a queued command (``list_bodies``, ``create_meeting``)."""
        self._run(self.bridge.request(kind, **fields), answer)

    def read(self, meeting_id: int, command: str, args: dict[str, Any], answer: Answer) -> None:
        """A command whose reply is wanted now (``report.export``, ``participant.import``).

        Its id is a fresh UUID (the idempotency key), passed as the client's request id.
        """
        self.ask("command", answer, meeting_id=meeting_id, command=command, args=args,
                 request_id=uuid.uuid4().hex)

    def upload(self, data: bytes, filename: str, answer: Answer) -> None:
        """``answer({"sha256": pdf sha}, "")`` once the file is on the server."""
        self._run(self.bridge.upload(data, filename), answer,
                  lambda sha: {"sha256": sha})

    def close(self) -> None:
        self._closed = True
