"""The database schema. Every change here needs an Alembic revision in migrations/versions."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from meetingroom.server.storage.types import JSONDoc, UTCDateTime, utcnow

#: Stable constraint names so migrations can alter them on SQLite and PostgreSQL alike.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSONDoc,  # noqa: RUF012
                           list[Any]: JSONDoc}


class Body(Base):
    """A council (HĐND) or committee (UBND); its rules are columns and rows, never constants."""

    __tablename__ = "bodies"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    level: Mapped[str] = mapped_column(String(16))
    #: A stable key chosen by the operator (e.g. "AH-XA-001"), so imports can update in place.
    code: Mapped[str | None] = mapped_column(String(64), unique=True, default=None)
    #: The province of a commune's body; None for a province's own bodies.
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("bodies.id", ondelete="RESTRICT"), default=None, index=True)
    #: IANA zone every time of this body's meetings is shown in.
    time_zone: Mapped[str] = mapped_column(String(64), default="Asia/Ho_Chi_Minh")
    #: Nhiệm kỳ: its number and dates (e.g. 2026–2031, the 11th term).
    term_number: Mapped[int | None] = mapped_column(Integer, default=None)
    term_start: Mapped[date | None] = mapped_column(Date, default=None)
    term_end: Mapped[date | None] = mapped_column(Date, default=None)
    #: Archived bodies (the districts abolished in 2025) can be read, never changed.
    read_only: Mapped[bool] = mapped_column(Boolean, default=False)
    #: The membership thresholds count. Derived from the current term's members unless
    #: ``total_members_explicit`` (the law counts vacancies: the number elected, not seated).
    total_members: Mapped[int] = mapped_column(Integer)
    total_members_explicit: Mapped[bool] = mapped_column(Boolean, default=False)
    quorum_numerator: Mapped[int] = mapped_column(Integer, default=2)
    quorum_denominator: Mapped[int] = mapped_column(Integer, default=3)
    quorum_comparison: Mapped[str] = mapped_column(String(16), default="at_least")
    stand_in_may_vote: Mapped[bool] = mapped_column(Boolean, default=False)
    ballot_change_allowed: Mapped[bool] = mapped_column(Boolean, default=False)
    show_open_tallies: Mapped[bool] = mapped_column(Boolean, default=True)
    #: Default time limits per speech, by queue; the chair may set another per speech.
    speech_seconds: Mapped[int] = mapped_column(Integer, default=420)
    question_seconds: Mapped[int] = mapped_column(Integer, default=180)
    reply_seconds: Mapped[int] = mapped_column(Integer, default=120)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    vote_rules: Mapped[list[VoteRule]] = relationship(
        back_populates="body", cascade="all, delete-orphan", order_by="VoteRule.id"
    )
    members: Mapped[list[BodyMember]] = relationship(
        back_populates="body", cascade="all, delete-orphan", order_by="BodyMember.id"
    )


class VoteRule(Base):
    """How one kind of matter passes in one body (DOMAIN.md "Vote rules" as data)."""

    __tablename__ = "vote_rules"
    __table_args__ = (UniqueConstraint("body_id", "matter"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("bodies.id", ondelete="CASCADE"))
    matter: Mapped[str] = mapped_column(String(32))
    label: Mapped[str] = mapped_column(String(200))
    threshold_numerator: Mapped[int] = mapped_column(Integer)
    threshold_denominator: Mapped[int] = mapped_column(Integer)
    comparison: Mapped[str] = mapped_column(String(16))
    ballot: Mapped[str] = mapped_column(String(16))
    options: Mapped[list[Any]] = mapped_column()
    chair_breaks_tie: Mapped[bool] = mapped_column(Boolean, default=False)
    #: The council chooses open or secret per vote (e.g. bãi nhiệm); else ``ballot`` is fixed.
    ballot_choosable: Mapped[bool] = mapped_column(Boolean, default=False)

    body: Mapped[Body] = relationship(back_populates="vote_rules")


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    password_changed_at: Mapped[datetime] = mapped_column(default=utcnow)


class BodyMember(Base):
    """Standing membership of a body; a meeting's participants are drawn from it."""

    __tablename__ = "body_members"
    __table_args__ = (UniqueConstraint("body_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("bodies.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    position: Mapped[str] = mapped_column(String(200), default="")
    seat: Mapped[str] = mapped_column(String(32), default="")
    #: The term (nhiệm kỳ number) this membership belongs to; None: the body's current one.
    term_number: Mapped[int | None] = mapped_column(Integer, default=None)

    body: Mapped[Body] = relationship(back_populates="members")
    user: Mapped[User] = relationship()


class BodyAdmin(Base):
    """A unit administrator: manages one body's users, members and meetings, nothing else."""

    __tablename__ = "body_admins"
    __table_args__ = (UniqueConstraint("body_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("bodies.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)


class LoginToken(Base):
    """A login. Only the token's SHA-256 is stored, so a database leak yields no usable token."""

    __tablename__ = "auth_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column()
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)

    user: Mapped[User] = relationship()


class KnownDevice(Base):
    """A laptop that held a valid token for the account: its logins get a lenient throttle.

    Only the SHA-256 of the client's random device secret is kept; ``last_seen`` lets
    old entries be forgotten (``KNOWN_DEVICE_DAYS``).
    """

    __tablename__ = "known_devices"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         primary_key=True)
    device_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    last_seen: Mapped[datetime] = mapped_column(default=utcnow)


class Meeting(Base):
    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("bodies.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    location: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(16), default="draft")
    starts_at: Mapped[datetime] = mapped_column()
    ends_at: Mapped[datetime | None] = mapped_column(default=None)
    current_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", use_alter=True, ondelete="SET NULL"), default=None
    )
    #: Highest event sequence number; bumped inside each command's transaction so
    #: numbers are gapless and the row lock orders concurrent writers.
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    body: Mapped[Body] = relationship()
    agenda_items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        foreign_keys="AgendaItem.meeting_id",
        order_by="AgendaItem.position",
    )
    documents: Mapped[list[Document]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="Document.id"
    )
    participants: Mapped[list[Participant]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="Participant.id"
    )


class AgendaItem(Base):
    """One node of the agenda tree; siblings are ordered by ``position``."""

    __tablename__ = "agenda_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), default=None
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(500))
    planned_minutes: Mapped[int] = mapped_column(Integer, default=0)
    presenter: Mapped[str] = mapped_column(String(200), default="")

    meeting: Mapped[Meeting] = relationship(
        back_populates="agenda_items", foreign_keys=[meeting_id]
    )


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), default=None
    )
    title: Mapped[str] = mapped_column(String(500))
    filename: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    pages: Mapped[int] = mapped_column(Integer)
    size_bytes: Mapped[int] = mapped_column(Integer)
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: 1 for the first upload; a replacement is a new row with the next number.
    version: Mapped[int] = mapped_column(Integer, default=1)
    previous_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), default=None)
    #: Withdrawn or replaced: laptops delete their copy at their next connection.
    withdrawn_at: Mapped[datetime | None] = mapped_column(default=None)
    #: Duyệt tài liệu: "submitted" documents are seen only by those preparing the meeting.
    approval: Mapped[str] = mapped_column(String(16), default="approved")
    rejection_reason: Mapped[str] = mapped_column(String(1000), default="")
    submitted_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), default=None)

    meeting: Mapped[Meeting] = relationship(back_populates="documents")


class Participant(Base):
    __tablename__ = "participants"
    __table_args__ = (UniqueConstraint("meeting_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(16))
    seat: Mapped[str] = mapped_column(String(32), default="")
    #: Roll call (điểm danh): a ``domain.Attendance`` value.
    attendance: Mapped[str] = mapped_column(String(16), default="not_arrived")
    absence_reason: Mapped[str] = mapped_column(String(500), default="")
    absence_excused: Mapped[bool] = mapped_column(Boolean, default=False)
    checked_in_at: Mapped[datetime | None] = mapped_column(default=None)
    checked_out_at: Mapped[datetime | None] = mapped_column(default=None)
    #: Ủy quyền: the participant who stands in for this absent member.
    stand_in_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), default=None)

    meeting: Mapped[Meeting] = relationship(back_populates="participants")
    user: Mapped[User] = relationship(foreign_keys=[user_id])


class Event(Base):
    """The per-meeting log every client replays; append-only, one gapless sequence per meeting."""

    __tablename__ = "events"
    __table_args__ = (UniqueConstraint("meeting_id", "seq", name="uq_events_meeting_seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CommandResult(Base):
    """The first answer to each client-made command id, so a retry is answered, not re-applied."""

    __tablename__ = "command_results"
    __table_args__ = (
        UniqueConstraint("user_id", "command_id", name="uq_command_results_user_command"),
        Index("ix_command_results_created_at", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    command_id: Mapped[str] = mapped_column(String(64))
    command: Mapped[str] = mapped_column(String(64))
    reply: Mapped[dict[str, Any]] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SpeechRequest(Base):
    """A registration to speak (phát biểu) or question (chất vấn) on one agenda item."""

    __tablename__ = "speech_requests"
    __table_args__ = (Index("ix_speech_requests_meeting_item", "meeting_id", "agenda_item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"))
    queue: Mapped[str] = mapped_column(String(16))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    topic: Mapped[str] = mapped_column(String(500), default="")
    #: A debate reply (tranh luận) or an answer to a question points at the speech it answers.
    reply_to_id: Mapped[int | None] = mapped_column(
        ForeignKey("speech_requests.id", ondelete="SET NULL"), default=None)
    position: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(16), default="waiting")
    limit_seconds: Mapped[int] = mapped_column(Integer)
    banked_seconds: Mapped[float] = mapped_column(default=0.0)
    running_since: Mapped[datetime | None] = mapped_column(default=None)
    registered_at: Mapped[datetime] = mapped_column(default=utcnow)
    called_at: Mapped[datetime | None] = mapped_column(default=None)
    started_at: Mapped[datetime | None] = mapped_column(default=None)
    ended_at: Mapped[datetime | None] = mapped_column(default=None)

    user: Mapped[User] = relationship()


class Vote(Base):
    """One vote, election or confidence rating, with the rule copied in at creation.

    Copying the threshold, options and membership onto the vote keeps a closed
    result reproducible even if the body's rules or size change later.
    """

    __tablename__ = "votes"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_items.id",
                                                           ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    matter: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(500))
    rule_label: Mapped[str] = mapped_column(String(200))
    threshold_numerator: Mapped[int] = mapped_column(Integer)
    threshold_denominator: Mapped[int] = mapped_column(Integer)
    comparison: Mapped[str] = mapped_column(String(16))
    ballot: Mapped[str] = mapped_column(String(16))
    options: Mapped[list[Any]] = mapped_column()
    #: Candidates of an election, or officials of a confidence rating.
    candidates: Mapped[list[Any]] = mapped_column(default=list)
    seats: Mapped[int] = mapped_column(Integer, default=1)
    chair_breaks_tie: Mapped[bool] = mapped_column(Boolean, default=False)
    ballot_change_allowed: Mapped[bool] = mapped_column(Boolean, default=False)
    stand_in_may_vote: Mapped[bool] = mapped_column(Boolean, default=False)
    total_members: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="draft")
    repeat_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("votes.id", ondelete="SET NULL"), default=None)
    created_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    opened_at: Mapped[datetime | None] = mapped_column(default=None)
    stopped_at: Mapped[datetime | None] = mapped_column(default=None)
    closed_at: Mapped[datetime | None] = mapped_column(default=None)
    annulled_at: Mapped[datetime | None] = mapped_column(default=None)
    annul_reason: Mapped[str] = mapped_column(String(1000), default="")
    result: Mapped[dict[str, Any] | None] = mapped_column(default=None)


class VoteVoter(Base):
    """"Has voted": which seat's ballot is in, and nothing about what it says."""

    __tablename__ = "vote_voters"
    __table_args__ = (UniqueConstraint("vote_id", "member_user_id",
                                       name="uq_vote_voters_vote_member"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    vote_id: Mapped[int] = mapped_column(ForeignKey("votes.id", ondelete="CASCADE"))
    #: The member whose vote this is (an absent member when a stand-in casts it).
    member_user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    by_stand_in: Mapped[bool] = mapped_column(Boolean, default=False)


class OpenBallot(Base):
    """A named ballot of an open vote (công khai): who chose what is public by law."""

    __tablename__ = "open_ballots"
    __table_args__ = (UniqueConstraint("vote_id", "member_user_id",
                                       name="uq_open_ballots_vote_member"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    vote_id: Mapped[int] = mapped_column(ForeignKey("votes.id", ondelete="CASCADE"))
    member_user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    choice: Mapped[dict[str, Any]] = mapped_column()
    cast_at: Mapped[datetime] = mapped_column(default=utcnow)


class SecretBallot(Base):
    """A ballot of a secret vote: no user, no timestamp, no insertion order.

    The key is a hash of a secret only the voter's client knows (so the voter may
    change it where the body allows), and the table has no rowid on SQLite; at
    close every ballot is rewritten under a fresh random key in choice order, so
    neither keys, physical order nor transaction ids tie a ballot to a voter.
    """

    __tablename__ = "secret_ballots"
    __table_args__ = ({"sqlite_with_rowid": False},)

    vote_id: Mapped[int] = mapped_column(ForeignKey("votes.id", ondelete="CASCADE"),
                                         primary_key=True)
    ballot_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    choice: Mapped[dict[str, Any]] = mapped_column()
    #: The group commit that wrote it while the vote is open (None once rewritten at
    #: close). Ballots are written in a transaction of their own, before the "has voted"
    #: rows; a ballot counts only once its batch is in ``secret_ballot_batches``, which
    #: the second transaction writes. A batch names a set of ballots and, through its
    #: voters' transaction, a set of voters: never one voter and one ballot, unless
    #: only one ballot arrived (see docs/security.md).
    batch: Mapped[str | None] = mapped_column(String(32), default=None)


class SecretBallotBatch(Base):
    """A committed batch of secret ballots (written with the batch's "has voted" rows)."""

    __tablename__ = "secret_ballot_batches"

    vote_id: Mapped[int] = mapped_column(ForeignKey("votes.id", ondelete="CASCADE"),
                                         primary_key=True)
    batch: Mapped[str] = mapped_column(String(32), primary_key=True)


class Opinion(Base):
    """A written consultation (lấy ý kiến bằng văn bản) on a document, with a deadline."""

    __tablename__ = "opinions"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), default=None)
    title: Mapped[str] = mapped_column(String(500))
    question: Mapped[str] = mapped_column(String(4000), default="")
    deadline: Mapped[datetime] = mapped_column()
    status: Mapped[str] = mapped_column(String(16), default="open")
    created_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(default=None)


class OpinionReply(Base):
    __tablename__ = "opinion_replies"
    __table_args__ = (UniqueConstraint("opinion_id", "user_id",
                                       name="uq_opinion_replies_opinion_user"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    opinion_id: Mapped[int] = mapped_column(ForeignKey("opinions.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    answer: Mapped[str] = mapped_column(String(16))
    comment: Mapped[str] = mapped_column(String(4000), default="")
    answered_at: Mapped[datetime] = mapped_column(default=utcnow)


class UserAnnotation(Base):
    """The newest version of one personal annotation, kept so it follows its owner.

    The client merges (last writer wins per id); the server only keeps the
    latest version it has seen, tombstones included, per user and document version.
    """

    __tablename__ = "user_annotations"
    __table_args__ = (UniqueConstraint("user_id", "document_sha256", "annotation_id",
                                       name="uq_user_annotations_user_doc_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    document_sha256: Mapped[str] = mapped_column(String(64))
    annotation_id: Mapped[str] = mapped_column(String(64))
    modified: Mapped[float] = mapped_column()
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    payload: Mapped[dict[str, Any]] = mapped_column()


class AuditEntry(Base):
    """One change, who made it and when, chained to the previous entry by its hash.

    Editing or deleting any earlier row breaks the chain, which ``meetingroom audit
    verify`` reports. Secret ballot contents never appear here.
    """

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    user_id: Mapped[int | None] = mapped_column(Integer, default=None)
    username: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(String(64))
    meeting_id: Mapped[int | None] = mapped_column(Integer, default=None)
    detail: Mapped[dict[str, Any]] = mapped_column()
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class AuditHead(Base):
    """The chain's newest hash and length; locking this row orders writers across processes."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True)
    last_hash: Mapped[str] = mapped_column(String(64))
    entries: Mapped[int] = mapped_column(Integer, default=0)


class Conclusion(Base):
    """The conclusion (kết luận) of one agenda item, or of the whole meeting when no item."""

    __tablename__ = "conclusions"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), default=None)
    text: Mapped[str] = mapped_column(String(20000), default="")
    updated_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), default=None)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


def table_of(model: type[Base]) -> Table:
    """A model's table, for bulk statements that bypass the ORM (``server.live``)."""
    return cast(Table, model.__table__)
