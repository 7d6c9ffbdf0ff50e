"""Staff accounts, roles and signing in."""

from flask import Flask
from flask_babel import lazy_gettext as _l


def init_app(app: Flask) -> None:
    from feedback.auth.cli import users_cli
    from feedback.auth.models import Role
    from feedback.auth.views import bp
    from feedback.templating import STAFF_LINKS

    app.register_blueprint(bp)
    app.cli.add_command(users_cli)
    app.jinja_env.globals["role_label"] = role_label
    link = ("auth.account", _l("Your account"), tuple(Role))
    if link not in STAFF_LINKS:
        STAFF_LINKS.append(link)


ROLE_LABELS = {
    "admin": _l("Administrator"),
    "facilitator": _l("Facilitator"),
    "official": _l("Official"),
}


def role_label(role) -> str:
    """The translated name of a role."""
    return str(ROLE_LABELS.get(str(getattr(role, "value", role)), role))
