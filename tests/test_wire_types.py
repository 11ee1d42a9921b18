"""Every field of every request, command and admin action takes exactly its JSON types.

docs/protocol.md promises "Integer fields take JSON integers" and "a wrong type gets
invalid_args": a boolean is never an integer (``{"choice": true}`` must not count as
option 1), ``"1"`` and ``1.0`` are not integers, a number is never a string. The cases
are generated from the argument models themselves (the command registry, the admin
action table, the request union), so a new command or field is covered the day it is
added. Each case goes to a real server over a real websocket; the answer must be the
right code with a ``details`` entry naming the offending field.
"""

from __future__ import annotations

import asyncio
import json
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from websockets.sync.client import ClientConnection
from websockets.sync.client import connect as sync_connect

from meetingroom.core.protocol import Request
from meetingroom.server.admin.actions import ACTIONS
from meetingroom.server.commands import REGISTRY
from meetingroom.server.service import MeetingService
from meetingroom.server.storage.database import Database
from meetingroom.server.storage.models import User
from meetingroom.sync.serving.endpoint import ChairServer, ServerConfig
from meetingroom.sync.serving.rooms import RelayStatus
from tests.helpers.factories import PASSWORD, make_hall

JSON_TYPES = ("null", "boolean", "integer", "number", "string", "array", "object")
#: The values most likely to slip through a lax parser, one family per JSON type.
TRICKY: dict[str, list[Any]] = {
    "null": [None],
    "boolean": [True, False],
    "integer": [1, 0],
    "number": [1.0, 0.0, 2.5],
    "string": ["1", "0", "true", ""],
    "array": [[1], []],
    "object": [{"1": 1}, {}],
}
VALUES: dict[str, st.SearchStrategy[Any]] = {
    "null": st.none(),
    "boolean": st.booleans(),
    "integer": st.integers(min_value=-(2**70), max_value=2**70),
    "number": st.floats(allow_nan=False, allow_infinity=False),
    "string": st.text(max_size=20) | st.integers(min_value=-5, max_value=10**6).map(str)
    | st.sampled_from(["true", "false", "null", "1.0", "2026-12-10T08:00:00+07:00"]),
    "array": st.lists(st.integers() | st.text(max_size=5) | st.booleans(), max_size=3),
    "object": st.dictionaries(st.text(max_size=5), st.integers() | st.text(max_size=5),
                              max_size=3),
}


def json_type(value: Any) -> str:
    if value is None:
        return "null"
    for python, name in ((bool, "boolean"), (int, "integer"), (float, "number"),
                         (str, "string"), (list, "array"), (dict, "object")):
        if isinstance(value, python):
            return name
    raise TypeError(value)


# --- cases from the models' JSON schemas ---------------------------------------------


def _resolve(schema: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = defs[schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _alternatives(schema: dict[str, Any], defs: dict[str, Any]) -> list[dict[str, Any]]:
    schema = _resolve(schema, defs)
    if "anyOf" in schema or "oneOf" in schema:
        return [alt for sub in schema.get("anyOf", schema.get("oneOf", []))
                for alt in _alternatives(sub, defs)]
    return [schema]


def accepted(schema: dict[str, Any], defs: dict[str, Any]) -> set[str]:
    """The JSON types a schema lets through (all of them for ``Any``)."""
    types: set[str] = set()
    for alt in _alternatives(schema, defs):
        if "enum" in alt:
            types |= {json_type(v) for v in alt["enum"]}
        elif "const" in alt:
            types.add(json_type(alt["const"]))
        elif "type" in alt:
            names = alt["type"] if isinstance(alt["type"], list) else [alt["type"]]
            types |= set(names) | ({"integer"} if "number" in names else set())
        else:
            return set(JSON_TYPES)
    return types


def paths(schema: dict[str, Any], defs: dict[str, Any],
          at: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], dict[str, Any]]]:
    """Every place a value goes, with its schema: the field, its list items, nested
    models' fields, and the values of objects keyed by number (``ratings``)."""
    yield at, schema
    for alt in _alternatives(schema, defs):
        if alt.get("type") == "array" and isinstance(alt.get("items"), dict):
            yield from paths(alt["items"], defs, (*at, 0))
        elif "properties" in alt:
            for name, sub in alt["properties"].items():
                yield from paths(sub, defs, (*at, name))
        elif isinstance(alt.get("additionalProperties"), dict):
            yield from paths(alt["additionalProperties"], defs, (*at, "1"))


#: Values that JSON carries as strings but Python validation would want as objects.
FORMATS = {"date": "2026-07-01", "date-time": "2030-12-10T08:00:00+07:00"}


def json_only_example(schema: dict[str, Any], defs: dict[str, Any],
                      keyed: bool) -> Any | None:
    """A right value for a place whose JSON form differs from its Python one (a date, a
    time, an enumeration, a value under a numeric key), else None."""
    for alt in _alternatives(schema, defs):
        if alt.get("format") in FORMATS:
            return FORMATS[alt["format"]]
        if "enum" in alt:
            return alt["enum"][0]
        if keyed and alt.get("type") == "integer":
            return alt.get("minimum", 0)
    return None


@dataclass(frozen=True)
class Case:
    kind: str  # "command", "admin" or "request"
    name: str  # the command, the admin action or the request type
    path: tuple[str | int, ...]
    wrong: str  # a JSON type the place does not accept

    def __str__(self) -> str:
        return f"{self.kind} {self.name} {'.'.join(map(str, self.path))} <- {self.wrong}"


def model_cases(kind: str, name: str, model: type[BaseModel],
                skip: frozenset[str] = frozenset()) -> list[Case]:
    schema = model.model_json_schema()
    defs = schema.get("$defs", {})
    out = []
    for field, sub in schema.get("properties", {}).items():
        if field in skip:
            continue
        for path, place in paths(sub, defs, (field,)):
            ok = accepted(place, defs)
            out += [Case(kind, name, path, wrong) for wrong in JSON_TYPES if wrong not in ok]
    return out


def right_values(kind: str, name: str, model: type[BaseModel],
                 skip: frozenset[str] = frozenset()) -> list[tuple[Case, Any]]:
    schema = model.model_json_schema()
    defs = schema.get("$defs", {})
    out = []
    for field, sub in schema.get("properties", {}).items():
        if field in skip:
            continue
        for path, place in paths(sub, defs, (field,)):
            value = json_only_example(place, defs, keyed=path[-1] == "1")
            if value is not None:
                out.append((Case(kind, name, path, json_type(value)), value))
    return out


def request_models() -> list[type[BaseModel]]:
    return [*get_args(get_args(Request)[0]), RelayStatus]


def every_model() -> Iterator[tuple[str, str, type[BaseModel], frozenset[str]]]:
    for name, spec in sorted(REGISTRY.items()):
        yield "command", name, spec.args, frozenset()
    for name, action in sorted(ACTIONS.items()):
        yield "admin", name, action.args, frozenset()
    for model in request_models():
        kind = get_args(model.model_fields["type"].annotation)[0]
        yield "request", kind, model, frozenset({"type"})


CASES = [case for args in every_model() for case in model_cases(*args)]
RIGHT = [pair for args in every_model() for pair in right_values(*args)]


def test_the_cases_cover_every_command_action_and_request() -> None:
    """A model whose schema this walker misreads would silently drop out of the sweep."""
    with_fields = {n for n, s in REGISTRY.items() if s.args.model_fields}
    assert {c.name for c in CASES if c.kind == "command"} == with_fields
    assert {c.name for c in CASES if c.kind == "admin"} == \
        {n for n, a in ACTIONS.items() if a.args.model_fields}
    assert len({c.name for c in CASES if c.kind == "request"}) == len(request_models())
    assert Case("command", "vote.cast", ("choice",), "boolean") in CASES
    assert Case("command", "vote.cast", ("ratings", "1"), "string") in CASES
    assert Case("command", "agenda.set_current", ("item_id",), "string") in CASES
    assert Case("request", "subscribe", ("last_seq",), "boolean") in CASES
    assert Case("admin", "user.import", ("rows", 0, "username"), "integer") in CASES


# --- a server on its own thread, shared by the examples -------------------------------


@dataclass
class Live:
    url: str
    meeting_id: int


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    folder: Path = tmp_path_factory.mktemp("wire")
    database = Database(f"sqlite:///{folder / 'hall.db'}")
    hall = make_hall(database)
    with database.transaction() as session:
        # The chair is also a system administrator, so every command and every admin
        # action gets as far as its argument check.
        chair = session.query(User).filter_by(username=hall.chair).one()
        chair.is_admin = True
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name="wire-server", daemon=True)
    thread.start()

    async def start() -> ChairServer:
        server = ChairServer(MeetingService(database), ServerConfig(
            host="127.0.0.1", port=0, rate_per_second=100_000, rate_burst=100_000,
            ip_rate_per_second=1_000_000, ip_rate_burst=1_000_000))
        await server.start()
        return server

    server = asyncio.run_coroutine_threadsafe(start(), loop).result(30)
    try:
        yield Live(server.url, hall.meeting_id)
    finally:
        asyncio.run_coroutine_threadsafe(server.stop(), loop).result(30)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()
        database.dispose()


@pytest.fixture(scope="module")
def ws(live: Live) -> Iterator[ClientConnection]:
    with sync_connect(live.url, max_size=None, open_timeout=10) as connection:
        assert json.loads(connection.recv(10))["type"] == "welcome"
        connection.send(json.dumps({"type": "login", "id": "in", "username": "chair",
                                    "password": PASSWORD}))
        assert json.loads(connection.recv(15))["ok"]
        yield connection


def _nest(path: tuple[str | int, ...], value: Any) -> Any:
    for step in reversed(path):
        value = [value] if isinstance(step, int) else {step: value}
    return value


def _frame(case: Case, value: Any, meeting_id: int) -> dict[str, Any]:
    body = _nest(case.path, value)
    rid = uuid.uuid4().hex
    if case.kind == "command":
        return {"type": "command", "id": rid, "meeting_id": meeting_id, "command": case.name,
                "args": body}
    if case.kind == "admin":
        return {"type": "admin", "id": rid, "action": case.name, "args": body}
    frame = {"type": case.name, "id": rid, **body}
    if case.path == ("id",):
        frame["id"] = value
    return frame


def _answer(ws: ClientConnection) -> dict[str, Any]:
    while True:
        message: dict[str, Any] = json.loads(ws.recv(15))
        if message.get("type") in ("reply", "error"):
            return message


def refusal_problem(ws: ClientConnection, case: Case, value: Any, meeting_id: int) -> str | None:
    """None when the server refused the value as the protocol says; else what went wrong."""
    frame = _frame(case, value, meeting_id)
    ws.send(json.dumps(frame, ensure_ascii=False))
    answer = _answer(ws)
    expected = "bad_message" if case.kind == "request" else "invalid_args"
    where = ".".join(map(str, case.path))
    if answer.get("code") != expected:
        return f"{case} = {value!r}: got {answer.get('code') or 'ok'} ({answer.get('message')})"
    fields = [d["field"] for d in answer.get("details") or []]
    if not any(f == where or f.startswith(where + ".") for f in fields):
        return f"{case} = {value!r}: details name {fields}, not {where}"
    return None


def test_every_field_refuses_every_wrong_json_type(live: Live, ws: ClientConnection) -> None:
    """The whole sweep, with the values a lax parser takes most readily (true for 1,
    "1" for 1, 1.0 for 1, 0 for false, …); every failure is listed at once."""
    problems = []
    for case in CASES:
        for value in TRICKY[case.wrong]:
            problem = refusal_problem(ws, case, value, live.meeting_id)
            if problem:
                problems.append(problem)
    assert not problems, f"{len(problems)} accepted or misreported:\n" + "\n".join(problems[:60])


def test_json_forms_are_taken(live: Live, ws: ClientConnection) -> None:
    """The other side: strictness must not refuse what JSON can only send as a string
    (dates, times, enumeration values) or a numeric key; the field must not be named in
    the answer's details, whatever else the lone value leaves missing."""
    assert any(c.path == ("starts_at",) for c, _v in RIGHT)  # dates are among them
    problems = []
    for case, value in RIGHT:
        ws.send(json.dumps(_frame(case, value, live.meeting_id), ensure_ascii=False))
        answer = _answer(ws)
        where = ".".join(map(str, case.path))
        named = [d for d in answer.get("details") or [] if isinstance(d, dict)
                 and (d.get("field") == where or d.get("field", "").startswith(where + "."))]
        if named:
            problems.append(f"{case} = {value!r}: {named}")
    assert not problems, "\n".join(problems)


@settings(max_examples=300, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_any_wrong_json_value_is_refused(live: Live, ws: ClientConnection,
                                         data: st.DataObject) -> None:
    case = data.draw(st.sampled_from(CASES), label="case")
    value = data.draw(VALUES[case.wrong], label="value")
    assert refusal_problem(ws, case, value, live.meeting_id) is None
