"""Who is calling the API: a bearer token (acting with its user's role) or nobody."""

from __future__ import annotations

import hashlib

from flask import current_app, g, request
from flask_limiter.util import get_remote_address

from feedback.api.models import ApiToken
from feedback.api.tokens import find_token
from feedback.auth.models import Role, User

#: Roles that may read everything the API offers (summaries of any survey, drafts).
READER_ROLES = (Role.ADMIN, Role.FACILITATOR, Role.OFFICIAL)


class InvalidToken(Exception):
    """The request carried credentials that are not a valid, active token."""


def bearer_secret() -> str | None:
    """The secret of an ``Authorization: Bearer`` header; None when there is no such header.

    Any other Authorization scheme, or an empty bearer, is an :class:`InvalidToken`."""
    header = request.headers.get("Authorization")
    if header is None:
        return None
    scheme, _, secret = header.strip().partition(" ")
    secret = secret.strip()
    if scheme.lower() != "bearer" or not secret:
        raise InvalidToken
    return secret


def authenticate_request() -> None:
    """Set ``g.api_token`` (None for anonymous callers); raise :class:`InvalidToken`."""
    g.api_token = None
    secret = bearer_secret()
    if secret is None:
        return
    token = find_token(secret)
    if token is None:
        raise InvalidToken
    g.api_token = token


def current_token() -> ApiToken | None:
    return g.get("api_token")


def current_api_user() -> User | None:
    token = current_token()
    return token.user if token is not None else None


def can_read_everything() -> bool:
    """The caller's token belongs to staff allowed to read non-public data."""
    user = current_api_user()
    return user is not None and user.has_role(*READER_ROLES)


def rate_limit_key() -> str:
    """Rate limits count per token (by a hash of the header, never the secret) or per address."""
    header = request.headers.get("Authorization")
    if header:
        return "api-token:" + hashlib.sha256(header.encode("utf-8")).hexdigest()[:32]
    return "api-addr:" + (get_remote_address() or "unknown")


def rate_limit() -> str:
    """The API's limit, generous: dashboards poll it and share an office's address."""
    return current_app.config.get("API_RATE_LIMIT", "600 per minute;20000 per hour")
