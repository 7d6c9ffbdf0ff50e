"""What residents see of the results: the public summary page and community review."""

from flask import Flask


def init_app(app: Flask) -> None:
    from feedback.results.views import bp

    app.register_blueprint(bp)
