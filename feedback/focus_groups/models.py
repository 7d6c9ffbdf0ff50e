"""Focus groups: sessions with seats, residents' sign-ups and the outbox of messages.

Sign-ups hold personal data (name, e-mail, phone, access needs): shown only to
facilitators, erased after the retention period or at once by the resident's own link.
"""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.dbtypes import UTCDateTime, enum_type
from feedback.extensions import db
from feedback.timeutil import utcnow

Texts = dict[str, str]


class GroupStatus(enum.StrEnum):
    ACTIVE = "active"
    CANCELLED = "cancelled"


class SignupStatus(enum.StrEnum):
    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"
    CANCELLED = "cancelled"
    ATTENDED = "attended"
    NO_SHOW = "no_show"


#: Statuses that hold a seat (``FocusGroup.seats_taken`` counts exactly these).
SEATED = (SignupStatus.CONFIRMED, SignupStatus.ATTENDED, SignupStatus.NO_SHOW)


class MessageKind(enum.StrEnum):
    CONFIRMATION = "confirmation"
    WAITLIST = "waitlist"
    PROMOTION = "promotion"
    CANCELLATION = "cancellation"
    REMINDER = "reminder"
    SESSION_CANCELLED = "session_cancelled"


class FocusGroup(db.Model):
    """One discussion session with a fixed number of seats."""

    __tablename__ = "focus_group"
    __table_args__ = (
        sa.CheckConstraint("seats_taken <= capacity", name="seats_within_capacity"),
        sa.CheckConstraint("seats_taken >= 0", name="seats_not_negative"),
        sa.CheckConstraint("capacity >= 0", name="capacity_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Content per language, like surveys' texts: ``{"en": "...", "sr": "..."}``.
    title: Mapped[Texts] = mapped_column(sa.JSON, default=dict)
    description: Mapped[Texts] = mapped_column(sa.JSON, default=dict)
    #: Accessibility information per language (step-free access, hearing loop...).
    accessibility: Mapped[Texts] = mapped_column(sa.JSON, default=dict)
    default_language: Mapped[str] = mapped_column(sa.String(8), default="en")
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    place: Mapped[str] = mapped_column(sa.String(300), default="")
    online_url: Mapped[str] = mapped_column(sa.String(500), default="")
    #: Languages the session is held in (codes).
    languages: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    interpretation_offered: Mapped[bool] = mapped_column(default=False)
    childcare_offered: Mapped[bool] = mapped_column(default=False)
    capacity: Mapped[int] = mapped_column(default=10)
    #: Seats held by confirmed, attended and no-show sign-ups; changed only by conditional
    #: UPDATEs in :mod:`feedback.focus_groups.services`, never read-then-written.
    seats_taken: Mapped[int] = mapped_column(default=0)
    waitlist_enabled: Mapped[bool] = mapped_column(default=True)
    signup_closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    survey_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("survey.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[GroupStatus] = mapped_column(enum_type(GroupStatus), default=GroupStatus.ACTIVE)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    signups: Mapped[list[Signup]] = relationship(
        back_populates="focus_group", order_by="Signup.id", cascade="all, delete-orphan"
    )

    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.seats_taken, 0)

    def signup_open(self, now: datetime | None = None) -> bool:
        """Whether residents may still sign up (active, not started, before the closing time)."""
        now = now or utcnow()
        if self.status != GroupStatus.ACTIVE or self.starts_at <= now:
            return False
        return self.signup_closes_at is None or now < self.signup_closes_at


class Signup(db.Model):
    """A resident's seat or waitlist place in one session."""

    __tablename__ = "focus_group_signup"
    __table_args__ = (
        # One sign-up per person and session, whichever contact detail they give.
        sa.UniqueConstraint("focus_group_id", "email_key", name="uq_signup_group_email"),
        sa.UniqueConstraint("focus_group_id", "phone_key", name="uq_signup_group_phone"),
        sa.Index("ix_signup_group_status", "focus_group_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    focus_group_id: Mapped[int] = mapped_column(sa.ForeignKey("focus_group.id", ondelete="CASCADE"))
    #: Random secret for /focus-groups/signup/<token>; it is the resident's only key.
    token: Mapped[str] = mapped_column(sa.String(64), unique=True)
    name: Mapped[str | None] = mapped_column(sa.String(200))
    email: Mapped[str | None] = mapped_column(sa.String(254))
    phone: Mapped[str | None] = mapped_column(sa.String(40))
    #: Normalised contact details (lower-case e-mail, digits of the phone) for the unique keys;
    #: emptied on erasure so the person may sign up again.
    email_key: Mapped[str | None] = mapped_column(sa.String(254))
    phone_key: Mapped[str | None] = mapped_column(sa.String(40))
    #: Language for messages (an interface language).
    language: Mapped[str] = mapped_column(sa.String(8), default="en")
    access_needs: Mapped[str | None] = mapped_column(sa.Text)
    consent: Mapped[bool] = mapped_column(default=False)
    consented_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    status: Mapped[SignupStatus] = mapped_column(enum_type(SignupStatus))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    checked_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    focus_group: Mapped[FocusGroup] = relationship(back_populates="signups")


class OutboxMessage(db.Model):
    """Every message to a resident, sent by SMTP when configured, else written to the log."""

    __tablename__ = "focus_group_outbox"
    __table_args__ = (
        # Each kind reaches a sign-up at most once: above all, never two reminders.
        sa.UniqueConstraint("signup_id", "kind", name="uq_outbox_signup_kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    signup_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("focus_group_signup.id", ondelete="SET NULL")
    )
    #: The e-mail address; empty when the person gave only a phone number (staff call them).
    to: Mapped[str | None] = mapped_column(sa.String(254))
    language: Mapped[str] = mapped_column(sa.String(8))
    kind: Mapped[MessageKind] = mapped_column(enum_type(MessageKind, length=24))
    subject: Mapped[str] = mapped_column(sa.String(300))
    body: Mapped[str] = mapped_column(sa.Text)
    ics: Mapped[str | None] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: Set when claimed for sending; cleared again if sending failed.
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    #: ``smtp``, ``log`` (no mail server configured) or ``none`` (no address to send to).
    sent_via: Mapped[str | None] = mapped_column(sa.String(8))
    error: Mapped[str | None] = mapped_column(sa.Text)
