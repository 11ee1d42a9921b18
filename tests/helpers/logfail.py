"""Fail a test on an ERROR it did not expect (after qutebrowser's tests/helpers/logfail.py).

Code of ours that meets the unexpected writes ``log.exception(...)`` and carries on, which
is right for a hall in session and wrong for a test: the bug is swallowed and the test
passes. Every record at ERROR or above from our loggers, websockets' (a handler that
raised) or asyncio's (a task whose exception nobody read) fails the test that made it,
unless the test says it expects errors with ``@pytest.mark.logs_errors("why")``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

WATCHED = ("meetingroom", "websockets", "asyncio")


class LogFailHandler(logging.Handler):
    """Collects the unexpected records of one test."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.split(".")[0] in WATCHED:
            self.records.append(record)


@pytest.fixture(autouse=True)
def fail_on_error_logs(request: pytest.FixtureRequest) -> Iterator[LogFailHandler]:
    handler = LogFailHandler()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
    if handler.records and request.node.get_closest_marker("logs_errors") is None:
        lines = "\n".join(f"{r.name}: {r.getMessage()}" for r in handler.records[:5])
        pytest.fail(f"unexpected ERROR log record(s); mark the test logs_errors if they "
                    f"are what it checks:\n{lines}", pytrace=False)
