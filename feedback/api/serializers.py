"""Surveys as the API shows them (plain, JSON-ready dicts)."""

from __future__ import annotations

from datetime import datetime

from flask import url_for

from feedback.surveys.models import Survey


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def survey_item(survey: Survey) -> dict:
    """One survey in a listing: its titles in every language, status, dates and links."""
    links = {
        "self": url_for("api.survey_detail", slug=survey.slug, _external=True),
        "summary": url_for("api.survey_summary", slug=survey.slug, _external=True),
        "page": url_for("answering.survey_page", slug=survey.slug, _external=True),
    }
    return {
        "slug": survey.slug,
        "title": dict(survey.title or {}),
        "default_language": survey.default_language,
        "languages": list(survey.languages or []),
        "status": str(survey.status),
        "availability": survey.availability(),
        "opens_at": iso(survey.opens_at),
        "closes_at": iso(survey.closes_at),
        "results_public": bool(survey.results_public),
        "links": links,
    }
