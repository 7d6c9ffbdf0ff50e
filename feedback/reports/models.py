"""Running tallies behind the evaluation summary.

Every stored response adds 1 to a handful of counters, keyed by what a summary, a filter or a
breakdown needs: the question and answer key, the day and language of the response, and (in
a second table) each segment answer it gave ("riverside"). Summaries are then sums over a
bounded number of counter rows, whatever the number of responses; ``recount`` rebuilds them
from the answers.
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
    """How many responses of one day and language gave one answer key to one question."""

    __tablename__ = "report_tally"
    __table_args__ = (
        sa.UniqueConstraint(
            "survey_id",
            "question_id",
            "answer_key",
            "day",
            "language",
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
    count: Mapped[int] = mapped_column(default=0)


class ReportSegmentTally(db.Model):
    """The same counts, for the responses that gave one answer to one segment question:
    what filters by a segment answer and breakdowns by a segment question read."""

    __tablename__ = "report_segment_tally"
    __table_args__ = (
        # Question before choice: a breakdown reads one question across every choice.
        sa.UniqueConstraint(
            "survey_id",
            "segment_id",
            "question_id",
            "segment_choice_id",
            "answer_key",
            "day",
            "language",
            name="uq_report_segment_tally_key",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(sa.ForeignKey("survey.id", ondelete="CASCADE"))
    #: The segment question and the choice the response gave to it.
    segment_id: Mapped[int] = mapped_column()
    segment_choice_id: Mapped[int] = mapped_column()
    question_id: Mapped[int] = mapped_column()
    answer_key: Mapped[str] = mapped_column(sa.String(80))
    day: Mapped[date] = mapped_column(sa.Date)
    language: Mapped[str] = mapped_column(sa.String(8))
    count: Mapped[int] = mapped_column(default=0)


class ReportState(db.Model):
    """The segment questions the tallies of a survey were built with; a change means a recount."""

    __tablename__ = "report_state"

    survey_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey.id", ondelete="CASCADE"), primary_key=True
    )
    #: Sorted segment question ids, comma-separated.
    segments: Mapped[str] = mapped_column(sa.String(400), default="")
