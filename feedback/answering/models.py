"""Responses and their answers (one row per answer), and drafts kept while a resident answers.

No name, e-mail or IP address is ever stored here."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.dbtypes import UTCDateTime
from feedback.extensions import db
from feedback.timeutil import utcnow


class Response(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(sa.ForeignKey("survey.id", ondelete="CASCADE"))
    #: Random key carried by the form: the same submission arriving twice is stored once.
    submission_key: Mapped[str] = mapped_column(sa.String(64), unique=True)
    language: Mapped[str] = mapped_column(sa.String(8))
    #: How the response arrived: "web", "paper" (typed in), "api"...
    channel: Mapped[str] = mapped_column(sa.String(16), default="web")
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    answers: Mapped[list[Answer]] = relationship(
        back_populates="response", cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (sa.Index("ix_response_survey_submitted", "survey_id", "submitted_at"),)


class Answer(db.Model):
    """One answer: a chosen option (one row per option for multiple choice), a number, a text
    or a date."""

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        sa.ForeignKey("response.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[int] = mapped_column(sa.ForeignKey("question.id", ondelete="CASCADE"))
    choice_id: Mapped[int | None] = mapped_column(sa.ForeignKey("choice.id", ondelete="CASCADE"))
    number: Mapped[float | None] = mapped_column(sa.Float)
    text: Mapped[str | None] = mapped_column(sa.Text)
    day: Mapped[date | None] = mapped_column(sa.Date)

    response: Mapped[Response] = relationship(back_populates="answers")

    __table_args__ = (
        sa.Index("ix_answer_question_choice", "question_id", "choice_id"),
        sa.Index("ix_answer_question_number", "question_id", "number"),
    )


class Draft(db.Model):
    """Answers in progress, found again by a random token in a cookie."""

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(sa.String(64), unique=True)
    survey_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey.id", ondelete="CASCADE"), index=True
    )
    language: Mapped[str] = mapped_column(sa.String(8))
    #: Raw form values by question code (lists of strings), exactly as typed.
    values: Mapped[dict[str, list[str]]] = mapped_column(sa.JSON, default=dict)
    #: Index of the section the resident is on.
    step: Mapped[int] = mapped_column(default=0)
    submission_key: Mapped[str] = mapped_column(sa.String(64))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
