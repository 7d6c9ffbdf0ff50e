"""Storing a survey read from an XLSForm: a free slug, check rows, the audit trail."""

from __future__ import annotations

from sqlalchemy import select

from feedback.audit.services import record
from feedback.extensions import db
from feedback.surveys.definition import build_survey
from feedback.surveys.models import Survey
from feedback.translating.services import record_baseline


def available_slug(slug: str) -> str:
    """``slug``, or ``slug-2``, ``slug-3``... whichever no survey uses yet."""
    taken = set(db.session.scalars(select(Survey.slug).where(Survey.slug.like(f"{slug[:70]}%"))))
    if slug not in taken:
        return slug
    number = 2
    while f"{slug[:70]}-{number}" in taken:
        number += 1
    return f"{slug[:70]}-{number}"


def store_survey(definition: dict, user=None, filename: str = "") -> Survey:
    """Build and add a draft survey from an imported definition (the caller commits).

    Its translations count as reviewed from now on: a later change of a default-language text
    marks them "needs review".
    """
    definition = {**definition, "slug": available_slug(definition["slug"]), "status": "draft"}
    survey = build_survey(definition)
    db.session.add(survey)
    db.session.flush()
    record_baseline(survey)
    record("survey.imported", "survey", survey.id, user, source="xlsform", filename=filename)
    return survey
