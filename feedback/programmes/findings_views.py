"""Facilitator pages: findings and actions of a programme (shared pages from results)."""

from __future__ import annotations

from sqlalchemy import select

from feedback.auth.login import role_required
from feedback.auth.models import Role
from feedback.extensions import db
from feedback.i18n import localize
from feedback.programmes.services import linked_survey_ids
from feedback.programmes.views import _initiative_or_404, bp
from feedback.results import findings_pages as pages
from feedback.surveys.models import Question

BASE = "/manage/programmes/<int:initiative_id>/findings"


def programme_scope(initiative_id: int) -> pages.Scope:
    initiative = _initiative_or_404(initiative_id)
    ids = linked_survey_ids(initiative)
    questions = (
        list(
            db.session.scalars(
                select(Question)
                .where(Question.survey_id.in_(ids))
                .order_by(Question.survey_id, Question.position)
            )
        )
        if ids
        else []
    )
    return pages.Scope(
        key={"initiative_id": initiative.id},
        blueprint="programmes",
        title=localize(initiative.name, initiative.default_language, initiative.default_language),
        languages=initiative.languages or [initiative.default_language],
        default_language=initiative.default_language,
        questions=questions,
    )


@bp.route(BASE)
@role_required(Role.FACILITATOR)
def findings_list(initiative_id: int):
    return pages.list_page(programme_scope(initiative_id))


@bp.route(f"{BASE}/new", methods=["GET", "POST"])
@bp.route(f"{BASE}/<int:finding_id>", methods=["GET", "POST"])
@role_required(Role.FACILITATOR)
def finding_edit(initiative_id: int, finding_id: int | None = None):
    return pages.finding_page(programme_scope(initiative_id), finding_id)


@bp.route(f"{BASE}/<int:finding_id>/delete", methods=["POST"])
@role_required(Role.FACILITATOR)
def finding_delete(initiative_id: int, finding_id: int):
    return pages.delete_finding(programme_scope(initiative_id), finding_id)


@bp.route(f"{BASE}/<int:finding_id>/actions/new", methods=["GET", "POST"])
@bp.route(f"{BASE}/<int:finding_id>/actions/<int:action_id>", methods=["GET", "POST"])
@role_required(Role.FACILITATOR)
def action_edit(initiative_id: int, finding_id: int, action_id: int | None = None):
    return pages.action_page(programme_scope(initiative_id), finding_id, action_id)


@bp.route(f"{BASE}/<int:finding_id>/actions/<int:action_id>/delete", methods=["POST"])
@role_required(Role.FACILITATOR)
def action_delete(initiative_id: int, finding_id: int, action_id: int):
    return pages.delete_action(programme_scope(initiative_id), finding_id, action_id)
