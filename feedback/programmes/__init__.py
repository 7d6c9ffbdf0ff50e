"""Programmes (initiatives) and their indicators: targets, progress, on track or behind."""

from flask import Flask
from flask_babel import lazy_gettext as _l


def init_app(app: Flask) -> None:
    from feedback.auth.models import Role
    from feedback.demo import DEMO_LOADERS
    from feedback.programmes import findings_views  # noqa: F401 - routes on the blueprint
    from feedback.programmes.demo import load_programme_demo
    from feedback.programmes.views import bp
    from feedback.templating import STAFF_LINKS

    app.register_blueprint(bp)
    links = (
        ("programmes.manage_list", _l("Programmes"), (Role.FACILITATOR,)),
        ("programmes.report_list", _l("Programme indicators"), (Role.OFFICIAL,)),
    )
    if load_programme_demo not in DEMO_LOADERS:
        DEMO_LOADERS.append(load_programme_demo)
    for link in links:
        if not any(entry[0] == link[0] for entry in STAFF_LINKS):
            STAFF_LINKS.append(link)
