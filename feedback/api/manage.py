"""/manage/api-tokens: administrators create and revoke API tokens."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import SelectField, StringField
from wtforms.validators import DataRequired, Length

from feedback.api import tokens
from feedback.api.models import ApiToken
from feedback.audit.services import record
from feedback.auth.login import role_required
from feedback.auth.models import Role, User
from feedback.extensions import db

bp = Blueprint("api_manage", __name__, url_prefix="/manage/api-tokens")


class TokenForm(FlaskForm):
    name = StringField(
        _l("What is the token for?"),
        validators=[
            DataRequired(_l("Enter what the token is for")),
            Length(
                max=tokens.MAX_NAME_LENGTH,
                message=_l("The name must be %(max)d characters or fewer"),
            ),
        ],
    )
    user = SelectField(_l("It reads the API as"), coerce=int)


class RevokeForm(FlaskForm):
    """Only the CSRF token: the token to revoke is in the address."""


def _form() -> TokenForm:
    form = TokenForm()
    users = db.session.scalars(select(User).where(User.active.is_(True)).order_by(User.email))
    form.user.choices = [(u.id, f"{u.email} ({u.role})") for u in users]
    if not form.is_submitted() and current_user.is_authenticated:
        form.user.data = current_user.id
    return form


def _page(form: TokenForm, secret: str | None = None, status: int = 200):
    response = render_template(
        "api/tokens.html",
        form=form,
        revoke_form=RevokeForm(),
        tokens=tokens.list_tokens(),
        secret=secret,
    )
    return response, status, {"Cache-Control": "no-store"}


@bp.get("")
@role_required(Role.ADMIN)
def index():
    return _page(_form())


@bp.post("")
@role_required(Role.ADMIN)
def create():
    form = _form()
    if not form.validate_on_submit():
        return _page(form, status=400)
    user = db.session.get(User, form.user.data)
    try:
        token, secret = tokens.create_token(user, form.name.data)
    except tokens.TokenError as error:
        form.name.errors.append(str(error))
        return _page(form, status=400)
    record("api_token.create", "api_token", token.id, user=current_user, for_user=user.id)
    db.session.commit()
    # The secret is shown once, on this answer to the POST: it is never stored.
    return _page(_form(), secret=secret)


@bp.post("/<int:token_id>/revoke")
@role_required(Role.ADMIN)
def revoke(token_id: int):
    if not RevokeForm().validate_on_submit():
        abort(400)
    token = db.session.get(ApiToken, token_id)
    if token is None:
        abort(404)
    if tokens.revoke_token(token):
        record("api_token.revoke", "api_token", token.id, user=current_user)
        db.session.commit()
    flash(_("The token “%(name)s” no longer works.", name=token.name), "success")
    return redirect(url_for("api_manage.index"))
