"""Views under /api/v1: surveys, their definitions and summaries, and the OpenAPI document."""

from __future__ import annotations

import math

from flask import Blueprint, jsonify, request, url_for
from sqlalchemy import and_, func, or_, select
from werkzeug.exceptions import HTTPException

from feedback.api import auth, errors, summary
from feedback.api.params import parse_pagination, reject_unknown
from feedback.api.serializers import survey_item
from feedback.extensions import db, limiter
from feedback.surveys.definition import export_survey
from feedback.surveys.models import Survey, SurveyStatus
from feedback.timeutil import utcnow

bp = Blueprint("api", __name__, url_prefix="/api/v1")
limiter.limit(auth.rate_limit, key_func=auth.rate_limit_key)(bp)

#: Seconds a shared cache may keep an answer to an anonymous caller.
PUBLIC_MAX_AGE = 60


@bp.before_request
def _authenticate():
    try:
        auth.authenticate_request()
    except auth.InvalidToken:
        db.session.rollback()
        return errors.error_response(errors.invalid_token())
    if db.session.dirty:  # the token's last use was noted
        db.session.commit()
    return None


@bp.after_request
def _cache_headers(response):
    response.vary.add("Authorization")
    response.vary.add("Accept-Language")
    if request.method in ("GET", "HEAD") and response.status_code == 200:
        if auth.current_token() is None:
            response.cache_control.public = True
            response.cache_control.max_age = PUBLIC_MAX_AGE
        else:
            response.cache_control.private = True
            response.cache_control.no_cache = True
        response.add_etag()
        response.make_conditional(request)
    return response


@bp.errorhandler(errors.ApiError)
def _api_error(error: errors.ApiError):
    return errors.error_response(error)


@bp.errorhandler(HTTPException)
def _http_error(error: HTTPException):
    return errors.http_error_response(error)


def _public_surveys_clause():
    """Surveys anyone may see listed: open now, or closed with published results."""
    now = utcnow()
    open_now = and_(
        Survey.status == SurveyStatus.OPEN,
        or_(Survey.opens_at.is_(None), Survey.opens_at <= now),
        or_(Survey.closes_at.is_(None), Survey.closes_at > now),
    )
    published = and_(Survey.status != SurveyStatus.DRAFT, Survey.results_public.is_(True))
    return or_(open_now, published)


def _page_url(page: int, per_page: int) -> str:
    return url_for("api.list_surveys", page=page, per_page=per_page, _external=True)


@bp.get("/surveys")
def list_surveys():
    """Open surveys (and closed ones with public results); every survey with a token."""
    reject_unknown(request.args, {"page", "per_page"})
    page, per_page = parse_pagination(request.args)
    query = select(Survey)
    if not auth.can_read_everything():
        query = query.where(_public_surveys_clause())
    total = db.session.scalar(select(func.count()).select_from(query.subquery())) or 0
    surveys = db.session.scalars(
        query.order_by(Survey.created_at.desc(), Survey.id.desc())
        .limit(per_page)
        .offset((page - 1) * per_page)
    )
    pages = max(1, math.ceil(total / per_page))
    return jsonify(
        items=[survey_item(s) for s in surveys],
        page=page,
        per_page=per_page,
        total=total,
        pages=pages,
        links={
            "self": _page_url(page, per_page),
            "next": _page_url(page + 1, per_page) if page < pages else None,
            "prev": _page_url(min(page - 1, pages), per_page) if page > 1 else None,
        },
    )


def find_visible_survey(slug: str) -> Survey:
    """The survey with this slug if the caller may see it; drafts only with a token."""
    survey = db.session.scalar(select(Survey).where(Survey.slug == slug))
    if survey is None:
        raise errors.not_found()
    if survey.status == SurveyStatus.DRAFT and not auth.can_read_everything():
        raise errors.not_found()
    return survey


@bp.get("/surveys/<slug>")
def survey_detail(slug: str):
    """The survey's definition in every language (the format of the JSON import)."""
    reject_unknown(request.args, set())
    survey = find_visible_survey(slug)
    return jsonify(export_survey(survey))


@bp.get("/surveys/<slug>/summary")
def survey_summary(slug: str):
    """Aggregated results, small groups always protected; anonymous callers get the published
    questions of surveys whose results are public, unfiltered."""
    from feedback.reports.statistics import summarize
    from feedback.reports.tallies import ensure_current
    from feedback.results.publication import published_questions

    reject_unknown(request.args, set(summary.FILTER_NAMES))
    survey = find_visible_survey(slug)
    reader = auth.can_read_everything()
    if not reader and not survey.results_public:
        raise errors.not_found()
    filters = summary.parse_filters(survey, request.args, allowed=reader)
    if ensure_current(survey):
        db.session.commit()
    # The API always hides small groups (public=True protects them), even for staff tokens:
    # what an integration copies elsewhere should be safe to show.
    figures = summarize(survey, filters, public=True)
    question_ids = None if reader else {q.id for q in published_questions(survey)}
    return jsonify(
        summary.summary_json(survey, figures, filters, public=not reader, question_ids=question_ids)
    )


@bp.get("/openapi.json")
def openapi():
    """The OpenAPI 3.1 description of this API."""
    from feedback.api.openapi import build_document

    return jsonify(build_document(request.host_url.rstrip("/") + bp.url_prefix))
