"""Programmes (initiatives) grouping surveys and focus groups, and their indicators (KPIs)."""

from __future__ import annotations

import enum
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.dbtypes import UTCDateTime, enum_type
from feedback.extensions import db
from feedback.timeutil import utcnow

Texts = dict[str, str]


class IndicatorSource(enum.StrEnum):
    """Where an indicator's current value comes from."""

    RESPONSES_COUNT = "responses_count"
    CHOICE_SHARE = "choice_share"
    SCALE_MEAN = "scale_mean"
    FOCUS_GROUP_ATTENDANCE = "focus_group_attendance"
    MANUAL = "manual"


class Initiative(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    #: Languages the programme's texts are written in, default first.
    languages: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    default_language: Mapped[str] = mapped_column(sa.String(8), default="en")
    name: Mapped[Texts] = mapped_column(sa.JSON, default=dict)
    description: Mapped[Texts] = mapped_column(sa.JSON, default=dict)
    starts_on: Mapped[date | None] = mapped_column(sa.Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    indicators: Mapped[list[Indicator]] = relationship(
        back_populates="initiative",
        order_by="Indicator.position, Indicator.id",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    survey_links: Mapped[list[InitiativeSurvey]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    focus_group_links: Mapped[list[InitiativeFocusGroup]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class InitiativeSurvey(db.Model):
    __table_args__ = (sa.UniqueConstraint("initiative_id", "survey_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(
        sa.ForeignKey("initiative.id", ondelete="CASCADE"), index=True
    )
    survey_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey.id", ondelete="CASCADE"), index=True
    )


class InitiativeFocusGroup(db.Model):
    """A focus-group session of the programme."""

    __table_args__ = (sa.UniqueConstraint("initiative_id", "focus_group_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(
        sa.ForeignKey("initiative.id", ondelete="CASCADE"), index=True
    )
    focus_group_id: Mapped[int] = mapped_column(
        sa.ForeignKey("focus_group.id", ondelete="CASCADE"), index=True
    )


class Indicator(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(
        sa.ForeignKey("initiative.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    label: Mapped[Texts] = mapped_column(sa.JSON, default=dict)
    #: "residents", "%"... per language.
    unit: Mapped[Texts] = mapped_column(sa.JSON, default=dict)
    target: Mapped[float] = mapped_column(sa.Float)
    #: The value at the start; progress is expected to run steadily from it to the target.
    baseline: Mapped[float] = mapped_column(sa.Float, default=0.0)
    starts_on: Mapped[date] = mapped_column(sa.Date)
    due_on: Mapped[date] = mapped_column(sa.Date)
    source: Mapped[IndicatorSource] = mapped_column(enum_type(IndicatorSource, 32))
    #: For choice_share and scale_mean: the survey and question code; for responses_count an
    #: optional survey (otherwise every linked survey counts).
    survey_id: Mapped[int | None] = mapped_column(sa.ForeignKey("survey.id", ondelete="SET NULL"))
    question_code: Mapped[str | None] = mapped_column(sa.String(64))
    #: For choice_share: the choice codes (or "yes"/"no") counted as the share.
    choice_codes: Mapped[list[str]] = mapped_column(sa.JSON, default=list)

    initiative: Mapped[Initiative] = relationship(back_populates="indicators")
    values: Mapped[list[IndicatorValue]] = relationship(
        order_by="IndicatorValue.recorded_on, IndicatorValue.id",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class IndicatorValue(db.Model):
    """A value entered by hand for a manual indicator."""

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(
        sa.ForeignKey("indicator.id", ondelete="CASCADE"), index=True
    )
    value: Mapped[float] = mapped_column(sa.Float)
    recorded_on: Mapped[date] = mapped_column(sa.Date)
    note: Mapped[str] = mapped_column(sa.Text, default="")
    entered_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
