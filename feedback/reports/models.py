"""Running tallies behind the evaluation summary.

Every stored response adds 1 to a handful of counters, keyed by what a summary, a filter or a
breakdown needs: the day and language of the response, its *profile* (the segment answers it
gave, e.g. "north"), the question and the answer key. Summaries are then sums over a few
thousand counter rows, whatever the number of responses; ``recount`` rebuilds them from the
answers.
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from feedback.extensions import db

#: ``question_id`` of the counter that counts responses themselves.
RESPONSES = 0
#: Answer key of "this question was answered" (the base of percentages).
ANSWERED = "*"


class ReportTally(db.Model):
    """How many responses of one day, language and profile gave one answer key."""

    __tablename__ = "report_tally"
    __table_args__ = (
        sa.UniqueConstraint(
            "survey_id",
            "question_id",
            "answer_key",
            "day",
            "language",
            "profile",
            name="uq_report_tally_key",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(sa.ForeignKey("survey.id", ondelete="CASCADE"))
    #: 0 counts responses; otherwise a question id (no foreign key: 0 is not a question).
    question_id: Mapped[int] = mapped_column()
    #: ``*`` answered, ``c<choice id>``, ``yes``/``no``, ``n<number>``, or empty for responses.
    answer_key: Mapped[str] = mapped_column(sa.String(80))
    #: UTC day the response was stored.
    day: Mapped[date] = mapped_column(sa.Date)
    language: Mapped[str] = mapped_column(sa.String(8))
    #: The response's segment answers: sorted ``<question id>:<choice id>`` joined by commas.
    profile: Mapped[str] = mapped_column(sa.String(400), default="")
    count: Mapped[int] = mapped_column(default=0)


class ReportProfileChoice(db.Model):
    """Which segment answers a profile holds, so filters and breakdowns can join on them."""

    __tablename__ = "report_profile_choice"
    __table_args__ = (
        sa.UniqueConstraint("survey_id", "profile", "question_id", "choice_id"),
        sa.Index("ix_report_profile_choice_segment", "survey_id", "question_id", "choice_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(sa.ForeignKey("survey.id", ondelete="CASCADE"))
    profile: Mapped[str] = mapped_column(sa.String(400))
    question_id: Mapped[int] = mapped_column()
    choice_id: Mapped[int] = mapped_column()


class ReportState(db.Model):
    """The segment questions the tallies of a survey were built with; a change means a recount."""

    __tablename__ = "report_state"

    survey_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey.id", ondelete="CASCADE"), primary_key=True
    )
    #: Sorted segment question ids, comma-separated.
    segments: Mapped[str] = mapped_column(sa.String(400), default="")
