"""The evaluation summary for officials: statistics, breakdowns, indicators, exports."""

from flask import Flask
from flask_babel import lazy_gettext as _l


def init_app(app: Flask) -> None:
    from feedback.answering.services import RESPONSE_STORED_HOOKS
    from feedback.auth.models import Role
    from feedback.reports.cli import reports_cli
    from feedback.reports.tallies import count_response
    from feedback.reports.views import bp
    from feedback.templating import STAFF_LINKS

    app.register_blueprint(bp)
    if count_response not in RESPONSE_STORED_HOOKS:
        RESPONSE_STORED_HOOKS.append(count_response)
    link = ("reports.index", _l("Reports"), (Role.OFFICIAL, Role.FACILITATOR))
    if not any(entry[0] == link[0] for entry in STAFF_LINKS):
        STAFF_LINKS.append(link)
    app.cli.add_command(reports_cli)
