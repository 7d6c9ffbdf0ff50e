"""Resident pages: the list of open surveys, answering one, the thank-you page."""

from __future__ import annotations

from datetime import timedelta

from flask import (
    Blueprint,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError, validate_csrf
from wtforms.validators import ValidationError

from feedback.answering import services
from feedback.answering.validation import RawValues, shown_codes
from feedback.extensions import csrf, db, limiter
from feedback.i18n import localize, offer_languages, page_language
from feedback.surveys.models import Survey

bp = Blueprint("answering", __name__)

DRAFT_COOKIE = "draft"


def _lifetime() -> timedelta:
    return services.draft_lifetime(current_app.config["DRAFT_LIFETIME_HOURS"])


def _submit_limit() -> str:
    return current_app.config["SUBMIT_RATE_LIMIT"]


def _offer(survey: Survey) -> str:
    offer_languages(survey.languages or [survey.default_language], survey.default_language)
    return page_language()


def _unavailable(error: services.SurveyUnavailable):
    if error.survey is not None:
        _offer(error.survey)
    status = 410 if error.reason == "closed" else 404
    return (
        render_template("answering/unavailable.html", reason=error.reason, survey=error.survey),
        status,
    )


def _posted_values(survey: Survey) -> RawValues:
    """The form's answers by question code (fields are named ``q-<code>``)."""
    return {
        q.code: request.form.getlist(f"q-{q.code}")
        for q in survey.questions
        if q.removed_at is None and f"q-{q.code}" in request.form
    }


@bp.route("/")
def index():
    surveys = services.open_surveys()
    language = page_language()
    listed = [
        {
            "survey": s,
            "title": localize(s.title, language, s.default_language),
            "introduction": localize(s.introduction, language, s.default_language),
            "in_language": language in (s.languages or []),
        }
        for s in surveys
    ]
    return render_template("answering/index.html", surveys=listed)


@bp.route("/s/<slug>", methods=["GET", "POST"])
@csrf.exempt  # checked below, so that an expired token keeps the answers
@limiter.limit(_submit_limit, methods=["POST"])
def survey_page(slug: str):
    try:
        survey = services.open_survey(slug)
    except services.SurveyUnavailable as error:
        return _unavailable(error)
    language = _offer(survey)
    token = request.cookies.get(DRAFT_COOKIE)
    draft = services.find_draft(survey, token, _lifetime())
    if request.method == "POST":
        return _post(survey, draft, language)
    if draft is None:
        # Reading the page writes nothing (passers-by and link previews leave no rows): the
        # draft starts with the first screen the resident sends, under this page's key.
        return render_survey(survey, {}, 0, language, services.new_key())
    sections = services.steps(survey)
    asked = request.args.get("step", type=int)
    step = draft.step if asked is None else max(0, min(asked - 1, draft.step))
    step = min(step, max(len(sections) - 1, 0))
    return _with_draft_cookie(
        render_survey(survey, draft.values or {}, step, language, draft.submission_key),
        survey,
        draft,
    )


def _post(survey: Survey, draft, language: str):
    sections = services.steps(survey)
    step = request.form.get("step", type=int) or 0
    step = max(0, min(step, max(len(sections) - 1, 0)))
    key = request.form.get("submission_key", "")
    if not services.is_key(key):
        abort(400)
    posted = _posted_values(survey)
    raw = services.merge_screen(survey, draft.values if draft else {}, posted, step)
    try:
        validate_csrf(request.form.get("csrf_token"))
    except (ValidationError, CSRFError):
        message = _(
            "This page was open for a long time, so for your security we did not save it yet. "
            "Your answers are still here: check them and continue."
        )
        return render_survey(survey, raw, step, language, key, notice=message), 400

    action = request.form.get("action", "next")
    following = services.next_step(survey, raw, step)
    if action == "submit" or (action != "back" and following >= len(sections)):
        return _submit(survey, draft, raw, step, language, key)

    if draft is None:  # the cookie was lost: keep going with what this page sent
        draft = services.start_draft(survey, language)
        draft.submission_key = key
    services.update_draft(draft, survey, posted, step)
    if action == "back":  # no checks going back; draft.step stays the furthest screen reached
        db.session.commit()
        return _redirect_to_step(survey, draft, services.next_step(survey, raw, step, -1))
    errors = services.check_step(survey, raw, step)
    if errors:
        db.session.commit()  # keep what was typed, even with errors
        return _with_draft_cookie(
            render_survey(survey, raw, step, language, key, errors=errors), survey, draft
        )
    draft.step = max(draft.step, following)
    db.session.commit()
    return _redirect_to_step(survey, draft, following)


def _submit(survey: Survey, draft, raw, step: int, language: str, key: str):
    """Store the response (once, whatever the number of taps) and say thank you.

    The draft is not written to before storing: a double tap may already have deleted it.
    """
    try:
        services.submit_response(survey, raw, language, key)
    except services.AnswersInvalid as invalid:
        db.session.rollback()
        if draft is None:
            draft = services.start_draft(survey, language)
            draft.submission_key = key
        draft.values = raw
        draft.step = invalid.step
        db.session.commit()
        response = render_survey(survey, raw, invalid.step, language, key, errors=invalid.errors)
        return _with_draft_cookie(response, survey, draft)
    if draft is not None:
        services.discard_draft(draft.token)
    db.session.commit()
    response = redirect(url_for("answering.thanks", slug=survey.slug, lang=language))
    response.delete_cookie(DRAFT_COOKIE, path=f"/s/{survey.slug}")
    return response


def _with_draft_cookie(body, survey: Survey, draft):
    response = current_app.make_response(body)
    _set_draft_cookie(response, survey, draft.token)
    return response


def _redirect_to_step(survey: Survey, draft, step: int | None = None):
    step = draft.step if step is None else step
    response = redirect(url_for("answering.survey_page", slug=survey.slug, step=step + 1))
    _set_draft_cookie(response, survey, draft.token)
    return response


def _set_draft_cookie(response, survey: Survey, token: str) -> None:
    response.set_cookie(
        DRAFT_COOKIE,
        token,
        max_age=int(_lifetime().total_seconds()),
        path=f"/s/{survey.slug}",
        httponly=True,
        samesite="Lax",
        secure=current_app.config.get("SESSION_COOKIE_SECURE", False),
    )


def render_survey(
    survey: Survey,
    raw: RawValues,
    step: int,
    language: str,
    submission_key: str,
    errors: dict[str, str] | None = None,
    notice: str | None = None,
    preview: bool = False,
    action_url: str | None = None,
):
    """The page for one screen of a survey, with the answers so far and any errors."""
    sections = services.steps(survey)
    section = sections[step] if sections else None
    shown = shown_codes(survey, raw)
    questions = on_screen(services.step_questions(section) if section else [], shown)
    return render_template(
        "answering/survey.html",
        survey=survey,
        section=section,
        step=step,
        step_count=len(sections),
        questions=questions,
        shown=shown,
        values=raw,
        errors=errors or {},
        notice=notice,
        language=language,
        submission_key=submission_key,
        preview=preview,
        action_url=action_url or url_for("answering.survey_page", slug=survey.slug),
        is_last=services.next_step(survey, raw, step) >= len(sections),
        t=lambda texts: localize(texts, language, survey.default_language),
    )


def on_screen(questions: list, shown: set[str]) -> list:
    """The questions put on the page: those shown, plus those whose show-if looks at a
    question on this same page (JavaScript shows and hides them live; without it they are
    simply there, and the server drops answers that do not apply). A question whose parent
    is not on the page is left out, however its own rule reads."""
    on_page: list = []
    codes: set[str] = set()
    for question in questions:
        parent = question.show_if_question
        if question.code in shown or (parent is not None and parent.code in codes):
            on_page.append(question)
            codes.add(question.code)
    return on_page


@bp.route("/s/<slug>/thanks")
def thanks(slug: str):
    survey = services.load_survey(slug)
    if survey is None or survey.availability() == "draft":
        return _unavailable(services.SurveyUnavailable("unknown"))
    language = _offer(survey)
    return render_template(
        "answering/thanks.html",
        survey=survey,
        t=lambda texts: localize(texts, language, survey.default_language),
    )
