"""The secretary's workspace: meetings, agenda and documents, participants, approvals,
written opinions, conclusions and minutes, reports."""

from meetingroom.ui.secretary.workspace import SecretaryWorkspace

__all__ = ["SecretaryWorkspace"]
