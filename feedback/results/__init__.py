"""What residents see of the results: the public summary page and community review; and the
facilitator pages behind it: moderation, findings and actions, publication settings."""

from flask import Flask
from flask_babel import lazy_gettext as _l


def init_app(app: Flask) -> None:
    from feedback.auth.models import Role
    from feedback.results import findings_views, manage  # noqa: F401 - routes on the blueprint
    from feedback.results.views import bp
    from feedback.templating import STAFF_LINKS, THANKS_BLOCKS

    app.register_blueprint(bp)
    if not any(link[0] == "results.surveys" for link in STAFF_LINKS):
        STAFF_LINKS.append(("results.surveys", _l("Results and moderation"), (Role.FACILITATOR,)))
    if results_link not in THANKS_BLOCKS:
        THANKS_BLOCKS.append(results_link)


def results_link(survey):
    """On the thank-you page: a link to the published results, when there are some."""
    from flask import render_template

    if not survey.results_public:
        return ""
    return render_template("results/_thanks_link.html", survey=survey)
