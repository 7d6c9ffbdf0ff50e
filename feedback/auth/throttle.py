"""Slowing down repeated failed sign-ins, per e-mail address and per client address.

After ``FREE_FAILURES`` failures within ``WINDOW`` for an account or an address, each further
attempt must wait a delay that doubles with every failure (capped), counted from the last one.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, select

from feedback.auth.models import LoginAttempt
from feedback.extensions import db
from feedback.timeutil import utcnow

FREE_FAILURES = 5
WINDOW = timedelta(minutes=15)
FIRST_DELAY = timedelta(minutes=1)
LONGEST_DELAY = timedelta(hours=1)


def _key(email: str) -> str:
    return (email or "").strip().lower()[:254]


def _delay(failures: int) -> timedelta:
    if failures < FREE_FAILURES:
        return timedelta(0)
    delay = FIRST_DELAY * (2 ** (failures - FREE_FAILURES))
    return min(delay, LONGEST_DELAY)


def wait_time(email: str, address: str, now: datetime | None = None) -> timedelta:
    """How long the account or the address must still wait before trying again (0: may try)."""
    now = now or utcnow()
    longest = timedelta(0)
    for column, value in ((LoginAttempt.email, _key(email)), (LoginAttempt.address, address)):
        count, last = db.session.execute(
            select(func.count(LoginAttempt.id), func.max(LoginAttempt.at)).where(
                column == value, LoginAttempt.at > now - WINDOW
            )
        ).one()
        if not count:
            continue
        if isinstance(last, str):  # SQLite's max() may hand back the stored text
            last = datetime.fromisoformat(last)
        if last.tzinfo is None:
            last = last.replace(tzinfo=UTC)
        remaining = last + _delay(count) - now
        longest = max(longest, remaining)
    return longest


def record_failure(email: str, address: str) -> None:
    """Remember a failed attempt (the caller commits)."""
    db.session.add(LoginAttempt(email=_key(email), address=(address or "")[:64]))


def clear_failures(email: str) -> None:
    """Forget an account's failures after it signs in."""
    db.session.execute(delete(LoginAttempt).where(LoginAttempt.email == _key(email)))


def purge_old_attempts(now: datetime | None = None) -> int:
    """Delete attempts older than the window; returns how many."""
    now = now or utcnow()
    result = db.session.execute(delete(LoginAttempt).where(LoginAttempt.at <= now - WINDOW))
    return result.rowcount or 0
