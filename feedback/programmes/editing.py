"""Creating and changing programmes and their indicators, with the rules they must follow."""

from __future__ import annotations

from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select

from feedback.extensions import db
from feedback.programmes.models import Indicator, IndicatorSource, Initiative
from feedback.surveys.models import Question, QuestionKind

SCALE_KINDS = (QuestionKind.RATING, QuestionKind.NPS, QuestionKind.NUMBER)


def clean_texts(texts: dict[str, str]) -> dict[str, str]:
    return {code: value.strip() for code, value in texts.items() if value and value.strip()}


def save_initiative(
    initiative: Initiative | None,
    *,
    languages: list[str],
    default_language: str,
    name: dict[str, str],
    description: dict[str, str],
    starts_on: date | None,
) -> Initiative:
    """Create (or change) a programme's languages, name, description and start date."""
    if initiative is None:
        initiative = Initiative()
        db.session.add(initiative)
    initiative.languages = languages
    initiative.default_language = default_language
    initiative.name = clean_texts(name)
    initiative.description = clean_texts(description)
    initiative.starts_on = starts_on
    return initiative


def check_indicator_source(
    source: IndicatorSource,
    survey_id: int | None,
    question_code: str | None,
    choice_codes: list[str],
    linked_survey_ids: list[int],
) -> list[tuple[str, str]]:
    """Errors (field, message) when the source's survey, question or answer codes do not fit."""
    errors = []
    if survey_id is not None and survey_id not in linked_survey_ids:
        errors.append(("survey_id", _("Link the survey to the programme first")))
    if source not in (IndicatorSource.CHOICE_SHARE, IndicatorSource.SCALE_MEAN):
        return errors
    if survey_id is None:
        return [*errors, ("survey_id", _("Choose the survey the question is in"))]
    question = db.session.scalars(
        select(Question).where(Question.survey_id == survey_id, Question.code == question_code)
    ).first()
    if question is None:
        return [*errors, ("question_code", _("Enter the code of a question of that survey"))]
    if source == IndicatorSource.SCALE_MEAN and question.kind not in SCALE_KINDS:
        errors.append(("question_code", _("Choose a rating, 0–10 or number question")))
    if source == IndicatorSource.CHOICE_SHARE:
        if question.kind.has_choices:
            known = {c.code for c in question.choices}
        elif question.kind == QuestionKind.YESNO:
            known = {"yes", "no"}
        else:
            known = set()
            errors.append(("question_code", _("Choose a choice or yes/no question")))
        if known and (not choice_codes or set(choice_codes) - known):
            errors.append(
                (
                    "choice_codes",
                    _(
                        "Enter answer codes of that question: %(codes)s",
                        codes=", ".join(sorted(known)),
                    ),
                )
            )
    return errors


def save_indicator(
    initiative: Initiative,
    indicator: Indicator | None,
    *,
    label: dict[str, str],
    unit: dict[str, str],
    source: IndicatorSource,
    target: float,
    baseline: float,
    starts_on: date,
    due_on: date,
    survey_id: int | None,
    question_code: str | None,
    choice_codes: list[str],
) -> Indicator:
    """Create (or change) an indicator of a programme (check its source first)."""
    if indicator is None:
        indicator = Indicator(initiative=initiative, position=len(initiative.indicators) + 1)
        db.session.add(indicator)
    indicator.label = clean_texts(label)
    indicator.unit = clean_texts(unit)
    indicator.source = source
    indicator.target = target
    indicator.baseline = baseline
    indicator.starts_on = starts_on
    indicator.due_on = due_on
    indicator.survey_id = survey_id
    indicator.question_code = question_code or None
    indicator.choice_codes = choice_codes
    return indicator
