"""Views under /manage: surveys, their questions, and staff accounts."""

from flask import Blueprint, redirect, url_for

from feedback.auth.login import role_required
from feedback.auth.models import Role

bp = Blueprint("authoring", __name__, url_prefix="/manage")


@bp.before_request
@role_required(Role.FACILITATOR)
def _facilitators_only():
    """Every page here is for facilitators (and admins); user pages check for admins too."""
    return None


@bp.route("/")
def index():
    return redirect(url_for("authoring.surveys"))


from feedback.authoring.views import questions, surveys, users  # noqa: E402, F401
