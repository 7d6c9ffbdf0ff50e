"""API tokens: creating, finding and revoking them. Only a hash of each secret is stored."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from flask_babel import gettext as _
from sqlalchemy import select

from feedback.api.models import ApiToken
from feedback.auth.models import User
from feedback.extensions import db
from feedback.timeutil import utcnow

#: Every secret starts with this, so a leaked one is easy to recognise (and to scan for).
PREFIX = "fbk_"
#: ``last_used_at`` is written at most this often, so reading the API is not a write per call.
USAGE_RESOLUTION = timedelta(minutes=1)
MAX_NAME_LENGTH = 120


class TokenError(ValueError):
    """A user-facing problem with a token request."""


def hash_secret(secret: str) -> str:
    """The hex SHA-256 of a secret, as stored."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create_token(user: User, name: str) -> tuple[ApiToken, str]:
    """A new token for ``user`` and its secret (shown once, never stored). The caller commits."""
    name = " ".join((name or "").split())
    if not name:
        raise TokenError(_("Enter a name for the token."))
    if len(name) > MAX_NAME_LENGTH:
        raise TokenError(
            _("The name must be %(count)d characters or fewer.", count=MAX_NAME_LENGTH)
        )
    if user.active is False:  # None until a new user is flushed (then True)
        raise TokenError(_("This account is not active."))
    secret = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user=user, name=name, token_hash=hash_secret(secret))
    db.session.add(token)
    db.session.flush()
    return token, secret


def find_token(secret: str) -> ApiToken | None:
    """The active token with this secret, whose user is active; notes when it was used.

    The caller commits (a view does, once the answer is ready)."""
    if not secret or not secret.startswith(PREFIX) or len(secret) > 200:
        return None
    token = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == hash_secret(secret)))
    if token is None or token.revoked_at is not None or not token.user.active:
        return None
    now = utcnow()
    if token.last_used_at is None or now - token.last_used_at >= USAGE_RESOLUTION:
        token.last_used_at = now
    return token


def revoke_token(token: ApiToken) -> bool:
    """Revoke a token (at once, for good); False when it already was. The caller commits."""
    if token.revoked_at is not None:
        return False
    token.revoked_at = utcnow()
    return True


def list_tokens(user: User | None = None, include_revoked: bool = True) -> list[ApiToken]:
    """Tokens, newest first, of one user or of everyone."""
    query = select(ApiToken).order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
    if user is not None:
        query = query.where(ApiToken.user_id == user.id)
    if not include_revoked:
        query = query.where(ApiToken.revoked_at.is_(None))
    return list(db.session.scalars(query))
