"""docs/protocol.md must name every command, request type and error code the code has."""

from __future__ import annotations

from pathlib import Path

import pytest

from meetingroom.core.protocol import PROTOCOL_VERSION, REQUEST_TYPES, ErrorCode, Reason
from meetingroom.server.admin.actions import ACTIONS
from meetingroom.server.commands import REGISTRY

PROTOCOL_DOC = Path(__file__).resolve().parents[1] / "docs" / "protocol.md"
NAMES = [*(f"command:{c}" for c in REGISTRY), *(f"request:{r}" for r in REQUEST_TYPES),
         *(f"error:{e.value}" for e in ErrorCode), *(f"admin:{a}" for a in ACTIONS),
         *(f"reason:{r.value}" for r in Reason)]


@pytest.fixture(scope="module")
def doc() -> str:
    return PROTOCOL_DOC.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", NAMES)
def test_protocol_document_lists(doc: str, name: str) -> None:
    assert f"`{name.split(':', 1)[1]}`" in doc, f"docs/protocol.md does not describe {name}"


def test_protocol_document_states_the_version(doc: str) -> None:
    assert f"version {PROTOCOL_VERSION}" in doc.lower()
