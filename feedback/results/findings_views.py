"""Facilitator pages: the results overview, and findings ("you said") and actions ("we did")
of a survey (the pages themselves are in findings_pages, shared with programmes)."""

from __future__ import annotations

from flask import render_template
from sqlalchemy import select

from feedback.auth.login import role_required
from feedback.auth.models import Role
from feedback.extensions import db
from feedback.i18n import localize
from feedback.results import findings_pages as pages
from feedback.results import moderation
from feedback.results.manage import survey_or_404
from feedback.results.views import bp
from feedback.surveys.models import Survey

BASE = "/manage/surveys/<int:survey_id>/findings"


@bp.route("/manage/results")
@role_required(Role.FACILITATOR)
def surveys():
    rows = [
        (survey, moderation.pending_count(survey))
        for survey in db.session.scalars(select(Survey).order_by(Survey.id))
    ]
    return render_template("results/surveys.html", rows=rows)


def survey_scope(survey_id: int) -> pages.Scope:
    survey = survey_or_404(survey_id)
    return pages.Scope(
        key={"survey_id": survey.id},
        blueprint="results",
        title=localize(survey.title, survey.default_language, survey.default_language),
        languages=survey.languages or [survey.default_language],
        default_language=survey.default_language,
        questions=list(survey.questions),
        survey=survey,
    )


@bp.route(BASE)
@role_required(Role.FACILITATOR)
def findings_list(survey_id: int):
    return pages.list_page(survey_scope(survey_id))


@bp.route(f"{BASE}/new", methods=["GET", "POST"])
@bp.route(f"{BASE}/<int:finding_id>", methods=["GET", "POST"])
@role_required(Role.FACILITATOR)
def finding_edit(survey_id: int, finding_id: int | None = None):
    return pages.finding_page(survey_scope(survey_id), finding_id)


@bp.route(f"{BASE}/<int:finding_id>/delete", methods=["POST"])
@role_required(Role.FACILITATOR)
def finding_delete(survey_id: int, finding_id: int):
    return pages.delete_finding(survey_scope(survey_id), finding_id)


@bp.route(f"{BASE}/<int:finding_id>/actions/new", methods=["GET", "POST"])
@bp.route(f"{BASE}/<int:finding_id>/actions/<int:action_id>", methods=["GET", "POST"])
@role_required(Role.FACILITATOR)
def action_edit(survey_id: int, finding_id: int, action_id: int | None = None):
    return pages.action_page(survey_scope(survey_id), finding_id, action_id)


@bp.route(f"{BASE}/<int:finding_id>/actions/<int:action_id>/delete", methods=["POST"])
@role_required(Role.FACILITATOR)
def action_delete(survey_id: int, finding_id: int, action_id: int):
    return pages.delete_action(survey_scope(survey_id), finding_id, action_id)
