"""Resident pages: upcoming sessions, signing up, one's own sign-up by its secret link."""

from __future__ import annotations

from flask import abort, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from feedback.extensions import db, limiter
from feedback.focus_groups import messages, services
from feedback.focus_groups.forms import SignupForm
from feedback.focus_groups.models import FocusGroup, SignupStatus
from feedback.focus_groups.views import bp
from feedback.i18n import UI_LANGUAGES, localize, offer_languages, page_language


def _offer() -> str:
    offer_languages(list(UI_LANGUAGES), "en")
    return page_language()


def _submit_limit() -> str:
    return current_app.config["SUBMIT_RATE_LIMIT"]


def describe(group: FocusGroup, language: str) -> dict:
    """What a resident page shows of a session, in the page language where it exists."""
    return {
        "group": group,
        "title": localize(group.title, language, group.default_language),
        "description": localize(group.description, language, group.default_language),
        "accessibility": localize(group.accessibility, language, group.default_language),
        "open": group.signup_open(),
    }


@bp.route("/focus-groups")
def index():
    language = _offer()
    groups = [describe(g, language) for g in services.upcoming_groups()]
    return render_template("focus_groups/index.html", groups=groups)


def _refusal_message(reason: str) -> str:
    if reason == "duplicate":
        return _(
            "You are already signed up for this session. Use the link in your confirmation "
            "message to see or cancel your sign-up."
        )
    if reason == "full":
        return _("Sorry, this session is full and has no waitlist.")
    return _("Sorry, sign-up for this session has closed.")


@bp.route("/focus-groups/<int:group_id>", methods=["GET", "POST"])
@limiter.limit(_submit_limit, methods=["POST"])
def detail(group_id: int):
    language = _offer()
    group = db.session.get(FocusGroup, group_id)
    if group is None:
        abort(404)
    form = SignupForm()
    if request.method == "GET":
        form.language.data = language if language in UI_LANGUAGES else "en"
    notice = None
    if form.validate_on_submit():
        person = services.Person(
            name=form.name.data,
            email=form.email.data,
            phone=form.phone.data,
            language=form.language.data,
            access_needs=form.access_needs.data,
            consent=bool(form.consent.data),
        )
        try:
            signup = services.sign_up(group.id, person)
            token = signup.token
            db.session.commit()
        except services.SignupRefused as refused:
            db.session.rollback()
            if refused.reason == "duplicate":
                form.email.errors = [_refusal_message("duplicate")]
            else:
                notice = _refusal_message(refused.reason)
        except IntegrityError:
            db.session.rollback()
            form.email.errors = [_refusal_message("duplicate")]
        else:
            messages.deliver_queued()
            return redirect(signup_link(token), 303)
        group = db.session.get(FocusGroup, group_id)
    errors = [(f.id, f.errors[0]) for f in form if f.errors]
    retention = current_app.config.get("RETENTION_DAYS", 90)
    return render_template(
        "focus_groups/detail.html",
        item=describe(group, language),
        form=form,
        errors=errors,
        notice=notice,
        retention_days=retention,
    )


@bp.route("/focus-groups/signup/<token>")
def signup_page(token: str):
    language = _offer()
    signup = services.find_signup(token)
    if signup is None:
        abort(404)
    position = (
        services.waitlist_position(signup) if signup.status == SignupStatus.WAITLISTED else None
    )
    page = render_template(
        "focus_groups/signup.html",
        signup=signup,
        item=describe(signup.focus_group, language),
        position=position,
        statuses=SignupStatus,
    )
    response = current_app.make_response(page)
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/focus-groups/signup/<token>/calendar.ics")
def signup_calendar(token: str):
    signup = services.find_signup(token)
    if signup is None or signup.status not in (SignupStatus.CONFIRMED, SignupStatus.ATTENDED):
        abort(404)
    ics = messages.build_ics(signup.focus_group, messages.message_language(signup.language))
    response = current_app.response_class(ics, mimetype="text/calendar")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="focus-group-{signup.focus_group_id}.ics"'
    )
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/focus-groups/signup/<token>/cancel", methods=["POST"])
def cancel(token: str):
    signup = services.find_signup(token)
    if signup is None:
        abort(404)
    if signup.erased_at is None or signup.status != SignupStatus.CANCELLED:
        services.cancel_signup(signup.id, erase=True)
        db.session.commit()
        messages.deliver_queued()
    return redirect(signup_link(token), 303)


def signup_link(token: str) -> str:
    return url_for("focus_groups.signup_page", token=token)
