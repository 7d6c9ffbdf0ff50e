"""The read-only JSON API under /api/v1, described by an OpenAPI document, and the page where
administrators manage its tokens."""

from flask import Flask
from flask_babel import lazy_gettext as _l


def init_app(app: Flask) -> None:
    from feedback.api.cli import api_tokens_cli
    from feedback.api.manage import bp as manage_bp
    from feedback.api.views import bp
    from feedback.auth.models import Role
    from feedback.extensions import csrf
    from feedback.templating import STAFF_LINKS

    csrf.exempt(bp)  # read-only, token-authenticated: no cookies, nothing to forge
    app.register_blueprint(bp)
    app.register_blueprint(manage_bp)
    app.cli.add_command(api_tokens_cli)
    link = ("api_manage.index", _l("API tokens"), (Role.ADMIN,))
    if not any(entry[0] == link[0] for entry in STAFF_LINKS):
        STAFF_LINKS.append(link)
