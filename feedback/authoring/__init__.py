"""Facilitators build, edit, preview and publish surveys; administrators manage accounts."""

from flask import Flask
from flask_babel import lazy_gettext as _l


def init_app(app: Flask) -> None:
    from feedback.auth.models import Role
    from feedback.authoring.views import bp
    from feedback.templating import STAFF_LINKS

    app.register_blueprint(bp)
    from feedback.authoring.labels import init_labels

    init_labels(app)
    for link in (
        ("authoring.surveys", _l("Surveys"), (Role.FACILITATOR,)),
        ("authoring.users", _l("Users"), (Role.ADMIN,)),
    ):
        if link not in STAFF_LINKS:
            STAFF_LINKS.insert(0 if link[0] == "authoring.surveys" else len(STAFF_LINKS), link)
