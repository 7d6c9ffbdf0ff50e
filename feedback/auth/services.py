"""Accounts: creating users, checking passwords."""

from __future__ import annotations

import contextlib
import hashlib
import secrets
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from sqlalchemy import func, select

from feedback.auth.models import PasswordToken, Role, User
from feedback.extensions import db
from feedback.timeutil import utcnow

_HASHERS: dict[tuple, tuple[PasswordHasher, str]] = {}


def _argon2() -> tuple[PasswordHasher, str]:
    """Argon2id with the app's ``ARGON2_PARAMS`` (Argon2's defaults when unset), and the hash
    of a dummy password: an unknown address costs as long as a known one, so timing tells
    nothing."""
    params = tuple(sorted((current_app.config.get("ARGON2_PARAMS") or {}).items()))
    if params not in _HASHERS:
        hasher = PasswordHasher(**dict(params))
        _HASHERS[params] = (hasher, hasher.hash("not a real password"))
    return _HASHERS[params]


def _hasher() -> PasswordHasher:
    return _argon2()[0]


class AccountError(ValueError):
    """A user-facing problem with an account request."""


def hash_password(password: str) -> str:
    """Argon2id hash of a password."""
    return _hasher().hash(password)


def create_user(email: str, password: str | None, role: Role | str, language: str = "en") -> User:
    """Create a staff user; the e-mail address is unique, whatever its case."""
    email = email.strip().lower()
    if db.session.scalar(select(User).where(func.lower(User.email) == email)):
        raise AccountError(f"A user with the address {email} already exists.")
    user = User(
        email=email,
        role=Role(role),
        language=language,
        password_hash=hash_password(password) if password else None,
    )
    db.session.add(user)
    return user


def find_user(email: str) -> User | None:
    """The user with this e-mail address, whatever its case."""
    return db.session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))


def authenticate(email: str, password: str) -> User | None:
    """The active user with these credentials, or None."""
    user = find_user(email)
    if user is None or not user.password_hash:
        with contextlib.suppress(VerificationError):
            _hasher().verify(_argon2()[1], password)
        return None
    try:
        _hasher().verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    if _hasher().check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user if user.active else None


# Listing, deactivating, inviting ------------------------------------------------------------

INVITE_LIFETIME = timedelta(days=7)
MIN_PASSWORD_LENGTH = 10


def list_users() -> list[User]:
    """Every staff user, by e-mail address."""
    return list(db.session.scalars(select(User).order_by(User.email)))


def deactivate_user(email_or_user: str | User) -> User:
    """Stop a user from signing in (their audit history stays)."""
    user = email_or_user if isinstance(email_or_user, User) else find_user(email_or_user)
    if user is None:
        raise AccountError(f"No user has the address {email_or_user}.")
    user.active = False
    return user


def reactivate_user(user: User) -> User:
    """Let a deactivated user sign in again."""
    user.active = True
    return user


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invite_user(email: str, role: Role | str, language: str = "en") -> tuple[User, str]:
    """Create a user without a password and a one-time token to set one (valid 7 days).

    Returns the user and the token; only the token's hash is stored.
    """
    user = create_user(email, None, role, language)
    return user, issue_password_token(user)


def issue_password_token(user: User) -> str:
    """A new one-time set-password token for ``user``; earlier unused ones stop working."""
    db.session.flush()
    for old in db.session.scalars(
        select(PasswordToken).where(
            PasswordToken.user_id == user.id, PasswordToken.used_at.is_(None)
        )
    ):
        old.used_at = utcnow()
    token = secrets.token_urlsafe(32)
    db.session.add(
        PasswordToken(
            user_id=user.id, token_hash=_token_hash(token), expires_at=utcnow() + INVITE_LIFETIME
        )
    )
    return token


def find_password_token(token: str) -> PasswordToken | None:
    """The unused, unexpired token record for ``token``, or None."""
    if not token or len(token) > 100:
        return None
    record = db.session.scalar(
        select(PasswordToken).where(PasswordToken.token_hash == _token_hash(token))
    )
    if record is None or record.used_at is not None or record.expires_at <= utcnow():
        return None
    return record


def set_password_with_token(token: str, password: str) -> User:
    """Set the password of the token's user and use the token up."""
    record = find_password_token(token)
    if record is None:
        raise AccountError("This link has expired or has already been used.")
    user = db.session.get(User, record.user_id)
    if user is None or not user.active:
        raise AccountError("This account is not active.")
    user.password_hash = hash_password(password)
    record.used_at = utcnow()
    return user


def set_language(user: User, language: str) -> None:
    """Change the interface language of a user."""
    from feedback.i18n import UI_LANGUAGES

    if language not in UI_LANGUAGES:
        raise AccountError(f"Unknown language {language!r}.")
    user.language = language
