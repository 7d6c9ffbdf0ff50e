"""Accounts: creating users, checking passwords."""

from __future__ import annotations

import contextlib

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from feedback.auth.models import Role, User
from feedback.extensions import db

_hasher = PasswordHasher()
# Spend as long on an unknown address as on a known one, so timing does not tell them apart.
_DUMMY_HASH = _hasher.hash("not a real password")


class AccountError(ValueError):
    """A user-facing problem with an account request."""


def hash_password(password: str) -> str:
    """Argon2id hash of a password."""
    return _hasher.hash(password)


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
            _hasher.verify(_DUMMY_HASH, password)
        return None
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user if user.active else None
