"""Programmes and their indicators: current values, progress against target and against time.

Pass ``today`` in (views pass the current date) so that progress can be tested on fixed dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import distinct, func, select

from feedback.answering.models import Answer, Response
from feedback.extensions import db
from feedback.programmes.models import (
    Indicator,
    IndicatorSource,
    IndicatorValue,
    Initiative,
    InitiativeFocusGroup,
    InitiativeSurvey,
)
from feedback.surveys.models import Choice, Question, QuestionKind, Survey


@dataclass(frozen=True)
class Progress:
    """Where an indicator stands on a given day."""

    indicator: Indicator
    current: float | None
    expected: float
    #: "achieved", "on_track", "behind" or "no_data"
    status: str
    #: Share of the way from baseline to target, 0 to 100 (capped), for a progress bar.
    percent_of_target: int
    note: str = ""


def list_initiatives() -> list[Initiative]:
    return list(db.session.scalars(select(Initiative).order_by(Initiative.id)))


def linked_survey_ids(initiative: Initiative) -> list[int]:
    return [link.survey_id for link in initiative.survey_links]


def linked_surveys(initiative: Initiative) -> list[Survey]:
    ids = linked_survey_ids(initiative)
    if not ids:
        return []
    return list(db.session.scalars(select(Survey).where(Survey.id.in_(ids)).order_by(Survey.id)))


def initiatives_of_survey(survey: Survey) -> list[Initiative]:
    """The programmes a survey belongs to."""
    return list(
        db.session.scalars(
            select(Initiative)
            .join(InitiativeSurvey, InitiativeSurvey.initiative_id == Initiative.id)
            .where(InitiativeSurvey.survey_id == survey.id)
            .order_by(Initiative.id)
        )
    )


def set_linked_surveys(initiative: Initiative, survey_ids: set[int]) -> None:
    """Link exactly these surveys to the programme."""
    current = {link.survey_id: link for link in initiative.survey_links}
    for survey_id, link in current.items():
        if survey_id not in survey_ids:
            initiative.survey_links.remove(link)
    for survey_id in sorted(survey_ids - set(current)):
        initiative.survey_links.append(InitiativeSurvey(survey_id=survey_id))


def set_linked_focus_groups(initiative: Initiative, focus_group_ids: set[int]) -> None:
    """Link exactly these focus-group sessions (by id) to the programme."""
    current = {link.focus_group_id: link for link in initiative.focus_group_links}
    for group_id, link in current.items():
        if group_id not in focus_group_ids:
            initiative.focus_group_links.remove(link)
    for group_id in sorted(focus_group_ids - set(current)):
        initiative.focus_group_links.append(InitiativeFocusGroup(focus_group_id=group_id))


def _question(indicator: Indicator) -> Question | None:
    if indicator.survey_id is None or not indicator.question_code:
        return None
    return db.session.scalars(
        select(Question).where(
            Question.survey_id == indicator.survey_id, Question.code == indicator.question_code
        )
    ).first()


def _responses_count(indicator: Indicator) -> float:
    ids = [indicator.survey_id] if indicator.survey_id else linked_survey_ids(indicator.initiative)
    if not ids:
        return 0.0
    return float(
        db.session.scalar(
            select(func.count()).select_from(Response).where(Response.survey_id.in_(ids))
        )
    )


def _choice_share(indicator: Indicator) -> float | None:
    """Per cent of the people who answered the question whose answer is one of the codes."""
    question = _question(indicator)
    if question is None:
        return None
    answered = db.session.scalar(
        select(func.count(distinct(Answer.response_id))).where(Answer.question_id == question.id)
    )
    if not answered:
        return None
    codes = list(indicator.choice_codes or [])
    matching = select(func.count(distinct(Answer.response_id))).where(
        Answer.question_id == question.id
    )
    if question.kind.has_choices:
        matching = matching.join(Choice, Answer.choice_id == Choice.id).where(
            Choice.code.in_(codes)
        )
    else:
        matching = matching.where(Answer.text.in_(codes))
    return 100.0 * db.session.scalar(matching) / answered


def _scale_mean(indicator: Indicator) -> float | None:
    question = _question(indicator)
    if question is None or question.kind not in (
        QuestionKind.RATING,
        QuestionKind.NPS,
        QuestionKind.NUMBER,
    ):
        return None
    value = db.session.scalar(
        select(func.avg(Answer.number)).where(Answer.question_id == question.id)
    )
    return float(value) if value is not None else None


def focus_group_attendance(initiative: Initiative) -> float:
    """People marked as attended at the programme's focus-group sessions."""
    from feedback.focus_groups.models import Signup, SignupStatus

    ids = [link.focus_group_id for link in initiative.focus_group_links]
    if not ids:
        return 0.0
    count = db.session.scalar(
        select(func.count())
        .select_from(Signup)
        .where(Signup.focus_group_id.in_(ids), Signup.status == SignupStatus.ATTENDED)
    )
    return float(count)


def _manual(indicator: Indicator) -> float | None:
    latest = db.session.scalars(
        select(IndicatorValue)
        .where(IndicatorValue.indicator_id == indicator.id)
        .order_by(IndicatorValue.recorded_on.desc(), IndicatorValue.id.desc())
    ).first()
    return latest.value if latest else None


def current_value(indicator: Indicator) -> tuple[float | None, str]:
    """The indicator's value now, from its source, and a note when it cannot be computed."""
    source = indicator.source
    if source == IndicatorSource.RESPONSES_COUNT:
        return _responses_count(indicator), ""
    if source == IndicatorSource.CHOICE_SHARE:
        return _choice_share(indicator), ""
    if source == IndicatorSource.SCALE_MEAN:
        return _scale_mean(indicator), ""
    if source == IndicatorSource.FOCUS_GROUP_ATTENDANCE:
        return focus_group_attendance(indicator.initiative), ""
    return _manual(indicator), ""


def expected_value(indicator: Indicator, today: date) -> float:
    """The value expected on ``today`` with steady progress from baseline to target."""
    baseline = indicator.baseline or 0.0
    span = (indicator.due_on - indicator.starts_on).days
    if span <= 0:
        return indicator.target if today >= indicator.due_on else baseline
    elapsed = min(max((today - indicator.starts_on).days, 0), span)
    return baseline + (indicator.target - baseline) * elapsed / span


def progress(indicator: Indicator, today: date) -> Progress:
    """Current value, expected value and status ("achieved", "on_track", "behind", "no_data").

    A target below the baseline (a number to bring down) compares the other way round.
    """
    current, note = current_value(indicator)
    expected = expected_value(indicator, today)
    baseline = indicator.baseline or 0.0
    if current is None:
        return Progress(indicator, None, expected, "no_data", 0, note)
    rising = indicator.target >= baseline
    sign = 1 if rising else -1
    if sign * (current - indicator.target) >= 0:
        status = "achieved"
    elif sign * (current - expected) >= 0:
        status = "on_track"
    else:
        status = "behind"
    distance = indicator.target - baseline
    share = 100.0 if distance == 0 else 100.0 * (current - baseline) / distance
    return Progress(indicator, current, expected, status, int(max(0.0, min(share, 100.0))), note)


def programme_progress(initiative: Initiative, today: date) -> list[Progress]:
    return [progress(indicator, today) for indicator in initiative.indicators]


def add_value(indicator: Indicator, value: float, recorded_on: date, note: str, user=None):
    """Record a value by hand for a manual indicator."""
    row = IndicatorValue(
        indicator_id=indicator.id,
        value=value,
        recorded_on=recorded_on,
        note=(note or "").strip(),
        entered_by_id=user.id if user is not None else None,
    )
    db.session.add(row)
    return row
