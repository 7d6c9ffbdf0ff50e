"""Helpers shared by the manage views."""

from __future__ import annotations

from flask import abort
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from feedback.extensions import db
from feedback.surveys.models import Question, Survey


def get_survey(survey_id: int) -> Survey:
    """The survey with its sections, questions and choices, or 404."""
    survey = db.session.scalar(
        select(Survey)
        .where(Survey.id == survey_id)
        .options(
            selectinload(Survey.sections),
            selectinload(Survey.questions).selectinload(Question.choices),
        )
    )
    if survey is None:
        abort(404)
    return survey


def form_error(form, error) -> None:
    """Put a service's message on the form field it names (or on the form)."""
    target = getattr(form, error.field, None) if error.field else None
    if target is not None:
        target.errors = [*list(target.errors or []), error.message]
    else:
        form.form_errors.append(error.message)
