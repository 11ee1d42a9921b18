"""Loggers for the websockets library that never record frame contents.

At debug level websockets logs every frame it sends and receives, and frames
carry passwords, session tokens and ballots. Handing it these loggers keeps
its connection-level messages while dropping the frame dumps, whatever level
an operator sets.
"""

from __future__ import annotations

import logging


class _NoFrameDumps(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno > logging.DEBUG


def wire_logger(side: str) -> logging.Logger:
    logger = logging.getLogger(f"meetingroom.wire.{side}")
    if not any(isinstance(f, _NoFrameDumps) for f in logger.filters):
        logger.addFilter(_NoFrameDumps())
    return logger
