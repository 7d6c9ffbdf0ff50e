"""Facilitator pages of a survey's results: the moderation queue and the publication settings."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from feedback.audit.services import record
from feedback.auth.login import role_required
from feedback.auth.models import Role
from feedback.extensions import db
from feedback.results import moderation, publication
from feedback.results.models import ReviewStatus
from feedback.results.review import review_counts
from feedback.results.views import bp
from feedback.surveys.models import Survey

STATUSES = {status.value: status for status in ReviewStatus}
#: Texts shown at once in the queue (of answers, and of comments); the rest follow as they go.
QUEUE_PAGE = 100


def survey_or_404(survey_id: int) -> Survey:
    survey = db.session.get(Survey, survey_id)
    if survey is None:
        abort(404)
    return survey


def _item_or_404(survey: Survey, kind: str, item_id: int) -> moderation.Item:
    try:
        return moderation.find_item(survey, kind, item_id)
    except LookupError:
        abort(404)


@bp.route("/manage/surveys/<int:survey_id>/moderation")
@role_required(Role.FACILITATOR)
def moderation_queue(survey_id: int):
    survey = survey_or_404(survey_id)
    status_name = request.args.get("status", "pending")
    status = STATUSES.get(status_name, ReviewStatus.PENDING)
    return render_template(
        "results/moderation.html",
        survey=survey,
        items=moderation.queue(survey, status, limit=QUEUE_PAGE),
        pending=moderation.pending_count(survey),
        status=status,
        statuses=list(ReviewStatus),
    )


@bp.route("/manage/surveys/<int:survey_id>/moderation/<kind>/<int:item_id>", methods=["POST"])
@role_required(Role.FACILITATOR)
def moderate(survey_id: int, kind: str, item_id: int):
    survey = survey_or_404(survey_id)
    _item_or_404(survey, kind, item_id)
    decision = request.form.get("decision")
    back = url_for(
        "results.moderation_queue", survey_id=survey.id, status=request.form.get("status")
    )
    try:
        if decision == "approve":
            moderation.approve(survey, kind, item_id, current_user)
            flash(_("Approved: the text can now be published."), "success")
        elif decision == "hide":
            moderation.hide(survey, kind, item_id, current_user)
            flash(_("Hidden: the text will not be published."), "success")
        else:
            abort(400)
    except moderation.ModerationError:
        flash(
            _("This text contains an email address or phone number. Redact it before approving."),
            "warning",
        )
        return redirect(url_for("results.redact", survey_id=survey.id, kind=kind, item_id=item_id))
    record(f"moderation.{decision}", kind, item_id, current_user, survey_id=survey.id)
    db.session.commit()
    return redirect(back)


@bp.route(
    "/manage/surveys/<int:survey_id>/moderation/<kind>/<int:item_id>/redact",
    methods=["GET", "POST"],
)
@role_required(Role.FACILITATOR)
def redact(survey_id: int, kind: str, item_id: int):
    survey = survey_or_404(survey_id)
    item = _item_or_404(survey, kind, item_id)
    errors = []
    if request.method == "POST":
        text = request.form.get("redacted", "")
        try:
            moderation.redact(survey, kind, item_id, text, current_user)
        except moderation.ModerationError as error:
            if str(error) == "empty":
                message = _("Enter the text to publish")
            else:
                message = _("Remove every email address and phone number from the text")
            errors.append(("redacted", message))
        else:
            record("moderation.redact", kind, item_id, current_user, survey_id=survey.id)
            db.session.commit()
            flash(_("Saved: the redacted text is approved."), "success")
            return redirect(url_for("results.moderation_queue", survey_id=survey.id))
    else:
        text = item.redacted_text or moderation.suggest_redaction(item.text)
    db.session.rollback()  # looking up an item may have prepared a review row
    return render_template(
        "results/redact.html",
        survey=survey,
        item=item,
        text=text,
        errors=errors,
        flags_found=moderation.find_personal_data(text),
    ), (400 if errors else 200)


@bp.route("/manage/surveys/<int:survey_id>/publication", methods=["GET", "POST"])
@role_required(Role.FACILITATOR)
def publication_settings(survey_id: int):
    survey = survey_or_404(survey_id)
    if request.method == "POST":
        chosen = {int(v) for v in request.form.getlist("question") if v.isdigit()}
        featured = {int(v) for v in request.form.getlist("quote") if v.isdigit()}
        publication.set_published_questions(survey, chosen)
        moderation.set_featured(survey, featured)
        publication.set_public(survey, request.form.get("public") == "on")
        record(
            "publication.update",
            "survey",
            survey.id,
            current_user,
            public=survey.results_public,
            questions=sorted(chosen),
        )
        db.session.commit()
        flash(_("Publication settings saved."), "success")
        return redirect(url_for("results.publication_settings", survey_id=survey.id))
    published = {q.id for q in publication.published_questions(survey)}
    return render_template(
        "results/publication.html",
        survey=survey,
        questions=publication.publishable_questions(survey),
        published=published,
        quotes=moderation.approved_quotes(survey, featured_only=False),
        pending=moderation.pending_count(survey),
        review_counts=review_counts(survey),
    )
