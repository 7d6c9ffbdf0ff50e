"""Staff accounts, for administrators: invite, deactivate, reactivate."""

from __future__ import annotations

import logging

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from feedback.audit.services import record
from feedback.auth import services as accounts
from feedback.auth.login import role_required
from feedback.auth.models import Role, User
from feedback.authoring.forms import InviteForm
from feedback.authoring.views import bp
from feedback.extensions import db

log = logging.getLogger(__name__)


@bp.route("/users")
@role_required(Role.ADMIN)
def users():
    return render_template("authoring/users.html", users=accounts.list_users())


@bp.route("/users/invite", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def invite_user():
    form = InviteForm()
    if form.validate_on_submit():
        if accounts.find_user(form.email.data):
            form.email.errors = [_("A user with this email address already exists.")]
        else:
            user, token = accounts.invite_user(form.email.data, form.role.data, form.language.data)
            db.session.flush()
            record("user.invited", "user", user.id, current_user, role=user.role.value)
            db.session.commit()
            link = url_for("auth.set_password", token=token, _external=True)
            log.info("Invitation for %s: %s (valid 7 days)", user.email, link)
            return render_template("authoring/invited.html", user=user, link=link)
    return render_template("authoring/invite.html", form=form)


def _set_active(user_id: int, active: bool):
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    if user.id == current_user.id:
        flash(_("You cannot deactivate your own account."), "warning")
        return redirect(url_for("authoring.users"))
    if active:
        accounts.reactivate_user(user)
        record("user.reactivated", "user", user.id, current_user)
        flash(_("%(email)s can sign in again.", email=user.email))
    else:
        accounts.deactivate_user(user)
        record("user.deactivated", "user", user.id, current_user)
        flash(_("%(email)s can no longer sign in.", email=user.email))
    db.session.commit()
    return redirect(url_for("authoring.users"))


@bp.route("/users/<int:user_id>/deactivate", methods=["POST"])
@role_required(Role.ADMIN)
def deactivate_user(user_id: int):
    return _set_active(user_id, False)


@bp.route("/users/<int:user_id>/reactivate", methods=["POST"])
@role_required(Role.ADMIN)
def reactivate_user(user_id: int):
    return _set_active(user_id, True)
