"""The public results page /s/<slug>/results and its community review (vote and comment)."""

from __future__ import annotations

from datetime import date

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _

from feedback.extensions import db, limiter
from feedback.i18n import offer_languages, page_language
from feedback.results import publication, review
from feedback.results.models import Verdict
from feedback.results.public import public_results, texts

bp = Blueprint("results", __name__)

REVIEW_COOKIE = "review"


def _public_survey(slug: str):
    survey = publication.find_public_survey(slug)
    if survey is None:
        abort(404)
    offer_languages(survey.languages or [survey.default_language], survey.default_language)
    return survey, page_language()


def _render(survey, language: str, token: str | None, errors=None, comment: str = ""):
    facts = public_results(survey, language, date.today())
    return render_template(
        "results/public.html",
        survey=survey,
        facts=facts,
        t=texts(language, survey.default_language),
        language=language,
        verdict=review.my_verdict(survey, token),
        verdicts=list(Verdict),
        errors=errors or [],
        comment=comment,
        comment_max=review.COMMENT_MAX_LENGTH,
    )


def _with_token(response, survey, token: str):
    response.set_cookie(
        REVIEW_COOKIE,
        token,
        max_age=365 * 24 * 3600,
        path=url_for("results.public_results", slug=survey.slug),
        httponly=True,
        samesite="Lax",
        secure=current_app.config.get("SESSION_COOKIE_SECURE", False),
    )
    return response


def _token() -> str | None:
    token = request.cookies.get(REVIEW_COOKIE, "")
    return token if 16 <= len(token) <= 64 else None


@bp.route("/s/<slug>/results", endpoint="public_results")
def public_results_page(slug: str):
    survey, language = _public_survey(slug)
    token = _token()
    response = current_app.make_response(_render(survey, language, token))
    if token is None:
        _with_token(response, survey, review.new_token())
    return response


@bp.route("/s/<slug>/results/review", methods=["POST"])
@limiter.limit("30/minute")
def vote(slug: str):
    survey, language = _public_survey(slug)
    try:
        verdict = Verdict(request.form.get("verdict", ""))
    except ValueError:
        return redirect(url_for("results.public_results", slug=slug, lang=language))
    token = _token() or review.new_token()
    review.vote(survey, token, verdict)
    flash(_("Thank you: your view has been counted."), "success")
    target = url_for("results.public_results", slug=slug, lang=language, _anchor="review")
    return _with_token(redirect(target), survey, token)


@bp.route("/s/<slug>/results/comment", methods=["POST"])
@limiter.limit("10/minute")
def comment(slug: str):
    survey, language = _public_survey(slug)
    text = request.form.get("comment", "")
    if not text.strip():
        errors = [("comment", _("Enter your comment"))]
        return _render(survey, language, _token(), errors, text), 400
    if len(text.strip()) > review.COMMENT_MAX_LENGTH:
        errors = [
            (
                "comment",
                _(
                    "Your comment must be %(max)d characters or fewer",
                    max=review.COMMENT_MAX_LENGTH,
                ),
            )
        ]
        return _render(survey, language, _token(), errors, text), 400
    review.add_comment(survey, text, language)
    db.session.commit()
    flash(_("Thank you: your comment will appear once a moderator has read it."), "success")
    return redirect(url_for("results.public_results", slug=slug, lang=language, _anchor="review"))
