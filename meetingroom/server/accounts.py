"""Account administration shared by the CLI and the seeding code."""

from __future__ import annotations

import unicodedata

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from meetingroom.core.account_errors import AccountError
from meetingroom.server import audit
from meetingroom.server.passwords import check_password_strength, hash_password
from meetingroom.server.storage.models import LoginToken, User
from meetingroom.server.storage.types import utcnow

__all__ = ["AccountError", "add_user", "reset_password"]


def add_user(session: Session, username: str, full_name: str, password: str, *,
             title: str = "", is_admin: bool = False) -> User:
    # NFC like everything that comes over the wire (WireModel): the login finds it.
    username = unicodedata.normalize("NFC", username.strip())
    full_name = unicodedata.normalize("NFC", full_name)
    if not username or len(username) > 64 or any(c.isspace() for c in username):
        raise AccountError("username must be 1-64 characters without spaces")
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise AccountError(f"user {username!r} already exists")
    check_password_strength(password)
    user = User(username=username, full_name=full_name.strip() or username, title=title,
                password_hash=hash_password(password), is_admin=is_admin)
    session.add(user)
    session.flush()
    audit.record(session, "user.add", user_id=None, username="(administrator)",
                 detail={"user_id": user.id, "username": username, "is_admin": is_admin})
    return user


def reset_password(session: Session, username: str, password: str) -> User:
    """Set a new password and revoke every open session, so a leaked token stops working too."""
    username = unicodedata.normalize("NFC", username.strip())
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise AccountError(f"no user {username!r}")
    check_password_strength(password)
    now = utcnow()
    user.password_hash = hash_password(password)
    user.password_changed_at = now
    session.execute(update(LoginToken).where(LoginToken.user_id == user.id,
                                              LoginToken.revoked_at.is_(None))
                    .values(revoked_at=now))
    audit.record(session, "user.reset_password", user_id=None, username="(administrator)",
                 detail={"user_id": user.id, "username": user.username})
    return user
