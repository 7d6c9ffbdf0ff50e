"""Views under /reports: the evaluation summary for officials and facilitators."""

from __future__ import annotations

from flask import Blueprint, Response, abort, render_template, request, stream_with_context
from flask_babel import gettext as _
from flask_login import current_user

from feedback.audit.services import record
from feedback.auth.login import role_required
from feedback.auth.models import Role
from feedback.extensions import db
from feedback.i18n import localize, page_language
from feedback.reports import exports, presenting, services
from feedback.reports.forms import FilterForm, SearchForm
from feedback.reports.statistics import LANGUAGE, Filters, breakdown, summarize
from feedback.reports.tallies import ensure_current

bp = Blueprint("reports", __name__, url_prefix="/reports")
STAFF = (Role.OFFICIAL, Role.FACILITATOR)


def _survey(survey_id: int):
    survey = services.load_report_survey(survey_id)
    if survey is None:
        abort(404)
    if ensure_current(survey):
        db.session.commit()
    return survey


def _texts(survey):
    lang = page_language()
    return lambda texts: localize(texts, lang, survey.default_language)


def _filters(survey) -> tuple[FilterForm, Filters]:
    form = FilterForm(formdata=request.args if request.args else None).fill(survey, page_language())
    if request.args:
        form.validate()
    return form, form.filters()


def _by(survey, code: str | None):
    """The segment question (or "language") a breakdown is by; None when unknown."""
    if code == LANGUAGE:
        return LANGUAGE
    for question in survey.questions:
        if question.code == code and question.is_segment and question.kind.has_choices:
            return question
    return None


def _question(survey, code: str):
    for question in survey.questions:
        if question.code == code:
            return question
    return None


@bp.get("/")
@role_required(*STAFF)
def index():
    lang = page_language()
    surveys = [
        (survey, count, localize(survey.title, lang, survey.default_language))
        for survey, count in services.surveys_with_counts()
    ]
    return render_template("reports/index.html", surveys=surveys)


@bp.get("/surveys/<int:survey_id>")
@role_required(*STAFF)
def survey_summary(survey_id: int):
    survey = _survey(survey_id)
    form, filters = _filters(survey)
    summary = summarize(survey, filters)
    crosstab = None
    question = _question(survey, request.args.get("question", ""))
    by = _by(survey, request.args.get("by"))
    if question is not None and by is not None:
        crosstab = breakdown(survey, question, by, filters)
    return render_template(
        "reports/survey.html",
        survey=survey,
        summary=summary,
        form=form,
        filters=filters,
        crosstab=crosstab,
        segments=presenting.segment_choices(survey),
        text=_texts(survey),
        charts=presenting,
        query=request.args.to_dict(),
    )


@bp.get("/surveys/<int:survey_id>/questions/<code>/breakdown")
@role_required(*STAFF)
def question_breakdown(survey_id: int, code: str):
    survey = _survey(survey_id)
    question = _question(survey, code)
    if question is None:
        abort(404)
    form, filters = _filters(survey)
    by = _by(survey, request.args.get("by", LANGUAGE))
    if by is None:
        abort(404)
    return render_template(
        "reports/breakdown.html",
        survey=survey,
        question=question,
        crosstab=breakdown(survey, question, by, filters),
        form=form,
        segments=presenting.segment_choices(survey),
        text=_texts(survey),
        charts=presenting,
        query=request.args.to_dict(),
    )


@bp.get("/surveys/<int:survey_id>/texts")
@role_required(*STAFF)
def texts(survey_id: int):
    survey = _survey(survey_id)
    form = SearchForm(formdata=request.args if request.args else None)
    form.question.choices = [("", _("Every open question"))] + [
        (q.code, localize(q.text, page_language(), survey.default_language).text)
        for q in survey.questions
        if q.kind in services.TEXT_KINDS
    ]
    if request.args:
        form.validate()
    words = "" if form.q.errors else (form.q.data or "")
    code = "" if form.question.errors else (form.question.data or "")
    page = request.args.get("page", "1")
    found = services.search_texts(survey, words, code, int(page) if page.isdigit() else 1)
    return render_template(
        "reports/texts.html",
        survey=survey,
        form=form,
        found=found,
        text=_texts(survey),
        query=request.args.to_dict(),
    )


EXPORTS = {
    "csv": ("text/csv; charset=utf-8", exports.stream_csv),
    "json": ("application/json", exports.stream_json),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        None,
    ),
}


@bp.get("/surveys/<int:survey_id>/export.<fmt>")
@role_required(*STAFF)
def export(survey_id: int, fmt: str):
    if fmt not in EXPORTS:
        abort(404)
    survey = _survey(survey_id)
    _form, filters = _filters(survey)
    record(
        "export",
        "survey",
        survey.id,
        user=current_user,
        format=fmt,
        filters=presenting.describe_filters(filters),
    )
    db.session.commit()
    mimetype, streamer = EXPORTS[fmt]
    if fmt == "xlsx":
        lang = request.args.get("labels") or page_language()
        body = exports.stream_xlsx(survey, filters, lang)
    else:
        body = streamer(survey, filters)
    response = Response(stream_with_context(body), mimetype=mimetype)
    response.headers["Content-Disposition"] = (
        f'attachment; filename="{survey.slug}-responses.{fmt}"'
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
