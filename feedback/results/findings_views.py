"""Facilitator pages: findings ("you said") and actions ("we did") of a survey."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from wtforms.fields.choices import SelectChoice

from feedback.audit.services import record
from feedback.auth.login import role_required
from feedback.auth.models import Role
from feedback.extensions import db
from feedback.i18n import localize
from feedback.results import findings, moderation
from feedback.results.forms import ActionForm, FindingForm, read_texts
from feedback.results.manage import survey_or_404
from feedback.results.models import Action, ActionStatus, Finding
from feedback.results.views import bp
from feedback.surveys.models import Survey


@bp.route("/manage/results")
@role_required(Role.FACILITATOR)
def surveys():
    rows = [
        (survey, moderation.pending_count(survey))
        for survey in db.session.scalars(select(Survey).order_by(Survey.id))
    ]
    return render_template("results/surveys.html", rows=rows)


def _languages(survey: Survey) -> list[str]:
    return survey.languages or [survey.default_language]


def _finding_or_404(survey: Survey, finding_id: int) -> Finding:
    finding = db.session.get(Finding, finding_id)
    if finding is None or finding.survey_id != survey.id:
        abort(404)
    return finding


def _question_choices(survey: Survey, segments_only: bool):
    def label(question):
        return f"{question.code}: {localize(question.text, 'en', survey.default_language)}"

    choices = [SelectChoice("", _("None"))]
    choices += [
        SelectChoice(q.code, label(q))
        for q in survey.questions
        if q.removed_at is None and (q.is_segment or not segments_only)
    ]
    if segments_only:
        choices.append(SelectChoice("language", _("Language of the response")))
    return choices


@bp.route("/manage/surveys/<int:survey_id>/findings")
@role_required(Role.FACILITATOR)
def findings_list(survey_id: int):
    survey = survey_or_404(survey_id)
    return render_template(
        "results/findings.html",
        survey=survey,
        findings=findings.list_findings(survey_id=survey.id),
        t=lambda texts: localize(texts, survey.default_language, survey.default_language),
    )


@bp.route("/manage/surveys/<int:survey_id>/findings/new", methods=["GET", "POST"])
@bp.route("/manage/surveys/<int:survey_id>/findings/<int:finding_id>", methods=["GET", "POST"])
@role_required(Role.FACILITATOR)
def finding_edit(survey_id: int, finding_id: int | None = None):
    survey = survey_or_404(survey_id)
    finding = _finding_or_404(survey, finding_id) if finding_id else None
    form = FindingForm(obj=finding)
    form.evidence_code.choices = _question_choices(survey, segments_only=False)
    form.evidence_by.choices = _question_choices(survey, segments_only=True)
    languages = _languages(survey)
    texts = dict(finding.text) if finding else {}
    errors = []
    if request.method == "POST":
        texts, errors = read_texts(request.form, languages, survey.default_language)
        valid = form.validate_on_submit()
        errors += [(f.id, f.errors[0]) for f in form if f.errors]
        if valid and not errors:
            values = {
                "evidence_code": form.evidence_code.data,
                "evidence_by": form.evidence_by.data,
                "published": form.published.data,
            }
            if finding is None:
                finding = findings.create_finding(texts, survey_id=survey.id, **values)
                record("finding.create", "finding", finding.id, current_user)
            else:
                findings.update_finding(finding, texts, position=form.position.data, **values)
                record("finding.update", "finding", finding.id, current_user)
            db.session.commit()
            flash(_("Finding saved."), "success")
            return redirect(url_for("results.findings_list", survey_id=survey.id))
    return render_template(
        "results/finding_form.html",
        survey=survey,
        finding=finding,
        form=form,
        texts=texts,
        languages=languages,
        errors=errors,
    ), (400 if errors else 200)


@bp.route("/manage/surveys/<int:survey_id>/findings/<int:finding_id>/delete", methods=["POST"])
@role_required(Role.FACILITATOR)
def finding_delete(survey_id: int, finding_id: int):
    survey = survey_or_404(survey_id)
    finding = _finding_or_404(survey, finding_id)
    record("finding.delete", "finding", finding.id, current_user)
    db.session.delete(finding)
    db.session.commit()
    flash(_("Finding deleted."), "success")
    return redirect(url_for("results.findings_list", survey_id=survey.id))


def _action_or_404(finding: Finding, action_id: int) -> Action:
    action = db.session.get(Action, action_id)
    if action is None or action.finding_id != finding.id:
        abort(404)
    return action


@bp.route(
    "/manage/surveys/<int:survey_id>/findings/<int:finding_id>/actions/new",
    methods=["GET", "POST"],
)
@bp.route(
    "/manage/surveys/<int:survey_id>/findings/<int:finding_id>/actions/<int:action_id>",
    methods=["GET", "POST"],
)
@role_required(Role.FACILITATOR)
def action_edit(survey_id: int, finding_id: int, action_id: int | None = None):
    survey = survey_or_404(survey_id)
    finding = _finding_or_404(survey, finding_id)
    action = _action_or_404(finding, action_id) if action_id else None
    form = ActionForm(obj=action)
    languages = _languages(survey)
    texts = dict(action.text) if action else {}
    errors = []
    if request.method == "POST":
        texts, errors = read_texts(request.form, languages, survey.default_language)
        valid = form.validate_on_submit()
        errors += [(f.id, f.errors[0]) for f in form if f.errors]
        if valid and not errors:
            action = findings.save_action(
                finding,
                texts,
                form.owner.data,
                ActionStatus(form.status.data),
                form.due_on.data,
                form.done_on.data,
                action,
            )
            db.session.flush()
            record("action.save", "action", action.id, current_user)
            db.session.commit()
            flash(_("Action saved."), "success")
            return redirect(url_for("results.findings_list", survey_id=survey.id))
    return render_template(
        "results/action_form.html",
        survey=survey,
        finding=finding,
        action=action,
        form=form,
        texts=texts,
        languages=languages,
        errors=errors,
    ), (400 if errors else 200)


@bp.route(
    "/manage/surveys/<int:survey_id>/findings/<int:finding_id>/actions/<int:action_id>/delete",
    methods=["POST"],
)
@role_required(Role.FACILITATOR)
def action_delete(survey_id: int, finding_id: int, action_id: int):
    survey = survey_or_404(survey_id)
    action = _action_or_404(_finding_or_404(survey, finding_id), action_id)
    record("action.delete", "action", action.id, current_user)
    db.session.delete(action)
    db.session.commit()
    flash(_("Action deleted."), "success")
    return redirect(url_for("results.findings_list", survey_id=survey.id))
