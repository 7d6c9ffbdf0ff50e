"""Moderation of open texts, community review, findings and actions, and what a survey publishes.

Texts written by residents (open-text answers and review comments) are never public until a
facilitator approves them; a redacted copy may replace the original on public pages while the
original stays for officials."""

from __future__ import annotations

import enum
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.dbtypes import UTCDateTime, enum_type
from feedback.extensions import db
from feedback.timeutil import utcnow

Texts = dict[str, str]


class ReviewStatus(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    HIDDEN = "hidden"


class Verdict(enum.StrEnum):
    """A resident's answer to "does this summary reflect your experience?"."""

    YES = "yes"
    PARTLY = "partly"
    NO = "no"


class ActionStatus(enum.StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class TextReview(db.Model):
    """The moderation decision on one open-text answer. No row means "pending"."""

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(
        sa.ForeignKey("answer.id", ondelete="CASCADE"), unique=True
    )
    survey_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[ReviewStatus] = mapped_column(
        enum_type(ReviewStatus), default=ReviewStatus.PENDING
    )
    #: The copy shown publicly instead of the original (which officials still see).
    redacted_text: Mapped[str | None] = mapped_column(sa.Text)
    #: Personal data found automatically in the original: ["email", "phone", "name"].
    flags: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    #: Featured on the public results page (only ever when approved).
    featured: Mapped[bool] = mapped_column(default=False)
    reviewed_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user.id", ondelete="SET NULL")
    )
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class CommunityComment(db.Model):
    """A resident's comment on the published summary; moderated like an open-text answer."""

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(sa.Text)
    language: Mapped[str] = mapped_column(sa.String(8))
    status: Mapped[ReviewStatus] = mapped_column(
        enum_type(ReviewStatus), default=ReviewStatus.PENDING
    )
    redacted_text: Mapped[str | None] = mapped_column(sa.Text)
    flags: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    reviewed_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user.id", ondelete="SET NULL")
    )
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ReviewVote(db.Model):
    """One browser's verdict on one survey's summary, keyed by a hash of a random cookie."""

    __table_args__ = (sa.UniqueConstraint("survey_id", "token_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey.id", ondelete="CASCADE"), index=True
    )
    #: SHA-256 of the browser's token: the token itself is never stored.
    token_hash: Mapped[str] = mapped_column(sa.String(64))
    verdict: Mapped[Verdict] = mapped_column(enum_type(Verdict))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Publication(db.Model):
    """What the public results page of a survey shows (on/off is ``Survey.results_public``)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey.id", ondelete="CASCADE"), unique=True
    )
    #: Ids of the questions whose results are published, in survey order when shown.
    question_ids: Mapped[list[int]] = mapped_column(sa.JSON, default=list)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Finding(db.Model):
    """ "You said": what came out of the feedback, linked to its evidence."""

    __table_args__ = (
        sa.CheckConstraint(
            "(survey_id IS NOT NULL) OR (initiative_id IS NOT NULL)", name="has_subject"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("survey.id", ondelete="CASCADE"), index=True
    )
    initiative_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("initiative.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[Texts] = mapped_column(sa.JSON, default=dict)
    #: The question the finding rests on, and optionally the segment it is broken down by.
    evidence_code: Mapped[str | None] = mapped_column(sa.String(64))
    evidence_by: Mapped[str | None] = mapped_column(sa.String(64))
    position: Mapped[int] = mapped_column(default=0)
    published: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    actions: Mapped[list[Action]] = relationship(
        back_populates="finding",
        order_by="Action.id",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class Action(db.Model):
    """ "We did": what a department or team does about a finding."""

    id: Mapped[int] = mapped_column(primary_key=True)
    finding_id: Mapped[int] = mapped_column(
        sa.ForeignKey("finding.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[Texts] = mapped_column(sa.JSON, default=dict)
    #: A department or team, never a resident.
    owner: Mapped[str] = mapped_column(sa.String(200))
    status: Mapped[ActionStatus] = mapped_column(
        enum_type(ActionStatus), default=ActionStatus.PLANNED
    )
    due_on: Mapped[date | None] = mapped_column(sa.Date)
    done_on: Mapped[date | None] = mapped_column(sa.Date)

    finding: Mapped[Finding] = relationship(back_populates="actions")
