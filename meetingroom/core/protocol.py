"""The wire protocol between chair server and clients (docs/protocol.md is its prose twin).

Every frame is one JSON object in a text frame, except the answer to a
``fetch_chunk`` asked with ``binary: true``: one binary frame holding a JSON
header and the file's bytes as they are (``binary_reply``). Requests carry a client-made
``id`` that the answer repeats; for commands the id is also the idempotency key.
Parsing lives here, in the core, so the server, the client and the tests agree
on one definition.
"""

from __future__ import annotations

import builtins
import hashlib
import ipaddress
import json
import struct
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from functools import reduce
from operator import or_
from typing import Annotated, Any, ClassVar, Literal, TypeVar, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    field_validator,
    model_validator,
)

PROTOCOL_VERSION = 1

RequestId = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[\x21-\x7e]+$")]


class ErrorCode(StrEnum):
    BAD_JSON = "bad_json"
    BAD_MESSAGE = "bad_message"
    UNKNOWN_TYPE = "unknown_type"
    BINARY_NOT_SUPPORTED = "binary_not_supported"
    TOO_LARGE = "too_large"
    RATE_LIMITED = "rate_limited"
    NOT_AUTHENTICATED = "not_authenticated"
    AUTH_FAILED = "auth_failed"
    TOKEN_INVALID = "token_invalid"
    ALREADY_AUTHENTICATED = "already_authenticated"
    FORBIDDEN = "forbidden"
    NOT_FOUND = "not_found"
    NOT_SUBSCRIBED = "not_subscribed"
    UNKNOWN_COMMAND = "unknown_command"
    INVALID_ARGS = "invalid_args"
    INVALID_STATE = "invalid_state"
    UNAVAILABLE = "unavailable"
    INTERNAL = "internal"


class Reason(StrEnum):
    """Why a command or request was refused, finer than its ``ErrorCode``.

    The server words nothing for people: it sends ``details: {"reason": ..., <params>}``
    and an English ``message`` for logs; the client words the reason in its user's
    language (meetingroom/ui/refusals.py). A reason's value never changes once shipped.
    """

    # the meeting and its session
    MEETING_CLOSED = "meeting_closed"
    MEETING_NOT_OPEN = "meeting_not_open"
    MEETING_NOT_FOUND = "meeting_not_found"
    MEETING_STARTED = "meeting_started"
    MEETING_TRANSITION = "meeting_transition"
    SESSION_NOT_IN_PROGRESS = "session_not_in_progress"
    VOTE_UNFINISHED = "vote_unfinished"
    SPEECH_HOLDS_FLOOR = "speech_holds_floor"
    NOT_YOUR_BODY = "not_your_body"
    # accounts
    WRONG_CREDENTIALS = "wrong_credentials"
    WRONG_CURRENT_PASSWORD = "wrong_current_password"
    TOO_MANY_ATTEMPTS = "too_many_attempts"
    SESSION_EXPIRED = "session_expired"
    WEAK_PASSWORD = "weak_password"
    NOT_LOGGED_IN = "not_logged_in"
    COMMAND_NOT_ALLOWED = "command_not_allowed"
    TOO_MANY_REQUESTS = "too_many_requests"
    # agenda
    NO_AGENDA_ITEM = "no_agenda_item"
    ITEM_INSIDE_ITSELF = "item_inside_itself"
    ITEM_UNDER_DISCUSSION = "item_under_discussion"
    # attendance
    NOT_A_PARTICIPANT = "not_a_participant"
    ATTENDANCE_FOR_OTHERS = "attendance_for_others"
    ATTENDANCE_NOT_OPEN = "attendance_not_open"
    ALREADY_CHECKED_IN = "already_checked_in"
    NOT_CHECKED_IN = "not_checked_in"
    ABSENCE_NEEDS_REASON = "absence_needs_reason"
    STAND_IN_MEMBERS_ONLY = "stand_in_members_only"
    MEMBER_PRESENT = "member_present"
    STAND_IN_HAS_SEAT = "stand_in_has_seat"
    ALREADY_STANDING_IN = "already_standing_in"
    ALREADY_PARTICIPANT = "already_participant"
    # documents
    NOT_UPLOADED = "not_uploaded"
    NOT_A_PDF = "not_a_pdf"
    PDF_UNREADABLE = "pdf_unreadable"
    NO_DOCUMENT = "no_document"
    # signed minutes
    SIGNED_NOT_CURRENT = "signed_not_current"
    SIGNED_NO_SIGNATURE = "signed_no_signature"
    SIGNED_INVALID = "signed_invalid"
    PAGE_LEAD_FORBIDDEN = "page_lead_forbidden"
    UPLOAD_FORBIDDEN = "upload_forbidden"
    CONVERSION_FAILED = "conversion_failed"
    # written opinions
    NO_OPINION = "no_opinion"
    OPINION_MEETING_NOT_OPEN = "opinion_meeting_not_open"
    DEADLINE_IN_PAST = "deadline_in_past"
    DEADLINE_PASSED = "deadline_passed"
    OTHER_NEEDS_COMMENT = "other_needs_comment"
    # speaking
    NO_CURRENT_ITEM = "no_current_item"
    NO_SPEECH = "no_speech"
    SPEECH_WRONG_STATUS = "speech_wrong_status"
    ALREADY_REGISTERED = "already_registered"
    WITHDRAW_OWN_ONLY = "withdraw_own_only"
    ORDER_MISMATCH = "order_mismatch"
    NOBODY_WAITING = "nobody_waiting"
    # voting
    NO_VOTE = "no_vote"
    VOTE_TRANSITION = "vote_transition"
    NO_VOTE_RULE = "no_vote_rule"
    MEETING_NOT_VOTING = "meeting_not_voting"
    ONLY_ANNULLED_AGAIN = "only_annulled_again"
    MATTER_ALWAYS = "matter_always"
    NEEDS_CANDIDATES = "needs_candidates"
    BLANK_CANDIDATE = "blank_candidate"
    DUPLICATE_CANDIDATE = "duplicate_candidate"
    SEATS_EXCEED_CANDIDATES = "seats_exceed_candidates"
    BALLOT_SHAPE = "ballot_shape"
    VOTE_NEEDS_ITEM = "vote_needs_item"
    VOTE_ALREADY_OPEN = "vote_already_open"
    CHECK_IN_FIRST = "check_in_first"
    MEMBERS_ONLY_VOTE = "members_only_vote"
    STAND_IN_MAY_NOT_VOTE = "stand_in_may_not_vote"
    NOT_YOUR_STAND_IN = "not_your_stand_in"
    INVALID_BALLOT = "invalid_ballot"
    VOTE_NOT_OPEN = "vote_not_open"
    ALREADY_VOTED = "already_voted"
    SECRET_BALLOT_UNKNOWN = "secret_ballot_unknown"
    # the server and the hall relay
    SERVER_BUSY = "server_busy"
    SERVER_ERROR = "server_error"
    UPLINK_DOWN = "uplink_down"
    RELAY_NEEDS_UPLINK = "relay_needs_uplink"
    RELAY_OTHER_MEETING = "relay_other_meeting"
    RELAY_QUEUED = "relay_queued"
    PREPARE_ON_PROVINCE = "prepare_on_province"


class ProtocolError(Exception):
    """An error that is answered to the client with a code; never a crash.

    ``message`` is English for logs and developers. A refusal a person will read also
    carries a ``reason`` and its ``params`` (ids, names, numbers), sent as
    ``details: {"reason": ..., **params}`` for the client to word.
    """

    def __init__(self, code: ErrorCode, message: str, *, details: Any = None,
                 reason: Reason | None = None, params: dict[str, Any] | None = None,
                 request_id: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        if reason is not None:
            details = {"reason": reason.value, **(params or {})}
        self.details = details
        #: The id of the offending frame when it could be read, so the client can match it.
        self.request_id = request_id


class WireModel(BaseModel):
    """Base of every model read off the wire: requests, command arguments, admin actions.

    Strict, and always validated as JSON (``parse_request``, ``from_wire``), so a field
    takes exactly the JSON types the document promises: a boolean is never an integer,
    ``1.0`` and ``"1"`` are not integers, a number is never a string. JSON has no date,
    so date and time fields take ISO 8601 strings (strict JSON mode allows exactly that),
    enumerations their values, and integer-keyed objects their keys as strings.
    Unknown fields are an error, not silently ignored.

    Text is normalised to Unicode NFC on the way in, once, for every field (names,
    candidates, titles, user names, …): Vietnamese typed with a composing input method
    arrives decomposed ("Lý" as L + y + combining acute), and the two spellings must be
    one name, one candidate, one account. It happens before validation, so the limits
    apply to what is stored (NFC lengthens a few characters, such as U+0958), and in
    ``from_wire``/``parse_request`` rather than in a validator, because a validator's
    output would be checked with Python's rules instead of JSON's. Top-level fields
    named in ``raw_text`` are kept byte for byte.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)
    #: Fields kept exactly as sent: passwords, whose exact characters were hashed.
    raw_text: ClassVar[frozenset[str]] = frozenset()


def nfc(value: Any) -> Any:
    """``value`` with every plain string in it (also inside lists and objects) in NFC."""
    if type(value) is str:  # not a StrEnum member: those are ASCII and must stay members
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [nfc(v) for v in value]
    if isinstance(value, dict):
        return {nfc(k): nfc(v) for k, v in value.items()}
    return value


WireModelT = TypeVar("WireModelT", bound=BaseModel)


def from_wire(model: type[WireModelT], data: Any) -> WireModelT:
    """Validate ``data`` — already decoded from a JSON frame — with JSON's own types.

    Python-mode validation would take a ``bool`` for an ``int`` or refuse an ISO string
    for a ``datetime``; encoding back to JSON first gives one rule for every field. A
    datetime handed in by server code becomes its ISO string, as it would on the wire.
    """
    return model.model_validate_json(json.dumps(normalised(model, data),
                                                default=_json_default))


def normalised(model: type[BaseModel], data: Any) -> Any:
    """``data`` for ``model`` with its text in NFC, except the model's ``raw_text`` fields."""
    if not isinstance(data, dict):
        return nfc(data)
    raw: frozenset[str] = getattr(model, "raw_text", frozenset())
    return {k: v if k in raw else nfc(v) for k, v in data.items()}


class _Request(WireModel):
    id: RequestId


#: A laptop's random per-account secret: a login presenting one the server recorded for
#: the account is throttled leniently (``login_guard``). Optional; old clients send none.
DeviceSecret = Annotated[str, Field(min_length=16, max_length=100,
                                    pattern=r"^[A-Za-z0-9_-]+$")]


class ViaRelay(WireModel):
    """A hall relay passing on the address of the laptop it logs in for (for throttling).

    ``token`` is the relay's own session token; the server honours ``address`` only when
    that token's account is a relay that has announced a linked hall.
    """

    token: Annotated[str, Field(min_length=1, max_length=200)]
    address: Annotated[str, Field(min_length=2, max_length=45)]

    @field_validator("address")
    @classmethod
    def _an_ip_address(cls, value: str) -> str:
        return str(ipaddress.ip_address(value))


class Login(_Request):
    raw_text = frozenset({"password"})
    type: Literal["login"]
    username: Annotated[str, Field(min_length=1, max_length=64)]
    password: Annotated[str, Field(min_length=1, max_length=1024)]
    client: Annotated[str, Field(max_length=100)] = ""
    device: DeviceSecret | None = None
    via_relay: ViaRelay | None = None


class Resume(_Request):
    """Log in again with the token of an earlier login (after a reconnect or restart)."""

    type: Literal["resume"]
    token: Annotated[str, Field(min_length=1, max_length=200)]
    device: DeviceSecret | None = None
    #: This connection is a laptop's file connection: only ``fetch_chunk`` follows, and
    #: its pieces give way to a vote (``SocketServer._cut_file_pieces``).
    files: bool = False


class Logout(_Request):
    type: Literal["logout"]


class ListMeetings(_Request):
    type: Literal["list_meetings"]


class Subscribe(_Request):
    """Follow one meeting; ``last_seq`` is the last event this client applied (0: none).

    ``every_event``: a delegate or guest gets ballots and check-ins folded into
    ``progress`` frames; a relay's mirror asks for every event instead.
    ``runs`` (with ``every_event``): those events come a run at a time, as one ``run``
    message that a relay keeps as it came (docs/protocol.md §5.5)."""

    type: Literal["subscribe"]
    meeting_id: Annotated[int, Field(ge=1, le=2**62)]
    last_seq: Annotated[int, Field(ge=0, le=2**62)] = 0
    every_event: bool = False
    runs: bool = False


class Unsubscribe(_Request):
    type: Literal["unsubscribe"]


class Command(_Request):
    type: Literal["command"]
    meeting_id: Annotated[int, Field(ge=1, le=2**62)]
    command: Annotated[str, Field(min_length=1, max_length=64)]
    args: dict[str, Any] = Field(default_factory=dict)


class Ping(_Request):
    type: Literal["ping"]


class ListBodies(_Request):
    """The bodies this user may create meetings for, with their members (to invite)."""

    type: Literal["list_bodies"]


class CreateMeeting(_Request):
    """Create a draft meeting; ``clone_of`` copies an earlier meeting's agenda and people."""

    type: Literal["create_meeting"]
    body_id: Annotated[int, Field(ge=1, le=2**62)]
    title: Annotated[str, Field(min_length=1, max_length=300)]
    starts_at: datetime
    location: Annotated[str, Field(max_length=200)] = ""
    clone_of: Annotated[int, Field(ge=1, le=2**62)] | None = None


class Admin(_Request):
    """An administration action (server/admin/actions.py): bodies, members, rules, users."""

    type: Literal["admin"]
    action: Annotated[str, Field(min_length=1, max_length=64)]
    args: dict[str, Any] = Field(default_factory=dict)


class ChangePassword(_Request):
    """Change one's own password; every other session of the account is logged out."""

    raw_text = frozenset({"old_password", "new_password"})
    type: Literal["change_password"]
    old_password: Annotated[str, Field(min_length=1, max_length=1024)]
    new_password: Annotated[str, Field(min_length=1, max_length=1024)]


#: Largest piece of a document one ``fetch_chunk`` returns (base64 keeps it under 1 MiB).
MAX_FETCH_BYTES = 512 * 1024
#: Largest piece a binary ``fetch_chunk`` returns (raw bytes in one binary frame). The
#: server says its limit for each connection in the welcome
#: (``limits.max_binary_fetch_bytes``): this much on a plain connection, where a piece
#: goes by ``sendfile`` and costs the server the same whatever its size, so fewer,
#: bigger pieces leave the server's thread to the meeting.
MAX_BINARY_FETCH_BYTES = 16 * 1024 * 1024
#: The limit where the server builds each piece's frame in memory (TLS encrypts every
#: byte in the process): a 64 MiB budget then still holds sixteen pieces at once.
MEMORY_BINARY_FETCH_BYTES = 4 * 1024 * 1024
#: What a server that does not say its limit accepts.
LEGACY_BINARY_FETCH_BYTES = 1024 * 1024
#: Largest piece one ``upload_chunk`` carries: its base64 fits the 64 KiB message limit.
MAX_UPLOAD_PIECE_BYTES = 40 * 1024
Sha256Hex = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
FileSize = Annotated[int, Field(ge=1, le=4 * 2**30)]


class FetchChunk(_Request):
    """Read part of a document's file; access is checked on every piece."""

    type: Literal["fetch_chunk"]
    sha256: Sha256Hex
    offset: Annotated[int, Field(ge=0, le=4 * 2**30)]
    length: Annotated[int, Field(ge=1, le=MAX_BINARY_FETCH_BYTES)]
    #: Answer with one binary frame (``binary_reply``) rather than base64 inside JSON.
    binary: bool = False
    #: With ``binary``: the frame's header is the request's id alone (``FEATURE_LEAN_FILES``).
    lean: bool = False

    @model_validator(mode="after")
    def _piece_fits(self) -> FetchChunk:
        if self.lean and not self.binary:
            raise ValueError("lean is for binary pieces (ask with binary: true)")
        if not self.binary and self.length > MAX_FETCH_BYTES:
            raise ValueError(f"a JSON piece carries at most {MAX_FETCH_BYTES} bytes "
                             "(ask with binary: true for more)")
        return self


class UploadStatus(_Request):
    """Ask how much of a file the server has: all (deduplicated), part (resume) or none."""

    type: Literal["upload_status"]
    sha256: Sha256Hex
    size: FileSize


class UploadChunk(_Request):
    type: Literal["upload_chunk"]
    sha256: Sha256Hex
    size: FileSize
    offset: Annotated[int, Field(ge=0, le=4 * 2**30)]
    #: Base64 of at most MAX_UPLOAD_PIECE_BYTES.
    data: Annotated[str, Field(min_length=4, max_length=(MAX_UPLOAD_PIECE_BYTES + 2) // 3 * 4)]
    #: The original name, so an office file can be converted to PDF once complete.
    filename: Annotated[str, Field(max_length=255)] = ""


class RelayStatus(_Request):
    """A relay's announcement on its uplink: its hall, and the people and laptops it
    serves now (docs/protocol.md, "Relay halls")."""

    type: Literal["relay_status"]
    meeting_id: Annotated[int, Field(ge=1, le=2**62)]
    hall: Annotated[str, Field(min_length=1, max_length=120)]
    present: Annotated[int, Field(ge=0, le=100_000)] = 0
    laptops: Annotated[int, Field(ge=0, le=100_000)] = 0
    pending: Annotated[int, Field(ge=0, le=10_000_000)] = 0
    seq: Annotated[int, Field(ge=0, le=2**62)] = 0


# --- the one table of requests ----------------------------------------------------------


class RequestType(StrEnum):
    PING = "ping"
    LOGIN = "login"
    RESUME = "resume"
    LOGOUT = "logout"
    LIST_MEETINGS = "list_meetings"
    SUBSCRIBE = "subscribe"
    UNSUBSCRIBE = "unsubscribe"
    COMMAND = "command"
    FETCH_CHUNK = "fetch_chunk"
    UPLOAD_STATUS = "upload_status"
    UPLOAD_CHUNK = "upload_chunk"
    LIST_BODIES = "list_bodies"
    CREATE_MEETING = "create_meeting"
    CHANGE_PASSWORD = "change_password"
    ADMIN = "admin"
    RELAY_STATUS = "relay_status"


class Sender(StrEnum):
    """Who may send a request; the dispatcher checks it before any handler runs."""

    #: Anyone, also before logging in.
    ANYONE = "anyone"
    #: Any logged-in user (the handler may narrow it: a preparer, an admin action's roles).
    LOGGED_IN = "logged_in"
    #: A logged-in secretary, chair or administrator (``upload_forbidden`` otherwise).
    UPLOADER = "uploader"
    #: A hall relay's uplink: logged in and subscribed to the meeting it announces.
    RELAY = "relay"


class AtRelay(StrEnum):
    """What a hall relay does with a request from one of its laptops."""

    #: The relay answers it itself (from its own copy, or asking upstream on the user's
    #: own connection where the province must decide).
    LOCAL = "local"
    #: Passed upstream as it is, on the user's own connection; the province answers.
    FORWARD = "forward"
    #: Refused: meetings and documents are prepared on the provincial server.
    REFUSED = "refused"
    #: Not a laptop's request: a relay answers ``unknown_type``, as for any unknown type.
    NOT_SERVED = "not_served"


@dataclass(frozen=True)
class RequestSpec:
    """One request type: its fields, parsed by its model; who may send it;
    what a relay does with it; whether it is paid from the transfer budget."""

    type: RequestType
    model: builtins.type[_Request]
    sender: Sender
    at_relay: AtRelay
    #: A file piece: paid from the transfer budget, not the message budget (§9).
    transfer: bool = False


_L, _F, _R, _N = AtRelay.LOCAL, AtRelay.FORWARD, AtRelay.REFUSED, AtRelay.NOT_SERVED
#: Every request type: the server, the relay and the client all read this table (adding
#: a request is one row here and one handler in each server that serves it).
REQUESTS: dict[RequestType, RequestSpec] = {spec.type: spec for spec in (
    RequestSpec(RequestType.PING, Ping, Sender.ANYONE, _L),
    RequestSpec(RequestType.LOGIN, Login, Sender.ANYONE, _L),
    RequestSpec(RequestType.RESUME, Resume, Sender.ANYONE, _L),
    RequestSpec(RequestType.LOGOUT, Logout, Sender.LOGGED_IN, _L),
    RequestSpec(RequestType.LIST_MEETINGS, ListMeetings, Sender.LOGGED_IN, _L),
    RequestSpec(RequestType.SUBSCRIBE, Subscribe, Sender.LOGGED_IN, _L),
    RequestSpec(RequestType.UNSUBSCRIBE, Unsubscribe, Sender.LOGGED_IN, _L),
    RequestSpec(RequestType.COMMAND, Command, Sender.LOGGED_IN, _L),
    RequestSpec(RequestType.FETCH_CHUNK, FetchChunk, Sender.LOGGED_IN, _L, transfer=True),
    RequestSpec(RequestType.UPLOAD_STATUS, UploadStatus, Sender.UPLOADER, _R, transfer=True),
    RequestSpec(RequestType.UPLOAD_CHUNK, UploadChunk, Sender.UPLOADER, _R, transfer=True),
    RequestSpec(RequestType.LIST_BODIES, ListBodies, Sender.LOGGED_IN, _L),
    RequestSpec(RequestType.CREATE_MEETING, CreateMeeting, Sender.LOGGED_IN, _R),
    RequestSpec(RequestType.CHANGE_PASSWORD, ChangePassword, Sender.LOGGED_IN, _F),
    RequestSpec(RequestType.ADMIN, Admin, Sender.LOGGED_IN, _F),
    RequestSpec(RequestType.RELAY_STATUS, RelayStatus, Sender.RELAY, _N),
)}
assert set(REQUESTS) == set(RequestType)
assert all(get_args(s.model.model_fields["type"].annotation) == (s.type.value,)
           for s in REQUESTS.values())

REQUEST_TYPES: tuple[str, ...] = tuple(t.value for t in REQUESTS)
TRANSFER_TYPES = frozenset(t.value for t, s in REQUESTS.items() if s.transfer)
#: The types a hall relay serves to its laptops (the others are ``unknown_type`` there).
RELAY_SERVED = frozenset(t for t, s in REQUESTS.items() if s.at_relay is not AtRelay.NOT_SERVED)
#: The requests a laptop sends (every type but the relay's own), as one tagged union.
Request: Any = Annotated[reduce(or_, [s.model for s in REQUESTS.values()
                                      if s.sender is not Sender.RELAY]),
                         Field(discriminator="type")]
_request_adapter: TypeAdapter[Any] = TypeAdapter(
    Annotated[reduce(or_, [s.model for s in REQUESTS.values()]),  # type: ignore[arg-type]
              Field(discriminator="type")])


def parse_request(text: str, served: frozenset[RequestType] | None = None) -> Any:
    """Turn one text frame into a request, parsed by its ``REQUESTS`` row's model, or raise
    ProtocolError with the reason; a type not in ``served`` (default: every type in the
    table) is ``unknown_type``, here and nowhere else."""
    try:
        raw = json.loads(text)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, huge integers, deep nesting
        raise ProtocolError(ErrorCode.BAD_JSON, f"not valid JSON: {str(exc)[:200]}") from None
    if not isinstance(raw, dict):
        raise ProtocolError(ErrorCode.BAD_MESSAGE, "a message must be a JSON object")
    rid = raw.get("id")
    request_id = rid if isinstance(rid, str) and 0 < len(rid) <= 64 else None
    kind = raw.get("type")
    if not isinstance(kind, str):
        raise ProtocolError(ErrorCode.BAD_MESSAGE, "a message needs a string 'type'",
                            request_id=request_id)
    spec = REQUESTS.get(kind)  # type: ignore[call-overload]
    if spec is None or (served is not None and spec.type not in served):
        raise ProtocolError(ErrorCode.UNKNOWN_TYPE, f"unknown message type {kind[:64]!r}",
                            request_id=request_id)
    try:
        # As JSON, strictly, with text in NFC: see WireModel.
        return _request_adapter.validate_json(json.dumps(normalised(spec.model, raw)))
    except ValidationError as exc:
        raise ProtocolError(ErrorCode.BAD_MESSAGE, "invalid message",
                            details=validation_details(exc, tagged=True),
                            request_id=request_id) from None


def validation_details(exc: ValidationError, *, tagged: bool = False) -> list[dict[str, str]]:
    """Pydantic's errors, trimmed to what a client can act on — no echo of huge inputs.

    ``field`` is the dotted path to the value (``rows.0.line``); ``tagged`` drops the
    leading union tag a request's errors carry — the request ``type``.
    """
    out = []
    for err in exc.errors(include_url=False, include_input=False)[:20]:
        loc = err["loc"][1:] if tagged and len(err["loc"]) > 1 else err["loc"]
        out.append({"field": ".".join(str(p) for p in loc), "problem": err["msg"]})
    return out


def encode(message: dict[str, Any]) -> str:
    return _encode_value(message)


def encode_list(values: list[Any]) -> str:
    """A JSON list, encoded as messages are (a ``run`` message's ``log``)."""
    return _encode_value(values)


def _encode_value(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_json_default)


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def reply(request_id: str, result: dict[str, Any]) -> dict[str, Any]:
    return {"type": "reply", "id": request_id, "ok": True, "result": result}


class Encoded:
    """A value already encoded as JSON, put into a reply as it is (``encode_reply``).

    A hall subscribing at once gets the same snapshot, a quarter of a megabyte at a
    thousand delegates: encoding it again for every reply took 2–14 ms of the event loop
    each. It is encoded once, and only each subscriber's own part is encoded per reply."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


def encode_object(shared: str, **own: Any) -> str:
    """The encoded object ``shared`` with the keys ``own`` added after its own."""
    extra = ",".join(f"{_encode_value(key)}:{_encode_value(value)}"
                     for key, value in own.items())
    if not extra:
        return shared
    return shared[:-1] + ("," if shared != "{}" else "") + extra + "}"


def encode_reply(request_id: str, result: dict[str, Any]) -> str:
    """``encode(reply(request_id, result))``, with any :class:`Encoded` value of
    ``result`` spliced in as it is (after the result's other keys)."""
    ready = {key: value for key, value in result.items() if isinstance(value, Encoded)}
    if not ready:
        return encode(reply(request_id, result))
    text = encode(reply(request_id, {k: v for k, v in result.items() if k not in ready}))
    head, tail = text[:-2], text[-2:]  # the result's closing brace, then the reply's
    extra = ",".join(f"{_encode_value(key)}:{value.text}" for key, value in ready.items())
    return head + ("," if not head.endswith("{") else "") + extra + tail


#: Feature names a server lists in its welcome's ``features``.
FEATURE_BINARY_FETCH = "binary_fetch"
#: The server answers ``fetch_chunk`` with ``lean`` by a header that is the id alone, and
#: greets a connection whose handshake names the welcome it would send
#: (``WELCOME_KNOWN_HEADER``) with ``{"type": "welcome", "same": true}`` instead. On a
#: hall link shared by thirty a laptop's 1 KiB pieces had 101 bytes of framing each, and
#: its file connection is opened again after every vote, and every connection after an
#: outage, each with a welcome of 190 bytes it already had (``bench.weak_link``).
FEATURE_LEAN_FILES = "lean_files"
#: The handshake header of a client that has had this server's welcome: its digest.
WELCOME_KNOWN_HEADER = "Meetingroom-Welcome"


def welcome_digest(welcome: dict[str, Any]) -> str:
    """16 hex digits that name a welcome's content (``WELCOME_KNOWN_HEADER``): a server
    whose welcome changed (another version, other limits) sends it whole."""
    text = json.dumps(welcome, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


_HEADER_LENGTH = struct.Struct(">I")


def binary_reply(request_id: str, result: dict[str, Any], data: bytes, *,
                 lean: bool = False) -> bytes:
    """The binary frame answering a binary ``fetch_chunk``: a 4-byte big-endian length,
    that many bytes of the JSON reply (without the data), then the data itself; with
    ``lean`` the JSON is ``{"id": request_id}``: the asker knows what it asked for."""
    header = encode({"id": request_id} if lean else reply(request_id, result)).encode("utf-8")
    return b"".join((_HEADER_LENGTH.pack(len(header)), header, data))


def parse_binary_reply(frame: bytes | bytearray | memoryview) -> tuple[dict[str, Any], memoryview]:
    """Split a binary reply into its JSON header and its data; ValueError if malformed.
    A lean header (``{"id": ...}`` alone) comes back as a reply with an empty result."""
    view = memoryview(frame)
    if len(view) < _HEADER_LENGTH.size:
        raise ValueError("binary frame shorter than its header length")
    (length,) = _HEADER_LENGTH.unpack_from(view)
    end = _HEADER_LENGTH.size + length
    if length > 64 * 1024 or end > len(view):
        raise ValueError("binary frame header length out of range")
    header = json.loads(bytes(view[_HEADER_LENGTH.size:end]))
    if isinstance(header, dict) and header.keys() == {"id"} and isinstance(header["id"], str):
        header = reply(header["id"], {})
    if not isinstance(header, dict) or header.get("type") != "reply" \
            or not isinstance(header.get("result"), dict):
        raise ValueError("binary frame header is not a reply")
    return header, view[end:]


def error(request_id: str | None, code: ErrorCode, message: str, details: Any = None) -> \
        dict[str, Any]:
    body: dict[str, Any] = {"type": "error", "id": request_id, "ok": False, "code": str(code),
                            "message": message}
    if details is not None:
        body["details"] = details
    return body


#: The frame a delegate gets for a run of ballots and check-ins (``sync.channel``): an
#: event message that stands for the events ``payload.from_seq``..``seq``.
PROGRESS_EVENT = "progress"
#: The message a relay's mirror gets for such a run when it subscribes with ``runs``: the
#: events ``from_seq``..``seq`` in ``log``, one JSON text it keeps as it came, with the
#: counts as of ``seq`` (``progress``) and whom the events are about (``own``).
RUN_MESSAGE = "run"


def first_seq(message: dict[str, Any]) -> int:
    """The first sequence number an event message stands for: its own ``seq``, or a
    ``progress`` frame's or a ``run`` message's ``from_seq``."""
    if message.get("type") == RUN_MESSAGE:
        return int(message["from_seq"])
    if message.get("event") == PROGRESS_EVENT:
        return int(message["payload"]["from_seq"])
    return int(message["seq"])


def event_message(meeting_id: int, seq: int, kind: str, payload: dict[str, Any],
                  at: datetime) -> dict[str, Any]:
    return {"type": "event", "meeting_id": meeting_id, "seq": seq, "event": kind,
            "payload": payload, "at": at}
