"""A survey, its sections, questions and choices. Texts are stored per language as JSON
mappings ``{"en": "...", "sq": "..."}``: they are content, edited by facilitators."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.dbtypes import UTCDateTime, enum_type
from feedback.extensions import db
from feedback.timeutil import utcnow

Texts = dict[str, str]


class SurveyStatus(enum.StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"


class QuestionKind(enum.StrEnum):
    SINGLE = "single"
    MULTIPLE = "multiple"
    RATING = "rating"
    NPS = "nps"
    YESNO = "yesno"
    NUMBER = "number"
    SHORT_TEXT = "short_text"
    LONG_TEXT = "long_text"
    DATE = "date"

    @property
    def has_choices(self) -> bool:
        return self in (QuestionKind.SINGLE, QuestionKind.MULTIPLE)


class ShowIfOperator(enum.StrEnum):
    EQUALS = "equals"
    ONE_OF = "one_of"
    NOT_EQUALS = "not_equals"


class Survey(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    #: Stable public address part: /s/<slug>. Printed on posters, so it never changes once open.
    slug: Mapped[str] = mapped_column(sa.String(80), unique=True)
    status: Mapped[SurveyStatus] = mapped_column(
        enum_type(SurveyStatus), default=SurveyStatus.DRAFT
    )
    default_language: Mapped[str] = mapped_column(sa.String(8), default="en")
    #: Every language the survey is offered in, default first.
    languages: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    title: Mapped[Texts] = mapped_column(sa.JSON, default=dict)
    introduction: Mapped[Texts] = mapped_column(sa.JSON, default=dict)
    thank_you: Mapped[Texts] = mapped_column(sa.JSON, default=dict)
    opens_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    results_public: Mapped[bool] = mapped_column(default=False)
    #: Counts below this are never shown in breakdowns or anything public.
    min_group_size: Mapped[int] = mapped_column(default=5)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    sections: Mapped[list[Section]] = relationship(
        back_populates="survey", order_by="Section.position", cascade="all, delete-orphan"
    )
    questions: Mapped[list[Question]] = relationship(
        back_populates="survey", order_by="Question.position", cascade="all, delete-orphan"
    )

    def availability(self, now: datetime | None = None) -> str:
        """``open``, ``draft``, ``scheduled`` (not yet open) or ``closed``, by status and dates."""
        now = now or utcnow()
        if self.status == SurveyStatus.DRAFT:
            return "draft"
        if self.status == SurveyStatus.CLOSED:
            return "closed"
        if self.opens_at and now < self.opens_at:
            return "scheduled"
        if self.closes_at and now >= self.closes_at:
            return "closed"
        return "open"

    def __repr__(self) -> str:
        return f"<Survey {self.slug}>"


class Section(db.Model):
    """One screen of a survey. Every survey has at least one."""

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[Texts] = mapped_column(sa.JSON, default=dict)
    description: Mapped[Texts] = mapped_column(sa.JSON, default=dict)

    survey: Mapped[Survey] = relationship(back_populates="sections")
    questions: Mapped[list[Question]] = relationship(
        back_populates="section", order_by="Question.position"
    )


class Question(db.Model):
    __table_args__ = (sa.UniqueConstraint("survey_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey.id", ondelete="CASCADE"), index=True
    )
    section_id: Mapped[int] = mapped_column(
        sa.ForeignKey("section.id", ondelete="CASCADE"), index=True
    )
    #: Order within the whole survey (sections are ordered too; this orders across them).
    position: Mapped[int] = mapped_column(default=0)
    #: Stable identifier used in exports and the API; never shown to residents.
    code: Mapped[str] = mapped_column(sa.String(64))
    kind: Mapped[QuestionKind] = mapped_column(enum_type(QuestionKind))
    required: Mapped[bool] = mapped_column(default=False)
    #: Segment questions (neighbourhood, age band...) are used to break results down.
    is_segment: Mapped[bool] = mapped_column(default=False)
    text: Mapped[Texts] = mapped_column(sa.JSON, default=dict)
    hint: Mapped[Texts] = mapped_column(sa.JSON, default=dict)
    #: Rating scale ends, number range.
    min_value: Mapped[float | None] = mapped_column(sa.Float)
    max_value: Mapped[float | None] = mapped_column(sa.Float)
    #: Numbers: whole numbers only?
    whole_number: Mapped[bool] = mapped_column(default=True)
    #: Multiple choice: how many picks are allowed.
    min_choices: Mapped[int | None] = mapped_column()
    max_choices: Mapped[int | None] = mapped_column()
    #: Text: the longest answer accepted, in characters.
    max_length: Mapped[int | None] = mapped_column()
    low_label: Mapped[Texts] = mapped_column(sa.JSON, default=dict)
    high_label: Mapped[Texts] = mapped_column(sa.JSON, default=dict)
    #: Show only when an earlier question's answer matches.
    show_if_question_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("question.id", ondelete="SET NULL")
    )
    show_if_operator: Mapped[ShowIfOperator | None] = mapped_column(enum_type(ShowIfOperator))
    #: Choice codes (or "yes"/"no") the earlier answer is compared with.
    show_if_values: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    #: Removed questions keep their answers for reports and exports.
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    survey: Mapped[Survey] = relationship(back_populates="questions")
    section: Mapped[Section] = relationship(back_populates="questions")
    choices: Mapped[list[Choice]] = relationship(
        back_populates="question", order_by="Choice.position", cascade="all, delete-orphan"
    )
    show_if_question: Mapped[Question | None] = relationship(remote_side=[id])

    @property
    def active_choices(self) -> list[Choice]:
        return [c for c in self.choices if c.removed_at is None]

    def __repr__(self) -> str:
        return f"<Question {self.code} {self.kind}>"


class Choice(db.Model):
    __table_args__ = (sa.UniqueConstraint("question_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(
        sa.ForeignKey("question.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    code: Mapped[str] = mapped_column(sa.String(64))
    label: Mapped[Texts] = mapped_column(sa.JSON, default=dict)
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    question: Mapped[Question] = relationship(back_populates="choices")
