"""Commands that change a meeting. Importing this package registers every handler."""

from meetingroom.server.commands import (
    agenda,
    attendance,
    documents,
    meeting,
    opinions,
    reading,
    records,
    speaking,
    voting,
)
from meetingroom.server.commands.registry import ADMIN, REGISTRY, CommandContext, CommandSpec

__all__ = ["ADMIN", "REGISTRY", "CommandContext", "CommandSpec", "agenda", "attendance",
           "documents", "meeting", "opinions", "reading", "records",
           "speaking", "voting"]
