"""A delegate's session (``MeetingConnection`` with an on-disk outbox) for the fault tests.

Used in two ways: in-process, through ``Reporter`` (it records what the session
reported and lets a test wait for a condition), and as a separate process that a
test can freeze with SIGSTOP::

    FAULT_PASSWORD=... python -m tests.helpers.fault_client --url ws://127.0.0.1:port \\
        --profile DIR --username delegate1 --meeting 1

The process reports on stdout, one JSON object per line: ``{"status": state}``,
``{"snapshot": seq}``, ``{"event": seq, "type": ...}``, ``{"done": command_id,
"duplicate": bool}``, ``{"refused": command_id, "code": ...}``. It reads commands
on stdin, one JSON object per line: ``{"submit": name, "args": {...}, "id": command_id}``
queues a command; ``{"quit": true}`` ends the session.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from meetingroom.sync.client.connection import (
    ConnectionState,
    ConnectionStatus,
    MeetingConnection,
    ReconnectPolicy,
    Refusal,
    SessionListener,
)
from meetingroom.sync.client.local_store import CachedMeeting, LocalStore, PendingCommand

#: Reconnect quickly: the tests wait for it.
FAST = ReconnectPolicy(base_delay=0.05, max_delay=0.5)


class Reporter(SessionListener):
    """Everything a session reported; optionally echoed as JSON lines on stdout."""

    def __init__(self, *, echo: bool = False) -> None:
        self.echo = echo
        self.statuses: list[ConnectionStatus] = []
        self.snapshots: list[int] = []
        self.events: list[dict[str, Any]] = []
        self.done: list[tuple[PendingCommand, dict[str, Any]]] = []
        self.refused: list[Refusal] = []
        self.tokens: list[str | None] = []
        self._changed = asyncio.Event()

    def _say(self, **line: Any) -> None:
        self._changed.set()
        if self.echo:
            print(json.dumps(line), flush=True)

    def on_status(self, status: ConnectionStatus) -> None:
        self.statuses.append(status)
        self._say(status=status.state.value, reason=status.reason)

    def on_token(self, token: str | None) -> None:
        self.tokens.append(token)
        self._say(token=token is not None)

    def on_meeting(self, meeting: CachedMeeting) -> None:
        self.snapshots.append(meeting.snapshot_seq)
        self._say(snapshot=meeting.snapshot_seq, seq=meeting.seq)

    def on_event(self, event: dict[str, Any]) -> None:
        self.events.append(event)
        self._say(event=event["seq"], type=event["event"])

    def on_command_done(self, command: PendingCommand, result: dict[str, Any]) -> None:
        self.done.append((command, result))
        self._say(done=command.command_id, duplicate=result.get("duplicate"))

    def on_command_refused(self, refusal: Refusal) -> None:
        self.refused.append(refusal)
        self._say(refused=refusal.command.command_id, code=refusal.code)

    @property
    def state(self) -> ConnectionState | None:
        return self.statuses[-1].state if self.statuses else None

    def count(self, state: ConnectionState) -> int:
        return sum(1 for s in self.statuses if s.state is state)

    async def until(self, condition: Callable[[], bool], within: float = 20.0) -> None:
        async with asyncio.timeout(within):
            while not condition():
                self._changed.clear()
                await self._changed.wait()


async def _serve(args: argparse.Namespace) -> None:
    reporter = Reporter(echo=True)
    loop = asyncio.get_running_loop()
    lines: asyncio.Queue[str] = asyncio.Queue()

    def read_stdin() -> None:
        for line in sys.stdin:
            loop.call_soon_threadsafe(lines.put_nowait, line)
        loop.call_soon_threadsafe(lines.put_nowait, '{"quit": true}')

    threading.Thread(target=read_stdin, daemon=True).start()
    with LocalStore.open(Path(args.profile)) as store:
        session = MeetingConnection(args.url, store, args.username, args.meeting,
                                    listener=reporter, policy=FAST, request_timeout=5)
        await session.start()
        await reporter.until(lambda: reporter.state is ConnectionState.AUTH_REQUIRED)
        await session.login(os.environ["FAULT_PASSWORD"])
        try:
            while True:
                order = json.loads(await lines.get())
                if order.get("quit"):
                    break
                await session.submit(order["submit"], order.get("args") or {},
                                     command_id=order.get("id"))
        finally:
            await session.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--profile", required=True)
    parser.add_argument("--username", required=True)
    parser.add_argument("--meeting", type=int, required=True)
    asyncio.run(_serve(parser.parse_args()))


if __name__ == "__main__":
    main()
