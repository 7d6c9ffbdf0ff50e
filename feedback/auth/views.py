"""/login, /logout, /account and setting a password from an invitation link."""

from __future__ import annotations

import math
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required, login_user, logout_user

from feedback.auth import throttle
from feedback.auth.forms import AccountForm, LoginForm, SetPasswordForm
from feedback.auth.services import (
    AccountError,
    authenticate,
    find_password_token,
    set_language,
    set_password_with_token,
)
from feedback.extensions import db, limiter

bp = Blueprint("auth", __name__)


def safe_next(target: str | None) -> str | None:
    """Only ever follow ``next=`` to a path on this site."""
    if not target:
        return None
    if any(ord(c) < 32 or c.isspace() for c in target):
        return None
    target = target.replace("\\", "/")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


def _client_address() -> str:
    return request.remote_addr or "unknown"


def _wait_message(wait) -> str:
    minutes = max(1, math.ceil(wait.total_seconds() / 60))
    return ngettext(
        "Too many failed attempts. For your security, wait %(num)d minute and try again.",
        "Too many failed attempts. For your security, wait %(num)d minutes and try again.",
        minutes,
    )


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def login():
    form = LoginForm()
    status = 200
    if form.validate_on_submit():
        email, address = form.email.data, _client_address()
        wait = throttle.wait_time(email, address)
        if wait.total_seconds() > 0:
            form.password.errors.append(_wait_message(wait))
            status = 429
        else:
            user = authenticate(email, form.password.data)
            if user is None:
                throttle.record_failure(email, address)
                db.session.commit()
                wait = throttle.wait_time(email, address)
                if wait.total_seconds() > 0:
                    form.password.errors.append(_wait_message(wait))
                else:
                    form.password.errors.append(_("The email address or password is not right."))
            else:
                throttle.clear_failures(email)
                session.clear()  # a fresh session at sign-in
                login_user(user)
                db.session.commit()
                return redirect(safe_next(request.args.get("next")) or _landing(user))
    return render_template("auth/login.html", form=form), status


def _landing(user) -> str:
    from feedback.auth.models import Role

    if user.role == Role.OFFICIAL and "reports.index" in _endpoints():
        return url_for("reports.index")
    if user.role != Role.OFFICIAL and "authoring.surveys" in _endpoints():
        return url_for("authoring.surveys")
    return url_for("answering.index")


def _endpoints():
    return current_app.view_functions


@bp.route("/logout", methods=["POST"])
def logout():
    if current_user.is_authenticated:
        logout_user()
    session.clear()
    flash(_("You have signed out."))
    return redirect(url_for("answering.index"))


@bp.route("/account", methods=["GET", "POST"])
@login_required
def account():
    form = AccountForm(language=current_user.language)
    if form.validate_on_submit():
        set_language(current_user, form.language.data)
        db.session.commit()
        flash(_("Your settings are saved."))
        return redirect(url_for("auth.account"))
    return render_template("auth/account.html", form=form)


@bp.route("/account/password/<token>", methods=["GET", "POST"])
def set_password(token: str):
    if find_password_token(token) is None:
        abort(404)
    form = SetPasswordForm()
    if form.validate_on_submit():
        try:
            set_password_with_token(token, form.password.data)
        except AccountError:
            abort(404)
        db.session.commit()
        flash(_("Your password is set. You can sign in now."))
        return redirect(url_for("auth.login"))
    return render_template("auth/set_password.html", form=form)
