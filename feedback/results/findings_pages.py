"""The findings and actions pages, shared by surveys and programmes: a :class:`Scope` says whose
findings they are, which languages they are written in and where the pages live."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from feedback.audit.services import record
from feedback.extensions import db
from feedback.i18n import localize
from feedback.results import findings
from feedback.results.forms import ActionForm, FindingForm, read_texts
from feedback.results.models import Action, ActionStatus, Finding
from feedback.surveys.models import Question


@dataclass
class Scope:
    """Whose findings: a survey (``{"survey_id": n}``) or a programme (``{"initiative_id": n}``)."""

    key: dict[str, int]
    blueprint: str
    title: object
    languages: list[str]
    default_language: str
    questions: list[Question] = field(default_factory=list)
    #: The surveys page navigation (surveys only).
    survey: object = None

    def url(self, endpoint: str, **values) -> str:
        return url_for(f"{self.blueprint}.{endpoint}", **self.key, **values)

    def t(self, texts):
        return localize(texts, self.default_language, self.default_language)


def _evidence_choices(scope: Scope, segments_only: bool) -> list[SelectChoice]:
    choices = [SelectChoice("", _("None"))]
    for q in scope.questions:
        if q.removed_at is None and (q.is_segment or not segments_only):
            text = localize(q.text, scope.default_language, q.survey.default_language)
            choices.append(SelectChoice(q.code, f"{q.code}: {text}"))
    if segments_only:
        choices.append(SelectChoice("language", _("Language of the response")))
    return choices


def _finding_or_404(scope: Scope, finding_id: int) -> Finding:
    finding = db.session.get(Finding, finding_id)
    if finding is None or any(getattr(finding, k) != v for k, v in scope.key.items()):
        abort(404)
    return finding


def _action_or_404(finding: Finding, action_id: int) -> Action:
    action = db.session.get(Action, action_id)
    if action is None or action.finding_id != finding.id:
        abort(404)
    return action


def list_page(scope: Scope):
    return render_template(
        "results/findings.html",
        scope=scope,
        survey=scope.survey,
        findings=findings.list_findings(**scope.key),
        t=scope.t,
    )


def finding_page(scope: Scope, finding_id: int | None):
    finding = _finding_or_404(scope, finding_id) if finding_id else None
    form = FindingForm(obj=finding)
    form.evidence_code.choices = _evidence_choices(scope, segments_only=False)
    form.evidence_by.choices = _evidence_choices(scope, segments_only=True)
    texts = dict(finding.text) if finding else {}
    errors = []
    if request.method == "POST":
        texts, errors = read_texts(request.form, scope.languages, scope.default_language)
        valid = form.validate_on_submit()
        errors += [(f.id, f.errors[0]) for f in form if f.errors]
        if valid and not errors:
            values = {
                "evidence_code": form.evidence_code.data,
                "evidence_by": form.evidence_by.data,
                "published": form.published.data,
            }
            if finding is None:
                finding = findings.create_finding(texts, **scope.key, **values)
            else:
                findings.update_finding(finding, texts, position=form.position.data, **values)
            record("finding.save", "finding", finding.id, current_user)
            db.session.commit()
            flash(_("Finding saved."), "success")
            return redirect(scope.url("findings_list"))
    return render_template(
        "results/finding_form.html",
        scope=scope,
        finding=finding,
        form=form,
        texts=texts,
        errors=errors,
    ), (400 if errors else 200)


def delete_finding(scope: Scope, finding_id: int):
    finding = _finding_or_404(scope, finding_id)
    record("finding.delete", "finding", finding.id, current_user)
    db.session.delete(finding)
    db.session.commit()
    flash(_("Finding deleted."), "success")
    return redirect(scope.url("findings_list"))


def action_page(scope: Scope, finding_id: int, action_id: int | None):
    finding = _finding_or_404(scope, finding_id)
    action = _action_or_404(finding, action_id) if action_id else None
    form = ActionForm(obj=action)
    texts = dict(action.text) if action else {}
    errors = []
    if request.method == "POST":
        texts, errors = read_texts(request.form, scope.languages, scope.default_language)
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
            return redirect(scope.url("findings_list"))
    return render_template(
        "results/action_form.html",
        scope=scope,
        finding=finding,
        action=action,
        form=form,
        texts=texts,
        errors=errors,
    ), (400 if errors else 200)


def delete_action(scope: Scope, finding_id: int, action_id: int):
    action = _action_or_404(_finding_or_404(scope, finding_id), action_id)
    record("action.delete", "action", action.id, current_user)
    db.session.delete(action)
    db.session.commit()
    flash(_("Action deleted."), "success")
    return redirect(scope.url("findings_list"))
