"""Seats and the waitlist: signing up, cancelling, promoting, attendance, erasure.

Seats are never over-booked: every service that changes seats first locks the session row
(``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` serialises writers),
then moves ``seats_taken`` only with a conditional UPDATE whose row count decides the outcome.
The CHECK constraint ``seats_taken <= capacity`` backs this up. Callers commit.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select, update

from feedback.extensions import db
from feedback.focus_groups import messages
from feedback.focus_groups.models import (
    SEATED,
    FocusGroup,
    GroupStatus,
    MessageKind,
    OutboxMessage,
    Signup,
    SignupStatus,
)
from feedback.timeutil import utcnow


class SignupRefused(Exception):
    """A sign-up that cannot be taken; ``reason`` is ``closed``, ``duplicate`` or ``full``."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class Person:
    """What a resident gives on the sign-up form."""

    name: str
    email: str | None
    phone: str | None
    language: str
    access_needs: str | None
    consent: bool


def normalize_email(email: str | None) -> str | None:
    """Lower-case, trimmed e-mail for the one-sign-up-per-person key."""
    email = (email or "").strip().lower()
    return email or None


def normalize_phone(phone: str | None) -> str | None:
    """The digits of a phone number (a leading + kept) for the one-sign-up-per-person key."""
    phone = (phone or "").strip()
    digits = re.sub(r"\D", "", phone)
    if not digits:
        return None
    return ("+" if phone.startswith("+") else "") + digits


def lock_group(group_id: int) -> FocusGroup | None:
    """Load a session and lock its row until the transaction ends (fresh values)."""
    return db.session.scalars(
        select(FocusGroup)
        .where(FocusGroup.id == group_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).first()


def _take_seat(group_id: int) -> bool:
    """Take one seat if one is free; True when taken (decided by the database)."""
    result = db.session.execute(
        update(FocusGroup)
        .where(FocusGroup.id == group_id, FocusGroup.seats_taken < FocusGroup.capacity)
        .values(seats_taken=FocusGroup.seats_taken + 1)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def _free_seat(group_id: int) -> None:
    db.session.execute(
        update(FocusGroup)
        .where(FocusGroup.id == group_id, FocusGroup.seats_taken > 0)
        .values(seats_taken=FocusGroup.seats_taken - 1)
        .execution_options(synchronize_session=False)
    )


def find_existing_signup(group_id: int, person: Person) -> Signup | None:
    """A live sign-up of the same person (same e-mail or phone) for this session."""
    keys = []
    if email := normalize_email(person.email):
        keys.append(Signup.email_key == email)
    if phone := normalize_phone(person.phone):
        keys.append(Signup.phone_key == phone)
    if not keys:
        return None
    return db.session.scalars(
        select(Signup).where(Signup.focus_group_id == group_id, or_(*keys))
    ).first()


def sign_up(group_id: int, person: Person, now: datetime | None = None) -> Signup:
    """Give the person a seat, or a waitlist place when the session is full.

    Raises :class:`SignupRefused` when sign-up is closed, the person is already signed up,
    or the session is full without a waitlist. Queues the confirmation or waitlist message.
    """
    now = now or utcnow()
    group = lock_group(group_id)
    if group is None or not group.signup_open(now):
        raise SignupRefused("closed")
    if find_existing_signup(group_id, person) is not None:
        raise SignupRefused("duplicate")
    confirmed = _take_seat(group_id)
    if not confirmed and not group.waitlist_enabled:
        raise SignupRefused("full")
    signup = Signup(
        focus_group_id=group_id,
        token=secrets.token_urlsafe(32),
        name=person.name.strip(),
        email=(person.email or "").strip() or None,
        phone=(person.phone or "").strip() or None,
        email_key=normalize_email(person.email),
        phone_key=normalize_phone(person.phone),
        language=person.language,
        access_needs=(person.access_needs or "").strip() or None,
        consent=person.consent,
        consented_at=now if person.consent else None,
        status=SignupStatus.CONFIRMED if confirmed else SignupStatus.WAITLISTED,
        created_at=now,
    )
    db.session.add(signup)
    db.session.flush()
    db.session.refresh(group)
    kind = MessageKind.CONFIRMATION if confirmed else MessageKind.WAITLIST
    messages.queue_message(signup, kind)
    return signup


def promote_waitlisted(group_id: int) -> list[Signup]:
    """Give free seats to the oldest waitlisted people (the session row must be locked)."""
    promoted = []
    while True:
        waiting = db.session.scalars(
            select(Signup)
            .where(Signup.focus_group_id == group_id, Signup.status == SignupStatus.WAITLISTED)
            .order_by(Signup.created_at, Signup.id)
            .limit(1)
        ).first()
        if waiting is None or not _take_seat(group_id):
            break
        waiting.status = SignupStatus.CONFIRMED
        db.session.flush()
        messages.queue_message(waiting, MessageKind.PROMOTION)
        promoted.append(waiting)
    return promoted


def find_signup(token: str) -> Signup | None:
    """The sign-up behind a secret link, or None."""
    if not token or len(token) > 64:
        return None
    return db.session.scalars(select(Signup).where(Signup.token == token)).first()


def erase_signup(signup: Signup, now: datetime | None = None) -> None:
    """Erase a sign-up's personal data, keeping its status and language for the counts."""
    signup.name = None
    signup.email = None
    signup.phone = None
    signup.email_key = None
    signup.phone_key = None
    signup.access_needs = None
    signup.erased_at = now or utcnow()
    for message in db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.signup_id == signup.id)
    ):
        if message.sent_at is not None:
            message.to = None


def cancel_signup(signup_id: int, erase: bool = True) -> list[Signup]:
    """Cancel a sign-up (by its own link), free its seat and promote whoever waits longest.

    The cancellation message is queued before the details are erased. Returns the promoted.
    """
    signup = db.session.get(Signup, signup_id)
    if signup is None:
        return []
    lock_group(signup.focus_group_id)
    db.session.refresh(signup)
    promoted = []
    if signup.status in (SignupStatus.CONFIRMED, SignupStatus.WAITLISTED):
        seated = signup.status == SignupStatus.CONFIRMED
        signup.status = SignupStatus.CANCELLED
        db.session.flush()
        messages.queue_message(signup, MessageKind.CANCELLATION)
        if seated:
            _free_seat(signup.focus_group_id)
            promoted = promote_waitlisted(signup.focus_group_id)
    if erase and signup.erased_at is None:
        erase_signup(signup)
    return promoted


def save_group(group: FocusGroup, apply: Callable[[FocusGroup], None]) -> list[Signup]:
    """Store a new or edited session: ``apply`` sets its fields once the row is locked.

    More seats promote waitlisted people at once. Raises ValueError when the capacity would
    fall below the seats already taken.
    """
    if group.id is None:
        apply(group)
        group.seats_taken = 0
        db.session.add(group)
        db.session.flush()
        return []
    locked = lock_group(group.id)
    apply(locked)
    if locked.capacity < locked.seats_taken:
        raise ValueError("capacity below seats taken")
    db.session.flush()
    return promote_waitlisted(group.id)


def cancel_group(group_id: int) -> int:
    """Cancel a session and tell everyone signed up, each in their language; returns how many."""
    group = lock_group(group_id)
    if group is None or group.status == GroupStatus.CANCELLED:
        return 0
    group.status = GroupStatus.CANCELLED
    told = 0
    for signup in db.session.scalars(
        select(Signup).where(
            Signup.focus_group_id == group_id,
            Signup.status.in_((SignupStatus.CONFIRMED, SignupStatus.WAITLISTED)),
        )
    ):
        signup.status = SignupStatus.CANCELLED
        messages.queue_message(signup, MessageKind.SESSION_CANCELLED)
        told += 1
    group.seats_taken = 0
    return told


def set_attendance(signup: Signup, status: SignupStatus, now: datetime | None = None) -> None:
    """Check someone in, mark a no-show, or undo (back to confirmed); seats are unchanged."""
    if signup.status not in SEATED or status not in SEATED:
        raise ValueError("only seated sign-ups have an attendance")
    signup.status = status
    signup.checked_in_at = (now or utcnow()) if status == SignupStatus.ATTENDED else None


def roster(group_id: int, query: str = "") -> list[Signup]:
    """Seated and waitlisted people of a session, optionally filtered by a part of the name."""
    statement = select(Signup).where(
        Signup.focus_group_id == group_id,
        Signup.status.in_((*SEATED, SignupStatus.WAITLISTED)),
    )
    query = query.strip()[:100]
    if query:
        escaped = query.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        statement = statement.where(func.lower(Signup.name).like(f"%{escaped}%", escape="\\"))
    statement = statement.order_by(
        (Signup.status == SignupStatus.WAITLISTED), Signup.name, Signup.id
    )
    return list(db.session.scalars(statement))


def attendance_figures(group_id: int) -> dict[str, int]:
    """Counts per sign-up status (anonymous: survives erasure), plus ``total``."""
    rows = db.session.execute(
        select(Signup.status, func.count())
        .where(Signup.focus_group_id == group_id)
        .group_by(Signup.status)
    ).all()
    figures = {status.value: 0 for status in SignupStatus}
    for status, count in rows:
        figures[SignupStatus(status).value] = count
    figures["total"] = sum(figures.values())
    return figures


def waitlist_position(signup: Signup) -> int:
    """1 for the person who waits longest."""
    return 1 + db.session.scalar(
        select(func.count())
        .select_from(Signup)
        .where(
            Signup.focus_group_id == signup.focus_group_id,
            Signup.status == SignupStatus.WAITLISTED,
            or_(
                Signup.created_at < signup.created_at,
                (Signup.created_at == signup.created_at) & (Signup.id < signup.id),
            ),
        )
    )


def upcoming_groups(now: datetime | None = None, survey_id: int | None = None, limit=None):
    """Active sessions that have not ended, soonest first."""
    now = now or utcnow()
    statement = select(FocusGroup).where(
        FocusGroup.status == GroupStatus.ACTIVE, FocusGroup.ends_at > now
    )
    if survey_id is not None:
        statement = statement.where(FocusGroup.survey_id == survey_id)
    statement = statement.order_by(FocusGroup.starts_at, FocusGroup.id)
    if limit:
        statement = statement.limit(limit)
    return list(db.session.scalars(statement))


def purge_personal_data(retention_days: int, now: datetime | None = None) -> int:
    """Erase contact details of sign-ups to sessions that ended over ``retention_days`` ago."""
    cutoff = (now or utcnow()) - timedelta(days=retention_days)
    signups = db.session.scalars(
        select(Signup)
        .join(FocusGroup)
        .where(FocusGroup.ends_at < cutoff, Signup.erased_at.is_(None))
    ).all()
    for signup in signups:
        erase_signup(signup, now)
    old_messages = select(Signup.id).join(FocusGroup).where(FocusGroup.ends_at < cutoff)
    db.session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.signup_id.in_(old_messages), OutboxMessage.to.is_not(None))
        .values(to=None)
        .execution_options(synchronize_session=False)
    )
    return len(signups)
