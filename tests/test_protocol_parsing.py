"""Whatever arrives in a frame, parsing ends in a request or a coded error, never a crash."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meetingroom.core.protocol import (
    REQUEST_TYPES,
    Command,
    ErrorCode,
    ProtocolError,
    parse_request,
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=4),
    max_leaves=20,
)


def _outcome(text: str) -> ErrorCode | None:
    """None when the frame parsed; the error code otherwise. Any other exception escapes."""
    try:
        parse_request(text)
    except ProtocolError as exc:
        return exc.code
    return None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text_parses_or_gets_a_code(text: str) -> None:
    assert _outcome(text) in {None, *ErrorCode}


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(REQUEST_TYPES), st.dictionaries(
    st.sampled_from(["id", "username", "password", "token", "meeting_id", "last_seq",
                     "command", "args", "extra"]), json_values, max_size=6))
def test_wrong_field_types_get_bad_message(kind: str, fields: dict[str, Any]) -> None:
    assert _outcome(json.dumps({"type": kind, **fields})) in {None, ErrorCode.BAD_MESSAGE}


def test_a_valid_command_parses() -> None:
    request = parse_request(json.dumps({"type": "command", "id": "c-1", "meeting_id": 3,
                                        "command": "agenda.set_current",
                                        "args": {"item_id": 7}}))
    assert isinstance(request, Command)
    assert request.args == {"item_id": 7}


@pytest.mark.parametrize("request_id", ["", "x" * 65, "có dấu", "with space"])
def test_request_ids_are_short_printable_ascii(request_id: str) -> None:
    with pytest.raises(ProtocolError) as failure:
        parse_request(json.dumps({"type": "ping", "id": request_id}))
    assert failure.value.code is ErrorCode.BAD_MESSAGE
